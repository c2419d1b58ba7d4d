//! Who does a clause's verb, for the clause rules ([`super::party`], [`super::predicate`]) when
//! the name right before the verb is not all of it:
//!
//! - coordinated doers: every name joined to the doer by 、 or a conjunction, each with its own
//!   titles (甲、乙及丙三人昨日向丁局投訴 → 甲, 乙 and 丙 did it);
//! - the subject carried over a comma: a clause that opens with no subject of its own (only
//!   adverbs, time words, dates and where it happens: 今日在甲會向乙…) is done by the named
//!   subject of an earlier clause of the sentence, over clauses that have none either
//!   (民主黨議員甲，今日在乙會向丙提出質詢 → 甲);
//! - a personal pronoun (他, 她) standing for that subject when it is a person (甲因…成名，他其後
//!   加入乙會 → 甲).
//!
//! The carried subject is refused across a quotation (what someone else is quoted as saying),
//! and when a clause between has a subject of its own (a noun or another name opens it).

use crate::analysis::Analysis;
use crate::lexicon::general::PartOfSpeech;
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind};
use crate::span::Span;
use crate::text::{CLAUSE_END, SENTENCE_END, is_quote_mark};

/// Most names coordinated with a doer, read back from it.
const COORDINATED: usize = 12;
/// Most clauses a sentence's subject is carried over (甲，今日在乙…，向丙…: two).
const CARRIED_CLAUSES: usize = 3;
/// Most characters between a clause's start and its named subject (昨日, 今年3月).
const SUBJECT_REACH: usize = 6;
/// What may be a carried subject: a person or a body (a place opening a sentence is more often
/// where than who).
const CARRIED: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization];
/// Longest item of a list the recognisers missed (a name of four ideographs).
const LIST_ITEM: usize = 4;
/// The digits of a count written out (三人, 兩名).
const COUNT_DIGITS: &str = "一二两三四五六七八九十";
/// What may be coordinated with a doer.
const DOERS: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization, EntityKind::Place];

/// How a clause opens before its verb or preposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opening {
    /// With no subject: adverbs, time words, dates, a venue.
    Bare,
    /// With a personal pronoun (and maybe adverbs around it): a person carried over.
    Pronoun,
}

