#![doc = include_str!("../README.md")]

mod digest;

use std::io::Read;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use thiserror::Error;
use tupu_graph::GraphStore;
use tupu_graph::oxigraph::io::{RdfFormat, RdfSerializer};
use tupu_graph::oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode};

use digest::Challenge;

/// Why a push failed.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum PushError {
    /// The endpoint is not an http:// or https:// URL.
    #[error("the endpoint must be an http:// or https:// URL, not {0:?}")]
    BadEndpoint(String),
    /// The server could not be reached (refused, unresolved, timed out, TLS failed).
    #[error("cannot reach {endpoint}")]
    Unreachable {
        /// The endpoint.
        endpoint: String,
        /// What the HTTP client said.
        #[source]
        source: ureq::Error,
    },
    /// The server refused the credentials, or asked for them when none were given.
    #[error("{endpoint} refused {}: HTTP {status}{}", if *.given { "the credentials" } else { "to store without credentials (give --user and --password)" }, excerpt(.body))]
    Unauthorized {
        /// The endpoint.
        endpoint: String,
        /// The status (401 or 403).
        status: u16,
        /// Whether credentials were sent.
        given: bool,
        /// The start of the server's answer.
        body: String,
    },
    /// The server answered a PUT with an error.
    #[error("{endpoint} did not store {graph}: HTTP {status}{}", excerpt(.body))]
    Rejected {
        /// The endpoint.
        endpoint: String,
        /// The graph being sent.
        graph: String,
        /// The HTTP status.
        status: u16,
        /// The start of the server's answer.
        body: String,
    },
    /// The store could not be read.
    #[error(transparent)]
    Store(#[from] tupu_graph::StoreError),
    /// A graph could not be serialised.
    #[error("cannot write the graph as N-Triples: {0}")]
    Serialize(#[from] std::io::Error),
}

fn excerpt(body: &str) -> String {
    let body = body.trim();
    if body.is_empty() {
        return String::new();
    }
    let short: String = body.chars().take(300).collect();
    format!(": {}{}", short.replace('\n', " "), if short.len() < body.len() { "…" } else { "" })
}

/// Where and how to push.
#[derive(Debug, Clone, Default)]
pub struct PushOptions {
    /// The Graph Store Protocol endpoint (`http://host:8890/sparql-graph-crud`).
    pub endpoint: String,
    /// User and password for HTTP Basic or Digest authentication, whichever the server asks for.
    pub credentials: Option<(String, String)>,
    /// Extra request headers (`Authorization: Bearer …`).
    pub headers: Vec<(String, String)>,
    /// How long one request may take.
    pub timeout: Option<Duration>,
}

/// What was pushed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PushSummary {
    /// Graphs stored.
    pub graphs: usize,
    /// Triples sent.
    pub triples: usize,
    /// Bytes of N-Triples sent.
    pub bytes: usize,
}

/// A Graph Store Protocol client for one endpoint.
pub struct GraphStoreClient {
    agent: ureq::Agent,
    options: PushOptions,
    /// The scheme the server asked for, once it has (so later requests answer it at once).
    challenge: Mutex<Option<Challenge>>,
    /// Requests made with the current Digest nonce.
    count: AtomicU32,
}

impl std::fmt::Debug for GraphStoreClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphStoreClient").field("endpoint", &self.options.endpoint).finish_non_exhaustive()
    }
}

