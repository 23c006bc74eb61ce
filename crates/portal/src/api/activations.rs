//! Activation, validation, refresh and deactivation of machines, online and offline.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use tessera_core::api;
use tessera_core::{ActivationKey, FingerprintDigest, Timestamp};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppJson;
use crate::domain::{Multiline, Text};
use crate::error::{Error, ErrorBody, Result};
use crate::services::activation;
use crate::state::AppState;
use crate::store;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(activate))
        .routes(routes!(activate_offline))
        .routes(routes!(validate))
        .routes(routes!(refresh))
        .routes(routes!(deactivate))
        .routes(routes!(deactivate_by_receipt))
}

/// An activation request file, made and signed by the machine.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivateBody {
    /// The armoured `TESSERA ACTIVATION REQUEST` text.
    pub request: Multiline<16384>,
}

/// A license file for the activated machine.
#[derive(Debug, Serialize, ToSchema)]
pub struct LicenseResponse {
    /// The armoured `TESSERA LICENSE` text.
    pub license: String,
    /// The portal's id of the machine's seat.
    pub machine_id: String,
    /// False when the machine already held a seat (a re-activation).
    pub new_seat: bool,
}

/// An activation response file.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfflineResponse {
    /// The armoured `TESSERA ACTIVATION RESPONSE` text.
    pub response: String,
}

/// Activates a machine: takes a seat (or renews the machine's own) and returns its license file.
#[utoipa::path(post, path = "/api/v1/activations", tag = "activation", request_body = ActivateBody,
    responses((status = 201, description = "New seat", body = LicenseResponse),
              (status = 200, description = "Machine already held a seat", body = LicenseResponse),
              (status = 400, description = "BAD_REQUEST, FILE_DAMAGED, BAD_SIGNATURE, FILE_NOT_ARMOURED, FILE_WRONG_KIND, UNKNOWN_SIGNING_KEY, STALE_REQUEST, CODE_CHECKSUM (and the other CODE_ codes): the request is not valid", body = ErrorBody),
              (status = 403, description = "SUSPENDED, REVOKED, EXPIRED: the license is withheld", body = ErrorBody),
              (status = 404, description = "KEY_NOT_FOUND", body = ErrorBody),
              (status = 409, description = "TOO_MANY_MACHINES, REPLAYED", body = ErrorBody),
              (status = 429, description = "RATE_LIMITED, with Retry-After", body = ErrorBody)))]
async fn activate(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    AppJson(body): AppJson<ActivateBody>,
) -> Result<(StatusCode, AppJson<LicenseResponse>)> {
    state.limits.key_request(address).await?;
    let (_, activation) = activation::activate(&state, &body.request, address).await?;
    let status = if activation.new_seat { StatusCode::CREATED } else { StatusCode::OK };
    Ok((
        status,
        AppJson(LicenseResponse {
            license: activation.file.to_string(),
            machine_id: activation.machine_id.to_string(),
            new_seat: activation.new_seat,
        }),
    ))
}

/// Offline activation: a request file in, a response file out.
#[utoipa::path(post, path = "/api/v1/activations/offline", tag = "activation", request_body = ActivateBody,
    responses((status = 200, body = OfflineResponse),
              (status = 400, description = "BAD_REQUEST, FILE_DAMAGED, BAD_SIGNATURE, FILE_NOT_ARMOURED, FILE_WRONG_KIND, UNKNOWN_SIGNING_KEY, STALE_REQUEST, CODE_CHECKSUM (and the other CODE_ codes): the request is not valid", body = ErrorBody),
              (status = 403, description = "SUSPENDED, REVOKED, EXPIRED: the license is withheld", body = ErrorBody),
              (status = 404, description = "KEY_NOT_FOUND", body = ErrorBody),
              (status = 409, description = "TOO_MANY_MACHINES, REPLAYED", body = ErrorBody),
              (status = 429, description = "RATE_LIMITED, with Retry-After", body = ErrorBody)))]
async fn activate_offline(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    AppJson(body): AppJson<ActivateBody>,
) -> Result<AppJson<OfflineResponse>> {
    state.limits.key_request(address).await?;
    let response = activation::activate_offline(&state, &body.request, None, Some(address)).await?;
    Ok(AppJson(OfflineResponse { response: response.to_string() }))
}

/// A validation question: is this key good for this machine?
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidateBody {
    pub activation_key: Text<64>,
    pub product: Text<64>,
    /// The machine's fingerprint, 64 hex digits.
    pub fingerprint: Text<128>,
}

/// The answer, with the first check that failed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ValidateResponse {
    pub valid: bool,
    /// `VALID`, `KEY_NOT_FOUND`, `REVOKED`, `SUSPENDED`, `EXPIRED`, `NOT_ACTIVATED` (a seat is free)
    /// or `TOO_MANY_MACHINES` (not activated, and no seat is free).
    pub code: String,
    pub message: String,
    /// The serial of the license concerned, when there is one.
    pub serial: Option<String>,
}

/// Validates a key for a machine. Checks in order: key (and product); a seat this machine holds
/// on a usable license (valid); the refusal of a license it holds a seat on, when no usable
/// license is left (revoked, suspended, expired); otherwise whether a seat is free.
#[utoipa::path(post, path = "/api/v1/validate", tag = "activation", request_body = ValidateBody,
    responses((status = 200, body = ValidateResponse),
              (status = 400, description = "BAD_REQUEST, CODE_CHECKSUM (and the other CODE_ codes)", body = ErrorBody),
              (status = 429, description = "RATE_LIMITED, with Retry-After", body = ErrorBody)))]
