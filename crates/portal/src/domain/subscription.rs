//! A subscription's life (`trialing → active → past_due → suspended`, `cancelling → ended`).

use std::fmt;

use super::order::words;

/// Where a subscription stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionStatus {
    /// In its trial: the license ends with the trial unless bought.
    Trialing,
    /// Paid for the current period; renews at its end.
    Active,
    /// A renewal's charge failed; retried, then suspended.
    PastDue,
    /// Unpaid past the product's grace days: the license is suspended until paid.
    Suspended,
    /// Ends at the period's end; "Resume" until then.
    Cancelling,
    /// Over: the license ran out with it.
    Ended,
}

words!(
    SubscriptionStatus,
    "a subscription status",
    Trialing = "trialing",
    Active = "active",
    PastDue = "past_due",
    Suspended = "suspended",
    Cancelling = "cancelling",
    Ended = "ended"
);

impl SubscriptionStatus {
    /// Whether its customer can still change it (users, plan, cancel or resume).
    #[must_use]
    pub fn changeable(self) -> bool {
        matches!(self, Self::Active | Self::PastDue | Self::Cancelling)
    }
}
