//! The SPARQL 1.1 Protocol end to end: `tupu serve` on an ephemeral port, spoken to over TCP as
//! clients (careful, careless and hostile) would.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::util::{TempDir, root, run_in, seed, stderr, tupu};

/// The cross join of issue 13: on the seed's 1,936 quads it has 1.4 × 10¹³ solutions.
pub(crate) const CROSS_JOIN: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

/// Counts the quads: what it answers before and after a request shows whether the request
/// changed the store, and whether the server still answers.
const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

/// A running `tupu serve`, stopped (with its workers) when dropped.
pub(crate) struct Served {
    child: Child,
    pub(crate) port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    /// Serves the store `store` (relative to `dir`) with extra flags, once it answers.
    pub(crate) fn start(dir: &Path, store: &str, flags: &[&str]) -> Self {
        Self::start_with(dir, store, flags, |_| {})
    }

    pub(crate) fn start_with(
        dir: &Path,
        store: &str,
        flags: &[&str],
        adjust: impl FnOnce(&mut std::process::Command),
    ) -> Self {
        // An ephemeral port: bound by the OS, released, then given to the server.
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut command = tupu();
        command
            .current_dir(dir)
            .args(["serve", "--store", store, "--bind", &format!("127.0.0.1:{port}")])
            .args(flags)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        adjust(&mut command);
        let served = Self { child: command.spawn().unwrap(), port };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(30), "the server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        served
    }

    /// Sends one request (`head` without the final blank line) and reads the whole answer.
    pub(crate) fn request(&self, head: &str, body: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let head = format!("{head}\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n\r\n", body.len());
        stream.write_all(head.as_bytes()).unwrap();
        // A server may answer (413) before reading a large body, and close: that is fine.
        let _ = stream.write_all(body);
        read_answer(&mut stream)
    }

    pub(crate) fn get(&self, path_and_query: &str, accept: &str) -> Answer {
        self.request(&format!("GET {path_and_query} HTTP/1.1\r\nAccept: {accept}"), b"")
    }

    pub(crate) fn post_form(&self, form: &str, accept: &str) -> Answer {
        self.request(
            &format!("POST /query HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: {accept}"),
            form.as_bytes(),
        )
    }

    pub(crate) fn select(&self, query: &str) -> Answer {
        self.get(&format!("/query?query={}", encode(query)), "text/csv")
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Answer {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

fn read_answer(stream: &mut TcpStream) -> Answer {
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())).collect();
    Answer { status, headers, body: body.to_owned() }
}

pub(crate) fn encode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") }).collect()
}

/// A directory with the seed loaded into the store `s`.
pub(crate) fn seed_store() -> TempDir {
    let dir = TempDir::new("http");
    let (seed, _) = seed();
    let loaded = run_in(dir.path(), &["load", seed.to_str().unwrap(), "--store", "s", "--published", "2025-04-15"]);
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    dir
}

#[test]
fn serve_answers_sparql_over_http() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &[]);

    let query = "SELECT ?lang WHERE { ?d a schema:NewsArticle ; schema:inLanguage ?lang }";
    let a = server.select(query);
    assert_eq!((a.status, a.body.as_str()), (200, "lang\r\nzh-Hant\r\n"));
    assert_eq!(a.header("content-type"), Some("text/csv"));

    let a = server.request("POST /query HTTP/1.1\r\nContent-Type: application/sparql-query", query.as_bytes());
    assert_eq!(a.status, 200);
    assert!(a.body.contains("\"zh-Hant\"") && a.body.contains("\"head\""), "JSON by default: {}", a.body);

    let a = server
        .post_form(&format!("query={}", encode("ASK { ?d a schema:NewsArticle }")), "application/sparql-results+xml");
    assert_eq!(a.status, 200);
    assert!(a.body.contains("<boolean>true</boolean>"), "{}", a.body);

    let a = server.select("SELECT ?x WHERE { ?x a }");
    assert_eq!(a.status, 400);
    assert!(a.body.starts_with("invalid SPARQL query:"), "{}", a.body);
}

