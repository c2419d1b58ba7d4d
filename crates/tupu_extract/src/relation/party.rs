//! Links a prepositional phrase states: a preposition before a name makes it a party to the verb
//! after it, which the name before the preposition does — with it (甲昨日與乙會面, 甲與乙斷交) or
//! to or for it (甲向乙局局長丙提出建議, 甲對前任乙長丙宣判, 甲為乙做手術) → 甲 relatedTo 乙
//! (or 丙), predicate the verb.
//!
//! Read from each named party backwards, within a few words: the party's own modifiers (the titles
//! and the body of its post: 乙局局長丙), the preposition ([`Role::Companion`], [`Role::Addressee`];
//! a conjunction too after an adverb, 甲今年已和乙建交), adverbs and time words, maybe where it
//! happens (在丁市), and the doer's name; forwards, adverbs and one verb of the general lexicon.
//! The doer need not open its clause — what precedes it does not change who does the verb
//! (據甲向乙透露, 要求甲向乙道歉) — but a name after a preposition is a place or an object, not
//! a doer (在甲區向乙區遊行).

use super::LONGEST_TITLE;
use crate::analysis::Analysis;
use crate::lexicon::general::{Entry, PartOfSpeech};
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind, Relation};
use crate::span::Span;
use crate::text::{CLAUSE_END, SENTENCE_END};

/// The property of a link a prepositional phrase states.
const RELATED: &str = "relatedTo";
/// What may do the verb, and what may be the party the preposition names.
const PARTIES: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization, EntityKind::Place];
/// Longest preposition (夥拍).
const MARKER_LEN: usize = 2;
/// Most characters between the party and the verb it takes part in (甲與乙昨日已…).
const PARTY_VERB_REACH: usize = 8;
/// Most modifiers of a party read backwards from it (乙國乙局局長丙: a place, a body, a title).
const MODIFIERS: usize = 3;
/// Most characters after a party's verb read for a second verb of its clause.
const SECOND_VERB_REACH: usize = 12;
/// Most characters between the doer and the preposition (昨日下午, 上月13日).
const DOER_GAP: usize = 10;

/// A preposition that names a party, as read before it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marker {
    pub(super) span: Span,
    /// 向, 對, 為: the party receives the verb, which may be one of saying (甲向乙表示).
    addressee: bool,
    /// A conjunction (和): it names a companion only after an adverb or time word.
    conjunction: bool,
}

