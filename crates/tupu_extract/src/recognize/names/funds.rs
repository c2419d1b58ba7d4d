//! Funds named without 基金: mainland financial reporting names a fund product by its house's
//! short name and the words of its product line — 「北辰成長、北辰穩健精選和北辰債券C上週領漲」 →
//! three funds — and an index fund by its index: 「上證50ETF」.
//!
//! A fund product sold on the market is an organisation (an investment vehicle with its own
//! manager, units and price), as readers of financial news take it: the people who annotate the
//! corpus name such funds organisations nearly always (37 of 43 fund names in the development
//! sets; the rest are a government's funds, 創科基金, which stay initiatives by their ending).
//!
//! Why general: the fund houses are a closed set (the lexicon's `fund-house` entries, whose
//! short names [`crate::lexicon::Lexicons::fund_brands`] reads off their aliases), and the
//! product words (`fund-product` in function_words.tsv: 成長, 精選, 紅利, 債券…) are a small
//! vocabulary of the industry. A house's short name that is also an ordinary word (a direction,
//! a landmark) makes a fund only with such a word after it, never with an arbitrary noun; at
//! most one word of the product line's own name (two characters: 北辰「天鼎」紅利) may stand
//! between them, and it must be no count, function word or boundary word (北辰旗下優選基金 is
//! the house's fund 優選基金, not a fund 北辰旗下優選).

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::lexicon::{Role, WordClass};
use crate::model::EntityKind;
use crate::numeral::is_numeral_char;
use crate::span::Span;
use crate::text::is_cjk;

/// What a fund product is: an organisation (see the module's note).
const FUND_KIND: EntityKind = EntityKind::Organization;

/// Characters of the product line's own name between the house and its product words.
const OWN_NAME_CHARS: usize = 2;
/// Product words read after a house at most (北辰全球核心優選: three).
const MAX_PRODUCT_WORDS: usize = 4;

/// Adds the funds named by a house and product words, then the index funds (上證50ETF), as
/// organisations ([`FUND_KIND`]). Runs before the names by ending, which then leave these spans alone.
pub(super) fn fund_products(a: &mut Analysis<'_>) {
    let mut found: Vec<(Span, Span)> = Vec::new();
    let folded = a.text().folded();
    let mut pos = 0;
    while pos < a.chars.len() {
        let rest = &folded[a.text().folded_byte(pos)..];
        let Some((len, _house)) = a.lex.fund_brands.prefix_of(rest) else {
            pos += 1;
            continue;
        };
        let brand_end = pos + rest[..len].chars().count();
        match product_after_house(a, brand_end) {
            Some(name_end) => {
                let whole = Span::new(pos, fund_word_after(a, name_end).unwrap_or(name_end));
                found.push((Span::new(pos, name_end), whole));
                pos = whole.end;
            }
            None => pos = brand_end,
        }
    }
    found.extend(index_funds(a));
    add_funds(a, &found);
    houses_by_short_name(a);
}

/// Fund houses named by their short name alone where the writing says it is a house: before
/// 旗下 (北辰旗下), or in a list with another house (北辰、南山以及東嶺): 「北辰、南山以及東嶺旗下的
/// 基金表現落後」 names three houses. A short name that is an ordinary word (a direction, a
/// landmark) is listed with houses only beside one that is no ordinary word, or before 旗下.
fn houses_by_short_name(a: &mut Analysis<'_>) {
    // Free stand-alone short names: (span, house entry, whether it is an ordinary word).
    let mut alone: Vec<(Span, usize, bool)> = Vec::new();
    let folded = a.text().folded();
    let mut pos = 0;
    while pos < a.chars.len() {
        let rest = &folded[a.text().folded_byte(pos)..];
        match a.lex.fund_brands.prefix_of(rest) {
            Some((len, house)) => {
                let span = Span::new(pos, pos + rest[..len].chars().count());
                if a.entities.is_free(span) {
                    let ordinary = a.general.word_at(span).is_some_and(|e| e.is_ordinary());
                    alone.push((span, house, ordinary));
                }
                pos = span.end;
            }
            None => pos += 1,
        }
    }
    let mut houses: Vec<(Span, usize)> = Vec::new();
    for (i, &(span, house, ordinary)) in alone.iter().enumerate() {
        let owner = a.class_word_at(Role::OwnerMarker, span.end).is_some();
        let listed_with = |j: usize| {
            alone.get(j).is_some_and(|&(other, _, other_ordinary)| {
                let (first, second) = if other.start > span.start { (span, other) } else { (other, span) };
                joined(a, first.end, second.start) && !(ordinary && other_ordinary)
            })
        };
        if owner || (i > 0 && listed_with(i - 1)) || listed_with(i + 1) {
            houses.push((span, house));
        }
    }
    for (span, house) in houses {
        crate::recognize::known::add_known(a, house, span);
    }
}

