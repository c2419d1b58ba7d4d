//! Years, dates and clock times: 2022年, 2025年4月14日, 7月2日, 本月20日, 14日, 上午9時30分.
//!
//! Dates resolve against the publication date when there is one: a bare day is the nearest such
//! day to publication (昨日（14日） in a paper of the 15th is the 14th; 至7日 in one of the 6th is
//! the next day), 本月/上月/下月 name the month. Without a publication date a bare day stays a day.

use crate::date::{Date, PartialDate};
use crate::decimal::Decimal;

use super::numeral::{Numeral, numeral_starting};

/// Words before a clock time (上午9時30分).
const TIME_OF_DAY: &[&str] = &["上午", "下午", "晚上", "凌晨", "中午", "早上", "傍晚", "清晨", "晚", "早"];

/// Words before a number of days that make it a length of time, not a day of the month
/// (為期3日, 連續5日).
const DURATION_MARKERS: &[&str] =
    &["为期", "连续", "一连", "历时", "长达", "过去", "未来", "最近", "前", "头", "共", "约", "近", "逾", "超过"];

/// Words after a number of days that make it a length of time (30日內, 5日以來).
const DURATION_ENDINGS: &[&str] = &["内", "以来", "之内", "来", "后", "以后", "之后"];

/// A date or year read at a numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateExpression {
    /// Byte where it starts in the folded text (本月 included).
    pub(super) start: usize,
    /// Byte where it ends.
    pub(super) end: usize,
    /// A year alone.
    pub(super) year_only: bool,
    /// The figure's value: the year of a year, else the day (or the month when there is no day).
    pub(super) value: Decimal,
    /// As far as it can be resolved.
    pub(super) date: Option<PartialDate>,
}

/// The integer value of a numeral in `lo..=hi`, if it is one.
fn small(n: &Numeral, lo: i128, hi: i128) -> Option<u32> {
    let v = n.value;
    if !v.is_integer() {
        return None;
    }
    (lo..=hi).find(|&i| Decimal::from_int(i) == v).and_then(|i| u32::try_from(i).ok())
}

/// Whether the numeral is a year written as one (`2025`, `二〇二五`).
fn year_like(folded: &str, n: &Numeral) -> Option<i32> {
    let chars = folded[n.start..n.end].chars().count();
    if !n.plain_digits || chars != 4 {
        return None;
    }
    small(n, 1000, 2999).and_then(|y| i32::try_from(y).ok())
}

/// Reads a year or date starting at numeral `n`, if it is one.
pub(super) fn date_at(folded: &str, n: &Numeral, published: Option<Date>) -> Option<DateExpression> {
    let rest = &folded[n.end..];
    let year = year_like(folded, n)
        .filter(|_| rest.starts_with('年') && !rest.starts_with("年代") && !rest.starts_with("年级"));
    let month_at = year.map_or(n.start, |_| n.end + '年'.len_utf8());
    if let Some((month, day, end)) = month_and_day(folded, month_at) {
        let year = year.or_else(|| published.map(|p| year_near(p, month)));
        let date = match (year, day) {
            (Some(y), Some(d)) => Date::new(y, month, d).map(PartialDate::Full),
            (Some(y), None) => Some(PartialDate::YearMonth(y, month)),
            (None, Some(d)) => Some(PartialDate::MonthDay(month, d)),
            (None, None) => None,
        };
        let value = Decimal::from_int(i128::from(day.unwrap_or(month)));
        return Some(DateExpression { start: n.start, end, year_only: false, value, date });
    }
    if let Some(y) = year {
        let date = Some(PartialDate::Year(y));
        return Some(DateExpression { start: n.start, end: month_at, year_only: true, value: n.value, date });
    }
    day_of_month(folded, n, published)
}

/// `M月` or `M月D日` starting at byte `at`: (month, day, end byte).
fn month_and_day(folded: &str, at: usize) -> Option<(u32, Option<u32>, usize)> {
    let m = numeral_starting(folded, at)?;
    let month = small(&m, 1, 12)?;
    let rest = &folded[m.end..];
    if !rest.starts_with('月') || rest.starts_with("月份") {
        return None;
    }
    let after_month = m.end + '月'.len_utf8();
    if let Some(d) = numeral_starting(folded, after_month) {
        let day_rest = &folded[d.end..];
        if let (Some(day), true) = (small(&d, 1, 31), day_rest.starts_with('日') || day_rest.starts_with('号')) {
            return Some((month, Some(day), d.end + '日'.len_utf8()));
        }
    }
    Some((month, None, after_month))
}

/// `14日`, `本月20日`: a day of the month (Arabic digits, or any numeral after 本月/上月/下月),
/// unless the words around it make it a number of days.
fn day_of_month(folded: &str, n: &Numeral, published: Option<Date>) -> Option<DateExpression> {
    let day = small(n, 1, 31)?;
    let rest = &folded[n.end..];
    let marker = if rest.starts_with('日') {
        '日'
    } else if rest.starts_with('号') {
        '号'
    } else {
        return None;
    };
    let end = n.end + marker.len_utf8();
    let before = &folded[..n.start];
    let month_word = ["本月", "上月", "下月", "同月", "当月", "是月"].into_iter().find(|w| before.ends_with(w));
    if month_word.is_none() {
        let after = &folded[end..];
        let counted = DURATION_MARKERS.iter().any(|w| before.ends_with(w))
            || DURATION_ENDINGS.iter().any(|w| after.starts_with(w));
        if n.chinese || counted {
            return None;
        }
    }
    let start = month_word.map_or(n.start, |w| n.start - w.len());
    let date = match (published, month_word) {
        (Some(p), Some("上月")) => shift_month(p, -1, day),
        (Some(p), Some("下月")) => shift_month(p, 1, day),
        (Some(p), Some(_)) => Date::new(p.year, p.month, day).map(PartialDate::Full),
        (Some(p), None) => nearest_day(p, day).map(PartialDate::Full),
        (None, _) => Some(PartialDate::Day(day)),
    };
    Some(DateExpression { start, end, year_only: false, value: n.value, date })
}

