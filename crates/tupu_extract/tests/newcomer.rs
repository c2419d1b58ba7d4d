//! docs/new-recogniser.md promises that a word the lexicons lack is one line in one data file.
//! Each test here does what the guide says once — appends one line to a copy of one file — and
//! checks that the extractor then finds what it could not before. The sentences are made up.

#![expect(clippy::unwrap_used, reason = "a test that cannot set up should stop right there, loudly")]

use std::path::{Path, PathBuf};

use tupu_extract::{Article, ArticleOptions, Extractor, Lexicons};

/// A fresh directory holding one data file: the embedded version with `line` appended.
fn with_line(file: &str, line: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tupu-newcomer-{}-{}", std::process::id(), file));
    std::fs::create_dir_all(&dir).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(file);
    let mut text = std::fs::read_to_string(&data).unwrap();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    std::fs::write(dir.join(file), text).unwrap();
    dir
}

/// The extraction's readable rendering with the lexicons of `dir` (or the embedded ones).
fn rendering(dir: Option<&Path>, text: &str) -> String {
    let article = Article::parse(text, ArticleOptions::default()).unwrap();
    match dir {
        Some(dir) => {
            let lexicons = Lexicons::from_dir(dir).unwrap();
            Extractor::with_lexicons(&lexicons).extract(&article).render(text)
        }
        None => Extractor::new().extract(&article).render(text),
    }
}

/// The guide's table names files that exist.
#[test]
fn the_guide_names_files_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(root.join("../../docs/new-recogniser.md")).unwrap();
    let mut named = 0;
    for part in guide.split('`') {
        if let Some(name) = part.strip_suffix(".tsv").filter(|n| !n.contains([' ', '/', '<'])) {
            assert!(root.join("data").join(format!("{name}.tsv")).exists(), "the guide names {name}.tsv");
            named += 1;
        }
    }
    assert!(named >= 9, "{named}");
}

#[test]
fn a_title_is_one_line_of_titles_tsv() {
    let sentence = "本園護林長陳大文昨日宣布新計劃。";
    assert!(!rendering(None, sentence).contains("title=護林長"));
    let dir = with_line("titles.tsv", "護林長\tpost");
    let after = rendering(Some(&dir), sentence);
    assert!(after.contains("PERSON 陳大文") && after.contains("title=護林長"), "{after}");
}

#[test]
fn a_public_body_and_its_abbreviation_are_one_line_of_public_bodies_tsv() {
    let sentence = "海豚保育署今日公布，藍海辦會加強巡查。";
    assert!(!rendering(None, sentence).contains("ORG 海豚保育署 mentions=2"));
    let dir =
        with_line("public_bodies.tsv", "海豚保育署\torg\tdepartment\t藍海辦\tDolphin Conservation Department\tHK");
    let after = rendering(Some(&dir), sentence);
    assert!(after.contains("ORG 海豚保育署 mentions=2"), "{after}");
}

#[test]
fn a_speech_verb_is_one_line_of_speech_verbs_tsv() {
    let sentence = "發展局局長陳大文嘆道，房屋問題仍然嚴峻。";
    let dir = with_line("speech_verbs.tsv", "嘆道");
    let before = rendering(None, sentence);
    let after = rendering(Some(&dir), sentence);
    assert!(!before.contains("STATEMENT"), "{before}");
    assert!(after.contains("STATEMENT") && after.contains("房屋問題仍然嚴峻"), "{after}");
}
