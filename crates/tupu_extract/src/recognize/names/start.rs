//! Where a name before an ending starts: it runs left from the ending, one character at a time,
//! until a rule stops it (at most [`MAX_STEM`] characters).
//!
//! At each step the character before the name's current start is looked at. First the rules
//! that carry the name over punctuation ([`CARRY_OVER`]: a place in parentheses, places joined
//! by a dash, a version number): each decides alone whether the name goes on past the mark or
//! stops there. Then the rules that stop it ([`STOPS`]): any one stops it, in no order. If none
//! applies, the character is part of the name.

use crate::analysis::Analysis;
use crate::lexicon::general::{GeneralLexicon, PartOfSpeech, RestRule, trim_name_start};
use crate::lexicon::{Role, WordClass};
use crate::model::EntityKind;
use crate::numeral::magnitude;
use crate::span::Span;
use crate::text::{bracket_opening, is_cjk};

use super::counts_char;
use super::ending::is_conjunction_at;

/// Longest name before its ending, in characters.
pub(super) const MAX_STEM: usize = 24;

/// Where the name being read ends, and what it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reading {
    /// Where its ending starts.
    pub(super) suffix_start: usize,
    /// What the ending makes it.
    pub(super) kind: EntityKind,
}

/// What a carrying rule decides at a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Carry {
    /// The name goes on from here (the new start).
    To(usize),
    /// The name stops at the mark.
    Stop,
}

