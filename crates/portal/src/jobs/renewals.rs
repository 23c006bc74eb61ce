//! The renewals' job: hourly, roll the subscriptions whose period ended and move unpaid ones
//! along the dunning steps (`services::renewals`).

use std::sync::Arc;
use std::time::Duration;

use super::lease::Leases;
use crate::mail::Mailer;
use crate::payments::PaymentProvider;
use crate::services::renewals::{self, Settings};

/// How often [`run`] looks for periods that ended and charges unpaid.
pub const INTERVAL: Duration = Duration::from_secs(3600);

/// The job's name in the lease table.
pub const LEASE: &str = "renewals";

/// Renews what fell due today (UTC) every [`INTERVAL`] (and at once when this process takes the
/// job's lease), for as long as the portal serves, in the one process holding the lease
/// (`jobs::lease`). Each step of a round is claimed by a conditional update as well, so two
/// rounds at once (a lease changing hands mid-round) would still roll each period once. A failed
/// round is logged and tried again at the next tick: it never stops the portal.
pub async fn run(
    leases: Leases,
    mailer: Mailer,
    prefix: String,
    settings: Settings,
    provider: Option<Arc<dyn PaymentProvider>>,
) {
    let pool = leases.pool.clone();
    leases
        .run(LEASE, INTERVAL, move || {
            let (pool, mailer, prefix, provider) = (pool.clone(), mailer.clone(), prefix.clone(), provider.clone());
            async move {
                let today = chrono::Utc::now().date_naive();
                match renewals::run(&pool, &mailer, today, &prefix, settings, provider.as_deref()).await {
                    Ok(round) if round.is_quiet() => {}
                    Ok(round) => tracing::info!(?round, "renewals"),
                    Err(error) => tracing::warn!(%error, "renewals failed; trying again in an hour"),
                }
            }
        })
        .await;
}
