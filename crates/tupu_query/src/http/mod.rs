//! The SPARQL 1.1 Protocol over HTTP, read-only, and a page to use it from a browser.
//!
//! - `GET /query?query=…` and `POST /query` (an `application/sparql-query` body, or a form with
//!   `query=…`), with optional `default-graph-uri` / `named-graph-uri`. Results are negotiated
//!   on `Accept` (q-values honoured): SPARQL JSON (default), XML, CSV, TSV for SELECT and ASK;
//!   Turtle (default), N-Triples, RDF/XML, JSON-LD for CONSTRUCT and DESCRIBE.
//! - `GET /graph?entity=NAME-OR-IRI&depth=1` draws an entity's neighbourhood: SVG when Graphviz
//!   `dot` is installed, else the DOT text (marked `X-Tupu-Graphviz: missing`).
//! - `GET /` is the page: a query box with examples, results as a table, the picture.
//!
//! Every answer carries `Access-Control-Allow-Origin: *`, and `OPTIONS` answers preflights, so
//! browser clients (YASGUI and the like) work from other origins. Errors are short `text/plain`
//! bodies: `400` for a malformed, refused or update query (updates and `SERVICE` are refused),
//! `403` for an update request, `404`, `405`, `406`, `408` when a request is not received in
//! time, `413` for a body over the limit (never cut and run), `503` when a query passes its time,
//! memory or result-size limit or every worker is busy.
//!
//! The server is asynchronous (tokio and hyper): a slow or half-sent request costs a task, not a
//! thread, and is dropped after the receive timeout. Queries run in worker processes
//! ([`pool`], [`worker`]) that the server kills when a query passes its limits or its client
//! goes away.

pub mod pool;
pub mod worker;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use self::pool::{Pool, PoolError, WorkerCommand};
use self::worker::{AnswerKind, WireFormat, WorkerRequest};
use crate::guard::{self, ShapeLimits};
use crate::{QueryError, format_duration};

/// The deepest neighbourhood drawn: beyond three links a corpus' picture is everything at once.
pub const MAX_DEPTH: usize = 3;

/// What `tupu serve` is told.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Where to listen.
    pub address: SocketAddr,
    /// How to start a worker process.
    pub worker: WorkerCommand,
    /// How many queries run at once (one worker process each).
    pub workers: usize,
    /// A query's time limit.
    pub timeout: Duration,
    /// A query's memory limit (its worker's resident memory), in MB.
    pub max_memory_mb: u64,
    /// Largest response body, in bytes.
    pub max_result_bytes: u64,
    /// Largest request body, in bytes.
    pub max_body_bytes: u64,
    /// Time allowed to receive a request's head, and then its body.
    pub receive_timeout: Duration,
    /// Open connections at most; more are closed at once.
    pub max_connections: usize,
    /// Graphviz's `dot`, when installed.
    pub graphviz: Option<PathBuf>,
}

impl ServeOptions {
    /// The defaults, for a store served by `worker`.
    #[must_use]
    pub fn new(address: SocketAddr, worker: WorkerCommand) -> Self {
        Self {
            address,
            worker,
            workers: std::thread::available_parallelism().map_or(2, usize::from).max(2),
            timeout: Duration::from_secs(30),
            max_memory_mb: 2048,
            max_result_bytes: 100 << 20,
            max_body_bytes: 1 << 20,
            receive_timeout: Duration::from_secs(10),
            max_connections: 1024,
            graphviz: find_graphviz(),
        }
    }
}

/// Graphviz's `dot` on the `PATH`, if it runs.
#[must_use]
pub fn find_graphviz() -> Option<PathBuf> {
    let ok = std::process::Command::new("dot")
        .arg("-V")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then(|| PathBuf::from("dot"))
}

