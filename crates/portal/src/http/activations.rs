//! Activation, validation, refresh and deactivation of machines, online and offline.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use tessera_core::api::{self, MachineCall};
use tessera_core::{
    ActivationKey, ActivationRequest, ActivationResponse, ActivationResponsePayload, DeactivationReceipt,
    FingerprintDigest, PublicKey, Timestamp, request_digest,
};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppJson;
use crate::db;
use crate::domain::{Multiline, Text};
use crate::error::{Error, ErrorBody, Result};
use crate::licensing::{self, Machine};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(activate))
        .routes(routes!(activate_offline))
        .routes(routes!(validate))
        .routes(routes!(refresh))
        .routes(routes!(deactivate))
        .routes(routes!(deactivate_by_receipt))
}

/// How far a machine's clock may be from the portal's in a signed call.
const CALL_SKEW_SECONDS: i64 = 10 * 60;
/// How old an activation request may be when it reaches the portal (offline ones travel).
const REQUEST_MAX_AGE_SECONDS: i64 = 30 * 86_400;

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

fn verified_request(text: &str) -> Result<(ActivationRequest, tessera_core::ActivationRequestPayload)> {
    let file = ActivationRequest::decode(text)?;
    let payload = file.verify_self_signed()?;
    let now = db::now();
    let created = payload.created.unix();
    if created > now + CALL_SKEW_SECONDS || created < now - REQUEST_MAX_AGE_SECONDS {
        return Err(Error::Stale);
    }
    Ok((file, payload))
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
    state.limits.key_request(address)?;
    let (_, request) = verified_request(&body.request)?;
    let activation = licensing::activate(&state.pool, &state.keys, &state.vendor, &request).await?;
    tracing::info!(key = %request.activation_key.redacted(), license = %activation.license.id,
        new_seat = activation.new_seat, "machine activated");
    let status = if activation.new_seat { StatusCode::CREATED } else { StatusCode::OK };
    Ok((
        status,
        AppJson(LicenseResponse {
            license: activation.file.to_string(),
            machine_id: activation.machine_id,
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
    state.limits.key_request(address)?;
    let answered = activate_offline_request(&state, &body.request, None).await?;
    Ok(AppJson(OfflineResponse { response: answered.response.to_string() }))
}

/// An offline activation done: the signed response file.
#[derive(Debug)]
pub struct OfflineActivation {
    pub response: ActivationResponse,
}

/// Offline activation, for the API and the customer pages: verifies the request file, takes a
/// seat and signs the response that answers exactly this request. With `customer`, the request's
/// activation key must be that customer's: another customer's key is refused as `KEY_NOT_FOUND`,
/// exactly like a key that does not exist.
pub async fn activate_offline_request(
    state: &AppState,
    text: &str,
    customer: Option<&str>,
) -> Result<OfflineActivation> {
    let (file, request) = verified_request(text)?;
    if let Some(customer) = customer {
        let owner: Option<String> = sqlx::query_scalar("SELECT id FROM customers WHERE activation_key = $1")
            .bind(request.activation_key.as_str())
            .fetch_optional(&state.pool)
            .await?;
        if owner.as_deref() != Some(customer) {
            return Err(Error::KeyNotFound);
        }
    }
    let activation = licensing::activate(&state.pool, &state.keys, &state.vendor, &request).await?;
    tracing::info!(key = %request.activation_key.redacted(), license = %activation.license.id,
        new_seat = activation.new_seat, "machine activated offline");
    let payload = ActivationResponsePayload {
        request_nonce: request.nonce,
        request_digest: request_digest(&file),
        license: activation.file.to_string(),
        kid: state.keys.current.kid(),
    };
    let response = ActivationResponse::sign(&payload, &state.keys.current)?;
    Ok(OfflineActivation { response })
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
    state.limits.key_request(address)?;
    let key = ActivationKey::parse(&body.activation_key)?;
    let fingerprint = FingerprintDigest::parse(&body.fingerprint)
        .ok_or_else(|| Error::BadRequest("The fingerprint must be 64 lowercase hex digits.".into()))?;
    let found = licensing::licenses_for_key_on_machine(&state.pool, &key, &body.product, &fingerprint.to_hex()).await?;
    let now = db::now();
    let answer = |error: Option<Error>, serial: Option<&str>| ValidateResponse {
        valid: error.is_none(),
        code: error.as_ref().map_or("VALID", Error::code).into(),
        message: error.map_or_else(|| "The license is valid on this computer.".into(), |e| e.to_string()),
        serial: serial.map(str::to_owned),
    };
    if found.is_empty() {
        return Ok(AppJson(answer(Some(Error::KeyNotFound), None)));
    }
    let licenses: Vec<&licensing::License> = found.iter().map(|(license, _)| license).collect();
    let mut held = None;
    for (license, _) in found.iter().filter(|(_, on_machine)| *on_machine) {
        match license.refusal(now) {
            None => return Ok(AppJson(answer(None, Some(&license.serial)))),
            Some(refusal) => {
                held.get_or_insert((refusal, license));
            }
        }
    }
    let usable: Vec<_> = licenses.iter().filter(|l| l.refusal(now).is_none()).collect();
    let Some(first) = usable.first() else {
        let (refusal, license) =
            held.unwrap_or_else(|| (licenses[0].refusal(now).unwrap_or(Error::KeyNotFound), licenses[0]));
        return Ok(AppJson(answer(Some(refusal), Some(&license.serial))));
    };
    let error = if usable.iter().any(|l| l.used_machines < l.max_machines) {
        Error::NotActivated
    } else {
        Error::TooManyMachines(usable.iter().map(|l| l.max_machines).sum())
    };
    Ok(AppJson(answer(Some(error), Some(&first.serial))))
}

/// Checks a machine-signed call and returns the machine it comes from.
async fn machine_call(
    state: &AppState,
    headers: &HeaderMap,
    target: &str,
    body: &[u8],
) -> Result<(Machine, MachineCall)> {
    let call: MachineCall =
        serde_json::from_slice(body).map_err(|e| Error::BadRequest(format!("The request body is not valid: {e}")))?;
    let license_id = Text::<64>::parse("license_id", call.license_id.as_str())?;
    let machine =
        licensing::machine(&state.pool, &license_id, &call.fingerprint.to_hex()).await?.ok_or(Error::NotActivated)?;
    let header =
        headers.get(api::MACHINE_SIGNATURE_HEADER).and_then(|v| v.to_str().ok()).ok_or(Error::MachineSignature)?;
    let key = PublicKey::from_base64(&machine.machine_key).map_err(|_| Error::MachineSignature)?;
    api::verify_machine_call(&key, header, "POST", target, body).map_err(|_| Error::MachineSignature)?;
    if (call.created.unix() - db::now()).abs() > CALL_SKEW_SECONDS {
        return Err(Error::Stale);
    }
    if !licensing::use_nonce(&state.pool, &call.nonce.to_hex()).await? {
        return Err(Error::Replayed);
    }
    Ok((machine, call))
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
async fn refresh(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<AppJson<RefreshResponse>> {
    let (machine, _) = machine_call(&state, &headers, "/api/v1/refresh", &body).await?;
    let license = licensing::license_by_id(&state.pool, &machine.license_id).await?.ok_or(Error::NotFound)?;
    licensing::touch_machine(&state.pool, &machine.id).await?;
    let now = db::now();
    let file = licensing::issue(
        &state.keys,
        &state.vendor,
        &license,
        licensing::fingerprint_of(&machine)?,
        &machine.components,
        now,
    )?;
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
    headers: HeaderMap,
    body: Bytes,
) -> Result<AppJson<DeactivateResponse>> {
    let (machine, _) = machine_call(&state, &headers, "/api/v1/deactivate", &body).await?;
    release(&state, &machine).await.map(AppJson)
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
    AppJson(body): AppJson<ReceiptBody>,
) -> Result<AppJson<DeactivateResponse>> {
    deactivate_by_receipt_text(&state, &body.receipt, None).await.map(AppJson)
}

/// Offline deactivation, for the API and the customer pages: checks the receipt (signed by the
/// machine key recorded at activation, used once) and returns the machine whose seat it frees. With `customer`, the machine must hold a seat of that customer's
/// license: another customer's receipt is refused as `NOT_ACTIVATED`, like an unknown machine.
async fn receipt_machine(state: &AppState, text: &str, customer: Option<&str>) -> Result<Machine> {
    let receipt = DeactivationReceipt::decode(text)?;
    let claimed = receipt.verify_self_signed()?;
    let machine = licensing::machine(&state.pool, &claimed.license_id, &claimed.fingerprint.to_hex())
        .await?
        .ok_or(Error::NotActivated)?;
    let license = licensing::license_by_id(&state.pool, &machine.license_id).await?.ok_or(Error::NotFound)?;
    if customer.is_some_and(|c| c != license.customer_id) {
        return Err(Error::NotActivated);
    }
    let recorded = PublicKey::from_base64(&machine.machine_key).map_err(|_| Error::MachineSignature)?;
    receipt.verify_signed_by(&recorded).map_err(|_| Error::MachineSignature)?;
    if license.product_id != claimed.product {
        return Err(Error::NotActivated);
    }
    if !licensing::use_nonce(&state.pool, &claimed.nonce.to_hex()).await? {
        return Err(Error::Replayed);
    }
    Ok(machine)
}

/// Frees the seat of a machine found by [`receipt_machine`].
pub async fn deactivate_by_receipt_text(
    state: &AppState,
    text: &str,
    customer: Option<&str>,
) -> Result<DeactivateResponse> {
    let machine = receipt_machine(state, text, customer).await?;
    release(state, &machine).await
}

async fn release(state: &AppState, machine: &Machine) -> Result<DeactivateResponse> {
    let license = licensing::license_by_id(&state.pool, &machine.license_id).await?.ok_or(Error::NotFound)?;
    let deactivated = licensing::release_seat(&state.pool, machine).await?;
    tracing::info!(license = %license.id, machine = %machine.id, "machine deactivated");
    Ok(DeactivateResponse { deactivated, serial: license.serial })
}
