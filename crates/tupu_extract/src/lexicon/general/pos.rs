//! Parts of speech: the categories the rules ask about, and jieba's tags mapped onto them.
//!
//! jieba tags its words with some sixty ICTCLAS-style tags (`v`, `vn`, `nr`, `uj`…); the rules
//! care about a couple of dozen categories. The mapping lives in `data/general/tags.tsv` (one line
//! a tag: its number in `words.fst`, the tag, the category), and which categories may open or
//! close a name is decided here, in one place.

use crate::lexicon::LexiconError;
use crate::lexicon::tsv;

/// A word's category, for the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartOfSpeech {
    /// 企业, 基金, 子 (and noun morphemes).
    Noun,
    /// A person's name (jieba `nr`, `nrt`, `nrfg`); jieba's list is noisy (黄石, 令人).
    Person,
    /// A place name (`ns`).
    Place,
    /// An organisation's name (`nt`).
    Organisation,
    /// Another proper noun (`nz`): brands, products, works.
    Proper,
    /// A verb used as a noun (建设, 发展, 投资): it opens names (建设银行, 投资推广署).
    VerbalNoun,
    /// A verb (发挥, 减少, 支持).
    Verb,
    /// An adjective (新, 大, 安全).
    Adjective,
    /// An adverb, including adjectives used as adverbs (也, 已经, 积极).
    Adverb,
    /// A preposition (在, 于, 对).
    Preposition,
    /// A conjunction (和, 或者, 但是).
    Conjunction,
    /// A numeral (一, 第一, 三百).
    Numeral,
    /// A numeral or demonstrative with its measure word (一方面, 这件).
    Quantity,
    /// A measure word (个, 家, 项).
    Measure,
    /// A particle (的, 了, 着, 等, 吗).
    Particle,
    /// A pronoun (我们, 这位, 其).
    Pronoun,
    /// A time word (今年, 目前).
    Time,
    /// A locative (上, 中, 之间, 以上).
    Locative,
    /// A place word (国内, 当地).
    PlaceWord,
    /// A four-character idiom.
    Idiom,
    /// A fixed phrase.
    Phrase,
    /// An abbreviation (人大, 医保).
    Abbreviation,
    /// A non-predicate adjective (主要, 大型, 副).
    Distinguishing,
    /// A descriptive word (状态词).
    Descriptive,
    /// A bound morpheme.
    Morpheme,
    /// A prefix (非).
    Prefix,
    /// A suffix (们, 者).
    Suffix,
    /// An interjection (哎).
    Interjection,
    /// An onomatopoeia (哈哈).
    Onomatopoeia,
    /// Anything else (jieba's `x`).
    Other,
}

impl PartOfSpeech {
    /// Every category with its name in `tags.tsv`.
    pub const ALL: &'static [(&'static str, PartOfSpeech)] = &[
        ("noun", Self::Noun),
        ("person", Self::Person),
        ("place", Self::Place),
        ("organisation", Self::Organisation),
        ("proper", Self::Proper),
        ("verbal-noun", Self::VerbalNoun),
        ("verb", Self::Verb),
        ("adjective", Self::Adjective),
        ("adverb", Self::Adverb),
        ("preposition", Self::Preposition),
        ("conjunction", Self::Conjunction),
        ("numeral", Self::Numeral),
        ("quantity", Self::Quantity),
        ("measure", Self::Measure),
        ("particle", Self::Particle),
        ("pronoun", Self::Pronoun),
        ("time", Self::Time),
        ("locative", Self::Locative),
        ("place-word", Self::PlaceWord),
        ("idiom", Self::Idiom),
        ("phrase", Self::Phrase),
        ("abbreviation", Self::Abbreviation),
        ("distinguishing", Self::Distinguishing),
        ("descriptive", Self::Descriptive),
        ("morpheme", Self::Morpheme),
        ("prefix", Self::Prefix),
        ("suffix", Self::Suffix),
        ("interjection", Self::Interjection),
        ("onomatopoeia", Self::Onomatopoeia),
        ("other", Self::Other),
    ];

    /// The category named `name` in `tags.tsv`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
    }

    /// Its name in `tags.tsv`.
    #[must_use]
    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, p)| *p == self).map_or("other", |(n, _)| n)
    }

    /// Whether a word of this category can be the first word of a name. Verbs, adverbs,
    /// conjunctions, prepositions, measure words, quantities, particles, pronouns and
    /// exclamations cannot: 发挥X集团 is 发挥 + X集团, 一方面X is 一方面 + X. Verbal nouns can
    /// (建设银行, 投资推广署), and so can numerals (三峡集团) and adjectives (新华社).
    #[must_use]
    pub fn can_begin_name(self) -> bool {
        self.can_end_name() && self != Self::Measure
    }

    /// Whether a word of this category is a function word: an adverb, preposition, particle,
    /// pronoun or conjunction (不, 对, 过, 我, 和) — it opens a clause before a verb, no name.
    #[must_use]
    pub fn is_function_word(self) -> bool {
        matches!(self, Self::Adverb | Self::Preposition | Self::Particle | Self::Pronoun | Self::Conjunction)
    }

    /// Whether a word of this category opens a clause rather than a name: a verb or a function
    /// word ([`Self::is_function_word`]). Nouns stay readable as names: a given name is often a
    /// noun's second character.
    #[must_use]
    pub fn is_verb_or_function_word(self) -> bool {
        self == Self::Verb || self.is_function_word()
    }

    /// Whether a word of this category can be the last word of a name: not a function word, a
    /// verb or a quantity (X集团发布, X公司的).
    #[must_use]
    pub fn can_end_name(self) -> bool {
        !matches!(
            self,
            Self::Verb
                | Self::Adverb
                | Self::Conjunction
                | Self::Preposition
                | Self::Quantity
                | Self::Particle
                | Self::Pronoun
                | Self::Interjection
                | Self::Onomatopoeia
        )
    }

    /// Whether this is a proper name's category (person, place, organisation, other proper noun).
    #[must_use]
    pub fn is_proper_name(self) -> bool {
        matches!(self, Self::Person | Self::Place | Self::Organisation | Self::Proper)
    }
}

