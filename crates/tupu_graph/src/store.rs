//! The store: every article in its own named graph, in memory or on disk (RocksDB).
//!
//! Queries see the union of all article graphs as their default graph, so a question about an
//! entity finds what every article says about it, while `GRAPH ?doc { … }` still tells which
//! article said it.

use std::io::Read;
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{QueryResults, QuerySolution};
use oxigraph::store::Store;
use tupu_extract::{Article, Extraction};

use crate::error::StoreError;
use crate::mapping::{ArticleGraph, ArticleSummary};
use crate::vocab::{self, nif, schema, tp};

/// An article in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInfo {
    /// The article's IRI (and the name of its graph).
    pub document: NamedNode,
    /// Its headline, when it has one.
    pub headline: Option<String>,
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
        Ok(Self { store: Store::new()? })
    }

    /// Opens the on-disk store at `path` for reading and writing, creating it when missing.
    /// Only one process may hold a store open for writing.
    ///
    /// # Errors
    /// When the store cannot be opened (locked by another process, corrupt, not a store), or
    /// [`StoreError::NoDiskSupport`] in a build without the `rocksdb` feature.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        #[cfg(feature = "rocksdb")]
        {
            Ok(Self { store: Store::open(path)? })
        }
        #[cfg(not(feature = "rocksdb"))]
        {
            let _ = path;
            Err(StoreError::NoDiskSupport)
        }
    }

    /// Opens an existing on-disk store for reading only (several readers may share it).
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when there is no store at `path`; otherwise as [`Self::open`].
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref();
        if !path.join("CURRENT").is_file() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        #[cfg(feature = "rocksdb")]
        {
            Ok(Self { store: Store::open_read_only(path)? })
        }
        #[cfg(not(feature = "rocksdb"))]
        {
            Err(StoreError::NoDiskSupport)
        }
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
        let mut transaction = self.store.start_transaction()?;
        // Clearing walks the graph's keys (and RocksDB's tombstones): only when there is one.
        if transaction.contains_named_graph(graph.document())? {
            transaction.clear_graph(graph.document())?;
        }
        transaction.insert_named_graph(graph.document());
        transaction.extend(graph.quads());
        transaction.commit()?;
        Ok(graph.summary())
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

    /// The articles, in IRI order.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn articles(&self) -> Result<Vec<ArticleInfo>, StoreError> {
        let rows = self.select(&format!(
            "SELECT ?doc ?headline ?length WHERE {{ GRAPH ?doc {{ ?doc a <{}> .
               OPTIONAL {{ ?doc <{}> ?headline }}
               OPTIONAL {{ ?ctx <{}> ?doc ; <{}> ?length }} }} }} ORDER BY ?doc",
            schema::NEWS_ARTICLE.as_str(),
            schema::HEADLINE.as_str(),
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
                headline: literal(row.get("headline")),
                length: literal(row.get("length")).and_then(|l| l.parse().ok()),
                quads,
                document,
            });
        }
        Ok(out)
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
        let mut query = vocab::evaluator().parse_query(sparql).map_err(|e| StoreError::Query(e.to_string()))?;
        query.dataset_mut().set_default_graph_as_union();
        match query.on_store(&self.store).execute().map_err(|e| StoreError::Query(e.to_string()))? {
            QueryResults::Solutions(solutions) => {
                solutions.collect::<Result<Vec<_>, _>>().map_err(|e| StoreError::Query(e.to_string()))
            }
            _ => Err(StoreError::Query("expected solutions".to_owned())),
        }
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
