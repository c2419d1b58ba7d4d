//! The general word lexicon: some 350,000 Chinese words with a part of speech and a frequency
//! (jieba's dictionary, folded to tupu's matching key; provenance in `data/general/README.md`).
//!
//! It answers the questions a name's edges raise — is there a word crossing this position, which
//! words start or end here and what are they — lazily, at the positions a rule asks about, and
//! never segments a whole article. The words are a finite-state transducer (`fst`) built offline
//! (`data/general/derive.sh`) and embedded in the binary: loading it reads a header, nothing more,
//! and a query walks the automaton one character at a time from the position it asks about.
//!
//! Keys are folded ([`crate::normalize::fold`]) when the file is derived, so a query on the folded
//! view of Traditional text finds the Simplified entry (發揮 → 发挥). The value of a word is its
//! frequency shifted left by eight bits, or'd with its tag's number in `tags.tsv`; the empty key
//! holds the sum of all frequencies (the denominator of a word's probability).

mod derive;
mod memo;
mod pos;
mod segment;
mod trim;

use std::borrow::Cow;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{LazyLock, OnceLock};

use fst::raw::{Fst, Node, Output};

pub use derive::{Derived, derive};
pub(crate) use memo::TextWords;
pub use pos::{PartOfSpeech, TagId, TagInfo, TagTable};
pub use segment::Segment;
pub use trim::{NameTrim, RestRule, TrimReason, fused_ending, names_on_its_own, opens_a_clause, trim_name_start};

use crate::lexicon::LexiconError;
use crate::span::Span;

/// The embedded word automaton (`data/general/words.fst`).
const EMBEDDED_WORDS: &[u8] = include_bytes!("../../../data/general/words.fst");
/// The embedded tag table (`data/general/tags.tsv`).
const EMBEDDED_TAGS: &str = include_str!("../../../data/general/tags.tsv");

static EMBEDDED: LazyLock<GeneralLexicon> = LazyLock::new(|| {
    #[expect(clippy::expect_used, reason = "the embedded files are validated by unit tests; a bad one cannot pass CI")]
    GeneralLexicon::from_bytes(Cow::Borrowed(EMBEDDED_WORDS), EMBEDDED_TAGS).expect("embedded general lexicon is valid")
});

/// What the lexicon knows about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// How often jieba's corpus has it (summed over the forms that fold to it).
    pub freq: u32,
    /// jieba's tag (look it up in [`GeneralLexicon::tags`]).
    pub tag: TagId,
    /// The tag's category.
    pub pos: PartOfSpeech,
}

impl Entry {
    /// An ordinary word, not a person's name, frequent enough to count
    /// ([`GeneralLexicon::ORDINARY_WORD_FREQ`]): a name cannot begin or end inside one.
    #[must_use]
    pub fn is_ordinary(&self) -> bool {
        self.pos != PartOfSpeech::Person && self.freq >= GeneralLexicon::ORDINARY_WORD_FREQ
    }
}

/// A dictionary word found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneralWord {
    /// Where it is, in code points of the text queried.
    pub span: Span,
    /// What it is.
    pub entry: Entry,
}

/// The block of ideographs whose first step into the automaton is tabled (Extension A and the
/// unified ideographs: every character of the dictionary but a handful).
const TABLED: std::ops::Range<u32> = 0x3400..0xA000;

/// The general word lexicon.
pub struct GeneralLexicon {
    words: Fst<Cow<'static, [u8]>>,
    tags: TagTable,
    total: u64,
    /// For each character of [`TABLED`]: the address of the node after reading it plus one (0
    /// when no word starts with it) and the output so far. Built on the first query: every walk
    /// starts with this step, and reading a character's three bytes from the root is the
    /// costliest part of a short walk.
    first_step: OnceLock<Vec<(u32, u32)>>,
    /// For each character of [`TABLED`] that begins a word: every character that can follow it,
    /// with the node after reading it and the output of its bytes, in character order. Filled
    /// one first character at a time, once walks have taken [`SECOND_STEP_TABLED_AFTER`]
    /// second steps from it: the second step is the next costliest (three nodes decoded from a
    /// 3.6 MB automaton, most of them cache misses), and news text repeats its character pairs;
    /// listing a rare first character's followers would cost more than its walks.
    second_step: OnceLock<Box<[SecondSteps]>>,
}

