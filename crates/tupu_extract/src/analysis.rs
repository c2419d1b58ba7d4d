//! The state one article's extraction builds up, stage by stage.
//!
//! Every stage reads what earlier stages found and adds its own findings; all spans here are in
//! code points of the analysis view ([`crate::text`]).

use crate::article::{Article, Region};
use crate::entities::EntityTable;
use crate::lexicon::general::{GeneralLexicon, TextWords};
use crate::lexicon::{Lattice, Lexicons, Role, WordClass, WordSet};
use crate::model::{EntityId, EventDetails, Figure, Post, Proposal, Relation, Statement};
use crate::ner::{NameCandidate, NameTagger};
use crate::span::Span;
use crate::statement::PersonIndex;
use crate::text::Text;

/// One article under analysis.
#[derive(Debug)]
pub(crate) struct Analysis<'a> {
    pub(crate) article: &'a Article,
    pub(crate) lex: &'a Lexicons,
    /// Where the article reports from (its region markers).
    pub(crate) region: Region,
    /// The ISO 4217 code a bare 元 stands for: the caller's, else the region's currency.
    pub(crate) currency: String,
    /// Every lexicon word in the text.
    pub(crate) words: Lattice,
    /// The folded analysis view as characters, for positional access.
    pub(crate) chars: &'a [char],
    /// Where each ideograph occurs (built on first use): finds a name's occurrences by its first
    /// character.
    positions: std::cell::OnceCell<CharPositions>,
    /// The general lexicon's words of `chars`, each position walked once on first use.
    pub(crate) general: TextWords<'a>,
    /// The name tagger's proposals for the whole text (tagged on first use): the names stage
    /// reads its organisations, the tagged-people stage its people.
    tagged: std::cell::OnceCell<Vec<NameCandidate>>,
    pub(crate) entities: EntityTable,
    pub(crate) posts: Vec<Post>,
    pub(crate) events: Vec<EventDetails>,
    pub(crate) figures: Vec<Figure>,
    pub(crate) statements: Vec<Statement>,
    pub(crate) proposals: Vec<Proposal>,
    pub(crate) relations: Vec<Relation>,
    /// The person mentions by position, built by the statements stage once its speakers are
    /// settled and taken by the proposals stage right after it (no stage between them adds a
    /// person), so an article builds the index once instead of twice.
    pub(crate) people: Option<PersonIndex>,
}

impl<'a> Analysis<'a> {
    pub(crate) fn new(article: &'a Article, lex: &'a Lexicons) -> Self {
        let words = lex.vocabulary.lattice(article.text());
        let chars = article.text().folded_chars();
        let region = lex.regions.region_of(article.text().folded(), article.script());
        let currency = article.currency().unwrap_or_else(|| region.currency()).to_owned();
        Self {
            article,
            lex,
            region,
            currency,
            words,
            chars,
            positions: std::cell::OnceCell::new(),
            general: TextWords::new(GeneralLexicon::embedded(), chars),
            tagged: std::cell::OnceCell::new(),
            entities: EntityTable::new(article.text().len()),
            posts: Vec::new(),
            events: Vec::new(),
            figures: Vec::new(),
            statements: Vec::new(),
            proposals: Vec::new(),
            relations: Vec::new(),
            people: None,
        }
    }

    /// The name tagger's proposals for the whole text, in order ([`NameTagger::tag`]), tagged
    /// once per article whichever stage asks first.
    pub(crate) fn tagged_names(&self) -> &[NameCandidate] {
        self.tagged.get_or_init(|| NameTagger::embedded().tag(self.chars))
    }