#[test]
fn construct_is_negotiated_into_every_rdf_format() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &[]);
    let construct = format!("/query?query={}", encode("CONSTRUCT WHERE { ?p a schema:Person ; rdfs:label ?l }"));
    for (accept, media, marker) in [
        ("*/*", "text/turtle", "schema:Person"),
        ("application/rdf+xml", "application/rdf+xml", "<rdf:RDF"),
        ("application/ld+json", "application/ld+json", "\"@id\""),
        ("application/n-triples", "application/n-triples", "<https://schema.org/Person> ."),
        ("application/ld+json;q=0.5, application/rdf+xml;q=0.8, */*;q=0.1", "application/rdf+xml", "<rdf:RDF"),
    ] {
        let a = server.get(&construct, accept);
        assert_eq!(a.status, 200, "{accept}: {}", a.body);
        assert_eq!(a.header("content-type"), Some(media), "{accept}");
        assert!(a.body.contains(marker) && a.body.contains("李家超"), "{accept}: {}", a.body);
        assert_eq!(a.header("vary"), Some("Accept"));
    }
    let a = server.get(&construct, "application/sparql-results+json");
    assert_eq!(a.status, 406);
    assert!(a.body.contains("CONSTRUCT and DESCRIBE give text/turtle"), "{}", a.body);
}

#[test]
fn every_answer_allows_other_origins_and_preflights_succeed() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &[]);
    let preflight = server.request(
        "OPTIONS /query HTTP/1.1\r\nOrigin: http://example.org\r\nAccess-Control-Request-Method: POST\r\n\
         Access-Control-Request-Headers: content-type, accept",
        b"",
    );
    assert_eq!(preflight.status, 204);
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
    assert!(preflight.header("access-control-allow-methods").unwrap().contains("POST"));
    assert_eq!(preflight.header("access-control-allow-headers"), Some("content-type, accept"));
    for a in [
        server.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1"),
        server.select("SELECT WHERE"),
        server.get("/nowhere", "*/*"),
        server.request("DELETE /query HTTP/1.1", b""),
        server.get("/", "text/html"),
    ] {
        assert_eq!(a.header("access-control-allow-origin"), Some("*"), "{a:?}");
    }
    let a = server.request("DELETE /query HTTP/1.1", b"");
    assert_eq!((a.status, a.header("allow")), (405, Some("GET, POST, OPTIONS")));
    assert_eq!(server.get("/nowhere", "*/*").status, 404);
}

#[test]
fn updates_and_service_are_refused_with_a_reason() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &[]);
    let quads = server.select(COUNT);
    assert_eq!(quads.status, 200, "{}", quads.body);
    let a = server.select("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }");
    assert_eq!(a.status, 400);
    assert!(a.body.starts_with("tupu is read-only: INSERT is a SPARQL update"), "{}", a.body);
    let a = server.post_form(&format!("update={}", encode("DELETE WHERE { ?s ?p ?o }")), "*/*");
    assert_eq!(a.status, 403);
    assert!(a.body.starts_with("tupu's endpoint is read-only"), "{}", a.body);
    let a = server.request("POST /query HTTP/1.1\r\nContent-Type: application/sparql-update", b"CLEAR ALL");
    assert_eq!(a.status, 403);
    let a = server.select("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }");
    assert_eq!(a.status, 400);
    assert!(a.body.starts_with("SERVICE is not supported"), "{}", a.body);
    // Nothing was changed.
    assert_eq!(server.select(COUNT).body, quads.body);
}

#[test]
fn deep_nesting_is_a_bad_request_not_a_crash() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &[]);
    for query in [
        format!("SELECT ({}1{} AS ?x) {{}}", "(".repeat(5000), ")".repeat(5000)),
        format!("SELECT * WHERE {}{}", "{".repeat(5000), "}".repeat(5000)),
        format!("SELECT ({} AS ?x) {{}}", vec!["1"; 30_000].join("+")),
        format!("SELECT * {{ ?a {} ?b }}", vec!["rdfs:label"; 8_000].join("/")),
    ] {
        let a = server.post_form(&format!("query={}", encode(&query)), "*/*");
        assert_eq!(a.status, 400, "{:.80}: {}", query, a.body);
        assert!(a.body.starts_with("query refused: the query"), "{}", a.body);
    }
    // A string literal of 500,000 characters is no problem.
    let long = format!("SELECT (STRLEN(\"{}\") AS ?n) {{}}", "長".repeat(300_000));
    let a = server.post_form(&format!("query={}", encode(&long)), "text/csv");
    assert_eq!(a.status, 413, "the form body is over 1 MiB: {}", a.body);
    let long = format!("SELECT (STRLEN(\"{}\") AS ?n) {{}}", "長".repeat(100_000));
    let a = server
        .request("POST /query HTTP/1.1\r\nContent-Type: application/sparql-query\r\nAccept: text/csv", long.as_bytes());
    assert_eq!((a.status, a.body.as_str()), (200, "n\r\n100000\r\n"));
    assert_eq!(server.select("ASK {}").status, 200, "the server is still up");
}

