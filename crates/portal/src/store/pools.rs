//! Pools of license-years per (organisation, product) and their append-only ledger: the
//! balance changes only with a ledger row, in the same transaction, by a conditional update.

use sqlx::FromRow;

use super::{Conn, Pool, fresh, new_id};
use crate::error::Result;

/// A pool and what is left in it.
#[derive(Debug, Clone, FromRow)]
pub struct LicensePool {
    pub id: String,
    pub organisation_id: String,
    pub product_id: String,
    pub balance: i64,
}

/// One movement of a pool.
#[derive(Debug, Clone, FromRow)]
pub struct Movement {
    pub id: String,
    pub pool_id: String,
    /// `grant`, `transfer`, `allocate` or `return`.
    pub kind: String,
    /// Into the pool (+) or out of it (-).
    pub amount: i64,
    pub order_id: Option<String>,
    pub other_pool_id: Option<String>,
    pub term_id: Option<String>,
    pub actor: String,
    pub at: i64,
}

/// A ledger row as an organisation reads it: of which product, and for which client.
#[derive(Debug, Clone, FromRow)]
pub struct LedgerLine {
    pub id: String,
    pub product_id: String,
    /// `grant`, `transfer`, `allocate` or `return`.
    pub kind: String,
    pub amount: i64,
    pub term_id: Option<String>,
    pub client_id: Option<String>,
    pub actor: String,
    pub at: i64,
}

/// What a ledger row records besides its pool, kind and amount.
#[derive(Debug, Default)]
pub struct Links<'a> {
    pub order_id: Option<&'a str>,
    pub other_pool_id: Option<&'a str>,
    pub term_id: Option<&'a str>,
}

const POOL_COLUMNS: &str = "id, organisation_id, product_id, balance";

/// The pool of `organisation_id` for `product_id`, made empty if it had none.
pub async fn ensure(conn: &mut Conn, organisation_id: &str, product_id: &str) -> Result<LicensePool> {
    sqlx::query(
        "INSERT INTO license_pools (id, organisation_id, product_id, balance) VALUES ($1, $2, $3, 0) \
         ON CONFLICT (organisation_id, product_id) DO NOTHING",
    )
    .bind(new_id("pool"))
    .bind(organisation_id)
    .bind(product_id)
    .execute(&mut *conn)
    .await?;
    Ok(sqlx::query_as(&format!(
        "SELECT {POOL_COLUMNS} FROM license_pools WHERE organisation_id = $1 AND product_id = $2"
    ))
    .bind(organisation_id)
    .bind(product_id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Every pool of `organisation_id`, by product.
pub async fn of(pool: &Pool, organisation_id: &str) -> Result<Vec<LicensePool>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {POOL_COLUMNS} FROM license_pools WHERE organisation_id = $1 ORDER BY product_id"
    ))
    .bind(organisation_id)
    .fetch_all(pool)
    .await?)
}

/// Takes `amount` out of pool `pool_id` if it holds that much; whether it did. The one
/// conditional write: it never goes negative, whatever runs at the same time.
pub async fn debit(conn: &mut Conn, pool_id: &str, amount: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE license_pools SET balance = balance - $1 WHERE id = $2 AND balance >= $1")
        .bind(amount)
        .bind(pool_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(done == 1)
}

/// Puts `amount` into pool `pool_id`.
pub async fn credit(conn: &mut Conn, pool_id: &str, amount: i64) -> Result<()> {
    sqlx::query("UPDATE license_pools SET balance = balance + $1 WHERE id = $2")
        .bind(amount)
        .bind(pool_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Appends a ledger row; `false` when it would be a second grant of one order.
pub async fn record(
    conn: &mut Conn,
    pool_id: &str,
    kind: &str,
    amount: i64,
    links: &Links<'_>,
    actor: &str,
    at: i64,
) -> Result<bool> {
    fresh(
        sqlx::query(
            "INSERT INTO pool_ledger (id, pool_id, kind, amount, order_id, other_pool_id, term_id, actor, at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(new_id("mov"))
        .bind(pool_id)
        .bind(kind)
        .bind(amount)
        .bind(links.order_id)
        .bind(links.other_pool_id)
        .bind(links.term_id)
        .bind(actor)
        .bind(at)
        .execute(&mut *conn)
        .await,
    )
}

/// The ledger of pool `pool_id`, oldest first.
pub async fn ledger(pool: &Pool, pool_id: &str) -> Result<Vec<Movement>> {
    Ok(sqlx::query_as(
        "SELECT id, pool_id, kind, amount, order_id, other_pool_id, term_id, actor, at \
         FROM pool_ledger WHERE pool_id = $1 ORDER BY at, id",
    )
    .bind(pool_id)
    .fetch_all(pool)
    .await?)
}

/// The `limit` newest ledger rows of every pool of `organisation_id`, newest first.
pub async fn recent_of(pool: &Pool, organisation_id: &str, limit: i64) -> Result<Vec<LedgerLine>> {
    Ok(sqlx::query_as(
        "SELECT m.id, p.product_id, m.kind, m.amount, m.term_id, t.client_id, m.actor, m.at \
         FROM pool_ledger m JOIN license_pools p ON p.id = m.pool_id LEFT JOIN client_terms t ON t.id = m.term_id \
         WHERE p.organisation_id = $1 ORDER BY m.at DESC, m.id DESC LIMIT $2",
    )
    .bind(organisation_id)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}
