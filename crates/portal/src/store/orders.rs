//! Orders and their items: placed, waiting for their payment, paid; as the customer's Orders
//! pages and the payment that issues their licenses read them.

use sqlx::FromRow;

use super::catalog::{PLAN_COLUMNS, Plan};
use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool, fresh, new_id};
use crate::domain::{CustomerId, OrderId, OrderRef, OrderStatus, PaymentMethod};
use crate::error::Result;

/// An order.
#[derive(Debug, Clone, FromRow)]
pub struct Order {
    #[sqlx(try_from = "String")]
    pub id: OrderId,
    #[sqlx(try_from = "String")]
    pub customer_id: CustomerId,
    pub placed_at: i64,
    pub reference: String,
    pub currency: String,
    pub total_minor: i64,
    #[sqlx(try_from = "String")]
    pub status: OrderStatus,
    #[sqlx(try_from = "String")]
    pub payment_method: PaymentMethod,
    pub paid_at: Option<i64>,
}

const ORDER_COLUMNS: &str =
    "id, customer_id, placed_at, reference, currency, total_minor, status, payment_method, paid_at";

/// One line of an order.
#[derive(Debug, FromRow)]
pub struct Item {
    pub description: String,
    pub sku: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub subtotal_minor: i64,
    /// The plan it sells; `None` for a line recorded by hand.
    pub plan_id: Option<String>,
}

/// One page of a customer's orders, newest first.
pub async fn page_of_customer(pool: &Pool, customer_id: &str, requested: Option<i64>) -> Result<Paged<Order>> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE customer_id = $1")
        .bind(customer_id)
        .fetch_one(pool)
        .await?;
    paged(requested, count, |at| async move {
        Ok(sqlx::query_as(&format!(
            "SELECT {ORDER_COLUMNS} FROM orders WHERE customer_id = $1 \
                 ORDER BY placed_at DESC, reference LIMIT $2 OFFSET $3"
        ))
        .bind(customer_id)
        .bind(PER_PAGE)
        .bind(at.offset())
        .fetch_all(pool)
        .await?)
    })
    .await
}

/// The customer's own order `reference`; `None` for another customer's, as for none at all.
pub async fn of_customer(pool: &Pool, customer_id: &str, reference: &OrderRef) -> Result<Option<Order>> {
    Ok(sqlx::query_as(&format!("SELECT {ORDER_COLUMNS} FROM orders WHERE reference = $1 AND customer_id = $2"))
        .bind(reference.as_str())
        .bind(customer_id)
        .fetch_optional(pool)
        .await?)
}

/// The items of order `order_id`, dearest first.
pub async fn items_of(pool: &Pool, order_id: &OrderId) -> Result<Vec<Item>> {
    items_in(&mut *pool.acquire().await?, order_id).await
}

/// The items of order `order_id` inside `conn`'s transaction, dearest first.
pub async fn items_in(conn: &mut Conn, order_id: &OrderId) -> Result<Vec<Item>> {
    Ok(sqlx::query_as(
        "SELECT description, sku, quantity, unit_price_minor, subtotal_minor, plan_id FROM order_items \
         WHERE order_id = $1 ORDER BY subtotal_minor DESC, sku",
    )
    .bind(order_id.as_str())
    .fetch_all(&mut *conn)
    .await?)
}

/// An order to add (its items follow with [`insert_item`]).
#[derive(Debug)]
pub struct NewOrder<'a> {
    pub customer_id: &'a str,
    pub reference: &'a OrderRef,
    pub placed_at: i64,
    pub currency: &'a str,
    pub total_minor: i64,
    pub status: OrderStatus,
    pub payment_method: PaymentMethod,
    /// When it was paid, for an order recorded paid.
    pub paid_at: Option<i64>,
    /// The vendor API's `Idempotency-Key` of the call that placed it.
    pub idempotency_key: Option<&'a str>,
}