#[test]
fn a_runaway_query_is_stopped_at_its_time_limit_and_memory_stays_bounded() {
    // The cross join would run for days and the sort below would fill the machine's memory, so
    // an answer at all (within the client's minute) means the limit stopped the query; no test
    // here assumes an idle machine. One worker: the query after a stopped one is answered only
    // if the stopped one's worker was ended and replaced.
    let dir = seed_store();
    // A time limit an honest query meets on a loaded machine (a fresh worker opens the store and
    // counts within it).
    let server = Served::start(dir.path(), "s", &["--workers", "1", "--timeout", "5s"]);
    let quads = server.select(COUNT);
    assert_eq!(quads.status, 200, "{}", quads.body);
    let start = Instant::now();
    let a = server.select(CROSS_JOIN);
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(a.body.starts_with("the query ran past its time limit of 5 s and was stopped"), "{}", a.body);
    assert!(start.elapsed() >= Duration::from_secs(5), "stopped before its limit, after {:?}", start.elapsed());
    assert_eq!(server.select(COUNT).body, quads.body, "the worker was replaced; the server answers as before");

    // A query that holds what it computes (ORDER BY sorts everything) is stopped at its memory
    // limit. The time limit is far away, so only the memory limit can stop it.
    let server = Served::start(dir.path(), "s", &["--workers", "1", "--timeout", "1h", "--max-memory", "300"]);
    let a = server.select("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?i");
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(a.body.starts_with("the query needed more than 300 MB of memory"), "{}", a.body);
    assert_eq!(server.select(COUNT).body, quads.body, "the worker was replaced; the server answers as before");
}

#[test]
fn results_over_the_size_limit_are_refused_not_cut() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &["--max-result", "1"]);
    let a = server.select("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 100000");
    assert_eq!(a.status, 503, "{}", a.body);
    assert!(a.body.contains("larger than the limit of 1048576 bytes"), "{}", a.body);
    let a =
        server.get(&format!("/query?query={}", encode("CONSTRUCT { ?a ?b ?d } WHERE { ?a ?b ?c . ?d ?e ?f }")), "*/*");
    assert_eq!(a.status, 503, "{}", a.body);
}

#[test]
fn a_query_whose_client_went_away_is_stopped() {
    let dir = seed_store();
    // One worker and a limit of an hour: had an abandoned query kept its worker, the next query
    // would wait for it past the client's minute (and get no answer), however loaded the machine.
    let server = Served::start(dir.path(), "s", &["--workers", "1", "--timeout", "1h"]);
    let quads = server.select(COUNT);
    assert_eq!(quads.status, 200, "{}", quads.body);
    for _ in 0..3 {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(stream, "GET /query?query={} HTTP/1.1\r\nHost: x\r\n\r\n", encode(CROSS_JOIN)).unwrap();
        std::thread::sleep(Duration::from_millis(500));
        stream.shutdown(Shutdown::Both).unwrap();
    }
    let a = server.select(COUNT);
    assert_eq!((a.status, &a.body), (200, &quads.body), "the abandoned queries kept the worker");
}

#[test]
fn slow_clients_do_not_block_others_and_are_dropped() {
    // Had the slow requests blocked the server, the normal one would be answered only once they
    // were dropped, after the receive timeout: answered before it, it was not blocked. The
    // timeout is long enough for a normal request on a loaded machine.
    let receive_timeout = Duration::from_secs(10);
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &["--receive-timeout", "10s"]);
    // 70 requests that never finish their head, 10 that never finish their body.
    let mut slow: Vec<TcpStream> = (0..70)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            s.write_all(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n").unwrap();
            s
        })
        .collect();
    slow.extend((0..10).map(|_| {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        s.write_all(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK").unwrap();
        s
    }));
    let start = Instant::now();
    let a = server.select("ASK { ?s a schema:Person }");
    assert_eq!((a.status, a.body.as_str()), (200, "true"));
    assert!(start.elapsed() < receive_timeout, "a normal request waited {:?}", start.elapsed());
    // After the receive timeout the slow ones are answered (408) or closed, not kept forever.
    for s in &mut slow {
        s.set_read_timeout(Some(3 * receive_timeout)).unwrap();
        let mut rest = Vec::new();
        let closed = s.read_to_end(&mut rest);
        assert!(closed.is_ok(), "a slow client was kept: {closed:?}");
        let text = String::from_utf8_lossy(&rest);
        assert!(text.is_empty() || text.starts_with("HTTP/1.1 408"), "{text}");
    }
}