impl Analysis<'_> {
    /// Links of prepositional phrases (see the module's doc): one pass over the outer mentions,
    /// each read within a bounded window around it.
    pub(super) fn party_links(&self) -> Vec<Relation> {
        let mentions = self.outer_mentions_in(Span::new(0, self.chars.len()));
        let mut figures: Vec<Span> = self.figures.iter().map(|f| f.span).collect();
        figures.sort_unstable_by_key(|s| s.start);
        let mut out = Vec::new();
        for (j, &(y, b)) in mentions.iter().enumerate() {
            if !PARTIES.contains(&self.entities.kind(y)) {
                continue;
            }
            let (left, before) = self.party_phrase_start(&mentions, j);
            let Some(marker) = self.party_marker(left) else { continue };
            let Some(verb) = self.party_verb(b.end, marker.addressee) else { continue };
            if self.class(Role::ClauseTaking).contains(self.folded(marker.span)) && self.verb_follows(verb.end) {
                continue;
            }
            let doers = self.doers(&mentions, before, marker, &figures);
            let predicate_text = self.party_predicate(marker, verb);
            for (x, a) in doers {
                if self.entities.resolve(x) == self.entities.resolve(y) || self.in_a_title(a.start) {
                    continue;
                }
                let span = self.text().sentence_span_at(a.start).unwrap_or(a.cover(b));
                out.push(Relation {
                    subject: x,
                    object: y,
                    property: RELATED.to_owned(),
                    predicate_text: predicate_text.clone(),
                    span,
                });
            }
        }
        out
    }

    /// The edge label of a party's link: the preposition and the verb, as a reader would say it
    /// (向…申請, 與…會面); the verb alone after a conjunction (和: 建交).
    fn party_predicate(&self, marker: Marker, verb: Span) -> String {
        if marker.conjunction {
            return self.surface(verb).to_owned();
        }
        let gap = if marker.span.end < verb.start { "…" } else { "" };
        format!("{}{gap}{}", self.surface(marker.span), self.surface(verb))
    }

    /// Who does a party's verb: the doer before the preposition and the names coordinated with
    /// it (甲、乙及丙向丁…); with no doer there, the clause's subject carried over a comma or
    /// named by a pronoun ([`super::subject`]).
    fn doers(
        &self,
        mentions: &[(EntityId, Span)],
        before: Option<usize>,
        marker: Marker,
        figures: &[Span],
    ) -> Vec<(EntityId, Span)> {
        if let Some(k) = before.and_then(|k| self.doer_before(mentions, k, marker, figures)) {
            let mut out = vec![mentions[k]];
            out.extend(self.coordinated_before(mentions, k));
            return out;
        }
        if marker.conjunction {
            return Vec::new();
        }
        // The clause's opening holds no name but a venue's (checked there).
        let Some((opening, start)) = self.clause_opening(marker.span.start, figures) else { return Vec::new() };
        self.carried_subject(mentions, start, opening).into_iter().collect()
    }

    /// Where the phrase of the party `mentions[j]` starts, with its modifiers: the titles right
    /// before it and the body or place of those titles (向乙局局長丙 → at 乙局); and the index of
    /// the mention before the phrase.
    pub(super) fn party_phrase_start(&self, mentions: &[(EntityId, Span)], j: usize) -> (usize, Option<usize>) {
        let mut left = mentions[j].1.start;
        let mut k = j;
        for _ in 0..MODIFIERS {
            while let Some((title, _)) = self.word_ending_at(left, |c| matches!(c, WordClass::Title(_))) {
                left = title.start;
            }
            match k.checked_sub(1).map(|i| (i, mentions[i])) {
                Some((i, (id, m)))
                    if m.end == left
                        && matches!(self.entities.kind(id), EntityKind::Organization | EntityKind::Place) =>
                {
                    left = m.start;
                    k = i;
                }
                _ => break,
            }
        }
        (left, k.checked_sub(1))
    }

    /// The preposition ending at `end` that names a party: the longest word of
    /// [`Role::Companion`], [`Role::Addressee`] or [`Role::Destination`], or a conjunction. Not when a longer ordinary
    /// word of the general lexicon ends there (認為, 成為, 參與, 反對, 共同: the character is part
    /// of it).
    pub(super) fn party_marker(&self, end: usize) -> Option<Marker> {
        let marker =
            (1..=end.min(MARKER_LEN)).rev().find_map(|k| {
                let span = Span::new(end - k, end);
                let word = self.folded(span);
                let addressee = self.class(Role::Addressee).contains(word);
                let conjunction = self.class(Role::Conjunction).contains(word);
                let destination = self.class(Role::Destination).contains(word);
                (addressee || conjunction || destination || self.class(Role::Companion).contains(word)).then_some(
                    Marker { span, addressee, conjunction: conjunction && !self.class(Role::Companion).contains(word) },
                )
            })?;
        let longer =
            self.general.words_ending_at(end).any(|w| w.span.len() > marker.span.len() && w.entry.is_ordinary());
        (!longer).then_some(marker)
    }

    /// The verb the party named before `end` takes part in: after adverbs and time words, within
    /// [`PARTY_VERB_REACH`] characters, a verb (or verbal noun) of the general lexicon that relates
    /// ([`Self::relating_verb`]) — after an addressee also a verb of saying (甲向乙表示). Not when
    /// a negation (甲與乙並沒有…) or a word of [`Role::Distributive`] (甲與乙都表示: each on its
    /// own) comes first, nor when the party modifies a noun (甲對乙國商品…, 甲與乙的關係).
    pub(super) fn party_verb(&self, end: usize, addressee: bool) -> Option<Span> {
        let reach = Span::new(end, self.chars.len().min(end + PARTY_VERB_REACH));
        for w in self.general.segment(reach) {
            let word = self.folded(w.span);
            if self.class(Role::Negation).contains(word) || self.class(Role::Distributive).contains(word) {
                return None;
            }
            if matches!(w.entry.map(|e| e.pos), Some(PartOfSpeech::Adverb | PartOfSpeech::Time))
                || self.class(Role::Transparent).contains(word)
            {
                continue;
            }
            let is_verb = |e: Entry| matches!(e.pos, PartOfSpeech::Verb | PartOfSpeech::VerbalNoun);
            // A rare entry of the lexicon (做手術 as a noun) does not hide the ordinary verb it
            // starts with; an ordinary word that is no verb has none (乙國代表團: no 代表).
            let verb = match w.entry {
                Some(e) if is_verb(e) => w.span,
                Some(e) if e.is_ordinary() => return None,
                _ => {
                    self.general
                        .starting_at(w.span.start)
                        .filter(|v| v.span.end <= reach.end && v.entry.is_ordinary() && is_verb(v.entry))
                        .last()?
                        .span
                }
            };
            let said = addressee && self.has_word(verb, |c| matches!(c, WordClass::SpeechVerb(_)));
            return (self.relating_verb(verb) || said).then_some(verb);
        }
        None
    }

    /// Whether another verb follows the one ending at `end` in its clause, within
    /// [`SECOND_VERB_REACH`] characters (甲對乙加入行會感到意外: 感到): the verb at `end` is then
    /// the party's own, inside the clause the preposition takes.
    fn verb_follows(&self, end: usize) -> bool {
        let limit = self.chars.len().min(end + SECOND_VERB_REACH);
        let stop = (end..limit)
            .find(|&p| self.folded_char(p).is_some_and(|c| CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c)))
            .unwrap_or(limit);
        self.general
            .segment(Span::new(end, stop))
            .iter()
            .any(|w| w.entry.is_some_and(|e| e.pos == PartOfSpeech::Verb && e.is_ordinary()))
    }

    /// The doer of a party's verb (its index): the name `mentions[k]` before the preposition `marker`, with
    /// only adverbs, time words and dates between ([`Self::adverbial`]) — or where it happens,
    /// a place after 在 or 於 (甲在丁市與乙會面). A conjunction names a companion only after such
    /// a word (甲今年已和乙建交; 甲和乙 join two doers). Not a name after a preposition
    /// ([`Self::preposition_before`]), nor one that opens with a word no name opens with (a
    /// name cut wrong: 不評論甲會).
    pub(super) fn doer_before(
        &self,
        mentions: &[(EntityId, Span)],
        k: usize,
        marker: Marker,
        figures: &[Span],
    ) -> Option<usize> {
        let mut at = k;
        let (mut id, mut m) = mentions[k];
        let mut gap = Span::new(m.end, marker.span.start);
        if self.entities.kind(id) == EntityKind::Place && self.adverbial(gap, figures) {
            // 在丁國丁市: the places of the venue, and the preposition before them.
            let mut first = k;
            while first > 0 && mentions[first - 1].1.end == mentions[first].1.start {
                first -= 1;
            }
            let venue = mentions[first].1.start;
            let venue_at = venue
                .checked_sub(1)
                .filter(|&p| self.folded_char(p).is_some_and(|c| self.class(Role::LocativePreposition).has_char(c)));
            if let (Some(venue_at), Some(i)) = (venue_at, first.checked_sub(1)) {
                (id, m) = mentions[i];
                gap = Span::new(m.end, venue_at);
                at = i;
            }
        }
        let gap = if gap.start <= gap.end { self.past_doer_count(gap) } else { gap };
        if gap.start > gap.end || gap.len() > DOER_GAP || !self.adverbial(gap, figures) {
            return None;
        }
        if marker.conjunction && gap.is_empty() {
            return None;
        }
        (PARTIES.contains(&self.entities.kind(id)) && !self.preposition_before(m.start) && self.opens_like_a_name(m))
            .then_some(at)
    }

    /// Whether `pos` is inside a title in 《》 (《甲院與乙大學研究報告》 names a report, not two
    /// parties doing something): a 《 before it, within [`LONGEST_TITLE`] characters, not closed.
    fn in_a_title(&self, pos: usize) -> bool {
        let from = pos.saturating_sub(LONGEST_TITLE);
        self.chars_of(Span::new(from, pos)).iter().rev().find(|&&c| c == '《' || c == '》') == Some(&'《')
    }

    /// Whether `span` holds only adverbs and time words ([`Self::only_adverbial`]) and dates
    /// (上月13日): what may stand between a doer and its preposition.
    pub(super) fn adverbial(&self, span: Span, figures: &[Span]) -> bool {
        let mut from = span.start;
        let i = figures.partition_point(|f| f.end <= span.start);
        for f in figures[i..].iter().take_while(|f| f.start < span.end) {
            if f.start < from || f.end > span.end || !self.adverbial_or_weekday(Span::new(from, f.start)) {
                return false;
            }
            from = f.end;
        }
        self.adverbial_or_weekday(Span::new(from, span.end))
    }

    /// [`Self::only_adverbial`], a day of the week allowed too (上周五, 星期三, 週日下午): the word
    /// lexicon cuts it into a time word and a numeral.
    fn adverbial_or_weekday(&self, span: Span) -> bool {
        let chars = self.chars_of(span);
        let weekday = (0..chars.len()).find_map(|i| {
            let rest = &chars[i..];
            let name = if rest.first() == Some(&'周') {
                1
            } else if rest.starts_with(&['星', '期']) || rest.starts_with(&['礼', '拜']) {
                2
            } else {
                return None;
            };
            rest.get(name).filter(|c| "一二三四五六日天".contains(**c)).map(|_| (i, i + name + 1))
        });
        match weekday {
            Some((s, e)) => {
                let mut s = span.start + s;
                // 上周五, 本周一, 下星期二: the week's own word goes with it.
                if s > span.start
                    && self.folded_char(s - 1).is_some_and(|c| matches!(c, '上' | '下' | '本' | '今' | '这'))
                {
                    s -= 1;
                }
                self.only_adverbial(Span::new(span.start, s))
                    && self.adverbial_or_weekday(Span::new(span.start + e, span.end))
            }
            None => self.only_adverbial(span),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind::{Organization, Person, Place};
    use crate::relation::tests::{relations, triple};

    #[test]
    fn a_doer_does_the_verb_to_the_party_after_its_preposition() {
        let names = [("甲某", Person), ("乙局", Organization), ("丙某", Person), ("丁會", Organization)];
        let got = relations("甲某昨日向乙局局長丙某提出三項建議。", &names);
        assert_eq!(got, [triple("甲某", "relatedTo", "丙某")]);
        let got = relations("丁會亦向乙局投訴。", &names);
        assert_eq!(got, [triple("丁會", "relatedTo", "乙局")]);
        let names = [("甲某", Person), ("乙某", Person), ("丙国", Place), ("丁国", Place)];
        assert_eq!(relations("法官甲某对前任部长乙某宣判刑期。", &names), [triple("甲某", "relatedTo", "乙某")]);
        assert_eq!(relations("丙国向丁国递交清单。", &names), [triple("丙国", "relatedTo", "丁国")]);
        assert_eq!(relations("丙国对丁国实施制裁，", &names), [triple("丙国", "relatedTo", "丁国")]);
        assert_eq!(relations("甲某向乙某表示，事件已經處理。", &names), [triple("甲某", "relatedTo", "乙某")]);
    }

    #[test]
    fn a_venue_between_the_doer_and_its_preposition_is_passed_over() {
        let names = [("甲某", Person), ("丙國", Place), ("丁市", Place), ("乙團", Organization)];
        let got = relations("甲某在丙國丁市與乙團會晤。", &names);
        assert!(got.contains(&triple("甲某", "relatedTo", "乙團")), "{got:?}");
        let names = [("甲某", Person), ("丁市", Place), ("乙团", Organization)];
        let got = relations("甲某昨日下午在丁市为乙团做手术。", &names);
        assert!(got.contains(&triple("甲某", "relatedTo", "乙团")), "{got:?}");
    }

    #[test]
    fn a_preposition_inside_a_word_or_before_a_noun_names_no_party() {
        let names = [("甲國", Place), ("乙國", Place), ("丙會", Organization)];
        for text in [
            "甲國認為乙國做法錯誤。",
            "甲國對乙國商品加徵關稅。",
            "甲國對乙國的邀請已撤回。",
            "丙會成為乙國最大團體。",
            "在甲國向乙國遊行。",
            "甲國表示向乙國讓步。",
            "丙會與乙國代表團會面。",
            "丙會對乙國加入聯盟不感到意外。",
            "丙會與乙國同日發布公告。",
        ] {
            assert_eq!(relations(text, &names), [], "{text}");
        }
        let names = [("丙會", Organization), ("乙國", Place)];
        assert_eq!(relations("他引用《丙會與乙國研究報告》。", &names), []);
        let names = [("甲国", Place), ("乙国", Place)];
        assert_eq!(relations("甲国对乙国商品加征关税。", &names), []);
    }
}
