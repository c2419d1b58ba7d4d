//! `tupu dot [--store DIR | --graph FILE] [--around ENTITY [--depth N]] [--article ID] [-o FILE.dot]`:
//! a Graphviz picture of the graph, of one article, or of the neighbourhood of an entity.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use tupu_graph::oxigraph::model::NamedOrBlankNode;
use tupu_graph::{DotExport, DotOptions};

use super::{open_source, write_output};
use crate::cli::DotArgs;

pub(crate) fn run(args: DotArgs) -> Result<ExitCode> {
    let store = open_source(&args.source)?;
    let options = DotOptions {
        script: args.script.map(Into::into),
        keep_isolated: args.isolated,
        legend: !args.no_legend,
        title: None,
    };
    let mut export = DotExport::new().options(options);
    if let Some(id) = &args.article {
        let document = tupu_graph::iri::document_from_id(id)
            .with_context(|| format!("{id:?} is not an article id (an IRI, doc:HASH or the 16-digit hash)"))?;
        if !store.graphs()?.contains(&NamedOrBlankNode::NamedNode(document.clone())) {
            bail!(
                "the store holds no article {id} (list them with: tupu query 'SELECT ?doc ?headline WHERE {{ ?doc a schema:NewsArticle ; schema:headline ?headline }}')"
            );
        }
        export = export.article(document);
    }
    if let Some(around) = &args.around {
        export = export.around(around, args.depth);
    }
    // Rendered before the file is opened: an unknown entity leaves no empty file behind.
    let dot = export.render(&store)?;
    write_output(args.output.as_deref(), |out| Ok(out.write_all(dot.as_bytes())?))?;
    Ok(ExitCode::SUCCESS)
}
