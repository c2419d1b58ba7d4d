//! A corpus: the files, folders and JSON Lines files named on a command line, read one article
//! at a time (in order, so output is the same on every run) with bounded memory.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::read::MultiGzDecoder;
use tupu_extract::article::MAX_ARTICLE_BYTES;

use crate::error::{ExpandError, ReadError};
use crate::jsonl::JsonLines;
use crate::manifest::Manifest;
use crate::read::{open_regular, read_file, read_stdin};
use crate::record::{Metadata, Record};
use crate::text::decode;

/// Folders are not followed deeper than this (a guard against mounts of everything).
const MAX_DEPTH: usize = 32;

/// One input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`): one article.
    Stdin,
    /// A file holding one article.
    File(PathBuf),
    /// A JSON Lines file (`*.jsonl`, `*.ndjson`, or gzip: `*.jsonl.gz`), one article per line.
    JsonLines(PathBuf),
}

impl Source {
    /// The source a command-line argument names (`-` is standard input), by its extension.
    #[must_use]
    pub fn from_arg(path: &Path) -> Self {
        if path.as_os_str() == "-" {
            Self::Stdin
        } else if is_json_lines(path) {
            Self::JsonLines(path.to_path_buf())
        } else {
            Self::File(path.to_path_buf())
        }
    }

    /// How messages name it.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Self::Stdin => "standard input".to_owned(),
            Self::File(p) | Self::JsonLines(p) => p.display().to_string(),
        }
    }

    /// Its size on disk, when it is a regular file (for progress).
    fn size(&self) -> u64 {
        match self {
            Self::Stdin => 0,
            Self::File(p) | Self::JsonLines(p) => fs::metadata(p).ok().filter(|m| m.is_file()).map_or(0, |m| m.len()),
        }
    }
}

/// `*.jsonl`, `*.ndjson`, `*.jsonl.gz`, `*.ndjson.gz`.
fn is_json_lines(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

fn is_gzip(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The sources command-line arguments name: files as given (by extension, JSON Lines or one
/// article), `-` for standard input, folders searched (sorted, depth first; hidden entries
/// skipped) for `*.txt` articles and JSON Lines corpora.
///
/// # Errors
/// [`ExpandError`] when a folder cannot be listed or holds nothing to read, or `-` is given
/// twice. A file that does not exist is not an error here: reading it fails, for that file alone.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Source>, ExpandError> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            let before = out.len();
            let mut visited = HashSet::new();
            walk(path, 0, &mut visited, &mut out)?;
            if out.len() == before {
                return Err(ExpandError::Empty(path.clone()));
            }
        } else {
            out.push(Source::from_arg(path));
        }
    }
    if out.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        return Err(ExpandError::StdinTwice);
    }
    Ok(out)
}

fn walk(dir: &Path, depth: usize, visited: &mut HashSet<PathBuf>, out: &mut Vec<Source>) -> Result<(), ExpandError> {
    // A symbolic link back up the tree is listed once.
    if depth > MAX_DEPTH || !visited.insert(fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
        return Ok(());
    }
    let list = |source| ExpandError::List { path: dir.to_path_buf(), source };
    let mut entries: Vec<PathBuf> =
        fs::read_dir(dir).map_err(list)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(list)?;
    entries.sort();
    for path in entries {
        if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            continue;
        }
        if path.is_dir() {
            walk(&path, depth + 1, visited, out)?;
        } else if is_json_lines(&path) {
            out.push(Source::JsonLines(path));
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(Source::File(path));
        }
    }
    Ok(())
}

/// Sources to read, with what a manifest says about the files among them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    sources: Vec<Source>,
    manifest: Option<Manifest>,
}

impl Corpus {
    /// A corpus of these sources.
    #[must_use]
    pub fn new(sources: Vec<Source>) -> Self {
        Self { sources, manifest: None }
    }

    /// Takes metadata for plain files from a manifest.
    #[must_use]
    pub fn with_manifest(mut self, manifest: Manifest) -> Self {
        self.manifest = Some(manifest);
        self
    }

    /// The sources.
    #[must_use]
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Bytes of input on disk (compressed size for gzip), for a progress bar.
    #[must_use]
    pub fn input_bytes(&self) -> u64 {
        self.sources.iter().map(Source::size).sum()
    }

    /// The articles, one at a time, in order.
    #[must_use]
    pub fn records(self) -> Records {
        Records { sources: self.sources.into_iter(), manifest: self.manifest, lines: None, done: 0 }
    }
}

/// A JSON Lines file being read, and how many of its bytes have been.
type OpenLines = (JsonLines<Box<dyn BufRead + Send>>, Arc<AtomicU64>);

/// The records of a corpus, read as they are asked for.
pub struct Records {
    sources: std::vec::IntoIter<Source>,
    manifest: Option<Manifest>,
    /// The JSON Lines file being read, and how many of its bytes have been.
    lines: Option<OpenLines>,
    /// Bytes of the sources finished so far.
    done: u64,
}

impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Records").field("done", &self.done).finish_non_exhaustive()
    }
}

impl Iterator for Records {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some((lines, read)) = &mut self.lines {
                if let Some(mut record) = lines.next() {
                    record.consumed = self.done + read.load(Ordering::Relaxed);
                    return Some(record);
                }
                self.done += read.load(Ordering::Relaxed);
                self.lines = None;
            }
            let source = self.sources.next()?;
            let origin = source.name();
            match source {
                Source::Stdin => {
                    let text = read_stdin(MAX_ARTICLE_BYTES).and_then(|b| Ok(decode(b)?));
                    return Some(Record { origin, metadata: Metadata::default(), text, consumed: self.done });
                }
                Source::File(path) => {
                    let bytes = read_file(&path, MAX_ARTICLE_BYTES);
                    self.done += bytes.as_ref().map_or(0, |b| b.len() as u64);
                    let text = bytes.and_then(|b| Ok(decode(b)?));
                    let metadata = self.manifest.as_ref().and_then(|m| m.get(&path)).cloned().unwrap_or_default();
                    return Some(Record { origin, metadata, text, consumed: self.done });
                }
                Source::JsonLines(path) => match open_lines(&path) {
                    Ok(opened) => self.lines = Some(opened),
                    Err(e) => {
                        return Some(Record {
                            origin,
                            metadata: Metadata::default(),
                            text: Err(e),
                            consumed: self.done,
                        });
                    }
                },
            }
        }
    }
}

/// Opens a JSON Lines file, through gzip when its name ends in `.gz`.
fn open_lines(path: &Path) -> Result<OpenLines, ReadError> {
    let (file, _) = open_regular(path)?;
    let read = Arc::new(AtomicU64::new(0));
    let counted = Counting { inner: file, read: Arc::clone(&read) };
    let reader: Box<dyn BufRead + Send> = if is_gzip(path) {
        Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(BufReader::with_capacity(1 << 16, counted))))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, counted))
    };
    Ok((JsonLines::new(reader, path.display().to_string()), read))
}

/// Counts the bytes read from a file.
struct Counting {
    inner: File,
    read: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
