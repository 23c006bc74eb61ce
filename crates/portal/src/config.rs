//! The portal's settings: command-line flags with `TESSERA_*` environment fallbacks.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::proxies::TrustedProxies;

/// Every setting of a running portal. `tessera-portal --help` lists them with their
/// environment variables.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// A TOML file of these settings (keys as below with underscores, e.g. `data_dir`).
    /// Precedence: flags, then environment, then this file, then defaults.
    #[arg(long = "config", env = "TESSERA_CONFIG")]
    pub config_file: Option<PathBuf>,
    /// Directory for the embedded database, the signing key and the mail outbox.
    #[arg(long, env = "TESSERA_DATA_DIR", default_value = "tessera-data")]
    pub data_dir: PathBuf,
    /// Database URL: `sqlite://...` or `postgres://...`. Default: SQLite in the data dir.
    #[arg(long, env = "TESSERA_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "TESSERA_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Path of the Ed25519 signing key (created with mode 0600 if missing).
    /// Default: `signing-key.secret` in the data dir. Several portals on one PostgreSQL
    /// database must share it.
    #[arg(long, env = "TESSERA_SIGNING_KEY")]
    pub signing_key: Option<PathBuf>,
    /// Most database connections per portal process.
    #[arg(long, env = "TESSERA_DB_MAX_CONNECTIONS", default_value_t = 16)]
    pub max_connections: u32,
    /// Sign-in attempts allowed per client address and per e-mail, per minute.
    #[arg(long, env = "TESSERA_SIGN_IN_PER_MINUTE", default_value_t = 10)]
    pub sign_in_per_minute: u32,
    /// Activation, validation and key requests allowed per client address, per minute.
    #[arg(long, env = "TESSERA_KEY_REQUESTS_PER_MINUTE", default_value_t = 600)]
    pub key_requests_per_minute: u32,
    /// The reverse proxies and load balancers in front of the portal, whose `X-Forwarded-For`
    /// names the client: addresses and CIDR ranges, comma-separated, e.g.
    /// `127.0.0.1,10.0.0.0/8,::1`. The client is then the right-most address in that header that
    /// is not itself one of them. Default: none, the header is ignored and the client is the
    /// connection's peer.
    #[arg(
        long,
        env = "TESSERA_TRUSTED_PROXIES",
        value_parser = TrustedProxies::parse,
        default_value = "",
        hide_default_value = true
    )]
    pub trusted_proxies: TrustedProxies,
    /// Redis that counts the rate limits for every portal process sharing it, e.g.
    /// `redis://127.0.0.1:6379/0` (`rediss://` for TLS; a password as `redis://:pass@host`).
    /// Without it, each process counts its own. While Redis does not answer, each process counts
    /// its own too, and says so in its log and in `/metrics`.
    #[arg(long, env = "TESSERA_REDIS_URL", hide_env_values = true)]
    pub redis_url: Option<String>,
    /// Mark the web pages' session cookie `Secure` on every request. Without it, the cookie is
    /// `Secure` only when the request came over https (`X-Forwarded-Proto: https` from a proxy).
    #[arg(long, env = "TESSERA_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// SMTP server for the portal's mail (payments, suspensions, password links), e.g.
    /// `smtps://user:pass@mail.example.com` or `smtp://mail.example.com:587?tls=required`.
    /// Without it, mail is written as `.eml` files into `outbox/` in the data dir.
    #[arg(long, env = "TESSERA_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of the portal's mail.
    #[arg(long, env = "TESSERA_MAIL_FROM", default_value = "Tessera <tessera@localhost>")]
    pub mail_from: String,
    /// The store's address: where "Contact the store" messages from the subscription page go
    /// (Reply-To the customer), e.g. `store@acme.example`. Default: the sender (`--mail-from`).
    #[arg(long, env = "TESSERA_STORE_EMAIL")]
    pub store_email: Option<String>,
    /// The portal's address as customers reach it, for the links in mail, e.g.
    /// `https://licenses.example.com`. Default: `http://` and the listening address.
    #[arg(long, env = "TESSERA_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// How customers reach the vendor's support, shown by the License Manager with every
    /// license: an e-mail address or a web address, e.g. `support@acme.example`.
    #[arg(long, env = "TESSERA_SUPPORT_CONTACT")]
    pub support_contact: Option<String>,
    /// The letters order references start with: orders placed get this prefix and the next
    /// number never used, e.g. `JWT1001`. 1 to 8 capital letters.
    #[arg(long, env = "TESSERA_ORDER_PREFIX", default_value = "JWT", value_parser = order_prefix)]
    pub order_prefix: String,
    /// Where customers transfer the money of an order paid by bank transfer, as the order's
    /// confirmation mail writes it, e.g. `Acme Software Ltd, IBAN BG80 BNBG 9661 1020 3456 78,
    /// BIC BNBGBGSF`.
    #[arg(long, env = "TESSERA_BANK_DETAILS")]
    pub bank_details: Option<String>,
    /// The vendor as its invoices name it: company, address, VAT id, on one line or several
    /// (`\n`), e.g. `Acme Software Ltd, 1 Vitosha Blvd, Sofia, VAT BG123456789`.
    #[arg(long, env = "TESSERA_VENDOR_DETAILS")]
    pub vendor_details: Option<String>,
    /// Days after a subscription's period started that its unpaid bank-transfer charge makes it
    /// past due (0: at once); unpaid past the product's grace days, its license is suspended.
    #[arg(long, env = "TESSERA_PAST_DUE_AFTER_DAYS", default_value_t = 0)]
    pub past_due_after_days: u32,
    /// Days before a bank-transfer subscription's period ends that the next period's order and
    /// invoice are made, so it can be paid before the period starts (0: when it ends).
    #[arg(long, env = "TESSERA_INVOICE_DAYS_AHEAD", default_value_t = 14)]
    pub invoice_days_ahead: u32,
    /// The secret API key of the vendor's Stripe account (`sk_live_…`, or `sk_test_…` for its
    /// test mode): with it, customers pay subscriptions by card. Never logged.
    #[arg(long, env = "TESSERA_STRIPE_SECRET_KEY", hide_env_values = true)]
    pub stripe_secret_key: Option<String>,
    /// The signing secret of the Stripe webhook endpoint `<public URL>/api/v1/payments/stripe`
    /// (`whsec_…`). Never logged.
    #[arg(long, env = "TESSERA_STRIPE_WEBHOOK_SECRET", hide_env_values = true)]
    pub stripe_webhook_secret: Option<String>,
    /// Where Stripe's API answers.
    #[arg(long, env = "TESSERA_STRIPE_API_URL", default_value = "https://api.stripe.com")]
    pub stripe_api_url: String,
    /// Seconds a call to the payment provider may take before it is given up (nothing is then
    /// changed; asked again, it is charged at most once).
    #[arg(long, env = "TESSERA_PAYMENT_TIMEOUT_SECS", default_value_t = 20)]
    pub payment_timeout_secs: u64,
    /// The demo's test-mode card provider instead of a real one (set by `serve --demo` only).
    #[arg(skip)]
    pub test_cards: bool,
    /// Whether a serving portal runs the hourly renewal rounds (always, but for a test that
    /// makes its own rounds with `admin renew` and must not meet one at start).
    #[arg(skip = true)]
    pub renewal_rounds: bool,
}

