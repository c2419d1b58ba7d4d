//! What a figure is about (tp:about): the entity its clause attaches it to.
//!
//! In order:
//! 1. money attached to what it founds or funds: 斥資10億元成立的Y, 100億元「Y」, 注資N元設立Y → Y;
//! 2. attendance (N名嘉賓, 吸引…): the event the sentence is about, else the article's main event;
//! 3. a name before the figure in its own clause (數碼港匯聚超過N間…, 為香港帶來N元);
//! 4. the subject of an earlier clause of the sentence, Chinese topic chains carrying it over
//!    (香港自2022年以來，已吸納…); a clause's subject is the name it opens with, past connectives and
//!    time words, and never the object of a preposition (在北都…, 根據協議…);
//! 5. the headline's subject: news states its topic there, and figures with no subject in their
//!    sentence are usually about it (我國人工智能企業超過4500家 → China).
//!
//! Words that refer without naming count as names (我國 → 中國, 全省 → the province, 峰會 and 公司
//! → the summit or company named before); people are never what a figure is about.

use crate::analysis::Analysis;
use crate::lexicon::Role;
use crate::model::{EntityId, EntityKind, FigureKind};
use crate::span::Span;

use super::expression::Found;
use super::lexicon::{FigureLexicon, Opener, Reference};

/// Marks around names and time phrases that are not part of either.
fn is_filler(c: char) -> bool {
    c.is_whitespace() || "「」『』“”《》（）()【】,，、▲".contains(c)
}

/// The entities an article's figures can be about, indexed for the rules above.
pub(super) struct Topics<'x, 'a> {
    analysis: &'x Analysis<'a>,
    lex: &'a FigureLexicon,
    /// Every mention (people included, to skip them), sorted by start, longest first.
    mentions: Vec<(EntityId, Span)>,
    /// Whether each code point lies inside a mention that starts before it.
    inside: Vec<bool>,
    /// Years, dates and durations, to pass over at clause starts.
    times: Vec<Span>,
    headline_topic: Option<EntityId>,
    main_event: Option<EntityId>,
}

impl<'x, 'a> Topics<'x, 'a> {
    pub(super) fn new(analysis: &'x Analysis<'a>, found: &[Found]) -> Self {
        let mut mentions = analysis.entities.all_mentions();
        mentions.sort_by_key(|(_, s)| (s.start, std::cmp::Reverse(s.end)));
        let times = found
            .iter()
            .filter(|f| matches!(f.figure.kind, FigureKind::Year | FigureKind::Date | FigureKind::Duration))
            .map(|f| f.figure.span)
            .collect();
        let mut inside = vec![false; analysis.text().len()];
        for (_, s) in &mentions {
            for slot in inside.iter_mut().take(s.end).skip(s.start + 1) {
                *slot = true;
            }
        }
        let mut topics = Self {
            analysis,
            lex: &analysis.lex.figures,
            mentions,
            inside,
            times,
            headline_topic: None,
            main_event: None,
        };
        topics.main_event = topics.find_main_event();
        topics.headline_topic = analysis.text().paragraphs().first().and_then(|p| topics.first_subject_in(p.span));
        topics
    }

    /// The entity `found` is about, if the text says.
    pub(super) fn about(&self, found: &Found) -> Option<EntityId> {
        let f = &found.figure;
        let text = self.analysis.text();
        if f.kind == FigureKind::Money {
            if let Some(id) = self.founded_by(found.amount_end) {
                return Some(id);
            }
        }
        let sentence = text.sentence_span_at(f.span.start)?;
        let clauses = text.clauses(sentence);
        let own = clauses.iter().rposition(|c| c.start <= f.span.start).unwrap_or(0);
        let before = Span::new(clauses.get(own).map_or(sentence.start, |c| c.start), f.span.start);
        if f.kind == FigureKind::Count && self.is_attendance(f.counts.as_deref(), before) {
            if let Some(id) = self.event_before(Span::new(sentence.start, f.span.start)).or(self.main_event) {
                return Some(id);
            }
        }
        if let Some(id) = self.first_subject_in(before) {
            return Some(id);
        }
        if let Some(id) = clauses[..own].iter().rev().find_map(|c| self.clause_subject(*c)) {
            return Some(id);
        }
        self.headline_topic
    }

    /// 斥資10億元成立的Y, 100億元「Y」: the entity named right after the money.
    fn founded_by(&self, at: usize) -> Option<EntityId> {
        let text = self.analysis.text();
        let mut pos = at;
        for _ in 0..4 {
            if let Some((id, _)) = self.mention_starting(pos).filter(|(id, _)| self.kind(*id) != EntityKind::Person) {
                return Some(id);
            }
            let rest = &text.folded()[text.folded_byte(pos)..];
            // 斥資N元成立的Y: a founding verb between the money and what it founds.
            let step = if let Some(len) = self.analysis.class(Role::FoundingVerb).prefix_of(rest) {
                rest[..len].chars().count()
            } else if rest.starts_with(['的', '「', '“', '『', '《']) {
                1
            } else {
                return None;
            };
            pos += step;
        }
        None
    }

    /// Whether a count is of people attending (嘉賓) or its clause speaks of attending (吸引).
    fn is_attendance(&self, counts: Option<&str>, before: Span) -> bool {
        let words = &self.lex.attendance;
        if counts.is_some_and(|c| words.suffix_of(&crate::normalize::fold(c)).is_some()) {
            return true;
        }
        let folded = self.analysis.folded(before);
        folded.char_indices().any(|(i, _)| words.prefix_of(&folded[i..]).is_some())
    }

