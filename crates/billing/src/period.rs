//! Billing periods: period *k* of a subscription starts at its anchor plus *k* intervals,
//! clamped to the month's end and always counted from the anchor (`shared/BILLING.md`, "Periods").

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::{Error, Result, add_months};

/// How often a subscription renews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Interval {
    Month,
    Year,
}

impl Interval {
    /// `month` or `year`, in any case.
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "month" => Ok(Self::Month),
            "year" => Ok(Self::Year),
            _ => Err(Error::BadInterval(text.to_owned())),
        }
    }

    /// Months in one interval.
    #[must_use]
    pub fn months(self) -> u32 {
        match self {
            Self::Month => 1,
            Self::Year => 12,
        }
    }
}

/// `month` or `year`, as the quote reads and writes it.
impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Month => "month",
            Self::Year => "year",
        })
    }
}

/// One billing period: `start` inclusive, `end` exclusive, `days` calendar days (D).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: i64,
}

impl Period {
    /// Period `k` (0 is the first) of a subscription anchored at `anchor`.
    #[must_use]
    pub fn nth(anchor: NaiveDate, interval: Interval, k: u32) -> Self {
        let start = period_start(anchor, interval, k);
        let end = period_start(anchor, interval, k.saturating_add(1));
        Self { start, end, days: (end - start).num_days() }
    }

    /// Whether `date` falls in the period.
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date < self.end
    }

    /// Days from `date` (inclusive: a change at any moment of a day counts the whole day) to
    /// the end (exclusive): `d` in the proration `× d / D`. `None` when `date` is outside.
    #[must_use]
    pub fn days_remaining(&self, date: NaiveDate) -> Option<i64> {
        self.contains(date).then(|| (self.end - date).num_days())
    }
}

/// Start of period `k`: the anchor plus `k` intervals, clamped to the end of the month, computed
/// from the anchor each time so that a Jan 31 anchor comes back to the 31st after February.
#[must_use]
pub fn period_start(anchor: NaiveDate, interval: Interval, k: u32) -> NaiveDate {
    add_months(anchor, k.saturating_mul(interval.months()))
}

