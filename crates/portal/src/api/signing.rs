//! Signs every API response: `Date` plus `Tessera-Signature` over method, target, status, date and body digest.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tessera_core::api;

use crate::error::Error;
use crate::state::AppState;

/// Middleware: buffers the response, adds `Date` and the signature (see `tessera_core::api`).
pub async fn sign_response(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().as_str().to_owned();
    let nonce = api::request_nonce(request.headers().get(api::NONCE_HEADER).and_then(|v| v.to_str().ok())).to_owned();
    let target =
        request.uri().path_and_query().map_or_else(|| request.uri().path().to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return Error::Internal("cannot buffer the response".into()).into_response();
    };
    let date = chrono::Utc::now().format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    let message = api::response_message(&method, &target, parts.status.as_u16(), &date, &nonce, &bytes);
    let signature = api::sign_response(&state.keys.current, &message);
    if let (Ok(date), Ok(signature)) = (HeaderValue::from_str(&date), HeaderValue::from_str(&signature)) {
        parts.headers.insert(header::DATE, date);
        parts.headers.insert(HeaderName::from_static(api::SIGNATURE_HEADER), signature);
    }
    Response::from_parts(parts, Body::from(bytes))
}
