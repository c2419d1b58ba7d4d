//! The lexicon file format: UTF-8, one entry per line, tab-separated columns, `#` comments.

use std::path::PathBuf;

use thiserror::Error;

/// A malformed lexicon line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{}:{line}: {message}", path.display())]
pub struct LexiconError {
    /// The file (for embedded lexicons, its name under `data/`).
    pub path: PathBuf,
    /// 1-based line number (0 when the file itself could not be read).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// One non-comment line of a lexicon: its columns and where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The file (its name under `data/`).
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// Columns, trimmed; empty columns are empty strings.
    pub columns: Vec<String>,
}

impl Row {
    /// Column `i`, or `""` when the line is shorter.
    #[must_use]
    pub fn get(&self, i: usize) -> &str {
        self.columns.get(i).map_or("", String::as_str)
    }

    /// Column `i` split on `|` into its non-empty parts (alias lists).
    #[must_use]
    pub fn list(&self, i: usize) -> Vec<&str> {
        self.get(i).split('|').map(str::trim).filter(|s| !s.is_empty()).collect()
    }

    /// An error at this line.
    #[must_use]
    pub fn error(&self, message: String) -> LexiconError {
        LexiconError { path: PathBuf::from(self.file), line: self.line, message }
    }

    /// Column `i` read as one of a closed set of words (`post`, `office`…), each standing for a
    /// value; `what` names the column in the error for any other word.
    ///
    /// # Errors
    /// A word that is none of `choices`.
    pub fn one_of<T: Copy>(&self, i: usize, what: &str, choices: &[(&str, T)]) -> Result<T, LexiconError> {
        let word = self.get(i);
        choices.iter().find(|(w, _)| *w == word).map(|(_, v)| *v).ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(w, _)| if w.is_empty() { "(empty)" } else { *w }).collect();
            self.error(format!("unknown {what} '{word}' (one of: {})", names.join(", ")))
        })
    }
}

/// Parses a lexicon file: skips blank lines and `#` comments, requires `min_columns` non-empty
/// leading columns on every line.
///
/// # Errors
/// The first line with fewer columns than required, or with a stray space where a tab belongs.
pub(crate) fn parse(path: &'static str, text: &str, min_columns: usize) -> Result<Vec<Row>, LexiconError> {
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
            continue;
        }
        let columns: Vec<String> = trimmed.split('\t').map(|c| c.trim().to_owned()).collect();
        let error = |message: String| LexiconError { path: PathBuf::from(path), line, message };
        if columns.iter().take(min_columns).any(String::is_empty) || columns.len() < min_columns {
            return Err(error(format!(
                "expected at least {min_columns} tab-separated columns, found {}",
                columns.len()
            )));
        }
        if columns[0].contains(' ') && !columns[0].chars().any(|c| c.is_ascii_alphabetic()) {
            return Err(error(format!("'{}' contains a space; columns are separated by tabs", columns[0])));
        }
        rows.push(Row { file: path, line, columns });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_columns_and_skips_comments() {
        let rows = parse("t.tsv", "# name\tkind\n\n局長\tpost\n主席\tpost\tx|y\n", 2).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].get(0), "主席");
        assert_eq!(rows[1].list(2), vec!["x", "y"]);
        assert_eq!(rows[0].get(5), "");
    }

    #[test]
    fn a_closed_column_names_its_choices() {
        let rows = parse("t.tsv", "局長\tboss\n", 2).unwrap();
        let err = rows[0].one_of(1, "title kind", &[("post", 1), ("office", 2)]).unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:1: unknown title kind 'boss' (one of: post, office)");
        let rows = parse("t.tsv", "局長\toffice\n", 2).unwrap();
        assert_eq!(rows[0].one_of(1, "title kind", &[("post", 1), ("office", 2)]), Ok(2));
    }

    #[test]
    fn reports_the_line_of_a_short_row() {
        let err = parse("t.tsv", "局長\tpost\n主席\n", 2).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().starts_with("t.tsv:2:"));
    }
}
