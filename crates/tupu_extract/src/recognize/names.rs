//! Names found by pattern: organisations, events, initiatives and places that no lexicon lists.
//!
//! - **By ending** (`suffixes.tsv`): 「香港生產力促進局總裁…」 → 香港生產力促進局. The name runs left
//!   from its ending until punctuation, a boundary word (在, 由, 舉行…), a title, a measure phrase,
//!   or a conjunction after a complete name (…研究院與…聯盟: two names). A weak ending (中心, 計劃)
//!   needs a proper-name marker: quotes, a known place or body at its start, a title right after,
//!   or an abbreviation introduced for it.
//! - **Quoted programmes**: 「X」行動 / “X”工程 → initiative X (the quoted form kept as an alias);
//!   《X白皮書》 → initiative X.
//! - **Latin names** before a company word: DeepSeek等企業 → organisation DeepSeek.
//!
//! Overlaps are settled longest first; a known name inside a found name stays a mention only
//! when it is an organisation (國新辦 in 國新辦新聞局, which is then part of it), and a foreign
//! country at the start is split off (德國X協會 → 德國 + X協會).

use crate::analysis::Analysis;
use crate::lexicon::{KnownClass, Role, WordClass};
use crate::model::EntityKind;
use crate::numeral::{is_numeral_char, magnitude};
use crate::span::Span;
use crate::text::is_cjk;

/// Longest name before its ending, in characters.
const MAX_STEM: usize = 24;

/// Openers and closers of quoted names.
const OPEN_QUOTES: &[char] = &['「', '“', '『', '《', '‘', '"'];
const CLOSE_QUOTES: &[char] = &['」', '”', '』', '》', '’', '"'];

/// A name candidate.
#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    kind: EntityKind,
    /// The quoted surface to keep as an alias («“东数西算”工程»), when the label is inside quotes.
    quoted_alias: Option<Span>,
}

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    let mut candidates = by_ending(a);
    candidates.extend(quoted_programmes(a));
    candidates.extend(documents(a));
    candidates.extend(latin_companies(a));
    accept(a, candidates);
}

