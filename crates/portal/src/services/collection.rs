//! Collecting a subscription's period by card (`shared/BILLING.md` "Renewal"): once its period
//! has started, its order is charged to the customer's default card; a declined card is tried
//! again on days 1, 3 and 5 of the period, while the dunning steps (past due, then suspended)
//! go on as for a transfer. Paid, the period's order is paid and the subscription active again.

use chrono::NaiveDate;
use tessera_billing::Money;

use super::cards::{self, Purpose};
use super::payments;
use crate::domain::{Actor, CustomerId, OrderId, day};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::payments::PaymentProvider;
use crate::store::subscriptions::{self, CardDue};
use crate::store::{self, Pool, cards as stored};

/// Days after its period started on which a period's card is charged: the first charge, then
/// the retries.
pub const ATTEMPT_DAYS: [i64; 4] = [0, 1, 3, 5];

/// What one round of collection did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Collected {
    pub paid: usize,
    pub declined: usize,
    /// No answer from the provider, no card, or an error: tried again at the next round.
    pub failed: usize,
}

/// Charges the card of every subscription whose started period is unpaid and whose next attempt
/// is due on `today`. One failing does not stop the others.
pub async fn run(pool: &Pool, mailer: &Mailer, provider: &dyn PaymentProvider, today: NaiveDate) -> Result<Collected> {
    let mut collected = Collected::default();
    for due in subscriptions::card_due(pool, &day::iso(day::start(today))).await? {
        match collect(pool, mailer, provider, &due, today).await {
            Ok(true) => collected.paid += 1,
            Ok(false) => {}
            Err(Error::PaymentDeclined(_)) => collected.declined += 1,
            Err(error) => {
                tracing::warn!(subscription = %due.id, %error, "card collection failed");
                collected.failed += 1;
            }
        }
    }
    Ok(collected)
}

/// Queues the mail telling `due`'s customer their card was declined, and when it is tried again.
async fn tell_declined(
    pool: &Pool,
    mailer: &Mailer,
    due: &CardDue,
    order_id: &OrderId,
    amount: Money,
    retry_on: Option<NaiveDate>,
) -> Result<()> {
    let mut tx = store::begin(pool).await?;
    let order = (order_id, due.order_reference.as_str());
    super::subscription_mail::card_declined(&mut tx, mailer, &due.id, order, amount, retry_on).await?;
    tx.commit().await?;
    Ok(())
}

/// The day after a declined attempt `attempt` (1 the first) of a period started on `start` that
/// the card is tried again, never before tomorrow; `None` after the last attempt.
fn retry_day(start: NaiveDate, attempt: i64, today: NaiveDate) -> Option<NaiveDate> {
    let offset = usize::try_from(attempt).ok().and_then(|i| ATTEMPT_DAYS.get(i))?;
    let scheduled = start + chrono::Days::new(u64::try_from(*offset).unwrap_or(0));
    Some(scheduled.max(today.succ_opt().unwrap_or(today)))
}

/// Charges `due`'s card if its next attempt is due on `today`; whether it was paid.
async fn collect(
    pool: &Pool,
    mailer: &Mailer,
    provider: &dyn PaymentProvider,
    due: &CardDue,
    today: NaiveDate,
) -> Result<bool> {
    let key = format!("{}:{}:period", due.id, due.period_start);
    let start = day::parse(&due.period_start).ok_or_else(|| {
        Error::Internal(format!("subscription {} starts its period on {:?}", due.id, due.period_start))
    })?;
    let last = stored::last_attempt(&mut *store::acquire(pool).await?, &key).await?;
    let next = match &last {
        None => 1,
        Some(last) if last.status == "unsettled" => last.attempt,
        Some(last) if matches!(last.status.as_str(), "declined" | "failed") => {
            let tried_on = chrono::DateTime::from_timestamp(last.updated_at, 0).map(|at| at.date_naive());
            if tried_on.is_some_and(|tried_on| tried_on >= today) {
                return Ok(false); // one attempt a day at most
            }
            last.attempt + 1
        }
        Some(_) => return Ok(false), // under way, or paid meanwhile
    };
    let Some(offset) = usize::try_from(next - 1).ok().and_then(|i| ATTEMPT_DAYS.get(i)) else {
        return Ok(false); // every attempt made: the dunning steps take it from here
    };
    if (today - start).num_days() < *offset {
        return Ok(false);
    }
    let amount = Money::from_minor(due.total_minor, super::orders::currency(&due.currency)?);
    let description = format!("Order {} (subscription {})", due.order_reference, due.id);
    let customer_id = CustomerId::new(due.customer_id.clone());
    let purpose = Purpose {
        key: &key,
        customer_id: &customer_id,
        subscription_id: Some(&due.id),
        amount,
        description: &description,
    };
    let order_id = OrderId::new(due.order_id.clone());
    let charge = match cards::charge(pool, provider, &purpose).await {
        Err(declined @ Error::PaymentDeclined(_)) => {
            // The decline is recorded and stands; a mail that could not be queued is logged.
            let retry_on = retry_day(start, next, today);
            if let Err(error) = tell_declined(pool, mailer, due, &order_id, amount, retry_on).await {
                tracing::warn!(subscription = %due.id, %error, "the declined card's mail was not queued");
            }
            return Err(declined);
        }
        charged => charged?,
    };
    let recorded = async {
        let mut tx = store::begin(pool).await?;
        payments::record_card(&mut tx, mailer, &Actor::system(), &order_id, &charge.idempotency_key).await?;
        cards::settled_in(&mut tx, &charge, &order_id).await?;
        tx.commit().await?;
        Ok::<_, Error>(())
    }
    .await;
    if let Err(error) = recorded {
        cards::undo(pool, provider, &charge).await;
        return Err(error);
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::retry_day;
    use chrono::NaiveDate;

    fn on(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a day")
    }

    #[test]
    fn a_declined_attempt_is_tried_again_on_the_next_attempt_day_never_before_tomorrow() {
        let start = on("2027-05-01");
        let cases = [
            (1, "2027-05-01", Some("2027-05-02"), "the first attempt, on the period's day 0: again on day 1"),
            (2, "2027-05-02", Some("2027-05-04"), "the second, on day 1: again on day 3"),
            (3, "2027-05-04", Some("2027-05-06"), "the third, on day 3: again on day 5"),
            (4, "2027-05-06", None, "the fourth was the last"),
            (2, "2027-05-04", Some("2027-05-05"), "a round that came late: not before tomorrow"),
        ];
        for (attempt, today, expected, why) in cases {
            assert_eq!(retry_day(start, attempt, on(today)), expected.map(on), "{why}");
        }
    }
}
