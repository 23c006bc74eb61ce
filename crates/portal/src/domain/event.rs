//! What the event log records: the kinds of event and who acted.

use std::fmt;

use super::order::words;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    OrderPlaced,
    PaymentRecorded,
    LicenseIssued,
    LicenseStatusChanged,
}

words!(
    EventKind,
    "a kind of event",
    OrderPlaced = "order_placed",
    PaymentRecorded = "payment_recorded",
    LicenseIssued = "license_issued",
    LicenseStatusChanged = "license_status_changed"
);

/// Who acted, as the log names them: `cli`, `staff:<e-mail>`, `api:<token>`, `customer:<id>`,
/// `machine:<id>`, `system`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(String);

impl Actor {
    /// The vendor's operator at the shell (`tessera-portal admin`).
    #[must_use]
    pub fn cli() -> Self {
        Self("cli".into())
    }

    /// The portal itself (jobs, the demo).
    #[must_use]
    pub fn system() -> Self {
        Self("system".into())
    }

    /// A member of the vendor's staff, by e-mail.
    #[must_use]
    pub fn staff(email: &super::Email) -> Self {
        Self(format!("staff:{email}"))
    }

    /// A customer's signed-in account.
    #[must_use]
    pub fn customer(id: &super::CustomerId) -> Self {
        Self(format!("customer:{id}"))
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