/// A rule that carries a name over a mark, or stops it there: `(name, rule)`; the rule looks
/// at the character before position `p`, the name's current start.
pub(super) type CarryRule = fn(&Analysis<'_>, &Reading, usize) -> Option<Carry>;

/// The rules that carry a name over punctuation, tried first.
pub(super) const CARRY_OVER: &[(&str, CarryRule)] = &[
    ("a place in parentheses", place_in_parentheses),
    ("places joined by a dash", places_joined_by_a_dash),
    ("a version number", version_number),
    ("a Latin code", latin_code),
];

/// A rule that stops the name at `p`: `(name, rule)`.
pub(super) type StopRule = fn(&Analysis<'_>, &Reading, usize) -> bool;

/// The rules that stop a name at `p` (the character before `p` is not part of it).
pub(super) const STOPS: &[(&str, StopRule)] = &[
    ("not a name character", not_a_name_character),
    ("a known name in Latin letters", known_latin_name),
    ("a boundary word or title", boundary_word_or_title),
    ("a conjunction between names", conjunction_between_names),
    ("a count", count),
    ("a date", date),
    ("an amount", amount),
    ("another place's ending", another_places_ending),
    ("a larger place", larger_place),
];

/// A rule that moves the start of a whole candidate (its ending included) to a word boundary,
/// after the walk: `(name, rule)`; the rule returns the new start, or `None` to leave it.
pub(super) type TrimRule = fn(&Analysis<'_>, Span, Span, EntityKind) -> Option<usize>;

/// The rules that trim a candidate's start after the walk, applied in this order.
pub(super) const TRIMS: &[(&str, TrimRule)] = &[
    ("a word that cannot begin a name", word_that_cannot_begin_a_name),
    ("a mission starts at its country", mission_starts_at_its_country),
    ("the tagger's organisation starts after a clause word", tagged_organisation_after_a_clause_word),
    ("a place starts after the last clause word", place_after_the_last_clause_word),
    ("a trade's name starts after a known place", trade_after_a_known_place),
    ("a trade's name starts where the tagger starts it", trade_where_the_tagger_starts_it),
    ("an election starts after the clause that mentions it", election_starts_after_its_clause),
    ("a name starts after a clause preposition", name_after_a_clause_preposition),
    ("a name starts at a known body after a clause", known_body_after_a_clause),
];

/// Fewest perceptron units by which the tagger must prefer its organisation's exact span.
pub(super) const MIN_TAGGED_MARGIN: f32 = 10.0;

/// Fewest times the general lexicon's corpus must have a word for it to cross the tagger's start
/// (its rarest entries are noise).
const MIN_CROSSING_FREQ: u32 = 10;

/// Where a name whose ending starts at `suffix_start` begins.
pub(super) fn name_start(a: &Analysis<'_>, suffix_start: usize, kind: EntityKind) -> usize {
    let reading = Reading { suffix_start, kind };
    let mut p = suffix_start;
    'chars: while p > 0 && suffix_start - p < MAX_STEM {
        for (_, rule) in CARRY_OVER {
            match rule(a, &reading, p) {
                Some(Carry::To(q)) => {
                    p = q;
                    continue 'chars;
                }
                Some(Carry::Stop) => break 'chars,
                None => {}
            }
        }
        if STOPS.iter().any(|(_, stops)| stops(a, &reading, p)) {
            break;
        }
        p -= 1;
    }
    p
}

/// Whether the span opens right after a quotation mark: a quoted name is whole as written.
fn opens_after_a_quote(a: &Analysis<'_>, span: Span) -> bool {
    span.start > 0 && crate::text::OPEN_QUOTES.contains(&a.char_at(span.start - 1))
}

/// Whether a known name starting in `from..at` runs past `at`: a start there would cut into it.
fn known_name_across(a: &Analysis<'_>, from: usize, at: usize) -> bool {
    (from..at).any(|p| a.word_starting_at(p, |w| matches!(w, WordClass::Known(_))).is_some_and(|(w, _)| w.end > at))
}

/// Leading words of the general lexicon that cannot begin a name go (verbs, adverbs,
/// conjunctions, prepositions, measure words, quantities, particles, pronouns): 發揮X集團 →
/// X集團, 大幅減少X基金 → X基金, 一方面X集團 → X集團 ([`trim_name_start`]; the stem left must
/// name something on its own: 創新科技署 keeps 創新). A known name or quotes at the start keep
/// it. (The prototype's descriptor trimming, 金融科技企業X有限公司 → X有限公司, is not used: on
/// the development articles it cut 國家工程技術研究中心X分中心 after a count to X分中心.)
fn word_that_cannot_begin_a_name(a: &Analysis<'_>, span: Span, suffix: Span, _: EntityKind) -> Option<usize> {
    if a.word_starting_at(span.start, |w| matches!(w, WordClass::Known(_))).is_some() || opens_after_a_quote(a, span) {
        return None;
    }
    let trim = trim_name_start(GeneralLexicon::embedded(), a.chars, span, suffix.len(), RestRule::MustName, |_| false);
    (trim.span.start > span.start).then_some(trim.span.start)
}

/// The name tagger proposes an organisation (or, for a place's ending, a place) that ends at the
/// same ending and starts later, right after a word that cannot begin a name (a verb,
/// preposition, adverb, localiser, time word or date): the words before it are the clause the
/// name stands in, even where the name itself is common words the start trim keeps it with
/// (暫緩西山科技有限公司 → 西山科技有限公司, 引述東海社會主義學院 → 東海社會主義學院). Not after a
/// conjunction or comitative (運輸及房屋局, 管制與預防中心 stay one name), not before a word that
/// cannot begin a name either (獨立評論人協會: 評論 opens no name, 獨立 is part of it), not
/// where a word crosses the tagger's start, not into a known name or a quotation, not where the
/// kept part holds an ending of its own (a body inside another), and not with a stem under two
/// characters.
fn tagged_organisation_after_a_clause_word(
    a: &Analysis<'_>,
    span: Span,
    suffix: Span,
    kind: EntityKind,
) -> Option<usize> {
    if !matches!(kind, EntityKind::Organization | EntityKind::Place)
        || suffix.start < span.start + 3
        || opens_after_a_quote(a, span)
    {
        return None;
    }
    let tagged = a.tagged_names();
    let from = tagged.partition_point(|t| t.span.start <= span.start);
    let start = tagged[from..]
        .iter()
        .take_while(|t| t.span.start + 2 <= suffix.start)
        .find(|t| t.span.end == span.end && t.kind == kind && t.margin >= MIN_TAGGED_MARGIN)?
        .span
        .start;
    // A kept part that holds an ending of its own (四川音樂學院附屬中學) is a body inside another:
    // the reading that stops at the inner ending would outrank the trimmed name and cut it short.
    let nested = (start + 2..=suffix.start)
        .any(|e| a.word_ending_at(e, |c| matches!(c, WordClass::Suffix(_))).is_some_and(|(w, _)| w.start >= start));
    let crossed = a.general.crossing(start).any(|w| w.entry.freq >= MIN_CROSSING_FREQ)
        || (start.saturating_sub(a.lex.vocabulary.longest())..start)
            .any(|p| a.words.starting_at(p).iter().any(|w| w.span.end > start))
        || a.word_starting_at(span.start, |w| matches!(w, WordClass::Known(_))).is_some_and(|(w, _)| w.end > start);
    if nested || crossed {
        return None;
    }
    let last = a.general.segment(Span::new(span.start, start)).last()?.entry?.pos;
    let first = a.general.segment(Span::new(start, suffix.start)).first()?.entry.map(|e| e.pos);
    let joined = super::joins(a, a.char_at(start - 1));
    (!last.can_begin_name()
        && last != PartOfSpeech::Conjunction
        && !joined
        && first.is_none_or(PartOfSpeech::can_begin_name))
    .then_some(start)
}

/// A shop or firm by a trade ending (`trade-ending`) starts after the places at its start: known
/// places (旺角南記燒味 is 南記燒味 in 旺角) and a place by its ending (翠林工業村南記燒味), which
/// stay places of their own and mark the name (`marker::place_before`). Not where fewer than two
/// characters would be left before the ending.
fn trade_after_a_known_place(a: &Analysis<'_>, span: Span, suffix: Span, kind: EntityKind) -> Option<usize> {
    if kind != EntityKind::Organization || !super::marker::is_trade_name(a, span) {
        return None;
    }
    let mut start = span.start;
    while let Some((place, _)) =
        a.word_starting_at(start, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))
    {
        if place.end + 2 > suffix.start {
            break;
        }
        start = place.end;
    }
    // The last place ending with a stem of two characters or more.
    if let Some(end) = (start + 3..=suffix.start.saturating_sub(2)).rev().find(|&e| ends_a_place(a, e, start)) {
        start = end;
    }
    (start > span.start).then_some(start)
}

/// Whether a place ending (`suffixes.tsv`, kind place: 工業村, 大廈) ends at `end` with at least two
/// characters after `from` before it.
pub(super) fn ends_a_place(a: &Analysis<'_>, end: usize, from: usize) -> bool {
    a.word_ending_at(end, |c| matches!(c, WordClass::Suffix(i) if a.lex.suffixes[i].kind == EntityKind::Place))
        .is_some_and(|(w, _)| w.start >= from + 2)
}

/// A shop or firm by a trade ending starts where the name tagger starts an organisation ending
/// with it: 傳召東記迷你倉 → 東記迷你倉 (the words before are
/// the clause and its descriptions, which the tagger reads off). Not into a known name, nor with
/// a stem under two characters.
fn trade_where_the_tagger_starts_it(a: &Analysis<'_>, span: Span, suffix: Span, kind: EntityKind) -> Option<usize> {
    if kind != EntityKind::Organization || !super::marker::is_trade_name(a, span) {
        return None;
    }
    let start = a
        .tagged_names()
        .iter()
        .find(|t| {
            t.span.end == span.end
                && t.span.start > span.start
                && t.span.start + 2 <= suffix.start
                && t.kind == EntityKind::Organization
                && t.margin >= MIN_TAGGED_MARGIN
        })?
        .span
        .start;
    let into_known = known_name_across(a, span.start, start);
    (!into_known).then_some(start)
}

/// A place is named by the words after the last verb, adverb, preposition, pronoun, time word,
/// localiser or measure word before its ending: the words before are the clause it stands in
/// (車輛無法進入X邨 → X邨, 今早視察X花園 → X花園, 住X邨 → X邨, 每條X邨 → X邨). A one-character
/// word cuts only as a verb, preposition or measure word (single characters of a name the
/// lexicon does not know are often read as adverbs). Not where fewer than two characters would
/// be left (a square named for a deed keeps its verb), into a known name, or inside quotes. A
/// shop or firm by a trade ending is cut the same way (重申南記書店 → 南記書店).
fn place_after_the_last_clause_word(a: &Analysis<'_>, span: Span, suffix: Span, kind: EntityKind) -> Option<usize> {
    let trade = kind == EntityKind::Organization && super::marker::is_trade_name(a, span);
    if (kind != EntityKind::Place && !trade) || opens_after_a_quote(a, span) {
        return None;
    }
    let segments = a.general.segment(Span::new(span.start, suffix.start));
    let cut = segments.iter().rev().find(|s| {
        s.entry.is_some_and(|e| match e.pos {
            PartOfSpeech::Verb | PartOfSpeech::Preposition | PartOfSpeech::Measure | PartOfSpeech::Quantity => true,
            PartOfSpeech::Adverb
            | PartOfSpeech::Pronoun
            | PartOfSpeech::Time
            | PartOfSpeech::Locative
            | PartOfSpeech::Conjunction => s.span.len() >= 2,
            _ => false,
        })
    })?;
    let start = cut.span.end;
    let known_across = known_name_across(a, span.start, start);
    (start > span.start && suffix.start >= start + 2 && !known_across).then_some(start)
}

/// An organisation, programme or event starts after the last preposition of its span that the
/// general lexicon reads as a word of its own and `function_words.tsv` lists as one that opens a
/// clause (`clause-preposition`: 對, 至, 給, 按…): the words before are the clause the name stands
/// in (水務署對東山委員會 → 東山委員會, 病人轉介至東山醫院 → 東山醫院, 文件提交給東山基金 →
/// 東山基金). Names hold such a preposition only inside a longer word (對外, 至善), which the
/// segmentation keeps whole. Not into a known name, nor inside quotes (a quoted title may say
/// 對: 《X對等法》). What is left may be a bare ending (政府對委員會 → 委員會), which the rejections
/// then drop. Open-corpus sample (2,701 articles): 49 names cut, 46 of them at the clause.
fn name_after_a_clause_preposition(a: &Analysis<'_>, span: Span, suffix: Span, kind: EntityKind) -> Option<usize> {
    if !matches!(kind, EntityKind::Organization | EntityKind::Initiative | EntityKind::Event)
        || suffix.start < span.start + 2
        || opens_after_a_quote(a, span)
    {
        return None;
    }
    let clause = a.class(Role::ClausePreposition);
    let segments = a.general.segment(Span::new(span.start, suffix.start));
    let cut = segments.iter().rev().find(|s| {
        s.span.len() == 1
            && s.entry.is_some_and(|e| e.pos == PartOfSpeech::Preposition)
            && clause.has_char(a.char_at(s.span.start))
    })?;
    let start = cut.span.end;
    let known_across = known_name_across(a, span.start, start);
    (!known_across).then_some(start)
}

/// An organisation, programme or event starts at a known organisation inside its span when the
/// words before that body hold a verb, adverb or other word of two characters or more that cannot
/// begin a name: those words are a clause whose object is the known body's own unit
/// (東山局授權海關總署東山分局 → 海關總署東山分局, 東山署呈交立法會東山事務委員會 → 立法會東山事務委員會).
/// The sibling of `ending::clause_before_a_known_name`, which drops a candidate the known body
/// ends. A one-character verb does not cut: it is a mission's or a territory's (中國駐, 英屬) or a
/// company's own character. Not into a body the span starts with, not where a word of the general
/// lexicon crosses the body's end (時事社 | 會議 inside 時事社會議題), nor inside quotes.
fn known_body_after_a_clause(a: &Analysis<'_>, span: Span, suffix: Span, kind: EntityKind) -> Option<usize> {
    if !matches!(kind, EntityKind::Organization | EntityKind::Initiative | EntityKind::Event)
        || opens_after_a_quote(a, span)
    {
        return None;
    }
    let is_known_body =
        |w: WordClass| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Organization);
    (span.start + 2..suffix.start).find(|&p| {
        a.word_starting_at(p, is_known_body).is_some_and(|(w, _)| {
            w.end <= suffix.start && !a.general.crossing(w.end).any(|x| x.entry.freq >= MIN_CROSSING_FREQ)
        }) && !known_name_across(a, span.start, p)
            && a.general
                .segment(Span::new(span.start, p))
                .iter()
                .any(|s| s.span.len() >= 2 && s.entry.is_some_and(|e| !e.pos.can_begin_name()))
    })
}

