//! Customer accounts (people signing in with e-mail and password) and their single-use
//! password links.

use sqlx::FromRow;

use super::{Conn, Pool, fresh, new_id};
use crate::domain::{CustomerId, Email, TokenHash, UserId};
use crate::error::Result;

/// An account, as sign-in needs it.
#[derive(Debug, Clone, FromRow)]
pub struct User {
    #[sqlx(try_from = "String")]
    pub id: UserId,
    #[sqlx(try_from = "String")]
    pub customer_id: CustomerId,
    pub email: String,
    pub password_hash: Option<String>,
}

/// The account with this e-mail address, if any.
pub async fn by_email(pool: &Pool, email: &Email) -> Result<Option<User>> {
    Ok(sqlx::query_as("SELECT id, customer_id, email, password_hash FROM customer_users WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(pool)
        .await?)
}

/// The password hash of account `user_id`, if it has one.
pub async fn password_hash_of(pool: &Pool, user_id: &UserId) -> Result<Option<String>> {
    let hash: Option<Option<String>> = sqlx::query_scalar("SELECT password_hash FROM customer_users WHERE id = $1")
        .bind(user_id.as_str())
        .fetch_optional(pool)
        .await?;
    Ok(hash.flatten())
}

/// Adds an account without password; its id, or `None` when the address has one already.
pub async fn insert(pool: &Pool, customer_id: &CustomerId, email: &Email, now: i64) -> Result<Option<UserId>> {
    let id = new_id("usr");
    let inserted = sqlx::query(
        "INSERT INTO customer_users (id, customer_id, email, password_hash, created_at) VALUES ($1, $2, $3, NULL, $4)",
    )
    .bind(&id)
    .bind(customer_id.as_str())
    .bind(email.as_str())
    .bind(now)
    .execute(pool)
    .await;
    Ok(fresh(inserted)?.then_some(UserId::new(id)))
}

/// Stores a password link of `user_id` working until `expires_at`.
pub async fn insert_reset(pool: &Pool, token: &TokenHash, user_id: &UserId, now: i64, expires_at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)",
    )
    .bind(token.as_str())
    .bind(user_id.as_str())
    .bind(now)
    .bind(expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

/// The account a password link opens, while it is unused and unexpired.
pub async fn reset_user(pool: &Pool, token: &TokenHash, now: i64) -> Result<Option<User>> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.customer_id, u.email, u.password_hash FROM password_resets r \
         JOIN customer_users u ON u.id = r.user_id \
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2",
    )
    .bind(token.as_str())
    .bind(now)
    .fetch_optional(pool)
    .await?)
}

/// Uses the link `token` of `user_id` to set the password (already hashed), in `conn`'s
/// transaction: the link is claimed atomically (of two requests racing with it, one wins), the
/// account's other open links stop working and its sessions end. False when the link was
/// used, or expired, meanwhile.
pub async fn use_reset(
    conn: &mut Conn,
    token: &TokenHash,
    user_id: &UserId,
    password_hash: &str,
    now: i64,
) -> Result<bool> {
    let claimed = sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(token.as_str())
    .execute(&mut *conn)
    .await?;
    if claimed.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(user_id.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE customer_users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM web_sessions WHERE user_id = $1").bind(user_id.as_str()).execute(&mut *conn).await?;
    Ok(true)
}

/// Sets a new password (already hashed) and ends the account's sessions but `keep`, in
/// `conn`'s transaction.
pub async fn change_password(conn: &mut Conn, user_id: &UserId, password_hash: &str, keep: &TokenHash) -> Result<()> {
    sqlx::query("UPDATE customer_users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM web_sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user_id.as_str())
        .bind(keep.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Deletes the links used or expired by `now` (a used link and an unknown one get the same
/// page: nothing is lost by forgetting it); how many.
pub async fn purge_resets(pool: &Pool, now: i64) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1 OR used_at IS NOT NULL")
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected())
}

/// A customer's account as the back office lists it.
#[derive(Debug, FromRow)]
pub struct Account {
    pub email: String,
    pub created_at: i64,
    /// 1 once the person has set a password (an invitation not yet taken up has none).
    pub has_password: i64,
}

/// The accounts of customer `customer_id`, by e-mail.
pub async fn of_customer(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<Account>> {
    Ok(sqlx::query_as(
        "SELECT email, created_at, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password \
         FROM customer_users WHERE customer_id = $1 ORDER BY email",
    )
    .bind(customer_id.as_str())
    .fetch_all(pool)
    .await?)
}
