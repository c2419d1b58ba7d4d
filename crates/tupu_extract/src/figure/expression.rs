//! Reads one figure expression around a numeral: qualifier, currency, number, range, unit or
//! measure word, trailing qualifier and counted noun.
//!
//! The structural rule that keeps idioms and names out: a number is a figure only when a measure
//! word, unit, currency, percent sign or date word follows it (or a currency sign precedes it), or
//! 第 makes it an ordinal. 一國兩制, 十四五 and 一是 have none of these.

use crate::analysis::Analysis;
use crate::decimal::Decimal;
use crate::lexicon::WordClass;
use crate::model::{Figure, FigureKind, Qualifier};

use super::counts;
use super::lexicon::{CurrencyCode, FigureLexicon, UnitClass};
use crate::date::read::DateReader;
use crate::lexicon::Role;
use crate::numeral::{Numeral, NumeralReader, is_numeral_char, magnitude};

/// Most characters read back from a 一 after a joiner for the count it is listed with
/// ([`Reader::one_listed_with_a_count`]).
const LISTED_COUNT_REACH: usize = 16;
/// Punctuation that ends the list a count belongs to.
const CLAUSE_MARKS: &[char] = &['，', '。', '；', '：', '！', '？', ',', ';', '\n'];

/// Punctuation after 第N that makes it a list marker (第一，…), not a rank.
const LIST_PUNCTUATION: &[char] = &['，', '、', '：', ':', ',', '.', '．'];

/// What reading at a numeral gave.
#[derive(Debug)]
pub(super) enum Reading {
    /// A figure, and the byte where its expression ends.
    Figure(Box<Found>, usize),
    /// No figure, but nothing else may start before this byte (a clock time, a decade).
    Consumed(usize),
    /// Nothing here.
    Nothing,
}

/// A figure with what the later passes need to know about it.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) figure: Figure,
    /// Where the amount ends (before the counted noun), in analysis code points.
    pub(super) amount_end: usize,
}

/// Reads figures out of one article's folded text.
pub(super) struct Reader<'a, 'b> {
    pub(super) analysis: &'b Analysis<'a>,
    pub(super) folded: &'a str,
    pub(super) lex: &'a FigureLexicon,
    numerals: NumeralReader<'a>,
    dates: DateReader<'a>,
}

/// The number part of an expression: value, range, where it ends.
#[derive(Clone)]
struct Amount {
    value: Decimal,
    min: Option<Decimal>,
    max: Option<Decimal>,
    end: usize,
    qualifier: Option<Qualifier>,
}

impl<'a, 'b> Reader<'a, 'b> {
    pub(super) fn new(analysis: &'b Analysis<'a>) -> Self {
        Self {
            analysis,
            folded: analysis.text().folded(),
            lex: &analysis.lex.figures,
            numerals: NumeralReader::new(analysis.lex),
            dates: DateReader::new(analysis.lex),
        }
    }