/// The period of a subscription anchored at `anchor` that contains `date`; refused for a date
/// before the anchor, when the subscription had not started.
///
/// ```
/// use chrono::NaiveDate;
/// use tessera_billing::{Interval, period_containing};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
/// // Anchored on Jan 31: February's period starts on the 28th, March's on the 31st.
/// let period = period_containing(day(2027, 1, 31), Interval::Month, day(2027, 3, 15))?;
/// assert_eq!((period.start, period.end, period.days), (day(2027, 2, 28), day(2027, 3, 31), 31));
/// assert_eq!(period.days_remaining(day(2027, 3, 15)), Some(16));
/// # Ok::<(), tessera_billing::Error>(())
/// ```
pub fn period_containing(anchor: NaiveDate, interval: Interval, date: NaiveDate) -> Result<Period> {
    if date < anchor {
        return Err(Error::BeforeAnchor { date, anchor });
    }
    // A first guess from the month count, off by at most one: the day of the month decides.
    let months = (date.year() - anchor.year()) * 12 + date.month() as i32 - anchor.month() as i32;
    let mut k = u32::try_from(months).unwrap_or(0) / interval.months();
    if period_start(anchor, interval, k) > date {
        k = k.saturating_sub(1);
    }
    while period_start(anchor, interval, k.saturating_add(1)) <= date {
        k += 1;
    }
    Ok(Period::nth(anchor, interval, k))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_month_end_anchor_comes_back_to_the_month_end_worked_example_3() {
        let anchor = day(2027, 1, 31);
        let starts: Vec<NaiveDate> = (0..5).map(|k| period_start(anchor, Interval::Month, k)).collect();
        assert_eq!(
            starts,
            vec![day(2027, 1, 31), day(2027, 2, 28), day(2027, 3, 31), day(2027, 4, 30), day(2027, 5, 31)]
        );
        assert_eq!(period_start(day(2028, 1, 31), Interval::Month, 1), day(2028, 2, 29), "leap year");
    }

    #[test]
    fn a_leap_day_anchor_renews_on_feb_28_and_returns_to_feb_29() {
        let anchor = day(2028, 2, 29);
        let starts: Vec<NaiveDate> = (0..5).map(|k| period_start(anchor, Interval::Year, k)).collect();
        assert_eq!(
            starts,
            vec![day(2028, 2, 29), day(2029, 2, 28), day(2030, 2, 28), day(2031, 2, 28), day(2032, 2, 29)]
        );
        let period = period_containing(anchor, Interval::Year, day(2029, 2, 28)).expect("in");
        assert_eq!(period, Period { start: day(2029, 2, 28), end: day(2030, 2, 28), days: 365 });
        let period = period_containing(anchor, Interval::Year, day(2031, 3, 1)).expect("in");
        assert_eq!(period, Period { start: day(2031, 2, 28), end: day(2032, 2, 29), days: 366 });
    }

    #[test]
    fn the_period_containing_a_date_counts_its_days() {
        let anchor = day(2027, 3, 1);
        let march = Period { start: day(2027, 3, 1), end: day(2027, 4, 1), days: 31 };
        for date in [day(2027, 3, 1), day(2027, 3, 20), day(2027, 3, 31)] {
            assert_eq!(period_containing(anchor, Interval::Month, date), Ok(march), "{date}");
        }
        assert_eq!(march.days_remaining(day(2027, 3, 20)), Some(12), "worked example 1");
        assert_eq!(march.days_remaining(day(2027, 3, 1)), Some(31), "on the billing day d = D");
        assert_eq!(march.days_remaining(day(2027, 3, 31)), Some(1), "on the last day d = 1");
        assert_eq!(march.days_remaining(day(2027, 4, 1)), None, "the end is exclusive");
        let february = period_containing(day(2027, 1, 31), Interval::Month, day(2027, 3, 30)).expect("in");
        assert_eq!(february, Period { start: day(2027, 2, 28), end: day(2027, 3, 31), days: 31 });
    }

    #[test]
    fn dates_before_the_anchor_are_refused() {
        let anchor = day(2027, 3, 1);
        let error = period_containing(anchor, Interval::Month, day(2027, 2, 28)).expect_err("before");
        assert_eq!(error, Error::BeforeAnchor { date: day(2027, 2, 28), anchor });
        assert!(error.to_string().contains("2027-02-28"), "{error}");
    }

    #[test]
    fn intervals_are_read_by_name() {
        assert_eq!(Interval::parse("month"), Ok(Interval::Month));
        assert_eq!(Interval::parse(" Year "), Ok(Interval::Year));
        assert_eq!(Interval::parse("week"), Err(Error::BadInterval("week".into())));
        assert_eq!(Interval::Year.to_string(), "year");
    }

    fn any_day() -> impl Strategy<Value = NaiveDate> {
        (2000_i32..2100, 1_u32..=12, 1_u32..=31).prop_map(|(y, m, d)| {
            NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, m, 28)).expect("date")
        })
    }

    fn any_interval() -> impl Strategy<Value = Interval> {
        prop::sample::select(vec![Interval::Month, Interval::Year])
    }

    proptest! {
        #[test]
        fn month_end_anchors_never_drift(anchor in any_day(), interval in any_interval(), k in 0_u32..240) {
            let start = period_start(anchor, interval, k);
            // Clamped: the anchor's day, or the month's last day when the month is shorter.
            let expected_day = anchor.day().min(last_day_of_month(start));
            prop_assert_eq!(start.day(), expected_day);
            let months = start.year() * 12 + start.month() as i32 - (anchor.year() * 12 + anchor.month() as i32);
            prop_assert_eq!(i64::from(months), i64::from(k * interval.months()));
        }

        #[test]
        fn periods_tile_without_gaps_or_overlaps(anchor in any_day(), interval in any_interval(), k in 0_u32..120) {
            let period = Period::nth(anchor, interval, k);
            let next = Period::nth(anchor, interval, k + 1);
            prop_assert_eq!(period.end, next.start);
            prop_assert!(period.days >= 28 && period.days <= 366);
            for date in [period.start, period.end.pred_opt().expect("day")] {
                prop_assert_eq!(period_containing(anchor, interval, date), Ok(period));
            }
        }
    }

    fn last_day_of_month(date: NaiveDate) -> u32 {
        let first_of_next = add_months(date.with_day(1).expect("day 1"), 1);
        first_of_next.pred_opt().expect("day").day()
    }
}
