//! A day as people type it, `YYYY-MM-DD`, read as its midnight in UTC.

use chrono::{NaiveDate, NaiveTime};

/// The day `text` (`2026-03-01`), or `None`.
#[must_use]
pub fn parse(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Unix seconds at the start of `day`: its midnight in UTC.
#[must_use]
pub fn start(day: NaiveDate) -> i64 {
    day.and_time(NaiveTime::MIN).and_utc().timestamp()
}

/// Unix seconds at midnight UTC of the day `text` (`2026-03-01`), or `None`.
#[must_use]
pub fn midnight(text: &str) -> Option<i64> {
    parse(text).map(start)
}

/// The day of Unix time `at`, `YYYY-MM-DD` in UTC (the number itself when out of range).
#[must_use]
pub fn iso(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0).map_or_else(|| at.to_string(), |t| t.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_day_is_its_midnight_in_utc_and_anything_else_is_none() {
        assert_eq!(super::midnight(" 1970-01-02 "), Some(86_400));
        assert_eq!(super::midnight("2026-02-30"), None);
        assert_eq!(super::midnight("02/03/2026"), None);
        assert_eq!(super::iso(86_400 + 3_600), "1970-01-02");
    }
}
