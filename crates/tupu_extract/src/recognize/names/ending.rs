//! Names before an ending of `suffixes.tsv`: 「香港生產力促進局總裁…」 → 香港生產力促進局.
//!
//! At each ending the name runs left to where it starts ([`super::start`]); the text is then a
//! name unless one of the [`REJECTIONS`] applies. The rejections are independent of each other:
//! each looks at the candidate alone, and any one of them rejects it, whatever their order.

use crate::analysis::Analysis;
use crate::lexicon::general::{GeneralLexicon, PartOfSpeech, fused_ending, names_on_its_own, opens_a_clause};
use crate::lexicon::{KnownClass, Role, Suffix, WordClass};
use crate::model::EntityKind;
use crate::span::Span;

use super::marker::{has_marker, marked_after};
use super::start::{TRIMS, name_start};
use super::{Candidate, counts_char, is_quoted, joins};

/// A text before an ending, as the rules see it.
#[derive(Debug, Clone, Copy)]
pub(super) struct EndingCandidate<'l> {
    /// The ending.
    pub(super) suffix: &'l Suffix,
    /// Where the ending is.
    pub(super) suffix_span: Span,
    /// The whole candidate name, ending included.
    pub(super) span: Span,
    /// The name without its ending.
    pub(super) stem: Span,
    /// Whether the name is exactly the content of a quotation (quotes mark a name).
    pub(super) quoted: bool,
}

/// A rule that says a text before an ending is no name: `(what it says, whether it applies)`.
pub(super) type Rejection = (&'static str, fn(&Analysis<'_>, &EndingCandidate<'_>) -> bool);

/// Why a text before an ending is no name (each rule's function has its example).
pub(super) const REJECTIONS: &[Rejection] = &[
    ("a known place ends it", known_place_ends_it),
    ("an ending read with what follows", ending_read_with_what_follows),
    ("港 not after a known place", gang_not_after_a_known_place),
    ("a station not named by a place", station_not_named_by_a_place),
    ("a building without a known place", building_without_a_known_place),
    ("a verb inside a building's stem", verb_inside_a_building_stem),
    ("counted", counted),
    ("a programme with a generic opening", programme_with_generic_opening),
    ("stem too short or generic", stem_too_short_or_generic),
    ("a reference", reference),
    ("two nouns joined", two_nouns_joined),
    ("a region or this place described", region_or_this_place_described),
    ("a division of a region", division_of_a_region),
    ("a weak ending without a marker", weak_ending_without_marker),
    ("a place and a programme word", place_and_programme_word),
    ("descriptions joined", descriptions_joined),
    ("two places fused at the ending", two_places_fused),
    ("opens with a word that cannot begin a name", opens_with_a_word_that_cannot_begin_a_name),
    ("a clause before a known name", clause_before_a_known_name),
    ("a description before a known body", description_before_a_known_body),
    ("a determiner opens it", determiner_opens_it),
    ("a generic type", generic_type),
    ("a brand's name opens with an ordinary word", brand_opens_with_an_ordinary_word),
    ("a kind of fund", kind_of_fund),
    ("a preposition before a brand ending", preposition_before_a_brand_ending),
    ("an election word of a rule, an officer or another name", election_word_of_something_else),
    ("an election named by its year alone", election_named_by_its_year_alone),
];

/// Every name before an ending of the text.
pub(super) fn by_ending(a: &Analysis<'_>) -> Vec<Candidate> {
    a.word_ends(|c| matches!(c, WordClass::Suffix(_)))
        .into_iter()
        .filter_map(|end| candidate_at(a, end))
        .filter(|c| !REJECTIONS.iter().any(|(_, applies)| applies(a, c)))
        .map(|c| Candidate { span: c.span, kind: c.suffix.kind, quoted_alias: None })
        .collect()
}

/// The candidate whose ending ends at `end`, unless that ending is part of another word.
pub(super) fn candidate_at<'l>(a: &Analysis<'l>, end: usize) -> Option<EndingCandidate<'l>> {
    let (suffix_span, WordClass::Suffix(i)) = a.word_ending_at(end, |c| matches!(c, WordClass::Suffix(_)))? else {
        return None;
    };
    let suffix = &a.lex.suffixes[i];
    if inside_other_word(a, suffix_span)
        || crossed_by_another_ending(a, suffix_span)
        || written_as_another_word(a, suffix, suffix_span)
    {
        return None;
    }
    let mut start = name_start(a, suffix_span.start, suffix.kind);
    // A conjunction opens no name (與特區政府 → 特區政府).
    while start < suffix_span.start && joins(a, a.char_at(start)) {
        start += 1;
    }
    for (_, trim) in TRIMS {
        if let Some(s) = trim(a, Span::new(start, end), suffix_span, suffix.kind) {
            start = s;
        }
    }
    let mut span = Span::new(start, end);
    if suffix.kind == EntityKind::Event {
        span = event_name(a, span);
    }
    let stem = Span::new(span.start, suffix_span.start);
    Some(EndingCandidate { suffix, suffix_span, span, stem, quoted: is_quoted(a, span) })
}

/// The ending is part of another word: 署 in 簽署, 局 in 布局, 市 in 市場 (boundary words), 部 in
/// 部長 (a title), 學 of 大學生 and 部 of 全部 (ordinary words).
pub(super) fn inside_other_word(a: &Analysis<'_>, suffix: Span) -> bool {
    a.crossing(suffix).any(|(w, class)| match class {
        WordClass::Boundary | WordClass::Title(_) => true,
        // An ordinary word continuing past the ending (大學生, 辦法, 零部件), or ending with a
        // one-character ending (全部, 西部, 布局, 地區).
        WordClass::Plain => w.end > suffix.end || (suffix.len() == 1 && w.start < suffix.start),
        _ => false,
    })
}

