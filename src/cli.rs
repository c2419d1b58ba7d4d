//! The command line: `tupu extract | load | query | export | dot | serve`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use tupu_extract::{ArticleOptions, Date};
use tupu_graph::ExportFormat;
use tupu_query::ResultsFormat;

/// Where the store is when neither `--store` nor `TUPU_STORE` says.
pub(crate) const DEFAULT_STORE: &str = "./tupu-store";

#[derive(Debug, Parser)]
#[command(
    name = "tupu",
    version,
    about = "圖譜 tupu: Chinese news articles to a knowledge graph (RDF), queried with SPARQL",
    long_about = "圖譜 tupu reads Chinese news articles (Traditional or Simplified) and turns who holds which post, \
                  what was said, proposed and counted into an RDF knowledge graph, every fact tied to the \
                  characters it came from.",
    after_help = "Examples:\n  tupu extract article.txt --published 2025-04-15 -o article.ttl\n  \
                  tupu load articles/ --export out/\n  \
                  tupu query 'SELECT ?name ?title WHERE { ?p org:holds ?post ; rdfs:label ?name . ?post rdfs:label ?title }'\n  \
                  tupu dot -o graph.dot && dot -Tsvg graph.dot -o graph.svg\n  tupu serve --bind 127.0.0.1:7878"
)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Extract articles and write their graph (Turtle by default) without storing it.
    #[command(
        after_help = "Examples:\n  tupu extract article.txt                       # Turtle on standard output\n  \
                            tupu extract article.txt --published 2025-04-15 -o article.ttl\n  \
                            tupu extract corpus/*.txt -o corpus.nt          # N-Triples, from the extension\n  \
                            cat article.txt | tupu extract - --format text  # the extraction, one fact per line"
    )]
    Extract(ExtractArgs),
    /// Extract articles and add them to the store (one named graph and one transaction each).
    #[command(
        after_help = "Examples:\n  tupu load seeds/ --export out/    # load, then write out/tupu.ttl and out/tupu.dot\n  \
                            tupu load a.txt b.txt --store /data/tupu-store --published 2025-04-15\n\n\
                            Loading an article again replaces what it said before (its graph is keyed by a hash of its text)."
    )]
    Load(LoadArgs),
    /// Run a SPARQL query over the store (or over an RDF file).
    #[command(
        after_help = "Examples:\n  tupu query 'SELECT ?name ?title WHERE { ?p org:holds ?post ; rdfs:label ?name . ?post rdfs:label ?title }'\n  \
                            tupu query --file who-said-what.rq --format csv\n  \
                            tupu query --graph article.ttl 'ASK { ?f tp:qualifier tp:MoreThan }'\n\n\
                            The default graph is the union of all articles; tp: schema: org: nif: itsrdf: skos: prov: rdfs: rdf: xsd: are predeclared."
    )]
    Query(QueryArgs),
    /// Write everything in the store as RDF.
    #[command(
        after_help = "Examples:\n  tupu export -o all.ttl\n  tupu export --format nquads > all.nq   # N-Quads keep one graph per article"
    )]
    Export(ExportArgs),
    /// Write the store (or an RDF file) as a Graphviz graph of people, organisations, places, events and initiatives.
    #[command(
        after_help = "Examples:\n  tupu dot -o graph.dot && dot -Tsvg graph.dot -o graph.svg\n  tupu dot --graph article.ttl | dot -Tpng -o article.png"
    )]
    Dot(DotArgs),
    /// Serve the store over HTTP with the SPARQL 1.1 Protocol (read-only).
    #[command(after_help = "Examples:\n  tupu serve --bind 127.0.0.1:7878\n  \
                            curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a schema:Person }' http://127.0.0.1:7878/query")]
    Serve(ServeArgs),
}

/// What the caller knows about the articles that the text may not say.
#[derive(Debug, clap::Args)]
pub(crate) struct ArticleFlags {
    /// Publication date (YYYY-MM-DD); resolves 昨日, 本月20日, 14日.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub(crate) published: Option<Date>,
    /// Currency of a bare 元 (ISO 4217, e.g. HKD, CNY, MOP, TWD), instead of the one the text suggests.
    #[arg(long, value_name = "ISO", value_parser = parse_currency)]
    pub(crate) currency: Option<String>,
}

