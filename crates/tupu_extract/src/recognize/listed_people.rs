//! People named in a list next to people: 出席的有陳志明、黃美玲、李國強等 — once one of them is a
//! person (by a title, a speech verb, or the tagger), each item of the list beside it that reads
//! as a name is a person too, and so on along the list.
//!
//! Lists of attendees, candidates, signatories and defendants name people the tagger has never
//! seen, one after another with nothing but 、 between them; the tagger proposes some and misses
//! others, and no title stands next to most of them. An item is read only between two list marks
//! (a 、, a punctuation mark or a line break on each side; 和/及/等 may close a three-character
//! item), so it is a whole item and never a name cut out of a clause, and it must pass every
//! check a proposal of the tagger passes ([`super::tagged_people::REJECTIONS`]: a surname or a
//! transliteration, not a common word, not held by a place or an organisation, no title or verb
//! inside) except the tagger's margin. Items that are no names (金鐘 is a place, 文化界 a word) fail
//! them; a list of places or companies never starts, since no item of it is a person.

use crate::analysis::Analysis;
use crate::lexicon::Role;
use crate::lexicon::general::GeneralLexicon;
use crate::model::EntityKind;
use crate::span::Span;
use crate::text::is_cjk;

use super::tagged_people::{Proposal, REJECTIONS, accept_person, everywhere, is_transliterated};

/// The list mark between two items.
const LIST_MARK: char = '、';

/// Most characters of an item read as a name: a compound surname and a two-character given name.
const MAX_ITEM: usize = 4;

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    let lex = GeneralLexicon::embedded();
    let mut work: Vec<Span> = a
        .entities
        .all_mentions()
        .into_iter()
        .filter(|&(id, _)| a.entities.kind(id) == EntityKind::Person)
        .map(|(_, span)| span)
        .collect();
    let mut accepted = Vec::new();
    while let Some(person) = work.pop() {
        let neighbours = [item_after(a, person), item_before(a, person)];
        for item in neighbours.into_iter().flatten() {
            if !is_listed_name(a, lex, item) {
                continue;
            }
            if let Some(id) = accept_person(a, item) {
                accepted.push((id, item));
                work.push(item);
            }
        }
    }
    for (id, span) in accepted {
        everywhere(a, id, span);
    }
}

/// Whether an item of a list beside a person is a name: every check of a tagger's proposal but
/// its margin.
pub(super) fn is_listed_name(a: &Analysis<'_>, lex: &GeneralLexicon, item: Span) -> bool {
    let p = Proposal { span: item, margin: f32::MAX };
    !REJECTIONS.iter().any(|(_, rejects)| rejects(a, lex, &p))
        && (item.len() < 4 || reads_as_four_character_name(a, item))
}

/// A four-character item is a name only in the shapes four-character names take: a compound
/// surname (歐陽俊明), two surnames (陳李慧明), a transliteration (基斯杜化). A single surname and
/// three characters more is a name and the next word (陳明宣誓, 左起陳明).
fn reads_as_four_character_name(a: &Analysis<'_>, item: Span) -> bool {
    let chars = a.chars_of(item);
    a.lex.is_surname(a.folded(Span::new(item.start, item.start + 2)))
        || super::person::opens_with_two_surnames(a, chars)
        || is_transliterated(a, item)
}

/// The item after a person's mention, when a 、 (or a conjunction) follows it and the item ends at
/// a list mark: 陳志明、|黃美玲|、.
fn item_after(a: &Analysis<'_>, person: Span) -> Option<Span> {
    let mark = a.char_at(person.end);
    let after_conjunction = a.class(Role::Conjunction).has_char(mark);
    if mark != LIST_MARK && !after_conjunction {
        return None;
    }
    let start = person.end + 1;
    (2..=MAX_ITEM)
        .map(|len| Span::new(start, start + len))
        .take_while(|s| is_cjk(a.char_at(s.end - 1)))
        .find(|s| closes_item(a, s.end, s.len()))
}

/// The item before a person's mention, when a 、 precedes it and the item opens at a list mark:
/// 。|陳志明|、黃美玲.
fn item_before(a: &Analysis<'_>, person: Span) -> Option<Span> {
    let mark = person.start.checked_sub(1)?;
    if a.char_at(mark) != LIST_MARK {
        return None;
    }
    (2..=MAX_ITEM.min(mark))
        .map(|len| Span::new(mark - len, mark))
        .take_while(|s| is_cjk(a.char_at(s.start)))
        .find(|s| opens_item(a, s.start))
}

