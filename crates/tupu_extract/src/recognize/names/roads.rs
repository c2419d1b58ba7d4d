//! Roads and streets named in an address, and the blocks of a housing estate.
//!
//! 道, 街 and 路 end ordinary words (報道, 上街, 馬路, 道歉, 街坊, 路線) far more often than names,
//! so no ending of `suffixes.tsv` reads them. A road's name is read only where the text says it is
//! an address: right after a known district (某區東灣道), or before a junction, a stretch or a
//! house number (東灣道與西灣街交界, 松嶺路一帶, 松嶺路 12 號). A block of an estate is read after
//! the estate's ending (某某邨松風樓, 某某苑松風閣), where 樓 and 閣 name the block.

use crate::analysis::Analysis;
use crate::lexicon::{Role, WordClass};
use crate::model::EntityKind;
use crate::span::Span;
use crate::text::is_cjk;

use super::start::name_start;
use super::{Candidate, counts_char, joins};

/// Shortest and longest road name before its ending, in characters (電氣 of 電氣道, 荔枝角 of
/// 荔枝角道; a longer run is a clause, not a name).
const ROAD_STEM: std::ops::RangeInclusive<usize> = 2..=4;

/// Every road or street of the text named in an address.
pub(super) fn named_roads(a: &Analysis<'_>) -> Vec<Candidate> {
    let mut found = Vec::new();
    for ending in a.class(Role::RoadEnding).words() {
        let Some(c) = ending.chars().next() else { continue };
        for e in a.positions_of(c) {
            if let Some(span) = road_at(a, e) {
                found.push(Candidate { span, kind: EntityKind::Place, quoted_alias: None });
            }
        }
    }
    found
}

/// The road whose one-character ending stands at `e`, if the text names one there.
fn road_at(a: &Analysis<'_>, e: usize) -> Option<Span> {
    if e < 2 || ending_begins_a_word(a, e) || inside_a_transliteration(a, e) {
        return None;
    }
    let mut start = after_a_district(a, e).or_else(|| before_an_address_word(a, e))?;
    // An address word before the road belongs to the clause (某道近松嶺街 → 松嶺街).
    if let Some(n) = a.class(Role::RoadAddress).prefix_of_chars(a.chars_of(Span::new(start, e))) {
        start += n;
    }
    let stem = Span::new(start, e);
    let road = Span::new(start, e + 1);
    (ROAD_STEM.contains(&stem.len()) && is_plain_stem(a, stem) && !ends_in_a_word(a, road)).then_some(road)
}

/// The ending opens a word of the general lexicon that goes on after it (道歉, 街坊, 路線, 道理):
/// it is that word, not a road's ending.
fn ending_begins_a_word(a: &Analysis<'_>, e: usize) -> bool {
    let window = Span::new(e, (e + 3).min(a.chars.len()));
    a.general.segment(window).first().is_some_and(|s| s.span.len() > 1 && s.entry.is_some())
}

/// The ending is a syllable of a transliterated name running on through it (某國大使施路華,
/// 翼鋒迪路菲奧): the characters on both sides of it, and the ending itself, transliterate.
fn inside_a_transliteration(a: &Analysis<'_>, e: usize) -> bool {
    [e - 1, e, e + 1].iter().all(|&p| a.lex.transliteration.contains(&a.char_at(p)))
}

/// The general lexicon's best reading of the candidate joins the ending to the characters before
/// it (報道, 上街, 封路, 霸道, 幹道, 鋪路): the text ends in that word, not in a road's ending.
fn ends_in_a_word(a: &Analysis<'_>, road: Span) -> bool {
    a.general.segment(road).last().is_some_and(|s| s.span.len() > 1 && s.entry.is_some())
}

/// A known district or area right before the stem places the road (屯門松嶺路): the stem starts
/// after it. The district stays its own name.
fn after_a_district(a: &Analysis<'_>, e: usize) -> Option<usize> {
    ROAD_STEM.map(|n| e.checked_sub(n)).find_map(|s| {
        let s = s?;
        a.word_ending_at(s, |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place)).map(|_| s)
    })
}

/// A junction, a stretch or a house number after the road (交界, 一帶, 12號) says it is one; the
/// name starts where a name before an ending would, after a known district at its start.
fn before_an_address_word(a: &Analysis<'_>, e: usize) -> Option<usize> {
    let mut p = e + 1;
    while a.char_at(p) == ' ' || a.char_at(p) == '\u{3000}' {
        p += 1;
    }
    let rest = a.chars_of(Span::new(p, (p + 4).min(a.chars.len())));
    let address = a.class(Role::RoadAddress).prefix_of_chars(rest).is_some()
        || a.char_at(p).is_ascii_digit()
        || ('０'..='９').contains(&a.char_at(p));
    if !address {
        return None;
    }
    let mut start = name_start(a, e, EntityKind::Place);
    // Two roads of a junction: the second starts after the conjunction (某街與東灣道交界).
    if let Some(p) = (start..e).rev().find(|&p| joins(a, a.char_at(p))) {
        start = p + 1;
    }
    let district = a
        .word_starting_at(start, |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))
        .map_or(start, |(w, _)| w.end);
    Some(district)
}

