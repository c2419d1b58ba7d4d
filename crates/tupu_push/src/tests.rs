//! The client against a small Graph Store server run in the test (oxhttp): what arrives, how
//! Basic and Digest challenges are answered, and how refusals read. The CI script pushes to a
//! real Virtuoso as well.

use std::collections::BTreeMap;
use std::io::Read;
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};

use oxhttp::Server;
use oxhttp::model::{Body, Response, StatusCode};
use tupu_extract::{Article, ArticleOptions, Extractor};
use tupu_graph::{ArticleGraph, GraphStore};

use super::*;

type Received = Arc<Mutex<BTreeMap<String, String>>>;

const USER: &str = "analyst";
const PASSWORD: &str = "s3cret";
const NONCE: &str = "5ccc069c403ebaf9";

/// Starts a server on a free loopback port: `/open` stores every PUT, `/basic` and `/digest`
/// want those credentials, `/broken` answers 500. Returns its base URL and what it stored.
fn server() -> (String, Received) {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let received: Received = Arc::default();
    let store = Arc::clone(&received);
    Server::new(move |request| {
        let path = request.uri().path().to_owned();
        let method = request.method().clone();
        let query = request.uri().query().unwrap_or("").to_owned();
        let authorization =
            request.headers().get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let mut body = String::new();
        request.body_mut().read_to_string(&mut body).unwrap();
        let refuse = |challenge: &str| {
            Response::builder()
                .status(StatusCode::UNAUTHORIZED)
                .header("WWW-Authenticate", challenge)
                .body(Body::from("authentication required"))
                .unwrap()
        };
        let allowed = match path.as_str() {
            "/open" => true,
            "/basic"
                if authorization == format!("Basic {}", digest::base64(format!("{USER}:{PASSWORD}").as_bytes())) =>
            {
                true
            }
            "/basic" => return refuse(r#"Basic realm="tupu test""#),
            "/digest" if digest_is_right(&authorization, method.as_str(), &format!("{path}?{query}")) => true,
            "/digest" => {
                return refuse(&format!(r#"Digest realm="tupu test", nonce="{NONCE}", qop="auth", algorithm=MD5"#));
            }
            _ => false,
        };
        if !allowed {
            return Response::builder()
                .status(StatusCode::INTERNAL_SERVER_ERROR)
                .body(Body::from("disk full\n"))
                .unwrap();
        }
        if method == oxhttp::model::Method::PUT {
            let graph = query.strip_prefix("graph=").unwrap_or("").to_owned();
            store.lock().unwrap().insert(graph, body);
        }
        Response::builder().status(StatusCode::CREATED).body(Body::empty()).unwrap()
    })
    .bind(SocketAddr::from(([127, 0, 0, 1], port)))
    .spawn()
    .unwrap();
    (format!("http://127.0.0.1:{port}"), received)
}

/// Checks a Digest answer the way a server does, computed here independently.
fn digest_is_right(header: &str, method: &str, uri: &str) -> bool {
    let field = |name: &str| {
        header
            .split(", ")
            .find_map(|p| p.trim_start_matches("Digest ").strip_prefix(&format!("{name}=")))
            .map(|v| v.trim_matches('"').to_owned())
    };
    let (Some(nc), Some(cnonce), Some(response), Some(signed)) =
        (field("nc"), field("cnonce"), field("response"), field("uri"))
    else {
        return false;
    };
    let md5 = |s: String| format!("{:x}", md5::compute(s));
    let ha1 = md5(format!("{USER}:tupu test:{PASSWORD}"));
    let ha2 = md5(format!("{method}:{uri}"));
    signed == uri && response == md5(format!("{ha1}:{NONCE}:{nc}:{cnonce}:auth:{ha2}"))
}

fn store() -> GraphStore {
    let store = GraphStore::in_memory().unwrap();
    for text in
        ["陳大文局長表示，發展局將推動北部都會區發展。", "陈大文局长表示，发展局将推动北部都会区发展。明年再议。"]
    {
        let article = Article::from_bytes(text.as_bytes(), ArticleOptions::default()).unwrap();
        store.insert_graph(&ArticleGraph::from_article(&article, &Extractor::new().extract(&article))).unwrap();
    }
    store
}

fn client(endpoint: String, credentials: bool) -> GraphStoreClient {
    GraphStoreClient::new(PushOptions {
        endpoint,
        credentials: credentials.then(|| (USER.to_owned(), PASSWORD.to_owned())),
        ..PushOptions::default()
    })
    .unwrap()
}

#[test]
fn every_article_graph_arrives_as_n_triples_under_its_iri() {
    let (base, received) = server();
    let store = store();
    let mut seen = Vec::new();
    let summary = client(format!("{base}/open"), false).push_store(&store, None, |g, _| seen.push(g.clone())).unwrap();
    let graphs = article_graphs(&store).unwrap();
    assert_eq!(summary.graphs, 2);
    assert_eq!(seen, graphs);
    assert_eq!(summary.triples, store.len().unwrap());
    let received = received.lock().unwrap();
    for graph in &graphs {
        let body = &received[&percent_encode(graph.as_str())];
        let parsed = tupu_graph::oxigraph::io::RdfParser::from_format(RdfFormat::NTriples).for_slice(body).count();
        let stored =
            store.oxigraph().quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))).count();
        assert_eq!(parsed, stored, "{graph}");
        assert!(body.contains("https://w3id.org/tupu/id/person/陈大文"), "IRIs as they are stored");
    }
}

