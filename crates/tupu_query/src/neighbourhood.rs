//! The neighbourhood of one entity as a Graphviz digraph, for the web page's picture.
//!
//! Today `tupu_graph::dot` draws a whole store; this module keeps the nodes within `depth` links
//! of one entity (either direction) and the edges between them. It is the one place the page and
//! `GET /graph` ask for a neighbourhood, so when `tupu_graph::dot` learns to draw around an
//! entity itself, only [`neighbourhood_dot`] changes.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use oxigraph::model::{NamedNode, Term};
use tupu_graph::dot::DotExport;
use tupu_graph::{ExportError, GraphStore};

use crate::{Query, QueryError, Results};

/// The deepest neighbourhood drawn: beyond three links a corpus' picture is everything at once.
pub const MAX_DEPTH: usize = 3;

/// The DOT text of the nodes within `depth` links of `entity` (an IRI), or `None` when the
/// entity is not drawn (not a person, organisation, place, event or initiative in the store).
///
/// # Errors
/// When the store cannot be read.
pub fn neighbourhood_dot(store: &GraphStore, entity: &str, depth: usize) -> Result<Option<String>, ExportError> {
    let whole = DotExport::new().render(store)?;
    Ok(keep_around(&whole, entity, depth.min(MAX_DEPTH)))
}

/// Entities whose IRI is `text`, or whose label is `text` (in any language or script as
/// written), in IRI order.
///
/// # Errors
/// When the store cannot be queried.
pub fn find_entities(store: &GraphStore, text: &str) -> Result<Vec<NamedNode>, QueryError> {
    let text = text.trim();
    if let Ok(iri) = NamedNode::new(text) {
        if text.contains("://") {
            return Ok(vec![iri]);
        }
    }
    let literal = oxigraph::model::Literal::new_simple_literal(text);
    let query = format!(
        "SELECT DISTINCT ?e WHERE {{ ?e rdfs:label ?l . FILTER(STR(?l) = {literal}) \
         VALUES ?type {{ schema:Person schema:Organization schema:Place schema:Event tp:Initiative }} ?e a ?type }} ORDER BY ?e"
    );
    let Results::Solutions(solutions) = Query::parse(&query)?.execute(store)? else { return Ok(Vec::new()) };
    let mut found = Vec::new();
    for solution in solutions {
        if let Some(Term::NamedNode(e)) = solution?.get("e") {
            found.push(e.clone());
        }
    }
    Ok(found)
}

/// The lines of `dot` (as `tupu_graph::dot` writes it: one node or edge per line, nodes
/// carrying their IRI as `tooltip`) that lie within `depth` links of the node for `entity`.
fn keep_around(dot: &str, entity: &str, depth: usize) -> Option<String> {
    let mut ids: BTreeMap<&str, &str> = BTreeMap::new(); // IRI -> node id
    let mut edges: Vec<(&str, &str)> = Vec::new();
    for line in dot.lines() {
        if let Some((from, to)) = edge_of(line) {
            edges.push((from, to));
        } else if let Some((id, iri)) = node_of(line) {
            ids.insert(iri, id);
        }
    }
    let start = *ids.get(entity)?;
    let mut neighbours: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for &(a, b) in &edges {
        neighbours.entry(a).or_default().push(b);
        neighbours.entry(b).or_default().push(a);
    }
    let mut kept = BTreeSet::from([start]);
    let mut queue = VecDeque::from([(start, 0)]);
    while let Some((node, distance)) = queue.pop_front() {
        if distance == depth {
            continue;
        }
        for &next in neighbours.get(node).into_iter().flatten() {
            if kept.insert(next) {
                queue.push_back((next, distance + 1));
            }
        }
    }
    let mut out = String::new();
    for line in dot.lines() {
        let keep = match (edge_of(line), node_of(line)) {
            (Some((a, b)), _) => kept.contains(a) && kept.contains(b),
            (None, Some((id, _))) => kept.contains(id),
            (None, None) => true,
        };
        if keep {
            // The entity asked for stands out.
            if node_of(line).is_some_and(|(id, _)| id == start) {
                out.push_str(&line.replacen(" [ ", " [ penwidth=3, ", 1));
            } else {
                out.push_str(line);
            }
            out.push('\n');
        }
    }
    Some(out)
}

/// `(id, IRI)` of a node line: `    7 [ label = "…" shape=…, tooltip="IRI"]`.
fn node_of(line: &str) -> Option<(&str, &str)> {
    let (id, rest) = line.trim_start().split_once(" [ ")?;
    if !id.bytes().all(|b| b.is_ascii_digit()) || id.is_empty() {
        return None;
    }
    let iri = rest.rsplit_once("tooltip=\"")?.1.strip_suffix("\"]")?;
    Some((id, iri))
}

/// `(from, to)` of an edge line: `    3 -> 7 [ label = "…" …]`.
fn edge_of(line: &str) -> Option<(&str, &str)> {
    let (from, rest) = line.trim_start().split_once(" -> ")?;
    let (to, _) = rest.split_once(' ')?;
    (from.bytes().all(|b| b.is_ascii_digit()) && to.bytes().all(|b| b.is_ascii_digit())).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOT: &str = "digraph tupu {\n    graph [rankdir=LR]\n\
        \x20   0 [ label = \"甲\" shape=ellipse, tooltip=\"http://x/a\"]\n\
        \x20   1 [ label = \"乙\" shape=box, tooltip=\"http://x/b\"]\n\
        \x20   2 [ label = \"丙\" shape=box, tooltip=\"http://x/c\"]\n\
        \x20   3 [ label = \"丁\" shape=house, tooltip=\"http://x/d\"]\n\
        \x20   0 -> 1 [ label = \"主席\" color=\"#1c4587\"]\n\
        \x20   2 -> 1 [ label = \"成立\" color=\"#000000\"]\n\
        \x20   3 -> 2 [ label = \"location\" color=\"#990000\"]\n}\n";

    #[test]
    fn keeps_nodes_within_depth_in_either_direction() {
        let one = keep_around(DOT, "http://x/a", 1).unwrap();
        assert!(one.contains("甲") && one.contains("乙") && !one.contains("丙"), "{one}");
        assert!(one.contains("0 -> 1") && !one.contains("2 -> 1"));
        assert!(one.contains("0 [ penwidth=3, label = \"甲\""), "the entity stands out: {one}");
        let two = keep_around(DOT, "http://x/a", 2).unwrap();
        assert!(two.contains("丙") && two.contains("2 -> 1") && !two.contains("丁"), "{two}");
        assert!(two.starts_with("digraph tupu {") && two.ends_with("}\n"));
        assert_eq!(keep_around(DOT, "http://x/nobody", 1), None);
    }

    #[test]
    fn finds_entities_by_label_and_draws_them_from_a_store() {
        let store = GraphStore::in_memory().unwrap();
        let article = tupu_extract::Article::parse(
            "香港特區行政長官陳大文昨日表示，政府會成立創新基金。",
            tupu_extract::ArticleOptions::default(),
        )
        .unwrap();
        store.insert_article(&article, &tupu_extract::Extractor::new().extract(&article)).unwrap();
        let found = find_entities(&store, "陳大文").unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        let dot = neighbourhood_dot(&store, found[0].as_str(), 1).unwrap().unwrap();
        assert!(dot.contains("陳大文") && dot.contains("penwidth=3"), "{dot}");
        assert_eq!(find_entities(&store, found[0].as_str()).unwrap(), found);
        assert!(find_entities(&store, "nobody").unwrap().is_empty());
    }
}
