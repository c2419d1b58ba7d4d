//! An extraction built from a gold annotation instead of the extractor: every gold entity with
//! every occurrence of its names, its posts, figures, statements, proposals, relations and
//! events, with spans found in the real text. Mapping it to RDF and scoring it tests the mapping,
//! the offsets and the scorer on real articles, whatever the extractor finds today: a perfect
//! extraction must score (nearly) perfectly.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;
use tupu_extract::model::{
    Entity, EntityKind, EventDetails, Extraction, Figure, FigureKind, Post, Proposal, ProposalItem, Qualifier,
    Relation, Statement,
};
use tupu_extract::normalize::fold;
use tupu_extract::{Date, Decimal, PartialDate, Region, Script, Span};

/// Code-point spans of every occurrence of `needle` in `text`.
fn occurrences(text: &[char], needle: &str) -> Vec<Span> {
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() || needle.len() > text.len() {
        return Vec::new();
    }
    (0..=text.len() - needle.len())
        .filter(|&i| text[i..i + needle.len()] == needle[..])
        .map(|i| Span::new(i, i + needle.len()))
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

fn decimal(v: &Value) -> Decimal {
    let text = v.to_string();
    Decimal::parse(text.trim_end_matches(".0")).unwrap_or_default()
}

/// The extraction a perfect extractor would return for this gold annotation and text.
pub(crate) fn extraction(gold: &Value, text: &str) -> Extraction {
    let chars: Vec<char> = text.chars().collect();
    let first = |needle: &str| occurrences(&chars, needle).into_iter().next();
    let script = if gold["script"] == "zh-Hans" { Script::Simplified } else { Script::Traditional };
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut entities = Vec::new();
    for e in gold["entities"].as_array().into_iter().flatten() {
        let names = strings(&e["names"]);
        let kind =
            strings(&e["types"]).first().and_then(|t| EntityKind::from_name(t)).unwrap_or(EntityKind::Organization);
        let Some(label) = names.first().cloned() else { continue };
        let mut mentions: Vec<Span> = names.iter().flat_map(|n| occurrences(&chars, n)).collect();
        mentions.sort();
        mentions.dedup();
        index.insert(e["key"].as_str().unwrap_or_default().to_owned(), entities.len());
        entities.push(Entity {
            kind,
            key: fold(&label),
            aliases: names.iter().skip(1).cloned().collect::<BTreeSet<_>>(),
            other_names: BTreeSet::new(),
            english: None,
            mentions,
            part_of: None,
            label,
        });
    }
    let id = |v: &Value| v.as_str().and_then(|k| index.get(k).copied());
    let ids = |v: &Value| strings(v).iter().filter_map(|k| index.get(k).copied()).collect::<Vec<_>>();

    let posts = gold["posts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let title = p["title"].as_str()?.to_owned();
            Some(Post { holder: id(&p["person"])?, org: ids(&p["org"]).first().copied(), span: first(&title)?, title })
        })
        .collect();

    let events = gold["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let start = e["start"].as_str().and_then(|s| match s.strip_prefix("---") {
                Some(day) => day.parse().ok().map(PartialDate::Day),
                None => Date::parse(s).ok().map(PartialDate::Full),
            });
            Some(EventDetails {
                event: id(&e["event"])?,
                locations: ids(&e["location"]),
                start,
                duration: e["duration"].as_str().map(str::to_owned),
                theme: e["theme"].as_str().map(str::to_owned),
                speakers: ids(&e["speakers"]),
                organisers: Vec::new(),
            })
        })
        .collect();

    // Figures claim distinct occurrences of their text, in order.
    let mut taken = BTreeSet::new();
    let figures = gold["figures"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let text = f["text"].as_str()?.to_owned();
            let span = occurrences(&chars, &text).into_iter().find(|s| !taken.contains(s))?;
            taken.insert(span);
            let currency = f["currency"].as_str().map(str::to_owned);
            Some(Figure {
                span,
                kind: if currency.is_some() { FigureKind::Money } else { FigureKind::Count },
                value: decimal(&f["value"]),
                min: None,
                max: None,
                unit: None,
                counts: f["counts"].as_str().map(str::to_owned),
                qualifier: f["qualifier"].as_str().and_then(Qualifier::from_name),
                about: ids(&f["about"]).first().copied(),
                date: None,
                currency,
                text,
            })
        })
        .collect();

    let statements = gold["statements"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| {
            let said = s["contains"].as_str()?.to_owned();
            Some(Statement {
                speaker: id(&s["speaker"]),
                speaker_span: None,
                verb: "表示".to_owned(),
                span: first(&said)?,
                quote: None,
                text: said,
            })
        })
        .collect();

    let proposals = gold["proposals"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let items: Vec<ProposalItem> = strings(&p["items"])
                .into_iter()
                .enumerate()
                .filter_map(|(i, t)| Some(ProposalItem { position: i + 1, span: first(&t)?, text: t }))
                .collect();
            let span = items.first()?.span.cover(items.last()?.span);
            Some(Proposal {
                speaker: id(&p["by"]),
                verb: None,
                count: p["count"].as_u64().map_or(items.len(), |c| c as usize),
                span,
                text: chars[span.start..span.end].iter().collect(),
                items,
            })
        })
        .collect();

    let relations = gold["relations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let (subject, object) = (id(&r["subject"])?, id(&r["object"])?);
            let hint = r["hint"].as_str().unwrap_or("").to_owned();
            let span =
                first(&hint).or_else(|| entities.get(subject).and_then(|e: &Entity| e.mentions.first().copied()))?;
            Some(Relation { subject, object, property: "relatedTo".to_owned(), predicate_text: hint, span })
        })
        .collect();

    Extraction {
        script,
        region: Region::HongKong,
        headline: None,
        published: gold["published"].as_str().and_then(|d| Date::parse(d).ok()),
        entities,
        posts,
        events,
        figures,
        statements,
        proposals,
        relations,
    }
}
