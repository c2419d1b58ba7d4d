//! The commands on the small corpus shipped with the crate (written for these tests, both
//! scripts): training is deterministic and its weights load and tag; errors exit with 2.

#![expect(clippy::unwrap_used, reason = "a test that cannot set up should stop right there, loudly")]

use std::path::PathBuf;
use std::process::Command;

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tupu-train"))
}

fn example_corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/example-names.jsonl")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tupu-train-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn train(output: &PathBuf) {
    let out = binary()
        .args(["train", "--epochs", "5", "--min-weight", "0"])
        .arg(example_corpus())
        .arg("-o")
        .arg(output)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("bytes written"));
}

#[test]
fn training_twice_writes_the_same_bytes_and_they_tag_their_corpus() {
    let (first, second) = (scratch("first.bin"), scratch("second.bin"));
    train(&first);
    train(&second);
    let bytes = std::fs::read(&first).unwrap();
    assert_eq!(bytes, std::fs::read(&second).unwrap());

    let out = binary().arg("evaluate").arg(example_corpus()).arg("--weights").arg(&first).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stdout);
    // Five passes over twelve sentences learn them: every person is found.
    let person = report.lines().find(|l| l.starts_with("person")).unwrap();
    let columns: Vec<&str> = person.split_whitespace().collect();
    assert_eq!(columns[1], columns[3], "{report}");
}

#[test]
fn bad_input_is_an_error_with_exit_code_2() {
    let missing = binary().args(["train", "no-such-corpus.jsonl", "-o"]).arg(scratch("x.bin")).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("error: "));

    let not_weights = scratch("not-weights.bin");
    std::fs::write(&not_weights, "plain text").unwrap();
    let out = binary().arg("evaluate").arg(example_corpus()).arg("--weights").arg(&not_weights).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("caused by"));
}
