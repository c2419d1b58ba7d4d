//! Graphviz DOT export: who and what the articles are about, and how they are linked.
//!
//! Built from a store through SPARQL (so it covers one article or a whole corpus alike) into a
//! petgraph graph, then printed with petgraph's DOT writer. People, organisations, places,
//! events and initiatives are nodes, shaped and coloured by type; posts (labelled with the title),
//! relations (labelled with the verb as written), event venue/speaker/organiser and part-of links
//! are edges. Posts without an organisation are written under the holder's name.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;

use oxigraph::model::Term;
use petgraph::dot::{Config, Dot};
use petgraph::graph::{DiGraph, NodeIndex};

use crate::error::ExportError;
use crate::store::{GraphStore, literal};
use crate::vocab::{org, rdfs, schema, tp};

/// What a node is; decides its shape and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Person,
    Organization,
    Place,
    Event,
    Initiative,
}

impl Kind {
    fn of(class: &str) -> Option<Self> {
        Some(match class {
            c if c == schema::PERSON.as_str() => Self::Person,
            c if c == schema::ORGANIZATION.as_str() => Self::Organization,
            c if c == schema::PLACE.as_str() => Self::Place,
            c if c == schema::EVENT.as_str() => Self::Event,
            c if c == tp::INITIATIVE.as_str() => Self::Initiative,
            _ => return None,
        })
    }

    fn style(self) -> (&'static str, &'static str) {
        match self {
            Self::Person => ("ellipse", "#cfe2f3"),
            Self::Organization => ("box", "#d9ead3"),
            Self::Place => ("house", "#fff2cc"),
            Self::Event => ("octagon", "#f4cccc"),
            Self::Initiative => ("note", "#ead1dc"),
        }
    }
}

/// Which kind of link an edge is; decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Link {
    Post,
    Relation,
    Event,
    PartOf,
}

impl Link {
    fn style(self) -> &'static str {
        match self {
            Self::Post => "color=\"#1c4587\", fontcolor=\"#1c4587\"",
            Self::Relation => "color=\"#000000\"",
            Self::Event => "color=\"#990000\", fontcolor=\"#990000\", style=dashed",
            Self::PartOf => "color=\"#666666\", fontcolor=\"#666666\", style=dotted",
        }
    }
}

struct Node {
    iri: String,
    kind: Kind,
    label: String,
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

struct Edge {
    link: Link,
    label: String,
}

impl fmt::Display for Edge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// Writes a store as a Graphviz digraph.
#[derive(Debug, Clone, Copy, Default)]
#[must_use]
pub struct DotExport {
    _private: (),
}

impl DotExport {
    /// The export with tupu's styling.
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes the graph of everything in `store`.
    ///
    /// # Errors
    /// When the store cannot be queried or the output cannot be written.
    pub fn write<W: Write>(&self, store: &GraphStore, mut writer: W) -> Result<W, ExportError> {
        writer.write_all(self.render(store)?.as_bytes())?;
        Ok(writer)
    }

