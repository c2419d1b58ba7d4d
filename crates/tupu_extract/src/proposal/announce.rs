//! Announcements of a numbered list: a count, a measure word and what the list holds
//! (提出四點建議, 分享四點倡議, 做好四方面工作, 三項具體措施).
//!
//! An announcement must be followed by a pause or by the list itself (四點建議：…, 四點建議，第一…):
//! 提出四項原則、五點主張和三個倡導的重要理念 names earlier proposals and announces nothing.

use super::words::{ProposalWords, Role};
use crate::analysis::Analysis;
use crate::lexicon::{self, WordSet};
use crate::numeral::{arabic_count, chinese_count, is_numeral_char};
use crate::span::Span;

/// Most characters between the measure word and the noun (三點具體建議, 三個方面的建議).
const MAX_MODIFIER: usize = 4;

/// One announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Announcement {
    /// From the announcing verb (or the count) to the noun: 提出四點建議.
    pub(crate) span: Span,
    /// Where the count starts (what comes before it is the announcer).
    pub(crate) count_at: usize,
    /// The announced number of points; `None` for 幾點建議.
    pub(crate) count: Option<usize>,
    /// Index of the sentence it is in.
    pub(crate) sentence: usize,
}

/// A count at the start of `chars`: (number, or `None` for an unstated one like 幾 or 若干
/// (`indefinite`); length).
fn count_at(chars: &[char], indefinite: &WordSet) -> Option<(Option<usize>, usize)> {
    if chars.first() == Some(&'两') {
        return Some((Some(2), 1));
    }
    if let Some(len) = indefinite.prefix_of_chars(chars) {
        return Some((None, len));
    }
    chinese_count(chars).or_else(|| arabic_count(chars)).map(|(n, len)| (Some(n), len))
}

impl Analysis<'_> {
    /// Every announcement of a numbered list in the article, in text order.
    pub(crate) fn announcements(&self) -> Vec<Announcement> {
        let words = &self.lex.proposals;
        let indefinite = self.class(lexicon::Role::IndefiniteCount);
        let as_follows = self.class(lexicon::Role::AsFollows);
        let mut out = Vec::new();
        for (index, sentence) in self.text().sentences().iter().enumerate() {
            let chars = self.chars_of(sentence.span);
            let mut i = 0;
            while i < chars.len() {
                // Only a numeral or an indefinite count can open a count: skip everything else.
                if !is_numeral_char(chars[i]) && !indefinite.may_start_with(chars[i]) {
                    i += 1;
                    continue;
                }
                // A count inside a larger number or an ordinal (第三點) announces nothing.
                let inside = i > 0
                    && (count_at(&chars[i - 1..], indefinite).is_some()
                        || chars[i - 1] == '第'
                        || chars[i - 1].is_ascii_digit());
                let Some((count, len)) = count_at(&chars[i..], indefinite).filter(|_| !inside) else {
                    i += 1;
                    continue;
                };
                if let Some(end) = announced_noun_end(chars, i + len, words, as_follows) {
                    let verb = words.suffix(&chars[..i], Role::Verb).unwrap_or(0);
                    let start = sentence.span.start;
                    out.push(Announcement {
                        span: Span::new(start + i - verb, start + end),
                        count_at: start + i,
                        count,
                        sentence: index,
                    });
                    i = end;
                } else {
                    i += len;
                }
            }
        }
        out
    }
}

/// Where the noun of an announcement ends, when a measure word, a short modifier and a list
/// noun follow position `from`, and a pause or the list follows them.
fn announced_noun_end(chars: &[char], from: usize, words: &ProposalWords, as_follows: &WordSet) -> Option<usize> {
    let classifier = words.prefix(&chars[from..], Role::Classifier)?;
    let noun_from = from + classifier;
    for modifier in 0..=MAX_MODIFIER {
        let at = noun_from + modifier;
        if at >= chars.len() || chars[noun_from..at].iter().any(|c| "，。；：、,;:".contains(*c)) {
            return None;
        }
        if let Some(noun) = words.prefix(&chars[at..], Role::Noun) {
            let end = at + noun;
            let follows = &chars[end..];
            let pause = follows.first().is_none_or(|c| "，。；：,;:".contains(*c));
            return (pause || as_follows.prefix_of_chars(follows).is_some()).then_some(end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;

    fn announced(text: &str) -> Vec<(String, Option<usize>)> {
        let a = analysis_with(text, None, &[]);
        a.announcements().into_iter().map(|x| (a.surface(x.span).to_owned(), x.count)).collect()
    }

    #[test]
    fn counts_measure_words_and_nouns_announce_in_both_scripts() {
        assert_eq!(announced("為此，陳司長提出四點建議，第一，加強合作。"), [("提出四點建議".to_owned(), Some(4))]);
        assert_eq!(announced("她分享了三点倡议："), [("分享了三点倡议".to_owned(), Some(3))]);
        assert_eq!(announced("將重點做好四方面工作："), [("做好四方面工作".to_owned(), Some(4))]);
        assert_eq!(announced("他提出兩點具體建議："), [("提出兩點具體建議".to_owned(), Some(2))]);
        assert_eq!(announced("提出12項措施如下。"), [("提出12項措施".to_owned(), Some(12))]);
        assert_eq!(announced("他提出幾點看法："), [("提出幾點看法".to_owned(), None)]);
    }

    #[test]
    fn a_count_that_names_rather_than_announces_is_not_an_announcement() {
        for text in [
            "先後提出四項原則、五點主張和三個倡導的重要理念。",
            "第三點建議：",
            "這十三點建議的落實情況。",
            "共有三項建議獲採納。",
        ] {
            assert!(announced(text).is_empty(), "{text}: {:?}", announced(text));
        }
    }
}
