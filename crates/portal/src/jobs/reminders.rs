//! The term reminders' job: at start and then hourly, queue the reminders that fell due —
//! licenses' terms (`services::reminders`) and clients' terms bought from a partner's or
//! reseller's pool (`services::client_reminders`); the mail job sends them.

use std::time::Duration;

use super::lease::Leases;
use crate::mail::Mailer;
use crate::services::{client_reminders, reminders};
use crate::store::{self, Pool};

/// How often [`run`] looks for reminders due.
pub const INTERVAL: Duration = Duration::from_secs(3600);

/// The job's name in the lease table.
pub const LEASE: &str = "reminders";

/// Queues the reminders due every [`INTERVAL`] (and at once when this process takes the job's
/// lease), for as long as the portal serves, in the one process holding the lease. A failed
/// round is logged and tried again at the next tick: it never stops the portal.
pub async fn run(leases: Leases, mailer: Mailer) {
    let pool = leases.pool.clone();
    leases
        .run(LEASE, INTERVAL, move || {
            let (pool, mailer) = (pool.clone(), mailer.clone());
            async move { round(&pool, &mailer).await }
        })
        .await;
}

/// One round: both kinds of reminders, each logging its own failure.
async fn round(pool: &Pool, mailer: &Mailer) {
    match reminders::remind(pool, mailer, store::now()).await {
        Ok(0) => {}
        Ok(queued) => tracing::info!(queued, "term reminders queued"),
        Err(error) => tracing::warn!(%error, "term reminders failed; trying again in an hour"),
    }
    match client_reminders::remind(pool, mailer, store::now()).await {
        Ok(0) => {}
        Ok(queued) => tracing::info!(queued, "client term reminders queued"),
        Err(error) => tracing::warn!(%error, "client term reminders failed; trying again in an hour"),
    }
}