/// A jieba tag as stored with a word: its number in `tags.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TagId(pub u8);

/// One line of `tags.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagInfo {
    /// jieba's tag (`v`, `nr`, `uj`).
    pub tag: String,
    /// The category the rules read it as.
    pub pos: PartOfSpeech,
}

/// jieba's tags by number (`tags.tsv`).
#[derive(Debug, Clone, Default)]
pub struct TagTable {
    by_id: Vec<Option<TagInfo>>,
}

impl TagTable {
    /// Parses `tags.tsv`.
    ///
    /// # Errors
    /// A malformed line, an id that is not a number below 256 or repeats, a repeated tag, or an
    /// unknown category.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        const FILE: &str = "general/tags.tsv";
        let mut by_id: Vec<Option<TagInfo>> = Vec::new();
        for row in tsv::parse(FILE, text, 3)? {
            let error = |message: String| LexiconError { path: FILE.into(), line: row.line, message };
            let id: u8 =
                row.get(0).parse().map_err(|_| error(format!("id '{}' is not a number 0..=255", row.get(0))))?;
            let pos = PartOfSpeech::from_name(row.get(2))
                .ok_or_else(|| error(format!("unknown category '{}'", row.get(2))))?;
            let tag = row.get(1).to_owned();
            if by_id.iter().flatten().any(|t| t.tag == tag) {
                return Err(error(format!("tag '{tag}' is listed twice")));
            }
            let slot = usize::from(id);
            if by_id.len() <= slot {
                by_id.resize(slot + 1, None);
            }
            if by_id[slot].is_some() {
                return Err(error(format!("id {id} is used twice")));
            }
            by_id[slot] = Some(TagInfo { tag, pos });
        }
        Ok(Self { by_id })
    }

    /// The tag numbered `id`.
    #[must_use]
    pub fn get(&self, id: TagId) -> Option<&TagInfo> {
        self.by_id.get(usize::from(id.0)).and_then(Option::as_ref)
    }

    /// The category of tag `id` ([`PartOfSpeech::Other`] for an unknown one).
    #[must_use]
    pub fn pos(&self, id: TagId) -> PartOfSpeech {
        self.get(id).map_or(PartOfSpeech::Other, |t| t.pos)
    }

    /// The number of jieba tag `tag`.
    #[must_use]
    pub fn id_of(&self, tag: &str) -> Option<TagId> {
        self.by_id
            .iter()
            .position(|t| t.as_ref().is_some_and(|t| t.tag == tag))
            .and_then(|i| u8::try_from(i).ok())
            .map(TagId)
    }

    /// Every tag with its number.
    pub fn iter(&self) -> impl Iterator<Item = (TagId, &TagInfo)> {
        self.by_id.iter().enumerate().filter_map(|(i, t)| Some((TagId(u8::try_from(i).ok()?), t.as_ref()?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_one_name() {
        for (name, pos) in PartOfSpeech::ALL {
            assert_eq!(PartOfSpeech::from_name(name), Some(*pos));
            assert_eq!(pos.name(), *name);
        }
    }

    #[test]
    fn function_words_and_verbs_neither_open_nor_close_names() {
        for pos in [PartOfSpeech::Verb, PartOfSpeech::Adverb, PartOfSpeech::Conjunction, PartOfSpeech::Preposition] {
            assert!(!pos.can_begin_name() && !pos.can_end_name(), "{pos:?}");
        }
        assert!(!PartOfSpeech::Measure.can_begin_name());
        assert!(!PartOfSpeech::Quantity.can_begin_name());
        for pos in [PartOfSpeech::VerbalNoun, PartOfSpeech::Noun, PartOfSpeech::Place, PartOfSpeech::Numeral] {
            assert!(pos.can_begin_name() && pos.can_end_name(), "{pos:?}");
        }
    }

    #[test]
    fn the_shipped_tag_table_parses_and_numbers_its_tags() {
        let tags = TagTable::parse(include_str!("../../../data/general/tags.tsv")).unwrap();
        assert_eq!(tags.id_of("n"), Some(TagId(0)));
        assert_eq!(tags.pos(tags.id_of("v").unwrap()), PartOfSpeech::Verb);
        assert_eq!(tags.pos(tags.id_of("vn").unwrap()), PartOfSpeech::VerbalNoun);
        assert_eq!(tags.pos(tags.id_of("mq").unwrap()), PartOfSpeech::Quantity);
        assert_eq!(tags.pos(tags.id_of("uj").unwrap()), PartOfSpeech::Particle);
        assert_eq!(tags.pos(TagId(250)), PartOfSpeech::Other);
        assert!(tags.iter().count() > 50);
    }

    #[test]
    fn a_bad_tag_table_is_rejected_with_its_line() {
        let err = TagTable::parse("0\tn\tnoun\n0\tv\tverb\n").unwrap_err();
        assert_eq!(err.line, 2);
        let err = TagTable::parse("0\tn\tnoun\n1\tv\tverbish\n").unwrap_err();
        assert!(err.message.contains("verbish"), "{err}");
        assert!(TagTable::parse("300\tn\tnoun\n").is_err());
    }
}
