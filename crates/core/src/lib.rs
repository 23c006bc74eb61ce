//! Tessera's signed formats and their offline verification.
//!
//! This crate is what every part of Tessera agrees on: the portal signs with it, the
//! License Manager and the `tessera` CLI verify with it, and a vendor's own program links
//! it to check its license without a network. It has no framework dependency.
//!
//! - [`ActivationKey`]: what a customer receives with an order.
//! - [`Fingerprint`]: the machine's identity, an HMAC of the machine id plus components.
//! - [`SigningKey`], [`PublicKey`], [`PublicKeySet`]: Ed25519 with key ids, each signature
//!   bound to a [`Domain`].
//! - [`LicenseFile`], [`ActivationRequest`], [`ActivationResponse`],
//!   [`DeactivationReceipt`]: armoured signed files.
//! - [`InstallationKey`], [`RegistrationKey`]: copy-paste activation codes.
//! - [`evaluate`]: a license file on this machine, at this time → [`LicenseState`].
//!
//! Every format is specified byte for byte in `docs/formats.md`.
//!
//! ```
//! use tessera_core::{evaluate, Clock, LicenseFile, PublicKeySet, Timestamp};
//! # let (portal_key, payload) = tessera_core::example::license();
//! # let text = LicenseFile::sign(&payload, &portal_key)?.to_string();
//! # let trusted_keys_text = portal_key.public_key().to_base64();
//! # let fingerprint = tessera_core::example::fingerprint();
//! # let now = payload.issued;
//! // In a vendor's program: trusted keys are built in, the fingerprint computed here.
//! let trusted = PublicKeySet::parse_list(&trusted_keys_text)?;
//! let file = LicenseFile::decode(&text)?;
//! let state = evaluate(Some(&file), &trusted, &fingerprint, &Clock::at(now));
//! assert!(state.is_usable(), "{}", state.message());
//! # Ok::<(), tessera_core::Error>(())
//! ```

mod activation;
mod activation_key;
pub mod api;
mod armour;
pub mod base32;
mod codes;
pub mod encoding;
mod error;
pub mod example;
mod fingerprint;
mod keys;
mod license;
mod machine;
mod signed;
mod state;
mod time;

pub use activation::{
    ActivationRequest, ActivationRequestPayload, ActivationResponse, ActivationResponsePayload, DeactivationReceipt,
    DeactivationReceiptPayload, request_digest,
};
pub use activation_key::ActivationKey;
pub use codes::{FINGERPRINT_PREFIX_BYTES, Grant, InstallationKey, RegistrationKey, product_tag};
pub use encoding::{ComponentDigest, FingerprintDigest, Kid, Nonce, RequestDigest};
pub use error::{CodeKind, Error, FileKind, Result};
pub use fingerprint::{Comparison, Component, Components, Fingerprint, MachineFacts, MatchPolicy};
pub use keys::{Domain, PublicKey, PublicKeySet, SigningKey};
pub use license::{LicenseFile, LicensePayload, LicenseStatus, SubscriptionState, SubscriptionTerm};
pub use signed::{ALGORITHM, Payload, SelfSigned, SignedFile, VERSION};
pub use state::{Clock, ExpiryCause, LicenseState, evaluate};
pub use time::Timestamp;
