//! Direct quotations: finding where a quote that opens (or closes) at a position ends (or
//! starts), across sentence boundaries, so that a quote is always kept whole.
//!
//! The sentence splitter breaks 「第一句。第二句。」 after each 。; a statement quoting it must
//! still cover the whole quotation, so the matching mark is looked for in the paragraph.

use crate::analysis::Analysis;
use crate::span::Span;

/// Opening quotation marks and their closers.
const PAIRS: &[(char, char)] = &[('「', '」'), ('“', '”'), ('『', '』'), ('‘', '’'), ('"', '"')];

/// The closer of an opening quotation mark.
pub(crate) fn closer_of(open: char) -> Option<char> {
    PAIRS.iter().find(|(o, _)| *o == open).map(|(_, c)| *c)
}

/// The opener of a closing quotation mark.
pub(crate) fn opener_of(close: char) -> Option<char> {
    PAIRS.iter().find(|(_, c)| *c == close).map(|(o, _)| *o)
}

/// Whether `c` opens a quotation.
pub(crate) fn is_opener(c: char) -> bool {
    closer_of(c).is_some()
}

impl Analysis<'_> {
    /// The quotation that opens at `open` (the position of its opening mark), up to its matching
    /// closing mark inside `within`: the span of the whole quotation, marks included.
    pub(crate) fn quote_from(&self, open: usize, within: Span) -> Option<Span> {
        let first = self.folded_char(open)?;
        let close = closer_of(first)?;
        let mut depth = 0usize;
        let rest = Span::new(open, within.end);
        for (i, c) in self.folded(rest).chars().enumerate() {
            // A symmetric mark (") closes when it is not the opening one.
            if c == close && (i > 0 || close != first) {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(Span::new(open, open + i + 1));
                }
            } else if c == first {
                depth += 1;
            }
        }
        None
    }

    /// The quotation that closes at `close` (the position of its closing mark), back to its
    /// matching opening mark inside `within`.
    pub(crate) fn quote_to(&self, close: usize, within: Span) -> Option<Span> {
        let last = self.folded_char(close)?;
        let open = opener_of(last)?;
        let mut depth = 0usize;
        for (i, &c) in self.chars.get(within.start..=close)?.iter().enumerate().rev() {
            let at = within.start + i;
            if c == last && (at == close || open != last) {
                depth += 1;
            } else if c == open {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(Span::new(at, close + 1));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::analysis_with;

    #[test]
    fn a_quote_is_found_whole_across_sentences() {
        let a = analysis_with("他說：「第一句。「內層」第二句。」然後離開。", None, &[]);
        let all = Span::new(0, a.text().len());
        let q = a.quote_from(3, all).expect("closed");
        assert_eq!(a.surface(q), "「第一句。「內層」第二句。」");
        assert_eq!(a.quote_to(q.end - 1, all), Some(q));
    }

    #[test]
    fn an_unclosed_quote_has_no_span() {
        let a = analysis_with("他说：“没有结束。", None, &[]);
        assert_eq!(a.quote_from(3, Span::new(0, a.text().len())), None);
    }
}
