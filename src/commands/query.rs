//! `tupu query (SPARQL | --file Q.rq) [--store DIR | --graph FILE] [--format …] [--timeout …]`.

use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tupu_query::{Query, QueryError, write_results};

use super::open_source;
use crate::cli::QueryArgs;

/// How often the time and memory limits are checked while a query runs.
const WATCH: Duration = Duration::from_millis(20);

pub(crate) fn run(args: QueryArgs) -> Result<ExitCode> {
    let sparql = match (&args.query, &args.file) {
        (Some(q), _) => q.clone(),
        (None, Some(path)) if path.as_os_str() == "-" => {
            let mut q = String::new();
            std::io::stdin().read_to_string(&mut q).context("cannot read the query from standard input")?;
            q
        }
        (None, Some(path)) => {
            std::fs::read_to_string(path).with_context(|| format!("cannot read the query from {}", path.display()))?
        }
        (None, None) => anyhow::bail!("give a query, or --file Q.rq"),
    };
    // Parse before opening the store: a typo is reported even where there is no store yet.
    let query = Query::parse(&sparql)?;
    let store = open_source(&args.source)?;
    let format = args.format.into();
    // The query runs on its own thread, watched from this one: oxigraph cannot be interrupted
    // (a cross join of patterns in memory ignores cancellation), but returning from `main`
    // ends the process, and the query with it.
    let (done, finished) = mpsc::channel();
    let evaluation = std::thread::Builder::new().stack_size(tupu_query::EVALUATION_STACK).spawn(move || {
        let result = query.execute(&store).and_then(|results| {
            let mut out = write_results(results, format, BufWriter::new(std::io::stdout().lock()))?;
            out.flush()?;
            Ok(())
        });
        // Close the store before saying it is done: once told, `main` returns and the process
        // exits, and RocksDB torn down by exit while this thread still closes it aborts
        // ("pthread lock: Invalid argument", about one query in a hundred).
        drop(store);
        let _ = done.send(result);
    });
    evaluation.context("cannot start the query's thread")?;
    let start = Instant::now();
    loop {
        match finished.recv_timeout(WATCH) {
            Ok(result) => {
                result?;
                return Ok(ExitCode::SUCCESS);
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => anyhow::bail!("the query stopped without a result"),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if start.elapsed() >= args.timeout {
            return Err(QueryError::TimedOut(args.timeout).into());
        }
        if tupu_query::resident_memory_kb(None).is_some_and(|kb| kb > args.max_memory * 1024) {
            return Err(QueryError::OutOfMemory(args.max_memory).into());
        }
    }
}
