//! The Partner API under `/api/v1/partner/`: what a partner's or reseller's own program calls with a bearer token from `tessera-portal admin pool token create`, acting as that organisation.

mod clients;
mod pool;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use utoipa_axum::router::OpenApiRouter;

use crate::api::bearer;
use crate::domain::Actor;
use crate::error::{Error, Result};
use crate::services::api_tokens;
use crate::state::AppState;
use crate::store::api_tokens::ApiToken;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(pool::router()).merge(clients::router())
}

/// The caller of a Partner API route: its token in force, the partner or reseller it acts as,
/// from where.
#[derive(Debug, Clone)]
pub struct Partner {
    pub token: ApiToken,
    pub organisation_id: String,
    pub address: SocketAddr,
}

impl Partner {
    /// Who acts, as the log and the ledger name it: `partner:<organisation>/<token name>`.
    pub fn actor(&self) -> Actor {
        Actor::partner(&format!("{}/{}", self.organisation_id, self.token.name)).from_address(self.address)
    }
}

impl FromRequestParts<AppState> for Partner {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ConnectInfo(address) = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
            .await
            .map_err(|_| Error::Internal("the Partner API was served without client addresses".into()))?;
        let found = match bearer(parts) {
            Some(secret) => api_tokens::authenticate_partner(&state.pool, secret).await?,
            None => None,
        };
        match found {
            Some((token, organisation_id)) => {
                state.limits.partner_call(&token.id).await?;
                Ok(Self { token, organisation_id, address })
            }
            None => {
                state.limits.bad_token(address).await?;
                Err(Error::TokenInvalid)
            }
        }
    }
}

/// Today, as the Partner API dates terms.
fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}
