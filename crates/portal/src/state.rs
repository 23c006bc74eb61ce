//! What every handler can reach: the pool, the keys, the rate limits, the metrics, the mailer
//! and the vendor's contact; and the request limits the API and the pages share.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota};

use crate::error::{Error, Result};
use crate::keys::KeyRing;
use crate::store::{self, Engine};

/// Largest request body accepted (request files are a few kilobytes).
pub const BODY_LIMIT: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    pub pool: store::Pool,
    pub engine: Engine,
    pub keys: Arc<KeyRing>,
    pub limits: Arc<Limits>,
    pub metrics: Arc<crate::telemetry::Metrics>,
    /// Whether the web pages' session cookie is always `Secure` (see `Config::secure_cookies`).
    pub secure_cookies: bool,
    /// Where password-reset mail goes (SMTP or the outbox).
    pub mailer: Arc<crate::mail::Mailer>,
    /// The vendor's support contact and public address, written into every license file.
    pub vendor: Arc<crate::services::licensing::Vendor>,
    /// What the references of orders placed here start with (`Config::order_prefix`).
    pub order_prefix: Arc<str>,
    /// The card provider, when the portal takes cards (`--stripe-secret-key`, or the demo's).
    pub payments: Option<Arc<dyn crate::payments::PaymentProvider>>,
    /// The demo's test-mode provider, whose card page the portal serves itself.
    pub test_cards: Option<Arc<crate::payments::test_mode::TestMode>>,
}

/// Rate limiters, per client address and per account.
#[derive(Debug)]
pub struct Limits {
    sign_in_by_address: DefaultKeyedRateLimiter<String>,
    sign_in_by_account: DefaultKeyedRateLimiter<String>,
    keys_by_address: DefaultKeyedRateLimiter<String>,
    bad_tokens_by_address: DefaultKeyedRateLimiter<String>,
    contact_by_customer: DefaultKeyedRateLimiter<String>,
    invites_by_customer: DefaultKeyedRateLimiter<String>,
    partner_calls_by_token: DefaultKeyedRateLimiter<String>,
    user_codes_by_account: DefaultKeyedRateLimiter<String>,
}

/// One-time codes one address may be mailed an hour (each is a mail to an address typed).
pub const USER_CODES_PER_HOUR: u32 = 5;

/// Messages a customer may send the store an hour (Contact the store).
pub const CONTACTS_PER_HOUR: u32 = 5;

/// Partner API calls one token may make a minute (per portal process).
pub const PARTNER_CALLS_PER_MINUTE: u32 = 300;

/// Users a company admin may invite an hour (each invitation is a mail to an address typed).
pub const INVITES_PER_HOUR: u32 = 20;

impl Limits {
    /// Limiters allowing `sign_in` sign-ins and `key_requests` key requests per minute.
    #[must_use]
    pub fn new(sign_in: u32, key_requests: u32) -> Self {
        let per_minute = |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN));
        Self {
            sign_in_by_address: DefaultKeyedRateLimiter::keyed(per_minute(sign_in)),
            sign_in_by_account: DefaultKeyedRateLimiter::keyed(per_minute(sign_in)),
            keys_by_address: DefaultKeyedRateLimiter::keyed(per_minute(key_requests)),
            bad_tokens_by_address: DefaultKeyedRateLimiter::keyed(per_minute(sign_in)),
            contact_by_customer: DefaultKeyedRateLimiter::keyed(Quota::per_hour(
                NonZeroU32::new(CONTACTS_PER_HOUR).unwrap_or(NonZeroU32::MIN),
            )),
            invites_by_customer: DefaultKeyedRateLimiter::keyed(Quota::per_hour(
                NonZeroU32::new(INVITES_PER_HOUR).unwrap_or(NonZeroU32::MIN),
            )),
            partner_calls_by_token: DefaultKeyedRateLimiter::keyed(per_minute(PARTNER_CALLS_PER_MINUTE)),
            user_codes_by_account: DefaultKeyedRateLimiter::keyed(Quota::per_hour(
                NonZeroU32::new(USER_CODES_PER_HOUR).unwrap_or(NonZeroU32::MIN),
            )),
        }
    }

    fn check(limiter: &DefaultKeyedRateLimiter<String>, key: String) -> Result<()> {
        limiter.check_key(&key).map_err(|not_until| {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
            // Rounded up: a client waiting exactly this long must get through.
            Error::RateLimited((wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1))
        })
    }

    /// One sign-in attempt from `address` for `account`.
    pub fn sign_in(&self, address: SocketAddr, account: &str) -> Result<()> {
        Self::check(&self.sign_in_by_address, address.ip().to_string())?;
        Self::check(&self.sign_in_by_account, account.to_lowercase())
    }

    /// One request for a named user's one-time code from `address` for `account`: counted with
    /// the sign-ins of the client address, and at most [`USER_CODES_PER_HOUR`] for the account.
    pub fn user_code(&self, address: SocketAddr, account: &str) -> Result<()> {
        Self::check(&self.sign_in_by_address, address.ip().to_string())?;
        Self::check(&self.user_codes_by_account, account.to_lowercase())
    }

    /// One vendor API call from `address` whose token opened nothing: guessing is slowed down,
    /// a shop with its right token is never held up.
    pub fn bad_token(&self, address: SocketAddr) -> Result<()> {
        Self::check(&self.bad_tokens_by_address, address.ip().to_string())
    }

    /// One Partner API call with the token whose id is `token_id`.
    pub fn partner_call(&self, token_id: &str) -> Result<()> {
        Self::check(&self.partner_calls_by_token, token_id.to_owned())
    }

    /// One message to the store from customer `customer`.
    pub fn contact(&self, customer: &str) -> Result<()> {
        Self::check(&self.contact_by_customer, customer.to_owned())
    }

    /// One invitation sent by a company admin of customer `customer`.
    pub fn invite(&self, customer: &str) -> Result<()> {
        Self::check(&self.invites_by_customer, customer.to_owned())
    }

    /// One activation, validation or key request from `address`.
    pub fn key_request(&self, address: SocketAddr) -> Result<()> {
        Self::check(&self.keys_by_address, address.ip().to_string())
    }
}
