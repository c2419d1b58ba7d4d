//! Roles of a person or body towards an event, a programme or another body, read around the
//! relation verbs of the table (organising, attending, launching, enacting, restructuring).
//!
//! The table's verbs find their parties in [`super::arguments`]; this module holds the tests of
//! the role verbs and the checks that decide whether a name before a verb can be its subject.

use crate::analysis::Analysis;
use crate::lexicon::Role;
use crate::lexicon::general::PartOfSpeech;
use crate::span::Span;

impl Analysis<'_> {
    /// Whether the character right before `start` (where a verb's parties begin) is a preposition
    /// that makes them a place or an object (在甲市設立, 向乙局提交), not their subject. A
    /// preposition character that ends a longer conjunction opening the clause (由於, 至於, 因為:
    /// 由於甲會明天要出席會議) leaves the subject a subject.
    pub(super) fn preposition_before(&self, start: usize) -> bool {
        let Some(c) = start.checked_sub(1).and_then(|p| self.folded_char(p)) else { return false };
        if !self.class(Role::Preposition).has_char(c) {
            return false;
        }
        !self.general.words_ending_at(start).any(|w| w.span.len() > 1 && w.entry.pos == PartOfSpeech::Conjunction)
    }

    /// Whether the verb at `verb` is an item of a list, a name that reads as a verb (甲醫院、聯合、
    /// 乙醫院: a hospital named 聯合): 、 right before it, and 、 or a conjunction right after it.
    pub(super) fn listed_item(&self, verb: Span) -> bool {
        let before = verb.start.checked_sub(1).and_then(|p| self.folded_char(p));
        let after = self.folded_char(verb.end);
        before == Some('、') && after.is_some_and(|c| c == '、' || self.class(Role::Conjunction).has_char(c))
    }

    /// Whether a preposition opens what follows a verb ending at `end`: the names after it belong
    /// to the prepositional phrase, not to the verb (甲會通過對乙法第3條的解釋: 甲會 passed an
    /// interpretation, not 乙法). A preposition character that begins a longer word (為期,
    /// 對話) is that word.
    pub(super) fn preposition_after(&self, end: usize) -> bool {
        let Some(c) = self.folded_char(end) else { return false };
        self.class(Role::Preposition).has_char(c)
            && self.general.longest_starting_at(end).is_none_or(|w| w.span.len() == 1)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind::{Event, Initiative, Organization, Person, Place};
    use crate::relation::tests::{relations, triple};

    #[test]
    fn a_legislature_enacts_a_law() {
        let names = [("甲議會", Organization), ("乙條例", Initiative)];
        assert_eq!(relations("甲議會昨日通過《乙條例》。", &names), [triple("甲議會", "enacted", "乙條例")]);
        assert_eq!(relations("甲议会去年制定《乙条例》。", &names), [triple("甲議會", "enacted", "乙條例")]);
    }

    #[test]
    fn a_body_publishes_or_launches_a_programme() {
        let names =
            [("甲委員會", Organization), ("乙方案", Initiative), ("丙聯盟", Organization), ("丁行動", Initiative)];
        assert_eq!(relations("甲委員會周五公布「乙方案」。", &names), [triple("甲委員會", "published", "乙方案")]);
        assert_eq!(relations("丙联盟今日发起「丁行动」。", &names), [triple("丙聯盟", "launched", "丁行動")]);
    }

    #[test]
    fn a_body_restructured_into_another() {
        let names =
            [("甲組", Organization), ("乙辦事處", Organization), ("丙局", Organization), ("丁社", Organization)];
        let got = relations("甲組改組成的「乙辦事處」負責此事。", &names);
        assert_eq!(got, [triple("甲組", "relatedTo", "乙辦事處")]);
        let got = relations("丙局的前身是丁社。", &names);
        assert_eq!(got, [triple("丙局", "relatedTo", "丁社")]);
    }

    #[test]
    fn a_name_inside_a_prepositional_phrase_is_no_object() {
        let names = [("甲議會", Organization), ("乙法", Initiative), ("丙社", Organization), ("丁台", Organization)];
        assert_eq!(relations("甲議會通過對《乙法》第3條的解釋。", &names), []);
        assert_eq!(relations("甲议会通过对《乙法》第3条的解释。", &names), []);
        assert_eq!(relations("甲議會通過《乙法》。", &names), [triple("甲議會", "enacted", "乙法")]);
        // An unfinished list before the verb has no subject: 丙社、前身為丁台的戊網.
        assert_eq!(relations("丙社、前身為丁台的戊網。", &names), []);
    }

    #[test]
    fn a_verb_written_as_an_item_of_a_list_relates_nothing() {
        let names = [("甲醫院", Organization), ("乙醫院", Organization), ("丙局", Organization)];
        assert_eq!(relations("丙局啟動機制，傷者送往甲醫院、聯合、乙醫院。", &names), []);
        assert_eq!(relations("丙局启动机制，伤者送往甲医院、联合及乙医院。", &names), []);
        let got = relations("甲醫院聯合乙醫院推出服務。", &names);
        assert!(got.contains(&triple("甲醫院", "partnerOf", "乙醫院")), "{got:?}");
    }

    #[test]
    fn a_conjunction_before_the_subject_is_no_preposition() {
        let names = [("甲某", Person), ("乙會議", Event), ("丙市", Place)];
        assert_eq!(relations("由於甲某明天要出席乙會議，審訊押後。", &names), [triple("甲某", "attended", "乙會議")]);
        assert_eq!(relations("由于甲某明天要出席乙会议，审讯押后。", &names), [triple("甲某", "attended", "乙會議")]);
        // A preposition still makes a place of the name after it.
        assert!(relations("代表團在丙市出席乙會議。", &names).iter().all(|(s, _, _)| s != "丙市"));
    }
}
