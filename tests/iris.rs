//! IRIs users can paste: what `tupu query` prints for an IRI, pasted back into a query, finds the
//! same node; so does the full IRI with the name written as itself.

use crate::util::{TempDir, run_in, seed, stderr, stdout};

/// The first data row of a one-column table, trimmed.
fn first_cell(table: &str) -> String {
    table.lines().nth(2).unwrap_or_default().trim().to_owned()
}

#[test]
fn a_printed_iri_pasted_back_into_a_query_finds_the_same_node() {
    let dir = TempDir::new("iris");
    let (seed, _) = seed();
    let load = run_in(dir.path(), &["load", seed.to_str().unwrap(), "--published", "2025-04-15", "--store", "store"]);
    assert!(load.status.success(), "{}", stderr(&load));
    let query = |q: &str| {
        let out = run_in(dir.path(), &["query", "--store", "store", q]);
        assert!(out.status.success(), "{q}: {}", stderr(&out));
        stdout(&out)
    };
    // An organisation a post is in, as the table prints it.
    let printed = first_cell(&query(
        "SELECT ?org WHERE { ?p rdfs:label \"鄭雁雄\"@zh-Hant ; org:holds/org:postIn ?org } ORDER BY ?org LIMIT 1",
    ));
    assert!(printed.starts_with("id:org\\/"), "a prefixed name: {printed}");
    let label = |subject: &str| {
        first_cell(&query(&format!("SELECT ?l WHERE {{ {subject} rdfs:label ?l FILTER(lang(?l) = \"zh-hant\") }}")))
    };
    let found = label(&printed);
    assert!(!found.is_empty() && !found.starts_with('('), "pasting {printed} finds its label: {found}");
    // The same node written as a full IRI, the name as itself (not percent-encoded).
    let full = format!("<https://w3id.org/tupu/id/{}>", printed.trim_start_matches("id:").replace("\\/", "/"));
    assert!(!full.is_ascii(), "{full}");
    assert_eq!(label(&full), found);
    // And a document IRI printed as doc:… pastes back too.
    let doc = first_cell(&query("SELECT ?d WHERE { ?d a schema:NewsArticle }"));
    assert!(doc.starts_with("doc:"), "{doc}");
    assert_eq!(first_cell(&query(&format!("SELECT ?l WHERE {{ {doc} schema:inLanguage ?l }}"))), "zh-Hant");
}
