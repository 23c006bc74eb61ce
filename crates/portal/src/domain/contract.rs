//! What a contract is (seed 002's Contracts page): its document type, the support subscription
//! it is for and where it stands. Stored and shown by their codes; the pages name each code in
//! the customer's language.

use std::fmt;

/// Declares a closed set of codes: the enum, its codes in order, parsing and display.
macro_rules! codes {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every code, in order (what the admin command accepts).
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The stored and shown code.
            #[must_use]
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// The value of a code; `None` for any other text.
            #[must_use]
            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

codes! {
    /// A contract or an annex to one.
    DocumentType { Contract = "contract", Annex = "annex" }
}

codes! {
    /// The support subscription a contract is for.
    Subscription { Monthly = "monthly", Annual = "annual" }
}

codes! {
    /// Where a contract stands.
    ContractStatus { Active = "active", Expired = "expired", Terminated = "terminated", Draft = "draft" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_itself_and_nothing_else_parses() {
        for code in ContractStatus::CODES {
            assert_eq!(ContractStatus::parse(code).map(ContractStatus::code), Some(*code));
        }
        assert_eq!(DocumentType::parse("annex"), Some(DocumentType::Annex));
        assert_eq!(Subscription::parse("Annual"), None, "codes are exact");
        assert_eq!(ContractStatus::Terminated.to_string(), "terminated");
    }
}