/// The year of month `month` in an article published on `p`: the same year, unless that puts the
/// month more than half a year away.
fn year_near(p: Date, month: u32) -> i32 {
    let diff = i64::from(month) - i64::from(p.month);
    if diff > 6 {
        p.year - 1
    } else if diff < -6 {
        p.year + 1
    } else {
        p.year
    }
}

fn shift_month(p: Date, by: i32, day: u32) -> Option<PartialDate> {
    let index = p.year * 12 + i32::try_from(p.month).ok()? - 1 + by;
    let (year, month) = (index.div_euclid(12), u32::try_from(index.rem_euclid(12)).ok()? + 1);
    Date::new(year, month, day).map(PartialDate::Full)
}

/// The day `day` nearest to publication: this month, or the previous or next when that is closer.
fn nearest_day(p: Date, day: u32) -> Option<Date> {
    let diff = i64::from(day) - i64::from(p.day);
    let by = if diff > 15 {
        -1
    } else if diff < -15 {
        1
    } else {
        0
    };
    match shift_month(p, by, day)? {
        PartialDate::Full(d) => Some(d),
        _ => None,
    }
}

/// A clock time starting at numeral `n` (上午9時30分, 下午3點): the byte where it ends.
pub(super) fn clock_time_end(folded: &str, n: &Numeral) -> Option<usize> {
    let rest = &folded[n.end..];
    let mark = ['时', '点'].into_iter().find(|&c| rest.starts_with(c))?;
    let after = n.end + mark.len_utf8();
    let minutes = numeral_starting(folded, after).filter(|m| folded[m.end..].starts_with('分'));
    let daytime = TIME_OF_DAY.iter().any(|w| folded[..n.start].ends_with(w));
    match minutes {
        Some(m) => Some(m.end + '分'.len_utf8()),
        None if daytime => Some(if folded[after..].starts_with('半') { after + '半'.len_utf8() } else { after }),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn read(s: &str, published: Option<&str>) -> Option<(String, Option<String>)> {
        let f = fold(s);
        let p = published.map(|d| Date::parse(d).unwrap());
        let at = f.find(|c: char| c.is_ascii_digit() || "一二三四五六七八九十〇两".contains(c))?;
        let n = numeral_starting(&f, at)?;
        let d = date_at(&f, &n, p)?;
        Some((f[d.start..d.end].to_owned(), d.date.map(|d| d.lexical())))
    }

    #[test]
    fn years_and_full_dates() {
        assert_eq!(read("香港自2022年以來", None), Some(("2022年".into(), Some("2022".into()))));
        assert_eq!(read("於二〇二五年落成", None), Some(("二〇二五年".into(), Some("2025".into()))));
        assert_eq!(read("2025年4月14日開幕", None), Some(("2025年4月14日".into(), Some("2025-04-14".into()))));
        assert_eq!(read("2025年4月", None), Some(("2025年4月".into(), Some("2025-04".into()))));
        assert_eq!(read("80年代", None), None);
    }

    #[test]
    fn days_resolve_against_publication() {
        for (text, published, date) in [
            ("昨日（14日）開幕", Some("2025-04-15"), "2025-04-14"),
            ("昨日（14日）開幕", None, "---14"),
            ("并持续至7日", Some("2025-09-06"), "2025-09-07"),
            ("28日公布", Some("2025-04-03"), "2025-03-28"),
            ("本月20日舉行", Some("2025-11-03"), "2025-11-20"),
            ("本月20日舉行", None, "---20"),
            ("上月5日", Some("2025-01-10"), "2024-12-05"),
            ("7月2日电", Some("2025-07-03"), "2025-07-02"),
            ("7月2日电", None, "--07-02"),
            ("十二月五日", Some("2026-01-04"), "2025-12-05"),
        ] {
            let got = read(text, published).and_then(|(_, d)| d);
            assert_eq!(got.as_deref(), Some(date), "{text} published {published:?}");
        }
    }

    #[test]
    fn numbers_of_days_are_not_dates() {
        assert_eq!(read("為期3日", None), None);
        assert_eq!(read("30日內完成", None), None);
        assert_eq!(read("一連兩日", None), None);
        assert_eq!(read("3個月", None), None);
    }

    #[test]
    fn clock_times() {
        let f = fold("上午9時30分舉行");
        let n = numeral_starting(&f, "上午".len()).unwrap();
        assert_eq!(clock_time_end(&f, &n), Some(f.find("舉").unwrap_or(f.find('举').unwrap())));
        let f = fold("提出9點建議");
        let n = numeral_starting(&f, "提出".len()).unwrap();
        assert_eq!(clock_time_end(&f, &n), None);
    }
}
