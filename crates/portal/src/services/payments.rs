//! Recording an order's payment: in one transaction the order becomes paid and its licenses
//! are issued, their term (and support) starting on the day the money arrived. The same
//! payment recorded again (its bank reference, or the vendor API's `Idempotency-Key`) changes
//! nothing and answers what the first recording did.

use chrono::DateTime;
use tessera_billing::{Money, Term};

use super::events::{self, Change};
use super::issuing::{self, LicenseForm};
use super::mail;
use crate::domain::day::iso as day;
use crate::domain::{Actor, EventKind, OrderRef, OrderStatus, PaymentMethod, Serial, Text};
use crate::error::{Error, Refusal, Result};
use crate::mail::Mailer;
use crate::store::licenses::{self, License};
use crate::store::orders::{self, Order};
use crate::store::payments::{self, NewPayment, Payment};
use crate::store::{self, Conn, Pool};

const DAY: i64 = 86_400;

/// A payment to record.
#[derive(Debug)]
pub struct PaymentForm<'a> {
    pub reference: &'a OrderRef,
    /// What arrived, in its currency: it must be the order's total.
    pub amount: Money,
    /// When it arrived (Unix seconds): the licenses' term starts then.
    pub paid_at: i64,
    /// How it was paid; the order's payment method when `None`.
    pub method: Option<PaymentMethod>,
    /// The transfer's reference on the bank statement.
    pub bank_reference: Option<&'a str>,
    /// The vendor API's `Idempotency-Key`.
    pub idempotency_key: Option<&'a str>,
}

/// What recording did: the order paid, its licenses, and whether this call recorded it (false
/// for the same payment recorded again, which changed nothing).
#[derive(Debug)]
pub struct Recorded {
    pub order: Order,
    pub payment: Payment,
    pub licenses: Vec<License>,
    pub first_time: bool,
}

/// Records the payment of an order awaiting it and issues its licenses, all or nothing.
///
/// Refused: an unknown order (`NOT_FOUND`), an amount or currency other than the order's total
/// (`AMOUNT_MISMATCH`; a partial transfer is recorded once the whole amount has arrived), an
/// order paid by another payment (`ALREADY_PAID`), a cancelled or refunded order, or a bank
/// reference or idempotency key already used for another order (`PAYMENT_CONFLICT`), a payment
/// date in the future or before the order was placed (`BAD_REQUEST`).
/// The customer's mail "payment recorded, licenses issued" is queued in the same transaction.
pub async fn record_payment(pool: &Pool, mailer: &Mailer, actor: &Actor, form: &PaymentForm<'_>) -> Result<Recorded> {
    let bank_reference = form.bank_reference.map(|r| Text::<128>::parse("bank_reference", r.trim())).transpose()?;
    let bank_reference = bank_reference.as_deref().filter(|r| !r.is_empty());
    let key = form.idempotency_key.map(|k| Text::<255>::parse("idempotency_key", k)).transpose()?;
    let key = key.as_deref();
    let mut tx = store::begin(pool).await?;
    if let Some(again) = recorded_before(&mut tx, form, key, bank_reference).await? {
        return Ok(again);
    }
    let order = orders::by_reference(&mut tx, form.reference).await?.ok_or(Error::NotFound)?;
    if order.status == OrderStatus::Paid
        && let Some(again) = recorded_before(&mut tx, form, key, bank_reference).await?
    {
        // Another process recorded this very payment between our first look and this read.
        return Ok(again);
    }
    payable(&mut tx, &order).await?;
    check_amount(&order, form)?;
    check_date(&order, form.paid_at)?;
    if !orders::mark_paid(&mut tx, &order.id, form.paid_at).await? {
        // Another process recorded a payment between our read and our update: answer as a
        // second recording of it would, or refuse if it was another payment.
        tx.rollback().await?;
        let mut conn = store::acquire(pool).await?;
        if let Some(again) = recorded_before(&mut conn, form, key, bank_reference).await? {
            return Ok(again);
        }
        let order = orders::by_reference(&mut conn, form.reference).await?.ok_or(Error::NotFound)?;
        payable(&mut conn, &order).await?;
        return Err(Error::Internal(format!("order {} changed while its payment was recorded", order.reference)));
    }
    let paid = Paid {
        amount: form.amount,
        paid_at: form.paid_at,
        method: form.method.unwrap_or(order.payment_method),
        bank_reference,
        idempotency_key: key,
    };
    let recorded = settle(&mut tx, mailer, actor, &order, &paid).await?;
    tx.commit().await?;
    tracing::info!(order = %order.reference, licenses = recorded.licenses.len(), "payment recorded");
    Ok(recorded)
}

