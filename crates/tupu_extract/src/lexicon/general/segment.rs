//! The most probable segmentation of a short window (jieba's word graph and dynamic programme).
//!
//! For a local decision — where does the first word of this candidate name end — the longest
//! match is not enough (发挥中国建设银行: 发挥 | 中国 | 建设银行, not 发挥中 | …). This is jieba's
//! own method without its HMM for unknown words: every dictionary word starting at each position
//! is an edge, a word's weight is log(frequency / total), and the best path from the window's end
//! backwards wins. A character no word covers is a word of frequency 1, and so is a run of ASCII
//! letters and digits. It costs one walk of the automaton per character of the window, so it is
//! meant for windows around candidates, not whole articles.

use super::{Entry, GeneralLexicon, GeneralWord};
use crate::span::Span;

/// One word of a segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Where it is.
    pub span: Span,
    /// The dictionary's entry; `None` for a character or Latin run the dictionary lacks.
    pub entry: Option<Entry>,
}

impl GeneralLexicon {
    /// The most probable segmentation of `window` of `chars` (folded characters), in text order.
    #[must_use]
    pub fn segment(&self, chars: &[char], window: Span) -> Vec<Segment> {
        segment_by(chars, window, self.total_frequency(), |p| self.words_starting_at(chars, p))
    }
}

/// [`GeneralLexicon::segment`] with the words starting at each position given by `words_at`
/// (the lexicon's own walk, or an article's memo of it: [`super::TextWords::segment`]), shortest
/// first; `total` is the lexicon's total frequency.
pub(super) fn segment_by<I: Iterator<Item = GeneralWord>>(
    chars: &[char],
    window: Span,
    total: u64,
    words_at: impl Fn(usize) -> I,
) -> Vec<Segment> {
    let window = Span::new(window.start.min(chars.len()), window.end.min(chars.len()));
    let n = window.len();
    #[expect(clippy::cast_precision_loss, reason = "a log-probability needs no exact integer")]
    let log_total = (total.max(1) as f64).ln();
    // best[i]: (score of the best path from window.start + i to the end, its first word).
    let mut best: Vec<(f64, usize, Option<Entry>)> = vec![(0.0, 0, None); n + 1];
    for i in (0..n).rev() {
        let p = window.start + i;
        let run = if chars[p].is_ascii_alphanumeric() {
            chars[p..window.end].iter().take_while(|c| c.is_ascii_alphanumeric()).count()
        } else {
            1
        };
        let mut choice = (best[i + run].0 - log_total, run, None);
        for word in words_at(p).take_while(|w| w.span.end <= window.end) {
            let len = word.span.len();
            let score = f64::from(word.entry.freq.max(1)).ln() - log_total + best[i + len].0;
            // Shortest first: on a tie the longer word wins, as in jieba.
            if score >= choice.0 {
                choice = (score, len, Some(word.entry));
            }
        }
        best[i] = choice;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let (_, len, entry) = best[i];
        out.push(Segment { span: Span::new(window.start + i, window.start + i + len), entry });
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::PartOfSpeech;
    use super::super::tests::chars;
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let chars = chars(text);
        let lex = GeneralLexicon::embedded();
        lex.segment(&chars, Span::new(0, chars.len()))
            .iter()
            .map(|s| chars[s.span.start..s.span.end].iter().collect())
            .collect()
    }

    #[test]
    fn segments_a_verb_before_a_bank() {
        assert_eq!(words("要发挥中国建设银行的作用"), ["要", "发挥", "中国建设银行", "的", "作用"]);
        // Traditional text segments the same way after folding.
        assert_eq!(words("要發揮中國建設銀行的作用"), ["要", "发挥", "中国建设银行", "的", "作用"]);
    }

    #[test]
    fn segments_fused_places_and_latin_runs() {
        // The best path keeps 黄石市 whole; 市县 is still a word crossing its end (see
        // `GeneralLexicon::crossing`).
        assert_eq!(words("黄石市县两级"), ["黄石市", "县", "两级"]);
        assert_eq!(words("市縣兩級"), ["市县", "两级"]);
        assert_eq!(words("与DeepSeek合作"), ["与", "DeepSeek", "合作"]);
    }

    #[test]
    fn segments_only_the_window_and_keeps_entries() {
        let text = chars("一方面要减少医保基金支出");
        let lex = GeneralLexicon::embedded();
        let segments = lex.segment(&text, Span::new(4, 10));
        let spans: Vec<Span> = segments.iter().map(|s| s.span).collect();
        assert_eq!(spans, [Span::new(4, 6), Span::new(6, 8), Span::new(8, 10)]);
        assert_eq!(segments[0].entry.map(|e| e.pos), Some(PartOfSpeech::Verb));
        assert!(lex.segment(&text, Span::new(3, 3)).is_empty());
        assert!(lex.segment(&text, Span::new(11, 40)).len() == 1, "clamped to the text");
    }
}
