//! People named in a photo caption by where they stand: 陳志明（左二）與黃美玲（右）握手 — a
//! position mark in brackets (`function_words.tsv`, `caption-position` and `caption-row`: 左, 右,
//! 中, 前排左三) right after two to four characters says they are a person's name.
//!
//! A post in brackets right after two to four characters is the same evidence: 羅大文（發展局
//! 局長）, 羅大文 （ 財政司司長 ） in a table (`person::aside_holds_a_post`: a body and its title,
//! or a whole office).
//!
//! Captions name footballers, visitors and relatives the tagger has never seen, with no title
//! beside them; the mark is the evidence. The name is the longest of the four, three or two
//! characters before the mark that passes every check a name in a list passes
//! ([`super::listed_people::is_listed_name`]: a surname or a transliteration, not a common word,
//! not held by a place or an organisation, no title or verb inside, four characters only in the
//! shapes four-character names take) and opens where a word may open (the text's start, a
//! punctuation mark, or the end of a word of the general lexicon: 總統|, 球員|). Things in a
//! photo (新閘（左）, 記者（右）) are common words and fail.

use crate::analysis::Analysis;
use crate::lexicon::Role;
use crate::lexicon::general::{GeneralLexicon, PartOfSpeech};
use crate::numeral::is_numeral_char;
use crate::span::Span;
use crate::text::{is_cjk, is_close_bracket, is_open_bracket};

use super::listed_people::is_listed_name;
use super::tagged_people::{accept_person, everywhere};

/// Most characters of a name read before a mark: a compound surname and a two-character given
/// name.
const MAX_NAME: usize = 4;

/// Most characters inside the brackets of a mark: a row, a position and an ordinal (前排最左).
const MAX_MARK: usize = 6;

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    let lex = GeneralLexicon::embedded();
    let mut accepted = Vec::new();
    for open in 0..a.chars.len() {
        if !is_open_bracket(a.char_at(open)) {
            continue;
        }
        // 「羅大文 （發展局局長）」 in a table: a space between the name and its post.
        let name_end = if open > 0 && matches!(a.char_at(open - 1), ' ' | '\u{3000}') { open - 1 } else { open };
        let evidence =
            (name_end == open && is_position_mark(a, open)) || super::person::aside_holds_a_post(a, name_end);
        if !evidence {
            continue;
        }
        let Some(name) = name_before(a, lex, name_end) else { continue };
        if let Some(id) = accept_person(a, name) {
            accepted.push((id, name));
        }
    }
    for (id, span) in accepted {
        everywhere(a, id, span);
    }
}

/// Whether the brackets opening at `open` hold a caption position: a row perhaps (前排), a
/// position (左, 右, 中, 最左) and perhaps one ordinal (二): （左二）, （前排右）, （中）.
fn is_position_mark(a: &Analysis<'_>, open: usize) -> bool {
    let Some(close) = (open + 1..=open + MAX_MARK).find(|&q| is_close_bracket(a.char_at(q))) else {
        return false;
    };
    let mut at = open + 1;
    if let Some(row) = a.class_word_at(Role::CaptionRow, at).filter(|w| w.end <= close) {
        at = row.end;
    }
    let Some(position) = a.class_word_at(Role::CaptionPosition, at).filter(|w| w.end <= close) else {
        return false;
    };
    match close - position.end {
        0 => true,
        1 => is_numeral_char(a.char_at(position.end)),
        _ => false,
    }
}

/// The name right before a mark at `open`: the longest of four, three or two ideographs that
/// reads as a name and opens where a word may open.
fn name_before(a: &Analysis<'_>, lex: &GeneralLexicon, open: usize) -> Option<Span> {
    (2..=MAX_NAME.min(open))
        .rev()
        .map(|len| Span::new(open - len, open))
        .filter(|s| a.chars_of(*s).iter().all(|&c| is_cjk(c)))
        .find(|&s| opens_a_word(a, s.start) && !transliteration_runs_on(a, s) && is_listed_name(a, lex, s))
}

