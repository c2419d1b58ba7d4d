//! Errors of the store and of the exports.

use std::path::PathBuf;

use thiserror::Error;

/// Why a store operation failed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The storage engine failed (I/O, corruption).
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    /// Another process has the store open for writing (a store has one writer at a time).
    #[error("another process (another `tupu load` or `tupu remove`) is writing to the store at {}", .0.display())]
    Locked(PathBuf),
    /// There is no store at this path (and opening read-only does not create one).
    #[error("there is no store at {}", .0.display())]
    NotFound(PathBuf),
    /// The path is a file, or a directory holding other things than a store.
    #[error("{} is {what}, not a store", .path.display())]
    NotAStore {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        what: &'static str,
    },
    /// This build has no on-disk store (built without the `rocksdb` feature).
    #[error("this build of tupu has no on-disk store (it was built without the `rocksdb` feature)")]
    NoDiskSupport,
    /// An RDF file could not be read into the store.
    #[error("could not read RDF: {0}")]
    Parse(#[from] oxigraph::io::RdfParseError),
    /// A SPARQL query the store runs for itself (counts, listings, DOT) is malformed: a bug.
    #[error("internal query is malformed")]
    QuerySyntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    /// A SPARQL query the store runs for itself failed.
    #[error("internal query failed")]
    Query(#[from] oxigraph::sparql::QueryEvaluationError),
    /// An internal query gave another kind of result than the solutions it asks for: a bug.
    #[error("internal query did not return solutions")]
    NotSolutions,
    /// An I/O error outside the storage engine.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl From<oxigraph::store::LoaderError> for StoreError {
    fn from(e: oxigraph::store::LoaderError) -> Self {
        match e {
            oxigraph::store::LoaderError::Parsing(p) => Self::Parse(p),
            oxigraph::store::LoaderError::Storage(s) => Self::Storage(s),
            other => Self::Io(std::io::Error::other(other.to_string())),
        }
    }
}

/// Why an export failed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing the output failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The entity to draw around is not in the store.
    #[error(transparent)]
    NotFound(#[from] crate::dot::NotFound),
}

impl From<oxigraph::store::StorageError> for ExportError {
    fn from(e: oxigraph::store::StorageError) -> Self {
        Self::Store(StoreError::Storage(e))
    }
}
