//! The worker process: holds the store open and answers one request at a time.
//!
//! `tupu serve` starts a few of these (`tupu serve-worker --store DIR`) and talks to each over
//! its standard input and output. A query that runs too long, takes too much memory or crashes
//! (a stack overflow in oxigraph's recursive optimizer, say) ends its worker, never the server:
//! the server kills it and starts another.
//!
//! Frames are a 4-byte big-endian length and that many bytes. A request is one JSON frame; an
//! answer is a JSON frame (status, media type) and a frame with the body.
//!
//! The worker reopens the store (read-only: a RocksDB snapshot, which takes no lock) when its
//! files changed, so articles that `tupu load` adds while the server runs are seen on the next
//! request, at most [`REFRESH`] later.
//!
//! Pictures are drawn from the store's entity network ([`tupu_graph::network`]), built on the
//! first picture asked of a snapshot and kept with it: each picture then costs what its
//! neighbourhood costs ([`tupu_graph::dot::neighbourhood`]), not a pass over the whole store.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use serde::{Deserialize, Serialize};
use tupu_graph::dot::{self, DotOptions};
use tupu_graph::{GraphStore, Network, Scope};

use crate::{BoundedWriter, GraphFormat, Query, QueryError, Results, ResultsFormat, write_graph_within, write_results};

/// How often, at most, a worker reopens a store that is changing (a long `tupu load` changes
/// it after every article).
pub const REFRESH: Duration = Duration::from_secs(1);

/// Largest frame read (a query is at most 1 MiB; its JSON wrapping adds a little).
const MAX_FRAME: u32 = 4 << 20;

/// What the server asks a worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum WorkerRequest {
    /// Run a query and write its results.
    Query {
        /// The SPARQL text (already checked by [`crate::guard`]).
        query: String,
        /// `default-graph-uri` parameters.
        default_graphs: Vec<String>,
        /// `named-graph-uri` parameters.
        named_graphs: Vec<String>,
        /// The negotiated format.
        format: WireFormat,
        /// Largest body to send back, in bytes.
        max_result_bytes: u64,
    },
    /// The DOT text of an entity's neighbourhood.
    Graph {
        /// An IRI or a label.
        entity: String,
        /// Links to follow from it.
        depth: usize,
    },
}

/// A results format, as it travels between server and worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WireFormat {
    /// SPARQL results JSON.
    Json,
    /// SPARQL results XML.
    Xml,
    /// SPARQL results CSV.
    Csv,
    /// SPARQL results TSV.
    Tsv,
    /// Turtle.
    Turtle,
    /// N-Triples.
    NTriples,
    /// RDF/XML.
    RdfXml,
    /// JSON-LD.
    JsonLd,
}

impl WireFormat {
    fn results(self) -> Option<ResultsFormat> {
        Some(match self {
            Self::Json => ResultsFormat::Json,
            Self::Xml => ResultsFormat::Xml,
            Self::Csv => ResultsFormat::Csv,
            Self::Tsv => ResultsFormat::Tsv,
            _ => return None,
        })
    }

    fn graph(self) -> Option<GraphFormat> {
        Some(match self {
            Self::Turtle => GraphFormat::Turtle,
            Self::NTriples => GraphFormat::NTriples,
            Self::RdfXml => GraphFormat::RdfXml,
            Self::JsonLd => GraphFormat::JsonLd,
            _ => return None,
        })
    }
}

/// A worker's answer (its body follows in the next frame).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerAnswer {
    /// The HTTP status.
    pub status: u16,
    /// What the body is: `ok` (results in the negotiated format), or `error` (a message).
    pub kind: AnswerKind,
}

/// What a worker's answer body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// Results, in the requested format.
    Results,
    /// DOT text.
    Dot,
    /// A message for the client.
    Error,
}

/// Writes one frame.
///
/// # Errors
/// When the pipe is closed.
pub fn write_frame(out: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(|_| std::io::Error::other("frame too large"))?;
    out.write_all(&len.to_be_bytes())?;
    out.write_all(bytes)
}

/// Reads one frame; `None` at the end of the input.
///
/// # Errors
/// When the pipe breaks mid-frame or the frame is larger than 4 MiB.
pub fn read_frame(input: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u32::from_be_bytes(len);
    if len > MAX_FRAME {
        return Err(std::io::Error::other(format!("frame of {len} bytes")));
    }
    let mut bytes = vec![0; len as usize];
    input.read_exact(&mut bytes)?;
    Ok(Some(bytes))
}

