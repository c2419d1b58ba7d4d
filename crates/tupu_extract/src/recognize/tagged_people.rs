//! People the name tagger proposes and no rule contradicts: names without a title next to them —
//! in lists (出席的有陳大文、李小明), in captions (陳大文（右一）), as subjects (陳大文昨日到訪).
//!
//! The tagger ([`crate::ner::NameTagger`], `data/ner/README.md`) reads the whole article and proposes person
//! names with a margin (how much better it found this exact span than the nearest alternative).
//! It proposes; the rules here decide, after the rules of [`super::person`] have placed the
//! people they find by titles and speech verbs:
//!
//! 1. Each proposal is settled against the text ([`SETTLING`]): its edges trimmed to ideographs,
//!    cut where a word of the general lexicon runs past its end (王勇致 of 王勇致辭 → 王勇), where
//!    it ends with a character given names do not end with (陳大文也 → 陳大文), before a common
//!    word it swallowed (陳大文太太 → 陳大文), and cut to a person already found or proposed
//!    whose name it extends (in-article consistency: 陳大文倚 → 陳大文 when 陳大文 is a person).
//! 2. It is then a person unless one of the [`REJECTIONS`] applies: not two to four ideographs,
//!    no surname from `surnames.tsv` (or not a transliteration, a nickname, 阿明, or a rare
//!    surname, 奚, with a stronger margin), too small
//!    a margin, inside or across a mention already placed (an organisation, a place, a known
//!    name), across a word boundary of the general lexicon, a common word, a title of a work.
//! 3. An accepted name is the same person everywhere else it stands as a word.
//!
//! Organisations and places the tagger proposes are not used: unconfirmed, most are off by a
//! character, and those a rule confirms are found by the rules already (`data/ner/README.md`).

use crate::analysis::Analysis;
use crate::boundary::{End, end_at};
use crate::lexicon::general::{GeneralLexicon, PartOfSpeech};
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind};
use crate::ner::NameCandidate;
use crate::span::Span;
use crate::text::is_cjk;

/// Fewest margin units a proposal needs (the tagger's margin: see [`NameCandidate::margin`]).
/// Measured on the development articles: below 10, most proposals are off by a character.
const MIN_MARGIN: f32 = 10.0;

/// Fewest margin units a transliterated name needs: without a surname, only the tagger vouches
/// for it (特朗普, 埃爾多安 — but also 溫哥華, a city).
const MIN_MARGIN_TRANSLITERATED: f32 = 20.0;

/// The names of the article's people: each name (folded) and how many times it is attested — by
/// a proposal of the tagger left whole by the other settling rules, or, counted twice, by a
/// person the rules found.
pub(super) type Names = std::collections::HashMap<Vec<char>, usize>;

/// A person name the tagger proposes, as the rules see it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Proposal {
    /// Where it is (after settling).
    pub(super) span: Span,
    /// The tagger's margin for its original span.
    pub(super) margin: f32,
}

/// A rule that settles a proposal against the text: the span it becomes (`None`: unchanged).
pub(super) type Settle = fn(&Analysis<'_>, &GeneralLexicon, &Names, Span) -> Option<Span>;

/// The settling rules, applied in this order (each sees the span the previous ones left).
pub(super) const SETTLING: &[(&str, Settle)] = &[
    ("edges trimmed to ideographs", trim_to_ideographs),
    ("a second surname before it", second_surname_before),
    ("a word runs past its end", cut_word_past_end),
    ("a character given names do not end with", cut_bad_last_character),
    ("a common word swallowed at its end", cut_common_word_at_end),
    ("consistent with the article's other names", consistent_with_other_names),
];

/// A rule that says a settled proposal is no person: `(what it says, whether it applies)`.
pub(super) type Rejection = (&'static str, fn(&Analysis<'_>, &GeneralLexicon, &Proposal) -> bool);

