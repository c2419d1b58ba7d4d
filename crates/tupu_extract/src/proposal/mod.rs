//! Stage: numbered proposals — a speaker's points, in order, each by its heading clause.
//!
//! Markers of one family numbered 1, 2, 3… make a list ([`marker`]); a list belongs to the
//! announcement ([`announce`]) nearest before it, if one is within reach, and takes its speaker
//! from the statement or the name (or pronoun) that announces it — the list may start several
//! paragraphs later. A list nobody announced is a proposal only when it follows a statement
//! directly (鄭雁雄指出，…。⏎一是…二是…): otherwise it is the reporter's own enumeration.

mod announce;
mod marker;
mod words;

pub(crate) use words::ProposalWords;

use announce::Announcement;
use marker::{Family, Marker, Ordinal};

use crate::analysis::{Analysis, Stage};
use crate::model::{EntityId, Proposal, ProposalItem};
use crate::span::Span;
use crate::statement::PersonIndex;

/// How many paragraphs after its announcement (or after the previous point) a point may start.
const REACH: usize = 3;

/// Pipeline stage.
pub(crate) struct Proposals;

impl Stage for Proposals {
    fn name(&self) -> &'static str {
        "proposal"
    }

    fn run(&self, a: &mut Analysis<'_>) {
        // The statements stage's index (it runs just before and no person is added since).
        let people = a.people.take().unwrap_or_else(|| PersonIndex::new(a));
        let announcements = a.announcements();
        let mut used = vec![false; announcements.len()];
        let mut found = Vec::new();
        for list in lists(&a.list_markers()) {
            let first = list[0];
            let announcement = announcements
                .iter()
                .enumerate()
                .rev()
                .find(|(_, x)| x.span.end <= first.span.start && a.reaches(x.span.start, first))
                .filter(|(i, _)| !used[*i]);
            let proposal = match announcement {
                Some((i, x)) => {
                    used[i] = true;
                    a.announced_proposal(x, &list, &people)
                }
                None => a.unannounced_proposal(&list),
            };
            found.extend(proposal);
        }
        a.proposals.extend(found);
    }
}

/// Groups markers into lists: one family, numbered from 1 without gaps, each point within reach
/// of the one before. Lists of one point are dropped.
fn lists(markers: &[Marker]) -> Vec<Vec<Marker>> {
    let mut lists: Vec<Vec<Marker>> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for &m in markers {
        if m.ordinal == Ordinal::Number(1) {
            open.retain(|&l| lists[l][0].family != m.family);
            open.push(lists.len());
            lists.push(vec![m]);
            continue;
        }
        let continues = open.iter().rev().copied().find(|&l| {
            let list = &lists[l];
            let last = list[list.len() - 1];
            let number = list.len();
            let next = match m.ordinal {
                Ordinal::Number(n) => n == number + 1,
                // 最後 and 再次 follow a list that has reached its second point (其次).
                Ordinal::Next | Ordinal::Last => number >= 2,
            };
            // 首先…其次…第三是…: a sequence may go on with ordinals at any point.
            let family = if list.len() == 1 {
                last.family.goes_on_with(m.family)
            } else if list[0].family == Family::Sequence {
                last.family.goes_on_with(m.family) || m.family == Family::Sequence
            } else {
                last.family == m.family
            };
            family && next && m.paragraph <= last.paragraph + REACH && m.span.start > last.span.start
        });
        if let Some(l) = continues {
            lists[l].push(m);
            if m.ordinal == Ordinal::Last {
                open.retain(|&x| x != l);
            }
        }
    }
    lists.retain(|l| l.len() >= 2);
    lists
}

