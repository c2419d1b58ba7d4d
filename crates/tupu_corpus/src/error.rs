//! Why an article, a corpus file or a manifest could not be read.

use std::io;
use std::path::PathBuf;

use thiserror::Error;
use tupu_extract::ArticleError;

use crate::published::DateError;
use crate::read::FileKind;
use crate::text::NotText;

/// Why one article could not be read. The others are read all the same.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Opening or reading failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A directory, pipe, device or socket where an article file was expected.
    #[error("it is {kind}, not a regular file (tupu reads files, folders, JSON Lines and standard input `-`)")]
    NotRegular {
        /// What it is.
        kind: FileKind,
    },
    /// More bytes than one article may have.
    #[error("it is larger than {} MiB, the limit for one article", .limit >> 20)]
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// Not UTF-8 text.
    #[error(transparent)]
    NotText(#[from] NotText),
    /// A JSON Lines line that is not an article record.
    #[error("not a JSON object with a \"text\" string: {0}")]
    Json(#[from] serde_json::Error),
    /// A JSON Lines line longer than any article record can be.
    #[error("the line is longer than {limit} bytes, more than one article can take")]
    LineTooLong {
        /// The limit.
        limit: usize,
    },
    /// A decompression or read error inside a JSON Lines file; the rest of it is not read.
    #[error("the rest of the file cannot be read: {0}")]
    Truncated(#[source] io::Error),
    /// The record's id, url, title or publication date is not valid.
    #[error(transparent)]
    Metadata(#[from] MetadataError),
    /// The text is not an article (empty, binary).
    #[error(transparent)]
    Article(#[from] ArticleError),
}

/// What is wrong with an article's id, url, title or publication date.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MetadataError {
    /// The publication date.
    #[error("\"published\": {0}")]
    Published(#[from] DateError),
    /// The url is not an absolute IRI.
    #[error("\"url\" {url:?} is not an absolute URL: {reason}")]
    Url {
        /// The url as given.
        url: String,
        /// Why it is not one.
        reason: String,
    },
    /// An id, url or title that is empty, too long, or holds control characters.
    #[error("\"{field}\" {problem}")]
    Field {
        /// Which field.
        field: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
}

/// Why a manifest could not be used. A manifest is read whole before any article, so a
/// mistake in it stops the run instead of loading articles with the wrong dates.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ManifestError {
    /// It could not be read.
    #[error("cannot read the manifest {}", .path.display())]
    Read {
        /// The manifest.
        path: PathBuf,
        /// Why.
        #[source]
        source: ReadError,
    },
    /// A line is malformed.
    #[error("{}:{line}: {problem}", .path.display())]
    Line {
        /// The manifest.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        problem: String,
    },
}

/// Why the paths given could not be turned into a list of sources.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExpandError {
    /// A directory could not be listed.
    #[error("cannot list {}", .path.display())]
    List {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A directory holds nothing tupu reads.
    #[error("{} holds no articles (*.txt files or *.jsonl, *.jsonl.gz corpora)", .0.display())]
    Empty(PathBuf),
    /// Standard input named twice.
    #[error("standard input (`-`) can be read only once")]
    StdinTwice,
}
