//! The text of an article in the three forms the pipeline needs.
//!
//! - the **original**, exactly as read (what `nif:isString` holds, what output offsets count);
//! - the **surface** of the *analysis view*: the original with every paragraph break that cuts a
//!   sentence in two removed (newspaper pages often break 「創新合\n\n作」), so that patterns and
//!   quoted sentences see one sentence;
//! - the **folded** analysis view: the surface folded character by character to one script
//!   ([`crate::normalize`]), which every lexicon and pattern matches against.
//!
//! Surface and folded have the same code points, so one [`Span`] addresses both; [`Text::to_original`]
//! maps it back to the original.

use crate::normalize::folder;
use crate::span::Span;

/// Characters that end a sentence.
pub(crate) const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?'];
/// Closing marks that stay with the sentence they follow (「…。」).
pub(crate) const CLOSERS: &[char] = &['」', '』', '”', '’', '）', ')', '》', '〉'];
/// Characters that separate clauses inside a sentence.
pub(crate) const CLAUSE_END: &[char] = &['，', '；', '：', ',', ';', ':'];

/// Marks that open a quotation or a title (「, “, 『, 《, ‘, ").
pub(crate) const OPEN_QUOTES: &[char] = &['「', '“', '『', '《', '‘', '"'];
/// Marks that close a quotation or a title.
pub(crate) const CLOSE_QUOTES: &[char] = &['」', '”', '』', '》', '’', '"'];

/// Whether `c` opens or closes a quotation or a title.
pub(crate) fn is_quote_mark(c: char) -> bool {
    OPEN_QUOTES.contains(&c) || CLOSE_QUOTES.contains(&c)
}

/// Whether `c` opens round brackets (full-width or ASCII), which hold asides, abbreviations and
/// captions' positions: 香港金融發展局（金發局）.
pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(c, '（' | '(')
}

/// Whether `c` closes round brackets (full-width or ASCII).
pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// The bracket that closes one opened by `open`, in the same width: （…） and (…).
pub(crate) fn closing_bracket(open: char) -> Option<char> {
    match open {
        '（' => Some('）'),
        '(' => Some(')'),
        _ => None,
    }
}

/// Where the round brackets that close right before `end` open, looked for at most `reach`
/// characters back: the start of 「（金發局）」 in 「香港金融發展局（金發局）主席」 for `end` at 主席.
/// Rules skip such an aside to find what stands before it.
pub(crate) fn bracket_opening(chars: &[char], end: usize, reach: usize) -> Option<usize> {
    if end == 0 || !chars.get(end - 1).is_some_and(|&c| is_close_bracket(c)) {
        return None;
    }
    (end.saturating_sub(reach)..end - 1).rev().find(|&q| chars.get(q).is_some_and(|&c| is_open_bracket(c)))
}

/// Dashes and tildes: between two numbers or dates they join the ends of a range (30-40, 9日～10日).
pub(crate) const DASHES: &[char] = &['-', '~', '～', '—', '－', '–', '〜'];

/// A paragraph or sentence of the analysis view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Where it is, in analysis code points.
    pub span: Span,
    /// Index of the paragraph it belongs to (for paragraphs, its own index).
    pub paragraph: usize,
}

/// An article's text, indexed for matching.
#[derive(Debug, Clone)]
pub struct Text {
    original: String,
    /// Byte offset of each original code point (plus one past the end).
    original_bytes: Vec<usize>,
    surface: String,
    folded: String,
    /// The folded characters, one per analysis code point (recognisers index them directly).
    folded_chars: Vec<char>,
    /// Byte offset in `surface` of each analysis code point (plus one past the end).
    surface_bytes: Vec<usize>,
    /// Byte offset in `folded` of each analysis code point (plus one past the end).
    folded_bytes: Vec<usize>,
    /// Analysis code point at each byte offset of `folded` (inside a character: the character's):
    /// turns a regex or automaton match into a span without searching.
    folded_chars_at_byte: Vec<u32>,
    /// Analysis code point → original code point (plus one past the end).
    to_original: Vec<usize>,
    paragraphs: Vec<Segment>,
    sentences: Vec<Segment>,
}

