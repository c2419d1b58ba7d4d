//! A manifest: what a corpus of plain text files says about each file, in one tab-separated file.
//!
//! ```text
//! # comments and blank lines are ignored (fields are separated by one tab: → here)
//! path→published→id→url→title
//! hk/a.txt→2025-04-15→hk-1→https://example.org/news/1→標題
//! cn/b.txt→2025-04-16
//! ```
//!
//! Columns are `path`, `published`, `id`, `url`, `title` in that order; a first line whose
//! first field is `path` names them instead (in any order, any subset that includes `path`).
//! Paths are relative to the manifest's folder (or absolute); an empty field, or a missing
//! trailing one, is unknown. A file the manifest does not list is read without metadata.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{ManifestError, ReadError};
use crate::published;
use crate::read::read_file;
use crate::record::Metadata;
use crate::text::decode;

/// Largest manifest read: a million lines of paths and urls.
pub const MAX_MANIFEST_BYTES: usize = 256 * 1024 * 1024;

/// The columns a manifest may have.
const COLUMNS: [&str; 5] = ["path", "published", "id", "url", "title"];

/// Metadata for files, by path.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    entries: HashMap<PathBuf, Metadata>,
}

impl Manifest {
    /// Reads a manifest file.
    ///
    /// # Errors
    /// [`ManifestError`] when it cannot be read or a line is malformed.
    pub fn read(path: &Path) -> Result<Self, ManifestError> {
        let read = || -> Result<String, ReadError> { Ok(decode(read_file(path, MAX_MANIFEST_BYTES)?)?) };
        let text = read().map_err(|source| ManifestError::Read { path: path.to_path_buf(), source })?;
        let base = path.parent().unwrap_or(Path::new(""));
        Self::parse(&text, base, path)
    }

    /// Reads a manifest's text; paths are relative to `base`; `name` names it in messages.
    ///
    /// # Errors
    /// [`ManifestError::Line`] for the first malformed line.
    pub fn parse(text: &str, base: &Path, name: &Path) -> Result<Self, ManifestError> {
        let mut columns: Vec<usize> = (0..COLUMNS.len()).collect();
        let mut first_line: HashMap<PathBuf, usize> = HashMap::new();
        let mut entries = HashMap::new();
        let mut seen_header = false;
        for (i, line) in text.lines().enumerate() {
            let number = i + 1;
            let fail = |problem: String| ManifestError::Line { path: name.to_path_buf(), line: number, problem };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if !seen_header && fields[0] == "path" {
                columns = fields
                    .iter()
                    .map(|f| {
                        COLUMNS
                            .iter()
                            .position(|c| c == f)
                            .ok_or_else(|| fail(format!("unknown column {f:?} (columns: {})", COLUMNS.join(", "))))
                    })
                    .collect::<Result<_, _>>()?;
                seen_header = true;
                continue;
            }
            seen_header = true;
            if fields.len() > columns.len() {
                return Err(fail(format!("{} fields, more than the {} columns", fields.len(), columns.len())));
            }
            let mut path = None;
            let mut metadata = Metadata::default();
            for (&column, &field) in columns.iter().zip(&fields) {
                if field.is_empty() {
                    continue;
                }
                match COLUMNS[column] {
                    "path" => path = Some(field),
                    "published" => metadata.published = Some(published::parse(field).map_err(|e| fail(e.to_string()))?),
                    "id" => metadata.id = Some(field.to_owned()),
                    "url" => metadata.url = Some(field.to_owned()),
                    _ => metadata.title = Some(field.to_owned()),
                }
            }
            metadata.validate().map_err(|e| fail(e.to_string()))?;
            let path = path.ok_or_else(|| fail("no path".to_owned()))?;
            let key = key_of(&base.join(path));
            if let Some(first) = first_line.insert(key.clone(), number) {
                return Err(fail(format!("{path} is listed twice (first on line {first})")));
            }
            entries.insert(key, metadata);
        }
        Ok(Self { entries })
    }

    /// What the manifest says about `file`.
    #[must_use]
    pub fn get(&self, file: &Path) -> Option<&Metadata> {
        self.entries.get(&key_of(file))
    }

    /// Number of files listed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it lists nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The same file named two ways (`a/../b.txt`, a symbolic link) is one key.
fn key_of(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tupu_extract::Date;

    #[test]
    fn columns_in_order_or_named() {
        let base = Path::new("/corpus");
        let m =
            Manifest::parse("# dates\nhk/a.txt\t2025-04-15\thk-1\n\ncn/b.txt\t\n", base, Path::new("m.tsv")).unwrap();
        assert_eq!(m.len(), 2);
        let a = m.get(Path::new("/corpus/hk/a.txt")).unwrap();
        assert_eq!((a.published, a.id.as_deref()), (Date::new(2025, 4, 15), Some("hk-1")));
        assert_eq!(m.get(Path::new("/corpus/cn/b.txt")), Some(&Metadata::default()));
        let named = Manifest::parse("path\ttitle\turl\nc.txt\t標題\thttps://example.org/c\n", base, Path::new("m.tsv"))
            .unwrap();
        let c = named.get(Path::new("/corpus/c.txt")).unwrap();
        assert_eq!((c.title.as_deref(), c.url.as_deref()), (Some("標題"), Some("https://example.org/c")));
    }

    #[test]
    fn mistakes_name_their_line() {
        let err = |text: &str| Manifest::parse(text, Path::new("/c"), Path::new("m.tsv")).unwrap_err().to_string();
        assert_eq!(
            err("a.txt\t2025-4-15\n"),
            "m.tsv:1: \"2025-4-15\" is not a date of the form YYYY-MM-DD (e.g. 2025-04-15)"
        );
        assert_eq!(err("a.txt\n\na.txt\n"), "m.tsv:3: a.txt is listed twice (first on line 1)");
        assert_eq!(err("path\tdate\n"), "m.tsv:1: unknown column \"date\" (columns: path, published, id, url, title)");
        assert_eq!(err("a.txt\t\t\t\t\textra\n"), "m.tsv:1: 6 fields, more than the 5 columns");
        assert_eq!(
            err("a.txt\t\t\tnot a url\n"),
            "m.tsv:1: \"url\" \"not a url\" is not an absolute URL: Invalid IRI code point ' '"
        );
    }
}