/// Why a proposal is no person. They are independent; any one rejects.
pub(super) const REJECTIONS: &[Rejection] = &[
    ("not two to four ideographs", not_two_to_four_ideographs),
    ("no surname and no transliteration", no_surname_nor_transliteration),
    ("too small a margin", too_small_a_margin),
    ("another mention holds it", held_by_another_mention),
    ("a lexicon word crosses its edge", crosses_a_word),
    ("a title, speech verb or boundary word in it", function_word_inside),
    ("a common word", common_word),
    ("a time word opens it", time_word_first),
    ("the given name is a function word", given_name_is_a_function_word),
    ("the title of a work", title_of_a_work),
    ("a surname standing for a person named in full, then a verb", surname_alone_then_predicate),
];

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    let lex = GeneralLexicon::embedded();
    // A proposal that is exactly a mention the rules found adds nothing: most of a long
    // article's proposals repeat its people, and settling each costs lexicon lookups.
    let candidates: Vec<NameCandidate> = a
        .tagged_names()
        .iter()
        .copied()
        .filter(|c| c.kind == EntityKind::Person && !a.entities.has_mention_at(c.span))
        .collect();
    if candidates.is_empty() {
        return;
    }
    // The names of the people already found, and every name proposed (settled without the
    // consistency rule): what a proposal may be cut to.
    let mut names = Names::new();
    for id in a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Person) {
        let d = a.entities.get(id);
        for n in d.full_names.keys().chain(&d.short_names) {
            *names.entry(crate::normalize::fold(n).chars().collect()).or_default() += 2;
        }
    }
    let own = SETTLING.len() - 1;
    let mut short_forms: Vec<Vec<char>> = Vec::new();
    for c in &candidates {
        let span = settle(a, lex, &Names::new(), c.span, &SETTLING[..own]);
        if c.margin < MIN_MARGIN {
            continue;
        }
        if span == c.span {
            *names.entry(a.chars_of(span).to_vec()).or_default() += 1;
        }
        // 林陳 names 林陳美娟 again (`resolve::double_surname_short_form`): a proposal running
        // past it (林陳再) is cut to it as to any other name of hers.
        if super::person::opens_with_two_surnames(a, a.chars_of(span)) {
            short_forms.push(a.chars_of(span)[..2].to_vec());
        }
    }
    short_forms.extend(
        names
            .keys()
            .filter(|n| super::person::opens_with_two_surnames(a, n))
            .map(|n| n[..2].to_vec())
            .collect::<Vec<_>>(),
    );
    for short in short_forms {
        *names.entry(short).or_default() += 2;
    }
    let mut proposals: Vec<Proposal> = candidates
        .iter()
        .map(|c| Proposal { span: settle(a, lex, &names, c.span, SETTLING), margin: c.margin })
        .collect();
    proposals.sort_by(|x, y| y.margin.total_cmp(&x.margin).then(x.span.cmp(&y.span)));
    let mut accepted: Vec<(EntityId, Span)> = Vec::new();
    for p in proposals {
        if REJECTIONS.iter().any(|(_, rejects)| rejects(a, lex, &p)) {
            continue;
        }
        // What still overlaps it is a place that is its given name: it gives way.
        for (_, m) in a.entities.overlapping(p.span) {
            a.entities.remove_mention(m);
        }
        if let Some(id) = accept_person(a, p.span) {
            accepted.push((id, p.span));
        }
    }
    for (id, span) in accepted {
        everywhere(a, id, span);
    }
}

/// The surname alone for a person the article names in full, then a single-character verb or
/// function word (「陳再指」, 「陳走在前」): see
/// [`super::person::surname_alone_before_predicate`].
fn surname_alone_then_predicate(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    super::person::surname_alone_before_predicate(a, p.span)
}

/// Applies `rules` in order to a proposal's span.
fn settle(a: &Analysis<'_>, lex: &GeneralLexicon, names: &Names, span: Span, rules: &[(&str, Settle)]) -> Span {
    rules
        .iter()
        .fold(span, |span, (_, rule)| if span.is_empty() { span } else { rule(a, lex, names, span).unwrap_or(span) })
}

/// Makes the name at `span` a mention of the person it names (a new one, or the one already
/// named so), unless the name is already something other than a person's.
pub(super) fn accept_person(a: &mut Analysis<'_>, span: Span) -> Option<EntityId> {
    let surface = a.surface(span).to_owned();
    let id = a.entities.create(EntityKind::Person, &surface, true);
    if a.entities.kind(id) != EntityKind::Person {
        return None;
    }
    a.entities.add_mention(id, span, &surface);
    Some(id)
}

/// Every other occurrence of an accepted name where it stands as a word (not glued into a
/// longer name, no lexicon word across its edges) is a mention of the same person.
pub(super) fn everywhere(a: &mut Analysis<'_>, id: EntityId, span: Span) {
    let folded: String = a.chars_of(span).iter().collect();
    for other in a.occurrences(&folded) {
        if other == span || !a.entities.is_free(other) || crosses(a, other) {
            continue;
        }
        if other.len() <= 3 && is_cjk(a.char_at(other.end)) && end_at(a, other.end) == End::Open {
            continue;
        }
        let surface = a.surface(other).to_owned();
        a.entities.add_mention(id, other, &surface);
    }
}

