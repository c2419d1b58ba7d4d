//! `tupu push --endpoint URL [--user U] [--header 'N: V'] [--article ID]…`: the store's article
//! graphs to a triplestore through the SPARQL 1.1 Graph Store HTTP Protocol.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use tupu_push::{GraphStoreClient, PushOptions, article_graphs};

use super::{open_read_only, progress_items};
use crate::cli::PushArgs;

pub(crate) fn run(args: PushArgs) -> Result<ExitCode> {
    let client = GraphStoreClient::new(PushOptions {
        endpoint: args.endpoint.clone(),
        credentials: args.user.clone().zip(args.password.clone()),
        headers: args.header.clone(),
        timeout: Some(Duration::from_secs(args.timeout)),
    })?;
    let store = open_read_only(&args.store.store)?;
    let graphs = if args.article.is_empty() {
        article_graphs(&store)?
    } else {
        args.article.iter().map(|id| super::export::article(&store, id)).collect::<Result<Vec<_>>>()?
    };
    if graphs.is_empty() {
        anyhow::bail!("the store at {} holds no articles to push", args.store.store.display());
    }
    let bar = progress_items(graphs.len() as u64, "pushing", args.quiet);
    let started = Instant::now();
    let summary = client.push_store(&store, Some(&graphs), |_, _| bar.inc(1)).with_context(|| {
        format!(
            "pushing to {} stopped after {} of {} articles (those are stored there)",
            args.endpoint,
            bar.position(),
            graphs.len()
        )
    })?;
    bar.finish_and_clear();
    if !args.quiet {
        writeln!(
            std::io::stderr(),
            "pushed {} article{} ({} triples, {:.1} MB of N-Triples) to {} in {:.1} s",
            summary.graphs,
            if summary.graphs == 1 { "" } else { "s" },
            summary.triples,
            summary.bytes as f64 / 1e6,
            args.endpoint,
            started.elapsed().as_secs_f64()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