/// Serves until the process ends. `ready` is called with the bound address once the server
/// listens (and its workers have started).
///
/// # Errors
/// When the address cannot be bound or no worker can be started.
pub fn serve(options: ServeOptions, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = TcpListener::bind(options.address).await?;
        let state = Arc::new(State {
            pool: Pool::new(options.worker.clone(), options.workers, options.max_memory_mb),
            options,
            page: Bytes::from(page()),
        });
        state.pool.warm_up()?;
        ready(listener.local_addr()?);
        let connections = Arc::new(Semaphore::new(state.options.max_connections));
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file descriptors, or a connection reset before it was accepted.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            };
            let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
                drop(stream);
                continue;
            };
            let state = Arc::clone(&state);
            tokio::spawn(async move {
                let _permit = permit;
                let receive_timeout = state.options.receive_timeout;
                let service = service_fn(move |request| {
                    let state = Arc::clone(&state);
                    async move { Ok::<_, Infallible>(handle(&state, request).await) }
                });
                let _ = http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(receive_timeout)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

struct State {
    options: ServeOptions,
    pool: Pool,
    page: Bytes,
}

type Answer = Response<Full<Bytes>>;

async fn handle(state: &State, request: Request<Incoming>) -> Answer {
    let mut answer = route(state, request).await;
    let headers = answer.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    answer
}

async fn route(state: &State, request: Request<Incoming>) -> Answer {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    if method == Method::OPTIONS {
        return preflight(request.headers());
    }
    match (path.as_str(), method) {
        ("/", Method::GET | Method::HEAD) => respond(StatusCode::OK, "text/html; charset=utf-8", state.page.clone()),
        ("/query", Method::GET) => {
            let params = parse_form(request.uri().query().unwrap_or(""));
            query(state, request.headers(), &params, None).await
        }
        ("/query", Method::POST) => {
            let headers = request.headers().clone();
            let uri_params = parse_form(request.uri().query().unwrap_or(""));
            let body = match read_body(state, request).await {
                Ok(body) => body,
                Err(answer) => return answer,
            };
            let Ok(body) = String::from_utf8(body.to_vec()) else {
                return text(StatusCode::BAD_REQUEST, "the request body is not UTF-8 text");
            };
            let media = headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(';').next())
                .map(|m| m.trim().to_ascii_lowercase())
                .unwrap_or_default();
            match media.as_str() {
                "application/sparql-query" => query(state, &headers, &uri_params, Some(body)).await,
                "application/x-www-form-urlencoded" => query(state, &headers, &parse_form(&body), None).await,
                "application/sparql-update" => read_only(StatusCode::FORBIDDEN, "SPARQL updates"),
                _ => text(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "POST a query as application/sparql-query, or as a form (application/x-www-form-urlencoded) with query=…",
                ),
            }
        }
        ("/graph", Method::GET) => graph(state, &parse_form(request.uri().query().unwrap_or(""))).await,
        ("/" | "/graph", _) => not_allowed("GET, HEAD, OPTIONS"),
        ("/query", _) => not_allowed("GET, POST, OPTIONS"),
        _ => text(StatusCode::NOT_FOUND, "not found: the SPARQL endpoint is /query, the page is /"),
    }
}

/// The page at `/`, served from the binary (no script, style or font from elsewhere).
const PAGE: &str = include_str!("page.html");

/// The README, whose example queries the page offers: one home for them.
const README: &str = include_str!("../../../../README.md");

/// An example query, with what it asks in words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Example {
    /// What the query asks (the README's sentence before it, up to its colon).
    pub title: String,
    /// The SPARQL.
    pub query: String,
}