/// Serves requests from `input` until it closes, answering on `output`.
///
/// # Errors
/// When the pipes break (the server went away).
pub fn run(store_path: &Path, input: impl Read + Send, output: impl Write + Send) -> std::io::Result<()> {
    exit_with_parent();
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(crate::EVALUATION_STACK)
            .spawn_scoped(scope, || serve_requests(store_path, input, output))?
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the worker's thread panicked")))
    })
}

fn serve_requests(store_path: &Path, input: impl Read, output: impl Write) -> std::io::Result<()> {
    let mut input = BufReader::new(input);
    let mut output = BufWriter::new(output);
    let mut store = Snapshot::new(store_path.to_path_buf());
    while let Some(frame) = read_frame(&mut input)? {
        let (status, kind, body) = match serde_json::from_slice::<WorkerRequest>(&frame) {
            Ok(request) => answer(&mut store, request),
            Err(e) => {
                (500, AnswerKind::Error, format!("tupu: bad request from the server to its worker: {e}").into_bytes())
            }
        };
        let head = serde_json::to_vec(&WorkerAnswer { status, kind }).map_err(std::io::Error::other)?;
        write_frame(&mut output, &head)?;
        write_frame(&mut output, &body)?;
        output.flush()?;
    }
    Ok(())
}

/// Ends this process when the server that started it is gone (killed without a chance to stop
/// its workers): a worker in the middle of a runaway query would not notice its closed input.
fn exit_with_parent() {
    #[cfg(unix)]
    {
        let parent = std::os::unix::process::parent_id();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(200));
                if std::os::unix::process::parent_id() != parent {
                    std::process::exit(1);
                }
            }
        });
    }
}

fn answer(snapshot: &mut Snapshot, request: WorkerRequest) -> (u16, AnswerKind, Vec<u8>) {
    let first = answer_from(snapshot, &request);
    // A storage error may mean that a `tupu load` running beside the server compacted away a
    // file this snapshot had not opened yet: open the store as it is now and try once more.
    if first.0 == 500 && first.1 == AnswerKind::Error {
        snapshot.forget();
        return answer_from(snapshot, &request);
    }
    first
}

fn answer_from(snapshot: &mut Snapshot, request: &WorkerRequest) -> (u16, AnswerKind, Vec<u8>) {
    match request {
        WorkerRequest::Query { query, default_graphs, named_graphs, format, max_result_bytes } => {
            let store = match snapshot.current() {
                Ok(store) => store,
                Err(message) => return (503, AnswerKind::Error, message.into_bytes()),
            };
            match run_query(store, query, default_graphs, named_graphs, *format, *max_result_bytes) {
                Ok(body) => (200, AnswerKind::Results, body),
                Err(e) => (status_of(&e), AnswerKind::Error, e.to_string().into_bytes()),
            }
        }
        WorkerRequest::Graph { entity, depth } => {
            let network = match snapshot.network() {
                Ok(network) => network,
                Err((status, message)) => return (status, AnswerKind::Error, message.into_bytes()),
            };
            match dot::neighbourhood(network, entity, *depth, &DotOptions::default()) {
                Ok(dot) => (200, AnswerKind::Dot, dot.into_bytes()),
                Err(not_found) => (404, AnswerKind::Error, not_found.to_string().into_bytes()),
            }
        }
    }
}

/// The HTTP status for a query's error.
#[must_use]
pub fn status_of(error: &QueryError) -> u16 {
    match error {
        e if e.is_bad_request() => 400,
        QueryError::TimedOut(_) | QueryError::OutOfMemory(_) | QueryError::TooLarge(_) => 503,
        _ => 500,
    }
}

