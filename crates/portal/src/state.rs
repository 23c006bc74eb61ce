//! What every handler can reach: the pool, the keys, the rate limits, the metrics, the mailer
//! and the vendor's contact; and the request limits the API and the pages share.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota};

use crate::error::{Error, Result};
use crate::keys::KeyRing;
use crate::shared_limits::{Count, Shared};
use crate::store::{self, Engine};

/// Largest request body accepted (request files are a few kilobytes).
pub const BODY_LIMIT: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    pub pool: store::Pool,
    pub engine: Engine,
    /// Read-only connections for the hottest reads, on embedded SQLite only.
    pub readers: Option<Arc<store::Readers>>,
    /// The writer of the hottest write (taking a seat), on embedded SQLite only.
    pub writer: Option<Arc<store::Writer>>,
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

/// One limit: its name (in Redis), how many hits a window, and this process's own limiter.
#[derive(Debug)]
struct Limiter {
    name: &'static str,
    limit: u32,
    window: Duration,
    local: DefaultKeyedRateLimiter<String>,
}

impl Limiter {
    fn per_minute(name: &'static str, limit: u32) -> Self {
        let limit = limit.max(1);
        let quota = Quota::per_minute(NonZeroU32::new(limit).unwrap_or(NonZeroU32::MIN));
        Self { name, limit, window: Duration::from_secs(60), local: DefaultKeyedRateLimiter::keyed(quota) }
    }

    fn per_hour(name: &'static str, limit: u32) -> Self {
        let limit = limit.max(1);
        let quota = Quota::per_hour(NonZeroU32::new(limit).unwrap_or(NonZeroU32::MIN));
        Self { name, limit, window: Duration::from_secs(3600), local: DefaultKeyedRateLimiter::keyed(quota) }
    }

    /// Counts in this process only.
    fn check_local(&self, key: &str) -> Result<()> {
        self.local.check_key(&key.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
            // Rounded up: a client waiting exactly this long must get through.
            Error::RateLimited((wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1))
        })
    }
}

/// Rate limiters, per client address and per account: counted in Redis and so shared by every
/// portal process when the portal has `--redis-url` (a fixed window per key), else in each
/// process (a token bucket of the same size), and in each process too while Redis does not
/// answer (`shared_limits`).
#[derive(Debug)]
pub struct Limits {
    sign_in_by_address: Limiter,
    sign_in_by_account: Limiter,
    keys_by_address: Limiter,
    bad_tokens_by_address: Limiter,
    contact_by_customer: Limiter,
    invites_by_customer: Limiter,
    partner_calls_by_token: Limiter,
    user_codes_by_account: Limiter,
    shared: Option<Arc<Shared>>,
}

/// One-time codes one address may be mailed an hour (each is a mail to an address typed).
pub const USER_CODES_PER_HOUR: u32 = 5;

/// Messages a customer may send the store an hour (Contact the store).
pub const CONTACTS_PER_HOUR: u32 = 5;

/// Partner API calls one token may make a minute (per portal process, or in all of them with
/// `--redis-url`).
pub const PARTNER_CALLS_PER_MINUTE: u32 = 300;

/// Users a company admin may invite an hour (each invitation is a mail to an address typed).
pub const INVITES_PER_HOUR: u32 = 20;

impl Limits {
    /// Limiters allowing `sign_in` sign-ins and `key_requests` key requests per minute, counted
    /// in this process.
    #[must_use]
    pub fn new(sign_in: u32, key_requests: u32) -> Self {
        Self {
            sign_in_by_address: Limiter::per_minute("sign_in_address", sign_in),
            sign_in_by_account: Limiter::per_minute("sign_in_account", sign_in),
            keys_by_address: Limiter::per_minute("keys_address", key_requests),
            bad_tokens_by_address: Limiter::per_minute("bad_token_address", sign_in),
            contact_by_customer: Limiter::per_hour("contact_customer", CONTACTS_PER_HOUR),
            invites_by_customer: Limiter::per_hour("invites_customer", INVITES_PER_HOUR),
            partner_calls_by_token: Limiter::per_minute("partner_token", PARTNER_CALLS_PER_MINUTE),
            user_codes_by_account: Limiter::per_hour("user_codes_account", USER_CODES_PER_HOUR),
            shared: None,
        }
    }

    /// The same limits counted in Redis, shared by every process that counts there.
    #[must_use]
    pub fn shared(self, shared: Arc<Shared>) -> Self {
        Self { shared: Some(shared), ..self }
    }

    async fn check(&self, limiter: &Limiter, key: &str) -> Result<()> {
        if let Some(shared) = &self.shared {
            match shared.count(limiter.name, key, limiter.limit, limiter.window).await {
                Some(Count::Allowed) => return Ok(()),
                Some(Count::Refused(seconds)) => return Err(Error::RateLimited(seconds)),
                // Redis did not answer (logged and counted there): this process counts.
                None => {}
            }
        }
        limiter.check_local(key)
    }

    /// One sign-in attempt from `address` for `account`.
    pub async fn sign_in(&self, address: SocketAddr, account: &str) -> Result<()> {
        self.check(&self.sign_in_by_address, &address.ip().to_string()).await?;
        self.check(&self.sign_in_by_account, &account.to_lowercase()).await
    }

    /// One request for a named user's one-time code from `address` for `account`: counted with
    /// the sign-ins of the client address, and at most [`USER_CODES_PER_HOUR`] for the account.
    pub async fn user_code(&self, address: SocketAddr, account: &str) -> Result<()> {
        self.check(&self.sign_in_by_address, &address.ip().to_string()).await?;
        self.check(&self.user_codes_by_account, &account.to_lowercase()).await
    }

    /// One vendor API call from `address` whose token opened nothing: guessing is slowed down,
    /// a shop with its right token is never held up.
    pub async fn bad_token(&self, address: SocketAddr) -> Result<()> {
        self.check(&self.bad_tokens_by_address, &address.ip().to_string()).await
    }

    /// One Partner API call with the token whose id is `token_id`.
    pub async fn partner_call(&self, token_id: &str) -> Result<()> {
        self.check(&self.partner_calls_by_token, token_id).await
    }

    /// One message to the store from customer `customer`.
    pub async fn contact(&self, customer: &str) -> Result<()> {
        self.check(&self.contact_by_customer, customer).await
    }

    /// One invitation sent by a company admin of customer `customer`.
    pub async fn invite(&self, customer: &str) -> Result<()> {
        self.check(&self.invites_by_customer, customer).await
    }

    /// One activation, validation or key request from `address`.
    pub async fn key_request(&self, address: SocketAddr) -> Result<()> {
        self.check(&self.keys_by_address, &address.ip().to_string()).await
    }
}
