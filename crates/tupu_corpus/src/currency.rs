//! Currencies `--currency` accepts: the ISO 4217 codes in `data/iso4217.txt`.

use thiserror::Error;

/// The code list, one code a line.
const CODES: &str = include_str!("../data/iso4217.txt");

/// A code that is not an ISO 4217 currency.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{0:?} is not an ISO 4217 currency code (such as HKD, CNY, MOP, TWD or USD)")]
pub struct UnknownCurrency(pub String);

/// The ISO 4217 code `code` names (letters in either case), upper-cased.
///
/// # Errors
/// [`UnknownCurrency`] when the list does not have it.
pub fn parse(code: &str) -> Result<String, UnknownCurrency> {
    let upper = code.to_ascii_uppercase();
    if code.len() == 3 && codes().any(|c| c == upper) { Ok(upper) } else { Err(UnknownCurrency(code.to_owned())) }
}

fn codes() -> impl Iterator<Item = &'static str> {
    CODES.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_codes_only() {
        assert_eq!(parse("hkd"), Ok("HKD".to_owned()));
        assert_eq!(parse("MOP"), Ok("MOP".to_owned()));
        for bad in ["XYZ", "dollars", "HK", "HKDD", "", "XXX", "ＨＫＤ"] {
            assert_eq!(parse(bad), Err(UnknownCurrency(bad.to_owned())), "{bad}");
        }
    }

    #[test]
    fn the_list_is_well_formed() {
        let all: Vec<&str> = codes().collect();
        assert!(all.len() > 150);
        assert!(all.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())), "{all:?}");
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, all, "sorted, each once");
    }
}
