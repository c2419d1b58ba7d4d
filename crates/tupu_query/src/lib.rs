#![doc = include_str!("../README.md")]

pub mod guard;
pub mod http;
pub mod table;

use std::io::Write;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::GraphName;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{PreparedSparqlQuery, QueryEvaluationError, QueryResults, SparqlSyntaxError};
use thiserror::Error;
use tupu_graph::export::{ExportFormat, RdfExport, sort_quads};
use tupu_graph::{GraphStore, vocab};

pub use guard::{GuardError, ShapeLimits};
pub use oxigraph::sparql::QueryResults as Results;

/// Why a query failed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query is not valid SPARQL; the message says where (line and column). The parser's
    /// error is the message itself, not a separate cause, so it is printed once.
    #[error("invalid SPARQL query: {0}")]
    Syntax(SparqlSyntaxError),
    /// The query is nested too deep, chains too many operators or is too long (checked before
    /// parsing, since the parser would overflow its stack).
    #[error("query refused: {0}")]
    Shape(#[from] GuardError),
    /// The text is a SPARQL update (`INSERT`, `DELETE`, `LOAD`, `CLEAR`…).
    #[error(
        "tupu is read-only: {0} is a SPARQL update, and tupu answers queries only (SELECT, ASK, CONSTRUCT, DESCRIBE); articles are added with `tupu load`"
    )]
    Update(&'static str),
    /// The query calls a remote endpoint.
    #[error("SERVICE is not supported: tupu answers from its own store and never calls another endpoint")]
    Service,
    /// A `default-graph-uri` or `named-graph-uri` is not an IRI.
    #[error("invalid graph IRI {0}")]
    InvalidGraph(String),
    /// The query ran past its time limit and was stopped.
    #[error("the query ran past its time limit of {} and was stopped; narrow it (more specific patterns, LIMIT) or raise the limit", format_duration(*.0))]
    TimedOut(Duration),
    /// The query needed more memory than its limit and was stopped.
    #[error(
        "the query needed more than {0} MB of memory and was stopped; narrow it (more specific patterns, LIMIT) or raise the limit"
    )]
    OutOfMemory(u64),
    /// The results are larger than the limit.
    #[error("the results are larger than the limit of {0} bytes; add a LIMIT or select fewer variables")]
    TooLarge(u64),
    /// The query is valid but could not be evaluated.
    #[error("the query could not be evaluated: {0}")]
    Evaluation(QueryEvaluationError),
    /// The results could not be written.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The results of a CONSTRUCT or DESCRIBE could not be written as RDF.
    #[error(transparent)]
    Export(#[from] tupu_graph::ExportError),
}

impl QueryError {
    /// Whether the request, not the server, is at fault (HTTP 4xx rather than 5xx).
    #[must_use]
    pub fn is_bad_request(&self) -> bool {
        matches!(self, Self::Syntax(_) | Self::Shape(_) | Self::Update(_) | Self::Service | Self::InvalidGraph(_))
    }
}

impl From<SparqlSyntaxError> for QueryError {
    fn from(e: SparqlSyntaxError) -> Self {
        Self::Syntax(e)
    }
}

impl From<QueryEvaluationError> for QueryError {
    fn from(e: QueryEvaluationError) -> Self {
        match e {
            QueryEvaluationError::UnsupportedService(_)
            | QueryEvaluationError::Service(_)
            | QueryEvaluationError::UnboundService
            | QueryEvaluationError::InvalidServiceName(_) => Self::Service,
            e => Self::Evaluation(e),
        }
    }
}

/// `30 s`, `1.5 s`, `250 ms`, `2 min`.
#[must_use]
pub fn format_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms.is_multiple_of(60_000) {
        format!("{} min", ms / 60_000)
    } else if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// Parses a duration as people write it on a command line: `30` (seconds), `30s`, `1.5s`,
