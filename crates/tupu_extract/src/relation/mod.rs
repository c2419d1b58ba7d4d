//! Stage: relations between entities that a verb in the sentence states (X與Y簽署…, 由X主辦,
//! X提出Y, 總部位於Y).
//!
//! Every verb of the table ([`verbs`]) is read with its arguments in its clause ([`arguments`]);
//! names side by side ([`adjacent`]), a clause's topic with the verb after it ([`predicate`]) and
//! a prepositional phrase's party with the verb after it ([`party`]) link what the table does not;
//! a relation is made only between the entities the sentence actually links by that verb, each
//! with the sentence it came from. Organisers found this way are also written to the event's
//! details.

mod adjacent;
mod against;
mod arguments;
mod clause;
mod holdings;
mod party;
mod predicate;
mod roles;
mod subject;
mod verbs;

pub(crate) use verbs::RelationVerbs;

use arguments::{Mentions, Parties};
use verbs::{Frame, RelationVerb};

use crate::analysis::{Analysis, Stage};
use crate::lexicon::Role;
use crate::lexicon::general::PartOfSpeech;
use crate::model::{EntityId, EntityKind, Relation};
use crate::normalize::fold;
use crate::span::Span;
use crate::text::{CLAUSE_END, SENTENCE_END};

/// Most characters inside 《》 read as one title.
const LONGEST_TITLE: usize = 60;

/// Properties whose subject organises the event it points to.
const ORGANISING: &[&str] = &["organizerOf", "coOrganizerOf"];

/// The property of a verb that places its subject (位於): written attributively (位於X的Y) it
/// places what follows its 的.
const LOCATED_IN: &str = "locatedIn";

/// The property of a membership verb (屬於): it links only a part written right before it.
const PART_OF: &str = "partOf";

/// Most characters between a part and its membership verb (甲區仍然屬於乙市: 仍然); a longer
/// stretch belongs to another verb (甲會不得處理任何屬於乙會的事宜).
const MEMBERSHIP_GAP: usize = 2;

/// The property of a joining verb (加入, 任職於): its member is the person written before it.
const MEMBERSHIP: &str = "memberOf";

/// Properties of meeting verbs: the parties on each side of their 與 meet each other.
const MEETING: &[&str] = &["metWith", "spokeWith"];

/// Standing in an election (參選, 出選, 出戰).
const COMPETED_IN: &str = "competedIn";

/// How far on each side of its verb a relation's sentence is read. Real sentences are shorter,
/// so this changes nothing on news text; a run without punctuation (12,000 characters of
/// 「香港投資」) is read this far only, which keeps the stage linear in the article's length
/// instead of cubic (every verb rereading every mention of one endless sentence).
const SENTENCE_REACH: usize = 200;

/// The part of `sentence` within [`SENTENCE_REACH`] of `verb`.
fn within_reach(verb: Span, sentence: Span) -> Span {
    Span::new(
        sentence.start.max(verb.start.saturating_sub(SENTENCE_REACH)),
        sentence.end.min(verb.end + SENTENCE_REACH),
    )
}

/// Pipeline stage.
pub(crate) struct Relations;

/// One occurrence of a relation verb, with what the stage knows around it.
#[derive(Debug, Clone, Copy)]
struct Occurrence<'v> {
    /// Where the verb is written.
    span: Span,
    verb: &'v RelationVerb,
    sentence: Span,
    /// The clause of the sentence that holds the verb.
    clause: Span,
    /// The parties of an agreement signed earlier in the sentence.
    agreement: Option<&'v [EntityId]>,
    /// Whether a statement reports the sentence.
    reported: bool,
    /// Where the verb of a passive chain link ended just before (由X主辦、Y承辦: Y承辦 is passive too).
    passive_before: Option<usize>,
    /// The article's one event, when it names exactly one (what 均派代表參加 attends).
    sole_event: Option<EntityId>,
}