/// The README's `tupu query '…'` examples, each with the sentence that introduces it.
#[must_use]
pub fn readme_examples(readme: &str) -> Vec<Example> {
    const OPEN: &str = "```sh\ntupu query '";
    let mut examples = Vec::new();
    let mut rest = readme;
    let mut before = 0;
    while let Some(at) = rest.find(OPEN) {
        let start = at + OPEN.len();
        let Some(length) = rest[start..].find("'\n```") else { break };
        let query = rest[start..start + length].to_owned();
        // The paragraph just before the code block, from its first words to the colon.
        let preceding = &readme[..before + at];
        let paragraph = preceding.trim_end().rsplit("\n\n").next().unwrap_or("").replace('\n', " ");
        let title = paragraph
            .trim_start_matches(['—', ' '])
            .trim_start_matches("and ")
            .split([':', '(', '`'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches(',')
            .to_owned();
        let mut chars = title.chars();
        let title = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
        examples.push(Example { title, query });
        before += start + length;
        rest = &readme[before..];
    }
    examples
}

/// The page, with the README's examples in it.
fn page() -> String {
    let examples = serde_json::to_string(&readme_examples(README)).unwrap_or_else(|_| "[]".to_owned());
    // `</` cannot end the script early once escaped.
    PAGE.replacen("/*EXAMPLES*/[]", &examples.replace("</", "<\\/"), 1)
}

/// A CORS preflight: any origin may GET and POST queries with the headers SPARQL clients send.
fn preflight(headers: &HeaderMap) -> Answer {
    let asked = headers
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("Accept, Content-Type"));
    let mut answer = respond(StatusCode::NO_CONTENT, "text/plain; charset=utf-8", Bytes::new());
    let out = answer.headers_mut();
    out.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST, OPTIONS"));
    out.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked);
    out.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    out.insert(header::ALLOW, HeaderValue::from_static("GET, POST, OPTIONS"));
    answer
}

/// The request body, whole: `413` past the limit (from `Content-Length` before reading, or as
/// soon as a chunked body passes it), `408` when it does not arrive in time.
async fn read_body(state: &State, request: Request<Incoming>) -> Result<Bytes, Answer> {
    let limit = state.options.max_body_bytes;
    let too_large = || {
        text(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("the request body is larger than {limit} bytes; a query that long is not accepted"),
        )
    };
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let body = Limited::new(request.into_body(), usize::try_from(limit).unwrap_or(usize::MAX));
    match tokio::time::timeout(state.options.receive_timeout, body.collect()).await {
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(e)) if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() => Err(too_large()),
        Ok(Err(_)) => Err(text(StatusCode::BAD_REQUEST, "the request body could not be read")),
        Err(_) => Err(text(
            StatusCode::REQUEST_TIMEOUT,
            &format!("the request body did not arrive within {}", format_duration(state.options.receive_timeout)),
        )),
    }
}

async fn query(state: &State, headers: &HeaderMap, params: &[(String, String)], body: Option<String>) -> Answer {
    if params.iter().any(|(k, _)| k == "update") {
        return read_only(StatusCode::FORBIDDEN, "SPARQL updates");
    }
    let mut given: Vec<String> = params.iter().filter(|(k, _)| k == "query").map(|(_, v)| v.clone()).collect();
    given.extend(body);
    let sparql = match given.as_slice() {
        [one] => one.clone(),
        [] => return text(StatusCode::BAD_REQUEST, "no query: pass it as the `query` parameter, or POST it"),
        _ => return text(StatusCode::BAD_REQUEST, "more than one query: pass exactly one"),
    };
    let shape = match guard::check(&sparql, ShapeLimits::default()) {
        Ok(shape) => shape,
        Err(e) => return error(StatusCode::BAD_REQUEST, &QueryError::from(e)),
    };
    if let Some(keyword) = shape.update_keyword() {
        return error(StatusCode::BAD_REQUEST, &QueryError::Update(keyword));
    }
    if shape.service {
        return error(StatusCode::BAD_REQUEST, &QueryError::Service);
    }
    let accept =
        headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).filter(|a| !a.trim().is_empty()).unwrap_or("*/*");
    let offered = if shape.gives_triples() { GRAPH_TYPES } else { RESULTS_TYPES };
    let Some((format, media)) = negotiate(accept, offered) else {
        let names: Vec<&str> = offered.iter().map(|(m, _)| *m).collect();
        let form = if shape.gives_triples() { "CONSTRUCT and DESCRIBE give" } else { "SELECT and ASK give" };
        return text(StatusCode::NOT_ACCEPTABLE, &format!("{form} {}", names.join(", ")));
    };
    let graphs = |key: &str| params.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let request = WorkerRequest::Query {
        query: sparql,
        default_graphs: graphs("default-graph-uri"),
        named_graphs: graphs("named-graph-uri"),
        format,
        max_result_bytes: state.options.max_result_bytes,
    };
    match state.pool.run(&request, state.options.timeout, state.options.timeout).await {
        Ok((answer, body)) if answer.kind == AnswerKind::Results => {
            let mut response = respond(StatusCode::OK, media, Bytes::from(body));
            response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
            response
        }
        Ok((answer, body)) => worker_error(answer.status, body),
        Err(e) => pool_error(&e),
    }
}

