//! `tupu export [--store DIR] [-o FILE] [--format …]`: the whole store as RDF.

use std::process::ExitCode;

use anyhow::Result;
use tupu_graph::{ExportFormat, RdfExport};

use super::{format_of, open_read_only, write_output};
use crate::cli::ExportArgs;

pub(crate) fn run(args: ExportArgs) -> Result<ExitCode> {
    let format = match args.format {
        Some(f) => ExportFormat::from(f),
        None => args.output.as_deref().and_then(format_of).unwrap_or(ExportFormat::Turtle),
    };
    let store = open_read_only(&args.store.store)?;
    write_output(args.output.as_deref(), |out| Ok(RdfExport::new(format).write_store(&store, out).map(drop)?))?;
    Ok(ExitCode::SUCCESS)
}