/// The ending's folded key matched, but as written it is another word of the same key
/// (`other_words` of `suffixes.tsv`): Cantonese 係 ('is') folds to the department ending 系, so
/// 我記得係 and 唔係 would end names; the text as written tells them apart (中文系 stays).
pub(super) fn written_as_another_word(a: &Analysis<'_>, suffix: &Suffix, span: Span) -> bool {
    suffix.other_words.iter().any(|w| w == a.surface(span))
}

/// Another ending starts before this one and ends inside it: in 旅遊大學會 the 學會 is crossed by
/// 大學, and the name is 旅遊大學 (followed by the verb 會).
pub(super) fn crossed_by_another_ending(a: &Analysis<'_>, suffix: Span) -> bool {
    (suffix.start + 1..suffix.end).any(|end| {
        a.words.ending_at(end).iter().any(|w| {
            w.span.start < suffix.start
                && a.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Suffix(_)))
        })
    })
}

/// An event's name: without the edition (第二屆, 本次) or a count of occasions (一次), with a
/// leading year (2025浙江…大會).
fn event_name(a: &Analysis<'_>, span: Span) -> Span {
    let mut span = span;
    // 第二屆X, 本次X at the start; 期望今次論壇: a two-character edition word anywhere.
    let folded = a.folded(span);
    for (i, _) in folded.char_indices() {
        if let Some(m) = a.lex.patterns.edition.find(&folded[i..]) {
            if i == 0 || m.as_str().chars().count() >= 2 {
                span.start += folded[..i + m.end()].chars().count();
                break;
            }
        }
    }
    // 舉行一次升旗儀式, 兩場座談會: a count of occasions opens no name.
    let mut p = span.start;
    while p < span.end && counts_char(a, a.char_at(p)) {
        p += 1;
    }
    if p > span.start && p + 2 < span.end && a.class(Role::OccasionMeasure).has_char(a.char_at(p)) {
        span.start = p + 1;
    }
    // A year written right before the name belongs to it (2025浙江…大會, 2016年立法會選舉,
    // 2008年度…發布會).
    let s = span.start;
    let y = a.class_word_before(Role::YearMark, s).map_or(s, |mark| mark.start);
    if y >= 4 && (0..4).all(|k| a.char_at(y - 1 - k).is_ascii_digit()) && (y == 4 || !a.char_at(y - 5).is_ascii_digit())
    {
        span.start = y - 4;
    }
    span
}

/// Two places fused at a one-character ending: in 黃石市縣兩級 the candidate 黃石市縣 is the city
/// 黃石市 and the common word 市縣 ([`fused_ending`]); the city is read at its own ending.
fn two_places_fused(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    let is_place_ending = |w: &str| a.lex.suffixes.iter().any(|s| s.kind == EntityKind::Place && s.folded == w);
    c.suffix.kind == EntityKind::Place
        && fused_ending(GeneralLexicon::embedded(), a.chars, c.span, c.suffix_span.len(), is_place_ending).is_some()
}

/// A place ending whose text ends with a known place starting inside it: in 東方集團亞太區 the
/// known 亞太區 ends the text; it is no larger place.
fn known_place_ends_it(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    c.suffix.kind == EntityKind::Place
        && a.word_ending_at(
            c.span.end,
            |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
        )
        .is_some_and(|(w, _)| w.start > c.span.start)
}

/// How many characters after a one-character ending [`ending_read_with_what_follows`] segments
/// with it: enough for the longest word that may start at it (部份, 局勢, 辦公, 鎮壓).
const FOLLOWING_WINDOW: usize = 3;

/// A one-character organisation ending that the general lexicon reads as the first character of
/// a word going on after it is no ending: 局 of 局勢 (香港局勢), 部 of 部份 (大部份), 辦 of 辦公
/// (阻差辦公), 署 of 署理, 系 of 系列. The best segmentation of the ending and the characters after
/// it decides, not any word that crosses it: 教育局方面 is 局 | 方面 and 電視部員工 is 部 | 員工,
/// and the ending stands. A title right after the ending is the body's officer (X處處長). Quotes
/// name.
fn ending_read_with_what_follows(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    let ending = c.suffix_span;
    if c.quoted
        || ending.len() != 1
        || c.suffix.kind != EntityKind::Organization
        || a.word_starting_at(ending.end, |w| matches!(w, WordClass::Title(_))).is_some()
    {
        return false;
    }
    let window = Span::new(ending.start, (ending.end + FOLLOWING_WINDOW).min(a.chars.len()));
    a.general.segment(window).first().is_some_and(|s| s.span.len() > 1 && s.entry.is_some())
}

/// 港 ends a name only after a known place (天津港, 南沙港), and not inside a word that goes on
/// (港澳, 港元): 來港, 經港 are Hong Kong.
fn gang_not_after_a_known_place(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if !a.class(Role::PortEnding).contains(a.folded(c.suffix_span)) {
        return false;
    }
    let place_stem = a
        .word_starting_at(
            c.stem.start,
            |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
        )
        .is_some_and(|(w, _)| w == c.stem);
    let glued_after = a.word_starting_at(c.suffix_span.start, |_| true).is_some_and(|(w, _)| w.len() > 1)
        || a.class(Role::HongKongCompound).has_char(a.char_at(c.suffix_span.end));
    !place_stem || glued_after
}

/// A station is named by the place it serves, and by nothing else (紅磡站, 灣仔港鐵站): the
/// stem must be exactly a known place. Before 站 anything else is a common noun (網站, 票站,
/// 地鐵站, 監測站, 街站) or a verb's subject (示威者站在…). Quotes name.
fn station_not_named_by_a_place(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted || !a.class(Role::StationEnding).contains(a.folded(c.suffix_span)) {
        return false;
    }
    let place_stem = a
        .word_ending_at(c.stem.end, |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))
        .is_some_and(|(w, _)| w == c.stem);
    !place_stem
}

