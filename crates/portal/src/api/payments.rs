//! `/api/v1/payments/stripe`: Stripe's webhook. Its `Stripe-Signature` is checked against the
//! endpoint's signing secret before anything is read; a finished card page keeps the card
//! (the customer's return to the portal does too: whichever comes first, one card is kept).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppJson;
use crate::error::{Error, Result};
use crate::payments::{ProviderError, Webhook};
use crate::services::cards;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(stripe_webhook))
}

/// What the portal did with an event.
#[derive(Debug, Serialize, ToSchema)]
pub struct Received {
    /// `card_added`, `pending` (the card page is not complete) or `ignored`.
    pub outcome: &'static str,
}

/// Stripe's events: `checkout.session.completed` of a setup session keeps the card added on
/// it; other events are acknowledged and ignored.
#[utoipa::path(post, path = "/api/v1/payments/stripe", tag = "payments",
    request_body(content = String, content_type = "application/json", description = "The event as Stripe sends it, signed by `Stripe-Signature: t=…,v1=…`"),
    responses((status = 200, body = Received),
              (status = 400, description = "BAD_REQUEST: no or a wrong `Stripe-Signature`, one older than 5 minutes, or a portal that takes no cards through Stripe", body = crate::error::ErrorBody),
              (status = 404, description = "NOT_FOUND: the setup session is not one of the portal's", body = crate::error::ErrorBody)))]
async fn stripe_webhook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, AppJson<Received>)> {
    let provider = state.payments.as_deref().filter(|provider| provider.name() == "stripe").ok_or_else(|| {
        Error::BadRequest("This portal takes no cards through Stripe: it has no webhook here.".into())
    })?;
    let signature = headers.get("stripe-signature").and_then(|value| value.to_str().ok()).unwrap_or_default();
    let event = provider.webhook(&body, signature, crate::store::now()).map_err(|error| match error {
        ProviderError::BadSignature => Error::BadRequest("The Stripe-Signature header does not sign this body.".into()),
        other => Error::BadRequest(other.to_string().into()),
    })?;
    let outcome = match event {
        Webhook::SetupCompleted { session } => match cards::added(&state.pool, provider, None, &session).await? {
            Some(_) => "card_added",
            None => "pending",
        },
        Webhook::Other(_) => "ignored",
    };
    Ok((StatusCode::OK, AppJson(Received { outcome })))
}