/// An election is named by where, by whom and for what it is held, and when (2016年立法會選舉,
/// 美國總統大選, 社會福利界選舉, 立法會九龍西補選, 民主派初選): the words before that cannot stand
/// in such a name — a verb, adverb, preposition, conjunction, pronoun, time word, count, or another
/// election's name — are the clause that mentions it, and the name starts after the last of them
/// (當局押後立法會選舉 → 立法會選舉, 企圖影響美國總統大選 → 美國總統大選; 當局修改選舉 names
/// none). A known name, a title or the ending of a body's or place's name stands whole (選管會,
/// 特首, 理事會: no verbs), and a compass point after a place is part of a constituency (九龍西).
/// A leading year is added back by the event's name.
fn election_starts_after_its_clause(a: &Analysis<'_>, span: Span, suffix: Span, kind: EntityKind) -> Option<usize> {
    if kind != EntityKind::Event || a.class_word_at(Role::ElectionWord, suffix.start) != Some(suffix) {
        return None;
    }
    let mut p = suffix.start;
    while p > span.start {
        let whole = a
            .word_ending_at(p, |c| match c {
                WordClass::Known(_) | WordClass::Title(_) => true,
                WordClass::Suffix(s) => a.lex.suffixes[s].kind != EntityKind::Event,
                _ => false,
            })
            .filter(|(w, _)| w.start >= span.start);
        if let Some((w, _)) = whole {
            p = w.start;
            continue;
        }
        // Another election, or a word of saying or a boundary word (指, 表示, 在), ends the clause.
        if a.class_word_before(Role::ElectionWord, p).is_some()
            || a.word_ending_at(p, |c| matches!(c, WordClass::SpeechVerb(_) | WordClass::Boundary)).is_some()
        {
            break;
        }
        if let Some(q) = a.class_word_before(Role::ElectionQualifier, p).filter(|q| q.start >= span.start) {
            p = q.start;
            continue;
        }
        let Some(last) = a.general.segment(Span::new(span.start, p)).pop() else { break };
        if !stands_in_an_election(a, last.span, last.entry.map(|e| e.pos), span.start) {
            break;
        }
        p = last.span.start;
    }
    (p > span.start).then_some(p)
}

