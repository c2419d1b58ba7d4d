//! The one reader of dates in text: years, dates, days relative to publication and clock times
//! (2022年, 2025年4月14日, 7月2日, 本月20日, 14日, 昨日, 上午9時30分). The figure stage reads
//! them where its numerals are; the event stage reads the start of an event with the same
//! functions, so a 20日 is one day for every stage.
//!
//! Resolution against the publication date, when there is one:
//! - a month without a year is in the year that puts it within half a year of publication
//!   (十二月五日 read in January is last December);
//! - 本月 / 上月 / 下月 (and 同月, 當月, 是月, 今月) name the month of a day;
//! - a bare day of the month (14日) is the nearest such day to publication: 14日 in a paper of
//!   the 15th is the 14th, 20日 in a paper of the 15th is the 20th (coming), 28日 in a paper of
//!   the 3rd is the 28th of the month before — unless the words around it say which side it is
//!   on: 將於20日 / 20日將… is on or after publication (the next such day), 已於5日 on or before
//!   it (the last such day);
//! - 昨日, 今天, 前日, 明日 count days from publication.
//!
//! Without a publication date a bare day stays a day (`---14`), a month and day stay a month and
//! day (`--04-14`), and relative days are not dates.

use crate::date::{Date, PartialDate};
use crate::decimal::Decimal;
use crate::lexicon::{FunctionWords, Lexicons, Role};
use crate::numeral::{Numeral, NumeralReader, integer_in};

/// The classes that name a day relative to publication, with how many days after it they are.
const RELATIVE_DAYS: [(Role, i64); 4] =
    [(Role::Yesterday, -1), (Role::Today, 0), (Role::DayBeforeYesterday, -2), (Role::Tomorrow, 1)];

/// The classes that name the month of a day relative to publication, with the shift in months.
const MONTH_WORDS: [(Role, i32); 3] = [(Role::ThisMonth, 0), (Role::LastMonth, -1), (Role::NextMonth, 1)];

/// A date or year read in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateExpression {
    /// Byte where it starts in the folded text (本月 included).
    pub(crate) start: usize,
    /// Byte where it ends.
    pub(crate) end: usize,
    /// A year alone.
    pub(crate) year_only: bool,
    /// The figure's value: the year of a year, else the day (or the month when there is no day).
    pub(crate) value: Decimal,
    /// As far as it can be resolved.
    pub(crate) date: Option<PartialDate>,
}

impl DateExpression {
    /// Whether it names a day (not only a year or a month).
    pub(crate) fn has_day(&self) -> bool {
        matches!(self.date, Some(PartialDate::Full(_) | PartialDate::MonthDay(..) | PartialDate::Day(_)))
    }
}

/// Reads dates with the lexicons' time words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateReader<'l> {
    words: &'l FunctionWords,
    numerals: NumeralReader<'l>,
}

impl<'l> DateReader<'l> {
    pub(crate) fn new(lex: &'l Lexicons) -> Self {
        Self { words: &lex.words, numerals: NumeralReader::new(lex) }
    }

    /// Every date expression in `folded`, in text order, none inside another: the dates read at
    /// its numerals and the relative days (昨日). For stages that look for the date of
    /// something (an event's start).
    pub(crate) fn dates_in(self, folded: &str, published: Option<Date>) -> Vec<DateExpression> {
        let mut found: Vec<DateExpression> = Vec::new();
        let mut next = 0;
        for n in self.numerals.all(folded) {
            if n.start < next {
                continue;
            }
            if let Some(d) = self.date_at(folded, &n, published) {
                next = d.end;
                found.push(d);
            }
        }
        for (role, _) in RELATIVE_DAYS {
            for word in self.words.of(role).words() {
                for (at, _) in folded.match_indices(word) {
                    if !found.iter().any(|d| d.start <= at && at < d.end) {
                        found.extend(self.relative_day_at(folded, at, published));
                    }
                }
            }
        }
        for word in self.words.of(Role::WeekWord).words() {
            for (at, _) in folded.match_indices(word) {
                if !found.iter().any(|d| d.start <= at && at < d.end) {
                    found.extend(self.weekday_at(folded, at, published));
                }
            }
        }
        found.sort_by_key(|d| d.start);
        found
    }

