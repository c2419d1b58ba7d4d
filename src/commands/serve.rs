//! `tupu serve [--store DIR] [--bind ADDR:PORT] [--timeout …]`: the SPARQL 1.1 Protocol and the
//! page over HTTP, queries answered by `tupu serve-worker` processes.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use tupu_query::http::pool::WorkerCommand;
use tupu_query::http::{ServeOptions, serve};

use super::open_read_only;
use crate::cli::{ServeArgs, StoreFlag};

pub(crate) fn run(args: ServeArgs) -> Result<ExitCode> {
    // Opened once here so that a missing or broken store is reported before listening.
    drop(open_read_only(&args.store.store)?);
    let program = std::env::current_exe().context("cannot find the tupu binary to start query workers")?;
    let store = std::path::absolute(&args.store.store).unwrap_or_else(|_| args.store.store.clone());
    let worker = WorkerCommand { program, args: vec!["serve-worker".into(), "--store".into(), store.into_os_string()] };
    let mut options = ServeOptions::new(args.bind, worker);
    options.timeout = args.timeout;
    options.max_memory_mb = args.max_memory;
    options.max_result_bytes = args.max_result.saturating_mul(1 << 20);
    options.receive_timeout = args.receive_timeout;
    if let Some(workers) = args.workers {
        options.workers = usize::from(workers);
    }
    let graphviz = options.graphviz.is_some();
    let store_name = args.store.store.display().to_string();
    serve(options, |address| {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "tupu: serving {store_name} at http://{address}/ (SPARQL at /query; Ctrl-C to stop)");
        if !graphviz {
            let _ = writeln!(err, "tupu: Graphviz `dot` is not installed: the page shows DOT text instead of pictures");
        }
    })
    .with_context(|| format!("cannot serve on {}", args.bind))?;
    Ok(ExitCode::SUCCESS)
}

/// One worker: answers the server's requests on standard input and output until it closes.
pub(crate) fn worker(store: &StoreFlag) -> Result<ExitCode> {
    tupu_query::http::worker::run(&store.store, std::io::stdin(), std::io::stdout())
        .context("the query worker lost its server")?;
    Ok(ExitCode::SUCCESS)
}