/// An order prefix: 1 to 8 capital letters A to Z.
fn order_prefix(text: &str) -> Result<String, String> {
    if (1..=8).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(text.to_owned())
    } else {
        Err(format!("'{text}' is not 1 to 8 capital letters A to Z"))
    }
}

impl Config {
    /// A configuration for a portal in `data_dir` on an ephemeral port (tests, demos).
    #[must_use]
    pub fn for_data_dir(data_dir: PathBuf) -> Self {
        Self {
            config_file: None,
            data_dir,
            database_url: None,
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            signing_key: None,
            max_connections: 16,
            sign_in_per_minute: 10,
            key_requests_per_minute: 600,
            trusted_proxies: TrustedProxies::default(),
            redis_url: None,
            secure_cookies: false,
            smtp_url: None,
            mail_from: "Tessera <tessera@localhost>".into(),
            store_email: None,
            public_url: None,
            support_contact: None,
            order_prefix: "JWT".into(),
            bank_details: None,
            vendor_details: None,
            past_due_after_days: 0,
            invoice_days_ahead: 14,
            stripe_secret_key: None,
            stripe_webhook_secret: None,
            stripe_api_url: "https://api.stripe.com".into(),
            payment_timeout_secs: 20,
            test_cards: false,
            renewal_rounds: true,
        }
    }

