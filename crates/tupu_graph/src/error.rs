//! Errors of the store and of the exports.

use std::path::PathBuf;

use thiserror::Error;

/// Why a store operation failed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The storage engine failed (I/O, corruption, a lock held by another process).
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    /// There is no store at this path (and opening read-only does not create one).
    #[error("no tupu store at {}; create one with `tupu load ARTICLES --store {}`", .0.display(), .0.display())]
    NotFound(PathBuf),
    /// This build has no on-disk store (built without the `rocksdb` feature).
    #[error("this build of tupu has no on-disk store (it was built without the `rocksdb` feature)")]
    NoDiskSupport,
    /// An RDF file could not be read into the store.
    #[error("could not read RDF: {0}")]
    Parse(#[from] oxigraph::io::RdfParseError),
    /// A SPARQL query the store runs for itself (counts, listings, DOT) failed.
    #[error("internal query failed: {0}")]
    Query(String),
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
