//! Input: a news article checked, indexed and described (script, headline, region, date).

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
    region: Region,
    headline: Option<String>,
    published: Option<Date>,
    currency: String,
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
        let region = detect_region(indexed.folded(), script);
        let headline =
            indexed.paragraphs().first().map(|p| indexed.slice(p.span).trim().to_owned()).filter(|h| !h.is_empty());
        let currency = options.currency.clone().unwrap_or_else(|| region.currency().to_owned());
        Ok(Self { text: indexed, script, region, headline, published: options.published, currency })
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

    /// Where the article reports from.
    #[must_use]
    pub fn region(&self) -> Region {
        self.region
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

    /// ISO 4217 code that a bare 元 stands for in this article.
    #[must_use]
    pub fn local_currency(&self) -> &str {
        &self.currency
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

/// Folded (Simplified) forms of words that place a report in one region, with weights: the
/// paper's own voice (本港, 本澳) and the local currency count more than a mere mention.
const REGION_MARKERS: &[(Region, &str, usize)] = &[
    (Region::HongKong, "香港", 1),
    (Region::HongKong, "本港", 3),
    (Region::HongKong, "港府", 2),
    (Region::HongKong, "港元", 2),
    (Region::HongKong, "港币", 2),
    (Region::HongKong, "立法会", 1),
    (Region::Macau, "澳门", 1),
    (Region::Macau, "本澳", 3),
    (Region::Macau, "澳门元", 2),
    (Region::Macau, "澳门币", 2),
    (Region::Macau, "澳府", 2),
    (Region::Taiwan, "台湾", 1),
    (Region::Taiwan, "台北", 1),
    (Region::Taiwan, "新台币", 2),
    (Region::Taiwan, "行政院", 1),
    (Region::Taiwan, "立法院", 1),
    (Region::Mainland, "新华社", 3),
    (Region::Mainland, "国务院", 1),
    (Region::Mainland, "人民币", 1),
    (Region::Mainland, "全国人大", 1),
    (Region::Mainland, "省委", 1),
    (Region::Mainland, "市委", 1),
];

/// All region markers in one automaton: the text is read once.
static REGION_AUTOMATON: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(REGION_MARKERS.iter().map(|(_, w, _)| *w))
        .ok()
});

/// The region whose markers the text uses most; ties go by script (Traditional → Hong Kong).
fn detect_region(folded: &str, script: Script) -> Region {
    let mut scores = [0usize; 4];
    let slot = |r: Region| match r {
        Region::HongKong => 0,
        Region::Macau => 1,
        Region::Taiwan => 2,
        Region::Mainland => 3,
    };
    if let Some(ac) = REGION_AUTOMATON.as_ref() {
        for m in ac.find_overlapping_iter(folded) {
            let (region, _, weight) = REGION_MARKERS[m.pattern().as_usize()];
            scores[slot(region)] += weight;
        }
    }
    let mut best = (
        0usize,
        match script {
            Script::Traditional => Region::HongKong,
            Script::Simplified => Region::Mainland,
        },
    );
    for region in [Region::HongKong, Region::Macau, Region::Taiwan, Region::Mainland] {
        if scores[slot(region)] > best.0 {
            best = (scores[slot(region)], region);
        }
    }
    best.1
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
    fn region_decides_the_bare_yuan() {
        let hk = Article::parse("本港經濟穩步增長，香港政府撥款10億元。", ArticleOptions::default()).unwrap();
        assert_eq!(hk.local_currency(), "HKD");
        let mo = Article::parse("本澳經濟穩步增長，澳門特區政府撥款10億元。", ArticleOptions::default()).unwrap();
        assert_eq!(mo.local_currency(), "MOP");
        let cn = Article::parse("新华社北京电 国务院安排资金10亿元。", ArticleOptions::default()).unwrap();
        assert_eq!(cn.local_currency(), "CNY");
        let forced =
            Article::parse("本港撥款10億元。", ArticleOptions { currency: Some("USD".into()), ..Default::default() })
                .unwrap();
        assert_eq!(forced.local_currency(), "USD");
    }

    #[test]
    fn headline_is_the_first_line() {
        let a = Article::parse("\n\n標題在這裏\n\n正文。", ArticleOptions::default()).unwrap();
        assert_eq!(a.headline(), Some("標題在這裏"));
    }
}
