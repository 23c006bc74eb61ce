//! Signed portal responses: what a client checks to tell the real portal from a fake one.
//!
//! The portal signs, under [`Domain::ApiResponse`], the text
//! `METHOD SP TARGET LF STATUS LF DATE LF NONCE LF SHA256-HEX(body)` and sends it in the header
//! `Tessera-Signature: kid=<8 hex>, sig=<base64 of 64 bytes>`, beside the `Date` it signed.
//! `NONCE` is the request's `Tessera-Nonce` header (empty without one): a client that sends
//! a fresh nonce knows the answer was made for its request, not replayed from another.

use sha2::{Digest as _, Sha256};

use crate::encoding::{Kid, base64, hex, parse_base64};
use crate::error::{Error, Result};
use crate::keys::{Domain, PublicKeySet, SigningKey};

/// The header name, lower case.
pub const SIGNATURE_HEADER: &str = "tessera-signature";

/// The request header carrying the client's nonce, lower case.
pub const NONCE_HEADER: &str = "tessera-nonce";

/// The request nonce as the portal signs it: the header's value if it is 1 to 64 characters
/// of `[A-Za-z0-9_-]`, else empty.
#[must_use]
pub fn request_nonce(header: Option<&str>) -> &str {
    header
        .filter(|n| {
            (1..=64).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .unwrap_or("")
}

/// The exact bytes signed for one response.
#[must_use]
pub fn response_message(method: &str, target: &str, status: u16, date: &str, nonce: &str, body: &[u8]) -> Vec<u8> {
    format!("{method} {target}\n{status}\n{date}\n{nonce}\n{}", hex(&Sha256::digest(body))).into_bytes()
}

/// The signature header's value for one response.
#[must_use]
pub fn sign_response(key: &SigningKey, message: &[u8]) -> String {
    format!("kid={}, sig={}", key.kid(), base64(&key.sign(Domain::ApiResponse, message)))
}

/// Checks a response's signature header against the trusted keys.
///
/// ```
/// use tessera_core::{api, PublicKeySet, SigningKey};
/// let portal = SigningKey::from_seed([3; 32]);
/// let date = "Sat, 21 Nov 2026 23:29:41 GMT";
/// let message = api::response_message("GET", "/api/v1/keys", 200, date, "5f2b", b"{}");
/// let header = api::sign_response(&portal, &message);
/// let trusted = PublicKeySet::from_keys([portal.public_key()])?;
/// api::verify_response(&trusted, &header, &message)?;
/// let forged = api::response_message("GET", "/api/v1/keys", 200, date, "5f2b", b"{ }");
/// assert!(api::verify_response(&trusted, &header, &forged).is_err());
/// // The same answer does not pass for another request's.
/// let replayed = api::response_message("GET", "/api/v1/keys", 200, date, "9a71", b"{}");
/// assert!(api::verify_response(&trusted, &header, &replayed).is_err());
/// # Ok::<(), tessera_core::Error>(())
/// ```
pub fn verify_response(keys: &PublicKeySet, header: &str, message: &[u8]) -> Result<()> {
    verify_header(keys, Domain::ApiResponse, header, message)
}

/// The header a machine signs its refresh and deactivation calls with, lower case.
pub const MACHINE_SIGNATURE_HEADER: &str = "tessera-machine-signature";

/// The body of a machine-signed call (refresh, deactivate).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MachineCall {
    /// The license whose seat this machine holds.
    pub license_id: String,
    /// The machine's fingerprint for the license's product.
    pub fingerprint: crate::FingerprintDigest,
    /// A fresh random number: each call is honoured once.
    pub nonce: crate::Nonce,
    /// When the call was made (machine time; the portal allows a few minutes of skew).
    pub created: crate::Timestamp,
}

/// The exact bytes a machine signs for one call: `METHOD SP TARGET LF body`.
#[must_use]
pub fn machine_call_message(method: &str, target: &str, body: &[u8]) -> Vec<u8> {
    [format!("{method} {target}\n").as_bytes(), body].concat()
}

/// The machine signature header's value for one call.
#[must_use]
pub fn sign_machine_call(machine: &SigningKey, method: &str, target: &str, body: &[u8]) -> String {
    let sig = machine.sign(Domain::MachineCall, &machine_call_message(method, target, body));
    format!("kid={}, sig={}", machine.kid(), base64(&sig))
}

/// Checks a machine call's signature against the machine key recorded at activation.
pub fn verify_machine_call(
    machine: &crate::PublicKey,
    header: &str,
    method: &str,
    target: &str,
    body: &[u8],
) -> Result<()> {
    let keys = PublicKeySet::from_keys([*machine])?;
    verify_header(&keys, Domain::MachineCall, header, &machine_call_message(method, target, body))
}

fn verify_header(keys: &PublicKeySet, domain: Domain, header: &str, message: &[u8]) -> Result<()> {
    let malformed = || Error::BadSignature(crate::keys::domain_noun(domain).into());
    let mut kid = None;
    let mut sig = None;
    for part in header.split(',').map(str::trim) {
        match part.split_once('=') {
            Some(("kid", value)) => kid = Kid::parse(value),
            Some(("sig", value)) => sig = parse_base64(value).and_then(|s| <[u8; 64]>::try_from(s).ok()),
            _ => return Err(malformed()),
        }
    }
    let (Some(kid), Some(sig)) = (kid, sig) else {
        return Err(malformed());
    };
    keys.verify(domain, kid, message, &sig)
}