    /// Reads the expression at numeral `n`.
    pub(super) fn read(&self, n: Numeral) -> Reading {
        let f = self.folded;
        if f[..n.start].ends_with('/') {
            // The second half of 2024/25 or 3/4: read with the number before the slash, if at all.
            return Reading::Nothing;
        }
        if let Some(fraction) = self.fraction(n) {
            return fraction;
        }
        if let Some(end) = self.dates.clock_time_end(f, &n) {
            return Reading::Consumed(end);
        }
        if let Some(d) = self.dates.date_at(f, &n, self.analysis.article.published()) {
            let kind = if d.year_only { FigureKind::Year } else { FigureKind::Date };
            let figure = self.figure(d.start, d.end, kind, d.value);
            return self.done(Figure { date: d.date, ..figure }, d.end, None);
        }
        let ordinal = f[..n.start].ends_with('第');
        let mut amount = self.amount(n, ordinal);
        // 一個半小時, 兩年半: a half after the measure word of a length of time.
        for half in ["个半", "半"] {
            if let Some(after) = f[amount.end..].strip_prefix(half) {
                let duration = self.lex.units.prefix_of(after).is_some_and(|(_, u)| u.class == UnitClass::Duration);
                if duration && !ordinal {
                    amount.value = amount.value.plus(crate::decimal::Decimal::new(5, 1));
                    amount.end += half.len();
                    break;
                }
            }
        }
        let rest = &f[amount.end..];

        if ordinal {
            return self.ordinal(n, amount.end);
        }
        if let Some(percent) = self.percent(n, &amount) {
            return percent;
        }
        let before = self.currency_before(n.start);
        if let Some((len, word)) = self.lex.currencies.prefix_of(rest).filter(|(_, w)| w.after) {
            let mut end = amount.end + len;
            let mut code = word.code.clone();
            // 33.6萬億元人民幣: a currency name after a bare 元 says which 元.
            if code == CurrencyCode::Local {
                if let Some((len2, w2)) =
                    self.lex.currencies.prefix_of(&f[end..]).filter(|(_, w)| w.after && w.code != CurrencyCode::Local)
                {
                    end += len2;
                    code = w2.code.clone();
                }
            }
            let code = match (before.as_ref(), code) {
                (Some((_, prefix)), CurrencyCode::Local) => prefix.clone(),
                (_, c) => c,
            };
            let start = before.as_ref().map_or(n.start, |(s, _)| *s);
            return self.quantity(n, start, amount, end, FigureKind::Money, Some(code), None);
        }
        if let Some((len, unit)) =
            self.lex.units.prefix_of(rest).filter(|(len, _)| self.unit_ends_word(amount.end + len))
        {
            let end = amount.end + len;
            return match unit.class {
                UnitClass::Count | UnitClass::Measure => {
                    let kind = if unit.class == UnitClass::Count { FigureKind::Count } else { FigureKind::Measure };
                    self.quantity(n, n.start, amount, end, kind, None, Some((end, unit.noun)))
                }
                UnitClass::Duration => self.duration(n, amount, end),
                UnitClass::OrdinalOnly => Reading::Nothing,
                UnitClass::Skip => Reading::Consumed(end),
            };
        }
        if let Some(reading) = self.count_with_noun_before(n, &amount) {
            return reading;
        }
        if let Some((start, code)) = before {
            // HK$10億, 人民幣3億: the sign alone makes it money.
            let end = amount.end;
            return self.quantity(n, start, amount, end, FigureKind::Money, Some(code), None);
        }
        Reading::Nothing
    }

