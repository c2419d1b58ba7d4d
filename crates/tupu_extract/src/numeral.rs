//! Numerals to exact decimals: Arabic (`1,500`, `12.5`), Chinese (`三萬六千`, `一百零五`, `二〇二五`)
//! and mixed (`1.2萬`, `3.5萬億`) — the one reader of numbers every stage uses: figures, dates
//! (days and months are numerals too: `二月十四日`) and the counts of numbered points (`一是`,
//! `（十二）`, `提出四點建議`).
//!
//! Matching runs on the folded view, where full-width digits are ASCII and 萬/億/兩 are 万/亿/两,
//! so one pattern covers both scripts.

use std::sync::LazyLock;

use regex::Regex;

use crate::decimal::Decimal;
use crate::lexicon::{Lexicons, Role, WordSet};

/// A numeral: Arabic digits with thousands separators (a comma, or a space as in standard Chinese
/// typesetting: 3 000, where the digits stand alone, not inside a run of them such as a telephone
/// number), a decimal part and Chinese magnitudes, groups of digits and magnitudes (3亿5000万,
/// 8万7千), or a run of Chinese numeral characters. `[0-9]`, not `\d`: other scripts' digits are
/// not numbers here.
const PATTERN: &str = r"(?:[0-9]+[百千万亿]+){1,3}[0-9]+[百千万亿]+|(?:[0-9]{1,3}(?:,[0-9]{3})+|(?-u:\b)[0-9]{1,3}(?: [0-9]{3})+(?-u:\b)|[0-9]+)(?:\.[0-9]+)?[百千万亿]*|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?";

/// Finds numerals anywhere.
static NUMERAL: LazyLock<Regex> = LazyLock::new(|| compile(PATTERN));

/// Matches a numeral only where the search starts: looking at one position never scans the rest
/// of the article.
static NUMERAL_HERE: LazyLock<Regex> = LazyLock::new(|| compile(&format!("^(?:{PATTERN})")));

fn compile(pattern: &str) -> Regex {
    #[expect(clippy::expect_used, reason = "a constant pattern, exercised by every test")]
    Regex::new(pattern).expect("valid numeral pattern")
}

/// A numeral found in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral {
    /// Byte range in the folded text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Its value.
    pub(crate) value: Decimal,
    /// Written in Chinese characters.
    pub(crate) chinese: bool,
    /// Plain digits, nothing else (`2025`, `二〇二五`): what a year looks like.
    pub(crate) plain_digits: bool,
    /// Exactly 一: before a measure word it is an article ("a"), not a count.
    pub(crate) bare_one: bool,
}

/// Reads numerals in folded text. The lexicons say which units are written with a 千 of their
/// own (`thousand-unit` words: 千瓦 is a kilowatt, not a thousand 瓦).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumeralReader<'l> {
    thousand_units: &'l WordSet,
}

impl<'l> NumeralReader<'l> {
    pub(crate) fn new(lex: &'l Lexicons) -> Self {
        Self { thousand_units: lex.words.of(Role::ThousandUnit) }
    }

    /// Every numeral in `folded` whose value can be read, in order.
    pub(crate) fn all<'t>(self, folded: &'t str) -> impl Iterator<Item = Numeral> + 't
    where
        'l: 't,
    {
        NUMERAL.find_iter(folded).filter_map(move |m| self.between(folded, m.start(), m.end()))
    }

    /// The numeral starting at byte `at`, if one does.
    pub(crate) fn starting(self, folded: &str, at: usize) -> Option<Numeral> {
        let m = NUMERAL_HERE.find(folded.get(at..)?)?;
        self.between(folded, at, at + m.end())
    }

    /// The numeral written over bytes `start..end` (a match of the numeral pattern).
    fn between(self, folded: &str, start: usize, end: usize) -> Option<Numeral> {
        // 1600萬千瓦: the 千 belongs to the unit 千瓦.
        let mut end = end;
        if folded[..end].ends_with('千')
            && folded[end..].chars().next().is_some_and(|c| self.thousand_units.has_char(c))
            && end - start > '千'.len_utf8()
        {
            end -= '千'.len_utf8();
        }
        numeral_over(folded, start, end)
    }
}