/// Spaces and punctuation at either edge are no part of a name: 「　特朗普」 → 特朗普.
fn trim_to_ideographs(a: &Analysis<'_>, _: &GeneralLexicon, _: &Names, span: Span) -> Option<Span> {
    let mut s = span;
    while s.start < s.end && !is_cjk(a.char_at(s.start)) {
        s.start += 1;
    }
    while s.end > s.start && !is_cjk(a.char_at(s.end - 1)) {
        s.end -= 1;
    }
    (s != span).then_some(s)
}

/// A word of the general lexicon that starts inside the name, after its first two characters,
/// and runs past its end belongs to the text after it: 王勇致|辭表示 → 王勇.
fn cut_word_past_end(a: &Analysis<'_>, _: &GeneralLexicon, _: &Names, span: Span) -> Option<Span> {
    let cut = a.general.ordinary_crossing_from(span.start + 2, span.end)?;
    Some(Span::new(span.start, cut))
}

/// A last character given names do not end with, but that follows names (`function_words.tsv`,
/// `not-in-given-name`): 陳大文也 → 陳大文; a surname and such a character is no name (郭與 →
/// 郭, rejected).
fn cut_bad_last_character(a: &Analysis<'_>, _: &GeneralLexicon, _: &Names, span: Span) -> Option<Span> {
    (span.len() >= 2 && a.class(Role::NotInGivenName).has_char(a.char_at(span.end - 1)))
        .then(|| Span::new(span.start, span.end - 1))
}

/// A common word of two characters or more at the end, after a name of two or more, is the
/// next word of the text: 陳大文太太 → 陳大文, 特朗普周四 → 特朗普.
fn cut_common_word_at_end(a: &Analysis<'_>, _: &GeneralLexicon, _: &Names, span: Span) -> Option<Span> {
    a.general
        .words_ending_at(span.end)
        .filter(|w| {
            w.span.len() >= 2
                && w.span.start >= span.start + 2
                && is_common(w.entry.pos)
                && w.entry.freq >= GeneralLexicon::ORDINARY_WORD_FREQ
        })
        .map(|w| w.span.start)
        .min()
        .map(|cut| Span::new(span.start, cut))
}

/// A proposal is read as the article's other names read it (in-article consistency): one that
/// extends a name attested at least as often is that name and the next word (陳大文倚 → 陳大文
/// when 陳大文 is named elsewhere); one attested nowhere else that is the start of a name
/// attested twice, where the text goes on with that name, is that name (陳大 → 陳大文). A
/// four-character name opening with two surnames is not cut to them when the rest is no word
/// of the general lexicon: 林陳 is her short form (`resolve::double_surname_short_form`),
/// 林陳美娟 her name — but 林陳拉票 is 林陳 and a verb.
fn consistent_with_other_names(a: &Analysis<'_>, _: &GeneralLexicon, names: &Names, span: Span) -> Option<Span> {
    let chars = a.chars_of(span);
    let given = Span::new(span.start + 2, span.end);
    let two_surnames = super::person::opens_with_two_surnames(a, chars)
        && a.general.word_at(given).is_none_or(|e| e.pos == PartOfSpeech::Person)
        && !crosses(a, given);
    let own = names.get(chars).copied().unwrap_or(0);
    let prefix = names
        .iter()
        .filter(|&(n, &count)| {
            n.len() >= 2
                && count >= own
                && n.len() < chars.len()
                && chars.starts_with(n)
                && !(two_surnames && n.len() == 2)
        })
        .map(|(n, _)| n.len())
        .max();
    if let Some(len) = prefix {
        return Some(Span::new(span.start, span.start + len));
    }
    if own >= 2 {
        return None;
    }
    names
        .iter()
        .filter(|&(n, &count)| {
            count >= 2
                && n.len() > chars.len()
                && n.len() <= 4
                && a.chars_of(Span::new(span.start, span.start + n.len())) == n.as_slice()
        })
        .map(|(n, _)| n.len())
        .max()
        .map(|len| Span::new(span.start, span.start + len))
}

/// A Hong Kong married woman's name carries her husband's surname before her own (林鄭X, 葉劉X):
/// a surname right before a three-character name opening with a surname is part of it — unless
/// that character is a word that cannot open a name (由陳大文: 由 is a preposition) or the end of
/// a word before it.
fn second_surname_before(a: &Analysis<'_>, _: &GeneralLexicon, _: &Names, span: Span) -> Option<Span> {
    if span.len() != 3 || span.start == 0 || !a.lex.is_surname(a.folded(Span::new(span.start, span.start + 1))) {
        return None;
    }
    let before = Span::new(span.start - 1, span.start);
    let opens = a.general.word_at(before).is_none_or(|e| e.pos.can_begin_name());
    (a.lex.is_surname(a.folded(before)) && opens && !a.general.is_crossed(before.start))
        .then(|| Span::new(before.start, span.end))
}

