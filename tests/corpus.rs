//! Loading a corpus: JSON Lines (plain and gzip), folders, manifests, per-article dates and
//! provenance, reloading, listing and removing articles, the summary, and what the store gives
//! back being what `tupu extract` writes.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use crate::util::{TempDir, root, run_in, seed, stderr, stdout, tupu};

/// Three short articles written for these tests, in both scripts.
fn jsonl() -> String {
    [
        r#"{"id": "t-1", "published": "2024-01-10", "url": "https://example.org/t/1", "title": "市政府公布新計劃", "text": "市政府公布新計劃\n\n運輸署署長周文傑昨日表示，政府將投資30億元改善道路。"}"#,
        r#"{"id": "t-2", "published": "2024-02-20", "text": "新公园下月开放\n\n园林局局长刘建华20日说，新公园面积约5公顷。"}"#,
        r#"{"id": "t-3", "text": "議員提出兩點建議\n\n議員黃嘉欣提出兩點建議：一是增加車位，二是延長服務時間。"}"#,
    ]
    .join("\n")
        + "\n"
}

fn write(dir: &TempDir, name: &str, content: impl AsRef<[u8]>) -> String {
    let path = dir.path().join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, content).unwrap();
    name.to_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn ok(dir: &TempDir, args: &[&str]) -> String {
    let out = run_in(dir.path(), args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn articles_tsv(dir: &TempDir) -> Vec<String> {
    ok(dir, &["articles", "--store", "s", "--format", "tsv"]).lines().skip(1).map(str::to_owned).collect()
}

#[test]
fn json_lines_load_with_their_dates_ids_and_urls_and_list_in_date_order() {
    let dir = TempDir::new("corpus");
    write(&dir, "c/news.jsonl.gz", gzip(jsonl().as_bytes()));
    let out = ok(&dir, &["load", "c", "--store", "s", "--published", "2023-12-31"]);
    assert!(out.contains("c/news.jsonl.gz:1 (t-1): "), "{out}");
    assert!(out.contains("loaded 3 articles into s in "), "{out}");
    let listed = articles_tsv(&dir);
    assert_eq!(listed.len(), 3);
    // An article's own date wins; --published is for those without one.
    assert!(listed[0].starts_with("t-3\t議員提出兩點建議\t2023-12-31\t"), "{listed:?}");
    assert!(listed[1].starts_with("t-1\t市政府公布新計劃\t2024-01-10\t"), "{listed:?}");
    assert!(listed[2].starts_with("t-2\t新公园下月开放\t2024-02-20\t"), "{listed:?}");
    let q = "SELECT ?id ?url WHERE { ?d schema:identifier ?id ; schema:url ?url }";
    assert_eq!(ok(&dir, &["query", "--store", "s", "--format", "csv", q]), "id,url\r\nt-1,https://example.org/t/1\r\n");
    // 昨日 resolves against the article's own date.
    let events = ok(&dir, &["articles", "--store", "s", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&events).unwrap();
    assert_eq!(json[1]["url"], "https://example.org/t/1");
    assert_eq!(json[1]["published"], "2024-01-10");
}

#[test]
fn reloading_replaces_and_a_new_text_under_an_id_replaces_the_old_one() {
    let dir = TempDir::new("corpus");
    write(&dir, "news.jsonl", jsonl());
    ok(&dir, &["load", "news.jsonl", "--store", "s"]);
    let first = articles_tsv(&dir);
    ok(&dir, &["load", "news.jsonl", "--store", "s"]);
    assert_eq!(articles_tsv(&dir), first, "the same corpus again changes nothing");
    let corrected = jsonl().replace("新公园下月开放", "新公园本月开放");
    write(&dir, "news.jsonl", corrected);
    ok(&dir, &["load", "news.jsonl", "--store", "s"]);
    let after = articles_tsv(&dir);
    assert_eq!(after.len(), 3, "{after:?}");
    assert!(after[1].starts_with("t-2\t新公园本月开放\t"), "{after:?}");
    let count = ok(
        &dir,
        &[
            "query",
            "--store",
            "s",
            "--format",
            "csv",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }",
        ],
    );
    assert_eq!(count, "n\r\n3\r\n");
}

#[test]
fn a_bad_record_is_reported_and_skipped() {
    let dir = TempDir::new("corpus");
    let bad = format!(
        "{}{}\n{}\n",
        jsonl(),
        r#"{"id": "t-4", "published": "2024-2-30", "text": "日期錯誤的文章。"}"#,
        r#"{"id": "t-5", "text": "有\u0000字元的文章。"}"#
    );
    write(&dir, "news.jsonl", bad);
    let out = run_in(dir.path(), &["load", "news.jsonl", "--store", "s", "--quiet"]);
    assert_eq!(out.status.code(), Some(2));
    let (out_text, err) = (stdout(&out), stderr(&out));
    assert!(!out_text.contains("news.jsonl:1"), "--quiet prints no line per article: {out_text}");
    assert!(
        out_text.contains("loaded 3 articles") && out_text.contains("2 articles could not be loaded"),
        "{out_text}"
    );
    assert!(err.contains("error: news.jsonl:4 (t-4) was not loaded"), "{err}");
    assert!(err.contains("\"2024-2-30\" is not a date of the form YYYY-MM-DD"), "{err}");
    assert!(err.contains("error: news.jsonl:5 (t-5) was not loaded") && err.contains("NUL"), "{err}");
    assert!(err.ends_with("2 of 5 articles could not be loaded\n"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_summary_as_json() {
    let dir = TempDir::new("corpus");
    write(&dir, "news.jsonl", jsonl() + "not json\n");
    let out = run_in(dir.path(), &["load", "news.jsonl", "--store", "s", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let summary: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(summary["articles"], 3);
    assert_eq!(summary["failed"], 1);
    assert_eq!(summary["errors"][0]["source"], "news.jsonl:4");
    assert!(summary["errors"][0]["error"].as_str().unwrap().contains("not a JSON object"));
    assert!(summary["quads"].as_u64().unwrap() > 50);
    assert_eq!(summary["store_holds"]["articles"], 3);
    assert_eq!(summary["store_holds"]["quads"], summary["quads"]);
    assert!(summary["text_bytes"].as_u64().unwrap() > 100);
    assert!(summary["seconds"].as_f64().unwrap() > 0.0 && summary["mb_per_second"].is_number());
}

#[test]
fn a_manifest_dates_plain_files() {
    let dir = TempDir::new("corpus");
    write(&dir, "a/one.txt", "市政府公布新計劃\n\n運輸署署長周文傑昨日表示，政府將投資30億元改善道路。\n");
    write(&dir, "a/two.txt", "新公园下月开放\n\n园林局局长刘建华20日说，新公园面积约5公顷。\n");
    write(&dir, "m.tsv", "# dates\na/one.txt\t2024-05-01\tone\thttps://example.org/one\n");
    ok(&dir, &["load", "a", "--manifest", "m.tsv", "--store", "s"]);
    let listed = articles_tsv(&dir);
    assert!(listed[0].starts_with("one\t市政府公布新計劃\t2024-05-01\t"), "{listed:?}");
    assert!(listed[1].contains("\t新公园下月开放\t\t"), "no manifest line, no date: {listed:?}");
    // A broken manifest stops the run before anything is read.
    write(&dir, "bad.tsv", "a/one.txt\t2024-05-01\na/one.txt\t2024-05-02\n");
    let out = run_in(dir.path(), &["load", "a", "--manifest", "bad.tsv", "--store", "s2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.tsv:2: a/one.txt is listed twice (first on line 1)"), "{}", stderr(&out));
    assert!(!dir.path().join("s2").exists());
}

#[test]
fn remove_takes_articles_out_all_or_none() {
    let dir = TempDir::new("corpus");
    write(&dir, "news.jsonl", jsonl());
    ok(&dir, &["load", "news.jsonl", "--store", "s"]);
    let out = run_in(dir.path(), &["remove", "t-1", "nothing-like-it", "--store", "s"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("holds no article nothing-like-it") && stderr(&out).contains("nothing was removed"));
    assert_eq!(articles_tsv(&dir).len(), 3);
    let removed = ok(&dir, &["remove", "t-1", "t-2", "--store", "s"]);
    assert!(removed.starts_with("removed 2 articles ("), "{removed}");
    let left = articles_tsv(&dir);
    assert_eq!(left.len(), 1);
    // An article without an id is named by the hash that ends its IRI.
    write(&dir, "x.txt", "另一篇沒有編號的文章。");
    ok(&dir, &["load", "x.txt", "--store", "s"]);
    let hash = articles_tsv(&dir).into_iter().find(|l| l.contains("另一篇")).unwrap();
    let hash = hash.split('\t').next().unwrap().to_owned();
    assert_eq!(hash.len(), 16, "{hash}");
    ok(&dir, &["remove", &hash, "--store", "s"]);
    assert_eq!(articles_tsv(&dir), left);
    // …or by its IRI as tupu prints it (doc:HASH), as export, dot and push take it.
    ok(&dir, &["load", "x.txt", "--store", "s"]);
    ok(&dir, &["remove", &format!("doc:{hash}"), "--store", "s"]);
    assert_eq!(articles_tsv(&dir), left);
}

#[test]
fn the_store_gives_back_what_extract_writes() {
    let dir = TempDir::new("corpus");
    write(&dir, "news.jsonl", jsonl());
    let (seed, _) = seed();
    let seed = seed.to_str().unwrap();
    let extracted = ok(&dir, &["extract", "news.jsonl", seed, "--published", "2025-04-15", "--format", "nquads"]);
    ok(&dir, &["load", "news.jsonl", seed, "--published", "2025-04-15", "--store", "s"]);
    let stored = ok(&dir, &["export", "--store", "s", "--format", "nquads"]);
    // Both are sorted N-Quads: the same bytes once the articles' lines are in one order.
    let sorted = |nq: &str| {
        let mut lines: Vec<&str> = nq.lines().collect();
        lines.sort_unstable();
        lines.join("\n")
    };
    assert!(stored.lines().count() > 2000);
    assert_eq!(sorted(&stored), sorted(&extracted));
    assert!(
        extracted.contains("<http://www.w3.org/2001/XMLSchema#integer>") && !extracted.contains("nonNegativeInteger")
    );
}

#[test]
fn the_shipped_samples_load() {
    let dir = TempDir::new("corpus");
    let samples = root().join("samples");
    let s = |p: &str| samples.join(p).to_str().unwrap().to_owned();
    let out = ok(&dir, &["load", &s("news.jsonl"), &s("plain"), "--manifest", &s("manifest.tsv"), "--store", "s"]);
    assert!(out.contains("loaded 5 articles"), "{out}");
    let listed = articles_tsv(&dir);
    let ids: Vec<&str> = listed.iter().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(ids, ["news-0001", "news-0002", "news-0003", "plain-harbour", "plain-rail"]);
}

#[test]
fn a_second_writer_is_told_another_tupu_holds_the_store() {
    let dir = TempDir::new("corpus");
    // The first load holds the store while it waits for its article on standard input.
    let mut first = tupu()
        .current_dir(dir.path())
        .args(["load", "-", "--store", "s", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lock = dir.path().join("s/LOCK");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !lock.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // Wait until the store is open (its files are there), then try a second writer.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let second = run_in(dir.path(), &["load", seed().0.to_str().unwrap(), "--store", "s"]);
    assert_eq!(second.status.code(), Some(2));
    let err = stderr(&second);
    assert!(
        err.contains("another process (another `tupu load` or `tupu remove`) is writing to the store at s"),
        "{err}"
    );
    first.stdin.take().unwrap().write_all("市政府公布新計劃。".as_bytes()).unwrap();
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
}

#[test]
fn stores_are_made_where_asked_and_nowhere_else() {
    let dir = TempDir::new("corpus");
    let (seed, _) = seed();
    let seed = seed.to_str().unwrap();
    ok(&dir, &["load", seed, "--store", "a/missing/dir", "--quiet"]);
    assert!(dir.path().join("a/missing/dir/CURRENT").is_file());
    write(&dir, "notes.txt", "a file, not a store");
    for args in [
        vec!["query", "--store", "notes.txt", "ASK { ?s ?p ?o }"],
        vec!["load", seed, "--store", "notes.txt"],
        vec!["load", seed, "--store", "a"],
    ] {
        let out = run_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(!err.contains("tupu load ARTICLES --store"), "no store is suggested among other files: {err}");
        assert!(
            err.contains("is a file, not a store") || err.contains("is a directory of other files, not a store"),
            "{err}"
        );
    }
    let missing = run_in(dir.path(), &["query", "--store", "nowhere", "ASK { ?s ?p ?o }"]);
    assert!(
        stderr(&missing).contains("load articles to make one: tupu load ARTICLES --store DIR"),
        "{}",
        stderr(&missing)
    );
    assert!(!dir.path().join("nowhere").exists());
}

#[test]
fn what_is_not_a_regular_file_is_refused_without_waiting() {
    let dir = TempDir::new("corpus");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        // Nobody writes to the pipe: opening it to read would wait forever.
        let out = run_in(dir.path(), &["extract", "pipe.txt"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("it is a named pipe (FIFO), not a regular file"), "{}", stderr(&out));
        // In a folder too: reported and skipped.
        let out = run_in(dir.path(), &["load", ".", "--store", "s"]);
        assert!(stderr(&out).contains("pipe.txt was not loaded"), "{}", stderr(&out));
    }
    if Path::new("/dev/zero").exists() {
        let out = run_in(dir.path(), &["extract", "/dev/zero"]);
        assert!(stderr(&out).contains("it is a character device, not a regular file"), "{}", stderr(&out));
        let zero = std::fs::File::open("/dev/zero").unwrap();
        let out = tupu().current_dir(dir.path()).args(["extract", "-"]).stdin(zero).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("larger than 8 MiB"), "{}", stderr(&out));
    }
}

#[test]
fn non_text_is_named() {
    let dir = TempDir::new("corpus");
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("市政府公布新計劃。".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    write(&dir, "utf16.txt", utf16);
    // 「市政府公布新计划」 in GB18030, and a GB18030 four-byte sequence.
    write(&dir, "gb.txt", b"\xca\xd0\xd5\xfe\xb8\xae\xb9\xab\xb2\xbc\xd0\xc2\xbc\xc6\xbb\xae\x94\x39\xfc\x36");
    std::fs::copy(env!("CARGO_BIN_EXE_tupu"), dir.path().join("tupu.txt")).unwrap();
    write(&dir, "late-nul.txt", format!("{}\0", "政府".repeat(40_000)));
    for (file, says) in [
        (
            "utf16.txt",
            "this is UTF-16 (little-endian, with a byte-order mark) text, not UTF-8; convert it first: iconv -f UTF-16 -t UTF-8",
        ),
        ("gb.txt", "it looks like GB18030 (or GBK, GB2312) (a guess from its byte patterns)"),
        ("tupu.txt", "this is an ELF executable or shared library, not text"),
        ("late-nul.txt", "it contains a NUL character"),
    ] {
        let out = run_in(dir.path(), &["extract", file]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(stderr(&out).contains(says), "{file}: {}", stderr(&out));
    }
}

#[test]
fn validation_is_strict_and_says_what_it_wants() {
    let dir = TempDir::new("corpus");
    let (seed, _) = seed();
    let seed = seed.to_str().unwrap();
    for (flag, value, says) in [
        ("--currency", "XYZ", "\"XYZ\" is not an ISO 4217 currency code"),
        ("--published", "2025-2-3", "\"2025-2-3\" is not a date of the form YYYY-MM-DD"),
        ("--published", " 2025-02-03", "is not a date of the form YYYY-MM-DD"),
        ("--published", "0001-01-01", "\"0001-01-01\" has a year outside 1800–2100"),
    ] {
        let out = run_in(dir.path(), &["extract", seed, flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        assert!(stderr(&out).contains(says), "{flag} {value}: {}", stderr(&out));
    }
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = run_in(dir.path(), &["extract", seed, "-o", "out"]);
    assert_eq!(stderr(&out), "error: out is a directory; give a file name to write\n");
    assert!(ok(&dir, &["extract", seed, "--currency", "usd"]).contains("\"USD\""));
}
