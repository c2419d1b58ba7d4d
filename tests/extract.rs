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