/// Two to four ideographs: 陳大文, 歐陽明月; not 陳 alone, nor a clause.
fn not_two_to_four_ideographs(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    !(2..=4).contains(&p.span.len()) || !a.chars_of(p.span).iter().all(|&c| is_cjk(c))
}

/// A Chinese name opens with a surname of `surnames.tsv`; a name without one must be a
/// transliteration (`transliteration.tsv`) the tagger is surer of: 特朗普.
fn no_surname_nor_transliteration(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    !(has_surname(a, p.span)
        || (is_transliterated(a, p.span) && p.margin >= MIN_MARGIN_TRANSLITERATED)
        || familiar_name(a, p)
        || rare_surname_name(a, p))
}

/// A rare surname (`function_words.tsv`, rare-surname: 狄, 奚, 容) and a two-character given name
/// that is no ordinary word: such a surname is left out of `surnames.tsv` because its character
/// is mostly an ordinary word (容易, 回應) or because the tagger was trained without it, so only the
/// tagger vouches for the name, at the margin of a transliteration (主席奚志明表示). A one-character
/// given name is too often a cut transliteration or a longer name (貝爾氏), and 練同學 is the student
/// surnamed 練, not her name.
fn rare_surname_name(a: &Analysis<'_>, p: &Proposal) -> bool {
    let given = Span::new(p.span.start + 1, p.span.end);
    p.span.len() == 3
        && p.margin >= MIN_MARGIN_TRANSLITERATED
        && !a
            .general
            .word_at(given)
            .is_some_and(|e| e.freq >= GeneralLexicon::ORDINARY_WORD_FREQ && e.pos != PartOfSpeech::Person)
        && a.class(Role::RareSurname).has_char(a.char_at(p.span.start))
}

/// A nickname: the familiar prefix (`function_words.tsv`, familiar-prefix: 阿) and one
/// character, the way Hong Kong reporting names interviewees and pseudonymous people (阿明說,
/// 受訪者阿玲). Without a surname only the tagger vouches for it, so it needs the margin of a
/// transliteration. A kinship word after the prefix makes a form of address, no name (阿姨,
/// 阿伯; `function_words.tsv`, kin-address: the general lexicon tags most of them as names).
fn familiar_name(a: &Analysis<'_>, p: &Proposal) -> bool {
    let second = a.char_at(p.span.start + 1);
    p.span.len() == 2
        && p.margin >= MIN_MARGIN_TRANSLITERATED
        && a.class(Role::FamiliarPrefix).has_char(a.char_at(p.span.start))
        && is_cjk(second)
        && !a.class(Role::KinAddress).has_char(second)
}

/// The tagger is not sure enough of this exact span — unless it has the shape of a full Chinese
/// name ([`full_chinese_name`]).
fn too_small_a_margin(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    p.margin < MIN_MARGIN && !full_chinese_name(a, p.span)
}

/// A one-character surname and a two-character given name that is no ordinary word of the
/// general lexicon (陳思穎, 张伟建; not 唐聘請, a surname and a verb, nor 袁同學, the student surnamed
/// 袁): the tagger's margin on such a span is small mostly because a character of the given name
/// is rare in its training text, not because the span is in doubt. Every other rejection still
/// applies. Open corpus: 210 such names in 177 articles were rejected for their margin alone, and
/// 38 of a sample of 40 were people's names (the two others fail this shape).
fn full_chinese_name(a: &Analysis<'_>, span: Span) -> bool {
    let given = Span::new(span.start + 1, span.end);
    span.len() == 3
        && surname_len(a, span) == Some(1)
        && a.chars_of(given).iter().all(|&c| is_cjk(c))
        && !a
            .general
            .word_at(given)
            .is_some_and(|e| e.freq >= GeneralLexicon::ORDINARY_WORD_FREQ && e.pos != PartOfSpeech::Person)
}

/// Fewest margin units a three-character name needs when its given name is a place of the
/// lexicon (張泰安, 泰安 a city): below it, most such proposals are a preposition or verb and a
/// place (於貴陽, 任北韓).
const MIN_MARGIN_PLACE_AS_GIVEN_NAME: f32 = 50.0;

/// A mention already placed overlaps it (an organisation, a place, a known name, a person the
/// rules found): the rules know better — unless it is only a place that is the given name
/// ([`place_as_given_name`]).
fn held_by_another_mention(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    !a.entities.is_free(p.span) && !place_as_given_name(a, p)
}

