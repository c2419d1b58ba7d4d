//! The provenance invariant, checked the way a user would, through SPARQL on the graph: for every
//! mention, `SUBSTR(?text, ?b + 1, ?e - ?b) = ?anchor`, and every context is the input text.

use tupu_graph::{ArticleGraph, GraphStore};

use crate::oracle;
use crate::util::{all_articles, gold_fixtures, lexical, select, store_of};

/// The articles mapped from their gold annotations (every gold name at every occurrence, every
/// figure, statement and proposal point): thousands of spans over real text, whatever the
/// extractor finds today.
fn oracle_store() -> GraphStore {
    let store = GraphStore::in_memory().unwrap();
    for (gold, text) in gold_fixtures() {
        let gold = serde_json::from_str(&std::fs::read_to_string(gold).unwrap()).unwrap();
        let text = std::fs::read_to_string(text).unwrap();
        store.insert_graph(&ArticleGraph::new(&text, &oracle::extraction(&gold, &text))).unwrap();
    }
    store
}

#[test]
fn every_mention_anchors_exactly_its_code_points() {
    let extracted = store_of(&all_articles());
    let oracle = oracle_store();
    let count = |store: &GraphStore| -> usize {
        let rows = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?m a nif:Phrase }");
        lexical(rows[0][0].as_ref().unwrap()).parse().unwrap()
    };
    assert!(count(&oracle) > 500, "the gold annotations give many mentions: {}", count(&oracle));
    for store in [&extracted, &oracle] {
        check_offsets(store, count(store));
    }
}

fn check_offsets(store: &GraphStore, total: usize) {
    let broken = select(
        store,
        "SELECT ?m ?b ?e ?a WHERE {
           ?m nif:referenceContext ?c ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a .
           ?c nif:isString ?text .
           FILTER (?e <= ?b || SUBSTR(?text, ?b + 1, ?e - ?b) != ?a) }",
    );
    assert!(
        broken.is_empty(),
        "{} of {total} mentions break the invariant: {:?}",
        broken.len(),
        &broken[..broken.len().min(5)]
    );
    let unreferenced =
        select(store, "SELECT ?m WHERE { ?m a nif:Phrase FILTER NOT EXISTS { ?m itsrdf:taIdentRef ?x } }");
    assert!(unreferenced.is_empty(), "every mention refers to something");
}

#[test]
fn every_context_is_the_text_as_read() {
    let articles = all_articles();
    let store = store_of(&articles);
    let contexts: Vec<String> = select(&store, "SELECT ?s WHERE { ?c a nif:Context ; nif:isString ?s }")
        .iter()
        .map(|r| lexical(r[0].as_ref().unwrap()))
        .collect();
    assert_eq!(contexts.len(), articles.len());
    for (path, _) in &articles {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(contexts.contains(&text), "{} is stored exactly as read", path.display());
    }
    let lengths = select(&store, "SELECT ?s ?e WHERE { ?c a nif:Context ; nif:isString ?s ; nif:endIndex ?e }");
    for row in lengths {
        let (s, e) = (lexical(row[0].as_ref().unwrap()), lexical(row[1].as_ref().unwrap()));
        assert_eq!(s.chars().count().to_string(), e);
    }
}

#[test]
fn matched_entities_have_a_mention() {
    let store = store_of(&all_articles());
    let without = select(
        &store,
        "SELECT ?e WHERE { ?e a ?t VALUES ?t { schema:Person schema:Organization schema:Place schema:Event tp:Initiative }
           FILTER NOT EXISTS { ?m itsrdf:taIdentRef ?e } }",
    );
    let entities = select(
        &store,
        "SELECT DISTINCT ?e WHERE { ?e a ?t VALUES ?t { schema:Person schema:Organization schema:Place schema:Event tp:Initiative } }",
    );
    // Lexicon entities can be named only through an alias resolved elsewhere; most must be anchored.
    assert!(
        without.len() * 10 <= entities.len().max(1),
        "{} of {} entities have no mention",
        without.len(),
        entities.len()
    );
}