/// Names before an ending from `suffixes.tsv`.
fn by_ending(a: &Analysis<'_>) -> Vec<Candidate> {
    let mut out = Vec::new();
    for end in a.word_ends(|c| matches!(c, WordClass::Suffix(_))) {
        let Some((suffix_span, WordClass::Suffix(i))) = a.word_ending_at(end, |c| matches!(c, WordClass::Suffix(_)))
        else {
            continue;
        };
        if inside_other_word(a, suffix_span) || crossed_by_another_ending(a, suffix_span) {
            continue;
        }
        let suffix = &a.lex.suffixes[i];
        let mut start = name_start(a, suffix_span.start, suffix.kind);
        // A conjunction opens no name (與特區政府 → 特區政府).
        while start < suffix_span.start && joins(a, a.char_at(start)) {
            start += 1;
        }
        let mut span = Span::new(start, end);
        if suffix.kind == EntityKind::Event {
            span = event_name(a, span);
        }
        // 東方集團亞太區: a known place (亞太區) ends the text; it is not a larger place.
        if suffix.kind == EntityKind::Place
            && a.word_ending_at(end, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))
                .is_some_and(|(w, _)| w.start > span.start)
        {
            continue;
        }
        let stem = Span::new(span.start, suffix_span.start);
        // 南沙港, 鹽田港: a port is a known place and 港 — nothing else (來港, 經港 are Hong Kong).
        if a.class(Role::PortEnding).contains(a.folded(suffix_span)) {
            let place_stem = a
                .word_starting_at(
                    stem.start,
                    |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
                )
                .is_some_and(|(w, _)| w == stem);
            // 港澳, 港元, 港股, 港深: 港 is Hong Kong in a word that goes on.
            let glued_after = a.word_starting_at(suffix_span.start, |_| true).is_some_and(|(w, _)| w.len() > 1)
                || a.class(Role::HongKongCompound).has_char(a.char_at(suffix_span.end));
            if !place_stem || glued_after {
                continue;
            }
        }
        // 30個跨境電子商務綜合試驗區: counted, it is a class of things, not one name (第三屆X論壇
        // is an edition: ordinal, not counted).
        if suffix.kind != EntityKind::Event && counted_before(a, span.start) && !is_quoted(a, span) {
            continue;
        }
        // Quotation marks a name even when its words are generic (「金融科技創新專項資金」).
        // A long event name of generic words is still a name (數據產業專題新聞發布會); a short one
        // is a description (主論壇, 專題分論壇).
        let generic = a.lex.is_all_generic(a.folded(stem)) && !(suffix.kind == EntityKind::Event && stem.len() > 4);
        // 重點發展航空工程: a programme name does not open with a generic modifier.
        let generic_opening = suffix.kind == EntityKind::Initiative && !is_quoted(a, span) && starts_generic(a, stem);
        if generic_opening {
            continue;
        }
        if stem.len() < suffix.min_stem || (generic && !is_quoted(a, span)) {
            continue;
        }
        // 該公司, 本局: a reference, resolved by coreference, not a name.
        let refers = |c: char| a.class(Role::Demonstrative).has_char(c) || a.class(Role::Determiner).has_char(c);
        if stem.end > 0 && refers(a.char_at(stem.end - 1)) {
            continue;
        }
        // 企業及大學, 機構和商協會: a conjunction right before the ending, or one character
        // before it, joins two nouns.
        if (stem.start..stem.end).any(|p| is_conjunction_at(a, p) && stem.end - p <= 2) {
            continue;
        }
        // 中東主權基金, 本澳公立醫院: a world region or this place (本澳, 本港) and generic words
        // describe, they do not name (香港青年協進會 does name: a city's own body).
        if !is_quoted(a, span) {
            let describing = |k: usize| {
                let known = &a.lex.known[k];
                known.kind == EntityKind::Place && known.class == KnownClass::Region
            };
            if let Some((place, WordClass::Known(k))) = a.word_starting_at(
                span.start,
                |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
            ) {
                let rest = Span::new(place.end, stem.end);
                let deictic = a.class(Role::Deictic).has_char(a.char_at(place.start));
                if (describing(k) || deictic) && place.end < stem.end && a.lex.is_all_generic(a.folded(rest)) {
                    continue;
                }
            }
            // 瑞銀亞洲區: a region of a known region or country is a division, not a new place.
            if suffix.kind == EntityKind::Place
                && a.word_ending_at(stem.end, |c| matches!(c, WordClass::Known(k) if matches!(a.lex.known[k].class, KnownClass::Region | KnownClass::Country)))
                    .is_some()
            {
                continue;
            }
        }
        if !suffix.strong && !has_marker(a, span, suffix.kind) {
            continue;
        }
        // 中國方案, 香港計劃: a place and a programme word describe, they do not name.
        if suffix.kind == EntityKind::Initiative && !suffix.strong && !is_quoted(a, span) {
            let place_only = a
                .word_starting_at(
                    span.start,
                    |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
                )
                .is_some_and(|(w, _)| w.end + 2 > stem.end);
            if place_only {
                continue;
            }
        }
        // 中國智慧和中國方案: a coordination of descriptions, not a programme's name.
        if suffix.kind == EntityKind::Initiative
            && !suffix.strong
            && !is_quoted(a, span)
            && a.folded(stem).chars().any(|c| joins(a, c))
        {
            continue;
        }
        out.push(Candidate { span, kind: suffix.kind, quoted_alias: None });
    }
    out
}

/// Whether the ending is really part of another word: 署 in 簽署, 局 in 布局, 市 in 市場 (boundary
/// words), 部 in 部長 (a title).
fn inside_other_word(a: &Analysis<'_>, suffix: Span) -> bool {
    a.crossing(suffix).any(|(w, class)| match class {
        WordClass::Boundary | WordClass::Title(_) => true,
        // An ordinary word continuing past the ending (大學生, 辦法, 零部件), or ending with a
        // one-character ending (全部, 西部, 布局, 地區).
        WordClass::Plain => w.end > suffix.end || (suffix.len() == 1 && w.start < suffix.start),
        _ => false,
    })
}

/// Whether another ending starts before this one and ends inside it: in 旅遊大學會 the 學會 is
/// crossed by 大學, and the name is 旅遊大學 (followed by the verb 會).
fn crossed_by_another_ending(a: &Analysis<'_>, suffix: Span) -> bool {
    (suffix.start + 1..suffix.end).any(|end| {
        a.words.ending_at(end).iter().any(|w| {
            w.span.start < suffix.start
                && a.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Suffix(_)))
        })
    })
}

