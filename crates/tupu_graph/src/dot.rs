//! Graphviz DOT: the [`Network`] of people, organisations, places, events and initiatives drawn
//! readably — nodes shaped and coloured by kind, one edge per relation labelled in one script,
//! no unconnected nodes unless asked for, and a legend of the shapes and line styles used.
//!
//! [`render`] and [`neighbourhood`] are pure (a network in, DOT text out), so a server can draw
//! the neighbourhood of an entity from a network it already holds; [`DotExport`] builds the
//! network from a store first.

use std::fmt::Write as _;
use std::io::Write;

use oxigraph::model::NamedNode;

use crate::error::ExportError;
use crate::network::{Kind, Link, Network, Scope, Script};
use crate::store::GraphStore;

/// How to draw a network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    /// The script of every label; `None` takes the script most of the articles are in.
    pub script: Option<Script>,
    /// Keep nodes that no edge touches (left out by default: they say nothing in a picture).
    pub keep_isolated: bool,
    /// Draw a legend of the node shapes and edge styles used.
    pub legend: bool,
    /// A title above the picture.
    pub title: Option<String>,
}

impl Default for DotOptions {
    fn default() -> Self {
        Self { script: None, keep_isolated: false, legend: true, title: None }
    }
}

/// Draws a whole network.
#[must_use]
pub fn render(network: &Network, options: &DotOptions) -> String {
    let drawn = if options.keep_isolated { network.clone() } else { network.without_isolated() };
    let script = options.script.or(network.majority_script).unwrap_or(Script::Traditional);
    write_dot(&drawn, script, options)
}

/// No entity has the name or IRI asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "no person, organisation, place, event or initiative is called {0:?} (give a name in either script, or an IRI such as id:person\\/王勇)"
)]
pub struct NotFound(pub String);

/// Draws the neighbourhood of the entity called `around` (a name in either script, an IRI or a
/// prefixed name): everything within `depth` links of it. Every entity with that name is a centre,
/// drawn even when nothing links to it (every other node in a neighbourhood is linked).
///
/// # Errors
/// [`NotFound`] when no entity has that name or IRI.
pub fn neighbourhood(network: &Network, around: &str, depth: usize, options: &DotOptions) -> Result<String, NotFound> {
    let centres = network.find(around);
    if centres.is_empty() {
        return Err(NotFound(around.to_owned()));
    }
    let mut options = DotOptions { keep_isolated: true, ..options.clone() };
    if options.title.is_none() {
        let script = options.script.or(network.majority_script).unwrap_or(Script::Traditional);
        let names: Vec<String> = centres.iter().map(|&c| network.nodes[c].label(script)).collect();
        options.title = Some(format!("{} (depth {depth})", names.join(" / ")));
    }
    Ok(render(&network.neighbourhood(&centres, depth), &options))
}

fn shape(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Person => ("ellipse", "#cfe2f3"),
        Kind::Organization => ("box", "#d9ead3"),
        Kind::Place => ("house", "#fff2cc"),
        Kind::Event => ("octagon", "#f4cccc"),
        Kind::Initiative => ("note", "#ead1dc"),
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "person",
        Kind::Organization => "organisation",
        Kind::Place => "place",
        Kind::Event => "event",
        Kind::Initiative => "initiative",
    }
}

fn style(link: Link) -> &'static str {
    match link {
        Link::Post => "color=\"#1c4587\", fontcolor=\"#1c4587\"",
        Link::Relation => "color=\"#000000\"",
        Link::Location | Link::Speaker | Link::Organizer => "color=\"#990000\", fontcolor=\"#990000\", style=dashed",
        Link::PartOf => "color=\"#666666\", fontcolor=\"#666666\", style=dotted",
        Link::Jurisdiction => "color=\"#7f6000\", fontcolor=\"#7f6000\", style=dotted",
    }
}

