//! Fixed sample keys, machines and licenses, for documentation, tests, vectors and benchmarks.
//!
//! Everything here is deterministic; the committed test vectors are made from it. Never
//! use these keys for anything real: their seeds are public.

use sha2::{Digest as _, Sha256};

use crate::activation::{ActivationRequestPayload, DeactivationReceiptPayload};
use crate::activation_key::ActivationKey;
use crate::encoding::Nonce;
use crate::fingerprint::{Fingerprint, MachineFacts, MatchPolicy};
use crate::keys::SigningKey;
use crate::license::{LicensePayload, LicenseStatus};
use crate::time::Timestamp;

/// The sample product id.
pub const PRODUCT: &str = "acme-ledger";

fn seed(label: &str) -> [u8; 32] {
    Sha256::digest(format!("tessera example seed: {label}").as_bytes()).into()
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap_or_else(|| unreachable!("sample timestamps are canonical"))
}

/// The sample portal signing key.
#[must_use]
pub fn portal_key() -> SigningKey {
    SigningKey::from_seed(seed("portal"))
}

/// The sample machine's per-installation key.
#[must_use]
pub fn machine_key() -> SigningKey {
    SigningKey::from_seed(seed("machine"))
}

/// The sample machine.
#[must_use]
pub fn machine() -> MachineFacts {
    MachineFacts {
        machine_id: "2f4e3c1a9b8d4e6f8a7b6c5d4e3f2a1b".into(),
        hostname: Some("ACCOUNTS-PC".into()),
        mac: Some("52:54:00:12:34:56".into()),
        cpu: Some("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz".into()),
        os: Some("Windows Server 2022 Datacenter".into()),
    }
}

/// The sample machine's fingerprint for [`PRODUCT`].
#[must_use]
pub fn fingerprint() -> Fingerprint {
    Fingerprint::compute(PRODUCT, &machine()).unwrap_or_else(|_| unreachable!("the sample machine has an id"))
}

/// The sample activation key.
#[must_use]
pub fn activation_key() -> ActivationKey {
    let digest = seed("activation key");
    let mut bytes = [0u8; 15];
    bytes.copy_from_slice(&digest[..15]);
    ActivationKey::from_bytes(bytes)
}

/// The sample portal key and a license for the sample machine: issued 2026-11-21, refresh
/// after 30 days, grace until 45 days, term until 2027-11-21.
#[must_use]
pub fn license() -> (SigningKey, LicensePayload) {
    let key = portal_key();
    let fingerprint = fingerprint();
    let payload = LicensePayload {
        license_id: "lic_01JD5ZQ8W3".into(),
        serial: "P30".into(),
        product: PRODUCT.into(),
        edition: "Enterprise".into(),
        users: 3,
        max_machines: 1,
        features: vec!["payroll".into(), "multi-currency".into()],
        order: Some("JWT11408".into()),
        customer: "Northwind Traders".into(),
        fingerprint: fingerprint.digest(),
        components: fingerprint.components().clone(),
        match_policy: MatchPolicy::Fuzzy,
        status: LicenseStatus::Active,
        issued: at("2026-11-21T10:00:00Z"),
        expires: Some(at("2027-11-21T10:00:00Z")),
        support_until: Some(at("2027-11-21T10:00:00Z")),
        refresh_after: Some(at("2026-12-21T10:00:00Z")),
        refresh_by: Some(at("2027-01-05T10:00:00Z")),
        kid: key.kid(),
        // Optional: files from portals before these fields existed have none.
        product_name: None,
        support_contact: None,
        renew_url: None,
        status_reason: None,
        subscription: None,
        user: None,
        unbound: false,
    };
    (key, payload)
}

/// The sample machine key and its activation request for the sample license.
#[must_use]
pub fn activation_request() -> (SigningKey, ActivationRequestPayload) {
    let key = machine_key();
    let fingerprint = fingerprint();
    let payload = ActivationRequestPayload {
        activation_key: activation_key(),
        product: PRODUCT.into(),
        fingerprint: fingerprint.digest(),
        components: fingerprint.components().clone(),
        hostname: "ACCOUNTS-PC".into(),
        app_version: "0.1.0".into(),
        nonce: Nonce([0x5a; 16]),
        created: at("2026-11-21T09:58:30Z"),
        machine_key: key.public_key(),
        kid: key.kid(),
    };
    (key, payload)
}

/// The sample machine key and its deactivation receipt for the sample license.
#[must_use]
pub fn deactivation_receipt() -> (SigningKey, DeactivationReceiptPayload) {
    let key = machine_key();
    let payload = DeactivationReceiptPayload {
        license_id: "lic_01JD5ZQ8W3".into(),
        product: PRODUCT.into(),
        fingerprint: fingerprint().digest(),
        nonce: Nonce([0xa5; 16]),
        created: at("2026-12-01T16:20:00Z"),
        machine_key: key.public_key(),
        kid: key.kid(),
    };
    (key, payload)
}
