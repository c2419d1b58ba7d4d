//! Input: a news article checked, indexed and described (script, headline, date). Where it
//! reports from is read with the lexicons' region markers when it is analysed.

use serde::Serialize;
use thiserror::Error;

use crate::date::Date;
use crate::text::{Text, is_cjk};

/// Largest article accepted, in bytes. A news article is a few tens of KB; anything past this
/// is almost certainly not one article (a dump, a binary, a whole site), and would only make
/// the run slow and the graph unreadable.
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

/// Why a text cannot be read as an article.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ArticleError {
    /// The bytes are not UTF-8.
    #[error(
        "not UTF-8 text (invalid byte at offset {offset}); convert it first, e.g. `iconv -f BIG5 -t UTF-8` or `iconv -f GB18030 -t UTF-8`"
    )]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Nothing but whitespace.
    #[error("the article is empty")]
    Empty,
    /// A NUL character anywhere, or control characters (other than tab, line breaks and form
    /// feed) making up more than 1 % of the text: a binary file, not text.
    #[error(
        "this looks like a binary file, not text (it contains a NUL character, or more than 1 % of its characters are control characters)"
    )]
    Binary,
    /// Larger than [`MAX_ARTICLE_BYTES`].
    #[error("the article is {bytes} bytes, more than the limit of {limit} bytes for one article")]
    TooLarge {
        /// Size of the input.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
}

/// The writing system of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Script {
    /// Traditional Chinese.
    Traditional,
    /// Simplified Chinese.
    Simplified,
}

impl Script {
    /// The BCP 47 tag (`zh-Hant`, `zh-Hans`).
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::Traditional => "zh-Hant",
            Self::Simplified => "zh-Hans",
        }
    }
}

/// Where an article reports from, which decides what a bare 元 means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Region {
    /// Hong Kong: 元 is HKD.
    HongKong,
    /// Macau: 元 is MOP.
    Macau,
    /// Taiwan: 元 is TWD.
    Taiwan,
    /// The mainland: 元 is CNY.
    Mainland,
}

impl Region {
    /// Every region, in this order.
    pub const ALL: [Region; 4] = [Region::HongKong, Region::Macau, Region::Taiwan, Region::Mainland];

    /// The region's code in the lexicons (`HK`, `MO`, `TW`, `CN`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::HongKong => "HK",
            Self::Macau => "MO",
            Self::Taiwan => "TW",
            Self::Mainland => "CN",
        }
    }

    /// ISO 4217 code of the local currency.
    #[must_use]
    pub fn currency(self) -> &'static str {
        match self {
            Self::HongKong => "HKD",
            Self::Macau => "MOP",
            Self::Taiwan => "TWD",
            Self::Mainland => "CNY",
        }
    }
}

/// What the caller knows about an article that the text may not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleOptions {
    /// Publication date: resolves 昨日, 本月20日, 14日.
    pub published: Option<Date>,
    /// Currency of a bare 元 (ISO 4217), overriding what the text suggests.
    pub currency: Option<String>,
}

/// A checked, indexed article.
#[derive(Debug, Clone)]
pub struct Article {
    text: Text,
    script: Script,
    headline: Option<String>,
    published: Option<Date>,
    currency: Option<String>,
}