/// Adds an order; its id, or `None` when the reference (or idempotency key) is taken.
pub async fn insert(conn: &mut Conn, new: &NewOrder<'_>) -> Result<Option<OrderId>> {
    let id = new_id("ord");
    let inserted = sqlx::query(
        "INSERT INTO orders (id, customer_id, reference, placed_at, currency, total_minor, status, payment_method, \
         paid_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&id)
    .bind(new.customer_id)
    .bind(new.reference.as_str())
    .bind(new.placed_at)
    .bind(new.currency)
    .bind(new.total_minor)
    .bind(new.status.code())
    .bind(new.payment_method.code())
    .bind(new.paid_at)
    .bind(new.idempotency_key)
    .execute(&mut *conn)
    .await;
    Ok(fresh(inserted)?.then_some(OrderId::new(id)))
}

/// Adds a line to order `order_id`, keeping what its plan sells now (machines per user, support)
/// for the licenses issued at the payment.
pub async fn insert_item(conn: &mut Conn, order_id: &OrderId, product_id: &str, item: &Item) -> Result<()> {
    sqlx::query(
        "INSERT INTO order_items (id, order_id, product_id, sku, description, quantity, unit_price_minor, \
         subtotal_minor, plan_id, sold_machines_per_user, sold_support_years) \
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, \
                (SELECT machines_per_user FROM plans WHERE id = $9), (SELECT support_years FROM plans WHERE id = $9)",
    )
    .bind(new_id("itm"))
    .bind(order_id.as_str())
    .bind(product_id)
    .bind(&item.sku)
    .bind(&item.description)
    .bind(item.quantity)
    .bind(item.unit_price_minor)
    .bind(item.subtotal_minor)
    .bind(item.plan_id.as_deref())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The id of the customer's order `reference`.
pub async fn id_of(conn: &mut Conn, customer_id: &CustomerId, reference: &OrderRef) -> Result<Option<OrderId>> {
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM orders WHERE customer_id = $1 AND reference = $2")
        .bind(customer_id.as_str())
        .bind(reference.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(OrderId::new))
}

/// The order placed by the vendor API call with this `Idempotency-Key`.
pub async fn by_idempotency_key(conn: &mut Conn, key: &str) -> Result<Option<Order>> {
    Ok(sqlx::query_as(&format!("SELECT {ORDER_COLUMNS} FROM orders WHERE idempotency_key = $1"))
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?)
}

/// An order awaiting its payment, with whom it is for.
#[derive(Debug, Clone, FromRow)]
pub struct Awaiting {
    pub reference: String,
    pub company: String,
    pub email: String,
    pub placed_at: i64,
    pub currency: String,
    pub total_minor: i64,
    #[sqlx(try_from = "String")]
    pub payment_method: PaymentMethod,
}

/// The orders awaiting payment, oldest first, at most `limit`.
pub async fn awaiting_payment(pool: &Pool, limit: i64) -> Result<Vec<Awaiting>> {
    Ok(sqlx::query_as(
        "SELECT o.reference, c.company, c.email, o.placed_at, o.currency, o.total_minor, o.payment_method \
         FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = $1 \
         ORDER BY o.placed_at, o.reference LIMIT $2",
    )
    .bind(OrderStatus::AwaitingPayment.code())
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// Every order of a customer, newest first.
pub async fn all_of_customer(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<Order>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ORDER_COLUMNS} FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC, reference DESC"
    ))
    .bind(customer_id.as_str())
    .fetch_all(pool)
    .await?)
}

#[derive(FromRow)]
struct OrderItem {
    order_id: String,
    #[sqlx(flatten)]
    item: Item,
}

/// The items of every order of a customer, each with its order's id, dearest first.
pub async fn items_of_customer(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<(OrderId, Item)>> {
    let rows: Vec<OrderItem> = sqlx::query_as(
        "SELECT i.order_id, i.description, i.sku, i.quantity, i.unit_price_minor, i.subtotal_minor, i.plan_id          FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.customer_id = $1          ORDER BY i.subtotal_minor DESC, i.sku",
    )
    .bind(customer_id.as_str())
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|row| (OrderId::new(row.order_id), row.item)).collect())
}