/// A transliterated name with a transliteration character before it may be the end of a longer
/// transliteration (a club's name and a player's run together: 車路士巴克利), so where it starts
/// is not known.
fn transliteration_runs_on(a: &Analysis<'_>, span: Span) -> bool {
    span.start > 0
        && !a.lex.is_surname(a.folded(Span::new(span.start, span.start + 1)))
        && a.lex.transliteration.contains(&a.char_at(span.start - 1))
}

/// Whether a word may open at `start`: the text starts there, a character that is no ideograph
/// is before it, a 、 or a conjunction is (與|李明), or a word of the general lexicon (not a
/// name) ends there (總統|普京).
fn opens_a_word(a: &Analysis<'_>, start: usize) -> bool {
    start == 0
        || !is_cjk(a.char_at(start - 1))
        || a.joins_names(a.char_at(start - 1))
        || a.general.words_ending_at(start).any(|w| w.span.len() >= 2 && w.entry.pos != PartOfSpeech::Person)
}

#[cfg(test)]
mod tests {
    use crate::recognize::listed_people::tests::sorted;

    fn people(text: &str) -> Vec<String> {
        crate::recognize::listed_people::tests::people(text, &[])
    }

    #[test]
    fn a_name_before_a_position_mark_is_a_person() {
        for (text, names) in [
            ("\n蒲曉嵐（左二）與邰卓風（右）在會場交談。", &["蒲曉嵐", "邰卓風"][..]),
            ("\n蒲晓岚（左二）与邰卓风（右）在会场交谈。", &["蒲晓岚", "邰卓风"][..]),
            ("\n甘子聰(前排右三)出席。", &["甘子聰"][..]),
            ("\n甘子聪(前排右三)出席。", &["甘子聪"][..]),
        ] {
            assert_eq!(people(text), sorted(names), "{text}");
        }
    }

    #[test]
    fn a_name_before_a_post_in_brackets_is_a_person() {
        for (text, names) in [
            ("\n評論中，蒲曉嵐（發展局局長）的名字最多。", &["蒲曉嵐"][..]),
            ("\n评论中，蒲晓岚（发展局局长）的名字最多。", &["蒲晓岚"][..]),
            ("\n| 邰卓風 （ 財政司司長 ） | 30 |", &["邰卓風"][..]),
            ("\n| 邰卓风 （ 财政司司长 ） | 30 |", &["邰卓风"][..]),
        ] {
            assert_eq!(people(text), sorted(names), "{text}");
        }
        // A pronoun before the post: no person.
        for text in ["\n你（發展局局長）要負責。", "\n你（发展局局长）要负责。"] {
            assert_eq!(people(text), sorted(&[]), "{text}");
        }
        // A bare title of a post or an age in the brackets is no evidence.
        for text in ["\n邰卓風（主席）", "\n邰卓风（32岁）"] {
            let a = crate::analysis::testing::analysis_with(text, None, &[]);
            assert!(!crate::recognize::person::aside_holds_a_post(&a, 4), "{text}");
        }
    }

    #[test]
    fn the_name_opens_after_a_word() {
        for (text, names) in
            [("\n球員蒲曉嵐（中）射入。", &["蒲曉嵐"][..]), ("\n球员蒲晓岚（中）射入。", &["蒲晓岚"][..])]
        {
            assert_eq!(people(text), sorted(names), "{text}");
        }
    }

    #[test]
    fn a_transliteration_run_on_from_another_is_left() {
        for text in ["\n拉巴多斯基利（右）射門。", "\n拉巴多斯基利（右）射门。"] {
            let a = crate::analysis::testing::analysis_with(text, None, &[]);
            let lex = super::GeneralLexicon::embedded();
            assert_eq!(super::name_before(&a, lex, 7), None, "{text}");
        }
    }

    #[test]
    fn things_and_other_brackets_are_no_people() {
        for text in [
            "\n新閘（左）比舊閘（右）更通風，記者（中）在場。",
            "\n新闸（左）比旧闸（右）更通风，记者（中）在场。",
            "\n報告（中國）一文。",
            "\n报告（中国）一文。",
            "\n報告（左派）一文。",
        ] {
            assert_eq!(people(text), sorted(&[]), "{text}");
        }
    }
}