/// A surname and a two-character place the tagger is sure of make a name, as the rules read
/// 周文山 (`person::only_places_inside`): 陳嘉義, 李泰安 — the place gives way to the person.
fn place_as_given_name(a: &Analysis<'_>, p: &Proposal) -> bool {
    p.margin >= MIN_MARGIN_PLACE_AS_GIVEN_NAME
        && p.span.len() == 3
        && surname_len(a, p.span) == Some(1)
        && super::person::only_places_inside(a, Span::new(p.span.start + 1, p.span.end))
}

/// A word of the general lexicon crosses the name's start or end: 關於|李明 — 于 would be the
/// surname of 於李明 (关于 crosses it).
fn crosses_a_word(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    crosses(a, p.span)
}

/// A title, speech verb or boundary word of tupu's lexicons inside or across it: 陳局長, 李明表.
/// The name's own surname is not such a word where it opens the name ([`surname_as_boundary`]).
fn function_word_inside(a: &Analysis<'_>, _lex: &GeneralLexicon, p: &Proposal) -> bool {
    let is_function = |c: WordClass| matches!(c, WordClass::Title(_) | WordClass::SpeechVerb(_) | WordClass::Boundary);
    a.crossing_words(p.span).any(is_function)
        || (p.span.start..p.span.end).any(|q| {
            a.words.starting_at(q).iter().any(|w| {
                w.span.end <= p.span.end
                    && a.lex.vocabulary.classes(w.pattern).iter().any(|&c| {
                        is_function(c)
                            && !(c == WordClass::Boundary
                                && (surname_as_boundary(a, p.span, w.span)
                                    || given_name_character_as_boundary(a, p, w.span)))
                    })
            })
        })
}

/// A one-character boundary word that opens the given name of a three-character name is a
/// given-name character when the tagger is as sure of the name as of a transliteration (margin
/// 20) and the given name is no ordinary word: 亦, 乃, 其, 向 are adverbs, pronouns or
/// prepositions in 亦表示 or 向記者, but given-name characters in 李亦山, 何乃文, 周其安, 馬向榮.
/// A speech verb or title inside (劉重申, 陳督察) still rejects the name.
fn given_name_character_as_boundary(a: &Analysis<'_>, p: &Proposal, word: Span) -> bool {
    let given = Span::new(word.start, p.span.end);
    p.span.len() == 3
        && word.len() == 1
        && word.start == p.span.start + 1
        && p.margin >= MIN_MARGIN_TRANSLITERATED
        && has_surname(a, p.span)
        && a.general
            .word_at(given)
            .is_none_or(|e| e.pos == PartOfSpeech::Person || e.freq < GeneralLexicon::ORDINARY_WORD_FREQ)
}

/// A one-character boundary word that opens the name is its surname when the character is a
/// surname, not a preposition of the general lexicon, and the rest is no ordinary word: 曾 is the
/// adverb "once" in 曾表示 or 曾任 but the surname of 曾志明. A preposition stays a boundary:
/// 於 and 向 before a place or a person (分布於沙田, 向陳說) are far more often the preposition
/// than the surname.
fn surname_as_boundary(a: &Analysis<'_>, name: Span, word: Span) -> bool {
    let given = Span::new(word.end, name.end);
    word.start == name.start
        && word.len() == 1
        && !given.is_empty()
        && a.lex.is_surname(a.folded(word))
        && a.general.word_at(word).is_none_or(|e| e.pos != PartOfSpeech::Preposition)
        && a.general
            .word_at(given)
            .is_none_or(|e| e.pos == PartOfSpeech::Person || e.freq < GeneralLexicon::ORDINARY_WORD_FREQ)
}

/// The whole name is a word of the general lexicon that is not a person's name: 周五 (a day),
/// 高達 (a verb), 溫哥華 (a city).
fn common_word(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    a.general.word_at(p.span).is_some_and(|e| e.pos != PartOfSpeech::Person)
}

/// A time word opens it: 周四提 is Thursday and a verb (`person::opens_with_a_time_word`).
fn time_word_first(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    super::person::opens_with_a_time_word(a, p.span)
}

/// After the surname stands a function word of the general lexicon, not a given name: 李立即
/// (an adverb), 陳他們 (a pronoun).
fn given_name_is_a_function_word(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    let surname = surname_len(a, p.span).unwrap_or(1);
    let given = Span::new(p.span.start + surname, p.span.end);
    given.len() >= 2
        && a.general.word_at(given).is_some_and(|e| {
            e.freq >= GeneralLexicon::ORDINARY_WORD_FREQ
                && matches!(
                    e.pos,
                    PartOfSpeech::Adverb
                        | PartOfSpeech::Pronoun
                        | PartOfSpeech::Conjunction
                        | PartOfSpeech::Preposition
                        | PartOfSpeech::Particle
                )
        })
}