    /// A day of the week whose week word starts at byte `at` (周四, 上星期五, 下周日): a date
    /// when the publication date is known. 上/下/本 before it name the week (Monday to Sunday);
    /// else it is the nearest such day to publication, unless 將/已 say which side it is on.
    /// Not a count of weeks (一周, 兩星期) nor every such day (每周一).
    pub(crate) fn weekday_at(self, folded: &str, at: usize, published: Option<Date>) -> Option<DateExpression> {
        let p = published?;
        let after = at + self.words.of(Role::WeekWord).prefix_of(&folded[at..])?;
        let (weekday, end) = match self.numerals.starting(folded, after) {
            Some(n) if folded[after..n.end].chars().count() == 1 => (integer_in(&n, 1, 6)? - 1, n.end),
            Some(_) => return None,
            None => (6, after + self.words.of(Role::SundayWord).prefix_of(&folded[after..])?),
        };
        let before = &folded[..at];
        if before.chars().next_back().is_some_and(crate::numeral::is_numeral_char)
            || self.words.of(Role::EveryWeek).ends(before)
        {
            return None;
        }
        let weekday = i64::from(weekday);
        let this_week = p.minus_days(p.weekday() - weekday);
        let week = [(Role::LastWeek, -7), (Role::NextWeek, 7), (Role::ThisWeek, 0)]
            .into_iter()
            .find_map(|(role, days)| Some((self.words.of(role).suffix_of(before)?, days)));
        let ahead = (weekday - p.weekday()).rem_euclid(7);
        let (start, date) = match week {
            Some((len, days)) => (at - len, this_week.minus_days(-days)),
            None => {
                let date = match self.side(before, &folded[end..]) {
                    Side::Coming => p.minus_days(-ahead),
                    Side::Past => p.minus_days((7 - ahead) % 7),
                    Side::Unsaid if ahead <= 3 => p.minus_days(-ahead),
                    Side::Unsaid => p.minus_days(7 - ahead),
                };
                (at, date)
            }
        };
        Some(DateExpression {
            start,
            end,
            year_only: false,
            value: Decimal::from_int(i128::from(date.day)),
            date: Some(PartialDate::Full(date)),
        })
    }

    /// A day named relative to publication starting at byte `at` (昨日, 今天): a date when the
    /// publication date is known.
    pub(crate) fn relative_day_at(self, folded: &str, at: usize, published: Option<Date>) -> Option<DateExpression> {
        let (len, after) = RELATIVE_DAYS
            .iter()
            .find_map(|(role, after)| Some((self.words.of(*role).prefix_of(&folded[at..])?, after)))?;
        let date = published?.minus_days(-after);
        Some(DateExpression {
            start: at,
            end: at + len,
            year_only: false,
            value: Decimal::from_int(i128::from(date.day)),
            date: Some(PartialDate::Full(date)),
        })
    }

