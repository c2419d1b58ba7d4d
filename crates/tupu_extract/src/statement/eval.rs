//! Scores the statement, proposal and relation stages against the gold annotations of the seed
//! and dev articles (the repository's copies in `tests/fixtures/gold`), by the rules of `score.py`
//! (and of its Rust port, `tests/gold.rs`, which scores the RDF), but with the gold
//! entities seeded into the entity table, so that these stages are measured on their own while
//! the entity recognisers are built elsewhere.
//!
//! The numbers are floors, not a tuning target: the stages are general rules with unit tests of
//! their own, and the same rules must hold on articles nobody has seen.

use std::collections::HashMap;

use serde_json::Value;

use crate::analysis::testing::{analysis_with, gold_articles};
use crate::analysis::{Analysis, Stage};
use crate::model::{EntityId, EntityKind};
use crate::normalize::fold;
use crate::span::Span;

/// One article's scores.
#[derive(Debug, Default)]
struct Score {
    statements: (usize, usize),
    proposals: (usize, usize),
    relations: (usize, usize),
    missed: Vec<String>,
    /// What was extracted, listed when `TUPU_EVAL_VERBOSE` is set (to judge precision by eye).
    extracted: Vec<String>,
}

fn ratio((hit, total): (usize, usize)) -> f64 {
    if total == 0 { 1.0 } else { hit as f64 / total as f64 }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An analysis of `text` whose entity table holds the gold entities (longest names first, each
/// occurrence not inside a longer one), with the map from entity to gold key.
fn seeded(text: &str, gold: &Value) -> (Analysis<'static>, HashMap<EntityId, String>) {
    let mut a = analysis_with(text, gold["published"].as_str(), &[]);
    let mut keys = HashMap::new();
    let mut names: Vec<(String, EntityId)> = Vec::new();
    for e in gold["entities"].as_array().expect("entities") {
        let kind = e["types"][0].as_str().and_then(EntityKind::from_name).expect("entity type");
        let all: Vec<&str> = e["names"].as_array().expect("names").iter().filter_map(Value::as_str).collect();
        let id = a.entities.create(kind, all[0], true);
        for n in &all[1..] {
            a.entities.add_name(id, n, false);
        }
        keys.insert(id, e["key"].as_str().expect("key").to_owned());
        names.extend(all.iter().map(|n| ((*n).to_owned(), id)));
    }
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
    let mut claimed: Vec<Span> = Vec::new();
    let folded_text = a.text().folded().to_owned();
    for (name, id) in names {
        let n = name.chars().count();
        for (byte, _) in folded_text.match_indices(&fold(&name)) {
            let start = a.text().char_at_folded_byte(byte);
            let span = Span::new(start, start + n);
            if claimed.iter().any(|c| c.overlaps(span)) {
                continue;
            }
            claimed.push(span);
            a.entities.add_mention(id, span, &name);
        }
    }
    (a, keys)
}

fn score(text: &str, gold: &Value) -> Score {
    let (mut a, keys) = seeded(text, gold);
    super::Statements.run(&mut a);
    crate::proposal::Proposals.run(&mut a);
    crate::relation::Relations.run(&mut a);
    let key = |id: Option<EntityId>| id.and_then(|i| keys.get(&a.entities.resolve(i))).map_or("", String::as_str);
    let mut s = Score::default();

    let said: Vec<(&str, String)> = a
        .statements
        .iter()
        .map(|st| (key(st.speaker), squash(&st.text)))
        .chain(a.proposals.iter().map(|p| (key(p.speaker), squash(&p.text))))
        .collect();
    for g in gold["statements"].as_array().into_iter().flatten() {
        let (who, what) =
            (g["speaker"].as_str().unwrap_or_default(), squash(g["contains"].as_str().unwrap_or_default()));
        s.statements.1 += 1;
        if said.iter().any(|(k, t)| *k == who && t.contains(&what)) {
            s.statements.0 += 1;
        } else {
            s.missed.push(format!("statement {who}: {what}"));
        }
    }

    for g in gold["proposals"].as_array().into_iter().flatten() {
        s.proposals.1 += 1;
        let by = g["by"].as_str().unwrap_or_default();
        let count = g["count"].as_u64().unwrap_or_default() as usize;
        let items: Vec<String> =
            g["items"].as_array().into_iter().flatten().filter_map(Value::as_str).map(squash).collect();
        let complete = a.proposals.iter().any(|p| {
            key(p.speaker) == by
                && p.count == count
                && p.items.len() == count
                && items.iter().enumerate().all(|(i, phrase)| {
                    p.items.iter().any(|it| it.position == i + 1 && squash(&it.text).contains(phrase))
                })
        });
        if complete {
            s.proposals.0 += 1;
        } else {
            let got: Vec<String> = a
                .proposals
                .iter()
                .filter(|p| key(p.speaker) == by)
                .map(|p| format!("{}:{:?}", p.count, p.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>()))
                .collect();
            s.missed.push(format!("proposal {by}:{count} got {got:?}"));
        }
    }

    let links: Vec<(&str, &str)> = a.relations.iter().map(|r| (key(Some(r.subject)), key(Some(r.object)))).collect();
    for g in gold["relations"].as_array().into_iter().flatten().filter(|g| !g["optional"].as_bool().unwrap_or(false)) {
        s.relations.1 += 1;
        let (x, y) = (g["subject"].as_str().unwrap_or_default(), g["object"].as_str().unwrap_or_default());
        if links.iter().any(|&(p, q)| (p, q) == (x, y) || (q, p) == (x, y)) {
            s.relations.0 += 1;
        } else {
            s.missed.push(format!("relation {x} -> {y}"));
        }
    }
    for st in &a.statements {
        let text: String = st.text.chars().take(40).collect();
        s.extracted.push(format!("said {} {} «{text}»", key(st.speaker), st.verb));
    }
    for p in &a.proposals {
        let items: Vec<&str> = p.items.iter().map(|i| i.text.as_str()).collect();
        s.extracted.push(format!("proposed {} {} {items:?}", key(p.speaker), p.count));
    }
    for r in &a.relations {
        s.extracted.push(format!(
            "related {} {} {} «{}»",
            key(Some(r.subject)),
            r.property,
            key(Some(r.object)),
            r.predicate_text
        ));
    }
    s
}

#[test]
#[expect(clippy::print_stderr, reason = "the per-article report is what this test is for")]
fn statements_proposals_and_relations_reach_their_targets_on_the_gold_articles() {
    let articles = gold_articles();
    let mut dev = Vec::new();
    let mut seed = None;
    for (name, text, gold) in &articles {
        let s = score(text, gold);
        eprintln!(
            "{name}: statements {:.2} ({}/{}), proposals {:.2} ({}/{}), relations {:.2} ({}/{})",
            ratio(s.statements),
            s.statements.0,
            s.statements.1,
            ratio(s.proposals),
            s.proposals.0,
            s.proposals.1,
            ratio(s.relations),
            s.relations.0,
            s.relations.1
        );
        for m in &s.missed {
            eprintln!("    missed {m}");
        }
        if std::env::var_os("TUPU_EVAL_VERBOSE").is_some() {
            for e in &s.extracted {
                eprintln!("    {e}");
            }
        }
        if name.starts_with("dev-") {
            dev.push(s);
        } else {
            seed = Some(s);
        }
    }
    if let Some(s) = seed {
        assert!(ratio(s.statements) >= 0.9, "seed statements recall {:.2}", ratio(s.statements));
        assert!(ratio(s.proposals) >= 1.0, "seed proposals complete {:.2}", ratio(s.proposals));
        assert!(ratio(s.relations) >= 1.0, "seed relations recall {:.2}", ratio(s.relations));
    }
    if !dev.is_empty() {
        let mean = |f: fn(&Score) -> f64| dev.iter().map(f).sum::<f64>() / dev.len() as f64;
        let statements = mean(|s| ratio(s.statements));
        let proposals = mean(|s| ratio(s.proposals));
        let relations = mean(|s| ratio(s.relations));
        eprintln!("dev mean: statements {statements:.2}, proposals {proposals:.2}, relations {relations:.2}");
        assert!(statements >= 0.8, "dev statements recall {statements:.2}");
        assert!(proposals >= 0.8, "dev proposals complete {proposals:.2}");
    }
}