/// Whether only a joining word stands between `end` and `start`: 、, 和, 以及.
fn joined(a: &Analysis<'_>, end: usize, start: usize) -> bool {
    match start.checked_sub(end) {
        Some(1) => a.joins_names(a.char_at(end)),
        Some(n) if n > 1 => a.class_word_at(Role::Conjunction, end).is_some_and(|w| w.end == start),
        _ => false,
    }
}

/// Where a fund's name read after a house's short name ends (before 基金): product words
/// (北辰穩健成長), perhaps after the product line's own name (北辰天鼎紅利), then a share class
/// (北辰債券C). `None` when no product word follows.
fn product_after_house(a: &Analysis<'_>, brand_end: usize) -> Option<usize> {
    let end = product_words(a, brand_end).or_else(|| {
        let own = Span::new(brand_end, brand_end + OWN_NAME_CHARS);
        own_name_stands(a, own).then(|| product_words(a, own.end)).flatten()
    })?;
    Some(share_class_after(a, end).unwrap_or(end))
}

/// The end of the product words (and indices, exchange-fund words) starting at `pos`, if any.
fn product_words(a: &Analysis<'_>, mut pos: usize) -> Option<usize> {
    let start = pos;
    for _ in 0..MAX_PRODUCT_WORDS {
        let word = [Role::FundProduct, Role::StockIndex, Role::ExchangeFund]
            .into_iter()
            .filter_map(|r| a.class_word_at(r, pos))
            .max_by_key(|w| w.end);
        match word {
            Some(w) if !runs_on(a, w) => pos = w.end,
            _ => break,
        }
    }
    (pos > start).then_some(pos)
}

/// Whether an ordinary word of the text starts with the product word and runs on past it:
/// 收益率 (a yield, not the product word 收益), 創新高 (a new high).
fn runs_on(a: &Analysis<'_>, word: Span) -> bool {
    a.general.starting_at(word.start).any(|w| w.span.end > word.end && w.entry.is_ordinary())
}

/// Whether two characters after a house can be its product line's own name (天鼎 of
/// 北辰天鼎紅利): ideographs, no numeral (北辰四隻指數基金 counts the house's funds), no
/// joining character (、, 和), no boundary or function word (旗下), no brand ending (北辰基金
/// is the house), and not inside a word of the text that runs on past them.
fn own_name_stands(a: &Analysis<'_>, own: Span) -> bool {
    own.end <= a.chars.len()
        && a.chars_of(own).iter().all(|&c| is_cjk(c) && !is_numeral_char(c) && !a.joins_names(c))
        && !a.lex.is_boundary(a.folded(own))
        && !a.has_word(own, |c| matches!(c, WordClass::Boundary))
        && a.class_word_at(Role::BrandEnding, own.start).is_none()
        && !a.general.word_at(own).is_some_and(|e| e.pos.is_function_word())
}

/// The end of a share class right after a fund's name (A, B, C, QDII, 二期), if one is there
/// and is no part of a longer word (A股 is the market, not class A).
fn share_class_after(a: &Analysis<'_>, pos: usize) -> Option<usize> {
    let class = a.class_word_at(Role::FundClass, pos)?;
    let glued = a.chars.get(class.end).is_some_and(char::is_ascii_alphanumeric)
        || a.general.starting_at(pos).any(|w| w.span.end > class.end);
    (!glued).then_some(class.end)
}

/// The end of 基金 written after a fund's name (北辰成長基金 is the same fund), unless 基金
/// starts a longer word there: the fund's manager (基金經理), a foundation (基金會), a fund
/// company (基金公司).
fn fund_word_after(a: &Analysis<'_>, pos: usize) -> Option<usize> {
    let (word, _) = a.word_starting_at(
        pos,
        |c| matches!(c, WordClass::Suffix(i) if a.lex.suffixes[i].kind == EntityKind::Initiative),
    )?;
    let longer = a.words.starting_at(pos).iter().any(|w| w.span.end > word.end)
        || a.general.starting_at(pos).any(|w| w.span.end > word.end)
        || a.class_word_at(Role::BrandEnding, word.end).is_some();
    (!longer).then_some(word.end)
}

/// Index funds named by the index they track and ETF or LOF: 上證50ETF, 180ETF (digits alone
/// are an index's number). The span of each, twice (no 基金 is read after them).
fn index_funds(a: &Analysis<'_>) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    for pos in 0..a.chars.len() {
        let Some(exchange) = a.class_word_at(Role::ExchangeFund, pos) else { continue };
        let index_start = a.class_word_before(Role::StockIndex, pos).map(|w| w.start).or_else(|| {
            let digits = a.chars[..pos].iter().rev().take_while(|c| c.is_ascii_digit()).count();
            let before = pos - digits;
            let glued = before > 0 && matches!(a.chars[before - 1], '.' | '%' | '．') || digits > 4;
            (digits >= 2 && !glued).then_some(before)
        });
        if let Some(start) = index_start {
            let span = Span::new(start, exchange.end);
            out.push((span, span));
        }
    }
    out
}