impl GraphStoreClient {
    /// A client for `options.endpoint`.
    ///
    /// # Errors
    /// [`PushError::BadEndpoint`] when the endpoint is not an http(s) URL.
    pub fn new(options: PushOptions) -> Result<Self, PushError> {
        let endpoint = options.endpoint.trim();
        let rest = endpoint.strip_prefix("http://").or_else(|| endpoint.strip_prefix("https://"));
        if rest.is_none_or(|r| r.is_empty() || r.starts_with('/')) {
            return Err(PushError::BadEndpoint(options.endpoint.clone()));
        }
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(options.timeout.unwrap_or(Duration::from_secs(300))))
            .user_agent(concat!("tupu/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Self { agent, options, challenge: Mutex::new(None), count: AtomicU32::new(0) })
    }

    /// The URL that names `graph` on the endpoint (`?graph=…`, the protocol's indirect identification).
    #[must_use]
    pub fn graph_url(&self, graph: &str) -> String {
        let endpoint = self.options.endpoint.trim();
        let separator = if endpoint.contains('?') { '&' } else { '?' };
        format!("{endpoint}{separator}graph={}", percent_encode(graph))
    }

    /// Asks the server about `graph` with a bodiless `HEAD` first, so that an authentication
    /// challenge is met, and wrong or missing credentials are reported, before any graph is sent
    /// (a server may close the connection on a refused request while its body is still being
    /// written).
    ///
    /// # Errors
    /// When the server cannot be reached or refuses the credentials.
    pub fn check_access(&self, graph: &str) -> Result<(), PushError> {
        match self.request("HEAD", graph, None) {
            // A server that does not answer HEAD (405), or has no such graph yet (404), is fine.
            Err(PushError::Rejected { .. }) => Ok(()),
            other => other,
        }
    }

    /// Replaces `graph` on the server with `ntriples` (HTTP PUT).
    ///
    /// # Errors
    /// When the server cannot be reached, refuses the credentials or answers with an error.
    pub fn put(&self, graph: &str, ntriples: &[u8]) -> Result<(), PushError> {
        self.request("PUT", graph, Some(ntriples))
    }

    fn request(&self, method: &str, graph: &str, body: Option<&[u8]>) -> Result<(), PushError> {
        let url = self.graph_url(graph);
        let mut answered = false;
        loop {
            let authorization = self.authorization(method, &url, graph);
            let sent = match body {
                Some(body) => {
                    let mut request = self.agent.put(&url).header("Content-Type", "application/n-triples");
                    for (name, value) in &self.options.headers {
                        request = request.header(name, value);
                    }
                    if let Some(a) = &authorization {
                        request = request.header("Authorization", a);
                    }
                    request.send(body)
                }
                None => {
                    let mut request = self.agent.head(&url);
                    for (name, value) in &self.options.headers {
                        request = request.header(name, value);
                    }
                    if let Some(a) = &authorization {
                        request = request.header("Authorization", a);
                    }
                    request.call()
                }
            };
            let mut response =
                sent.map_err(|source| PushError::Unreachable { endpoint: self.options.endpoint.clone(), source })?;
            let status = response.status().as_u16();
            if (200..300).contains(&status) {
                return Ok(());
            }
            let challenge = response
                .headers()
                .get_all("www-authenticate")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .filter_map(Challenge::parse)
                .max_by_key(|c| matches!(c, Challenge::Digest { .. }));
            let mut text = String::new();
            if body.is_some() {
                let _ = response.body_mut().as_reader().take(4096).read_to_string(&mut text);
            }
            if status == 401 || status == 403 {
                // Answer a new challenge once (the first request, or a stale nonce); a second
                // refusal is final.
                if status == 401 && !answered && self.options.credentials.is_some() {
                    if let Some(challenge) = challenge {
                        *self.challenge.lock().unwrap_or_else(PoisonError::into_inner) = Some(challenge);
                        self.count.store(0, Ordering::Relaxed);
                        answered = true;
                        continue;
                    }
                }
                return Err(PushError::Unauthorized {
                    endpoint: self.options.endpoint.clone(),
                    status,
                    given: self.options.credentials.is_some(),
                    body: text,
                });
            }
            return Err(PushError::Rejected {
                endpoint: self.options.endpoint.clone(),
                graph: graph.to_owned(),
                status,
                body: text,
            });
        }
    }

    /// The `Authorization` header for a request, once the server has said which scheme it wants.
    fn authorization(&self, method: &str, url: &str, graph: &str) -> Option<String> {
        let challenge = self.challenge.lock().unwrap_or_else(PoisonError::into_inner).clone()?;
        let (user, password) = self.options.credentials.as_ref()?;
        let count = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        let cnonce =
            format!("{:016x}", tupu_graph::iri::fnv1a64(format!("{graph}{count}{:?}", Instant::now()).as_bytes()));
        Some(challenge.answer(user, password, method, &request_target(url), count, &cnonce))
    }

    /// Pushes every article graph of `store` (or only `only`), calling `progress` after each with
    /// the graph's IRI and the total so far.
    ///
    /// # Errors
    /// At the first graph that cannot be read or stored; the graphs before it are stored.
    pub fn push_store(
        &self,
        store: &GraphStore,
        only: Option<&[NamedNode]>,
        mut progress: impl FnMut(&NamedNode, &PushSummary),
    ) -> Result<PushSummary, PushError> {
        let graphs: Vec<NamedNode> = match only {
            Some(graphs) => graphs.to_vec(),
            None => article_graphs(store)?,
        };
        let mut summary = PushSummary::default();
        if let Some(first) = graphs.first() {
            self.check_access(first.as_str())?;
        }
        for graph in &graphs {
            let (body, triples) = ntriples(store, graph)?;
            self.put(graph.as_str(), &body)?;
            summary.graphs += 1;
            summary.triples += triples;
            summary.bytes += body.len();
            progress(graph, &summary);
        }
        Ok(summary)
    }
}

/// The named graphs of a store that are tupu articles (`https://w3id.org/tupu/doc/…`), in order.
///
/// # Errors
/// When the store cannot be read.
pub fn article_graphs(store: &GraphStore) -> Result<Vec<NamedNode>, PushError> {
    let mut graphs: Vec<NamedNode> = store
        .graphs()?
        .into_iter()
        .filter_map(|g| match g {
            NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(tupu_graph::iri::DOC_BASE) => Some(n),
            _ => None,
        })
        .collect();
    graphs.sort();
    Ok(graphs)
}

/// One graph of the store as N-Triples, and its number of triples.
fn ntriples(store: &GraphStore, graph: &NamedNode) -> Result<(Vec<u8>, usize), PushError> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    let mut triples = 0;
    for quad in store.oxigraph().quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
        let quad = quad.map_err(tupu_graph::StoreError::from)?;
        serializer.serialize_triple(quad.as_ref())?;
        triples += 1;
    }
    Ok((serializer.finish()?, triples))
}

/// The path and query of a URL (what Digest authentication signs).
fn request_target(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or_else(|| "/".to_owned(), |i| after_scheme[i..].to_owned())
}

/// Percent-encodes a query parameter value (everything but RFC 3986 unreserved characters).
fn percent_encode(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests;
