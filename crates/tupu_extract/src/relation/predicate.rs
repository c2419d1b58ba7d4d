//! Links a clause states with a verb outside the relation table: the clause's topic entity, a
//! verb of the general word lexicon right after it, and the entity that verb takes
//! (甲局約見乙會 → 甲局 relatedTo 乙會, predicate 約見; 甲國派遣了三百名乙部隊; 甲引渡回乙國).
//!
//! Narrow on purpose, as the table's frames are not there to check it: the subject opens its
//! clause; between the two names stand only adverbs and time words, one verb, its complements
//! (了, 回) and a figure; the verb is no copula, modal, verb of saying or preposition-like verb
//! ([`Role::NonRelatingVerb`], the speech verbs); nothing denies it; and the object ends its noun
//! phrase (not 乙國籍, 乙國的…, 乙市市民).
//!
//! A clause in the passive turns the link round: 甲改由乙管轄, 甲獲乙資助, 甲被乙收購 — the one
//! after the marker ([`Role::AgentMarker`], [`Role::PassiveMarker`]) does what the verb right
//! after it says, to the topic: 乙 relatedTo 甲, predicate 管轄 ([`Analysis::agent_between`]).

use crate::analysis::Analysis;
use crate::lexicon::general::PartOfSpeech;
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind, Relation};
use crate::normalize::fold;
use crate::span::Span;
use crate::text::{CLAUSE_END, SENTENCE_END};

/// The property of a link by a verb the table does not know.
const RELATED: &str = "relatedTo";
/// Most characters between the clause's start and its topic (昨日, 隨後, 今年3月).
const TOPIC_REACH: usize = 6;
/// Most characters between the subject and the object.
const PREDICATE_REACH: usize = 12;
/// Most characters between the start of a clause with no subject and its object (今日在甲會致函).
const CARRIED_REACH: usize = 16;
/// Longest marker of a passive clause (改由).
const MARKER_LEN: usize = 2;

/// What a clause's subject may be.
const SUBJECTS: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization, EntityKind::Place];

/// What stands right after an object that is only a modifier of a longer noun phrase
/// (乙國籍, 乙市市民, 乙會內部).
const MODIFIED: &[PartOfSpeech] = &[
    PartOfSpeech::Noun,
    PartOfSpeech::Person,
    PartOfSpeech::Place,
    PartOfSpeech::Organisation,
    PartOfSpeech::Proper,
    PartOfSpeech::Suffix,
    PartOfSpeech::Morpheme,
    PartOfSpeech::Measure,
    PartOfSpeech::Locative,
    PartOfSpeech::PlaceWord,
    PartOfSpeech::Numeral,
    PartOfSpeech::Quantity,
];

