//! The license file: a signed entitlement for one machine.

use serde::{Deserialize, Serialize};

use crate::encoding::{FingerprintDigest, Kid};
use crate::error::FileKind;
use crate::fingerprint::{Components, MatchPolicy};
use crate::keys::Domain;
use crate::signed::{Payload, SignedFile};
use crate::time::Timestamp;

/// What the portal says about a license, signed into every license file it issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LicenseStatus {
    /// In force.
    Active,
    /// Temporarily withheld by the vendor (e.g. unpaid invoice); may come back.
    Suspended,
    /// Withdrawn for good.
    Revoked,
}

/// The signed content of a license file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LicensePayload {
    /// The portal's id for the license.
    pub license_id: String,
    /// The serial number the customer sees (seed 000's "Serial Number").
    pub serial: String,
    /// The product id, e.g. `acme-ledger`.
    pub product: String,
    /// The edition, e.g. `Enterprise`.
    pub edition: String,
    /// Licensed users (concurrent sessions / workstations) on this machine.
    pub users: u32,
    /// Machines this license may be active on at once.
    pub max_machines: u32,
    /// Feature flags the vendor's program may check.
    pub features: Vec<String>,
    /// The order the license came from, if any.
    pub order: Option<String>,
    /// The customer's name, as shown on the dashboard.
    pub customer: String,
    /// The machine it is bound to.
    pub fingerprint: FingerprintDigest,
    /// The machine's components when it was bound.
    pub components: Components,
    /// How closely the machine must still match.
    pub match_policy: MatchPolicy,
    /// Active, suspended or revoked.
    pub status: LicenseStatus,
    /// When this file was issued (portal time).
    pub issued: Timestamp,
    /// End of the license term; `None` for a perpetual license.
    pub expires: Option<Timestamp>,
    /// End of support and updates; `None` without support.
    pub support_until: Option<Timestamp>,
    /// From then on the program should refresh with the portal (the license is in grace).
    pub refresh_after: Option<Timestamp>,
    /// The end of the offline grace: unusable from then on until refreshed. `None` for
    /// licenses that never need the portal again (air-gapped sites).
    pub refresh_by: Option<Timestamp>,
    /// The id of the portal key that signs this file.
    pub kid: Kid,
    /// The product's name as the customer knows it, e.g. `Acme Ledger`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// How to reach the vendor's support (an e-mail address or a web address), when the portal
    /// is configured with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_contact: Option<String>,
    /// Where the customer renews or extends this license, when the portal has a public address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew_url: Option<String>,
    /// Why the vendor suspended or revoked the license, as the customer reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
    /// The subscription the license follows, when it is one's: whether it renews, ends
    /// (cancelled) or is a trial, and on which day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription: Option<SubscriptionTerm>,
    /// The company account (its e-mail) whose seat this machine's license is, for a named
    /// user's activation (`POST /api/v1/user-activations`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// In a revoked file: the company administrator unbound the user's seat (the reason the
    /// program tells, rather than the vendor's revocation).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unbound: bool,
}

/// Where a subscription's license stands, as its dashboard says it: "renews on …", "ends on …
/// (cancelled)", "trial ends on …".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionTerm {
    pub state: SubscriptionState,
    /// The day it renews or ends (midnight UTC).
    pub on: Timestamp,
}

/// Whether a subscription renews at its period's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubscriptionState {
    /// It renews on that day (and is charged for the next period).
    Renews,
    /// Cancelled: it ends on that day.
    Cancelled,
    /// A trial: it ends on that day unless bought.
    Trial,
}

impl Payload for LicensePayload {
    const KIND: FileKind = FileKind::License;
    const DOMAIN: Domain = Domain::LicenseFile;
    fn kid(&self) -> Kid {
        self.kid
    }
}

/// A license file, `-----BEGIN TESSERA LICENSE-----`.
///
/// ```
/// use tessera_core::{LicenseFile, PublicKeySet, SigningKey};
/// # let (key, payload) = tessera_core::example::license();
///
/// let file = LicenseFile::sign(&payload, &key)?;
/// let text = file.to_string();
///
/// let trusted = PublicKeySet::from_keys([key.public_key()])?;
/// let read = LicenseFile::decode(&text)?.verify(&trusted)?;
/// assert_eq!(read, payload);
///
/// // One changed character in the body and the file is refused.
/// let mut bytes = text.into_bytes();
/// bytes[100] = if bytes[100] == b'A' { b'B' } else { b'A' };
/// let tampered = String::from_utf8(bytes).unwrap();
/// assert!(LicenseFile::decode(&tampered).and_then(|f| f.verify(&trusted)).is_err());
/// # Ok::<(), tessera_core::Error>(())
/// ```
pub type LicenseFile = SignedFile<LicensePayload>;