/// A road's stem is ideographs, no count (一段路), with no verb or function word of the general
/// lexicon in it (發展之路, 這條路: a clause, not a name) and no known name inside.
fn is_plain_stem(a: &Analysis<'_>, stem: Span) -> bool {
    (stem.start..stem.end).all(|p| is_cjk(a.char_at(p)) && !counts_char(a, a.char_at(p)))
        && a.entities.overlapping(stem).is_empty()
        && !a.general.segment(stem).iter().any(|s| {
            s.entry.is_some_and(|w| w.pos.is_function_word() || (w.pos.is_verb_or_function_word() && s.span.len() >= 2))
        })
        && a.word_starting_at(stem.start, |w| matches!(w, WordClass::Known(_))).is_none()
}

/// Every block of a housing estate named after the estate (某某邨松風樓, 某某苑松風閣): two
/// ideographs and 樓 or 閣 right after an estate's ending.
pub(super) fn estate_blocks(a: &Analysis<'_>) -> Vec<Candidate> {
    let mut found = Vec::new();
    for ending in a.class(Role::BlockEnding).words() {
        let Some(c) = ending.chars().next() else { continue };
        for e in a.positions_of(c) {
            if e < 3 || ending_begins_a_word(a, e) {
                continue;
            }
            let stem = Span::new(e - 2, e);
            let estate = a.folded(Span::new(e.saturating_sub(5), e - 2));
            if a.class(Role::EstateEnding).ends(estate) && is_plain_stem(a, stem) {
                found.push(Candidate { span: Span::new(e - 2, e + 1), kind: EntityKind::Place, quoted_alias: None });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind;

    fn places(text: &str) -> Vec<String> {
        let mut a = analysis_with(text, None, &[]);
        super::super::super::known::recognise(&mut a);
        super::super::recognise(&mut a);
        let (entities, _) = a.entities.finish(false);
        entities.into_iter().filter(|e| e.kind == EntityKind::Place).map(|e| e.label).collect()
    }

    #[test]
    fn a_road_after_a_district_or_before_an_address_word_is_a_place() {
        for (text, road) in [
            ("他在北角松嶺道開設補習社。", "松嶺道"),
            ("他在北角松岭道开设补习社。", "松岭道"),
            ("警方在旺角柏興街與東灣道交界設置防線。", "柏興街"),
            ("警方在旺角柏兴街与东湾道交界设置防线。", "东湾道"),
            ("大批市民聚集在翠松路一帶。", "翠松路"),
            ("大批市民聚集在翠松路一带。", "翠松路"),
            ("事發於東灣道 18 號對開。", "東灣道"),
            ("示威者聚集在彌敦道近柏興街一帶。", "柏興街"),
            ("示威者聚集在弥敦道近柏兴街一带。", "柏兴街"),
        ] {
            let f = places(text);
            assert!(f.iter().any(|l| l == road), "{text}: {f:?}");
        }
        // The district keeps its own name.
        let f = places("他在北角松嶺道開設補習社。");
        assert!(f.iter().any(|l| l == "北角"), "{f:?}");
    }

    #[test]
    fn ordinary_words_ending_in_a_road_character_are_no_roads() {
        for text in [
            "據香港電台報道，事件已交警方處理。",
            "据香港电台报道，事件已交警方处理。",
            "市民在香港街頭表達不滿。",
            "這條路一帶很多車。",
            "这条路一带很多车。",
            "香港發展之路十分漫長。",
            "他們在馬路一帶聚集。",
            "學生上街一帶遊行。",
            "多處封路一帶擠塞。",
            "沿途有一段路近山邊。",
            "法國大使施路華在會上發言。",
            "法国大使施路华在会上发言。",
        ] {
            let f = places(text);
            assert!(f.iter().all(|l| !l.ends_with(['道', '街', '路'])), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_block_after_an_estate_is_a_place() {
        for (text, block) in [
            ("確診者住在東樂邨松風樓。", "松風樓"),
            ("确诊者住在东乐邨松风楼。", "松风楼"),
            ("兩人同住在翠林苑海景閣。", "海景閣"),
            ("两人同住在翠林苑海景阁。", "海景阁"),
        ] {
            let f = places(text);
            assert!(f.iter().any(|l| l == block), "{text}: {f:?}");
        }
        for text in ["居民沿東樂邨樓梯離開。", "他住在屋苑大樓內。"] {
            let f = places(text);
            assert!(f.iter().all(|l| !l.ends_with(['樓', '閣'])), "{text}: {f:?}");
        }
    }
}
