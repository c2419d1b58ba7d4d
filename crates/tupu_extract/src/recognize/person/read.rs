//! Reading names: Chinese names (a surname from `surnames.tsv` and one or two characters, the
//! length decided by what follows), transliterated names with middle dots (約翰·史密斯) or
//! without (特朗普, after a title), and Latin names after a title (John Smith).

use crate::analysis::Analysis;
use crate::boundary::{End, end_at, ordinary_word_follows};
use crate::lexicon::general::{Entry, GeneralLexicon, PartOfSpeech, Segment};
use crate::lexicon::{Role, WordClass};
use crate::model::EntityKind;
use crate::span::Span;
use crate::text::is_cjk;

/// A reading of a Chinese name: where its surname is and the whole name.
#[derive(Debug, Clone, Copy)]
pub(super) struct NameReading {
    pub(super) surname: Span,
    pub(super) name: Span,
}

/// A rule that says a reading is no name: `(what it says, whether it applies)`.
pub(super) type NameRejection = (&'static str, fn(&Analysis<'_>, &NameReading) -> bool);

/// Why a surname and one or two characters are no name. They are independent; any one rejects.
pub(super) const NAME_REJECTIONS: &[NameRejection] = &[
    ("the given name is not ideographs", given_name_not_ideographs),
    ("the given name ends with a character names do not end with", given_name_ends_badly),
    ("another mention holds it", held_by_another_mention),
    ("a title inside or across it", title_inside_or_across),
    ("a time word opens it", opens_with_time_word),
    ("two characters that are a clause word", two_characters_are_a_clause_word),
    ("the surname is a clause word before a word", surname_is_a_clause_word),
    ("three characters that open with a clause word", opens_with_a_clause_word),
    ("a surname standing for a person named in full, then a verb", surname_alone_then_predicate),
    ("two characters that are a common word", two_characters_are_a_common_word),
];

/// Fewest occurrences in the general lexicon's corpus for a word of two characters to be too
/// common to be a person's name as well (文件, 文章, 任期, 席位). jieba's person names stay
/// readable, however frequent.
const COMMON_WORD_AS_NAME_FREQ: u32 = 100;

/// A surname and one character that together are a common word of the general lexicon that is
/// not a person's name — a noun, an adjective, a place (「文件指」, 「文章說」, 「文中寫道」,
/// 「任期屆滿」: 文, 任 are surnames) — are that word. [`two_characters_are_a_clause_word`]
/// takes verbs and function words at any frequency; this takes the rest, when common.
fn two_characters_are_a_common_word(a: &Analysis<'_>, r: &NameReading) -> bool {
    r.name.len() == 2
        && a.general
            .word_at(r.name)
            .is_some_and(|e| e.freq >= COMMON_WORD_AS_NAME_FREQ && e.pos != PartOfSpeech::Person)
}

/// Fewest occurrences in the general lexicon's corpus for a single character to count as a word of
/// its own there (a verb or adverb standing alone, 續, 再, 供, 遂), rather than a morpheme of
/// longer words that is also read alone now and then.
const SINGLE_PREDICATE_FREQ: u32 = 1_000;

/// Whether a general-lexicon word of one character is a verb or function word of its own
/// ([`SINGLE_PREDICATE_FREQ`]): 續, 再, 以, 就.
pub(in crate::recognize) fn is_single_predicate(e: &Entry) -> bool {
    e.freq >= SINGLE_PREDICATE_FREQ && e.pos.is_verb_or_function_word()
}

/// Fewest margin units (see [`crate::ner::NameCandidate::margin`]) with which the name tagger
/// vouches for a surname and such a character as a name of their own (a given name 維 or 才 is
/// a verb or adverb too): twice what it needs to propose a name at all.
const MIN_MARGIN_SURNAME_THEN_PREDICATE: f32 = 20.0;

/// A surname of one character and a single-character verb or function word, where the article
/// names a person in full with that surname: court and news reports name a person once in full
/// (陳大文) and then by the surname alone (「陳續稱」, 「陳再指」, 「陳遂離開」), so the second
/// character opens the predicate and is no given name — unless the name tagger vouches for the
/// two characters as a name. Only two-character readings: a longer name with that surname is
/// another person (陳大文 and 陳志強 in one article).
fn surname_alone_then_predicate(a: &Analysis<'_>, r: &NameReading) -> bool {
    r.surname.len() == 1 && r.name.len() == 2 && surname_alone_before_predicate(a, r.name)
}

