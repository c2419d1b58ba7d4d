//! The store: every article in its own named graph, in memory or on disk (RocksDB).
//!
//! Queries see the union of all article graphs as their default graph, so a question about an
//! entity finds what every article says about it, while `GRAPH ?doc { … }` still tells which
//! article said it.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{QueryResults, QuerySolution};
use oxigraph::store::{Store, Transaction};
use tupu_extract::{Article, Extraction};

use crate::error::StoreError;
use crate::iri::DOC_BASE;
use crate::mapping::{ArticleGraph, ArticleSummary};
use crate::provenance::is_about;
use crate::vocab::{self, nif, schema, tp};

/// An article in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInfo {
    /// The article's IRI (and the name of its graph).
    pub document: NamedNode,
    /// The id its corpus gave it.
    pub id: Option<String>,
    /// Its headline, when it has one.
    pub headline: Option<String>,
    /// Its publication date (`YYYY-MM-DD`), when known.
    pub published: Option<String>,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// Its length in code points.
    pub length: Option<u64>,
    /// Quads in its graph.
    pub quads: usize,
}

/// What a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreCounts {
    /// Articles (named graphs with a `schema:NewsArticle`).
    pub articles: usize,
    /// Quads in all graphs.
    pub quads: usize,
    /// Distinct people.
    pub people: usize,
    /// Distinct organisations.
    pub organizations: usize,
    /// Distinct places.
    pub places: usize,
    /// Distinct events.
    pub events: usize,
    /// Distinct initiatives.
    pub initiatives: usize,
    /// Distinct posts.
    pub posts: usize,
    /// Figures (of every kind).
    pub figures: usize,
    /// Statements, proposals included.
    pub statements: usize,
    /// Proposals.
    pub proposals: usize,
    /// Reified relations.
    pub relations: usize,
}

/// An oxigraph store holding tupu's graphs.
#[derive(Clone)]
pub struct GraphStore {
    store: Store,
    on_disk: bool,
}

impl std::fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphStore").finish_non_exhaustive()
    }
}