/// How many second steps from one first character are walked through the automaton before its
/// followers are tabled: listing them decodes some three nodes per follower, a walk three per
/// step.
const SECOND_STEP_TABLED_AFTER: u32 = 64;

/// The followers of one first character ([`GeneralLexicon::second_step`]).
#[derive(Default)]
struct SecondSteps {
    /// Second steps walked from it so far (counted until it is tabled).
    walked: AtomicU32,
    table: OnceLock<Box<[SecondStep]>>,
}

/// A character after a tabled first character ([`GeneralLexicon::second_step`]).
#[derive(Clone, Copy)]
struct SecondStep {
    c: char,
    addr: usize,
    out: u64,
}

impl std::fmt::Debug for GeneralLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneralLexicon").field("words", &self.len()).field("total", &self.total).finish_non_exhaustive()
    }
}

impl GeneralLexicon {
    /// The longest word, in characters: no query looks further than this from its position.
    pub const MAX_WORD_CHARS: usize = 16;

    /// Fewest occurrences in jieba's corpus a word needs to count as an ordinary word where the
    /// rules ask where a name ends or what a given name is: rarer entries are mostly noise (光會,
    /// 3 occurrences, would cut 羅致光會上 to 羅致).
    pub const ORDINARY_WORD_FREQ: u32 = 10;

