//! The vendor API under `/api/v1/admin/`: what the vendor's web shop and CRM call with a
//! bearer token from `tessera-portal admin api-token create`, each route needing a scope.

mod customers;
mod events;
mod licenses;
mod orders;
mod subscriptions;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use utoipa_axum::router::OpenApiRouter;

use crate::api::{bearer, time};
use crate::domain::{Actor, Scope};
use crate::error::{Error, Result};
use crate::services::api_tokens;
use crate::state::AppState;
use crate::store::api_tokens::ApiToken;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(customers::router())
        .merge(orders::router())
        .merge(licenses::router())
        .merge(events::router())
        .merge(subscriptions::router())
}

/// The caller of a vendor API route: the token in force it sent, from where.
#[derive(Debug, Clone)]
pub struct Vendor {
    pub token: ApiToken,
    pub address: SocketAddr,
}

impl Vendor {
    /// The caller, if its token has `scope`; else `SCOPE_MISSING`.
    pub fn may(&self, scope: Scope) -> Result<Actor> {
        api_tokens::require(&self.token, scope)?;
        Ok(Actor::api(&self.token.name).from_address(self.address))
    }
}

impl FromRequestParts<AppState> for Vendor {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ConnectInfo(address) = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
            .await
            .map_err(|_| Error::Internal("the vendor API was served without client addresses".into()))?;
        let token = match bearer(parts) {
            Some(secret) => api_tokens::authenticate(&state.pool, secret).await?,
            None => None,
        };
        match token {
            Some(token) => Ok(Self { token, address }),
            None => {
                state.limits.bad_token(address).await?;
                Err(Error::TokenInvalid)
            }
        }
    }
}

/// The `Idempotency-Key` header of a call, if it sent one: a retry with the same key does what
/// the first call did, once.
pub struct IdempotencyKey(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get("idempotency-key") else {
            return Ok(Self(None));
        };
        let key = value.to_str().ok().map(str::trim).filter(|k| (1..=255).contains(&k.len())).ok_or_else(|| {
            Error::BadRequest("The Idempotency-Key header must be 1 to 255 visible characters.".into())
        })?;
        Ok(Self(Some(key.to_owned())))
    }
}

/// A time as the vendor API reads it: RFC 3339, or a day `YYYY-MM-DD` (its midnight, UTC).
fn read_time(field: &str, text: &str) -> Result<i64> {
    let text = text.trim();
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(at.timestamp());
    }
    crate::domain::day::midnight(text).ok_or_else(|| {
        Error::BadRequest(
            format!("The field `{field}` must be a time like 2026-03-01T09:30:00Z or a day like 2026-03-01.").into(),
        )
    })
}
