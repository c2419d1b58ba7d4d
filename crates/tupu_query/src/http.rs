//! The SPARQL 1.1 Protocol over HTTP, read-only: `GET /query?query=…`, `POST /query` with an
//! `application/sparql-query` body or an `application/x-www-form-urlencoded` form, optional
//! `default-graph-uri` / `named-graph-uri`. Results are negotiated on `Accept`: SPARQL JSON
//! (default), XML, CSV, TSV for SELECT and ASK; Turtle (default) or N-Triples for CONSTRUCT and
//! DESCRIBE. A malformed query is a `400` whose body is the parser's message.
//!
//! The server is oxhttp's: a small synchronous server, one thread per connection, enough for an
//! analyst's desk and cheap to compile.

use std::io::Read;
use std::net::SocketAddr;
use std::time::Duration;

use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxhttp::{ListeningServer, Server};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::QueryResults;
use tupu_graph::GraphStore;
use tupu_graph::export::ExportFormat;

use crate::{Query, QueryError, ResultsFormat, write_graph, write_results};

/// Largest request body read, in bytes: a query, not a data upload.
const MAX_BODY: u64 = 1 << 20;

/// Starts serving `store` on `address`. The server runs on background threads until the
/// process ends; call [`ListeningServer::join`] to wait for it.
///
/// # Errors
/// When the address cannot be bound.
pub fn serve(store: GraphStore, address: SocketAddr) -> std::io::Result<ListeningServer> {
    Server::new(move |request| handle(&store, request))
        .bind(address)
        .with_global_timeout(Duration::from_secs(60))
        .with_max_concurrent_connections(64)
        .spawn()
}

/// Answers one request.
#[must_use]
pub fn handle(store: &GraphStore, request: &mut Request<Body>) -> Response<Body> {
    match (request.uri().path(), request.method()) {
        ("/", &Method::GET) => text(StatusCode::OK, HOME),
        ("/query", &Method::GET) => {
            let params = parse_form(request.uri().query().unwrap_or(""));
            answer(store, request, &params, None)
        }
        ("/query", &Method::POST) => {
            let content_type = header(request, CONTENT_TYPE.as_str()).unwrap_or_default();
            let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            let mut body = String::new();
            if request.body_mut().take(MAX_BODY).read_to_string(&mut body).is_err() {
                return text(StatusCode::BAD_REQUEST, "the request body is not UTF-8 text");
            }
            match mime.as_str() {
                "application/sparql-query" => {
                    let params = parse_form(request.uri().query().unwrap_or(""));
                    answer(store, request, &params, Some(body))
                }
                "application/x-www-form-urlencoded" => answer(store, request, &parse_form(&body), None),
                _ => text(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "POST a query as application/sparql-query or application/x-www-form-urlencoded",
                ),
            }
        }
        ("/query", _) => text(StatusCode::METHOD_NOT_ALLOWED, "use GET or POST"),
        _ => text(StatusCode::NOT_FOUND, "not found; the SPARQL endpoint is /query"),
    }
}

const HOME: &str = "tupu SPARQL endpoint\n\n\
GET  /query?query=SELECT...        (URL-encoded query)\n\
POST /query  Content-Type: application/sparql-query\n\
POST /query  Content-Type: application/x-www-form-urlencoded  (query=...)\n\n\
The default graph is the union of all article graphs; tupu's prefixes are predeclared.\n\
Accept: application/sparql-results+json (default), application/sparql-results+xml, text/csv,\n\
text/tab-separated-values; text/turtle or application/n-triples for CONSTRUCT and DESCRIBE.\n";

