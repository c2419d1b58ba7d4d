//! Word boundaries: where a name may start and where it ends. Without a segmenter, the
//! recognisers decide a name's edges from what stands next to them — punctuation, the lexicon's
//! words (boundary words, titles, known names), conjunctions and the characters that follow
//! names. Every such decision is made here, by the rules below, so that a name recogniser, the
//! resolution of short names and the people recogniser agree on what a word edge is.

use crate::analysis::Analysis;
use crate::lexicon::general::{GeneralLexicon, PartOfSpeech};
use crate::lexicon::{Role, WordClass};
use crate::span::Span;
use crate::text::is_cjk;

/// What, right before a position, lets a word start there. The start of the text and a
/// character that is no ideograph (punctuation, a space, a digit) always do; each rule says which
/// of these it accepts as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Before {
    /// A character that joins names: 、, a conjunction or a comitative (與城大, 港大和城大).
    Joining,
    /// A boundary word of the lexicon (由港大, 在城大).
    Boundary,
    /// A title (校長陳大文).
    Title,
    /// A known name (香港城大…).
    Known,
    /// A mention the recognisers have already placed (理大校長).
    Mention,
}

/// Whether a word may start at `pos`, given what may stand before it.
pub(crate) fn word_starts_at(a: &Analysis<'_>, pos: usize, accepted: &[Before]) -> bool {
    if pos == 0 || !is_cjk(a.char_at(pos - 1)) {
        return true;
    }
    accepted.iter().any(|b| match b {
        Before::Joining => a.joins_names(a.char_at(pos - 1)),
        Before::Boundary => a.word_ending_at(pos, |c| c == WordClass::Boundary).is_some(),
        Before::Title => a.word_ending_at(pos, |c| matches!(c, WordClass::Title(_))).is_some(),
        Before::Known => a.word_ending_at(pos, |c| matches!(c, WordClass::Known(_))).is_some(),
        Before::Mention => !a.entities.mentions_ending_at(pos).is_empty(),
    })
}

/// How firmly a name ends at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum End {
    /// Nothing says a name ends here (王勇強: 強 may go on the name).
    Open,
    /// A boundary word, a character that often follows a name (在, 表, 將), or a date's digits
    /// (特首陳大文12日出席).
    Likely,
    /// The end of the text, punctuation, 、, 等, a speech verb or a title (王勇表示, 王勇主席).
    Firm,
}

/// How firmly a name ends at `pos` (see [`End`]).
pub(crate) fn end_at(a: &Analysis<'_>, pos: usize) -> End {
    let c = a.char_at(pos);
    if pos >= a.chars.len() || !(is_cjk(c) || c.is_ascii_alphanumeric()) || c == '、' || a.class(Role::Etc).has_char(c)
    {
        return End::Firm;
    }
    if a.word_starting_at(pos, |w| matches!(w, WordClass::SpeechVerb(_) | WordClass::Title(_))).is_some() {
        return End::Firm;
    }
    if a.word_starting_at(pos, |w| w == WordClass::Boundary).is_some()
        || a.class(Role::AfterName).has_char(c)
        || c.is_ascii_digit()
    {
        return End::Likely;
    }
    End::Open
}

/// Whether a name read after a title ends at `pos` because an ordinary word of the general
/// lexicon that does not go on a name opens there and no such word runs across `pos` — a verb,
/// adverb, conjunction, preposition, particle, pronoun, time word or fixed phrase of two
/// characters or more: 「主席陳大文通電話」, 「律師陳大文求情」, 「局長陳大文會上表示」,
/// 「記者陳大文儘管…」. [`end_at`] knows tupu's own short lists (speech verbs, boundary words,
/// the characters that follow names); this reads the general lexicon for the rest, so that a
/// title's name is not lost before a word those lists lack.
pub(crate) fn ordinary_word_follows(a: &Analysis<'_>, pos: usize) -> bool {
    let follows = |p: PartOfSpeech| {
        !p.can_begin_name() || matches!(p, PartOfSpeech::Time | PartOfSpeech::Phrase | PartOfSpeech::Idiom)
    };
    pos < a.chars.len()
        && a.general
            .starting_at(pos)
            .any(|w| w.span.len() >= 2 && w.entry.freq >= GeneralLexicon::ORDINARY_WORD_FREQ && follows(w.entry.pos))
        && !ordinary_word_crosses(a, pos)
}

/// Whether an ordinary word of the general lexicon, not a person's name, runs across `pos`: a
/// name cannot begin or end there without cutting it.
pub(crate) fn ordinary_word_crosses(a: &Analysis<'_>, pos: usize) -> bool {
    a.general.ordinary_crossing_from(0, pos).is_some()
}

/// A known name of one to four characters must not be glued into a longer word: 東區 inside
/// 華東區域 or 中山 inside 中山裝 is no mention. A boundary word or an ordinary word that crosses
/// the name's edge says it is part of a word; names of five characters or more are distinctive
/// enough on their own.
pub(crate) fn known_name_stands_alone(a: &Analysis<'_>, span: Span) -> bool {
    span.len() >= 5 || !a.crossing_words(span).any(|c| matches!(c, WordClass::Boundary | WordClass::Plain))
}