impl Article {
    /// Reads an article from bytes (checks UTF-8 first).
    ///
    /// # Errors
    /// [`ArticleError`] when the bytes are not UTF-8, empty, binary or too large.
    pub fn from_bytes(bytes: &[u8], options: ArticleOptions) -> Result<Self, ArticleError> {
        if bytes.len() > MAX_ARTICLE_BYTES {
            return Err(ArticleError::TooLarge { bytes: bytes.len(), limit: MAX_ARTICLE_BYTES });
        }
        let text = std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8 { offset: e.valid_up_to() })?;
        Self::parse(text, options)
    }

    /// Reads an article from text.
    ///
    /// # Errors
    /// [`ArticleError`] when the text is empty, binary or too large.
    pub fn parse(text: &str, options: ArticleOptions) -> Result<Self, ArticleError> {
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(ArticleError::TooLarge { bytes: text.len(), limit: MAX_ARTICLE_BYTES });
        }
        if text.trim().is_empty() {
            return Err(ArticleError::Empty);
        }
        if looks_binary(text) {
            return Err(ArticleError::Binary);
        }
        let indexed = Text::new(text);
        let script = detect_script(indexed.surface());
        let headline =
            indexed.paragraphs().first().map(|p| indexed.slice(p.span).trim().to_owned()).filter(|h| !h.is_empty());
        Ok(Self { text: indexed, script, headline, published: options.published, currency: options.currency })
    }

    /// The indexed text.
    #[must_use]
    pub fn text(&self) -> &Text {
        &self.text
    }

    /// The script the article is written in.
    #[must_use]
    pub fn script(&self) -> Script {
        self.script
    }

    /// The first line, which news articles use as their headline.
    #[must_use]
    pub fn headline(&self) -> Option<&str> {
        self.headline.as_deref()
    }

    /// The publication date, when given.
    #[must_use]
    pub fn published(&self) -> Option<Date> {
        self.published
    }

    /// The ISO 4217 code the caller gave for a bare 元, if any (else the extractor takes the
    /// currency of the region the text reports from: see [`crate::Extraction::region`]).
    #[must_use]
    pub fn currency(&self) -> Option<&str> {
        self.currency.as_deref()
    }
}

/// A NUL anywhere, or more than 1 % control characters over the whole text (a stray backspace
/// in a real article is kept; a binary file is not text). One pass, no allocation.
fn looks_binary(text: &str) -> bool {
    if text.as_bytes().contains(&0) {
        return true;
    }
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    }
    controls * 100 > chars.max(1)
}

/// Traditional when a noticeable share of the ideographs change under folding to Simplified.
fn detect_script(surface: &str) -> Script {
    let fold_char = crate::normalize::folder();
    let (mut cjk, mut traditional) = (0usize, 0usize);
    for c in surface.chars().filter(|&c| is_cjk(c)) {
        cjk += 1;
        if fold_char(c) != c {
            traditional += 1;
        }
    }
    // Simplified text still has a few characters that fold (variants); Traditional news has
    // 15–30 % of its characters outside Simplified.
    if traditional * 100 >= cjk.max(1) * 3 && traditional >= 2 { Script::Traditional } else { Script::Simplified }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_input() {
        assert!(matches!(
            Article::from_bytes(b"\xff\xfe abc", ArticleOptions::default()),
            Err(ArticleError::NotUtf8 { offset: 0 })
        ));
        assert_eq!(Article::parse("  \n\t ", ArticleOptions::default()).err(), Some(ArticleError::Empty));
        assert_eq!(Article::parse("abc\0def", ArticleOptions::default()).err(), Some(ArticleError::Binary));
        // Anywhere, not only at the start.
        let late_nul = format!("{}\0", "政府".repeat(50_000));
        assert_eq!(Article::parse(&late_nul, ArticleOptions::default()).err(), Some(ArticleError::Binary));
        // A stray control character is kept; many are a binary file, wherever they are.
        let stray = format!("政府今日\u{8}公布計劃。{}", "市民可於網上查閱詳情。".repeat(20));
        assert!(Article::parse(&stray, ArticleOptions::default()).is_ok());
        let late_controls = format!("{}{}", "政府".repeat(50_000), "\u{1}".repeat(2_000));
        assert_eq!(Article::parse(&late_controls, ArticleOptions::default()).err(), Some(ArticleError::Binary));
    }

    #[test]
    fn detects_script() {
        let t = Article::parse("財政司司長今日表示，政府會繼續推動經濟發展。", ArticleOptions::default()).unwrap();
        assert_eq!(t.script(), Script::Traditional);
        let s = Article::parse("财政司司长今日表示，政府会继续推动经济发展。", ArticleOptions::default()).unwrap();
        assert_eq!(s.script(), Script::Simplified);
    }

    #[test]
    fn headline_is_the_first_line() {
        let a = Article::parse("\n\n標題在這裏\n\n正文。", ArticleOptions::default()).unwrap();
        assert_eq!(a.headline(), Some("標題在這裏"));
    }
}