/// Whether a word of the general lexicon (at `word`, of part of speech `pos`, in a name read
/// from `from`) may stand in an
/// election's name: nouns and names (民主派, 社會福利界), abbreviations (立委), adjectives (新),
/// an ordinal (第二選區), a compass point after a place (九龍西), and characters the lexicon lacks
/// (Latin letters, digits) — not verbs, verbs used as nouns (影響, 指控), function words, time
/// words, counts (兩次, 多區) or the unit of a date (3月: the date is no part of the name).
fn stands_in_an_election(a: &Analysis<'_>, word: Span, pos: Option<PartOfSpeech>, from: usize) -> bool {
    let Some(pos) = pos else { return true };
    let single = word.len() == 1;
    match pos {
        PartOfSpeech::Noun
        | PartOfSpeech::Person
        | PartOfSpeech::Place
        | PartOfSpeech::Organisation
        | PartOfSpeech::Proper
        | PartOfSpeech::Adjective
        | PartOfSpeech::PlaceWord
        | PartOfSpeech::Abbreviation
        | PartOfSpeech::Distinguishing => !(single && a.class(Role::DateUnit).has_char(a.char_at(word.start))),
        PartOfSpeech::Numeral => a.class(Role::OrdinalPrefix).has_char(a.char_at(word.start)),
        PartOfSpeech::Locative => {
            single
                && (a.word_ending_at(word.start, |c| is_known_place(a, c)).is_some()
                    || a.general
                        .segment(Span::new(from, word.start))
                        .last()
                        .and_then(|s| s.entry)
                        .is_some_and(|e| e.pos == PartOfSpeech::Place))
        }
        _ => false,
    }
}

/// A diplomatic mission (使館, 領事館) is named by its country, 駐 and where it is, or by its
/// country alone: what stands before the country is no part of it (抗議美國大使館 → 美國大使館,
/// 要求中國駐英國大使館 → 中國駐英國大使館); without a country before 駐 it starts at 駐
/// (關閉駐武漢總領事館 → 駐武漢總領事館).
fn mission_starts_at_its_country(a: &Analysis<'_>, span: Span, suffix: Span, _: EntityKind) -> Option<usize> {
    if !a.class(Role::Mission).occurs_in(a.folded(suffix)) {
        return None;
    }
    let stationed = (span.start..suffix.start)
        .rev()
        .find(|&p| a.class(Role::Stationed).has_char(a.char_at(p)))
        .unwrap_or(suffix.start);
    let start = match a.word_ending_at(stationed, |w| is_known_place(a, w)) {
        Some((country, _)) if country.start >= span.start => country.start,
        _ if stationed < suffix.start => stationed,
        _ => return None,
    };
    (start > span.start).then_some(start)
}

fn is_known_place(a: &Analysis<'_>, class: WordClass) -> bool {
    matches!(class, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place)
}

/// A short known place in parentheses inside a name: 國電投海岬（鹽城）風電裝備有限公司; a known
/// place right before the parenthesis opens the name (中國（長沙）跨境電子商務綜合試驗區).
fn place_in_parentheses(a: &Analysis<'_>, _: &Reading, p: usize) -> Option<Carry> {
    let open = bracket_opening(a.chars, p, 7)?;
    let place_inside = a.word_starting_at(open + 1, |w| is_known_place(a, w)).is_some_and(|(w, _)| w.end == p - 1);
    if open == 0 || !is_cjk(a.char_at(open - 1)) || !place_inside {
        return None;
    }
    let place_before = a.word_ending_at(open, |w| is_known_place(a, w));
    Some(Carry::To(place_before.map_or(open, |(w, _)| w.start)))
}

