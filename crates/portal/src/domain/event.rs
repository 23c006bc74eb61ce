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
    CustomerAdded,
    ApiTokenCreated,
    ApiTokenRevoked,
    MailResent,
    OrderCancelled,
    OrderRefunded,
    StaffCreated,
    MachineActivated,
    LicenseRefreshed,
    MachineDeactivated,
    LicenseTermExtended,
    LicenseLimitsChanged,
    KeyResent,
    PasswordChanged,
    ProductAdded,
    ProductChanged,
    EditionAdded,
    EditionChanged,
    PlanAdded,
    PlanChanged,
    PlanRetired,
    PlanOnSale,
    NewsPublished,
    NewsWithdrawn,
    ContractAdded,
    ContractStatusChanged,
    StaffTwoFactorOn,
    StaffTwoFactorOff,
    SubscriptionStarted,
    SubscriptionChanged,
    /// A company admin bound a seat to one of the company's users.
    SeatBound,
    /// A company admin unbound a seat.
    SeatUnbound,
    /// A partner or reseller linked its client to a customer company (its administrator named).
    ClientLinked,
}

words!(
    EventKind,
    "a kind of event",
    OrderPlaced = "order_placed",
    PaymentRecorded = "payment_recorded",
    LicenseIssued = "license_issued",
    LicenseStatusChanged = "license_status_changed",
    CustomerAdded = "customer_added",
    ApiTokenCreated = "api_token_created",
    ApiTokenRevoked = "api_token_revoked",
    MailResent = "mail_resent",
    OrderCancelled = "order_cancelled",
    OrderRefunded = "order_refunded",
    StaffCreated = "staff_created",
    MachineActivated = "machine_activated",
    LicenseRefreshed = "license_refreshed",
    MachineDeactivated = "machine_deactivated",
    LicenseTermExtended = "license_term_extended",
    LicenseLimitsChanged = "license_limits_changed",
    KeyResent = "key_resent",
    PasswordChanged = "password_changed",
    ProductAdded = "product_added",
    ProductChanged = "product_changed",
    EditionAdded = "edition_added",
    EditionChanged = "edition_changed",
    PlanAdded = "plan_added",
    PlanChanged = "plan_changed",
    PlanRetired = "plan_retired",
    PlanOnSale = "plan_on_sale",
    NewsPublished = "news_published",
    NewsWithdrawn = "news_withdrawn",
    ContractAdded = "contract_added",
    ContractStatusChanged = "contract_status_changed",
    StaffTwoFactorOn = "staff_two_factor_on",
    StaffTwoFactorOff = "staff_two_factor_off",
    SubscriptionStarted = "subscription_started",
    SubscriptionChanged = "subscription_changed",
    SeatBound = "seat_bound",
    SeatUnbound = "seat_unbound",
    ClientLinked = "client_linked"
);

/// Who acted, as the log names them: `cli`, `staff:<e-mail>`, `api:<token name>`,
/// `customer:<id>`, `machine:<id>`, `system`; and from which address, when over the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(String, Option<String>);

impl Actor {
    /// The vendor's operator at the shell (`tessera-portal admin`).
    #[must_use]
    pub fn cli() -> Self {
        Self("cli".into(), None)
    }

    /// The portal itself (jobs, the demo).
    #[must_use]
    pub fn system() -> Self {
        Self("system".into(), None)
    }

    /// A member of the vendor's staff, by e-mail.
    #[must_use]
    pub fn staff(email: &super::Email) -> Self {
        Self(format!("staff:{email}"), None)
    }

    /// A customer's signed-in account.
    #[must_use]
    pub fn customer(id: &super::CustomerId) -> Self {
        Self(format!("customer:{id}"), None)
    }

    /// The vendor's shop or CRM, by the name of its API token.
    #[must_use]
    pub fn api(token_name: &str) -> Self {
        Self(format!("api:{token_name}"), None)
    }

    /// A partner's or reseller's program, by the name of its partner API token.
    #[must_use]
    pub fn partner(token_name: &str) -> Self {
        Self(format!("partner:{token_name}"), None)
    }

    /// The License Manager (or `tessera`) of a machine, by the machine's id.
    #[must_use]
    pub fn machine(id: &super::MachineId) -> Self {
        Self(format!("machine:{id}"), None)
    }

    /// The same actor, acting from `address` when there is one.
    #[must_use]
    pub fn from_maybe(self, address: Option<std::net::SocketAddr>) -> Self {
        match address {
            Some(address) => self.from_address(address),
            None => self,
        }
    }

    /// The same actor, acting from `address`.
    #[must_use]
    pub fn from_address(self, address: std::net::SocketAddr) -> Self {
        Self(self.0, Some(address.ip().to_string()))
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address it acted from, when over the network.
    #[must_use]
    pub fn source_ip(&self) -> Option<&str> {
        self.1.as_deref()
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