    /// The database URL in effect.
    #[must_use]
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", self.data_dir.join("portal.db").display()))
    }

    /// The signing key path in effect.
    #[must_use]
    pub fn signing_key_path(&self) -> PathBuf {
        self.signing_key.clone().unwrap_or_else(|| self.data_dir.join("signing-key.secret"))
    }
}

/// The settings a configuration file may hold; every one optional, nothing else allowed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    listen: Option<SocketAddr>,
    signing_key: Option<PathBuf>,
    max_connections: Option<u32>,
    sign_in_per_minute: Option<u32>,
    key_requests_per_minute: Option<u32>,
    /// Parsed like the flag, after the other settings.
    trusted_proxies: Option<String>,
    redis_url: Option<String>,
    secure_cookies: Option<bool>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    store_email: Option<String>,
    public_url: Option<String>,
    support_contact: Option<String>,
    order_prefix: Option<String>,
    bank_details: Option<String>,
    vendor_details: Option<String>,
    past_due_after_days: Option<u32>,
    invoice_days_ahead: Option<u32>,
    stripe_secret_key: Option<String>,
    stripe_webhook_secret: Option<String>,
    stripe_api_url: Option<String>,
    payment_timeout_secs: Option<u64>,
}

impl Config {
    /// Fills every setting that neither a flag nor the environment gave from the file named by
    /// `--config` / `TESSERA_CONFIG`, if any.
    pub fn apply_file(&mut self, matches: &clap::ArgMatches) -> Result<(), String> {
        let Some(path) = self.config_file.clone() else { return Ok(()) };
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let file: FileSettings = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let unset = |id: &str| {
            !matches!(
                matches.value_source(id),
                Some(clap::parser::ValueSource::CommandLine | clap::parser::ValueSource::EnvVariable)
            )
        };
        macro_rules! fill {
            ($field:ident) => {
                if let Some(value) = file.$field
                    && unset(stringify!($field))
                {
                    self.$field = value.into();
                }
            };
        }
        fill!(data_dir);
        fill!(database_url);
        fill!(listen);
        fill!(signing_key);
        fill!(max_connections);
        fill!(sign_in_per_minute);
        fill!(key_requests_per_minute);
        fill!(redis_url);
        fill!(secure_cookies);
        fill!(smtp_url);
        fill!(mail_from);
        fill!(store_email);
        fill!(public_url);
        fill!(support_contact);
        fill!(order_prefix);
        fill!(bank_details);
        fill!(vendor_details);
        fill!(past_due_after_days);
        fill!(invoice_days_ahead);
        fill!(stripe_secret_key);
        fill!(stripe_webhook_secret);
        fill!(stripe_api_url);
        fill!(payment_timeout_secs);
        self.order_prefix =
            order_prefix(&self.order_prefix).map_err(|e| format!("{}: order_prefix: {e}", path.display()))?;
        if let Some(text) = file.trusted_proxies
            && unset("trusted_proxies")
        {
            self.trusted_proxies =
                TrustedProxies::parse(&text).map_err(|e| format!("{}: trusted_proxies: {e}", path.display()))?;
        }
        Ok(())
    }
}

/// A database URL fit for logs: the password, if any, replaced.
#[must_use]
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            let user = credentials.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(redact_url("postgres://tessera:s3cret@db:5432/lic"), "postgres://tessera:***@db:5432/lic");
        assert_eq!(redact_url("postgres://db:5432/lic"), "postgres://db:5432/lic");
        assert_eq!(redact_url("sqlite:///var/lib/tessera/portal.db"), "sqlite:///var/lib/tessera/portal.db");
    }
}
