//! One module per subcommand; each is glue between the command line and the library crates.

mod dot;
mod export;
mod extract;
mod load;
mod push;
mod query;
mod serve;

use std::fs;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use tupu_graph::oxigraph::model::NamedNode;
use tupu_graph::{ExportFormat, GraphStore};

use crate::cli::{Args, Command, GraphSource};

/// Runs a parsed command line.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Extract(a) => extract::run(a),
        Command::Load(a) => load::run(a),
        Command::Query(a) => query::run(a),
        Command::Export(a) => export::run(a),
        Command::Dot(a) => dot::run(a),
        Command::Push(a) => push::run(a),
        Command::Serve(a) => serve::run(a),
        Command::ServeWorker(a) => serve::worker(&a),
    }
}

/// Writes to `path` (all or nothing: a temporary file renamed into place on success, so a
/// failed run never leaves a truncated graph behind) or to standard output.
pub(crate) fn write_output(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let Some(path) = path else {
        let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        write(&mut out)?;
        out.flush()?;
        return Ok(());
    };
    if path.is_dir() {
        bail!("{} is a directory; give a file name to write", path.display());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.tupu-{}", std::process::id()));
    let result = (|| -> Result<()> {
        let file = fs::File::create(&temporary).with_context(|| format!("cannot create {}", temporary.display()))?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))
    })();
    if result.is_err() {
        fs::remove_file(&temporary).ok();
    }
    result
}

/// The format a file name's extension stands for, if any.
pub(crate) fn format_of(path: &Path) -> Option<ExportFormat> {
    path.extension().and_then(|e| e.to_str()).and_then(ExportFormat::from_extension)
}

/// Opens the store for reading, or reads an RDF file into memory when `--graph` is given.
pub(crate) fn open_source(source: &GraphSource) -> Result<GraphStore> {
    match &source.graph {
        Some(file) => read_graph_file(file),
        None => open_read_only(&source.store),
    }
}

pub(crate) fn open_read_only(path: &Path) -> Result<GraphStore> {
    GraphStore::open_read_only(path).with_context(|| format!("cannot open the store at {}", path.display()))
}

fn read_graph_file(file: &Path) -> Result<GraphStore> {
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = ExportFormat::from_extension(ext)
        .map(ExportFormat::rdf_format)
        .or_else(|| tupu_graph::oxigraph::io::RdfFormat::from_extension(ext))
        .with_context(|| {
            format!("cannot tell the RDF format of {} from its extension (use .ttl .trig .nq .nt)", file.display())
        })?;
    let reader = fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
    let store = GraphStore::in_memory()?;
    let absolute = fs::canonicalize(file).unwrap_or_else(|_| PathBuf::from(file));
    let graph = NamedNode::new(format!("file://{}", tupu_graph::iri::encode_path(&absolute.to_string_lossy())))
        .context("cannot name the file's graph")?;
    store
        .load_rdf(std::io::BufReader::new(reader), format, &graph)
        .with_context(|| format!("cannot read {} as RDF", file.display()))?;
    Ok(store)
}

/// A progress bar on standard error, when it is a terminal and there is more than one item.
pub(crate) fn progress(items: usize, verb: &str) -> ProgressBar {
    if items < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(items as u64);
    if let Ok(style) =
        ProgressStyle::with_template(&format!("{verb} {{bar:40}} {{pos}}/{{len}} {{elapsed}} ({{per_sec}})"))
    {
        bar.set_style(style);
    }
    bar
}

/// Runs `work` on every item on all cores, and hands the results to `sink` in input order, so
/// output is the same whatever the scheduling. Stops early when `sink` fails.
pub(crate) fn map_ordered<I: Sync, T: Send>(
    items: &[I],
    work: impl Fn(&I) -> T + Sync,
    mut sink: impl FnMut(usize, T) -> Result<()>,
) -> Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(items.len()).max(1);
    if threads == 1 {
        for (i, item) in items.iter().enumerate() {
            sink(i, work(item))?;
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Bounded, so fast workers wait for a slow writer instead of filling memory.
        let (tx, rx) = mpsc::sync_channel::<(usize, T)>(threads * 4);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut due = 0;
        let result = (|| {
            for (i, value) in &rx {
                pending.insert(i, value);
                while let Some(value) = pending.remove(&due) {
                    sink(due, value)?;
                    due += 1;
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        drop(rx);
        result
    })
}
