//! `/api/v1/keys`: the portal's public keys, current and retired.

use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppJson;
use crate::error::Result;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(public_keys))
}

/// One published key.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishedKey {
    /// Key id, 8 hex digits.
    pub kid: String,
    /// Ed25519 public key, base64 of 32 bytes.
    pub public_key: String,
    /// `current` signs new files; `retired` keys still verify older ones.
    pub status: String,
}

/// The keys a client should trust.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeysResponse {
    pub keys: Vec<PublishedKey>,
}

/// The portal's public keys: the current one first, then retired ones.
#[utoipa::path(get, path = "/api/v1/keys", tag = "meta", responses((status = 200, body = KeysResponse)))]
async fn public_keys(State(state): State<AppState>) -> Result<AppJson<KeysResponse>> {
    let current = state.keys.current.public_key();
    let keys = std::iter::once((current, "current"))
        .chain(state.keys.retired.iter().map(|k| (*k, "retired")))
        .map(|(key, status)| PublishedKey {
            kid: key.kid().to_hex(),
            public_key: key.to_base64(),
            status: status.into(),
        })
        .collect();
    Ok(AppJson(KeysResponse { keys }))
}
