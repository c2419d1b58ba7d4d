#![doc = include_str!("../README.md")]

pub mod http;
pub mod table;

use std::io::Write;

use oxigraph::model::{GraphName, Quad};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{PreparedSparqlQuery, QueryEvaluationError, QueryResults, SparqlSyntaxError};
use thiserror::Error;
use tupu_graph::export::{ExportFormat, RdfExport};
use tupu_graph::{GraphStore, vocab};

pub use oxigraph::sparql::QueryResults as Results;

/// Why a query failed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query is not valid SPARQL; the message says where (line and column). The parser's
    /// error is the message itself, not a separate cause, so it is printed once.
    #[error("invalid SPARQL query: {0}")]
    Syntax(SparqlSyntaxError),
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

impl From<SparqlSyntaxError> for QueryError {
    fn from(e: SparqlSyntaxError) -> Self {
        Self::Syntax(e)
    }
}

impl From<QueryEvaluationError> for QueryError {
    fn from(e: QueryEvaluationError) -> Self {
        Self::Evaluation(e)
    }
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

/// A parsed SPARQL query, ready to run on a store. tupu's prefixes (`tp:`, `schema:`, `org:`,
/// `nif:`, `itsrdf:`, `skos:`, `prov:`, `rdfs:`, `rdf:`, `xsd:`) are declared in advance; a
/// query's own `PREFIX` lines take precedence.
#[derive(Clone)]
pub struct Query {
    prepared: PreparedSparqlQuery,
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Query").finish_non_exhaustive()
    }
}

impl Query {
    /// Parses a query.
    ///
    /// # Errors
    /// [`QueryError::Syntax`] with oxigraph's message (line and column) when it is not SPARQL.
    pub fn parse(sparql: &str) -> Result<Self, QueryError> {
        Ok(Self { prepared: vocab::evaluator().parse_query(sparql)? })
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

/// Writes results: SELECT and ASK in `format`, CONSTRUCT and DESCRIBE as sorted Turtle.
///
/// # Errors
/// When evaluation fails while streaming, or the output cannot be written.
pub fn write_results<W: Write>(results: QueryResults<'_>, format: ResultsFormat, writer: W) -> Result<W, QueryError> {
    match results {
        QueryResults::Graph(triples) => write_graph(triples, ExportFormat::Turtle, writer),
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
    format: ExportFormat,
    writer: W,
) -> Result<W, QueryError> {
    let quads = triples.map(|t| t.map(|t| t.in_graph(GraphName::DefaultGraph))).collect::<Result<Vec<Quad>, _>>()?;
    Ok(RdfExport::new(format).write_quads(quads, writer)?)
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
    fn tupu_prefixes_are_declared() {
        assert!(
            Query::parse("SELECT ?p WHERE { ?p a schema:Person ; org:holds ?post . ?m itsrdf:taIdentRef ?p }").is_ok()
        );
        assert!(Query::parse("PREFIX tp: <http://example.com/> SELECT * WHERE { ?x a tp:Y }").is_ok());
    }
}
