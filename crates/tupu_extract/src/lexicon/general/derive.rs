//! Deriving the word automaton from a jieba dictionary (`word frequency tag` a line).
//!
//! Run by `data/general/derive.sh` through the `derive_general_lexicon` example; here so that the
//! derivation is a tested function of the library rather than a script nobody runs.

use std::collections::BTreeMap;

use fst::MapBuilder;

use super::{GeneralLexicon, TagId, TagTable};
use crate::lexicon::LexiconError;
use crate::normalize::fold;

/// A derived word automaton and what went into it.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The automaton (`words.fst`).
    pub bytes: Vec<u8>,
    /// Lines read.
    pub lines: usize,
    /// Words written (after folding).
    pub words: usize,
    /// Lines whose folded word another line already had (frequencies summed, the more frequent
    /// line's tag kept).
    pub merged: usize,
    /// Sum of all frequencies (stored under the empty key).
    pub total: u64,
}

/// Derives the automaton from a jieba dictionary: every word folded to tupu's matching key,
/// words that fold alike merged, each stored with its frequency and tag number.
///
/// # Errors
/// A line without a word, a frequency or a tag; a tag `tags` does not list; a word longer than
/// [`GeneralLexicon::MAX_WORD_CHARS`].
pub fn derive(dictionary: &str, tags: &TagTable) -> Result<Derived, LexiconError> {
    const FILE: &str = "dict.txt";
    let mut words: BTreeMap<String, (u64, u64, TagId)> = BTreeMap::new();
    let mut lines = 0;
    let mut merged = 0;
    for (i, line) in dictionary.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        let error = |message: String| LexiconError { path: FILE.into(), line: i + 1, message };
        let mut fields = line.rsplitn(3, ' ');
        let (Some(tag), Some(freq), Some(word)) = (fields.next(), fields.next(), fields.next()) else {
            return Err(error("expected 'word frequency tag'".to_owned()));
        };
        let freq: u64 = freq.parse().map_err(|_| error(format!("frequency '{freq}' is not a number")))?;
        let tag = tags.id_of(tag).ok_or_else(|| error(format!("tag '{tag}' is not in tags.tsv")))?;
        let key = fold(word.trim());
        if key.is_empty() || key.chars().count() > GeneralLexicon::MAX_WORD_CHARS {
            return Err(error(format!(
                "'{word}' is empty or longer than {} characters",
                GeneralLexicon::MAX_WORD_CHARS
            )));
        }
        match words.get_mut(&key) {
            Some((sum, best, best_tag)) => {
                merged += 1;
                *sum += freq;
                if freq > *best {
                    *best = freq;
                    *best_tag = tag;
                }
            }
            None => {
                words.insert(key, (freq, freq, tag));
            }
        }
    }
    let total: u64 = words.values().map(|(sum, _, _)| sum).sum();
    let build_error = |e: fst::Error| LexiconError { path: FILE.into(), line: 0, message: e.to_string() };
    let mut builder = MapBuilder::memory();
    builder.insert("", total).map_err(build_error)?;
    for (key, (sum, _, tag)) in &words {
        // Frequencies fit in 32 bits with room to spare (jieba's largest is under a million).
        builder.insert(key, ((*sum).min(u64::from(u32::MAX)) << 8) | u64::from(tag.0)).map_err(build_error)?;
    }
    let bytes = builder.into_inner().map_err(build_error)?;
    Ok(Derived { bytes, lines, words: words.len(), merged, total })
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::lexicon::general::PartOfSpeech;

    const TAGS: &str = "0\tn\tnoun\n8\tv\tverb\n22\tc\tconjunction\n";

    #[test]
    fn derives_folded_words_with_frequency_and_tag() {
        let tags = TagTable::parse(TAGS).unwrap();
        // 發揮 and 发挥 fold alike: one word, frequencies summed, the more frequent line's tag.
        let dict = "发挥 30 v\n發揮 5 n\n集团 20 n\n和 100 c\n";
        let derived = derive(dict, &tags).unwrap();
        assert_eq!((derived.lines, derived.words, derived.merged, derived.total), (4, 3, 1, 155));
        let lex = GeneralLexicon::from_bytes(Cow::Owned(derived.bytes), TAGS).unwrap();
        assert_eq!(lex.len(), 3);
        assert_eq!(lex.total_frequency(), 155);
        let entry = lex.get("发挥").unwrap();
        assert_eq!((entry.freq, entry.pos), (35, PartOfSpeech::Verb));
        assert_eq!(lex.get("發揮"), None, "keys are folded; queries fold first");
        assert_eq!(lex.get("和").unwrap().pos, PartOfSpeech::Conjunction);
    }

    #[test]
    fn rejects_unknown_tags_and_malformed_lines() {
        let tags = TagTable::parse(TAGS).unwrap();
        let err = derive("发挥 30 v\n集团 20 zz\n", &tags).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("zz"), "{err}");
        assert!(derive("发挥 many v\n", &tags).is_err());
        assert!(derive("发挥\n", &tags).is_err());
        assert!(derive("一二三四五六七八九十一二三四五六七 3 n\n", &tags).is_err());
    }
}
