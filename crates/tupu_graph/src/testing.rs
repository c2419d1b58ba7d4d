//! A small hand-built extraction for the unit tests: every kind of fact, plus a few ids and spans
//! that do not fit, which the mapping must drop rather than write.

use std::collections::BTreeSet;

use tupu_extract::model::{
    Entity, EntityKind, EventDetails, Extraction, Figure, FigureKind, Post, Proposal, ProposalItem, Qualifier,
    Relation, Statement,
};
use tupu_extract::{Date, Decimal, PartialDate, Region, Script, Span};

/// A made-up article (no real names), 48 code points.
pub(crate) const TEXT: &str =
    "發展局局長陳大文表示，政府撥款超過10億元推動北都，並提出兩點建議：一是加快建設，二是吸引人才。";

fn entity(kind: EntityKind, label: &str, key: &str, mentions: &[(usize, usize)]) -> Entity {
    Entity {
        kind,
        label: label.to_owned(),
        key: key.to_owned(),
        aliases: BTreeSet::new(),
        other_names: BTreeSet::new(),
        english: None,
        mentions: mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        part_of: None,
    }
}

pub(crate) fn extraction() -> Extraction {
    let mut bureau = entity(EntityKind::Organization, "發展局", "发展局", &[(0, 3)]);
    bureau.other_names.insert("发展局".to_owned());
    bureau.aliases.insert("發局".to_owned());
    bureau.english = Some("Development Bureau".to_owned());
    bureau.part_of = Some(3);
    let person = entity(EntityKind::Person, "陳大文", "陈大文", &[(5, 8), (40, 50)]);
    let place = entity(EntityKind::Place, "北都", "北都", &[(23, 25)]);
    let government = entity(EntityKind::Organization, "政府", "政府", &[(11, 13)]);
    let summit = entity(EntityKind::Event, "發展峰會", "发展峰会", &[]);
    Extraction {
        script: Script::Traditional,
        region: Region::HongKong,
        headline: Some("發展局局長陳大文表示".to_owned()),
        published: Date::new(2025, 4, 15),
        entities: vec![person, bureau, place, government, summit],
        posts: vec![
            Post { holder: 0, title: "局長".to_owned(), org: Some(1), span: Span::new(3, 5) },
            Post { holder: 99, title: "主任".to_owned(), org: None, span: Span::new(3, 5) },
        ],
        events: vec![EventDetails {
            event: 4,
            locations: vec![2],
            start: Some(PartialDate::Day(14)),
            duration: Some("P2D".to_owned()),
            theme: Some("數智融合".to_owned()),
            speakers: vec![0],
            organisers: vec![3],
        }],
        figures: vec![
            Figure {
                span: Span::new(15, 21),
                text: "超過10億元".to_owned(),
                kind: FigureKind::Money,
                value: Decimal::from_int(1_000_000_000),
                min: None,
                max: None,
                currency: Some("HKD".to_owned()),
                unit: Some("元".to_owned()),
                counts: None,
                qualifier: Some(Qualifier::MoreThan),
                about: Some(2),
                date: None,
            },
            Figure {
                span: Span::new(29, 31),
                text: "兩點".to_owned(),
                kind: FigureKind::Year,
                value: Decimal::from_int(2),
                min: None,
                max: None,
                currency: None,
                unit: None,
                counts: None,
                qualifier: None,
                about: None,
                date: Some(PartialDate::Year(2025)),
            },
        ],
        statements: vec![Statement {
            speaker: Some(0),
            speaker_span: Some(Span::new(5, 8)),
            verb: "表示".to_owned(),
            text: "發展局局長陳大文表示，政府撥款超過10億元推動北都".to_owned(),
            span: Span::new(0, 25),
            quote: None,
        }],
        proposals: vec![Proposal {
            speaker: Some(0),
            verb: Some("提出".to_owned()),
            count: 2,
            items: vec![
                ProposalItem { position: 1, text: "加快建設".to_owned(), span: Span::new(36, 40) },
                ProposalItem { position: 2, text: "吸引人才".to_owned(), span: Span::new(43, 47) },
            ],
            span: Span::new(26, 47),
            text: "並提出兩點建議".to_owned(),
        }],
        relations: vec![
            Relation {
                subject: 3,
                object: 2,
                property: "funds".to_owned(),
                predicate_text: "撥款".to_owned(),
                span: Span::new(11, 25),
            },
            Relation {
                subject: 0,
                object: 2,
                property: "not a name!".to_owned(),
                predicate_text: "推動".to_owned(),
                span: Span::new(0, 25),
            },
        ],
    }
}
