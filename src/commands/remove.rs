//! `tupu remove ID... [--store DIR]`: take articles out of the store, all or none.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::open_writable;
use crate::cli::RemoveArgs;

pub(crate) fn run(args: RemoveArgs) -> Result<ExitCode> {
    let store_path = &args.store.store;
    let store = open_writable(store_path)?;
    let mut documents = Vec::new();
    let mut unknown = Vec::new();
    for id in &args.ids {
        let found = store.find(id)?;
        if found.is_empty() {
            unknown.push(id.as_str());
        }
        documents.extend(found);
    }
    if !unknown.is_empty() {
        bail!(
            "the store at {} holds no article {} (`tupu articles` lists them); nothing was removed",
            store_path.display(),
            unknown.join(", ")
        );
    }
    documents.sort_unstable();
    documents.dedup();
    let quads = store.remove(&documents)?;
    store.flush()?;
    let mut out = std::io::stdout().lock();
    let n = documents.len();
    writeln!(
        out,
        "removed {n} article{} ({quads} quads) from {}",
        if n == 1 { "" } else { "s" },
        store_path.display()
    )?;
    Ok(ExitCode::SUCCESS)
}