impl Stage for Relations {
    fn name(&self) -> &'static str {
        "relation"
    }

    fn run(&self, a: &mut Analysis<'_>) {
        let reported = a.reported_sentences();
        let mut found = Vec::new();
        // The parties of the last agreement, for 雙方 later in the same sentence.
        let mut agreement: Option<(usize, Vec<EntityId>)> = None;
        // The end of the last passive verb (由X主辦), for the links chained after it.
        let mut passive_end: Option<usize> = None;
        let sole_event = a.sole_event();
        for (verb_span, verb) in a.lex.relations.find(a.text()) {
            let Some(index) = a.text().sentence_at(verb_span.start) else {
                continue;
            };
            let sentence = within_reach(verb_span, a.text().sentences()[index].span);
            let occurrence = Occurrence {
                span: verb_span,
                verb,
                sentence,
                clause: a.clause_around(verb_span, sentence),
                agreement: agreement.as_ref().filter(|(i, _)| *i == index).map(|(_, p)| p.as_slice()),
                reported: reported[index],
                passive_before: passive_end.filter(|&end| end >= sentence.start),
                sole_event,
            };
            let (mut relations, passive) = a.relations_of(&occurrence);
            relations.retain(|r| a.stands_in_what_it_competes_in(r));
            passive_end = passive.then_some(verb_span.end);
            if verb.frame == Frame::Mutual && !relations.is_empty() {
                let mut ids: Vec<EntityId> = relations.iter().map(|r| r.subject).collect();
                ids.dedup();
                ids.sort_unstable();
                ids.dedup();
                agreement = Some((index, ids));
            }
            found.extend(relations);
        }
        found.extend(a.agreement_parties());
        found.extend(a.apposition_links());
        found.extend(a.copula_kin_links());
        found.extend(a.adjacent_links());
        found.extend(a.unit_links());
        found.extend(a.holding_links());
        // The clause rule only where nothing above links the two already.
        let linked: std::collections::HashSet<(EntityId, EntityId)> =
            found.iter().flat_map(|f| [(f.subject, f.object), (f.object, f.subject)]).collect();
        let mut general = a.predicate_links();
        general.extend(a.party_links());
        general.extend(a.clause_links());
        general.retain(|r| !linked.contains(&(r.subject, r.object)));
        found.extend(general);
        for r in &found {
            if ORGANISING.contains(&r.property.as_str()) {
                a.add_organiser(r.object, r.subject);
            }
        }
        a.relations.extend(found);
    }
}

