//! The general lexicon's words of one text, walked once per position ([`TextWords`]).
//!
//! The rules ask the same positions many times — whether a word crosses a name's start, which
//! words end where it ends — and each question walks the automaton from up to fifteen positions
//! before it. Across one article the questions overlap (a name's every occurrence, every
//! proposal of the tagger around it), so the words starting at a position are walked on the
//! first question about that position and read back for the others: the answers are the
//! lexicon's own, only the walking is shared.

use std::cell::RefCell;

use super::{Entry, GeneralLexicon, GeneralWord, PartOfSpeech, Segment, TagId};
use crate::span::Span;

/// A position not walked yet.
const UNWALKED: u8 = u8::MAX;

/// The words of the general lexicon starting at each position of one text (folded characters),
/// found on first use. Answers as [`GeneralLexicon`]'s queries of the same names do on the same
/// characters.
pub(crate) struct TextWords<'a> {
    lexicon: &'a GeneralLexicon,
    chars: &'a [char],
    memo: RefCell<Memo>,
}

impl std::fmt::Debug for TextWords<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextWords").field("chars", &self.chars.len()).finish_non_exhaustive()
    }
}

#[derive(Default)]
struct Memo {
    /// For each position ([`Walked`]), [`UNWALKED`] in `count` until asked. Empty until the
    /// first question.
    starts: Vec<Walked>,
    /// The words of the walked positions, each as its length and entry, shortest first.
    words: Vec<(u8, Entry)>,
}

/// What is kept of one position.
#[derive(Clone, Copy)]
struct Walked {
    /// Where its words start in `Memo::words`.
    at: u32,
    /// How many words start there.
    count: u8,
    /// The length of the longest ordinary word ([`Entry::is_ordinary`]) starting there, 0 if none.
    ordinary: u8,
}

/// The words starting at one position, shortest first (a copy: no borrow of the memo is held
/// while a caller looks at them).
pub(crate) struct StartingWords {
    start: usize,
    next: usize,
    len: usize,
    words: [(u8, Entry); GeneralLexicon::MAX_WORD_CHARS],
}

impl Iterator for StartingWords {
    type Item = GeneralWord;

    #[inline]
    fn next(&mut self) -> Option<GeneralWord> {
        let &(n, entry) = self.words[..self.len].get(self.next)?;
        self.next += 1;
        Some(GeneralWord { span: Span::new(self.start, self.start + usize::from(n)), entry })
    }
}

const NO_ENTRY: Entry = Entry { freq: 0, tag: TagId(0), pos: PartOfSpeech::Other };

impl<'a> TextWords<'a> {
    /// The words of `chars` (folded characters) in `lexicon`; nothing is walked yet.
    pub(crate) fn new(lexicon: &'a GeneralLexicon, chars: &'a [char]) -> Self {
        Self { lexicon, chars, memo: RefCell::new(Memo::default()) }
    }

    /// What is kept of position `start` (< the text's length), walking it on first use.
    fn walked(&self, memo: &mut Memo, start: usize) -> Walked {
        if memo.starts.is_empty() {
            memo.starts = vec![Walked { at: 0, count: UNWALKED, ordinary: 0 }; self.chars.len()];
        }
        let known = memo.starts[start];
        if known.count != UNWALKED {
            return known;
        }
        let before = memo.words.len();
        let mut ordinary = 0;
        for w in self.lexicon.words_starting_at(self.chars, start) {
            // A word is at most MAX_WORD_CHARS (16) long: its length fits a byte.
            let len = w.span.len() as u8;
            if w.entry.is_ordinary() {
                ordinary = len;
            }
            memo.words.push((len, w.entry));
        }
        let walked = Walked {
            at: u32::try_from(before).unwrap_or(u32::MAX),
            count: (memo.words.len() - before) as u8,
            ordinary,
        };
        memo.starts[start] = walked;
        walked
    }

    /// The words starting at `start`, shortest first ([`GeneralLexicon::words_starting_at`]).
    pub(crate) fn starting_at(&self, start: usize) -> StartingWords {
        let mut out = StartingWords { start, next: 0, len: 0, words: [(0, NO_ENTRY); GeneralLexicon::MAX_WORD_CHARS] };
        if start >= self.chars.len() {
            return out;
        }
        let mut memo = self.memo.borrow_mut();
        let w = self.walked(&mut memo, start);
        let words = &memo.words[w.at as usize..w.at as usize + usize::from(w.count)];
        out.words[..words.len()].copy_from_slice(words);
        out.len = words.len();
        out
    }

    /// The longest word starting at `start` ([`GeneralLexicon::longest_starting_at`]).
    pub(crate) fn longest_starting_at(&self, start: usize) -> Option<GeneralWord> {
        self.starting_at(start).last()
    }

