//! The billing crate's one error type: what was wrong with an amount, a currency or a term.

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why an amount, a currency or a term was refused; each message names what is wrong.
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
}
