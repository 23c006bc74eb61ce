//! Sessions: the web pages' (cookie, CSRF token, language; anonymous until sign-in) and the
//! API's bearer tokens. Only the SHA-256 of a token is stored.

use sqlx::FromRow;

use super::Pool;
use crate::domain::TokenHash;
use crate::error::Result;

/// A live web session.
#[derive(Debug, Clone)]
pub struct WebSession {
    pub token_hash: TokenHash,
    pub customer_id: Option<String>,
    /// The account signed in with a password; `None` for e-mail + order number.
    pub user_id: Option<String>,
    /// The account's e-mail, else the customer's.
    pub email: Option<String>,
    pub csrf: String,
    /// The language code the session chose, if it chose one.
    pub language: Option<String>,
    /// The member of staff signed in to the back office.
    pub staff_id: Option<String>,
    /// The partner's or reseller's person signed in to the partner console.
    pub partner_staff_id: Option<String>,
}

#[derive(FromRow)]
struct Record {
    token_hash: String,
    customer_id: Option<String>,
    user_id: Option<String>,
    email: Option<String>,
    csrf_token: String,
    language: Option<String>,
    staff_id: Option<String>,
    partner_staff_id: Option<String>,
}

/// The web session of this token, while it lasts.
pub async fn web_session(pool: &Pool, token: &TokenHash, now: i64) -> Result<Option<WebSession>> {
    let record: Option<Record> = sqlx::query_as(
        "SELECT s.token_hash, s.customer_id, s.user_id, COALESCE(u.email, c.email) AS email, s.csrf_token, s.language, s.staff_id, s.partner_staff_id \
         FROM web_sessions s LEFT JOIN customers c ON c.id = s.customer_id \
         LEFT JOIN customer_users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token.as_str())
    .bind(now)
    .fetch_optional(pool)
    .await?;
    Ok(record.map(|r| WebSession {
        token_hash: TokenHash::stored(r.token_hash),
        customer_id: r.customer_id,
        user_id: r.user_id,
        email: r.email,
        csrf: r.csrf_token,
        language: r.language,
        staff_id: r.staff_id,
        partner_staff_id: r.partner_staff_id,
    }))
}

/// What a new web session starts with.
#[derive(Debug)]
pub struct NewWebSession<'a> {
    pub token: &'a TokenHash,
    pub customer_id: Option<&'a str>,
    pub user_id: Option<&'a str>,
    pub csrf: &'a str,
    pub language: Option<&'a str>,
    /// A back-office session's member of staff.
    pub staff_id: Option<&'a str>,
    /// A partner console session's person.
    pub partner_staff_id: Option<&'a str>,
    pub created_at: i64,
    pub expires_at: i64,
}

/// Stores a new web session.
pub async fn start_web_session(pool: &Pool, new: &NewWebSession<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO web_sessions (token_hash, customer_id, user_id, csrf_token, language, created_at, expires_at, \
         staff_id, partner_staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new.token.as_str())
    .bind(new.customer_id)
    .bind(new.user_id)
    .bind(new.csrf)
    .bind(new.language)
    .bind(new.created_at)
    .bind(new.expires_at)
    .bind(new.staff_id)
    .bind(new.partner_staff_id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Ends a web session, and any that expired by `now`.
pub async fn end_web_session(pool: &Pool, token: &TokenHash, now: i64) -> Result<()> {
    sqlx::query("DELETE FROM web_sessions WHERE token_hash = $1 OR expires_at <= $2")
        .bind(token.as_str())
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

/// Remembers the language a web session chose.
pub async fn set_language(pool: &Pool, token: &TokenHash, language: &str) -> Result<()> {
    sqlx::query("UPDATE web_sessions SET language = $1 WHERE token_hash = $2")
        .bind(language)
        .bind(token.as_str())
        .execute(pool)
        .await?;
    Ok(())
}

/// Stores an API token of `customer_id`, working until `expires_at`.
pub async fn start_api_session(
    pool: &Pool,
    token: &TokenHash,
    customer_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query("INSERT INTO api_sessions (token_hash, customer_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token.as_str())
        .bind(customer_id)
        .bind(now)
        .bind(expires_at)
        .execute(pool)
        .await?;
    Ok(())
}

/// The customer an API token signs in, while it lasts.
pub async fn api_customer(pool: &Pool, token: &TokenHash, now: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT customer_id FROM api_sessions WHERE token_hash = $1 AND expires_at > $2")
        .bind(token.as_str())
        .bind(now)
        .fetch_optional(pool)
        .await?)
}

/// Deletes the web and API sessions that ended by `now`; how many of each. The half-done staff
/// sign-ins that expired go too.
pub async fn purge_expired(pool: &Pool, now: i64) -> Result<(u64, u64)> {
    sqlx::query("DELETE FROM staff_sign_ins WHERE expires_at <= $1").bind(now).execute(pool).await?;
    let web =
        sqlx::query("DELETE FROM web_sessions WHERE expires_at <= $1").bind(now).execute(pool).await?.rows_affected();
    let api =
        sqlx::query("DELETE FROM api_sessions WHERE expires_at <= $1").bind(now).execute(pool).await?.rows_affected();
    Ok((web, api))
}

/// Remembers that the browser of session `token` gave member of staff `staff_id`'s password
/// and owes its code, until `expires_at` (a second try replaces the first); forgets those
/// expired by `now`.
pub async fn start_staff_sign_in(
    pool: &Pool,
    token: &TokenHash,
    staff_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query("DELETE FROM staff_sign_ins WHERE token_hash = $1 OR expires_at <= $2")
        .bind(token.as_str())
        .bind(now)
        .execute(pool)
        .await?;
    sqlx::query("INSERT INTO staff_sign_ins (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)")
        .bind(token.as_str())
        .bind(staff_id)
        .bind(expires_at)
        .execute(pool)
        .await?;
    Ok(())
}

/// The member of staff whose code the browser of session `token` owes, while it may.
pub async fn staff_sign_in(pool: &Pool, token: &TokenHash, now: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT staff_id FROM staff_sign_ins WHERE token_hash = $1 AND expires_at > $2")
        .bind(token.as_str())
        .bind(now)
        .fetch_optional(pool)
        .await?)
}

/// Forgets the half-done sign-in of session `token`.
pub async fn end_staff_sign_in(pool: &Pool, token: &TokenHash) -> Result<()> {
    sqlx::query("DELETE FROM staff_sign_ins WHERE token_hash = $1").bind(token.as_str()).execute(pool).await?;
    Ok(())
}
