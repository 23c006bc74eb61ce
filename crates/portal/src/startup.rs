//! Starting the portal: open the database and the keys, bind, build the router (the API, the
//! pages, health and metrics), serve, run the background jobs; and serve connections with
//! hyper set to read far more header than the portal accepts, so the portal itself refuses
//! oversized headers, as a signed `{code, message}` like every other API answer, instead of
//! hyper's bare 431; each request carries its client's address, read behind trusted proxies
//! from `X-Forwarded-For` (`proxies`).

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt as _;

use crate::error::{Error, Result};
use crate::jobs::{self, housekeeping};
use crate::payments::PaymentProvider;
use crate::payments::stripe::Stripe;
use crate::payments::test_mode::TestMode;
use crate::proxies::TrustedProxies;
use crate::services::{licensing, renewals};
use crate::state::AppState;
use crate::{Config, api, config, create_private_dir, keys, mail, state, store};

/// What hyper reads before refusing by itself: well above the portal's own limits.
const HYPER_BUFFER: usize = 1024 * 1024;
const HYPER_HEADERS: usize = 1000;
/// How long requests in flight may finish once a shutdown is asked for.
const DRAIN: Duration = Duration::from_secs(30);

/// Serves `app` on `listener` until `shutdown` resolves, then lets requests in flight finish.
/// Each request's `ConnectInfo` is its client: the TCP peer, or behind one of `proxies` the
/// address its `X-Forwarded-For` gives (what rate limits, sign-in throttles and the event log use).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    proxies: TrustedProxies,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let proxies = Arc::new(proxies);
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder.http1().max_buf_size(HYPER_BUFFER).max_headers(HYPER_HEADERS);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: pause instead of spinning.
                Err(error) => {
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let proxies = proxies.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            let client = proxies.client(remote, request.headers());
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(client));
            app.clone().oneshot(request.map(Body::new))
        });
        let connection = builder.serve_connection_with_upgrades(TokioIo::new(stream), service).into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away mid-request is not the portal's failure.
            let _ = connection.await;
        });
    }
    if tokio::time::timeout(DRAIN, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still running after {} s were cut off", DRAIN.as_secs());
    }
    Ok(())
}

/// A portal ready to serve: database open and migrated, key loaded, port bound.
#[derive(Debug)]
pub struct Portal {
    listener: tokio::net::TcpListener,
    state: state::AppState,
    renewals: renewals::Settings,
    /// Whether [`Portal::serve`] runs the renewal rounds (`Config::renewal_rounds`).
    renewal_rounds: bool,
    /// Whose `X-Forwarded-For` names the client (`Config::trusted_proxies`).
    trusted_proxies: TrustedProxies,
}

