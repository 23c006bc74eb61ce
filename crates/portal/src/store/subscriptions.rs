//! Subscriptions and the changes made in their current period (days as ISO `YYYY-MM-DD` text).

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool, new_id};
use crate::domain::{CustomerId, LicenseId, OrderId, SubscriptionStatus};
use crate::error::Result;

/// A subscription as stored.
#[derive(Debug, Clone, FromRow)]
pub struct Subscription {
    pub id: String,
    pub customer_id: String,
    pub license_id: String,
    #[sqlx(try_from = "String")]
    pub status: SubscriptionStatus,
    pub payment_method: String,
    pub currency: String,
    pub trial_ends_on: Option<String>,
    pub anchor: String,
    pub period_start: String,
    pub period_end: String,
    pub period_interval: String,
    /// The plan the period started with, and its SKU.
    pub period_plan_id: String,
    pub period_sku: String,
    pub period_unit_price: i64,
    pub period_quantity: i64,
    pub invoiced_minor: i64,
    pub credit_minor: i64,
    pub version: i64,
    pub created_at: i64,
    pub ended_at: Option<i64>,
    /// The order charging the current period, while it awaits its payment.
    pub due_order_id: Option<String>,
    /// The order charging the next period, placed ahead (bank transfer), and that period's start.
    /// (Kept once that period started: then it charged the current one.)
    pub advance_order_id: Option<String>,
    pub advance_period_start: Option<String>,
}

const COLUMNS: &str = "s.id, s.customer_id, s.license_id, s.status, s.payment_method, s.currency, s.trial_ends_on, \
     s.anchor, s.period_start, s.period_end, s.period_interval, s.period_plan_id, pl.sku AS period_sku, \
     s.period_unit_price, s.period_quantity, s.invoiced_minor, s.credit_minor, s.version, s.created_at, s.ended_at, s.due_order_id, \
     s.advance_order_id, s.advance_period_start";
const FROM: &str = "FROM subscriptions s JOIN plans pl ON pl.id = s.period_plan_id";

/// A subscription to add.
#[derive(Debug)]
pub struct NewSubscription<'a> {
    pub customer_id: &'a CustomerId,
    pub license_id: &'a LicenseId,
    pub status: SubscriptionStatus,
    pub payment_method: &'a str,
    pub currency: &'a str,
    pub trial_ends_on: Option<&'a str>,
    pub anchor: &'a str,
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub period_interval: &'a str,
    pub period_plan_id: &'a str,
    pub period_unit_price: i64,
    pub period_quantity: i64,
    pub invoiced_minor: i64,
    pub created_at: i64,
}

/// Adds a subscription; its id.
pub async fn insert(conn: &mut Conn, new: &NewSubscription<'_>) -> Result<String> {
    let id = new_id("sub");
    sqlx::query(
        "INSERT INTO subscriptions (id, customer_id, license_id, status, payment_method, currency, trial_ends_on, \
         anchor, period_start, period_end, period_interval, period_plan_id, period_unit_price, period_quantity, \
         invoiced_minor, credit_minor, version, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0, 0, $16)",
    )
    .bind(&id)
    .bind(new.customer_id.as_str())
    .bind(new.license_id.as_str())
    .bind(new.status.code())
    .bind(new.payment_method)
    .bind(new.currency)
    .bind(new.trial_ends_on)
    .bind(new.anchor)
    .bind(new.period_start)
    .bind(new.period_end)
    .bind(new.period_interval)
    .bind(new.period_plan_id)
    .bind(new.period_unit_price)
    .bind(new.period_quantity)
    .bind(new.invoiced_minor)
    .bind(new.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Subscription `id`.
pub async fn by_id(conn: &mut Conn, id: &str) -> Result<Option<Subscription>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE s.id = $1")).bind(id).fetch_optional(&mut *conn).await?)
}

/// The subscriptions of customer `id`, oldest first.
pub async fn of_customer(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<Subscription>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE s.customer_id = $1 ORDER BY s.created_at, pl.sku, s.id"))
        .bind(customer_id.as_str())
        .fetch_all(pool)
        .await?)
}

/// One change made in a period, as stored.
#[derive(Debug, Clone, FromRow)]
pub struct StoredChange {
    pub seq: i64,
    pub at: String,
    pub kind: String,
    pub quantity: Option<i64>,
    pub plan_id: Option<String>,
    /// The plan's SKU, when the change names one.
    pub sku: Option<String>,
    pub unit_price: Option<i64>,
    pub interval: Option<String>,
}

