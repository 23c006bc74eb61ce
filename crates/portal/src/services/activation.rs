//! Activation's use cases, for the API and the customer pages alike: online and offline
//! activation, validation, the machine-signed refresh and deactivation, and deactivation by receipt. Each
//! check is made here once; the handlers only read the request and write the answer.

use tessera_core::api::{self, MachineCall};
use tessera_core::{
    ActivationKey, ActivationRequest, ActivationRequestPayload, ActivationResponse, ActivationResponsePayload,
    DeactivationReceipt, FingerprintDigest, LicenseFile, PublicKey, request_digest,
};

use std::net::SocketAddr;

use crate::domain::{Actor, LicenseId, Serial, Text};
use crate::error::{Error, Result};
use crate::services::licensing::{self, Activation, Gate, License, Machine, Named, Standing};
use crate::services::user_activation;
use crate::state::AppState;
use crate::store;

/// How far a machine's clock may be from the portal's in a signed call.
pub const CALL_SKEW_SECONDS: i64 = 10 * 60;
/// How old an activation request may be when it reaches the portal (offline ones travel).
const REQUEST_MAX_AGE_SECONDS: i64 = 30 * 86_400;

/// A request file, decoded and self-signature checked, neither from the future nor too old.
pub(crate) fn verified_request(text: &str) -> Result<(ActivationRequest, ActivationRequestPayload)> {
    let file = ActivationRequest::decode(text)?;
    let payload = file.verify_self_signed()?;
    let now = store::now();
    let created = payload.created.unix();
    if created > now + CALL_SKEW_SECONDS || created < now - REQUEST_MAX_AGE_SECONDS {
        return Err(Error::Stale);
    }
    Ok((file, payload))
}

/// Online activation: takes a seat (or renews the machine's own) for the request file's machine.
/// `from`: the caller's address, for the event log.
pub async fn activate(
    state: &AppState,
    text: &str,
    from: SocketAddr,
) -> Result<(ActivationRequestPayload, Activation)> {
    let (_, request) = verified_request(text)?;
    let activation =
        licensing::activate(licensing::Db::of(state), &state.keys, &state.vendor, &request, Some(from)).await?;
    tracing::info!(key = %request.activation_key.redacted(), license = %activation.license.id,
        new_seat = activation.new_seat, "machine activated");
    Ok((request, activation))
}

/// Offline activation: verifies the request file, takes a seat and signs the response that
/// answers exactly this request. With `customer`, the request's activation key must be that
/// customer's: another customer's key is refused as `KEY_NOT_FOUND`, exactly like a key that
/// does not exist.
pub async fn activate_offline(
    state: &AppState,
    text: &str,
    customer: Option<&str>,
    from: Option<SocketAddr>,
) -> Result<ActivationResponse> {
    let (file, request) = verified_request(text)?;
    if let Some(customer) = customer {
        let owner = store::customers::owning_key(&state.pool, request.activation_key.as_str()).await?;
        if owner.as_deref() != Some(customer) {
            return Err(Error::KeyNotFound);
        }
    }
    let activation = licensing::activate(licensing::Db::of(state), &state.keys, &state.vendor, &request, from).await?;
    tracing::info!(key = %request.activation_key.redacted(), license = %activation.license.id,
        new_seat = activation.new_seat, "machine activated offline");
    let payload = ActivationResponsePayload {
        request_nonce: request.nonce,
        request_digest: request_digest(&file),
        license: activation.file.to_string(),
        kid: state.keys.current.kid(),
    };
    Ok(ActivationResponse::sign(&payload, &state.keys.current)?)
}

/// The answer to "is this key good for this machine?": no refusal when it holds a seat of a
/// usable license; else why not, with the serial of the license concerned.
#[derive(Debug)]
pub struct Verdict {
    pub refusal: Option<Error>,
    pub serial: Option<Serial>,
}

/// Validation, by the same standing that activation acts on ([`licensing::standing`]): a
/// machine that would be renewed is valid, one that would be refused gets that refusal, one
/// that could take a seat is `NOT_ACTIVATED`, and `TOO_MANY_MACHINES` when none is free.
pub async fn validate(
    state: &AppState,
    key: &ActivationKey,
    product: &str,
    fingerprint: &FingerprintDigest,
) -> Result<Verdict> {
    let found = store::licenses::gates_for_key_on_machine(
        &state.pool,
        state.readers.as_deref(),
        key,
        product,
        &fingerprint.to_hex(),
    )
    .await?;
    let on_machine: Vec<(&Gate, bool)> = found.iter().map(|(license, on)| (license, *on)).collect();
    let verdict = |refusal: Option<Error>, license: &Gate| Verdict { refusal, serial: Some(license.serial.clone()) };
    Ok(match licensing::standing(&on_machine, store::now()) {
        None => Verdict { refusal: Some(licensing::no_license(&state.pool, key, product).await?), serial: None },
        Some(Standing::Holds(license)) => verdict(None, license),
        Some(Standing::Refused(refusal, license)) => verdict(Some(refusal), license),
        Some(Standing::MayTake(usable)) => {
            let refusal = if usable.iter().any(|l| l.used_machines < l.max_machines) {
                Error::NotActivated
            } else {
                Error::TooManyMachines(usable.iter().map(|l| l.max_machines).sum())
            };
            verdict(Some(refusal), usable[0])
        }
    })
}

