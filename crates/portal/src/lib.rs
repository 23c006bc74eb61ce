//! Tessera Portal: the vendor's licensing server.
//!
//! [`Portal::build`] opens the database, loads the signing key and binds the listener, so a
//! test can start a real portal on port 0 and learn its address; [`Portal::serve`] runs it.

pub mod accounts;
pub mod admin;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod housekeeping;
pub mod http;
pub mod keys;
pub mod licensing;
pub mod mail;
pub mod server;
pub mod web;

use std::net::SocketAddr;
use std::sync::Arc;

use sqlx::AnyPool;

pub use config::Config;
pub use error::{Error, Result};

/// Creates the data dir readable by its owner only: it holds the database (with customers'
/// activation keys) and the signing key.
pub(crate) fn create_private_dir(dir: &std::path::Path) -> Result<()> {
    let fail = |e: std::io::Error| Error::Internal(format!("cannot create {}: {e}", dir.display()));
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(fail)
}

/// A portal ready to serve: database open and migrated, key loaded, port bound.
#[derive(Debug)]
pub struct Portal {
    listener: tokio::net::TcpListener,
    state: http::AppState,
}

impl Portal {
    /// Opens everything `config` names and binds its address.
    pub async fn build(config: &Config) -> Result<Self> {
        create_private_dir(&config.data_dir)?;
        let url = config.database_url();
        let (pool, engine) = db::connect(&url, config.max_connections).await?;
        let keys = keys::KeyRing::load_or_create(&config.signing_key_path())?;
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|e| Error::Internal(format!("cannot listen on {}: {e}", config.listen)))?;
        tracing::info!(database = %config::redact_url(&url), kid = %keys.current.kid(), "portal ready");
        let limits = http::Limits::new(config.sign_in_per_minute, config.key_requests_per_minute);
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
        let vendor =
            licensing::Vendor { support_contact: config.support_contact.clone(), public_url: Some(public_url) };
        Ok(Self {
            listener,
            state: http::AppState {
                pool,
                engine,
                keys: Arc::new(keys),
                limits: Arc::new(limits),
                metrics: Arc::default(),
                secure_cookies: config.secure_cookies,
                mailer: Arc::new(mailer),
                vendor: Arc::new(vendor),
            },
        })
    }

    /// Opens (and migrates) the database `config` names, without serving: for admin commands.
    pub async fn open_database(config: &Config) -> Result<AnyPool> {
        create_private_dir(&config.data_dir)?;
        Ok(db::connect(&config.database_url(), config.max_connections).await?.0)
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
    pub fn pool(&self) -> &AnyPool {
        &self.state.pool
    }

    /// Serves until the process is stopped.
    pub async fn serve(self) -> Result<()> {
        let housekeeping = tokio::spawn(housekeeping::run(self.state.pool.clone()));
        let served = server::serve(self.listener, http::app(self.state), shutdown_signal())
            .await
            .map_err(|e| Error::Internal(e.to_string()));
        housekeeping.abort();
        served
    }
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