impl From<ArticleFlags> for ArticleOptions {
    fn from(flags: ArticleFlags) -> Self {
        Self { published: flags.published, currency: flags.currency }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExtractArgs {
    /// Article files (UTF-8 text); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) article: ArticleFlags,
    /// Write to this file instead of standard output (the format follows its extension: .ttl .trig .nq .nt .txt).
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Output format (default: from OUT's extension, else turtle).
    #[arg(long, value_enum)]
    pub(crate) format: Option<ExtractFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExtractFormat {
    /// Turtle, sorted, with prefixes.
    Turtle,
    /// TriG: one named graph per article.
    Trig,
    /// N-Quads: one named graph per article.
    Nquads,
    /// N-Triples.
    Ntriples,
    /// The extraction itself, one fact per line (not RDF).
    Text,
}

impl ExtractFormat {
    /// The RDF format, or `None` for the readable text.
    pub(crate) fn rdf(self) -> Option<ExportFormat> {
        match self {
            Self::Turtle => Some(ExportFormat::Turtle),
            Self::Trig => Some(ExportFormat::TriG),
            Self::Nquads => Some(ExportFormat::NQuads),
            Self::Ntriples => Some(ExportFormat::NTriples),
            Self::Text => None,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct StoreFlag {
    /// The store directory.
    #[arg(long, value_name = "DIR", env = "TUPU_STORE", default_value = DEFAULT_STORE)]
    pub(crate) store: PathBuf,
}

#[derive(Debug, clap::Args)]
pub(crate) struct LoadArgs {
    /// Article files, or directories searched for *.txt files.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub(crate) paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) store: StoreFlag,
    #[command(flatten)]
    pub(crate) article: ArticleFlags,
    /// After loading, write the whole store to DIR/tupu.ttl and DIR/tupu.dot.
    #[arg(long, value_name = "DIR")]
    pub(crate) export: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct QueryArgs {
    /// The SPARQL query.
    #[arg(value_name = "SPARQL", required_unless_present = "file", conflicts_with = "file")]
    pub(crate) query: Option<String>,
    /// Read the query from a file (`-` for standard input).
    #[arg(long, value_name = "Q.rq")]
    pub(crate) file: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) source: GraphSource,
    /// How to print SELECT and ASK results (CONSTRUCT and DESCRIBE print Turtle).
    #[arg(long, value_enum, default_value = "table")]
    pub(crate) format: QueryFormat,
}

/// Either the store or an RDF file.
#[derive(Debug, clap::Args)]
pub(crate) struct GraphSource {
    /// The store directory.
    #[arg(long, value_name = "DIR", env = "TUPU_STORE", default_value = DEFAULT_STORE)]
    pub(crate) store: PathBuf,
    /// Query an RDF file (.ttl .trig .nq .nt) instead of the store.
    #[arg(long, value_name = "FILE")]
    pub(crate) graph: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum QueryFormat {
    /// An aligned table for the terminal.
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL Query Results XML.
    Xml,
}

impl From<QueryFormat> for ResultsFormat {
    fn from(format: QueryFormat) -> Self {
        match format {
            QueryFormat::Table => Self::Table,
            QueryFormat::Json => Self::Json,
            QueryFormat::Csv => Self::Csv,
            QueryFormat::Tsv => Self::Tsv,
            QueryFormat::Xml => Self::Xml,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) store: StoreFlag,
    /// Write to this file instead of standard output (the format follows its extension).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Output format (default: from FILE's extension, else turtle).
    #[arg(long, value_enum)]
    pub(crate) format: Option<RdfFormatArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RdfFormatArg {
    /// Turtle, sorted, with prefixes (the union of all articles).
    Turtle,
    /// TriG: one named graph per article.
    Trig,
    /// N-Quads: one named graph per article.
    Nquads,
    /// N-Triples.
    Ntriples,
}

impl From<RdfFormatArg> for ExportFormat {
    fn from(format: RdfFormatArg) -> Self {
        match format {
            RdfFormatArg::Turtle => Self::Turtle,
            RdfFormatArg::Trig => Self::TriG,
            RdfFormatArg::Nquads => Self::NQuads,
            RdfFormatArg::Ntriples => Self::NTriples,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct DotArgs {
    #[command(flatten)]
    pub(crate) source: GraphSource,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE.dot")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) store: StoreFlag,
    /// Address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub(crate) bind: SocketAddr,
}

fn parse_date(s: &str) -> Result<Date, tupu_extract::DateError> {
    Date::parse(s)
}

fn parse_currency(s: &str) -> Result<String, String> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(s.to_ascii_uppercase())
    } else {
        Err(format!("'{s}' is not an ISO 4217 currency code (three letters, such as HKD or CNY)"))
    }
}