/// Where a name ending at `suffix_start` begins.
fn name_start(a: &Analysis<'_>, suffix_start: usize, kind: EntityKind) -> usize {
    let mut p = suffix_start;
    while p > 0 && suffix_start - p < MAX_STEM {
        let c = a.char_at(p - 1);
        // 國電投海岬（鹽城）風電裝備有限公司, 中國（長沙）跨境電子商務綜合試驗區: a short place in
        // parentheses inside a name.
        if matches!(c, '）' | ')') {
            let open = (p.saturating_sub(7)..p - 1).rev().find(|&q| matches!(a.char_at(q), '（' | '('));
            let place_inside = |o: usize| {
                a.word_starting_at(
                    o + 1,
                    |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
                )
                .is_some_and(|(w, _)| w.end == p - 1)
            };
            if let Some(open) = open.filter(|&o| o > 0 && is_cjk(a.char_at(o - 1)) && place_inside(o)) {
                // A known place right before the parenthesis opens the name (中國（長沙）…).
                let place_before = a.word_ending_at(
                    open,
                    |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
                );
                p = place_before.map_or(open, |(w, _)| w.start);
                continue;
            }
        }
        // 中國—東盟中心: a dash between two known places links them inside one name.
        if matches!(c, '—' | '－' | '-' | '·' | '・' | '•') {
            let known_before = a.word_ending_at(
                p - 1,
                |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
            );
            let known_after = a.word_starting_at(p, |w| matches!(w, WordClass::Known(_))).is_some();
            if let Some((before, _)) = known_before.filter(|_| known_after) {
                // The place before the dash is part of the name, whatever rule would stop at it.
                p = before.start;
                continue;
            }
            break;
        }
        // 自貿區3.0版升級議定書: a version number is part of a name.
        if c.is_ascii_digit() && a.char_at(p) == '版' {
            let mut q = p - 1;
            while q > 0 && (a.char_at(q - 1).is_ascii_digit() || a.char_at(q - 1) == '.') {
                q -= 1;
            }
            if q > 0 && is_cjk(a.char_at(q - 1)) {
                p = q;
                continue;
            }
            break;
        }
        if !(is_cjk(c) || c.is_ascii_alphabetic()) {
            break;
        }
        if a.word_ending_at(p, |c| matches!(c, WordClass::Boundary | WordClass::Title(_))).is_some() {
            break;
        }
        // A conjunction between two names: the one before it is complete, or the one after it
        // is a known name (陳大文與香港旅遊發展局…: not one name).
        if is_conjunction_at(a, p - 1)
            && (complete_name_ends_at(a, p - 1)
                || a.word_starting_at(p, |w| matches!(w, WordClass::Known(_))).is_some())
        {
            break;
        }
        if p >= 2 && a.class(Role::CountingMeasure).has_char(c) && counts_char(a, a.char_at(p - 2)) {
            break;
        }
        // 50億元專項資金: an amount before a name is not part of it.
        if p >= 2 && (c == '元' || magnitude(c).is_some_and(|e| e >= 2)) && counts_char(a, a.char_at(p - 2)) {
            break;
        }
        // Two place names side by side (交易廣場港交所互聯互通廣場): one ends where the other's
        // ending does.
        if kind == EntityKind::Place
            && p < suffix_start
            && a.word_ending_at(p, |c| matches!(c, WordClass::Suffix(s) if a.lex.suffixes[s].kind == EntityKind::Place))
                .is_some()
        {
            break;
        }
        // A place inside a place: 杭州市余杭區 is 余杭區 of 杭州市 (but 香港大會堂 is one name, and
        // so is 銀川經濟技術開發區: what follows the place is only generic words).
        if kind == EntityKind::Place
            && p < suffix_start
            && a.word_ending_at(p, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))
                .is_some()
            && !a.lex.is_all_generic(a.folded(Span::new(p, suffix_start)))
        {
            break;
        }
        p -= 1;
    }
    p
}

/// Whether a character is a conjunction or a comitative (和, 及, 與, 同, 並).
fn joins(a: &Analysis<'_>, c: char) -> bool {
    a.class(Role::Conjunction).has_char(c) || a.class(Role::Comitative).has_char(c)
}

/// Whether a character stands in a count: a numeral character or a count word (二十餘個).
fn counts_char(a: &Analysis<'_>, c: char) -> bool {
    is_numeral_char(c) || a.class(Role::CountWord).has_char(c)
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
    p == 0 || a.char_at(p - 1) != '第'
}

/// Whether the character at `p` is a conjunction (和, 及, 與), not part of a word (協和, 和平).
fn is_conjunction_at(a: &Analysis<'_>, p: usize) -> bool {
    joins(a, a.char_at(p))
        && !a.crossing_words(Span::new(p, p + 1)).any(|c| matches!(c, WordClass::Plain | WordClass::Known(_)))
}

/// Whether a complete name ends at `end`: an ending word, a known name, or a closing quote or
/// parenthesis (…（生產力局）與…).
fn complete_name_ends_at(a: &Analysis<'_>, end: usize) -> bool {
    end > 0
        && (matches!(a.char_at(end - 1), '）' | ')' | '」' | '”' | '』' | '》')
            || a.word_ending_at(end, |c| matches!(c, WordClass::Suffix(_) | WordClass::Known(_))).is_some())
}

/// An event's name: without the edition (第二屆, 本次), with a leading year (2025浙江…大會).
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
    // A year written right before the name belongs to it.
    let s = span.start;
    if s >= 4 && (0..4).all(|k| a.char_at(s - 1 - k).is_ascii_digit()) && (s == 4 || !a.char_at(s - 5).is_ascii_digit())
    {
        span.start -= 4;
    }
    span
}