/// A building, estate or venue ending (大廈, 商場, 體育館, 水塘, 苑) names a place only with a
/// known place at its start or right before it (紅磡體育館, 觀塘金豪工業大廈): the other marks of
/// a weak ending do not say it — a title after it is the officer of a library or a school's
/// (圖書館主任), a bracket explains a kind of building (三無大廈（…）), and a body at the start
/// names the body's own building, where the body is what is named (法院大樓). Quotes name.
fn building_without_a_known_place(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted || !a.class(Role::BuildingEnding).contains(a.folded(c.suffix_span)) {
        return false;
    }
    let is_place = |w: WordClass| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place);
    let place_at_start = a.word_starting_at(c.span.start, is_place).is_some_and(|(w, _)| w.end <= c.stem.end);
    let place_before = a.word_ending_at(c.span.start, is_place).is_some();
    !(place_at_start || place_before)
}

/// How often the general lexicon must have a verb for it to mark a clause inside a building's
/// stem (接手, 進入, 目睹), not a rare reading of a name's characters.
const BUILDING_STEM_VERB_FREQ: u32 = 100;

/// A building, estate or venue ending after a clause: a frequent verb of two characters or more
/// of the general lexicon lies wholly in the stem (「某某公司接手屋苑」, 「街坊目睹疑犯進入某苑」):
/// the known place at the start belongs to another name or to the clause, and the ending is a
/// common noun of the clause (屋苑), not a building's name.
fn verb_inside_a_building_stem(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted || !a.class(Role::BuildingEnding).contains(a.folded(c.suffix_span)) {
        return false;
    }
    (c.span.start..c.stem.end).any(|p| {
        a.general.starting_at(p).any(|w| {
            w.span.len() >= 2
                && w.span.end <= c.stem.end
                && w.entry.pos == PartOfSpeech::Verb
                && w.entry.freq >= BUILDING_STEM_VERB_FREQ
        })
    })
}

/// A candidate that still opens with a word of two characters or more that cannot begin a name
/// (the start trim kept it because what follows names nothing on its own) is a clause, not a
/// name: 如果基金, 那些基金, 陸續抵達法院 (an adverb, conjunction, pronoun…), 選擇國內大學,
/// 接受公司 (a verb and its object). A verb alone before a longer ending is no organisation or
/// programme (要求基金, 接受公司), but it names a place (places are named after deeds: a
/// liberation square); a verb and more words reject a place when one of those is no verb, and an
/// organisation also when the ending is longer than one character. A verb alone before a one-character ending names an office (統計局), a run of verbs
/// names what a body does (運行監測協調局), and programmes are named by what they do
/// (支援創業計劃). Quotes name.
fn opens_with_a_word_that_cannot_begin_a_name(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted || c.stem.len() < 2 {
        return false;
    }
    let segments = a.general.segment(c.stem);
    // A function word and another word that cannot begin a name open a clause whatever follows
    // (我見公司, 再叫機電署, 做過中小學: the start trim kept them because what follows names
    // nothing on its own) — unless a mark says it is a name: a title or an abbreviation after it
    // (a 真X聯盟 with its 召集人 and its short name).
    if opens_a_clause(&segments) {
        return !marked_after(a, c.span, c.suffix.kind);
    }
    let Some(pos) = segments.first().filter(|s| s.span.len() >= 2).and_then(|s| s.entry).map(|e| e.pos) else {
        return false;
    };
    if pos.can_begin_name() {
        return false;
    }
    if pos != PartOfSpeech::Verb {
        return true;
    }
    let only_verbs_after = segments[1..]
        .iter()
        .all(|s| s.entry.is_some_and(|e| matches!(e.pos, PartOfSpeech::Verb | PartOfSpeech::VerbalNoun)));
    // Places are named after deeds (a square named for a liberation): a verb alone names one,
    // and only a verb before more words that are no verbs makes a place a clause.
    match c.suffix.kind {
        EntityKind::Place => !only_verbs_after,
        EntityKind::Organization => c.suffix_span.len() >= 2 || !only_verbs_after,
        _ => segments.len() == 1 && c.suffix_span.len() >= 2,
    }
}

/// A known name ends it, and a verb, adverb or other word that cannot
/// begin a name (two characters or more) stands before it, or a one-character preposition or verb
/// stands right before it: the words before are a clause about
/// the known body, which stands alone (名單交予醫管局 → 醫管局, 決定通知海關總署 → 海關總署).
/// A place or a plain noun before it may be part of a longer name (香港醫管局). Quotes name.
fn clause_before_a_known_name(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted {
        return false;
    }
    let Some((known, _)) = a.word_ending_at(c.span.end, |w| matches!(w, WordClass::Known(_))) else {
        return false;
    };
    if known.start <= c.span.start {
        return false;
    }
    let before = a.general.segment(Span::new(c.span.start, known.start));
    // A one-character preposition or verb right before the body ends the clause too: 轉介至區域法院,
    // 活動對中聯辦, 港台屬商經局 (to, towards, belongs to the body).
    let single_before = before.last().is_some_and(|s| {
        s.span.len() == 1 && s.entry.is_some_and(|e| matches!(e.pos, PartOfSpeech::Preposition | PartOfSpeech::Verb))
    });
    single_before || before.iter().any(|s| s.span.len() >= 2 && s.entry.is_some_and(|e| !e.pos.can_begin_name()))
}

