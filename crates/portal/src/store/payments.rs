//! Payments recorded against orders: one per order, a bank reference and an idempotency key
//! each recorded once.

use sqlx::FromRow;

use super::{Conn, fresh, new_id};
use crate::domain::{OrderId, PaymentMethod};
use crate::error::Result;

/// A recorded payment.
#[derive(Debug, Clone, FromRow)]
pub struct Payment {
    pub id: String,
    #[sqlx(try_from = "String")]
    pub order_id: OrderId,
    pub amount_minor: i64,
    pub currency: String,
    pub paid_at: i64,
    #[sqlx(try_from = "String")]
    pub method: PaymentMethod,
    pub bank_reference: Option<String>,
    pub idempotency_key: Option<String>,
    pub recorded_by: String,
    pub recorded_at: i64,
}

const COLUMNS: &str = "id, order_id, amount_minor, currency, paid_at, method, bank_reference, idempotency_key, \
     recorded_by, recorded_at";

/// A payment to record.
#[derive(Debug)]
pub struct NewPayment<'a> {
    pub order_id: &'a OrderId,
    pub amount_minor: i64,
    pub currency: &'a str,
    pub paid_at: i64,
    pub method: PaymentMethod,
    pub bank_reference: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
    pub recorded_by: &'a str,
    pub recorded_at: i64,
}

/// Records a payment; false when the order, the bank reference or the idempotency key has one.
pub async fn insert(conn: &mut Conn, new: &NewPayment<'_>) -> Result<bool> {
    fresh(
        sqlx::query(&format!("INSERT INTO payments ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"))
            .bind(new_id("pay"))
            .bind(new.order_id.as_str())
            .bind(new.amount_minor)
            .bind(new.currency)
            .bind(new.paid_at)
            .bind(new.method.code())
            .bind(new.bank_reference)
            .bind(new.idempotency_key)
            .bind(new.recorded_by)
            .bind(new.recorded_at)
            .execute(&mut *conn)
            .await,
    )
}

/// The payment recorded with this idempotency key or this bank reference, if any.
pub async fn matching(
    conn: &mut Conn,
    idempotency_key: Option<&str>,
    bank_reference: Option<&str>,
) -> Result<Option<Payment>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM payments WHERE idempotency_key = $1 OR bank_reference = $2 ORDER BY recorded_at LIMIT 1"
    ))
    .bind(idempotency_key)
    .bind(bank_reference)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The payment of order `id`, if it has one.
pub async fn of_order(conn: &mut Conn, id: &OrderId) -> Result<Option<Payment>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM payments WHERE order_id = $1"))
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?)
}
