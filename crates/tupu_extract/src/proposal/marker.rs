//! List markers: what numbers the points of a proposal (一是, 第一，, 首先，, （一）, 一、, 1.).
//!
//! A marker counts only where a clause starts (a paragraph start, or after ，；：。): 第一 inside
//! 將創新作為第一動力 numbers nothing. 一、 and 1. count only at a paragraph start, where they
//! number paragraphs; inside a sentence they are 一、二月 and 1.5億.

use super::words::{ProposalWords, Role};
use crate::analysis::Analysis;
use crate::numeral::{arabic_count, chinese_count};
use crate::span::Span;

/// Characters after which a clause starts.
const CLAUSE_BREAKS: &[char] = &['，', '；', '：', '。', '！', '？', ',', ';', ':', '!', '?'];
/// Punctuation that may follow 第一 before the point itself.
const AFTER_ORDINAL: &[char] = &['，', '、', '：', ',', ':'];

/// Which kind of numbering a marker belongs to: a list keeps to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// 一是, 二是.
    Shi,
    /// 第一，第二.
    Di,
    /// 首先, 其次, 最後.
    Sequence,
    /// （一）, (1).
    Bracketed,
    /// 一、 at a paragraph start.
    Enumerated,
    /// 1. or 1、 at a paragraph start.
    Arabic,
    /// 包括 right after an announcement (三項新安排，包括A；第二，B): a first point that
    /// another family numbers on.
    Opening,
}

impl Family {
    /// Whether a list whose only point is of family `self` goes on with a second point of
    /// family `next`: 首先…第二…第三 and 三項安排，包括…；第二… mix families.
    pub(crate) fn goes_on_with(self, next: Family) -> bool {
        self == next
            || match self {
                Family::Sequence => next == Family::Di,
                Family::Opening => matches!(next, Family::Di | Family::Shi | Family::Sequence),
                _ => false,
            }
    }
}

/// Where a marker stands in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ordinal {
    /// The nth point (1-based).
    Number(usize),
    /// The point after the previous one (再次).
    Next,
    /// The last point (最後).
    Last,
}

/// One marker in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    pub(crate) family: Family,
    pub(crate) ordinal: Ordinal,
    /// The marker with the pause or 是 after it (第一，是).
    pub(crate) span: Span,
    /// Where the point's own words begin.
    pub(crate) body: usize,
    /// Index of the paragraph it is in.
    pub(crate) paragraph: usize,
    /// Whether it opens its paragraph.
    pub(crate) opens_paragraph: bool,
}

impl Analysis<'_> {
    /// Every list marker of the article, in text order.
    pub(crate) fn list_markers(&self) -> Vec<Marker> {
        let words = &self.lex.proposals;
        let mut out = Vec::new();
        for (index, paragraph) in self.text().paragraphs().iter().enumerate() {
            let chars = self.chars_of(paragraph.span);
            let mut at_clause_start = true;
            for i in 0..chars.len() {
                let c = chars[i];
                let opens_clause = at_clause_start && !c.is_whitespace();
                let found = if opens_clause {
                    at_clause_start = false;
                    let opens_paragraph = chars[..i].iter().all(|c| c.is_whitespace());
                    marker_at(&chars[i..], opens_paragraph, words)
                        .or_else(|| opening_at(&chars[..i], &chars[i..], words))
                        .map(|found| (found, opens_paragraph))
                } else {
                    first_point_inside_clause(&chars[i..], words).map(|found| (found, false))
                };
                if let Some(((family, ordinal, body), opens_paragraph)) = found {
                    let start = paragraph.span.start + i;
                    out.push(Marker {
                        family,
                        ordinal,
                        span: Span::new(start, start + body),
                        body: start + body,
                        paragraph: index,
                        opens_paragraph,
                    });
                }
                if CLAUSE_BREAKS.contains(&c) {
                    at_clause_start = true;
                }
            }
        }
        out
    }
}

/// An opening word (包括) that `chars` starts with, right after an announced noun and a pause
/// (`before`: the paragraph up to it): the first point of a list the text numbers on from 第二.
fn opening_at(before: &[char], chars: &[char], words: &ProposalWords) -> Option<(Family, Ordinal, usize)> {
    let len = words.prefix(chars, Role::Opener)?;
    let (pause, noun) = before.split_last()?;
    (CLAUSE_BREAKS.contains(pause) && words.suffix(noun, Role::Noun).is_some()).then_some((
        Family::Opening,
        Ordinal::Number(1),
        len,
    ))
}