/// The changes made to subscription `id` in the period starting `period_start`, in order.
pub async fn changes_in(conn: &mut Conn, id: &str, period_start: &str) -> Result<Vec<StoredChange>> {
    Ok(sqlx::query_as(
        "SELECT c.seq, c.at, c.kind, c.quantity, c.plan_id, pl.sku, c.unit_price, c.interval \
         FROM subscription_changes c LEFT JOIN plans pl ON pl.id = c.plan_id \
         WHERE c.subscription_id = $1 AND c.period_start = $2 ORDER BY c.seq",
    )
    .bind(id)
    .bind(period_start)
    .fetch_all(&mut *conn)
    .await?)
}

/// A change to keep.
#[derive(Debug)]
pub struct NewChange<'a> {
    pub subscription_id: &'a str,
    pub period_start: &'a str,
    pub seq: i64,
    pub at: &'a str,
    pub kind: &'a str,
    pub quantity: Option<i64>,
    pub plan_id: Option<&'a str>,
    pub unit_price: Option<i64>,
    pub interval: Option<&'a str>,
    pub actor: &'a str,
    pub created_at: i64,
}

/// Keeps a change; false when a change with its number was kept meanwhile.
pub async fn insert_change(conn: &mut Conn, new: &NewChange<'_>) -> Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO subscription_changes (id, subscription_id, period_start, seq, at, kind, quantity, plan_id, \
         unit_price, interval, actor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(new_id("sch"))
    .bind(new.subscription_id)
    .bind(new.period_start)
    .bind(new.seq)
    .bind(new.at)
    .bind(new.kind)
    .bind(new.quantity)
    .bind(new.plan_id)
    .bind(new.unit_price)
    .bind(new.interval)
    .bind(new.actor)
    .bind(new.created_at)
    .execute(&mut *conn)
    .await;
    super::fresh(inserted)
}

/// What a change leaves of a subscription's running figures.
#[derive(Debug)]
pub struct Figures {
    pub status: SubscriptionStatus,
    pub invoiced_minor: i64,
    pub credit_minor: i64,
}

/// Saves `figures` if the subscription is still at `version` (a change computed on an older
/// one is refused, never lost); bumps the version. Whether it was saved.
pub async fn save(conn: &mut Conn, id: &str, version: i64, figures: &Figures) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE subscriptions SET status = $1, invoiced_minor = $2, credit_minor = $3, version = version + 1 \
         WHERE id = $4 AND version = $5",
    )
    .bind(figures.status.code())
    .bind(figures.invoiced_minor)
    .bind(figures.credit_minor)
    .bind(id)
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Marks order `order_id` as charging subscription `id`.
pub async fn link_order(conn: &mut Conn, order_id: &OrderId, id: &str) -> Result<()> {
    sqlx::query("UPDATE orders SET subscription_id = $1 WHERE id = $2")
        .bind(id)
        .bind(order_id.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The subscriptions whose period (or trial) ended on or before `today` (ISO day) and that may
/// renew or end: active and cancelling ones past their period end, trials past their end.
pub async fn due_for_roll(pool: &Pool, today: &str) -> Result<Vec<Subscription>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE (s.status IN ('active', 'cancelling') AND s.period_end <= $1) \
         OR (s.status = 'trialing' AND s.trial_ends_on <= $1) ORDER BY s.period_end, s.id"
    ))
    .bind(today)
    .fetch_all(pool)
    .await?)
}

/// The active subscriptions paid by bank transfer whose period ends after `today` and on or
/// before `horizon` (ISO days) and whose next period has no order yet (the order placed ahead,
/// if any, charged the current one): to invoice ahead.
pub async fn due_for_advance(pool: &Pool, today: &str, horizon: &str) -> Result<Vec<Subscription>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} {FROM} WHERE s.status = 'active' AND s.payment_method = 'bank_transfer' \
         AND (s.advance_period_start IS NULL OR s.advance_period_start <= s.period_start) \
         AND s.period_end > $1 AND s.period_end <= $2 ORDER BY s.period_end, s.id"
    ))
    .bind(today)
    .bind(horizon)
    .fetch_all(pool)
    .await?)
}

/// Records order `order_id` as the one charging subscription `id`'s next period, starting
/// `period_start`, unless one is recorded for it already; whether this call recorded it. The
/// order stays recorded through the renewal it charged, until the next one is placed ahead.
pub async fn set_advance(conn: &mut Conn, id: &str, order_id: &OrderId, period_start: &str) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE subscriptions SET advance_order_id = $1, advance_period_start = $2 \
         WHERE id = $3 AND (advance_period_start IS NULL OR advance_period_start <= period_start)",
    )
    .bind(order_id.as_str())
    .bind(period_start)
    .bind(id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// A subscription's next period, as it stands at its start.
#[derive(Debug)]
pub struct NextPeriod<'a> {
    pub status: SubscriptionStatus,
    pub anchor: &'a str,
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub period_interval: &'a str,
    pub period_plan_id: &'a str,
    pub period_unit_price: i64,
    pub period_quantity: i64,
    pub credit_minor: i64,
}

