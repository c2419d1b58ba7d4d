//! One trie of characters over every lexicon word, and the word lattice of an article.
//!
//! The trie finds all (overlapping) occurrences of every word in one pass over the folded
//! characters; recognisers then ask the lattice "which words start here / end here" instead of
//! scanning the text again. This is what keeps extraction at tens of MB/s: no segmenter, one
//! linear pass, lookups by position.

use rustc_hash::FxHashMap;

use super::Lexicons;
use crate::normalize::fold;
use crate::span::Span;
use crate::text::Text;

/// What a lexicon word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum WordClass {
    /// A name or alias of [`super::KnownEntity`] `i`.
    Known(usize),
    /// Title `i`.
    Title(usize),
    /// Name ending `i`.
    Suffix(usize),
    /// Speech verb `i`.
    SpeechVerb(usize),
    /// A word that is never part of a name.
    Boundary,
    /// An ordinary word containing a boundary character (自由): that character is no boundary there.
    Plain,
}

/// The trie and, for each pattern, its classes and length in code points.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    trie: CharTrie,
    classes: Vec<Vec<WordClass>>,
    lengths: Vec<usize>,
    longest_short: usize,
}

impl Vocabulary {
    pub(crate) fn build(lex: &Lexicons) -> Self {
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut classes: Vec<Vec<WordClass>> = Vec::new();
        let mut add = |word: &str, class: WordClass| {
            let key = fold(word);
            if key.is_empty() {
                return;
            }
            let i = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                classes.push(Vec::new());
                patterns.len() - 1
            });
            if !classes[i].contains(&class) {
                classes[i].push(class);
            }
        };
        for (i, k) in lex.known.iter().enumerate() {
            add(&k.name, WordClass::Known(i));
            for a in &k.aliases {
                add(a, WordClass::Known(i));
            }
        }
        for (i, t) in lex.titles.iter().enumerate() {
            add(&t.title, WordClass::Title(i));
        }
        for (i, s) in lex.suffixes.iter().enumerate() {
            add(&s.suffix, WordClass::Suffix(i));
        }
        for (i, v) in lex.speech_verbs.iter().enumerate() {
            add(&v.verb, WordClass::SpeechVerb(i));
        }
        for b in &lex.boundaries {
            add(b, WordClass::Boundary);
        }
        for w in &lex.plain_words {
            add(w, WordClass::Plain);
        }
        let lengths: Vec<usize> = patterns.iter().map(|p| p.chars().count()).collect();
        let longest_short = lengths
            .iter()
            .zip(&classes)
            .filter(|(_, c)| c.iter().any(|c| !matches!(c, WordClass::Known(_))))
            .map(|(l, _)| *l)
            .max()
            .unwrap_or(0);
        // A trie of characters, not a byte-level Aho-Corasick automaton: the automaton made
        // three transitions per ideograph (and its DFA took a billion instructions to build); the
        // trie is walked from every position, one lookup per character, and most positions stop
        // after one or two characters.
        let trie = CharTrie::new(&patterns);
        Self { trie, classes, lengths, longest_short }
    }

    /// All occurrences of all words in the article's folded text (the lattice sorts them, so
    /// the order they are found in does not matter).
    pub(crate) fn lattice(&self, text: &Text) -> Lattice {
        let mut words = Vec::with_capacity(text.len() / 2);
        let chars = text.folded_chars();
        for start in 0..chars.len() {
            self.trie.words_at(chars, start, |pattern| {
                words.push(Word { span: Span::new(start, start + self.lengths[pattern]), pattern });
            });
        }
        self.drop_neutralised_boundaries(&mut words);
        Lattice::new(words, text.len())
    }

    /// Removes boundary occurrences that lie inside a longer plain word or known name (由 in 自由,
    /// 以 in 以色列).
    fn drop_neutralised_boundaries(&self, words: &mut Vec<Word>) {
        // reach[p]: the furthest end of a plain word or known name starting at or before p. A
        // word is inside one of them exactly when reach[its start] ≥ its end (patterns are
        // distinct strings, so a different word with the same span cannot exist).
        let len = words.iter().map(|w| w.span.end).max().unwrap_or(0);
        let mut reach = vec![0usize; len + 1];
        for w in words.iter() {
            if self.classes[w.pattern].iter().any(|c| matches!(c, WordClass::Plain | WordClass::Known(_))) {
                reach[w.span.start] = reach[w.span.start].max(w.span.end);
            }
        }
        for p in 1..reach.len() {
            reach[p] = reach[p].max(reach[p - 1]);
        }
        words.retain(|w| {
            let classes = &self.classes[w.pattern];
            !(classes.len() == 1 && classes[0] == WordClass::Boundary && reach[w.span.start] >= w.span.end)
        });
    }

    /// Length in code points of the longest word that is not a known name (boundary words,
    /// titles, endings, plain words: the words that can cross a name's edge).
    pub(crate) fn longest(&self) -> usize {
        self.longest_short
    }

    pub(crate) fn classes(&self, pattern: usize) -> &[WordClass] {
        &self.classes[pattern]
    }
}

