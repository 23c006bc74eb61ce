//! An amount of money: an integer count of a currency's minor unit, read and shown with the
//! currency's exponent ("7.74" EUR is 774 cents; "500" JPY is 500 yen).

use std::fmt;

use crate::{Currency, Error, Result};

/// An amount in minor units of a currency. Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    /// `minor` units of `currency` (cents for EUR).
    #[must_use]
    pub fn from_minor(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// Zero in `currency`.
    #[must_use]
    pub fn zero(currency: Currency) -> Self {
        Self::from_minor(0, currency)
    }

    /// Reads a decimal amount as people write it in `currency`: `7.74`, `70`, `1234.5` (EUR);
    /// at most the currency's exponent of digits after the point, no sign, no grouping.
    pub fn parse(text: &str, currency: Currency) -> Result<Self> {
        let bad =
            || Error::BadAmount { text: text.to_owned(), currency: currency.code(), exponent: currency.exponent() };
        let trimmed = text.trim();
        let (whole, fraction) = trimmed.split_once('.').unwrap_or((trimmed, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let fraction_ok = if trimmed.contains('.') { !fraction.is_empty() } else { true };
        if whole.is_empty() || !digits(whole) || !digits(fraction) || !fraction_ok {
            return Err(bad());
        }
        let exponent = currency.exponent();
        if fraction.len() > exponent as usize {
            return Err(bad());
        }
        let scale = 10_i64.pow(exponent);
        let whole: i64 = whole.parse().map_err(|_| Error::Overflow)?;
        let padded = format!("{fraction:0<width$}", width = exponent as usize);
        let fraction: i64 = if padded.is_empty() { 0 } else { padded.parse().map_err(|_| bad())? };
        let minor = whole.checked_mul(scale).and_then(|m| m.checked_add(fraction)).ok_or(Error::Overflow)?;
        Ok(Self::from_minor(minor, currency))
    }

    /// The count of minor units.
    #[must_use]
    pub fn minor(self) -> i64 {
        self.minor
    }

    #[must_use]
    pub fn currency(self) -> Currency {
        self.currency
    }

    /// The amount as a decimal string in the currency's exponent: `7.74`, `70.00`, `500` (JPY).
    #[must_use]
    pub fn decimal(self) -> String {
        let exponent = self.currency.exponent();
        let sign = if self.minor < 0 { "-" } else { "" };
        let units = self.minor.unsigned_abs();
        if exponent == 0 {
            return format!("{sign}{units}");
        }
        let scale = 10_u64.pow(exponent);
        format!("{sign}{}.{:0width$}", units / scale, units % scale, width = exponent as usize)
    }

    /// The sum, in the same currency.
    pub fn checked_add(self, other: Self) -> Result<Self> {
        if self.currency != other.currency {
            return Err(Error::CurrencyMismatch(self.currency.code(), other.currency.code()));
        }
        let minor = self.minor.checked_add(other.minor).ok_or(Error::Overflow)?;
        Ok(Self::from_minor(minor, self.currency))
    }

    /// `count` times the amount.
    pub fn times(self, count: i64) -> Result<Self> {
        let minor = self.minor.checked_mul(count).ok_or(Error::Overflow)?;
        Ok(Self::from_minor(minor, self.currency))
    }
}

/// `EUR 7.74`: the code, a space, the decimal amount.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.currency, self.decimal())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn eur() -> Currency {
        Currency::parse("EUR").expect("EUR")
    }

    #[test]
    fn amounts_are_read_in_the_currencys_exponent() {
        let jpy = Currency::parse("JPY").expect("JPY");
        let bhd = Currency::parse("BHD").expect("BHD");
        for (text, currency, minor) in [
            ("7.74", eur(), 774),
            ("70", eur(), 7000),
            ("70.0", eur(), 7000),
            ("0.05", eur(), 5),
            (" 10.00 ", eur(), 1000),
            ("500", jpy, 500),
            ("1.234", bhd, 1234),
        ] {
            assert_eq!(Money::parse(text, currency).expect(text).minor(), minor, "{text:?} {currency}");
        }
    }

    #[test]
    fn malformed_amounts_are_refused_naming_the_text() {
        let jpy = Currency::parse("JPY").expect("JPY");
        for (text, currency) in [
            ("", eur()),
            ("-1", eur()),
            ("+1", eur()),
            ("7.745", eur()),
            ("7,74", eur()),
            ("1 000", eur()),
            (".5", eur()),
            ("5.", eur()),
            ("1e3", eur()),
            ("NaN", eur()),
            ("5.5", jpy),
        ] {
            let error = Money::parse(text, currency).expect_err(text);
            assert!(error.to_string().contains(&format!("'{text}'")), "{text:?}: {error}");
        }
        assert_eq!(Money::parse("99999999999999999999", eur()), Err(Error::Overflow));
    }

    #[test]
    fn amounts_are_shown_with_the_code_and_exponent() {
        let jpy = Currency::parse("JPY").expect("JPY");
        assert_eq!(Money::from_minor(774, eur()).to_string(), "EUR 7.74");
        assert_eq!(Money::from_minor(7000, eur()).decimal(), "70.00");
        assert_eq!(Money::from_minor(5, eur()).decimal(), "0.05");
        assert_eq!(Money::from_minor(-250, eur()).decimal(), "-2.50");
        assert_eq!(Money::from_minor(500, jpy).to_string(), "JPY 500");
    }

    #[test]
    fn sums_refuse_other_currencies_and_overflow() {
        let usd = Currency::parse("USD").expect("USD");
        let ten = Money::from_minor(1000, eur());
        assert_eq!(ten.checked_add(ten).map(Money::minor), Ok(2000));
        assert_eq!(ten.checked_add(Money::from_minor(1, usd)), Err(Error::CurrencyMismatch("EUR", "USD")));
        assert_eq!(Money::from_minor(i64::MAX, eur()).checked_add(Money::from_minor(1, eur())), Err(Error::Overflow));
        assert_eq!(ten.times(i64::MAX), Err(Error::Overflow));
    }

    proptest! {
        #[test]
        fn what_is_shown_reads_back_as_the_same_amount(minor in 0_i64..=i64::MAX / 10, code in prop::sample::select(vec!["EUR", "JPY", "BHD"])) {
            let currency = Currency::parse(code).expect("known");
            let money = Money::from_minor(minor, currency);
            prop_assert_eq!(Money::parse(&money.decimal(), currency), Ok(money));
        }
    }
}
