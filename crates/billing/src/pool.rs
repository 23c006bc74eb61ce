//! Partner and reseller pools (`shared/BILLING.md`, "Partner and reseller pools"): a client's colour, when a renewal starts, and how many license-years it needs.

use chrono::NaiveDate;

use crate::{Error, Result, add_months};

/// How a client's term shows in a partner's list; first match wins, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// A later term is already paid for (green check); the current end is still shown.
    Renewed,
    /// The term's end has come (red).
    Ended,
    /// The term ends within 3 months, the day 3 months ahead included (orange).
    Ending,
    /// The term starts after today (blue).
    NotStarted,
    /// Running, more than 3 months to go.
    Active,
}

impl Standing {
    /// A stable word for the standing (`renewed`, `ended`, `ending`, `not-started`, `active`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Renewed => "renewed",
            Self::Ended => "ended",
            Self::Ending => "ending",
            Self::NotStarted => "not-started",
            Self::Active => "active",
        }
    }
}

/// The standing of a client whose current term runs from `start` to `end` (the end is the
/// first day without licenses), on `today`; `renewed` when a later term follows it.
#[must_use]
pub fn standing(start: NaiveDate, end: NaiveDate, renewed: bool, today: NaiveDate) -> Standing {
    if renewed {
        Standing::Renewed
    } else if end <= today {
        Standing::Ended
    } else if end <= add_months(today, 3) {
        Standing::Ending
    } else if today < start {
        Standing::NotStarted
    } else {
        Standing::Active
    }
}

/// The term a renewal of `years` made on `on` buys, for a client whose latest term ends on
/// `current_end`: renewed before the end it starts at that end, otherwise on the renewal date.
/// Returns (start, end).
pub fn renewal_term(current_end: Option<NaiveDate>, on: NaiveDate, years: u32) -> Result<(NaiveDate, NaiveDate)> {
    let start = match current_end {
        Some(end) if on < end => end,
        _ => on,
    };
    Ok((start, term_end(start, years)?))
}

/// The end of a term of `years` from `start` (1 to 100 years).
pub fn term_end(start: NaiveDate, years: u32) -> Result<NaiveDate> {
    if !(1..=100).contains(&years) {
        return Err(Error::invalid("years", "must be between 1 and 100"));
    }
    Ok(add_months(start, years * 12))
}

/// The license-years a term of `users` for `years` needs: one license is one user for one year.
pub fn license_years(users: u32, years: u32) -> Result<i64> {
    if users == 0 {
        return Err(Error::invalid("users", "must be at least 1"));
    }
    if !(1..=100).contains(&years) {
        return Err(Error::invalid("years", "must be between 1 and 100"));
    }
    Ok(i64::from(users) * i64::from(years))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn standings_at_their_boundaries() {
        let today = day(2027, 3, 15);
        let cases = [
            // (start, end, renewed, expected, what)
            (day(2026, 3, 15), day(2027, 3, 15), false, Standing::Ended, "ends today"),
            (day(2026, 3, 15), day(2027, 3, 14), false, Standing::Ended, "ended yesterday"),
            (day(2026, 3, 15), day(2027, 3, 16), false, Standing::Ending, "ends tomorrow"),
            (day(2026, 6, 15), day(2027, 6, 15), false, Standing::Ending, "ends in exactly 3 months"),
            (day(2026, 6, 16), day(2027, 6, 16), false, Standing::Active, "ends in 3 months and a day"),
            (day(2027, 3, 16), day(2028, 3, 16), false, Standing::NotStarted, "not started until tomorrow"),
            (day(2027, 3, 15), day(2028, 3, 15), false, Standing::Active, "starts today"),
            (day(2026, 3, 15), day(2027, 3, 15), true, Standing::Renewed, "renewed, ends today"),
            (day(2026, 4, 1), day(2027, 4, 1), true, Standing::Renewed, "renewed, ending soon"),
            (day(2027, 3, 16), day(2027, 5, 16), false, Standing::Ending, "not started yet but short: ending wins"),
        ];
        for (start, end, renewed, expected, what) in cases {
            assert_eq!(standing(start, end, renewed, today), expected, "{what}");
        }
    }

    #[test]
    fn three_months_ahead_is_clamped_to_the_month_end() {
        // Nov 30 + 3 months is Feb 28 (2027 is not a leap year).
        let today = day(2026, 11, 30);
        assert_eq!(standing(day(2026, 1, 1), day(2027, 2, 28), false, today), Standing::Ending);
        assert_eq!(standing(day(2026, 1, 1), day(2027, 3, 1), false, today), Standing::Active);
    }

    #[test]
    fn renewal_dates() {
        let end = day(2027, 6, 30);
        // Before the end: starts at the current end.
        assert_eq!(renewal_term(Some(end), day(2027, 5, 1), 1), Ok((end, day(2028, 6, 30))));
        assert_eq!(renewal_term(Some(end), day(2027, 6, 29), 3), Ok((end, day(2030, 6, 30))));
        // Renewed the day it ended: the renewal date, which is also the end.
        assert_eq!(renewal_term(Some(end), end, 1), Ok((end, day(2028, 6, 30))));
        // After the end: on the renewal date.
        assert_eq!(renewal_term(Some(end), day(2027, 9, 2), 2), Ok((day(2027, 9, 2), day(2029, 9, 2))));
        // No term yet.
        assert_eq!(renewal_term(None, day(2027, 1, 10), 1), Ok((day(2027, 1, 10), day(2028, 1, 10))));
        // Feb 29 + 1 year is Feb 28.
        assert_eq!(renewal_term(None, day(2028, 2, 29), 1), Ok((day(2028, 2, 29), day(2029, 2, 28))));
        assert!(renewal_term(Some(end), end, 0).is_err());
        assert!(renewal_term(Some(end), end, 101).is_err());
    }

    #[test]
    fn a_renewal_needs_users_times_years() {
        assert_eq!(license_years(1, 1), Ok(1));
        assert_eq!(license_years(25, 3), Ok(75));
        assert_eq!(license_years(u32::MAX, 100), Ok(i64::from(u32::MAX) * 100));
        assert!(license_years(0, 1).is_err());
        assert!(license_years(5, 0).is_err());
        assert!(license_years(5, 101).is_err());
    }
}
