//! The terms bought for client companies out of a pool: users, start and end days.

use sqlx::FromRow;

use super::{Conn, Pool, new_id};
use crate::error::Result;

/// A client's term of a product.
#[derive(Debug, Clone, FromRow)]
pub struct ClientTerm {
    pub id: String,
    pub client_id: String,
    pub product_id: String,
    pub users: i64,
    pub years: i64,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`, the first day without licenses.
    pub ends_on: String,
    pub pool_id: String,
    pub created_at: i64,
    pub cancelled_at: Option<i64>,
}

const COLUMNS: &str = "id, client_id, product_id, users, years, starts_on, ends_on, pool_id, created_at, cancelled_at";

/// A term to store.
#[derive(Debug)]
pub struct NewTerm<'a> {
    pub client_id: &'a str,
    pub product_id: &'a str,
    pub users: i64,
    pub years: i64,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub pool_id: &'a str,
    pub created_at: i64,
}

/// Stores a term; its id.
pub async fn insert(conn: &mut Conn, new: &NewTerm<'_>) -> Result<String> {
    let id = new_id("term");
    sqlx::query(&format!("INSERT INTO client_terms ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)"))
        .bind(&id)
        .bind(new.client_id)
        .bind(new.product_id)
        .bind(new.users)
        .bind(new.years)
        .bind(new.starts_on)
        .bind(new.ends_on)
        .bind(new.pool_id)
        .bind(new.created_at)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

/// The terms of `client_id` in force (not cancelled), by start.
pub async fn of_client(conn: &mut Conn, client_id: &str) -> Result<Vec<ClientTerm>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM client_terms WHERE client_id = $1 AND cancelled_at IS NULL ORDER BY starts_on, id"
    ))
    .bind(client_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// The terms in force of every client in the clients `viewer` sees (see `organisations::clients_seen_by`), by client and start.
pub async fn of_clients(pool: &Pool, viewer: &str) -> Result<Vec<ClientTerm>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM client_terms WHERE cancelled_at IS NULL AND client_id IN \
         (SELECT o.id FROM organisations o JOIN organisations p ON p.id = o.parent_id \
          WHERE o.kind = 'client' AND (o.parent_id = $1 OR p.parent_id = $1)) ORDER BY client_id, starts_on, id"
    ))
    .bind(viewer)
    .fetch_all(pool)
    .await?)
}

/// Marks term `id` cancelled if it is in force and starts after `today`; whether it did.
pub async fn cancel_unstarted(conn: &mut Conn, id: &str, today: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE client_terms SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL AND starts_on > $3",
    )
    .bind(now)
    .bind(id)
    .bind(today)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Term `id`, cancelled or not.
pub async fn by_id(conn: &mut Conn, id: &str) -> Result<Option<ClientTerm>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM client_terms WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}
