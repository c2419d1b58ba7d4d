//! The command line on bad input: a clear message on stderr, exit code 2, never a panic.

use std::io::{Read, Write};
use std::process::Stdio;

use crate::util::{TempDir, run_in, seed, stderr, stdout, tupu};

/// Runs a failing command in `dir` and returns its stderr, checking the exit code and that
/// nothing panicked.
fn fails(dir: &TempDir, args: &[&str]) -> String {
    let out = run_in(dir.path(), args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2; stderr:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(&out).is_empty(), "nothing on stdout when failing: {}", stdout(&out));
    err
}

#[test]
fn not_utf8() {
    let dir = TempDir::new("cli");
    std::fs::write(dir.path().join("big5.txt"), b"\xa4\xa4\xa4\xe5\xb7\x73\xbb\x44").unwrap();
    insta::assert_snapshot!(fails(&dir, &["extract", "big5.txt"]));
}

#[test]
fn empty() {
    let dir = TempDir::new("cli");
    std::fs::write(dir.path().join("empty.txt"), " \n\n ").unwrap();
    insta::assert_snapshot!(fails(&dir, &["extract", "empty.txt"]));
}

#[test]
fn binary() {
    let dir = TempDir::new("cli");
    std::fs::write(dir.path().join("image.txt"), b"PK\x03\x04\x00\x00\x00\x08\x00abc").unwrap();
    insta::assert_snapshot!(fails(&dir, &["extract", "image.txt"]));
}

#[test]
fn directory() {
    let dir = TempDir::new("cli");
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    insta::assert_snapshot!(fails(&dir, &["extract", "articles"]));
}

#[test]
fn huge_file() {
    let dir = TempDir::new("cli");
    // Sparse: the size is checked before anything is read.
    let f = std::fs::File::create(dir.path().join("dump.txt")).unwrap();
    f.set_len(64 * 1024 * 1024).unwrap();
    insta::assert_snapshot!(fails(&dir, &["extract", "dump.txt"]));
}

#[test]
fn missing_file() {
    let dir = TempDir::new("cli");
    let err = fails(&dir, &["extract", "nowhere.txt"]);
    assert!(err.starts_with("error: cannot read nowhere.txt as an article\n"), "{err}");
}

#[test]
fn malformed_sparql() {
    let dir = TempDir::new("cli");
    insta::assert_snapshot!(fails(&dir, &["query", "SELECT ?x WHERE { ?x a }"]));
}

#[test]
fn bad_date() {
    let dir = TempDir::new("cli");
    insta::assert_snapshot!(fails(&dir, &["extract", "a.txt", "--published", "2025-02-30"]));
}

#[test]
fn bad_currency_and_unknown_format() {
    let dir = TempDir::new("cli");
    let err = fails(&dir, &["extract", "a.txt", "--currency", "dollars"]);
    assert!(err.contains("not an ISO 4217 currency code"), "{err}");
    let (seed, _) = seed();
    let err = fails(&dir, &["extract", seed.to_str().unwrap(), "-o", "out.json"]);
    assert!(err.contains("cannot tell the output format from out.json"), "{err}");
    assert!(!dir.path().join("out.json").exists());
}

#[test]
fn no_store_yet() {
    let dir = TempDir::new("cli");
    insta::assert_snapshot!(fails(&dir, &["query", "--store", "missing-store", "SELECT * WHERE { ?s ?p ?o }"]));
}

#[test]
fn one_bad_article_does_not_stop_a_load() {
    let dir = TempDir::new("cli");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::copy(seed().0, articles.join("a.txt")).unwrap();
    std::fs::write(articles.join("b.txt"), b"\xff\xfe").unwrap();
    let out = run_in(dir.path(), &["load", "articles", "--store", "store"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("loaded 1 article into store"), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("error: articles/b.txt was not loaded") && err.contains("1 of 2 articles"), "{err}");
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in ["extract", "load", "query", "export", "dot", "push", "serve"] {
        let out = tupu().args([sub, "--help"]).output().unwrap();
        assert!(out.status.success(), "{sub}");
        let help = stdout(&out);
        assert!(help.contains("Examples:") && help.contains(&format!("tupu {sub}")), "{sub}:\n{help}");
    }
    let out = tupu().output().unwrap();
    assert_eq!(out.status.code(), Some(2), "no subcommand is a usage error");
}

#[test]
fn standard_input_and_text_format() {
    let (seed, _) = seed();
    let mut child = tupu()
        .args(["extract", "-", "--format", "text", "--published", "2025-04-15"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read(&seed).unwrap()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(
        stdout(&out).starts_with("ARTICLE script=zh-Hant region=HongKong published=2025-04-15"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let (seed, _) = seed();
    let seed = seed.to_str().unwrap().to_owned();
    // Enough copies that the output overflows the pipe before the reader goes away.
    let args: Vec<&str> = std::iter::once("extract")
        .chain(std::iter::repeat_n(seed.as_str(), 40))
        .chain(["--format", "ntriples"])
        .collect();
    let mut child = tupu().args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut first = [0u8; 16];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn output_format_follows_the_extension() {
    let dir = TempDir::new("cli");
    let (seed, _) = seed();
    let seed = seed.to_str().unwrap();
    for (name, first) in [
        ("g.nt", "<https://w3id.org/tupu/"),
        ("g.nq", "<https://w3id.org/tupu/"),
        ("g.ttl", "@prefix"),
        ("g.trig", "@prefix"),
        ("g.txt", "ARTICLE "),
    ] {
        let out = run_in(dir.path(), &["extract", seed, "-o", name]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.starts_with(first), "{name}: {}", &text[..text.len().min(200)]);
    }
    let nq = std::fs::read_to_string(dir.path().join("g.nq")).unwrap();
    assert!(nq.lines().all(|l| l.ends_with("> .")), "every N-Quad names its graph");
}

#[cfg(unix)]
#[test]
fn writing_to_a_pipe_writes_to_it_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    // A named pipe stands for any device (`-o /dev/null`): renaming a file over it would replace it.
    let dir = TempDir::new("cli");
    let fifo = dir.path().join("out.nt");
    if !std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        return;
    }
    let reader = std::thread::spawn({
        let fifo = fifo.clone();
        move || std::fs::read_to_string(fifo).unwrap()
    });
    let (seed, _) = seed();
    let out = run_in(dir.path(), &["extract", seed.to_str().unwrap(), "-o", "out.nt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(reader.join().unwrap().lines().count() > 1000, "the N-Triples went through the pipe");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe is still a pipe");
}
