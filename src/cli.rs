//! The command line: `tupu extract | load | query | export | dot | serve`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

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
                            tupu query --graph article.ttl 'ASK { ?f tp:qualifier tp:MoreThan }'\n  \
                            tupu query --timeout 10s --max-memory 1024 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'\n  \
                            tupu query 'SELECT ?title WHERE { id:person\\/王勇 org:holds/rdfs:label ?title }'\n\n\
                            A query that passes --timeout or --max-memory is stopped with an error (exit code 2).\n\n\
                            The default graph is the union of all articles; tp: schema: org: nif: itsrdf: skos: prov: rdfs: rdf: xsd: and\n\
                            id: (entities, posts) doc: (articles) are predeclared. IRIs print as prefixed names that paste back\n\
                            into a query: id:person\\/王勇 (the backslash escapes the slash) is <https://w3id.org/tupu/id/person/王勇>."
    )]
    Query(QueryArgs),
    /// Write everything in the store as RDF, or its entity network for graph tools (GraphML, CSV for Gephi and Neo4j).
    #[command(after_help = "Examples:\n  tupu export -o all.ttl\n  \
                            tupu export --format nquads > all.nq        # N-Quads keep one graph per article\n  \
                            tupu export -o all.jsonld                   # JSON-LD, one named graph per article\n  \
                            tupu export -o network.graphml              # NetworkX: nx.read_graphml('network.graphml')\n  \
                            tupu export --format csv -o gephi/          # gephi/nodes.csv, gephi/edges.csv\n  \
                            tupu export --format neo4j -o neo4j-import/ # then: neo4j-admin database import full \\\n  \
                            \x20     --nodes=neo4j-import/nodes.csv --relationships=neo4j-import/relationships.csv\n\n\
                            graphml, csv and neo4j write the entity network: people, organisations, places, events and initiatives\n\
                            (node ids are their IRIs), one edge per post, stated relation, event venue/speaker/organiser and part-of\n\
                            link. An unknown extension or format is an error, not Turtle.")]
    Export(ExportArgs),
    /// Write the store (or an RDF file) as a Graphviz graph of people, organisations, places, events and initiatives.
    #[command(after_help = "Examples:\n  tupu dot -o graph.dot && dot -Tsvg graph.dot -o graph.svg\n  \
                            tupu dot --around 王勇 --depth 2 | dot -Tsvg -o wang-yong.svg\n  \
                            tupu dot --around 國家網信辦 --script hans -o cac.dot\n  \
                            tupu dot --article doc:79cec21dc6f056f3 -o seed.dot   # an id as `tupu query` prints it\n  \
                            tupu dot --graph article.ttl --isolated | dot -Tpng -o article.png\n\n\
                            One edge per relation (a post, a stated relation, an event's venue, speakers and organisers, part of), labelled\n\
                            in one script; entities linked to nothing are left out unless --isolated; a legend names the shapes and lines.")]
    Dot(DotArgs),
    /// Send the store's article graphs to a triplestore (SPARQL 1.1 Graph Store HTTP Protocol: one PUT per article).
    #[command(after_help = "Examples:\n  \
                            tupu push --endpoint http://127.0.0.1:8890/sparql-graph-crud                      # Virtuoso, anonymous\n  \
                            TUPU_PUSH_PASSWORD=dba tupu push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba\n  \
                            tupu push --endpoint http://127.0.0.1:7200/repositories/news/rdf-graphs/service    # GraphDB\n  \
                            tupu push --endpoint http://127.0.0.1:3030/news/data --header 'Authorization: Bearer TOKEN'  # Fuseki\n  \
                            tupu push --endpoint http://127.0.0.1:8890/sparql-graph-crud --article doc:79cec21dc6f056f3\n\n\
                            Each article is PUT to ENDPOINT?graph=ARTICLE-IRI as N-Triples, replacing that graph on the server, so\n\
                            pushing again after loading more articles updates the server the same way loading updates the store.\n\
                            With --user, tupu answers the server's Basic or Digest challenge (Virtuoso's -auth endpoints use Digest).")]
    Push(PushArgs),
    /// Serve the store over HTTP: the SPARQL 1.1 Protocol (read-only) at /query, a page at /.
    #[command(after_help = "Examples:\n  \
        tupu serve --bind 127.0.0.1:7878                  # then open http://127.0.0.1:7878/\n  \
        tupu serve --timeout 2m --max-memory 4096 --max-result 500\n  \
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a schema:Person }' http://127.0.0.1:7878/query\n  \
        curl 'http://127.0.0.1:7878/graph?entity=%E6%9D%8E%E5%AE%B6%E8%B6%85&depth=1' -o around.svg\n\n\
        Each query runs in a worker process (--workers of them at once), stopped when it passes --timeout or\n\
        --max-memory, or when its client goes away. `tupu load` may add articles while the server runs: queries\n\
        see them within a second. Updates and SERVICE are refused.")]
    Serve(ServeArgs),
    /// (internal) One query worker of `tupu serve`, speaking to it on standard input and output.
    #[command(hide = true)]
    ServeWorker(StoreFlag),
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
    /// Stop the query after this long (30s, 500ms, 2m…), with an error and exit code 2.
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_duration)]
    pub(crate) timeout: Duration,
    /// Stop the query when the process holds more than this much memory, in MB.
    #[arg(long, value_name = "MB", default_value_t = 4096, value_parser = clap::value_parser!(u64).range(64..))]
    pub(crate) max_memory: u64,
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
    /// Write to this file instead of standard output (the format follows its extension: .ttl .trig
    /// .nq .nt .jsonld .graphml); a directory for --format csv or neo4j.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub(crate) output: Option<PathBuf>,
    /// Output format (default: from FILE's extension; turtle on standard output).
    #[arg(long, value_enum)]
    pub(crate) format: Option<ExportFormatArg>,
    /// Export only one article (its IRI, doc:HASH or the hash, as `tupu query` prints it).
    #[arg(long, value_name = "ID")]
    pub(crate) article: Option<String>,
    /// For graphml, csv and neo4j: the script of the main label (default: the script most articles
    /// are in; every script is written besides).
    #[arg(long, value_enum)]
    pub(crate) script: Option<ScriptArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormatArg {
    /// Turtle, sorted, with prefixes (the union of all articles).
    Turtle,
    /// TriG: one named graph per article.
    Trig,
    /// N-Quads: one named graph per article.
    Nquads,
    /// N-Triples.
    Ntriples,
    /// JSON-LD (expanded, full IRIs): one named graph per article.
    Jsonld,
    /// GraphML of the entity network (NetworkX, Gephi, yEd, Cytoscape); node ids are IRIs.
    Graphml,
    /// The entity network as DIR/nodes.csv and DIR/edges.csv with Gephi's headers (Id, Label; Source, Target, Type).
    Csv,
    /// The entity network as DIR/nodes.csv and DIR/relationships.csv for `neo4j-admin database import full`.
    Neo4j,
}