/// `500ms`, `2m`, `2min`, `1h`.
///
/// # Errors
/// A message saying what is accepted.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let value: f64 = number.parse().map_err(|_| format!("'{s}' is not a duration (say 30s, 500ms or 2m)"))?;
    let seconds = match unit.trim() {
        "" | "s" | "sec" => value,
        "ms" => value / 1000.0,
        "m" | "min" => value * 60.0,
        "h" => value * 3600.0,
        _ => return Err(format!("'{s}' is not a duration (say 30s, 500ms or 2m)")),
    };
    if !(seconds > 0.0 && seconds <= 7.0 * 24.0 * 3600.0) {
        return Err(format!("'{s}' is not a duration between 1 ms and a week"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// How to write the results of a SELECT or ASK query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResultsFormat {
    /// A table for the terminal: prefixed names, decoded IRIs, aligned columns.
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL Query Results XML.
    Xml,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
}

impl ResultsFormat {
    fn standard(self) -> Option<QueryResultsFormat> {
        match self {
            Self::Table => None,
            Self::Json => Some(QueryResultsFormat::Json),
            Self::Xml => Some(QueryResultsFormat::Xml),
            Self::Csv => Some(QueryResultsFormat::Csv),
            Self::Tsv => Some(QueryResultsFormat::Tsv),
        }
    }
}

/// How to write the triples of a CONSTRUCT or DESCRIBE query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GraphFormat {
    /// Turtle, sorted, with tupu's prefixes.
    Turtle,
    /// N-Triples, sorted.
    NTriples,
    /// RDF/XML, sorted, with tupu's prefixes (what SPARQLWrapper asks for by default).
    RdfXml,
    /// JSON-LD, sorted, with tupu's prefixes as its context.
    JsonLd,
}

/// A parsed SPARQL query, ready to run on a store. tupu's prefixes (`tp:`, `schema:`, `org:`,
/// `nif:`, `itsrdf:`, `skos:`, `prov:`, `rdfs:`, `rdf:`, `xsd:`) are declared in advance; a
/// query's own `PREFIX` lines take precedence.
#[derive(Clone)]
pub struct Query {
    triples: bool,
    prepared: PreparedSparqlQuery,
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Query").finish_non_exhaustive()
    }
}

impl Query {
    /// Parses a query, after checking its shape with the default [`ShapeLimits`].
    ///
    /// # Errors
    /// [`QueryError::Shape`] when it nests or chains too much, [`QueryError::Update`] for an
    /// update, [`QueryError::Service`] for a federated query, [`QueryError::Syntax`] with
    /// oxigraph's message (line and column) when it is not SPARQL.
    pub fn parse(sparql: &str) -> Result<Self, QueryError> {
        Self::parse_within(sparql, ShapeLimits::default())
    }

    /// Parses a query, after checking its shape against `limits`.
    ///
    /// # Errors
    /// As [`Self::parse`].
    pub fn parse_within(sparql: &str, limits: ShapeLimits) -> Result<Self, QueryError> {
        let shape = guard::check(sparql, limits)?;
        if let Some(keyword) = shape.update_keyword() {
            return Err(QueryError::Update(keyword));
        }
        if shape.service {
            return Err(QueryError::Service);
        }
        Ok(Self { triples: shape.gives_triples(), prepared: vocab::evaluator().parse_query(sparql)? })
    }

    /// Whether the query is a CONSTRUCT or DESCRIBE (its results are triples).
    #[must_use]
    pub fn gives_triples(&self) -> bool {
        self.triples
    }

    /// Restricts the dataset as the SPARQL protocol's `default-graph-uri` and `named-graph-uri`
    /// parameters say. Without them (and without `FROM` in the query) the default graph is the
    /// union of all article graphs.
    #[must_use]
    pub fn with_dataset(
        mut self,
        default_graphs: Vec<GraphName>,
        named_graphs: Vec<oxigraph::model::NamedOrBlankNode>,
    ) -> Self {
        let dataset = self.prepared.dataset_mut();
        if !default_graphs.is_empty() || !named_graphs.is_empty() {
            dataset.set_default_graph(default_graphs);
            if !named_graphs.is_empty() {
                dataset.set_available_named_graphs(named_graphs);
            }
        }
        self
    }