impl GraphStore {
    /// A new, empty store in memory.
    ///
    /// # Errors
    /// When the storage cannot be created.
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(Self { store: Store::new()?, on_disk: false })
    }

    /// Opens the on-disk store at `path` for reading and writing, creating it (and the folders
    /// above it) when missing. Only one process may hold a store open for writing.
    ///
    /// # Errors
    /// [`StoreError::Locked`] when another process writes to it, [`StoreError::NotAStore`] when
    /// the path is a file or a folder of other things (a store is not made among them), else when
    /// the storage fails; [`StoreError::NoDiskSupport`] in a build without the `rocksdb` feature.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref();
        match what_is_at(path) {
            At::Nothing => std::fs::create_dir_all(path)?,
            At::Store | At::EmptyDirectory => {}
            At::File => return Err(StoreError::NotAStore { path: path.to_path_buf(), what: "a file" }),
            At::OtherDirectory => {
                return Err(StoreError::NotAStore { path: path.to_path_buf(), what: "a directory of other files" });
            }
        }
        #[cfg(feature = "rocksdb")]
        {
            Store::open(path).map(|store| Self { store, on_disk: true }).map_err(|e| locked(e, path))
        }
        #[cfg(not(feature = "rocksdb"))]
        {
            Err(StoreError::NoDiskSupport)
        }
    }

    /// Opens an existing on-disk store for reading only (several readers may share it).
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when there is no store at `path`, [`StoreError::NotAStore`] when
    /// it is something else; otherwise as [`Self::open`].
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref();
        match what_is_at(path) {
            At::Store => {}
            At::Nothing | At::EmptyDirectory => return Err(StoreError::NotFound(path.to_path_buf())),
            At::File => return Err(StoreError::NotAStore { path: path.to_path_buf(), what: "a file" }),
            At::OtherDirectory => {
                return Err(StoreError::NotAStore { path: path.to_path_buf(), what: "a directory of other files" });
            }
        }
        #[cfg(feature = "rocksdb")]
        {
            Ok(Self { store: Store::open_read_only(path)?, on_disk: false })
        }
        #[cfg(not(feature = "rocksdb"))]
        {
            Err(StoreError::NoDiskSupport)
        }
    }

    /// Writes what the storage holds in memory to its files and compacts them, so the store
    /// takes about the size of its data on disk and opens without replaying a log. Called after
    /// a load; a no-op for a store in memory.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn compact(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        if self.on_disk() {
            self.store.flush()?;
            self.store.optimize()?;
        }
        Ok(())
    }

    /// Writes what the storage holds in memory to its files, so its write-ahead log can go; a
    /// no-op for a store in memory.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn flush(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        if self.on_disk() {
            self.store.flush()?;
        }
        Ok(())
    }

    /// Whether the store is on disk (an in-memory store refuses to flush: there is nothing to).
    fn on_disk(&self) -> bool {
        self.on_disk
    }

    /// The underlying oxigraph store (for SPARQL through `tupu_query`).
    #[must_use]
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }

    /// Adds an article, replacing what an earlier load of the same text put there. One
    /// transaction: the article's graph is either wholly replaced or left as it was.
    ///
    /// # Errors
    /// When the storage fails; the store is then unchanged.
    pub fn insert_article(&self, article: &Article, extraction: &Extraction) -> Result<ArticleSummary, StoreError> {
        self.insert_graph(&ArticleGraph::from_article(article, extraction))
    }

    /// Adds an already mapped article graph (see [`Self::insert_article`]).
    ///
    /// # Errors
    /// When the storage fails; the store is then unchanged.
    pub fn insert_graph(&self, graph: &ArticleGraph) -> Result<ArticleSummary, StoreError> {
        self.replace_graph(graph)?;
        Ok(graph.summary())
    }

    /// [`Self::insert_graph`], saying how many quads were written (added or removed).
    fn replace_graph(&self, graph: &ArticleGraph) -> Result<usize, StoreError> {
        let mut transaction = self.store.start_transaction()?;
        let written = replace(&mut transaction, graph)?;
        transaction.commit()?;
        Ok(written)
    }

    /// A loader for many articles: see [`Loader`].
    pub fn loader(&self) -> Loader<'_> {
        Loader { store: self, unflushed: 0, written: 0 }
    }

    /// Reads RDF (Turtle, TriG, N-Quads, N-Triples, RDF/XML) into the store, in one
    /// transaction. Triples outside a named graph go to the graph named `default_graph`, so that
    /// queries (which see the union of the named graphs) see them.
    ///
    /// # Errors
    /// When the input is not valid RDF of that format, or the storage fails.
    pub fn load_rdf(&self, reader: impl Read, format: RdfFormat, default_graph: &NamedNode) -> Result<(), StoreError> {
        let parser = RdfParser::from_format(format).with_default_graph(default_graph.clone());
        let mut transaction = self.store.start_transaction()?;
        for quad in parser.for_reader(reader) {
            transaction.insert(&quad?);
        }
        transaction.commit()?;
        Ok(())
    }

    /// Every quad, in storage order.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn quads(&self) -> Result<Vec<Quad>, StoreError> {
        Ok(self.store.iter().collect::<Result<Vec<_>, _>>()?)
    }

    /// Number of quads.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    /// Whether the store holds nothing.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// The named graphs.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn graphs(&self) -> Result<Vec<NamedOrBlankNode>, StoreError> {
        Ok(self.store.named_graphs().collect::<Result<Vec<_>, _>>()?)
    }

    /// The articles, by publication date (undated last), then id, then IRI.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn articles(&self) -> Result<Vec<ArticleInfo>, StoreError> {
        let rows = self.select(&format!(
            "SELECT ?doc ?id ?headline ?published ?url ?length WHERE {{ GRAPH ?doc {{ ?doc a <{}> .
               OPTIONAL {{ ?doc <{}> ?id }}
               OPTIONAL {{ ?doc <{}> ?headline }}
               OPTIONAL {{ ?doc <{}> ?published }}
               OPTIONAL {{ ?doc <{}> ?url }}
               OPTIONAL {{ ?ctx <{}> ?doc ; <{}> ?length }} }} }} ORDER BY ?doc",
            schema::NEWS_ARTICLE.as_str(),
            schema::IDENTIFIER.as_str(),
            schema::HEADLINE.as_str(),
            schema::DATE_PUBLISHED.as_str(),
            schema::URL.as_str(),
            vocab::prov::WAS_DERIVED_FROM.as_str(),
            nif::END_INDEX.as_str(),
        ))?;
        let mut out: Vec<ArticleInfo> = Vec::with_capacity(rows.len());
        for row in rows {
            let Some(Term::NamedNode(document)) = row.get("doc").cloned() else { continue };
            if out.last().is_some_and(|a| a.document == document) {
                continue;
            }
            let quads = self
                .store
                .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(document.as_ref())))
                .count();
            out.push(ArticleInfo {
                id: literal(row.get("id")),
                headline: literal(row.get("headline")),
                published: literal(row.get("published")),
                url: match row.get("url") {
                    Some(Term::NamedNode(url)) => Some(url.as_str().to_owned()),
                    other => literal(other),
                },
                length: literal(row.get("length")).and_then(|l| l.parse().ok()),
                quads,
                document,
            });
        }
        out.sort_by(|a, b| {
            (a.published.is_none(), &a.published, &a.id, &a.document).cmp(&(
                b.published.is_none(),
                &b.published,
                &b.id,
                &b.document,
            ))
        });
        Ok(out)
    }

    /// The articles `key` names: their corpus id, the hash that ends their IRI, or the IRI.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn find(&self, key: &str) -> Result<Vec<NamedNode>, StoreError> {
        let id = Literal::new_simple_literal(key);
        let mut found: Vec<NamedNode> = Vec::new();
        for quad in self.store.quads_for_pattern(None, Some(schema::IDENTIFIER), Some(id.as_ref().into()), None) {
            if let NamedOrBlankNode::NamedNode(doc) = quad?.subject {
                found.push(doc);
            }
        }
        // The IRI however it is written (<…>, doc:HASH, the hash alone), as `export --article` takes it.
        let iri = crate::iri::document_from_id(key)
            .map(NamedNode::into_string)
            .unwrap_or_else(|| if key.starts_with(DOC_BASE) { key.to_owned() } else { format!("{DOC_BASE}{key}") });
        if let Ok(doc) = NamedNode::new(iri) {
            if self.store.contains_named_graph(&doc)? {
                found.push(doc);
            }
        }
        found.sort_unstable();
        found.dedup();
        Ok(found)
    }

    /// Takes these articles out of the store, all or none (one transaction). Entities they
    /// mentioned stay as long as another article mentions them.
    ///
    /// # Errors
    /// When the storage fails; the store is then unchanged.
    pub fn remove(&self, documents: &[NamedNode]) -> Result<usize, StoreError> {
        let mut transaction = self.store.start_transaction()?;
        let mut removed = 0;
        for doc in documents {
            removed += transaction.quads_for_pattern(None, None, None, Some(doc.as_ref().into())).count();
            transaction.remove_named_graph(doc)?;
        }
        transaction.commit()?;
        Ok(removed)
    }

    /// Counts of articles, quads and things by kind.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn counts(&self) -> Result<StoreCounts, StoreError> {
        let rows = self.select("SELECT ?type (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?type } GROUP BY ?type")?;
        let mut c = StoreCounts { quads: self.len()?, ..StoreCounts::default() };
        for row in rows {
            let (Some(Term::NamedNode(t)), Some(n)) = (row.get("type"), literal(row.get("n"))) else { continue };
            let n: usize = n.parse().unwrap_or(0);
            let slot = match t.as_ref() {
                x if x == schema::NEWS_ARTICLE => &mut c.articles,
                x if x == schema::PERSON => &mut c.people,
                x if x == schema::ORGANIZATION => &mut c.organizations,
                x if x == schema::PLACE => &mut c.places,
                x if x == schema::EVENT => &mut c.events,
                x if x == tp::INITIATIVE => &mut c.initiatives,
                x if x == vocab::org::POST => &mut c.posts,
                x if x == tp::FIGURE => &mut c.figures,
                x if x == tp::STATEMENT => &mut c.statements,
                x if x == tp::PROPOSAL => &mut c.proposals,
                x if x == tp::RELATION => &mut c.relations,
                _ => continue,
            };
            *slot = n;
        }
        Ok(c)
    }

    /// Runs one of tupu's own SELECT queries over the union of all graphs.
    pub(crate) fn select(&self, sparql: &str) -> Result<Vec<QuerySolution>, StoreError> {
        let mut query = vocab::evaluator().parse_query(sparql)?;
        query.dataset_mut().set_default_graph_as_union();
        match query.on_store(&self.store).execute()? {
            QueryResults::Solutions(solutions) => Ok(solutions.collect::<Result<Vec<_>, _>>()?),
            _ => Err(StoreError::NotSolutions),
        }
    }
}

