//! The proposal lexicon (`data/proposal_words.tsv`), a part of [`crate::Lexicons`]: nouns and
//! measure words of an announced list, announcing verbs, and the sequence words that number
//! points without numerals.

use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

/// What a word does in a numbered proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    /// What the list holds (建議, 措施).
    Noun,
    /// The measure word after the count (點, 方面).
    Classifier,
    /// A verb that announces the list (提出, 分享).
    Verb,
    /// 首先.
    First,
    /// 其次.
    Second,
    /// 再次, 再者.
    Next,
    /// 最後.
    Last,
    /// The measure word after 第N in a marker (第二點，).
    Ordinal,
    /// A word that opens the first point right after an announcement (三項安排，包括…；第二，…).
    Opener,
    /// A modal or copula that may follow a sequence word in place of a pause (首先要…，其次是…).
    Modal,
}

/// The parsed lexicon: folded words with their roles.
#[derive(Debug)]
pub(crate) struct ProposalWords {
    /// Folded words, longest first.
    words: Vec<(Vec<char>, Role)>,
    /// The first characters of the sequence words ([`SEQUENCE`]), `None` if one is empty: most
    /// positions a marker is looked for at start with none of them, and are answered without
    /// scanning the words.
    sequence_firsts: Option<Vec<char>>,
}

/// The roles of [`ProposalWords::sequence_word`], in the order it tries them.
const SEQUENCE: [Role; 4] = [Role::First, Role::Second, Role::Next, Role::Last];

impl ProposalWords {
    /// Parses `proposal_words.tsv`.
    ///
    /// # Errors
    /// A malformed line or an unknown role.
    pub(crate) fn load(sources: &Sources) -> Result<Self, LexiconError> {
        let mut words = Vec::new();
        for row in sources.rows("proposal_words.tsv", 2)? {
            let role = row.one_of(
                1,
                "role",
                &[
                    ("noun", Role::Noun),
                    ("classifier", Role::Classifier),
                    ("verb", Role::Verb),
                    ("first", Role::First),
                    ("second", Role::Second),
                    ("next", Role::Next),
                    ("last", Role::Last),
                    ("ordinal", Role::Ordinal),
                    ("opener", Role::Opener),
                    ("modal", Role::Modal),
                ],
            )?;
            words.push((fold(row.get(0)).chars().collect::<Vec<char>>(), role));
        }
        // Longest first, so that a lookup finds 個方面 before 個.
        words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let sequence_firsts =
            words.iter().filter(|(_, r)| SEQUENCE.contains(r)).map(|(w, _)| w.first().copied()).collect();
        Ok(Self { words, sequence_firsts })
    }

    /// The longest word of `role` that `folded` starts with, with its length in code points.
    pub(crate) fn prefix(&self, folded: &[char], role: Role) -> Option<usize> {
        self.words.iter().find(|(w, r)| *r == role && folded.starts_with(w)).map(|(w, _)| w.len())
    }

    /// The longest word of `role` that `folded` ends with, with its length in code points.
    pub(crate) fn suffix(&self, folded: &[char], role: Role) -> Option<usize> {
        self.words.iter().find(|(w, r)| *r == role && folded.ends_with(w)).map(|(w, _)| w.len())
    }

    /// Whether `folded` ends with a measure word of an announced list (提出三點 before 建議: the
    /// noun of an announcement, not a speech verb).
    pub(crate) fn ends_with_classifier(&self, folded: &[char]) -> bool {
        self.suffix(folded, Role::Classifier).is_some()
    }

    /// The sequence role of the word `folded` starts with (首先 → First), with its length.
    pub(crate) fn sequence_word(&self, folded: &[char]) -> Option<(Role, usize)> {
        if let Some(firsts) = &self.sequence_firsts {
            if !folded.first().is_some_and(|c| firsts.contains(c)) {
                return None;
            }
        }
        SEQUENCE.into_iter().find_map(|role| self.prefix(folded, role).map(|n| (role, n)))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn embedded() -> &'static ProposalWords {
        &crate::Lexicons::embedded().proposals
    }

    #[test]
    fn the_lexicon_loads_without_repeats() {
        let words = embedded();
        let mut seen = HashSet::new();
        for (w, r) in &words.words {
            assert!(
                seen.insert((w.clone(), *r)),
                "'{}' repeats (or differs only by script)",
                w.iter().collect::<String>()
            );
        }
        assert!(ProposalWords::load(&Sources::of(&[("proposal_words.tsv", "建議\tthing\n")])).is_err());
    }

    #[test]
    fn lookups_prefer_the_longest_word_in_either_script() {
        let words = embedded();
        let chars: Vec<char> = fold("個方面的建議").chars().collect();
        assert_eq!(words.prefix(&chars, Role::Classifier), Some(3));
        let chars: Vec<char> = "提出了".chars().collect();
        assert_eq!(words.suffix(&chars, Role::Verb), Some(3));
        let chars: Vec<char> = fold("最後，").chars().collect();
        assert_eq!(words.sequence_word(&chars), Some((Role::Last, 2)));
    }
}