impl Text {
    /// Indexes `original`: joins broken paragraphs, folds, splits sentences.
    #[must_use]
    pub fn new(original: &str) -> Self {
        let n = original.chars().count();
        let mut chars: Vec<char> = Vec::with_capacity(n);
        let mut original_bytes: Vec<usize> = Vec::with_capacity(n + 1);
        for (b, c) in original.char_indices() {
            chars.push(c);
            original_bytes.push(b);
        }
        original_bytes.push(original.len());
        let removed = joined_breaks(&chars);

        let fold_char = folder();
        let mut folded = String::with_capacity(original.len());
        let mut folded_bytes = Vec::with_capacity(chars.len() + 1);
        let mut folded_chars = Vec::with_capacity(chars.len());
        let (surface, surface_bytes, to_original, surface_chars) = if removed.contains(&true) {
            let mut surface = String::with_capacity(original.len());
            let mut surface_bytes = Vec::with_capacity(chars.len() + 1);
            let mut to_original = Vec::with_capacity(chars.len() + 1);
            let mut surface_chars = Vec::with_capacity(chars.len());
            for (i, &c) in chars.iter().enumerate() {
                if removed[i] {
                    continue;
                }
                surface_bytes.push(surface.len());
                folded_bytes.push(folded.len());
                to_original.push(i);
                surface.push(c);
                surface_chars.push(c);
                let f = fold_char(c);
                folded.push(f);
                folded_chars.push(f);
            }
            surface_bytes.push(surface.len());
            to_original.push(chars.len());
            (surface, surface_bytes, to_original, surface_chars)
        } else {
            // Nothing joined (most articles): the surface is the original, code point for code
            // point; only the folded view is built.
            for &c in &chars {
                folded_bytes.push(folded.len());
                let f = fold_char(c);
                folded.push(f);
                folded_chars.push(f);
            }
            let to_original = (0..=chars.len()).collect();
            (original.to_owned(), original_bytes.clone(), to_original, chars)
        };
        folded_bytes.push(folded.len());

        let mut folded_chars_at_byte = Vec::with_capacity(folded.len() + 1);
        for (i, w) in folded_bytes.windows(2).enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            folded_chars_at_byte.extend(std::iter::repeat_n(i, w[1] - w[0]));
        }
        folded_chars_at_byte.push(u32::try_from(folded_bytes.len() - 1).unwrap_or(u32::MAX));
        let mut text = Self {
            original: original.to_owned(),
            original_bytes,
            surface,
            folded,
            folded_chars,
            surface_bytes,
            folded_chars_at_byte,
            folded_bytes,
            to_original,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
        };
        text.segment(&surface_chars);
        text
    }

    /// Splits the surface characters into paragraphs and sentences.
    fn segment(&mut self, chars: &[char]) {
        let mut start = None;
        for (i, &c) in chars.iter().enumerate() {
            if c == '\n' || c == '\r' {
                if let Some(s) = start.take() {
                    self.push_paragraph(chars, Span::new(s, i));
                }
            } else if start.is_none() && !c.is_whitespace() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            self.push_paragraph(chars, Span::new(s, chars.len()));
        }
    }

    fn push_paragraph(&mut self, chars: &[char], span: Span) {
        let mut end = span.end;
        while end > span.start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        let paragraph = self.paragraphs.len();
        self.paragraphs.push(Segment { span: Span::new(span.start, end), paragraph });
        let mut s = span.start;
        let mut i = span.start;
        while i < end {
            if SENTENCE_END.contains(&chars[i]) {
                let mut e = i + 1;
                while e < end && (SENTENCE_END.contains(&chars[e]) || CLOSERS.contains(&chars[e])) {
                    e += 1;
                }
                self.push_sentence(chars, Span::new(s, e), paragraph);
                s = e;
                i = e;
            } else {
                i += 1;
            }
        }
        self.push_sentence(chars, Span::new(s, end), paragraph);
    }

    fn push_sentence(&mut self, chars: &[char], span: Span, paragraph: usize) {
        let (mut s, mut e) = (span.start, span.end);
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if s < e {
            self.sentences.push(Segment { span: Span::new(s, e), paragraph });
        }
    }

    /// The folded characters, one per analysis code point.
    #[must_use]
    pub fn folded_chars(&self) -> &[char] {
        &self.folded_chars
    }

    /// The text exactly as read.
    #[must_use]
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The analysis view as written (broken paragraphs joined).
    #[must_use]
    pub fn surface(&self) -> &str {
        &self.surface
    }

    /// The analysis view folded to one script (what patterns match).
    #[must_use]
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Number of code points in the analysis view.
    #[must_use]
    pub fn len(&self) -> usize {
        self.to_original.len() - 1
    }

    /// Whether the analysis view is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The surface text of an analysis span.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        let (s, e) = self.clamp(span);
        &self.surface[self.surface_bytes[s]..self.surface_bytes[e]]
    }

    /// The folded text of an analysis span.
    #[must_use]
    pub fn folded_slice(&self, span: Span) -> &str {
        let (s, e) = self.clamp(span);
        &self.folded[self.folded_bytes[s]..self.folded_bytes[e]]
    }

    /// The analysis code point at a byte offset of the folded text (a regex or Aho-Corasick
    /// match position). Offsets inside a character round down.
    #[must_use]
    pub fn char_at_folded_byte(&self, byte: usize) -> usize {
        self.folded_chars_at_byte.get(byte).map_or(self.len(), |&c| c as usize)
    }

    /// The analysis span of a byte range of the folded text.
    #[must_use]
    pub fn span_of_folded_bytes(&self, start: usize, end: usize) -> Span {
        Span::new(self.char_at_folded_byte(start), self.char_at_folded_byte(end))
    }

    /// Byte offset in the folded text of an analysis code point.
    #[must_use]
    pub fn folded_byte(&self, char_index: usize) -> usize {
        self.folded_bytes[char_index.min(self.len())]
    }

    /// Maps an analysis span to code points of the original text.
    #[must_use]
    pub fn to_original(&self, span: Span) -> Span {
        let (s, e) = self.clamp(span);
        if s == e {
            let o = self.to_original[s];
            return Span::new(o, o);
        }
        Span::new(self.to_original[s], self.to_original[e - 1] + 1)
    }

    /// Whether a paragraph break of the original was joined right before analysis code point
    /// `at` (see [`joined_breaks`]): the characters on its two sides were not next to each other.
    #[must_use]
    pub fn joined_before(&self, at: usize) -> bool {
        at > 0 && at < self.len() && self.to_original[at] != self.to_original[at - 1] + 1
    }

    /// The original text of an original-coordinates span.
    #[must_use]
    pub fn original_slice(&self, span: Span) -> &str {
        let n = self.original_bytes.len() - 1;
        let (s, e) = (span.start.min(n), span.end.min(n).max(span.start.min(n)));
        &self.original[self.original_bytes[s]..self.original_bytes[e]]
    }

    /// Paragraphs of the analysis view, in order.
    #[must_use]
    pub fn paragraphs(&self) -> &[Segment] {
        &self.paragraphs
    }

    /// Sentences of the analysis view, in order.
    #[must_use]
    pub fn sentences(&self) -> &[Segment] {
        &self.sentences
    }

    /// The index of the sentence containing analysis code point `at`, if any.
    #[must_use]
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// The span of the sentence holding character `at`, if one does ([`Self::sentence_at`]).
    #[must_use]
    pub fn sentence_span_at(&self, at: usize) -> Option<Span> {
        self.sentence_at(at).map(|i| self.sentences[i].span)
    }

    /// The clauses of a span (split after ，；： and their ASCII forms), trimmed.
    #[must_use]
    pub fn clauses(&self, span: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = span.start;
        for (i, c) in self.slice(span).chars().enumerate() {
            let at = span.start + i;
            if CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c) {
                if at > start {
                    out.push(Span::new(start, at));
                }
                start = at + 1;
            }
        }
        if span.end > start {
            out.push(Span::new(start, span.end));
        }
        out
    }

    fn clamp(&self, span: Span) -> (usize, usize) {
        let n = self.len();
        let s = span.start.min(n);
        (s, span.end.min(n).max(s))
    }
}