fn answer(
    store: &GraphStore,
    request: &Request<Body>,
    params: &[(String, String)],
    body: Option<String>,
) -> Response<Body> {
    let Some(sparql) = body.or_else(|| param(params, "query").map(str::to_owned)) else {
        return text(StatusCode::BAD_REQUEST, "no query: pass it as the `query` parameter");
    };
    let mut default_graphs = Vec::new();
    let mut named_graphs = Vec::new();
    for (key, value) in params {
        let graph = match NamedNode::new(value.as_str()) {
            Ok(g) => g,
            Err(e) if key.ends_with("graph-uri") => {
                return text(StatusCode::BAD_REQUEST, &format!("invalid graph IRI {value:?}: {e}"));
            }
            Err(_) => continue,
        };
        match key.as_str() {
            "default-graph-uri" => default_graphs.push(GraphName::NamedNode(graph)),
            "named-graph-uri" => named_graphs.push(NamedOrBlankNode::NamedNode(graph)),
            _ => {}
        }
    }
    let query = match Query::parse(&sparql) {
        Ok(q) => q.with_dataset(default_graphs, named_graphs),
        Err(e) => return text(StatusCode::BAD_REQUEST, &e.to_string()),
    };
    let accept = header(request, ACCEPT.as_str()).unwrap_or_else(|| "*/*".to_owned());
    let results = match query.execute(store) {
        Ok(r) => r,
        Err(e) => return text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    let written: Result<(Vec<u8>, &str), QueryError> = match results {
        QueryResults::Graph(triples) => {
            let Some((format, media)) = negotiate(&accept, GRAPH_TYPES) else {
                return text(
                    StatusCode::NOT_ACCEPTABLE,
                    "CONSTRUCT and DESCRIBE give text/turtle or application/n-triples",
                );
            };
            write_graph(triples, format, Vec::new()).map(|b| (b, media))
        }
        results => {
            let Some((format, media)) = negotiate(&accept, RESULTS_TYPES) else {
                return text(
                    StatusCode::NOT_ACCEPTABLE,
                    "SELECT and ASK give application/sparql-results+json, application/sparql-results+xml, text/csv or text/tab-separated-values",
                );
            };
            write_results(results, format, Vec::new()).map(|b| (b, media))
        }
    };
    match written {
        Ok((bytes, media)) => response(StatusCode::OK, media, bytes),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// Media types for SELECT and ASK results; the first is the default.
const RESULTS_TYPES: &[(&str, ResultsFormat)] = &[
    ("application/sparql-results+json", ResultsFormat::Json),
    ("application/json", ResultsFormat::Json),
    ("application/sparql-results+xml", ResultsFormat::Xml),
    ("application/xml", ResultsFormat::Xml),
    ("text/csv", ResultsFormat::Csv),
    ("text/tab-separated-values", ResultsFormat::Tsv),
];

/// Media types for CONSTRUCT and DESCRIBE results; the first is the default.
const GRAPH_TYPES: &[(&str, ExportFormat)] =
    &[("text/turtle", ExportFormat::Turtle), ("application/n-triples", ExportFormat::NTriples)];

/// The offered type the `Accept` header prefers (highest q, then the header's order, then
/// ours); `*/*` and `type/*` take our first matching type.
fn negotiate<T: Copy>(accept: &str, offered: &[(&'static str, T)]) -> Option<(T, &'static str)> {
    let mut best: Option<(f32, usize, T, &'static str)> = None;
    for (position, range) in accept.split(',').enumerate() {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q =
            parts.filter_map(|p| p.trim().strip_prefix("q=")).find_map(|q| q.trim().parse::<f32>().ok()).unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        let found = offered.iter().find(|(m, _)| {
            media == "*/*" || media == *m || media.strip_suffix("/*").is_some_and(|t| m.starts_with(&format!("{t}/")))
        });
        if let Some(&(m, value)) = found {
            if best.is_none_or(|(bq, bp, _, _)| q > bq || (q == bq && position < bp)) {
                best = Some((q, position, value, m));
            }
        }
    }
    best.map(|(_, _, value, media)| (value, media))
}

fn header(request: &Request<Body>, name: &str) -> Option<String> {
    request.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

fn param<'p>(params: &'p [(String, String)], key: &str) -> Option<&'p str> {
    params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn text(status: StatusCode, message: &str) -> Response<Body> {
    response(status, "text/plain; charset=utf-8", format!("{message}\n").into_bytes())
}

fn response(status: StatusCode, media: &str, body: Vec<u8>) -> Response<Body> {
    let mut builder = Response::builder().status(status).header(CONTENT_TYPE, media);
    if status == StatusCode::OK {
        builder = builder.header("Vary", "Accept");
    }
    builder.body(Body::from(body)).unwrap_or_else(|_| Response::new(Body::from("internal error")))
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

    fn store() -> GraphStore {
        let store = GraphStore::in_memory().unwrap();
        let nt = "<https://w3id.org/tupu/id/person/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> <https://w3id.org/tupu/doc/1> .\n";
        store.load_rdf(nt.as_bytes(), oxigraph::io::RdfFormat::NQuads, &NamedNode::new_unchecked("urn:x")).unwrap();
        store
    }

    fn request(method: Method, uri: &str, headers: &[(&str, &str)], body: &str) -> Request<Body> {
        let mut b = Request::builder().method(method).uri(uri);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::from(body.to_owned())).unwrap()
    }

    fn body(mut r: Response<Body>) -> String {
        let mut s = String::new();
        r.body_mut().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn get_with_a_url_encoded_query_answers_json() {
        let mut r = request(
            Method::GET,
            "/query?query=SELECT%20%3Fp%20WHERE%20%7B%20%3Fp%20a%20schema%3APerson%20%7D",
            &[],
            "",
        );
        let resp = handle(&store(), &mut r);
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers().get(CONTENT_TYPE).unwrap(), "application/sparql-results+json");
        assert!(body(resp).contains("https://w3id.org/tupu/id/person/a"));
    }

    #[test]
    fn post_body_and_form_with_negotiated_formats() {
        let q = "SELECT ?p WHERE { ?p a schema:Person }";
        let mut r =
            request(Method::POST, "/query", &[("Content-Type", "application/sparql-query"), ("Accept", "text/csv")], q);
        let resp = handle(&store(), &mut r);
        assert_eq!(resp.headers().get(CONTENT_TYPE).unwrap(), "text/csv");
        assert_eq!(body(resp), "p\r\nhttps://w3id.org/tupu/id/person/a\r\n");
        let form = "query=ASK+%7B+%3Fp+a+schema%3APerson+%7D";
        let mut r = request(
            Method::POST,
            "/query",
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Accept", "text/html;q=1, application/sparql-results+xml;q=0.9"),
            ],
            form,
        );
        let resp = handle(&store(), &mut r);
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(body(resp).contains("<boolean>true</boolean>"));
    }

    #[test]
    fn construct_gives_turtle_and_errors_have_statuses() {
        let mut r =
            request(Method::GET, "/query?query=CONSTRUCT%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D", &[("Accept", "*/*")], "");
        let resp = handle(&store(), &mut r);
        assert_eq!(resp.headers().get(CONTENT_TYPE).unwrap(), "text/turtle");
        assert!(body(resp).contains("schema:Person"));
        let mut bad = request(Method::GET, "/query?query=SELEC", &[], "");
        let resp = handle(&store(), &mut bad);
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
        assert!(body(resp).contains("invalid SPARQL query"));
        let mut none = request(Method::GET, "/query", &[], "");
        assert_eq!(handle(&store(), &mut none).status(), StatusCode::BAD_REQUEST);
        let mut html = request(Method::GET, "/query?query=ASK%7B%7D", &[("Accept", "text/html")], "");
        assert_eq!(handle(&store(), &mut html).status(), StatusCode::NOT_ACCEPTABLE);
        let mut put = request(Method::PUT, "/query", &[], "");
        assert_eq!(handle(&store(), &mut put).status(), StatusCode::METHOD_NOT_ALLOWED);
        let mut other = request(Method::GET, "/nope", &[], "");
        assert_eq!(handle(&store(), &mut other).status(), StatusCode::NOT_FOUND);
        let mut wrong = request(Method::POST, "/query", &[("Content-Type", "text/plain")], "ASK {}");
        assert_eq!(handle(&store(), &mut wrong).status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    }

    #[test]
    fn forms_decode_plus_and_percent() {
        assert_eq!(
            parse_form("a=1+2&b=%E7%8E%8B&c"),
            [("a".to_owned(), "1 2".to_owned()), ("b".to_owned(), "王".to_owned()), ("c".to_owned(), String::new())]
        );
    }

    #[test]
    fn negotiation_follows_q_values() {
        assert_eq!(
            negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULTS_TYPES).map(|x| x.1),
            Some("application/sparql-results+xml")
        );
        assert_eq!(negotiate("*/*", RESULTS_TYPES).map(|x| x.1), Some("application/sparql-results+json"));
        assert_eq!(negotiate("text/*", GRAPH_TYPES).map(|x| x.1), Some("text/turtle"));
        assert_eq!(negotiate("text/html", RESULTS_TYPES), None);
        assert_eq!(negotiate("text/csv;q=0", RESULTS_TYPES), None);
    }
}
