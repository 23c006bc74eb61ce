//! Offline activation: the request a machine exports, the portal's response, and the
//! receipt a machine gives when it returns its seat.

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::activation_key::ActivationKey;
use crate::encoding::{FingerprintDigest, Kid, Nonce, RequestDigest};
use crate::error::{Error, FileKind, Result};
use crate::fingerprint::Components;
use crate::keys::{Domain, PublicKey, PublicKeySet};
use crate::license::{LicenseFile, LicensePayload};
use crate::signed::{Payload, SelfSigned, SignedFile};
use crate::time::Timestamp;

/// The signed content of an activation request file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivationRequestPayload {
    /// The activation key the customer entered.
    pub activation_key: ActivationKey,
    /// The product id the program asks a license for.
    pub product: String,
    /// The machine's fingerprint for that product.
    pub fingerprint: FingerprintDigest,
    /// The machine's component digests.
    pub components: Components,
    /// The host name, in clear, so the customer recognises the machine in the portal.
    pub hostname: String,
    /// The version of the program asking.
    pub app_version: String,
    /// A fresh random number; the response must repeat it.
    pub nonce: Nonce,
    /// When the request was made (machine time).
    pub created: Timestamp,
    /// The machine's per-installation public key; the portal records it.
    pub machine_key: PublicKey,
    /// The machine key's id.
    pub kid: Kid,
}

impl Payload for ActivationRequestPayload {
    const KIND: FileKind = FileKind::ActivationRequest;
    const DOMAIN: Domain = Domain::ActivationRequest;
    fn kid(&self) -> Kid {
        self.kid
    }
}

impl SelfSigned for ActivationRequestPayload {
    fn machine_key(&self) -> &PublicKey {
        &self.machine_key
    }
}

/// An activation request file, `-----BEGIN TESSERA ACTIVATION REQUEST-----`, signed by the
/// machine key it carries; check it with [`SignedFile::verify_self_signed`].
pub type ActivationRequest = SignedFile<ActivationRequestPayload>;

/// SHA-256 of a request file's text with LF line ends and no byte-order mark: what a response
/// is bound to. (The armour forgives both, so a request that crossed a Windows editor or mail
/// client still matches its response.)
#[must_use]
pub fn request_digest(request: &ActivationRequest) -> RequestDigest {
    let text = request.as_str();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    RequestDigest(Sha256::digest(text.replace("\r\n", "\n").as_bytes()).into())
}

/// The signed content of an activation response file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivationResponsePayload {
    /// The nonce of the request answered.
    pub request_nonce: Nonce,
    /// SHA-256 of the request file answered (see [`request_digest`]).
    pub request_digest: RequestDigest,
    /// The license file for the requesting machine, armoured.
    pub license: String,
    /// The portal key's id.
    pub kid: Kid,
}

impl Payload for ActivationResponsePayload {
    const KIND: FileKind = FileKind::ActivationResponse;
    const DOMAIN: Domain = Domain::ActivationResponse;
    fn kid(&self) -> Kid {
        self.kid
    }
}

/// An activation response file, `-----BEGIN TESSERA ACTIVATION RESPONSE-----`.
pub type ActivationResponse = SignedFile<ActivationResponsePayload>;

impl SignedFile<ActivationResponsePayload> {
    /// Checks that this response is genuine, answers exactly `request`, and carries a
    /// genuine license for the requesting machine and product; returns that license file.
    pub fn license_for(
        &self,
        request: &ActivationRequest,
        keys: &PublicKeySet,
    ) -> Result<(LicenseFile, LicensePayload)> {
        let response = self.verify(keys)?;
        let asked = request.verify_self_signed()?;
        if response.request_nonce != asked.nonce || response.request_digest != request_digest(request) {
            return Err(Error::ResponseMismatch);
        }
        let license = LicenseFile::decode(&response.license)?;
        let payload = license.verify(keys)?;
        if payload.fingerprint != asked.fingerprint {
            return Err(Error::ResponseMismatch);
        }
        if payload.product != asked.product {
            return Err(Error::ProductMismatch { expected: asked.product, found: payload.product });
        }
        Ok((license, payload))
    }
}

/// The signed content of a deactivation receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeactivationReceiptPayload {
    /// The license whose seat is given back.
    pub license_id: String,
    /// The product id.
    pub product: String,
    /// The machine giving the seat back.
    pub fingerprint: FingerprintDigest,
    /// A fresh random number, so a receipt is used once.
    pub nonce: Nonce,
    /// When the machine deleted its license (machine time).
    pub created: Timestamp,
    /// The machine key recorded at activation.
    pub machine_key: PublicKey,
    /// The machine key's id.
    pub kid: Kid,
}

impl Payload for DeactivationReceiptPayload {
    const KIND: FileKind = FileKind::DeactivationReceipt;
    const DOMAIN: Domain = Domain::DeactivationReceipt;
    fn kid(&self) -> Kid {
        self.kid
    }
}

impl SelfSigned for DeactivationReceiptPayload {
    fn machine_key(&self) -> &PublicKey {
        &self.machine_key
    }
}

/// A deactivation receipt, `-----BEGIN TESSERA DEACTIVATION RECEIPT-----`, signed by the
/// machine key recorded at activation. The portal checks it with
/// [`SignedFile::verify_with`] and that key, then frees the seat.
pub type DeactivationReceipt = SignedFile<DeactivationReceiptPayload>;