/// Whether a name with a weak ending carries a proper-name marker.
fn has_marker(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    let quoted = is_quoted(a, span);
    // A known place or body at the start (香港X協會); before a programme word only a place (澳大計劃
    // is 'the university plans').
    let known_start = a
        .word_starting_at(span.start, |c| {
            matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place
                || (a.lex.known[k].kind == EntityKind::Organization && kind != EntityKind::Initiative))
        })
        .is_some_and(|(w, _)| w.end < span.end);
    // 南水北調東中線一期工程: a known programme, then words of its own, then a programme word —
    // a named part of the programme (not 一帶一路倡議, which is the programme itself).
    let programme_start = kind == EntityKind::Initiative
        && a.word_starting_at(
            span.start,
            |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Initiative),
        )
        .is_some_and(|(w, _)| {
            let ending = a.word_ending_at(span.end, |c| matches!(c, WordClass::Suffix(_))).map_or(0, |(e, _)| e.len());
            let own = Span::new(w.end, span.end - ending);
            own.len() >= 2 && !a.lex.is_all_generic(a.folded(own))
        });
    let year_start = a.char_at(span.start).is_ascii_digit();
    let title_after = a.word_starting_at(span.end, |c| matches!(c, WordClass::Title(_))).is_some();
    let abbreviation_after = matches!(a.char_at(span.end), '（' | '(');
    let place_before = kind == EntityKind::Place
        && a.word_ending_at(
            span.start,
            |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
        )
        .is_some();
    // 鹽城市人民政府: a government of an administrative unit named with its 市/省/縣.
    let administrative = kind == EntityKind::Organization
        && (span.start + 3..span.end).any(|p| {
            let place = Span::new(span.start, p - 1);
            a.class(Role::AdministrativeUnit).has_char(a.char_at(p - 1))
                && place.len() >= 2
                && (place.start..place.end).all(|q| is_cjk(a.char_at(q)))
                && !(place.start + 1..=place.end).any(|e| {
                    a.word_ending_at(e, |c| matches!(c, WordClass::Suffix(_)))
                        .is_some_and(|(w, _)| w.start >= place.start)
                })
                && a.word_starting_at(
                    p,
                    |c| matches!(c, WordClass::Suffix(s) if a.lex.suffixes[s].kind == EntityKind::Organization),
                )
                .is_some_and(|(w, _)| w.end == span.end)
        });
    quoted
        || known_start
        || programme_start
        || year_start
        || title_after
        || abbreviation_after
        || place_before
        || administrative
}

/// Whether the first word of a span is a generic modifier (重點…, 相關…). Words of scope
/// (國家, 全國, 中央, 國際) open proper names (國家人工智能產業投資基金) and do not count.
fn starts_generic(a: &Analysis<'_>, span: Span) -> bool {
    (2..=4.min(span.len())).any(|n| {
        let w = a.folded(Span::new(span.start, span.start + n));
        a.lex.generic.contains(w) && !a.class(Role::Scope).contains(w)
    })
}

/// Whether the span is exactly the content of a quotation.
fn is_quoted(a: &Analysis<'_>, span: Span) -> bool {
    span.start > 0 && OPEN_QUOTES.contains(&a.char_at(span.start - 1)) && CLOSE_QUOTES.contains(&a.char_at(span.end))
}

/// 「X」行動, “X”工程: initiative X, the quoted form an alias.
fn quoted_programmes(a: &Analysis<'_>) -> Vec<Candidate> {
    let text = a.text();
    a.lex
        .patterns
        .quoted_programme
        .captures_iter(text.folded())
        .filter_map(|c| {
            let inner = c.get(1)?;
            let whole = c.get(0)?;
            let span = text.span_of_folded_bytes(inner.start(), inner.end());
            (!a.lex.is_all_generic(inner.as_str())).then_some(Candidate {
                span,
                kind: EntityKind::Initiative,
                quoted_alias: Some(text.span_of_folded_bytes(whole.start(), whole.end())),
            })
        })
        .collect()
}

/// 《X白皮書》: initiative X, the bracketed form an alias.
fn documents(a: &Analysis<'_>) -> Vec<Candidate> {
    let text = a.text();
    a.lex
        .patterns
        .document
        .captures_iter(text.folded())
        .filter_map(|c| {
            let inner = c.get(1)?;
            let whole = c.get(0)?;
            Some(Candidate {
                span: text.span_of_folded_bytes(inner.start(), inner.end()),
                kind: EntityKind::Initiative,
                quoted_alias: Some(text.span_of_folded_bytes(whole.start(), whole.end())),
            })
        })
        .collect()
}

