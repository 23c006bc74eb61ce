//! Used nonces: each signed request or request file counts once.

use super::statements::{Statement, Value, text};
use super::{Pool, Tx, fresh};
use crate::error::Result;

/// Records a nonce (`$1`) used at `$2`; a unique violation when it was used before.
const INSERT: &str = "INSERT INTO used_nonces (nonce, used_at) VALUES ($1, $2)";

/// Using `nonce` at `now`, as one of a transaction's [`statements`](super::statements):
/// `replayed` if it was used before.
pub fn used<R>(nonce: &str, now: i64, replayed: R) -> Statement<R> {
    Statement {
        sql: INSERT,
        values: vec![text(nonce), Value::Integer(now)],
        on_conflict: Some(replayed),
        on_no_change: None,
    }
}

/// Records a nonce at `now`; false if it was used before (a replay).
pub async fn use_once(pool: &Pool, nonce: &str, now: i64) -> Result<bool> {
    fresh(sqlx::query(INSERT).bind(nonce).bind(now).execute(pool).await)
}

/// Same, inside the transaction that acts on it.
pub async fn use_once_in(tx: &mut Tx<'_>, nonce: &str, now: i64) -> Result<bool> {
    fresh(sqlx::query(INSERT).bind(nonce).bind(now).execute(&mut **tx).await)
}
