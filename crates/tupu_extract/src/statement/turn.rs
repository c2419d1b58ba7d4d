//! The interview and transcript format: a turn opens a paragraph or a sentence with its speaker
//! and a colon, and what follows is what they said, up to the next turn (陳大文：…, 校長李明：…,
//! 陳：… for the 陳大文 named before, Smith：… for the John Smith named before). The
//! interviewer's turns (問：, 記者：) name no person and end the answer before them.

use super::{Anchor, AnchorKind, PersonIndex, SpeechAct, is_colon};
use crate::analysis::Analysis;
use crate::span::Span;

/// Longest label before a turn's colon (a title and a name: 校長李明; a Latin surname).
const MAX_LABEL: usize = 12;

/// Most sentences of its paragraph that a turn runs over after its first (an answer of an
/// interview runs on for a dozen sentences; the paragraph and the next turn bound it first).
const MAX_TURN: usize = 16;

/// Longest label of a turn that names no person (問, 記者, 主持人, 本報記者): a longer stretch
/// before a colon inside an answer (我的標準有三條：…) is what the speaker says, no new turn.
const MAX_ROLE_LABEL: usize = 4;

impl Analysis<'_> {
    /// The label of a turn that opens `sentence`: the span from its first character to the
    /// colon, when nothing but letters and spaces stand there and the paragraph goes on after
    /// the colon (問：…, 陳大文：…, 日期：… — whether a person speaks is the caller's question).
    pub(super) fn turn_label(&self, sentence: Span, paragraph: Span) -> Option<Span> {
        let mut start = sentence.start;
        while start < sentence.end && self.folded_char(start).is_some_and(char::is_whitespace) {
            start += 1;
        }
        let limit = sentence.end.min(start + MAX_LABEL + 1);
        let colon = (start..limit).find(|&p| self.folded_char(p).is_some_and(is_colon))?;
        let label_char = |c: char| c.is_alphanumeric() || c == ' ' || c == '·' || c == '.';
        let mut end = colon;
        while end > start && self.folded_char(end - 1) == Some(' ') {
            end -= 1;
        }
        let said = (colon + 1..paragraph.end).any(|p| self.folded_char(p).is_some_and(|c| !c.is_whitespace()));
        (end > start && said && (start..end).all(|p| self.folded_char(p).is_some_and(label_char)))
            .then_some(Span::new(start, end))
    }

    /// The speech act of a turn that opens `sentence`: its label names a person — ends with a
    /// mention of them, past titles and names of bodies (香港大學校長陳大文), or is
    /// the surname alone of a person named before (陳), or the last word of a Latin name named
    /// before (Smith). The colon stands for the verb.
    pub(super) fn turn_act(
        &self,
        sentence: Span,
        paragraph: Span,
        anchors: &[Anchor],
        people: &PersonIndex,
    ) -> Option<SpeechAct> {
        let label = self.turn_label(sentence, paragraph)?;
        let colon = (label.end..sentence.end).find(|&p| self.folded_char(p).is_some_and(is_colon))?;
        let verb = Span::new(colon, colon + 1);
        let named = anchors.iter().rev().find(|x| x.span.end == label.end && x.span.start >= label.start);
        if let Some(anchor) = named {
            let opens = self.opens_clause(anchor.span.start, sentence, anchors);
            return (anchor.kind == AnchorKind::Person && !anchor.object && anchor.speaker.is_some() && opens)
                .then_some(SpeechAct { anchor: *anchor, verb, turn: true });
        }
        let text = self.folded(label);
        let speaker = if text.chars().all(|c| c.is_ascii_alphabetic()) {
            people.latin_surname(text)
        } else if label.len() <= 2 && self.lex.is_surname(text) {
            let first = text.chars().next()?;
            people.last_with_surname_before(first, label.start).filter(|&id| {
                self.entities.get(id).full_names.keys().any(|n| crate::normalize::fold(n).starts_with(text))
            })
        } else {
            None
        }?;
        let anchor = Anchor { span: label, speaker: Some(speaker), kind: AnchorKind::Person, object: false };
        Some(SpeechAct { anchor, verb, turn: true })
    }

    /// Whether a new turn opens `sentence`: a label before a colon that is short enough to name
    /// a role (問：, 記者：), is Latin (Q：, Smith：), or ends with a person's name (陳大文：).
    /// A longer label naming nobody (我的選股標準則有三條：, 而股市的國情是：) goes on with the
    /// answer it stands in.
    fn opens_turn(&self, sentence: Span, paragraph: Span) -> bool {
        self.turn_label(sentence, paragraph).is_some_and(|label| {
            label.len() <= MAX_ROLE_LABEL
                || self.chars_of(label).iter().all(|c| c.is_ascii() || c.is_whitespace())
                || self
                    .entities
                    .mentions_ending_at(label.end)
                    .into_iter()
                    .any(|(id, _)| self.entities.kind(id) == crate::model::EntityKind::Person)
        })
    }

    /// Where the turn that sentence `index` opens ends: the later sentences of its paragraph up
    /// to the next turn (of anyone: 問：), at most [`MAX_TURN`] of them.
    pub(super) fn turn_end(&self, index: usize) -> usize {
        let sentences = self.text().sentences();
        let first = sentences[index];
        let paragraph = self.text().paragraphs()[first.paragraph].span;
        let mut end = first.span.end;
        for sentence in sentences.iter().skip(index + 1).take(MAX_TURN) {
            if sentence.paragraph != first.paragraph || self.opens_turn(sentence.span, paragraph) {
                break;
            }
            end = sentence.span.end;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind::Person;

    fn statements(text: &str, names: &[&str]) -> Vec<(String, String)> {
        let people: Vec<_> = names.iter().map(|n| (*n, Person)).collect();
        crate::statement::tests::statements(text, &people).into_iter().map(|(who, _, said)| (who, said)).collect()
    }

    #[test]
    fn a_turn_of_a_named_person_is_a_statement_up_to_the_next_turn() {
        for (text, name, said) in [
            (
                "記者問及新校舍。問：何時落成？陳美華：明年年底。學位會增加三成。問：費用呢？陳美華：由政府負責。",
                "陳美華",
                ["陳美華：明年年底。學位會增加三成。", "陳美華：由政府負責。"],
            ),
            (
                "记者问及新校舍。问：何时落成？陈美华：明年年底。学位会增加三成。问：费用呢？陈美华：由政府负责。",
                "陈美华",
                ["陈美华：明年年底。学位会增加三成。", "陈美华：由政府负责。"],
            ),
        ] {
            let got = statements(text, &[name]);
            let want: Vec<_> = said.iter().map(|s| (name.to_owned(), (*s).to_owned())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_turn_by_surname_or_latin_surname_is_the_person_named_before() {
        for (text, name, said) in [
            ("本報專訪了陳美華。\n\n問：計劃何時開始？\n\n陳：下月。", "陳美華", "陳：下月。"),
            ("本报专访了陈美华。\n\n问：计划何时开始？\n\n陈：下月。", "陈美华", "陈：下月。"),
            ("本報專訪了教授Anna Berg。記者：計劃何時開始？Berg：下月開始。", "Anna Berg", "Berg：下月開始。"),
            ("本報專訪了教授Anna\u{a0}Berg。記者：何時？Berg：下月。", "Anna\u{a0}Berg", "Berg：下月。"),
            ("本报专访了教授Anna Berg。记者：计划何时开始？Berg：下月开始。", "Anna Berg", "Berg：下月开始。"),
        ] {
            assert_eq!(statements(text, &[name]), vec![(name.to_owned(), said.to_owned())], "{text}");
        }
    }

    #[test]
    fn a_title_before_the_name_is_part_of_the_label() {
        for (text, name) in [("校長何思敏：今天的嘉賓是誰？", "何思敏"), ("校长何思敏：今天的嘉宾是谁？", "何思敏")]
        {
            assert_eq!(statements(text, &[name]), vec![(name.to_owned(), text.to_owned())]);
        }
    }

    #[test]
    fn a_colon_inside_an_answer_does_not_end_the_turn() {
        for (text, name, last) in [
            (
                "問：標準是什麼？陳美華：有三點。我的選股標準則有三條：價值、溝通、共識。這是我的理念。問：還有呢？",
                "陳美華",
                "這是我的理念。",
            ),
            (
                "问：标准是什么？陈美华：有三点。我的选股标准则有三条：价值、沟通、共识。这是我的理念。问：还有呢？",
                "陈美华",
                "这是我的理念。",
            ),
        ] {
            let got = statements(text, &[name]);
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(got[0].1.ends_with(last), "{text}: {got:?}");
        }
    }

    #[test]
    fn labels_that_name_no_person_are_no_turn() {
        for text in [
            "日期：下月三日。地點：會展中心。",
            "问：何时开始？答：下月。",
            "陳美華今日表示支持。會上：各方同意。",
            "本報訪問了陳美華。李：下月。",
            "本報訪問了陳美華。陳大文：下月。",
        ] {
            let got = statements(text, &["陳美華"]);
            assert!(got.iter().all(|(_, s)| !s.contains('：')), "{text}: {got:?}");
        }
    }
}
