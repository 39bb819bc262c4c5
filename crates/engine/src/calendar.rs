//! Calendar months: the engine's unit of time.
//!
//! A [`Month`] counts months since January of year 0, so differences between months are plain
//! integer subtraction and a worker's age or tenure is derived from two dates, never ticked.

use std::fmt;

/// A calendar month, stored as the number of months since January of year 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32);

impl Month {
    /// The month `year`-`month` (month 1 to 12).
    pub fn from_ym(year: i32, month: u32) -> Month {
        Month(year * 12 + month as i32 - 1)
    }

    /// Parses `YYYY-MM`; `None` when the text is not a valid month.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        (1..=12)
            .contains(&month)
            .then(|| Month::from_ym(year, month))
    }

    /// Calendar year.
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// Month of the year, 1 to 12.
    pub fn month_of_year(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// The month `n` months later (earlier when negative).
    pub fn plus(self, n: i32) -> Month {
        Month(self.0 + n)
    }

    /// Months from `earlier` to `self`.
    pub fn since(self, earlier: Month) -> i32 {
        self.0 - earlier.0
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month_of_year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_round_trip() {
        let m = Month::parse("2025-01").unwrap();
        assert_eq!(m.to_string(), "2025-01");
        assert_eq!(m.plus(11).to_string(), "2025-12");
        assert_eq!(m.plus(12).to_string(), "2026-01");
        assert_eq!(Month::parse("2026-03").unwrap().since(m), 14);
    }

    #[test]
    fn rejects_malformed_months() {
        for bad in [
            "2025-13", "2025-00", "25-01", "2025-1", "2025/01", "abcd-01", "",
        ] {
            assert!(Month::parse(bad).is_none(), "{bad}");
        }
    }
}
