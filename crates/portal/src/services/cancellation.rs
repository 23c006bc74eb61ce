//! Orders undone: one awaiting its payment is cancelled (it never had licenses); one paid is
//! refunded, which revokes its licenses with the reason, mailed to the customer. Each in one
//! transaction with its events and mails.

use tessera_core::LicenseStatus;

use super::events::{self, Change};
use super::issuing;
use crate::domain::{Actor, EventKind, OrderRef, OrderStatus, Text};
use crate::error::{Error, Refusal, Result};
use crate::mail::Mailer;
use crate::store::orders::{self, Order};
use crate::store::{self, Pool};

/// What undoing did: the order as it now stands and the serials it revoked.
#[derive(Debug)]
pub struct Undone {
    pub order: Order,
    pub revoked: Vec<String>,
}

/// Cancels an order awaiting its payment: it will not be paid, and its key no longer waits
/// for it. `reason` (required) is kept in the event log.
pub async fn cancel(pool: &Pool, actor: &Actor, reference: &OrderRef, reason: &str) -> Result<Undone> {
    let reason = required_reason(reference, reason)?;
    let mut tx = store::begin(pool).await?;
    let order = orders::by_reference(&mut tx, reference).await?.ok_or(Error::NotFound)?;
    cancel_in(&mut tx, actor, &order, &reason).await?;
    let order = orders::by_id(&mut tx, &order.id).await?.ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(Undone { order, revoked: Vec::new() })
}

/// [`cancel`] in `conn`'s transaction, `reason` given.
pub(super) async fn cancel_in(conn: &mut store::Conn, actor: &Actor, order: &Order, reason: &str) -> Result<()> {
    if !orders::change_status(conn, &order.id, OrderStatus::AwaitingPayment, OrderStatus::Cancelled).await? {
        return Err(Error::OrderStatus(match order.status {
            OrderStatus::Paid => {
                Refusal::new("bo-refusal-cancel-paid", &[("reference", order.reference.clone().into())])
            }
            status => Refusal::new(
                "bo-refusal-cancel-status",
                &[("reference", order.reference.clone().into()), ("status", status.code().into())],
            ),
        }));
    }
    record(conn, actor, order, EventKind::OrderCancelled, OrderStatus::Cancelled, reason, &[]).await
}

/// Refunds a paid order: it becomes refunded and each of its licenses is revoked with
/// `reason` (required; the customer reads it in the License Manager and in the mail queued
/// for each license).
pub async fn refund(pool: &Pool, mailer: &Mailer, actor: &Actor, reference: &OrderRef, reason: &str) -> Result<Undone> {
    let reason = required_reason(reference, reason)?;
    let mut tx = store::begin(pool).await?;
    let order = orders::by_reference(&mut tx, reference).await?.ok_or(Error::NotFound)?;
    if !orders::change_status(&mut tx, &order.id, OrderStatus::Paid, OrderStatus::Refunded).await? {
        return Err(Error::OrderStatus(match order.status {
            OrderStatus::AwaitingPayment => {
                Refusal::new("bo-refusal-refund-unpaid", &[("reference", order.reference.clone().into())])
            }
            status => Refusal::new(
                "bo-refusal-refund-status",
                &[("reference", order.reference.clone().into()), ("status", status.code().into())],
            ),
        }));
    }
    let mut revoked = Vec::new();
    for license in store::licenses::of_order(&mut tx, &order.id).await? {
        if license.status != LicenseStatus::Revoked {
            issuing::set_status(&mut tx, mailer, actor, &license.serial, LicenseStatus::Revoked, Some(&reason)).await?;
            revoked.push(license.serial.to_string());
        }
    }
    record(&mut tx, actor, &order, EventKind::OrderRefunded, OrderStatus::Refunded, &reason, &revoked).await?;
    let order = orders::by_id(&mut tx, &order.id).await?.ok_or(Error::NotFound)?;
    tx.commit().await?;
    tracing::info!(order = %order.reference, licenses = revoked.len(), "order refunded");
    Ok(Undone { order, revoked })
}

fn required_reason(reference: &OrderRef, reason: &str) -> Result<String> {
    let reason = Text::<500>::parse("reason", reason.trim())?;
    if reason.is_empty() {
        return Err(Error::refused("bo-refusal-reason-needed", &[("reference", reference.to_string().into())]));
    }
    Ok(reason.to_string())
}

async fn record(
    conn: &mut store::Conn,
    actor: &Actor,
    order: &Order,
    kind: EventKind,
    to: OrderStatus,
    reason: &str,
    revoked: &[String],
) -> Result<()> {
    let now = store::now();
    // The order's invoice is cancelled by a credit note, issued with the change.
    let credit_note = super::invoices::credit(conn, order, reason, now).await?.map(|note| note.number);
    let change = Change {
        kind,
        at: now,
        subject: &order.reference,
        customer_id: Some(&order.customer_id),
        order_id: Some(&order.id),
        license_id: None,
        before: Some(serde_json::json!({ "status": order.status })),
        after: Some(
            serde_json::json!({ "status": to, "reason": reason, "revoked": revoked, "credit_note": credit_note }),
        ),
    };
    events::record(conn, actor, &change).await
}