/// No node (a child's id is never the root's).
const NO_NODE: u32 = 0;
/// No pattern ends at a node.
const NO_PATTERN: u32 = u32::MAX;
/// First characters below this have their child in a table; others in the hash map.
const TABLED_FIRST: usize = 0x1_0000;

/// A trie over the characters of the patterns: the root's children in a table indexed by the
/// character (every position of every article starts there), the others in one hash map keyed
/// by node and character.
#[derive(Debug, Default)]
struct CharTrie {
    /// Child of the root for each Basic Multilingual Plane character ([`NO_NODE`] for none).
    first: Vec<u32>,
    /// Children of every other node, and of the root for characters past the table.
    children: FxHashMap<u64, u32>,
    /// The pattern ending at each node, [`NO_PATTERN`] if none (patterns are distinct strings).
    pattern: Vec<u32>,
}

impl CharTrie {
    fn new(patterns: &[String]) -> Self {
        let mut trie =
            Self { first: vec![NO_NODE; TABLED_FIRST], children: FxHashMap::default(), pattern: vec![NO_PATTERN] };
        for (i, p) in patterns.iter().enumerate() {
            let mut node = 0u32;
            for c in p.chars() {
                node = match trie.child(node, c) {
                    NO_NODE => {
                        let new = u32::try_from(trie.pattern.len()).unwrap_or(u32::MAX);
                        trie.pattern.push(NO_PATTERN);
                        match trie.first.get_mut(c as usize).filter(|_| node == 0) {
                            Some(slot) => *slot = new,
                            None => {
                                trie.children.insert(key(node, c), new);
                            }
                        }
                        new
                    }
                    next => next,
                };
            }
            if node != 0 {
                trie.pattern[node as usize] = u32::try_from(i).unwrap_or(NO_PATTERN);
            }
        }
        trie
    }

    #[inline]
    fn child(&self, node: u32, c: char) -> u32 {
        if node == 0
            && let Some(&n) = self.first.get(c as usize)
        {
            return n;
        }
        self.children.get(&key(node, c)).copied().unwrap_or(NO_NODE)
    }

    /// Calls `found` with every pattern that starts at `start` of `chars`, shortest first.
    #[inline]
    fn words_at(&self, chars: &[char], start: usize, mut found: impl FnMut(usize)) {
        let mut node = 0;
        for &c in &chars[start..] {
            node = self.child(node, c);
            if node == NO_NODE {
                return;
            }
            let p = self.pattern[node as usize];
            if p != NO_PATTERN {
                found(p as usize);
            }
        }
    }
}

#[inline]
fn key(node: u32, c: char) -> u64 {
    (u64::from(node) << 32) | u64::from(c)
}

/// One occurrence of a lexicon word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    /// Where it is.
    pub(crate) span: Span,
    /// Which pattern (look its classes up in the vocabulary).
    pub(crate) pattern: usize,
}

