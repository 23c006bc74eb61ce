//! The one-time password links of the people who sign in with a password of their own beside the customers (the vendor's staff, the partner console's people): only a token's SHA-256 kept, a link working once until it expires, and using one ends the person's other links and sessions.

use super::{Conn, Pool};
use crate::domain::TokenHash;
use crate::error::Result;

/// Whose links: the people's table, their links' table, and the column naming a person in
/// the links and in `web_sessions`.
#[derive(Debug, Clone, Copy)]
pub struct Holders {
    people: &'static str,
    links: &'static str,
    column: &'static str,
}

/// The vendor's staff (back office).
pub const STAFF: Holders = Holders { people: "staff", links: "staff_password_links", column: "staff_id" };

/// The people of partners and resellers (partner console).
pub const PARTNER_STAFF: Holders =
    Holders { people: "partner_staff", links: "partner_password_links", column: "partner_staff_id" };

/// Keeps a link of person `id`, working until `expires_at`.
pub async fn insert(
    conn: &mut Conn,
    of: Holders,
    token_hash: &TokenHash,
    id: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    let Holders { links, column, .. } = of;
    sqlx::query(&format!(
        "INSERT INTO {links} (token_hash, {column}, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)"
    ))
    .bind(token_hash.as_str())
    .bind(id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The id of the person a link opens, while it is unused and unexpired and they are enabled.
pub async fn holder(pool: &Pool, of: Holders, token_hash: &TokenHash, now: i64) -> Result<Option<String>> {
    let Holders { people, links, column } = of;
    Ok(sqlx::query_scalar(&format!(
        "SELECT p.id FROM {links} l JOIN {people} p ON p.id = l.{column} \
         WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND p.disabled_at IS NULL"
    ))
    .bind(token_hash.as_str())
    .bind(now)
    .fetch_optional(pool)
    .await?)
}

/// Uses a link of person `id`: sets their password (already hashed) if the link still works,
/// and ends their other links and every session opened with the old password. Whether it
/// worked (two tabs racing: one wins).
pub async fn use_link(
    conn: &mut Conn,
    of: Holders,
    token_hash: &TokenHash,
    id: &str,
    hash: &str,
    now: i64,
) -> Result<bool> {
    let Holders { people, links, column } = of;
    let used = sqlx::query(&format!(
        "UPDATE {links} SET used_at = $1 WHERE token_hash = $2 AND {column} = $3 AND used_at IS NULL AND expires_at > $1"
    ))
    .bind(now)
    .bind(token_hash.as_str())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if used.rows_affected() != 1 {
        return Ok(false);
    }
    void(conn, of, id, now).await?;
    sqlx::query(&format!("UPDATE {people} SET password_hash = $1 WHERE id = $2"))
        .bind(hash)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(&format!("DELETE FROM web_sessions WHERE {column} = $1")).bind(id).execute(&mut *conn).await?;
    Ok(true)
}

/// Every open link of person `id` stops working.
pub async fn void(conn: &mut Conn, of: Holders, id: &str, now: i64) -> Result<()> {
    let Holders { links, column, .. } = of;
    sqlx::query(&format!("UPDATE {links} SET used_at = $1 WHERE {column} = $2 AND used_at IS NULL"))
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
