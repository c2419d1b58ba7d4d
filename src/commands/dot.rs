//! `tupu dot [--store DIR | --graph FILE] [--around ENTITY [--depth N]] [--article ID] [-o FILE.dot]`:
//! a Graphviz picture of the graph, of one article, or of the neighbourhood of an entity.

use std::process::ExitCode;

use anyhow::Result;
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
        export = export.article(super::export::article(&store, id)?);
    }
    if let Some(around) = &args.around {
        export = export.around(around, args.depth);
    }
    // Rendered before the file is opened: an unknown entity leaves no empty file behind.
    let dot = export.render(&store)?;
    write_output(args.output.as_deref(), |out| Ok(out.write_all(dot.as_bytes())?))?;
    Ok(ExitCode::SUCCESS)
}