/// Moves subscription `id` to its next period if it is still at `version` (the claim: of two
/// processes rolling it at once, one moves it); nothing invoiced in it yet, no order due.
/// Whether this call moved it.
pub async fn start_period(conn: &mut Conn, id: &str, version: i64, next: &NextPeriod<'_>) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE subscriptions SET status = $1, anchor = $2, period_start = $3, period_end = $4, \
         period_interval = $5, period_plan_id = $6, period_unit_price = $7, period_quantity = $8, \
         invoiced_minor = 0, credit_minor = $9, due_order_id = NULL, version = version + 1 \
         WHERE id = $10 AND version = $11",
    )
    .bind(next.status.code())
    .bind(next.anchor)
    .bind(next.period_start)
    .bind(next.period_end)
    .bind(next.period_interval)
    .bind(next.period_plan_id)
    .bind(next.period_unit_price)
    .bind(next.period_quantity)
    .bind(next.credit_minor)
    .bind(id)
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Ends subscription `id` at `at` if it is still at `version`; whether this call ended it.
pub async fn end(conn: &mut Conn, id: &str, version: i64, at: i64) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE subscriptions SET status = 'ended', ended_at = $1, due_order_id = NULL, advance_order_id = NULL, \
         advance_period_start = NULL, version = version + 1 WHERE id = $2 AND version = $3",
    )
    .bind(at)
    .bind(id)
    .bind(version)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Sets the status of subscription `id` if it is still at `version`; whether it was set.
pub async fn set_status(conn: &mut Conn, id: &str, version: i64, status: SubscriptionStatus) -> Result<bool> {
    let changed =
        sqlx::query("UPDATE subscriptions SET status = $1, version = version + 1 WHERE id = $2 AND version = $3")
            .bind(status.code())
            .bind(id)
            .bind(version)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    Ok(changed == 1)
}

/// Records order `order_id` as the one charging subscription `id`'s current period, or none.
pub async fn set_due_order(conn: &mut Conn, id: &str, order_id: Option<&OrderId>) -> Result<()> {
    sqlx::query("UPDATE subscriptions SET due_order_id = $1 WHERE id = $2")
        .bind(order_id.map(OrderId::as_str))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The subscription whose current period order `order_id` charges, if any.
pub async fn by_due_order(conn: &mut Conn, order_id: &OrderId) -> Result<Option<Subscription>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} {FROM} WHERE s.due_order_id = $1"))
        .bind(order_id.as_str())
        .fetch_optional(&mut *conn)
        .await?)
}

/// A subscription whose period's order awaits its payment.
#[derive(Debug, Clone, FromRow)]
pub struct Unpaid {
    pub id: String,
    pub customer_id: String,
    pub license_id: String,
    #[sqlx(try_from = "String")]
    pub status: SubscriptionStatus,
    pub period_start: String,
    pub version: i64,
    pub order_id: String,
    pub order_reference: String,
    /// The product's grace days: unpaid that long after the period started, it is suspended.
    pub grace_days: i64,
    /// `bank_transfer` or `card`.
    pub payment_method: String,
}

/// The active or past-due subscriptions whose current period holds `today` (ISO day; one
/// whose period ended is rolled first, not dunned) and whose period's order still awaits its
/// payment.
pub async fn unpaid(pool: &Pool, today: &str) -> Result<Vec<Unpaid>> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.customer_id, s.license_id, s.status, s.period_start, s.version, o.id AS order_id, \
         o.reference AS order_reference, p.grace_days, s.payment_method \
         FROM subscriptions s JOIN orders o ON o.id = s.due_order_id \
         JOIN plans pl ON pl.id = s.period_plan_id JOIN editions e ON e.id = pl.edition_id \
         JOIN products p ON p.id = e.product_id \
         WHERE s.status IN ('active', 'past_due') AND o.status = 'awaiting_payment' AND s.period_start <= $1 \
         AND s.period_end > $1 \
         ORDER BY s.period_start, s.id",
    )
    .bind(today)
    .fetch_all(pool)
    .await?)
}

/// A subscription paid by card whose current period's order awaits its payment.
#[derive(Debug, Clone, FromRow)]
pub struct CardDue {
    pub id: String,
    pub customer_id: String,
    pub period_start: String,
    pub order_id: String,
    pub order_reference: String,
    pub total_minor: i64,
    pub currency: String,
}