/// Whether `span`, a surname and one character, is the surname alone standing for a person named
/// in full in the article, then a single-character verb, adverb, preposition, conjunction,
/// pronoun or particle of the general lexicon (see [`surname_alone_then_predicate`]).
pub(in crate::recognize) fn surname_alone_before_predicate(a: &Analysis<'_>, span: Span) -> bool {
    // 陳太 (Mrs Chan), 黃伯: a surname and a word of address name a person.
    if span.len() != 2 || a.class(Role::KinAddress).has_char(a.char_at(span.start + 1)) {
        return false;
    }
    let predicate = a.general.word_at(Span::new(span.start + 1, span.end)).is_some_and(|e| is_single_predicate(&e));
    predicate && named_in_full_with_surname(a, a.char_at(span.start)) && !tagger_vouches(a, span)
}

/// Whether the name tagger proposes exactly `span` as a person with a margin of at least
/// [`MIN_MARGIN_SURNAME_THEN_PREDICATE`].
fn tagger_vouches(a: &Analysis<'_>, span: Span) -> bool {
    a.tagged_names()
        .iter()
        .any(|c| c.kind == EntityKind::Person && c.span == span && c.margin >= MIN_MARGIN_SURNAME_THEN_PREDICATE)
}

/// Whether a person the article names has a name of three characters or more that opens with the
/// (folded) surname `surname`.
fn named_in_full_with_surname(a: &Analysis<'_>, surname: char) -> bool {
    a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Person).any(|id| {
        a.entities.get(id).full_names.keys().any(|n| {
            let folded = crate::normalize::fold(n);
            folded.chars().count() >= 3 && folded.starts_with(surname)
        })
    })
}

/// The first two characters of a three-character reading are a frequent verb, adverb or function
/// word of the general lexicon, as [`two_characters_are_a_clause_word`] reads a two-character
/// one: 「警員包圍他」, 「分析師曾經指出」, 「成員包括前主席」 (包, 曾 are surnames) are a clause after
/// a title, not 包圍他, 曾經指. A reading the lexicon knows whole as a person's name stays a name.
fn opens_with_a_clause_word(a: &Analysis<'_>, r: &NameReading) -> bool {
    r.name.len() == 3
        && a.general
            .word_at(Span::new(r.name.start, r.name.start + 2))
            .is_some_and(|e| e.freq >= GIVEN_WORD_FREQ && e.pos.is_verb_or_function_word())
        && a.general.word_at(r.name).is_none_or(|e| e.pos != PartOfSpeech::Person)
}

/// How often the general lexicon must have a surname character as an adverb, preposition or
/// conjunction of its own for it to open a clause rather than a name (曾 29,107 times, 向 75,979).
const CLAUSE_SURNAME_FREQ: u32 = 1000;

/// How often the general lexicon must have the word a given name would open with for the
/// characters to be that word (表示, 市民, 多次), not a given name.
const GIVEN_WORD_FREQ: u32 = 100;

/// A surname character that is also a frequent adverb, preposition or conjunction (曾, 向, 於)
/// opens a clause when what follows it opens with a pronoun or with a word of the general lexicon
/// that is no person's name: 「律師曾表示」, 「記者向他查詢」, 「主席向市民致歉」, 「法官於會上」 are
/// 曾 + 表示, 向 + 他, not people. Given names that are no word stay names (曾蔭權, 向華強).
fn surname_is_a_clause_word(a: &Analysis<'_>, r: &NameReading) -> bool {
    r.surname.len() == 1
        && a.general.word_at(r.surname).is_some_and(|e| {
            e.freq >= CLAUSE_SURNAME_FREQ
                && matches!(e.pos, PartOfSpeech::Adverb | PartOfSpeech::Preposition | PartOfSpeech::Conjunction)
        })
        && a.general.starting_at(r.surname.end).any(|w| {
            if w.span.len() == 1 {
                w.entry.pos == PartOfSpeech::Pronoun
            } else {
                w.entry.freq >= GIVEN_WORD_FREQ && w.entry.pos != PartOfSpeech::Person
            }
        })
}