/// Adds each fund as an organisation ([`FUND_KIND`]): one entity for a name written with and without 基金;
/// mentions inside the name (the house's short name, a place) give way to it; a name crossing
/// another mention's edge is left to the other.
fn add_funds(a: &mut Analysis<'_>, found: &[(Span, Span)]) {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for &(name, whole) in found {
        let existing = a.entities.overlapping(whole);
        if existing.iter().any(|(_, m)| !whole.contains(*m)) {
            continue;
        }
        for (_, m) in existing {
            a.entities.remove_mention(m);
        }
        let surface = a.surface(whole).to_owned();
        let key = a.folded(name).to_owned();
        let id = match by_name.get(&key) {
            Some(&id) => {
                a.entities.add_name(id, &surface, true);
                id
            }
            None => a.entities.create(FUND_KIND, &surface, true),
        };
        by_name.insert(key, id);
        a.entities.add_mention(id, whole, &surface);
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let mut a = analysis_with(text, None, &[]);
        super::super::super::known::recognise(&mut a);
        super::super::recognise(&mut a);
        let (entities, _) = a.entities.finish(false);
        entities.into_iter().map(|e| (e.label, e.kind)).collect()
    }

    fn fund(found: &[(String, EntityKind)], label: &str) -> bool {
        found.iter().any(|(l, k)| l == label && *k == super::FUND_KIND)
    }

    #[test]
    fn a_house_and_product_words_name_a_fund() {
        let f = names("上週博時穩健精選、嘉實紅利和大成債券C領漲，華夏天鼎成長基金則下跌。");
        for label in ["博時穩健精選", "嘉實紅利", "大成債券C", "華夏天鼎成長基金"] {
            assert!(fund(&f, label), "{label}: {f:?}");
        }
        let f = names("上周博时稳健精选、嘉实红利和大成债券C领涨，华夏天鼎成长基金则下跌。");
        for label in ["博时稳健精选", "嘉实红利", "大成债券C", "华夏天鼎成长基金"] {
            assert!(fund(&f, label), "{label}: {f:?}");
        }
    }

    #[test]
    fn an_index_and_etf_name_a_fund() {
        for (text, label) in
            [("投資者買入上證50ETF及180ETF。", "上證50ETF"), ("投资者买入上证50ETF及180ETF。", "180ETF")]
        {
            let f = names(text);
            assert!(fund(&f, label), "{label}: {f:?}");
        }
    }

    #[test]
    fn a_house_before_ordinary_words_names_no_fund() {
        for text in [
            "南方經濟發展迅速，長城旅遊人數增加。",
            "南方经济发展迅速，长城旅游人数增加。",
            "華夏旗下優選基金的經理表示看好後市。",
            "华夏旗下优选基金的经理表示看好后市。",
            "南方四隻指數基金表現平平。",
            "南方四只指数基金表现平平。",
        ] {
            let f = names(text);
            let house_first = ["南方", "長城", "长城", "華夏旗下", "华夏旗下"];
            assert!(
                !f.iter().any(|(l, k)| *k == super::FUND_KIND
                    && house_first.iter().any(|h| l.starts_with(h) && l.len() > h.len())),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_word_running_on_past_a_product_word_ends_the_name() {
        for (text, label) in
            [("北辰消息：嘉實紅利收益率上升。", "嘉實紅利"), ("北辰消息：嘉实红利收益率上升。", "嘉实红利")]
        {
            let f = names(text);
            assert!(fund(&f, label), "{label}: {f:?}");
        }
    }

    #[test]
    fn short_names_listed_or_before_the_owner_marker_name_houses() {
        for (text, houses) in [
            ("上週寶盈、南方以及國聯安旗下的基金表現落後。", ["寶盈", "南方", "國聯安"]),
            ("上周宝盈、南方以及国联安旗下的基金表现落后。", ["宝盈", "南方", "国联安"]),
        ] {
            let f = names(text);
            for h in houses {
                assert!(f.iter().any(|(l, k)| l == h && *k == EntityKind::Organization), "{h}: {f:?}");
            }
        }
        for text in ["從東方和南方來的旅客增加。", "从东方和南方来的旅客增加。"] {
            let f = names(text);
            assert!(!f.iter().any(|(_, k)| *k == EntityKind::Organization), "{text}: {f:?}");
        }
    }

    #[test]
    fn the_fund_manager_is_no_part_of_the_name() {
        let f = names("嘉實紅利基金經理陳大文表示。");
        assert!(fund(&f, "嘉實紅利"), "{f:?}");
        let f = names("嘉实红利基金经理陈大文表示。");
        assert!(fund(&f, "嘉实红利"), "{f:?}");
    }
}
