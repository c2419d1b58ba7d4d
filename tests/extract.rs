//! Snapshots of the seed: the extraction in its readable rendering, and its sorted Turtle. Both
//! are deterministic (sorted, no blank nodes, no paths or times), so a change in either is a
//! change in what tupu finds or writes. After an intended change: `cargo insta review`.

use tupu_graph::{ArticleGraph, ExportFormat, RdfExport};

use crate::util::{extract, seed};

/// Snapshots without the expression line (the rendering is the interesting part).
macro_rules! assert_text_snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

#[test]
fn seed_extraction() {
    let (path, published) = seed();
    let (article, extraction) = extract(&path, published);
    let rendering = extraction.render(article.text().original());
    // Invariants first (ruff-style): every span lies in the text.
    let length = article.text().original().chars().count();
    for e in &extraction.entities {
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= length, "{} {m}", e.label);
        }
    }
    assert_text_snapshot!("seed_extraction", rendering);
}

#[test]
fn seed_turtle() {
    let (path, published) = seed();
    let (article, extraction) = extract(&path, published);
    let graph = ArticleGraph::from_article(&article, &extraction);
    let once = RdfExport::new(ExportFormat::Turtle).write_graph(&graph, Vec::new()).unwrap();
    let again = RdfExport::new(ExportFormat::Turtle)
        .write_graph(&ArticleGraph::from_article(&article, &extract(&path, published).1), Vec::new())
        .unwrap();
    assert_eq!(once, again, "the same article gives the same bytes");
    assert_text_snapshot!("seed_turtle", String::from_utf8(once).unwrap());
}

/// The entity fixtures (`tests/fixtures/entities`, one phenomenon per file, each in both scripts):
/// a snapshot of each file's extraction, and each Traditional / Simplified pair finds the same
/// things once folded to one script (a difference is a rule that reads one script only).
#[test]
fn entity_fixtures() {
    insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => false }, {
        insta::glob!("fixtures/entities", "*.txt", |path| {
            let (article, extraction) = extract(path, None);
            insta::assert_snapshot!(extraction.render(article.text().original()));
        });
    });
    let dir = crate::util::root().join("tests/fixtures/entities");
    let mut pairs = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".zh-Hant.txt") else { continue };
        let simplified = dir.join(format!("{stem}.zh-Hans.txt"));
        assert!(simplified.exists(), "{name} has no Simplified twin");
        assert_eq!(folded_facts(&path), folded_facts(&simplified), "{stem}: the two scripts find different things");
        pairs += 1;
    }
    assert!(pairs >= 16, "only {pairs} fixture pairs");
}

/// An extraction's facts (the rendering without its article line), folded to one script and sorted.
fn folded_facts(path: &std::path::Path) -> Vec<String> {
    let (article, extraction) = extract(path, None);
    let mut lines: Vec<String> = extraction
        .render(article.text().original())
        .lines()
        .filter(|l| !l.starts_with("ARTICLE "))
        .map(tupu_extract::normalize::fold)
        .collect();
    lines.sort();
    lines
}