/// DeepSeek等企業 → organisation DeepSeek.
fn latin_companies(a: &Analysis<'_>) -> Vec<Candidate> {
    let text = a.text();
    a.lex
        .patterns
        .latin_company
        .captures_iter(text.folded())
        .filter_map(|c| {
            let name = c.get(1)?;
            let span = text.span_of_folded_bytes(name.start(), name.end());
            // Not the tail of a longer Latin word.
            let before = span.start.checked_sub(1).map(|p| a.char_at(p));
            (name.as_str().len() >= 2 && !before.is_some_and(|b| b.is_ascii_alphanumeric())).then_some(Candidate {
                span,
                kind: EntityKind::Organization,
                quoted_alias: None,
            })
        })
        .collect()
}

/// Settles overlaps (longest first) and adds the surviving names.
fn accept(a: &mut Analysis<'_>, mut candidates: Vec<Candidate>) {
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
    let mut taken = vec![false; a.chars.len() + 1];
    for mut c in candidates {
        if taken[c.span.start..c.span.end].iter().any(|&t| t) {
            continue;
        }
        let existing = a.entities.overlapping(c.span);
        // A known name crossing the candidate's edge: the lexicon knows better.
        if existing.iter().any(|(_, m)| m.overlaps(c.span) && !c.span.contains(*m) && !m.contains(c.span)) {
            continue;
        }
        // Already a known name exactly, or inside one.
        if existing.iter().any(|(_, m)| m.contains(c.span)) {
            if let Some(alias) = c.quoted_alias {
                if let Some(id) = a.entity_at(c.span) {
                    let surface = a.surface(alias).to_owned();
                    a.entities.add_name(id, &surface, false);
                    a.entities.add_mention(id, alias, &surface);
                }
            }
            continue;
        }
        let inner: Vec<(usize, Span)> = existing.iter().copied().filter(|(_, m)| c.span.contains(*m)).collect();
        // 德國X協會: the country is a modifier of X協會.
        let mut without_country = None;
        if let Some(&(id, m)) = inner.first() {
            let foreign = a.entities.get(id).known.is_some_and(|k| a.lex.known[k].is_foreign_country());
            // …but a country's own body keeps it (葡萄牙旅遊局, 美國商會): split only when what
            // follows has a name of its own, not just generic words before its ending.
            let ending =
                a.word_ending_at(c.span.end, |w| matches!(w, WordClass::Suffix(_))).map_or(0, |(w, _)| w.len());
            let own_name = Span::new(m.end, c.span.end.saturating_sub(ending));
            // A ministry or agency is the country's own: 沙特阿拉伯能源部 keeps its country.
            let government = a.class(Role::GovernmentEnding).ends(a.folded(c.span));
            if m.start == c.span.start
                && foreign
                && !government
                && own_name.len() >= 2
                && !a.lex.is_all_generic(a.folded(own_name))
            {
                c.span.start = m.end;
            } else if m.start == c.span.start && foreign && government && own_name.len() >= 2 {
                // …and is also called without it (技術與通信部 of 老撾技術與通信部).
                without_country = Some(Span::new(m.end, c.span.end));
            }
        }
        let inner: Vec<(usize, Span)> = inner.into_iter().filter(|(_, m)| c.span.contains(*m)).collect();
        // What is left after the country may be a known name itself (英國劍橋大學 → 劍橋大學).
        if inner.iter().any(|(_, m)| *m == c.span) {
            taken[c.span.start..c.span.end].iter_mut().for_each(|t| *t = true);
            continue;
        }
        // One character glued before a known name (有房屋局) makes no new name.
        if inner
            .iter()
            .any(|(id, m)| m.end == c.span.end && m.start == c.span.start + 1 && a.entities.kind(*id) == c.kind)
        {
            continue;
        }
        // 廣西南寧國際會展中心, 成都中國西部國際博覽城: a place before a venue's name that starts
        // with another place locates it; the name starts at the second place.
        // (A company keeps its registered places: 珠海橫琴數鏈科技有限公司.)
        if c.kind == EntityKind::Place || a.class(Role::VenueEnding).ends(a.folded(c.span)) {
            let first = a.word_starting_at(
                c.span.start,
                |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
            );
            if let Some((p1, WordClass::Known(k1))) = first {
                let second = a.word_starting_at(
                    p1.end,
                    |w| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
                );
                if second.is_some_and(|(p2, _)| p2.end < c.span.end) {
                    super::known::add_known(a, k1, p1);
                    c.span.start = p1.end;
                }
            }
        }
        let inner: Vec<(usize, Span)> = inner.into_iter().filter(|(_, m)| c.span.contains(*m)).collect();
        // [place] + known name: the known name written with its place. Same kind: one entity,
        // the longer form an alias (國家工業和信息化部). Other kind: the known name stands and the
        // place keeps its own mention (灣仔香港會議展覽中心 → 灣仔, 香港會議展覽中心).
        // (A foreign country before a body known by a short local name is that country's own
        // body: 葡萄牙旅遊局 is not the 旅遊局 of a Macau article.) A government before one of its
        // own bodies is the same body written in full (澳門特區政府旅遊局).
        if let Some(&(id, m)) = inner.iter().find(|(id, m)| {
            m.end == c.span.end
                && ((is_place_prefix(a, Span::new(c.span.start, m.start))
                    && !foreign_country_before_local_body(a, Span::new(c.span.start, m.start), *id))
                    || own_government_before(a, Span::new(c.span.start, m.start), *id))
        }) {
            if a.entities.kind(id) == c.kind {
                let surface = a.surface(c.span).to_owned();
                for (_, inner_m) in &inner {
                    a.entities.remove_mention(*inner_m);
                }
                a.entities.add_name(id, &surface, true);
                a.entities.add_mention(id, c.span, &surface);
                taken[c.span.start..c.span.end].iter_mut().for_each(|t| *t = true);
            } else if a.entity_at(Span::new(c.span.start, m.start)).is_none() {
                if let Some((place, WordClass::Known(k))) =
                    a.word_starting_at(c.span.start, |w| matches!(w, WordClass::Known(_)))
                {
                    if place.end == m.start {
                        super::known::add_known(a, k, place);
                    }
                }
            }
            continue;
        }
        let surface = a.surface(c.span).to_owned();
        let id = a.entities.create(c.kind, &surface, true);
        a.entities.add_mention(id, c.span, &surface);
        if let Some(short) = without_country {
            let short_surface = a.surface(short).to_owned();
            a.entities.add_name(id, &short_surface, false);
        }
        if let Some(alias) = c.quoted_alias {
            let alias_surface = a.surface(alias).to_owned();
            a.entities.add_name(id, &alias_surface, false);
        }
        // Inner mentions: an organisation the name starts with stays, and the name is part of it
        // (國新辦 in 國新辦新聞局); anything else inside is only a piece of the name (香港 in
        // 香港科技大學, 發展局 in 香港金融發展局).
        for (inner_id, m) in inner {
            let parent = a.entities.kind(inner_id) == EntityKind::Organization
                && c.kind == EntityKind::Organization
                && m.start == c.span.start
                && inner_id != id;
            if parent {
                if a.entities.get(id).part_of.is_none() {
                    a.entities.get_mut(id).part_of = Some(inner_id);
                }
            } else {
                a.entities.remove_mention(m);
            }
        }
        taken[c.span.start..c.span.end].iter_mut().for_each(|t| *t = true);
    }
}

