//! Ed25519 signing and public keys with key ids, and domain-separated signatures.

use std::fmt;

use ed25519_dalek::Signer as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest as _, Sha256};

use crate::encoding::{Kid, base64, parse_base64};
use crate::error::{Error, Result, random_bytes};

/// What a signature is for. Each kind signs `prefix ‖ message`, so a signature made for one
/// kind of blob can never be replayed as another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// A [`crate::LicenseFile`] payload.
    LicenseFile,
    /// An [`crate::ActivationRequest`] payload (signed by the machine key).
    ActivationRequest,
    /// An [`crate::ActivationResponse`] payload.
    ActivationResponse,
    /// A [`crate::DeactivationReceipt`] payload (signed by the machine key).
    DeactivationReceipt,
    /// A [`crate::RegistrationKey`]'s grant, bound to its installation key.
    RegistrationKey,
    /// A portal API response: request target, date and body digest.
    ApiResponse,
    /// A refresh or deactivation call to the portal, signed by the machine key.
    MachineCall,
}

impl Domain {
    /// The bytes prepended to the message before signing.
    #[must_use]
    pub fn prefix(self) -> &'static [u8] {
        match self {
            Self::LicenseFile => b"tessera/license-file/v1\n",
            Self::ActivationRequest => b"tessera/activation-request/v1\n",
            Self::ActivationResponse => b"tessera/activation-response/v1\n",
            Self::DeactivationReceipt => b"tessera/deactivation-receipt/v1\n",
            Self::RegistrationKey => b"tessera/registration-key/v1\n",
            Self::ApiResponse => b"tessera/api-response/v1\n",
            Self::MachineCall => b"tessera/machine-call/v1\n",
        }
    }

    fn message(self, message: &[u8]) -> Vec<u8> {
        [self.prefix(), message].concat()
    }
}

/// The key id of a public key: the first 4 bytes of its SHA-256.
fn kid_of(public: &ed25519_dalek::VerifyingKey) -> Kid {
    let digest = Sha256::digest(public.as_bytes());
    Kid([digest[0], digest[1], digest[2], digest[3]])
}

const SECRET_PREFIX: &str = "tessera-ed25519-secret-v1:";

/// An Ed25519 signing key: the portal's, or a machine's per-installation key.
///
/// `Debug` shows the key id only.
///
/// ```
/// use tessera_core::{Domain, PublicKeySet, SigningKey};
///
/// let key = SigningKey::generate()?;
/// let signature = key.sign(Domain::LicenseFile, b"payload");
/// let trusted = PublicKeySet::from_keys([key.public_key()])?;
/// assert!(trusted.verify(Domain::LicenseFile, key.kid(), b"payload", &signature).is_ok());
/// // The same bytes under another domain do not verify.
/// assert!(trusted.verify(Domain::ActivationResponse, key.kid(), b"payload", &signature).is_err());
/// # Ok::<(), tessera_core::Error>(())
/// ```
#[derive(Clone)]
pub struct SigningKey {
    inner: ed25519_dalek::SigningKey,
    kid: Kid,
}

impl SigningKey {
    /// A new key from the operating system's random number generator.
    pub fn generate() -> Result<Self> {
        let mut seed = [0u8; 32];
        random_bytes(&mut seed)?;
        Ok(Self::from_seed(seed))
    }

    /// The key for a 32-byte Ed25519 seed.
    #[must_use]
    pub fn from_seed(seed: [u8; 32]) -> Self {
        let inner = ed25519_dalek::SigningKey::from_bytes(&seed);
        let kid = kid_of(&inner.verifying_key());
        Self { inner, kid }
    }

    /// Reads the text written by [`Self::to_secret_text`] (surrounding whitespace ignored).
    pub fn from_secret_text(text: &str) -> Result<Self> {
        let encoded = text
            .trim()
            .strip_prefix(SECRET_PREFIX)
            .ok_or_else(|| Error::InvalidKey("it does not start with the Tessera secret key header".into()))?;
        let seed: [u8; 32] = parse_base64(encoded)
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| Error::InvalidKey("the secret is not 32 bytes of base64".into()))?;
        Ok(Self::from_seed(seed))
    }

    /// The secret as one line of text, for a 0600 file or a keyring entry. Never log it.
    #[must_use]
    pub fn to_secret_text(&self) -> String {
        format!("{SECRET_PREFIX}{}\n", base64(self.inner.as_bytes()))
    }

    /// This key's id.
    #[must_use]
    pub fn kid(&self) -> Kid {
        self.kid
    }

    /// The public half.
    #[must_use]
    pub fn public_key(&self) -> PublicKey {
        PublicKey { inner: self.inner.verifying_key(), kid: self.kid }
    }

    /// Signs `prefix(domain) ‖ message`.
    #[must_use]
    pub fn sign(&self, domain: Domain, message: &[u8]) -> [u8; 64] {
        self.inner.sign(&domain.message(message)).to_bytes()
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey(kid {})", self.kid)
    }
}

/// An Ed25519 public key and its key id. Serialised as base64 of the 32 key bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey {
    inner: ed25519_dalek::VerifyingKey,
    kid: Kid,
}