    /// The article's text.
    pub(crate) fn text(&self) -> &'a Text {
        self.article.text()
    }

    /// Folded text of a span.
    pub(crate) fn folded(&self, span: Span) -> &'a str {
        self.article.text().folded_slice(span)
    }

    /// Surface text of a span (as written).
    pub(crate) fn surface(&self, span: Span) -> &'a str {
        self.article.text().slice(span)
    }

    /// The words of a class of `function_words.tsv`.
    pub(crate) fn class(&self, role: Role) -> &'a WordSet {
        self.lex.words.of(role)
    }

    /// Whether a character joins two names: 、, a conjunction or a comitative (和, 與, 同).
    pub(crate) fn joins_names(&self, c: char) -> bool {
        c == '、' || self.class(Role::Conjunction).has_char(c) || self.class(Role::Comitative).has_char(c)
    }

    /// The longest word of a class starting at `pos`.
    pub(crate) fn class_word_at(&self, role: Role, pos: usize) -> Option<Span> {
        let text = self.text();
        let rest = &text.folded()[text.folded_byte(pos)..];
        let len = self.class(role).prefix_of(rest)?;
        Some(Span::new(pos, pos + rest[..len].chars().count()))
    }

    /// The longest word of a class ending at `end`.
    pub(crate) fn class_word_before(&self, role: Role, end: usize) -> Option<Span> {
        let text = self.text();
        let before = &text.folded()[..text.folded_byte(end)];
        let len = self.class(role).suffix_of(before)?;
        Some(Span::new(end - before[before.len() - len..].chars().count(), end))
    }

    /// The classes of lexicon words that occupy exactly `span`.
    pub(crate) fn classes_at(&self, span: Span) -> impl Iterator<Item = WordClass> + '_ {
        self.words
            .starting_at(span.start)
            .iter()
            .filter(move |w| w.span == span)
            .flat_map(|w| self.lex.vocabulary.classes(w.pattern).iter().copied())
    }

    /// The entity mentioned at exactly `span`, if any.
    pub(crate) fn entity_at(&self, span: Span) -> Option<EntityId> {
        self.entities.mention_at(span)
    }

    /// Entity mentions inside `span`, in text order.
    pub(crate) fn mentions_in(&self, span: Span) -> Vec<(EntityId, Span)> {
        self.entities.mentions_in(span)
    }

    /// Every occurrence of a folded string (overlapping), in text order. Candidates come from the
    /// pattern's rarest ideograph in this text, so a long name costs a handful of comparisons.
    pub(crate) fn occurrences(&self, folded: &str) -> Vec<Span> {
        let pattern: Vec<char> = folded.chars().collect();
        if pattern.is_empty() {
            return Vec::new();
        }
        // The first character is compared alone first: most candidates fail there, without a
        // slice comparison (a call to memcmp) for each.
        let matches_at = |p: usize| {
            self.chars.get(p) == Some(&pattern[0]) && self.chars.get(p..p + pattern.len()) == Some(pattern.as_slice())
        };
        let positions = self.positions.get_or_init(|| CharPositions::new(self.chars));
        // The anchor: the indexed character with the fewest occurrences, and its offset.
        let mut anchor: Option<(usize, &[u64])> = None;
        for (offset, &c) in pattern.iter().enumerate() {
            if !crate::text::is_cjk(c) {
                continue;
            }
            match positions.of(c) {
                None => return Vec::new(),
                Some(at) if anchor.is_none_or(|(_, best)| at.len() < best.len()) => anchor = Some((offset, at)),
                Some(_) => {}
            }
        }
        match anchor {
            Some((offset, at)) => at
                .iter()
                .filter_map(|&k| ((k & 0xFFFF_FFFF) as usize).checked_sub(offset))
                .filter(|&p| matches_at(p))
                .map(|p| Span::new(p, p + pattern.len()))
                .collect(),
            // Nothing indexed (Latin, digits): scan.
            None => (0..self.chars.len()).filter(|&p| matches_at(p)).map(|p| Span::new(p, p + pattern.len())).collect(),
        }
    }

    /// Where the ideograph `c` occurs, in text order.
    pub(crate) fn positions_of(&self, c: char) -> Vec<usize> {
        let positions = self.positions.get_or_init(|| CharPositions::new(self.chars));
        positions.of(c).map_or_else(Vec::new, |at| at.iter().map(|&k| (k & 0xFFFF_FFFF) as usize).collect())
    }

    /// The folded character at `pos` (`'\n'` past the end, which every check treats as a break).
    pub(crate) fn char_at(&self, pos: usize) -> char {
        self.chars.get(pos).copied().unwrap_or('\n')
    }

    /// The folded characters of `span` (clamped to the text).
    pub(crate) fn chars_of(&self, span: Span) -> &'a [char] {
        let end = span.end.min(self.chars.len());
        self.chars.get(span.start.min(end)..end).unwrap_or(&[])
    }

    /// The folded character at `pos`, if any.
    pub(crate) fn folded_char(&self, pos: usize) -> Option<char> {
        self.chars.get(pos).copied()
    }

    /// Whether a lexicon word of a class satisfying `pred` occupies exactly `span`.
    pub(crate) fn has_word(&self, span: Span, pred: impl Fn(WordClass) -> bool) -> bool {
        self.classes_at(span).any(pred)
    }

    /// The longest lexicon word ending at `end` with a class satisfying `pred`.
    pub(crate) fn word_ending_at(&self, end: usize, pred: impl Fn(WordClass) -> bool) -> Option<(Span, WordClass)> {
        self.words.ending_at(end).iter().find_map(|w| {
            self.lex.vocabulary.classes(w.pattern).iter().copied().find(|c| pred(*c)).map(|c| (w.span, c))
        })
    }

    /// Positions where a lexicon word of a class satisfying `pred` ends, ascending: lets a
    /// recogniser visit its anchors (titles, suffixes) instead of every position of the text.
    pub(crate) fn word_ends(&self, pred: impl Fn(WordClass) -> bool) -> Vec<usize> {
        let mut ends: Vec<usize> = self
            .words
            .all_by_end()
            .iter()
            .filter(|w| self.lex.vocabulary.classes(w.pattern).iter().any(|c| pred(*c)))
            .map(|w| w.span.end)
            .collect();
        ends.dedup();
        ends
    }

    /// The longest lexicon word starting at `start` with a class satisfying `pred`.
    pub(crate) fn word_starting_at(&self, start: usize, pred: impl Fn(WordClass) -> bool) -> Option<(Span, WordClass)> {
        self.words.starting_at(start).iter().find_map(|w| {
            self.lex.vocabulary.classes(w.pattern).iter().copied().find(|c| pred(*c)).map(|c| (w.span, c))
        })
    }

    /// Classes of lexicon words that overlap `span` without lying inside it (the words that would
    /// glue the span into something longer).
    pub(crate) fn crossing_words(&self, span: Span) -> impl Iterator<Item = WordClass> + '_ {
        self.crossing(span).map(|(_, class)| class)
    }

    /// Lexicon words that overlap `span` without lying inside it, each with one of its classes.
    pub(crate) fn crossing(&self, span: Span) -> impl Iterator<Item = (Span, WordClass)> + '_ {
        let from = span.start.saturating_sub(self.lex.vocabulary.longest());
        (from..span.end)
            .flat_map(move |p| self.words.starting_at(p).iter())
            .filter(move |w| w.span.overlaps(span) && !span.contains(w.span))
            .flat_map(move |w| self.lex.vocabulary.classes(w.pattern).iter().map(move |&c| (w.span, c)))
    }
}

