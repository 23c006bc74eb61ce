//! Card payments through a provider (`shared/BILLING.md` "Payments"): the [`PaymentProvider`]
//! trait and its adapters — [`stripe::Stripe`] (its REST API, form-encoded, webhooks signed
//! with `Stripe-Signature`) and [`test_mode::TestMode`] (the demo's cards, in this process).
//! Tessera keeps only the provider's ids and a card's brand, last four digits and expiry.

pub mod stripe;
pub mod test_mode;

use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;

/// What a provider's call answers, later.
pub type Call<'a, T> = Pin<Box<dyn Future<Output = Result<T, ProviderError>> + Send + 'a>>;

/// Why a provider's call did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// No answer in time, no connection, or a 5xx: it may or may not have been done; the same
    /// call with the same idempotency key is safe to repeat.
    #[error("the payment provider did not answer: {0}")]
    Unavailable(String),
    /// It answered no: a request it could not take (an idempotency key reused with other
    /// amounts, an unknown card).
    #[error("the payment provider refused the request: {0}")]
    Refused(String),
    /// A webhook whose signature is missing, wrong or too old.
    #[error("the webhook's signature is not the provider's")]
    BadSignature,
}

/// A card as Tessera keeps it: never its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The provider's id of the card (`pm_…`).
    pub provider_id: String,
    /// `visa`, `mastercard`, `amex`, …
    pub brand: String,
    pub last4: String,
    pub exp_month: i64,
    pub exp_year: i64,
}

/// A page of the provider's where the customer adds a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupSession {
    pub id: String,
    pub url: String,
}

/// A charge to make.
#[derive(Debug, Clone)]
pub struct ChargeRequest<'a> {
    /// The provider's customer (`cus_…`).
    pub customer: &'a str,
    /// The provider's card (`pm_…`).
    pub card: &'a str,
    pub amount_minor: i64,
    /// ISO 4217, as Tessera writes it (`EUR`).
    pub currency: &'a str,
    /// The same key twice charges once (subscription, period start, change).
    pub idempotency_key: &'a str,
    /// What the customer's statement and the provider's dashboard show.
    pub description: &'a str,
}

/// What a charge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Charged {
    /// The money was taken: the provider's id of the charge (`pi_…`).
    Succeeded { id: String },
    /// The card was declined, with the provider's reason as the customer may read it.
    Declined { reason: String },
}

/// A webhook the provider sent, once its signature is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Webhook {
    /// The customer finished adding a card on the provider's page.
    SetupCompleted { session: String },
    /// Anything else, by its type: acknowledged, not acted on.
    Other(String),
}

/// A card payment provider.
pub trait PaymentProvider: Send + Sync + Debug {
    /// `stripe` or `test`: what payment methods are recorded as.
    fn name(&self) -> &'static str;

    /// Whether nothing is really charged (the demo): every page says "test mode".
    fn test_mode(&self) -> bool;

    /// The origin of the provider's own pages (where "Add a card" sends the customer), when it
    /// is not the portal's.
    fn page_origin(&self) -> Option<String>;

    /// Creates the provider's customer for one of ours; answers its id.
    fn create_customer<'a>(&'a self, email: &'a str, name: &'a str, customer_id: &'a str) -> Call<'a, String>;

    /// Opens the provider's page where `customer` adds a card; it sends them back to
    /// `success_url` (with `{CHECKOUT_SESSION_ID}` replaced) or `cancel_url`.
    fn setup_session<'a>(
        &'a self,
        customer: &'a str,
        success_url: &'a str,
        cancel_url: &'a str,
    ) -> Call<'a, SetupSession>;

    /// The card added in setup session `session`; `None` while it is not complete.
    fn setup_card<'a>(&'a self, session: &'a str) -> Call<'a, Option<Card>>;

    /// Charges a card off session.
    fn charge<'a>(&'a self, request: &'a ChargeRequest<'a>) -> Call<'a, Charged>;

    /// Refunds `amount_minor` of charge `charge`; answers the refund's id.
    fn refund<'a>(&'a self, charge: &'a str, amount_minor: i64, idempotency_key: &'a str) -> Call<'a, String>;

    /// Forgets a card at the provider.
    fn detach<'a>(&'a self, card: &'a str) -> Call<'a, ()>;

    /// Checks a webhook's signature header against its body at Unix time `now` and reads it.
    fn webhook(&self, body: &[u8], signature: &str, now: i64) -> Result<Webhook, ProviderError>;
}
