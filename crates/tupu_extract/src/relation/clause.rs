//! Links a clause states between two named entities outside the plain frames of the verb table:
//! interviews (X接受Y專訪, Y記者專訪X), the place an attributive 位於 gives (位於X的Y: Y is in X),
//! and family or friends named by apposition (甲的妻子乙, 甲生前好友乙).
//!
//! Each rule reads only what stands within a few characters of its anchor, so a sentence with many
//! entities does not relate them all to each other.

use super::Occurrence;
use crate::analysis::Analysis;
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind, Relation};
use crate::span::Span;
use crate::text::{CLAUSE_END, SENTENCE_END};

/// Most characters between 接受 and the interviewer, and between the interviewer and the
/// interview noun (接受了《甲報》記者的電話專訪).
const INTERVIEW_GAP: usize = 6;
/// Most characters between the person interviewed and the interview noun (甲報專訪了乙).
const INTERVIEWEE_GAP: usize = 1;
/// Most characters between 位於's place and the 的 of the attribute (位於甲區東北部的乙).
const LOCATION_GAP: usize = 8;
/// Most characters between two people related by apposition (甲的生前好友乙).
const KIN_GAP: usize = 6;
/// Most characters between 是 and the titles of the relative (甲是前議員乙的兒子: 前).
const COPULA_GAP: usize = 2;
/// Most characters between 代表 and the party represented (代表被告甲).
const COUNSEL_ROLE_GAP: usize = 3;
/// Whether `c` is passed over around a name: a quotation or title mark, or a space.
fn passed_over(c: char) -> bool {
    crate::text::is_quote_mark(c) || c == ' ' || c == '\u{3000}'
}

