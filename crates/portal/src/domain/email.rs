//! An e-mail address as the portal compares and keeps it: trimmed and in lower case, the one
//! spelling every lookup, every stored address and every rate limit uses.

use std::fmt;
use std::ops::Deref;

/// An e-mail address, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// The address as typed, without the spaces around it and in lower case.
    ///
    /// ```
    /// use tessera_portal::domain::Email;
    /// assert_eq!(Email::normalized("  Demo@Northwind.Example ").as_str(), "demo@northwind.example");
    /// ```
    #[must_use]
    pub fn normalized(typed: &str) -> Self {
        Self(typed.trim().to_lowercase())
    }

    /// The address.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address, owned.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }
}

impl Deref for Email {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