impl Analysis<'_> {
    /// Whether a negation stands right before the verb at `verb`: 甲不屬於乙, 乙未有出席 deny the
    /// link the verb would state.
    fn negated(&self, verb: Span) -> bool {
        self.class_word_before(Role::Negation, verb.start).is_some()
    }

    /// Whether an ordinary verb of the general lexicon is written in `span` (邀請 in 乙某邀請丙某加入).
    fn verb_between(&self, span: Span) -> bool {
        self.general
            .segment(span)
            .iter()
            .any(|w| w.entry.is_some_and(|e| e.pos == PartOfSpeech::Verb && e.is_ordinary()))
    }

    /// Whether a relation, if it is a candidacy (參選, 出戰: [`COMPETED_IN`]), has an election for
    /// its object: 參選 and 出戰 stand before a forum or a press conference too (參選論壇, 宣布參選
    /// 記者會), where what is contested is not the event named.
    fn stands_in_what_it_competes_in(&self, r: &Relation) -> bool {
        r.property != COMPETED_IN || crate::resolve::is_election(self, r.object)
    }

    /// Whether a membership verb at `verb` has its part written right before it (甲區仍然屬於乙市),
    /// not only a topic of the sentence (甲報翻查資料，該範圍屬於乙院: 甲報 is no part of 乙院).
    fn part_right_before(&self, verb: Span, parties: Option<&Parties>) -> bool {
        parties.and_then(|p| p.heads.last()).is_some_and(|(_, m)| self.bare_len(m.end, verb.start) <= MEMBERSHIP_GAP)
    }

    /// The relations one verb occurrence states, and whether its parties were passive (由X主辦).
    fn relations_of(&self, at: &Occurrence<'_>) -> (Vec<Relation>, bool) {
        let verb = at.verb;
        // A verb inside a name (投資推廣署) is part of the name.
        if self.mentions_in(at.sentence).iter().any(|(_, m)| m.overlaps(at.span)) {
            return (Vec::new(), false);
        }
        if self.negated(at.span) || self.listed_item(at.span) || self.unnamed_agent(at) {
            return (Vec::new(), false);
        }
        if verb.frame == Frame::Interview {
            return (self.interview_links(at), false);
        }
        if verb.frame == Frame::Svo {
            if let Some(done) = self.done_through_dui(at).filter(|d| !d.is_empty()) {
                return (done, false);
            }
        }
        if verb.property == LOCATED_IN {
            if let Some(located) =
                self.attributive_location(at).filter(|_| self.parties_before(at.span, at.clause.start).is_none())
            {
                return (located, false);
            }
        }
        // A venue between the doer and the verb (甲某在乙市會見丙某, 甲國在乙灣舉行演習) says where,
        // and the doer before its 在 does it; not for a verb that itself places (位於, 屬於).
        let mut parties = self.parties_before(at.span, at.clause.start).or_else(|| {
            self.venue_may_stand_between(verb).then(|| self.parties_before_venue(at.span, at.clause.start))?
        });
        if verb.property == PART_OF && !self.part_right_before(at.span, parties.as_ref()) {
            return (Vec::new(), false);
        }
        if verb.frame == Frame::Mutual
            && parties.as_ref().is_some_and(|p| self.met_by_someone_else(p.start, at.clause.start))
        {
            return (Vec::new(), false);
        }
        if let Some(p) = parties.as_mut() {
            p.passive = p.passive || at.passive_before.is_some_and(|end| self.chained_passive(end, p.start));
        }
        let mut subjects: Mentions = parties
            .as_ref()
            .map(|p| {
                p.heads.iter().copied().filter(|(id, _)| verb.subjects.contains(&self.entities.kind(*id))).collect()
            })
            .unwrap_or_default();
        // 批評, 譴責: stricter about who did it (relation::against).
        let may_imply =
            verb.frame != Frame::Against || (self.acting_subjects(at, &mut subjects) && self.topic_may_act(at));
        if verb.property == MEMBERSHIP {
            // 加入, 任職於: only the member written before the verb, no other verb between (乙某
            // 邀請丙某加入甲會 does not make 乙某 a member); a topic of the sentence (他想加入…) is
            // too often someone else.
            subjects.retain(|&(_, m)| m.end <= at.span.start && !self.verb_between(Span::new(m.end, at.span.start)));
        } else if subjects.is_empty() && verb.frame != Frame::Mutual && may_imply {
            subjects = self.implied_subjects(at);
        }
        let relation = |subject: EntityId, property: &str, object: EntityId| Relation {
            subject,
            object,
            property: property.to_owned(),
            predicate_text: self.surface(at.span).to_owned(),
            span: at.sentence,
        };
        let mut out = Vec::new();
        // 甲與乙及丙會面: 甲 met 乙 and 丙, who came together.
        let split = MEETING.contains(&verb.property.as_str()).then(|| self.meeting_sides(&subjects)).flatten();
        let each_other = |property: &str, out: &mut Vec<Relation>| {
            for (i, &(x, _)) in subjects.iter().enumerate() {
                for (j, &(y, _)) in subjects.iter().enumerate().skip(i + 1) {
                    if split.is_some_and(|k| !(i < k && k <= j)) {
                        continue;
                    }
                    out.push(relation(x, property, y));
                    out.push(relation(y, property, x));
                }
            }
        };
        match (verb.frame, &verb.pair) {
            (Frame::Mutual, _) => each_other(&verb.property, &mut out),
            (Frame::Joint, Some(pair)) => each_other(pair, &mut out),
            _ => {}
        }
        if verb.frame != Frame::Mutual {
            let objects =
                if verb.frame == Frame::Against { self.targets(at) } else { self.verb_objects(at, parties.as_ref()) };
            for o in objects {
                for &(s, _) in &subjects {
                    out.push(relation(s, &verb.property, o));
                    if verb.frame == Frame::With {
                        out.push(relation(o, &verb.property, s));
                    }
                }
            }
        }
        out.retain(|r| self.entities.resolve(r.subject) != self.entities.resolve(r.object));
        (out, parties.is_some_and(|p| p.passive))
    }

    /// The links of a verb carried by 進行 after a 對 phrase (甲某將對乙國、丙國進行國事訪問): each
    /// name after 對 is an object ([`Self::objects_through_dui`]), and the doers are the parties
    /// right before 對, else the sentence's topic written before it — not the names after 對,
    /// which the verb's own subject rules would take. `None` when the clause is not so written.
    fn done_through_dui(&self, at: &Occurrence<'_>) -> Option<Vec<Relation>> {
        let (dui, objects) = self.objects_through_dui(at.span, at.clause.start)?;
        let mut subjects: Mentions =
            self.parties_before(Span::new(dui, dui + 1), at.clause.start).map(|p| p.heads).unwrap_or_default();
        if subjects.is_empty() && !at.reported {
            subjects.extend(self.sentence_topic(at.sentence).filter(|(_, s)| s.end <= dui));
        }
        let kind_of = |id: EntityId| self.entities.kind(id);
        let mut out = Vec::new();
        for &(s, _) in subjects.iter().filter(|(id, _)| at.verb.subjects.contains(&kind_of(*id))) {
            for &(o, _) in objects.iter().filter(|(id, _)| at.verb.objects.contains(&kind_of(*id))) {
                if self.entities.resolve(s) != self.entities.resolve(o) {
                    out.push(Relation {
                        subject: s,
                        object: o,
                        property: at.verb.property.clone(),
                        predicate_text: self.surface(at.span).to_owned(),
                        span: at.sentence,
                    });
                }
            }
        }
        Some(out)
    }

    /// Whether a venue (在乙市) may stand between `verb` and its doer, who is then read before
    /// the venue's 在: any verb that does not itself place its subject, since where a doer acts
    /// is no party of the act (甲某在乙市會見丙某, 甲署在乙區拘捕丙某). A verb that places (位於,
    /// 屬於) takes the name before it, whatever precedes.
    fn venue_may_stand_between(&self, verb: &RelationVerb) -> bool {
        verb.property != LOCATED_IN && verb.property != PART_OF
    }

    /// Whether parties starting at `start` continue a passive chain whose last verb ended at
    /// `verb_end`, only a joiner between: 由甲會主辦、乙局承辦及丙署協辦的論壇 — 乙局 and 丙署 are
    /// organisers of the forum as 甲會 is.
    fn chained_passive(&self, verb_end: usize, start: usize) -> bool {
        if start <= verb_end {
            return false;
        }
        let between = self.folded(Span::new(verb_end, start));
        between == "、" || self.class(Role::Conjunction).contains(between)
    }

    /// The parties named at the start of an agreement's title sign it with each other:
    /// 《甲大學與乙研究院學術交流合作協議書》 → 甲大學 signedWith 乙研究院. One pass over the text;
    /// a title is at most [`LONGEST_TITLE`] characters.
    fn agreement_parties(&self) -> Vec<Relation> {
        let mut out = Vec::new();
        let chars = self.chars;
        let mut p = 0;
        while p < chars.len() {
            if chars[p] != '《' {
                p += 1;
                continue;
            }
            let Some(close) = chars[p + 1..chars.len().min(p + 1 + LONGEST_TITLE)].iter().position(|&c| c == '》')
            else {
                p += 1;
                continue;
            };
            let title = Span::new(p + 1, p + 1 + close);
            p = title.end + 1;
            if !self.class(Role::AgreementEnding).ends(self.folded(title)) {
                continue;
            }
            let named: Vec<(EntityId, Span)> = self
                .outer_mentions_in(title)
                .into_iter()
                .filter(|(id, m)| {
                    *m != title
                        && matches!(
                            self.entities.kind(*id),
                            EntityKind::Organization | EntityKind::Place | EntityKind::Person
                        )
                })
                .collect();
            // The parties: the first name at the title's start and those joined to it.
            let mut parties: Vec<EntityId> = Vec::new();
            let mut end = title.start;
            for (id, m) in named {
                let between = self.folded(Span::new(end, m.start));
                let joined = if parties.is_empty() { between.is_empty() } else { self.connects(between) };
                if !joined {
                    break;
                }
                parties.push(id);
                end = m.end;
            }
            let text = self.surface(Span::new(title.start - 1, title.end + 1)).to_owned();
            let span = self.text().sentence_span_at(title.start).unwrap_or(title);
            for (i, &x) in parties.iter().enumerate() {
                for &y in &parties[i + 1..] {
                    if self.entities.resolve(x) == self.entities.resolve(y) {
                        continue;
                    }
                    for (s, o) in [(x, y), (y, x)] {
                        out.push(Relation {
                            subject: s,
                            object: o,
                            property: "signedWith".to_owned(),
                            predicate_text: text.clone(),
                            span,
                        });
                    }
                }
            }
        }
        out
    }

    /// For each sentence, whether a statement reports it (its subject is then what someone said,
    /// not the sentence's topic).
    fn reported_sentences(&self) -> Vec<bool> {
        let mut reported = vec![false; self.text().sentences().len()];
        for s in &self.statements {
            let first = self.text().sentence_at(s.span.start).unwrap_or(reported.len());
            let last = self.text().sentence_at(s.span.end.saturating_sub(1)).unwrap_or(first);
            for r in reported.iter_mut().take(last + 1).skip(first) {
                *r = true;
            }
        }
        reported
    }

    /// The clause of the sentence that holds `verb`.
    fn clause_around(&self, verb: Span, sentence: Span) -> Span {
        let start = self
            .chars_of(Span::new(sentence.start, verb.start))
            .iter()
            .rposition(|c| CLAUSE_END.contains(c))
            .map_or(sentence.start, |i| sentence.start + i + 1);
        let end = self
            .folded(Span::new(verb.end, sentence.end))
            .chars()
            .position(|c| CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c))
            .map_or(sentence.end, |i| verb.end + i);
        Span::new(start, end)
    }

    /// Subjects the clause does not write: the parties of an agreement (雙方將共同成立…), or the
    /// sentence's topic when the sentence reports no one's words (云擎智算成立於2019年，總部位於…).
    fn implied_subjects(&self, at: &Occurrence<'_>) -> Mentions {
        let before = self.folded(Span::new(at.clause.start, at.span.start));
        if let Some(parties) = at.agreement {
            if at.verb.frame == Frame::Joint || self.class(Role::PartyWord).occurs_in(before) {
                return parties.iter().map(|&id| (id, at.span)).collect();
            }
        }
        if at.reported {
            return Vec::new();
        }
        self.sentence_topic(at.sentence)
            .filter(|(id, s)| s.end <= at.clause.start && at.verb.subjects.contains(&self.entities.kind(*id)))
            .filter(|&(id, _)| !self.place_topic_of_event_verb(at, id))
            .into_iter()
            .collect()
    }

    /// Whether a place that opens the sentence is taken for the holder of an event a later
    /// clause holds or attends: it is where (or whose press) more often than who — 甲國通訊社報道，
    /// …周四在乙市舉行 is not held by 甲國. A place written as the verb's own subject still holds
    /// it (甲國在乙灣舉行演習).
    fn place_topic_of_event_verb(&self, at: &Occurrence<'_>, topic: EntityId) -> bool {
        self.entities.kind(topic) == EntityKind::Place && at.verb.objects.contains(&EntityKind::Event)
    }

    /// What the verb is done to: the entities after it, or — after 由, or for an event verb with
    /// nothing after it — the sentence's topic.
    fn verb_objects(&self, at: &Occurrence<'_>, parties: Option<&Parties>) -> Vec<EntityId> {
        let passive = parties.is_some_and(|p| p.passive);
        // 成立於2019年: founded in a year, by nobody named here.
        if self.folded_char(at.span.end) == Some('于') && !self.folded(at.span).ends_with('于') {
            return Vec::new();
        }
        let after: Vec<EntityId> =
            self.objects_after(at.span, at.clause.end, &at.verb.objects).into_iter().map(|(id, _)| id).collect();
        if !after.is_empty() && !passive {
            return after;
        }
        if passive || (at.verb.objects.contains(&EntityKind::Event) && self.objectless(at.span)) {
            let before = parties.map_or(at.span.start, |p| p.start);
            if let Some(topic) = self.topic_object(at.sentence, before, &at.verb.objects) {
                return vec![topic];
            }
            // 由X主辦、Y協辦的「Z論壇」: what the passive chain describes follows its 的.
            if passive {
                return self.described_after(at).into_iter().collect();
            }
        }
        if let Some(event) =
            at.sole_event.filter(|&e| at.verb.objects.contains(&EntityKind::Event) && self.refers_to_sole_event(at, e))
        {
            return vec![event];
        }
        self.ceremony_of_event_told(at).into_iter().collect()
    }

    /// The event whose opening or closing ceremony the verb attends or chairs, written bare
    /// after it (甲、乙等出席了閉幕式; 出席開幕式並致辭): the event held that the text named
    /// last before the verb, in its paragraph or the one before — a report names the event, then
    /// tells who came to its opening. Not when a name follows the verb (出席甲論壇開幕式 names
    /// its own), nor an election or incident, which has no opening ceremony.
    fn ceremony_of_event_told(&self, at: &Occurrence<'_>) -> Option<EntityId> {
        if !at.verb.objects.contains(&EntityKind::Event)
            || !self.outer_mentions_in(Span::new(at.span.end, at.clause.end)).is_empty()
        {
            return None;
        }
        let mut pos = at.span.end;
        while self.folded_char(pos).is_some_and(|c| matches!(c, '了' | '过')) {
            pos += 1;
        }
        if let Some(this) = self.class_word_at(Role::ThisEdition, pos) {
            pos = this.end;
        }
        let ceremony = self.class_word_at(Role::EventCeremony, pos)?;
        // The ceremony is the whole object: the clause ends, or another verb or object joins it.
        let ends = self.folded_char(ceremony.end).is_none_or(|c| {
            CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c) || matches!(c, '并' | '及' | '和' | '、')
        });
        if !ends {
            return None;
        }
        self.event_named_before(at.sentence, at.span.start).filter(|&id| !crate::resolve::is_told_of(self, id))
    }

    /// The article's event, when it names exactly one: an event verb whose object is 此次論壇
    /// (出席了此次論壇) speaks of it. Read once per article.
    fn sole_event(&self) -> Option<EntityId> {
        let mut events = self.entities.ids().filter(|&id| self.entities.kind(id) == EntityKind::Event);
        let first = events.next()?;
        events.next().is_none().then_some(first)
    }

    /// Whether what follows an event verb in its clause is the article's one event spoken of
    /// without its name: this edition (此次, 本屆, 這次) and a generic noun the event's name ends
    /// with — 出席了此次論壇 for 甲論壇. Not a bare verb (沒有參與, 邀請他們出席: what they did not
    /// attend, or another gathering, as often as this one), nor another kind of event (出席此次
    /// 發布會 when the event is a forum), nor a name after the verb.
    fn refers_to_sole_event(&self, at: &Occurrence<'_>, event: EntityId) -> bool {
        let rest = Span::new(at.span.end, at.clause.end);
        if !self.outer_mentions_in(rest).is_empty() {
            return false;
        }
        let Some((noun, before)) = self.generic_event_noun(rest) else { return false };
        let this = self.folded(Span::new(rest.start, rest.start + before));
        let this = this.strip_prefix('了').unwrap_or(this);
        self.class(Role::ThisEdition).contains(this)
            && self.entities.get(event).full_names.keys().any(|n| fold(n).ends_with(noun.as_str()))
    }

    /// Whether an event verb takes no object of its own, so that what it holds or attends is the
    /// event named before it (論壇周五在甲市舉行。, 在甲市舉行的論壇): nothing but a clause end,
    /// 的 or 之 after it (an aspect mark between). 舉行雙邊會談, 召開「退修會」 hold something
    /// unnamed, not the summit the sentence named first.
    fn objectless(&self, verb: Span) -> bool {
        let mut pos = verb.end;
        while self.folded_char(pos).is_some_and(|c| matches!(c, '了' | '过')) {
            pos += 1;
        }
        self.folded_char(pos)
            .is_none_or(|c| matches!(c, '的' | '之') || CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c))
    }

    /// The entity a passive attributive chain describes: the first one of the verb's object
    /// kinds right after a 的 later in the sentence, with only parties, verbs and 、 between.
    fn described_after(&self, at: &Occurrence<'_>) -> Option<EntityId> {
        let rest = Span::new(at.span.end, at.sentence.end);
        let folded = self.folded(rest);
        let de = folded.chars().position(|c| c == '的')?;
        if folded.chars().take(de).any(|c| SENTENCE_END.contains(&c) || matches!(c, '，' | '；' | ',' | ';')) {
            return None;
        }
        let after_de = at.span.end + de + 1;
        let (id, m) = *self.outer_mentions_in(Span::new(after_de, at.sentence.end)).first()?;
        let gap = self.folded(Span::new(after_de, m.start));
        (gap.chars().all(|c| matches!(c, '「' | '“' | '『' | '《'))
            && at.verb.objects.contains(&self.entities.kind(id)))
        .then_some(id)
    }

    /// Adds an organiser to the event's details, when the event has them. A place that hosts an
    /// event (香港將主辦…論壇) is where it is held, when the text names no venue.
    fn add_organiser(&mut self, event: EntityId, organiser: EntityId) {
        let event = self.entities.resolve(event);
        let place = self.entities.kind(organiser) == EntityKind::Place;
        for details in &mut self.events {
            if self.entities.resolve(details.event) == event && !details.organisers.contains(&organiser) {
                details.organisers.push(organiser);
                if place && details.locations.is_empty() {
                    details.locations.push(organiser);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