    /// Runs the query.
    ///
    /// Evaluation runs until it is done: oxigraph's cancellation is only looked at when it reads
    /// the store, and its optimizer not at all, so a caller that must bound time or memory runs
    /// the query where it can be stopped from outside (`tupu query` exits, the server kills its
    /// worker process).
    ///
    /// # Errors
    /// [`QueryError::Evaluation`] when evaluation fails.
    pub fn execute(mut self, store: &GraphStore) -> Result<QueryResults<'static>, QueryError> {
        let dataset = self.prepared.dataset_mut();
        if dataset.is_default_dataset() {
            dataset.set_default_graph_as_union();
        }
        Ok(self.prepared.on_store(store.oxigraph()).execute()?)
    }
}

/// The stack for a thread that parses and evaluates queries. oxigraph recurses once per nested
/// bracket and per chained operator; [`ShapeLimits`] bound both, and this leaves a wide margin
/// over what they allow (it is address space: only the pages used are ever touched).
pub const EVALUATION_STACK: usize = 256 << 20;

/// The resident memory of a process (this one when `None`) in kB, where `/proc` tells
/// (Linux); `None` elsewhere.
#[must_use]
pub fn resident_memory_kb(process: Option<u32>) -> Option<u64> {
    let path = match process {
        Some(pid) => format!("/proc/{pid}/status"),
        None => "/proc/self/status".to_owned(),
    };
    let status = std::fs::read_to_string(path).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Writes results: SELECT and ASK in `format`, CONSTRUCT and DESCRIBE as sorted Turtle.
///
/// # Errors
/// When evaluation fails while streaming, or the output cannot be written.
pub fn write_results<W: Write>(results: QueryResults<'_>, format: ResultsFormat, writer: W) -> Result<W, QueryError> {
    match results {
        QueryResults::Graph(triples) => write_graph(triples, GraphFormat::Turtle, writer),
        QueryResults::Boolean(value) => match format.standard() {
            Some(f) => Ok(QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(writer, value)?),
            None => {
                let mut writer = writer;
                writeln!(writer, "{value}")?;
                Ok(writer)
            }
        },
        QueryResults::Solutions(solutions) => match format.standard() {
            Some(f) => {
                let mut out = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(writer, solutions.variables().to_vec())?;
                for solution in solutions {
                    out.serialize(&solution?)?;
                }
                Ok(out.finish()?)
            }
            None => table::write_table(solutions, writer),
        },
    }
}

/// Writes the triples of a CONSTRUCT or DESCRIBE result in an RDF format, sorted.
///
/// # Errors
/// When evaluation fails while streaming, or the output cannot be written.
pub fn write_graph<W: Write>(
    triples: oxigraph::sparql::QueryTripleIter<'_>,
    format: GraphFormat,
    writer: W,
) -> Result<W, QueryError> {
    write_graph_within(triples, format, u64::MAX, writer)
}

/// As [`write_graph`], but stops with [`QueryError::TooLarge`] as soon as the triples held for
/// sorting pass `max_bytes` (counted as the length of their terms, about their N-Triples size).
///
/// # Errors
/// When evaluation fails while streaming, the triples pass the bound, or the output cannot be
/// written.
pub fn write_graph_within<W: Write>(
    triples: oxigraph::sparql::QueryTripleIter<'_>,
    format: GraphFormat,
    max_bytes: u64,
    writer: W,
) -> Result<W, QueryError> {
    let mut quads = Vec::new();
    let mut held: u64 = 0;
    for triple in triples {
        let triple = triple?;
        held +=
            (triple.subject.to_string().len() + triple.predicate.as_str().len() + triple.object.to_string().len() + 8)
                as u64;
        if held > max_bytes {
            return Err(QueryError::TooLarge(max_bytes));
        }
        quads.push(triple.in_graph(GraphName::DefaultGraph));
    }
    let rdf = match format {
        GraphFormat::Turtle => return Ok(RdfExport::new(ExportFormat::Turtle).write_quads(quads, writer)?),
        GraphFormat::NTriples => return Ok(RdfExport::new(ExportFormat::NTriples).write_quads(quads, writer)?),
        GraphFormat::RdfXml => RdfFormat::RdfXml,
        GraphFormat::JsonLd => RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() },
    };
    sort_quads(&mut quads);
    let mut serializer = RdfSerializer::from_format(rdf);
    for (prefix, namespace) in vocab::PREFIXES {
        serializer = serializer.with_prefix(*prefix, *namespace).map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    let mut out = serializer.for_writer(writer);
    for quad in &quads {
        out.serialize_quad(quad)?;
    }
    Ok(out.finish()?)
}

/// A writer that refuses to take more than a number of bytes: results are cut off with
/// [`QueryError::TooLarge`], never sent truncated.
#[derive(Debug)]
pub struct BoundedWriter<W> {
    inner: W,
    written: u64,
    limit: u64,
}

impl<W: Write> BoundedWriter<W> {
    /// A writer that takes at most `limit` bytes.
    pub fn new(inner: W, limit: u64) -> Self {
        Self { inner, written: 0, limit }
    }

    /// The wrapped writer.
    pub fn into_inner(self) -> W {
        self.inner
    }

    /// The error a write past the limit returns, turned into [`QueryError::TooLarge`] by
    /// [`Self::explain`].
    fn overflow() -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::FileTooLarge, "tupu: results past the limit")
    }

    /// Turns the error of a write past the limit into [`QueryError::TooLarge`].
    #[must_use]
    pub fn explain(&self, error: QueryError) -> QueryError {
        let past = |e: &std::io::Error| e.kind() == std::io::ErrorKind::FileTooLarge;
        match &error {
            QueryError::Io(e) if past(e) => QueryError::TooLarge(self.limit),
            QueryError::Export(tupu_graph::ExportError::Io(e)) if past(e) => QueryError::TooLarge(self.limit),
            QueryError::Evaluation(_) if self.written >= self.limit => QueryError::TooLarge(self.limit),
            _ => error,
        }
    }
}

