//! The renewals' job: at start and then hourly, roll the subscriptions whose period ended and
//! move unpaid ones along the dunning steps (`services::renewals`).

use std::time::Duration;

use crate::mail::Mailer;
use crate::services::renewals::{self, Settings};
use crate::store::Pool;

/// How often [`run`] looks for periods that ended and charges unpaid.
pub const INTERVAL: Duration = Duration::from_secs(3600);

/// The job's name in the lease table.
pub const LEASE: &str = "renewals";

/// Renews what fell due today (UTC) and every [`INTERVAL`], for as long as the portal serves.
/// Of several portals on one database, the one holding the job's lease runs the rounds; it
/// renews the lease at each tick, and when it stops (its process died) the lease runs out a
/// minute after its next tick would have been, and another portal takes it at its own tick.
/// (Each step of a round is claimed by a conditional update as well, so two rounds at once
/// would still roll each period once.) A failed round is logged and tried again at the next
/// tick: it never stops the portal.
pub async fn run(
    pool: Pool,
    mailer: Mailer,
    prefix: String,
    settings: Settings,
    provider: Option<std::sync::Arc<dyn crate::payments::PaymentProvider>>,
) {
    let holder = crate::domain::new_id("portal");
    let lease_secs = i64::try_from(INTERVAL.as_secs()).unwrap_or(3600) + 60;
    let mut ticks = tokio::time::interval(INTERVAL);
    loop {
        ticks.tick().await;
        let now = crate::store::now();
        match crate::store::leases::take(&pool, LEASE, &holder, now, now + lease_secs).await {
            Ok(true) => {}
            Ok(false) => continue,
            Err(error) => {
                tracing::warn!(%error, "renewals: the lease could not be read; trying again in an hour");
                continue;
            }
        }
        let today = chrono::Utc::now().date_naive();
        match renewals::run(&pool, &mailer, today, &prefix, settings, provider.as_deref()).await {
            Ok(round) if round.is_quiet() => {}
            Ok(round) => tracing::info!(?round, "renewals"),
            Err(error) => tracing::warn!(%error, "renewals failed; trying again in an hour"),
        }
    }
}