/// A known organisation ends it and the words before it do not open with a name: they are the
/// clause or the description the body stands in, no part of its name (托管人X銀行, 今屆區議會,
/// 單位X醫院管理局, 一眾X管理局), and the known body stands alone — unless the body is named by
/// an ending, or generic words and an ending (發展局), which longer names end with
/// (文化和旅遊發展局). Words open a longer name of the body when the first of them is a known
/// name (澳洲國防部, 衞生署衞生防護中心), a proper name or abbreviation of the general lexicon, a
/// word of scope (國家X局) or Latin letters. The sibling of [`clause_before_a_known_name`], which
/// reads a verb or adverb anywhere before the body; this one reads the first word, whatever its
/// part of speech. Quotes name.
fn description_before_a_known_body(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted || c.suffix.kind != EntityKind::Organization {
        return false;
    }
    let is_known_body =
        |k: &WordClass| matches!(k, WordClass::Known(i) if a.lex.known[*i].kind == EntityKind::Organization);
    let Some(body) = a
        .words
        .ending_at(c.span.end)
        .iter()
        .filter(|w| w.span.start > c.span.start && a.lex.vocabulary.classes(w.pattern).iter().any(is_known_body))
        .map(|w| w.span)
        .min_by_key(|s| s.start)
    else {
        return false;
    };
    // A body named by an ending alone or by generic words and its ending (發展局) is also the
    // tail of longer names (文化和旅遊發展局): the words before may name it.
    let generic_body = a.words.ending_at(body.end).iter().any(|w| {
        w.span.start >= body.start
            && a.lex.vocabulary.classes(w.pattern).iter().any(|k| matches!(k, WordClass::Suffix(_)))
            && (w.span.start == body.start || a.lex.is_all_generic(a.folded(Span::new(body.start, w.span.start))))
    });
    !generic_body && !opens_with_a_name(a, Span::new(c.span.start, body.start))
}

/// Whether the words of `span` open with a name: a known name, a proper name or abbreviation of
/// the general lexicon, a word of scope (國家, 全國, 中央) or Latin letters.
fn opens_with_a_name(a: &Analysis<'_>, span: Span) -> bool {
    let scope =
        (2..=4.min(span.len())).any(|n| a.class(Role::Scope).contains(a.folded(Span::new(span.start, span.start + n))));
    let proper = a
        .general
        .segment(span)
        .first()
        .and_then(|s| s.entry)
        .is_some_and(|e| e.pos.is_proper_name() || e.pos == PartOfSpeech::Abbreviation);
    a.word_starting_at(span.start, |w| matches!(w, WordClass::Known(_))).is_some()
        || scope
        || proper
        || a.char_at(span.start).is_ascii_alphabetic()
}

/// A demonstrative or determiner at the start picks out things of a class, it does not name one:
/// 各大銀行, 這所大學, 該組織東亞辦事處 (the sibling of [`reference`], which looks right before the
/// ending). A determiner that the general lexicon reads as part of a longer word, or a known name
/// at the start, keeps the name. Quotes name.
fn determiner_opens_it(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    let first = a.char_at(c.span.start);
    let determiner = a.class(Role::Demonstrative).has_char(first)
        || (a.class(Role::Determiner).has_char(first)
            && !a.general.starting_at(c.span.start).any(|w| w.span.len() > 1 && w.entry.pos.can_begin_name()));
    determiner && !c.quoted && a.word_starting_at(c.span.start, |w| matches!(w, WordClass::Known(_))).is_none()
}

/// Longest stem that [`generic_type`] reads as a type word: a type of few words (偏股混合型) is a
/// category, a product's name is longer (X優選靈活配置混合型).
const MAX_TYPE_STEM: usize = 5;

/// A few ordinary words ending in a type morpheme (型, 式, 類) before the ending name a kind of
/// thing, not one: 股票型基金, 封閉式基金, 研究型大學. A proper name, an abbreviation or Latin
/// letters in the stem, or a longer stem, name one (北辰混合型基金). Quotes name.
fn generic_type(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted || c.stem.len() < 2 || c.stem.len() > MAX_TYPE_STEM {
        return false;
    }
    a.class(Role::TypeMorpheme).has_char(a.char_at(c.stem.end - 1)) && !names_on_its_own(&a.general.segment(c.stem))
}

/// A stem made only of the words that say which kind of fund (fund-kind, fund-product,
/// stock-index, exchange-fund and fund-class words, type morphemes, joined by conjunctions)
/// before 基金 names a kind of fund, not a fund: 偏股基金, 貨幣市場基金, 國內債券型基金, LOF基金,
/// 貨幣型和債券型基金, and the companies of such a kind (國內基金公司). A house's short name
/// before such words names one (北辰債券基金: the house is no such word).
fn kind_of_fund(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted || c.stem.is_empty() || !a.class(Role::BrandEnding).contains(a.folded(c.suffix_span)) {
        return false;
    }
    let roles =
        [Role::FundKind, Role::FundProduct, Role::StockIndex, Role::ExchangeFund, Role::FundClass, Role::BrandEnding];
    let mut pos = c.stem.start;
    while pos < c.stem.end {
        let word = roles.iter().filter_map(|&r| a.class_word_at(r, pos)).map(|w| w.end).max();
        pos = match word {
            Some(end) if end <= c.stem.end => end,
            _ if a.class(Role::TypeMorpheme).has_char(a.char_at(pos)) || a.joins_names(a.char_at(pos)) => pos + 1,
            _ => return false,
        };
    }
    true
}

/// A preposition right before a brand ending (or before brand endings: 對基金公司) ends a clause,
/// no name: 市場變動對基金 (the change's effect on funds).
fn preposition_before_a_brand_ending(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted || !a.class(Role::BrandEnding).contains(a.folded(c.suffix_span)) {
        return false;
    }
    let mut end = c.stem.end;
    while let Some(w) = a.class_word_before(Role::BrandEnding, end).filter(|w| w.start > c.stem.start) {
        end = w.start;
    }
    end > c.stem.start && a.class(Role::Preposition).has_char(a.char_at(end - 1))
}

