//! Reading a corpus of news articles the forms corpora come in — text files, folders of them,
//! JSON Lines (gzip too) — with per-article metadata (id, url, title, publication date) from
//! the JSON record or a manifest, one article at a time with bounded memory.
//!
//! Every read goes through a hard cap; only regular files and standard input are read (a FIFO,
//! a device or a socket is refused, never waited on); bytes that are not UTF-8 are named (an
//! executable, UTF-16, Big5, GB18030) so the message says what to do. An article that cannot
//! be read is a [`Record`] whose text is an error: the others are read all the same.
//!
//! ```
//! use tupu_corpus::{Corpus, Source};
//! use tupu_extract::ArticleOptions;
//!
//! # let dir = std::env::temp_dir().join(format!("tupu-corpus-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir)?;
//! let corpus = dir.join("news.jsonl");
//! std::fs::write(&corpus, "{\"id\": \"n-1\", \"published\": \"2025-04-15\", \"text\": \"市政府今日公布新計劃。\"}\n")?;
//! for record in Corpus::new(tupu_corpus::expand(&[corpus])?).records() {
//!     let (article, metadata) = record.into_article(&ArticleOptions::default())?;
//!     assert_eq!(metadata.id.as_deref(), Some("n-1"));
//!     assert_eq!(article.published().map(|d| d.to_string()).as_deref(), Some("2025-04-15"));
//! }
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod corpus;
pub mod currency;
pub mod error;
pub mod jsonl;
pub mod manifest;
pub mod published;
pub mod read;
pub mod record;
pub mod text;

pub use corpus::{Corpus, Records, Source, expand};
pub use error::{ExpandError, ManifestError, MetadataError, ReadError};
pub use manifest::Manifest;
pub use published::DateError;
pub use read::FileKind;
pub use record::{Metadata, Record};
pub use text::NotText;