/// Whether an item of `len` characters ends at `end`: a 、, a punctuation mark or a line break
/// follows; 和/及/與 or 等 may also follow an item of three characters (a surname and a given name
/// of two: 陳志明和 is a name and a conjunction, 陳和 too often a word), and 等 one of two.
fn closes_item(a: &Analysis<'_>, end: usize, len: usize) -> bool {
    let c = a.char_at(end);
    c == LIST_MARK
        || is_list_break(c)
        || (len == 3 && a.class(Role::Conjunction).has_char(c))
        || ((2..=3).contains(&len) && a.class(Role::Etc).has_char(c))
}

/// Whether an item opens at `start`: the text starts there, or a 、, a punctuation mark or a line
/// break is before it.
fn opens_item(a: &Analysis<'_>, start: usize) -> bool {
    start == 0 || {
        let c = a.char_at(start - 1);
        c == LIST_MARK || is_list_break(c)
    }
}

/// A punctuation mark, space or line break (not a letter, digit or ideograph): where a list item
/// may begin or end.
fn is_list_break(c: char) -> bool {
    !is_cjk(c) && !c.is_alphanumeric()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::analysis::testing::analysis_with;

    /// The people found in `text` by the rules, the tagger, the captions and the lists, by label.
    pub(in crate::recognize) fn people(text: &str, given: &[(&str, EntityKind)]) -> Vec<String> {
        let mut a = analysis_with(text, None, given);
        super::super::known::recognise(&mut a);
        super::super::names::recognise(&mut a);
        super::super::person::recognise(&mut a);
        super::super::tagged_people::recognise(&mut a);
        super::super::captioned_people::recognise(&mut a);
        recognise(&mut a);
        let mut found: Vec<String> =
            a.entities.finish(false).0.into_iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.label).collect();
        found.sort();
        found
    }

    pub(in crate::recognize) fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn every_item_of_a_list_beside_a_person() {
        for (text, person, names) in [
            (
                "簽名者包括議員甘子聰、蒲曉嵐、邰卓風、歐陽俊等人。",
                "甘子聰",
                &["甘子聰", "蒲曉嵐", "邰卓風", "歐陽俊"][..],
            ),
            (
                "签名者包括议员甘子聪、蒲晓岚、邰卓风、欧阳俊等人。",
                "甘子聪",
                &["甘子聪", "蒲晓岚", "邰卓风", "欧阳俊"][..],
            ),
        ] {
            assert_eq!(people(text, &[(person, EntityKind::Person)]), sorted(names), "{text}");
        }
    }

    #[test]
    fn the_list_reaches_back_to_its_start_and_over_a_conjunction() {
        for (text, person, names) in [
            ("。蒲曉嵐、甘子聰、邰卓風和莘家駿出席。", "甘子聰", &["甘子聰", "蒲曉嵐", "邰卓風"][..]),
            ("。蒲晓岚、甘子聪、邰卓风和莘家骏出席。", "甘子聪", &["甘子聪", "蒲晓岚", "邰卓风"][..]),
            ("\n蒲曉嵐、甘子聰和邰卓風。", "甘子聰", &["甘子聰", "蒲曉嵐", "邰卓風"][..]),
            ("\n蒲晓岚、甘子聪和邰卓风。", "甘子聪", &["甘子聪", "蒲晓岚", "邰卓风"][..]),
        ] {
            assert_eq!(people(text, &[(person, EntityKind::Person)]), sorted(names), "{text}");
        }
    }

    #[test]
    fn words_places_and_clauses_in_a_list_are_no_people() {
        for (text, person, names) in [
            // 文化界 is a word, 金鐘 a place, 蒲曉嵐宣誓 a name and a verb: no list item (the
            // tagger's proposal 蒲曉嵐, a full Chinese name, is read by `tagged_people`).
            ("來自、文化界、甘子聰、金鐘等地。", "甘子聰", &["甘子聰"][..]),
            ("来自、文化界、甘子聪、金钟等地。", "甘子聪", &["甘子聪"][..]),
            ("，邰卓風、甘子聰及蒲曉嵐宣誓。", "甘子聰", &["甘子聰", "蒲曉嵐", "邰卓風"][..]),
            ("，邰卓风、甘子聪及蒲晓岚宣誓。", "甘子聪", &["甘子聪", "蒲晓岚", "邰卓风"][..]),
        ] {
            assert_eq!(people(text, &[(person, EntityKind::Person)]), sorted(names), "{text}");
        }
    }

    #[test]
    fn a_list_without_a_person_is_not_read() {
        for text in ["範圍包括文化界、體育界、金鐘。", "范围包括文化界、体育界、金钟。"] {
            assert_eq!(people(text, &[]), sorted(&[]), "{text}");
        }
    }
}
