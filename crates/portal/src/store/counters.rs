//! Numbers handed out once each (order references, invoice numbers): a row per sequence,
//! advanced by a conditional update that holds the row until the transaction ends.

use super::Conn;
use crate::error::Result;

/// The next number of sequence `name` (the first is `first`), in `conn`'s transaction: two
/// transactions never get the same number, and a rolled-back one gives its number back.
pub async fn next(conn: &mut Conn, name: &str, first: i64) -> Result<i64> {
    sqlx::query("INSERT INTO counters (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(first - 1)
        .execute(&mut *conn)
        .await?;
    Ok(sqlx::query_scalar("UPDATE counters SET value = value + 1 WHERE name = $1 RETURNING value")
        .bind(name)
        .fetch_one(&mut *conn)
        .await?)
}