/// The numeral over bytes `start..end` as it is.
fn numeral_over(folded: &str, start: usize, end: usize) -> Option<Numeral> {
    let s = &folded[start..end];
    // A lone 零 or 〇 starts words (零部件, 零售, 零距離), not counts of nothing.
    if s == "零" || s == "〇" {
        return None;
    }
    let chinese = !s.as_bytes()[0].is_ascii_digit();
    let value = if chinese { chinese_value(s)? } else { arabic_value(s)? };
    Some(Numeral {
        start,
        end,
        value,
        chinese,
        plain_digits: if chinese {
            s.chars().count() >= 3 && s.chars().all(|c| digit(c).is_some()) && !s.contains('两')
        } else {
            s.bytes().all(|b| b.is_ascii_digit())
        },
        bare_one: s == "一",
    })
}

/// The power of ten a magnitude character stands for (百 = 2 … 亿 = 8).
pub(crate) fn magnitude(c: char) -> Option<u32> {
    match c {
        '十' => Some(1),
        '百' => Some(2),
        '千' => Some(3),
        '万' => Some(4),
        '亿' => Some(8),
        _ => None,
    }
}

/// Whether a character can be part of a numeral (a digit, a Chinese digit or a magnitude).
pub(crate) fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit() || digit(c).is_some() || magnitude(c).is_some()
}

/// The value of a Chinese digit character (〇 and 零 are 0, 两 is 2).
fn digit(c: char) -> Option<i128> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The numeral's value as an integer in `lo..=hi`, if it is one (a day, a month, a year).
pub(crate) fn integer_in(n: &Numeral, lo: u32, hi: u32) -> Option<u32> {
    if !n.value.is_integer() {
        return None;
    }
    (lo..=hi).find(|&i| Decimal::from_int(i128::from(i)) == n.value)
}

/// A count of numbered points at the start of `chars` (folded): one to ninety-nine written with
/// 一 to 九 and 十 (`四`, `十二`, `二十三`) — the way points are numbered (一是, 第二, （十一）);
/// 两 and 零 never number a point, and a magnitude after the count is not read (三百 counts 三).
/// Returns the value and the number of characters read.
pub(crate) fn chinese_count(chars: &[char]) -> Option<(usize, usize)> {
    let unit = |c: char| match digit(c) {
        Some(d @ 1..=9) if c != '两' => usize::try_from(d).ok(),
        _ => None,
    };
    match chars {
        ['十', rest @ ..] => Some(rest.first().and_then(|&c| unit(c)).map_or((10, 1), |d| (10 + d, 2))),
        [a, '十', rest @ ..] => {
            let tens = unit(*a)? * 10;
            Some(rest.first().and_then(|&c| unit(c)).map_or((tens, 2), |d| (tens + d, 3)))
        }
        [a, ..] => unit(*a).map(|d| (d, 1)),
        [] => None,
    }
}

/// A count written in one to three Arabic digits at the start of `chars` (`1.`, `12項`): the
/// value and the number of digits.
pub(crate) fn arabic_count(chars: &[char]) -> Option<(usize, usize)> {
    let n = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 {
        return None;
    }
    chars[..n].iter().collect::<String>().parse().ok().map(|v| (v, n))
}