    /// The entry of the word occupying exactly `span` ([`GeneralLexicon::word_at`]).
    pub(crate) fn word_at(&self, span: Span) -> Option<Entry> {
        if span.is_empty() || span.len() > GeneralLexicon::MAX_WORD_CHARS || span.end > self.chars.len() {
            return None;
        }
        let mut memo = self.memo.borrow_mut();
        let w = self.walked(&mut memo, span.start);
        memo.words[w.at as usize..w.at as usize + usize::from(w.count)]
            .iter()
            .find(|(n, _)| usize::from(*n) == span.len())
            .map(|&(_, entry)| entry)
    }

    /// The first position at or after `from` where an ordinary word ([`Entry::is_ordinary`])
    /// starts that crosses `pos` (starts before it, ends after it): as the least start of
    /// `crossing(pos)` filtered to ordinary words starting at `from` or later.
    pub(crate) fn ordinary_crossing_from(&self, from: usize, pos: usize) -> Option<usize> {
        let first = from.max(pos.saturating_sub(GeneralLexicon::MAX_WORD_CHARS - 1));
        let end = pos.min(self.chars.len());
        if first >= end {
            return None;
        }
        let mut memo = self.memo.borrow_mut();
        (first..end).find(|&start| start + usize::from(self.walked(&mut memo, start).ordinary) > pos)
    }

    /// The words that cross position `pos` (start before it, end after it), by start then length
    /// ([`GeneralLexicon::crossing`]).
    pub(crate) fn crossing(&self, pos: usize) -> impl Iterator<Item = GeneralWord> + '_ {
        (pos.saturating_sub(GeneralLexicon::MAX_WORD_CHARS - 1)..pos)
            .flat_map(move |start| self.starting_at(start).filter(move |w| w.span.end > pos))
    }

    /// Whether a word crosses position `pos` ([`GeneralLexicon::is_crossed`]).
    pub(crate) fn is_crossed(&self, pos: usize) -> bool {
        self.crossing(pos).next().is_some()
    }

    /// The most probable segmentation of `window` ([`GeneralLexicon::segment`]), from the
    /// walked positions: the rules segment overlapping windows around every candidate.
    pub(crate) fn segment(&self, window: Span) -> Vec<Segment> {
        super::segment::segment_by(self.chars, window, self.lexicon.total_frequency(), |p| self.starting_at(p))
    }

    /// The words ending at `end`, longest first ([`GeneralLexicon::words_ending_at`]).
    pub(crate) fn words_ending_at(&self, end: usize) -> impl Iterator<Item = GeneralWord> + '_ {
        let end = end.min(self.chars.len());
        (end.saturating_sub(GeneralLexicon::MAX_WORD_CHARS)..end).filter_map(move |start| {
            let span = Span::new(start, end);
            self.word_at(span).map(|entry| GeneralWord { span, entry })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::general::tests::chars;

    /// Every query answers as the lexicon's own, at every position of texts in both scripts,
    /// asked in an order that walks positions both before and after their first use.
    #[test]
    fn the_memo_answers_as_the_lexicon_does() {
        let lex = GeneralLexicon::embedded();
        for text in ["黃石市縣兩級幹部發揮了中國建設銀行的作用", "黄石市县两级干部减少医保基金支出，发挥优势"]
        {
            let chars = chars(text);
            let memo = TextWords::new(lex, &chars);
            for pos in (0..=chars.len() + 1).rev().chain(0..=chars.len() + 1) {
                let spans =
                    |it: &mut dyn Iterator<Item = GeneralWord>| it.map(|w| (w.span, w.entry)).collect::<Vec<_>>();
                assert_eq!(
                    spans(&mut memo.starting_at(pos)),
                    spans(&mut lex.words_starting_at(&chars, pos)),
                    "{text} {pos}"
                );
                assert_eq!(spans(&mut memo.crossing(pos)), spans(&mut lex.crossing(&chars, pos)), "{text} {pos}");
                assert_eq!(memo.is_crossed(pos), lex.is_crossed(&chars, pos), "{text} {pos}");
                for from in 0..=pos {
                    let least = lex
                        .crossing(&chars, pos)
                        .filter(|w| w.span.start >= from && w.entry.is_ordinary())
                        .map(|w| w.span.start)
                        .min();
                    assert_eq!(memo.ordinary_crossing_from(from, pos), least, "{text} {from} {pos}");
                }
                assert_eq!(
                    spans(&mut memo.words_ending_at(pos)),
                    spans(&mut lex.words_ending_at(&chars, pos)),
                    "{text} {pos}"
                );
                assert_eq!(memo.longest_starting_at(pos), lex.longest_starting_at(&chars, pos), "{text} {pos}");
                for end in pos..=chars.len() + 1 {
                    let window = Span::new(pos, end);
                    assert_eq!(memo.segment(window), lex.segment(&chars, window), "{text} {window:?}");
                }
                for len in 0..=GeneralLexicon::MAX_WORD_CHARS + 1 {
                    let span = Span::new(pos, pos + len);
                    assert_eq!(memo.word_at(span), lex.word_at(&chars, span), "{text} {span:?}");
                }
            }
        }
    }
}