fn run_query(
    store: &GraphStore,
    sparql: &str,
    default_graphs: &[String],
    named_graphs: &[String],
    format: WireFormat,
    max_result_bytes: u64,
) -> Result<Vec<u8>, QueryError> {
    let iri = |s: &String| NamedNode::new(s.as_str()).map_err(|e| QueryError::InvalidGraph(format!("<{s}>: {e}")));
    let defaults = default_graphs.iter().map(|s| iri(s).map(GraphName::NamedNode)).collect::<Result<_, _>>()?;
    let named = named_graphs.iter().map(|s| iri(s).map(NamedOrBlankNode::NamedNode)).collect::<Result<_, _>>()?;
    let results = Query::parse(sparql)?.with_dataset(defaults, named).execute(store)?;
    // The server negotiated with the form its scan found; a mismatch is its mistake, not the client's.
    let mismatch = || QueryError::Io(std::io::Error::other("the server asked for a format of another query form"));
    let mut out = BoundedWriter::new(Vec::new(), max_result_bytes);
    let written = match results {
        Results::Graph(triples) => match format.graph() {
            Some(f) => write_graph_within(triples, f, max_result_bytes, &mut out).map(drop),
            None => Err(mismatch()),
        },
        results => match format.results() {
            Some(f) => write_results(results, f, &mut out).map(drop),
            None => Err(mismatch()),
        },
    };
    match written {
        Ok(()) => Ok(out.into_inner()),
        Err(e) => Err(out.explain(e)),
    }
}

/// The store as last opened, reopened when its files change, and its entity network once a
/// picture has asked for it.
struct Snapshot {
    path: PathBuf,
    store: Option<GraphStore>,
    network: Option<Network>,
    stamp: u64,
    checked: Option<Instant>,
}

impl Snapshot {
    fn new(path: PathBuf) -> Self {
        Self { path, store: None, network: None, stamp: 0, checked: None }
    }

    /// The current store's entity network, built on first use after each reopening; on failure
    /// the HTTP status and message.
    fn network(&mut self) -> Result<&Network, (u16, String)> {
        self.current().map_err(|message| (503, message))?;
        let Some(store) = &self.store else {
            return Err((503, format!("cannot open the store at {}", self.path.display())));
        };
        match &mut self.network {
            Some(network) => Ok(network),
            empty => Ok(empty.insert(Network::from_store(store, &Scope::All).map_err(|e| (500, e.to_string()))?)),
        }
    }

    /// Makes the next request open the store afresh.
    fn forget(&mut self) {
        self.checked = None;
        self.stamp = 0;
    }

    fn current(&mut self) -> Result<&GraphStore, String> {
        let due = self.checked.is_none_or(|t| t.elapsed() >= REFRESH);
        if due || self.store.is_none() {
            self.checked = Some(Instant::now());
            let stamp = stamp(&self.path);
            if stamp != self.stamp || self.store.is_none() {
                match GraphStore::open_read_only(&self.path) {
                    Ok(store) => {
                        self.store = Some(store);
                        self.network = None;
                        self.stamp = stamp;
                    }
                    // Opened while `tupu load` was switching files: keep the last snapshot and
                    // try again on a later request.
                    Err(_) if self.store.is_some() => {}
                    Err(e) => return Err(format!("cannot open the store at {}: {e}", self.path.display())),
                }
            }
        }
        self.store.as_ref().ok_or_else(|| format!("cannot open the store at {}", self.path.display()))
    }
}