/// A name in book-title marks is a work: 《蒙娜麗莎》.
fn title_of_a_work(a: &Analysis<'_>, _: &GeneralLexicon, p: &Proposal) -> bool {
    p.span.start > 0 && a.char_at(p.span.start - 1) == '《' && a.char_at(p.span.end) == '》'
}

/// Whether the span opens with a surname.
fn has_surname(a: &Analysis<'_>, span: Span) -> bool {
    surname_len(a, span).is_some()
}

/// How many characters of the surname the span opens with: two first (歐陽) when a given name
/// still follows, else one.
fn surname_len(a: &Analysis<'_>, span: Span) -> Option<usize> {
    [2, 1]
        .into_iter()
        .find(|&n| (n == 1 || span.len() >= 3) && a.lex.is_surname(a.folded(Span::new(span.start, span.start + n))))
}

/// Whether every character is a transliteration character, three at least.
pub(super) fn is_transliterated(a: &Analysis<'_>, span: Span) -> bool {
    span.len() >= 3 && a.chars_of(span).iter().all(|c| a.lex.transliteration.contains(c))
}

/// Whether a general-lexicon word other than a person's name crosses the start or end of `span`.
fn crosses(a: &Analysis<'_>, span: Span) -> bool {
    [span.start, span.end].into_iter().any(|pos| crate::boundary::ordinary_word_crosses(a, pos))
}