/// The positions of each ideograph of a text, grouped by character: `character << 32 | position`
/// keys, sorted (one allocation, one sort of plain integers), searched by binary search.
#[derive(Debug)]
pub(crate) struct CharPositions {
    keys: Vec<u64>,
}

impl CharPositions {
    fn new(chars: &[char]) -> Self {
        // One allocation of the text's length (a bound on the ideographs) instead of the
        // doublings of an unsized collect.
        let mut keys: Vec<u64> = Vec::with_capacity(chars.len());
        keys.extend(
            chars
                .iter()
                .enumerate()
                .filter(|(_, c)| crate::text::is_cjk(**c))
                .map(|(p, &c)| (u64::from(c) << 32) | p as u64),
        );
        radix_sort_by_character(&mut keys);
        Self { keys }
    }

    /// The keys of `c` (their low 32 bits are positions, in text order); `None` when the text
    /// does not contain it.
    fn of(&self, c: char) -> Option<&[u64]> {
        let key = u64::from(c) << 32;
        let from = self.keys.partition_point(|&k| k < key);
        let to = self.keys.partition_point(|&k| k < key + (1 << 32));
        (from < to).then(|| &self.keys[from..to])
    }
}

/// Sorts keys built in position order by their character: a stable least-significant-digit
/// radix sort on the 21 bits of a code point, in two passes of 11 bits. Positions stay ascending
/// inside each character, so the keys end up fully sorted — in linear time, which matters
/// because this index is built for every article (a comparison sort was 4 % of extraction).
fn radix_sort_by_character(keys: &mut Vec<u64>) {
    const BITS: u32 = 11;
    const BUCKETS: usize = 1 << BITS;
    let mut scratch = vec![0u64; keys.len()];
    for pass in 0..2 {
        let shift = 32 + BITS * pass;
        let digit = |k: u64| ((k >> shift) as usize) & (BUCKETS - 1);
        let mut starts = [0usize; BUCKETS + 1];
        for &k in keys.iter() {
            starts[digit(k) + 1] += 1;
        }
        for b in 1..=BUCKETS {
            starts[b] += starts[b - 1];
        }
        for &k in keys.iter() {
            let d = digit(k);
            scratch[starts[d]] = k;
            starts[d] += 1;
        }
        std::mem::swap(keys, &mut scratch);
    }
}