#[test]
fn bodies_over_the_limit_get_413_and_are_never_run_cut_short() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &[]);
    // A form whose first megabyte is a valid query: cut at 1 MiB it would run and answer 200.
    let form = format!("query={}&padding={}", encode("ASK {}"), "x".repeat(1 << 20));
    let a = server.post_form(&form, "text/csv");
    assert_eq!(a.status, 413, "{}", a.body);
    assert!(a.body.contains("larger than 1048576 bytes"), "{}", a.body);
    // The same without Content-Length (chunked): refused as soon as it passes the limit.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .write_all(
            b"POST /query HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n\
              Transfer-Encoding: chunked\r\n\r\n",
        )
        .unwrap();
    let chunk = "y".repeat(64 << 10);
    stream
        .write_all(format!("{:x}\r\nquery={}&p=\r\n", 9 + encode("ASK {}").len(), encode("ASK {}")).as_bytes())
        .unwrap();
    for _ in 0..20 {
        if stream.write_all(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes()).is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    assert_eq!(read_answer(&mut stream).status, 413);
}

#[test]
fn articles_loaded_while_serving_are_seen() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &[]);
    let count = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }";
    assert_eq!(server.select(count).body, "n\r\n1\r\n");
    // `tupu load` writes the store while the server reads it: no lock conflict.
    let article = root().join("tests/fixtures/gold/dev-02-digital-economy.zh-Hans.txt");
    let loaded = run_in(dir.path(), &["load", article.to_str().unwrap(), "--store", "s"]);
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    let start = Instant::now();
    loop {
        let body = server.select(count).body;
        if body == "n\r\n2\r\n" {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "the new article is not seen: {body}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn the_neighbourhood_is_drawn_or_given_as_dot_without_graphviz() {
    let dir = seed_store();
    let name = encode("李家超");
    if tupu_query::http::find_graphviz().is_some() {
        let server = Served::start(dir.path(), "s", &[]);
        let a = server.get(&format!("/graph?entity={name}&depth=1"), "*/*");
        assert_eq!((a.status, a.header("content-type")), (200, Some("image/svg+xml")), "{}", a.body);
        assert!(a.body.contains("<svg") && a.body.contains("李家超"), "{}", a.body);
    }
    // Without Graphviz on the PATH: the DOT text, marked so the page can say why.
    let server = Served::start_with(dir.path(), "s", &[], |c| {
        c.env("PATH", "/nonexistent");
    });
    let a = server.get(&format!("/graph?entity={name}&depth=2"), "*/*");
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.header("x-tupu-graphviz"), Some("missing"));
    assert!(a.body.starts_with("digraph tupu {") && a.body.contains("李家超"), "{}", a.body);
    let a = server.get(&format!("/graph?entity={name}&format=svg"), "*/*");
    assert_eq!(a.status, 501);
    assert!(a.body.contains("Graphviz `dot` is not installed"), "{}", a.body);
    let a = server.get(&format!("/graph?entity={}", encode("無此人")), "*/*");
    assert_eq!(a.status, 404);
    assert!(a.body.starts_with("no person, organisation"), "{}", a.body);
    assert_eq!(server.get(&format!("/graph?entity={name}&depth=9"), "*/*").status, 400);
}

#[test]
fn the_page_is_served_from_the_binary() {
    let dir = seed_store();
    let server = Served::start(dir.path(), "s", &[]);
    let a = server.get("/", "text/html");
    assert_eq!((a.status, a.header("content-type")), (200, Some("text/html; charset=utf-8")));
    assert!(a.body.contains("<textarea") && a.body.contains("/query"), "{}", a.body);
    assert!(!a.body.contains("https://") || !a.body.contains("<script src=\"http"), "no script from elsewhere");
}

#[test]
fn the_command_line_stops_a_runaway_query_and_refuses_deep_nesting() {
    let dir = seed_store();
    // The cross join would run for days: ending at all, with this message, is the limit's doing.
    let start = Instant::now();
    let out = run_in(dir.path(), &["query", "--store", "s", "--timeout", "2s", CROSS_JOIN]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("error: the query ran past its time limit of 2 s and was stopped"),
        "{}",
        stderr(&out)
    );
    assert!(start.elapsed() >= Duration::from_secs(2), "stopped before its limit, after {:?}", start.elapsed());
    let out = run_in(
        dir.path(),
        &[
            "query",
            "--store",
            "s",
            "--max-memory",
            "200",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?i",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).starts_with("error: the query needed more than 200 MB of memory"), "{}", stderr(&out));
    let deep = format!("SELECT ({}1{} AS ?x) {{}}", "(".repeat(5000), ")".repeat(5000));
    let out = run_in(dir.path(), &["query", "--store", "s", &deep]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("nests brackets 101 deep"), "{}", stderr(&out));
    let out = run_in(dir.path(), &["query", "--store", "s", "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: tupu is read-only: INSERT is a SPARQL update"), "{}", stderr(&out));
}
