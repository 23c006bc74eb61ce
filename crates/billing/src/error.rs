//! The billing crate's one error type: what was wrong with an amount, a currency, a term, a
//! period or a quote.

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why an amount, a currency, a term, a period or a quote was refused; each message names what
/// is wrong (and, for a quote, the field).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("'{0}' is not a currency this portal bills in (an ISO 4217 code such as EUR, USD or JPY)")]
    UnknownCurrency(String),
    #[error("'{text}' is not an amount in {currency} (digits, and at most {exponent} after the point)")]
    BadAmount { text: String, currency: &'static str, exponent: u32 },
    #[error("amounts in {0} and {1} cannot be added")]
    CurrencyMismatch(&'static str, &'static str),
    #[error("the amount is too large")]
    Overflow,
    #[error("{0}")]
    BadQuantity(String),
    #[error("'{0}' is not a term (perpetual, or a number of months or years: 1m, 12m, 1y, 3y)")]
    BadTerm(String),
    #[error("'{0}' is not an interval (month or year)")]
    BadInterval(String),
    #[error("{date} is before the subscription's anchor {anchor}: it had not started")]
    BeforeAnchor { date: chrono::NaiveDate, anchor: chrono::NaiveDate },
    /// A field of a subscription, a change or a quote refused; `field` is its path in the
    /// quote's JSON (`changes[1].at`).
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
    /// The quote's JSON is malformed or has an unknown or missing field (serde's message names it).
    #[error("the quote is not valid: {0}")]
    BadQuote(String),
}

impl Error {
    /// `reason` (an error or a message) about the field at `field`.
    pub fn invalid(field: impl Into<String>, reason: impl ToString) -> Self {
        Self::Invalid { field: field.into(), reason: reason.to_string() }
    }
}
