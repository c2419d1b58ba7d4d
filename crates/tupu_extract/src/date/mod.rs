//! Calendar dates: the publication date, and the dates an article mentions, resolved against it
//! ([`read`]: the one reader of date expressions, which every stage uses).

pub(crate) mod read;

use serde::Serialize;
use thiserror::Error;

/// Why a text is not a date.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    #[error("'{0}' is not a date of the form YYYY-MM-DD")]
    Form(String),
    /// Of the form, but no day of the calendar (2025-02-30).
    #[error("'{0}' is not a valid calendar date")]
    NotInCalendar(String),
}

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
    /// [`DateError::Form`] for text of another form, [`DateError::NotInCalendar`] for a day the
    /// calendar does not have.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(DateError::Form(s.to_owned()));
        };
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
            return Err(DateError::Form(s.to_owned()));
        };
        Self::new(y, m, d).ok_or_else(|| DateError::NotInCalendar(s.to_owned()))
    }

    /// The date `days` days earlier (or later when negative).
    #[must_use]
    pub fn minus_days(self, days: i64) -> Self {
        Self::from_days(self.to_days() - days)
    }

    /// The day of the week: 0 for Monday … 6 for Sunday.
    #[must_use]
    pub fn weekday(self) -> i64 {
        // to_days counts from 0000-03-01, a Wednesday.
        (self.to_days() + 2).rem_euclid(7)
    }

    /// Day `day` of the month `by` months from this date's (-1: the month before), if it exists.
    #[must_use]
    pub fn day_of_month_shifted(self, by: i32, day: u32) -> Option<Self> {
        let index = self.year * 12 + i32::try_from(self.month).ok()? - 1 + by;
        let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
        Self::new(index.div_euclid(12), month, day)
    }

    /// The year of month `month` mentioned without a year: this date's year, unless that puts the
    /// month more than half a year away (十二月 read in January is last December).
    #[must_use]
    pub fn year_of_month(self, month: u32) -> i32 {
        let diff = i64::from(month) - i64::from(self.month);
        if diff > 6 {
            self.year - 1
        } else if diff < -6 {
            self.year + 1
        } else {
            self.year
        }
    }

    pub(crate) fn to_days(self) -> i64 {
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
        assert_eq!(Date::parse("2025-02-30"), Err(DateError::NotInCalendar("2025-02-30".into())));
        assert_eq!(Date::parse("15/04/2025"), Err(DateError::Form("15/04/2025".into())));
        assert_eq!(Date::parse("2025-02-30").unwrap_err().to_string(), "'2025-02-30' is not a valid calendar date");
    }

    #[test]
    fn day_arithmetic_crosses_months_and_years() {
        let d = Date::parse("2025-03-01").unwrap();
        assert_eq!(d.minus_days(1).to_string(), "2025-02-28");
        assert_eq!(Date::parse("2025-01-01").unwrap().minus_days(1).to_string(), "2024-12-31");
        assert_eq!(Date::parse("2024-02-28").unwrap().minus_days(-1).to_string(), "2024-02-29");
    }

    #[test]
    fn months_shift_across_years_and_months_find_their_year() {
        let d = Date::parse("2025-01-10").unwrap();
        assert_eq!(d.day_of_month_shifted(-1, 5).unwrap().to_string(), "2024-12-05");
        assert_eq!(d.day_of_month_shifted(1, 28).unwrap().to_string(), "2025-02-28");
        assert_eq!(d.day_of_month_shifted(1, 30), None);
        assert_eq!(d.year_of_month(12), 2024);
        assert_eq!(Date::parse("2025-12-20").unwrap().year_of_month(1), 2026);
        assert_eq!(d.year_of_month(6), 2025);
    }

    #[test]
    fn partial_dates_have_xsd_forms() {
        assert_eq!(PartialDate::Day(14).lexical(), "---14");
        assert_eq!(PartialDate::MonthDay(4, 14).lexical(), "--04-14");
        assert_eq!(PartialDate::Day(14).xsd_type(), "gDay");
    }
}