/// A dash between two known places links them inside one name (中國—東盟中心); any other dash
/// ends the name (成本—效益分析中心 is 效益分析中心).
fn places_joined_by_a_dash(a: &Analysis<'_>, _: &Reading, p: usize) -> Option<Carry> {
    if !matches!(a.char_at(p - 1), '—' | '－' | '-' | '·' | '・' | '•') {
        return None;
    }
    let known_before = a.word_ending_at(p - 1, |w| is_known_place(a, w));
    let known_after = a.word_starting_at(p, |w| matches!(w, WordClass::Known(_))).is_some();
    // The place before the dash is part of the name, whatever rule would stop at it.
    Some(match known_before.filter(|_| known_after) {
        Some((before, _)) => Carry::To(before.start),
        None => Carry::Stop,
    })
}

/// A version number is part of a name: 自貿區3.0版升級議定書 — when words stand before it.
fn version_number(a: &Analysis<'_>, _: &Reading, p: usize) -> Option<Carry> {
    if !(a.char_at(p - 1).is_ascii_digit() && a.char_at(p) == '版') {
        return None;
    }
    let mut q = p - 1;
    while q > 0 && (a.char_at(q - 1).is_ascii_digit() || a.char_at(q - 1) == '.') {
        q -= 1;
    }
    Some(if q > 0 && is_cjk(a.char_at(q - 1)) { Carry::To(q) } else { Carry::Stop })
}

/// Capital letters and digits make one code in a name: G20峰會, G7峰會 (the digits alone would
/// stop it).
fn latin_code(a: &Analysis<'_>, _: &Reading, p: usize) -> Option<Carry> {
    if !a.char_at(p - 1).is_ascii_digit() {
        return None;
    }
    let mut q = p - 1;
    while q > 0 && a.char_at(q - 1).is_ascii_digit() {
        q -= 1;
    }
    let digits = q;
    while q > 0 && a.char_at(q - 1).is_ascii_uppercase() {
        q -= 1;
    }
    (q < digits && (q == 0 || !a.char_at(q - 1).is_ascii_alphanumeric())).then_some(Carry::To(q))
}

/// Only ideographs and Latin letters make names: punctuation, spaces and digits stop them
/// (會上，東華三院…).
fn not_a_name_character(a: &Analysis<'_>, _: &Reading, p: usize) -> bool {
    let c = a.char_at(p - 1);
    !(is_cjk(c) || c.is_ascii_alphabetic())
}

/// A known name in Latin letters ends right before, and ideographs follow: it is a name of its
/// own and the subject of the clause after it (Facebook關閉X政府… → X政府), not the start of a
/// longer name (a Latin name unknown to the lexicons, DeepSeek公司, still opens one).
fn known_latin_name(a: &Analysis<'_>, _: &Reading, p: usize) -> bool {
    a.char_at(p - 1).is_ascii_alphabetic()
        && is_cjk(a.char_at(p))
        && a.word_ending_at(p, |w| matches!(w, WordClass::Known(_))).is_some()
}

/// A boundary word (由, 在, 舉行) or a title ends right before: 活動由香港青年協進會主辦 — but
/// not one that with the next character makes a group ([`makes_a_group`]: 代表團新聞發布會), nor
/// the post an election fills ([`fills_the_post`]: 美國總統大選).
fn boundary_word_or_title(a: &Analysis<'_>, r: &Reading, p: usize) -> bool {
    a.word_ending_at(p, |c| matches!(c, WordClass::Boundary | WordClass::Title(_)))
        .is_some_and(|(w, _)| !makes_a_group(a, w, r.suffix_start) && !fills_the_post(a, w, r.suffix_start))
}

/// Whether a word is a title written right before an election's ending: the post the election
/// fills is part of its name (特首選舉, 總統大選, 村代表選舉).
pub(super) fn fills_the_post(a: &Analysis<'_>, word: Span, suffix_start: usize) -> bool {
    word.end == suffix_start
        && a.class_word_at(Role::ElectionWord, suffix_start).is_some()
        && a.word_ending_at(word.end, |c| matches!(c, WordClass::Title(_))).is_some_and(|(w, _)| w == word)
}

/// Whether a word and the group ending after it (團) make a noun of the general lexicon inside
/// the name: 代表 (a verb, a title) + 團 is a delegation, and the name goes on through it
/// (南海省代表團新聞發布會).
fn makes_a_group(a: &Analysis<'_>, word: Span, suffix_start: usize) -> bool {
    let group = Span::new(word.start, word.end + 1);
    group.end <= suffix_start
        && a.class(Role::GroupEnding).has_char(a.char_at(word.end))
        && a.general.word_at(group).is_some_and(|e| e.pos == PartOfSpeech::Noun)
}

/// A conjunction between two names: the one before it is complete (an ending, a known name, a
/// closing quote), or the one after it is a known name — 南方研究院與東海聯盟 is two names, but
/// 文化和旅遊發展局 is one.
fn conjunction_between_names(a: &Analysis<'_>, _: &Reading, p: usize) -> bool {
    is_conjunction_at(a, p - 1)
        && (complete_name_ends_at(a, p - 1) || a.word_starting_at(p, |w| matches!(w, WordClass::Known(_))).is_some())
}

/// A numeral and a measure word before it count, they do not name: 二十余个全国重点实验室.
fn count(a: &Analysis<'_>, _: &Reading, p: usize) -> bool {
    p >= 2 && a.class(Role::CountingMeasure).has_char(a.char_at(p - 1)) && counts_char(a, a.char_at(p - 2))
}