/// The subscriptions paid by card, not ended, whose current period has started by `today` (ISO
/// day) and whose period's order still awaits its payment: what the card is charged for.
pub async fn card_due(pool: &Pool, today: &str) -> Result<Vec<CardDue>> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.customer_id, s.period_start, o.id AS order_id, o.reference AS order_reference, \
         o.total_minor, o.currency \
         FROM subscriptions s JOIN orders o ON o.id = s.due_order_id \
         WHERE s.payment_method = 'card' AND s.status IN ('active', 'past_due', 'suspended', 'cancelling') \
         AND o.status = 'awaiting_payment' AND s.period_start <= $1 \
         ORDER BY s.period_start, s.id",
    )
    .bind(today)
    .fetch_all(pool)
    .await?)
}

/// Sets how subscription `id` is paid from now on (`bank_transfer` or `card`).
pub async fn set_payment_method(conn: &mut Conn, id: &str, method: &str) -> Result<()> {
    sqlx::query("UPDATE subscriptions SET payment_method = $2 WHERE id = $1")
        .bind(id)
        .bind(method)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A subscription as the back office's list finds it: whose, and what its dunning needs.
#[derive(Debug, Clone, FromRow)]
pub struct Listed {
    pub id: String,
    pub company: String,
    pub email: String,
    /// The product's grace days: unpaid that long after the period started, it is suspended.
    pub grace_days: i64,
    /// The period's order, while it awaits its payment.
    pub unpaid_order: Option<String>,
}

/// What the back office's list selects: a status (or any), and a customer's company or e-mail
/// holding the text (or anyone).
#[derive(Debug, Clone, Copy)]
pub struct ListFilter<'a> {
    pub status: Option<SubscriptionStatus>,
    pub customer: &'a str,
}

const LISTED: &str = "FROM subscriptions s JOIN customers c ON c.id = s.customer_id \
     JOIN plans pl ON pl.id = s.period_plan_id JOIN editions e ON e.id = pl.edition_id \
     JOIN products p ON p.id = e.product_id \
     LEFT JOIN orders o ON o.id = s.due_order_id AND o.status = 'awaiting_payment' \
     WHERE ($1 = '' OR s.status = $1) \
     AND ($2 = '%%' OR LOWER(c.company) LIKE $2 ESCAPE '\\' OR LOWER(c.email) LIKE $2 ESCAPE '\\')";

/// One page of every customer's subscriptions that `filter` selects, newest first.
pub async fn page_all(pool: &Pool, filter: &ListFilter<'_>, requested: Option<i64>) -> Result<Paged<Listed>> {
    let status = filter.status.map_or("", SubscriptionStatus::code);
    let like = format!("%{}%", super::customers::escape_like(&filter.customer.trim().to_lowercase()));
    let count: i64 =
        sqlx::query_scalar(&format!("SELECT COUNT(*) {LISTED}")).bind(status).bind(&like).fetch_one(pool).await?;
    paged(requested, count, |at| async move {
        Ok(sqlx::query_as(&format!(
            "SELECT s.id, c.company, c.email, p.grace_days, o.reference AS unpaid_order {LISTED} \
             ORDER BY s.created_at DESC, s.id LIMIT $3 OFFSET $4"
        ))
        .bind(status)
        .bind(&like)
        .bind(PER_PAGE)
        .bind(at.offset())
        .fetch_all(pool)
        .await?)
    })
    .await
}

/// One change of a subscription as its history shows it: in which period, who made it, when.
#[derive(Debug, Clone, FromRow)]
pub struct HistoryEntry {
    pub period_start: String,
    pub seq: i64,
    pub at: String,
    pub kind: String,
    pub quantity: Option<i64>,
    pub sku: Option<String>,
    pub unit_price: Option<i64>,
    pub interval: Option<String>,
    pub actor: String,
    pub created_at: i64,
}

/// Every change kept for subscription `id`, newest first.
pub async fn history(pool: &Pool, id: &str) -> Result<Vec<HistoryEntry>> {
    Ok(sqlx::query_as(
        "SELECT c.period_start, c.seq, c.at, c.kind, c.quantity, pl.sku, c.unit_price, c.interval, c.actor, \
         c.created_at FROM subscription_changes c LEFT JOIN plans pl ON pl.id = c.plan_id \
         WHERE c.subscription_id = $1 ORDER BY c.period_start DESC, c.seq DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?)
}

/// What the paid orders of subscription `id` placed at or after `since` (Unix seconds) total,
/// in minor units, with the order placed ahead for its current period: what that period was
/// paid.
pub async fn paid_since(conn: &mut Conn, id: &str, since: i64) -> Result<i64> {
    let total: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(o.total_minor) AS BIGINT) FROM orders o \
         WHERE o.subscription_id = $1 AND o.status = 'paid' AND (o.placed_at >= $2 OR o.id IN \
         (SELECT s.advance_order_id FROM subscriptions s WHERE s.id = $1 AND s.advance_period_start = s.period_start))",
    )
    .bind(id)
    .bind(since)
    .fetch_one(&mut *conn)
    .await?;
    Ok(total.unwrap_or(0))
}
