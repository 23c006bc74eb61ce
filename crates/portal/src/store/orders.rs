//! Orders and their items, as the customer's Orders pages show them.

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool, fresh, new_id};
use crate::domain::{CustomerId, OrderId, OrderRef};
use crate::error::Result;

/// An order.
#[derive(Debug, FromRow)]
pub struct Order {
    #[sqlx(try_from = "String")]
    pub id: OrderId,
    pub placed_at: i64,
    pub reference: String,
    pub currency: String,
    pub total_minor: i64,
}

/// One line of an order.
#[derive(Debug, FromRow)]
pub struct Item {
    pub description: String,
    pub sku: String,
    pub quantity: i64,
    pub subtotal_minor: i64,
}

/// One page of a customer's orders, newest first.
pub async fn page_of_customer(pool: &Pool, customer_id: &str, requested: Option<i64>) -> Result<Paged<Order>> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE customer_id = $1")
        .bind(customer_id)
        .fetch_one(pool)
        .await?;
    paged(requested, count, |at| async move {
        Ok(sqlx::query_as(
            "SELECT id, placed_at, reference, currency, total_minor FROM orders WHERE customer_id = $1 \
             ORDER BY placed_at DESC, reference LIMIT $2 OFFSET $3",
        )
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
    Ok(sqlx::query_as(
        "SELECT id, placed_at, reference, currency, total_minor FROM orders WHERE reference = $1 AND customer_id = $2",
    )
    .bind(reference.as_str())
    .bind(customer_id)
    .fetch_optional(pool)
    .await?)
}

/// The items of order `order_id`, dearest first.
pub async fn items_of(pool: &Pool, order_id: &OrderId) -> Result<Vec<Item>> {
    Ok(sqlx::query_as(
        "SELECT description, sku, quantity, subtotal_minor FROM order_items WHERE order_id = $1 \
         ORDER BY subtotal_minor DESC, sku",
    )
    .bind(order_id.as_str())
    .fetch_all(pool)
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
}

/// Adds an order; its id, or `None` when the reference is taken.
pub async fn insert(conn: &mut Conn, new: &NewOrder<'_>) -> Result<Option<OrderId>> {
    let id = new_id("ord");
    let inserted = sqlx::query(
        "INSERT INTO orders (id, customer_id, reference, placed_at, currency, total_minor) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(new.customer_id)
    .bind(new.reference.as_str())
    .bind(new.placed_at)
    .bind(new.currency)
    .bind(new.total_minor)
    .execute(&mut *conn)
    .await;
    Ok(fresh(inserted)?.then_some(OrderId::new(id)))
}

/// Adds a line to order `order_id`.
pub async fn insert_item(conn: &mut Conn, order_id: &OrderId, product_id: &str, item: &Item) -> Result<()> {
    sqlx::query(
        "INSERT INTO order_items (id, order_id, product_id, sku, description, quantity, subtotal_minor) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id("itm"))
    .bind(order_id.as_str())
    .bind(product_id)
    .bind(&item.sku)
    .bind(&item.description)
    .bind(item.quantity)
    .bind(item.subtotal_minor)
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

/// The references of a customer's orders, newest first.
pub async fn references_of(pool: &Pool, customer_id: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT reference FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC")
        .bind(customer_id)
        .fetch_all(pool)
        .await?)
}