impl Analysis<'_> {
    /// Links of the clause rule (see the module's doc), one pass over the outer mentions: each
    /// mention with the one after it.
    pub(super) fn predicate_links(&self) -> Vec<Relation> {
        let mentions = self.outer_mentions_in(Span::new(0, self.chars.len()));
        let mut figures: Vec<Span> = self.figures.iter().map(|f| f.span).collect();
        figures.sort_unstable_by_key(|s| s.start);
        let mut out = Vec::new();
        for (i, pair) in mentions.windows(2).enumerate() {
            let [(x, a), (y, b)] = [pair[0], pair[1]];
            if b.start <= a.end || b.start - a.end > PREDICATE_REACH {
                continue;
            }
            if !SUBJECTS.contains(&self.entities.kind(x)) || self.entities.resolve(x) == self.entities.resolve(y) {
                continue;
            }
            // A place written right before the topic is its modifier (甲國乙部隊): the clause
            // opens with the two.
            let (topic, before) = match i.checked_sub(1).map(|k| (k, mentions[k])) {
                Some((k, (p, place))) if place.end == a.start && self.entities.kind(p) == EntityKind::Place => {
                    (place.cover(a), k.checked_sub(1))
                }
                _ => (a, i.checked_sub(1)),
            };
            let previous_end = before.map_or(0, |k| mentions[k].1.end);
            if !self.opens_its_clause(topic, previous_end) {
                continue;
            }
            let gap = Span::new(a.end, b.start);
            let (subject, object, verb) = if let Some(verb) = self.agent_between(gap, b, self.entities.kind(y)) {
                (y, x, verb)
            } else if let Some(verb) = self.predicate_between(gap, &figures).filter(|_| self.ends_its_phrase(b.end)) {
                (x, y, verb)
            } else {
                continue;
            };
            out.push(self.related_in_sentence(subject, object, verb, a.cover(b)));
        }
        out
    }

    /// A `relatedTo` link labelled with the verb as written, tied to the sentence holding
    /// `names` (or to `names` where no sentence does).
    fn related_in_sentence(&self, subject: EntityId, object: EntityId, verb: Span, names: Span) -> Relation {
        let span = self.text().sentence_span_at(names.start).unwrap_or(names);
        Relation { subject, object, property: RELATED.to_owned(), predicate_text: self.surface(verb).to_owned(), span }
    }

    /// Links of the clause rule where a subject is more than the one name right before the verb
    /// ([`super::subject`]), one pass over the outer mentions, each read as an object:
    /// coordinated subjects (甲、乙兩人獲丙支持; 甲局、乙局批評丙會), a subject or an object
    /// with its titles and body before it (甲局局長乙致函丙會主席丁 → 乙 relatedTo 丁), and a
    /// clause with no subject of its own, done by the sentence's subject carried over a comma or
    /// named by a pronoun (甲…，他其後加入乙會; 甲，今日致函乙).
    pub(super) fn clause_links(&self) -> Vec<Relation> {
        let mentions = self.outer_mentions_in(Span::new(0, self.chars.len()));
        let mut figures: Vec<Span> = self.figures.iter().map(|f| f.span).collect();
        figures.sort_unstable_by_key(|s| s.start);
        let mut out = Vec::new();
        for (j, &(y, b)) in mentions.iter().enumerate() {
            let (left, before) = self.party_phrase_start(&mentions, j);
            let clause = self.clause_start(left);
            let links = match before.filter(|&k| mentions[k].1.end > clause) {
                Some(k) => self.named_subject_links(&mentions, k, (y, b), left, &figures),
                None => self.carried_subject_links(&mentions, clause, (y, b), left, &figures),
            };
            for (subject, object, verb) in links {
                if self.entities.resolve(subject) == self.entities.resolve(object) {
                    continue;
                }
                out.push(self.related_in_sentence(subject, object, verb, b));
            }
        }
        out
    }

    /// The links of a clause whose subject `mentions[k]` is named before the object `object`
    /// (its phrase starting at `left`), with the names coordinated before it: only where the
    /// pairwise rule ([`Self::predicate_links`]) does not read them — more than one subject, or
    /// titles and bodies before the subject or the object.
    fn named_subject_links(
        &self,
        mentions: &[(EntityId, Span)],
        k: usize,
        (y, b): (EntityId, Span),
        left: usize,
        figures: &[Span],
    ) -> Vec<(EntityId, EntityId, Span)> {
        let (x, a) = mentions[k];
        if a.end > left || left - a.end > PREDICATE_REACH || !SUBJECTS.contains(&self.entities.kind(x)) {
            return Vec::new();
        }
        let mut subjects = vec![(x, a)];
        subjects.extend(self.coordinated_before(mentions, k));
        let first = subjects.last().map_or(k, |&(_, m)| mentions.partition_point(|(_, n)| n.start < m.start));
        let (first_left, first_before) = self.party_phrase_start(mentions, first);
        if subjects.len() == 1 && first_left == a.start && left == b.start {
            return Vec::new();
        }
        let previous_end = first_before.map_or(0, |i| mentions[i].1.end);
        if !self.opens_its_clause(Span::new(first_left, mentions[first].1.end), previous_end) {
            return Vec::new();
        }
        // 甲看到乙在丙地…: a name a preposition follows opens a clause of its own.
        if self.preposition_after(b.end) {
            return Vec::new();
        }
        let gap = self.past_doer_count(Span::new(a.end, left));
        if let Some(verb) = self.agent_between(gap, Span::new(left, b.end), self.entities.kind(y)) {
            return subjects.iter().map(|&(s, _)| (y, s, verb)).collect();
        }
        match self.predicate_between(gap, figures).filter(|_| self.ends_its_clause_or_verb(b.end, mentions)) {
            Some(verb) => subjects.iter().map(|&(s, _)| (s, y, verb)).collect(),
            None => Vec::new(),
        }
    }

    /// The link of a clause starting at `clause` that names no subject before its verb and the
    /// object `object` (its phrase starting at `left`): an opening of adverbs, a venue or a
    /// pronoun, a relating verb, and the sentence's subject carried over ([`super::subject`]).
    fn carried_subject_links(
        &self,
        mentions: &[(EntityId, Span)],
        clause: usize,
        (y, b): (EntityId, Span),
        left: usize,
        figures: &[Span],
    ) -> Vec<(EntityId, EntityId, Span)> {
        if left <= clause
            || left - clause > CARRIED_REACH
            || !self.ends_its_clause_or_verb(b.end, mentions)
            || self.preposition_after(b.end)
        {
            return Vec::new();
        }
        let Some(w) = self
            .general
            .segment(Span::new(clause, left))
            .into_iter()
            .find(|w| w.entry.is_some_and(|e| e.pos == PartOfSpeech::Verb))
        else {
            return Vec::new();
        };
        let Some(verb) = self.predicate_between(Span::new(w.span.start, left), figures) else { return Vec::new() };
        let Some((opening, start)) = self.clause_opening(w.span.start, figures) else { return Vec::new() };
        self.carried_subject(mentions, start, opening).map(|(x, _)| (x, y, verb)).into_iter().collect()
    }

    /// Whether an object ending at `end` is the whole object of its verb, as the rules with a
    /// subject read from further away ask: a clause or sentence end follows it, another name
    /// joined to it (乙、丙), or a verb it does (帶乙返回: 乙 returns). Not a joiner before a
    /// noun (乙或丙地學生), a noun or 的 (乙特區政府, 乙的講話).
    fn ends_its_clause_or_verb(&self, end: usize, mentions: &[(EntityId, Span)]) -> bool {
        let Some(c) = self.folded_char(end) else { return true };
        if CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c) || matches!(c, '」' | '”' | '』' | '）' | ')') {
            return true;
        }
        if self.joins_names(c) {
            let next = mentions.partition_point(|(_, m)| m.start <= end);
            return mentions.get(next).is_some_and(|(_, m)| m.start == end + 1);
        }
        self.general
            .longest_starting_at(end)
            .is_some_and(|w| w.entry.pos == PartOfSpeech::Verb && !self.relating_verb_is_copula(w.span))
    }

    /// Whether the verb at `span` is a copula or modal of [`Role::NonRelatingVerb`] (是, 會):
    /// after an object it starts a new predicate about it, not an action it does.
    fn relating_verb_is_copula(&self, span: Span) -> bool {
        self.class(Role::NonRelatingVerb).contains(self.folded(span))
    }

    /// Whether the name at `name` is its clause's topic: a clause end (or the text's start)
    /// within [`TOPIC_REACH`] characters before it, no other name since (the last one ended at
    /// `previous_end`), and no verb or preposition between (據甲報, 向甲局: not the subject).
    fn opens_its_clause(&self, name: Span, previous_end: usize) -> bool {
        let from = name.start.saturating_sub(TOPIC_REACH + 1);
        let before = self.chars_of(Span::new(from, name.start));
        let start = match before.iter().rposition(|c| CLAUSE_END.contains(c) || SENTENCE_END.contains(c) || *c == '\n')
        {
            Some(k) => from + k + 1,
            None if from == 0 => 0,
            None => return false,
        };
        if previous_end > start {
            return false;
        }
        self.general.segment(Span::new(start, name.start)).iter().all(|w| {
            w.entry.is_none_or(|e| {
                !matches!(e.pos, PartOfSpeech::Verb | PartOfSpeech::Preposition | PartOfSpeech::Pronoun)
            })
        })
    }

    /// Whether the name ending at `end` ends its noun phrase: punctuation, a joiner, or a word
    /// that is no noun follows it (查詢, 會見); not 的, 之 or a noun (乙國籍, 乙市市民).
    fn ends_its_phrase(&self, end: usize) -> bool {
        let Some(c) = self.folded_char(end) else { return true };
        // 的, 之, a title opening (乙國《丙報》) or a number (乙省2008年) make it a modifier.
        if matches!(c, '的' | '之' | '《' | '「' | '“' | '『') || c.is_ascii_alphanumeric() {
            return false;
        }
        if !crate::text::is_cjk(c) || self.joins_names(c) {
            return true;
        }
        let next = self.general.longest_starting_at(end);
        next.is_none_or(|w| !MODIFIED.contains(&w.entry.pos))
    }

    /// The verb of `gap` (between a subject and an object) when it is the only predicate there:
    /// adverbs and time words, then one verb of the general lexicon that relates
    /// ([`Self::relating_verb`]), then its complements and maybe a figure. `None` when a
    /// negation, another word, or a verb of the relation table stands in the gap.
    fn predicate_between(&self, gap: Span, figures: &[Span]) -> Option<Span> {
        let folded = self.folded(gap);
        if folded.chars().any(|c| CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c))
            || self.lex.relations.occurs_in(folded)
        {
            return None;
        }
        let mut verb: Option<Span> = None;
        let mut pos = gap.start;
        for w in self.general.segment(gap) {
            if w.span.start < pos {
                continue;
            }
            let word = self.folded(w.span);
            if let Some(v) = verb {
                if self.class(Role::VerbComplement).contains(word) {
                    verb = Some(v.cover(w.span));
                    pos = w.span.end;
                    continue;
                }
                // A figure right after the verb, up to the object (派遣了三百名乙部隊).
                let figure = figures
                    .binary_search_by_key(&w.span.start, |s| s.start)
                    .ok()
                    .map(|k| figures[k])
                    .filter(|f| f.end >= gap.end);
                return figure.and(verb);
            }
            if self.class(Role::Negation).contains(word) {
                return None;
            }
            let pos_of = w.entry.map(|e| e.pos);
            match pos_of {
                Some(PartOfSpeech::Adverb | PartOfSpeech::Time) => {}
                _ if self.class(Role::Transparent).contains(word) => {}
                Some(PartOfSpeech::Verb) if self.relating_verb(w.span) => verb = Some(w.span),
                _ => return None,
            }
            pos = w.span.end;
        }
        verb
    }

    /// The verb of a passive clause whose agent is the name at `agent` (kind `kind`), `gap` being
    /// what stands between the topic and it: adverbs and time words, then a marker of
    /// [`Role::AgentMarker`] or [`Role::PassiveMarker`] ending right at the agent, and a relating
    /// verb (or verbal noun) of the general lexicon right after the agent (甲改由乙管轄 → 管轄; 甲昨日獲乙資助 →
    /// 資助). Not a verb of the relation table (由乙主辦: the table reads it) other than one done
    /// against someone (甲被乙起訴: the table reads those only in the active voice), nor an agent
    /// followed by a noun (甲由乙局局長年代起: 由 means from). After 由 a place is where
    /// something starts (由乙地出發), no agent.
    fn agent_between(&self, gap: Span, agent: Span, kind: EntityKind) -> Option<Span> {
        // The longest marker the gap ends with (改由 before 由).
        let (marker_start, by_agent) = (1..=gap.len().min(MARKER_LEN)).rev().find_map(|k| {
            let word = self.folded(Span::new(gap.end - k, gap.end));
            let by_agent = self.class(Role::AgentMarker).contains(word);
            (by_agent || self.class(Role::PassiveMarker).contains(word)).then_some((gap.end - k, by_agent))
        })?;
        if (by_agent && kind == EntityKind::Place) || !SUBJECTS.contains(&kind) {
            return None;
        }
        if !self.only_adverbial(Span::new(gap.start, marker_start)) {
            return None;
        }
        let verb = self.general.longest_starting_at(agent.end)?;
        let word = self.folded(verb.span);
        // A verbal noun right after a name is its verb too (甲獲乙資助, 甲由乙管理).
        (matches!(verb.entry.pos, PartOfSpeech::Verb | PartOfSpeech::VerbalNoun)
            && self.relating_verb(verb.span)
            && (!self.lex.relations.occurs_in(word) || self.lex.relations.is_against(word)))
        .then_some(verb.span)
    }

    /// Whether `span` holds only adverbs and time words of the general lexicon (or words of
    /// [`Role::Transparent`]) and no negation: 昨日, 隨後已, 當然會繼續 — what may stand between a
    /// clause's topic and the marker of a name that takes part in its verb.
    pub(super) fn only_adverbial(&self, span: Span) -> bool {
        self.general.segment(span).iter().all(|w| {
            let word = self.folded(w.span);
            !self.class(Role::Negation).contains(word)
                && (matches!(w.entry.map(|e| e.pos), Some(PartOfSpeech::Adverb | PartOfSpeech::Time))
                    || self.class(Role::Transparent).contains(word))
        })
    }

    /// Whether a verb relates its subject to its object: not a word of
    /// [`Role::NonRelatingVerb`] (是, 有, 透過) nor a speech verb (表示, 指出: what follows is
    /// what was said), nor a title the general lexicon reads as a verb (處長: 甲處處長乙 is a post).
    pub(super) fn relating_verb(&self, span: Span) -> bool {
        let word = self.folded(span);
        !self.class(Role::NonRelatingVerb).contains(word)
            && !self.lex.speech_verbs.iter().any(|v| fold(&v.verb) == word)
            && !self.has_word(span, |c| matches!(c, WordClass::Title(_)))
    }
}
