//! GraphML: the [`Network`] for graph tools that read it (NetworkX's `read_graphml`, Gephi, yEd,
//! Cytoscape). Node ids are the entities' IRIs, so a node is the same key in every export and in
//! SPARQL; every label, the kind, the number of articles, and for edges the type, label, RDF
//! property and weight are `<data>` with declared `<key>`s.

use std::fmt::Write as _;
use std::io::Write;

use crate::network::{Network, Script};

/// Node attributes: (key id, GraphML name, type).
const NODE_KEYS: &[(&str, &str, &str)] = &[
    ("label", "label", "string"),
    ("kind", "kind", "string"),
    ("label_zh_hant", "label_zh_hant", "string"),
    ("label_zh_hans", "label_zh_hans", "string"),
    ("label_en", "label_en", "string"),
    ("articles", "articles", "int"),
];

/// Edge attributes.
const EDGE_KEYS: &[(&str, &str, &str)] = &[
    ("type", "type", "string"),
    ("elabel", "label", "string"),
    ("property", "property", "string"),
    ("symmetric", "symmetric", "boolean"),
    ("weight", "weight", "int"),
];

/// Writes `network` as GraphML, labels (`label`) in `script` and in every script besides.
///
/// # Errors
/// When the output cannot be written.
pub fn write_graphml<W: Write>(network: &Network, script: Script, mut writer: W) -> std::io::Result<W> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (target, keys) in [("node", NODE_KEYS), ("edge", EDGE_KEYS)] {
        for (id, name, kind) in keys {
            let _ = writeln!(out, "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>");
        }
    }
    out.push_str("  <graph id=\"tupu\" edgedefault=\"directed\">\n");
    for node in &network.nodes {
        let _ = writeln!(out, "    <node id=\"{}\">", xml(&node.iri));
        data(&mut out, "label", Some(&node.label(script)));
        data(&mut out, "kind", Some(node.kind.name()));
        data(&mut out, "label_zh_hant", node.labels.in_script(Script::Traditional).as_deref());
        data(&mut out, "label_zh_hans", node.labels.in_script(Script::Simplified).as_deref());
        data(&mut out, "label_en", node.labels.english());
        data(&mut out, "articles", Some(&node.articles.to_string()));
        out.push_str("    </node>\n");
    }
    for (i, edge) in network.edges.iter().enumerate() {
        let (source, target) = (&network.nodes[edge.source].iri, &network.nodes[edge.target].iri);
        let _ = writeln!(out, "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">", xml(source), xml(target));
        data(&mut out, "type", Some(&edge.relationship_type()));
        data(&mut out, "elabel", Some(&edge.label(script)));
        data(&mut out, "property", Some(&edge.property));
        data(&mut out, "symmetric", Some(if edge.symmetric { "true" } else { "false" }));
        data(&mut out, "weight", Some(&edge.weight.to_string()));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    writer.write_all(out.as_bytes())?;
    Ok(writer)
}

fn data(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value));
    }
}

/// Escapes text for XML content and attribute values; characters XML 1.0 cannot hold are dropped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if u32::from(c) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Scope;
    use crate::testing::{TEXT, extraction};
    use crate::{ArticleGraph, GraphStore};

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(xml("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }

    #[test]
    fn nodes_are_keyed_by_iri_and_edges_carry_their_relation() {
        let store = GraphStore::in_memory().unwrap();
        store.insert_graph(&ArticleGraph::new(TEXT, &extraction())).unwrap();
        let network = Network::from_store(&store, &Scope::All).unwrap();
        let text = String::from_utf8(write_graphml(&network, Script::Traditional, Vec::new()).unwrap()).unwrap();
        assert!(text.starts_with("<?xml") && text.ends_with("</graphml>\n"));
        assert!(text.contains("<node id=\"https://w3id.org/tupu/id/person/陈大文\">"), "{text}");
        assert!(
            text.contains("<data key=\"label\">陳大文</data>")
                && text.contains("<data key=\"label_zh_hans\">陈大文</data>")
        );
        assert!(
            text.contains("<data key=\"type\">HOLDS_POST</data>") && text.contains("<data key=\"elabel\">局長</data>")
        );
        assert!(text.contains("<data key=\"type\">FUNDS</data>"), "{text}");
        assert_eq!(text.matches("<edge ").count(), network.edges.len());
        assert_eq!(text.matches("<node ").count(), network.nodes.len());
    }
}
