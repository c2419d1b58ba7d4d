//! Annotated corpora: JSON Lines of `{"text": …, "spans": [[start, end, "PER"|"LOC"|"ORG"], …]}`,
//! spans in code points, end exclusive; gzip-compressed when the file name ends in `.gz`.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use tupu_extract::EntityKind;
use tupu_extract::normalize::fold_char;

/// One annotated text, folded to Simplified as the tagger reads it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Annotated {
    pub(crate) folded: Vec<char>,
    pub(crate) names: Vec<(usize, usize, EntityKind)>,
}

#[derive(Deserialize)]
struct Line {
    text: String,
    spans: Vec<(usize, usize, String)>,
}

/// The kind a corpus label stands for (other labels are not names the tagger learns).
pub(crate) fn kind_of(label: &str) -> Option<EntityKind> {
    match label {
        "PER" => Some(EntityKind::Person),
        "LOC" => Some(EntityKind::Place),
        "ORG" => Some(EntityKind::Organization),
        _ => None,
    }
}

/// Reads a corpus file.
pub(crate) fn read(path: &Path) -> Result<Vec<Annotated>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    parse(BufReader::new(reader)).with_context(|| format!("cannot read {}", path.display()))
}

/// Parses JSON Lines of annotated texts.
pub(crate) fn parse(reader: impl BufRead) -> Result<Vec<Annotated>> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(&line).with_context(|| format!("line {}", i + 1))?;
        let folded: Vec<char> = parsed.text.chars().map(fold_char).collect();
        let mut names = Vec::with_capacity(parsed.spans.len());
        for (start, end, label) in parsed.spans {
            if start >= end || end > folded.len() {
                bail!("line {}: span {start}..{end} outside a text of {} characters", i + 1, folded.len());
            }
            if let Some(kind) = kind_of(&label) {
                names.push((start, end, kind));
            }
        }
        out.push(Annotated { folded, names });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_folds_and_keeps_known_labels() {
        let text =
            "{\"text\": \"陳大文到訪臺北。\", \"spans\": [[0, 3, \"PER\"], [5, 7, \"LOC\"], [0, 1, \"GAME\"]]}\n\n";
        let parsed = parse(text.as_bytes()).unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].folded.iter().collect::<String>(), "陈大文到访台北。");
        assert_eq!(parsed[0].names, vec![(0, 3, EntityKind::Person), (5, 7, EntityKind::Place)]);
    }

    #[test]
    fn rejects_spans_outside_the_text() {
        let err = parse("{\"text\": \"张三\", \"spans\": [[0, 5, \"PER\"]]}".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("outside"), "{err}");
        assert!(parse("not json".as_bytes()).is_err());
    }
}
