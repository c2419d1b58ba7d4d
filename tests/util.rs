//! Helpers shared by the test modules: the binary, temporary directories, the seed and the
//! gold fixtures, a store of extracted articles, and SPARQL rows as strings.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use tupu_extract::{Article, ArticleOptions, Date, Extraction, Extractor};
use tupu_graph::GraphStore;
use tupu_graph::oxigraph;
use tupu_query::Query;

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed article and its publication date (from its gold file).
pub(crate) fn seed() -> (PathBuf, Option<Date>) {
    (root().join("seeds/wic-asia-pacific-summit-2025.zh-Hant.txt"), Date::new(2025, 4, 15))
}

/// `tupu` with a clean environment for the store.
pub(crate) fn tupu() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tupu"));
    c.env_remove("TUPU_STORE");
    c
}

/// Runs `tupu args…` in `dir`.
pub(crate) fn run_in(dir: &Path, args: &[&str]) -> Output {
    tupu().current_dir(dir).args(args).output().expect("the tupu binary runs")
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A directory under the system's temporary directory, removed when dropped.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("tupu-test-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temporary directory");
        Self(path)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Reads and extracts an article.
pub(crate) fn extract(path: &Path, published: Option<Date>) -> (Article, Extraction) {
    let bytes = std::fs::read(path).expect("article file");
    let article = Article::from_bytes(&bytes, ArticleOptions { published, currency: None }).expect("a valid article");
    let extraction = Extractor::new().extract(&article);
    (article, extraction)
}

/// An in-memory store holding these articles.
pub(crate) fn store_of(articles: &[(PathBuf, Option<Date>)]) -> GraphStore {
    let store = GraphStore::in_memory().expect("store");
    for (path, published) in articles {
        let (article, extraction) = extract(path, *published);
        store.insert_article(&article, &extraction).expect("insert");
    }
    store
}

/// SELECT results as rows of terms, in the order of the query's variables.
pub(crate) fn select(store: &GraphStore, sparql: &str) -> Vec<Vec<Option<Term>>> {
    let results = Query::parse(sparql).expect("valid test query").execute(store).expect("query runs");
    let QueryResults::Solutions(solutions) = results else { panic!("not a SELECT: {sparql}") };
    solutions.map(|s| s.expect("solution").values().to_vec()).collect()
}

/// The lexical form of a term (IRI, literal value, blank node id).
pub(crate) fn lexical(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::BlankNode(b) => b.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// The gold fixtures: (gold JSON path, article text path).
pub(crate) fn gold_fixtures() -> Vec<(PathBuf, PathBuf)> {
    let dir = root().join("tests/fixtures/gold");
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/gold")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    golds.sort();
    golds
        .into_iter()
        .map(|gold| {
            let text_name = gold.with_extension("txt").file_name().expect("name").to_owned();
            let text = [dir.join(&text_name), root().join("seeds").join(&text_name)]
                .into_iter()
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("no article for {}", gold.display()));
            (gold, text)
        })
        .collect()
}

/// Every article the tests know: the seeds and the dev articles, with publication dates.
pub(crate) fn all_articles() -> Vec<(PathBuf, Option<Date>)> {
    gold_fixtures()
        .into_iter()
        .map(|(gold, text)| {
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(gold).expect("gold")).expect("json");
            let published = json["published"].as_str().and_then(|d| Date::parse(d).ok());
            (text, published)
        })
        .collect()
}