/// A surname and one character that together are a frequent verb, adverb or function word of the
/// general lexicon are that word, however firmly the reading ends: 「理事包括：」, 「律師陳詞時」,
/// 「他曾經」 (包, 陳, 曾 are surnames). Nouns stay readable as names (a given name is often a
/// noun's second character), and the lexicon's own person names are names.
fn two_characters_are_a_clause_word(a: &Analysis<'_>, r: &NameReading) -> bool {
    r.name.len() == 2
        && a.general
            .word_at(r.name)
            .is_some_and(|e| e.freq >= GeneralLexicon::ORDINARY_WORD_FREQ && e.pos.is_verb_or_function_word())
}

/// Reads a Chinese name (surname + one or two characters) starting at `start`: of the readings
/// no rule rejects, the one that ends most firmly (see [`End`]; an open end before an ordinary
/// word of the general lexicon, [`ordinary_word_follows`], counts as likely), the longer on a tie.
pub(super) fn read_name(a: &Analysis<'_>, start: usize) -> Option<Span> {
    let mut best: Option<(End, Span)> = None;
    // A compound surname (歐陽) is read as one: 歐 + 陽X is not tried.
    let compound = start + 2 <= a.chars.len() && a.lex.is_surname(a.folded(Span::new(start, start + 2)));
    for surname_len in [2, 1] {
        let surname = Span::new(start, start + surname_len);
        if surname.end > a.chars.len() || !a.lex.is_surname(a.folded(surname)) || (compound && surname_len == 1) {
            continue;
        }
        for given_len in [2, 1] {
            let name = Span::new(start, surname.end + given_len);
            if name.end > a.chars.len() {
                continue;
            }
            let reading = NameReading { surname, name };
            if NAME_REJECTIONS.iter().any(|(_, rejects)| rejects(a, &reading)) {
                continue;
            }
            let strength = match end_at(a, name.end) {
                End::Open if ordinary_word_follows(a, name.end) && !reads_as_ordinary_words(a, &reading) => End::Likely,
                strength => strength,
            };
            if strength > End::Open && best.is_none_or(|(s, b)| strength > s || (strength == s && name.len() > b.len()))
            {
                best = Some((strength, name));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// The reading is ordinary words of the general lexicon, not a name: the whole of it a word
/// that is no person's name (連續, 應邀, 關係), or the given name a number (一倍, 一點) or a
/// function word (他們, 儘管). An ordinary word after such a reading does not make it a name:
/// 「經理連續誤判」, 「主席向他們頒發」, 「較助理高一倍甚至更多」.
fn reads_as_ordinary_words(a: &Analysis<'_>, r: &NameReading) -> bool {
    let given = Span::new(r.surname.end, r.name.end);
    let whole_is_a_word = a
        .general
        .word_at(r.name)
        .is_some_and(|e| e.freq >= GeneralLexicon::ORDINARY_WORD_FREQ && e.pos != PartOfSpeech::Person);
    let given_is_a_function_word = given.len() >= 2
        && a.general.word_at(given).is_some_and(|e| {
            e.freq >= GeneralLexicon::ORDINARY_WORD_FREQ
                && matches!(
                    e.pos,
                    PartOfSpeech::Numeral
                        | PartOfSpeech::Quantity
                        | PartOfSpeech::Measure
                        | PartOfSpeech::Pronoun
                        | PartOfSpeech::Adverb
                        | PartOfSpeech::Conjunction
                        | PartOfSpeech::Preposition
                        | PartOfSpeech::Particle
                )
        });
    whole_is_a_word || given_is_a_function_word
}

/// The given name holds a character that is no ideograph: 陳A1.
fn given_name_not_ideographs(a: &Analysis<'_>, r: &NameReading) -> bool {
    !a.chars[r.surname.end..r.name.end].iter().all(|&c| is_cjk(c))
}

/// The given name ends with a character given names do not end with, but that follows names
/// (王勇等, 李明在, 張三也): the name is shorter.
fn given_name_ends_badly(a: &Analysis<'_>, r: &NameReading) -> bool {
    a.class(Role::NotInGivenName).has_char(a.char_at(r.name.end - 1))
}

/// Another mention holds some of it — unless the only mentions inside the given name are
/// two-character places (清遠 in 皇甫清遠, 文山 in 周文山 are the person's name, not the cities).
fn held_by_another_mention(a: &Analysis<'_>, r: &NameReading) -> bool {
    !a.entities.is_free(r.name) && !only_places_inside(a, Span::new(r.surname.end, r.name.end))
}

/// A title inside or across what would be the name: 邵副部長, 歐陽局長 are a surname and a title.
fn title_inside_or_across(a: &Analysis<'_>, r: &NameReading) -> bool {
    let span = r.name;
    a.crossing_words(span).any(|c| matches!(c, WordClass::Title(_)))
        || (span.start..span.end).any(|p| {
            a.word_starting_at(p, |c| matches!(c, WordClass::Title(_))).is_some_and(|(t, _)| t.end <= span.end)
        })
}

/// A time word of the general lexicon opens the reading: 周四 in 「總統周四表示」 is Thursday, and
/// 周五見 is Friday and a verb, not the surname 周 and a given name.
fn opens_with_time_word(a: &Analysis<'_>, r: &NameReading) -> bool {
    opens_with_a_time_word(a, r.name)
}

/// Whether an ordinary time word of the general lexicon (周一, 周末) of two characters or more
/// starts where `span` starts and ends inside it: a day, not a name.
pub(in crate::recognize) fn opens_with_a_time_word(a: &Analysis<'_>, span: Span) -> bool {
    a.general.starting_at(span.start).any(|w| {
        w.span.len() >= 2 && w.span.end <= span.end && w.entry.is_ordinary() && w.entry.pos == PartOfSpeech::Time
    })
}

/// Whether every mention overlapping the given name lies inside it and is a place of two
/// characters: 清遠 in 皇甫清遠, 文山 in 周文山 are the person's name, not the cities.
pub(in crate::recognize) fn only_places_inside(a: &Analysis<'_>, given: Span) -> bool {
    let name = Span::new(given.start.saturating_sub(2), given.end);
    a.entities
        .overlapping(name)
        .iter()
        .all(|(id, m)| given.contains(*m) && m.len() <= 2 && a.entities.kind(*id) == EntityKind::Place)
}

/// Reads a transliterated name with middle dots (馬庫斯·韋伯) starting at `start`. The part after
/// the last dot runs over transliteration characters only, and not into a speech verb, title or
/// boundary word (史密斯表示 → 史密斯).
pub(super) fn read_dotted(a: &Analysis<'_>, start: usize) -> Option<Span> {
    let mut p = start;
    let mut parts = 0;
    loop {
        let part_start = p;
        while p < a.chars.len() && is_cjk(a.char_at(p)) && p - part_start < 8 {
            let stop = p > part_start
                && (a.class(Role::NotInGivenName).has_char(a.char_at(p))
                    || !a.lex.transliteration.contains(&a.char_at(p))
                    || a.word_starting_at(p, |c| {
                        matches!(c, WordClass::SpeechVerb(_) | WordClass::Title(_) | WordClass::Boundary)
                    })
                    .is_some());
            // 頌巴·猜亞蓬，: a last character outside the table still ends the name when a firm
            // break follows it.
            let firm_after = end_at(a, p + 1) == End::Firm
                || a.word_starting_at(p + 1, |c| matches!(c, WordClass::SpeechVerb(_) | WordClass::Boundary)).is_some();
            let last_char = parts > 0
                && p > part_start
                && !a.lex.transliteration.contains(&a.char_at(p))
                && !a.class(Role::NotInGivenName).has_char(a.char_at(p))
                && firm_after
                && a.word_starting_at(p, |c| {
                    matches!(c, WordClass::SpeechVerb(_) | WordClass::Title(_) | WordClass::Boundary)
                })
                .is_none();
            if stop && parts > 0 && !last_char {
                break;
            }
            p += 1;
            if last_char {
                break;
            }
        }
        if p == part_start {
            return None;
        }
        parts += 1;
        if a.char_at(p) == '·' && is_cjk(a.char_at(p + 1)) {
            p += 1;
        } else {
            break;
        }
    }
    (parts >= 2).then_some(Span::new(start, p))
}

/// Reads a name in Latin script after a title (行政總裁 John Smith表示): one to four capitalised
/// words.
pub(super) fn read_latin(a: &Analysis<'_>, start: usize) -> Option<Span> {
    let mut p = start;
    let mut words = 0;
    while words < 4 && a.char_at(p).is_ascii_uppercase() {
        let w = p;
        p += 1;
        while a.char_at(p).is_ascii_alphabetic() || matches!(a.char_at(p), '\'' | '-' | '.') {
            p += 1;
        }
        if p - w < 2 {
            return None;
        }
        words += 1;
        if a.char_at(p) == ' ' && a.char_at(p + 1).is_ascii_uppercase() {
            p += 1;
        } else {
            break;
        }
    }
    (words > 0 && !a.char_at(p).is_ascii_alphanumeric()).then_some(Span::new(start, p))
}

/// Most characters of a transliterated name written without a dot (a given name and a surname
/// run together: 阿諾舒華辛力加 is seven).
const MAX_TRANSLITERATED: usize = 8;

/// Reads a transliterated name written without a dot right after a title: the longest run of
/// two to eight transliteration characters that ends where a name ends
/// ([`transliteration_ends`]) and opens with no ordinary word — 「總統特朗普表示」,
/// 「總統特朗普再次表示」, 「總統特朗普周一簽署」, 「副部長羅賓斯坦，」; not 「局長依然迴避」
/// (依然 is an adverb).
pub(super) fn read_transliterated(a: &Analysis<'_>, start: usize) -> Option<Span> {
    let run = transliteration_run(a, start);
    if run < start + 2 {
        return None;
    }
    let words = a.general.segment(Span::new(start, (run + WORD_AFTER).min(a.chars.len())));
    (start + 2..=run).rev().map(|end| Span::new(start, end)).find(|&span| {
        a.entities.is_free(span)
            && !a.crossing_words(span).any(|c| matches!(c, WordClass::Title(_) | WordClass::Boundary))
            && !opens_with_ordinary_word(a, span)
            && a.general.word_at(span).is_none_or(|e| e.freq < COMMON_WORD_FREQ)
            && transliteration_ends(a, span, run, &words)
    })
}

/// How many characters after a run of transliteration characters the segmentation that decides
/// where the name ends reads (a word of the text after it).
const WORD_AFTER: usize = 4;

/// How often the general lexicon has a word for it to be a common word whatever its tag: the
/// lexicon tags 明白 (understand) as a person's name, but no name is that frequent.
const COMMON_WORD_FREQ: u32 = 1000;

/// Where a run of transliteration characters starting at `start` ends (at most
/// [`MAX_TRANSLITERATED`]): before a character outside `transliteration.tsv`, a character given
/// names do not hold (的, 在), or a speech verb, title or boundary word opening after its first
/// character.
pub(super) fn transliteration_run(a: &Analysis<'_>, start: usize) -> usize {
    let mut p = start;
    while p < a.chars.len()
        && p - start < MAX_TRANSLITERATED
        && a.lex.transliteration.contains(&a.char_at(p))
        && !a.class(Role::NotInGivenName).has_char(a.char_at(p))
        && (p == start
            || a.word_starting_at(p, |c| {
                matches!(c, WordClass::SpeechVerb(_) | WordClass::Title(_) | WordClass::Boundary)
            })
            .is_none())
    {
        p += 1;
    }
    p
}

/// Whether a transliterated name may be `span` (of a run of transliteration characters ending at
/// `run`, the text from its start segmented as `words`): a word of the segmentation ends where it
/// ends, and
/// - at the run's end, the text goes on as after a name: a firm or likely end ([`End`]:
///   punctuation, a speech verb, 在, a date) or an ordinary word ([`follows_a_name`]: 再次);
/// - inside the run, an ordinary word that goes on past the run starts at its end: 蓬佩奧|強而有力;
///   a run is not cut between transliteration characters otherwise (馬克龍 is no 馬克 and 龍).
///
/// A last character that often follows names (強 of 強調, 坦 of 坦言) ends it only before a firm
/// end: 羅賓斯坦，.
fn transliteration_ends(a: &Analysis<'_>, span: Span, run: usize, words: &[Segment]) -> bool {
    let Some(next) = words.iter().position(|w| w.span.start == span.end) else {
        return false;
    };
    let end = end_at(a, span.end);
    if a.class(Role::AfterName).has_char(a.char_at(span.end - 1)) && end != End::Firm {
        return false;
    }
    let follows = words.get(next).is_some_and(follows_a_name);
    if span.end == run {
        end >= End::Likely || follows || known_foreign_name(a, span)
    } else {
        follows && words[next].span.end > run
    }
}

/// Whether the general lexicon knows `span` as a person's name of three characters or more and it
/// opens with no surname of `surnames.tsv`: a transliteration (特朗普, 斯科特) whatever follows it
/// — not a Chinese name the rules could not read whole (馬道 of 馬道立), nor two characters, too
/// often the start of a longer transliteration the table does not cover (格里 of 格里咸).
fn known_foreign_name(a: &Analysis<'_>, span: Span) -> bool {
    span.len() >= 3
        && a.general.word_at(span).is_some_and(|e| e.pos == PartOfSpeech::Person)
        && !a.lex.is_surname(a.folded(Span::new(span.start, span.start + 1)))
}

/// Whether a word of a segmentation reads as the text after a name: an ordinary word of two
/// characters or more that does not go on a name — a verb, adverb, preposition, time word or
/// fixed phrase (as [`ordinary_word_follows`] reads the general lexicon).
fn follows_a_name(w: &Segment) -> bool {
    w.span.len() >= 2
        && w.entry.is_some_and(|e| {
            e.freq >= GeneralLexicon::ORDINARY_WORD_FREQ
                && (!e.pos.can_begin_name()
                    || matches!(e.pos, PartOfSpeech::Time | PartOfSpeech::Phrase | PartOfSpeech::Idiom))
        })
}

/// Whether an ordinary word of the general lexicon of two characters or more, no proper name,
/// opens the span and ends inside it: 依然, 提高 after a title are no name. The lexicon's proper
/// names are left to the other rules: it lists many transliterations as places or brands (a
/// surname written alike), and a place the article names is a mention already.
pub(super) fn opens_with_ordinary_word(a: &Analysis<'_>, span: Span) -> bool {
    a.general
        .starting_at(span.start)
        .any(|w| w.span.len() >= 2 && w.span.end <= span.end && w.entry.is_ordinary() && !w.entry.pos.is_proper_name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{analysis_with, span_of};
    use crate::model::EntityKind;

    /// Whether rule `rule` rejects reading `name` (surname of `surname_len`) in `text`, with the
    /// `seeded` mentions placed first.
    fn rejects(rule: &str, text: &str, name: &str, surname_len: usize, seeded: &[(&str, EntityKind)]) -> bool {
        let a = analysis_with(text, None, seeded);
        let span = span_of(&a, name);
        let reading = NameReading { surname: Span::new(span.start, span.start + surname_len), name: span };
        let (_, f) = NAME_REJECTIONS.iter().find(|(n, _)| *n == rule).unwrap_or_else(|| panic!("no rule {rule}"));
        f(&a, &reading)
    }

    #[test]
    fn each_name_rejection_alone() {
        let rule = "the given name is not ideographs";
        assert!(rejects(rule, "據陳A1介紹", "陳A1", 1, &[]) && rejects(rule, "据陈A1介绍", "陈A1", 1, &[]));
        assert!(!rejects(rule, "陳大文表示", "陳大文", 1, &[]) && !rejects(rule, "陈大文表示", "陈大文", 1, &[]));
        let rule = "the given name ends with a character names do not end with";
        assert!(rejects(rule, "王勇等出席", "王勇等", 1, &[]) && rejects(rule, "王勇等出席", "王勇等", 1, &[]));
        assert!(rejects(rule, "李明在會上發言", "李明在", 1, &[]) && rejects(rule, "李明在会上发言", "李明在", 1, &[]));
        assert!(!rejects(rule, "王勇等出席", "王勇", 1, &[]) && !rejects(rule, "李明在会上发言", "李明", 1, &[]));
        let rule = "another mention holds it";
        let org = [("陳大文", EntityKind::Organization), ("陈大文", EntityKind::Organization)];
        assert!(rejects(rule, "陳大文表示", "陳大文", 1, &org) && rejects(rule, "陈大文表示", "陈大文", 1, &org));
        let place = [("文山", EntityKind::Place)];
        assert!(
            !rejects(rule, "司長周文山出席", "周文山", 1, &place)
                && !rejects(rule, "司长周文山出席", "周文山", 1, &place)
        );
        let rule = "two characters that are a common word";
        assert!(rejects(rule, "文件指，計劃延期", "文件", 1, &[]) && rejects(rule, "文件指，计划延期", "文件", 1, &[]));
        assert!(rejects(rule, "文章說，計劃延期", "文章", 1, &[]) && rejects(rule, "文章说，计划延期", "文章", 1, &[]));
        assert!(
            !rejects(rule, "文亮表示，計劃延期", "文亮", 1, &[])
                && !rejects(rule, "文亮表示，计划延期", "文亮", 1, &[])
        );
        let rule = "a surname standing for a person named in full, then a verb";
        let named = [("陳志明", EntityKind::Person), ("陈志明", EntityKind::Person)];
        let (hant, hans) = ("警長陳志明到場。陳續稱，現場混亂。", "警长陈志明到场。陈续称，现场混乱。");
        assert!(rejects(rule, hant, "陳續", 1, &named[..1]) && rejects(rule, hans, "陈续", 1, &named[1..]));
        assert!(!rejects(rule, hant, "陳續", 1, &[]) && !rejects(rule, hans, "陈续", 1, &[]));
        let rule = "a title inside or across it";
        assert!(rejects(rule, "邵副部長表示", "邵副部", 1, &[]) && rejects(rule, "邵副部长表示", "邵副部", 1, &[]));
        assert!(!rejects(rule, "邵明表示", "邵明", 1, &[]) && !rejects(rule, "邵明表示", "邵明", 1, &[]));
        let rule = "the surname is a clause word before a word";
        for (text, reading) in [
            ("律師曾表示不滿", "曾表示"),
            ("律师曾表示不满", "曾表示"),
            ("記者向他查詢", "向他"),
            ("记者向他查询", "向他"),
            ("主席向市民致歉", "向市民"),
            ("主席向市民致歉", "向市民"),
        ] {
            assert!(rejects(rule, text, reading, 1, &[]), "{text}");
        }
        for (text, name) in [("警員曾志明表示", "曾志明"), ("警员曾志明表示", "曾志明"), ("律師向子健指出", "向子健")]
        {
            assert!(!rejects(rule, text, name, 1, &[]), "{text}");
        }
        let rule = "three characters that open with a clause word";
        for (text, reading) in [("警員包圍他們", "包圍他"), ("警员包围他们", "包围他"), ("分析師曾經指出", "曾經指")]
        {
            assert!(rejects(rule, text, reading, 1, &[]), "{text}");
        }
        for (text, name) in [("警員包志明表示", "包志明"), ("警员包志明表示", "包志明")] {
            assert!(!rejects(rule, text, name, 1, &[]), "{text}");
        }
    }

    #[test]
    fn a_name_after_a_title_ends_before_an_ordinary_word() {
        for (text, name) in [
            ("國家主席陳大文通電話討論。", Some("陳大文")),
            ("国家主席陈大文通电话讨论。", Some("陈大文")),
            ("本報記者 江小明儘管下雨仍到場。", Some("江小明")),
            ("本报记者 江小明尽管下雨仍到场。", Some("江小明")),
            // A number and its measure is no given name, whatever follows it.
            ("薪金較助理高一倍甚至更多。", None),
            ("薪金较助理高一倍甚至更多。", None),
            // Ordinary words after a title: an adverb, a pronoun after a surname-like character.
            ("基金經理連續誤判。", None),
            ("基金经理连续误判。", None),
            ("主席向他們頒發獎狀。", None),
            ("主席向他们颁发奖状。", None),
        ] {
            let a = analysis_with(text, None, &[]);
            let start = a.chars.iter().position(|&c| "陳陈江高連连向".contains(c)).unwrap();
            assert_eq!(read_name(&a, start).map(|s| a.surface(s).to_owned()).as_deref(), name, "{text}");
        }
    }

    #[test]
    fn the_reading_that_ends_most_firmly_wins() {
        for (text, name) in [("全國政協副主席張明等出席。", "張明"), ("全国政协副主席张明等出席。", "张明")]
        {
            let a = analysis_with(text, None, &[]);
            assert_eq!(read_name(&a, span_of(&a, name).start).map(|s| a.surface(s).to_owned()).as_deref(), Some(name));
        }
        for (text, name) in [("財政司司長王小華，律政司司長", "王小華"), ("财政司司长王小华，律政司司长", "王小华")]
        {
            let a = analysis_with(text, None, &[]);
            assert_eq!(read_name(&a, span_of(&a, name).start).map(|s| a.surface(s).to_owned()).as_deref(), Some(name));
        }
    }
}
