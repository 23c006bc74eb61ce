//! Currencies by ISO 4217 code, with the exponent of their minor unit (EUR 2, JPY 0, BHD 3).

use std::fmt;

use crate::{Error, Result};

/// A currency the portal bills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency {
    code: &'static str,
    exponent: u32,
}

/// The currencies billed in, with their minor unit's exponent (ISO 4217).
const KNOWN: &[(&str, u32)] = &[
    ("AED", 2),
    ("AUD", 2),
    ("BGN", 2),
    ("BHD", 3),
    ("BRL", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CLP", 0),
    ("CNY", 2),
    ("CZK", 2),
    ("DKK", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("HKD", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("MXN", 2),
    ("NOK", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PLN", 2),
    ("RON", 2),
    ("RSD", 2),
    ("RUB", 2),
    ("SAR", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("THB", 2),
    ("TND", 3),
    ("TRY", 2),
    ("TWD", 2),
    ("UAH", 2),
    ("USD", 2),
    ("ZAR", 2),
];

impl Currency {
    /// The currency with this ISO 4217 code, in any case and without surrounding spaces.
    pub fn parse(code: &str) -> Result<Self> {
        let wanted = code.trim().to_ascii_uppercase();
        KNOWN
            .iter()
            .find(|(known, _)| *known == wanted)
            .map(|&(code, exponent)| Self { code, exponent })
            .ok_or_else(|| Error::UnknownCurrency(code.to_owned()))
    }

    /// The ISO 4217 code, e.g. `EUR`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.code
    }

    /// Digits after the decimal point of its minor unit: 2 for EUR, 0 for JPY, 3 for BHD.
    #[must_use]
    pub fn exponent(self) -> u32 {
        self.exponent
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_in_any_case_with_their_exponent() {
        for (typed, code, exponent) in [("EUR", "EUR", 2), ("eur", "EUR", 2), (" jpy ", "JPY", 0), ("BHD", "BHD", 3)] {
            let currency = Currency::parse(typed).expect(typed);
            assert_eq!((currency.code(), currency.exponent()), (code, exponent), "{typed:?}");
        }
    }

    #[test]
    fn unknown_codes_are_refused_naming_them() {
        for typed in ["", "EU", "EURO", "XXX", "€"] {
            let error = Currency::parse(typed).expect_err(typed);
            assert!(error.to_string().contains(&format!("'{typed}'")), "{error}");
        }
    }

    #[test]
    fn the_table_is_sorted_without_duplicates() {
        assert!(KNOWN.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }
}