/// Marks the characters of the original that the analysis view drops: the line breaks (and the
/// blank lines and indentation around them) that cut a sentence in two.
///
/// A break is joined when the line before it reads as prose cut short (it has clause punctuation
/// and does not end a sentence, a quotation or a heading) and the line after it continues it (it
/// does not start a caption ▲, a list item or a bracketed dateline). A caption that ends with
/// its credit (「…合照。陳大文攝」, 「…。美聯社」) is no prose cut short: see [`ends_with_a_credit`].
fn joined_breaks(chars: &[char]) -> Vec<bool> {
    let mut removed = vec![false; chars.len()];
    let lines = line_spans(chars);
    for (i, pair) in lines.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        if i == 0 && headline_stands_alone(chars, a, b) {
            continue;
        }
        let line = &chars[a.start..a.end];
        let Some(&last) = line.iter().rev().find(|c| !c.is_whitespace()) else { continue };
        let Some(&first) = chars[b.start..b.end].iter().find(|c| !c.is_whitespace()) else { continue };
        // Captions (▲…) stand alone even without a full stop.
        let caption = line.iter().find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '▲' | '△' | '■'));
        let prose = !caption && line.iter().any(|c| matches!(c, '，' | '、' | '；' | ','));
        let cut = !SENTENCE_END.contains(&last)
            && !CLOSERS.contains(&last)
            && !matches!(last, '：' | ':' | '…' | '；' | '—' | '-' | '」' | '】');
        let continues = is_cjk(first) || matches!(first, '，' | '、' | '。' | '；');
        let starts_item = matches!(first, '▲' | '【' | '（' | '(' | '●' | '■' | '◆' | '*' | '-');
        let credit = is_cjk(first) && ends_with_a_credit(line);
        if prose && cut && continues && !starts_item && !credit && line.len() >= 8 {
            for r in removed.iter_mut().take(b.start).skip(a.end) {
                *r = true;
            }
            // Leading indentation of the continuation line goes too.
            let mut i = b.start;
            while i < b.end && chars[i].is_whitespace() {
                removed[i] = true;
                i += 1;
            }
        }
    }
    removed
}

