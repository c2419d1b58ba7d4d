//! JSON Lines corpora: one article per line, `{"text": …, "id": …, "published": …, "url": …,
//! "title": …}`; only `text` is required, `null` stands for a missing field, other fields are
//! ignored. Lines are read one at a time through a cap, so a corpus of any size (or a line of
//! any length) takes bounded memory.

use std::io::{self, BufRead};

use serde::Deserialize;
use tupu_extract::article::MAX_ARTICLE_BYTES;

use crate::error::ReadError;
use crate::published;
use crate::record::{Metadata, Record};

/// Longest line read: an article at its limit, written with JSON escapes (`\u4e2d` is six bytes
/// for a three-byte character), plus room for the other fields.
pub const MAX_LINE_BYTES: usize = 2 * MAX_ARTICLE_BYTES + 64 * 1024;

/// What one line holds.
#[derive(Debug, Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// Ids are strings, or numbers in some corpora.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

/// The records of one JSON Lines stream.
pub struct JsonLines<R> {
    reader: R,
    name: String,
    line: usize,
    buf: Vec<u8>,
    finished: bool,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads `reader` (already decompressed); `name` names it in messages.
    pub fn new(reader: R, name: impl Into<String>) -> Self {
        Self { reader, name: name.into(), line: 0, buf: Vec::new(), finished: false }
    }

    fn record(&self, metadata: Metadata, text: Result<String, ReadError>) -> Record {
        let origin = match &metadata.id {
            Some(id) => format!("{}:{} ({id})", self.name, self.line),
            None => format!("{}:{}", self.name, self.line),
        };
        Record { origin, metadata, text, consumed: 0 }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.finished {
            self.line += 1;
            let line = match read_line(&mut self.reader, &mut self.buf, MAX_LINE_BYTES) {
                Ok(LineRead::End) => break,
                Ok(LineRead::Line) => &self.buf,
                Ok(LineRead::TooLong) => {
                    return Some(
                        self.record(Metadata::default(), Err(ReadError::LineTooLong { limit: MAX_LINE_BYTES })),
                    );
                }
                Err(e) => {
                    self.finished = true;
                    return Some(self.record(Metadata::default(), Err(ReadError::Truncated(e))));
                }
            };
            // A byte-order mark before the first record, and blank lines, are not records.
            let line = if self.line == 1 { line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line) } else { line };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed = serde_json::from_slice::<Line>(line);
            return Some(match parsed {
                Err(e) => self.record(Metadata::default(), Err(ReadError::Json(e))),
                Ok(line) => {
                    let published = line.published.as_deref().map(published::parse).transpose();
                    let metadata = Metadata {
                        id: line.id.map(|id| match id {
                            Id::Text(s) => s,
                            Id::Number(n) => n.to_string(),
                        }),
                        url: line.url,
                        title: line.title,
                        published: published.clone().ok().flatten(),
                    };
                    let text = match published {
                        Ok(_) => Ok(line.text),
                        Err(e) => Err(ReadError::Metadata(e.into())),
                    };
                    self.record(metadata, text)
                }
            });
        }
        self.finished = true;
        None
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum LineRead {
    /// Nothing more.
    End,
    /// A line (without its `\n`) is in the buffer.
    Line,
    /// The line was longer than the cap; it was read past and dropped.
    TooLong,
}

/// Reads one line into `buf` without ever holding more than `cap` bytes of it.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<LineRead> {
    buf.clear();
    let (mut any, mut too_long) = (false, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => LineRead::End,
                (true, false) => LineRead::Line,
                (true, true) => LineRead::TooLong,
            });
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        if !too_long {
            if buf.len() + chunk.len() > cap {
                too_long = true;
                buf.clear();
                buf.shrink_to(64 * 1024);
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = newline.map_or(available.len(), |i| i + 1);
        reader.consume(used);
        if newline.is_some() {
            return Ok(if too_long { LineRead::TooLong } else { LineRead::Line });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &str) -> Vec<Record> {
        JsonLines::new(input.as_bytes(), "c.jsonl").collect()
    }

    #[test]
    fn records_carry_their_fields_and_name_their_line() {
        let input = "{\"id\": \"a-1\", \"text\": \"市政府公布計劃。\", \"published\": \"2024-03-05\", \"url\": \"https://example.org/1\", \"title\": \"計劃\", \"category\": \"x\"}\n\
                     \n\
                     {\"id\": 7, \"text\": \"市政府公布计划。\", \"published\": null, \"title\": null}\r\n";
        let r = records(input);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].origin, "c.jsonl:1 (a-1)");
        assert_eq!(r[0].text.as_deref().unwrap(), "市政府公布計劃。");
        assert_eq!(r[0].metadata.published, tupu_extract::Date::new(2024, 3, 5));
        assert_eq!(r[0].metadata.url.as_deref(), Some("https://example.org/1"));
        assert_eq!(r[0].metadata.title.as_deref(), Some("計劃"));
        assert_eq!(r[1].origin, "c.jsonl:3 (7)");
        assert_eq!(r[1].metadata.id.as_deref(), Some("7"));
        assert_eq!(r[1].metadata.published, None);
    }

    #[test]
    fn a_bad_line_is_one_failed_record_and_the_next_is_read() {
        let input = "{\"text\": 1}\nnot json\n{\"id\": \"x\", \"text\": \"t\", \"published\": \"2024-3-5\"}\n{\"text\": \"好\"}";
        let r = records(input);
        assert_eq!(r.len(), 4);
        assert!(matches!(r[0].text, Err(ReadError::Json(_))));
        assert!(matches!(r[1].text, Err(ReadError::Json(_))));
        let err = r[2].text.as_ref().unwrap_err().to_string();
        assert!(err.contains("\"2024-3-5\" is not a date of the form YYYY-MM-DD"), "{err}");
        assert_eq!(r[2].metadata.id.as_deref(), Some("x"));
        assert_eq!(r[3].text.as_deref().unwrap(), "好");
    }

    #[test]
    fn lines_are_read_through_a_cap() {
        let mut input: &[u8] = b"0123456789\nabc\n\nlast";
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), LineRead::TooLong);
        assert!(buf.is_empty());
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), LineRead::Line);
        assert_eq!(buf, b"abc");
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), LineRead::Line);
        assert!(buf.is_empty());
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), LineRead::Line);
        assert_eq!(buf, b"last");
        assert_eq!(read_line(&mut input, &mut buf, 5).unwrap(), LineRead::End);
    }
}
