//! The term reminders' job: at start and then hourly, queue the reminders that fell due —
//! licenses' terms (`services::reminders`) and clients' terms bought from a partner's or
//! reseller's pool (`services::client_reminders`); the mail job sends them.

use std::time::Duration;

use crate::mail::Mailer;
use crate::services::{client_reminders, reminders};
use crate::store::{self, Pool};

/// How often [`run`] looks for reminders due.
pub const INTERVAL: Duration = Duration::from_secs(3600);

/// Queues the reminders due now and every [`INTERVAL`], for as long as the portal serves. A
/// failed round is logged and tried again at the next tick: it never stops the portal.
pub async fn run(pool: Pool, mailer: Mailer) {
    let mut ticks = tokio::time::interval(INTERVAL);
    loop {
        ticks.tick().await;
        match reminders::remind(&pool, &mailer, store::now()).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "term reminders queued"),
            Err(error) => tracing::warn!(%error, "term reminders failed; trying again in an hour"),
        }
        match client_reminders::remind(&pool, &mailer, store::now()).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "client term reminders queued"),
            Err(error) => tracing::warn!(%error, "client term reminders failed; trying again in an hour"),
        }
    }
}
