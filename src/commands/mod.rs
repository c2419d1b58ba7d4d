//! One module per subcommand; each is glue between the command line and the library crates.

mod articles;
mod dot;
mod export;
mod extract;
mod load;
mod push;
mod query;
mod remove;
mod serve;

use std::fs;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use tupu_graph::oxigraph::model::NamedNode;
use tupu_graph::{ExportFormat, GraphStore, StoreError};

use crate::cli::{Args, Command, GraphSource};

/// Runs a parsed command line.
pub(crate) fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Extract(a) => extract::run(a),
        Command::Load(a) => load::run(a),
        Command::Articles(a) => articles::run(a),
        Command::Remove(a) => remove::run(a),
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
    refuse_directory(Some(path))?;
    // A device or a pipe (`-o /dev/null`, `-o >(gzip)`) is written to as it is: renaming a file
    // over it would replace the device itself.
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let file = fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        out.flush()?;
        return Ok(());
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

/// Refuses an output path that is a directory (before its extension is looked at).
pub(crate) fn refuse_directory(path: Option<&Path>) -> Result<()> {
    match path {
        Some(path) if path.is_dir() => bail!("{} is a directory; give a file name to write", path.display()),
        _ => Ok(()),
    }
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
    open_store(path, false)
}

/// Opens the store for writing, creating it (and the folders above it) when missing.
pub(crate) fn open_writable(path: &Path) -> Result<GraphStore> {
    open_store(path, true)
}

/// Opens the store, or says why not and what to do about it (the library's errors say what is
/// wrong; what to type is the command line's business).
fn open_store(path: &Path, writable: bool) -> Result<GraphStore> {
    let opened = if writable { GraphStore::open(path) } else { GraphStore::open_read_only(path) };
    opened.map_err(|e| {
        let hint = match (&e, writable) {
            (StoreError::NotFound(_), _) => "; load articles to make one: tupu load ARTICLES --store DIR",
            (StoreError::Locked(_), _) => "; wait for the other process to finish",
            (StoreError::NotAStore { .. }, true) => "; give --store a new or empty directory, or an existing store",
            (StoreError::NotAStore { .. }, false) => "; name the directory of a store with --store DIR (or TUPU_STORE)",
            _ => "",
        };
        anyhow::Error::new(e).context(format!("cannot open the store at {}{hint}", path.display()))
    })
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

/// A progress bar on standard error over `bytes` of input, when it is a terminal, there is
/// something to measure, and the command is not asked to be quiet.
pub(crate) fn progress(bytes: u64, verb: &str, quiet: bool) -> ProgressBar {
    bar(bytes, quiet, &format!("{verb} {{bar:40}} {{bytes}}/{{total_bytes}} {{elapsed}} ({{bytes_per_sec}}) {{msg}}"))
}

/// A progress bar over `count` items (articles pushed, graphs sent), on the same terms as [`progress`].
pub(crate) fn progress_items(count: u64, verb: &str, quiet: bool) -> ProgressBar {
    bar(count, quiet, &format!("{verb} {{bar:40}} {{pos}}/{{len}} {{elapsed}} {{msg}}"))
}

fn bar(len: u64, quiet: bool, template: &str) -> ProgressBar {
    if quiet || len == 0 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}
