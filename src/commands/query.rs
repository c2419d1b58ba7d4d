//! `tupu query (SPARQL | --file Q.rq) [--store DIR | --graph FILE] [--format …]`.

use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use tupu_query::{Query, write_results};

use super::open_source;
use crate::cli::QueryArgs;

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
    let results = query.execute(&store)?;
    let mut out = write_results(results, args.format.into(), BufWriter::new(std::io::stdout().lock()))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
