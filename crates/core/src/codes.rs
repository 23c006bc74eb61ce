//! Installation and registration keys: activation by copy-paste when files cannot travel.
//!
//! The program shows an installation key (product, version, seats asked for, a fingerprint
//! prefix); the customer pastes it into the portal and pastes back the registration key,
//! the portal's signed answer bound to that exact installation key.

use std::fmt;

use chrono::NaiveDate;
use sha2::{Digest as _, Sha256};

use crate::base32;
use crate::encoding::{FingerprintDigest, Kid};
use crate::error::{CodeKind, Error, Result};
use crate::keys::{Domain, PublicKeySet, SigningKey};

const INSTALLATION_VERSION: u8 = 1;
const INSTALLATION_BYTES: usize = 19;
const REGISTRATION_VERSION: u8 = 1;
const GRANT_BYTES: usize = 15;
const REGISTRATION_BYTES: usize = GRANT_BYTES + 64;
const GROUP: usize = 4;
/// Bytes of the fingerprint carried in an installation key (80 bits).
pub const FINGERPRINT_PREFIX_BYTES: usize = 10;

/// The 4-byte tag that stands for a product id in installation keys:
/// SHA-256(`"tessera/product/v1\n"` ‖ product id), first 4 bytes.
#[must_use]
pub fn product_tag(product: &str) -> [u8; 4] {
    let digest = Sha256::new().chain_update(b"tessera/product/v1\n").chain_update(product.as_bytes()).finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

/// What the program asks for, as 32 base32 symbols in groups of four (31 data + 1 check).
///
/// ```
/// use tessera_core::{InstallationKey, Fingerprint, MachineFacts};
///
/// let fp = Fingerprint::compute("pasoss-accounting", &MachineFacts {
///     machine_id: "b4c04f4e3432".into(), ..MachineFacts::default() })?;
/// let key = InstallationKey::new("pasoss-accounting", (7, 2), 3, fp.digest());
/// let shown = key.to_string();
/// assert_eq!(shown.len(), 39); // 8 groups of 4 and 7 dashes
/// let read = InstallationKey::parse(&shown)?;
/// assert!(read.is_for_product("pasoss-accounting"));
/// assert_eq!(read.seats(), 3);
/// assert!(read.matches_fingerprint(fp.digest()));
/// # Ok::<(), tessera_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct InstallationKey {
    bytes: [u8; INSTALLATION_BYTES],
}

impl InstallationKey {
    /// The installation key for `product` at version `(major, minor)` asking for `seats`
    /// on the machine with `fingerprint`.
    #[must_use]
    pub fn new(product: &str, version: (u8, u8), seats: u16, fingerprint: FingerprintDigest) -> Self {
        let mut bytes = [0u8; INSTALLATION_BYTES];
        bytes[0] = INSTALLATION_VERSION;
        bytes[1..5].copy_from_slice(&product_tag(product));
        bytes[5] = version.0;
        bytes[6] = version.1;
        bytes[7..9].copy_from_slice(&seats.to_be_bytes());
        bytes[9..].copy_from_slice(&fingerprint.0[..FINGERPRINT_PREFIX_BYTES]);
        Self { bytes }
    }

    /// Reads an installation key as pasted.
    pub fn parse(input: &str) -> Result<Self> {
        let kind = CodeKind::InstallationKey;
        let decoded = base32::decode_grouped(kind, input, INSTALLATION_BYTES)?;
        let bytes: [u8; INSTALLATION_BYTES] = decoded.try_into().map_err(|_| Error::CodeChecksum(kind))?;
        if bytes[0] != INSTALLATION_VERSION {
            return Err(Error::CodeUnsupported(kind));
        }
        Ok(Self { bytes })
    }

    /// The product tag (see [`product_tag`]).
    #[must_use]
    pub fn product_tag(&self) -> [u8; 4] {
        [self.bytes[1], self.bytes[2], self.bytes[3], self.bytes[4]]
    }

    /// Whether this key was made by `product`.
    #[must_use]
    pub fn is_for_product(&self, product: &str) -> bool {
        self.product_tag() == product_tag(product)
    }

    /// The program version, `(major, minor)`.
    #[must_use]
    pub fn version(&self) -> (u8, u8) {
        (self.bytes[5], self.bytes[6])
    }

    /// Seats (workstations) asked for.
    #[must_use]
    pub fn seats(&self) -> u16 {
        u16::from_be_bytes([self.bytes[7], self.bytes[8]])
    }

    /// The first 10 bytes of the machine's fingerprint.
    #[must_use]
    pub fn fingerprint_prefix(&self) -> [u8; FINGERPRINT_PREFIX_BYTES] {
        let mut prefix = [0u8; FINGERPRINT_PREFIX_BYTES];
        prefix.copy_from_slice(&self.bytes[9..]);
        prefix
    }

    /// Whether this key was made on the machine with `fingerprint`.
    #[must_use]
    pub fn matches_fingerprint(&self, fingerprint: FingerprintDigest) -> bool {
        fingerprint.0[..FINGERPRINT_PREFIX_BYTES] == self.bytes[9..]
    }