/// A date before a name is not part of it: 2019年創辦X學會, 3月X委員會, 12日X警署, 3月初X大學 (a
/// numeral and a unit of a date, or a time word the unit begins). A programme keeps its count of years (五年計劃); an event gets its year back
/// from its own rule (2016年立法會選舉).
fn date(a: &Analysis<'_>, r: &Reading, p: usize) -> bool {
    let unit_at =
        |q: usize| q >= 1 && a.class(Role::DateUnit).has_char(a.char_at(q)) && counts_char(a, a.char_at(q - 1));
    // The unit and the character after it may make one time word of the general lexicon: 3月初,
    // 2019年底, 兩年前 (early, end, ago); what follows it is the name.
    let time_word =
        p >= 3 && unit_at(p - 2) && a.general.word_at(Span::new(p - 2, p)).is_some_and(|e| e.pos == PartOfSpeech::Time);
    r.kind != EntityKind::Initiative && ((p >= 2 && unit_at(p - 1)) || time_word)
}

/// An amount before a name is not part of it: 50億元專項資金.
fn amount(a: &Analysis<'_>, _: &Reading, p: usize) -> bool {
    let c = a.char_at(p - 1);
    p >= 2 && (c == '元' || magnitude(c).is_some_and(|e| e >= 2)) && counts_char(a, a.char_at(p - 2))
}

/// Two place names side by side: one ends where the other's ending does
/// (交易廣場港交所互聯互通廣場). A known place that only ends like a place ending (香港 ends
/// with the port ending 港) is left to [`larger_place`], which keeps a venue's city.
fn another_places_ending(a: &Analysis<'_>, r: &Reading, p: usize) -> bool {
    r.kind == EntityKind::Place
        && p < r.suffix_start
        && a.word_ending_at(p, |c| matches!(c, WordClass::Suffix(s) if a.lex.suffixes[s].kind == EntityKind::Place))
            .is_some()
        && a.word_ending_at(p, |c| is_known_place(a, c)).is_none()
}

/// A place inside a place: 杭州市余杭區 is 余杭區 of 杭州市 — but 香港大會堂 and 杭州技術開發區
/// are one name each (nothing, or only generic words, between the known place and the ending).
fn larger_place(a: &Analysis<'_>, r: &Reading, p: usize) -> bool {
    r.kind == EntityKind::Place
        && p < r.suffix_start
        && !is_venue_ending_at(a, r.suffix_start)
        && a.word_ending_at(p, |c| is_known_place(a, c)).is_some()
        && !a.lex.is_all_generic(a.folded(Span::new(p, r.suffix_start)))
}

/// Whether a venue's ending starts at `pos` (展覽中心, 會展中心): a venue keeps the city it is
/// named with (南昌國際展覽中心 is one venue, not a part of 南昌).
fn is_venue_ending_at(a: &Analysis<'_>, pos: usize) -> bool {
    a.word_starting_at(pos, |c| matches!(c, WordClass::Suffix(s) if a.lex.suffixes[s].kind == EntityKind::Place))
        .is_some_and(|(w, _)| a.class(Role::VenueEnding).ends(a.folded(w)))
}

