//! Calendar dates: the publication date, and the dates an article mentions, resolved against it.

use serde::Serialize;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

/// A date as far as the text pins it down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum PartialDate {
    /// A full date (`xsd:date`).
    Full(Date),
    /// Year and month (`xsd:gYearMonth`).
    YearMonth(i32, u32),
    /// Month and day without a year (`xsd:gMonthDay`).
    MonthDay(u32, u32),
    /// A day of the month alone (`xsd:gDay`), when no publication date is known.
    Day(u32),
    /// A year alone (`xsd:gYear`).
    Year(i32),
}

impl PartialDate {
    /// The lexical form of the matching XSD type (`2025-04-14`, `--04-14`, `---14`, `2025`).
    #[must_use]
    pub fn lexical(&self) -> String {
        match self {
            Self::Full(d) => d.to_string(),
            Self::YearMonth(y, m) => format!("{y:04}-{m:02}"),
            Self::MonthDay(m, d) => format!("--{m:02}-{d:02}"),
            Self::Day(d) => format!("---{d:02}"),
            Self::Year(y) => format!("{y:04}"),
        }
    }

    /// The local name of the XSD datatype of [`Self::lexical`].
    #[must_use]
    pub fn xsd_type(&self) -> &'static str {
        match self {
            Self::Full(_) => "date",
            Self::YearMonth(..) => "gYearMonth",
            Self::MonthDay(..) => "gMonthDay",
            Self::Day(_) => "gDay",
            Self::Year(_) => "gYear",
        }
    }
}

impl Date {
    /// A checked date.
    #[must_use]
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        let valid =
            (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// A message saying what is wrong with the text.
    pub fn parse(s: &str) -> Result<Self, String> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(format!("'{s}' is not a date of the form YYYY-MM-DD"));
        };
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
            return Err(format!("'{s}' is not a date of the form YYYY-MM-DD"));
        };
        Self::new(y, m, d).ok_or_else(|| format!("'{s}' is not a valid calendar date"))
    }

    /// The date `days` days earlier (or later when negative).
    #[must_use]
    pub fn minus_days(self, days: i64) -> Self {
        Self::from_days(self.to_days() - days)
    }

    /// The same day of the month in this date's month, if it exists; for a day after today's
    /// (e.g. the 28th read on the 3rd), the previous month.
    #[must_use]
    pub fn recent_day(self, day: u32) -> Option<Self> {
        if day <= self.day {
            Self::new(self.year, self.month, day)
        } else {
            let (y, m) = if self.month == 1 { (self.year - 1, 12) } else { (self.year, self.month - 1) };
            Self::new(y, m, day)
        }
    }

    fn to_days(self) -> i64 {
        // Days since 0000-03-01, after Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }

    fn from_days(z: i64) -> Self {
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }
}

/// Days in a month of a year.
#[must_use]
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(Date::parse("2025-04-15"), Ok(Date { year: 2025, month: 4, day: 15 }));
        assert!(Date::parse("2025-02-30").is_err());
        assert!(Date::parse("15/04/2025").is_err());
    }

    #[test]
    fn day_arithmetic_crosses_months_and_years() {
        let d = Date::parse("2025-03-01").unwrap();
        assert_eq!(d.minus_days(1).to_string(), "2025-02-28");
        assert_eq!(Date::parse("2025-01-01").unwrap().minus_days(1).to_string(), "2024-12-31");
        assert_eq!(Date::parse("2024-02-28").unwrap().minus_days(-1).to_string(), "2024-02-29");
    }

    #[test]
    fn recent_day_looks_back_a_month_when_needed() {
        let d = Date::parse("2025-04-03").unwrap();
        assert_eq!(d.recent_day(2).unwrap().to_string(), "2025-04-02");
        assert_eq!(d.recent_day(28).unwrap().to_string(), "2025-03-28");
    }

    #[test]
    fn partial_dates_have_xsd_forms() {
        assert_eq!(PartialDate::Day(14).lexical(), "---14");
        assert_eq!(PartialDate::MonthDay(4, 14).lexical(), "--04-14");
        assert_eq!(PartialDate::Day(14).xsd_type(), "gDay");
    }
}

/// Date expressions in folded text, resolved against the publication date.
pub mod expressions {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::{Date, PartialDate};

