//! An order's life (`awaiting_payment → paid → refunded | cancelled`) and how it is paid.

use std::fmt;

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Placed; its licenses are issued when the payment is recorded.
    AwaitingPayment,
    Paid,
    Cancelled,
    Refunded,
}

/// How an order is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// An invoice with the vendor's bank details; staff record the transfer.
    BankTransfer,
    /// Through a payment provider.
    Card,
}

/// `code`, `parse` and `Display` for an enum of stored words, and `ALL` its values.
macro_rules! words {
    ($type:ident, $what:literal, $($variant:ident = $word:literal),+) => {
        impl $type {
            /// Every value, in order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The word stored and typed for it.
            #[must_use]
            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $word),+
                }
            }

            /// The value of a word, as typed or stored.
            pub fn parse(word: &str) -> crate::Result<Self> {
                Self::ALL.iter().copied().find(|value| value.code() == word.trim()).ok_or_else(|| {
                    let known: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                    crate::Error::BadRequest(format!(concat!("'{}' is not ", $what, " ({})"), word, known.join(", ")).into())
                })
            }
        }

        impl TryFrom<String> for $type {
            type Error = crate::Error;

            fn try_from(word: String) -> crate::Result<Self> {
                Self::parse(&word)
            }
        }

        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub(crate) use words;

words!(
    OrderStatus,
    "an order status",
    AwaitingPayment = "awaiting_payment",
    Paid = "paid",
    Cancelled = "cancelled",
    Refunded = "refunded"
);
words!(PaymentMethod, "a payment method", BankTransfer = "bank_transfer", Card = "card");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_back_and_unknown_ones_are_named() {
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(status.code()).expect("known"), *status);
        }
        for method in PaymentMethod::ALL {
            assert_eq!(PaymentMethod::parse(method.code()).expect("known"), *method);
        }
        let error = PaymentMethod::parse("cash").expect_err("unknown").to_string();
        assert_eq!(error, "'cash' is not a payment method (bank_transfer, card)");
    }
}