fn write_dot(network: &Network, script: Script, options: &DotOptions) -> String {
    let mut out = String::from("digraph tupu {\n");
    out.push_str("    graph [rankdir=LR, overlap=false, fontname=\"sans-serif\"");
    if let Some(title) = &options.title {
        let _ = write!(out, ", label=\"{}\", labelloc=t, fontsize=16", escape(title));
    }
    out.push_str(
        "]\n    node [style=filled, fontname=\"sans-serif\"]\n    edge [fontname=\"sans-serif\", fontsize=10]\n",
    );
    for (i, node) in network.nodes.iter().enumerate() {
        let (shape, fill) = shape(node.kind);
        let mut label = node.label(script);
        if let Some(titles) = node.bare_titles.in_script(script) {
            label = format!("{label}\n{titles}");
        }
        let _ = writeln!(
            out,
            "    n{i} [label=\"{}\", shape={shape}, fillcolor=\"{fill}\", tooltip=\"{}\"]",
            escape(&label),
            escape(&node.iri)
        );
    }
    for edge in &network.edges {
        let label = match edge.link {
            Link::Post | Link::Relation => edge.label(script),
            other => other.describe().to_owned(),
        };
        let direction = if edge.symmetric { ", dir=none" } else { "" };
        let _ = writeln!(
            out,
            "    n{} -> n{} [label=\"{}\", {}{direction}]",
            edge.source,
            edge.target,
            escape(&label),
            style(edge.link)
        );
    }
    if options.legend && !network.nodes.is_empty() {
        write_legend(&mut out, network);
    }
    out.push_str("}\n");
    out
}

/// A box listing the node kinds and link styles the picture uses.
fn write_legend(out: &mut String, network: &Network) {
    out.push_str(
        "    subgraph cluster_legend {\n        label=\"legend\"; style=dashed; color=\"#999999\"; fontsize=10\n",
    );
    for kind in Kind::ALL.into_iter().filter(|k| network.nodes.iter().any(|n| n.kind == *k)) {
        let (shape, fill) = shape(kind);
        let _ = writeln!(
            out,
            "        legend_{} [label=\"{}\", shape={shape}, fillcolor=\"{fill}\", fontsize=10]",
            kind_name(kind),
            kind_name(kind)
        );
    }
    for (i, link) in Link::ALL.into_iter().filter(|l| network.edges.iter().any(|e| e.link == *l)).enumerate() {
        let what = match link {
            Link::Post => "post (title)",
            Link::Relation => "relation (verb)",
            other => other.describe(),
        };
        let _ = writeln!(
            out,
            "        legend_from{i} [label=\"\", shape=point, width=0.05]\n        legend_to{i} [label=\"\", shape=point, width=0.05]\n        legend_from{i} -> legend_to{i} [label=\"{what}\", {}]",
            style(link)
        );
    }
    out.push_str("    }\n");
}

/// Escapes a string for a double-quoted DOT attribute value.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// Draws a store (or one article, or the neighbourhood of an entity) as a Graphviz digraph.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct DotExport {
    options: DotOptions,
    article: Option<NamedNode>,
    around: Option<(String, usize)>,
}

impl DotExport {
    /// The whole store, tupu's styling, a legend, no unconnected nodes.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only what one article states.
    pub fn article(mut self, document: NamedNode) -> Self {
        self.article = Some(document);
        self
    }

    /// Only what lies within `depth` links of the entity called `name`.
    pub fn around(mut self, name: impl Into<String>, depth: usize) -> Self {
        self.around = Some((name.into(), depth));
        self
    }

    /// Other drawing options.
    pub fn options(mut self, options: DotOptions) -> Self {
        self.options = options;
        self
    }

    /// Writes the DOT text.
    ///
    /// # Errors
    /// When the store cannot be queried, the entity is not found, or the output cannot be written.
    pub fn write<W: Write>(&self, store: &GraphStore, mut writer: W) -> Result<W, ExportError> {
        writer.write_all(self.render(store)?.as_bytes())?;
        Ok(writer)
    }

