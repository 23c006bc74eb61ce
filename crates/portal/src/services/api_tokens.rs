//! The vendor API's tokens: created with a name and scopes (the token shown once), listed
//! with when each was last used, revoked; and the token of a call looked up and checked.

use super::events::{self, Change};
use crate::domain::{Actor, EventKind, Scope, Scopes, Text, TokenHash, new_token};
use crate::error::{Error, Result};
use crate::store::api_tokens::{self, ApiToken, NewToken};
use crate::store::{self, Pool};

/// What every token starts with, so that one pasted in the wrong place is recognised.
pub const TOKEN_PREFIX: &str = "tsk_";

/// Characters of a token kept to tell it apart: the prefix and four of the secret.
const SHOWN: usize = TOKEN_PREFIX.len() + 4;

/// A token just created: its record and the token itself, which is never shown again.
#[derive(Debug)]
pub struct Created {
    pub token: ApiToken,
    pub secret: String,
}

/// Creates a token named `name` (letters, digits, `-` `_` `.`, at most 64) with `scopes`.
pub async fn create(pool: &Pool, actor: &Actor, name: &str, scopes: &Scopes) -> Result<Created> {
    let name = Text::<64>::parse("name", name.trim())?;
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
        return Err(Error::BadRequest(
            format!("'{}' is not a token name: use letters, digits, - _ or . (e.g. shop)", name.as_str()).into(),
        ));
    }
    let secret = format!("{TOKEN_PREFIX}{}", new_token()?);
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    let new = NewToken {
        name: &name,
        hash: &TokenHash::of(&secret),
        prefix: &secret[..SHOWN],
        scopes,
        created_at: now,
        created_by: actor.as_str(),
    };
    let Some(token) = api_tokens::insert(&mut tx, &new).await? else {
        return Err(Error::BadRequest(
            format!("a token named {} is in force already; revoke it first or choose another name", name.as_str())
                .into(),
        ));
    };
    let change = Change {
        kind: EventKind::ApiTokenCreated,
        at: now,
        subject: &name,
        customer_id: None,
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({ "scopes": scopes.as_slice(), "prefix": new.prefix })),
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
    Ok(Created { token, secret })
}

/// Every token, in force or revoked.
pub async fn list(pool: &Pool) -> Result<Vec<ApiToken>> {
    api_tokens::all(pool).await
}

/// Revokes the token in force named `name`: from now on it opens nothing.
pub async fn revoke(pool: &Pool, actor: &Actor, name: &str) -> Result<ApiToken> {
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    let token = api_tokens::revoke(&mut tx, name.trim(), now)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("no token in force is named {}", name.trim()).into()))?;
    let change = Change {
        kind: EventKind::ApiTokenRevoked,
        at: now,
        subject: &token.name,
        customer_id: None,
        order_id: None,
        license_id: None,
        before: Some(serde_json::json!({ "prefix": token.prefix })),
        after: None,
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
    Ok(token)
}

/// The token in force that `secret` is, or `None` (unknown, revoked, not a token at all).
pub async fn authenticate(pool: &Pool, secret: &str) -> Result<Option<ApiToken>> {
    if !secret.starts_with(TOKEN_PREFIX) || secret.len() > 128 {
        return Ok(None);
    }
    let Some(token) = api_tokens::in_force(pool, &TokenHash::of(secret)).await? else {
        return Ok(None);
    };
    api_tokens::touch(pool, &token.id, store::now()).await?;
    Ok(Some(token))
}

/// Refuses a call its token's scopes do not cover.
pub fn require(token: &ApiToken, scope: Scope) -> Result<()> {
    if token.scopes.allow(scope) { Ok(()) } else { Err(Error::ScopeMissing(scope)) }
}
