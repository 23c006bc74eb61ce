//! The test vectors, made deterministically from `tessera_core::example`.

#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDate;
use tessera_core::{
    ActivationRequest, ActivationResponse, ActivationResponsePayload, DeactivationReceipt, Grant, InstallationKey,
    LicenseFile, PublicKeySet, RegistrationKey, example, request_digest,
};

/// Every vector: file name and exact content.
pub fn vectors() -> Vec<(&'static str, String)> {
    let portal = example::portal_key();
    let machine = example::machine_key();
    let fingerprint = example::fingerprint();
    let install = installation_key();
    let grant = grant();
    let components = serde_json::to_string_pretty(fingerprint.components()).expect("json");
    vec![
        ("portal-public-key.txt", format!("{}\n", portal.public_key().to_base64())),
        ("portal-kid.txt", format!("{}\n", portal.kid())),
        ("machine-public-key.txt", format!("{}\n", machine.public_key().to_base64())),
        ("activation-key.txt", format!("{}\n", example::activation_key())),
        ("fingerprint.txt", format!("{}\n", fingerprint.digest())),
        ("components.json", format!("{components}\n")),
        ("license.txt", license().to_string()),
        ("activation-request.txt", request().to_string()),
        ("activation-response.txt", response().to_string()),
        ("deactivation-receipt.txt", receipt().to_string()),
        ("installation-key.txt", format!("{install}\n")),
        ("registration-key.txt", format!("{}\n", RegistrationKey::issue(&install, grant, &portal))),
    ]
}

pub fn vector_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors")
}

pub fn read_vector(name: &str) -> String {
    std::fs::read_to_string(vector_dir().join(name)).unwrap_or_else(|e| panic!("vector {name}: {e}"))
}

pub fn trusted() -> PublicKeySet {
    PublicKeySet::from_keys([example::portal_key().public_key()]).expect("keys")
}

pub fn license() -> LicenseFile {
    let (key, payload) = example::license();
    LicenseFile::sign(&payload, &key).expect("sign license")
}

pub fn request() -> ActivationRequest {
    let (key, payload) = example::activation_request();
    ActivationRequest::sign(&payload, &key).expect("sign request")
}

pub fn response() -> ActivationResponse {
    let request = request();
    let portal = example::portal_key();
    let payload = ActivationResponsePayload {
        request_nonce: example::activation_request().1.nonce,
        request_digest: request_digest(&request),
        license: license().to_string(),
        kid: portal.kid(),
    };
    ActivationResponse::sign(&payload, &portal).expect("sign response")
}

pub fn receipt() -> DeactivationReceipt {
    let (key, payload) = example::deactivation_receipt();
    DeactivationReceipt::sign(&payload, &key).expect("sign receipt")
}

pub fn installation_key() -> InstallationKey {
    InstallationKey::new(example::PRODUCT, (7, 2), 3, example::fingerprint().digest())
}

pub fn grant() -> Grant {
    Grant {
        seats: 3,
        expires: NaiveDate::from_ymd_opt(2027, 11, 21),
        support_until: NaiveDate::from_ymd_opt(2027, 11, 21),
    }
}

/// Where byte `index` sits in `text`, for messages: line and column, 1-based.
pub fn locate(text: &[u8], index: usize) -> (usize, usize) {
    let before = &text[..index];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = index - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
    (line, column)
}
