//! The mail job: sends the queued mails that are due, one attempt each, every few seconds for
//! as long as the portal serves. A mail the server refuses for now is tried again later (1 min,
//! 5 min, 15 min, 1 h, 3 h, 6 h, 12 h, 24 h), then marked failed; one it refuses for good is
//! failed at once. Staff see both in the outbox and may resend.
//!
//! Of several portal processes, the one holding the job's lease sends (`jobs::lease`). Besides,
//! a mail is claimed for one attempt (a conditional update, so of two senders one gets it)
//! before it is sent, and marked sent as soon as the server took it, so two portals never send
//! it at once, even in the moments when a lease changes hands; a sender that dies mid-send
//! leaves its claim to run out ([`CLAIM_SECONDS`]) and the mail is then sent by the new holder,
//! never lost. A crash between the server's acknowledgement and the mark can send it again,
//! with the same `Message-ID`, which mail systems recognise.

use std::time::Duration;

use super::lease::Leases;
use crate::Result;
use crate::mail::{Mailer, Outcome};
use crate::store::{self, Pool, mail};

/// How often [`run`] looks for due mail.
pub const INTERVAL: Duration = Duration::from_secs(2);

/// How long one attempt may hold its mail before another sender may take it.
const CLAIM_SECONDS: i64 = 120;

/// The wait after each failed attempt; after the last, the mail has failed.
const BACKOFF: [i64; 8] = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600];

/// Mails taken in one round.
const BATCH: i64 = 20;

/// What one round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: u32,
    pub retried: u32,
    pub failed: u32,
}

/// Sends the mails due at `now`.
pub async fn send_due(pool: &Pool, mailer: &Mailer, now: i64) -> Result<Round> {
    let mut round = Round::default();
    for id in mail::due(pool, now, BATCH).await? {
        let Some(queued) = mail::claim(pool, &id, now, now + CLAIM_SECONDS).await? else {
            continue;
        };
        match mailer.deliver(&queued).await {
            Outcome::Sent => {
                mail::mark_sent(pool, &queued.id, store::now()).await?;
                round.sent += 1;
            }
            Outcome::TryLater(error) => {
                let wait = usize::try_from(queued.attempts - 1).ok().and_then(|n| BACKOFF.get(n));
                match wait {
                    Some(wait) => {
                        mail::mark_unsent(pool, &queued.id, Some(now + wait), &error).await?;
                        round.retried += 1;
                    }
                    None => {
                        mail::mark_unsent(pool, &queued.id, None, &error).await?;
                        round.failed += 1;
                    }
                }
                tracing::warn!(mail = %queued.id, attempts = queued.attempts, %error, "mail not sent");
            }
            Outcome::Refused(error) => {
                mail::mark_unsent(pool, &queued.id, None, &error).await?;
                round.failed += 1;
                tracing::warn!(mail = %queued.id, %error, "mail refused for good");
            }
        }
    }
    Ok(round)
}

/// The job's name in the lease table.
pub const LEASE: &str = "mail";

/// Sends due mail every [`INTERVAL`], in the one process holding the job's lease. A failed
/// round is logged and tried again: it never stops the portal.
pub async fn run(leases: Leases, mailer: Mailer) {
    let pool = leases.pool.clone();
    leases
        .run(LEASE, INTERVAL, move || {
            let (pool, mailer) = (pool.clone(), mailer.clone());
            async move {
                match send_due(&pool, &mailer, store::now()).await {
                    Ok(round) if round != Round::default() => tracing::info!(?round, "mail sent"),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "the mail job failed; trying again"),
                }
            }
        })
        .await;
}
