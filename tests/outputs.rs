//! What tupu writes for other tools, through the command line: DOT neighbourhoods, and the
//! exports for graph tools.

use std::path::Path;

use crate::util::{TempDir, root, run_in, stderr, stdout};

/// A store of the seed and the four development articles (in both scripts), in `dir/store`.
fn five_articles(dir: &Path) {
    let mut args = vec!["load".to_owned(), "--store".to_owned(), "store".to_owned()];
    args.push(root().join("seeds").to_string_lossy().into_owned());
    for entry in std::fs::read_dir(root().join("tests/fixtures/gold")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            args.push(path.to_string_lossy().into_owned());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run_in(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run_in(dir, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Node ids and edges of a DOT file, the legend left out.
fn nodes_and_edges(dot: &str) -> (Vec<String>, Vec<(String, String)>) {
    let nodes = dot
        .lines()
        .filter_map(|l| l.trim().split_once(" [label=").map(|(id, _)| id.to_owned()))
        .filter(|id| !id.starts_with("legend") && !id.contains("->"))
        .collect();
    let edges = dot
        .lines()
        .filter_map(|l| {
            let (a, rest) = l.trim().split_once(" -> ")?;
            Some((a.to_owned(), rest.split_once(' ')?.0.to_owned()))
        })
        .filter(|(a, _)| !a.starts_with("legend"))
        .collect();
    (nodes, edges)
}

#[test]
fn dot_leaves_out_unconnected_entities_unless_asked() {
    let dir = TempDir::new("outputs");
    five_articles(dir.path());
    let (nodes, edges) = nodes_and_edges(&ok(dir.path(), &["dot", "--store", "store"]));
    assert!(nodes.len() > 50, "{}", nodes.len());
    for n in &nodes {
        assert!(edges.iter().any(|(a, b)| a == n || b == n), "{n} is unconnected");
    }
    let (all, all_edges) = nodes_and_edges(&ok(dir.path(), &["dot", "--store", "store", "--isolated"]));
    assert!(all.len() > nodes.len());
    assert_eq!(all_edges.len(), edges.len());
    // One edge per relation: no pair of nodes is linked twice by the same kind of line and label.
    let dot = ok(dir.path(), &["dot", "--store", "store"]);
    let mut lines: Vec<&str> = dot.lines().filter(|l| l.contains(" -> n")).collect();
    let before = lines.len();
    lines.sort_unstable();
    lines.dedup();
    assert_eq!(lines.len(), before);
}

#[test]
fn dot_around_an_entity_by_either_script_or_iri_and_around_an_article() {
    let dir = TempDir::new("outputs");
    five_articles(dir.path());
    let traditional = ok(dir.path(), &["dot", "--store", "store", "--around", "莊榮文", "--script", "hant"]);
    let simplified = ok(dir.path(), &["dot", "--store", "store", "--around", "庄荣文", "--script", "hant"]);
    let by_iri = ok(dir.path(), &["dot", "--store", "store", "--around", "id:person\\/庄荣文", "--script", "hant"]);
    assert_eq!(traditional, simplified);
    assert_eq!(traditional, by_iri);
    assert!(
        traditional.contains("label=\"國家互聯網信息辦公室\"") || traditional.contains("label=\"國家網信辦\""),
        "{traditional}"
    );
    let (near, _) = nodes_and_edges(&traditional);
    let (far, _) = nodes_and_edges(&ok(dir.path(), &["dot", "--store", "store", "--around", "莊榮文", "--depth", "2"]));
    assert!(far.len() > near.len(), "{} {}", far.len(), near.len());
    let hans = ok(dir.path(), &["dot", "--store", "store", "--around", "莊榮文", "--script", "hans"]);
    assert!(hans.contains("label=\"庄荣文\"") && !hans.contains("莊榮文"), "{hans}");
    // One article, by the id `tupu query` prints.
    let doc = ok(
        dir.path(),
        &["query", "--store", "store", "SELECT ?d WHERE { ?d schema:headline ?h FILTER(CONTAINS(?h, \"亞太峰會\")) }"],
    );
    let doc = doc.lines().nth(2).unwrap().trim().to_owned();
    assert!(doc.starts_with("doc:"), "{doc}");
    let (article, _) = nodes_and_edges(&ok(dir.path(), &["dot", "--store", "store", "--article", &doc]));
    let (whole, _) = nodes_and_edges(&ok(dir.path(), &["dot", "--store", "store"]));
    assert!(!article.is_empty() && article.len() < whole.len());
    // Unknown entity or article: a clear error, exit 2, no file written.
    for args in [&["--around", "無此人"][..], &["--article", "doc:0000000000000000"], &["--article", "seed.txt"]] {
        let mut all = vec!["dot", "--store", "store", "-o", "x.dot"];
        all.extend_from_slice(args);
        let out = run_in(dir.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("error: "), "{}", stderr(&out));
        assert!(!dir.path().join("x.dot").exists());
    }
}

#[test]
fn export_writes_json_ld_graphml_and_csv_and_refuses_what_it_does_not_know() {
    let dir = TempDir::new("outputs");
    five_articles(dir.path());
    let d = dir.path();
    for args in [
        &["-o", "all.json"][..],
        &["-o", "all"],
        &["--format", "xml"],
        &["--format", "csv"],
        &["--format", "csv", "-o", "all.ttl"],
    ] {
        std::fs::write(d.join("all.ttl"), "").unwrap();
        let mut all = vec!["export", "--store", "store"];
        all.extend_from_slice(args);
        let out = run_in(d, &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        assert!(stdout(&out).is_empty() && stderr(&out).starts_with("error: "), "{args:?}: {}", stderr(&out));
        assert!(!d.join("all.json").exists() && !d.join("all").exists());
    }
    // JSON-LD: one JSON document holding every article's named graph.
    ok(d, &["export", "--store", "store", "-o", "all.jsonld"]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("all.jsonld")).unwrap()).unwrap();
    let graphs = json.as_array().unwrap();
    assert_eq!(graphs.len(), 5, "one named graph per article");
    assert!(
        graphs
            .iter()
            .all(|g| g["@id"].as_str().unwrap().starts_with("https://w3id.org/tupu/doc/") && g["@graph"].is_array())
    );
    // GraphML and the two CSV flavours describe the same network.
    ok(d, &["export", "--store", "store", "-o", "net.graphml"]);
    ok(d, &["export", "--store", "store", "--format", "csv", "-o", "gephi"]);
    ok(d, &["export", "--store", "store", "--format", "neo4j", "-o", "neo4j", "--script", "hans"]);
    let lines = |f: &str| std::fs::read_to_string(d.join(f)).unwrap().lines().count() - 1;
    let graphml = std::fs::read_to_string(d.join("net.graphml")).unwrap();
    assert_eq!(graphml.matches("<node ").count(), lines("gephi/nodes.csv"));
    assert_eq!(graphml.matches("<edge ").count(), lines("gephi/edges.csv"));
    assert_eq!(lines("neo4j/nodes.csv"), lines("gephi/nodes.csv"));
    assert_eq!(lines("neo4j/relationships.csv"), lines("gephi/edges.csv"));
    let neo4j = std::fs::read_to_string(d.join("neo4j/relationships.csv")).unwrap();
    assert!(neo4j.starts_with(":START_ID,:END_ID,:TYPE,") && neo4j.contains(",HOLDS_POST,副主席,"), "{neo4j}");
    // One article only.
    let doc = ok(
        d,
        &["query", "--store", "store", "SELECT ?d WHERE { ?d schema:inLanguage \"zh-Hans\" } ORDER BY ?d LIMIT 1"],
    );
    let doc = doc.lines().nth(2).unwrap().trim().to_owned();
    ok(d, &["export", "--store", "store", "--article", &doc, "-o", "one.nq"]);
    let one = std::fs::read_to_string(d.join("one.nq")).unwrap();
    let graph = format!("<https://w3id.org/tupu/doc/{}> .", doc.trim_start_matches("doc:"));
    assert!(!one.is_empty() && one.lines().all(|l| l.ends_with(&graph)), "{doc}");
}
