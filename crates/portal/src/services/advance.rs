//! Bank-transfer renewals invoiced ahead: some days before a period ends, the order for the next
//! one is placed (its invoice and mail with it), so its customer can pay before it starts; the
//! renewal then takes that order instead of placing one — or, when changes made since charge
//! something else, cancels it and charges what is owed, counting what was paid ahead.

use chrono::{Days, NaiveDate};

use super::events::{self, Change};
use super::orders::{self, Charge, Placed};
use super::renewals::{next_period, renewal_lines};
use super::subscriptions::{iso, outlook};
use crate::domain::{Actor, CustomerId, EventKind, LicenseId, OrderId, OrderRef, OrderStatus, PaymentMethod};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::subscriptions::{self, Subscription};
use crate::store::{self, Conn, Pool, catalog};

/// Places the next period's order of every active bank-transfer subscription whose period ends
/// within `days_ahead` days of `today`; how many it placed. Safe in several processes at once:
/// the order is recorded on the subscription only if none is, or nothing is placed.
pub async fn bill_ahead(
    pool: &Pool,
    mailer: &Mailer,
    today: NaiveDate,
    days_ahead: u64,
    prefix: &str,
) -> Result<usize> {
    if days_ahead == 0 {
        return Ok(0);
    }
    let horizon = today + Days::new(days_ahead);
    let mut placed = 0;
    for subscription in subscriptions::due_for_advance(pool, &iso(today), &iso(horizon)).await? {
        match bill_one(pool, mailer, &subscription.id, prefix).await {
            Ok(true) => placed += 1,
            Ok(false) => {}
            Err(error) => tracing::warn!(subscription = %subscription.id, %error, "invoicing ahead failed"),
        }
    }
    Ok(placed)
}

/// Places subscription `id`'s next period's order, as its history renews it today, in one
/// transaction; whether it placed one (not when nothing would be owed, or it renews no more).
async fn bill_one(pool: &Pool, mailer: &Mailer, id: &str, prefix: &str) -> Result<bool> {
    let mut tx = store::begin(pool).await?;
    let subscription = subscriptions::by_id(&mut tx, id).await?.ok_or(Error::NotFound)?;
    if subscription.advance_period_start.as_deref().is_some_and(|start| start > subscription.period_start.as_str()) {
        return Ok(false);
    }
    let (renewal, standing) = outlook(&mut tx, &subscription).await?;
    let Some(renewal) = renewal else { return Ok(false) };
    let (_, period) = next_period(&subscription, &standing, &renewal)?;
    let credit_used = subscription.credit_minor.min(renewal.total.minor()).max(0);
    if renewal.total.minor() - credit_used <= 0 {
        return Ok(false);
    }
    let plan = catalog::plan_by_sku(&mut tx, &renewal.plan.id)
        .await?
        .ok_or_else(|| Error::Internal(format!("plan {} is gone", renewal.plan.id)))?;
    let customer_id = CustomerId::new(subscription.customer_id.clone());
    let actor = Actor::system();
    let lines = renewal_lines(&plan, renewal.quantity, &period, renewal.total, credit_used);
    let charge = Charge {
        customer_id: &customer_id,
        product_id: &plan.product_id,
        lines: &lines,
        payment_method: PaymentMethod::BankTransfer,
        placed_at: store::now(),
        prefix,
    };
    let order = orders::place_charge(&mut tx, mailer, &actor, &charge).await?;
    if !subscriptions::set_advance(&mut tx, id, &order.id, &iso(period.start)).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    subscriptions::link_order(&mut tx, &order.id, id).await?;
    let event = Change {
        kind: EventKind::SubscriptionChanged,
        at: store::now(),
        subject: id,
        customer_id: Some(&customer_id),
        order_id: Some(&order.id),
        license_id: Some(&LicenseId::new(subscription.license_id.clone())),
        before: None,
        after: Some(serde_json::json!({
            "change": "invoiced_ahead",
            "period_start": iso(period.start),
            "period_end": iso(period.end),
            "total": order.total.decimal(),
        })),
    };
    events::record(&mut tx, &actor, &event).await?;
    tx.commit().await?;
    Ok(true)
}

