//! What the portal mails and where each mail stands in the queue.

use std::fmt;

use super::order::words;

/// Why a mail was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    /// An order was placed: what it holds, its total and how to pay it.
    OrderPlaced,
    /// The payment of an order was recorded: its licenses, the activation key, how to activate.
    PaymentRecorded,
    LicenseSuspended,
    LicenseRevoked,
    /// A link to set a new password (a forgotten one).
    PasswordReset,
    /// A link to set the password of a new account.
    Invitation,
    /// The activation key again, sent by staff at the customer's request.
    KeyResent,
    /// A license's term ends in 90, 30 or 7 days: it is not renewed automatically.
    TermEnding,
    /// A license's term has ended.
    TermEnded,
    /// The order charging a subscription's period is unpaid: its license is suspended on a day
    /// unless the payment arrives.
    PaymentOverdue,
}

words!(
    MailKind,
    "a kind of mail",
    OrderPlaced = "order_placed",
    PaymentRecorded = "payment_recorded",
    LicenseSuspended = "license_suspended",
    LicenseRevoked = "license_revoked",
    PasswordReset = "password_reset",
    Invitation = "invitation",
    KeyResent = "key_resent",
    TermEnding = "term_ending",
    TermEnded = "term_ended",
    PaymentOverdue = "payment_overdue"
);

/// Where a mail stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MailStatus {
    /// Waiting for its (next) attempt.
    Queued,
    /// The mail server took it.
    Sent,
    /// Given up after its attempts, or refused for good by the server; staff may resend it.
    Failed,
}

words!(MailStatus, "a mail status", Queued = "queued", Sent = "sent", Failed = "failed");
