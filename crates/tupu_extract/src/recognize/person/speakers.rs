//! People named without a title: a name at the start of a clause before a speech verb
//! (「▲陳大文表示，…」, 「陳大文在致辭中指出」), and names with middle dots anywhere (約翰·史密斯).

use crate::analysis::Analysis;
use crate::boundary::{Before, End, end_at, ordinary_word_crosses, word_starts_at};
use crate::lexicon::general::GeneralLexicon;
use crate::lexicon::{Role, WordClass};
use crate::span::Span;
use crate::text::{is_cjk, is_open_bracket};

use super::add_person;
use super::posts::post_after;
use super::read::{opens_with_ordinary_word, read_dotted, read_name};

/// Names with middle dots not yet found: a person when no quotation holds them (a theme such as
/// 「開放·共贏」 has a dot too).
pub(super) fn dotted(a: &mut Analysis<'_>) {
    let dots: Vec<usize> = (0..a.chars.len()).filter(|&p| a.char_at(p) == '·').collect();
    let mut done = 0;
    for dot in dots {
        if dot < done {
            continue;
        }
        // The name's first part: back from the dot to where a name can start (at most 8).
        let Some(start) = (dot.saturating_sub(8).max(done)..dot).find(|&p| {
            is_cjk(a.char_at(p))
                && (p..dot).all(|q| is_cjk(a.char_at(q)))
                && word_starts_at(a, p, &[Before::Boundary, Before::Title, Before::Mention])
        }) else {
            continue;
        };
        let start = transliteration_run_before(a, start, dot);
        if let Some(span) = read_dotted(a, start) {
            if !inside_quotes(a, span) && a.entities.is_free(span) && end_at(a, span.end) >= End::Likely {
                add_person(a, span);
            }
            done = span.end;
        }
    }
}

/// Most characters back from a Latin gloss that its transliteration may start at.
const MAX_GLOSSED: usize = 8;

/// A transliterated name glossed with a person's Latin name in brackets —
/// 「專家韋斯頓（Peter Weston）指出」, 「中場大將米拿（James Miller）」: the gloss (two to four
/// capitalised words, [`latin_person_gloss`]) says the run of transliteration characters before
/// it is a person's name, with or without a title before. The run starts at its longest reading
/// that no ordinary word of the general lexicon crosses or opens (中堅|韋斯頓: 堅 is no part of
/// the name), and that no mention holds (a place the article names).
pub(super) fn glossed(a: &mut Analysis<'_>) {
    let brackets: Vec<usize> = (2..a.chars.len()).filter(|&p| is_open_bracket(a.char_at(p))).collect();
    let mut found = Vec::new();
    for bracket in brackets {
        if !latin_person_gloss(a, bracket + 1) {
            continue;
        }
        let run = (bracket.saturating_sub(MAX_GLOSSED)..bracket)
            .rev()
            .take_while(|&p| {
                a.lex.transliteration.contains(&a.char_at(p)) && !a.class(Role::NotInGivenName).has_char(a.char_at(p))
            })
            .count();
        let name = (bracket - run..bracket.saturating_sub(1)).map(|start| Span::new(start, bracket)).find(|&span| {
            a_word_ends_at(a, span.start)
                && !ordinary_word_crosses(a, span.start)
                && a.entities.is_free(span)
                && !opens_with_ordinary_word(a, span)
        });
        if let Some(name) = name {
            found.push(given_name_before(a, name));
        }
    }
    for name in found {
        if a.entities.is_free(name) {
            add_person(a, name);
        }
    }
}

/// A glossed name with a given name written before it without a dot is the whole name: 保羅 is a
/// transliterated person's name of the general lexicon (its tag `nrt`; its plain person tag `nr`
/// also marks common words, 左翼, 小鎮), so 保羅韋斯頓（Paul Weston） is one name, not 韋斯頓.
fn given_name_before(a: &Analysis<'_>, name: Span) -> Span {
    let lex = GeneralLexicon::embedded();
    let transliterated = lex.tags().id_of(TRANSLITERATED_NAME_TAG);
    a.general
        .words_ending_at(name.start)
        .find(|w| w.span.len() >= 2 && Some(w.entry.tag) == transliterated && a.entities.is_free(w.span))
        .map_or(name, |w| Span::new(w.span.start, name.end))
}

/// The general lexicon's tag of a transliterated person's name (`data/general/tags.tsv`).
const TRANSLITERATED_NAME_TAG: &str = "nrt";