/// A two-character abbreviation (城大, 港大) is one only where it stands as a word: no known
/// name crosses it (鹽城 across 城大 in 鹽城大豐港), and a word edge stands on one side — before
/// it punctuation, a joining character or a boundary word, title or known name; after it a
/// break, a lexicon word, a joining character or a character that follows such names (的, 將).
pub(crate) fn short_alias_stands(a: &Analysis<'_>, span: Span) -> bool {
    let crossed = a.crossing_words(span).any(|c| matches!(c, WordClass::Known(_)));
    let opens = word_starts_at(a, span.start, &[Before::Joining, Before::Boundary, Before::Known, Before::Title]);
    let after = a.char_at(span.end);
    let closes = !is_cjk(after)
        || a.word_starting_at(span.end, |c| !matches!(c, WordClass::Known(_))).is_some()
        || a.joins_names(after)
        || a.class(Role::AfterShortAlias).has_char(after);
    !crossed && (opens || closes)
}

/// A short form of a name (a tail, a selection, an abbreviation the text defines) is written
/// where it stands as a word: a word may start before it (as for a short alias, or right after
/// another mention), and a name ends after it, a character that joins names follows (理大和港大,
/// 甲博會暨乙洽會), or a known name or an ending follows.
pub(crate) fn short_form_stands(a: &Analysis<'_>, span: Span) -> bool {
    let opens = word_starts_at(
        a,
        span.start,
        &[Before::Joining, Before::Boundary, Before::Title, Before::Known, Before::Mention],
    );
    opens
        && (end_at(a, span.end) > End::Open
            || a.joins_names(a.char_at(span.end))
            || a.word_starting_at(span.end, |c| matches!(c, WordClass::Known(_) | WordClass::Suffix(_))).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{analysis_with, span_of};

    #[test]
    fn a_word_starts_after_what_each_rule_accepts() {
        for text in ["活動由城大主辦。", "活动由城大主办。"] {
            let a = analysis_with(text, None, &[]);
            let at = span_of(&a, "城大").start;
            assert!(word_starts_at(&a, at, &[Before::Boundary]), "{text}: 由 is a boundary word");
            assert!(!word_starts_at(&a, at, &[Before::Title]), "{text}");
        }
        for text in ["鹽城大豐港", "盐城大丰港"] {
            let a = analysis_with(text, None, &[]);
            assert!(!word_starts_at(&a, span_of(&a, "城").start, &[Before::Joining, Before::Boundary]), "{text}");
            assert!(word_starts_at(&a, 0, &[]), "the start of the text");
        }
    }

    #[test]
    fn a_name_ends_firmly_before_a_speech_verb_and_openly_before_another_character() {
        for (text, name) in [("陳大文表示，計劃順利。", "陳大文"), ("陈大文表示，计划顺利。", "陈大文")]
        {
            let a = analysis_with(text, None, &[]);
            assert_eq!(end_at(&a, span_of(&a, name).end), End::Firm, "{text}");
        }
        for (text, name) in [("陳大文在會上發言。", "陳大文"), ("陈大文在会上发言。", "陈大文")]
        {
            let a = analysis_with(text, None, &[]);
            assert_eq!(end_at(&a, span_of(&a, name).end), End::Likely, "{text}");
        }
        for (text, name) in [("陳大文強調合作。", "陳大"), ("陈大文强调合作。", "陈大")] {
            let a = analysis_with(text, None, &[]);
            assert_eq!(end_at(&a, span_of(&a, name).end), End::Open, "{text}");
        }
    }

    #[test]
    fn an_ordinary_word_of_the_general_lexicon_ends_a_name() {
        for (text, name) in [
            ("國家主席陳大文通電話討論。", "陳大文"),
            ("国家主席陈大文通电话讨论。", "陈大文"),
            ("代表他的律師李志明求情。", "李志明"),
            ("代表他的律师李志明求情。", "李志明"),
        ] {
            let a = analysis_with(text, None, &[]);
            let end = span_of(&a, name).end;
            assert_eq!(end_at(&a, end), End::Open, "{text}: no word of tupu's lists follows");
            assert!(ordinary_word_follows(&a, end), "{text}");
        }
        // 陳大|文化: 文化 runs across the shorter reading's end.
        for (text, name) in [("局長陳大文化中心", "陳大"), ("局长陈大文化中心", "陈大")] {
            let a = analysis_with(text, None, &[]);
            assert!(!ordinary_word_follows(&a, span_of(&a, name).end), "{text}");
        }
    }

    #[test]
    fn a_short_known_name_inside_a_word_does_not_stand_alone() {
        for (text, name) in [("華東區域市場表現理想。", "東區"), ("华东区域市场表现理想。", "东区")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(!known_name_stands_alone(&a, span_of(&a, name)), "{text}");
        }
        for (text, name) in [("東區醫院今日開放。", "東區"), ("东区医院今日开放。", "东区")] {
            let a = analysis_with(text, None, &[]);
            assert!(known_name_stands_alone(&a, span_of(&a, name)), "{text}");
        }
    }

    #[test]
    fn a_short_alias_stands_as_a_word_but_not_inside_a_place_name() {
        for (text, alias) in [("港大和城大簽署協議。", "城大"), ("港大和城大签署协议。", "城大")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(short_alias_stands(&a, span_of(&a, alias)), "{text}");
        }
        for (text, alias) in [("鹽城大豐港擴建。", "城大"), ("盐城大丰港扩建。", "城大")] {
            let a = analysis_with(text, None, &[]);
            assert!(!short_alias_stands(&a, span_of(&a, alias)), "{text}");
        }
    }

    #[test]
    fn a_short_form_stands_where_a_name_ends_after_it() {
        for (text, short) in [("業界歡迎轉型計劃。", "轉型計劃"), ("业界欢迎转型计划。", "转型计划")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(short_form_stands(&a, span_of(&a, short)), "{text}");
        }
        for (text, short) in [("業界歡迎轉型計劃書面意見。", "轉型計劃"), ("业界欢迎转型计划书面意见。", "转型计划")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(!short_form_stands(&a, span_of(&a, short)), "{text}");
        }
    }
}