/// Most characters (spaces aside) of a credit after a caption's last sentence: 陳大文攝,
/// 資料圖片, 受訪者提供.
const CREDIT_MAX_CHARS: usize = 6;

/// Whether a line ends with a short tail after its last sentence end — a caption's credit (a
/// photographer, an agency, 資料圖片) rather than a sentence cut short: 「…在場合照。陳大文攝」.
/// In the corpus such tails are credits and sources, a new paragraph follows them.
fn ends_with_a_credit(line: &[char]) -> bool {
    let Some(end) = line.iter().rposition(|c| SENTENCE_END.contains(c)) else { return false };
    let tail = line[end + 1..].iter().filter(|c| !c.is_whitespace() && !CLOSERS.contains(c));
    let mut n = 0;
    for &c in tail {
        if matches!(c, '，' | '、' | '；' | ',') {
            return false;
        }
        n += 1;
    }
    (1..=CREDIT_MAX_CHARS).contains(&n)
}

/// The longest first line read as a headline rather than as prose cut short.
const HEADLINE_MAX_CHARS: usize = 50;

/// A first line of at most [`HEADLINE_MAX_CHARS`] set apart by a blank line is the article's
/// headline, even with a comma and no full stop (「政府推新計劃，業界歡迎」): news headlines are
/// written so, and joining one to the lede fuses its last words with the lede's first name.
fn headline_stands_alone(chars: &[char], first: Span, next: Span) -> bool {
    let blank_line_between = chars[first.end..next.start].iter().filter(|&&c| c == '\n').count() >= 2;
    blank_line_between && first.end - first.start <= HEADLINE_MAX_CHARS
}

/// Non-blank lines of the text (spans without their line break).
fn line_spans(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            if chars[start..i].iter().any(|c| !c.is_whitespace()) {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
    }
    if chars[start..].iter().any(|c| !c.is_whitespace()) {
        out.push(Span::new(start, chars.len()));
    }
    out
}