    /// The lexicon embedded in the crate.
    #[must_use]
    pub fn embedded() -> &'static GeneralLexicon {
        &EMBEDDED
    }

    /// A lexicon from a word automaton (as [`derive`] writes it) and a tag table (`tags.tsv`).
    ///
    /// # Errors
    /// The automaton is not one (bad header or checksum), or the tag table is malformed.
    pub fn from_bytes(words: Cow<'static, [u8]>, tags: &str) -> Result<Self, LexiconError> {
        let words = Fst::new(words).map_err(|e| LexiconError {
            path: "general/words.fst".into(),
            line: 0,
            message: format!("not a word automaton: {e}"),
        })?;
        let root = words.root();
        let total = if root.is_final() { root.final_output().value() } else { 0 };
        Ok(Self {
            words,
            tags: TagTable::parse(tags)?,
            total,
            first_step: OnceLock::new(),
            second_step: OnceLock::new(),
        })
    }

    /// The embedded lexicon with `general/words.fst` and `general/tags.tsv` under `dir`
    /// replacing their embedded versions where present (as [`crate::Lexicons::from_dir`]).
    ///
    /// # Errors
    /// A file that cannot be read, or one [`GeneralLexicon::from_bytes`] rejects.
    pub fn from_dir(dir: &Path) -> Result<Self, LexiconError> {
        let read_error =
            |path: &Path, e: std::io::Error| LexiconError { path: path.to_path_buf(), line: 0, message: e.to_string() };
        let words_path = dir.join("general/words.fst");
        let words = if words_path.exists() {
            Cow::Owned(std::fs::read(&words_path).map_err(|e| read_error(&words_path, e))?)
        } else {
            Cow::Borrowed(EMBEDDED_WORDS)
        };
        let tags_path = dir.join("general/tags.tsv");
        let tags = if tags_path.exists() {
            std::fs::read_to_string(&tags_path).map_err(|e| read_error(&tags_path, e))?
        } else {
            EMBEDDED_TAGS.to_owned()
        };
        Self::from_bytes(words, &tags)
    }

    /// Number of words.
    #[must_use]
    pub fn len(&self) -> usize {
        // The empty key holds the total, it is no word.
        self.words.len().saturating_sub(usize::from(self.words.root().is_final()))
    }

    /// Whether the lexicon has no words.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The sum of all words' frequencies.
    #[must_use]
    pub fn total_frequency(&self) -> u64 {
        self.total
    }

    /// The tag table.
    #[must_use]
    pub fn tags(&self) -> &TagTable {
        &self.tags
    }

    /// Size of the word automaton in bytes.
    #[must_use]
    pub fn size_in_bytes(&self) -> usize {
        self.words.as_bytes().len()
    }

    /// The entry of a folded word.
    #[must_use]
    pub fn get(&self, folded: &str) -> Option<Entry> {
        if folded.is_empty() {
            return None;
        }
        self.words.get(folded).map(|out| self.decode(out.value()))
    }

    /// For each position `i` of the folded `chars` (and its end), whether `chars[i..]` is a run
    /// of ordinary words of two to four characters, none a proper name (官立, 就業; not 遮打):
    /// what follows a name proper when the rest only says what it is or does.
    #[must_use]
    pub fn ordinary_words_to_end(&self, chars: &[char]) -> Vec<bool> {
        let n = chars.len();
        let word = |from: usize, to: usize| {
            let w: String = chars[from..to].iter().collect();
            self.get(&w).is_some_and(|e| e.is_ordinary() && !e.pos.is_proper_name())
        };
        let mut to_end = vec![false; n + 1];
        to_end[n] = true;
        for i in (0..n).rev() {
            to_end[i] = (2..=4).any(|len| i + len <= n && to_end[i + len] && word(i, i + len));
        }
        to_end
    }

    /// The entry of the word that occupies exactly `span` of `chars` (folded characters).
    #[must_use]
    pub fn word_at(&self, chars: &[char], span: Span) -> Option<Entry> {
        if span.is_empty() || span.len() > Self::MAX_WORD_CHARS || span.end > chars.len() {
            return None;
        }
        let mut walk = self.walk();
        for &c in &chars[span.start..span.end] {
            if !walk.step(c) {
                return None;
            }
        }
        walk.value().map(|v| self.decode(v))
    }

    /// The words starting at `start` of `chars` (folded characters), shortest first.
    #[must_use]
    pub fn words_starting_at<'a>(&'a self, chars: &'a [char], start: usize) -> WordsFrom<'a> {
        WordsFrom { lexicon: self, chars, start, pos: start, walk: self.walk(), done: start >= chars.len() }
    }

    /// The longest word starting at `start`.
    #[must_use]
    pub fn longest_starting_at(&self, chars: &[char], start: usize) -> Option<GeneralWord> {
        self.words_starting_at(chars, start).last()
    }

    /// The words ending at `end` of `chars` (folded characters), longest first.
    pub fn words_ending_at<'a>(&'a self, chars: &'a [char], end: usize) -> impl Iterator<Item = GeneralWord> + 'a {
        let end = end.min(chars.len());
        (end.saturating_sub(Self::MAX_WORD_CHARS)..end).filter_map(move |start| {
            let span = Span::new(start, end);
            self.word_at(chars, span).map(|entry| GeneralWord { span, entry })
        })
    }

    /// The words that cross position `pos` (start before it, end after it): a name cannot
    /// begin or end at `pos` without cutting one of them (黄石市县: 市县 crosses the start of 县).
    pub fn crossing<'a>(&'a self, chars: &'a [char], pos: usize) -> impl Iterator<Item = GeneralWord> + 'a {
        (pos.saturating_sub(Self::MAX_WORD_CHARS - 1)..pos)
            .flat_map(move |start| self.words_starting_at(chars, start).filter(move |w| w.span.end > pos))
    }

    /// Whether a word crosses position `pos`.
    #[must_use]
    pub fn is_crossed(&self, chars: &[char], pos: usize) -> bool {
        self.crossing(chars, pos).next().is_some()
    }

    fn walk(&self) -> Walk<'_> {
        Walk {
            fst: &self.words,
            first_step: self.first_step.get_or_init(|| first_steps(&self.words)),
            second_step: self.second_step.get_or_init(|| {
                (TABLED.start..TABLED.end).map(|_| SecondSteps::default()).collect::<Vec<_>>().into_boxed_slice()
            }),
            first: NOT_FIRST,
            node: None,
            out: Output::zero(),
        }
    }

    fn decode(&self, value: u64) -> Entry {
        let tag = TagId((value & 0xFF) as u8);
        Entry { freq: u32::try_from(value >> 8).unwrap_or(u32::MAX), tag, pos: self.tags.pos(tag) }
    }
}