    /// 觀展人次逾4.1萬, 旅客人數達2,800萬: a number without a measure word that ends its clause
    /// counts the noun written before it — when it is large (萬, 億) or qualified, as such
    /// figures are; a small bare number there is more often a code or a score.
    fn count_with_noun_before(&self, n: Numeral, amount: &Amount) -> Option<Reading> {
        let f = self.folded;
        let ends_clause = f[amount.end..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '，' | '。' | '；' | '、' | '）' | ')' | '！' | '？' | '\n' | ',' | ';'));
        if !ends_clause {
            return None;
        }
        let (start, qualifier) = self.qualifier_before(n.start);
        let large = f[n.start..amount.end].contains(['万', '亿']);
        if !(large || qualifier.is_some()) {
            return None;
        }
        counts::before(f, start, self.lex, |byte| self.boundary_ends_at(byte))?;
        Some(self.quantity(n, n.start, amount.clone(), amount.end, FigureKind::Count, None, None))
    }

    /// The number with what is fused to it: 多/餘 (1000多, 十多萬), an indefinite digit
    /// (十幾萬, 幾十名: [`Reader::indefinite_digit_after`], [`Reader::indefinite_digit_before`])
    /// and a range (3至5, 30到40).
    fn amount(&self, n: Numeral, ordinal: bool) -> Amount {
        let f = self.folded;
        let mut amount = Amount { value: n.value, min: None, max: None, end: n.end, qualifier: None };
        let rest = &f[n.end..];
        if !ordinal && self.indefinite_digit_before(n) {
            amount.qualifier = Some(Qualifier::MoreThan);
        }
        let fused = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '多' | '余'))
            .map(char::len_utf8)
            .or_else(|| self.indefinite_digit_after(n, ordinal));
        if let Some(len) = fused {
            let after = n.end + len;
            let mags: Vec<(usize, u32)> = f[after..]
                .char_indices()
                .map_while(|(i, c)| magnitude(c).filter(|&e| e >= 4).map(|e| (i + c.len_utf8(), e)))
                .collect();
            let next = after + mags.last().map_or(0, |(l, _)| *l);
            let rest_after = &f[next..];
            let followed = self.lex.units.prefix_of(rest_after).is_some()
                || self.lex.currencies.prefix_of(rest_after).is_some_and(|(_, w)| w.after);
            if followed {
                let exp: u32 = mags.iter().map(|(_, e)| e).sum();
                amount.value = n.value.scaled_by_power_of_ten(exp);
                amount.end = next;
                amount.qualifier = Some(Qualifier::MoreThan);
                return amount;
            }
        }
        if ordinal {
            return amount;
        }
        // 3至5年, 30-40間.
        if let Some(sep) = self.analysis.lex.words.range_separator(rest) {
            if let Some(m) = self.numerals.starting(f, n.end + sep) {
                if m.value > n.value {
                    amount.min = Some(n.value);
                    amount.max = Some(m.value);
                    amount.end = m.end;
                }
            }
        }
        amount
    }

    /// The length of an indefinite digit (幾, 若干) fused after a numeral that fills a place of it:
    /// 十幾萬 is more than 100,000, 二十幾個 more than 20 — read as 多 is (十多萬). `None` after a
    /// bare digit (三幾) or an ordinal.
    fn indefinite_digit_after(&self, n: Numeral, ordinal: bool) -> Option<usize> {
        let f = self.folded;
        let last = f[n.start..n.end].chars().next_back()?;
        if ordinal || !(magnitude(last).is_some() || (last.is_ascii_digit() && !n.chinese)) {
            return None;
        }
        self.analysis.class(Role::IndefiniteCount).prefix_of(&f[n.end..]).filter(|&len| len == '几'.len_utf8())
    }

    /// Whether an indefinite digit (幾) stands right before a numeral that starts with its place
    /// (幾十名, 幾百萬): some tens, some hundreds — more than the place itself.
    fn indefinite_digit_before(&self, n: Numeral) -> bool {
        let f = self.folded;
        let first = f[n.start..n.end].chars().next();
        n.chinese
            && first.and_then(magnitude).is_some()
            && self.analysis.class(Role::IndefiniteCount).suffix_of(&f[..n.start]) == Some('几'.len_utf8())
    }

    /// The length of the 半 that makes a bare 一 half of a whole (一半以上人口, 近一半的企業,
    /// 規模的一半: 50 %), if it does: qualified, or of a whole named before it with 的. A bare 一半
    /// in speech (一半是海水、一半是火焰, 一半時間) is a way of speaking more often than a figure;
    /// 一半半 is a set phrase ("so-so").
    fn half_of_the_whole(&self, n: Numeral, amount: &Amount, rest: &str) -> Option<usize> {
        let f = self.folded;
        let after = rest.strip_prefix('半')?;
        if !n.bare_one || amount.end != n.end || amount.min.is_some() || after.starts_with('半') {
            return None;
        }
        let qualified = self.qualifier_before(n.start).1.is_some()
            || self.lex.qualifiers_after.prefix_of(after).is_some()
            || f[..n.start].ends_with('的');
        qualified.then_some('半'.len_utf8())
    }

    /// 三分之一 (33.333333 %), 百分之十五 (15 %), 千分之五 (0.5 %).
    fn fraction(&self, n: Numeral) -> Option<Reading> {
        let f = self.folded;
        let after = n.end + f[n.end..].strip_prefix("分之").map(|_| "分之".len())?;
        let m = self.numerals.starting(f, after)?;
        let value = if n.value == Decimal::from_int(100) {
            m.value
        } else {
            let denominator = integer(n.value)?;
            let numerator = integer(m.value)?;
            Decimal::ratio(numerator.checked_mul(100)?, denominator, 6)?
        };
        let amount = Amount { value, min: None, max: None, end: m.end, qualifier: None };
        let mut found = self.quantity(n, n.start, amount, m.end, FigureKind::Percent, None, None);
        if let Reading::Figure(found, _) = &mut found {
            found.figure.unit = Some("%".to_owned());
        }
        Some(found)
    }

    /// 15%, 1.5個百分點, 兩成, 近五成, 一半以上.
    fn percent(&self, n: Numeral, amount: &Amount) -> Option<Reading> {
        let f = self.folded;
        let rest = &f[amount.end..];
        let (len, value, unit) = if rest.starts_with('%') {
            (1, amount.value, "%")
        } else if rest.starts_with("个百分点") {
            ("个百分点".len(), amount.value, "百分点")
        } else if let Some(len) = self.half_of_the_whole(n, amount, rest) {
            (len, Decimal::from_int(50), "%")
        } else if rest.starts_with('成') && amount.min.is_none() && amount.qualifier.is_none() {
            let after = &rest['成'.len_utf8()..];
            // 一成立, 兩成員: 成 starts a word.
            if after.chars().next().is_some_and(|c| self.analysis.class(Role::NotTenthsAfter).has_char(c)) {
                return None;
            }
            let (len, value) = tenths(&f[n.start..n.end], n.value, after)?;
            ('成'.len_utf8() + len, value, "%")
        } else {
            return None;
        };
        let end = amount.end + len;
        let amount = Amount { value, min: amount.min, max: amount.max, end: amount.end, qualifier: amount.qualifier };
        let mut reading = self.quantity(n, n.start, amount, end, FigureKind::Percent, None, None);
        if let Reading::Figure(found, _) = &mut reading {
            found.figure.unit = Some(unit.to_owned());
        }
        Some(reading)
    }

    /// 第四批, 排第二: a rank, with its measure word when there is one. 第一，… at a clause start
    /// is a list marker, not a rank.
    fn ordinal(&self, n: Numeral, end: usize) -> Reading {
        let f = self.folded;
        let start = n.start - '第'.len_utf8();
        let rest = &f[end..];
        let unit = self.lex.units.prefix_of(rest).filter(|(len, _)| self.unit_ends_word(end + len));
        let end = end + unit.map_or(0, |(len, _)| len);
        if unit.is_none() && rest.starts_with(LIST_PUNCTUATION) {
            let opens =
                f[..start].chars().next_back().is_none_or(|c| c.is_whitespace() || "。！？；：，」）)】".contains(c));
            if opens {
                return Reading::Consumed(end);
            }
        }
        let mut figure = self.figure(start, end, FigureKind::Ordinal, n.value);
        figure.unit = unit.map(|(len, _)| self.surface_bytes(end - len, end).to_owned());
        self.done(figure, end, None)
    }

    /// 3年, 為期兩日, 約兩個小時, 3至5年.
    fn duration(&self, n: Numeral, amount: Amount, unit_end: usize) -> Reading {
        let f = self.folded;
        let mut amount = amount;
        let mut unit_end = unit_end;
        let unit_start = amount.end;
        // 兩年半: the half after the unit.
        if f[unit_end..].starts_with('半') {
            amount.value = amount.value.plus(crate::decimal::Decimal::new(5, 1));
            unit_end += '半'.len_utf8();
        }
        let mut end = unit_end;
        let mut qualifier = amount.qualifier;
        // 兩年多, 三年以上, 十天左右.
        if let Some((len, q)) = self.lex.qualifiers_after.prefix_of(&f[end..]) {
            qualifier = qualifier.or(Some(*q));
            end += len;
        }
        let (start, before) = self.qualifier_before(n.start);
        let unit = self.surface_bytes(unit_start, unit_end).trim_end_matches('半').to_owned();
        let mut figure = self.figure(start, end, FigureKind::Duration, amount.value);
        figure.min = amount.min;
        figure.max = amount.max;
        figure.qualifier = before.or(qualifier);
        figure.unit = Some(unit);
        self.done(figure, end, None)
    }

    /// Money, counts, measures and shares: qualifiers on both sides, the counted noun.
    /// `unit`: where the measure word ends (bytes) and whether it is itself the counted noun.
    #[expect(clippy::too_many_arguments, reason = "one call per kind of expression; a struct would only rename them")]
    fn quantity(
        &self,
        n: Numeral,
        start: usize,
        amount: Amount,
        end: usize,
        kind: FigureKind,
        currency: Option<CurrencyCode>,
        unit: Option<(usize, bool)>,
    ) -> Reading {
        let f = self.folded;
        let mut end = end;
        let mut qualifier = amount.qualifier;
        if let Some((len, q)) =
            self.lex.qualifiers_after.prefix_of(&f[end..]).filter(|(_, q)| **q != Qualifier::MoreThan)
        {
            qualifier = qualifier.or(Some(*q));
            end += len;
        }
        let (start, before) = self.qualifier_before(start);
        let qualifier = before.or(qualifier);
        let listed = || unit.is_some_and(|(unit_end, _)| self.one_listed_with_a_count(n, &f[amount.end..unit_end]));
        if n.bare_one && qualifier.is_none() && amount.min.is_none() && kind != FigureKind::Percent && !listed() {
            // 一名男子, 一家企業: an article, not a count.
            return Reading::Consumed(end);
        }
        let amount_end = end;
        let noun_is_unit = unit.is_some_and(|(_, noun)| noun);
        let before = || counts::before(f, start, self.lex, |byte| self.boundary_ends_at(byte)).map(|r| (r, false));
        let counted = if kind == FigureKind::Percent {
            None
        } else if noun_is_unit {
            // 過境旅客約960萬人次: the unit counts, the noun before says whom.
            before()
        } else {
            counts::after(f, end, self.lex, self.analysis.class(Role::Conjunction)).map(|r| (r, true)).or_else(before)
        };
        let span_end = match counted {
            Some(((_, e), true)) => e,
            _ => end,
        };
        let mut figure = self.figure(start, span_end, kind, amount.value);
        figure.min = amount.min;
        figure.max = amount.max;
        figure.qualifier = qualifier;
        figure.currency = currency.map(|c| match c {
            CurrencyCode::Local => self.analysis.currency.clone(),
            CurrencyCode::Iso(code) => code,
        });
        figure.unit = unit.map(|(unit_end, _)| self.surface_bytes(amount.end, unit_end).to_owned());
        figure.counts = counted.map(|((a, b), _)| self.surface_bytes(a, b).to_owned());
        self.done(figure, span_end.max(amount_end), Some(amount_end))
    }

    /// Whether a bare 一 with measure word `unit` is listed with a count of the same measure word
    /// just before it (兩項暴動罪、一項襲警罪; 三名委員及一名學生代表): then it counts one, as the
    /// count it is listed with does, rather than being an article.
    fn one_listed_with_a_count(&self, n: Numeral, unit: &str) -> bool {
        let before = &self.folded[..n.start];
        let joiner = if before.ends_with('、') {
            Some('、'.len_utf8())
        } else {
            self.analysis.class(Role::Conjunction).suffix_of(before)
        };
        let Some(joiner) = joiner else { return false };
        let left = &before[..before.len() - joiner];
        let start = left
            .char_indices()
            .rev()
            .take(LISTED_COUNT_REACH)
            .take_while(|(_, c)| !CLAUSE_MARKS.contains(c))
            .last()
            .map_or(left.len(), |(i, _)| i);
        let window = &left[start..];
        // The count listed before is a number other than a bare 一 (一個城市、一個港口 lists articles).
        window.match_indices(unit).any(|(i, _)| {
            let digits: String = window[..i].chars().rev().take_while(|&c| is_numeral_char(c)).collect();
            !digits.is_empty() && digits != "一"
        })
    }

    /// A qualifier written before byte `start`, past words such as 可獲 (最多可獲一千萬):
    /// where the expression then starts, and the qualifier.
    fn qualifier_before(&self, start: usize) -> (usize, Option<Qualifier>) {
        let f = self.folded;
        let mut at = start;
        for _ in 0..=2 {
            let left = &f[..at];
            if let Some((len, q)) = self.lex.qualifiers_before.suffix_of(left) {
                // 簽約28個, 最近3年: a word that only ends like a qualifier.
                if self.lex.not_qualifiers.suffix_of(left).is_some_and(|(l, ())| l > len) {
                    return (start, None);
                }
                return (at - len, Some(*q));
            }
            match self.lex.links.suffix_of(left) {
                Some((len, ())) => at -= len,
                None => break,
            }
        }
        (start, None)
    }

    /// A currency written right before byte `start` (HK$, 人民幣): where it starts, and the code.
    fn currency_before(&self, start: usize) -> Option<(usize, CurrencyCode)> {
        let left = self.folded[..start].strip_suffix(' ').unwrap_or(&self.folded[..start]);
        let (len, word) = self.lex.currencies.suffix_of(left).filter(|(_, w)| w.before)?;
        let begin = left.len() - len;
        // A Latin code must stand alone (not the end of a longer word).
        let glued = left[..begin].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
            && left[begin..].starts_with(|c: char| c.is_ascii_alphabetic());
        (!glued).then(|| (begin, word.code.clone()))
    }

    /// A Latin unit (GB, EFLOPS) must not run on into a longer word.
    fn unit_ends_word(&self, end: usize) -> bool {
        let f = self.folded;
        let last = f[..end].chars().next_back();
        let next = f[end..].chars().next();
        !(last.is_some_and(|c| c.is_ascii_alphabetic()) && next.is_some_and(|c| c.is_ascii_alphanumeric()))
    }

    /// Whether a word that never belongs to a name (a verb, a preposition) ends at byte `byte`.
    fn boundary_ends_at(&self, byte: usize) -> bool {
        let at = self.analysis.text().char_at_folded_byte(byte);
        self.analysis
            .words
            .ending_at(at)
            .iter()
            .any(|w| self.analysis.lex.vocabulary.classes(w.pattern).contains(&WordClass::Boundary))
    }

    fn surface_bytes(&self, start: usize, end: usize) -> &'a str {
        let t = self.analysis.text();
        t.slice(t.span_of_folded_bytes(start, end))
    }

    /// A figure over the folded byte range with nothing but its kind and value.
    fn figure(&self, start: usize, end: usize, kind: FigureKind, value: Decimal) -> Figure {
        let span = self.analysis.text().span_of_folded_bytes(start, end);
        Figure {
            span,
            text: self.analysis.surface(span).to_owned(),
            kind,
            value,
            min: None,
            max: None,
            currency: None,
            unit: None,
            counts: None,
            qualifier: None,
            about: None,
            date: None,
        }
    }

    fn done(&self, figure: Figure, end: usize, amount_end: Option<usize>) -> Reading {
        let amount_end = amount_end.map_or(figure.span.end, |b| self.analysis.text().char_at_folded_byte(b));
        Reading::Figure(Box::new(Found { figure, amount_end }), end)
    }

    /// 首批, 首位, 首日: ordinal 1, at byte `at` of a 首.
    pub(super) fn first(&self, at: usize) -> Option<Found> {
        let after = at + '首'.len_utf8();
        let (len, unit) = self.lex.units.prefix_of(&self.folded[after..])?;
        if !unit.first {
            return None;
        }
        let mut figure = self.figure(at, after + len, FigureKind::Ordinal, Decimal::from_int(1));
        figure.unit = Some(self.surface_bytes(after, after + len).to_owned());
        let amount_end = figure.span.end;
        Some(Found { figure, amount_end })
    }
}