impl Analysis<'_> {
    /// The names coordinated before the doer `mentions[k]` (甲、乙及丙: 乙 and 甲 for 丙), each
    /// maybe with its own titles and body before it (甲局局長乙、丙局局長丁), nearest first.
    pub(super) fn coordinated_before(&self, mentions: &[(EntityId, Span)], k: usize) -> Vec<(EntityId, Span)> {
        let mut out = Vec::new();
        let mut j = k;
        for _ in 0..COORDINATED {
            let (left, before) = self.party_phrase_start(mentions, j);
            let Some(i) = before else { break };
            let (id, m) = mentions[i];
            if m.end > left || !DOERS.contains(&self.entities.kind(id)) {
                break;
            }
            let between = self.folded(Span::new(m.end, left));
            let listed = || {
                between.starts_with('、') && between.ends_with('、') && self.list_items(Span::new(m.end + 1, left - 1))
            };
            if !(between == "、" || self.class(Role::Conjunction).contains(between) || listed()) {
                break;
            }
            out.push((id, m));
            j = i;
        }
        out
    }

    /// `gap` (what follows a doer) past the count of the doers that may open it: 等, 三人, 8名,
    /// 等兩人 (甲、乙兩人昨日向丙…).
    /// Names of a list the recognisers missed may stand before the count (甲、丙丙、丁丁3人: 丙丙
    /// and 丁丁 unknown): short items after 、 ([`Self::list_items`]).
    pub(super) fn past_doer_count(&self, gap: Span) -> Span {
        let chars = self.chars_of(gap);
        let listed = (chars.first() == Some(&'、'))
            .then(|| {
                (1..chars.len()).find(|&k| {
                    let digits =
                        chars[k..].iter().take_while(|c| c.is_ascii_digit() || COUNT_DIGITS.contains(**c)).count();
                    (chars[k] == '等' || (digits > 0 && matches!(chars.get(k + digits), Some('人' | '名'))))
                        && self.list_items(Span::new(gap.start + 1, gap.start + k))
                })
            })
            .flatten();
        let (gap, chars) = match listed {
            Some(k) => (Span::new(gap.start + k, gap.end), &chars[k..]),
            None => (gap, chars),
        };
        let mut i = usize::from(chars.first() == Some(&'等'));
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit() || COUNT_DIGITS.contains(**c)).count();
        if digits > 0 && matches!(chars.get(i + digits), Some('人' | '名')) {
            i += digits + 1;
        } else if i == 1 && chars.get(1) == Some(&'人') {
            i = 2;
        }
        Span::new(gap.start + i, gap.end)
    }

    /// Whether `span` holds only items of a list the recognisers missed, separated by 、: each two
    /// to four ideographs with no verb of the general lexicon in it (丙丙、丁丁).
    fn list_items(&self, span: Span) -> bool {
        let chars = self.chars_of(span);
        !chars.is_empty()
            && chars
                .split(|&c| c == '、')
                .all(|item| (2..=LIST_ITEM).contains(&item.len()) && item.iter().all(|&c| crate::text::is_cjk(c)))
            && !self.general.segment(span).iter().any(|w| w.entry.is_some_and(|e| e.pos == PartOfSpeech::Verb))
    }

    /// How the clause holding `at` opens before it, when it names no subject: only adverbs, time
    /// words, dates ([`Self::adverbial`]), a venue after 在 or 於 (在甲會), and maybe one personal
    /// pronoun. `None` when anything else stands there (a noun, a name, a verb).
    pub(super) fn clause_opening(&self, at: usize, figures: &[Span]) -> Option<(Opening, usize)> {
        let start = self.clause_start(at);
        let mut from = start;
        let mut opening = Opening::Bare;
        // A pronoun first (他昨日…) or after the adverbs (昨日他…).
        let pronoun_at = (start..at).find(|&p| self.class_word_at(Role::PersonalPronoun, p).is_some());
        if let Some(p) = pronoun_at {
            // 他們, 他人: not the person carried over.
            if self.folded_char(p + 1).is_some_and(|c| self.class(Role::NotPronounAfter).has_char(c))
                || !self.adverbial(Span::new(start, p), figures)
            {
                return None;
            }
            opening = Opening::Pronoun;
            from = p + 1;
        }
        let rest = Span::new(from, at);
        if self.adverbial(rest, figures) {
            return Some((opening, start));
        }
        // A venue: 在 or 於 and the names of the place or body, then adverbs again.
        let venue_at = (from..at).find(|&p| {
            self.folded_char(p).is_some_and(|c| self.class(Role::LocativePreposition).has_char(c))
                && self.adverbial(Span::new(from, p), figures)
        })?;
        let mut end = venue_at + 1;
        for (_, m) in self.outer_mentions_in(Span::new(end, at)) {
            if m.start != end {
                break;
            }
            end = m.end;
        }
        // 上 or 內 after the venue (在會上, 在立法會內).
        while end < at && self.folded_char(end).is_some_and(|c| matches!(c, '上' | '内' | '中')) {
            end += 1;
        }
        (end > venue_at + 1 && self.adverbial(Span::new(end, at), figures)).then_some((opening, start))
    }

    /// Where the clause holding `at` starts: after the last clause or sentence end before it.
    pub(super) fn clause_start(&self, at: usize) -> usize {
        let sentence = self.text().sentence_span_at(at.saturating_sub(1)).map_or(0, |s| s.start);
        self.chars_of(Span::new(sentence, at))
            .iter()
            .rposition(|c| CLAUSE_END.contains(c) || SENTENCE_END.contains(c))
            .map_or(sentence, |i| sentence + i + 1)
    }

    /// The named subject carried into a clause starting at `clause` that has none of its own
    /// (see the module's doc): the subject of the nearest earlier clause of the sentence that
    /// opens with a name, over clauses that open with no subject; a person only when
    /// `opening` is a pronoun.
    pub(super) fn carried_subject(
        &self,
        mentions: &[(EntityId, Span)],
        clause: usize,
        opening: Opening,
    ) -> Option<(EntityId, Span)> {
        let sentence = self.text().sentence_at(clause)?;
        let sentence = self.text().sentences()[sentence].span;
        let mut end = clause;
        for _ in 0..CARRIED_CLAUSES {
            // The clause before: [start, end - 1), its end mark at end - 1.
            if end <= sentence.start + 1 {
                return None;
            }
            let mark = self.folded_char(end - 1)?;
            // Only over a comma or a semicolon.
            if !matches!(mark, '，' | ',' | '；' | ';') {
                return None;
            }
            let start = self.clause_start(end - 1);
            let previous = Span::new(start, end - 1);
            if self.chars_of(previous).iter().any(|&c| is_quote_mark(c)) {
                return None;
            }
            if let Some(subject) = self.clause_subject(mentions, previous) {
                let kind = self.entities.kind(subject.0);
                let fits =
                    if opening == Opening::Pronoun { kind == EntityKind::Person } else { CARRIED.contains(&kind) };
                return fits.then_some(subject);
            }
            if !self.opens_without_subject(previous) {
                return None;
            }
            end = start;
        }
        None
    }

    /// The named subject of `clause`: the head of the name phrase it opens with (民主黨議員甲 →
    /// 甲: the names and titles before the head modify it), within [`SUBJECT_REACH`] characters of
    /// adverbs and time words; not a name followed by 的 or 之 (甲的乙: 乙 is the subject), nor one
    /// after a preposition or a verb.
    fn clause_subject(&self, mentions: &[(EntityId, Span)], clause: Span) -> Option<(EntityId, Span)> {
        let first = mentions.partition_point(|(_, m)| m.start < clause.start);
        let (_, m) = *mentions.get(first).filter(|(_, m)| m.end <= clause.end)?;
        if m.start - clause.start > SUBJECT_REACH || !self.only_adverbial(Span::new(clause.start, m.start)) {
            return None;
        }
        let mut head = first;
        let mut end = m.end;
        while let Some(&(_, next)) = mentions.get(head + 1).filter(|(_, n)| n.end <= clause.end) {
            let mut gap = end;
            while let Some((title, _)) = self.word_starting_at(gap, |c| matches!(c, WordClass::Title(_))) {
                if title.end > next.start {
                    break;
                }
                gap = title.end;
            }
            if gap != next.start {
                break;
            }
            head += 1;
            end = next.end;
        }
        let (id, m) = mentions[head];
        let after = self.folded_char(m.end);
        (!matches!(after, Some('的' | '之'))).then_some((id, m))
    }

    /// Whether `clause` opens with no subject of its own and says only where or how (在乙地發言,
    /// 以書面形式): after adverbs and time words, a preposition. A clause that opens with a verb
    /// has an object that may do the next clause's verb (表示，收到多名學生申請，到乙校…: the
    /// students go), so the subject is not carried past it.
    fn opens_without_subject(&self, clause: Span) -> bool {
        for w in self.general.segment(clause) {
            let word = self.folded(w.span);
            match w.entry.map(|e| e.pos) {
                Some(PartOfSpeech::Adverb | PartOfSpeech::Time) => {}
                _ if self.class(Role::Transparent).contains(word) => {}
                Some(PartOfSpeech::Preposition) => return true,
                _ => return false,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind::{Organization, Person};
    use crate::relation::tests::{relations, triple};

    #[test]
    fn coordinated_doers_each_do_the_verb() {
        let names = [("甲某", Person), ("乙某", Person), ("丙某", Person), ("丁院", Organization)];
        let got = relations("甲某、乙某及丙某三人昨日向丁院申請覆核。", &names);
        for x in ["甲某", "乙某", "丙某"] {
            assert!(got.contains(&triple(x, "relatedTo", "丁院")), "{got:?}");
        }
        let got = relations("甲某、乙某及丙某3人上周五向丁院申請覆核。", &names);
        for x in ["甲某", "乙某", "丙某"] {
            assert!(got.contains(&triple(x, "relatedTo", "丁院")), "{got:?}");
        }
        // 戊戊戊 and 己己己 are names the recognisers missed.
        let got = relations("甲某、戊戊戊、乙某、己己己6人昨日向丁院申請保釋。", &names);
        for x in ["甲某", "乙某"] {
            assert!(got.contains(&triple(x, "relatedTo", "丁院")), "{got:?}");
        }
        let got = relations("甲某、乙某和丙某今日向丁院提出申请。", &names);
        for x in ["甲某", "乙某", "丙某"] {
            assert!(got.contains(&triple(x, "relatedTo", "丁院")), "{got:?}");
        }
    }

    #[test]
    fn a_subject_is_carried_over_a_comma_and_a_pronoun() {
        let names = [("甲黨", Organization), ("乙會", Organization), ("丙某", Person), ("丁局", Organization)];
        let got = relations("甲黨議員丙某，今日在乙會向丁局提出質詢。", &names);
        assert!(got.contains(&triple("丙某", "relatedTo", "丁局")), "{got:?}");
        let got = relations("丙某因節目成名，他其後向丁局投訴。", &names);
        assert!(got.contains(&triple("丙某", "relatedTo", "丁局")), "{got:?}");
        let got = relations("丙某昨日发表声明，并向丁局投诉。", &names);
        assert!(got.contains(&triple("丙某", "relatedTo", "丁局")), "{got:?}");
    }

    #[test]
    fn no_subject_is_carried_over_a_clause_with_its_own_or_a_quotation() {
        let names = [("甲會", Organization), ("丙某", Person), ("丁局", Organization)];
        for text in [
            "丙某表示，政府昨日向丁局提交文件。",
            "丙某說：「我們明天向丁局投訴。」",
            "丙某的助手，今日向丁局投訴。",
            "丙某表示，「記者」昨日到場，向丁局投訴。",
            "甲會發言人表示，他們今日向丁局投訴。",
        ] {
            let got = relations(text, &names);
            assert!(!got.contains(&triple("丙某", "relatedTo", "丁局")), "{text} {got:?}");
            assert!(!got.contains(&triple("甲會", "relatedTo", "丁局")), "{text} {got:?}");
        }
        // A pronoun stands for a person only.
        let got = relations("甲會昨日開會，他向丁局投訴。", &names);
        assert!(!got.contains(&triple("甲會", "relatedTo", "丁局")), "{got:?}");
    }
}
