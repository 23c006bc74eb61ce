//! The Partner API's tokens: a partner or reseller gets tokens of its own (`tpk_…`, shown once), listed and revoked; made, hashed and checked by `services::api_tokens`.

use super::api_tokens::{self, Created, Holder};
use crate::domain::{Actor, Scope, Scopes};
use crate::error::{Error, Result};
use crate::store::api_tokens::ApiToken;
use crate::store::{self, Pool, organisations};

/// Creates a token named `name` for partner or reseller `organisation_id`.
pub async fn create(pool: &Pool, actor: &Actor, organisation_id: &str, name: &str) -> Result<Created> {
    seller(pool, organisation_id).await?;
    let scopes = Scopes::parse([Scope::Partner.code()])?;
    api_tokens::issue(pool, actor, Holder::Organisation(organisation_id), name, &scopes).await
}

/// Every token of `organisation_id`, or of every partner and reseller when `None`.
pub async fn list(pool: &Pool, organisation_id: Option<&str>) -> Result<Vec<ApiToken>> {
    match organisation_id {
        Some(id) => {
            seller(pool, id).await?;
            store::api_tokens::all(pool, Some(id)).await
        }
        None => store::api_tokens::of_partners(pool).await,
    }
}

/// Revokes `organisation_id`'s token in force named `name`.
pub async fn revoke(pool: &Pool, actor: &Actor, organisation_id: &str, name: &str) -> Result<ApiToken> {
    api_tokens::withdraw(pool, actor, Holder::Organisation(organisation_id), name).await
}

/// Refuses an organisation that is not a partner or a reseller.
async fn seller(pool: &Pool, id: &str) -> Result<()> {
    let mut conn = store::acquire(pool).await?;
    match organisations::by_id(&mut conn, id).await? {
        Some(o) if o.kind == "partner" || o.kind == "reseller" => Ok(()),
        _ => Err(Error::BadRequest(format!("{id} is not a partner or a reseller.").into())),
    }
}