impl Analysis<'_> {
    /// Whether the list opened by `first` is within reach of an announcement at `pos`: later in
    /// the same sentence, or at most [`REACH`] paragraphs after it.
    fn reaches(&self, pos: usize, first: Marker) -> bool {
        let Some(sentence) = self.text().sentence_at(pos) else {
            return false;
        };
        let paragraph = self.text().sentences()[sentence].paragraph;
        first.paragraph >= paragraph && first.paragraph <= paragraph + REACH
    }

    fn announced_proposal(&self, x: &Announcement, list: &[Marker], people: &PersonIndex) -> Option<Proposal> {
        let count = x.count.unwrap_or(list.len());
        let list = &list[..list.len().min(count)];
        let sentence = self.text().sentences()[x.sentence].span;
        let speaker = self.announcer(x, sentence, people);
        Some(self.proposal(speaker, Some(self.surface(x.span).to_owned()), count, list, sentence))
    }

    /// Who announces: the speaker of a statement that contains the announcement, else the last
    /// name or pronoun before it in its sentence (為此，他分享四點倡議), else the speaker of the
    /// paragraph's last statement before it.
    fn announcer(&self, x: &Announcement, sentence: Span, people: &PersonIndex) -> Option<EntityId> {
        let said = self.statements.iter().find(|s| {
            s.span.contains(Span::new(x.count_at, x.count_at + 1))
                && s.speaker_span.is_some_and(|sp| sp.end <= x.count_at)
        });
        if let Some(s) = said {
            return s.speaker;
        }
        let before = Span::new(sentence.start, x.count_at);
        if let Some(anchor) = self.anchors_in(before, people).into_iter().rev().find(|a| !a.object) {
            return anchor.speaker;
        }
        let paragraph = self.text().sentences()[x.sentence].paragraph;
        self.statements
            .iter()
            .rev()
            .find(|s| s.span.end <= x.count_at && self.paragraph_of(s.span.start) == Some(paragraph))
            .and_then(|s| s.speaker)
    }

    /// A list without an announcement, when it follows a statement directly: in the sentence
    /// that opens it, earlier in its paragraph, or as the paragraph just before.
    fn unannounced_proposal(&self, list: &[Marker]) -> Option<Proposal> {
        let first = list[0];
        let said = self.statements.iter().rev().find(|s| {
            let Some(p) = self.paragraph_of(s.span.start) else {
                return false;
            };
            let before = s.speaker_span.map_or(s.span.start, |sp| sp.end) <= first.span.start;
            before && (p == first.paragraph || (first.opens_paragraph && p + 1 == first.paragraph))
        })?;
        let sentence = self.sentence_span_of(first.span.start);
        Some(self.proposal(said.speaker, None, list.len(), list, sentence))
    }

    fn paragraph_of(&self, pos: usize) -> Option<usize> {
        self.text().sentence_at(pos).map(|i| self.text().sentences()[i].paragraph)
    }

    fn sentence_span_of(&self, pos: usize) -> Span {
        self.text().sentence_span_at(pos).unwrap_or(Span::new(pos, pos))
    }

    /// Builds the proposal: each point from its marker to the next one (or the end of its
    /// paragraph, or of its sentence when it is the last point written inside a sentence).
    fn proposal(
        &self,
        speaker: Option<EntityId>,
        verb: Option<String>,
        count: usize,
        list: &[Marker],
        sentence: Span,
    ) -> Proposal {
        let paragraphs = self.text().paragraphs();
        let mut items = Vec::with_capacity(list.len());
        for (i, m) in list.iter().enumerate() {
            let paragraph_end = paragraphs[m.paragraph].span.end;
            let end = match list.get(i + 1) {
                Some(next) if next.paragraph == m.paragraph => next.span.start,
                Some(_) => paragraph_end,
                None if m.opens_paragraph => paragraph_end,
                None => self.sentence_span_of(m.span.start).end,
            };
            let span = self.trim_end(Span::new(m.span.start, end));
            items.push(ProposalItem { position: i + 1, text: self.heading(m.body, span.end), span });
        }
        let end = items.last().map_or(sentence.end, |it| it.span.end);
        let span = Span::new(sentence.start.min(list[0].span.start), end.max(sentence.end));
        Proposal { speaker, verb, count, items, span, text: self.surface(sentence).to_owned() }
    }

    /// A span without trailing pauses and whitespace (the ； between two points).
    fn trim_end(&self, span: Span) -> Span {
        let keep = self
            .chars_of(span)
            .iter()
            .rposition(|c| !(c.is_whitespace() || "，；、,;".contains(*c)))
            .map_or(0, |i| i + 1);
        Span::new(span.start, span.start + keep)
    }

    /// The heading clause of a point: from `body` to the first pause outside quotation marks
    /// and brackets (深化“人工智能+制造”，… → 深化“人工智能+制造”).
    fn heading(&self, body: usize, end: usize) -> String {
        let mut depth = 0usize;
        let mut stop = end;
        for (i, c) in self.folded(Span::new(body, end)).chars().enumerate() {
            match c {
                '「' | '“' | '『' | '《' | '（' | '(' | '‘' => depth += 1,
                '」' | '”' | '』' | '》' | '）' | ')' | '’' => depth = depth.saturating_sub(1),
                '，' | '；' | '。' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' if depth == 0 => {
                    stop = body + i;
                    break;
                }
                _ => {}
            }
        }
        self.surface(Span::new(body, stop)).trim().to_owned()
    }
}

#[cfg(test)]
mod tests;
