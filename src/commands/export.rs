//! `tupu export [--store DIR] [-o FILE|DIR] [--format …] [--article ID]`: the store as RDF, or its
//! entity network for graph tools (GraphML, CSV for Gephi and for Neo4j's importer).

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use tupu_graph::csv::{CsvFlavour, write_edges, write_nodes};
use tupu_graph::graphml::write_graphml;
use tupu_graph::oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode};
use tupu_graph::{ExportFormat, GraphStore, Network, RdfExport, Scope, Script};

use super::{open_read_only, write_output};
use crate::cli::{ExportArgs, ExportFormatArg};

pub(crate) fn run(args: ExportArgs) -> Result<ExitCode> {
    let format = match (args.format, args.output.as_deref()) {
        (Some(f), _) => f,
        (None, None) => ExportFormatArg::Turtle,
        (None, Some(out)) => ExportFormatArg::from_extension(out).with_context(|| {
            format!(
                "cannot tell the export format from {}; use an extension .ttl .trig .nq .nt .jsonld .graphml \
                 or --format turtle|trig|nquads|ntriples|jsonld|graphml|csv|neo4j",
                out.display()
            )
        })?,
    };
    let store = open_read_only(&args.store.store)?;
    let article = args.article.as_deref().map(|id| article(&store, id)).transpose()?;
    let rdf = match format {
        ExportFormatArg::Turtle => Some(ExportFormat::Turtle),
        ExportFormatArg::Trig => Some(ExportFormat::TriG),
        ExportFormatArg::Nquads => Some(ExportFormat::NQuads),
        ExportFormatArg::Ntriples => Some(ExportFormat::NTriples),
        ExportFormatArg::Jsonld => Some(ExportFormat::JsonLd),
        ExportFormatArg::Graphml | ExportFormatArg::Csv | ExportFormatArg::Neo4j => None,
    };
    if let Some(rdf) = rdf {
        let export = RdfExport::new(rdf);
        write_output(args.output.as_deref(), |out| match &article {
            None => Ok(export.write_store(&store, out).map(drop)?),
            Some(doc) => {
                let graph = GraphNameRef::NamedNode(doc.as_ref());
                let quads =
                    store.oxigraph().quads_for_pattern(None, None, None, Some(graph)).collect::<Result<_, _>>()?;
                Ok(export.write_quads(quads, out).map(drop)?)
            }
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let network = Network::from_store(&store, &article.map_or(Scope::All, Scope::Article))?;
    let script = args.script.map(Script::from).or(network.majority_script).unwrap_or(Script::Traditional);
    let flavour = match format {
        ExportFormatArg::Csv => CsvFlavour::Gephi,
        ExportFormatArg::Neo4j => CsvFlavour::Neo4j,
        _ => {
            write_output(args.output.as_deref(), |out| Ok(write_graphml(&network, script, out).map(drop)?))?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let Some(dir) = args.output.as_deref() else {
        bail!("--format csv and neo4j write two files: give a directory with -o DIR");
    };
    if dir.is_file() {
        bail!("{} is a file; --format csv and neo4j write nodes and edges into a directory", dir.display());
    }
    let (nodes, edges) = flavour.file_names();
    write_output(Some(&dir.join(nodes)), |out| Ok(write_nodes(&network, flavour, script, out).map(drop)?))?;
    write_output(Some(&dir.join(edges)), |out| Ok(write_edges(&network, flavour, script, out).map(drop)?))?;
    Ok(ExitCode::SUCCESS)
}

/// The article a user named, checked to be in the store.
pub(crate) fn article(store: &GraphStore, id: &str) -> Result<NamedNode> {
    let document = tupu_graph::iri::document_from_id(id)
        .with_context(|| format!("{id:?} is not an article id (an IRI, doc:HASH or the 16-digit hash)"))?;
    if !store.graphs()?.contains(&NamedOrBlankNode::NamedNode(document.clone())) {
        bail!(
            "the store holds no article {id} (list them with: tupu query 'SELECT ?doc ?headline WHERE {{ ?doc a schema:NewsArticle ; schema:headline ?headline }}')"
        );
    }
    Ok(document)
}