/// The marker `chars` starts with: its family, its ordinal, and where the point begins (the
/// marker runs up to there).
fn marker_at(chars: &[char], opens_paragraph: bool, words: &ProposalWords) -> Option<(Family, Ordinal, usize)> {
    let body_after = |mut i: usize, skip_shi: bool| {
        while chars.get(i).is_some_and(|c| AFTER_ORDINAL.contains(c) || c.is_whitespace()) {
            i += 1;
        }
        // 第一，是順應時代的大勢: the 是 belongs to the marker.
        if skip_shi && chars.get(i) == Some(&'是') {
            i += 1;
        }
        i
    };
    let number = |from: usize| {
        let rest = chars.get(from..)?;
        chinese_count(rest).or_else(|| arabic_count(rest))
    };
    match chars.first()? {
        '（' | '(' | '〔' | '[' => {
            let (n, len) = number(1)?;
            let close = *chars.get(1 + len)?;
            matches!(close, '）' | ')' | '〕' | ']').then(|| {
                let end = 2 + len;
                (Family::Bracketed, Ordinal::Number(n), body_after(end, false))
            })
        }
        '第' => {
            let (n, len) = chinese_count(&chars[1..])?;
            let mut end = 1 + len;
            end += words.prefix(&chars[end..], Role::Ordinal).unwrap_or(0);
            let next = *chars.get(end)?;
            (AFTER_ORDINAL.contains(&next) || next == '是')
                .then(|| (Family::Di, Ordinal::Number(n), body_after(end, true)))
        }
        _ => {
            if let Some((n, len)) = chinese_count(chars) {
                match chars.get(len) {
                    Some('是') => {
                        return Some((Family::Shi, Ordinal::Number(n), body_after(len + 1, false)));
                    }
                    Some('、') if opens_paragraph => {
                        return Some((Family::Enumerated, Ordinal::Number(n), body_after(len + 1, false)));
                    }
                    _ => {}
                }
            }
            if opens_paragraph {
                if let Some((n, len)) = arabic_count(chars) {
                    let after = chars.get(len + 1).copied();
                    let marks = matches!(chars.get(len), Some('.' | '、' | '．' | '）' | ')'));
                    if marks && !after.is_some_and(|c| c.is_ascii_digit()) {
                        return Some((Family::Arabic, Ordinal::Number(n), body_after(len + 1, false)));
                    }
                }
            }
            sequence_marker_at(chars, words)
        }
    }
}

/// A sequence word (首先, 其次, 最後) that `chars` starts with, followed by a pause (首先，) or by
/// a modal (首先要…，其次是…): its ordinal and where the point begins (after the modal). Whether
/// it numbers anything is decided by the list it falls into: a lone 首先要 makes no list.
fn sequence_marker_at(chars: &[char], words: &ProposalWords) -> Option<(Family, Ordinal, usize)> {
    let (role, len) = words.sequence_word(chars)?;
    let ordinal = match role {
        Role::First => Ordinal::Number(1),
        Role::Second => Ordinal::Number(2),
        Role::Next => Ordinal::Next,
        _ => Ordinal::Last,
    };
    if AFTER_ORDINAL.contains(chars.get(len)?) {
        let mut body = len;
        while chars.get(body).is_some_and(|c| AFTER_ORDINAL.contains(c) || c.is_whitespace()) {
            body += 1;
        }
        return Some((Family::Sequence, ordinal, body));
    }
    let modal = words.prefix(&chars[len..], Role::Modal)?;
    Some((Family::Sequence, ordinal, len + modal))
}

/// A first point that opens inside a clause (購買時首先要注意…；其次要…): only 首先 with a modal
/// after it, since a sequence word inside a clause is otherwise an adverb (他首先抵達).
fn first_point_inside_clause(chars: &[char], words: &ProposalWords) -> Option<(Family, Ordinal, usize)> {
    let found = sequence_marker_at(chars, words)?;
    let with_modal =
        words.prefix(chars, Role::First).is_some_and(|len| words.prefix(&chars[len..], Role::Modal).is_some());
    (found.1 == Ordinal::Number(1) && with_modal).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::analysis_with;

    fn markers(text: &str) -> Vec<(Family, Ordinal, String)> {
        let a = analysis_with(text, None, &[]);
        a.list_markers().into_iter().map(|m| (m.family, m.ordinal, a.surface(m.span).to_owned())).collect()
    }

    #[test]
    fn each_family_is_recognised_at_a_clause_start() {
        use Family::*;
        use Ordinal::Number;
        assert_eq!(
            markers("建議：一是加強合作；二是推動發展。")[..2],
            [(Shi, Number(1), "一是".into()), (Shi, Number(2), "二是".into())]
        );
        assert_eq!(markers("第一，是順應大勢。第二，應聚焦普惠。")[0], (Di, Number(1), "第一，是".into()));
        assert_eq!(markers("第二點，加快供應。")[0], (Di, Number(2), "第二點，".into()));
        assert_eq!(markers("首先，簡化程序；其次，加快審批；最后，降低成本。").len(), 3);
        assert_eq!(markers("（一）加強合作\n（二）推動發展")[1], (Bracketed, Number(2), "（二）".into()));
        assert_eq!(markers("一、總體要求\n二、主要任務")[1], (Enumerated, Number(2), "二、".into()));
        assert_eq!(markers("1. 加強合作\n2、推動發展")[1], (Arabic, Number(2), "2、".into()));
    }

    #[test]
    fn an_opening_word_after_an_announcement_is_a_first_point() {
        for text in ["共有三項新安排，包括簡化程序；第二，加快審批。", "共有三项新安排，包括简化程序；第二，加快审批。"]
        {
            let got = markers(text);
            assert_eq!(got[0].0, Family::Opening, "{text}: {got:?}");
            assert_eq!(got[1].0, Family::Di);
        }
        assert!(markers("活動內容豐富，包括講座和展覽。").is_empty());
    }

    #[test]
    fn a_sequence_word_with_a_modal_is_a_marker_and_a_bare_adverb_is_not() {
        // 首先要 marks a point; a lone one makes no list (proposal::tests).
        assert_eq!(markers("購買時首先要留意折價率；其次是分紅。").len(), 2);
        assert_eq!(markers("购买时首先要留意折价率；其次是分红。").len(), 2);
        assert!(markers("他首先抵達會場，其後離開。").is_empty());
    }

    #[test]
    fn numerals_inside_clauses_are_not_markers() {
        for text in [
            "將創新作為第一動力，在第一時間跟進。",
            "統一是大勢所趨，其中一是關鍵。",
            "今年1.5億元，一、二月份增長。",
            "第一時間跟進。",
        ] {
            assert!(markers(text).is_empty(), "{text}: {:?}", markers(text));
        }
    }
}
