//! A plan's term: perpetual, or a number of months from the day it starts, clamped to the
//! end of the month (`shared/BILLING.md`, "Periods": Jan 31 + 1 month is Feb 28 or 29).

use std::fmt;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};

use crate::{Error, Result};

/// How long what a plan sells lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    /// No end.
    Perpetual,
    /// This many months (12 is a year) from the start.
    Months(u32),
}

/// The longest term sold: 100 years.
const MAX_MONTHS: u32 = 1200;

impl Term {
    /// `perpetual`, `Nm` (months) or `Ny` (years), 1 month to 100 years.
    pub fn parse(text: &str) -> Result<Self> {
        let bad = || Error::BadTerm(text.to_owned());
        let trimmed = text.trim().to_ascii_lowercase();
        if trimmed == "perpetual" {
            return Ok(Self::Perpetual);
        }
        let (count, per) = match trimmed.strip_suffix('y') {
            Some(years) => (years, 12),
            None => (trimmed.strip_suffix('m').ok_or_else(bad)?, 1),
        };
        if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let months = count.parse::<u32>().ok().and_then(|n| n.checked_mul(per)).ok_or_else(bad)?;
        Self::from_months(Some(i64::from(months))).ok_or_else(bad)
    }

    /// The term stored as a count of months (`None`: perpetual); `None` when out of range.
    #[must_use]
    pub fn from_months(months: Option<i64>) -> Option<Self> {
        match months {
            None => Some(Self::Perpetual),
            Some(n) => u32::try_from(n).ok().filter(|n| (1..=MAX_MONTHS).contains(n)).map(Self::Months),
        }
    }

    /// The count of months kept for it; `None` for perpetual.
    #[must_use]
    pub fn months(self) -> Option<i64> {
        match self {
            Self::Perpetual => None,
            Self::Months(n) => Some(i64::from(n)),
        }
    }

    /// When a term starting at `start` ends: the same time of day, the month count later,
    /// clamped to the end of the month. `None` for perpetual.
    #[must_use]
    pub fn ends(self, start: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Self::Perpetual => None,
            Self::Months(n) => {
                let day = add_months(start.date_naive(), n);
                Some(day.and_time(start.time()).and_utc())
            }
        }
    }
}

/// `date` plus `months`, clamped to the last day of the month it lands in.
#[must_use]
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono's month arithmetic clamps to the month's end already; the fallback is past year
    // 262,000, which no term reaches.
    date.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX.with_day(1).unwrap_or(NaiveDate::MAX))
}

/// `perpetual`, `1 month`, `12 months`, `3 years`.
impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Perpetual => f.write_str("perpetual"),
            Self::Months(1) => f.write_str("1 month"),
            Self::Months(n) if n % 12 == 0 && *n > 12 => write!(f, "{} years", n / 12),
            Self::Months(12) => f.write_str("1 year"),
            Self::Months(n) => write!(f, "{n} months"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn terms_are_read_as_months_or_years() {
        for (text, term) in [
            ("perpetual", Term::Perpetual),
            ("1m", Term::Months(1)),
            ("12m", Term::Months(12)),
            ("1y", Term::Months(12)),
            (" 3Y ", Term::Months(36)),
            ("100y", Term::Months(1200)),
        ] {
            assert_eq!(Term::parse(text), Ok(term), "{text:?}");
        }
        for text in ["", "0m", "0y", "101y", "1201m", "m", "y", "-1m", "1.5y", "1w", "forever", "99999999999y"] {
            assert_eq!(Term::parse(text), Err(Error::BadTerm(text.to_owned())), "{text:?}");
        }
    }

    #[test]
    fn month_ends_are_clamped_and_never_drift() {
        // Always from the start: Jan 31 + k months, not chained month by month.
        let start = day(2027, 1, 31);
        let ends: Vec<NaiveDate> = (1..=4).map(|k| add_months(start, k)).collect();
        assert_eq!(ends, vec![day(2027, 2, 28), day(2027, 3, 31), day(2027, 4, 30), day(2027, 5, 31)]);
        assert_eq!(add_months(day(2028, 1, 31), 1), day(2028, 2, 29), "leap year");
        assert_eq!(add_months(day(2028, 2, 29), 12), day(2029, 2, 28), "Feb 29 renews on Feb 28");
    }

    #[test]
    fn a_term_ends_at_the_same_time_of_day() {
        let start = day(2027, 3, 20).and_hms_opt(14, 5, 0).expect("time").and_utc();
        assert_eq!(Term::Months(12).ends(start), Some(day(2028, 3, 20).and_hms_opt(14, 5, 0).expect("time").and_utc()));
        assert_eq!(Term::Perpetual.ends(start), None);
    }

    #[test]
    fn stored_months_read_back() {
        for term in [Term::Perpetual, Term::Months(1), Term::Months(36)] {
            assert_eq!(Term::from_months(term.months()), Some(term));
        }
        assert_eq!(Term::from_months(Some(0)), None);
        assert_eq!(Term::from_months(Some(-12)), None);
        assert_eq!(Term::Months(36).to_string(), "3 years");
        assert_eq!(Term::Months(12).to_string(), "1 year");
        assert_eq!(Term::Months(18).to_string(), "18 months");
    }
}
