//! The [`Network`] as two CSV files, nodes and edges, with the headers the tools expect:
//!
//! - [`CsvFlavour::Gephi`]: `Id,Label,…` and `Source,Target,Type,…` (Gephi's spreadsheet import;
//!   also what pandas, NetworkX's `from_pandas_edgelist` and Neo4j's `LOAD CSV WITH HEADERS` read);
//! - [`CsvFlavour::Neo4j`]: `iri:ID,…,:LABEL` and `:START_ID,:END_ID,:TYPE,…`, the header
//!   conventions of `neo4j-admin database import full`.
//!
//! Node ids are the entities' IRIs. RFC 4180: fields with a comma, quote or line break are quoted.

use std::io::Write;

use crate::network::{Network, Script};

/// Which tool's header conventions to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CsvFlavour {
    /// Gephi's (`Id`, `Label`, `Source`, `Target`, `Type` = Directed/Undirected, `Weight`).
    Gephi,
    /// `neo4j-admin import`'s (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`).
    Neo4j,
}

impl CsvFlavour {
    /// The file names of the nodes and the edges.
    #[must_use]
    pub fn file_names(self) -> (&'static str, &'static str) {
        match self {
            Self::Gephi => ("nodes.csv", "edges.csv"),
            Self::Neo4j => ("nodes.csv", "relationships.csv"),
        }
    }
}

/// Writes the nodes of `network`, labels (`Label`, `name`) in `script`.
///
/// # Errors
/// When the output cannot be written.
pub fn write_nodes<W: Write>(network: &Network, flavour: CsvFlavour, script: Script, mut w: W) -> std::io::Result<W> {
    let header: &[&str] = match flavour {
        CsvFlavour::Gephi => &["Id", "Label", "Kind", "Label zh-Hant", "Label zh-Hans", "Label en", "Articles"],
        CsvFlavour::Neo4j => &["iri:ID", "name", ":LABEL", "name_zh_hant", "name_zh_hans", "name_en", "articles:int"],
    };
    row(&mut w, header.iter().copied())?;
    for n in &network.nodes {
        let kind = match flavour {
            CsvFlavour::Gephi => n.kind.name().to_owned(),
            CsvFlavour::Neo4j => format!("Entity;{}", n.kind.name()),
        };
        let (hant, hans) = (n.labels.in_script(Script::Traditional), n.labels.in_script(Script::Simplified));
        let articles = n.articles.to_string();
        row(
            &mut w,
            [
                n.iri.as_str(),
                &n.label(script),
                &kind,
                hant.as_deref().unwrap_or(""),
                hans.as_deref().unwrap_or(""),
                n.labels.english().unwrap_or(""),
                &articles,
            ],
        )?;
    }
    Ok(w)
}

/// Writes the edges of `network`, labels in `script`.
///
/// # Errors
/// When the output cannot be written.
pub fn write_edges<W: Write>(network: &Network, flavour: CsvFlavour, script: Script, mut w: W) -> std::io::Result<W> {
    let header: &[&str] = match flavour {
        CsvFlavour::Gephi => &["Source", "Target", "Type", "Relationship", "Label", "Property", "Weight"],
        CsvFlavour::Neo4j => &[":START_ID", ":END_ID", ":TYPE", "label", "property", "symmetric:boolean", "weight:int"],
    };
    row(&mut w, header.iter().copied())?;
    for e in &network.edges {
        let (source, target) = (network.nodes[e.source].iri.as_str(), network.nodes[e.target].iri.as_str());
        let weight = e.weight.to_string();
        let (kind, label) = (e.relationship_type(), e.label(script));
        match flavour {
            CsvFlavour::Gephi => {
                let direction = if e.symmetric { "Undirected" } else { "Directed" };
                row(&mut w, [source, target, direction, &kind, &label, &e.property, &weight])?;
            }
            CsvFlavour::Neo4j => {
                let symmetric = if e.symmetric { "true" } else { "false" };
                row(&mut w, [source, target, &kind, &label, &e.property, symmetric, &weight])?;
            }
        }
    }
    Ok(w)
}

fn row<'a, W: Write>(w: &mut W, fields: impl IntoIterator<Item = &'a str>) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(field);
        }
    }
    line.push('\n');
    w.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Scope;
    use crate::testing::{TEXT, extraction};
    use crate::{ArticleGraph, GraphStore};

    fn network() -> Network {
        let store = GraphStore::in_memory().unwrap();
        let mut x = extraction();
        x.entities[0].label = "陳,\"大\"文".to_owned();
        store.insert_graph(&ArticleGraph::new(TEXT, &x)).unwrap();
        Network::from_store(&store, &Scope::All).unwrap()
    }

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn gephi_headers_and_quoting() {
        let n = network();
        let nodes = text(write_nodes(&n, CsvFlavour::Gephi, Script::Traditional, Vec::new()).unwrap());
        assert!(nodes.starts_with("Id,Label,Kind,"), "{nodes}");
        assert!(nodes.contains("https://w3id.org/tupu/id/person/陈大文,\"陳,\"\"大\"\"文\",Person,"), "{nodes}");
        assert_eq!(nodes.lines().count(), n.nodes.len() + 1);
        let edges = text(write_edges(&n, CsvFlavour::Gephi, Script::Traditional, Vec::new()).unwrap());
        assert!(edges.starts_with("Source,Target,Type,Relationship,Label,"), "{edges}");
        assert!(edges.contains(",Directed,HOLDS_POST,局長,http://www.w3.org/ns/org#holds,1"), "{edges}");
        assert_eq!(edges.lines().count(), n.edges.len() + 1);
    }

    #[test]
    fn neo4j_admin_import_headers() {
        let n = network();
        let nodes = text(write_nodes(&n, CsvFlavour::Neo4j, Script::Simplified, Vec::new()).unwrap());
        assert!(nodes.starts_with("iri:ID,name,:LABEL,name_zh_hant,name_zh_hans,name_en,articles:int\n"), "{nodes}");
        assert!(nodes.contains(",Entity;Organization,"), "{nodes}");
        let edges = text(write_edges(&n, CsvFlavour::Neo4j, Script::Simplified, Vec::new()).unwrap());
        assert!(edges.starts_with(":START_ID,:END_ID,:TYPE,label,property,symmetric:boolean,weight:int\n"));
        assert!(edges.contains(",HOLDS_POST,局长,"), "{edges}");
    }
}
