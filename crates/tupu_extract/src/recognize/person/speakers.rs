//! People named without a title: a name at the start of a clause before a speech verb
//! (「▲陳大文表示，…」, 「陳大文在致辭中指出」), and names with middle dots anywhere (約翰·史密斯).

use crate::analysis::Analysis;
use crate::boundary::{Before, End, end_at, word_starts_at};
use crate::lexicon::{Role, WordClass};
use crate::span::Span;
use crate::text::is_cjk;

use super::add_person;
use super::posts::post_after;
use super::read::{read_dotted, read_name};

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