    /// The DOT text for everything in `store`.
    ///
    /// # Errors
    /// When the store cannot be queried.
    pub fn render(&self, store: &GraphStore) -> Result<String, ExportError> {
        let graph = build(store)?;
        let content = Dot::with_attr_getters(
            &graph,
            &[Config::GraphContentOnly],
            &|_, e| e.weight().link.style().to_owned(),
            &|_, (_, n)| {
                let (shape, fill) = n.kind.style();
                format!("shape={shape}, fillcolor=\"{fill}\", tooltip=\"{}\"", escape(&n.iri))
            },
        );
        Ok(format!(
            "digraph tupu {{\n    graph [rankdir=LR, overlap=false, fontname=\"sans-serif\"]\n    \
             node [style=filled, fontname=\"sans-serif\"]\n    edge [fontname=\"sans-serif\", fontsize=10]\n{content}}}\n"
        ))
    }
}

/// Escapes a string for a double-quoted DOT attribute value.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

fn build(store: &GraphStore) -> Result<DiGraph<Node, Edge>, ExportError> {
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let rows = store.select(&format!(
        "SELECT ?e ?type (MIN(?l) AS ?label) WHERE {{
           ?e a ?type . VALUES ?type {{ <{}> <{}> <{}> <{}> <{}> }}
           OPTIONAL {{ ?e <{}> ?l FILTER(!langMatches(lang(?l), \"en\")) }}
         }} GROUP BY ?e ?type",
        schema::PERSON.as_str(),
        schema::ORGANIZATION.as_str(),
        schema::PLACE.as_str(),
        schema::EVENT.as_str(),
        tp::INITIATIVE.as_str(),
        rdfs::LABEL.as_str(),
    ))?;
    for row in rows {
        let (Some(Term::NamedNode(e)), Some(Term::NamedNode(t))) = (row.get("e"), row.get("type")) else { continue };
        let Some(kind) = Kind::of(t.as_str()) else { continue };
        let label = literal(row.get("label")).unwrap_or_else(|| last_segment(e.as_str()));
        let node = Node { iri: e.as_str().to_owned(), kind, label };
        // One node per IRI; an IRI typed twice keeps the first kind in Kind order.
        nodes
            .entry(node.iri.clone())
            .and_modify(|n| {
                if kind < n.kind {
                    n.kind = kind;
                }
            })
            .or_insert(node);
    }

    // Posts without an organisation: a line under the holder's name.
    let rows = store.select(&format!(
        "SELECT DISTINCT ?p ?t WHERE {{ ?p <{}> ?post . ?post <{}> ?t .
           FILTER(!langMatches(lang(?t), \"en\")) FILTER NOT EXISTS {{ ?post <{}> ?o }} }} ORDER BY ?p ?t",
        org::HOLDS.as_str(),
        rdfs::LABEL.as_str(),
        org::POST_IN.as_str(),
    ))?;
    for row in rows {
        if let (Some(Term::NamedNode(p)), Some(t)) = (row.get("p"), literal(row.get("t"))) {
            if let Some(n) = nodes.get_mut(p.as_str()) {
                n.label = format!("{}\n{t}", n.label);
            }
        }
    }

    let mut edges: Vec<(String, String, Link, String)> = Vec::new();
    let mut add_rows = |rows: Vec<oxigraph::sparql::QuerySolution>,
                        link: Link,
                        label: &dyn Fn(&oxigraph::sparql::QuerySolution) -> String| {
        for row in rows {
            if let (Some(Term::NamedNode(a)), Some(Term::NamedNode(b))) = (row.get("a"), row.get("b")) {
                edges.push((a.as_str().to_owned(), b.as_str().to_owned(), link, label(&row)));
            }
        }
    };
    add_rows(
        store.select(&format!(
            "SELECT DISTINCT ?a ?b ?t WHERE {{ ?a <{}> ?post . ?post <{}> ?b ; <{}> ?t FILTER(!langMatches(lang(?t), \"en\")) }}",
            org::HOLDS.as_str(),
            org::POST_IN.as_str(),
            rdfs::LABEL.as_str(),
        ))?,
        Link::Post,
        &|r| literal(r.get("t")).unwrap_or_default(),
    );
    add_rows(
        store.select(&format!(
            "SELECT DISTINCT ?a ?b ?t WHERE {{ ?r a <{}> ; <{}> ?a ; <{}> ?b ; <{}> ?t }}",
            tp::RELATION.as_str(),
            tp::SUBJECT.as_str(),
            tp::OBJECT.as_str(),
            tp::PREDICATE_TEXT.as_str(),
        ))?,
        Link::Relation,
        &|r| literal(r.get("t")).unwrap_or_default(),
    );
    for (property, label, reversed) in
        [(schema::LOCATION, "location", false), (tp::SPEAKER, "speaker", true), (schema::ORGANIZER, "organizer", true)]
    {
        let rows = store.select(&format!(
            "SELECT DISTINCT ?a ?b WHERE {{ ?e a <{}> ; <{}> ?x . BIND({} AS ?a) BIND({} AS ?b) }}",
            schema::EVENT.as_str(),
            property.as_str(),
            if reversed { "?x" } else { "?e" },
            if reversed { "?e" } else { "?x" },
        ))?;
        add_rows(rows, Link::Event, &|_| label.to_owned());
    }
    add_rows(
        store.select(&format!(
            "SELECT DISTINCT ?a ?b WHERE {{ ?a ?p ?b VALUES ?p {{ <{}> <{}> <{}> }} }}",
            org::SUB_ORGANIZATION_OF.as_str(),
            schema::CONTAINED_IN_PLACE.as_str(),
            tp::PART_OF.as_str(),
        ))?,
        Link::PartOf,
        &|_| "part of".to_owned(),
    );

    // Deterministic order: nodes by kind, label, IRI; edges by their ends and label.
    let mut ordered: Vec<Node> = nodes.into_values().collect();
    ordered.sort_by(|a, b| (a.kind, &a.label, &a.iri).cmp(&(b.kind, &b.label, &b.iri)));
    let mut graph = DiGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for node in ordered {
        let iri = node.iri.clone();
        index.insert(iri, graph.add_node(node));
    }
    edges.sort();
    edges.dedup();
    for (a, b, link, label) in edges {
        if let (Some(&a), Some(&b)) = (index.get(&a), index.get(&b)) {
            graph.add_edge(a, b, Edge { link, label });
        }
    }
    Ok(graph)
}

/// A readable name for a node without a label: the decoded last segment of its IRI.
fn last_segment(iri: &str) -> String {
    crate::iri::decode_segment(iri.rsplit('/').next().unwrap_or(iri))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(escape("a\nb"), "a\\nb");
    }

    #[test]
    fn decodes_the_last_iri_segment() {
        assert_eq!(last_segment("https://w3id.org/tupu/id/org/%E5%8F%91%E5%B1%95%E5%B1%80"), "发展局");
        assert_eq!(last_segment("https://x/y/%zz"), "%zz");
    }
}

#[cfg(test)]
mod store_tests {
    use super::*;
    use crate::ArticleGraph;
    use crate::testing::{TEXT, extraction};

    #[test]
    fn people_posts_events_and_relations_are_drawn() {
        let store = GraphStore::in_memory().unwrap();
        let mut x = extraction();
        x.entities[0].label = "陳\"大\"文".to_owned();
        store.insert_graph(&ArticleGraph::new(TEXT, &x)).unwrap();
        let dot = DotExport::new().render(&store).unwrap();
        assert!(dot.starts_with("digraph tupu {\n") && dot.ends_with("}\n"), "{dot}");
        assert!(dot.contains(r#"label = "陳\"大\"文" "#), "quotes are escaped: {dot}");
        assert!(dot.contains("shape=ellipse") && dot.contains("shape=box") && dot.contains("shape=house"));
        assert!(dot.contains("shape=octagon"), "the event");
        for label in ["局長", "撥款", "location", "speaker", "organizer", "part of"] {
            assert!(dot.contains(&format!("label = \"{label}\"")), "edge {label}: {dot}");
        }
        assert_eq!(dot, DotExport::new().render(&store).unwrap(), "deterministic");
    }
}
