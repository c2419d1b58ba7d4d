//! What the name tagger looks at: the feature templates, shared by training and tagging.
//!
//! Every feature of a character position is a function of one character or of one pair of
//! adjacent characters in a window of ±2 (the reference templates of the corpora's README):
//!
//! - five **character** templates: the character at offset −2, −1, 0, +1, +2;
//! - four **pair** templates: the pairs (−2,−1), (−1,0), (0,+1), (+1,+2);
//! - for each character template, its **class**: type (Han, digit, Chinese numeral, Latin letter,
//!   punctuation, space, name dot, sentence boundary) and whether it is a surname;
//! - for each pair template, its **pair class**: whether the pair is a compound surname (歐陽).
//!
//! Because every feature belongs to one character or one pair, all the weights a character
//! contributes (at its five offsets) sit in one row, and likewise for a pair: tagging a position
//! costs one lookup per character and one per pair, not one per feature. Classes are kept apart
//! from the characters in the weights so that a character never seen in training still gets its
//! class's weights, and so that a surname added to `surnames.tsv` counts without retraining.
//!
//! A new kind of feature (a word-lexicon boundary or part of speech, say) that belongs to one
//! position is added the same way: a class of its own with one row per offset.

use crate::lexicon::{LexiconError, parse_tsv};
use crate::model::EntityKind;
use crate::normalize::fold;
use rustc_hash::FxHashSet as FastSet;

/// The tags: outside, and the beginning or inside of a person, place or organisation name.
pub const TAGS: usize = 7;
/// Tags padded to eight lanes, so a row of scores is one vector register of `i16`.
pub const LANES: usize = 8;
/// Offsets of the character templates.
pub const CHAR_OFFSETS: [isize; 5] = [-2, -1, 0, 1, 2];
/// Offsets of the first character of each pair template.
pub const PAIR_OFFSETS: [isize; 4] = [-2, -1, 0, 1];
/// How many padding characters stand on each side of a segment (the window's reach).
pub const PAD: usize = 2;

/// Stands before a segment's first character.
pub const SEGMENT_START: char = '\u{2}';
/// Stands after a segment's last character.
pub const SEGMENT_END: char = '\u{3}';

/// A BIO tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Tag {
    /// Outside any name.
    Outside = 0,
    /// First character of a person's name.
    BeginPerson = 1,
    /// Later character of a person's name.
    InsidePerson = 2,
    /// First character of a place name.
    BeginPlace = 3,
    /// Later character of a place name.
    InsidePlace = 4,
    /// First character of an organisation's name.
    BeginOrganization = 5,
    /// Later character of an organisation's name.
    InsideOrganization = 6,
}

impl Tag {
    /// All tags, in index order.
    pub const ALL: [Tag; TAGS] = [
        Tag::Outside,
        Tag::BeginPerson,
        Tag::InsidePerson,
        Tag::BeginPlace,
        Tag::InsidePlace,
        Tag::BeginOrganization,
        Tag::InsideOrganization,
    ];

    /// The tag with index `i` (`i < TAGS`).
    #[must_use]
    pub fn from_index(i: usize) -> Tag {
        Self::ALL[i.min(TAGS - 1)]
    }

    /// The tag's index.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The first tag of a name of this kind (`None` for kinds the tagger does not know).
    #[must_use]
    pub fn begin(kind: EntityKind) -> Option<Tag> {
        match kind {
            EntityKind::Person => Some(Tag::BeginPerson),
            EntityKind::Place => Some(Tag::BeginPlace),
            EntityKind::Organization => Some(Tag::BeginOrganization),
            EntityKind::Event | EntityKind::Initiative => None,
        }
    }

    /// The tag of a name's later characters.
    #[must_use]
    pub fn inside(self) -> Tag {
        match self {
            Tag::Outside => Tag::Outside,
            Tag::BeginPerson | Tag::InsidePerson => Tag::InsidePerson,
            Tag::BeginPlace | Tag::InsidePlace => Tag::InsidePlace,
            Tag::BeginOrganization | Tag::InsideOrganization => Tag::InsideOrganization,
        }
    }

