//! The signed envelope shared by every file: `{v, alg, kid, payload, sig}` inside armour.
//!
//! `payload` is embedded as JSON and the signature covers its exact bytes as they appear
//! in the envelope, so no canonical JSON form is needed to check it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::armour;
use crate::encoding::{Kid, base64, parse_base64};
use crate::error::{Error, FileKind, Result};
use crate::keys::{Domain, PublicKey, PublicKeySet, SigningKey};

/// The only envelope version.
pub const VERSION: u64 = 1;
/// The only signature algorithm.
pub const ALGORITHM: &str = "Ed25519";

/// A payload that travels in a signed file.
pub trait Payload: Serialize + DeserializeOwned {
    /// Which file it travels in.
    const KIND: FileKind;
    /// The domain its signature is made under.
    const DOMAIN: Domain;
    /// The key id the payload itself names; it must equal the envelope's.
    fn kid(&self) -> Kid;
}

/// A payload signed by the key it carries: a machine's per-installation key.
pub trait SelfSigned: Payload {
    /// The machine's public key named in the payload.
    fn machine_key(&self) -> &PublicKey;
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    v: u64,
    alg: String,
    kid: Kid,
    payload: Box<RawValue>,
    sig: String,
}

#[derive(Deserialize)]
struct VersionProbe {
    v: u64,
}

/// A signed file of kind `P::KIND`: decoded strictly, but its payload is read only after
/// its signature checks out ([`Self::verify`]).
pub struct SignedFile<P> {
    text: String,
    kid: Kid,
    payload: Vec<u8>,
    sig: [u8; 64],
    kind: PhantomData<fn() -> P>,
}

impl<P: Payload> SignedFile<P> {
    /// Signs `payload` with `key` and armours it. The payload must name `key`'s id.
    pub fn sign(payload: &P, key: &SigningKey) -> Result<Self> {
        if payload.kid() != key.kid() {
            return Err(Error::InvalidKey(format!(
                "the payload names key {} but is signed with {}",
                payload.kid(),
                key.kid()
            )));
        }
        let payload = serde_json::to_string(payload).map_err(|e| Error::damaged(P::KIND, e.to_string()))?;
        let sig = key.sign(P::DOMAIN, payload.as_bytes());
        let envelope = Envelope {
            v: VERSION,
            alg: ALGORITHM.into(),
            kid: key.kid(),
            payload: RawValue::from_string(payload).map_err(|e| Error::damaged(P::KIND, e.to_string()))?,
            sig: base64(&sig),
        };
        let body = serde_json::to_vec(&envelope).map_err(|e| Error::damaged(P::KIND, e.to_string()))?;
        Ok(Self {
            text: armour::encode(P::KIND, &body),
            kid: key.kid(),
            payload: envelope.payload.get().as_bytes().to_vec(),
            sig,
            kind: PhantomData,
        })
    }

    /// Parses the armour and envelope, accepting exactly the bytes [`Self::sign`] writes.
    /// Says nothing yet about whether the file is genuine.
    pub fn decode(text: &str) -> Result<Self> {
        let kind = P::KIND;
        let body = armour::decode(kind, text)?;
        let probe: VersionProbe =
            serde_json::from_slice(&body).map_err(|_| Error::damaged(kind, "the envelope is not valid JSON"))?;
        if probe.v != VERSION {
            return Err(Error::UnsupportedVersion { kind, version: probe.v });
        }
        let envelope: Envelope = serde_json::from_slice(&body)
            .map_err(|e| Error::damaged(kind, format!("the envelope is malformed: {e}")))?;
        // One spelling only: the envelope must be exactly what `sign` would have written.
        if serde_json::to_vec(&envelope).ok().as_deref() != Some(body.as_slice()) {
            return Err(Error::damaged(kind, "the envelope is not in canonical form"));
        }
        if envelope.alg != ALGORITHM {
            return Err(Error::UnsupportedAlgorithm { kind, algorithm: envelope.alg });
        }
        if !envelope.payload.get().starts_with('{') {
            return Err(Error::damaged(kind, "the payload is not a JSON object"));
        }
        let payload = envelope.payload.get().as_bytes().to_vec();
        let sig: [u8; 64] = parse_base64(&envelope.sig)
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| Error::damaged(kind, "the signature is not 64 bytes of base64"))?;
        Ok(Self { text: text.to_owned(), kid: envelope.kid, payload, sig, kind: PhantomData })
    }

    /// The armoured text, exactly as decoded or signed.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The id of the key that (claims to have) signed it.
    #[must_use]
    pub fn kid(&self) -> Kid {
        self.kid
    }

    /// Checks the signature against the trusted keys, then reads the payload.
    pub fn verify(&self, keys: &PublicKeySet) -> Result<P> {
        keys.verify(P::DOMAIN, self.kid, &self.payload, &self.sig)?;
        self.read_payload()
    }

    /// Checks the signature against one known key (e.g. the machine key a portal recorded),
    /// then reads the payload.
    pub fn verify_with(&self, key: &PublicKey) -> Result<P> {
        self.verify(&PublicKeySet::from_keys([*key])?)
    }

    fn read_payload(&self) -> Result<P> {
        let payload: P = serde_json::from_slice(&self.payload)
            .map_err(|e| Error::damaged(P::KIND, format!("the signed content is malformed: {e}")))?;
        if payload.kid() != self.kid {
            return Err(Error::damaged(P::KIND, "the envelope and the content name different keys"));
        }
        Ok(payload)
    }
}

impl<P: SelfSigned> SignedFile<P> {
    /// For files a machine signs with its own key: reads the machine key from the payload,
    /// checks the signature with it, and returns the payload. This proves the file was made
    /// by whoever holds that machine key and not changed since, nothing more.
    pub fn verify_self_signed(&self) -> Result<P> {
        let untrusted = self.read_payload()?;
        if untrusted.machine_key().kid() != self.kid {
            return Err(Error::damaged(P::KIND, "it names a key other than the one it carries"));
        }
        self.verify_with(untrusted.machine_key())
    }

    /// For a machine already known (e.g. its key recorded at activation): checks the file is
    /// signed by `recorded` and names `recorded` as its machine key.
    pub fn verify_signed_by(&self, recorded: &PublicKey) -> Result<P> {
        let payload = self.verify_self_signed()?;
        if payload.machine_key() != recorded {
            return Err(Error::BadSignature(P::KIND.to_string()));
        }
        Ok(payload)
    }
}

impl<P> Clone for SignedFile<P> {
    fn clone(&self) -> Self {
        Self { text: self.text.clone(), kid: self.kid, payload: self.payload.clone(), sig: self.sig, kind: PhantomData }
    }
}

impl<P: Payload> fmt::Debug for SignedFile<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SignedFile({}, kid {}, {} bytes)", P::KIND, self.kid, self.text.len())
    }
}

impl<P: Payload> fmt::Display for SignedFile<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
