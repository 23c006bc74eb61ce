//! The API's tokens: the vendor's, created with a name and scopes, and the Partner API's,
//! bound to a partner or reseller (`services::partner_tokens`); each shown once, listed with
//! when it was last used, revoked; and the token of a call looked up and checked, in one place.

use super::events::{self, Change};
use crate::domain::{Actor, EventKind, Scope, Scopes, Text, TokenHash, new_token};
use crate::error::{Error, Result};
use crate::store::api_tokens::{self, ApiToken, NewToken};
use crate::store::{self, Pool};

/// What every vendor token starts with, so that one pasted in the wrong place is recognised.
pub const TOKEN_PREFIX: &str = "tsk_";

/// What every Partner API token starts with.
pub const PARTNER_TOKEN_PREFIX: &str = "tpk_";

/// Characters of a token kept to tell it apart: the prefix and four of the secret.
const SHOWN: usize = TOKEN_PREFIX.len() + 4;

/// Whose a token is: the vendor's (its shop, its CRM) or a partner's or reseller's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder<'a> {
    Vendor,
    /// The partner or reseller organisation with this id.
    Organisation(&'a str),
}

impl<'a> Holder<'a> {
    fn prefix(self) -> &'static str {
        match self {
            Self::Vendor => TOKEN_PREFIX,
            Self::Organisation(_) => PARTNER_TOKEN_PREFIX,
        }
    }

    fn organisation(self) -> Option<&'a str> {
        match self {
            Self::Vendor => None,
            Self::Organisation(id) => Some(id),
        }
    }
}

/// A token just created: its record and the token itself, which is never shown again.
#[derive(Debug)]
pub struct Created {
    pub token: ApiToken,
    pub secret: String,
}

/// Creates a vendor token named `name` (letters, digits, `-` `_` `.`, at most 64) with `scopes`.
pub async fn create(pool: &Pool, actor: &Actor, name: &str, scopes: &Scopes) -> Result<Created> {
    if scopes.allow(Scope::Partner) {
        return Err(Error::BadRequest(
            "the partner scope belongs to a partner's own tokens: tessera-portal admin pool token create".into(),
        ));
    }
    issue(pool, actor, Holder::Vendor, name, scopes).await
}

/// Creates a token of `holder` named `name` with `scopes`; the one place tokens are made.
pub(super) async fn issue(
    pool: &Pool,
    actor: &Actor,
    holder: Holder<'_>,
    name: &str,
    scopes: &Scopes,
) -> Result<Created> {
    let name = Text::<64>::parse("name", name.trim())?;
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
        return Err(Error::BadRequest(
            format!("'{}' is not a token name: use letters, digits, - _ or . (e.g. shop)", name.as_str()).into(),
        ));
    }
    let secret = format!("{}{}", holder.prefix(), new_token()?);
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    let new = NewToken {
        name: &name,
        hash: &TokenHash::of(&secret),
        prefix: &secret[..SHOWN],
        scopes,
        created_at: now,
        created_by: actor.as_str(),
        organisation_id: holder.organisation(),
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
        after: Some(serde_json::json!({
            "scopes": scopes.as_slice(),
            "prefix": new.prefix,
            "organisation": holder.organisation(),
        })),
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
    Ok(Created { token, secret })
}

/// Every vendor token, in force or revoked.
pub async fn list(pool: &Pool) -> Result<Vec<ApiToken>> {
    api_tokens::all(pool, None).await
}

/// Revokes the vendor token in force named `name`: from now on it opens nothing.
pub async fn revoke(pool: &Pool, actor: &Actor, name: &str) -> Result<ApiToken> {
    withdraw(pool, actor, Holder::Vendor, name).await
}

/// Revokes `holder`'s token in force named `name`.
pub(super) async fn withdraw(pool: &Pool, actor: &Actor, holder: Holder<'_>, name: &str) -> Result<ApiToken> {
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    let token = api_tokens::revoke(&mut tx, holder.organisation(), name.trim(), now)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("no token in force is named {}", name.trim()).into()))?;
    let change = Change {
        kind: EventKind::ApiTokenRevoked,
        at: now,
        subject: &token.name,
        customer_id: None,
        order_id: None,
        license_id: None,
        before: Some(serde_json::json!({ "prefix": token.prefix, "organisation": holder.organisation() })),
        after: None,
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
    Ok(token)
}

/// The vendor token in force that `secret` is, or `None` (unknown, revoked, a partner's, not
/// a token at all).
pub async fn authenticate(pool: &Pool, secret: &str) -> Result<Option<ApiToken>> {
    Ok(in_force(pool, secret, TOKEN_PREFIX).await?.filter(|token| token.organisation_id.is_none()))
}

/// The Partner API token in force that `secret` is, with the organisation it acts as; `None`
/// for anything else (a vendor token included).
pub async fn authenticate_partner(pool: &Pool, secret: &str) -> Result<Option<(ApiToken, String)>> {
    let token = in_force(pool, secret, PARTNER_TOKEN_PREFIX).await?;
    Ok(token.and_then(|token| token.organisation_id.clone().map(|organisation| (token, organisation))))
}

/// The token in force that `secret` is, if it starts with `prefix`; its use noted.
async fn in_force(pool: &Pool, secret: &str, prefix: &str) -> Result<Option<ApiToken>> {
    if !secret.starts_with(prefix) || secret.len() > 128 {
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
