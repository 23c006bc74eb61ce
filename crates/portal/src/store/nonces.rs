//! Used nonces: each signed request or request file counts once.

use super::{Pool, Tx, fresh};
use crate::error::Result;

/// Records a nonce at `now`; false if it was used before (a replay).
pub async fn use_once(pool: &Pool, nonce: &str, now: i64) -> Result<bool> {
    fresh(
        sqlx::query("INSERT INTO used_nonces (nonce, used_at) VALUES ($1, $2)")
            .bind(nonce)
            .bind(now)
            .execute(pool)
            .await,
    )
}

/// Same, inside the transaction that acts on it.
pub async fn use_once_in(tx: &mut Tx<'_>, nonce: &str, now: i64) -> Result<bool> {
    fresh(
        sqlx::query("INSERT INTO used_nonces (nonce, used_at) VALUES ($1, $2)")
            .bind(nonce)
            .bind(now)
            .execute(&mut **tx)
            .await,
    )
}