    /// The nearest event named (or referred to, 峰會) in `span`, from its end backwards.
    fn event_before(&self, span: Span) -> Option<EntityId> {
        let text = self.analysis.text();
        (span.start..span.end).rev().find_map(|pos| {
            if let Some((id, _)) = self.mention_starting(pos) {
                return (self.kind(id) == EntityKind::Event).then_some(id);
            }
            let rest = &text.folded()[text.folded_byte(pos)..text.folded_byte(span.end)];
            match self.lex.references.prefix_of(rest) {
                Some((_, Reference::Ending { event: true })) if !self.covered(pos) => self.resolve_reference(pos),
                _ => None,
            }
        })
    }

    /// The first name (or referring word) in `span` that is not a person.
    fn first_subject_in(&self, span: Span) -> Option<EntityId> {
        let mut pos = span.start;
        while pos < span.end {
            if let Some((id, s)) = self.mention_starting(pos) {
                if s.end <= span.end && self.kind(id) != EntityKind::Person {
                    return Some(id);
                }
                pos = s.end.max(pos + 1);
                continue;
            }
            if !self.covered(pos) {
                if let Some(id) = self.resolve_reference(pos) {
                    return Some(id);
                }
            }
            pos += 1;
        }
        None
    }

    /// The subject a clause opens with, past connectives, time words and quotation marks.
    fn clause_subject(&self, clause: Span) -> Option<EntityId> {
        let text = self.analysis.text();
        let mut pos = clause.start;
        'skip: while pos < clause.end {
            let rest = &text.folded()[text.folded_byte(pos)..text.folded_byte(clause.end)];
            let Some(c) = rest.chars().next() else { break };
            if is_filler(c) {
                pos += 1;
                continue;
            }
            if let Some(t) = self.times.iter().find(|t| t.start == pos) {
                pos = t.end;
                let tail = &text.folded()[text.folded_byte(pos)..];
                // 2022年以來: a time tail still belongs to the time phrase.
                if let Some(len) = self.analysis.class(Role::TimeTail).prefix_of(tail) {
                    pos += tail[..len].chars().count();
                }
                continue;
            }
            if self.mention_starting(pos).is_none() {
                match self.lex.openers.prefix_of(rest) {
                    Some((len, Opener::Skip)) => {
                        pos += rest[..len].chars().count();
                        continue 'skip;
                    }
                    Some((_, Opener::Preposition)) => return None,
                    None => {}
                }
            }
            break;
        }
        if let Some((id, _)) = self.mention_starting(pos) {
            return (self.kind(id) != EntityKind::Person).then_some(id);
        }
        if self.covered(pos) { None } else { self.resolve_reference(pos) }
    }

    /// The entity a referring word at `pos` stands for (我國, 全省, 峰會, 公司).
    fn resolve_reference(&self, pos: usize) -> Option<EntityId> {
        let text = self.analysis.text();
        let rest = &text.folded()[text.folded_byte(pos)..];
        let (len, reference) = self.lex.references.prefix_of(rest)?;
        let word = &rest[..len];
        let earlier =
            || self.mentions.iter().rev().filter(move |(id, s)| s.end <= pos && self.kind(*id) != EntityKind::Person);
        match reference {
            Reference::Name(name) => {
                let named = |(_, s): &&(EntityId, Span)| self.analysis.folded(*s) == name;
                earlier().find(named).or_else(|| self.mentions.iter().find(|m| named(m))).map(|(id, _)| *id)
            }
            Reference::Class(class) => {
                let last = word.chars().next_back()?;
                earlier()
                    .find(|(_, s)| {
                        let name = self.analysis.folded(*s);
                        name.ends_with(last)
                            || self
                                .analysis
                                .lex
                                .known_named(name)
                                .iter()
                                .any(|&k| self.analysis.lex.known[k].class == *class)
                    })
                    .map(|(id, _)| *id)
            }
            Reference::Ending { event } => {
                let ends = |(_, s): &&(EntityId, Span)| self.analysis.folded(*s).ends_with(word);
                if *event {
                    earlier()
                        .find(|m| ends(m) && self.kind(m.0) == EntityKind::Event)
                        .map(|(id, _)| *id)
                        .or(self.main_event)
                        .or_else(|| earlier().find(ends).map(|(id, _)| *id))
                } else {
                    earlier().find(ends).map(|(id, _)| *id)
                }
            }
        }
    }

    /// The event the article is about: one named in the headline, else the most mentioned.
    fn find_main_event(&self) -> Option<EntityId> {
        let events = || self.mentions.iter().filter(|(id, _)| self.kind(*id) == EntityKind::Event);
        let headline = self.analysis.text().paragraphs().first().map(|p| p.span);
        if let Some(h) = headline {
            if let Some((id, _)) = events().find(|(_, s)| h.contains(*s)) {
                return Some(*id);
            }
        }
        let mut counts: Vec<(EntityId, usize, usize)> = Vec::new();
        for (id, s) in events() {
            match counts.iter_mut().find(|(i, _, _)| i == id) {
                Some(entry) => entry.1 += 1,
                None => counts.push((*id, 1, s.start)),
            }
        }
        counts.into_iter().max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first))).map(|(id, _, _)| id)
    }

    /// The longest mention starting at `pos`.
    fn mention_starting(&self, pos: usize) -> Option<(EntityId, Span)> {
        let i = self.mentions.partition_point(|(_, s)| s.start < pos);
        self.mentions.get(i).filter(|(_, s)| s.start == pos).copied()
    }

    /// Whether `pos` lies inside a mention that starts before it.
    fn covered(&self, pos: usize) -> bool {
        self.inside.get(pos).copied().unwrap_or(false)
    }

    fn kind(&self, id: EntityId) -> EntityKind {
        self.analysis.entities.kind(id)
    }
}