    /// 2025年4月14日, 4月14日, 本月20日, 14日, 昨日, 今天, 前天, 明日 (folded to Simplified).
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        #[expect(clippy::expect_used, reason = "a constant pattern, checked by the unit tests")]
        Regex::new(
            r"(?:(?P<y>\d{4})年)?(?:(?P<thismonth>本月|今月)|(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]|(?P<rel>昨日|昨天|今日|今天|前日|前天|明日|明天)",
        )
        .expect("valid regex")
    });

    /// A date expression found in text: its byte range in the searched string and its value.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Found {
        /// Byte offset of the expression's start.
        pub start: usize,
        /// Byte offset one past its end.
        pub end: usize,
        /// What it resolves to.
        pub date: PartialDate,
    }

    /// Small numbers in Chinese numerals (一 to 三十一) or digits.
    #[must_use]
    pub fn small_number(s: &str) -> Option<u32> {
        if let Ok(n) = s.parse() {
            return Some(n);
        }
        let digit = |c: char| {
            "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or((c == '两').then_some(2))
        };
        let chars: Vec<char> = s.chars().collect();
        match chars.as_slice() {
            [c] if *c == '十' => Some(10),
            [c] => digit(*c),
            ['十', u] => Some(10 + digit(*u)?),
            [t, '十'] => Some(digit(*t)? * 10),
            [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
            _ => None,
        }
    }

    /// Every date expression in `folded`, resolved against `published` where relative.
    #[must_use]
    pub fn find(folded: &str, published: Option<Date>) -> Vec<Found> {
        DATE.captures_iter(folded)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let date = resolve(&c, published)?;
                Some(Found { start: whole.start(), end: whole.end(), date })
            })
            .collect()
    }

    fn resolve(c: &regex::Captures<'_>, published: Option<Date>) -> Option<PartialDate> {
        if let Some(rel) = c.name("rel") {
            let back = match rel.as_str() {
                "昨日" | "昨天" => 1,
                "今日" | "今天" => 0,
                "前日" | "前天" => 2,
                _ => -1,
            };
            return published.map(|p| PartialDate::Full(p.minus_days(back)));
        }
        let day = small_number(c.name("d")?.as_str())?;
        if !(1..=31).contains(&day) {
            return None;
        }
        let year = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        let month = match c.name("m") {
            Some(m) => Some(small_number(m.as_str())?).filter(|m| (1..=12).contains(m)),
            None if c.name("thismonth").is_some() => published.map(|p| p.month),
            None => None,
        };
        Some(match (year, month, published) {
            (Some(y), Some(m), _) => PartialDate::Full(Date::new(y, m, day)?),
            (None, Some(m), Some(p)) => PartialDate::Full(Date::new(p.year, m, day)?),
            (None, Some(m), None) => PartialDate::MonthDay(m, day),
            (None, None, Some(p)) if c.name("thismonth").is_none() => PartialDate::Full(p.recent_day(day)?),
            (_, None, Some(p)) => PartialDate::Full(Date::new(p.year, p.month, day)?),
            (_, None, None) => PartialDate::Day(day),
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn one(s: &str, published: Option<&str>) -> String {
            let p = published.map(|d| Date::parse(d).unwrap());
            find(s, p).first().map(|f| f.date.lexical()).unwrap_or_default()
        }

        #[test]
        fn resolves_against_the_publication_date() {
            assert_eq!(one("昨日（14日）开幕", Some("2025-04-15")), "2025-04-14");
            assert_eq!(one("本月20日举行", Some("2025-04-15")), "2025-04-20");
            assert_eq!(one("5日在杭州开幕", Some("2025-09-06")), "2025-09-05");
            assert_eq!(one("28日举行", Some("2025-04-03")), "2025-03-28");
            assert_eq!(one("7月2日上午", Some("2025-07-03")), "2025-07-02");
            assert_eq!(one("2024年12月31日", None), "2024-12-31");
            assert_eq!(one("二月十四日", Some("2026-03-01")), "2026-02-14");
        }

        #[test]
        fn without_a_publication_date_stays_partial() {
            assert_eq!(one("本月20日举行", None), "---20");
            assert_eq!(one("14日举行", None), "---14");
            assert_eq!(one("4月14日举行", None), "--04-14");
            assert_eq!(one("昨日开幕", None), "");
        }

        #[test]
        fn small_numbers() {
            assert_eq!(small_number("二十一"), Some(21));
            assert_eq!(small_number("十五"), Some(15));
            assert_eq!(small_number("两"), Some(2));
            assert_eq!(small_number("31"), Some(31));
            assert_eq!(small_number("百"), None);
        }
    }
}
