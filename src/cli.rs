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
                  tupu load corpus.jsonl.gz && tupu articles\n  \
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
        after_help = "Examples:\n  tupu extract seeds/wic-asia-pacific-summit-2025.zh-Hant.txt               # Turtle on standard output\n  \
                            tupu extract seeds/ --published 2025-04-15 -o article.ttl\n  \
                            tupu extract samples/news.jsonl -o corpus.nt      # N-Triples, from the extension\n  \
                            tupu extract samples/plain --manifest samples/manifest.tsv -o corpus.nq\n  \
                            cat seeds/*.txt | tupu extract - --format text          # the extraction, one fact per line\n\n\
                            N-Triples and N-Quads stream (memory stays flat whatever the corpus); Turtle and TriG\n\
                            are sorted and deduplicated over the whole corpus, so they hold it in memory."
    )]
    Extract(ExtractArgs),
    /// Extract articles and add them to the store (one named graph and one transaction each).
    #[command(
        after_help = "Examples:\n  tupu load seeds/ --export out/                   # load, then write out/tupu.ttl and out/tupu.dot\n  \
                            tupu load samples/news.jsonl             # JSON Lines, one article per line (.jsonl.gz too)\n  \
                            tupu load samples/plain --manifest samples/manifest.tsv\n  \
                            tupu load seeds/ --store /tmp/tupu-store --published 2025-04-15 --quiet --json\n\n\
                            Folders are searched for *.txt, *.jsonl and *.jsonl.gz. A JSON Lines record has \"text\" and,\n\
                            optionally, \"id\", \"published\" (YYYY-MM-DD), \"url\" and \"title\"; a manifest gives the same\n\
                            for text files (one line per file: path, published, id, url, title, tab-separated).\n\
                            An article's own date wins over --published. An article that cannot be read is reported\n\
                            and skipped (exit code 2 at the end); the others load. Loading an article again replaces\n\
                            what it said before: its graph is keyed by a hash of its text, and a new text under the\n\
                            same id replaces the old one."
    )]
    Load(LoadArgs),
    /// List the articles in the store: id, title, publication date, quads.
    #[command(
        after_help = "Examples:\n  tupu articles\n  tupu articles --store /tmp/tupu-store --format tsv | sort -t$'\\t' -k3"
    )]
    Articles(ArticlesArgs),
    /// Take articles out of the store, by id (as `tupu articles` lists it) or IRI.
    #[command(
        after_help = "Examples:\n  tupu remove news-0002\n  tupu remove news-0001 news-0003 --store /tmp/tupu-store\n\n\
                            Either every article named is removed, or none (one transaction). People, places and\n\
                            organisations stay as long as another article mentions them."
    )]
    Remove(RemoveArgs),
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
    /// Publication date (YYYY-MM-DD, years 1800–2100) of articles that do not give their own; resolves 昨日, 本月20日, 14日.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub(crate) published: Option<Date>,
    /// Currency of a bare 元 (an ISO 4217 code, e.g. HKD, CNY, MOP, TWD), instead of the one the text suggests.
    #[arg(long, value_name = "ISO", value_parser = parse_currency)]
    pub(crate) currency: Option<String>,
}

/// The articles to read.
#[derive(Debug, clap::Args)]
pub(crate) struct InputArgs {
    /// Article files (UTF-8 text), JSON Lines corpora (.jsonl, .jsonl.gz), folders of them, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Publication date, id, url and title of text files, from a tab-separated manifest (see README, "Loading a corpus").
    #[arg(long, value_name = "FILE.tsv")]
    pub(crate) manifest: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) article: ArticleFlags,
}

impl From<ArticleFlags> for ArticleOptions {
    fn from(flags: ArticleFlags) -> Self {
        Self { published: flags.published, currency: flags.currency }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
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
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) store: StoreFlag,
    /// After loading, write the whole store to DIR/tupu.ttl and DIR/tupu.dot.
    #[arg(long, value_name = "DIR")]
    pub(crate) export: Option<PathBuf>,
    /// Print no line per article and no progress bar: only errors and the summary.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Print the summary as one JSON object (and no line per article).
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ArticlesArgs {
    #[command(flatten)]
    pub(crate) store: StoreFlag,
    /// How to print the list.
    #[arg(long, value_enum, default_value = "table")]
    pub(crate) format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// An aligned table for the terminal.
    Table,
    /// Tab-separated values with a header line.
    Tsv,
    /// One JSON array of objects.
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RemoveArgs {
    /// Articles: the id `tupu articles` lists, or the article's IRI.
    #[arg(required = true, value_name = "ID")]
    pub(crate) ids: Vec<String>,
    #[command(flatten)]
    pub(crate) store: StoreFlag,
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

fn parse_date(s: &str) -> Result<Date, tupu_corpus::DateError> {
    tupu_corpus::published::parse(s)
}

fn parse_currency(s: &str) -> Result<String, tupu_corpus::currency::UnknownCurrency> {
    tupu_corpus::currency::parse(s)
}