/// Longest object after a leading verb that [`brand_opens_with_an_ordinary_word`] reads as a
/// clause (挑選新基金, 看重貨幣基金); a longer run of words after it is more often a name whose
/// first word the general lexicon also tags as a verb (a police children's education trust fund).
const MAX_OBJECT: usize = 4;

/// A body named by its brand (the brand endings: 集團, 公司, 基金, 銀行, 大學, 醫院) does not
/// open with a verb, a numeral word or a time word of two characters or more followed only by
/// ordinary words: 挑選新基金, 看重貨幣基金 (a verb and its object), 多數基金公司, 一些國外大學
/// (a count of such bodies; an ordinal, 第二輪X基金, is an edition of one), 上週債券基金 (when,
/// and which kind). A time word alone before the
/// ending may name a fund (a 未來基金), and a verb alone is left to
/// [`opens_with_a_word_that_cannot_begin_a_name`]. A known name at the start, quotes, or a
/// proper name, abbreviation or Latin letters after the first word keep it (a brand of its own).
fn brand_opens_with_an_ordinary_word(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted
        || c.stem.len() < 2
        || !a.class(Role::BrandEnding).contains(a.folded(c.suffix_span))
        || a.word_starting_at(c.span.start, |w| matches!(w, WordClass::Known(_))).is_some()
    {
        return false;
    }
    let segments = a.general.segment(c.stem);
    let Some(pos) = segments.first().filter(|s| s.span.len() >= 2).and_then(|s| s.entry).map(|e| e.pos) else {
        return false;
    };
    let first = segments[0].span;
    let opens = match pos {
        PartOfSpeech::Verb => segments.len() >= 2 && c.stem.end - first.end <= MAX_OBJECT,
        PartOfSpeech::Time => segments.len() >= 2,
        PartOfSpeech::Numeral => !a.class(Role::OrdinalPrefix).has_char(a.char_at(first.start)),
        _ => false,
    };
    opens && !names_on_its_own(&segments[1..])
}

/// An election word that is not the end of an election's name: it qualifies a rule or an officer
/// of elections after it (香港選舉制度, 南區選舉主任: the system and the returning officer, not an
/// election held), or it is part of a known name that starts with it (選舉委員會) or crosses it
/// (港區人大選出: 人大 and 選出, no 大選).
fn election_word_of_something_else(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    let ending = c.suffix_span;
    if a.class_word_at(Role::ElectionWord, ending.start) != Some(ending) {
        return false;
    }
    let rule_or_officer = a.class_word_at(Role::ElectoralRule, ending.end).is_some()
        || a.word_starting_at(ending.end, |w| matches!(w, WordClass::Title(_))).is_some();
    let in_a_name = a.crossing(ending).any(|(w, class)| {
        matches!(class, WordClass::Known(_))
            && (w.start == ending.start || (w.start < ending.start && w.end < ending.end))
    }) || a
        .word_starting_at(ending.start, |w| matches!(w, WordClass::Known(_)))
        .is_some_and(|(w, _)| w.end > ending.end);
    rule_or_officer || in_a_name
}

/// A year alone before an election word says when, not which election (2016年選舉, 2018年補選:
/// of which body or place is left to the article); 2016年立法會選舉 names one.
fn election_named_by_its_year_alone(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    a.class_word_at(Role::ElectionWord, c.suffix_span.start) == Some(c.suffix_span)
        && (c.stem.start..c.stem.end)
            .all(|p| a.char_at(p).is_ascii_digit() || a.class(Role::YearMark).has_char(a.char_at(p)))
}

/// Counted, it is a class of things, not one name: 30個跨境電子商務綜合試驗區 (第三屆X論壇 is an
/// edition, and an event; quotes still name).
fn counted(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    c.suffix.kind != EntityKind::Event && counted_before(a, c.span.start) && !c.quoted
}

/// A programme name does not open with a generic modifier: 重點發展航空工程.
fn programme_with_generic_opening(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    c.suffix.kind == EntityKind::Initiative && !c.quoted && starts_generic(a, c.stem)
}

/// Too few characters before the ending (該局: 局 needs two), or only generic words before it
/// and no quotes (重點實驗室; but 「金融科技創新專項資金」 names). A long event name of generic
/// words is still a name (數據產業專題新聞發布會); a short one is a description (主論壇).
fn stem_too_short_or_generic(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    let generic = a.lex.is_all_generic(a.folded(c.stem)) && !(c.suffix.kind == EntityKind::Event && c.stem.len() > 4);
    c.stem.len() < c.suffix.min_stem || (generic && !c.quoted)
}

/// A demonstrative or determiner before the ending makes it a reference, resolved by
/// coreference: 該公司, 其公司, 各部門.
fn reference(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    let refers = |ch: char| a.class(Role::Demonstrative).has_char(ch) || a.class(Role::Determiner).has_char(ch);
    c.stem.end > 0 && refers(a.char_at(c.stem.end - 1))
}

/// A conjunction right before the ending, or one character before it, joins two nouns:
/// 企業及大學, 機構和商協會.
fn two_nouns_joined(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    (c.stem.start..c.stem.end).any(|p| is_conjunction_at(a, p) && c.stem.end - p <= 2)
}

/// A world region or this place (本澳, 本港) followed by generic words describes, it does not
/// name: 中東主權基金, 本澳公立醫院 (香港青年協進會 does name: a city's own body). Quotes name.
fn region_or_this_place_described(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    if c.quoted {
        return false;
    }
    let Some((place, WordClass::Known(k))) = a.word_starting_at(
        c.span.start,
        |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
    ) else {
        return false;
    };
    let known = &a.lex.known[k];
    let region = known.kind == EntityKind::Place && known.class == KnownClass::Region;
    let deictic = a.class(Role::Deictic).has_char(a.char_at(place.start));
    (region || deictic) && place.end < c.stem.end && a.lex.is_all_generic(a.folded(Span::new(place.end, c.stem.end)))
}