/// `1,500` → 1500, `3 000` → 3000, `1.2万` → 12000, `3.5万亿` → 3500000000000, and groups that
/// add up: `3亿5000万` → 350000000 (each group below the one before it; else no number).
fn arabic_value(s: &str) -> Option<Decimal> {
    let mut total: Option<Decimal> = None;
    let mut rest = s;
    let mut last_exp = u32::MAX;
    while !rest.is_empty() {
        let digits_end =
            rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == ' ' || c == '.')).unwrap_or(rest.len());
        let mags_end = rest[digits_end..].find(|c: char| magnitude(c).is_none()).map_or(rest.len(), |i| digits_end + i);
        let plain: String = rest[..digits_end].chars().filter(|&c| c != ',' && c != ' ').collect();
        let exp: u32 = rest[digits_end..mags_end].chars().map(|c| magnitude(c).unwrap_or(0)).sum();
        if mags_end == 0 || (total.is_some() && exp >= last_exp) {
            return None;
        }
        last_exp = exp;
        let group = Decimal::parse(&plain)?.scaled_by_power_of_ten(exp);
        total = Some(total.map_or(group, |t| t.plus(group)));
        rest = &rest[mags_end..];
    }
    total
}

/// Reads a Chinese numeral. Digit strings (`二〇二五`, three digits or more) read digit by digit;
/// everything else by place value, where 万 and 亿 close a group (`三萬六千` = 36000, `兩萬億` =
/// 2×10^12). Malformed runs (`十四五`, `五五`) are no numbers: they are names such as plan numbers.
fn chinese_value(s: &str) -> Option<Decimal> {
    // 八點五: a whole part, then digits after the point.
    if let Some((whole, frac)) = s.split_once('点') {
        let whole = chinese_value(whole)?;
        let mut digits = String::with_capacity(frac.len());
        for c in frac.chars() {
            digits.push(char::from_digit(u32::try_from(digit(c)?).ok()?, 10)?);
        }
        return Some(whole.plus(Decimal::parse(&format!("0.{digits}"))?));
    }
    let chars: Vec<char> = s.chars().collect();
    if chars.len() >= 3 && chars.iter().all(|&c| digit(c).is_some()) {
        let mut v: i128 = 0;
        for &c in &chars {
            v = v.checked_mul(10)?.checked_add(digit(c)?)?;
        }
        return Some(Decimal::from_int(v));
    }
    // Amounts of whole 亿, of whole 万 since the last 亿, and below 万.
    let (mut yi, mut wan, mut low): (i128, i128, i128) = (0, 0, 0);
    let mut pending: Option<i128> = None;
    // The last place (十 百 千) used in the current group, so that 十百 or 百千 read as malformed.
    let mut last_place = u32::MAX;
    for &c in &chars {
        if let Some(d) = digit(c) {
            if d == 0 {
                pending = None;
                continue;
            }
            if pending.is_some() {
                return None;
            }
            pending = Some(d);
        } else {
            let exp = magnitude(c)?;
            match exp {
                1..=3 => {
                    if exp >= last_place {
                        return None;
                    }
                    last_place = exp;
                    low = low.checked_add(pending.take().unwrap_or(1).checked_mul(10i128.pow(exp))?)?;
                }
                4 => {
                    let group = low.checked_add(pending.take().unwrap_or(0))?;
                    let group = if group == 0 && wan == 0 { 1 } else { group };
                    wan = wan.checked_add(group)?.checked_mul(10_000)?;
                    low = 0;
                    last_place = u32::MAX;
                }
                _ => {
                    let group = wan.checked_add(low)?.checked_add(pending.take().unwrap_or(0))?;
                    let group = if group == 0 && yi == 0 { 1 } else { group };
                    yi = yi.checked_add(group)?.checked_mul(100_000_000)?;
                    wan = 0;
                    low = 0;
                    last_place = u32::MAX;
                }
            }
        }
    }
    let total = yi.checked_add(wan)?.checked_add(low)?.checked_add(pending.unwrap_or(0))?;
    Some(Decimal::from_int(total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn reader() -> NumeralReader<'static> {
        NumeralReader::new(Lexicons::embedded())
    }

    fn numeral_starting(folded: &str, at: usize) -> Option<Numeral> {
        reader().starting(folded, at)
    }

    fn value(s: &str) -> Option<String> {
        let folded = fold(s);
        let n = numeral_starting(&folded, 0)?;
        (n.end == folded.len()).then(|| n.value.to_string())
    }

    #[test]
    fn arabic_numerals() {
        assert_eq!(value("1,500").as_deref(), Some("1500"));
        assert_eq!(value("12.5").as_deref(), Some("12.5"));
        assert_eq!(value("１２．５").as_deref(), Some("12.5"), "full-width digits");
        assert_eq!(value("2,000萬").as_deref(), Some("20000000"));
        assert_eq!(value("1.2萬").as_deref(), Some("12000"));
        assert_eq!(value("3.5萬億").as_deref(), Some("3500000000000"));
        assert_eq!(value("33.6万亿").as_deref(), Some("33600000000000"));
        assert_eq!(value("500億").as_deref(), Some("50000000000"));
        assert_eq!(value("5千万").as_deref(), Some("50000000"));
    }

    #[test]
    fn chinese_numerals_in_both_scripts() {
        for (s, v) in [
            ("三十五", "35"),
            ("十五", "15"),
            ("一百零五", "105"),
            ("兩千", "2000"),
            ("两千", "2000"),
            ("三萬六千", "36000"),
            ("三万六千", "36000"),
            ("二〇二五", "2025"),
            ("一千萬", "10000000"),
            ("兩億", "200000000"),
            ("兩萬億", "2000000000000"),
            ("一億二千萬", "120000000"),
            ("百", "100"),
            ("百億", "10000000000"),
            ("十萬", "100000"),
            ("五千", "5000"),
        ] {
            assert_eq!(value(s).as_deref(), Some(v), "{s}");
        }
    }

    #[test]
    fn malformed_runs_are_no_numbers() {
        for s in ["十四五", "十五五", "五五", "一一", "十百", "百千", "零", "〇"] {
            assert_eq!(value(s), None, "{s}");
        }
    }

    #[test]
    fn a_thousand_before_a_unit_belongs_to_the_unit() {
        for text in ["裝機容量1600萬千瓦", "装机容量1600万千瓦"] {
            let f = fold(text);
            let n = reader().all(&f).next().unwrap();
            assert_eq!((&f[n.start..n.end], n.value.to_string().as_str()), ("1600万", "16000000"));
        }
        let f = fold("三千人");
        assert_eq!(reader().all(&f).next().map(|n| n.value.to_string()).as_deref(), Some("3000"));
    }

    #[test]
    fn counts_of_numbered_points() {
        let n = |s: &str| chinese_count(&s.chars().collect::<Vec<_>>());
        assert_eq!(n("四是"), Some((4, 1)));
        assert_eq!(n("十是"), Some((10, 1)));
        assert_eq!(n("十二是"), Some((12, 2)));
        assert_eq!(n("二十三"), Some((23, 3)));
        assert_eq!(n("三百"), Some((3, 1)));
        assert_eq!(n("两点"), None);
        assert_eq!(n("是"), None);
        let a = |s: &str| arabic_count(&s.chars().collect::<Vec<_>>());
        assert_eq!(a("12項"), Some((12, 2)));
        assert_eq!(a("2025年"), None);
    }

    #[test]
    fn integers_in_a_range() {
        let n = numeral_starting("二十一日", 0).unwrap();
        assert_eq!(integer_in(&n, 1, 31), Some(21));
        assert_eq!(integer_in(&n, 1, 12), None);
        let n = numeral_starting("1.5", 0).unwrap();
        assert_eq!(integer_in(&n, 1, 31), None);
    }

    #[test]
    fn flags() {
        let f = fold("二〇二五年");
        let n = numeral_starting(&f, 0).unwrap();
        assert!(n.chinese && n.plain_digits && !n.bare_one);
        let n = numeral_starting("一名", 0).unwrap();
        assert!(n.bare_one);
        let n = numeral_starting("2,025", 0).unwrap();
        assert!(!n.plain_digits);
        assert!(numeral_starting("abc", 0).is_none());
        assert_eq!(reader().all("第4批和第五批").count(), 2);
    }
}
