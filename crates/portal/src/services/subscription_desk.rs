//! Subscriptions as the back office sees them: every customer's, filtered by status and
//! customer, with where an unpaid period stands in its dunning (days past due, the card's next
//! attempt, the day it is suspended); and one subscription's whole record.

use chrono::NaiveDate;

use super::collection::ATTEMPT_DAYS;
use super::subscriptions::{self, Summary};
use crate::domain::{PaymentMethod, SubscriptionStatus, day};
use crate::error::{Error, Result};
use crate::store::cards::{self, Charge};
use crate::store::orders::{self, Order};
use crate::store::subscriptions::{self as stored, HistoryEntry, ListFilter};
use crate::store::{self, Paged, Pool};

/// Where an unpaid period stands: its order, how long it is overdue, when the card is tried
/// again (cards only), when the license is suspended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dunning {
    pub order: String,
    pub days_past_due: i64,
    pub next_attempt: Option<NaiveDate>,
    pub suspends_on: NaiveDate,
}

/// A subscription in the back office's list.
#[derive(Debug)]
pub struct Row {
    pub summary: Summary,
    pub company: String,
    pub email: String,
    pub dunning: Option<Dunning>,
}

/// One page of the subscriptions `filter` selects, newest first, as they stand on `today`.
pub async fn list(
    pool: &Pool,
    filter: &ListFilter<'_>,
    requested: Option<i64>,
    today: NaiveDate,
) -> Result<Paged<Row>> {
    let Paged { rows, at } = stored::page_all(pool, filter, requested).await?;
    let mut listed = Vec::with_capacity(rows.len());
    for row in rows {
        let summary = subscriptions::summary_by_id(pool, &row.id).await?;
        let dunning = dunning(pool, &summary, row.unpaid_order, row.grace_days, today).await?;
        listed.push(Row { summary, company: row.company, email: row.email, dunning });
    }
    Ok(Paged { rows: listed, at })
}

/// One subscription's whole record: its row, its license's serial, every change kept (newest
/// first), the orders charging it and the card charges tried for it.
#[derive(Debug)]
pub struct Record {
    pub row: Row,
    pub serial: String,
    pub history: Vec<HistoryEntry>,
    pub orders: Vec<Order>,
    pub charges: Vec<Charge>,
}

/// Subscription `id`'s record on `today`.
pub async fn record(pool: &Pool, id: &str, today: NaiveDate) -> Result<Record> {
    let summary = subscriptions::summary_by_id(pool, id).await?;
    let customer = store::customers::by_id(pool, &summary.subscription.customer_id).await?.ok_or(Error::NotFound)?;
    let orders = orders::of_subscription(pool, id).await?;
    let unpaid = summary.subscription.due_order_id.as_deref().and_then(|due| {
        orders
            .iter()
            .find(|order| order.id.as_str() == due && order.status == crate::domain::OrderStatus::AwaitingPayment)
            .map(|order| order.reference.clone())
    });
    let grace_days = subscriptions::grace_days_of(pool, &summary.plan.product_id).await?;
    let dunning = dunning(pool, &summary, unpaid, grace_days, today).await?;
    let serial = subscriptions::serial_of(pool, &summary.subscription).await?;
    let history = stored::history(pool, id).await?;
    let charges = cards::of_subscription(pool, id).await?;
    let row = Row { summary, company: customer.company, email: customer.email, dunning };
    Ok(Record { row, serial, history, orders, charges })
}

/// Where `summary`'s unpaid period (its order `unpaid`) stands on `today`; `None` when nothing
/// is overdue.
async fn dunning(
    pool: &Pool,
    summary: &Summary,
    unpaid: Option<String>,
    grace_days: i64,
    today: NaiveDate,
) -> Result<Option<Dunning>> {
    let subscription = &summary.subscription;
    let overdue = matches!(
        subscription.status,
        SubscriptionStatus::Active | SubscriptionStatus::PastDue | SubscriptionStatus::Suspended
    );
    let (Some(order), true) = (unpaid, overdue) else { return Ok(None) };
    let Some(start) = day::parse(&subscription.period_start) else {
        return Err(Error::Internal(format!(
            "subscription {} starts on {:?}",
            subscription.id, subscription.period_start
        )));
    };
    if start > today {
        return Ok(None);
    }
    let next_attempt = if subscription.payment_method == PaymentMethod::Card.code() {
        let key = format!("{}:{}:period", subscription.id, subscription.period_start);
        let last = cards::last_attempt(&mut *store::acquire(pool).await?, &key).await?;
        next_attempt(start, last.as_ref())
    } else {
        None
    };
    Ok(Some(Dunning {
        order,
        days_past_due: (today - start).num_days(),
        next_attempt,
        suspends_on: start + chrono::Days::new(u64::try_from(grace_days).unwrap_or(0)),
    }))
}

/// The day the card is tried next for a period starting on `start`, after its `last` attempt
/// (as collection tries it: on the period's days 0, 1, 3 and 5, once a day); `None` once every
/// attempt was made.
fn next_attempt(start: NaiveDate, last: Option<&Charge>) -> Option<NaiveDate> {
    let (number, tried_on) = match last {
        None => (1, None),
        Some(last) if matches!(last.status.as_str(), "declined" | "failed") => {
            (last.attempt + 1, chrono::DateTime::from_timestamp(last.updated_at, 0).map(|at| at.date_naive()))
        }
        Some(last) => (last.attempt, None),
    };
    let offset = ATTEMPT_DAYS.get(usize::try_from(number - 1).ok()?)?;
    let due = start + chrono::Days::new(u64::try_from(*offset).unwrap_or(0));
    Some(match tried_on {
        Some(tried) if tried >= due => tried.succ_opt().unwrap_or(tried),
        _ => due,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        crate::domain::day::parse(text).expect("a day")
    }

    fn declined(attempt: i64, on: &str) -> Charge {
        Charge {
            id: "chg".into(),
            idempotency_key: format!("k:{attempt}"),
            purpose: "k".into(),
            attempt,
            customer_id: "cus".into(),
            subscription_id: None,
            card_id: "card".into(),
            amount_minor: 100,
            currency: "EUR".into(),
            status: "declined".into(),
            provider_charge_id: None,
            order_id: None,
            reason: None,
            created_at: 0,
            updated_at: crate::domain::day::start(day(on)),
        }
    }

    #[test]
    fn the_card_is_tried_on_the_periods_days_0_1_3_and_5_then_no_more() {
        let start = day("2027-03-01");
        assert_eq!(next_attempt(start, None), Some(day("2027-03-01")));
        assert_eq!(next_attempt(start, Some(&declined(1, "2027-03-01"))), Some(day("2027-03-02")));
        assert_eq!(next_attempt(start, Some(&declined(2, "2027-03-02"))), Some(day("2027-03-04")));
        assert_eq!(next_attempt(start, Some(&declined(3, "2027-03-04"))), Some(day("2027-03-06")));
        assert_eq!(next_attempt(start, Some(&declined(4, "2027-03-06"))), None);
        // Tried late (the round did not run): the next attempt is the day after.
        assert_eq!(next_attempt(start, Some(&declined(2, "2027-03-05"))), Some(day("2027-03-06")));
    }
}