async fn graph(state: &State, params: &[(String, String)]) -> Answer {
    let param = |key: &str| params.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim().to_owned());
    let Some(entity) = param("entity").filter(|e| !e.is_empty()) else {
        return text(StatusCode::BAD_REQUEST, "no entity: pass its name or IRI as `entity`");
    };
    let depth = match param("depth").as_deref().map(str::parse::<usize>) {
        None => 1,
        Some(Ok(d)) if (1..=MAX_DEPTH).contains(&d) => d,
        Some(_) => return text(StatusCode::BAD_REQUEST, &format!("depth is a number from 1 to {MAX_DEPTH}")),
    };
    let wanted = param("format").unwrap_or_else(|| "auto".to_owned());
    if !matches!(wanted.as_str(), "auto" | "svg" | "dot") {
        return text(StatusCode::BAD_REQUEST, "format is svg, dot or auto");
    }
    let request = WorkerRequest::Graph { entity, depth };
    let dot = match state.pool.run(&request, state.options.timeout, state.options.timeout).await {
        Ok((answer, body)) if answer.kind == AnswerKind::Dot => body,
        Ok((answer, body)) => return worker_error(answer.status, body),
        Err(e) => return pool_error(&e),
    };
    let graphviz = state.options.graphviz.as_ref().filter(|_| wanted != "dot");
    let Some(program) = graphviz else {
        if wanted == "svg" {
            return text(StatusCode::NOT_IMPLEMENTED, GRAPHVIZ_MISSING);
        }
        let mut answer = respond(StatusCode::OK, "text/vnd.graphviz; charset=utf-8", Bytes::from(dot));
        if wanted == "auto" {
            answer.headers_mut().insert("X-Tupu-Graphviz", HeaderValue::from_static("missing"));
        }
        return answer;
    };
    match render_svg(program, dot, state.options.timeout).await {
        Ok(svg) => respond(StatusCode::OK, "image/svg+xml", Bytes::from(svg)),
        Err(message) => text(StatusCode::INTERNAL_SERVER_ERROR, &message),
    }
}

const GRAPHVIZ_MISSING: &str = "Graphviz `dot` is not installed where tupu serves, so the picture cannot be drawn \
                                (install it: apt-get install graphviz); ask for format=dot to get the DOT text";

/// Runs `dot -Tsvg` on `dot`, killed if it takes longer than `timeout`.
async fn render_svg(program: &std::path::Path, dot: Vec<u8>, timeout: Duration) -> Result<Vec<u8>, String> {
    use tokio::io::AsyncWriteExt;
    let mut child = tokio::process::Command::new(program)
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("cannot run Graphviz: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("cannot write to Graphviz")?;
    let writer = tokio::spawn(async move {
        let _ = stdin.write_all(&dot).await;
    });
    let output = tokio::time::timeout(timeout, child.wait_with_output())
        .await
        .map_err(|_| format!("Graphviz took longer than {}", format_duration(timeout)))?
        .map_err(|e| format!("Graphviz failed: {e}"))?;
    let _ = writer.await;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!("Graphviz failed: {}", String::from_utf8_lossy(&output.stderr).trim()))
    }
}

/// Media types for SELECT and ASK results; the first is the default.
const RESULTS_TYPES: &[(&str, WireFormat)] = &[
    ("application/sparql-results+json", WireFormat::Json),
    ("application/json", WireFormat::Json),
    ("application/sparql-results+xml", WireFormat::Xml),
    ("application/xml", WireFormat::Xml),
    ("text/csv", WireFormat::Csv),
    ("text/tab-separated-values", WireFormat::Tsv),
];

