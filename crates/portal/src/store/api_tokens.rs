//! The API's bearer tokens, the vendor's and the partners' (bound to their organisation): only
//! their SHA-256 is stored, with a few first characters to tell them apart; a revoked token
//! stays listed and opens nothing.

use sqlx::FromRow;

use super::{Conn, Pool, fresh, new_id};
use crate::domain::{Scopes, TokenHash};
use crate::error::Result;

/// A token as its list shows it (never the token itself).
#[derive(Debug, Clone, FromRow)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    /// The token's first characters, e.g. `tsk_Ab3x`.
    pub prefix: String,
    #[sqlx(try_from = "String")]
    pub scopes: Scopes,
    pub created_at: i64,
    pub created_by: String,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// The partner or reseller a Partner API token acts as; `None` for the vendor's tokens.
    pub organisation_id: Option<String>,
}

const COLUMNS: &str = "id, name, prefix, scopes, created_at, created_by, last_used_at, revoked_at, organisation_id";

/// A token to store.
#[derive(Debug)]
pub struct NewToken<'a> {
    pub name: &'a str,
    pub hash: &'a TokenHash,
    pub prefix: &'a str,
    pub scopes: &'a Scopes,
    pub created_at: i64,
    pub created_by: &'a str,
    /// The partner or reseller of a Partner API token.
    pub organisation_id: Option<&'a str>,
}

/// Stores a token; `None` when a token in force has that name.
pub async fn insert(conn: &mut Conn, new: &NewToken<'_>) -> Result<Option<ApiToken>> {
    let id = new_id("tok");
    let stored = fresh(
        sqlx::query(
            "INSERT INTO api_tokens (id, name, token_hash, prefix, scopes, created_at, created_by, organisation_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(new.name)
        .bind(new.hash.as_str())
        .bind(new.prefix)
        .bind(new.scopes.stored())
        .bind(new.created_at)
        .bind(new.created_by)
        .bind(new.organisation_id)
        .execute(&mut *conn)
        .await,
    )?;
    Ok(stored.then(|| ApiToken {
        id,
        name: new.name.to_owned(),
        prefix: new.prefix.to_owned(),
        scopes: new.scopes.clone(),
        created_at: new.created_at,
        created_by: new.created_by.to_owned(),
        last_used_at: None,
        revoked_at: None,
        organisation_id: new.organisation_id.map(str::to_owned),
    }))
}

/// The token in force with this hash.
pub async fn in_force(pool: &Pool, hash: &TokenHash) -> Result<Option<ApiToken>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL"))
        .bind(hash.as_str())
        .fetch_optional(pool)
        .await?)
}

/// Notes that the token was used at `now`; written at most once a minute per token, so a busy
/// shop does not make a write of every call.
pub async fn touch(pool: &Pool, id: &str, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
    )
    .bind(now)
    .bind(id)
    .bind(now - 60)
    .execute(pool)
    .await?;
    Ok(())
}

/// Every token of `organisation_id` (the vendor's when `None`), in force or revoked, oldest first.
pub async fn all(pool: &Pool, organisation_id: Option<&str>) -> Result<Vec<ApiToken>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE COALESCE(organisation_id, '') = $1 ORDER BY created_at, id"
    ))
    .bind(organisation_id.unwrap_or_default())
    .fetch_all(pool)
    .await?)
}

/// Every Partner API token of every organisation, in force or revoked, by organisation.
pub async fn of_partners(pool: &Pool) -> Result<Vec<ApiToken>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE organisation_id IS NOT NULL ORDER BY organisation_id, created_at, id"
    ))
    .fetch_all(pool)
    .await?)
}

/// Revokes the token in force of `organisation_id` (the vendor's when `None`) named `name`;
/// the token revoked, or `None` when none had it.
pub async fn revoke(conn: &mut Conn, organisation_id: Option<&str>, name: &str, now: i64) -> Result<Option<ApiToken>> {
    let token: Option<ApiToken> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE name = $1 AND COALESCE(organisation_id, '') = $2 AND revoked_at IS NULL"
    ))
    .bind(name)
    .bind(organisation_id.unwrap_or_default())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(mut token) = token else {
        return Ok(None);
    };
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2")
        .bind(now)
        .bind(&token.id)
        .execute(&mut *conn)
        .await?;
    token.revoked_at = Some(now);
    Ok(Some(token))
}