/// One stage of the pipeline.
pub(crate) trait Stage: Sync {
    /// Short name, for diagnostics.
    fn name(&self) -> &'static str;
    /// Adds this stage's findings to the analysis.
    fn run(&self, analysis: &mut Analysis<'_>);
}

/// Test support: an analysis of `text` whose entity table already holds the given names (every
/// occurrence becomes a mention), so that a later stage can be tested on its own.
#[cfg(test)]
pub(crate) mod testing {
    use super::Analysis;
    use crate::article::{Article, ArticleOptions};
    use crate::lexicon::Lexicons;
    use crate::model::EntityKind;
    use crate::span::Span;

    /// Leaks the article so the analysis can borrow it for the test's lifetime.
    pub(crate) fn analysis_with(
        text: &str,
        published: Option<&str>,
        names: &[(&str, EntityKind)],
    ) -> Analysis<'static> {
        let options = ArticleOptions {
            published: published.map(|d| crate::date::Date::parse(d).expect("test date")),
            ..ArticleOptions::default()
        };
        let article: &'static Article = Box::leak(Box::new(Article::parse(text, options).expect("test article")));
        let mut a = Analysis::new(article, Lexicons::embedded());
        for (name, kind) in names {
            let id = a.entities.create(*kind, name, true);
            let folded = crate::normalize::fold(name);
            let n = name.chars().count();
            for (byte, _) in article.text().folded().match_indices(&folded) {
                let start = article.text().char_at_folded_byte(byte);
                a.entities.add_mention(id, Span::new(start, start + n), name);
            }
        }
        a
    }

    /// The span of the first occurrence of `text` (in either script) in the analysed article.
    pub(crate) fn span_of(a: &Analysis<'_>, text: &str) -> Span {
        let folded = crate::normalize::fold(text);
        let at = a.text().folded().find(&folded).unwrap_or_else(|| panic!("{text} is not in the article"));
        let start = a.text().char_at_folded_byte(at);
        Span::new(start, start + folded.chars().count())
    }

    /// (document name, article text, gold) of the seed and the development articles, from the
    /// repository's copies (`tests/fixtures/gold`, the seed's text in `seeds/`), in name order.
    pub(crate) fn gold_articles() -> Vec<(String, String, serde_json::Value)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let gold_dir = root.join("tests/fixtures/gold");
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&gold_dir)
            .expect("tests/fixtures/gold")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let gold: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).expect("gold file")).expect("gold JSON");
                let document = gold["document"].as_str().expect("document").to_owned();
                let text = [gold_dir.join(&document), root.join("seeds").join(&document)]
                    .iter()
                    .find_map(|p| std::fs::read_to_string(p).ok())
                    .expect("article text");
                (document, text, gold)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radix_sort_orders_keys_by_character_then_position() {
        let text: Vec<char> = "香港特區政府和澳門特區政府在𠀀香港簽署協議，香港".chars().collect();
        let mut expected: Vec<u64> = text
            .iter()
            .enumerate()
            .filter(|(_, c)| crate::text::is_cjk(**c))
            .map(|(p, &c)| (u64::from(c) << 32) | p as u64)
            .collect();
        expected.sort_unstable();
        assert_eq!(CharPositions::new(&text).keys, expected);
    }

    #[test]
    fn the_region_decides_the_bare_yuan_unless_the_caller_says() {
        let currency = |text: &str, forced: Option<&str>| {
            let options = crate::ArticleOptions { currency: forced.map(str::to_owned), ..Default::default() };
            let article = Article::parse(text, options).unwrap();
            Analysis::new(&article, Lexicons::embedded()).currency
        };
        assert_eq!(currency("本港經濟穩步增長，香港政府撥款10億元。", None), "HKD");
        assert_eq!(currency("本澳經濟穩步增長，澳門特區政府撥款10億元。", None), "MOP");
        assert_eq!(currency("新华社北京电 国务院安排资金10亿元。", None), "CNY");
        assert_eq!(currency("本港撥款10億元。", Some("USD")), "USD");
    }

    #[test]
    fn positions_are_found_by_character() {
        let text: Vec<char> = "香港特區政府，香港".chars().collect();
        let positions = CharPositions::new(&text);
        let of = |c| positions.of(c).map(|at| at.iter().map(|k| (k & 0xFFFF_FFFF) as usize).collect::<Vec<_>>());
        assert_eq!(of('港'), Some(vec![1, 8]));
        assert_eq!(of('澳'), None);
    }
}