/// The value as an integer, when it is one.
/// The percentage of a count of tenths (`digits` of value `value`, then 成 and `after`), with the
/// length of what follows 成 that belongs to it: 六成 60 %, 六成四 64 % (a digit after 成 is the
/// hundredths), 三成半 35 %, 7.2成 72 %. A digit that starts a number of its own (三成五十人) is
/// not the hundredths; a count of tenths is one character or a decimal below ten.
fn tenths(digits: &str, value: Decimal, after: &str) -> Option<(usize, Decimal)> {
    const DIGITS: &str = "一二三四五六七八九";
    if digits.chars().count() > 1 {
        let below_ten = digits.contains('.') && value.to_f64() > 0.0 && value.to_f64() < 10.0;
        return below_ten.then(|| (0, value.times(10)));
    }
    let whole = integer(value).filter(|v| (1..=10).contains(v))? * 10;
    if after.starts_with('半') {
        return Some(('半'.len_utf8(), Decimal::from_int(whole + 5)));
    }
    let mut chars = after.chars();
    let hundredths = chars.next().and_then(|c| DIGITS.find(c).map(|i| (c, i / '一'.len_utf8() + 1)));
    let number_goes_on = chars.next().is_some_and(|c| is_numeral_char(c) || c == '成' || c == '%');
    match hundredths {
        Some((c, d)) if whole < 100 && !number_goes_on => Some((c.len_utf8(), Decimal::from_int(whole + d as i128))),
        _ => Some((0, Decimal::from_int(whole))),
    }
}

fn integer(v: Decimal) -> Option<i128> {
    if !v.is_integer() {
        return None;
    }
    v.to_string().parse().ok()
}