/// Whether a word of this category is an ordinary word a name does not end with.
fn is_common(pos: PartOfSpeech) -> bool {
    !pos.is_proper_name() && !matches!(pos, PartOfSpeech::Morpheme | PartOfSpeech::Other | PartOfSpeech::Abbreviation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::analysis_with;

    /// The entities found in `text` by the rules and then the tagger.
    fn entities(text: &str) -> Vec<crate::model::Entity> {
        let mut a = analysis_with(text, None, &[]);
        super::super::known::recognise(&mut a);
        super::super::names::recognise(&mut a);
        super::super::person::recognise(&mut a);
        recognise(&mut a);
        a.entities.finish(false).0
    }

    /// The people found in `text` by the rules and then the tagger, by label.
    fn people(text: &str) -> Vec<String> {
        entities(text).into_iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.label).collect()
    }

    fn assert_people(texts: [&str; 2], expected: [&[&str]; 2]) {
        for (text, names) in texts.into_iter().zip(expected) {
            let mut found = people(text);
            found.sort();
            let mut names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
            names.sort();
            assert_eq!(found, names, "{text}");
        }
    }

    /// A full Chinese name needs no margin; a surname and an ordinary word, or a compound
    /// surname, keep needing one.
    #[test]
    fn full_chinese_name_shape() {
        for (text, expected) in [
            ("陳思穎", true),
            ("陈思颖", true),
            ("唐聘請", false),
            ("唐聘请", false),
            ("袁同學", false),
            ("袁同学", false),
            ("歐陽明", false),
            ("欧阳明", false),
            ("陳思", false),
        ] {
            let a = analysis_with(text, None, &[]);
            let span = Span::new(0, text.chars().count());
            assert_eq!(full_chinese_name(&a, span), expected, "{text}");
        }
    }

    #[test]
    fn names_in_a_list_after_attending() {
        assert_people(
            ["出席典禮的嘉賓包括陳志明、黃美玲和李國強。", "出席典礼的嘉宾包括陈志明、黄美玲和李国强。"],
            [&["陳志明", "黃美玲", "李國強"], &["陈志明", "黄美玲", "李国强"]],
        );
    }

    #[test]
    fn names_in_a_caption() {
        assert_people(
            ["陳志明（右一）與黃美玲（左二）在開幕禮上合照。", "陈志明（右一）与黄美玲（左二）在开幕礼上合照。"],
            [&["陳志明", "黃美玲"], &["陈志明", "黄美玲"]],
        );
    }

    #[test]
    fn a_name_as_the_subject_is_the_same_person_everywhere() {
        for text in ["劉家輝昨日到訪九龍城，劉家輝隨後會見居民。", "刘家辉昨日到访九龙城，刘家辉随后会见居民。"]
        {
            let entities = entities(text);
            let person = entities.iter().find(|e| e.kind == EntityKind::Person).expect("a person");
            assert_eq!(person.mentions.len(), 2, "{text}: {entities:?}");
        }
    }

    #[test]
    fn a_nickname_is_a_person_and_a_kinship_word_is_not() {
        assert_people(
            ["受訪的街坊阿強說，他每日都會到公園做運動。", "受访的街坊阿强说，他每日都会到公园做运动。"],
            [&["阿強"], &["阿强"]],
        );
        assert_people(["她說阿姨每日都會到公園。", "她说阿姨每日都会到公园。"], [&[], &[]]);
    }

    #[test]
    fn a_rare_surname_names_a_person_the_tagger_is_sure_of() {
        assert_people(
            ["協會主席奚志明表示，會員反對新規定。", "协会主席奚志明表示，会员反对新规定。"],
            [&["奚志明"], &["奚志明"]],
        );
        assert_people(["這個方法容易學，回應也快。", "这个方法容易学，回应也快。"], [&[], &[]]);
        assert_people(["學生練同學表示不會參加。", "学生练同学表示不会参加。"], [&[], &[]]);
    }

    #[test]
    fn a_boundary_character_opens_a_given_name_the_tagger_is_sure_of() {
        assert_people(["作家何乃文表示，新書下月出版。", "作家何乃文表示，新书下月出版。"], [&["何乃文"], &["何乃文"]]);
        assert_people(["議員周其安昨日表示反對。", "议员周其安昨日表示反对。"], [&["周其安"], &["周其安"]]);
    }

    #[test]
    fn days_and_common_words_are_no_people() {
        assert_people(["工會計劃於周五遊行，高達三千人參加。", "工会计划于周五游行，高达三千人参加。"], [&[], &[]]);
    }

    /// Each settling rule alone: (rule, text, proposed name, what it settles to).
    #[test]
    fn each_settling_rule_alone() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("edges trimmed to ideographs", "會上，陳志明表示", "，陳志明", "陳志明"),
            ("a second surname before it", "特首林鄭美娟表示", "鄭美娟", "林鄭美娟"),
            ("a second surname before it", "特首林郑美娟表示", "郑美娟", "林郑美娟"),
            ("a word runs past its end", "王志勇致辭表示", "王志勇致", "王志勇"),
            ("a word runs past its end", "王志勇致辞表示", "王志勇致", "王志勇"),
            ("a character given names do not end with", "陳志明也表示", "陳志明也", "陳志明"),
            ("a character given names do not end with", "由郭與陳主持", "郭與", "郭"),
            ("a character given names do not end with", "由郭与陈主持", "郭与", "郭"),
            ("a common word swallowed at its end", "黃大仁太太表示", "黃大仁太太", "黃大仁"),
            ("a common word swallowed at its end", "黄大仁周四表示", "黄大仁周四", "黄大仁"),
        ];
        let lex = GeneralLexicon::embedded();
        for (rule, text, proposed, settled) in cases {
            let a = analysis_with(text, None, &[]);
            let span = crate::analysis::testing::span_of(&a, proposed);
            let (_, f) = SETTLING.iter().find(|(n, _)| n == rule).unwrap_or_else(|| panic!("no rule {rule}"));
            let out = f(&a, lex, &Names::new(), span).unwrap_or(span);
            assert_eq!(a.surface(out), *settled, "{rule}: {text}");
        }
        // 由 is a preposition: no second surname.
        let a = analysis_with("活動由陳志明主持", None, &[]);
        let span = crate::analysis::testing::span_of(&a, "陳志明");
        assert_eq!(second_surname_before(&a, lex, &Names::new(), span), None);
    }

    #[test]
    fn a_name_is_read_as_the_article_reads_it_elsewhere() {
        let lex = GeneralLexicon::embedded();
        for (text, name, proposed) in
            [("周文彬說，周文彬倚在門邊。", "周文彬", "周文彬倚"), ("周文彬说，周文彬倚在门边。", "周文彬", "周文彬倚")]
        {
            let a = analysis_with(text, None, &[]);
            let names: Names =
                [(name.chars().map(|c| crate::normalize::fold(&c.to_string()).chars().next().unwrap()).collect(), 2)]
                    .into_iter()
                    .collect();
            let at = a.text().folded().rfind(&crate::normalize::fold(proposed)).unwrap();
            let start = a.text().char_at_folded_byte(at);
            let span = Span::new(start, start + 4);
            let out = consistent_with_other_names(&a, lex, &names, span).unwrap();
            assert_eq!(a.surface(out), name, "{text}");
            // …and its start is the whole name.
            let out = consistent_with_other_names(&a, lex, &names, Span::new(start, start + 2)).unwrap();
            assert_eq!(a.surface(out), name, "{text}");
        }
    }

    /// Each rejection alone: (rule, text, proposed name, margin, rejected?).
    #[test]
    fn each_rejection_alone() {
        let cases: &[(&str, &str, &str, f32, bool)] = &[
            ("not two to four ideographs", "陳表示", "陳", 50.0, true),
            ("not two to four ideographs", "陳志明表示", "陳志明", 50.0, false),
            ("no surname and no transliteration", "嘉賓大文明表示", "大文明", 50.0, true),
            ("no surname and no transliteration", "總統特朗普表示", "特朗普", 50.0, false),
            ("no surname and no transliteration", "總統特朗普表示", "特朗普", 12.0, true),
            ("no surname and no transliteration", "受訪者阿強表示", "阿強", 30.0, false),
            ("no surname and no transliteration", "受访者阿强表示", "阿强", 30.0, false),
            ("no surname and no transliteration", "受訪者阿強表示", "阿強", 12.0, true),
            ("no surname and no transliteration", "受訪者阿強仔表示", "阿強仔", 30.0, true),
            ("no surname and no transliteration", "她的阿姨表示", "阿姨", 30.0, true),
            ("no surname and no transliteration", "她的阿婶表示", "阿婶", 30.0, true),
            ("too small a margin", "陳明表示", "陳明", 5.0, true),
            ("too small a margin", "陈志明表示", "陈志明", 5.0, false),
            ("too small a margin", "陈志明表示", "陈志明", 15.0, false),
            ("a lexicon word crosses its edge", "有關於志明的報道", "於志明", 50.0, true),
            ("a lexicon word crosses its edge", "有关于志明的报道", "于志明", 50.0, true),
            ("a lexicon word crosses its edge", "嘉賓于志明表示", "于志明", 50.0, false),
            ("a title, speech verb or boundary word in it", "陳局長表示", "陳局長", 50.0, true),
            ("a title, speech verb or boundary word in it", "陈局长表示", "陈局长", 50.0, true),
            // 曾 is a boundary word (the adverb "once") but here the surname.
            ("a title, speech verb or boundary word in it", "嘉賓曾志明表示", "曾志明", 50.0, false),
            ("a title, speech verb or boundary word in it", "嘉宾曾志明表示", "曾志明", 50.0, false),
            // …not before an ordinary word, and a preposition stays one.
            ("a title, speech verb or boundary word in it", "他曾同意計劃", "曾同意", 50.0, true),
            ("a title, speech verb or boundary word in it", "他曾同意计划", "曾同意", 50.0, true),
            ("a title, speech verb or boundary word in it", "市民向志明求助", "向志明", 50.0, true),
            ("a common word", "計劃於周五遊行", "周五", 50.0, true),
            ("a common word", "计划于周五游行", "周五", 50.0, true),
            ("the given name is a function word", "由廖立即處理", "廖立即", 50.0, true),
            ("the given name is a function word", "由廖立明處理", "廖立明", 50.0, false),
            ("the title of a work", "名畫《李雲飛》展出", "李雲飛", 50.0, true),
            ("the title of a work", "名画《李云飞》展出", "李云飞", 50.0, true),
        ];
        let lex = GeneralLexicon::embedded();
        for (rule, text, name, margin, rejected) in cases {
            let a = analysis_with(text, None, &[]);
            let span = crate::analysis::testing::span_of(&a, name);
            let (_, f) = REJECTIONS.iter().find(|(n, _)| n == rule).unwrap_or_else(|| panic!("no rule {rule}"));
            assert_eq!(f(&a, lex, &Proposal { span, margin: *margin }), *rejected, "{rule}: {name} in {text}");
        }
        // A place that is the whole given name gives way to a name the tagger is sure of.
        for (text, place) in [("居民李泰安昨日發言", "泰安"), ("居民李泰安昨日发言", "泰安")] {
            let a = analysis_with(text, None, &[(place, EntityKind::Place)]);
            let span = crate::analysis::testing::span_of(&a, "李泰安");
            assert!(!held_by_another_mention(&a, lex, &Proposal { span, margin: 60.0 }), "{text}");
            assert!(held_by_another_mention(&a, lex, &Proposal { span, margin: 20.0 }), "{text}");
        }
        let a = analysis_with("發展局局長陳志明表示", None, &[("陳志明", EntityKind::Person)]);
        let span = crate::analysis::testing::span_of(&a, "陳志明");
        assert!(held_by_another_mention(&a, lex, &Proposal { span, margin: 50.0 }));
    }
}