/// A fingerprint of the files a write changes: the write-ahead logs (every commit appends),
/// the manifests and `CURRENT` (every flush or compaction). RocksDB's own `LOG` files are left
/// out: a read-only open writes them.
fn stamp(path: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let Ok(entries) = std::fs::read_dir(path) else { return 0 };
    let mut files: Vec<(String, u64, Option<SystemTime>)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let relevant = name == "CURRENT" || name.starts_with("MANIFEST-") || name.ends_with(".log");
            let meta = entry.metadata().ok()?;
            relevant.then(|| (name, meta.len(), meta.modified().ok()))
        })
        .collect();
    files.sort();
    files.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_stop_at_the_end() {
        let mut buffer = Vec::new();
        write_frame(&mut buffer, b"hello").unwrap();
        write_frame(&mut buffer, b"").unwrap();
        let mut input = buffer.as_slice();
        assert_eq!(read_frame(&mut input).unwrap(), Some(b"hello".to_vec()));
        assert_eq!(read_frame(&mut input).unwrap(), Some(Vec::new()));
        assert_eq!(read_frame(&mut input).unwrap(), None);
        let huge = (MAX_FRAME + 1).to_be_bytes();
        assert!(read_frame(&mut huge.as_slice()).is_err());
    }

    #[test]
    fn a_worker_answers_queries_and_reports_errors() {
        let dir = std::env::temp_dir().join(format!("tupu-worker-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        {
            let store = GraphStore::open(&dir).unwrap();
            let nt = "<http://x/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> .\n";
            store
                .load_rdf(nt.as_bytes(), oxigraph::io::RdfFormat::NTriples, &NamedNode::new_unchecked("urn:g"))
                .unwrap();
        }
        let requests = [
            WorkerRequest::Query {
                query: "SELECT ?p WHERE { ?p a schema:Person }".into(),
                default_graphs: vec![],
                named_graphs: vec![],
                format: WireFormat::Csv,
                max_result_bytes: 1000,
            },
            WorkerRequest::Query {
                query: "SELECT ?p WHERE { ?p a }".into(),
                default_graphs: vec![],
                named_graphs: vec![],
                format: WireFormat::Json,
                max_result_bytes: 1000,
            },
            WorkerRequest::Query {
                query: "SELECT ?p WHERE { ?p ?q ?r }".into(),
                default_graphs: vec![],
                named_graphs: vec![],
                format: WireFormat::Json,
                max_result_bytes: 10,
            },
            WorkerRequest::Query {
                query: "CONSTRUCT WHERE { ?p ?q ?r }".into(),
                default_graphs: vec![],
                named_graphs: vec![],
                format: WireFormat::RdfXml,
                max_result_bytes: 10_000,
            },
        ];
        let mut input = Vec::new();
        for r in &requests {
            write_frame(&mut input, &serde_json::to_vec(r).unwrap()).unwrap();
        }
        let mut output = Vec::new();
        run(&dir, input.as_slice(), &mut output).unwrap();
        let mut answers = output.as_slice();
        let mut next = || {
            let head: WorkerAnswer = serde_json::from_slice(&read_frame(&mut answers).unwrap().unwrap()).unwrap();
            (head.status, String::from_utf8(read_frame(&mut answers).unwrap().unwrap()).unwrap())
        };
        assert_eq!(next(), (200, "p\r\nhttp://x/a\r\n".to_owned()));
        let (status, body) = next();
        assert_eq!(status, 400);
        assert!(body.starts_with("invalid SPARQL query"), "{body}");
        let (status, body) = next();
        assert_eq!(status, 503);
        assert!(body.contains("larger than the limit of 10 bytes"), "{body}");
        let (status, body) = next();
        assert_eq!(status, 200);
        assert!(body.contains("<rdf:RDF") && body.contains("http://x/a"), "{body}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn pictures_are_drawn_from_the_snapshot_s_network_which_follows_the_store() {
        let dir = std::env::temp_dir().join(format!("tupu-worker-graph-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let insert = |text: &str| {
            let store = GraphStore::open(&dir).unwrap();
            let article = tupu_extract::Article::parse(text, tupu_extract::ArticleOptions::default()).unwrap();
            store.insert_article(&article, &tupu_extract::Extractor::new().extract(&article)).unwrap();
        };
        insert("香港特區行政長官陳大文昨日表示，政府會成立創新基金。");
        let mut snapshot = Snapshot::new(dir.clone());
        let draw = |snapshot: &mut Snapshot, entity: &str| {
            let (status, kind, body) = answer(snapshot, WorkerRequest::Graph { entity: entity.into(), depth: 1 });
            (status, kind, String::from_utf8(body).unwrap())
        };
        let (status, kind, dot) = draw(&mut snapshot, "陳大文");
        assert_eq!((status, kind), (200, AnswerKind::Dot), "{dot}");
        assert!(dot.starts_with("digraph tupu {") && dot.contains("陳大文 (depth 1)"), "{dot}");
        // The name in the other script, and the IRI, find the same person.
        let (_, _, simplified) = draw(&mut snapshot, "陈大文");
        assert_eq!(simplified, dot);
        let (status, _, message) = draw(&mut snapshot, "王小明");
        assert_eq!(status, 404);
        assert!(message.starts_with("no person, organisation, place, event or initiative is called"), "{message}");
        // An article loaded beside the worker is drawn once the snapshot is reopened (at most
        // REFRESH later; forgetting the snapshot is what that does).
        insert("财政司司长王小明昨日表示，政府会推出新计划。");
        snapshot.forget();
        let (status, _, dot) = draw(&mut snapshot, "王小明");
        assert_eq!(status, 200, "{dot}");
        assert!(dot.contains("王小明"), "{dot}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