/// A payment as it is recorded.
struct Paid<'a> {
    amount: Money,
    paid_at: i64,
    method: PaymentMethod,
    bank_reference: Option<&'a str>,
    idempotency_key: Option<&'a str>,
}

/// Records, in `conn`'s transaction, the payment of `order` just marked paid: the payment, the
/// licenses it issues, its subscription's period paid, the event and the customer's mail.
async fn settle(conn: &mut Conn, mailer: &Mailer, actor: &Actor, order: &Order, paid: &Paid<'_>) -> Result<Recorded> {
    let now = store::now();
    let new = NewPayment {
        order_id: &order.id,
        amount_minor: paid.amount.minor(),
        currency: paid.amount.currency().code(),
        paid_at: paid.paid_at,
        method: paid.method,
        bank_reference: paid.bank_reference,
        idempotency_key: paid.idempotency_key,
        recorded_by: actor.as_str(),
        recorded_at: now,
    };
    if !payments::insert(conn, &new).await? {
        return Err(Error::PaymentConflict(Refusal::new("bo-refusal-payment-reference-racing", &[])));
    }
    issue_licenses(conn, actor, order, paid.paid_at).await?;
    super::subscriptions::paid(conn, mailer, actor, order).await?;
    let change = Change {
        kind: EventKind::PaymentRecorded,
        at: now,
        subject: &order.reference,
        customer_id: Some(&order.customer_id),
        order_id: Some(&order.id),
        license_id: None,
        before: Some(serde_json::json!({ "status": OrderStatus::AwaitingPayment })),
        after: Some(serde_json::json!({
            "status": OrderStatus::Paid,
            "amount": paid.amount.decimal(),
            "currency": paid.amount.currency().code(),
            "paid_at": paid.paid_at,
            "method": paid.method,
            "bank_reference": paid.bank_reference,
        })),
    };
    events::record(conn, actor, &change).await?;
    let recorded = outcome(conn, &order.id, true).await?;
    mail::payment_recorded(conn, mailer, &recorded.order, &recorded.payment, &recorded.licenses).await?;
    Ok(recorded)
}

/// Records, in `conn`'s transaction, that the card charge under `idempotency_key` paid order
/// `order_id` (placed in the same transaction) now.
pub async fn record_card(
    conn: &mut Conn,
    mailer: &Mailer,
    actor: &Actor,
    order_id: &crate::domain::OrderId,
    idempotency_key: &str,
) -> Result<Recorded> {
    let order = orders::by_id(conn, order_id).await?.ok_or(Error::NotFound)?;
    let paid_at = store::now();
    if !orders::mark_paid(conn, &order.id, paid_at).await? {
        return Err(Error::Internal(format!("order {} was paid before its card charge", order.reference)));
    }
    let amount = super::orders::currency(&order.currency).map(|c| Money::from_minor(order.total_minor, c))?;
    let paid = Paid {
        amount,
        paid_at,
        method: PaymentMethod::Card,
        bank_reference: None,
        idempotency_key: Some(idempotency_key),
    };
    settle(conn, mailer, actor, &order, &paid).await
}

/// The answer to a payment recorded before with this idempotency key or bank reference: the
/// same answer for the same order, a refusal for another order's.
async fn recorded_before(
    conn: &mut Conn,
    form: &PaymentForm<'_>,
    key: Option<&str>,
    bank_reference: Option<&str>,
) -> Result<Option<Recorded>> {
    if key.is_none() && bank_reference.is_none() {
        return Ok(None);
    }
    let Some(payment) = payments::matching(conn, key, bank_reference).await? else {
        return Ok(None);
    };
    let recorded = outcome(conn, &payment.order_id, false).await?;
    if recorded.order.reference != form.reference.as_str() {
        return Err(Error::PaymentConflict(Refusal::new(
            "bo-refusal-payment-reference-taken",
            &[("paid", recorded.order.reference.clone().into()), ("reference", form.reference.to_string().into())],
        )));
    }
    Ok(Some(recorded))
}