    /// Reads a year or date starting at numeral `n`, if it is one.
    pub(crate) fn date_at(self, folded: &str, n: &Numeral, published: Option<Date>) -> Option<DateExpression> {
        let rest = &folded[n.end..];
        let year =
            year_like(folded, n).filter(|_| rest.starts_with('年') && !self.words.of(Role::NotAYear).starts(rest));
        let month_at = year.map_or(n.start, |_| n.end + '年'.len_utf8());
        if let Some((month, day, end)) = self.month_and_day(folded, month_at) {
            let year = year.or_else(|| published.map(|p| p.year_of_month(month)));
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
        self.day_of_month(folded, n, published)
    }

    /// `M月` or `M月D日` starting at byte `at`: (month, day, end byte).
    fn month_and_day(self, folded: &str, at: usize) -> Option<(u32, Option<u32>, usize)> {
        let m = self.numerals.starting(folded, at)?;
        let month = integer_in(&m, 1, 12)?;
        let rest = &folded[m.end..];
        if !rest.starts_with('月') || self.words.of(Role::NotAMonth).starts(rest) {
            return None;
        }
        let after_month = m.end + '月'.len_utf8();
        if let Some(d) = self.numerals.starting(folded, after_month) {
            let day_rest = &folded[d.end..];
            if let (Some(day), true) = (integer_in(&d, 1, 31), day_rest.starts_with('日') || day_rest.starts_with('号'))
            {
                return Some((month, Some(day), d.end + '日'.len_utf8()));
            }
        }
        Some((month, None, after_month))
    }

    /// `14日`, `本月20日`: a day of the month (Arabic digits, or any numeral after 本月/上月/下月),
    /// unless the words around it make it a number of days.
    fn day_of_month(self, folded: &str, n: &Numeral, published: Option<Date>) -> Option<DateExpression> {
        let day = integer_in(n, 1, 31)?;
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
        let month_word = MONTH_WORDS.iter().find_map(|(role, by)| Some((self.words.of(*role).suffix_of(before)?, *by)));
        if month_word.is_none() {
            let after = &folded[end..];
            let counted =
                self.words.of(Role::DurationBefore).ends(before) || self.words.of(Role::DurationAfter).starts(after);
            if n.chinese || counted {
                return None;
            }
        }
        let start = month_word.map_or(n.start, |(len, _)| n.start - len);
        let date = match (published, month_word) {
            (Some(p), Some((_, by))) => p.day_of_month_shifted(by, day).map(PartialDate::Full),
            (Some(p), None) => bare_day(p, day, self.side(&folded[..start], &folded[end..])).map(PartialDate::Full),
            (None, _) => Some(PartialDate::Day(day)),
        };
        Some(DateExpression { start, end, year_only: false, value: n.value, date })
    }

    /// The side of publication the words right before (`before` ends there) or right after a
    /// bare day put it on.
    fn side(self, before: &str, after: &str) -> Side {
        let coming = self.words.of(Role::ComingMarker);
        if coming.ends(before) || coming.starts(after) {
            Side::Coming
        } else if self.words.of(Role::PastMarker).ends(before) {
            Side::Past
        } else {
            Side::Unsaid
        }
    }

    /// A clock time starting at numeral `n` (上午9時30分, 下午3點): the byte where it ends.
    pub(crate) fn clock_time_end(self, folded: &str, n: &Numeral) -> Option<usize> {
        let rest = &folded[n.end..];
        let mark = ['时', '点'].into_iter().find(|&c| rest.starts_with(c))?;
        let after = n.end + mark.len_utf8();
        let minutes = self.numerals.starting(folded, after).filter(|m| folded[m.end..].starts_with('分'));
        let daytime = self.words.of(Role::TimeOfDay).ends(&folded[..n.start]);
        match minutes {
            Some(m) => Some(m.end + '分'.len_utf8()),
            None if daytime => Some(if folded[after..].starts_with('半') { after + '半'.len_utf8() } else { after }),
            None => None,
        }
    }
}

/// Whether the numeral is a year written as one (`2025`, `二〇二五`).
fn year_like(folded: &str, n: &Numeral) -> Option<i32> {
    let chars = folded[n.start..n.end].chars().count();
    if !n.plain_digits || chars != 4 {
        return None;
    }
    integer_in(n, 1000, 2999).and_then(|y| i32::try_from(y).ok())
}

/// Which side of publication the words around a bare day put it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// On or after publication (將於20日).
    Coming,
    /// On or before publication (已於5日).
    Past,
    /// The text does not say.
    Unsaid,
}

/// How near publication a named day must be for its year to be publication's (the coming march
/// or the vigil just held); further off, an article tells of some year's, and the month and day
/// are all the name says.
const NAMED_DAY_NEAR: i64 = 60;

