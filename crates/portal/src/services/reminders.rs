//! Reminders that a term is ending (seed 004: access is not renewed automatically): a mail 90,
//! 30 and 7 days before a license's term ends and one on the day it ended, each once per end of
//! term, whichever portal process finds it due.
//!
//! Only the most urgent reminder due is sent: a portal that was stopped while a term crossed
//! the 90- and 30-day marks sends the 30-day one, not both. A reminder is due only for a term
//! that was longer than that (a 20-day term gets no "ends in 30 days" on its first day), and
//! the "has ended" mail only within a week of the end (a portal started on an old database does
//! not mail every term that ended years ago).

use crate::error::Result;
use crate::mail::Mailer;
use crate::store::licenses::{self, License};
use crate::store::{self, Pool, reminders};

/// The reminders, most urgent first: days before the end of term.
pub const DAYS_BEFORE: [i64; 3] = [7, 30, 90];

/// How long after the end of a term its "has ended" mail may still go out.
const ENDED_WITHIN: i64 = 7 * DAY;

const DAY: i64 = 86_400;

/// The reminder due at `now` for a term issued at `issued_at` and ending at `expires_at`: the
/// days before the end it belongs to (0: the term has ended), or `None`.
#[must_use]
pub fn due(issued_at: i64, expires_at: i64, now: i64) -> Option<i64> {
    if now >= expires_at {
        return (now - expires_at <= ENDED_WITHIN).then_some(0);
    }
    let days_left = (expires_at - now + DAY - 1) / DAY;
    DAYS_BEFORE.into_iter().find(|days| days_left <= *days && issued_at < expires_at - days * DAY)
}

/// Queues every reminder due at `now` that no process queued yet; how many.
pub async fn remind(pool: &Pool, mailer: &Mailer, now: i64) -> Result<usize> {
    let horizon = DAYS_BEFORE[DAYS_BEFORE.len() - 1] * DAY;
    let mut queued = 0;
    for license in licenses::ending_between(pool, now - ENDED_WITHIN, now + horizon + 1).await? {
        let Some(expires_at) = license.expires_at else { continue };
        let Some(days_before) = due(license.issued_at, expires_at, now) else { continue };
        // This reminder, or a more urgent one, went out already.
        if reminders::most_urgent(pool, &license.id, expires_at).await?.is_some_and(|sent| sent <= days_before) {
            continue;
        }
        if remind_one(pool, mailer, &license, expires_at, days_before, now).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Claims and queues one reminder in one transaction: false when another process claimed it.
async fn remind_one(
    pool: &Pool,
    mailer: &Mailer,
    license: &License,
    expires_at: i64,
    days_before: i64,
    now: i64,
) -> Result<bool> {
    let mut tx = store::begin(pool).await?;
    if !reminders::claim(&mut tx, &license.id, expires_at, days_before, now).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    super::mail::term_ending(&mut tx, mailer, license, days_before, now).await?;
    tx.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::{DAY, due};

    const END: i64 = 1_800_000_000;
    const YEAR_BEFORE: i64 = END - 365 * DAY;

    #[test]
    fn each_reminder_falls_due_at_its_mark_and_the_most_urgent_wins() {
        assert_eq!(due(YEAR_BEFORE, END, END - 91 * DAY), None, "91 days left: nothing yet");
        assert_eq!(due(YEAR_BEFORE, END, END - 90 * DAY), Some(90));
        assert_eq!(due(YEAR_BEFORE, END, END - 31 * DAY + 1), Some(90), "30 days and 23:59:59 left count as 31");
        assert_eq!(due(YEAR_BEFORE, END, END - 30 * DAY), Some(30));
        assert_eq!(due(YEAR_BEFORE, END, END - 8 * DAY), Some(30));
        assert_eq!(due(YEAR_BEFORE, END, END - 7 * DAY), Some(7));
        assert_eq!(due(YEAR_BEFORE, END, END - 1), Some(7), "the last second");
        assert_eq!(due(YEAR_BEFORE, END, END), Some(0), "the day it ended");
        assert_eq!(due(YEAR_BEFORE, END, END + 7 * DAY), Some(0));
        assert_eq!(due(YEAR_BEFORE, END, END + 7 * DAY + 1), None, "too long ago to mail");
    }

    #[test]
    fn a_short_term_gets_only_the_reminders_it_was_long_enough_for() {
        let twenty_days = END - 20 * DAY;
        assert_eq!(due(twenty_days, END, twenty_days), None, "no 'ends in 30 days' on its first day");
        assert_eq!(due(twenty_days, END, END - 7 * DAY), Some(7));
        let month = END - 30 * DAY;
        assert_eq!(due(month, END, month), None, "a term of exactly 30 days is not told so on its first day");
        assert_eq!(due(month, END, END - 7 * DAY), Some(7));
    }
}