/// A place ending right after a known region or country is a division, not a new place:
/// 瑞銀亞洲區. Quotes name.
fn division_of_a_region(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    !c.quoted
        && c.suffix.kind == EntityKind::Place
        && a.word_ending_at(
            c.stem.end,
            |w| matches!(w, WordClass::Known(k) if matches!(a.lex.known[k].class, KnownClass::Region | KnownClass::Country)),
        )
        .is_some()
}

/// A weak ending (中心, 計劃) makes a name only with a proper-name marker ([`has_marker`]):
/// 公司將設立研發中心 names nothing.
fn weak_ending_without_marker(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    !c.suffix.strong && !has_marker(a, c.span, c.suffix.kind)
}

/// A place and a programme word describe, they do not name: 中國方案, 香港計劃. Quotes name.
fn place_and_programme_word(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    c.suffix.kind == EntityKind::Initiative
        && !c.suffix.strong
        && !c.quoted
        && a.word_starting_at(
            c.span.start,
            |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
        )
        .is_some_and(|(w, _)| w.end + 2 > c.stem.end)
}

/// Descriptions joined by a conjunction are no programme's name: 數字智慧和綠色方案. Quotes name.
fn descriptions_joined(a: &Analysis<'_>, c: &EndingCandidate<'_>) -> bool {
    c.suffix.kind == EntityKind::Initiative
        && !c.suffix.strong
        && !c.quoted
        && a.folded(c.stem).chars().any(|ch| joins(a, ch))
}

/// Whether a cardinal number and a measure word end at `end` (30個, 三家), not an ordinal (第三屆).
fn counted_before(a: &Analysis<'_>, end: usize) -> bool {
    let is_numeral = |c: char| counts_char(a, c);
    if end < 2 || !a.class(Role::CountingMeasure).has_char(a.char_at(end - 1)) || !is_numeral(a.char_at(end - 2)) {
        return false;
    }
    let mut p = end - 2;
    while p > 0 && (is_numeral(a.char_at(p - 1)) || a.char_at(p - 1) == ',') {
        p -= 1;
    }
    p == 0 || !a.class(Role::OrdinalPrefix).has_char(a.char_at(p - 1))
}

/// Whether the character at `p` is a conjunction (和, 及, 與), not part of a word (協和, 和平).
pub(super) fn is_conjunction_at(a: &Analysis<'_>, p: usize) -> bool {
    joins(a, a.char_at(p))
        && !a.crossing_words(Span::new(p, p + 1)).any(|c| matches!(c, WordClass::Plain | WordClass::Known(_)))
}