impl DateReader<'_> {
    /// The day a calendar name of month and day numerals stands for (六四 → 4 June, 七一 →
    /// 1 July, and written with a dot, 7.21 → 21 July): with a publication date within [`NAMED_DAY_NEAR`] days of that day in the
    /// nearest year, that date; else the month and day (`--07-01`), true of every year's.
    pub(crate) fn named_day(self, folded: &str, published: Option<Date>) -> Option<PartialDate> {
        let (month, day) = if let Some((m, d)) = folded.split_once('.') {
            (m.parse().ok()?, d.parse().ok()?)
        } else {
            let digits: Vec<char> = folded.chars().collect();
            let [m, d] = digits[..] else { return None };
            let (month, _) = crate::numeral::chinese_count(&[m])?;
            let (day, _) = crate::numeral::chinese_count(&[d])?;
            (u32::try_from(month).ok()?, u32::try_from(day).ok()?)
        };
        Date::new(2000, month, day)?; // a day of the calendar (of a leap year)
        let Some(p) = published else { return Some(PartialDate::MonthDay(month, day)) };
        let nearest = [p.year - 1, p.year, p.year + 1]
            .into_iter()
            .filter_map(|y| Date::new(y, month, day))
            .min_by_key(|date| (date.to_days() - p.to_days()).abs())?;
        Some(if (nearest.to_days() - p.to_days()).abs() <= NAMED_DAY_NEAR {
            PartialDate::Full(nearest)
        } else {
            PartialDate::MonthDay(month, day)
        })
    }
}

