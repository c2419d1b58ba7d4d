//! Publication dates: one strict form, `YYYY-MM-DD`, in a range of years news can have.
//!
//! The same rule for `--published`, JSON Lines' `published` and a manifest's column, so a date
//! that one accepts the others accept too. `2025-2-3`, ` 2025-02-03` and `1-01-01` are refused:
//! a lenient reader turns typos into wrong dates in the graph.

use std::ops::RangeInclusive;

use thiserror::Error;
use tupu_extract::Date;

/// Years a publication date may have: from the first Chinese newspapers to well past today.
pub const YEARS: RangeInclusive<i32> = 1800..=2100;

/// Why a publication date was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateError {
    /// Not `YYYY-MM-DD`.
    #[error("{0:?} is not a date of the form YYYY-MM-DD (e.g. 2025-04-15)")]
    Form(String),
    /// A year outside [`YEARS`].
    #[error("{0:?} has a year outside {start}–{end}", start = YEARS.start(), end = YEARS.end())]
    Year(String),
    /// No such day (`2025-02-30`).
    #[error("{0:?} is not a day of the calendar")]
    Calendar(String),
}

/// Reads `YYYY-MM-DD`: exactly four digits, two and two, nothing around them.
///
/// # Errors
/// [`DateError`] for any other form, a year outside [`YEARS`] or a day the calendar lacks.
pub fn parse(s: &str) -> Result<Date, DateError> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return Err(DateError::Form(s.to_owned()));
    }
    let number = |r: std::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| DateError::Form(s.to_owned()));
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let year = i32::try_from(year).map_err(|_| DateError::Form(s.to_owned()))?;
    if !YEARS.contains(&year) {
        return Err(DateError::Year(s.to_owned()));
    }
    Date::new(year, month, day).ok_or_else(|| DateError::Calendar(s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_strict_form() {
        assert_eq!(parse("2025-04-15"), Ok(Date::new(2025, 4, 15).unwrap()));
        assert_eq!(parse("2024-02-29"), Ok(Date::new(2024, 2, 29).unwrap()));
        for loose in
            ["2025-2-3", " 2025-02-03", "2025-02-03 ", "2025/02/03", "20250203", "２０２５-02-03", "+202-02-03"]
        {
            assert_eq!(parse(loose), Err(DateError::Form(loose.to_owned())), "{loose}");
        }
        assert_eq!(parse("0001-01-01"), Err(DateError::Year("0001-01-01".to_owned())));
        assert_eq!(parse("2101-01-01"), Err(DateError::Year("2101-01-01".to_owned())));
        assert_eq!(parse("2025-02-30"), Err(DateError::Calendar("2025-02-30".to_owned())));
        assert_eq!(parse("2025-13-01"), Err(DateError::Calendar("2025-13-01".to_owned())));
    }
}
