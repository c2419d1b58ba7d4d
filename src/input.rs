//! The articles a command reads: the corpus its paths name (files, folders, JSON Lines,
//! standard input; see `tupu_corpus`), a manifest's metadata, and the options for all of them.

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};
use tupu_corpus::{Corpus, Manifest, Record, Source};
use tupu_extract::{Article, ArticleOptions};
use tupu_graph::Provenance;

use crate::cli::InputArgs;

/// A corpus to read, and what applies to each of its articles.
pub(crate) struct Input {
    pub(crate) corpus: Corpus,
    pub(crate) options: ArticleOptions,
}

impl Input {
    /// The corpus the arguments name, with its manifest read (a bad manifest stops the run
    /// before any article is read).
    pub(crate) fn open(args: InputArgs) -> Result<Self> {
        let mut corpus = Corpus::new(tupu_corpus::expand(&args.paths)?);
        if let Some(path) = &args.manifest {
            corpus = corpus.with_manifest(Manifest::read(path)?);
        }
        if corpus.sources().contains(&Source::Stdin) && std::io::stdin().is_terminal() {
            let mut stderr = std::io::stderr().lock();
            writeln!(stderr, "reading an article from the terminal; end it with Ctrl-D").ok();
        }
        Ok(Self { corpus, options: args.article.into() })
    }
}

/// A record as an article and where it came from, or why it is not one (naming the record).
pub(crate) fn article(record: Record, options: &ArticleOptions) -> Result<(Article, Provenance)> {
    let origin = record.origin.clone();
    let read = || -> Result<(Article, Provenance)> {
        let (article, metadata) = record.into_article(options)?;
        let provenance = Provenance::new(metadata.id, metadata.url.as_deref(), metadata.title)?;
        Ok((article, provenance))
    };
    read().with_context(|| format!("cannot read {origin} as an article"))
}