    /// The 19 raw bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8; INSTALLATION_BYTES] {
        &self.bytes
    }
}

impl fmt::Display for InstallationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&base32::encode_grouped(&self.bytes, GROUP))
    }
}

impl fmt::Debug for InstallationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "InstallationKey({self})")
    }
}

/// What a registration key grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    /// Seats (workstations) granted.
    pub seats: u16,
    /// Last day of the license term, `None` for perpetual.
    pub expires: Option<NaiveDate>,
    /// Last day of support and updates, `None` without support.
    pub support_until: Option<NaiveDate>,
}

fn epoch() -> NaiveDate {
    chrono::DateTime::UNIX_EPOCH.date_naive()
}

/// A date as 1 + days since 1970-01-01; 0 stands for "none". Dates before 1970 are none.
fn day_number(date: Option<NaiveDate>) -> u32 {
    date.and_then(|d| u32::try_from(d.signed_duration_since(epoch()).num_days() + 1).ok()).unwrap_or(0)
}

fn day_from(number: u32) -> Option<NaiveDate> {
    number.checked_sub(1).and_then(|days| epoch().checked_add_days(chrono::Days::new(u64::from(days))))
}

/// The portal's signed answer to one [`InstallationKey`]: 79 bytes (version, key id,
/// seats, term end, support end, Ed25519 signature) as 128 base32 symbols in groups of four.
///
/// ```
/// use chrono::NaiveDate;
/// use tessera_core::{Grant, InstallationKey, PublicKeySet, RegistrationKey, SigningKey};
/// # let portal = SigningKey::from_seed([1; 32]);
/// # let install = InstallationKey::new("pasoss-payroll", (3, 0), 2, tessera_core::FingerprintDigest([5; 32]));
///
/// let grant = Grant { seats: 2, expires: NaiveDate::from_ymd_opt(2027, 12, 31), support_until: None };
/// let answer = RegistrationKey::issue(&install, grant, &portal).to_string();
///
/// let trusted = PublicKeySet::from_keys([portal.public_key()])?;
/// let read = RegistrationKey::parse(&answer)?.verify(&install, &trusted)?;
/// assert_eq!(read, grant);
/// # Ok::<(), tessera_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RegistrationKey {
    bytes: [u8; REGISTRATION_BYTES],
}

impl RegistrationKey {
    /// Signs `grant` for exactly this installation key.
    #[must_use]
    pub fn issue(install: &InstallationKey, grant: Grant, key: &SigningKey) -> Self {
        let mut bytes = [0u8; REGISTRATION_BYTES];
        bytes[0] = REGISTRATION_VERSION;
        bytes[1..5].copy_from_slice(&key.kid().0);
        bytes[5..7].copy_from_slice(&grant.seats.to_be_bytes());
        bytes[7..11].copy_from_slice(&day_number(grant.expires).to_be_bytes());
        bytes[11..15].copy_from_slice(&day_number(grant.support_until).to_be_bytes());
        let signature = key.sign(Domain::RegistrationKey, &signed_message(install, &bytes[..GRANT_BYTES]));
        bytes[GRANT_BYTES..].copy_from_slice(&signature);
        Self { bytes }
    }

    /// Reads a registration key as pasted. Says nothing yet about whether it is genuine.
    pub fn parse(input: &str) -> Result<Self> {
        let kind = CodeKind::RegistrationKey;
        let decoded = base32::decode_grouped(kind, input, REGISTRATION_BYTES)?;
        let bytes: [u8; REGISTRATION_BYTES] = decoded.try_into().map_err(|_| Error::CodeChecksum(kind))?;
        if bytes[0] != REGISTRATION_VERSION {
            return Err(Error::CodeUnsupported(kind));
        }
        Ok(Self { bytes })
    }

    /// The id of the key that (claims to have) signed it.
    #[must_use]
    pub fn kid(&self) -> Kid {
        Kid([self.bytes[1], self.bytes[2], self.bytes[3], self.bytes[4]])
    }

    /// Checks that a trusted key signed this grant for exactly `install`, then returns it.
    pub fn verify(&self, install: &InstallationKey, keys: &PublicKeySet) -> Result<Grant> {
        let mut signature = [0u8; 64];
        signature.copy_from_slice(&self.bytes[GRANT_BYTES..]);
        keys.verify(
            Domain::RegistrationKey,
            self.kid(),
            &signed_message(install, &self.bytes[..GRANT_BYTES]),
            &signature,
        )?;
        let word = |at: usize| {
            u32::from_be_bytes([self.bytes[at], self.bytes[at + 1], self.bytes[at + 2], self.bytes[at + 3]])
        };
        Ok(Grant {
            seats: u16::from_be_bytes([self.bytes[5], self.bytes[6]]),
            expires: day_from(word(7)),
            support_until: day_from(word(11)),
        })
    }
}

fn signed_message(install: &InstallationKey, grant: &[u8]) -> Vec<u8> {
    [install.as_bytes().as_slice(), grant].concat()
}

impl fmt::Display for RegistrationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&base32::encode_grouped(&self.bytes, GROUP))
    }
}

impl fmt::Debug for RegistrationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RegistrationKey(kid {})", self.kid())
    }
}