impl Portal {
    /// Opens everything `config` names and binds its address.
    pub async fn build(config: &Config) -> Result<Self> {
        create_private_dir(&config.data_dir)?;
        let url = config.database_url();
        let (pool, engine) = store::connect(&url, config.max_connections).await?;
        let keys = keys::KeyRing::load_or_create(&config.signing_key_path())?;
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|e| Error::Internal(format!("cannot listen on {}: {e}", config.listen)))?;
        tracing::info!(database = %config::redact_url(&url), kid = %keys.current.kid(), "portal ready");
        let metrics = Arc::new(crate::telemetry::Metrics::default());
        let mut limits = state::Limits::new(config.sign_in_per_minute, config.key_requests_per_minute);
        if let Some(url) = config.redis_url.as_deref().filter(|url| !url.trim().is_empty()) {
            limits = limits.shared(crate::shared_limits::Shared::connect(url, metrics.clone()).await?);
            tracing::info!(redis = %config::redact_url(url), "rate limits are counted in Redis");
        }
        if !config.trusted_proxies.is_empty() {
            tracing::info!(trusted_proxies = %config.trusted_proxies, "client addresses are read from X-Forwarded-For behind");
        }
        let mut mailer = mail::Mailer::from_config(config);
        let public_url = match &config.public_url {
            Some(url) => url.clone(),
            None => {
                let bound = listener.local_addr().map_err(|e| Error::Internal(e.to_string()))?;
                let url = format!("http://{bound}");
                mailer = mailer.with_public_url(&url);
                url
            }
        };
        let (payments, test_cards) = payment_provider(config, &public_url)?;
        let vendor =
            licensing::Vendor { support_contact: config.support_contact.clone(), public_url: Some(public_url) };
        Ok(Self {
            listener,
            state: state::AppState {
                pool,
                engine,
                readers: store::Readers::for_url(&url).map(Arc::new),
                writer: store::Writer::for_url(&url)?.map(Arc::new),
                keys: Arc::new(keys),
                limits: Arc::new(limits),
                metrics,
                secure_cookies: config.secure_cookies,
                mailer: Arc::new(mailer),
                vendor: Arc::new(vendor),
                order_prefix: Arc::from(config.order_prefix.as_str()),
                payments,
                test_cards,
            },
            renewals: renewals::Settings::from(config),
            renewal_rounds: config.renewal_rounds,
            trusted_proxies: config.trusted_proxies.clone(),
        })
    }

    /// Opens (and migrates) the database `config` names, without serving: for admin commands.
    pub async fn open_database(config: &Config) -> Result<store::Pool> {
        create_private_dir(&config.data_dir)?;
        Ok(store::connect(&config.database_url(), config.max_connections).await?.0)
    }

    /// The address it listens on (the real port when 0 was asked).
    pub fn address(&self) -> Result<SocketAddr> {
        self.listener.local_addr().map_err(|e| Error::Internal(e.to_string()))
    }

    /// The public keys it signs with and has signed with, comma-separated base64 (the form of
    /// `TESSERA_TRUSTED_KEYS`).
    pub fn trusted_keys(&self) -> Result<String> {
        Ok(self.state.keys.trusted()?.iter().map(tessera_core::PublicKey::to_base64).collect::<Vec<_>>().join(","))
    }

    /// The database pool (for seeding and admin commands).
    #[must_use]
    pub fn pool(&self) -> &store::Pool {
        &self.state.pool
    }

    /// The demo's test-mode card provider, when it takes the cards.
    #[must_use]
    pub fn test_cards(&self) -> Option<Arc<TestMode>> {
        self.state.test_cards.clone()
    }

    /// Serves until the process is stopped, running the background jobs whose leases this
    /// process holds (`jobs::lease`); on a graceful stop, gives its leases up so another process
    /// takes the jobs over at once.
    pub async fn serve(self) -> Result<()> {
        let leases = jobs::lease::Leases {
            pool: self.state.pool.clone(),
            holder: Arc::from(jobs::lease::holder_name()),
            metrics: self.state.metrics.clone(),
        };
        tracing::info!(holder = %leases.holder, "background jobs run under leases as");
        let mailer = self.state.mailer.as_ref().clone();
        let mut running = vec![
            tokio::spawn(housekeeping::run(leases.clone())),
            tokio::spawn(jobs::mail::run(leases.clone(), mailer.clone())),
            tokio::spawn(jobs::reminders::run(leases.clone(), mailer.clone())),
        ];
        if self.renewal_rounds {
            running.push(tokio::spawn(jobs::renewals::run(
                leases.clone(),
                mailer,
                self.state.order_prefix.to_string(),
                self.renewals,
                self.state.payments.clone(),
            )));
        }
        let served = serve(self.listener, app(self.state), self.trusted_proxies, shutdown_signal())
            .await
            .map_err(|e| Error::Internal(e.to_string()));
        for job in &running {
            job.abort();
        }
        if let Err(error) = store::leases::release_all(&leases.pool, &leases.holder).await {
            tracing::warn!(%error, "the jobs' leases could not be given up; they run out within a minute");
        }
        served
    }
}

/// The card provider, and the same as the demo's test mode when it is that one.
type Providers = (Option<Arc<dyn PaymentProvider>>, Option<Arc<TestMode>>);

/// The card provider `config` names: the demo's test mode, Stripe with a secret key, or none
/// (bank transfer only).
pub fn payment_provider(config: &Config, public_url: &str) -> Result<Providers> {
    if config.test_cards {
        let cards = Arc::new(TestMode::new(public_url));
        return Ok((Some(cards.clone()), Some(cards)));
    }
    let Some(secret) = config.stripe_secret_key.as_deref().filter(|key| !key.trim().is_empty()) else {
        return Ok((None, None));
    };
    let webhook = config.stripe_webhook_secret.as_deref().unwrap_or_default();
    let timeout = std::time::Duration::from_secs(config.payment_timeout_secs.max(1));
    let stripe = Stripe::new(&config.stripe_api_url, secret, webhook, timeout).map_err(Error::Internal)?;
    tracing::info!(api = %config.stripe_api_url, "cards are charged through Stripe");
    Ok((Some(Arc::new(stripe)), None))
}

/// Ctrl-C, or SIGTERM from systemd, Docker or Kubernetes: finish the requests in flight, then stop.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let terminate = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            () = terminate => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// The whole application: the API, the customer pages, health and metrics.
pub fn app(state: AppState) -> Router {
    // Unknown addresses: the pages' HTML 404, or the API's under /api/, inside the API's layers
    // so that it too is signed.
    api::router(&state, crate::web::not_found)
        // The customer's pages: HTML with their own error pages, so outside the API's layers.
        .merge(crate::web::router(state.clone()))
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route("/metrics", axum::routing::get(crate::telemetry::scrape))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), crate::telemetry::count_requests))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}