/// All word occurrences of an article, indexed by start and by end.
#[derive(Debug, Default)]
pub(crate) struct Lattice {
    /// Sorted by start, longest first.
    by_start: Vec<Word>,
    /// `start_at[p]` = index in `by_start` of the first word starting at or after `p`.
    start_at: Vec<u32>,
    /// Sorted by end, longest first.
    by_end: Vec<Word>,
    /// `end_at[p]` = index in `by_end` of the first word ending at or after `p`.
    end_at: Vec<u32>,
}

impl Lattice {
    /// Indexes `words` (distinct patterns, so no two share a span). The automaton reports them
    /// in order of their end already, which makes the first sort linear; the order by start is
    /// then a counting sort over positions, filled back to front so that the longest word comes
    /// first — this index is built for every article, so no comparison sort on the way.
    fn new(mut by_end: Vec<Word>, len: usize) -> Self {
        by_end.sort_unstable_by_key(|w| ((w.span.end as u64) << 32) | w.span.start as u64);
        let end_at = positions(&by_end, len, |w| w.span.end);
        let mut start_at = vec![0u32; len + 2];
        for w in &by_end {
            start_at[w.span.start + 1] += 1;
        }
        for p in 1..start_at.len() {
            start_at[p] += start_at[p - 1];
        }
        // Slot cursors: the end of each start's bucket, moving down as words are placed.
        let mut next: Vec<u32> = start_at[1..].to_vec();
        let mut by_start = vec![Word { span: Span::new(0, 0), pattern: 0 }; by_end.len()];
        for w in &by_end {
            let slot = &mut next[w.span.start];
            *slot -= 1;
            by_start[*slot as usize] = *w;
        }
        Self { by_start, start_at, by_end, end_at }
    }

    /// Words starting at `pos`, longest first.
    pub(crate) fn starting_at(&self, pos: usize) -> &[Word] {
        range(&self.by_start, &self.start_at, pos)
    }

    /// Words ending at `pos`, longest first.
    pub(crate) fn ending_at(&self, pos: usize) -> &[Word] {
        range(&self.by_end, &self.end_at, pos)
    }

    /// Every word, in order of its end.
    pub(crate) fn all_by_end(&self) -> &[Word] {
        &self.by_end
    }

    /// Every word, in text order.
    pub(crate) fn all(&self) -> &[Word] {
        &self.by_start
    }
}

fn positions(words: &[Word], len: usize, key: impl Fn(&Word) -> usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(len + 2);
    let mut i = 0;
    for p in 0..=len + 1 {
        while i < words.len() && key(&words[i]) < p {
            i += 1;
        }
        out.push(u32::try_from(i).unwrap_or(u32::MAX));
    }
    out
}

fn range<'a>(words: &'a [Word], at: &[u32], pos: usize) -> &'a [Word] {
    if pos + 1 >= at.len() {
        return &[];
    }
    &words[at[pos] as usize..at[pos + 1] as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trie_finds_every_word_starting_at_a_position_shortest_first() {
        let patterns: Vec<String> = ["香港", "香港大學", "大學", "学", "𠀀港"].iter().map(|p| fold(p)).collect();
        let trie = CharTrie::new(&patterns);
        let words = |text: &str, start: usize| {
            let chars: Vec<char> = fold(text).chars().collect();
            let mut found = Vec::new();
            trie.words_at(&chars, start, |p| found.push(p));
            found
        };
        assert_eq!(words("在香港大學任教", 1), vec![0, 1]);
        assert_eq!(words("在香港大学任教", 3), vec![2]);
        assert_eq!(words("在香港大学任教", 4), vec![3]);
        assert_eq!(words("在香港大", 1), vec![0]);
        assert!(words("在香港大學任教", 0).is_empty());
        // A first character past the table (outside the Basic Multilingual Plane).
        assert_eq!(words("𠀀港", 0), vec![4]);
    }
}