/// Loads many articles into a store: one transaction per article (so an article is in the
/// store wholly or not at all, whenever the process stops), with the storage engine's memory
/// and write-ahead log bounded whatever the corpus: they are written out to the store's files
/// every [`Loader::FLUSH_EVERY`] quads written, and compacted at the end of a large load.
#[derive(Debug)]
#[must_use]
pub struct Loader<'a> {
    store: &'a GraphStore,
    unflushed: usize,
    written: usize,
}

impl Loader<'_> {
    /// Quads written between two flushes: about 60 MB of the storage engine's memory.
    pub const FLUSH_EVERY: usize = 100_000;

    /// Adds an article (see [`GraphStore::insert_graph`]).
    ///
    /// # Errors
    /// When the storage fails; the store then holds the articles added before.
    pub fn add(&mut self, graph: &ArticleGraph) -> Result<ArticleSummary, StoreError> {
        let written = self.store.replace_graph(graph)?;
        self.unflushed += written;
        self.written += written;
        if self.unflushed >= Self::FLUSH_EVERY {
            self.unflushed = 0;
            self.store.flush()?;
        }
        Ok(graph.summary())
    }

    /// Writes everything out, and compacts the store when this load wrote much (see
    /// [`GraphStore::compact`]), so it opens fast and takes the size of its data.
    ///
    /// # Errors
    /// When the storage fails; what was added stays added.
    pub fn finish(self) -> Result<(), StoreError> {
        if self.written >= Self::FLUSH_EVERY { self.store.compact() } else { self.store.flush() }
    }
}