#[test]
fn basic_and_digest_challenges_are_answered() {
    let (base, received) = server();
    let store = store();
    for scheme in ["basic", "digest"] {
        let summary = client(format!("{base}/{scheme}"), true).push_store(&store, None, |_, _| {}).unwrap();
        assert_eq!(summary.graphs, 2, "{scheme}");
    }
    assert_eq!(received.lock().unwrap().len(), 2);
}

#[test]
fn refusals_and_errors_say_what_happened() {
    let (base, _) = server();
    let store = store();
    let err = client(format!("{base}/digest"), false).push_store(&store, None, |_, _| {}).unwrap_err();
    assert!(matches!(err, PushError::Unauthorized { status: 401, given: false, .. }), "{err}");
    assert!(err.to_string().contains("give --user and --password"), "{err}");
    let wrong = GraphStoreClient::new(PushOptions {
        endpoint: format!("{base}/digest"),
        credentials: Some((USER.to_owned(), "wrong".to_owned())),
        ..PushOptions::default()
    })
    .unwrap();
    let err = wrong.push_store(&store, None, |_, _| {}).unwrap_err();
    assert!(matches!(err, PushError::Unauthorized { given: true, .. }), "{err}");
    let err = client(format!("{base}/broken"), false).push_store(&store, None, |_, _| {}).unwrap_err();
    assert!(err.to_string().contains("HTTP 500: disk full"), "{err}");
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let err = client(format!("http://127.0.0.1:{closed}/open"), false).push_store(&store, None, |_, _| {}).unwrap_err();
    assert!(matches!(err, PushError::Unreachable { .. }), "{err}");
    for bad in ["ftp://x/y", "localhost:8890", "http://", "http:///x"] {
        assert!(
            matches!(
                GraphStoreClient::new(PushOptions { endpoint: bad.into(), ..PushOptions::default() }),
                Err(PushError::BadEndpoint(_))
            ),
            "{bad}"
        );
    }
}

#[test]
fn graph_urls_encode_the_graph_and_keep_the_endpoints_own_query() {
    let c = client("http://h:1/repositories/r/rdf-graphs/service".into(), false);
    assert_eq!(
        c.graph_url("https://w3id.org/tupu/doc/ab"),
        "http://h:1/repositories/r/rdf-graphs/service?graph=https%3A%2F%2Fw3id.org%2Ftupu%2Fdoc%2Fab"
    );
    let c = client("http://h:1/crud?x=1".into(), false);
    assert!(c.graph_url("g").ends_with("/crud?x=1&graph=g"));
    assert_eq!(request_target("http://h:1/a/b?graph=x"), "/a/b?graph=x");
}