/// What was placed ahead for a period, settled at its renewal.
#[derive(Debug, Default)]
pub struct Ahead {
    /// The order placed ahead, awaiting its payment, charging what is owed: the period's charge.
    pub due: Option<Placed>,
    /// What was paid ahead (minor units), counted against what is owed; and with which order.
    pub paid: i64,
    pub paid_with: Option<String>,
    /// What was paid ahead beyond what is owed: credit for the next invoices.
    pub credit: i64,
}

/// In the renewal's transaction, the order placed ahead for `subscription`'s period starting
/// `start`, settled against `owed` (the period's total less the credit used): awaiting payment
/// and charging `owed`, it is the period's charge; charging something else (changed since),
/// it is cancelled; paid, what it paid counts — beyond `owed`, as credit.
pub async fn taken(
    conn: &mut Conn,
    actor: &Actor,
    subscription: &Subscription,
    start: &str,
    owed: i64,
) -> Result<Ahead> {
    let Some(order_id) = subscription.advance_order_id.as_deref() else { return Ok(Ahead::default()) };
    if subscription.advance_period_start.as_deref() != Some(start) {
        return Ok(Ahead::default());
    }
    let order = store::orders::by_id(conn, &OrderId::new(order_id.to_owned())).await?.ok_or(Error::NotFound)?;
    match order.status {
        OrderStatus::AwaitingPayment if order.total_minor == owed => Ok(Ahead {
            due: Some(Placed {
                id: order.id.clone(),
                reference: OrderRef::normalise(&order.reference),
                total: crate::domain::Money::from_minor(order.total_minor, orders::currency(&order.currency)?),
                first_time: false,
            }),
            ..Ahead::default()
        }),
        OrderStatus::AwaitingPayment => {
            let reason = "The subscription changed after this invoice: a new one charges its period.";
            super::cancellation::cancel_in(conn, actor, &order, reason).await?;
            Ok(Ahead::default())
        }
        OrderStatus::Paid => Ok(Ahead {
            due: None,
            paid: order.total_minor.min(owed.max(0)),
            paid_with: Some(order.reference.clone()),
            credit: (order.total_minor - owed.max(0)).max(0),
        }),
        _ => Ok(Ahead::default()),
    }
}

/// When `subscription` ends, in that transaction: the order placed ahead for a period that will
/// not come is cancelled; paid already, it is left for staff to refund, and the log says so.
pub async fn dropped(conn: &mut Conn, actor: &Actor, subscription: &Subscription) -> Result<()> {
    let Some(order_id) = subscription.advance_order_id.as_deref() else { return Ok(()) };
    if subscription.advance_period_start.as_deref().is_none_or(|start| start <= subscription.period_start.as_str()) {
        // It charged the current period: not a period that will not come.
        return Ok(());
    }
    let order = store::orders::by_id(conn, &OrderId::new(order_id.to_owned())).await?.ok_or(Error::NotFound)?;
    match order.status {
        OrderStatus::AwaitingPayment => {
            let reason = "The subscription ended: the period this invoice charged will not come.";
            super::cancellation::cancel_in(conn, actor, &order, reason).await
        }
        OrderStatus::Paid => {
            tracing::warn!(subscription = %subscription.id, order = %order.reference, "paid ahead for a period that will not come: refund it");
            let event = Change {
                kind: EventKind::SubscriptionChanged,
                at: store::now(),
                subject: &subscription.id,
                customer_id: Some(&order.customer_id),
                order_id: Some(&order.id),
                license_id: Some(&LicenseId::new(subscription.license_id.clone())),
                before: None,
                after: Some(serde_json::json!({ "change": "paid_ahead_refund_due", "order": order.reference })),
            };
            events::record(conn, actor, &event).await
        }
        _ => Ok(()),
    }
}
