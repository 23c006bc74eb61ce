//! Invoices and credit notes: inserted once, read, never updated or deleted.

use sqlx::FromRow;

use super::{Conn, Pool, new_id};
use crate::domain::{CustomerId, OrderId};
use crate::error::Result;

/// An issued invoice or credit note.
#[derive(Debug, Clone, FromRow)]
pub struct Invoice {
    pub id: String,
    pub number: String,
    /// `invoice` or `credit_note`.
    pub kind: String,
    pub order_id: String,
    pub customer_id: String,
    pub corrects: Option<String>,
    pub issued_at: i64,
    pub currency: String,
    pub total_minor: i64,
    /// What the printed document shows, as JSON.
    pub document: String,
}

const COLUMNS: &str = "id, number, kind, order_id, customer_id, corrects, issued_at, currency, total_minor, document";

/// A document to issue.
#[derive(Debug)]
pub struct NewInvoice<'a> {
    pub number: &'a str,
    pub kind: &'a str,
    pub year: i64,
    pub sequence: i64,
    pub order_id: &'a OrderId,
    pub customer_id: &'a CustomerId,
    pub corrects: Option<&'a str>,
    pub issued_at: i64,
    pub currency: &'a str,
    pub total_minor: i64,
    pub document: &'a str,
}

/// Issues `new` in `conn`'s transaction; its id.
pub async fn insert(conn: &mut Conn, new: &NewInvoice<'_>) -> Result<String> {
    let id = new_id("inv");
    sqlx::query(
        "INSERT INTO invoices (id, number, kind, year, sequence, order_id, customer_id, corrects, issued_at, \
         currency, total_minor, document) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&id)
    .bind(new.number)
    .bind(new.kind)
    .bind(new.year)
    .bind(new.sequence)
    .bind(new.order_id.as_str())
    .bind(new.customer_id.as_str())
    .bind(new.corrects)
    .bind(new.issued_at)
    .bind(new.currency)
    .bind(new.total_minor)
    .bind(new.document)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The documents of order `order_id`, in the order they were issued.
pub async fn of_order(conn: &mut Conn, order_id: &OrderId) -> Result<Vec<Invoice>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM invoices WHERE order_id = $1 ORDER BY issued_at, number"))
        .bind(order_id.as_str())
        .fetch_all(&mut *conn)
        .await?)
}

/// The document numbered `number`.
pub async fn by_number(pool: &Pool, number: &str) -> Result<Option<Invoice>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM invoices WHERE number = $1"))
        .bind(number)
        .fetch_optional(pool)
        .await?)
}
