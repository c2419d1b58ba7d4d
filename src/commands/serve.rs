//! `tupu serve [--store DIR] [--bind ADDR:PORT]`: the SPARQL 1.1 Protocol over HTTP.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::open_read_only;
use crate::cli::ServeArgs;

pub(crate) fn run(args: ServeArgs) -> Result<ExitCode> {
    let store = open_read_only(&args.store.store)?;
    let server =
        tupu_query::http::serve(store, args.bind).with_context(|| format!("cannot listen on {}", args.bind))?;
    writeln!(
        std::io::stderr(),
        "tupu: serving {} at http://{}/query (Ctrl-C to stop)",
        args.store.store.display(),
        args.bind
    )?;
    server.join()?;
    Ok(ExitCode::SUCCESS)
}
