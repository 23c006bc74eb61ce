//! Named users' one-time codes: kept as salted hashes, the newest of an address in force,
//! wrong tries counted and the one use taken by conditional updates.

use sqlx::FromRow;

use super::{Conn, Pool};
use crate::error::Result;

/// The newest code of an address.
#[derive(Debug, Clone, FromRow)]
pub struct Code {
    pub id: String,
    pub code_hash: String,
    pub expires_at: i64,
    pub attempts: i64,
    pub used_at: Option<i64>,
}

/// What [`insert`] stores.
#[derive(Debug)]
pub struct NewCode<'a> {
    pub id: &'a str,
    pub email_hash: &'a str,
    pub code_hash: &'a str,
    pub created_at: i64,
    pub expires_at: i64,
}

/// Stores a code, in the transaction that queues its mail.
pub async fn insert(conn: &mut Conn, new: &NewCode<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO user_codes (id, email_hash, code_hash, created_at, expires_at, attempts) \
         VALUES ($1, $2, $3, $4, $5, 0)",
    )
    .bind(new.id)
    .bind(new.email_hash)
    .bind(new.code_hash)
    .bind(new.created_at)
    .bind(new.expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest code of the address whose hash is `email_hash` (the one in force), if any.
pub async fn newest(pool: &Pool, email_hash: &str) -> Result<Option<Code>> {
    Ok(sqlx::query_as(
        "SELECT id, code_hash, expires_at, attempts, used_at FROM user_codes WHERE email_hash = $1 \
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(email_hash)
    .fetch_optional(pool)
    .await?)
}

/// Counts a wrong try of code `id` while it has tries left; false when it had none.
pub async fn count_wrong(pool: &Pool, id: &str, most: i64) -> Result<bool> {
    let counted = sqlx::query(
        "UPDATE user_codes SET attempts = attempts + 1 WHERE id = $1 AND attempts < $2 AND used_at IS NULL",
    )
    .bind(id)
    .bind(most)
    .execute(pool)
    .await?;
    Ok(counted.rows_affected() == 1)
}

/// Takes the one use of code `id` at `now`, if it is unused, in time and has tries left: of
/// two requests with the same code, one gets it.
pub async fn use_once(pool: &Pool, id: &str, now: i64, most: i64) -> Result<bool> {
    let used = sqlx::query(
        "UPDATE user_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND expires_at > $1 AND attempts < $3",
    )
    .bind(now)
    .bind(id)
    .bind(most)
    .execute(pool)
    .await?;
    Ok(used.rows_affected() == 1)
}

/// Deletes the codes that ended before `before` (housekeeping); how many.
pub async fn delete_ended(pool: &Pool, before: i64) -> Result<u64> {
    let deleted = sqlx::query("DELETE FROM user_codes WHERE expires_at < $1").bind(before).execute(pool).await?;
    Ok(deleted.rows_affected())
}
