//! The ontology declares every `tp:` term the code can emit, with labels and comments in English
//! and Chinese; a new term in code, in the seed's graph or in the relation verb table without a
//! declaration fails here.

use std::collections::BTreeSet;

use tupu_graph::oxigraph::io::{RdfFormat, RdfParser};
use tupu_graph::oxigraph::model::{Quad, Term};
use tupu_graph::vocab::{rdf, rdfs, tp};

use crate::util::{extract, root, seed};

fn ontology() -> Vec<Quad> {
    let text = std::fs::read_to_string(root().join("ontology/tupu.ttl")).unwrap();
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&text)
        .collect::<Result<_, _>>()
        .expect("ontology/tupu.ttl parses")
}

fn declared() -> BTreeSet<String> {
    ontology()
        .iter()
        .filter(|q| q.predicate == rdf::TYPE)
        .map(|q| q.subject.to_string().trim_matches(['<', '>']).to_owned())
        .filter(|s| s.starts_with(tp::NAMESPACE))
        .collect()
}

#[test]
fn vocab_terms_are_declared() {
    let declared = declared();
    let missing: Vec<&str> = tp::ALL.iter().map(|t| t.as_str()).filter(|t| !declared.contains(*t)).collect();
    assert!(missing.is_empty(), "not in ontology/tupu.ttl: {missing:?}");
}

#[test]
fn terms_in_the_seed_graph_are_declared() {
    let (path, published) = seed();
    let (article, extraction) = extract(&path, published);
    let graph = tupu_graph::ArticleGraph::from_article(&article, &extraction);
    let mut used = BTreeSet::new();
    for q in graph.quads() {
        used.insert(q.predicate.as_str().to_owned());
        if let Term::NamedNode(o) = &q.object {
            used.insert(o.as_str().to_owned());
        }
    }
    let declared = declared();
    let missing: Vec<&String> =
        used.iter().filter(|t| t.starts_with(tp::NAMESPACE) && !declared.contains(*t)).collect();
    assert!(missing.is_empty(), "used in the seed's graph, not in ontology/tupu.ttl: {missing:?}");
}

#[test]
fn relation_properties_of_the_verb_table_are_declared() {
    // The extractor's relation verbs name tp: properties; the table may not exist yet.
    let Ok(table) = std::fs::read_to_string(root().join("crates/tupu_extract/data/relation_verbs.tsv")) else { return };
    let declared = declared();
    let mut missing = BTreeSet::new();
    for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let columns: Vec<&str> = line.split('\t').collect();
        for property in [columns.get(1), columns.get(5)].into_iter().flatten().filter(|p| !p.is_empty()) {
            let iri = format!("{}{property}", tp::NAMESPACE);
            if !declared.contains(&iri) {
                missing.insert(iri);
            }
        }
    }
    assert!(missing.is_empty(), "relation properties not in ontology/tupu.ttl: {missing:?}");
}

#[test]
fn every_term_has_english_and_chinese_labels_and_comments() {
    let quads = ontology();
    for term in declared() {
        for property in [rdfs::LABEL, rdfs::COMMENT] {
            let languages: BTreeSet<String> = quads
                .iter()
                .filter(|q| q.subject.to_string() == format!("<{term}>") && q.predicate == property)
                .filter_map(|q| match &q.object {
                    Term::Literal(l) => l.language().map(str::to_owned),
                    _ => None,
                })
                .collect();
            assert!(
                languages.contains("en") && languages.iter().any(|l| l.starts_with("zh")),
                "{term} {property}: {languages:?}"
            );
        }
    }
}
