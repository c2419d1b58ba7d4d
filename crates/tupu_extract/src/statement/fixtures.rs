//! The fixture texts under `tests/fixtures/{statements,proposals,relations}/`: one phenomenon
//! each, written in both scripts. Each pair must give the same facts, summarised in the folded
//! script (Traditional and Simplified fold to one form), with the names seeded as entities.

use crate::analysis::Stage;
use crate::analysis::testing::analysis_with;
use crate::model::EntityKind::{self, Event, Organization, Person};
use crate::normalize::fold;

fn fixture(path: &str) -> String {
    let full = format!("{}/../../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// `s` folded, with Hong Kong quotation marks written as mainland ones.
fn folded(s: &str) -> String {
    fold(s).replace('「', "“").replace('」', "”")
}

/// Statements, proposals and relations of `text`, one folded line each, sorted.
fn facts(text: &str, names: &[(&str, EntityKind)]) -> Vec<String> {
    let mut a = analysis_with(text, None, names);
    super::Statements.run(&mut a);
    crate::proposal::Proposals.run(&mut a);
    crate::relation::Relations.run(&mut a);
    let name = |id: Option<usize>| {
        id.and_then(|id| a.entities.get(id).full_names.keys().next().map(|n| fold(n))).unwrap_or_default()
    };
    let mut out: Vec<String> = a
        .statements
        .iter()
        .map(|s| format!("said {} {} {}", name(s.speaker), fold(&s.verb), folded(&s.text)))
        .chain(a.proposals.iter().map(|p| {
            let items: Vec<String> = p.items.iter().map(|i| fold(&i.text)).collect();
            format!("proposed {} {} {}", name(p.speaker), p.count, items.join("|"))
        }))
        .chain(
            a.relations
                .iter()
                .map(|r| format!("related {} {} {}", name(Some(r.subject)), r.property, name(Some(r.object)))),
        )
        .collect();
    out.sort();
    out.dedup();
    out
}

fn check(case: &str, names: &[(&str, EntityKind)], expected: &[&str]) {
    for script in ["zh-Hant", "zh-Hans"] {
        let got = facts(&fixture(&format!("{case}.{script}.txt")), names);
        assert_eq!(got, expected, "{case}.{script}");
    }
}

#[test]
fn statements_fixtures() {
    check(
        "statements/frame-before-verb",
        &[("陳志遠", Person), ("香港大學", Organization)],
        &["said 陈志远 认为 香港大学校长陈志远教授在主题演讲中认为，大学要让实验室的成果走进生产线。"],
    );
    check(
        "statements/quote-before-attribution",
        &[("林副部長", Person)],
        &["said 林副部长 说 “市场的大门始终敞开。我们欢迎各地企业。”林副部长说。"],
    );
    check(
        "statements/pronoun-and-caption",
        &[("何美玲", Person)],
        &[
            "said 何美玲 强调 她强调，政府会全力支持业界。",
            "said 何美玲 表示 ▲何美玲表示，要加快发展。",
            "said 何美玲 表示 何美玲表示，计划会如期推行。",
        ],
    );
}

#[test]
fn proposals_fixtures() {
    check(
        "proposals/points-in-paragraphs",
        &[("周國華", Person)],
        &["proposed 周国华 3 顺应时代的大势|应聚焦普惠包容|坚持安全与共"],
    );
    check(
        "proposals/points-in-one-sentence",
        &[("梁志明", Person)],
        &["proposed 梁志明 2 强化科研成果转化|推动产业链协同布局"],
    );
}

#[test]
fn relations_fixtures() {
    let parties = [
        ("甲大學", Organization),
        ("乙大學", Organization),
        ("丙科技有限公司", Organization),
        ("丁聯合實驗室", Organization),
    ];
    let mut expected = Vec::new();
    for (x, y) in [("甲大学", "乙大学"), ("甲大学", "丙科技有限公司"), ("乙大学", "丙科技有限公司")]
    {
        for (s, o) in [(x, y), (y, x)] {
            expected.push(format!("related {s} signedWith {o}"));
            expected.push(format!("related {s} partnerOf {o}"));
        }
    }
    for s in ["甲大学", "乙大学", "丙科技有限公司"] {
        expected.push(format!("related {s} founded 丁联合实验室"));
    }
    expected.sort();
    check("relations/three-party-signing", &parties, &expected.iter().map(String::as_str).collect::<Vec<_>>());
    check(
        "relations/passive-organisers",
        &[("戊論壇", Event), ("己管理局", Organization), ("庚發展局", Organization), ("辛公會", Organization)],
        &[
            "related 己管理局 organizerOf 戊论坛",
            "related 己管理局 partnerOf 庚发展局",
            "related 庚发展局 organizerOf 戊论坛",
            "related 庚发展局 partnerOf 己管理局",
            "related 辛公会 coOrganizerOf 戊论坛",
        ],
    );
}
