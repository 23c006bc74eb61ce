//! Housekeeping: expired sessions, spent or expired password links and named users' ended
//! one-time codes are deleted, at start and then hourly, so the tables that every visitor adds to do not grow without end.
//!
//! `used_nonces` is left alone: an honoured receipt's nonce must stay refused for as long as the
//! receipt could be presented again.

use std::time::Duration;

use super::lease::Leases;
use crate::Result;
use crate::store::{self, Pool};

/// How often [`run`] purges.
pub const INTERVAL: Duration = Duration::from_secs(3600);

/// What one purge deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub web_sessions: u64,
    pub api_sessions: u64,
    pub reset_links: u64,
    pub user_codes: u64,
}

/// Deletes what stopped working before `now` (Unix seconds).
pub async fn purge(pool: &Pool, now: i64) -> Result<Purged> {
    let (web_sessions, api_sessions) = store::sessions::purge_expired(pool, now).await?;
    let reset_links = store::accounts::purge_resets(pool, now).await?;
    let user_codes = store::user_codes::delete_ended(pool, now).await?;
    Ok(Purged { web_sessions, api_sessions, reset_links, user_codes })
}

/// The job's name in the lease table.
pub const LEASE: &str = "housekeeping";

/// Purges every [`INTERVAL`] (and at once when this process takes the job's lease), for as
/// long as the portal serves, in the one process holding the lease. A failed purge is logged and
/// tried again at the next tick: it never stops the portal.
pub async fn run(leases: Leases) {
    let pool = leases.pool.clone();
    leases
        .run(LEASE, INTERVAL, move || {
            let pool = pool.clone();
            async move {
                match purge(&pool, store::now()).await {
                    Ok(purged) if purged != Purged::default() => {
                        tracing::info!(?purged, "expired sessions and links deleted");
                    }
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "housekeeping failed; trying again in an hour"),
                }
            }
        })
        .await;
}
