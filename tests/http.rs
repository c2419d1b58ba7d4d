//! The SPARQL 1.1 Protocol end to end: `tupu serve` on an ephemeral port, queried over TCP.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::util::{TempDir, run_in, seed, tupu};

/// The server process, stopped when dropped (it serves until killed).
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Sends one request and returns (status line, body).
fn request(port: u16, head: &str, body: &str) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(stream, "{head}\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}", body.len())
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (headers, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (headers.lines().next().unwrap_or("").to_owned(), body.to_owned())
}

fn encode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") }).collect()
}

#[test]
fn serve_answers_sparql_over_http() {
    let dir = TempDir::new("http");
    let (seed, _) = seed();
    assert!(run_in(dir.path(), &["load", seed.to_str().unwrap(), "--store", "s"]).status.success());
    // An ephemeral port: bound by the OS, released, then given to the server.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = tupu()
        .current_dir(dir.path())
        .args(["serve", "--store", "s", "--bind", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(child);
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(30), "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }

    let query = "SELECT ?lang WHERE { ?d a schema:NewsArticle ; schema:inLanguage ?lang }";
    let (status, body) = request(port, &format!("GET /query?query={} HTTP/1.1\r\nAccept: text/csv", encode(query)), "");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(body, "lang\r\nzh-Hant\r\n");

    let (status, body) = request(port, "POST /query HTTP/1.1\r\nContent-Type: application/sparql-query", query);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("\"zh-Hant\"") && body.contains("\"head\""), "JSON by default: {body}");

    let form = format!("query={}", encode("ASK { ?d a schema:NewsArticle }"));
    let (status, body) = request(
        port,
        "POST /query HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: application/sparql-results+xml",
        &form,
    );
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("<boolean>true</boolean>"), "{body}");

    let (status, body) =
        request(port, &format!("GET /query?query={} HTTP/1.1", encode("SELECT ?x WHERE { ?x a }")), "");
    assert_eq!(status, "HTTP/1.1 400 Bad Request");
    assert!(body.starts_with("invalid SPARQL query:"), "{body}");
}