impl PublicKey {
    /// Reads 32 key bytes; refuses points that are not on the curve and weak (small-order)
    /// keys, for which signatures prove nothing.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self> {
        let inner = ed25519_dalek::VerifyingKey::from_bytes(bytes)
            .map_err(|_| Error::InvalidKey("not a point on Ed25519".into()))?;
        if inner.is_weak() {
            return Err(Error::InvalidKey("a weak (small-order) public key".into()));
        }
        // One encoding per key, so one key id per key.
        if inner.to_edwards().compress().to_bytes() != *bytes {
            return Err(Error::InvalidKey("a non-canonical encoding of a public key".into()));
        }
        Ok(Self { kid: kid_of(&inner), inner })
    }

    /// Reads the base64 form written by [`Self::to_base64`].
    pub fn from_base64(text: &str) -> Result<Self> {
        let bytes: [u8; 32] = parse_base64(text)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| Error::InvalidKey("a public key is 32 bytes of base64".into()))?;
        Self::from_bytes(&bytes)
    }

    /// Base64 of the 32 key bytes.
    #[must_use]
    pub fn to_base64(&self) -> String {
        base64(self.inner.as_bytes())
    }

    /// The 32 key bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8; 32] {
        self.inner.as_bytes()
    }

    /// This key's id.
    #[must_use]
    pub fn kid(&self) -> Kid {
        self.kid
    }

    /// Checks a signature over `prefix(domain) ‖ message`, strictly (canonical `S`, no
    /// small-order `R`), so that no second valid signature can be made from a first.
    #[must_use]
    pub fn verifies(&self, domain: Domain, message: &[u8], signature: &[u8; 64]) -> bool {
        let signature = ed25519_dalek::Signature::from_bytes(signature);
        self.inner.verify_strict(&domain.message(message), &signature).is_ok()
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey(kid {}, {})", self.kid, self.to_base64())
    }
}

impl Serialize for PublicKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_base64())
    }
}

impl<'de> Deserialize<'de> for PublicKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::from_base64(&text).map_err(serde::de::Error::custom)
    }
}

/// The public keys a program trusts, looked up by key id. Built into clients at compile
/// time; the portal publishes its current and former keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicKeySet {
    keys: Vec<PublicKey>,
}

impl PublicKeySet {
    /// A set of these keys; two keys sharing a key id are refused.
    pub fn from_keys(keys: impl IntoIterator<Item = PublicKey>) -> Result<Self> {
        let mut set = Self::default();
        for key in keys {
            set.insert(key)?;
        }
        Ok(set)
    }

    /// Reads a comma- or whitespace-separated list of base64 public keys (the form of
    /// `TESSERA_TRUSTED_KEYS`).
    pub fn parse_list(text: &str) -> Result<Self> {
        if text.split(|c: char| c == ',' || c.is_whitespace()).all(str::is_empty) {
            return Err(Error::InvalidKey("the list of trusted keys is empty".into()));
        }
        Self::from_keys(
            text.split(|c: char| c == ',' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(PublicKey::from_base64)
                .collect::<Result<Vec<_>>>()?,
        )
    }

    /// Adds a key (adding the same key twice is harmless).
    pub fn insert(&mut self, key: PublicKey) -> Result<()> {
        match self.get(key.kid) {
            Some(existing) if *existing == key => Ok(()),
            Some(_) => Err(Error::InvalidKey(format!("two trusted keys share the key id {}", key.kid))),
            None => {
                self.keys.push(key);
                Ok(())
            }
        }
    }

    /// The key with this id.
    #[must_use]
    pub fn get(&self, kid: Kid) -> Option<&PublicKey> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    /// The keys, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &PublicKey> {
        self.keys.iter()
    }

    /// No keys at all?
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Checks that the key `kid` is trusted and signed `prefix(domain) ‖ message`.
    pub fn verify(&self, domain: Domain, kid: Kid, message: &[u8], signature: &[u8; 64]) -> Result<()> {
        let what = domain_noun(domain);
        let key = self.get(kid).ok_or_else(|| Error::UnknownKey { what: what.into(), kid: kid.to_hex() })?;
        if key.verifies(domain, message, signature) { Ok(()) } else { Err(Error::BadSignature(what.into())) }
    }
}

/// How a customer calls what was signed under `domain`.
pub(crate) fn domain_noun(domain: Domain) -> &'static str {
    match domain {
        Domain::LicenseFile => "license file",
        Domain::ActivationRequest => "activation request file",
        Domain::ActivationResponse => "activation response file",
        Domain::DeactivationReceipt => "deactivation receipt",
        Domain::RegistrationKey => "registration key",
        Domain::ApiResponse => "portal response",
        Domain::MachineCall => "request from this computer",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_text_round_trips_and_debug_hides_it() {
        let key = SigningKey::from_seed([9; 32]);
        let text = key.to_secret_text();
        let back = SigningKey::from_secret_text(&text).expect("round trip");
        assert_eq!(back.public_key(), key.public_key());
        assert!(!format!("{key:?}").contains(text.trim().split(':').nth(1).unwrap_or("-")));
    }

    #[test]
    fn weak_public_keys_are_refused() {
        // The identity point (y = 1) has small order.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(PublicKey::from_bytes(&identity).unwrap_err().code(), "INVALID_SIGNING_KEY");
    }

    #[test]
    fn every_domain_prefix_is_distinct_and_newline_terminated() {
        let all = [
            Domain::LicenseFile,
            Domain::ActivationRequest,
            Domain::ActivationResponse,
            Domain::DeactivationReceipt,
            Domain::RegistrationKey,
            Domain::ApiResponse,
            Domain::MachineCall,
        ];
        let prefixes: std::collections::BTreeSet<_> = all.iter().map(|d| d.prefix()).collect();
        assert_eq!(prefixes.len(), all.len());
        assert!(all.iter().all(|d| d.prefix().ends_with(b"\n")));
    }
}