/// Whether a complete name ends at `end`: an ending word, a known name, or a closing quote or
/// parenthesis (…（生產力局）與…).
///
/// A trade's ending (`trade-ending`: 證券, 餐廳) completes none: it is the word for the goods as
/// often as a name's end (證券及期貨事務監察委員會 is one body).
fn complete_name_ends_at(a: &Analysis<'_>, end: usize) -> bool {
    let trade = a.class_word_before(Role::TradeEnding, end).is_some_and(|w| w.end == end);
    end > 0
        && (matches!(a.char_at(end - 1), '）' | ')' | '」' | '”' | '』' | '》')
            || (!trade && a.word_ending_at(end, |c| matches!(c, WordClass::Suffix(_) | WordClass::Known(_))).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{analysis_with, span_of};

    /// The reading of the name `name` in `text` (its ending is the ending word it ends with) and
    /// the position where it starts.
    fn at(a: &Analysis<'_>, name: &str) -> (Reading, usize) {
        let span = span_of(a, name);
        let (suffix, WordClass::Suffix(i)) =
            a.word_ending_at(span.end, |c| matches!(c, WordClass::Suffix(_))).expect("an ending")
        else {
            unreachable!()
        };
        (Reading { suffix_start: suffix.start, kind: a.lex.suffixes[i].kind }, span.start)
    }

    /// Each stop alone: (rule, [stopped before `name`: Traditional, Simplified], [not stopped]).
    type Case = (&'static str, [(&'static str, &'static str); 2], [(&'static str, &'static str); 2]);

    const STOP_CASES: &[Case] = &[
        (
            "not a name character",
            [("會上，東華三院主辦。", "東華三院"), ("会上，东华三院主办。", "东华三院")],
            [("香港東華三院主辦。", "東華三院"), ("香港东华三院主办。", "东华三院")],
        ),
        (
            "a known name in Latin letters",
            [("據Facebook東海集團帳戶資料。", "東海集團"), ("据Facebook东海集团账户资料。", "东海集团")],
            [("據ABCD東海集團帳戶資料。", "東海集團"), ("据ABCD东海集团账户资料。", "东海集团")],
        ),
        (
            "a boundary word or title",
            [("活動由香港青年協進會主辦。", "香港青年協進會"), ("活动由香港青年协进会主办。", "香港青年协进会")],
            [("活動由香港青年協進會主辦。", "青年協進會"), ("活动由香港青年协进会主办。", "青年协进会")],
        ),
        (
            "a conjunction between names",
            [
                ("南方科技研究院與東海數碼產業聯盟發布報告。", "東海數碼產業聯盟"),
                ("南方科技研究院与东海数码产业联盟发布报告。", "东海数码产业联盟"),
            ],
            [("會議由文化和旅遊發展局召開。", "旅遊發展局"), ("会议由文化和旅游发展局召开。", "旅游发展局")],
        ),
        (
            "a count",
            [("已設立二十多個重點實驗室。", "重點實驗室"), ("已设立二十多个重点实验室。", "重点实验室")],
            [("已設立第二重點實驗室。", "重點實驗室"), ("已设立第二重点实验室。", "重点实验室")],
        ),
        (
            "a date",
            [("他於2019年創辦東海學會。", "創辦東海學會"), ("他于3月初东海大学宣布。", "东海大学")],
            [("當局推出五年計劃。", "計劃"), ("当局推出五年计划。", "计划")],
        ),
        (
            "an amount",
            [("設立50億元專項資金。", "專項資金"), ("设立50亿元专项资金。", "专项资金")],
            [("設立50項專項資金。", "專項資金"), ("设立50项专项资金。", "专项资金")],
        ),
        (
            "another place's ending",
            [
                ("交易廣場港交所互聯互通廣場", "港交所互聯互通廣場"),
                ("交易广场港交所互联互通广场", "港交所互联互通广场"),
            ],
            [("交易廣場港交所互聯互通廣場", "互聯互通廣場"), ("交易广场港交所互联互通广场", "互联互通广场")],
        ),
        (
            "a larger place",
            [("總部位於杭州市西湖區。", "西湖區"), ("总部位于杭州市西湖区。", "西湖区")],
            [("成立杭州技術開發區。", "技術開發區"), ("成立杭州技术开发区。", "技术开发区")],
        ),
    ];

    #[test]
    fn each_stop_alone() {
        assert_eq!(STOP_CASES.len(), STOPS.len(), "every stop has its case");
        for (rule, stopped, going_on) in STOP_CASES {
            let (_, stops) = STOPS.iter().find(|(n, _)| n == rule).unwrap_or_else(|| panic!("no stop {rule}"));
            for (text, name) in stopped {
                let a = analysis_with(text, None, &[]);
                let (r, p) = at(&a, name);
                assert!(stops(&a, &r, p), "{rule} should stop before {name} in {text}");
            }
            for (text, name) in going_on {
                let a = analysis_with(text, None, &[]);
                let (r, p) = at(&a, name);
                assert!(!stops(&a, &r, p), "{rule} should not stop before {name} in {text}");
            }
        }
    }

    /// A place read with its clause starts after the clause's last verb, adverb or time word.
    #[test]
    fn a_place_starts_after_the_last_clause_word() {
        let trim = |text: &str, name: &str| {
            let a = analysis_with(text, None, &[]);
            let span = span_of(&a, name);
            let (suffix, _) = a.word_ending_at(span.end, |c| matches!(c, WordClass::Suffix(_))).expect("an ending");
            place_after_the_last_clause_word(&a, span, suffix, EntityKind::Place)
                .map(|s| a.surface(Span::new(s, span.end)).to_owned())
        };
        for (text, name, place) in [
            ("居民今早遷入東樂花園。", "居民今早遷入東樂花園", "東樂花園"),
            ("居民今早迁入东乐花园。", "居民今早迁入东乐花园", "东乐花园"),
            ("車輛無法進入東樂邨。", "車輛無法進入東樂邨", "東樂邨"),
        ] {
            assert_eq!(trim(text, name).as_deref(), Some(place), "{text}");
        }
        for (text, name) in [("集會在解放廣場舉行。", "解放廣場"), ("香港东乐花园开售。", "香港东乐花园")]
        {
            assert_eq!(trim(text, name), None, "{text}: {name} stays");
        }
    }

    /// Each carrying rule alone: where it carries the name to, or `None` where it stops it.
    #[test]
    fn each_carrying_rule_alone() {
        let carry = |rule: &str, text: &str, name: &str| {
            let a = analysis_with(text, None, &[]);
            let (r, p) = at(&a, name);
            let (_, f) = CARRY_OVER.iter().find(|(n, _)| *n == rule).expect("a rule");
            f(&a, &r, p).map(|c| match c {
                Carry::To(q) => a.surface(Span::new(q, span_of(&a, name).end)).to_owned(),
                Carry::Stop => String::new(),
            })
        };
        for (text, name, whole) in [
            ("中國（長沙）跨境電子商務綜合試驗區", "跨境電子商務綜合試驗區", "中國（長沙）跨境電子商務綜合試驗區"),
            ("中国（长沙）跨境电子商务综合试验区", "跨境电子商务综合试验区", "中国（长沙）跨境电子商务综合试验区"),
        ] {
            assert_eq!(carry("a place in parentheses", text, name).as_deref(), Some(whole), "{text}");
        }
        for (text, name) in [("東海數碼（集團）產業聯盟", "產業聯盟"), ("东海数码（集团）产业联盟", "产业联盟")]
        {
            assert_eq!(carry("a place in parentheses", text, name), None, "{text}: 集團 is no place");
        }
        for (text, name, whole) in
            [("中國—東盟中心", "東盟中心", "中國—東盟中心"), ("中国—东盟中心", "东盟中心", "中国—东盟中心")]
        {
            assert_eq!(carry("places joined by a dash", text, name).as_deref(), Some(whole), "{text}");
        }
        for (text, name) in [("成本—效益分析中心", "效益分析中心"), ("成本—效益分析中心", "效益分析中心")]
        {
            assert_eq!(carry("places joined by a dash", text, name).as_deref(), Some(""), "{text}");
        }
        for (text, name, whole) in [
            ("雙方簽署自貿區3.0版升級議定書", "版升級議定書", "3.0版升級議定書"),
            ("双方签署自贸区3.0版升级议定书", "版升级议定书", "3.0版升级议定书"),
        ] {
            assert_eq!(carry("a version number", text, name).as_deref(), Some(whole), "{text}");
        }
        for (text, name) in [("簽署《3.0版升級議定書》", "版升級議定書"), ("签署《3.0版升级议定书》", "版升级议定书")]
        {
            assert_eq!(carry("a version number", text, name).as_deref(), Some(""), "{text}: no words before it");
        }
        for (text, whole) in [("各國領袖出席G20峰會。", "G20峰會"), ("各国领袖出席G20峰会。", "G20峰会")]
        {
            assert_eq!(carry("a Latin code", text, "峰會").as_deref(), Some(whole), "{text}");
        }
        for text in ["今年第20峰會。", "今年第20峰会。"] {
            assert_eq!(carry("a Latin code", text, "峰會"), None, "{text}: a number alone is no code");
        }
    }
}

#[cfg(test)]
mod clause_preposition_tests {
    use super::*;
    use crate::analysis::testing::{analysis_with, span_of};

    /// Where the name of `kind` before `ending` starts, after the walk and the trims.
    fn named(text: &str, ending: &str, kind: EntityKind) -> String {
        let a = analysis_with(text, None, &[]);
        let suffix = span_of(&a, ending);
        let mut start = name_start(&a, suffix.start, kind);
        for (_, trim) in TRIMS {
            if let Some(s) = trim(&a, Span::new(start, suffix.end), suffix, kind) {
                start = s;
            }
        }
        a.surface(Span::new(start, suffix.end)).to_owned()
    }

    #[test]
    fn a_name_starts_after_a_clause_preposition() {
        let org = EntityKind::Organization;
        let programme = EntityKind::Initiative;
        for (text, ending, kind, name) in [
            ("據悉，病人資料對東山慈善基金會公開。", "基金會", org, "東山慈善基金會"),
            ("据悉，病人资料对东山慈善基金会公开。", "基金会", org, "东山慈善基金会"),
            ("據悉，傷者送院後轉介至東山醫院。", "醫院", org, "東山醫院"),
            ("据悉，伤者送院后转介至东山医院。", "医院", org, "东山医院"),
            ("據悉，文件資料提交給青苗發展基金。", "基金", programme, "青苗發展基金"),
            ("据悉，文件资料提交给青苗发展基金。", "基金", programme, "青苗发展基金"),
        ] {
            assert_eq!(named(text, ending, kind), name, "{text}");
        }
    }

    #[test]
    fn a_name_starts_at_a_known_body_after_a_clause() {
        let org = EntityKind::Organization;
        for (text, ending, name) in [
            ("據悉，東山局授權海關總署東山分局調查。", "分局", "海關總署東山分局"),
            ("据悉，东山局授权海关总署东山分局调查。", "分局", "海关总署东山分局"),
            ("據悉，東山署已經呈交立法會東山事務委員會。", "委員會", "立法會東山事務委員會"),
            ("据悉，东山署已经呈交立法会东山事务委员会。", "委员会", "立法会东山事务委员会"),
        ] {
            assert_eq!(named(text, ending, org), name, "{text}");
        }
        // No clause before the body: one name.
        for (text, ending, name) in [
            ("他到訪香港海關總署東山分局。", "分局", "海關總署東山分局"),
            ("他到访香港海关总署东山分局。", "分局", "海关总署东山分局"),
        ] {
            assert!(named(text, ending, org).ends_with(name), "{text}");
        }
    }

    #[test]
    fn a_preposition_inside_a_word_or_quotes_stays() {
        let org = EntityKind::Organization;
        for (text, ending, name) in [
            ("他就讀東山對外經濟大學。", "大學", "東山對外經濟大學"),
            ("他就读东山对外经济大学。", "大学", "东山对外经济大学"),
        ] {
            assert!(named(text, ending, org).ends_with(name), "{text}");
        }
    }
}

#[cfg(test)]
mod election_tests {
    use super::*;
    use crate::analysis::testing::{analysis_with, span_of};

    /// Where the election named before `ending` starts, after the walk and the trims.
    fn election(text: &str, ending: &str) -> String {
        let a = analysis_with(text, None, &[]);
        let suffix = span_of(&a, ending);
        let mut start = name_start(&a, suffix.start, EntityKind::Event);
        while start < suffix.start && super::super::joins(&a, a.char_at(start)) {
            start += 1;
        }
        for (_, trim) in TRIMS {
            if let Some(s) = trim(&a, Span::new(start, suffix.end), suffix, EntityKind::Event) {
                start = s;
            }
        }
        a.surface(Span::new(start, suffix.end)).to_owned()
    }

    #[test]
    fn an_election_starts_after_the_clause_that_mentions_it() {
        for (text, ending, name) in [
            ("他說俄羅斯企圖影響美國總統大選。", "大選", "美國總統大選"),
            ("他说俄罗斯企图影响美国总统大选。", "大选", "美国总统大选"),
            ("議員批評當局押後立法會選舉。", "選舉", "立法會選舉"),
            ("议员批评当局押后立法会选举。", "选举", "立法会选举"),
            ("書院明年舉行學生會換屆選舉。", "選舉", "學生會換屆選舉"),
            ("书院明年举行学生会换届选举。", "选举", "学生会换届选举"),
            ("他將參加3月特首選舉。", "選舉", "特首選舉"),
            ("他将参加3月总统选举。", "选举", "总统选举"),
            ("他在2016年立法會選舉中勝出。", "選舉", "立法會選舉"),
            ("他在2016年立法会选举中胜出。", "选举", "立法会选举"),
            ("政黨宣布不參加兩次補選。", "補選", "補選"),
            ("政党宣布不参加两次补选。", "补选", "补选"),
            ("民主派初選吸引市民投票。", "初選", "民主派初選"),
            ("民主派初选吸引市民投票。", "初选", "民主派初选"),
        ] {
            assert_eq!(election(text, ending), name, "{text}");
        }
    }
}
