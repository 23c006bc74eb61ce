//! Timestamps in the signed formats: UTC, whole seconds, one spelling.

use std::fmt;
use std::ops::{Add, Sub};

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

const FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// A point in time, UTC, to the second, written `2026-11-21T23:29:41Z`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// Now, by this computer's clock (not to be trusted alone: see [`crate::Clock`]).
    #[must_use]
    pub fn now() -> Self {
        Self::from_datetime(Utc::now())
    }

    /// The timestamp for `datetime`, its fraction of a second dropped.
    #[must_use]
    pub fn from_datetime(datetime: DateTime<Utc>) -> Self {
        Self::from_unix(datetime.timestamp()).unwrap_or(Self(datetime))
    }

    /// Seconds since 1970-01-01T00:00:00Z; `None` when out of chrono's range.
    #[must_use]
    pub fn from_unix(seconds: i64) -> Option<Self> {
        Utc.timestamp_opt(seconds, 0).single().map(Self)
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SSZ`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        // Exactly 20 characters (four-digit years) and no leap second.
        if text.len() != 20 || text.get(17..19) == Some("60") {
            return None;
        }
        let parsed = chrono::NaiveDateTime::parse_from_str(text, FORMAT).ok()?;
        let stamp = Self(parsed.and_utc());
        // chrono accepts some non-padded fields; insist on the one spelling.
        (stamp.to_string() == text).then_some(stamp)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    #[must_use]
    pub fn unix(self) -> i64 {
        self.0.timestamp()
    }

    /// As a chrono value.
    #[must_use]
    pub fn datetime(self) -> DateTime<Utc> {
        self.0
    }
}

impl Add<Duration> for Timestamp {
    type Output = Self;
    fn add(self, rhs: Duration) -> Self {
        Self::from_datetime(self.0 + rhs)
    }
}

impl Sub<Duration> for Timestamp {
    type Output = Self;
    fn sub(self, rhs: Duration) -> Self {
        Self::from_datetime(self.0 - rhs)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(FORMAT))
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).ok_or_else(|| serde::de::Error::custom("timestamp must be YYYY-MM-DDTHH:MM:SSZ"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_have_one_spelling() {
        let t = Timestamp::parse("2026-11-21T23:29:41Z").expect("canonical");
        assert_eq!(t.to_string(), "2026-11-21T23:29:41Z");
        for bad in [
            "2026-11-21T23:29:41+00:00",
            "2026-11-21T23:29:41.000Z",
            "2026-11-21 23:29:41Z",
            "2026-1-21T23:29:41Z",
            "2026-11-21T23:29:41z",
            "2026-12-31T23:59:60Z",
            "+10000-01-01T00:00:00Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }
}
