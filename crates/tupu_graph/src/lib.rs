#![doc = include_str!("../README.md")]

pub mod csv;
pub mod dot;
pub mod error;
pub mod export;
pub mod government;
pub mod graphml;
pub mod iri;
pub mod mapping;
pub mod network;
pub mod provenance;
pub mod store;
mod terms;
pub mod vocab;

#[cfg(test)]
mod testing;

/// The oxigraph this crate is built on, for callers that need its types (terms, formats).
pub use oxigraph;

pub use dot::{DotExport, DotOptions};
pub use error::{ExportError, StoreError};
pub use export::{ExportFormat, RdfExport};
pub use mapping::{ArticleGraph, ArticleSummary};
pub use network::{Network, Scope, Script};
pub use provenance::Provenance;
pub use store::{ArticleInfo, GraphStore, Loader, StoreCounts};