    /// The DOT text.
    ///
    /// # Errors
    /// When the store cannot be queried or the entity is not found.
    pub fn render(&self, store: &GraphStore) -> Result<String, ExportError> {
        let scope = self.article.clone().map_or(Scope::All, Scope::Article);
        let network = Network::from_store(store, &scope)?;
        Ok(match &self.around {
            Some((name, depth)) => neighbourhood(&network, name, *depth, &self.options)?,
            None => render(&network, &self.options),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(escape("a\nb"), "a\\nb");
    }
}

#[cfg(test)]
mod store_tests {
    use super::*;
    use crate::ArticleGraph;
    use crate::testing::{TEXT, extraction};

    fn store() -> GraphStore {
        let store = GraphStore::in_memory().unwrap();
        let mut x = extraction();
        x.entities[0].label = "陳\"大\"文".to_owned();
        store.insert_graph(&ArticleGraph::new(TEXT, &x)).unwrap();
        store
    }

    fn count(dot: &str, needle: &str) -> usize {
        dot.lines().filter(|l| l.contains(needle)).count()
    }

    #[test]
    fn people_posts_events_and_relations_are_drawn_with_a_legend() {
        let store = store();
        let dot = DotExport::new().render(&store).unwrap();
        assert!(dot.starts_with("digraph tupu {\n") && dot.ends_with("}\n"), "{dot}");
        assert!(dot.contains(r#"label="陳\"大\"文""#), "quotes are escaped: {dot}");
        assert!(dot.contains("shape=ellipse") && dot.contains("shape=box") && dot.contains("shape=house"));
        assert!(dot.contains("shape=octagon"), "the event");
        for label in ["局長", "撥款", "location", "speaker", "organizer", "part of"] {
            assert!(dot.contains(&format!("label=\"{label}\"")), "edge {label}: {dot}");
        }
        assert!(dot.contains("subgraph cluster_legend") && dot.contains("legend_person"), "{dot}");
        assert_eq!(dot, DotExport::new().render(&store).unwrap(), "deterministic");
    }

    #[test]
    fn unconnected_nodes_are_left_out_unless_asked_for() {
        let store = store();
        let mut x = extraction();
        x.entities.push(x.entities[2].clone());
        let lonely = x.entities.last_mut().unwrap();
        (lonely.label, lonely.key) = ("孤島".to_owned(), "孤岛".to_owned());
        store.insert_graph(&ArticleGraph::new("孤島。", &x)).unwrap();
        let network = Network::from_store(&store, &Scope::All).unwrap();
        assert_eq!(network.isolated(), 1);
        assert!(!render(&network, &DotOptions::default()).contains("孤島"));
        let all = render(&network, &DotOptions { keep_isolated: true, ..DotOptions::default() });
        assert!(all.contains("孤島"));
        // Asked for by name, it is drawn alone rather than as an empty picture.
        let alone = neighbourhood(&network, "孤島", 2, &DotOptions::default()).unwrap();
        assert_eq!(count(&alone, "label=\"孤島\""), 1, "{alone}");
        assert_eq!(count(&alone, "-> n"), 0, "{alone}");
    }

    #[test]
    fn a_neighbourhood_is_found_by_name_in_either_script_or_by_iri() {
        let network = Network::from_store(&store(), &Scope::All).unwrap();
        let simplified = DotOptions { script: Some(Script::Simplified), ..DotOptions::default() };
        // 發展峰會 (the event) in Simplified: its venue, speaker and organiser, one link away.
        let dot = neighbourhood(&network, "发展峰会", 1, &simplified).unwrap();
        assert!(dot.contains("label=\"发展峰会 (depth 1)\""), "{dot}");
        assert!(dot.contains("label=\"北都\"") && dot.contains("label=\"政府\""), "{dot}");
        assert!(!dot.contains("发展局\""), "two links away: {dot}");
        // Venue, speaker and organiser, and the two relations among them (政府 funds 北都, 陳大文 → 北都).
        assert_eq!(count(&dot, "-> n"), 5, "{dot}");
        let deeper = neighbourhood(&network, "id:event/发展峰会", 2, &simplified).unwrap();
        assert!(deeper.contains("label=\"发展局\""), "{deeper}");
        assert_eq!(neighbourhood(&network, "https://w3id.org/tupu/id/event/发展峰会", 2, &simplified).unwrap(), deeper);
        assert!(matches!(neighbourhood(&network, "無此人", 1, &simplified), Err(NotFound(_))));
    }

    #[test]
    fn one_edge_per_relation_labelled_in_one_script() {
        // The same post and relation stated by a Traditional and a Simplified article.
        let store = store();
        let mut x = extraction();
        x.script = tupu_extract::Script::Simplified;
        x.posts[0].title = "局长".to_owned();
        x.relations[0].predicate_text = "拨款".to_owned();
        store
            .insert_graph(&ArticleGraph::new("另一篇：发展局局长陈大文表示，政府拨款超过10亿元推动北都。", &x))
            .unwrap();
        let network = Network::from_store(&store, &Scope::All).unwrap();
        let traditional = render(&network, &DotOptions { script: Some(Script::Traditional), ..DotOptions::default() });
        assert_eq!(count(&traditional, "label=\"局長\""), 1, "{traditional}");
        assert_eq!(count(&traditional, "label=\"撥款\""), 1, "{traditional}");
        assert!(!traditional.contains("局长") && !traditional.contains("拨款"), "one script: {traditional}");
        let simplified = render(&network, &DotOptions { script: Some(Script::Simplified), ..DotOptions::default() });
        assert!(simplified.contains("label=\"局长\"") && simplified.contains("label=\"拨款\""), "{simplified}");
    }
}