/// The day `day` of a month, read in an article published on `p` (see the module's rule).
fn bare_day(p: Date, day: u32, side: Side) -> Option<Date> {
    let by = match side {
        Side::Coming if day < p.day => 1,
        Side::Past if day > p.day => -1,
        Side::Coming | Side::Past => 0,
        Side::Unsaid => {
            let diff = i64::from(day) - i64::from(p.day);
            if diff > 15 {
                -1
            } else if diff < -15 {
                1
            } else {
                0
            }
        }
    };
    p.day_of_month_shifted(by, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn reader() -> DateReader<'static> {
        DateReader::new(Lexicons::embedded())
    }

    #[test]
    fn a_named_day_is_near_publication_or_a_month_and_day() {
        let on = |word: &str, published: Option<&str>| {
            reader().named_day(&fold(word), published.map(|p| Date::parse(p).unwrap())).map(|d| d.lexical())
        };
        assert_eq!(on("七一", Some("2030-06-14")).as_deref(), Some("2030-07-01"));
        assert_eq!(on("六四", Some("2030-06-05")).as_deref(), Some("2030-06-04"));
        assert_eq!(on("元旦", Some("2030-06-05")), None);
        assert_eq!(on("七一", Some("2030-11-20")).as_deref(), Some("--07-01"));
        assert_eq!(on("六四", None).as_deref(), Some("--06-04"));
        assert_eq!(on("3.11", Some("2030-01-20")).as_deref(), Some("2030-03-11"));
        assert_eq!(on("13.40", Some("2030-01-20")), None);
    }

    fn dates_in(folded: &str, published: Option<Date>) -> Vec<DateExpression> {
        reader().dates_in(folded, published)
    }

    /// The first date expression of `s`: its folded text and its value.
    fn read(s: &str, published: Option<&str>) -> Option<(String, Option<String>)> {
        let f = fold(s);
        let p = published.map(|d| Date::parse(d).unwrap());
        let d = *dates_in(&f, p).first()?;
        Some((f[d.start..d.end].to_owned(), d.date.map(|d| d.lexical())))
    }

    fn date(s: &str, published: Option<&str>) -> Option<String> {
        read(s, published).and_then(|(_, d)| d)
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
        for (text, published, expected) in [
            ("昨日（14日）開幕", Some("2025-04-15"), "2025-04-14"),
            ("昨日（14日）開幕", None, "---14"),
            ("并持续至7日", Some("2025-09-06"), "2025-09-07"),
            ("28日公布", Some("2025-04-03"), "2025-03-28"),
            ("5日在杭州开幕", Some("2025-09-06"), "2025-09-05"),
            ("本月20日舉行", Some("2025-11-03"), "2025-11-20"),
            ("本月20日舉行", None, "---20"),
            ("上月5日", Some("2025-01-10"), "2024-12-05"),
            ("7月2日电", Some("2025-07-03"), "2025-07-02"),
            ("7月2日电", None, "--07-02"),
            ("十二月五日", Some("2026-01-04"), "2025-12-05"),
            ("二月十四日", Some("2026-03-01"), "2026-02-14"),
        ] {
            assert_eq!(date(text, published).as_deref(), Some(expected), "{text} published {published:?}");
        }
    }

    #[test]
    fn relative_days_need_a_publication_date() {
        assert_eq!(read("論壇昨日開幕", Some("2025-04-15")), Some(("昨日".into(), Some("2025-04-14".into()))));
        assert_eq!(date("论坛明天开幕", Some("2025-04-30")).as_deref(), Some("2025-05-01"));
        assert_eq!(read("論壇昨日開幕", None), None);
        // The day in parentheses comes after the relative word: both are read, in order.
        let f = fold("昨日（14日）開幕");
        assert_eq!(dates_in(&f, None).len(), 1);
        assert_eq!(dates_in(&f, Date::new(2025, 4, 15)).len(), 2);
    }

    #[test]
    fn a_day_after_publication_is_coming_and_the_text_can_say_which_side_it_is_on() {
        for (text, published, expected) in [
            // Nearest: five days ahead, not a month back.
            ("峰會20日在香港舉行", "2025-04-15", "2025-04-20"),
            ("峰会20日在香港举行", "2025-04-15", "2025-04-20"),
            // 將於: the next 28th, though the last one is nearer.
            ("峰會將於28日舉行", "2025-04-03", "2025-04-28"),
            ("峰会将于28日举行", "2025-04-03", "2025-04-28"),
            ("峰會28日將在香港舉行", "2025-04-03", "2025-04-28"),
            ("峰會將於2日舉行", "2025-04-20", "2025-05-02"),
            // 已於: the last 2nd, though the next one is nearer.
            ("峰會已於2日舉行", "2025-04-28", "2025-04-02"),
            ("峰会已于20日举行", "2025-04-15", "2025-03-20"),
            // 下月 names the month.
            ("峰會下月5日舉行", "2025-04-15", "2025-05-05"),
            ("峰会下月5日举行", "2025-12-15", "2026-01-05"),
        ] {
            assert_eq!(date(text, Some(published)).as_deref(), Some(expected), "{text} published {published}");
        }
    }

    #[test]
    fn parts_of_days_and_days_of_the_week() {
        // 2025-04-15 is a Tuesday.
        for (text, expected) in [
            ("工會今早召開記者會", Some("2025-04-15")),
            ("工会昨晚举行集会", Some("2025-04-14")),
            ("峰會周四在香港舉行", Some("2025-04-17")),
            ("峰会周六在香港举行", Some("2025-04-12")),
            ("峰會星期日舉行", Some("2025-04-13")),
            ("峰會將於周六舉行", Some("2025-04-19")),
            ("峰会已于周四举行", Some("2025-04-10")),
            ("峰會上周五舉行", Some("2025-04-11")),
            ("峰会下周一举行", Some("2025-04-21")),
            ("峰會本周日舉行", Some("2025-04-20")),
            ("峰會每周一舉行", None),
            ("峰会为期一周一次", None),
        ] {
            assert_eq!(date(text, Some("2025-04-15")).as_deref(), expected, "{text}");
        }
        assert_eq!(date("峰會周四在香港舉行", None), None);
        assert_eq!(Date::new(2025, 4, 15).map(Date::weekday), Some(1));
        assert_eq!(Date::new(1970, 1, 1).map(Date::weekday), Some(3));
    }

    #[test]
    fn numbers_of_days_are_not_dates() {
        assert_eq!(read("為期3日", None), None);
        assert_eq!(read("30日內完成", None), None);
        assert_eq!(read("一連兩日", None), None);
        assert_eq!(read("3個月", None), None);
        assert_eq!(read("十四日", None), None, "a bare day in Chinese numerals is a count of days");
    }

    #[test]
    fn clock_times() {
        let numerals = NumeralReader::new(Lexicons::embedded());
        let f = fold("上午9時30分舉行");
        let n = numerals.starting(&f, "上午".len()).unwrap();
        assert_eq!(reader().clock_time_end(&f, &n), Some(f.find('举').unwrap()));
        let f = fold("提出9點建議");
        let n = numerals.starting(&f, "提出".len()).unwrap();
        assert_eq!(reader().clock_time_end(&f, &n), None);
    }
}