impl ExportFormatArg {
    /// The format an output file's extension stands for.
    pub(crate) fn from_extension(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "graphml" => Self::Graphml,
            other => match ExportFormat::from_extension(other)? {
                ExportFormat::Turtle => Self::Turtle,
                ExportFormat::TriG => Self::Trig,
                ExportFormat::NQuads => Self::Nquads,
                ExportFormat::NTriples => Self::Ntriples,
                ExportFormat::JsonLd => Self::Jsonld,
            },
        })
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct DotArgs {
    #[command(flatten)]
    pub(crate) source: GraphSource,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE.dot")]
    pub(crate) output: Option<PathBuf>,
    /// Draw only what lies around this entity: a name in either script (王勇, 国家网信办), an IRI,
    /// or a prefixed name as `tupu query` prints it (id:person\/王勇).
    #[arg(long, value_name = "ENTITY")]
    pub(crate) around: Option<String>,
    /// With --around: how many links away to go.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
    pub(crate) depth: usize,
    /// Draw only what one article states (its IRI, doc:HASH or the hash, as `tupu query` prints it).
    #[arg(long, value_name = "ID")]
    pub(crate) article: Option<String>,
    /// Script of every label (default: the script most of the articles are written in).
    #[arg(long, value_enum)]
    pub(crate) script: Option<ScriptArg>,
    /// Keep entities that are linked to nothing (left out by default).
    #[arg(long)]
    pub(crate) isolated: bool,
    /// Leave out the legend.
    #[arg(long)]
    pub(crate) no_legend: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScriptArg {
    /// Traditional characters.
    Hant,
    /// Simplified characters.
    Hans,
}

impl From<ScriptArg> for tupu_graph::Script {
    fn from(script: ScriptArg) -> Self {
        match script {
            ScriptArg::Hant => Self::Traditional,
            ScriptArg::Hans => Self::Simplified,
        }
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct PushArgs {
    #[command(flatten)]
    pub(crate) store: StoreFlag,
    /// The Graph Store Protocol endpoint (http:// or https://).
    #[arg(long, value_name = "URL")]
    pub(crate) endpoint: String,
    /// User for HTTP Basic or Digest authentication (whichever the server asks for).
    #[arg(long, value_name = "USER", requires = "password")]
    pub(crate) user: Option<String>,
    /// Password for --user (better from the environment than on the command line).
    #[arg(long, value_name = "PASSWORD", env = "TUPU_PUSH_PASSWORD", hide_env_values = true)]
    pub(crate) password: Option<String>,
    /// An extra request header, such as 'Authorization: Bearer TOKEN' (repeatable).
    #[arg(long, value_name = "'NAME: VALUE'", value_parser = parse_header)]
    pub(crate) header: Vec<(String, String)>,
    /// Push only these articles (an IRI, doc:HASH or the hash; repeatable).
    #[arg(long, value_name = "ID")]
    pub(crate) article: Vec<String>,
    /// Longest one request may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub(crate) timeout: u64,
    /// No progress bar and no summary.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

fn parse_header(s: &str) -> Result<(String, String), String> {
    match s.split_once(':') {
        Some((name, value)) if !name.trim().is_empty() && name.trim().bytes().all(|b| b.is_ascii_graphic()) => {
            Ok((name.trim().to_owned(), value.trim().to_owned()))
        }
        _ => Err(format!("'{s}' is not a header; write it as 'Name: value'")),
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) store: StoreFlag,
    /// Address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub(crate) bind: SocketAddr,
    /// Stop a query after this long (30s, 500ms, 2m…); the client gets 503 and the reason.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub(crate) timeout: Duration,
    /// Stop a query whose worker holds more than this much memory, in MB (503).
    #[arg(long, value_name = "MB", default_value_t = 2048, value_parser = clap::value_parser!(u64).range(64..))]
    pub(crate) max_memory: u64,
    /// Refuse results larger than this, in MB (503: add a LIMIT).
    #[arg(long, value_name = "MB", default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) max_result: u64,
    /// Drop a connection whose request head, or then body, takes longer than this to arrive (408).
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    pub(crate) receive_timeout: Duration,
    /// Queries run at once, one worker process each [default: the number of cores, at least 2].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub(crate) workers: Option<u16>,
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    tupu_query::parse_duration(s)
}

fn parse_date(s: &str) -> Result<Date, tupu_corpus::DateError> {
    tupu_corpus::published::parse(s)
}

fn parse_currency(s: &str) -> Result<String, tupu_corpus::currency::UnknownCurrency> {
    tupu_corpus::currency::parse(s)
}