/// The first step of every ideograph of [`TABLED`] (see `GeneralLexicon::first_step`): the
/// automaton's nodes for three-byte UTF-8 sequences, read level by level.
fn first_steps(fst: &Fst<Cow<'static, [u8]>>) -> Vec<(u32, u32)> {
    let mut table = vec![(0u32, 0u32); (TABLED.end - TABLED.start) as usize];
    let root = fst.root();
    for t1 in root.transitions().filter(|t| (0xE0..0xF0).contains(&t.inp)) {
        let n1 = fst.node(t1.addr);
        for t2 in n1.transitions() {
            let n2 = fst.node(t2.addr);
            for t3 in n2.transitions() {
                let Ok(s) = std::str::from_utf8(&[t1.inp, t2.inp, t3.inp]).map(str::to_owned) else { continue };
                let Some(c) = s.chars().next() else { continue };
                let code = u32::from(c);
                if TABLED.contains(&code) {
                    let out = t1.out.cat(t2.out).cat(t3.out).value();
                    if let (Ok(addr), Ok(out)) = (u32::try_from(t3.addr + 1), u32::try_from(out)) {
                        table[(code - TABLED.start) as usize] = (addr, out);
                    }
                }
            }
        }
    }
    table
}

/// The characters that can follow the node `first` (reached by one character): every path of
/// one UTF-8 sequence below it, in byte (hence character) order, as the automaton's transitions
/// are sorted.
fn second_steps(fst: &Fst<Cow<'static, [u8]>>, first: Node<'_>) -> Box<[SecondStep]> {
    fn below(fst: &Fst<Cow<'static, [u8]>>, node: Node<'_>, bytes: &mut Vec<u8>, out: u64, into: &mut Vec<SecondStep>) {
        for t in node.transitions() {
            bytes.push(t.inp);
            let out = out + t.out.value();
            let want = match bytes[0] {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            if bytes.len() == want {
                if let Some(c) = std::str::from_utf8(bytes).ok().and_then(|s| s.chars().next()) {
                    into.push(SecondStep { c, addr: t.addr, out });
                }
            } else if bytes.len() < want {
                below(fst, fst.node(t.addr), bytes, out, into);
            }
            bytes.pop();
        }
    }
    let mut into = Vec::new();
    below(fst, first, &mut Vec::with_capacity(4), 0, &mut into);
    into.into_boxed_slice()
}

/// [`Walk::first`] when the walk is not right after a tabled first character.
const NOT_FIRST: u32 = u32::MAX;

/// A walk through the automaton, one character at a time.
#[derive(Clone)]
struct Walk<'a> {
    fst: &'a Fst<Cow<'static, [u8]>>,
    first_step: &'a [(u32, u32)],
    second_step: &'a [SecondSteps],
    /// The [`TABLED`] index of the first character while the walk stands right after it (its
    /// second step is read from `second_step`), else [`NOT_FIRST`].
    first: u32,
    /// `None` at the root (before the first character).
    node: Option<Node<'a>>,
    out: Output,
}

impl<'a> Walk<'a> {
    /// Follows `c`; false when no word goes on with it.
    #[inline]
    fn step(&mut self, c: char) -> bool {
        let node = match self.node {
            Some(node) if self.first != NOT_FIRST => {
                let first = &self.second_step[std::mem::replace(&mut self.first, NOT_FIRST) as usize];
                let table = first.table.get().or_else(|| {
                    (first.walked.fetch_add(1, Ordering::Relaxed) >= SECOND_STEP_TABLED_AFTER)
                        .then(|| first.table.get_or_init(|| second_steps(self.fst, node)))
                });
                let Some(steps) = table else { return self.step_bytes(node, c) };
                let Ok(i) = steps.binary_search_by_key(&c, |s| s.c) else {
                    return false;
                };
                let s = steps[i];
                self.node = Some(self.fst.node(s.addr));
                self.out = self.out.cat(Output::new(s.out));
                return true;
            }
            Some(node) => node,
            None => {
                let code = u32::from(c);
                if TABLED.contains(&code) {
                    let (addr, out) = self.first_step[(code - TABLED.start) as usize];
                    if addr == 0 {
                        return false;
                    }
                    self.node = Some(self.fst.node(addr as usize - 1));
                    self.out = Output::new(u64::from(out));
                    self.first = code - TABLED.start;
                    return true;
                }
                self.fst.root()
            }
        };
        self.step_bytes(node, c)
    }