    /// The kind of name this tag is part of.
    #[must_use]
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Tag::Outside => None,
            Tag::BeginPerson | Tag::InsidePerson => Some(EntityKind::Person),
            Tag::BeginPlace | Tag::InsidePlace => Some(EntityKind::Place),
            Tag::BeginOrganization | Tag::InsideOrganization => Some(EntityKind::Organization),
        }
    }

    /// Whether the tag begins a name.
    #[must_use]
    pub fn is_begin(self) -> bool {
        matches!(self, Tag::BeginPerson | Tag::BeginPlace | Tag::BeginOrganization)
    }

    /// Whether the tag continues a name.
    #[must_use]
    pub fn is_inside(self) -> bool {
        matches!(self, Tag::InsidePerson | Tag::InsidePlace | Tag::InsideOrganization)
    }

    /// Whether `self` may follow `previous` (an inside tag only continues its own kind).
    #[must_use]
    pub fn may_follow(self, previous: Tag) -> bool {
        !self.is_inside() || previous.inside() == self
    }
}

/// What sort of character a character is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum CharType {
    /// A Chinese character.
    Han = 0,
    /// An ASCII digit (full-width digits fold to ASCII).
    Digit = 1,
    /// A Chinese numeral character (一, 十, 萬, 〇).
    Numeral = 2,
    /// A Latin letter.
    Letter = 3,
    /// Punctuation.
    Punctuation = 4,
    /// White space.
    Space = 5,
    /// The middle dot of transliterated names (約翰·李).
    NameDot = 6,
    /// Padding at a segment's start or end.
    Boundary = 7,
    /// Anything else.
    Other = 8,
}

/// Number of character types.
pub const CHAR_TYPES: usize = 9;
/// Number of character classes: type × surname flag.
pub const CHAR_CLASSES: usize = CHAR_TYPES * 2;
/// Number of pair classes: plain, compound surname. Class 0 (plain) has no feature, and so no
/// weights: a feature every pair has would only add the same bias at every position.
pub const PAIR_CLASSES: usize = 2;

/// The type of a folded character.
#[must_use]
pub fn char_type(c: char) -> CharType {
    match c {
        SEGMENT_START | SEGMENT_END => CharType::Boundary,
        '0'..='9' => CharType::Digit,
        // The numeral reader's characters (Chinese digits and magnitudes; ASCII digits are above).
        c if crate::numeral::is_numeral_char(c) => CharType::Numeral,
        'a'..='z' | 'A'..='Z' => CharType::Letter,
        '·' => CharType::NameDot,
        '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}' => CharType::Han,
        c if c.is_whitespace() => CharType::Space,
        c if c.is_ascii_punctuation()
            || ('\u{2000}'..='\u{206F}').contains(&c)
            || ('\u{3000}'..='\u{303F}').contains(&c)
            || ('\u{FF00}'..='\u{FFEF}').contains(&c) =>
        {
            CharType::Punctuation
        }
        _ => CharType::Other,
    }
}

/// Whether a character ends a segment: names never run across a sentence end or a line break.
#[must_use]
pub fn ends_segment(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

/// The segments of a text: half-open ranges, each ending after a sentence end or line break.
pub fn segments(chars: &[char]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= chars.len() {
            return None;
        }
        let end = chars[start..].iter().position(|&c| ends_segment(c)).map_or(chars.len(), |i| start + i + 1);
        let range = start..end;
        start = end;
        Some(range)
    })
}

/// The surnames the class features mark (folded).
#[derive(Debug, Clone, Default)]
pub struct Surnames {
    single: FastSet<char>,
    compound: FastSet<(char, char)>,
}

impl Surnames {
    /// The surnames of the crate's `surnames.tsv`.
    ///
    /// # Errors
    /// A malformed line (the embedded file is checked by the lexicon tests, so never in practice).
    pub fn embedded() -> Result<Self, LexiconError> {
        Self::parse(include_str!("../../data/surnames.tsv"))
    }

    /// Surnames from the text of a `surnames.tsv` file.
    ///
    /// # Errors
    /// A malformed line.
    pub fn parse(tsv: &str) -> Result<Self, LexiconError> {
        let mut surnames = Self::default();
        for row in parse_tsv("surnames.tsv", tsv, 1)? {
            let chars: Vec<char> = fold(row.get(0)).chars().collect();
            match chars[..] {
                [c] => {
                    surnames.single.insert(c);
                }
                [a, b] => {
                    surnames.compound.insert((a, b));
                }
                _ => {}
            }
        }
        Ok(surnames)
    }

    /// The class of a folded character.
    #[must_use]
    pub fn char_class(&self, c: char) -> usize {
        char_type(c) as usize * 2 + usize::from(self.single.contains(&c))
    }

    /// The class of a pair of folded characters.
    #[must_use]
    pub fn pair_class(&self, a: char, b: char) -> usize {
        usize::from(self.compound.contains(&(a, b)))
    }