/// Media types for CONSTRUCT and DESCRIBE results; the first is the default.
const GRAPH_TYPES: &[(&str, WireFormat)] = &[
    ("text/turtle", WireFormat::Turtle),
    ("application/n-triples", WireFormat::NTriples),
    ("application/rdf+xml", WireFormat::RdfXml),
    ("application/ld+json", WireFormat::JsonLd),
    ("application/x-turtle", WireFormat::Turtle),
    ("application/xml", WireFormat::RdfXml),
    ("application/json", WireFormat::JsonLd),
    ("text/plain", WireFormat::NTriples),
];

/// The offered type the `Accept` header prefers. Each offered type takes the q of the most
/// specific range that matches it (`text/turtle` over `text/*` over `*/*`), so
/// `*/*;q=0.1, text/csv` means CSV and `text/*, text/csv;q=0` excludes CSV. The highest q wins;
/// ties go to the range the client listed first, then to our order.
fn negotiate<T: Copy>(accept: &str, offered: &[(&'static str, T)]) -> Option<(T, &'static str)> {
    struct Range {
        media: String,
        q: f32,
        position: usize,
    }
    let ranges: Vec<Range> = accept
        .split(',')
        .enumerate()
        .filter_map(|(position, range)| {
            let mut parts = range.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            if media.is_empty() {
                return None;
            }
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0)
                .clamp(0.0, 1.0);
            Some(Range { media, q, position })
        })
        .collect();
    let specificity = |range: &str, media: &str| -> Option<u8> {
        if range == media {
            Some(2)
        } else if range == "*/*" {
            Some(0)
        } else {
            let major = range.strip_suffix("/*")?;
            media.strip_prefix(major)?.starts_with('/').then_some(1)
        }
    };
    let mut best: Option<(f32, usize, usize)> = None; // (q, header position, our index)
    for (index, (media, _)) in offered.iter().enumerate() {
        let matched = ranges
            .iter()
            .filter_map(|r| specificity(&r.media, media).map(|s| (s, r)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.position.cmp(&a.1.position)));
        let Some((_, range)) = matched else { continue };
        if range.q <= 0.0 {
            continue;
        }
        let better = best.is_none_or(|(q, position, _)| range.q > q || (range.q == q && range.position < position));
        if better {
            best = Some((range.q, range.position, index));
        }
    }
    best.map(|(_, _, index)| (offered[index].1, offered[index].0))
}

fn worker_error(status: u16, body: Vec<u8>) -> Answer {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    text(status, String::from_utf8_lossy(&body).trim_end())
}

fn pool_error(e: &PoolError) -> Answer {
    let status = match e {
        PoolError::Busy(_) | PoolError::Limit(_) => StatusCode::SERVICE_UNAVAILABLE,
        PoolError::Crashed(_) | PoolError::Spawn(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let mut answer = text(status, &e.to_string());
    if matches!(e, PoolError::Busy(_)) {
        answer.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    answer
}

fn error(status: StatusCode, e: &QueryError) -> Answer {
    text(status, &e.to_string())
}

fn read_only(status: StatusCode, what: &str) -> Answer {
    text(
        status,
        &format!(
            "tupu's endpoint is read-only: {what} are not accepted; it answers SELECT, ASK, CONSTRUCT and DESCRIBE \
             (articles are added with `tupu load`)"
        ),
    )
}

fn not_allowed(allow: &'static str) -> Answer {
    let mut answer = text(StatusCode::METHOD_NOT_ALLOWED, &format!("use {allow}"));
    answer.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
    answer
}

/// A short plain-text answer.
fn text(status: StatusCode, message: &str) -> Answer {
    respond(status, "text/plain; charset=utf-8", Bytes::from(short(message)))
}

/// A message cut to 2,000 bytes (a parser's message can quote a long query back), ending with
/// a newline.
fn short(message: &str) -> String {
    const MAX: usize = 2000;
    let mut message = message.trim_end().to_owned();
    if message.len() > MAX {
        let cut = (0..=MAX).rev().find(|&i| message.is_char_boundary(i)).unwrap_or(0);
        message.truncate(cut);
        message.push('…');
    }
    message.push('\n');
    message
}

fn respond(status: StatusCode, media: &str, body: Bytes) -> Answer {
    let mut answer = Response::new(Full::new(body));
    *answer.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(media) {
        answer.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    answer
}

/// Parses `application/x-www-form-urlencoded` (also a URL's query string).
#[must_use]
pub fn parse_form(input: &str) -> Vec<(String, String)> {
    input
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (form_decode(k), form_decode(v))
        })
        .collect()
}

fn form_decode(s: &str) -> String {
    // `+` is a space only in forms; a literal plus arrives as %2B and survives the decoding.
    tupu_graph::iri::decode_segment(&s.replace('+', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_and_percent() {
        assert_eq!(
            parse_form("a=1+2&b=%E7%8E%8B&c"),
            [("a".to_owned(), "1 2".to_owned()), ("b".to_owned(), "王".to_owned()), ("c".to_owned(), String::new())]
        );
    }

    fn pick(accept: &str, offered: &[(&'static str, WireFormat)]) -> Option<&'static str> {
        negotiate(accept, offered).map(|x| x.1)
    }

    #[test]
    fn negotiation_follows_q_values_and_specificity() {
        assert_eq!(
            pick("text/csv;q=0.5, application/sparql-results+xml", RESULTS_TYPES),
            Some("application/sparql-results+xml")
        );
        assert_eq!(pick("*/*", RESULTS_TYPES), Some("application/sparql-results+json"));
        assert_eq!(pick("text/*", GRAPH_TYPES), Some("text/turtle"));
        assert_eq!(pick("text/html", RESULTS_TYPES), None);
        assert_eq!(pick("text/csv;q=0", RESULTS_TYPES), None);
        assert_eq!(pick("*/*;q=0.1, text/csv", RESULTS_TYPES), Some("text/csv"));
        assert_eq!(pick("text/*, text/csv;q=0", RESULTS_TYPES), Some("text/tab-separated-values"));
        assert_eq!(
            pick("application/ld+json;q=0.9, application/rdf+xml;q=0.95", GRAPH_TYPES),
            Some("application/rdf+xml")
        );
        assert_eq!(pick("text/turtle;q=0.3, application/n-triples;q=0.3", GRAPH_TYPES), Some("text/turtle"));
        assert_eq!(pick("application/n-triples;q=0.3, text/turtle;q=0.3", GRAPH_TYPES), Some("application/n-triples"));
        // SPARQLWrapper's default for CONSTRUCT (RDF/XML) and for SELECT (XML).
        assert_eq!(pick("application/rdf+xml", GRAPH_TYPES), Some("application/rdf+xml"));
        assert_eq!(
            pick("application/sparql-results+xml,application/xml;q=0.9", RESULTS_TYPES),
            Some("application/sparql-results+xml")
        );
        assert_eq!(pick("", RESULTS_TYPES), None);
    }

    #[test]
    fn the_readme_examples_are_on_the_page() {
        let examples = readme_examples(README);
        assert!(examples.len() >= 5, "{examples:#?}");
        assert_eq!(examples[0].title, "Who holds which post, in which organisation");
        assert!(examples.iter().all(|e| !e.title.is_empty() && crate::Query::parse(&e.query).is_ok()), "{examples:#?}");
        let page = page();
        assert!(page.contains("\"title\":\"Who holds which post, in which organisation\""));
        assert!(!page.contains("/*EXAMPLES*/"));
        assert!(!page.contains("src=\"http") && !page.contains("href=\"http"), "nothing is loaded from elsewhere");
    }

    #[test]
    fn long_messages_are_cut_short_on_a_character_boundary() {
        let cut = short(&"錯".repeat(3000));
        assert_eq!(cut.len(), 666 * 3 + "…\n".len());
        assert!(cut.ends_with("錯…\n"));
        assert_eq!(short("fine\n\n"), "fine\n");
    }
}