impl Analysis<'_> {
    /// Who was interviewed by whom at an interview noun (專訪, 採訪): after 接受 in the clause,
    /// the person before 接受 by the body or person between it and the noun (甲接受乙報專訪 →
    /// 甲 interviewedBy 乙報); without 接受, the person right after the noun by the party right
    /// before it (乙報記者專訪甲). An interview nobody is named for links nothing.
    pub(super) fn interview_links(&self, at: &Occurrence<'_>) -> Vec<Relation> {
        let verb = at.verb;
        let accept = (at.clause.start..at.span.start)
            .rev()
            .find_map(|p| self.class_word_at(Role::AcceptingVerb, p).filter(|w| w.end <= at.span.start));
        let pairs: Vec<(EntityId, EntityId)> = if let Some(accept) = accept {
            let Some((interviewer, m)) = self
                .outer_mentions_in(Span::new(accept.end, at.span.start))
                .into_iter()
                .rfind(|(id, _)| verb.objects.contains(&self.entities.kind(*id)))
            else {
                return Vec::new();
            };
            if self.bare_len(accept.end, m.start) > INTERVIEW_GAP || self.bare_len(m.end, at.span.start) > INTERVIEW_GAP
            {
                return Vec::new();
            }
            self.interviewee_before(accept.start, at.sentence)
                .filter(|id| verb.subjects.contains(&self.entities.kind(*id)))
                .map(|person| vec![(person, interviewer)])
                .unwrap_or_default()
        } else {
            let Some(parties) = self.parties_before(at.span, at.clause.start) else { return Vec::new() };
            let Some((person, m)) = self.outer_mentions_in(Span::new(at.span.end, at.clause.end)).into_iter().next()
            else {
                return Vec::new();
            };
            if self.bare_len(at.span.end, m.start) > INTERVIEWEE_GAP
                || !verb.subjects.contains(&self.entities.kind(person))
                || parties.passive
            {
                return Vec::new();
            }
            parties
                .heads
                .iter()
                .filter(|(id, _)| verb.objects.contains(&self.entities.kind(*id)))
                .map(|&(interviewer, _)| (person, interviewer))
                .collect()
        };
        pairs
            .into_iter()
            .filter(|(s, o)| self.entities.resolve(*s) != self.entities.resolve(*o))
            .map(|(subject, object)| Relation {
                subject,
                object,
                property: verb.property.clone(),
                predicate_text: self.surface(at.span).to_owned(),
                span: at.sentence,
            })
            .collect()
    }

    /// The person who accepts an interview: the last person named in the sentence before the
    /// accepting verb at `accept` (甲昨日在乙地接受…; 總理甲，就…問題接受…).
    fn interviewee_before(&self, accept: usize, sentence: Span) -> Option<EntityId> {
        self.outer_mentions_in(Span::new(sentence.start, accept))
            .into_iter()
            .rfind(|(id, _)| self.entities.kind(*id) == EntityKind::Person)
            .map(|(id, _)| id)
    }

    /// The things an attributive 位於 places (位於甲區的乙館 → 乙館 locatedIn 甲區): the entity
    /// right after the 的 that closes the verb's place, which the verb describes rather than the
    /// clause's subject. `None` when the verb is not written so.
    pub(super) fn attributive_location(&self, at: &Occurrence<'_>) -> Option<Vec<Relation>> {
        let verb = at.verb;
        let places = self.objects_after(at.span, at.clause.end, &verb.objects);
        let &(_, last) = places.last()?;
        let reach = Span::new(last.end, at.clause.end.min(last.end + LOCATION_GAP + 1));
        let de = last.end + self.chars_of(reach).iter().position(|&c| c == '的')?;
        // 位於甲區，乙館… or a name between: the 的 does not close this place.
        if !self.outer_mentions_in(Span::new(last.end, de)).is_empty() {
            return None;
        }
        let (thing, m) = self.outer_mentions_in(Span::new(de + 1, at.clause.end)).into_iter().next()?;
        if self.bare_len(de + 1, m.start) > 0 || !verb.subjects.contains(&self.entities.kind(thing)) {
            return None;
        }
        // 位於甲區的乙館: a place name that only opens an unnamed building (乙館 unknown) is not
        // what is located; a place stands alone, before punctuation or a joiner.
        if self.entities.kind(thing) == EntityKind::Place && !self.ends_a_phrase(m.end) {
            return None;
        }
        Some(
            places
                .iter()
                .filter(|(place, _)| self.entities.resolve(*place) != self.entities.resolve(thing))
                .map(|&(place, _)| Relation {
                    subject: thing,
                    object: place,
                    property: verb.property.clone(),
                    predicate_text: self.surface(at.span).to_owned(),
                    span: at.sentence,
                })
                .collect(),
        )
    }

    /// Links two people named by apposition state, one pass over the mentions: relatives and
    /// friends (甲的妻子乙 → 甲 relativeOf 乙; 甲生前好友乙 → 甲 friendOf 乙, both ways, as these
    /// properties are symmetric) and representatives (代表甲的大律師乙 → 乙 represents 甲; the one
    /// represented may be a body).
    pub(super) fn apposition_links(&self) -> Vec<Relation> {
        let mut out = Vec::new();
        let mentions = self.outer_mentions_in(Span::new(0, self.chars.len()));
        for pair in mentions.windows(2) {
            let [(x, a), (y, b)] = [pair[0], pair[1]];
            if self.entities.kind(y) != EntityKind::Person || b.start < a.end || b.start - a.end > KIN_GAP {
                continue;
            }
            if self.entities.resolve(x) == self.entities.resolve(y) {
                continue;
            }
            let between = Span::new(a.end, b.start);
            let folded = self.folded(between);
            let links: Vec<(EntityId, &str, EntityId)> = if self.entities.kind(x) != EntityKind::Person {
                Vec::new()
            } else if let Some(p) = self.kin_property(folded) {
                vec![(x, p, y), (y, p, x)]
            } else if self.aide_word(folded) {
                vec![(y, "relatedTo", x)]
            } else {
                Vec::new()
            };
            let links =
                if links.is_empty() && self.represented(a, between) { vec![(y, "represents", x)] } else { links };
            let span = self.text().sentence_span_at(a.start).unwrap_or(a.cover(b));
            for (subject, property, object) in links {
                out.push(Relation {
                    subject,
                    object,
                    property: property.to_owned(),
                    predicate_text: self.surface(between).to_owned(),
                    span,
                });
            }
        }
        out
    }

    /// The property a stretch between two people states, if it is only a word of kin or
    /// friendship, maybe after 的 and a modifier: 的妻子 → `relativeOf`, 生前好友 → `friendOf`.
    fn kin_property(&self, between: &str) -> Option<&'static str> {
        let rest = between.strip_prefix('的').unwrap_or(between);
        let rest = match self.class(Role::KinModifier).prefix_of(rest) {
            Some(len) if len < rest.len() => &rest[len..],
            _ => rest,
        };
        if self.class(Role::Kin).contains(rest) {
            Some("relativeOf")
        } else if self.class(Role::Acquaintance).contains(rest) {
            Some("friendOf")
        } else {
            None
        }
    }

    /// Whether a stretch between two people is 的 and a word of [`Role::Aide`] (的保鑣, 的拍檔):
    /// the second works beside the first.
    fn aide_word(&self, between: &str) -> bool {
        between.strip_prefix('的').is_some_and(|rest| self.class(Role::Aide).contains(rest))
    }

    /// Links of kinship a copula states, one pass over the mentions: 甲是乙的兒子, 甲是前議員乙
    /// 的女兒 → 甲 relativeOf 乙, both ways. The kin word ends the clause (甲是乙的兒子所開的店:
    /// no), 是 stands right after the first person (adverbs between: 甲亦是), and only the
    /// second person's titles and body between 是 and it.
    pub(super) fn copula_kin_links(&self) -> Vec<Relation> {
        let mentions = self.outer_mentions_in(Span::new(0, self.chars.len()));
        let mut out = Vec::new();
        for (j, &(y, b)) in mentions.iter().enumerate() {
            if self.entities.kind(y) != EntityKind::Person || self.folded_char(b.end) != Some('的') {
                continue;
            }
            let Some(kin) = self.class_word_at(Role::Kin, b.end + 1) else { continue };
            if !self.folded_char(kin.end).is_none_or(|c| CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c)) {
                continue;
            }
            let (left, before) = self.party_phrase_start(&mentions, j);
            // 是, maybe a modifier of the title (前, 已故) between it and the phrase.
            let Some(copula) =
                (left.saturating_sub(COPULA_GAP + 1)..left).rev().find(|&p| self.folded_char(p) == Some('是'))
            else {
                continue;
            };
            if self.bare_len(copula + 1, left) > COPULA_GAP {
                continue;
            }
            let Some((x, a)) = before.map(|k| mentions[k]) else { continue };
            if self.entities.kind(x) != EntityKind::Person
                || a.end > copula
                || !self.only_adverbial(Span::new(a.end, copula))
                || self.entities.resolve(x) == self.entities.resolve(y)
            {
                continue;
            }
            let span = self.text().sentence_span_at(a.start).unwrap_or(a.cover(b));
            let text = format!("是…的{}", self.surface(kin));
            for (s, o) in [(x, y), (y, x)] {
                out.push(Relation {
                    subject: s,
                    object: o,
                    property: "relativeOf".to_owned(),
                    predicate_text: text.clone(),
                    span,
                });
            }
        }
        out
    }

    /// Whether the party at `party` is represented by the person after `between`: 代表 (maybe
    /// with a short role: 代表被告) before it, 的 and a title after it (代表甲的大律師乙,
    /// 代表政府的律政司司長乙).
    fn represented(&self, party: Span, between: Span) -> bool {
        if self.folded_char(between.start) != Some('的') || between.len() < 2 {
            return false;
        }
        let title = Span::new(between.start + 1, between.end);
        if !self.has_word(title, |c| matches!(c, WordClass::Title(_))) {
            return false;
        }
        let from = party.start.saturating_sub(COUNSEL_ROLE_GAP + 2);
        (from..party.start).any(|p| {
            self.class_word_at(Role::OnBehalfOf, p)
                .is_some_and(|w| w.end <= party.start && self.bare_len(w.end, party.start) <= COUNSEL_ROLE_GAP)
        })
    }

    /// Whether the parties of a mutual verb starting at `start` follow a 與 or 跟 earlier in
    /// the clause: 他與甲、乙會面 — 甲 and 乙 met him, not each other.
    pub(super) fn met_by_someone_else(&self, start: usize, clause_start: usize) -> bool {
        self.chars_of(Span::new(clause_start, start)).iter().any(|&c| c == '与' || c == '跟')
    }

    /// Where the second side of a meeting starts among its coordinated parties: the first party
    /// after 與, 跟 or 同 (甲、乙與丙及丁會面 → 2: 甲 and 乙 met 丙 and 丁). `None` when no such word
    /// joins them.
    pub(super) fn meeting_sides(&self, parties: &[(EntityId, Span)]) -> Option<usize> {
        (1..parties.len()).find(|&i| {
            self.chars_of(Span::new(parties[i - 1].1.end, parties[i].1.start))
                .iter()
                .any(|&c| c == '与' || c == '跟' || c == '同')
        })
    }

    /// Whether a name ending at `end` ends its phrase: punctuation, a joiner, or the text's end
    /// follows it.
    fn ends_a_phrase(&self, end: usize) -> bool {
        self.folded_char(end).is_none_or(|c| {
            CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c) || passed_over(c) || self.joins_names(c)
        })
    }

    /// How many characters stand in `[from, to)` other than quotation marks and spaces; a clause
    /// or sentence end counts as too many.
    pub(super) fn bare_len(&self, from: usize, to: usize) -> usize {
        let chars = self.chars_of(Span::new(from, to.max(from)));
        if chars.iter().any(|c| CLAUSE_END.contains(c) || SENTENCE_END.contains(c)) {
            return usize::MAX;
        }
        chars.iter().filter(|c| !passed_over(**c)).count()
    }
}
