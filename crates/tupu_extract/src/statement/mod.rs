//! Stage: reported statements — who said what, and the sentence it was said in.
//!
//! A speech act is a speaker anchor (a person or organisation mention, or a pronoun) followed in
//! its clause by a speech verb from the lexicon:
//!
//! - right after the speaker, or after adverbs and titles (王勇又強調, 葉教授坦言) — the verb may
//!   then take what was said directly (他認為香港…), unless the lexicon marks it `pause`;
//! - after an adverbial frame (在致辭中表示, 在回答記者提問時表示, 日前在北京對本報記者說) — the
//!   verb must then be followed by a pause or a quote, which is what tells a speech verb from the
//!   same characters inside the frame (苏静怡在介绍产业应用进展时表示，);
//! - at the start of a later clause of a sentence whose subject is the speaker (馬丁斯在下午發表
//!   主題演講時，以…為例，認為…).
//!
//! A direct quote before its attribution (「…。」孟副部長說。) and a quote that runs over several
//! sentences are kept whole: the statement's span grows to cover them. Reported speech without
//! quotation marks goes on over the next sentences of its paragraph while they name nobody and
//! report no one else ([`Analysis::continuation_end`]).

mod quote;
mod speaker;
mod turn;

#[cfg(test)]
mod eval;
#[cfg(test)]
mod fixtures;

use crate::analysis::{Analysis, Stage};
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, Statement};
use crate::span::Span;
use crate::text::{CLAUSE_END, CLOSERS, SENTENCE_END};

/// Whether `c` is a colon, which introduces what was said.
fn is_colon(c: char) -> bool {
    matches!(c, '：' | ':')
}

pub(crate) use speaker::{Anchor, AnchorKind, PersonIndex};

/// Longest stretch between a speaker and the speech verb of their clause (在…時 frames included).
const MAX_FRAME: usize = 40;

/// Longest gloss in brackets after a speaker's name (懷特（Kate White）表示).
const MAX_GLOSS: usize = 24;

/// Longest frame through which a body speaks (港鐵今日回覆本報查詢時表示).
const MAX_BODY_FRAME: usize = 20;

/// Most sentences that reported speech without quotation marks carries on over after its own.
const MAX_CONTINUATION: usize = 3;

/// Most paragraphs in a row that are one quotation and carry on the speaker before them.
const MAX_QUOTE_PARAGRAPHS: usize = 3;

/// Most earlier statements looked at for the one a pronoun's speaker continues.
const MAX_LOOKBACK: usize = 6;

/// Pipeline stage.
pub(crate) struct Statements;

impl Stage for Statements {
    fn name(&self) -> &'static str {
        "statement"
    }

    fn run(&self, a: &mut Analysis<'_>) {
        speaker::role_named_speakers(a);
        let people = PersonIndex::new(a);
        let acts: Vec<Vec<SpeechAct>> = a.text().sentences().iter().map(|s| a.speech_acts(s.span, &people)).collect();
        let mut found: Vec<(SpeechAct, Statement)> = Vec::new();
        for (i, sentence_acts) in acts.iter().enumerate() {
            for act in sentence_acts {
                let mut statement = a.statement(*act, i, &acts, &people);
                if act.anchor.kind == AnchorKind::Pronoun
                    && let Some(speaker) = a.speaker_continued(act.anchor.span.start, &found, &people)
                {
                    statement.speaker = Some(speaker);
                }
                found.push((*act, statement));
            }
        }
        let statements: Vec<Statement> = found.into_iter().map(|(_, s)| s).collect();
        let carried_on = a.quote_paragraphs(&statements);
        a.statements.extend(statements);
        a.statements.extend(carried_on);
        a.people = Some(people);
    }
}

/// A speaker and their verb.
#[derive(Debug, Clone, Copy)]
struct SpeechAct {
    anchor: Anchor,
    verb: Span,
    /// A turn of an interview or transcript (陳大文：…): what was said runs to the next turn.
    turn: bool,
}