    /// Follows `c` from `node` byte by byte.
    #[inline]
    fn step_bytes(&mut self, node: Node<'a>, c: char) -> bool {
        let mut node = node;
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            let Some(i) = node.find_input(b) else {
                return false;
            };
            let t = node.transition(i);
            self.out = self.out.cat(t.out);
            node = self.fst.node(t.addr);
        }
        self.node = Some(node);
        true
    }

    /// The value of the word walked so far, if it is one.
    #[inline]
    fn value(&self) -> Option<u64> {
        self.node.filter(Node::is_final).map(|n| self.out.cat(n.final_output()).value())
    }
}

/// The words starting at one position, shortest first ([`GeneralLexicon::words_starting_at`]).
pub struct WordsFrom<'a> {
    lexicon: &'a GeneralLexicon,
    chars: &'a [char],
    start: usize,
    pos: usize,
    walk: Walk<'a>,
    done: bool,
}

impl Iterator for WordsFrom<'_> {
    type Item = GeneralWord;

    fn next(&mut self) -> Option<GeneralWord> {
        while !self.done {
            let Some(&c) = self.chars.get(self.pos) else {
                self.done = true;
                break;
            };
            if !self.walk.step(c) {
                self.done = true;
                break;
            }
            self.pos += 1;
            if let Some(v) = self.walk.value() {
                return Some(GeneralWord { span: Span::new(self.start, self.pos), entry: self.lexicon.decode(v) });
            }
        }
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::normalize::fold;

    pub(crate) fn chars(text: &str) -> Vec<char> {
        fold(text).chars().collect()
    }

    fn lex() -> &'static GeneralLexicon {
        GeneralLexicon::embedded()
    }

    #[test]
    fn the_embedded_lexicon_loads_with_its_words_and_total() {
        let lex = lex();
        assert!(lex.len() > 340_000, "{} words", lex.len());
        assert!(lex.total_frequency() > 50_000_000, "total {}", lex.total_frequency());
        let verb = lex.get("发挥").unwrap();
        assert_eq!(verb.pos, PartOfSpeech::Verb);
        assert_eq!(lex.tags().get(verb.tag).unwrap().tag, "v");
        assert!(verb.freq > 1000);
        assert_eq!(lex.get("有限公司").unwrap().pos, PartOfSpeech::Noun);
        assert_eq!(lex.get("在").unwrap().pos, PartOfSpeech::Preposition);
        assert_eq!(lex.get("一方面").unwrap().pos, PartOfSpeech::Quantity);
        assert_eq!(lex.get(""), None);
        assert_eq!(lex.get("发挥集"), None);
    }

    /// Every key is already folded: a query on folded text can find every word.
    #[test]
    fn every_word_is_folded_and_short_enough_and_tagged() {
        use fst::Streamer;
        let lex = lex();
        let mut stream = lex.words.stream();
        let mut n = 0;
        while let Some((key, out)) = stream.next() {
            let word = std::str::from_utf8(key).unwrap();
            if word.is_empty() {
                continue;
            }
            assert_eq!(fold(word), word);
            assert!(word.chars().count() <= GeneralLexicon::MAX_WORD_CHARS, "{word}");
            let tag = TagId((out.value() & 0xFF) as u8);
            assert!(lex.tags().get(tag).is_some(), "{word}: unknown tag {tag:?}");
            n += 1;
        }
        assert_eq!(n, lex.len());
    }

    #[test]
    fn traditional_text_finds_the_simplified_entry_after_folding() {
        let lex = lex();
        let text = chars("該集團將發揮優勢");
        let words: Vec<&str> = ["集团", "发挥", "优势"].to_vec();
        for w in words {
            assert!(lex.get(w).is_some(), "{w}");
        }
        let fa = lex.words_starting_at(&text, 4).map(|w| w.span).collect::<Vec<_>>();
        assert!(fa.contains(&Span::new(4, 6)), "{fa:?}");
    }

    #[test]
    fn words_start_and_end_at_a_position() {
        let lex = lex();
        // 发挥了中国建设银行的作用
        let text = chars("发挥了中国建设银行的作用");
        let from: Vec<Span> = lex.words_starting_at(&text, 3).map(|w| w.span).collect();
        assert!(from.contains(&Span::new(3, 4)) && from.contains(&Span::new(3, 5)), "{from:?}");
        assert_eq!(
            from,
            {
                let mut s = from.clone();
                s.sort_by_key(|s| s.end);
                s
            },
            "shortest first"
        );
        let longest = lex.longest_starting_at(&text, 5).unwrap();
        assert_eq!(longest.span, Span::new(5, 9), "建设银行");
        let to: Vec<Span> = lex.words_ending_at(&text, 9).map(|w| w.span).collect();
        assert!(to.contains(&Span::new(7, 9)) && to.contains(&Span::new(5, 9)), "{to:?}");
        assert_eq!(to.first(), Some(&Span::new(3, 9)), "longest first: 中国建设银行");
        assert_eq!(lex.word_at(&text, Span::new(3, 9)).unwrap().pos, PartOfSpeech::Organisation);
        assert_eq!(lex.words_starting_at(&text, text.len()).count(), 0);
        assert_eq!(lex.words_ending_at(&text, 0).count(), 0);
    }

    /// The tabled first and second steps walk to the same words as the automaton's own lookup,
    /// in both scripts, after a first character outside the table, and with a Latin letter or
    /// digit second.
    #[test]
    fn tabled_steps_find_what_the_automaton_finds() {
        let lex = lex();
        for text in ["發揮了中國建設銀行的作用，卡拉OK和3D打印", "发挥了中国建设银行的作用，Ｘ光和A股上涨"]
        {
            let text = chars(&fold(text));
            for start in 0..text.len() {
                for end in start + 1..=(start + 8).min(text.len()) {
                    let span = Span::new(start, end);
                    let word: String = text[start..end].iter().collect();
                    assert_eq!(lex.word_at(&text, span), lex.get(&word), "{word}");
                }
            }
        }
    }

    #[test]
    fn a_word_crossing_a_position_forbids_a_name_edge_there() {
        let lex = lex();
        // 黃石市縣兩級: 市县 crosses the start of 县, so no name begins there.
        let text = chars("黃石市縣兩級幹部");
        let crossing: Vec<Span> = lex.crossing(&text, 3).map(|w| w.span).collect();
        assert!(crossing.contains(&Span::new(2, 4)), "{crossing:?}");
        // 黄石市 | 县 is no edge; 市县 | 两级 is one.
        assert!(lex.is_crossed(&text, 3));
        assert!(!lex.is_crossed(&text, 4));
        assert!(!lex.is_crossed(&text, 0));
    }

    #[test]
    fn ordinary_words_to_the_end_of_a_name() {
        let lex = GeneralLexicon::embedded();
        let chars: Vec<char> = "甲乙就业居民".chars().collect();
        let to_end = lex.ordinary_words_to_end(&chars);
        assert_eq!(to_end.len(), chars.len() + 1);
        assert!(to_end[2] && to_end[4] && to_end[6], "{to_end:?}");
        assert!(!to_end[3] && !to_end[5], "{to_end:?}");
    }

    #[test]
    fn word_at_checks_an_exact_span() {
        let lex = lex();
        let text = chars("减少医保基金支出");
        assert_eq!(lex.word_at(&text, Span::new(0, 2)).unwrap().pos, PartOfSpeech::Verb);
        assert_eq!(lex.word_at(&text, Span::new(2, 4)).unwrap().pos, PartOfSpeech::Abbreviation);
        assert!(lex.word_at(&text, Span::new(1, 3)).is_none());
        assert!(lex.word_at(&text, Span::new(6, 9)).is_none(), "past the end");
        assert!(lex.word_at(&text, Span::new(2, 2)).is_none());
    }

    #[test]
    fn from_dir_replaces_the_tag_table_and_rejects_a_broken_automaton() {
        let dir = std::env::temp_dir().join(format!("tupu-general-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("general")).unwrap();
        // With nothing in the directory it is the embedded lexicon.
        assert_eq!(GeneralLexicon::from_dir(&dir).unwrap().len(), lex().len());
        let tags = "0\tn\tnoun\n8\tv\tadverb\n";
        std::fs::write(dir.join("general/tags.tsv"), tags).unwrap();
        let custom = GeneralLexicon::from_dir(&dir).unwrap();
        assert_eq!(custom.get("发挥").unwrap().pos, PartOfSpeech::Adverb);
        std::fs::write(dir.join("general/words.fst"), b"not an automaton").unwrap();
        let err = GeneralLexicon::from_dir(&dir).unwrap_err();
        assert!(err.message.contains("automaton"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