/// Whether a character is a CJK ideograph: the unified block, its compatibility block, and the
/// extensions A and B through H with the supplementary compatibility block (planes 2 and 3). The
/// folded view needs the later extensions: the fold table writes some rare Traditional characters
/// of given names as Simplified forms that Unicode encodes there (騉 → U+2B625, 鋐 → U+2CB4E), and
/// a name with one of them is still a name of ideographs. The name tagger's
/// [`crate::ner::features::char_type`] reads the same planes as Han.
#[must_use]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ideographs_of_every_extension_are_cjk() {
        for c in ['陳', '\u{3400}', '\u{20000}', '\u{2B625}', '\u{2CB4E}', '\u{30000}'] {
            assert!(is_cjk(c), "{c:?}");
        }
        for c in ['a', '1', '，', '\u{3000}', '\u{1F600}'] {
            assert!(!is_cjk(c), "{c:?}");
        }
    }

    #[test]
    fn quotation_and_title_marks_are_quote_marks_and_brackets_are_not() {
        for c in "「」“”『』《》‘’\"".chars() {
            assert!(is_quote_mark(c), "{c}");
        }
        for c in "（）()【】，。甲".chars() {
            assert!(!is_quote_mark(c), "{c}");
        }
    }

    #[test]
    fn a_headline_with_a_comma_stands_alone() {
        for (text, headline) in [
            ("政府推新計劃，業界歡迎\n\n財政司司長陳大文今日表示，計劃明年推出。", "政府推新計劃，業界歡迎"),
            ("政府推新计划，业界欢迎\n\n财政司司长陈大文今日表示，计划明年推出。", "政府推新计划，业界欢迎"),
        ] {
            let t = Text::new(text);
            assert_eq!(t.slice(t.paragraphs()[0].span), headline);
        }
        // Without a blank line, or as the second line, a cut sentence is still joined.
        let t = Text::new("他說，我們要推動合\n作，共同發展。");
        assert_eq!(t.surface(), "他說，我們要推動合作，共同發展。");
        let t = Text::new("標題\n\n他說，我們要推動合\n\n作，共同發展。");
        assert_eq!(t.surface(), "標題\n\n他說，我們要推動合作，共同發展。");
    }

    #[test]
    fn joins_a_sentence_broken_across_paragraphs() {
        let t = Text::new("標題\n\n他說，我們要推動合\n\n作，共同發展，這是一個很長的句子。\n\n下一段。");
        assert_eq!(t.surface(), "標題\n\n他說，我們要推動合作，共同發展，這是一個很長的句子。\n\n下一段。");
        let s = t.sentences()[1].span;
        assert_eq!(t.slice(s), "他說，我們要推動合作，共同發展，這是一個很長的句子。");
        let at = t.surface().find('作').map(|b| t.surface()[..b].chars().count()).unwrap();
        assert!(t.joined_before(at) && !t.joined_before(at + 1));
        // Offsets still point into the original.
        let o = t.to_original(s);
        assert_eq!(t.original_slice(o), "他說，我們要推動合\n\n作，共同發展，這是一個很長的句子。");
    }

    #[test]
    fn a_caption_ending_with_its_credit_is_not_joined_to_the_next_paragraph() {
        for text in [
            "標題\n\n兩位嘉賓在會場合照，氣氛熱烈。區志明攝\n陳大文表示，會議順利。",
            "标题\n\n两位嘉宾在会场合照，气氛热烈。资料图片\n陈大文表示，会议顺利。",
        ] {
            let t = Text::new(text);
            assert_eq!(t.surface(), text);
        }
        // A sentence cut after its first words is still joined.
        let t = Text::new("標題\n\n他說，計劃順利。我們要推動合作和\n發展。");
        assert_eq!(t.surface(), "標題\n\n他說，計劃順利。我們要推動合作和發展。");
    }

    #[test]
    fn keeps_headings_and_captions_apart() {
        let t = Text::new("陳局長：推動創科 發展經濟\n\n▲陳局長表示，推動創科發展\n\n正文。");
        assert_eq!(t.paragraphs().len(), 3);
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let t = Text::new("她強調：「這是關鍵。」隨後離開。");
        let s: Vec<&str> = t.sentences().iter().map(|s| t.slice(s.span)).collect();
        assert_eq!(s, vec!["她強調：「這是關鍵。」", "隨後離開。"]);
    }

    #[test]
    fn folded_offsets_match_surface_offsets() {
        let t = Text::new("國家發展和改革委員會");
        assert_eq!(t.folded(), "国家发展和改革委员会");
        let b = t.folded().find("改革").unwrap();
        let span = t.span_of_folded_bytes(b, b + "改革".len());
        assert_eq!(t.slice(span), "改革");
    }

    #[test]
    fn clauses_split_on_commas() {
        let t = Text::new("一是加強合作，二是推動發展；三是共享。");
        let c: Vec<&str> = t.clauses(t.sentences()[0].span).iter().map(|s| t.slice(*s)).collect();
        assert_eq!(c, vec!["一是加強合作", "二是推動發展", "三是共享"]);
    }
}
