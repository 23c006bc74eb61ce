//! Housekeeping: expired sessions and spent or expired password links are deleted, at start and
//! then hourly, so the tables that every visitor adds to do not grow without end.
//!
//! `used_nonces` is left alone: an honoured receipt's nonce must stay refused for as long as the
//! receipt could be presented again.

use std::time::Duration;

use sqlx::AnyPool;

use crate::Result;
use crate::db;

/// How often [`run`] purges.
pub const INTERVAL: Duration = Duration::from_secs(3600);

/// What one purge deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub web_sessions: u64,
    pub api_sessions: u64,
    pub reset_links: u64,
}

/// Deletes what stopped working before `now` (Unix seconds).
pub async fn purge(pool: &AnyPool, now: i64) -> Result<Purged> {
    let web_sessions =
        sqlx::query("DELETE FROM web_sessions WHERE expires_at <= $1").bind(now).execute(pool).await?.rows_affected();
    let api_sessions =
        sqlx::query("DELETE FROM api_sessions WHERE expires_at <= $1").bind(now).execute(pool).await?.rows_affected();
    // A used link and an unknown one get the same page: nothing is lost by forgetting it.
    let reset_links = sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1 OR used_at IS NOT NULL")
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected();
    Ok(Purged { web_sessions, api_sessions, reset_links })
}

/// Purges now and every [`INTERVAL`], for as long as the portal serves. A failed purge is
/// logged and tried again at the next tick: it never stops the portal.
pub async fn run(pool: AnyPool) {
    let mut ticks = tokio::time::interval(INTERVAL);
    loop {
        ticks.tick().await;
        match purge(&pool, db::now()).await {
            Ok(purged) if purged != Purged::default() => tracing::info!(?purged, "expired sessions and links deleted"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "housekeeping failed; trying again in an hour"),
        }
    }
}
