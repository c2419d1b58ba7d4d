//! `tupu dot [--store DIR | --graph FILE] [-o FILE.dot]`: a Graphviz picture of the graph.

use std::process::ExitCode;

use anyhow::Result;
use tupu_graph::DotExport;

use super::{open_source, write_output};
use crate::cli::DotArgs;

pub(crate) fn run(args: DotArgs) -> Result<ExitCode> {
    let store = open_source(&args.source)?;
    write_output(args.output.as_deref(), |out| Ok(DotExport::new().write(&store, out).map(drop)?))?;
    Ok(ExitCode::SUCCESS)
}