async fn validate(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    AppJson(body): AppJson<ValidateBody>,
) -> Result<AppJson<ValidateResponse>> {
    state.limits.key_request(address).await?;
    let key = ActivationKey::parse(&body.activation_key)?;
    let fingerprint = FingerprintDigest::parse(&body.fingerprint)
        .ok_or_else(|| Error::BadRequest("The fingerprint must be 64 lowercase hex digits.".into()))?;
    let verdict = activation::validate(&state, &key, &body.product, &fingerprint).await?;
    Ok(AppJson(ValidateResponse {
        valid: verdict.refusal.is_none(),
        code: verdict.refusal.as_ref().map_or("VALID", Error::code).into(),
        message: verdict.refusal.map_or_else(|| "The license is valid on this computer.".into(), |e| e.to_string()),
        serial: verdict.serial.map(String::from),
    }))
}

/// The body of a machine-signed call (`tessera_core::api::MachineCall`), for the OpenAPI document.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct MachineCallBody {
    #[schema(max_length = 64, pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*$")]
    pub license_id: String,
    /// 64 lowercase hex digits.
    #[schema(pattern = "^[0-9a-f]{64}$")]
    pub fingerprint: String,
    /// 32 lowercase hex digits, never used before.
    #[schema(pattern = "^[0-9a-f]{32}$")]
    pub nonce: String,
    /// `YYYY-MM-DDTHH:MM:SSZ`, within 10 minutes of the portal's clock.
    #[schema(pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    pub created: String,
}

/// A fresh license file reflecting the license as it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct RefreshResponse {
    /// The armoured `TESSERA LICENSE` text; its status says if the license was suspended or revoked.
    pub license: String,
    /// The portal's time, for the client's trusted clock.
    pub portal_time: String,
}

/// Refresh: a machine holding a seat gets a new license file. Signed with the machine key.
#[utoipa::path(post, path = "/api/v1/refresh", tag = "activation",
    request_body(content = MachineCallBody, description = "Signed in the Tessera-Machine-Signature header"),
    responses((status = 200, body = RefreshResponse),
              (status = 400, description = "BAD_REQUEST, STALE_REQUEST: more than 10 minutes from the portal's clock", body = ErrorBody),
              (status = 403, description = "MACHINE_SIGNATURE_INVALID", body = ErrorBody),
              (status = 404, description = "NOT_ACTIVATED: this machine holds no seat of the license", body = ErrorBody),
              (status = 409, description = "REPLAYED: the call's nonce was used before", body = ErrorBody)))]
async fn refresh(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<AppJson<RefreshResponse>> {
    let call = activation::machine_call(&state, machine_signature(&headers), "/api/v1/refresh", &body).await?;
    let now = store::now();
    let file = activation::refresh(&state, &call, now, address).await?;
    Ok(AppJson(RefreshResponse {
        license: file.to_string(),
        portal_time: Timestamp::from_unix(now).map(|t| t.to_string()).unwrap_or_default(),
    }))
}

/// A seat given back.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeactivateResponse {
    pub deactivated: bool,
    pub serial: String,
}

/// Online deactivation: the machine gives its seat back. Signed with the machine key.
#[utoipa::path(post, path = "/api/v1/deactivate", tag = "activation",
    request_body(content = MachineCallBody, description = "Signed in the Tessera-Machine-Signature header"),
    responses((status = 200, body = DeactivateResponse),
              (status = 400, description = "BAD_REQUEST, STALE_REQUEST: more than 10 minutes from the portal's clock", body = ErrorBody),
              (status = 403, description = "MACHINE_SIGNATURE_INVALID", body = ErrorBody),
              (status = 404, description = "NOT_ACTIVATED: this machine holds no seat of the license", body = ErrorBody),
              (status = 409, description = "REPLAYED: the call's nonce was used before", body = ErrorBody)))]
async fn deactivate(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<AppJson<DeactivateResponse>> {
    let call = activation::machine_call(&state, machine_signature(&headers), "/api/v1/deactivate", &body).await?;
    activation::release(&state, &call, Some(address)).await.map(deactivated)
}

/// A deactivation receipt file, made offline by the machine.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiptBody {
    /// The armoured `TESSERA DEACTIVATION RECEIPT` text.
    pub receipt: Multiline<16384>,
}

/// Offline deactivation: a receipt signed by the machine key frees its seat, once.
#[utoipa::path(post, path = "/api/v1/deactivations/receipt", tag = "activation", request_body = ReceiptBody,
    responses((status = 200, body = DeactivateResponse),
              (status = 400, description = "BAD_REQUEST, FILE_DAMAGED, BAD_SIGNATURE, FILE_WRONG_KIND: the receipt is not valid", body = ErrorBody),
              (status = 403, description = "MACHINE_SIGNATURE_INVALID: not signed by the machine's key", body = ErrorBody),
              (status = 404, description = "NOT_ACTIVATED, NOT_FOUND", body = ErrorBody),
              (status = 409, description = "REPLAYED: the receipt was used before", body = ErrorBody)))]
async fn deactivate_by_receipt(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    AppJson(body): AppJson<ReceiptBody>,
) -> Result<AppJson<DeactivateResponse>> {
    activation::deactivate_by_receipt(&state, &body.receipt, None, Some(address)).await.map(deactivated)
}

/// The `Tessera-Machine-Signature` header, if it is text.
fn machine_signature(headers: &HeaderMap) -> Option<&str> {
    headers.get(api::MACHINE_SIGNATURE_HEADER).and_then(|v| v.to_str().ok())
}

fn deactivated(released: activation::Released) -> AppJson<DeactivateResponse> {
    AppJson(DeactivateResponse { deactivated: released.deactivated, serial: released.serial.into() })
}
