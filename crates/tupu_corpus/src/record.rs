//! One article as read from a corpus: its text (or why it could not be read) and what the
//! corpus says about it.

use tupu_extract::{Article, ArticleOptions, Date};

use crate::error::{MetadataError, ReadError};

/// Longest id, url or title accepted, in bytes: metadata, not text.
pub const MAX_FIELD_BYTES: usize = 4096;

/// What a corpus says about an article beyond its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The corpus's own id for it (`hk-15273`), kept as the article's `schema:identifier`.
    pub id: Option<String>,
    /// Where it was published, kept as its `schema:url`.
    pub url: Option<String>,
    /// Its title, when the corpus knows it (else the first line serves).
    pub title: Option<String>,
    /// Its publication date.
    pub published: Option<Date>,
}

impl Metadata {
    /// Checks the fields: an id and a title are one line of text, a url an absolute IRI.
    ///
    /// # Errors
    /// [`MetadataError`] for the first field that fails.
    pub fn validate(&self) -> Result<(), MetadataError> {
        for (field, value) in [("id", &self.id), ("url", &self.url), ("title", &self.title)] {
            let Some(value) = value else { continue };
            let problem = if value.trim().is_empty() {
                Some("is empty")
            } else if value.len() > MAX_FIELD_BYTES {
                Some("is longer than 4096 bytes")
            } else if value.chars().any(char::is_control) {
                Some("contains control characters (line breaks, tabs, NUL)")
            } else if value.trim() != value {
                Some("begins or ends with spaces")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(MetadataError::Field { field, problem });
            }
        }
        if let Some(url) = &self.url {
            oxiri::Iri::parse(url.as_str())
                .map_err(|e| MetadataError::Url { url: url.clone(), reason: e.to_string() })?;
        }
        Ok(())
    }
}

/// One article from a corpus.
#[derive(Debug)]
pub struct Record {
    /// Where it came from, for messages: a path, `standard input`, or `corpus.jsonl.gz:17`.
    pub origin: String,
    /// What the corpus says about it.
    pub metadata: Metadata,
    /// Its text, or why it could not be read.
    pub text: Result<String, ReadError>,
    /// Bytes of input read so far, this record included, over the whole corpus (for progress).
    pub consumed: u64,
}

impl Record {
    /// The article, with the record's own publication date in preference to `defaults`'.
    ///
    /// # Errors
    /// Why the record could not be read, or why its text or metadata is not an article's.
    pub fn into_article(self, defaults: &ArticleOptions) -> Result<(Article, Metadata), ReadError> {
        let text = self.text?;
        self.metadata.validate()?;
        let options = ArticleOptions {
            published: self.metadata.published.or(defaults.published),
            currency: defaults.currency.clone(),
        };
        let article = Article::parse(&text, options)?;
        Ok((article, self.metadata))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(id: Option<&str>, url: Option<&str>, title: Option<&str>) -> Metadata {
        Metadata { id: id.map(Into::into), url: url.map(Into::into), title: title.map(Into::into), published: None }
    }

    #[test]
    fn metadata_is_one_line_and_urls_are_absolute() {
        assert!(with(Some("hk-1"), Some("https://example.org/新聞/1"), Some("標題")).validate().is_ok());
        let field = |m: Metadata| match m.validate() {
            Err(MetadataError::Field { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(with(Some(""), None, None)), "id");
        assert_eq!(field(with(Some("a\nb"), None, None)), "id");
        assert_eq!(field(with(None, None, Some(" 標題"))), "title");
        assert!(matches!(with(None, Some("news/1.html"), None).validate(), Err(MetadataError::Url { .. })));
    }

    #[test]
    fn a_record_date_wins_over_the_default() {
        let record = |published| Record {
            origin: "x".into(),
            metadata: Metadata { published, ..Metadata::default() },
            text: Ok("市政府今日公布新計劃。".into()),
            consumed: 0,
        };
        let defaults = ArticleOptions { published: Date::new(2025, 1, 1), currency: None };
        let (own, _) = record(Date::new(2024, 6, 30)).into_article(&defaults).unwrap();
        assert_eq!(own.published(), Date::new(2024, 6, 30));
        let (default, _) = record(None).into_article(&defaults).unwrap();
        assert_eq!(default.published(), Date::new(2025, 1, 1));
    }
}
