//! Verbs done against someone ([`Frame::Against`]: 批評, 譴責, 指責): who did it is the party
//! written before the verb, what it was done to is the name right after it.
//!
//! These verbs are written as often as nouns (受到批評, 回應他的批評) and their objects as often
//! inside a longer phrase (批評甲某的說法是…, 譴責示威者挑戰甲府權威) as alone, so the rules ask
//! more of the sentence than the plain svo frame does: the object stands right after the verb and
//! heads its phrase, and the subject is a name that does something, not the body of a title.

use super::Occurrence;
use super::arguments::Mentions;
use super::verbs::Frame;
use crate::analysis::Analysis;
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind};
use crate::span::Span;

/// Most characters (titles and quotation marks aside) between an against-verb and what it is done
/// to: 批評末代港督乙某 (末代), not 批評有人指責甲地 (有人指責).
const TARGET_GAP: usize = 2;

impl Analysis<'_> {
    /// Whether an against-verb at `at` is a noun or an agentless passive (受到批評, 飽受批評的甲,
    /// 回應乙某的批評): nobody named does it, so it links nothing.
    pub(super) fn unnamed_agent(&self, at: &Occurrence<'_>) -> bool {
        at.verb.frame == Frame::Against && self.class_word_before(Role::UnnamedAgent, at.span.start).is_some()
    }

    /// What an against-verb is done to: the entities of `kinds` named right after it (at most
    /// [`TARGET_GAP`] characters between), each the head of its phrase — a name written right
    /// before another one, titles aside, only modifies it (批評甲黨議員乙某: 乙某, not 甲黨;
    /// 斥責甲處處長乙某: 乙某).
    pub(super) fn targets(&self, at: &Occurrence<'_>) -> Vec<EntityId> {
        let found = self.objects_after(at.span, at.clause.end, &at.verb.objects);
        // 譴責甲黨立法會議員: the members, unnamed; neither the party nor the council.
        if found.iter().any(|&(_, m)| self.body_of_unnamed_holder(m)) {
            return Vec::new();
        }
        let Some(&(_, first)) = found.first() else { return Vec::new() };
        if self.residue(at.span.end, first.start, &[]).chars().count() > TARGET_GAP {
            return Vec::new();
        }
        let all = self.outer_mentions_in(Span::new(first.start, at.clause.end));
        found
            .iter()
            .filter(|(_, m)| !all.iter().any(|(_, n)| n.start >= m.end && self.residue(m.end, n.start, &[]).is_empty()))
            .map(|&(id, _)| id)
            .collect()
    }

    /// Whether the name at `m` only gives the body of a title written right after it, with nobody
    /// named after the title (甲會議員 in 乙某仍任甲會議員時批評, 譴責甲會議員): the title's holder
    /// is meant, not the body.
    fn body_of_unnamed_holder(&self, m: Span) -> bool {
        let title_end = self
            .words
            .starting_at(m.end)
            .iter()
            .filter(|w| self.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Title(_))))
            .map(|w| w.span.end)
            .max();
        let Some(end) = title_end else { return false };
        // The holder's mention may take the title in (處長乙某).
        !self
            .entities
            .overlapping(Span::new(end, end + 1))
            .iter()
            .any(|&(p, s)| self.entities.kind(p) == EntityKind::Person && s.start >= m.end)
    }

    /// The subjects an against-verb keeps: none when a negation or another relation verb stands
    /// between them and the verb (甲沒有明文指責乙, 甲批評有人指責乙) or when they end a list that starts with no name (在專欄、甲會批評:
    /// where, not who); not a body or place that only gives the body of a title nobody is named
    /// after (乙某仍任甲會議員時批評: 甲會 did not criticise). False when the clause itself rules
    /// out a subject (the negation, the list), so that the sentence's topic is not taken instead.
    pub(super) fn acting_subjects(&self, at: &Occurrence<'_>, subjects: &mut Mentions) -> bool {
        let Some(&(_, first)) = subjects.first() else { return true };
        let last = subjects.last().map_or(first, |&(_, m)| m);
        let gap = self.residue(last.end.min(at.span.start), at.span.start, &[]);
        let listed = first.start.checked_sub(1).and_then(|p| self.folded_char(p)) == Some('、');
        // 甲某批評有人指責乙地: 甲某's verb is 批評, not 指責.
        let own_verb_between = self.lex.relations.occurs_in(&gap);
        if listed || own_verb_between || gap.contains('、') || self.class(Role::Negation).occurs_in(&gap) {
            subjects.clear();
            return false;
        }
        subjects.retain(|&(id, m)| self.entities.kind(id) == EntityKind::Person || !self.body_of_unnamed_holder(m));
        true
    }

    /// Whether the sentence's topic may do an against-verb whose clause names no subject: only
    /// when nothing but adverbs and time words stands before the verb in its clause (甲會發表聲明，
    /// 並譴責乙某), not another subject left unnamed (甲會當中，有人批評乙某).
    pub(super) fn topic_may_act(&self, at: &Occurrence<'_>) -> bool {
        let before = self.residue(at.clause.start, at.span.start, &[]);
        let mut rest = before.as_str();
        loop {
            let len = self
                .class(Role::Transparent)
                .prefix_of(rest)
                .or_else(|| self.class(Role::Adverb).prefix_of(rest))
                .filter(|&len| len > 0);
            match len {
                Some(len) => rest = &rest[len..],
                None => return rest.is_empty(),
            }
        }
    }
}
