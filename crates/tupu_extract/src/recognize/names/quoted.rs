//! Quoted programmes, documents, happenings and organisations: 「X」行動 / “X”工程 → initiative
//! X; 《X白皮書》 → initiative X; 「X」集會 → event X — the quoted or bracketed form kept as an
//! alias; 極端組織「X」 → organisation X; 《X日報》 → organisation X日報; and a platform named by
//! its count, 五大訴求 → initiative 五大訴求.

use crate::analysis::Analysis;
use crate::lexicon::general::{GeneralLexicon, PartOfSpeech};
use crate::lexicon::{Role, WordClass};
use crate::model::EntityKind;
use crate::numeral::is_numeral_char;
use crate::span::Span;

use super::{Candidate, captured};

/// 「X」行動, “X”工程: initiative X, the quoted form an alias.
pub(super) fn quoted_programmes(a: &Analysis<'_>) -> Vec<Candidate> {
    captured(a, &a.lex.patterns.quoted_programme)
        .filter(|c| !a.lex.is_all_generic(c.folded) && !is_quoted_word(c.folded))
        .map(|c| c.candidate(EntityKind::Initiative, true))
        .collect()
}

/// 《X白皮書》: initiative X, the bracketed form an alias.
pub(super) fn documents(a: &Analysis<'_>) -> Vec<Candidate> {
    captured(a, &a.lex.patterns.document).map(|c| c.candidate(EntityKind::Initiative, true)).collect()
}

/// 《X日報》, 《X週刊》, 《X雜誌》: a title in book marks ending with a publication word names a
/// newspaper or magazine, an organisation (the marks confirm what a bare X報 would leave open) —
/// unless the title ends with a document word (《X季報》 is a report, not an outlet).
pub(super) fn publications(a: &Analysis<'_>) -> Vec<Candidate> {
    captured(a, &a.lex.patterns.publication)
        .filter(|c| a.class_word_before(Role::DocumentEnding, c.name.end).is_none())
        .map(|c| c.candidate(EntityKind::Organization, false))
        .collect()
}

/// 據《X》, 接受《X》訪問, 《X》報道, 《X》記者, 《X》網站: a title in book marks written as the
/// source of a report, the outlet that interviews, or the one whose reporter or site it is, names
/// a medium — a newspaper, magazine, site or channel, an organisation — whatever its title ends
/// with (《外交政策》, 《瞭望》, 《美國之音》). Not when the title is a document (it ends with a
/// document word: 據《X條例》), a name the lexicons know (a law or concept: 據《基本法》; a known
/// medium is found already), names a happening or programme by its ending (《X論壇》), or only
/// generic words.
pub(super) fn reported_media(a: &Analysis<'_>) -> Vec<Candidate> {
    let before = captured(a, &a.lex.patterns.media_before);
    let after = captured(a, &a.lex.patterns.media_after);
    before
        .chain(after)
        .filter(|c| {
            let document = a.class_word_before(Role::DocumentEnding, c.name.end).is_some();
            let known = a
                .word_starting_at(c.name.start, |w| matches!(w, WordClass::Known(_)))
                .is_some_and(|(w, _)| w == c.name);
            let other_ending = a
                .word_ending_at(
                    c.name.end,
                    |w| matches!(w, WordClass::Suffix(i) if a.lex.suffixes[i].kind != EntityKind::Organization),
                )
                .is_some();
            !document && !known && !other_ending && !a.lex.is_all_generic(c.folded)
        })
        .map(|c| c.candidate(EntityKind::Organization, false))
        .collect()
}

/// 「X」集會, 《X》論壇, 「X」聯合軍事演習: event X, the quoted form with its happening word an
/// alias — unless X names something else: a known name (《某報》論壇 is the paper's column), a
/// document (《某條例》會議 is a meeting about the law), or only generic words (「大型」集會).
pub(super) fn quoted_events(a: &Analysis<'_>) -> Vec<Candidate> {
    captured(a, &a.lex.patterns.quoted_event)
        .filter(|c| !names_something_else(a, c.name) && !is_quoted_word(c.folded))
        .map(|c| c.candidate(EntityKind::Event, true))
        .collect()
}

/// 【X死因研訊】, 【X聆訊】: a headline's topic tag that ends with a hearing word names the
/// hearing the article reports (a tag is how the paper files its reports of one inquest or
/// trial), unless the words before the hearing word are generic (【本周聆訊】).
pub(super) fn bracketed_hearings(a: &Analysis<'_>) -> Vec<Candidate> {
    captured(a, &a.lex.patterns.bracketed_hearing)
        .filter(|c| {
            let word = a.class_word_before(Role::HearingWord, c.name.end).map_or(c.name.end, |w| w.start);
            word > c.name.start && !a.lex.is_all_generic(a.folded(Span::new(c.name.start, word)))
        })
        .map(|c| c.candidate(EntityKind::Event, false))
        .collect()
}

/// 極端組織「X」, 政黨“X”, 人權團體「X」: a name in quotes right after the class noun of an
/// organisation is that organisation's name, whatever it ends with (a quoted name usually has
/// none of the endings the rules read: 「X行動」 is a group, not a programme, after 組織). Generic
/// words only (組織「有關方面」) name nothing.
pub(super) fn quoted_organisations(a: &Analysis<'_>) -> Vec<Candidate> {
    captured(a, &a.lex.patterns.quoted_organisation)
        .filter(|c| !a.lex.is_all_generic(c.folded))
        .map(|c| c.candidate(EntityKind::Organization, false))
        .collect()
}

/// 五大訴求, 三大綱領: a platform of demands or goals named by its count is an initiative, whole
/// (the count is part of its name).
pub(super) fn counted_platforms(a: &Analysis<'_>) -> Vec<Candidate> {
    captured(a, &a.lex.patterns.counted_platform).map(|c| c.candidate(EntityKind::Initiative, false)).collect()
}

/// Whether a quoted text before a happening word names something other than the happening: it
/// is a known name, a document's title, or generic words only (see [`quoted_events`]).
fn names_something_else(a: &Analysis<'_>, span: Span) -> bool {
    let folded = a.folded(span);
    let known = a.word_starting_at(span.start, |w| matches!(w, WordClass::Known(_))).is_some_and(|(w, _)| w == span);
    let document = a.class_word_before(Role::DocumentEnding, span.end).is_some();
    known || document || a.lex.is_all_generic(folded)
}

/// Whether a quoted text is one word of the general lexicon, in quotes for emphasis or irony
/// rather than as a name: 「和平」示威, 「循序漸進」原則, 「擺烏龍」事件, 「大部分」 describe; a coined
/// name (「光時」口號, 「反送中」運動) is no dictionary word. A date written in numerals
/// (「六四」事件), a place or body (「台獨」運動) and a person's name still name one (jieba's rare
/// person entries are noise: 冷處理). A full stop or an exclamation at the end makes a quotation
/// of speech or a chant (「我簽了名。」事件), not a name; a question may title a forum
/// (「X何去何從？」論壇).
fn is_quoted_word(folded: &str) -> bool {
    if folded.ends_with(['。', '!', '！']) {
        return true;
    }
    if folded.chars().all(is_numeral_char) {
        return false;
    }
    GeneralLexicon::embedded().get(folded).is_some_and(|e| match e.pos {
        PartOfSpeech::Place | PartOfSpeech::Organisation => false,
        PartOfSpeech::Person => e.freq < GeneralLexicon::ORDINARY_WORD_FREQ,
        _ => true,
    })
}
