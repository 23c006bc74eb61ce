//! The renewals' job: at start and then hourly, roll the subscriptions whose period ended and
//! move unpaid ones along the dunning steps (`services::renewals`).

use std::time::Duration;

use crate::mail::Mailer;
use crate::services::renewals::{self, Settings};
use crate::store::Pool;

/// How often [`run`] looks for periods that ended and charges unpaid.
pub const INTERVAL: Duration = Duration::from_secs(3600);

/// Renews what fell due today (UTC) and every [`INTERVAL`], for as long as the portal serves.
/// Several portals may run it at once: each period is rolled by one of them. A failed round is
/// logged and tried again at the next tick: it never stops the portal.
pub async fn run(
    pool: Pool,
    mailer: Mailer,
    prefix: String,
    settings: Settings,
    provider: Option<std::sync::Arc<dyn crate::payments::PaymentProvider>>,
) {
    let mut ticks = tokio::time::interval(INTERVAL);
    loop {
        ticks.tick().await;
        let today = chrono::Utc::now().date_naive();
        match renewals::run(&pool, &mailer, today, &prefix, settings, provider.as_deref()).await {
            Ok(round) if round.is_quiet() => {}
            Ok(round) => tracing::info!(?round, "renewals"),
            Err(error) => tracing::warn!(%error, "renewals failed; trying again in an hour"),
        }
    }
}