/// Whether the first word of a span is a generic modifier (重點…, 相關…). Words of scope
/// (國家, 全國, 中央, 國際) open proper names (國家人工智能產業投資基金) and do not count.
fn starts_generic(a: &Analysis<'_>, span: Span) -> bool {
    (2..=4.min(span.len())).any(|n| {
        let w = a.folded(Span::new(span.start, span.start + n));
        a.lex.generic.contains(w) && !a.class(Role::Scope).contains(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{analysis_with, span_of};

    /// Whether the rule named `rule` rejects the candidate that ends where `ending` does in `text`.
    fn rejects(rule: &str, text: &str, ending: &str) -> bool {
        let a = analysis_with(text, None, &[]);
        let end = span_of(&a, ending).end;
        let c = candidate_at(&a, end).unwrap_or_else(|| panic!("no candidate at {ending} in {text}"));
        let (_, applies) = REJECTIONS.iter().find(|(n, _)| *n == rule).unwrap_or_else(|| panic!("no rule {rule}"));
        applies(&a, &c)
    }

    /// Each rejection alone: two sentences it rejects and two it lets through, in both scripts —
    /// (rule, [rejected: (Traditional, its ending), (Simplified, …)], [kept: …]).
    type Case = (&'static str, [(&'static str, &'static str); 2], [(&'static str, &'static str); 2]);

    const CASES: &[Case] = &[
        (
            "a kind of fund",
            [("近月，國內偏股基金表現不一。", "基金"), ("近月，货币型和债券型基金则上升。", "基金")],
            [("近月北辰債券基金表現理想。", "基金"), ("近月北辰债券基金表现理想。", "基金")],
        ),
        (
            "a preposition before a brand ending",
            [("分析指資金流往基金。", "基金"), ("分析指资金流往基金公司。", "公司")],
            [("近月北辰債券基金表現理想。", "基金"), ("近月北辰债券基金表现理想。", "基金")],
        ),
        (
            "a known place ends it",
            [("東方集團亞太區總裁出席。", "亞太區"), ("东方集团亚太区总裁出席。", "亚太区")],
            [("總部位於杭州市西湖區。", "西湖區"), ("总部位于杭州市西湖区。", "西湖区")],
        ),
        (
            "an ending read with what follows",
            [("市民憂慮東海局勢惡化。", "東海局"), ("市民忧虑东海局势恶化。", "东海局")],
            [("東海處處長出席。", "東海處"), ("电视部员工表示不满。", "电视部")],
        ),
        (
            "港 not after a known place",
            [("龍頭企業計劃來港發展。", "來港"), ("龙头企业计划来港发展。", "来港")],
            [("天津港貨物吞吐量創新高。", "天津港"), ("天津港货物吞吐量创新高。", "天津港")],
        ),
        (
            "a station not named by a place",
            [("示威者在網站發起集會。", "網站"), ("乘客在地铁站下车。", "地铁站")],
            [("乘客在紅磡站下車。", "紅磡站"), ("乘客在灣仔港鐵站下車。", "灣仔港鐵站")],
        ),
        (
            "a building without a known place",
            [("七成圖書館主任表示。", "圖書館"), ("学校图书馆主任表示。", "图书馆")],
            [("演唱會在紅磡體育館舉行。", "體育館"), ("演唱会在红磡体育馆举行。", "体育馆")],
        ),
        (
            "a verb inside a building's stem",
            [("上海某嶺物業有限公司接手屋苑。", "苑"), ("上海某岭物业有限公司接手屋苑。", "苑")],
            [("演唱會在紅磡體育館舉行。", "體育館"), ("演唱会在红磡体育馆举行。", "体育馆")],
        ),
        (
            "counted",
            [("各地已有30個跨境電子商務綜合試驗區。", "試驗區"), ("各地已有30个跨境电子商务综合试验区。", "试验区")],
            [("第三屆南海經貿合作論壇開幕。", "論壇"), ("第三届南海经贸合作论坛开幕。", "论坛")],
        ),
        (
            "a programme with a generic opening",
            [("當局將重點推進航空工程。", "工程"), ("当局将重点推进航空工程。", "工程")],
            [("南水北調東中線一期工程全面通水。", "工程"), ("南水北调东中线一期工程全面通水。", "工程")],
        ),
        (
            "stem too short or generic",
            [("政府設立重點實驗室。", "實驗室"), ("政府设立重点实验室。", "实验室")],
            [("雙方成立「海洋數據聯合實驗室」。", "實驗室"), ("双方成立“海洋数据联合实验室”。", "实验室")],
        ),
        (
            "a reference",
            [("該公司今日上市。", "公司"), ("该公司今日上市。", "公司")],
            [("北辰科技有限公司今日上市。", "公司"), ("北辰科技有限公司今日上市。", "有限公司")],
        ),
        (
            "two nouns joined",
            [("企業及大學合作研發。", "大學"), ("企业及大学合作研发。", "大学")],
            [("會議由文化和旅遊發展局召開。", "發展局"), ("会议由文化和旅游发展局召开。", "发展局")],
        ),
        (
            "a region or this place described",
            [("吸引中東主權基金投資。", "基金"), ("并与本澳公立医院合作。", "医院")],
            [("香港青年協進會主辦。", "協進會"), ("香港青年协进会主办。", "协进会")],
        ),
        (
            "a division of a region",
            [("瑞銀亞洲區主管表示。", "洲區"), ("瑞银亚洲区主管表示。", "洲区")],
            [("總部位於杭州市西湖區。", "西湖區"), ("总部位于杭州市西湖区。", "西湖区")],
        ),
        (
            "a weak ending without a marker",
            [("公司將設立研發中心。", "中心"), ("公司将设立研发中心。", "中心")],
            [("香港數碼中心今日開幕。", "中心"), ("香港数码中心今日开幕。", "中心")],
        ),
        (
            "a place and a programme word",
            [("他提出中國方案。", "方案"), ("他提出中国方案。", "方案")],
            [("推出「綠色航運轉型計劃」。", "計劃"), ("推出“绿色航运转型计划”。", "计划")],
        ),
        (
            "descriptions joined",
            [("貢獻數字智慧和綠色方案。", "方案"), ("贡献数字智慧和绿色方案。", "方案")],
            [("推出「數字和綠色方案」。", "方案"), ("推出“数字和绿色方案”。", "方案")],
        ),
        (
            "two places fused at the ending",
            [("黃石市縣兩級政府", "縣"), ("黄石市县两级政府", "县")],
            [("香港特別行政區成立。", "區"), ("香港特别行政区成立。", "区")],
        ),
        (
            "opens with a word that cannot begin a name",
            [("近年，選擇海外大學成為潮流。", "大學"), ("近年，选择海外大学成为潮流。", "大学")],
            [("市統計局公布數據。", "局"), ("集會在解放廣場舉行。", "廣場")],
        ),
        (
            "a clause before a known name",
            [("工會將名單交予醫院管理局。", "管理局"), ("工会将名单交予医院管理局。", "管理局")],
            [("香港醫院管理局發言人表示。", "管理局"), ("香港医院管理局发言人表示。", "管理局")],
        ),
        (
            "a description before a known body",
            [("去年，當時醫院管理局已回應。", "管理局"), ("去年，当时医院管理局已回应。", "管理局")],
            [("香港醫院管理局發言人表示。", "管理局"), ("会议由文化和旅游发展局召开。", "发展局")],
        ),
        (
            "a determiner opens it",
            [("各大銀行下調息率。", "銀行"), ("这所大学历史悠久。", "大学")],
            [("香港大學今日公布。", "大學"), ("香港大学今日公布。", "大学")],
        ),
        (
            "a generic type",
            [("近月，債券型基金表現理想。", "基金"), ("近月，债券型基金表现理想。", "基金")],
            [("北辰混合型基金今日發行。", "基金"), ("北辰混合型基金今日发行。", "基金")],
        ),
        (
            "a brand's name opens with an ordinary word",
            [("他認為，挑選新基金要看業績。", "基金"), ("他认为，挑选新基金要看业绩。", "基金")],
            [("北辰基金今日發行。", "基金"), ("去年，未来基金正式成立。", "基金")],
        ),
        (
            "an election word of a rule, an officer or another name",
            [("當局擬修改南灣選舉制度。", "選舉"), ("西區选举专员今日宣布结果。", "选举")],
            [("立法會選舉結果今日公布。", "選舉"), ("立法会选举结果今日公布。", "选举")],
        ),
        (
            "an election named by its year alone",
            [("他在2016年選舉中落敗。", "選舉"), ("他在2016年选举中落败。", "选举")],
            [("他在2016年立法會選舉中落敗。", "選舉"), ("他在2016年立法会选举中落败。", "选举")],
        ),
    ];

    #[test]
    fn each_rejection_alone() {
        assert_eq!(CASES.len(), REJECTIONS.len(), "every rejection has its case");
        for (rule, rejected, kept) in CASES {
            for (text, ending) in rejected {
                assert!(rejects(rule, text, ending), "{rule} should reject at {ending} in {text}");
            }
            for (text, ending) in kept {
                assert!(!rejects(rule, text, ending), "{rule} should keep at {ending} in {text}");
            }
        }
    }

    #[test]
    fn kinds_of_funds_and_counts_of_bodies_are_no_names() {
        for (text, ending) in [
            ("去年，封閉式基金普遍下跌。", "基金"),
            ("去年，封闭式基金普遍下跌。", "基金"),
            ("他說，研究型大學需要資源。", "大學"),
            ("他说，研究型大学需要资源。", "大学"),
        ] {
            assert!(rejects("a generic type", text, ending), "{text}");
        }
        for (text, ending) in [
            ("不過，大多數銀行下調利率。", "銀行"),
            ("不過，眾多基金增持股票。", "基金"),
            ("不过，众多基金增持股票。", "基金"),
            ("不过，大多数银行下调利率。", "银行"),
            ("不過，上週債券基金普遍上升。", "基金"),
            ("不过，上周债券基金普遍上升。", "基金"),
            ("專家建議，看重貨幣基金的投資者留意風險。", "基金"),
            ("专家建议，看重货币基金的投资者留意风险。", "基金"),
        ] {
            assert!(rejects("a brand's name opens with an ordinary word", text, ending), "{text}");
        }
        for (text, ending) in [("去年，第三輪支援基金推出。", "基金"), ("去年，第三轮支援基金推出。", "基金")]
        {
            assert!(!rejects("a brand's name opens with an ordinary word", text, ending), "{text}: an edition");
        }
    }

    #[test]
    fn a_preposition_or_verb_of_one_character_before_a_known_body_ends_the_clause() {
        for (text, ending) in [
            // (A clause preposition, 至 or 對, moves the start first: `start::name_after_a_clause_preposition`.)
            ("文件交醫院管理局處理。", "管理局"),
            ("文件交医院管理局处理。", "管理局"),
            ("抗爭活動令醫院管理局受壓。", "管理局"),
            ("抗争活动令医院管理局受压。", "管理局"),
        ] {
            assert!(rejects("a clause before a known name", text, ending), "{text}");
        }
    }

    #[test]
    fn an_ending_inside_a_word_after_it_is_no_ending() {
        for (text, ending) in [
            ("他說西灣大部份居民反對。", "西灣大部"),
            ("他说西湾大部份居民反对。", "西湾大部"),
            ("他被控阻差辦公。", "阻差辦"),
            ("他被控阻差办公。", "阻差办"),
            ("公司推出東海系列產品。", "東海系"),
        ] {
            assert!(rejects("an ending read with what follows", text, ending), "{text}");
        }
        for (text, ending) in [("東海局方面回應。", "東海局"), ("东海局方面回应。", "东海局")] {
            assert!(!rejects("an ending read with what follows", text, ending), "{text}");
        }
    }

    #[test]
    fn a_function_word_opens_no_name_of_any_kind() {
        for (text, ending) in [("如果基金虧損，投資者自負。", "基金"), ("如果基金亏损，投资者自负。", "基金")]
        {
            assert!(rejects("opens with a word that cannot begin a name", text, ending), "{text}");
        }
        for (text, ending) in [("當局推出支援創業計劃。", "計劃"), ("当局推出支援创业计划。", "计划")]
        {
            assert!(!rejects("opens with a word that cannot begin a name", text, ending), "{text}: a name");
        }
    }

    #[test]
    fn an_ending_inside_another_word_is_no_ending() {
        for (text, ending) in
            [("雙方簽署協議。", "署"), ("双方签署协议。", "署"), ("優化產業布局。", "局"), ("优化产业布局。", "局")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(candidate_at(&a, span_of(&a, ending).end).is_none(), "{text}");
        }
        for (text, ending) in [("旅遊大學會把課堂延伸。", "大學會"), ("旅游大学会把课堂延伸。", "大学会")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(candidate_at(&a, span_of(&a, ending).end).is_none(), "{text}: 學會 is crossed by 大學");
        }
        for (text, ending) in [("警務處發布數字。", "警務處"), ("警务处发布数字。", "警务处")] {
            let a = analysis_with(text, None, &[]);
            assert!(candidate_at(&a, span_of(&a, ending).end).is_some(), "{text}");
        }
    }

    #[test]
    fn an_ending_written_as_another_word_is_no_ending() {
        // Cantonese 係 ('is') and 繫 fold to 系: as written they end no name.
        for (text, ending) in [("佢哋話城市大學係最好嘅。", "大學係"), ("市民同城市大學保持聯繫。", "聯繫")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(candidate_at(&a, span_of(&a, ending).end).is_none(), "{text}");
        }
        // In Simplified the words keep 系 as written: 关系 and 联系 are ordinary words (words.tsv).
        for (text, ending) in [("双方发展城市大学关系。", "关系"), ("市民同城市大学保持联系。", "联系")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(candidate_at(&a, span_of(&a, ending).end).is_none(), "{text}");
        }
        // The department ending as written, in both scripts.
        for (text, ending) in [("城市大學中文系主任發言。", "中文系"), ("城市大学中文系主任发言。", "中文系")]
        {
            let a = analysis_with(text, None, &[]);
            assert!(candidate_at(&a, span_of(&a, ending).end).is_some(), "{text}");
        }
    }
}
