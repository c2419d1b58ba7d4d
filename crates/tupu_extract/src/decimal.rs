//! Exact decimal numbers for figures: 33.6萬億 is 33600000000000 exactly, 1/3 is 33.333333 %.
//!
//! Floats would print 1.5e8 or 0.30000000000000004; `xsd:decimal` wants plain digits.

use serde::Serialize;

/// A decimal number `mantissa × 10^-scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl Decimal {
    /// `mantissa × 10^-scale`, normalised (no trailing zeros after the point).
    #[must_use]
    pub fn new(mantissa: i128, scale: u32) -> Self {
        Self { mantissa, scale }.normalised()
    }

    /// An integer.
    #[must_use]
    pub fn from_int(n: i128) -> Self {
        Self { mantissa: n, scale: 0 }
    }

    /// Parses plain decimal digits with an optional point (`1,234.5` must be stripped of
    /// separators first).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits = format!("{int}{frac}");
        let mantissa: i128 = if digits.is_empty() { 0 } else { digits.parse().ok()? };
        Some(Self::new(mantissa, u32::try_from(frac.len()).ok()?))
    }

    /// `self × 10^exp` (exact; saturates rather than overflowing).
    #[must_use]
    pub fn scaled_by_power_of_ten(self, exp: u32) -> Self {
        let mut d = self;
        let mut e = exp;
        while e > 0 && d.scale > 0 {
            d.scale -= 1;
            e -= 1;
        }
        let factor = 10i128.checked_pow(e).unwrap_or(i128::MAX);
        Self::new(d.mantissa.saturating_mul(factor), d.scale)
    }

    /// `self × n` for an integer `n`.
    #[must_use]
    pub fn times(self, n: i128) -> Self {
        Self::new(self.mantissa.saturating_mul(n), self.scale)
    }

    /// `self + other`.
    #[must_use]
    pub fn plus(self, other: Self) -> Self {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.saturating_mul(10i128.pow(scale - self.scale));
        let b = other.mantissa.saturating_mul(10i128.pow(scale - other.scale));
        Self::new(a.saturating_add(b), scale)
    }

    /// `numerator / denominator` rounded to `digits` decimal places (fractions such as 三分之一).
    #[must_use]
    pub fn ratio(numerator: i128, denominator: i128, digits: u32) -> Option<Self> {
        if denominator == 0 {
            return None;
        }
        let scaled = numerator.checked_mul(10i128.checked_pow(digits)?)?;
        let q = scaled / denominator;
        let r = scaled % denominator;
        let q = if r * 2 >= denominator { q + 1 } else { q };
        Some(Self::new(q, digits))
    }

    /// The value as a float (for comparisons in tests and for sorting).
    #[must_use]
    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    /// Whether this is a whole number.
    #[must_use]
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    fn normalised(mut self) -> Self {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }
}

impl std::fmt::Display for Decimal {
    /// The canonical `xsd:decimal` lexical form without exponent: `84`, `12.5`, `-0.25`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded =
            if digits.len() <= scale { format!("{}{digits}", "0".repeat(scale + 1 - digits.len())) } else { digits };
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.saturating_mul(10i128.pow(scale - self.scale));
        let b = other.mantissa.saturating_mul(10i128.pow(scale - other.scale));
        a.cmp(&b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_magnitudes() {
        let d = Decimal::parse("33.6").unwrap().scaled_by_power_of_ten(12);
        assert_eq!(d.to_string(), "33600000000000");
        assert_eq!(Decimal::parse("1.5").unwrap().scaled_by_power_of_ten(8).to_string(), "150000000");
        assert_eq!(Decimal::parse("12.50").unwrap().to_string(), "12.5");
        assert_eq!(Decimal::new(5, 3).to_string(), "0.005");
    }

    #[test]
    fn fractions_and_sums() {
        assert_eq!(Decimal::ratio(100, 3, 6).unwrap().to_string(), "33.333333");
        assert_eq!(Decimal::from_int(36000).plus(Decimal::parse("0.5").unwrap()).to_string(), "36000.5");
        assert!(Decimal::ratio(1, 0, 2).is_none());
        assert!(Decimal::parse("abc").is_none());
        assert!(Decimal::parse(".").is_none());
    }
}