/// Puts an article's graph in the store in place of what an earlier load of it (the same text,
/// or the same corpus id) put there. Only the difference is written: reloading an unchanged
/// article reads its graph and writes nothing.
fn replace(transaction: &mut Transaction<'_>, graph: &ArticleGraph) -> Result<usize, StoreError> {
    let mut written = 0;
    let doc = graph.document();
    let id = graph.quads().iter().find(|q| is_about(q, doc) && q.predicate == schema::IDENTIFIER);
    if let Some(id) = id {
        // A corrected text under the same id replaces the old text's graph.
        let others: Vec<NamedNode> = transaction
            .quads_for_pattern(None, Some(schema::IDENTIFIER), Some(id.object.as_ref()), None)
            .filter_map(|q| match q {
                Ok(Quad { subject: NamedOrBlankNode::NamedNode(other), .. }) if other != *doc => Some(Ok(other)),
                Ok(_) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<_, _>>()?;
        for other in &others {
            written += transaction.quads_for_pattern(None, None, None, Some(other.as_ref().into())).count();
            transaction.remove_named_graph(other)?;
        }
    }
    if !transaction.contains_named_graph(doc)? {
        transaction.insert_named_graph(doc);
        transaction.extend(graph.quads());
        return Ok(written + graph.quads().len());
    }
    let old: HashSet<Quad> =
        transaction.quads_for_pattern(None, None, None, Some(doc.as_ref().into())).collect::<Result<_, _>>()?;
    let new: HashSet<&Quad> = graph.quads().iter().collect();
    // Removals first: a literal the store keeps in another lexical form (`1.50` as `1.5`) is
    // removed and written again, not lost.
    for quad in old.iter().filter(|q| !new.contains(q)) {
        transaction.remove(quad);
        written += 1;
    }
    for quad in graph.quads().iter().filter(|q| !old.contains(*q)) {
        transaction.insert(quad);
        written += 1;
    }
    Ok(written)
}

/// What a store path holds.
enum At {
    Nothing,
    Store,
    EmptyDirectory,
    File,
    OtherDirectory,
}

fn what_is_at(path: &Path) -> At {
    let Ok(meta) = std::fs::metadata(path) else { return At::Nothing };
    if !meta.is_dir() {
        return At::File;
    }
    if path.join("CURRENT").is_file() {
        return At::Store;
    }
    match std::fs::read_dir(path).map(|mut entries| entries.next().is_none()) {
        Ok(true) => At::EmptyDirectory,
        _ => At::OtherDirectory,
    }
}

/// RocksDB says a held lock as `IO error: While lock file: …/LOCK: Resource temporarily unavailable`.
#[cfg(feature = "rocksdb")]
fn locked(e: oxigraph::store::StorageError, path: &Path) -> StoreError {
    let message = e.to_string();
    if message.contains("lock file") && message.contains("Resource temporarily unavailable") {
        StoreError::Locked(PathBuf::from(path))
    } else {
        StoreError::Storage(e)
    }
}

/// The lexical form of a literal binding.
pub(crate) fn literal(term: Option<&Term>) -> Option<String> {
    match term {
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TEXT, extraction};

    fn graph() -> ArticleGraph {
        ArticleGraph::new(TEXT, &extraction())
    }

    #[test]
    fn inserting_again_replaces_the_article_graph() {
        let store = GraphStore::in_memory().unwrap();
        let added = store.insert_graph(&graph()).unwrap();
        assert_eq!(store.len().unwrap(), added.quads);
        store.insert_graph(&graph()).unwrap();
        assert_eq!(store.len().unwrap(), added.quads);
        // A changed extraction of the same text replaces, not merges.
        let mut smaller = extraction();
        smaller.figures.clear();
        let replaced = store.insert_graph(&ArticleGraph::new(TEXT, &smaller)).unwrap();
        assert_eq!(store.len().unwrap(), replaced.quads);
        assert!(replaced.quads < added.quads);
        assert_eq!(store.graphs().unwrap().len(), 1);
    }

    #[test]
    fn articles_and_counts_describe_the_store() {
        let store = GraphStore::in_memory().unwrap();
        store.insert_graph(&graph()).unwrap();
        store.insert_graph(&ArticleGraph::new("另一篇文章。", &extraction())).unwrap();
        let articles = store.articles().unwrap();
        assert_eq!(articles.len(), 2);
        assert!(articles.iter().any(|a| a.length == Some(48) && a.headline.as_deref() == Some("發展局局長陳大文表示")));
        let c = store.counts().unwrap();
        assert_eq!((c.articles, c.people, c.organizations, c.places, c.events), (2, 1, 2, 1, 1));
        assert_eq!((c.posts, c.statements, c.proposals), (1, 4, 2));
        assert_eq!(c.quads, store.len().unwrap());
        // Entities are shared between the two articles; figures and statements are not.
        assert_eq!(c.figures, 4);
    }

    #[test]
    fn rdf_files_load_into_a_named_graph() {
        let store = GraphStore::in_memory().unwrap();
        let ttl = "<https://w3id.org/tupu/id/person/x> a <https://schema.org/Person> .";
        let graph = NamedNode::new_unchecked("file:///tmp/x.ttl");
        store.load_rdf(ttl.as_bytes(), RdfFormat::Turtle, &graph).unwrap();
        assert_eq!(store.graphs().unwrap(), [NamedOrBlankNode::NamedNode(graph.clone())]);
        assert_eq!(store.counts().unwrap().people, 1, "queries see it through the union default graph");
        let bad = store.load_rdf("<a> <b> .".as_bytes(), RdfFormat::Turtle, &graph);
        assert!(matches!(bad, Err(StoreError::Parse(_))));
        assert_eq!(store.len().unwrap(), 1, "a failed load leaves the store as it was");
    }

    #[test]
    fn read_only_needs_an_existing_store() {
        let missing = std::env::temp_dir().join(format!("tupu-no-store-{}", std::process::id()));
        assert!(matches!(GraphStore::open_read_only(&missing), Err(StoreError::NotFound(_))));
    }
}
