//! The on-disk store: one named graph per article, loading again replaces instead of adding, and
//! what comes out equals what `tupu extract` writes.

use tupu_graph::GraphStore;

use crate::util::{TempDir, all_articles, extract, run_in, seed, stderr, stdout};

#[test]
fn loading_twice_keeps_the_same_size_and_one_graph_per_article() {
    let dir = TempDir::new("store");
    let articles = all_articles();
    let store = GraphStore::open(dir.path().join("store")).unwrap();
    let mut sizes = Vec::new();
    for _ in 0..2 {
        for (path, published) in &articles {
            let (article, extraction) = extract(path, *published);
            store.insert_article(&article, &extraction).unwrap();
        }
        sizes.push(store.len().unwrap());
    }
    assert_eq!(sizes[0], sizes[1], "a second load replaces the first");
    assert_eq!(store.graphs().unwrap().len(), articles.len());
    let listed = store.articles().unwrap();
    assert_eq!(listed.len(), articles.len());
    assert_eq!(listed.iter().map(|a| a.quads).sum::<usize>(), sizes[0]);
    assert_eq!(store.counts().unwrap().articles, articles.len());
    drop(store);
    let again = GraphStore::open_read_only(dir.path().join("store")).unwrap();
    assert_eq!(again.len().unwrap(), sizes[0], "what was committed is on disk");
}

#[test]
fn load_export_and_dot_through_the_command_line() {
    let dir = TempDir::new("store");
    let (seed, _) = seed();
    let seed = seed.to_str().unwrap();
    let load = run_in(dir.path(), &["load", seed, "--published", "2025-04-15", "--store", "s", "--export", "out"]);
    assert!(load.status.success(), "{}", stderr(&load));
    let summary = stdout(&load);
    assert!(summary.contains("loaded 1 article into s in "), "{summary}");
    assert!(summary.contains("Turtle: out/tupu.ttl") && summary.contains("DOT:    out/tupu.dot"), "{summary}");
    let first = std::fs::read(dir.path().join("out/tupu.ttl")).unwrap();
    // Loading the same article again replaces it: the export does not change.
    let reload = run_in(dir.path(), &["load", seed, "--published", "2025-04-15", "--store", "s", "--export", "out"]);
    assert!(reload.status.success(), "{}", stderr(&reload));
    assert_eq!(first, std::fs::read(dir.path().join("out/tupu.ttl")).unwrap());
    // The store's export is the extraction's graph, byte for byte (both are sorted N-Quads).
    let extracted = run_in(dir.path(), &["extract", seed, "--published", "2025-04-15", "--format", "nquads"]);
    let export = run_in(dir.path(), &["export", "--store", "s", "--format", "nquads"]);
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(stdout(&export).lines().count() > 5);
    assert_eq!(stdout(&export), stdout(&extracted));
    assert!(String::from_utf8(first).unwrap().contains("a schema:NewsArticle"));
    let dot = run_in(dir.path(), &["dot", "--store", "s"]);
    let dot = stdout(&dot);
    assert!(dot.starts_with("digraph tupu {") && dot.trim_end().ends_with('}'), "{dot}");
    assert_eq!(dot, std::fs::read_to_string(dir.path().join("out/tupu.dot")).unwrap());
}

#[test]
fn query_a_store_and_a_graph_file() {
    let dir = TempDir::new("store");
    let (seed, _) = seed();
    let seed = seed.to_str().unwrap();
    assert!(run_in(dir.path(), &["load", seed, "--store", "s"]).status.success());
    assert!(run_in(dir.path(), &["extract", seed, "-o", "seed.ttl"]).status.success());
    let q = "SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?doc a schema:NewsArticle ; schema:inLanguage \"zh-Hant\" }";
    for source in [["--store", "s"], ["--graph", "seed.ttl"]] {
        let out = run_in(dir.path(), &["query", q, source[0], source[1], "--format", "csv"]);
        assert_eq!(stdout(&out), "n\r\n1\r\n", "{source:?}: {}", stderr(&out));
    }
    let table = run_in(dir.path(), &["query", "--store", "s", "SELECT ?lang WHERE { ?d schema:inLanguage ?lang }"]);
    assert_eq!(stdout(&table), " ?lang\n─────────\n zh-Hant\n(1 row)\n");
    let construct = run_in(
        dir.path(),
        &["query", "--store", "s", "CONSTRUCT { ?d a schema:NewsArticle } WHERE { ?d a schema:NewsArticle }"],
    );
    assert!(stdout(&construct).contains("a schema:NewsArticle ."), "{}", stdout(&construct));
    for format in ["json", "xml", "tsv"] {
        let out = run_in(dir.path(), &["query", "--store", "s", "ASK { ?d a schema:NewsArticle }", "--format", format]);
        assert!(out.status.success() && stdout(&out).contains("true"), "{format}: {}", stdout(&out));
    }
}