impl<W: Write> Write for BoundedWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written + buf.len() as u64 > self.limit {
            self.written = self.limit;
            return Err(Self::overflow());
        }
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_keep_the_position() {
        let Err(QueryError::Syntax(e)) = Query::parse("SELECT ?x WHERE { ?x a }") else { panic!("should fail") };
        let message = e.to_string();
        assert!(message.contains("line 1") || message.contains("1:"), "{message}");
    }

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(parse_duration("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        for bad in ["", "0", "-1s", "ten", "5 days", "9999h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert_eq!(format_duration(Duration::from_secs(30)), "30 s");
        assert_eq!(format_duration(Duration::from_secs(120)), "2 min");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(format_duration(Duration::from_millis(250)), "250 ms");
    }

    #[test]
    fn updates_service_and_deep_nesting_are_refused_before_parsing() {
        assert!(matches!(Query::parse("INSERT DATA { <a:b> <a:c> <a:d> }"), Err(QueryError::Update("INSERT"))));
        assert!(matches!(Query::parse("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"), Err(QueryError::Service)));
        let deep = format!("ASK {{ FILTER({}true{}) }}", "(".repeat(5000), ")".repeat(5000));
        assert!(matches!(Query::parse(&deep), Err(QueryError::Shape(GuardError::TooDeep { .. }))));
        assert!(Query::parse("CONSTRUCT WHERE { ?s ?p ?o }").unwrap().gives_triples());
    }

    #[test]
    fn bounded_writers_refuse_past_their_limit() {
        let mut w = BoundedWriter::new(Vec::new(), 4);
        assert!(w.write_all(b"abcd").is_ok());
        let err = w.write_all(b"e").unwrap_err();
        assert!(matches!(w.explain(QueryError::Io(err)), QueryError::TooLarge(4)));
        assert_eq!(w.into_inner(), b"abcd");
    }

    #[test]
    fn tupu_prefixes_are_declared() {
        assert!(
            Query::parse("SELECT ?p WHERE { ?p a schema:Person ; org:holds ?post . ?m itsrdf:taIdentRef ?p }").is_ok()
        );
        assert!(Query::parse("PREFIX tp: <http://example.com/> SELECT * WHERE { ?x a tp:Y }").is_ok());
    }
}