/// A machine-signed call, checked but for its nonce, which the action it asks for uses in its
/// own transaction ([`refresh`], [`release`]).
#[derive(Debug)]
pub struct Call {
    pub machine: Machine,
    nonce: String,
}

/// A machine-signed call checked: its body, the machine it names (holding a seat of the
/// license), the signature (`signature`, the header's value) by that machine's recorded key and
/// its time.
pub async fn machine_call(state: &AppState, signature: Option<&str>, target: &str, body: &[u8]) -> Result<Call> {
    let call: MachineCall = serde_json::from_slice(body)
        .map_err(|e| Error::BadRequest(format!("The request body is not valid: {e}").into()))?;
    let license_id = Text::<64>::parse("license_id", call.license_id.as_str())?;
    let machine =
        store::machines::by_fingerprint(&state.pool, &LicenseId::new(license_id.as_str()), &call.fingerprint.to_hex())
            .await?
            .ok_or(Error::NotActivated)?;
    let signature = signature.ok_or(Error::MachineSignature)?;
    let key = PublicKey::from_base64(&machine.machine_key).map_err(|_| Error::MachineSignature)?;
    api::verify_machine_call(&key, signature, "POST", target, body).map_err(|_| Error::MachineSignature)?;
    if (call.created.unix() - store::now()).abs() > CALL_SKEW_SECONDS {
        return Err(Error::Stale);
    }
    Ok(Call { machine, nonce: call.nonce.to_hex() })
}

/// Refresh: a fresh license file for a machine that holds a seat, as the license stands now;
/// the refresh is in the event log, with `from`. A named user's machine whose seat was unbound
/// gets a revoked file and gives its place back ([`user_activation::revoked_at_refresh`]).
pub async fn refresh(state: &AppState, call: &Call, now: i64, from: SocketAddr) -> Result<LicenseFile> {
    let machine = &call.machine;
    let license = store::licenses::by_id(&state.pool, &machine.license_id).await?.ok_or(Error::NotFound)?;
    licensing::note_refresh(licensing::Db::of(state), &license, machine, &call.nonce, Some(from)).await?;
    let named = user_activation::named_of(state, machine).await?;
    if let Some((email, true)) = &named {
        return user_activation::revoked_at_refresh(state, &license, machine, email, now, from).await;
    }
    licensing::issue_for(
        &state.keys,
        &state.vendor,
        &license,
        (licensing::fingerprint_of(machine)?, &machine.components),
        now,
        named.as_ref().map(|(email, _)| Named { email, unbound: false }),
    )
}

/// A seat given back: whether it was still held, and the serial of its license.
#[derive(Debug)]
pub struct Released {
    pub deactivated: bool,
    pub serial: Serial,
}

/// Frees a machine's seat, at the machine's own signed request from `from`.
pub async fn release(state: &AppState, call: &Call, from: Option<SocketAddr>) -> Result<Released> {
    if !store::nonces::use_once(&state.pool, &call.nonce, store::now()).await? {
        return Err(Error::Replayed);
    }
    let machine = &call.machine;
    let license: License = store::licenses::by_id(&state.pool, &machine.license_id).await?.ok_or(Error::NotFound)?;
    give_back(state, license, machine, from).await
}

/// Frees the seat `machine` holds of `license` (read by the caller), the machine acting.
async fn give_back(
    state: &AppState,
    license: License,
    machine: &Machine,
    from: Option<SocketAddr>,
) -> Result<Released> {
    let actor = Actor::machine(&machine.id).from_maybe(from);
    let deactivated = licensing::release_seat(&state.pool, &actor, &license, machine).await?;
    tracing::info!(license = %license.id, machine = %machine.id, "machine deactivated");
    Ok(Released { deactivated, serial: license.serial })
}

/// Offline deactivation: checks the receipt (signed by the machine key recorded at
/// activation, used once) and frees the seat of its machine. With `customer`, the machine must
/// hold a seat of that customer's license: another customer's receipt is refused as
/// `NOT_ACTIVATED`, like an unknown machine.
pub async fn deactivate_by_receipt(
    state: &AppState,
    text: &str,
    customer: Option<&str>,
    from: Option<SocketAddr>,
) -> Result<Released> {
    let receipt = DeactivationReceipt::decode(text)?;
    let claimed = receipt.verify_self_signed()?;
    let machine = store::machines::by_fingerprint(
        &state.pool,
        &LicenseId::new(claimed.license_id.as_str()),
        &claimed.fingerprint.to_hex(),
    )
    .await?
    .ok_or(Error::NotActivated)?;
    let license = store::licenses::by_id(&state.pool, &machine.license_id).await?.ok_or(Error::NotFound)?;
    if customer.is_some_and(|c| c != license.customer_id.as_str()) {
        return Err(Error::NotActivated);
    }
    let recorded = PublicKey::from_base64(&machine.machine_key).map_err(|_| Error::MachineSignature)?;
    receipt.verify_signed_by(&recorded).map_err(|_| Error::MachineSignature)?;
    if license.product_id != claimed.product {
        return Err(Error::NotActivated);
    }
    if !store::nonces::use_once(&state.pool, &claimed.nonce.to_hex(), store::now()).await? {
        return Err(Error::Replayed);
    }
    give_back(state, license, &machine, from).await
}
