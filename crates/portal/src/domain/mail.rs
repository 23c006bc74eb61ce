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
    /// A subscription's trial started: until when, with which plan and users.
    TrialStarted,
    /// A trial bought: the plan, the users, what was charged and the next charge's day.
    SubscriptionBought,
    /// A subscription changed: users added or reduced, another plan now or at the period end.
    SubscriptionChanged,
    /// A subscription cancelled (the day access ends) or resumed.
    SubscriptionCancelled,
    SubscriptionResumed,
    /// A subscription rolled into its next period: the period and its amount.
    SubscriptionRenewed,
    /// A subscription ended (cancelled, or a trial not bought).
    SubscriptionEnded,
    /// The card was declined for a subscription's period: when it is tried again.
    CardDeclined,
    /// A customer's message to the store about a subscription (Reply-To the customer).
    StoreContact,
    /// A seat was bound to the user: they now have access to a product.
    SeatBound,
    /// The user's seat was unbound: their access ended.
    SeatUnbound,
    /// A partner or reseller linked its client to an existing customer company: to the
    /// administrator it named, so the company knows (and can object).
    ClientLinked,
    /// A client's term bought from a partner's or reseller's pool ends in 90, 30 or 7 days and
    /// is not renewed yet (to the seller's contact, and to the client company).
    ClientTermEnding,
    /// A named user's one-time code, to activate a computer without the password.
    UserCode,
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
    PaymentOverdue = "payment_overdue",
    TrialStarted = "trial_started",
    SubscriptionBought = "subscription_bought",
    SubscriptionChanged = "subscription_changed",
    SubscriptionCancelled = "subscription_cancelled",
    SubscriptionResumed = "subscription_resumed",
    SubscriptionRenewed = "subscription_renewed",
    SubscriptionEnded = "subscription_ended",
    CardDeclined = "card_declined",
    StoreContact = "store_contact",
    SeatBound = "seat_bound",
    SeatUnbound = "seat_unbound",
    ClientTermEnding = "client_term_ending",
    ClientLinked = "client_linked",
    UserCode = "user_code"
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