/// The references of a customer's orders, newest first.
pub async fn references_of(pool: &Pool, customer_id: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT reference FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC")
        .bind(customer_id)
        .fetch_all(pool)
        .await?)
}

/// The order `reference`, whoever placed it (for the vendor's staff and shop).
pub async fn by_reference(conn: &mut Conn, reference: &OrderRef) -> Result<Option<Order>> {
    Ok(sqlx::query_as(&format!("SELECT {ORDER_COLUMNS} FROM orders WHERE reference = $1"))
        .bind(reference.as_str())
        .fetch_optional(&mut *conn)
        .await?)
}

/// Whether a reference is taken.
pub async fn reference_taken(conn: &mut Conn, reference: &OrderRef) -> Result<bool> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM orders WHERE reference = $1")
        .bind(reference.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// Marks an order awaiting payment paid at `paid_at`; false when it was not awaiting payment
/// (paid meanwhile by another process, cancelled): the update is conditional, so it happens once.
pub async fn mark_paid(conn: &mut Conn, id: &OrderId, paid_at: i64) -> Result<bool> {
    let changed = sqlx::query("UPDATE orders SET status = $1, paid_at = $2 WHERE id = $3 AND status = $4")
        .bind(OrderStatus::Paid.code())
        .bind(paid_at)
        .bind(id.as_str())
        .bind(OrderStatus::AwaitingPayment.code())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(changed > 0)
}

/// Moves order `id` from status `from` to `to`; false when it was not in `from` (the update
/// is conditional, so two staff undoing one order at once change it once).
pub async fn change_status(conn: &mut Conn, id: &OrderId, from: OrderStatus, to: OrderStatus) -> Result<bool> {
    let changed = sqlx::query("UPDATE orders SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.code())
        .bind(id.as_str())
        .bind(from.code())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(changed > 0)
}

/// An order line sold from a plan: how many, and the plan.
#[derive(Debug, FromRow)]
pub struct SoldLine {
    pub quantity: i64,
    #[sqlx(flatten)]
    pub plan: Plan,
}

/// The lines of order `id` that sell a plan, by SKU, with the machines per user and support the
/// plan had when the order was placed.
pub async fn sold_lines(conn: &mut Conn, id: &OrderId) -> Result<Vec<SoldLine>> {
    let columns = PLAN_COLUMNS
        .replace(
            "pl.machines_per_user",
            "COALESCE(i.sold_machines_per_user, pl.machines_per_user) AS machines_per_user",
        )
        .replace("pl.support_years", "COALESCE(i.sold_support_years, pl.support_years) AS support_years");
    Ok(sqlx::query_as(&format!(
        "SELECT i.quantity, {columns} FROM order_items i JOIN plans pl ON pl.id = i.plan_id \
         JOIN editions e ON e.id = pl.edition_id WHERE i.order_id = $1 ORDER BY pl.sku, i.id"
    ))
    .bind(id.as_str())
    .fetch_all(&mut *conn)
    .await?)
}

/// The reference of the customer's oldest order awaiting payment with a line of `product`.
pub async fn awaiting_payment_for(pool: &Pool, customer_id: &CustomerId, product: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT o.reference FROM orders o JOIN order_items i ON i.order_id = o.id \
         WHERE o.customer_id = $1 AND o.status = $2 AND i.product_id = $3 ORDER BY o.placed_at, o.reference",
    )
    .bind(customer_id.as_str())
    .bind(OrderStatus::AwaitingPayment.code())
    .bind(product)
    .fetch_optional(pool)
    .await?)
}

/// The order `id`.
pub async fn by_id(conn: &mut Conn, id: &OrderId) -> Result<Option<Order>> {
    Ok(sqlx::query_as(&format!("SELECT {ORDER_COLUMNS} FROM orders WHERE id = $1"))
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?)
}

/// The orders charging subscription `id`, newest first.
pub async fn of_subscription(pool: &Pool, id: &str) -> Result<Vec<Order>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ORDER_COLUMNS} FROM orders WHERE subscription_id = $1 ORDER BY placed_at DESC, reference"
    ))
    .bind(id)
    .fetch_all(pool)
    .await?)
}