/// The order, its payment and licenses as they stand.
async fn outcome(conn: &mut Conn, order_id: &crate::domain::OrderId, first_time: bool) -> Result<Recorded> {
    let order = orders::by_id(conn, order_id).await?.ok_or(Error::NotFound)?;
    let payment = payments::of_order(conn, order_id)
        .await?
        .ok_or_else(|| Error::Internal(format!("order {} is paid without a payment", order.reference)))?;
    let licenses = licenses::of_order(conn, order_id).await?;
    Ok(Recorded { order, payment, licenses, first_time })
}

/// Refuses an order that is not awaiting its payment, saying why.
async fn payable(conn: &mut Conn, order: &Order) -> Result<()> {
    match order.status {
        OrderStatus::AwaitingPayment => Ok(()),
        OrderStatus::Paid => {
            let paid_at = match payments::of_order(conn, &order.id).await? {
                Some(payment) => Some(payment.paid_at),
                None => order.paid_at,
            };
            let reference = ("reference", order.reference.clone().into());
            Err(Error::AlreadyPaid(match paid_at {
                Some(at) => Refusal::new("bo-refusal-paid-already-on", &[reference, ("day", day(at).into())]),
                None => Refusal::new("bo-refusal-paid-already", &[reference]),
            }))
        }
        OrderStatus::Cancelled | OrderStatus::Refunded => Err(Error::PaymentConflict(Refusal::new(
            "bo-refusal-order-not-payable",
            &[("reference", order.reference.clone().into()), ("status", order.status.code().into())],
        ))),
    }
}

fn check_amount(order: &Order, form: &PaymentForm<'_>) -> Result<()> {
    let expected = super::orders::currency(&order.currency).map(|c| Money::from_minor(order.total_minor, c))?;
    if form.amount != expected {
        return Err(Error::AmountMismatch {
            reference: order.reference.clone(),
            expected: expected.to_string(),
            got: form.amount.to_string(),
        });
    }
    Ok(())
}

/// A payment is dated on or after the day the order was placed, and not after today.
fn check_date(order: &Order, paid_at: i64) -> Result<()> {
    let today = store::now().div_euclid(DAY);
    let paid_day = paid_at.div_euclid(DAY);
    if paid_day > today {
        return Err(Error::refused("bo-refusal-payment-in-future", &[("day", day(paid_at).into())]));
    }
    if paid_day < order.placed_at.div_euclid(DAY) {
        return Err(Error::refused(
            "bo-refusal-payment-before-order",
            &[
                ("day", day(paid_at).into()),
                ("reference", order.reference.clone().into()),
                ("placed", day(order.placed_at).into()),
            ],
        ));
    }
    Ok(())
}

/// Issues a license for each line of the order that sells a plan: as many users as the line's
/// quantity, machines per user as the plan says, the term and support from `starts_at`.
async fn issue_licenses(conn: &mut Conn, actor: &Actor, order: &Order, starts_at: i64) -> Result<()> {
    let start = DateTime::from_timestamp(starts_at, 0)
        .ok_or_else(|| Error::BadRequest(format!("{starts_at} is not a payment time").into()))?;
    for line in orders::sold_lines(conn, &order.id).await? {
        let plan = &line.plan;
        let term = Term::from_months(plan.term_months)
            .ok_or_else(|| Error::Internal(format!("plan {} has a term of {:?} months", plan.sku, plan.term_months)))?;
        let machines = line
            .quantity
            .checked_mul(plan.machines_per_user)
            .ok_or_else(|| Error::BadRequest(format!("too many machines on plan {}", plan.sku).into()))?;
        let form = LicenseForm {
            customer_id: &order.customer_id,
            order_id: Some(&order.id),
            product: &plan.product_id,
            edition: &plan.edition,
            serial: &Serial::generate(),
            users: line.quantity,
            machines,
            starts_at,
            expires_at: term.ends(start).map(|end| end.timestamp()),
            support_years: (plan.support_years > 0).then_some(plan.support_years),
        };
        issuing::issue_license(conn, actor, &form).await?;
    }
    Ok(())
}