    /// The compound surnames, sorted.
    #[must_use]
    pub fn compounds(&self) -> Vec<(char, char)> {
        let mut all: Vec<(char, char)> = self.compound.iter().copied().collect();
        all.sort_unstable();
        all
    }
}

/// A segment with its padding: `PAD` start marks, the characters, `PAD` end marks.
#[must_use]
pub fn padded(segment: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(segment.len() + 2 * PAD);
    out.extend(std::iter::repeat_n(SEGMENT_START, PAD));
    out.extend_from_slice(segment);
    out.extend(std::iter::repeat_n(SEGMENT_END, PAD));
    out
}

/// The gold tags of a segment from name spans (segment offsets, end exclusive). Overlapping
/// spans keep the first.
#[must_use]
pub fn tags_of(len: usize, spans: &[(usize, usize, EntityKind)]) -> Vec<Tag> {
    let mut tags = vec![Tag::Outside; len];
    for &(start, end, kind) in spans {
        let Some(begin) = Tag::begin(kind) else { continue };
        if start >= end || end > len || tags[start..end].iter().any(|t| *t != Tag::Outside) {
            continue;
        }
        tags[start] = begin;
        for t in &mut tags[start + 1..end] {
            *t = begin.inside();
        }
    }
    tags
}

/// The name spans of a tag sequence: `(start, end, kind)`, end exclusive. An inside tag that
/// does not continue a name starts one (the decoder never produces it; gold data may).
#[must_use]
pub fn spans_of(tags: &[Tag]) -> Vec<(usize, usize, EntityKind)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, Tag)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = matches!(open, Some((_, b)) if t.is_inside() && b.inside() == t);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take().and_then(|(s, b)| Some((s, b.kind()?))) {
            spans.push((start, i, kind));
        }
        if t != Tag::Outside {
            open = Some((i, t));
        }
    }
    if let Some((start, kind)) = open.and_then(|(s, b)| Some((s, b.kind()?))) {
        spans.push((start, tags.len(), kind));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_characters() {
        assert_eq!(char_type('陳'), CharType::Han);
        assert_eq!(char_type('7'), CharType::Digit);
        assert_eq!(char_type('万'), CharType::Numeral);
        assert_eq!(char_type('Q'), CharType::Letter);
        assert_eq!(char_type('，'), CharType::Punctuation);
        assert_eq!(char_type('「'), CharType::Punctuation);
        assert_eq!(char_type('·'), CharType::NameDot);
        assert_eq!(char_type(SEGMENT_START), CharType::Boundary);
    }

    #[test]
    fn surnames_are_read_folded_single_and_compound() {
        let s = Surnames::parse("# surname\n陳\n歐陽\n").unwrap();
        assert_eq!(s.char_class('陈'), CharType::Han as usize * 2 + 1);
        assert_eq!(s.char_class('其'), CharType::Han as usize * 2);
        assert_eq!(s.pair_class('欧', '阳'), 1);
        assert_eq!(s.pair_class('阳', '欧'), 0);
        let embedded = Surnames::embedded().unwrap();
        assert!(embedded.single.contains(&'张') && embedded.compound.contains(&('司', '徒')));
    }

    #[test]
    fn splits_segments_after_sentence_ends_and_lines() {
        let chars: Vec<char> = "甲乙。丙\n丁".chars().collect();
        assert_eq!(segments(&chars).collect::<Vec<_>>(), vec![0..3, 3..5, 5..6]);
        assert_eq!(segments(&[]).count(), 0);
    }

    #[test]
    fn tags_and_spans_round_trip() {
        let spans = vec![(0, 3, EntityKind::Person), (4, 6, EntityKind::Place), (6, 9, EntityKind::Organization)];
        let tags = tags_of(10, &spans);
        assert_eq!(tags[0], Tag::BeginPerson);
        assert_eq!(tags[2], Tag::InsidePerson);
        assert_eq!(tags[3], Tag::Outside);
        assert_eq!(spans_of(&tags), spans);
    }

    #[test]
    fn a_stray_inside_tag_starts_a_name_and_transitions_are_constrained() {
        let tags = [Tag::Outside, Tag::InsidePlace, Tag::InsidePlace, Tag::BeginPerson];
        assert_eq!(spans_of(&tags), vec![(1, 3, EntityKind::Place), (3, 4, EntityKind::Person)]);
        assert!(!Tag::InsidePerson.may_follow(Tag::Outside));
        assert!(!Tag::InsidePerson.may_follow(Tag::BeginPlace));
        assert!(Tag::InsidePerson.may_follow(Tag::BeginPerson));
        assert!(Tag::BeginOrganization.may_follow(Tag::InsidePerson));
    }
}