impl Analysis<'_> {
    /// Builds the statement of one act: the sentence, grown to cover a quotation that belongs
    /// to it, or the sentences that carry on its reported speech (`acts`: the acts of every
    /// sentence).
    fn statement(&self, act: SpeechAct, index: usize, acts: &[Vec<SpeechAct>], people: &PersonIndex) -> Statement {
        let sentences = self.text().sentences();
        let sentence = sentences[index];
        let paragraph = self.text().paragraphs()[sentence.paragraph].span;
        let mut span = sentence.span;
        let mut quote = None;
        if act.turn {
            span = span.cover(Span::new(span.start, self.turn_end(index)));
        } else if let Some(q) = self.quote_after_verb(act.verb, paragraph) {
            span = span.cover(self.sentence_span_at(q.end - 1));
            if let Some(before) = self.quote_opening_a_sandwich(act, index, acts, people) {
                span = span.cover(self.sentence_span_at(before.start));
            }
            quote = Some(q);
        } else if let Some(q) = self.quote_before_anchor(act, sentence.span, paragraph) {
            span = span.cover(self.sentence_span_at(q.start));
            quote = Some(q);
        } else if let Some(end) = self.passage_after_colon(span, paragraph) {
            span = span.cover(Span::new(span.start, end));
        } else if acts[index].last().is_some_and(|last| last.verb == act.verb) {
            span = span.cover(Span::new(span.start, self.continuation_end(index, acts, people)));
        }
        // Not into the quotation of someone who speaks later in the sentence (甲答：「…」，乙質疑：「…」).
        let next_speaker = acts[index].iter().map(|x| x.anchor.span.start).filter(|&p| p >= act.verb.end).min();
        let own = Span::new(act.verb.end, next_speaker.map_or(span.end, |p| p.min(span.end)).max(act.verb.end));
        if let Some(end) = self.quote_running_past(own, paragraph) {
            span = span.cover(Span::new(span.start, end));
        }
        Statement {
            speaker: act.anchor.speaker,
            speaker_span: Some(act.anchor.span),
            verb: self.surface(act.verb).to_owned(),
            text: self.surface(span).to_owned(),
            span,
            quote: quote.map(|q| self.surface(Span::new(q.start + 1, q.end - 1)).to_owned()),
        }
    }

    /// Paragraphs that are one quotation and nothing else (「…。」), right after a paragraph whose
    /// last statement runs to its end: its speaker goes on (陳大文說：「…。」⏎「…。」 — interviews
    /// quote a speaker paragraph after paragraph). Each becomes a statement of that speaker, at
    /// most [`MAX_QUOTE_PARAGRAPHS`] in a row; not a paragraph where a statement of its own
    /// starts, nor after a statement whose speaker is unknown. One look at each paragraph.
    fn quote_paragraphs(&self, found: &[Statement]) -> Vec<Statement> {
        let paragraphs = self.text().paragraphs();
        let paragraph_at = |pos: usize| {
            let i = paragraphs.partition_point(|p| p.span.end <= pos);
            (i < paragraphs.len() && paragraphs[i].span.start <= pos).then_some(i)
        };
        // For each paragraph: the statement that runs to its end, and whether one starts in it.
        let mut reaching: Vec<Option<usize>> = vec![None; paragraphs.len()];
        let mut starts = vec![false; paragraphs.len()];
        for (k, s) in found.iter().enumerate() {
            if let Some(i) = paragraph_at(s.span.start) {
                starts[i] = true;
            }
            if let Some(i) = paragraph_at(s.span.end.saturating_sub(1))
                && s.speaker.is_some()
                && s.span.end >= self.content_end(paragraphs[i].span)
            {
                reaching[i] = Some(k);
            }
        }
        let mut out: Vec<Statement> = Vec::new();
        let mut before: Option<(Statement, usize)> = None;
        for (i, paragraph) in paragraphs.iter().enumerate() {
            let carried = before.take().filter(|(_, run)| *run < MAX_QUOTE_PARAGRAPHS && !starts[i]);
            if let Some((said, run)) = carried
                && let Some(q) = self.whole_quote(paragraph.span)
            {
                let statement = Statement {
                    speaker: said.speaker,
                    speaker_span: None,
                    verb: said.verb.clone(),
                    text: self.surface(q).to_owned(),
                    span: q,
                    quote: Some(self.surface(Span::new(q.start + 1, self.content_end(q) - 1)).to_owned()),
                };
                out.push(statement.clone());
                before = Some((statement, run + 1));
                continue;
            }
            before = reaching[i].map(|k| (found[k].clone(), 0));
        }
        out
    }

    /// Where the text of `span` ends, past trailing spaces.
    fn content_end(&self, span: Span) -> usize {
        (span.start..span.end)
            .rev()
            .find(|&p| self.folded_char(p).is_some_and(|c| !c.is_whitespace()))
            .map_or(span.start, |p| p + 1)
    }

    /// The paragraph `paragraph` when it is one quotation and nothing else (「…。」, 「…」。) that
    /// holds a sentence: the span from its opening mark to its end.
    fn whole_quote(&self, paragraph: Span) -> Option<Span> {
        let open =
            (paragraph.start..paragraph.end).find(|&p| self.folded_char(p).is_some_and(|c| !c.is_whitespace()))?;
        let q = self.quote_from(open, paragraph)?;
        let end = self.content_end(paragraph);
        let closed = self.only_closing_after(q.end, end) && q.len() > 2;
        // A slogan or a heading in quotation marks (「對抗白色恐怖」) holds no sentence.
        let sentence = self.folded(Span::new(q.start, q.end)).chars().any(|c| SENTENCE_END.contains(&c));
        (closed && sentence).then_some(Span::new(open, end))
    }

    /// Whom a pronoun at `pos` continues when the last person named before it was named inside
    /// what someone said (陳大文表示，李小華的方案可行。他又指，…: 他 is 陳大文, who was
    /// speaking, not 李小華, whom he spoke of): the speaker of that statement — a person, or a
    /// body whose title stands after its name (外交部發言人表示，…。他強調). `None` leaves the
    /// pronoun with the last person named. Looks back over a few statements only.
    fn speaker_continued(
        &self,
        pos: usize,
        found: &[(SpeechAct, Statement)],
        people: &PersonIndex,
    ) -> Option<EntityId> {
        let named = people.last_end_before(pos)?;
        let covering: Vec<&(SpeechAct, Statement)> = found
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .filter(|(_, s)| s.span.start < named && named <= s.span.end)
            .collect();
        // The person named last speaks there themselves: the pronoun continues them.
        if covering.iter().any(|(act, _)| act.anchor.span.end == named) {
            return None;
        }
        let (act, said) = covering.first()?;
        let spoke_as_person = match act.anchor.kind {
            AnchorKind::Person | AnchorKind::Pronoun => true,
            AnchorKind::Organization => self
                .word_starting_at(self.past_title_mark(act.anchor.span), |c| matches!(c, WordClass::Title(_)))
                .is_some(),
        };
        spoke_as_person.then_some(said.speaker).flatten()
    }

    /// Where reported speech without quotation marks ends that sentence `index` starts
    /// (陳大文表示，A。B。C。): the later sentences of the paragraph that report no one, name no
    /// person, hold no pronoun and open no quotation carry on what was said — at most
    /// [`MAX_CONTINUATION`] of them. Each sentence is looked at once, within a bounded window.
    fn continuation_end(&self, index: usize, acts: &[Vec<SpeechAct>], people: &PersonIndex) -> usize {
        let sentences = self.text().sentences();
        let mut end = sentences[index].span.end;
        let mut next = index + 1;
        while next < sentences.len() && next <= index + MAX_CONTINUATION {
            let sentence = &sentences[next];
            if sentence.paragraph != sentences[index].paragraph {
                break;
            }
            if let Some(last) = self.quotation_carrying_on(next, acts) {
                end = sentences[last].span.end;
                next = last + 1;
                continue;
            }
            let opens_quote =
                self.chars_of(sentence.span).iter().find(|c| !c.is_whitespace()).is_some_and(|&c| quote::is_opener(c));
            let names_someone = self
                .anchors_in(sentence.span, people)
                .iter()
                .any(|x| matches!(x.kind, AnchorKind::Person | AnchorKind::Pronoun));
            let closed = self
                .chars_of(sentence.span)
                .iter()
                .rev()
                .find(|c| !c.is_whitespace() && !CLOSERS.contains(c))
                .is_some_and(|c| SENTENCE_END.contains(c));
            if !acts[next].is_empty() || opens_quote || names_someone || !closed || self.reports_someone(sentence.span)
            {
                break;
            }
            end = sentence.span.end;
            next += 1;
        }
        end
    }

    /// The last sentence of a quotation that opens sentence `index` and carries on the reported
    /// speech before it (陳大文表示，A。「B。C。」: annotators give the quote to the speaker whose
    /// words it goes on with). The quotation must close within its paragraph with nothing but
    /// closing marks after it in its sentence, report no one in the sentences it covers, and be
    /// followed by no attribution of its own (「B。」李小華說。: the next sentence's act).
    fn quotation_carrying_on(&self, index: usize, acts: &[Vec<SpeechAct>]) -> Option<usize> {
        let sentences = self.text().sentences();
        let sentence = sentences[index];
        let paragraph = self.text().paragraphs()[sentence.paragraph].span;
        let open = (sentence.span.start..sentence.span.end)
            .find(|&p| self.folded_char(p).is_some_and(|c| !c.is_whitespace()))
            .filter(|&p| self.folded_char(p).is_some_and(quote::is_opener))?;
        let q = self.quote_from(open, paragraph)?;
        let last = self.text().sentence_at(q.end - 1)?;
        let whole = self.only_closing_after(q.end, sentences[last].span.end);
        let quiet = (index..=last).all(|i| acts[i].is_empty());
        // A slogan or a name in quotation marks (「對抗延誤」) holds no sentence.
        let said = self.folded(q).chars().any(|c| SENTENCE_END.contains(&c));
        let attributed = acts.get(last + 1).is_some_and(|next| !next.is_empty())
            && sentences.get(last + 1).is_some_and(|s| s.paragraph == sentence.paragraph);
        (whole && quiet && said && !attributed).then_some(last)
    }

    /// Whether a speech verb with a pause after it stands in `span` (記者遂表示，…): someone
    /// the recognisers did not name speaks there, so what came before has ended.
    /// A verb closing its sentence says nothing there (詳情稍後公布。, 正待澄清。) and reports no one.
    fn reports_someone(&self, span: Span) -> bool {
        (span.start..span.end).any(|pos| {
            self.speech_verb_at(pos).is_some_and(|(verb, _)| {
                verb.end <= span.end && self.pause_at(verb.end) && !self.says_nothing_after(verb)
            })
        })
    }

    /// Where a quotation ends (its closing mark, and a full stop after it) that opens in
    /// `within` (after the verb) but closes past its end (陳大文認為，A，「B。他們會C。」): the splitter ends the
    /// statement's sentence at B's full stop and the reported speech stops before a sentence
    /// that names someone, but a quotation is kept whole ([`Analysis::quote_from`]). Only the
    /// curved and corner marks: a straight mark (") does not tell an opener from a closer.
    fn quote_running_past(&self, within: Span, paragraph: Span) -> Option<usize> {
        let mut pos = within.start;
        let mut end = None;
        while pos < within.end {
            let opens = self.folded_char(pos).is_some_and(|c| quote::is_opener(c) && c != '"');
            match opens.then(|| self.quote_from(pos, paragraph)).flatten() {
                Some(q) => {
                    if q.end > within.end {
                        // Up to the closing mark and the full stop after it, not into a
                        // sentence the splitter did not end there (「…?」不過，…).
                        let mut close = q.end;
                        while close < paragraph.end && self.only_closing_after(close, close + 1) {
                            close += 1;
                        }
                        end = Some(close);
                    }
                    pos = q.end;
                }
                None => pos += 1,
            }
        }
        end
    }

    /// The sentence containing `pos` (or just `pos` when it lies between sentences).
    fn sentence_span_at(&self, pos: usize) -> Span {
        self.text().sentence_span_at(pos).unwrap_or(Span::new(pos, pos + 1))
    }

    /// A quotation opening right after the verb (強調：「…」, 說“…”), or opening the next
    /// paragraph after a colon that ends this one (認為：⏎「…」).
    fn quote_after_verb(&self, verb: Span, paragraph: Span) -> Option<Span> {
        let mut pos = verb.end;
        while self.folded_char(pos).is_some_and(|c| matches!(c, '：' | ':' | '，' | ',' | ' ')) {
            pos += 1;
        }
        if pos >= paragraph.end && self.folded_char(pos - 1).is_some_and(is_colon) {
            let next = self.next_paragraph(paragraph)?;
            let start = (next.start..next.end).find(|&p| self.folded_char(p).is_some_and(|c| !c.is_whitespace()))?;
            return self.quote_from(start, next);
        }
        self.quote_from(pos, paragraph)
    }

    /// The paragraph after `paragraph`, if any.
    fn next_paragraph(&self, paragraph: Span) -> Option<Span> {
        let paragraphs = self.text().paragraphs();
        let i = paragraphs.partition_point(|p| p.span.start < paragraph.end);
        paragraphs.get(i).map(|p| p.span)
    }

    /// Where what was said ends when the statement's sentence ends its paragraph with a colon
    /// (他指出，法律明文規定：⏎A。B。): the quoted passage set as the next paragraph, without
    /// quotation marks — at most [`MAX_CONTINUATION`] of its sentences.
    fn passage_after_colon(&self, span: Span, paragraph: Span) -> Option<usize> {
        let last = (span.start..span.end).rev().find(|&p| self.folded_char(p).is_some_and(|c| !c.is_whitespace()))?;
        if !self.folded_char(last).is_some_and(is_colon)
            || (last + 1..paragraph.end).any(|p| self.folded_char(p).is_some_and(|c| !c.is_whitespace()))
        {
            return None;
        }
        let next = self.next_paragraph(paragraph)?;
        let sentences = self.text().sentences();
        let first = self.text().sentence_at(next.start).or_else(|| {
            let i = sentences.partition_point(|s| s.span.start < next.start);
            (i < sentences.len()).then_some(i)
        })?;
        sentences[first..]
            .iter()
            .take(MAX_CONTINUATION)
            .take_while(|s| s.span.start < next.end)
            .last()
            .map(|s| s.span.end)
    }

    /// A quotation that ends right before the speaker (“…。”孟副部長說。 or “…，”他說，“…”).
    fn quote_before_anchor(&self, act: SpeechAct, sentence: Span, paragraph: Span) -> Option<Span> {
        let start = act.anchor.span.start;
        if start == 0 {
            return None;
        }
        let mut close = start - 1;
        // “…，”他說 puts the comma inside the quote; “…”，他說 outside it.
        if self.folded_char(close).is_some_and(|c| matches!(c, '，' | ',')) && close > paragraph.start {
            close -= 1;
        }
        let q = self.quote_to(close, paragraph)?;
        // The quote must be what opens the sentence (or the sentence it ends), not a name in
        // quotation marks inside it (…的「超級聯繫人」他說).
        let opens_sentence = q.start == self.sentence_span_at(q.start).start;
        let attribution_only = start == sentence.start && self.only_closing_after(act.verb.end, sentence.end);
        // 「…。」他說，…: the attribution opens the next sentence and goes on after a pause.
        let attribution_goes_on =
            start == sentence.start && self.folded_char(act.verb.end).is_some_and(|c| matches!(c, '，' | ','));
        (opens_sentence && (attribution_only || attribution_goes_on || q.start == sentence.start)).then_some(q)
    }

    /// The quotation before an attribution that opens a quotation of its own
    /// (“A。”分析師陳大文表示，“B。”): both are the speaker's, and a reporter splits one
    /// quotation so. The attribution opens its sentence — its speaker first, past titles and
    /// names of bodies — right after the closing mark, and the sentences of the first quotation
    /// report no one (陳大文說：「A。」李小華表示，「B。」: A is 陳大文's).
    fn quote_opening_a_sandwich(
        &self,
        act: SpeechAct,
        index: usize,
        acts: &[Vec<SpeechAct>],
        people: &PersonIndex,
    ) -> Option<Span> {
        let sentence = self.text().sentences()[index];
        let paragraph = self.text().paragraphs()[sentence.paragraph].span;
        let start = sentence.span.start;
        if start == 0
            || start <= paragraph.start
            || !self.folded_char(start - 1).is_some_and(|c| CLOSERS.contains(&c))
            || !self.folded_char(act.verb.end).is_some_and(|c| matches!(c, '，' | ',' | '：' | ':'))
        {
            return None;
        }
        // The attribution is the sentence's first clause (not 記者說他樂觀，他笑說：「…」).
        let first_clause = self.text().clauses(sentence.span).first().is_some_and(|c| act.anchor.span.start < c.end);
        if !first_clause {
            return None;
        }
        if act.anchor.span.start > start
            && !self.titled_name_opens(start, act.anchor.span.start)
            && !self.opens_clause(act.anchor.span.start, sentence.span, &self.anchors_in(sentence.span, people))
        {
            return None;
        }
        let q = self.quote_to(start - 1, paragraph)?;
        let first = self.text().sentence_at(q.start)?;
        let quiet = (first..index).all(|i| acts[i].is_empty());
        (q.start == self.sentences_start(first) && quiet).then_some(q)
    }

    /// Whether the stretch from `from` to a name at `name` is a description ending with a title
    /// (某證券分析師|陳大文): no punctuation and no verb of saying there, a title right before the
    /// name, not longer than a frame — a body the recognisers did not name may stand first.
    fn titled_name_opens(&self, from: usize, name: usize) -> bool {
        name - from <= MAX_BODY_FRAME
            && self.chars_of(Span::new(from, name)).iter().all(|c| c.is_alphanumeric())
            && !(from..name).any(|p| self.speech_verb_starts_at(p))
            && (from..name).any(|p| {
                self.words.starting_at(p).iter().any(|w| {
                    w.span.end == name
                        && self.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Title(_)))
                })
            })
    }

    /// Where sentence `i` starts.
    fn sentences_start(&self, i: usize) -> usize {
        self.text().sentences()[i].span.start
    }

    /// Whether nothing but sentence ends and closing marks lies in `[from, to)`.
    fn only_closing_after(&self, from: usize, to: usize) -> bool {
        self.folded(Span::new(from, to))
            .chars()
            .all(|c| SENTENCE_END.contains(&c) || CLOSERS.contains(&c) || c.is_whitespace())
    }

    /// Speech acts of a sentence, one per speaker, in text order.
    fn speech_acts(&self, sentence: Span, people: &PersonIndex) -> Vec<SpeechAct> {
        let anchors = self.anchors_in(sentence, people);
        let mut acts: Vec<SpeechAct> = Vec::new();
        // From the last anchor back: a speaker's reach ends where the next speaker starts, and
        // a name inside the frame that speaks no verb of its own (李家超出席行政會議前表示) is
        // no next speaker.
        let mut next_speaker = sentence.end;
        for (i, anchor) in anchors.iter().enumerate().rev() {
            if anchor.object {
                continue;
            }
            if let Some(partner) = self.coordinated_partner(anchor, anchors.get(i + 1)) {
                // The partner may have found the verb already (甲、乙均指: 乙 is no object).
                let spoken = acts.iter().find(|act| act.anchor.span == partner.span).map(|act| act.verb);
                let verb = spoken.or_else(|| {
                    let both = Anchor { span: Span::new(anchor.span.start, partner.span.end), ..*anchor };
                    let limit =
                        next_speaker.min(self.clause_end(both.span.end, sentence.end)).min(both.span.end + MAX_FRAME);
                    self.verb_of(&both, limit, true)
                });
                if let Some(verb) = verb.filter(|v| self.is_adverbial(Span::new(partner.span.end, v.start))) {
                    acts.push(SpeechAct { anchor: *anchor, verb, turn: false });
                    if spoken.is_none() {
                        acts.push(SpeechAct { anchor: Anchor { object: false, ..*partner }, verb, turn: false });
                    }
                    next_speaker = anchor.span.start;
                    continue;
                }
            }
            let limit =
                next_speaker.min(self.clause_end(anchor.span.end, sentence.end)).min(anchor.span.end + MAX_FRAME);
            // A body is the subject of its clause only when it opens it (港鐵昨日表示, not
            // 陳大文在立法會會議上表示), and speaks for itself only when no one spoke before it
            // in the sentence (陳大文認為，港鐵應該解釋: what he said).
            let subject = anchor.kind != AnchorKind::Organization
                || (self.opens_clause(anchor.span.start, sentence, &anchors)
                    && !(sentence.start..anchor.span.start).any(|p| self.someone_speaks_at(p)));
            if let Some(verb) = self.verb_of(anchor, limit, subject) {
                acts.push(SpeechAct { anchor: *anchor, verb, turn: false });
                next_speaker = anchor.span.start;
            }
        }
        if let Some(paragraph) = self.text().sentence_at(sentence.start).map(|i| self.text().sentences()[i].paragraph) {
            acts.extend(self.turn_act(sentence, self.text().paragraphs()[paragraph].span, &anchors, people));
        }
        acts.extend(self.clause_initial_acts(sentence, &anchors, &acts));
        acts.extend(self.colon_quote_acts(sentence, &anchors, &acts));
        acts.extend(self.report_acts(sentence, &anchors, &acts));
        acts.sort_by_key(|act| act.verb.start);
        let mut seen = Vec::new();
        acts.retain(|act| {
            let who = act.anchor.speaker.ok_or(act.anchor.span);
            let first = !seen.contains(&who);
            seen.push(who);
            first
        });
        acts
    }

    /// The speaker joined to `anchor` by a conjunction or an enumeration comma right after it
    /// (甲與乙都表示, 甲、乙均表示, 某酒店和某酒店職員均表示): both say what follows. Only a
    /// partner of the same kind (two people or two bodies) written right after the conjunction;
    /// the caller wants nothing but adverbs between the partner and the verb (甲與乙會面後表示
    /// is 甲's).
    fn coordinated_partner<'x>(&self, anchor: &Anchor, next: Option<&'x Anchor>) -> Option<&'x Anchor> {
        let partner = next?;
        if partner.kind != anchor.kind || anchor.kind == AnchorKind::Pronoun || partner.speaker.is_none() {
            return None;
        }
        let joined = self.folded_char(anchor.span.end) == Some('、') && partner.span.start == anchor.span.end + 1
            || self.class_word_at(Role::Conjunction, anchor.span.end).is_some_and(|c| c.end == partner.span.start);
        joined.then_some(partner)
    }

    /// The end of the clause that contains `pos`.
    fn clause_end(&self, pos: usize, limit: usize) -> usize {
        self.folded(Span::new(pos, limit))
            .chars()
            .position(|c| CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c))
            .map_or(limit, |i| pos + i)
    }

    /// The speech verb that the anchor's clause attaches to it, looked for before `limit`
    /// (`subject`: the anchor opens its clause).
    fn verb_of(&self, anchor: &Anchor, limit: usize, subject: bool) -> Option<Span> {
        let from = self.past_staff(anchor, self.past_gloss(self.past_title_mark(anchor.span), limit));
        let mut pos = from;
        while pos < limit {
            if let Some((verb, needs_pause)) = self.speech_verb_at(pos) {
                let gap = Span::new(from, pos);
                let paused = self.pause_at(verb.end);
                let direct = self.is_adverbial(gap);
                let unpaused = direct && needs_pause && self.speaks_unpaused(verb);
                let accepted = match anchor.kind {
                    // A body speaks only through its own verb and a pause (外交部發言人表示，);
                    // 協會希望與… inside someone else's statement is what they said of it.
                    // A body that opens its clause speaks through a frame of its own too
                    // (港鐵昨日表示，, 公署發表聲明表示，, 社署回覆查詢時指，).
                    AnchorKind::Organization => {
                        (direct && paused)
                            || unpaused
                            || (direct && subject && !needs_pause && self.body_says_directly(verb))
                            || (paused
                                && subject
                                && !self.says_nothing_after(verb)
                                && self.is_body_frame(gap)
                                && !self.counted(verb))
                    }
                    AnchorKind::Person | AnchorKind::Pronoun => {
                        (direct && (paused || (!needs_pause && self.stands_as_verb(verb))))
                            || unpaused
                            || (paused && self.is_frame(gap) && !self.counted(verb))
                    }
                };
                if accepted {
                    return Some(verb);
                }
                pos = verb.end;
            } else {
                pos += 1;
            }
        }
        None
    }

    /// Where the speaker's clause goes on after the anchor: past the closing mark of a title the
    /// name is written in (《金融時報》稱 — the newspaper speaks through the verb after 》).
    fn past_title_mark(&self, anchor: Span) -> usize {
        let enclosed = anchor.start > 0
            && self.folded_char(anchor.start - 1) == Some('《')
            && self.folded_char(anchor.end) == Some('》');
        anchor.end + usize::from(enclosed)
    }

    /// Where the speaker's clause goes on past a gloss in brackets written right after the name
    /// (懷特（Kate White）表示, 某局（NCA）回覆稱): the name in another language or a short form,
    /// which stands between the speaker and the verb as titles do. A bracket that does not close
    /// within [`MAX_GLOSS`] characters before `limit`, or holds a pause, is no gloss.
    fn past_gloss(&self, pos: usize, limit: usize) -> usize {
        if !self.folded_char(pos).is_some_and(|c| matches!(c, '（' | '(')) {
            return pos;
        }
        let end = limit.min(pos + MAX_GLOSS + 2);
        (pos + 1..end)
            .take_while(|&p| {
                self.folded_char(p).is_some_and(|c| !CLAUSE_END.contains(&c) && !SENTENCE_END.contains(&c))
            })
            .find(|&p| self.folded_char(p).is_some_and(|c| matches!(c, '）' | ')')))
            .map_or(pos, |close| close + 1)
    }

    /// Where a body's clause goes on past the staff word written right after its name
    /// ([`Role::Staff`]: 某酒店職員表示, 某局有關負責人表示): annotators give what the staff say to
    /// the body, as they give it a spokesman's words. Only after an organisation.
    fn past_staff(&self, anchor: &Anchor, pos: usize) -> usize {
        if anchor.kind != AnchorKind::Organization {
            return pos;
        }
        self.class_word_at(Role::Staff, pos).map_or(pos, |w| w.end)
    }

    /// Whether a verb that takes what was said without a pause is that verb and not the first
    /// character of a longer word (李官說法有誤: 說法 is a noun, not 說): a one-character verb
    /// must begin no longer word of the general lexicon.
    fn stands_as_verb(&self, verb: Span) -> bool {
        verb.len() > 1 || self.begins_no_longer_word(verb)
    }

    /// Whether a verb that takes what was said without a pause (認為, 呼籲, 宣布) says it for a
    /// body written right before it at the start of its clause (某局認為有關做法合法, 某會呼籲
    /// 市民留意): something follows it in the sentence, it is a word of its own (宣布 but not
    /// 表示 of 表示式: no longer word of the general lexicon starts there) and no count stands
    /// before it (某黨三項建議). The caller checks that the body opens its clause and no one
    /// spoke before it in the sentence (陳大文認為，某局應解釋: what he said of the body).
    fn body_says_directly(&self, verb: Span) -> bool {
        !self.says_nothing_after(verb) && self.begins_no_longer_word(verb) && !self.counted(verb)
    }

    /// Whether a one-character verb that otherwise wants a pause (稱, 指) takes what was said
    /// directly (他稱有關做法有效, 她指政府已回應): it does when it begins no longer word of the
    /// general lexicon (稱讚, 稱為, 指導, 指定 are other verbs). Only right after its speaker:
    /// the caller applies it where the gap holds nothing but adverbs and titles.
    fn speaks_unpaused(&self, verb: Span) -> bool {
        verb.len() == 1 && self.begins_no_longer_word(verb)
    }

    /// Whether no word of the general lexicon longer than `verb` starts where it does (稱 of
    /// 稱讚 and 說 of 說法 begin longer words).
    fn begins_no_longer_word(&self, verb: Span) -> bool {
        self.general.longest_starting_at(verb.start).is_none_or(|w| w.span.len() <= verb.len())
    }

    /// Whether a speech verb starts at `pos`.
    pub(crate) fn speech_verb_starts_at(&self, pos: usize) -> bool {
        self.speech_verb_at(pos).is_some()
    }

    /// Whether a speech verb starts at `pos` as a word of its own: no longer word of the general
    /// lexicon starts there (說法 is no 說) and none runs across its start (學說).
    fn speech_verb_stands_at(&self, pos: usize) -> bool {
        self.speech_verb_at(pos)
            .is_some_and(|(verb, _)| self.begins_no_longer_word(verb) && !self.general.is_crossed(pos))
    }

    /// Whether a verb of saying at `pos` reports someone: it stands as a word of its own, or a
    /// pause follows it though a word of the lexicon runs across it (尹某堅稱，…: 堅稱 is a
    /// word; 儀式上表示，…: 上表 is one).
    /// A verb of more than one character that speaks only before a pause says nothing without
    /// one (某院公布一宗事故，指…: 公布 takes an object there, and the body goes on to speak).
    fn someone_speaks_at(&self, pos: usize) -> bool {
        if self
            .speech_verb_at(pos)
            .is_some_and(|(verb, needs_pause)| needs_pause && verb.len() > 1 && !self.pause_at(verb.end))
        {
            return false;
        }
        self.speech_verb_stands_at(pos)
            || self
                .speech_verb_at(pos)
                .is_some_and(|(verb, _)| self.pause_at(verb.end) && self.begins_no_longer_word(verb))
    }

    /// The longest speech verb starting at `pos`, with whether it needs a pause after it.
    /// A verb marked `clause` is none before a quote, which names what it acts on (公布「某計劃」).
    fn speech_verb_at(&self, pos: usize) -> Option<(Span, bool)> {
        match self.word_starting_at(pos, |c| matches!(c, WordClass::SpeechVerb(_)))? {
            (span, WordClass::SpeechVerb(i)) => {
                let verb = &self.lex.speech_verbs[i];
                let quoted = self.folded_char(span.end).is_some_and(quote::is_opener);
                (!(verb.quote_is_object && quoted)).then_some((span, verb.needs_pause))
            }
            _ => None,
        }
    }

    /// Whether a pause, a quotation or the end of the text follows position `pos`.
    fn pause_at(&self, pos: usize) -> bool {
        self.folded_char(pos)
            .is_none_or(|c| CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c) || quote::is_opener(c) || c == '、')
    }

    /// Whether `gap` holds nothing but adverbs and titles (王勇又, 葉志遠教授).
    fn is_adverbial(&self, gap: Span) -> bool {
        let mut pos = gap.start;
        while pos < gap.end {
            if self.folded_char(pos).is_some_and(|c| self.class(Role::Adverb).has_char(c)) {
                pos += 1;
                continue;
            }
            let title = self.words.starting_at(pos).iter().find(|w| {
                w.span.end <= gap.end
                    && self.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Title(_)))
            });
            match title {
                Some(w) => pos = w.span.end,
                None => return false,
            }
        }
        true
    }

    /// Whether a count and measure word stand right before `verb` (提出三點建議): the word is
    /// then the noun of an announced list, not a verb of saying.
    fn counted(&self, verb: Span) -> bool {
        let from = verb.start.saturating_sub(3);
        self.lex.proposals.ends_with_classifier(self.chars_of(Span::new(from, verb.start)))
    }

    /// Whether `gap` reads as an adverbial frame between a speaker and their verb: not too long,
    /// and no 的 before the frame opens (王勇的助手表示 is the assistant speaking).
    fn is_frame(&self, gap: Span) -> bool {
        if gap.len() > MAX_FRAME {
            return false;
        }
        let text = self.folded(gap);
        let de = text.chars().position(|c| c == '的');
        let opener = text.chars().position(|c| self.class(Role::FrameOpener).has_char(c));
        match (de, opener) {
            (None, _) => true,
            (Some(d), Some(o)) => o < d,
            (Some(_), None) => false,
        }
    }

    /// Whether `gap` opens with a surname that begins no word of the general lexicon (某黨黃大文
    /// 表示: a member the recognisers did not name speaks, not the party); 周一 and 回覆 are words.
    fn opens_with_unknown_name(&self, gap: Span) -> bool {
        self.folded_char(gap.start).is_some_and(|c| self.lex.is_surname(c.encode_utf8(&mut [0; 4])))
            && self.general.longest_starting_at(gap.start).is_none_or(|w| w.span.len() < 2)
    }

    /// Whether the sentence ends right after `verb` (某局無回應。): nothing said follows it.
    fn says_nothing_after(&self, verb: Span) -> bool {
        self.folded_char(verb.end).is_none_or(|c| SENTENCE_END.contains(&c))
    }

    /// Whether `gap` reads as a frame through which a body speaks (昨日, 發表聲明, 在聲明中,
    /// 回覆本報查詢時): an adverbial frame without punctuation whose first word is no noun — a
    /// noun there names who in the body speaks (港鐵員工表示 is the staff, not the company) —
    /// which, if it holds 的, closes with a frame closer (在周二發表的聲明中; not
    /// 在會上介紹的情況, where 的 makes a noun the verb's subject), and which does not end with a
    /// particle or a light verb that takes the speech verb for its object (政府已作出了回應，, 政府作出回應，).
    /// Nor may it hold a verb of saying of its own (某局認為…讓警方回應), a verb citing someone
    /// else (某報引述官員稱: the official speaks), the passive (某公司被團體批評), or a name the
    /// recognisers missed (Latin letters: 某中心Linda博士稱; an unknown surname first: 某黨黃大文表示).
    fn is_body_frame(&self, gap: Span) -> bool {
        use crate::lexicon::general::PartOfSpeech;
        let closed = gap.end > gap.start
            && self.folded_char(gap.end - 1).is_some_and(|c| self.class(Role::FrameCloser).has_char(c));
        let takes_object = self
            .general
            .words_ending_at(gap.end)
            .find(|w| w.span.start >= gap.start)
            .is_some_and(|w| w.entry.pos == PartOfSpeech::Particle)
            || self.class(Role::LightVerb).ends(self.folded(gap));
        let folded = self.folded(gap);
        gap.len() <= MAX_BODY_FRAME
            && self.is_frame(gap)
            && !self.class(Role::CitingVerb).occurs_in(folded)
            && !self.class(Role::PassiveMarker).occurs_in(folded)
            && !self.opens_with_unknown_name(gap)
            && !(gap.start..gap.end).any(|p| self.speech_verb_stands_at(p))
            && (closed || !folded.contains('的'))
            && !takes_object
            && self.chars_of(gap).iter().all(|c| (!c.is_ascii() && c.is_alphanumeric()) || c.is_whitespace())
            && self.general.longest_starting_at(gap.start).is_none_or(|w| {
                !matches!(
                    w.entry.pos,
                    PartOfSpeech::Noun
                        | PartOfSpeech::Person
                        | PartOfSpeech::Place
                        | PartOfSpeech::Organisation
                        | PartOfSpeech::Proper
                        | PartOfSpeech::Pronoun
                )
            })
    }

    /// A quotation introduced by a colon at the end of a clause whose subject is a person
    /// (陳大文對前景很有信心：「…」, 她細心觀察後寫下：“…”): no verb of saying, but the colon
    /// and the quote say it, and the colon stands for the verb. The subject must open its clause
    /// (past titles, names of bodies and adverbs: 浙江大學教授陳大文…：「…」), and no one
    /// else in the sentence may have spoken before the colon.
    fn colon_quote_acts(&self, sentence: Span, anchors: &[Anchor], acts: &[SpeechAct]) -> Vec<SpeechAct> {
        let mut out = Vec::new();
        for pos in sentence.start..sentence.end {
            if !self.folded_char(pos).is_some_and(is_colon) || acts.iter().any(|act| act.verb.start < pos) {
                continue;
            }
            let mut open = pos + 1;
            while self.folded_char(open).is_some_and(char::is_whitespace) {
                open += 1;
            }
            if !self.folded_char(open).is_some_and(quote::is_opener) {
                continue;
            }
            // People before the colon who can be its subject: not objects, not possessors (陳大文的).
            let people: Vec<&Anchor> = anchors
                .iter()
                .filter(|x| {
                    x.span.end <= pos
                        && !x.object
                        && x.kind != AnchorKind::Organization
                        && self.folded_char(x.span.end) != Some('的')
                })
                .collect();
            let Some(subject) = people.iter().find(|x| self.opens_clause(x.span.start, sentence, anchors)) else {
                break;
            };
            // Another person after the subject (她問陳大文：) leaves it unclear who says it.
            if people.iter().all(|x| x.span.start <= subject.span.start)
                && self.continues_subject(subject.span, pos, sentence)
            {
                out.push(SpeechAct { anchor: **subject, verb: Span::new(pos, pos + 1), turn: false });
            }
            break;
        }
        out
    }

    /// Whether the clause that ends at the colon `colon` still has `subject` for its subject:
    /// it holds the subject, or opens with a verb or an adverb (陳大文看完展覽，直言：) rather
    /// than a subject of its own (陳大文被捕時，有人質問：, 心情激動：).
    fn continues_subject(&self, subject: Span, colon: usize, sentence: Span) -> bool {
        use crate::lexicon::general::PartOfSpeech;
        let Some(clause) = self.text().clauses(sentence).into_iter().find(|c| c.start < colon && colon <= c.end) else {
            return true;
        };
        if subject.start >= clause.start {
            return true;
        }
        // A verb of saying in that clause has a subject of its own there (…，一名學生說：); 說
        // inside 說法 is no verb (跟隨他的說法：).
        if (clause.start..colon).any(|p| self.speech_verb_stands_at(p)) {
            return false;
        }
        let mut pos = clause.start;
        while pos < colon && self.folded_char(pos).is_some_and(|c| c.is_whitespace() || !c.is_alphanumeric()) {
            pos += 1;
        }
        self.general.longest_starting_at(pos).is_some_and(|w| {
            matches!(w.entry.pos, PartOfSpeech::Verb | PartOfSpeech::Adverb | PartOfSpeech::Preposition)
        })
    }

    /// Whether only titles, names of bodies and adverbs stand between the start of the clause
    /// and `start` (香港大學校長陳大文, 特首陳大文, ▲陳大文).
    fn opens_clause(&self, start: usize, sentence: Span, anchors: &[Anchor]) -> bool {
        let clause =
            self.text().clauses(sentence).into_iter().find(|c| c.start <= start && start < c.end.max(c.start + 1));
        let mut pos = clause.map_or(sentence.start, |c| c.start);
        while pos < start {
            if let Some(x) = anchors.iter().find(|x| x.span.start == pos && x.span.end <= start) {
                pos = x.span.end;
            } else if let Some(w) = self.words.starting_at(pos).iter().find(|w| {
                w.span.end <= start
                    && self.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Title(_)))
            }) {
                pos = w.span.end;
            } else if self
                .folded_char(pos)
                .is_some_and(|c| self.class(Role::Adverb).has_char(c) || c.is_whitespace() || !c.is_alphanumeric())
            {
                pos += 1;
            } else {
                return false;
            }
        }
        true
    }

    /// An outlet's report followed by what it reported (《甲報》報道，…; 甲台周一報道：…;
    /// 據甲社報道，…; 甲會發表聲明，…): the outlet speaks through the report word
    /// ([`Role::Report`]) though no verb of saying follows it — annotators attribute what a report
    /// says to its outlet, and the reported speech goes on over the next sentences as any does.
    /// The outlet is the organisation written right before the word or a few characters before it
    /// ([`Analysis::outlet_of_report`]), not in object position (向甲會報告，); no act of the
    /// sentence may have its verb there already. One look per character of the sentence.
    fn report_acts(&self, sentence: Span, anchors: &[Anchor], acts: &[SpeechAct]) -> Vec<SpeechAct> {
        let report = self.class(Role::Report);
        let mut out = Vec::new();
        for pos in sentence.start..sentence.end {
            if !self.folded_char(pos).is_some_and(|c| report.may_start_with(c)) {
                continue;
            }
            let Some(word) = self.class_word_at(Role::Report, pos) else { continue };
            if word.end > sentence.end
                || !self.folded_char(word.end).is_some_and(|c| matches!(c, '，' | ',' | '：' | ':'))
                || acts.iter().chain(&out).any(|act| act.verb.overlaps(word))
            {
                continue;
            }
            let Some((id, outlet)) = self.outlet_of_report(word) else { continue };
            let object = anchors.iter().any(|x| x.object && x.span.overlaps(outlet));
            if outlet.start >= sentence.start && !object && self.is_report_gap(Span::new(outlet.end, word.start), false)
            {
                let anchor = Anchor { span: outlet, speaker: Some(id), kind: AnchorKind::Organization, object: false };
                out.push(SpeechAct { anchor, verb: word, turn: false });
            }
        }
        out
    }

    /// Whether a one-character verb opening a later clause takes what was said without a pause
    /// (陳大文昨日開記者會，稱早前已投訴; …解釋有關觀點，指處長屬僱員): it begins no longer
    /// word of the general lexicon (指導, 稱讚, 指數 are other words, [`Self::speaks_unpaused`])
    /// and something follows it in its clause. Past adverbs only (the caller's `pos`).
    fn clause_verb_speaks_unpaused(&self, verb: Span, clause: Span) -> bool {
        self.speaks_unpaused(verb) && verb.end < clause.end && !self.says_nothing_after(verb)
    }

    /// A body that issued a statement, release or report in an earlier clause and so speaks
    /// through a verb opening a later one (某會周一發出新聞稿，呼籲…; 某基金發布報告，指…): it
    /// opens its clause (past titles, names and adverbs), no person is named before `clause`, a
    /// verb of issuing ([`Role::IssuingVerb`]) stands between it and `clause` — without one the
    /// body is often not who speaks (某署收到查詢，指…: the one who asked) — and no verb of
    /// saying does (某會表示，… is found as it is).
    fn body_opening_sentence<'x>(&self, sentence: Span, anchors: &'x [Anchor], clause: Span) -> Option<&'x Anchor> {
        let body = anchors.iter().find(|x| !x.object && x.span.end <= clause.start)?;
        let person_before = anchors.iter().any(|x| x.kind != AnchorKind::Organization && x.span.start < clause.start);
        (body.kind == AnchorKind::Organization
            && !person_before
            && self.opens_clause(body.span.start, sentence, anchors)
            && self.class(Role::IssuingVerb).occurs_in(self.folded(Span::new(body.span.end, clause.start)))
            && !(body.span.end..clause.start).any(|p| self.someone_speaks_at(p)))
        .then_some(body)
    }

    /// Verbs that open a later clause of the sentence and continue its subject (…，認為…).
    fn clause_initial_acts(&self, sentence: Span, anchors: &[Anchor], acts: &[SpeechAct]) -> Vec<SpeechAct> {
        let mut out = Vec::new();
        for clause in self.text().clauses(sentence).into_iter().skip(1) {
            let mut pos = clause.start;
            while pos < clause.end
                && self.folded_char(pos).is_some_and(|c| self.class(Role::Adverb).has_char(c) || c.is_whitespace())
            {
                pos += 1;
            }
            let Some((verb, needs_pause)) = self.speech_verb_at(pos) else {
                continue;
            };
            let unpaused = needs_pause && !self.pause_at(verb.end);
            if acts.iter().any(|act| act.verb.overlaps(verb))
                || (unpaused && !self.clause_verb_speaks_unpaused(verb, clause))
            {
                continue;
            }
            // Someone who spoke earlier in the sentence goes on speaking (陳大文表示，不同意，
            // 指…): the verb is theirs, and their statement already holds the sentence — not
            // a statement of a person named before them or inside what they said.
            if acts.iter().chain(&out).any(|act| act.verb.end <= clause.start) {
                continue;
            }
            // The sentence's subject: its first person (or pronoun) not in object position, or a
            // body that opens the sentence (某會周一發出新聞稿，呼籲…).
            let subject = anchors
                .iter()
                .find(|x| !x.object && x.kind != AnchorKind::Organization && x.span.end <= clause.start)
                .or_else(|| self.body_opening_sentence(sentence, anchors, clause));
            // Without a pause the subject must be plainly the sentence's: opening its clause and
            // no possessor (某議員所屬的總會發聲明，指…; 辯方質疑警員某某…，指…).
            let subject = subject.filter(|x| {
                !unpaused
                    || (self.opens_clause(x.span.start, sentence, anchors)
                        && !self.folded_char(x.span.end).is_some_and(|c| matches!(c, '的' | '所')))
            });
            if let Some(anchor) = subject {
                out.push(SpeechAct { anchor: *anchor, verb, turn: false });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind::{Organization, Person};

    /// (speaker's first full name or `?`, verb, text) of each statement, the named entities given.
    pub(super) fn statements(text: &str, names: &[(&str, crate::model::EntityKind)]) -> Vec<(String, String, String)> {
        let mut a = analysis_with(text, None, names);
        Statements.run(&mut a);
        a.statements
            .iter()
            .map(|s| {
                let who = s.speaker.map_or_else(
                    || "?".to_owned(),
                    |id| a.entities.get(id).full_names.keys().next().cloned().unwrap_or_default(),
                );
                (who, s.verb.clone(), s.text.clone())
            })
            .collect()
    }

    #[test]
    fn a_named_speaker_and_verb_make_a_statement_in_both_scripts() {
        for (text, name, verb) in [
            ("陳大文表示，政府會推出新計劃。", "陳大文", "表示"),
            ("陈大文表示，政府会推出新计划。", "陈大文", "表示"),
            ("陳大文致辭時表示，香港會繼續發展。", "陳大文", "致辭時表示"),
            ("陈大文又强调：“合作是关键。”", "陈大文", "又强调"),
        ] {
            let got = statements(text, &[(name, Person)]);
            assert_eq!(got, vec![(name.to_owned(), verb.to_owned(), text.to_owned())], "{text}");
        }
    }

    #[test]
    fn a_frame_may_stand_between_speaker_and_verb() {
        for text in [
            "林小明在論壇上致辭中表示，合作帶來機遇。",
            "林小明教授在主題演講中認為，大學要走進社會。",
            "林小明在回答記者關於房屋政策的提問時表示，供應會增加。",
            "林小明日前在北京參加活動時對本報記者說，前景令人鼓舞。",
            "林小明在介紹新措施時表示，申請會在下月開始。",
        ] {
            let got = statements(text, &[("林小明", Person)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, "林小明");
        }
        let got = statements("林小明在介紹新措施時表示，申請會在下月開始。", &[("林小明", Person)]);
        assert_eq!(got[0].1, "表示", "the speech verb inside the frame is not the act's verb");
    }

    #[test]
    fn written_statements_replies_and_court_submissions_are_statements_in_both_scripts() {
        for (text, name, kind, verb) in [
            ("大眾協會發聲明指，活動會如期舉行。", "大眾協會", Organization, "發聲明指"),
            ("大众协会发表声明称，活动会如期举行。", "大众协会", Organization, "發表聲明稱"),
            ("環境署回覆指，項目仍在研究。", "環境署", Organization, "回覆指"),
            ("环境署回复称，项目仍在研究。", "环境署", Organization, "回復稱"),
            ("林小明在網上發文指，政策需要檢討。", "林小明", Person, "發文指"),
            ("林小明撰文称，政策需要检讨。", "林小明", Person, "撰文稱"),
            ("大眾協會譴責有人破壞公物。", "大眾協會", Organization, "譴責"),
            ("大众协会赞扬义工的付出。", "大众协会", Organization, "讚揚"),
            ("證人林小明作供時表示，當晚天色很暗。", "林小明", Person, "作供時表示"),
        ] {
            let got = statements(text, &[(name, kind)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, name, "{text}");
            assert_eq!(crate::normalize::fold(&got[0].1), crate::normalize::fold(verb), "{text}");
            assert_eq!(got[0].2, text);
        }
        // A reply the body has not given, or a frame about a reply, is no new verb's statement.
        let got = statements("環境署回覆查詢時表示，項目仍在研究。", &[("環境署", Organization)]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "表示");
    }

    #[test]
    fn the_court_parties_speak_through_their_submissions() {
        for (text, verb) in [
            ("案件今日審結。控方總結指，被告早有預謀。", "總結指"),
            ("案件今日审结。辩方陈词指，被告只是路过。", "陳詞指"),
        ] {
            let got = statements(text, &[]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(crate::normalize::fold(&got[0].1), crate::normalize::fold(verb), "{text}");
        }
    }

    #[test]
    fn a_body_named_by_its_role_speaks_through_a_frame_or_a_spokesman() {
        for text in [
            "事件中無人受傷。警方在今日的記者會上表示，正調查起火原因。",
            "事件中无人受伤。警方在今日的记者会上表示，正调查起火原因。",
            "事件中無人受傷。警方發言人表示，正調查起火原因。",
            "事件中无人受伤。警方发言人表示，正调查起火原因。",
        ] {
            let got = statements(text, &[]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, "警方", "{text}");
        }
        // The frame must end before a speech verb followed by a pause: not a clause about the police.
        let got = statements("警方在現場拘捕兩人表示不滿的市民。", &[]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_later_clause_may_carry_the_verb() {
        let text = "里斯本大學教授馬文在下午發表演講時，以歐洲的經驗為例，認為澳門有條件擔當橋樑。";
        let got = statements(text, &[("馬文", Person), ("里斯本大學", Organization)]);
        assert_eq!(got, vec![("馬文".to_owned(), "認為".to_owned(), text.to_owned())]);
    }

    #[test]
    fn a_pronoun_continues_the_previous_speaker() {
        let text = "何志強表示，計劃會如期推行。他強調，政府會全力支持。";
        let got = statements(text, &[("何志強", Person)]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], ("何志強".to_owned(), "強調".to_owned(), "他強調，政府會全力支持。".to_owned()));
        let text = "何志强表示，计划会如期推行。她又指，政府会全力支持。";
        let got = statements(text, &[("何志强", Person)]);
        assert_eq!(got[1].0, "何志强");
        assert_eq!(got[1].1, "指");
    }

    #[test]
    fn a_pronoun_goes_back_past_a_photographers_credit() {
        let text = "何志強表示，計劃會如期推行。\n何志強在會上發言。區志明攝\n他強調，政府會全力支持。";
        let got = statements(text, &[("何志強", Person), ("區志明", Person)]);
        assert_eq!(got.last().map(|s| s.0.as_str()), Some("何志強"));
        let text = "何志强表示，计划会如期推行。\n何志强在会上发言。区志明摄\n她强调，政府会全力支持。";
        let got = statements(text, &[("何志强", Person), ("区志明", Person)]);
        assert_eq!(got.last().map(|s| s.0.as_str()), Some("何志强"));
    }

    #[test]
    fn a_pronoun_goes_back_past_a_quotation_naming_someone_else() {
        let text = "何志強今日出席活動。「李美玲當年也想這樣做，可惜未能成事。」他說。";
        let got = statements(text, &[("何志強", Person), ("李美玲", Person)]);
        assert_eq!(got.last().map(|s| (s.0.as_str(), s.1.as_str())), Some(("何志強", "說")));
        let text = "何志强今日出席活动。“李美玲当年也想这样做，可惜未能成事。”他说。";
        let got = statements(text, &[("何志强", Person), ("李美玲", Person)]);
        assert_eq!(got.last().map(|s| (s.0.as_str(), s.1.as_str())), Some(("何志强", "说")));
        // A name in quotation marks is the person themself.
        let text = "何志強今日出席活動。「李美玲」則缺席，她表示，身體不適。";
        let got = statements(text, &[("何志強", Person), ("李美玲", Person)]);
        assert_eq!(got.last().map(|s| s.0.as_str()), Some("李美玲"));
    }

    #[test]
    fn a_pronoun_goes_back_past_a_question_clause_inside_its_sentence() {
        let text = "何志強今日在記者會上，被問到李美玲會否參選，他回應指，仍未有決定。";
        let got = statements(text, &[("何志強", Person), ("李美玲", Person)]);
        assert_eq!(got.last().map(|s| s.0.as_str()), Some("何志強"));
        let text = "何志强今日在记者会上，被问到李美玲会否参选，他回应指，仍未有决定。";
        let got = statements(text, &[("何志强", Person), ("李美玲", Person)]);
        assert_eq!(got.last().map(|s| s.0.as_str()), Some("何志强"));
    }

    #[test]
    fn a_pronoun_after_a_name_inside_what_was_said_continues_the_speaker() {
        for (text, speaker, other) in [
            ("何志強表示，李美玲的方案可行。他又指，政府會支持。", "何志強", "李美玲"),
            ("何志强表示，李美玲的方案可行。她又指，政府会支持。", "何志强", "李美玲"),
        ] {
            let got = statements(text, &[(speaker, Person), (other, Person)]);
            assert_eq!(got.len(), 2, "{got:?}");
            assert_eq!(got[1].0, speaker, "{text}");
        }
        // A person named outside what was said is the one the pronoun continues.
        let text = "何志強表示，方案可行。李美玲今年退休。她指，政府會支持。";
        let got = statements(text, &[("何志強", Person), ("李美玲", Person)]);
        assert_eq!(got[1].0, "李美玲");
    }

    #[test]
    fn a_pronoun_after_a_bodys_spokesman_continues_the_body() {
        for (text, body, other) in [
            ("外交部發言人表示，李美玲已經獲釋。他強調，事件已處理。", "外交部", "李美玲"),
            ("外交部发言人表示，李美玲已经获释。他强调，事件已处理。", "外交部", "李美玲"),
        ] {
            let got = statements(text, &[(body, Organization), (other, Person)]);
            assert_eq!(got.len(), 2, "{got:?}");
            assert_eq!(got[1].0, body, "{text}");
        }
    }

    #[test]
    fn a_quote_before_its_attribution_is_kept_whole() {
        let text = "會上氣氛熱烈。「市場的大門始終敞開。歡迎各地企業。」張副部長說。";
        let mut a = analysis_with(text, None, &[("張副部長", Person)]);
        Statements.run(&mut a);
        assert_eq!(a.statements.len(), 1);
        let s = &a.statements[0];
        assert_eq!(s.text, "「市場的大門始終敞開。歡迎各地企業。」張副部長說。");
        assert_eq!(s.quote.as_deref(), Some("市場的大門始終敞開。歡迎各地企業。"));
        let text = "“市场的大门始终敞开，欢迎各地企业。”张副部长说。";
        let mut a = analysis_with(text, None, &[("张副部长", Person)]);
        Statements.run(&mut a);
        assert_eq!(a.statements[0].text, text);
        assert_eq!(a.statements[0].quote.as_deref(), Some("市场的大门始终敞开，欢迎各地企业。"));
    }

    #[test]
    fn a_quote_before_an_attribution_that_goes_on_is_kept() {
        for (text, name) in [
            ("陳局長致辭。「創新不是口號，而是行動。」他說，資助計劃將於明年推出。", "陳局長"),
            ("陈局长致辞。“创新不是口号，而是行动。”他说，资助计划将于明年推出。", "陈局长"),
        ] {
            let mut a = analysis_with(text, None, &[(name, Person)]);
            Statements.run(&mut a);
            let s = a.statements.last().expect("a statement");
            assert!(s.text.contains("而是行動") || s.text.contains("而是行动"), "{}", s.text);
            assert!(s.text.contains("資助計劃") || s.text.contains("资助计划"), "{}", s.text);
        }
    }

    #[test]
    fn a_quote_opening_later_in_the_sentence_is_kept_whole() {
        for (text, name, kept) in [
            (
                "學者何志明認為，當局想確立新方向，「這是一個工具。他對歷史的重視也和這有關。」會議隨後結束。",
                "何志明",
                "學者何志明認為，當局想確立新方向，「這是一個工具。他對歷史的重視也和這有關。」",
            ),
            (
                "学者何志明认为，当局想确立新方向，“这是一个工具。他对历史的重视也和这有关。”会议随后结束。",
                "何志明",
                "学者何志明认为，当局想确立新方向，“这是一个工具。他对历史的重视也和这有关。”",
            ),
        ] {
            let got = statements(text, &[(name, Person)]);
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(got[0].2, kept, "{text}");
        }
        // Up to the closing mark: not into a sentence the splitter did not end there.
        let text = "何志明說，他不後悔，「我沒有錯。我做錯什麼了? 」不過，李小華其後刪除了報道。";
        let got = statements(text, &[("何志明", Person), ("李小華", Person)]);
        assert_eq!(got[0].2, "何志明說，他不後悔，「我沒有錯。我做錯什麼了? 」", "{got:?}");
        // Not into the quotation of someone who speaks after in the sentence.
        let text = "何志明答：「聽得到」，李小華隨即質疑：「這麼遠？不可能。」";
        let got = statements(text, &[("何志明", Person), ("李小華", Person)]);
        let he = got.iter().find(|s| s.0 == "何志明").expect("a statement");
        assert!(!he.2.contains("不可能"), "{got:?}");
    }

    #[test]
    fn a_quote_split_by_its_attribution_is_kept_whole() {
        for (text, name, first) in [
            ("市場波動。「資金不會起大作用。」分析師江志明表示，「但會穩定信心。」", "江志明", "不會起大作用"),
            ("市场波动。“资金不会起大作用。”分析师江志明表示，“但会稳定信心。”", "江志明", "不会起大作用"),
            ("市場波動。「名字不重要。」江志明表示，「買低點才重要。」", "江志明", "名字不重要"),
        ] {
            let got = statements(text, &[(name, Person)]);
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(got[0].2.contains(first) && got[0].2.ends_with('」') || got[0].2.ends_with('”'), "{got:?}");
            assert!(got[0].2.contains(first), "{text}: {got:?}");
        }
        // Not when the attribution comes after a clause of someone else.
        let got = statements("「沒事的。」記者問江志明，他笑說：「是啊。」", &[("江志明", Person)]);
        assert!(got.iter().all(|s| !s.2.contains("沒事")), "{got:?}");
        // The quotation before belongs to someone who spoke there.
        let got = statements(
            "何大偉說：「工程會延誤。」江志明表示，「費用會上升。」",
            &[("何大偉", Person), ("江志明", Person)],
        );
        let jiang = got.iter().find(|s| s.0 == "江志明").expect("a statement");
        assert!(!jiang.2.contains("延誤"), "{got:?}");
    }

    #[test]
    fn a_quote_after_the_verb_runs_over_sentences() {
        let text = "王小玲強調：「第一句。第二句。」隨後離開。";
        let mut a = analysis_with(text, None, &[("王小玲", Person)]);
        Statements.run(&mut a);
        assert_eq!(a.statements.len(), 1);
        assert_eq!(a.statements[0].text, "王小玲強調：「第一句。第二句。」");
        assert_eq!(a.statements[0].quote.as_deref(), Some("第一句。第二句。"));
    }

    #[test]
    fn a_caption_is_a_statement() {
        let got = statements("▲周志成表示，要加快發展。", &[("周志成", Person)]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, "▲周志成表示，要加快發展。");
    }

    #[test]
    fn an_organisation_speaks_only_through_its_own_verb() {
        let got = statements("外交部發言人表示，有關報道不實。", &[("外交部", Organization)]);
        assert_eq!(got.len(), 1);
        let got = statements("外交部在會上向各國介紹的情況表示，各方關注。", &[("外交部", Organization)]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_body_opening_its_clause_speaks_through_a_verb_that_takes_what_was_said() {
        for (text, body, verb) in [
            ("水務署認為沒有機會讓居民回應，事件已處理。", "水務署", "認為"),
            ("水务署呼吁市民节约用水。", "水务署", "呼吁"),
            ("停水期間，水務署亦宣布延長熱線服務時間。", "水務署", "宣布"),
            ("水务署又强调供水安全不受影响。", "水务署", "又强调"),
        ] {
            let got = statements(text, &[(body, Organization)]);
            assert_eq!(got, vec![(body.to_owned(), verb.to_owned(), text.to_owned())], "{text}");
        }
        // Not at the head of its clause, after someone who spoke, or after a count.
        for text in [
            "何美儀認為，水務署希望拖延工程。",
            "何美仪坚称，水务署希望拖延工程。",
            "居民不滿水務署希望拖延工程。",
            "水务署三项建议获接纳。",
        ] {
            let got = statements(text, &[("水務署", Organization), ("水务署", Organization), ("何美儀", Person)]);
            assert!(got.iter().all(|s| s.0 != "水務署" && s.0 != "水务署"), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_body_opening_its_clause_speaks_through_a_frame() {
        for (text, body, verb) in [
            ("水務署昨日表示，供水已經恢復。", "水務署", "表示"),
            ("水务署发表声明表示，供水已经恢复。", "水务署", "表示"),
            ("水務署回覆本報查詢時指，供水已經恢復。", "水務署", "指"),
            ("水务署在声明中说，供水已经恢复。", "水务署", "说"),
            ("水務署回覆指，供水已經恢復。", "水務署", "回覆指"),
        ] {
            let got = statements(text, &[(body, Organization)]);
            assert_eq!(got, vec![(body.to_owned(), verb.to_owned(), text.to_owned())], "{text}");
        }
        // A body inside a person's frame does not speak (its staff do speak for it: see
        // the_staff_of_a_body_speak_for_it).
        for text in [
            "水务署已经作出了回应，事件已处理。",
            "水務署作出回應，事件已處理。",
            "水務署至今未有回應。",
            "水务署引述工程师称，供水已经恢复。",
            "水務署被團體批評，反應太慢。",
            "水务署黄大文表示，供水已经恢复。",
            "何美儀認為，水務署應該向公眾解釋，為何供水中斷。",
        ] {
            let got = statements(text, &[("水務署", Organization), ("水务署", Organization)]);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
        for (text, person, body) in [
            ("何美儀在水務署會議上表示，供水已經恢復。", "何美儀", "水務署"),
            ("何美仪在水务署会议上表示，供水已经恢复。", "何美仪", "水务署"),
        ] {
            let got = statements(text, &[(person, Person), (body, Organization)]);
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(got[0].0, person, "{text}");
        }
    }

    #[test]
    fn a_body_after_a_locative_preposition_is_where_the_person_spoke() {
        for (text, person, body) in [
            ("議員周志成在晨光網表示，政府會跟進。", "周志成", "晨光網"),
            ("议员周志成在晨光网表示，政府会跟进。", "周志成", "晨光网"),
            ("周志成則在晨光網回應：「多謝支持。」", "周志成", "晨光網"),
        ] {
            let got = statements(text, &[(person, Person), (body, Organization)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, person, "{text}");
        }
        // 在 ending a longer word (現在) is no preposition: the body after it speaks.
        let got = statements("現在晨光公司表示，會跟進。", &[("晨光公司", Organization)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "晨光公司");
    }

    #[test]
    fn a_gloss_in_brackets_after_the_name_stands_before_the_verb() {
        for (text, name, kind) in [
            ("項目統籌懷亞（Kate Wyer）表示，道路不通。", "懷亞", Person),
            ("项目统筹怀亚（Kate Wyer）表示，道路不通。", "怀亚", Person),
            ("協會主席蔡美華(Mabel)認為不能怪市民。", "蔡美華", Person),
            ("晨光調查局（NIB）回覆稱，會研究個案。", "晨光調查局", Organization),
        ] {
            let got = statements(text, &[(name, kind)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, name, "{text}");
        }
        // A bracket that holds a pause or is no gloss of the name leaves the verb unattached.
        let got = statements("懷亞（統籌，去年上任）表示，道路不通。", &[("懷亞", Person)]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_body_opening_its_sentence_speaks_through_a_verb_opening_a_later_clause() {
        for (text, body, verb) in [
            ("丁委員會周一發出新聞稿，呼籲當局盡快改革。", "丁委員會", "呼籲"),
            ("丁委员会周一发出新闻稿，呼吁当局尽快改革。", "丁委员会", "呼吁"),
            ("丁委員會昨日發表報告，強調會繼續監察。", "丁委員會", "強調"),
        ] {
            let got = statements(text, &[(body, Organization)]);
            assert_eq!(got, vec![(body.to_owned(), verb.to_owned(), text.to_owned())], "{text}");
        }
        // Not a body after someone named, nor one that is not the sentence's subject.
        for text in [
            "何美儀與丁委員會發表報告，強調會繼續監察。",
            "市民不滿丁委員會的做法，呼籲當局改革。",
            "丁委員會收到市民查詢，指服務太慢。",
        ] {
            let got = statements(text, &[("丁委員會", Organization), ("何美儀", Person)]);
            assert!(got.iter().all(|s| s.0 != "丁委員會"), "{text}: {got:?}");
        }
    }

    #[test]
    fn what_is_not_speech_is_not_a_statement() {
        for text in [
            "陳大文指導工作，並視察設施。",
            "陳大文介紹有關情況並答記者問。",
            "陳大文分享四點倡議。",
            "陳大文的助手表示，行程有變。",
            "記者向陳大文表示祝賀。",
            "他們表示，會繼續努力。",
            "陈大文出席开幕式并致辞。",
        ] {
            let got = statements(text, &[("陳大文", Person), ("陈大文", Person)]);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn reported_speech_carries_on_over_the_next_sentences_of_its_paragraph() {
        for (text, name, last) in [
            ("鄭美玲表示，新校舍明年落成。學位會增加三成。學生不用再跨區上學。", "鄭美玲", "跨區上學"),
            ("郑美玲表示，新校舍明年落成。学位会增加三成。学生不用再跨区上学。", "郑美玲", "跨区上学"),
        ] {
            let got = statements(text, &[(name, Person)]);
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(got[0].2.ends_with(&format!("{last}。")), "{got:?}");
        }
    }

    #[test]
    fn reported_speech_stops_at_a_new_person_a_quote_a_new_paragraph_or_another_speaker() {
        for (text, kept) in [
            ("鄭美玲表示，校舍明年落成。何大偉則在會上發言。", "鄭美玲表示，校舍明年落成。"),
            ("郑美玲表示，校舍明年落成。他又指，学位会增加。", "郑美玲表示，校舍明年落成。"),
            ("鄭美玲表示，校舍明年落成。「學位會增加。」何大偉說。", "鄭美玲表示，校舍明年落成。"),
            ("郑美玲表示，校舍明年落成。\n学位会增加。", "郑美玲表示，校舍明年落成。"),
            ("鄭美玲表示，校舍落成。一。二。三。四。", "鄭美玲表示，校舍落成。一。二。三。"),
            ("郑美玲表示，校舍明年落成。记者遂表示，学位会增加。", "郑美玲表示，校舍明年落成。"),
            ("鄭美玲表示，校舍明年落成。資料圖片", "鄭美玲表示，校舍明年落成。"),
        ] {
            let got = statements(text, &[("鄭美玲", Person), ("郑美玲", Person), ("何大偉", Person)]);
            assert_eq!(got[0].2, kept, "{text}");
        }
    }

    #[test]
    fn a_quotation_after_reported_speech_in_its_paragraph_carries_it_on() {
        for (text, name, kept) in [
            ("鄭美玲表示，校舍明年落成。「學位會增加。他們不用跨區。」", "鄭美玲", "他們不用跨區。」"),
            ("郑美玲则指出，校舍明年落成。“学位会增加。他们不用跨区。”", "郑美玲", "他们不用跨区。”"),
            ("鄭美玲表示，校舍明年落成。「學位會增加。」學生會歡迎。", "鄭美玲", "學生會歡迎。"),
        ] {
            let got = statements(text, &[(name, Person)]);
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(got[0].2.ends_with(kept), "{text}: {got:?}");
        }
        // A quotation with its own attribution, or a slogan, is not carried on.
        for (text, kept) in [
            ("鄭美玲表示，校舍明年落成。「學位會增加。」何大偉說。", "鄭美玲表示，校舍明年落成。"),
            ("鄭美玲表示，校舍明年落成。「學位會增加」，何大偉說。", "鄭美玲表示，校舍明年落成。"),
            ("鄭美玲表示，校舍明年落成。「對抗延誤」", "鄭美玲表示，校舍明年落成。"),
        ] {
            let got = statements(text, &[("鄭美玲", Person), ("何大偉", Person)]);
            assert_eq!(got[0].2, kept, "{text}");
        }
    }

    #[test]
    fn a_verb_opening_a_later_clause_after_someone_spoke_is_theirs() {
        for text in [
            "被捕的編導何美儀曾處理專題，郭志明表示，不同意說法，指取得資料亦是違法。",
            "被捕的编导何美仪曾处理专题，郭志明表示，不同意说法，指取得资料亦是违法。",
        ] {
            let got = statements(text, &[("何美儀", Person), ("何美仪", Person), ("郭志明", Person)]);
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(got[0].0, "郭志明", "{text}");
        }
        // Without a pause, a possessor or a person not opening their clause is no subject.
        for text in ["議員何美儀所屬的總會發聲明，指政府應撤回。", "辯方質疑警員何美儀證供不一，指她前後矛盾。"]
        {
            let got = statements(text, &[("何美儀", Person)]);
            assert!(got.iter().all(|s| s.0 != "何美儀"), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_one_character_verb_opening_a_later_clause_takes_what_was_said() {
        for (text, name, verb) in [
            ("程美華昨日開記者會，稱早前已經投訴。", "程美華", "稱"),
            ("程美华昨日开记者会，称早前已经投诉。", "程美华", "称"),
            ("程美華解釋有關觀點，指處長屬政府僱員。", "程美華", "指"),
        ] {
            let got = statements(text, &[(name, Person)]);
            assert_eq!(got, vec![(name.to_owned(), verb.to_owned(), text.to_owned())], "{text}");
        }
        // A longer word that begins with the verb is another word.
        for text in ["程美華昨日開會，指導學生。", "程美華昨日到場，指數上升。", "程美華昨日出賽，稱霸全場。"]
        {
            let got = statements(text, &[("程美華", Person)]);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_body_named_inside_the_frame_does_not_cut_the_speaker_off_their_verb() {
        for (text, org) in [
            ("署長梁家明今日出席立法會會議前會見記者表示，新措施下月實施。", "立法會"),
            ("署长梁家明今日出席立法会会议前会见记者表示，新措施下月实施。", "立法会"),
        ] {
            let got = statements(text, &[("梁家明", Person), (org, Organization)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, "梁家明");
            assert!(got[0].1.ends_with("表示"));
        }
    }

    #[test]
    fn more_verbs_of_saying_attach_a_statement() {
        for (text, verb) in [
            ("周志成批評，有關安排欠缺透明度。", "批評"),
            ("周志成质疑，有关安排欠缺透明度。", "质疑"),
            ("周志成舉例說，去年已有先例。", "舉例說"),
            ("周志成续说，去年已有先例。", "说"),
            ("周志成建議把撥款增加一倍。", "建議"),
            ("周志成估计，成本会上升。", "估计"),
            ("周志成直斥：「安排荒謬。」", "直斥"),
            ("周志成炮轰，有关安排欠缺透明度。", "炮轰"),
            ("周志成笑称，去年已有先例。", "笑称"),
        ] {
            let got = statements(text, &[("周志成", Person)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].1.ends_with(verb), "{text}: {got:?}");
        }
    }

    #[test]
    fn verbs_of_confirming_announcing_and_complaining_attach_a_statement_before_a_pause() {
        for (text, verb) in [
            ("周志成證實，計劃下月推出。", "證實"),
            ("周志成证实：“计划下月推出。”", "证实"),
            ("周志成公布，新增兩宗個案。", "公布"),
            ("周志成抱怨，排隊時間太長。", "抱怨"),
            ("周志成感叹，时代已经不同。", "感叹"),
            ("周志成宣稱有關做法合法。", "宣稱"),
            ("周志成称赞团队表现出色。", "称赞"),
        ] {
            let got = statements(text, &[("周志成", Person)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].1.ends_with(verb), "{text}: {got:?}");
        }
        // Without a pause they take an object, not what was said.
        for text in ["周志成證實了這個說法。", "周志成公布数据。", "周志成公布「青山計劃」，反應熱烈。"]
        {
            let got = statements(text, &[("周志成", Person)]);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_verb_closing_its_sentence_does_not_end_the_speech_before_it() {
        for text in ["周志成表示，計劃會分兩期推行。詳情稍後公布。", "周志成表示，计划会分两期推行。详情稍后公布。"]
        {
            let got = statements(text, &[("周志成", Person)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].2, text, "{text}: {got:?}");
        }
    }

    #[test]
    fn the_staff_of_a_body_speak_for_it() {
        for (text, body) in [
            ("海景酒店職員表示，房間已經訂滿。", "海景酒店"),
            ("水務署員工表示，工作量增加。", "水務署"),
            ("海景酒店工作人员均表示，房间已经订满。", "海景酒店"),
            ("青山局有關負責人表示，新措施下月實施。", "青山局"),
            ("青山局相关负责人介绍，新措施下月实施。", "青山局"),
        ] {
            let got = statements(text, &[(body, Organization)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, body, "{text}: {got:?}");
        }
    }

    #[test]
    fn a_noun_beginning_with_a_one_character_verb_is_no_verb() {
        for text in ["何志明則反駁李官說法有誤。", "何志明则反驳李官说法有误。"] {
            let got = statements(text, &[("何志明", Person), ("李官", Person)]);
            assert!(got.iter().all(|s| s.0 != "李官"), "{text}: {got:?}");
        }
    }

    #[test]
    fn two_speakers_joined_by_a_conjunction_both_speak() {
        for (text, first, second) in [
            ("組員黃小明與李大華都表示會繼續參加比賽。", "黃小明", "李大華"),
            ("组员黄小明和李大华均表示，会继续参加比赛。", "黄小明", "李大华"),
            ("黃小明、李大華均指，比賽很難。", "黃小明", "李大華"),
        ] {
            let got = statements(text, &[(first, Person), (second, Person)]);
            let mut who: Vec<&str> = got.iter().map(|s| s.0.as_str()).collect();
            who.sort_unstable();
            let mut want = vec![first, second];
            want.sort_unstable();
            assert_eq!(who, want, "{text}: {got:?}");
        }
        // A frame after the partner: the first speaks, having met the second.
        let got = statements("黃小明與李大華會面後表示，雙方有共識。", &[("黃小明", Person), ("李大華", Person)]);
        assert_eq!(got.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(), vec!["黃小明"], "{got:?}");
    }

    #[test]
    fn a_counted_noun_of_an_announced_list_is_no_verb() {
        for text in ["周志成提出三點建議，第一，加強合作。", "周志成提出三点建议，第一，加强合作。"]
        {
            let got = statements(text, &[("周志成", Person)]);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_newspaper_named_in_title_marks_speaks_through_the_verb_after_them() {
        for (text, paper, verb) in [
            ("英國《晨光日報》稱，利率可能下調。", "晨光日報", "稱"),
            ("英国《晨光日报》分析称，利率可能下调。", "晨光日报", "分析称"),
            ("《晨光日報》評論說，利率可能下調。", "晨光日報", "評論說"),
        ] {
            let got = statements(text, &[(paper, Organization)]);
            assert_eq!(got, vec![(paper.to_owned(), verb.to_owned(), text.to_owned())], "{text}");
        }
        // 對《…》說, 被《…》指: the paper is spoken to, or quoted as accusing; it does not speak here.
        for text in ["她對《晨光日報》說，行程有變。", "他曾被《晨光日报》指违规。"] {
            let got = statements(text, &[("晨光日報", Organization), ("晨光日报", Organization)]);
            assert!(got.iter().all(|s| !s.0.starts_with("晨光")), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_one_character_verb_right_after_its_speaker_takes_what_was_said_directly() {
        for (text, verb) in [
            ("周志成稱有關做法有助減少輪候時間。", "稱"),
            ("周志成又指政府已經回應訴求。", "指"),
            ("周志成称有关做法有助减少轮候时间。", "称"),
        ] {
            let got = statements(text, &[("周志成", Person)]);
            assert_eq!(got, vec![("周志成".to_owned(), verb.to_owned(), text.to_owned())], "{text}");
        }
        // A longer word that begins with the verb is another verb; a frame needs the pause.
        for text in
            ["周志成稱為團隊的支柱。", "周志成指导工作。", "周志成被指涉嫌違規。", "周志成在會上指有關安排欠妥。"]
        {
            let got = statements(text, &[("周志成", Person)]);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn estimates_and_urges_are_speech() {
        for (text, verb) in [("周志成估算，成本會增加一成。", "估算"), ("周志成促请当局尽快交代。", "促请")]
        {
            let got = statements(text, &[("周志成", Person)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, verb);
        }
    }

    #[test]
    fn a_person_named_again_where_nothing_marked_the_name_can_speak() {
        for (text, name) in [
            ("韋志遠出席簽約儀式。韋志遠周四表示，合作會擴大。", "韋志遠"),
            ("韦志远出席签约仪式。韦志远周四表示，合作会扩大。", "韦志远"),
        ] {
            let mut a = analysis_with(text, None, &[(name, Person)]);
            let id = a.entities.ids().find(|&i| a.entities.kind(i) == Person);
            // The recognisers left the second name unmarked.
            let byte = a.text().folded().rfind(&crate::normalize::fold(name)).expect("name");
            let start = a.text().char_at_folded_byte(byte);
            a.entities.remove_mention(Span::new(start, start + 3));
            Statements.run(&mut a);
            assert_eq!(a.statements.len(), 1, "{text}");
            assert!(id.is_some());
            assert_eq!(a.statements[0].speaker, id);
            assert_eq!(a.statements[0].verb, "表示");
        }
    }

    #[test]
    fn a_colon_and_a_quote_after_a_clause_of_the_speaker_make_a_statement() {
        for (text, name) in [
            ("香港大學教授陳大文對前景很有信心：「市場會回暖。」", "陳大文"),
            ("香港大学教授陈大文对前景很有信心：“市场会回暖。”", "陈大文"),
            ("陳大文看完展覽，深受觸動：「很有啟發。」", "陳大文"),
            ("陳大文亦同意這種說法：「事實如此。」", "陳大文"),
            ("陈大文亦同意这种说法：“事实如此。”", "陈大文"),
        ] {
            let got = statements(text, &[(name, Person), ("香港大學", Organization), ("香港大学", Organization)]);
            assert_eq!(got, vec![(name.to_owned(), "：".to_owned(), text.to_owned())], "{text}");
        }
        for text in [
            "記者問陳大文：「會否參選？」",
            "陳大文離開後，一名學生說：「很可惜。」",
            "陳大文的同事回憶：「他很勤力。」",
        ] {
            let got = statements(text, &[("陳大文", Person)]);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_passage_set_as_the_next_paragraph_after_a_colon_is_what_was_said() {
        for (text, said) in [
            ("陳大文指出，法律明文規定：\n\n它們不可以這樣做。這是違法的。\n\n另一段。", "這是違法的"),
            ("陈大文相信新政策影响深远：\n\n“这是最严峻的环境。”\n\n另一段。", "最严峻"),
        ] {
            let got = statements(text, &[("陳大文", Person), ("陈大文", Person)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].2.contains(said), "{got:?}");
            assert!(!got[0].2.contains("另一段"), "{got:?}");
        }
    }

    #[test]
    fn two_speakers_in_one_sentence_make_two_statements() {
        let got = statements("陳大文表示歡迎，李小華則指出，仍需努力。", &[("陳大文", Person), ("李小華", Person)]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "李小華");
    }

    #[test]
    fn an_outlet_speaks_through_its_report_before_a_pause() {
        for (text, outlet) in [
            ("《甲日報》今天報道，乙市將加稅。報道又稱，丙局會跟進。", "甲日報"),
            ("《甲日报》今天报道，乙市将加税。报道又称，丙局会跟进。", "甲日报"),
            ("據甲通訊社報道，乙市將加稅。", "甲通訊社"),
            ("据甲通讯社报道，乙市将加税。", "甲通讯社"),
            ("甲電視台周一報道：乙市將加稅。", "甲電視台"),
        ] {
            let got = statements(text, &[(outlet, Organization)]);
            assert!(!got.is_empty(), "{text}: {got:?}");
            assert!(got.iter().all(|(who, _, _)| who == outlet), "{text}: {got:?}");
            assert!(got.iter().any(|(_, _, said)| said.contains("加")), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_report_that_is_a_noun_of_the_sentence_is_no_attribution() {
        for text in [
            "甲電視台歷年多篇報道，獲頒多個獎項。",
            "甲电视台翻查以往报道，发现问题。",
            "市民不滿向甲電視台報道，認為不公。",
            "市民索取甲電視台報告，稱要核實。",
        ] {
            let got = statements(text, &[("甲電視台", Organization), ("甲电视台", Organization)]);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_statement_or_report_speaks_for_the_body_that_issued_it() {
        for (text, body) in [
            ("丁協會昨日發表聲明，譴責暴力。聲明又指，會員感到憤怒。", "丁協會"),
            ("丁协会昨日发表声明，谴责暴力。声明又指，会员感到愤怒。", "丁协会"),
            ("丁委員會在報告中說，制度有漏洞。\n\n報告建議，當局應修例。", "丁委員會"),
        ] {
            let got = statements(text, &[(body, Organization)]);
            let later =
                got.iter().find(|(_, _, said)| said.contains("會員") || said.contains("会员") || said.contains("修例"));
            assert_eq!(later.map(|(who, _, _)| who.as_str()), Some(body), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_document_the_body_did_not_issue_is_not_its_statement() {
        for text in [
            "甲電視台拆解報告，內容複雜。\n\n報告指，工程有問題。",
            "甲电视台拆解报告，内容复杂。\n\n报告指，工程有问题。",
            "丁協會昨日發表聲明。戊小組今日發聲明。聲明又指，制度失效。",
            "丁协会昨日发表声明。戊小组今日发声明。声明又指，制度失效。",
        ] {
            let got = statements(
                text,
                &[
                    ("甲電視台", Organization),
                    ("甲电视台", Organization),
                    ("丁協會", Organization),
                    ("丁协会", Organization),
                ],
            );
            assert!(
                got.iter()
                    .all(|(_, _, said)| !said.contains("問題") && !said.contains("问题") && !said.contains("失效")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_paragraph_that_is_one_quote_carries_on_the_speaker_before_it() {
        for (text, name) in [
            ("陳大文說：「工程會延誤。」\n\n「費用亦會上升。」\n\n另一段沒有引述。", "陳大文"),
            ("陈大文说：“工程会延误。”\n\n“费用亦会上升。”\n\n另一段没有引述。", "陈大文"),
        ] {
            let got = statements(text, &[(name, Person)]);
            assert_eq!(got.len(), 2, "{text}: {got:?}");
            assert_eq!(got[1].0, name, "{got:?}");
            assert!(got[1].2.contains("上升"), "{got:?}");
        }
        // A quote with its own speaker, a paragraph that does not end with the quote, or a
        // statement that does not reach its paragraph's end: nothing carried on.
        for text in [
            "陳大文說：「工程會延誤。」\n\n「費用亦會上升。」李小華說。",
            "陳大文說：「工程會延誤。」\n\n「費用」一詞有爭議。",
            "陳大文說：「工程會延誤。」市民不滿。\n\n「費用亦會上升。」",
            "陳大文說：「工程會延誤。」\n\n「對抗延誤，爭取賠償」",
        ] {
            let got = statements(text, &[("陳大文", Person), ("李小華", Person)]);
            assert!(got.iter().all(|(who, _, said)| !(who == "陳大文" && said.starts_with('「'))), "{text}: {got:?}");
        }
    }
}