/// Whether a prefix only says where a body is (國家, 中國, 中央, or a known place).
/// Whether `prefix` is a foreign country and entity `id` a body of one of the Chinese regions.
fn foreign_country_before_local_body(a: &Analysis<'_>, prefix: Span, id: usize) -> bool {
    let foreign = a
        .word_starting_at(prefix.start, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].is_foreign_country()))
        .is_some_and(|(w, _)| w == prefix);
    let local = a.entities.get(id).known.is_some_and(|k| a.lex.known[k].region.is_some());
    foreign && local
}

/// Whether `prefix` is exactly a mention of the known government of the region entity `id`
/// belongs to.
fn own_government_before(a: &Analysis<'_>, prefix: Span, id: usize) -> bool {
    let Some(body) = a.entities.get(id).known.map(|k| &a.lex.known[k]) else { return false };
    let Some(government) = a.entity_at(prefix).and_then(|g| a.entities.get(g).known).map(|k| &a.lex.known[k]) else {
        return false;
    };
    government.class == KnownClass::Government && body.region.is_some() && government.region == body.region
}

fn is_place_prefix(a: &Analysis<'_>, prefix: Span) -> bool {
    if prefix.is_empty() {
        return false;
    }
    let folded = a.folded(prefix);
    a.class(Role::NationalPrefix).contains(folded)
        || a.word_starting_at(
            prefix.start,
            |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
        )
        .is_some_and(|(w, _)| w == prefix)
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let mut a = analysis_with(text, None, &[]);
        super::super::known::recognise(&mut a);
        super::recognise(&mut a);
        let (entities, _) = a.entities.finish(false);
        entities.into_iter().map(|e| (e.label, e.kind)).collect()
    }

    fn has(found: &[(String, EntityKind)], label: &str, kind: EntityKind) -> bool {
        found.iter().any(|(l, k)| l == label && *k == kind)
    }

    #[test]
    fn organisation_by_ending_starts_after_punctuation_and_boundaries() {
        let f = names("會上，東華三院總監陳大文表示，活動由香港青年協進會主辦。");
        assert!(has(&f, "香港青年協進會", EntityKind::Organization), "{f:?}");
        let f = names("该项目由海南省旅游和文化广电体育厅牵头。");
        assert!(has(&f, "海南省旅游和文化广电体育厅", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn conjunction_after_a_complete_name_splits_two_names() {
        let f = names("南方科技研究院與東海數碼產業聯盟聯合發布報告。");
        assert!(has(&f, "南方科技研究院", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "東海數碼產業聯盟", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn conjunction_inside_a_name_stays() {
        let f = names("會議由文化和旅遊發展局召開。");
        assert!(has(&f, "文化和旅遊發展局", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn generic_and_counted_descriptions_are_not_names() {
        let f = names("相關部門已在全國設立了二十多個重點實驗室，並舉行主論壇和專題分論壇。");
        assert!(f.iter().all(|(_, k)| *k != EntityKind::Organization && *k != EntityKind::Event), "{f:?}");
    }

    #[test]
    fn weak_endings_need_a_marker() {
        let f = names("公司將設立研發中心。");
        assert!(f.is_empty(), "{f:?}");
        let f = names("雙方成立「海洋數據聯合實驗室」。");
        assert!(has(&f, "海洋數據聯合實驗室", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn events_drop_the_edition_and_keep_a_year() {
        let f = names("第三屆南海經貿合作論壇昨日開幕。");
        assert!(has(&f, "南海經貿合作論壇", EntityKind::Event), "{f:?}");
        let f = names("以“开放共赢”为主题的2026西部数字经济发展大会在成都举行。");
        assert!(has(&f, "2026西部数字经济发展大会", EntityKind::Event), "{f:?}");
    }

    #[test]
    fn foreign_country_is_split_from_an_organisation() {
        let f = names("法國巴斯德研究所代表出席。");
        assert!(has(&f, "巴斯德研究所", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "法國", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn quoted_programmes_and_documents() {
        let f = names("深入实施“数据强基”工程，并发布《数字经济发展白皮书（2026年）》。");
        assert!(has(&f, "数据强基", EntityKind::Initiative), "{f:?}");
        assert!(has(&f, "数字经济发展白皮书（2026年）", EntityKind::Initiative), "{f:?}");
    }

    #[test]
    fn latin_company_names() {
        let f = names("MiniMax等企業推出新模型。");
        assert!(has(&f, "MiniMax", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn place_inside_a_place() {
        let f = names("總部位於杭州市西湖區。");
        assert!(has(&f, "西湖區", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn dashes_join_places_inside_a_name() {
        let f = names("中國—東盟中心秘書長出席，2026中國—東盟數字經濟合作論壇開幕。");
        assert!(has(&f, "中國—東盟中心", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "2026中國—東盟數字經濟合作論壇", EntityKind::Event), "{f:?}");
        let f = names("成本—效益分析中心");
        assert!(!f.iter().any(|(l, _)| l.contains('—')), "{f:?}");
        // A name never starts at the dash, even when a place ends before it.
        for text in ["推動中國—東盟自貿區建設。", "推动中国—东盟自贸区建设。"] {
            let f = names(text);
            assert!(!f.iter().any(|(l, _)| l.starts_with('—')), "{f:?}");
        }
    }

    #[test]
    fn a_foreign_country_before_a_local_short_name_is_its_own_body() {
        for (text, foreign, local) in [
            ("澳門特區政府旅遊局與葡萄牙旅遊局簽署備忘錄，旅遊局將設立基金。", "葡萄牙旅遊局", "澳門特區政府旅遊局"),
            ("澳门特区政府旅游局与葡萄牙旅游局签署备忘录，旅游局将设立基金。", "葡萄牙旅游局", "澳门特区政府旅游局"),
        ] {
            let mut a = analysis_with(text, None, &[]);
            super::super::known::recognise(&mut a);
            super::recognise(&mut a);
            let (entities, _) = a.entities.finish(false);
            let org = |label: &str| {
                entities.iter().find(|e| e.label == label).unwrap_or_else(|| panic!("{label}: {entities:?}"))
            };
            // The foreign body is new: no lexicon identity, one mention.
            assert!(org(foreign).english.is_none(), "{entities:?}");
            // The government's body written in full is the known body, with the short name.
            assert_eq!(org(local).mentions.len(), 2, "{entities:?}");
        }
    }

    #[test]
    fn a_foreign_ministry_keeps_its_country_and_is_also_named_without_it() {
        for (text, full, short) in [
            ("沙特阿拉伯能源部副大臣出席。", "沙特阿拉伯能源部", "能源部"),
            ("老撾技術與通信部部長出席。", "老撾技術與通信部", "技術與通信部"),
            ("老挝技术与通信部部长出席。", "老挝技术与通信部", "技术与通信部"),
        ] {
            let mut a = analysis_with(text, None, &[]);
            super::super::known::recognise(&mut a);
            super::recognise(&mut a);
            let (entities, _) = a.entities.finish(false);
            let ministry = entities.iter().find(|e| e.label == full).unwrap_or_else(|| panic!("{entities:?}"));
            assert!(ministry.aliases.contains(short), "{:?}", ministry.aliases);
        }
        // A company or society of a country is named without it.
        let f = names("德國弗勞恩霍夫協會代表出席。");
        assert!(has(&f, "弗勞恩霍夫協會", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn a_place_in_parentheses_stays_inside_the_name_and_counted_classes_are_no_names() {
        let f = names("各地已有30個跨境電子商務綜合試驗區，中國（長沙）跨境電子商務綜合試驗區位居前列。");
        assert!(has(&f, "中國（長沙）跨境電子商務綜合試驗區", EntityKind::Place), "{f:?}");
        assert!(!has(&f, "跨境電子商務綜合試驗區", EntityKind::Place), "{f:?}");
        let f = names("各地已有30个跨境电子商务综合试验区，中国（长沙）跨境电子商务综合试验区位居前列。");
        assert!(has(&f, "中国（长沙）跨境电子商务综合试验区", EntityKind::Place), "{f:?}");
        assert!(!has(&f, "跨境电子商务综合试验区", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn a_port_is_a_known_place_and_gang() {
        let f = names("天津港上半年貨物吞吐量創新高。");
        assert!(has(&f, "天津港", EntityKind::Place), "{f:?}");
        let f = names("天津港上半年货物吞吐量创新高。");
        assert!(has(&f, "天津港", EntityKind::Place), "{f:?}");
        // 來港, 經港: Hong Kong after a verb; 港澳: a word of its own.
        for text in ["龍頭企業計劃來港發展。", "企業經港進入內地。", "深化南沙港澳合作。"]
        {
            let f = names(text);
            assert!(!f.iter().any(|(l, _)| l.ends_with('港')), "{f:?}");
        }
    }

    #[test]
    fn a_named_part_of_a_known_programme_is_a_programme() {
        let f = names("南水北調東中線一期工程全面通水。");
        assert!(has(&f, "南水北調東中線一期工程", EntityKind::Initiative), "{f:?}");
        let f = names("南水北调东中线一期工程全面通水。");
        assert!(has(&f, "南水北调东中线一期工程", EntityKind::Initiative), "{f:?}");
        // The programme word alone after it names the programme itself, not a part.
        let f = names("共建一帶一路倡議，推進一帶一路重點工程。");
        assert!(f.iter().all(|(l, _)| l == "一帶一路"), "{f:?}");
    }

    #[test]
    fn a_version_number_is_part_of_a_name() {
        let f = names("雙方簽署中國—東盟自由貿易區3.0版升級議定書。");
        assert!(has(&f, "中國—東盟自由貿易區3.0版升級議定書", EntityKind::Initiative), "{f:?}");
        let f = names("双方签署中国—东盟自由贸易区3.0版升级议定书。");
        assert!(has(&f, "中国—东盟自由贸易区3.0版升级议定书", EntityKind::Initiative), "{f:?}");
        // A number that is no version stops the name: 50億元 is an amount.
        let f = names("設立50億元專項資金。");
        assert!(!f.iter().any(|(l, _)| l.contains('5')), "{f:?}");
    }

    #[test]
    fn a_verb_after_a_university_is_not_a_society() {
        let f = names("澳門旅遊大學今年成立。旅遊大學會把課堂延伸到橫琴。");
        assert!(!f.iter().any(|(l, _)| l.ends_with("大學會")), "{f:?}");
    }

    #[test]
    fn a_venue_loses_its_locating_place_but_a_company_keeps_it() {
        let f = names("論壇在广西南宁国际会展中心举行。珠海橫琴數鏈科技有限公司亦有參加。");
        assert!(has(&f, "南宁国际会展中心", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "珠海橫琴數鏈科技有限公司", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn descriptions_of_a_region_or_of_this_place_are_not_names() {
        let f = names("吸引中東主權基金投資，並與本澳公立醫院合作，瑞銀亞洲區主管表示。");
        assert!(!f.iter().any(|(l, _)| l == "中東主權基金" || l == "本澳公立醫院" || l.ends_with("亞洲區")), "{f:?}");
        let f = names("香港青年協進會主辦。");
        assert!(has(&f, "香港青年協進會", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn a_city_government_and_its_party_committee() {
        let f = names("推介會由鹽城市人民政府主辦，中共鹽城市委副書記出席。市委市政府高度重視。");
        assert!(has(&f, "鹽城市人民政府", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "中共鹽城市委", EntityKind::Organization), "{f:?}");
        assert!(!f.iter().any(|(l, _)| l == "市委市政府"), "{f:?}");
    }

    #[test]
    fn ending_inside_an_ordinary_word_is_ignored() {
        let f = names("雙方簽署協議，優化產業布局，開拓市場。");
        assert!(f.is_empty(), "{f:?}");
    }
}