/// Whether a word ends at `pos`, so that a name may start there: the text starts or a character
/// that is no ideograph stands before (、, a bracket), or a word of two characters or more of the
/// general lexicon, a title, a boundary word (由) or a mention ends there (中堅|韋斯頓, 記者|韋斯頓) — not inside a
/// run the table only partly covers (艾殊|利楊格: 殊 is no transliteration character, and the name
/// starts before it).
fn a_word_ends_at(a: &Analysis<'_>, pos: usize) -> bool {
    pos == 0
        || !is_cjk(a.char_at(pos - 1))
        || a.joins_names(a.char_at(pos - 1))
        || a.general.words_ending_at(pos).any(|w| w.span.len() >= 2)
        || a.word_ending_at(pos, |c| matches!(c, WordClass::Title(_) | WordClass::Boundary)).is_some()
        || !a.entities.mentions_ending_at(pos).is_empty()
}

/// Whether a person's name in Latin letters starts at `pos` and closes the bracket: two to four
/// words, each a capital and lower-case letters (or an initial with a dot), one space apart —
/// 「(Peter Weston)」, 「(Jeffrey A. Bader)」; not an acronym (WHO) or a single word.
fn latin_person_gloss(a: &Analysis<'_>, pos: usize) -> bool {
    let mut p = pos;
    let mut words = 0;
    loop {
        if !a.char_at(p).is_ascii_uppercase() {
            return false;
        }
        p += 1;
        if a.char_at(p) == '.' {
            p += 1;
        } else {
            let w = p;
            while a.char_at(p).is_ascii_lowercase() || (p > w && matches!(a.char_at(p), '-' | '\'')) {
                p += 1;
            }
            if p == w {
                return false;
            }
        }
        words += 1;
        if a.char_at(p) == ' ' && words < 4 {
            p += 1;
        } else {
            break;
        }
    }
    (2..=4).contains(&words) && crate::text::is_close_bracket(a.char_at(p))
}

/// Where the first part of a dotted name starts when the characters right before the dot are a
/// run of two or more transliteration characters: at that run, not at an earlier word start
/// (學生維克多·李 → 維克多·李, 校友阿斯特麗德·克萊恩 → 阿斯特麗德·克萊恩). A first part
/// outside the table (頌巴·猜亞蓬) keeps `start`.
fn transliteration_run_before(a: &Analysis<'_>, start: usize, dot: usize) -> usize {
    let run = (start..dot).rev().take_while(|&p| a.lex.transliteration.contains(&a.char_at(p))).count();
    if run >= 2 { dot - run } else { start }
}

/// Whether `span` lies inside a quotation on one line.
fn inside_quotes(a: &Analysis<'_>, span: Span) -> bool {
    let mut depth = 0i32;
    let mut p = span.start;
    while p > 0 {
        p -= 1;
        match a.char_at(p) {
            '」' | '”' | '』' => depth += 1,
            '「' | '“' | '『' => {
                if depth == 0 {
                    return true;
                }
                depth -= 1;
            }
            '\n' | '。' => return false,
            _ => {}
        }
    }
    false
}

/// A name at the start of a clause followed by a speech verb, possibly after an adverbial
/// (「陳大文表示」, 「▲陳大文指出」, 「陳大文在致辭中表示」).
pub(super) fn speakers(a: &mut Analysis<'_>) {
    let mut found = Vec::new();
    for start in 0..a.chars.len() {
        let before = if start == 0 { '\n' } else { a.char_at(start - 1) };
        if is_cjk(before) || before.is_ascii_alphanumeric() {
            continue;
        }
        let Some(name) = read_name(a, start) else { continue };
        // The name must be followed by a speech verb, or by 在/於 opening an adverbial that a
        // speech verb closes within the clause.
        let verb_now = a.word_starting_at(name.end, |c| matches!(c, WordClass::SpeechVerb(_))).is_some();
        let verb_later =
            a.class(Role::LocativePreposition).has_char(a.char_at(name.end)) && speech_verb_in_clause(a, name.end);
        // 陳大文主席提出…: a name, then its title, then a verb.
        let title_after = a
            .word_starting_at(name.end, |c| matches!(c, WordClass::Title(_)))
            .is_some_and(|(t, _)| end_at(a, t.end) >= End::Likely && t.len() >= 2);
        if !(verb_now || verb_later || title_after) {
            continue;
        }
        // 陳局長表示 is a surname and a title: coreference decides who that is.
        if a.word_ending_at(name.end, |c| matches!(c, WordClass::Title(_))).is_some_and(|(t, _)| t.start > name.start) {
            continue;
        }
        if a.has_word(name, |c| matches!(c, WordClass::Known(_) | WordClass::Boundary)) {
            continue;
        }
        found.push(name);
    }
    for name in found {
        let id = add_person(a, name);
        post_after(a, id, name.end);
    }
}

fn speech_verb_in_clause(a: &Analysis<'_>, from: usize) -> bool {
    let mut p = from;
    while p < a.chars.len() && p - from < 30 {
        let c = a.char_at(p);
        if matches!(c, '，' | '。' | '；' | '：' | '\n' | ',' | ';' | ':') {
            return false;
        }
        if a.word_starting_at(p, |c| matches!(c, WordClass::SpeechVerb(_))).is_some() {
            return true;
        }
        p += 1;
    }
    false
}
