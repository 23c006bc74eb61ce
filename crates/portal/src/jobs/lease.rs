//! Running a background job under its lease, so that of several portal processes on one
//! database exactly one runs each job at a time, and another takes it over when that one dies.
//!
//! A process asks for a free lease every [`RENEW_EVERY`]. Once it holds one, it runs the job's
//! rounds at the job's interval (the first at once) and renews the lease every [`RENEW_EVERY`]
//! for [`LEASE_SECS`], also while a round runs. When a renewal finds the lease taken by another
//! (this process stalled past its expiry) or cannot reach the database until the lease would run
//! out, the round in progress is dropped and the process goes back to asking. A holder killed
//! outright stops renewing: its lease runs out within [`LEASE_SECS`], and another process takes it
//! at its next ask, so within `LEASE_SECS + RENEW_EVERY` (40 s).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use crate::store::{self, Pool, leases};
use crate::telemetry::Metrics;

/// How long a lease lasts unless renewed (seconds).
pub const LEASE_SECS: i64 = 30;

/// How often a holder renews its lease, and a waiting process asks for it.
pub const RENEW_EVERY: Duration = Duration::from_secs(10);

/// What a job needs to run under its lease: the database, this process's name in the lease
/// table, and the metrics that show which jobs it holds.
#[derive(Clone, Debug)]
pub struct Leases {
    pub pool: Pool,
    pub holder: Arc<str>,
    pub metrics: Arc<Metrics>,
}

/// This process's name in the lease table: a random id, then its process id and host, so an
/// operator reading `job_leases` knows which process holds what.
#[must_use]
pub fn holder_name() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .map(|host| host.trim().to_owned())
        .filter(|host| !host.is_empty())
        .unwrap_or_else(|| "unknown".into());
    format!("{} pid {} on {host}", crate::domain::new_id("portal"), std::process::id())
}

impl Leases {
    /// Runs `round` every `interval` while this process holds the lease of job `name`, for as
    /// long as the portal serves. The round logs its own failures: it never stops the portal.
    pub async fn run<F, R>(self, name: &'static str, interval: Duration, mut round: F)
    where
        F: FnMut() -> R,
        R: Future<Output = ()>,
    {
        let labels = format!("job=\"{name}\"");
        self.metrics.set_gauge("tessera_job_lease_held", labels.clone(), 0);
        let mut asks = tokio::time::interval(RENEW_EVERY);
        asks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            asks.tick().await;
            let Some(mut held_until) = self.take(name).await else { continue };
            tracing::info!(job = name, holder = %self.holder, "took the job's lease: this process runs it");
            self.metrics.set_gauge("tessera_job_lease_held", labels.clone(), 1);
            self.metrics.increment("tessera_job_lease_takes_total", labels.clone());
            let mut rounds = tokio::time::interval(interval);
            rounds.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut renewals = tokio::time::interval(RENEW_EVERY);
            renewals.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            renewals.tick().await; // the first tick is at once: the lease was just taken
            'holding: loop {
                tokio::select! {
                    _ = rounds.tick() => {
                        let running = round();
                        tokio::pin!(running);
                        loop {
                            tokio::select! {
                                () = &mut running => break,
                                _ = renewals.tick() => if !self.renew(name, &mut held_until).await { break 'holding },
                            }
                        }
                    }
                    _ = renewals.tick() => if !self.renew(name, &mut held_until).await { break 'holding },
                }
            }
            tracing::warn!(job = name, holder = %self.holder, "lost the job's lease: another process runs it now");
            self.metrics.set_gauge("tessera_job_lease_held", labels.clone(), 0);
        }
    }

    /// Takes or renews the lease; until when it is held, or `None` when another holds it.
    async fn take(&self, name: &str) -> Option<i64> {
        let now = store::now();
        match leases::take(&self.pool, name, &self.holder, now, now + LEASE_SECS).await {
            Ok(true) => Some(now + LEASE_SECS),
            Ok(false) => None,
            Err(error) => {
                tracing::warn!(job = name, %error, "the job's lease could not be read; asking again");
                None
            }
        }
    }

    /// Renews a held lease; whether it is still held. A database that does not answer is
    /// tried again at the next renewal as long as the lease has not run out by then.
    async fn renew(&self, name: &str, held_until: &mut i64) -> bool {
        let now = store::now();
        match leases::take(&self.pool, name, &self.holder, now, now + LEASE_SECS).await {
            Ok(true) => {
                *held_until = now + LEASE_SECS;
                true
            }
            Ok(false) => false,
            Err(error) => {
                let next = now + i64::try_from(RENEW_EVERY.as_secs()).unwrap_or(10);
                tracing::warn!(job = name, %error, "the job's lease could not be renewed");
                next < *held_until
            }
        }
    }
}
