//! The one error type of tessera-core: a stable code and a message a customer understands.

use std::fmt;

/// `Result` with [`Error`] as the default error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The short codes a person types or pastes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// [`crate::ActivationKey`]
    ActivationKey,
    /// [`crate::InstallationKey`]
    InstallationKey,
    /// [`crate::RegistrationKey`]
    RegistrationKey,
}

impl fmt::Display for CodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ActivationKey => "activation key",
            Self::InstallationKey => "installation key",
            Self::RegistrationKey => "registration key",
        })
    }
}

/// The signed files Tessera exchanges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// [`crate::LicenseFile`]
    License,
    /// [`crate::ActivationRequest`]
    ActivationRequest,
    /// [`crate::ActivationResponse`]
    ActivationResponse,
    /// [`crate::DeactivationReceipt`]
    DeactivationReceipt,
}

impl FileKind {
    /// Every kind, in a fixed order.
    pub const ALL: [Self; 4] =
        [Self::License, Self::ActivationRequest, Self::ActivationResponse, Self::DeactivationReceipt];

    /// The kind with its indefinite article, for messages.
    #[must_use]
    pub fn with_article(self) -> String {
        let article = if matches!(self, Self::ActivationRequest | Self::ActivationResponse) { "an" } else { "a" };
        format!("{article} {self}")
    }

    /// The word in the armour lines, as in `-----BEGIN TESSERA LICENSE-----`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::License => "TESSERA LICENSE",
            Self::ActivationRequest => "TESSERA ACTIVATION REQUEST",
            Self::ActivationResponse => "TESSERA ACTIVATION RESPONSE",
            Self::DeactivationReceipt => "TESSERA DEACTIVATION RECEIPT",
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::License => "license file",
            Self::ActivationRequest => "activation request file",
            Self::ActivationResponse => "activation response file",
            Self::DeactivationReceipt => "deactivation receipt",
        })
    }
}

/// Everything that can go wrong in tessera-core.
///
/// Each variant has a stable [`Error::code`] (for APIs, scripts and translations) and a
/// `Display` message written for the customer who sees it, saying what to do next.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `CODE_EMPTY`: nothing was entered.
    #[error("Please enter the {0}.")]
    CodeEmpty(CodeKind),
    /// `CODE_LENGTH`: too few or too many characters.
    #[error("The {kind} should have {expected} characters but has {found}. Check that you copied all of it.")]
    CodeLength {
        /// Which code.
        kind: CodeKind,
        /// Characters expected, without dashes and spaces.
        expected: usize,
        /// Characters found, without dashes and spaces.
        found: usize,
    },
    /// `CODE_CHARACTER`: a character outside the key alphabet.
    #[error(
        "The {kind} cannot contain '{character}' (character {position}). Keys use digits and the letters A to Z except I, L, O and U."
    )]
    CodeCharacter {
        /// Which code.
        kind: CodeKind,
        /// The offending character.
        character: char,
        /// 1-based position among the key's characters, dashes and spaces not counted.
        position: usize,
    },
    /// `CODE_CHECKSUM`: the check symbol does not match: a typo.
    #[error("The {0} contains a typo. Please compare it character by character with the one you received.")]
    CodeChecksum(CodeKind),
    /// `CODE_UNSUPPORTED`: a well-formed code of a version this program does not know.
    #[error("This {0} was made for a newer version of the program. Please update it.")]
    CodeUnsupported(CodeKind),
    /// `FILE_NOT_ARMOURED`: not a Tessera file at all.
    #[error("This is not a Tessera {0}: it does not begin with the line -----BEGIN {label}-----.", label = .0.label())]
    NotArmoured(FileKind),
    /// `FILE_WRONG_KIND`: a Tessera file of another kind.
    #[error("This is {}, not {}.", .found.with_article(), .expected.with_article())]
    WrongKind {
        /// The kind the caller asked for.
        expected: FileKind,
        /// The kind the file says it is.
        found: FileKind,
    },
    /// `FILE_DAMAGED`: structure broken: truncated, edited or corrupted in transit.
    #[error("The {kind} is damaged or incomplete ({detail}). Download or export it again.")]
    Damaged {
        /// Which file.
        kind: FileKind,
        /// What exactly is wrong, for support staff.
        detail: String,
    },
    /// `FILE_UNSUPPORTED_VERSION`: a newer format version.
    #[error("This {kind} uses format version {version}, which this program does not know. Please update it.")]
    UnsupportedVersion {
        /// Which file.
        kind: FileKind,
        /// The version the file declares.
        version: u64,
    },
    /// `FILE_UNSUPPORTED_ALGORITHM`: a signature algorithm other than Ed25519.
    #[error("This {kind} is signed with '{algorithm}', which this program does not accept.")]
    UnsupportedAlgorithm {
        /// Which file.
        kind: FileKind,
        /// The algorithm the file declares.
        algorithm: String,
    },
    /// `UNKNOWN_SIGNING_KEY`: signed by a key outside the trusted set.
    #[error(
        "This {what} was signed with a key this program does not trust (key id {kid}). Make sure it comes from your vendor's portal, or update the program."
    )]
    UnknownKey {
        /// What was signed ("license file", "registration key", ...).
        what: String,
        /// The key id it names.
        kid: String,
    },
    /// `BAD_SIGNATURE`: the signature does not match: altered or forged.
    #[error("This {0} has been altered or damaged: its signature does not match. Download or export it again.")]
    BadSignature(String),
    /// `RESPONSE_MISMATCH`: a genuine response, but to another request or machine.
    #[error(
        "This response answers a different activation request or computer. Export a new request file from this computer and upload it to the portal."
    )]
    ResponseMismatch,
    /// `PRODUCT_MISMATCH`: a genuine license for another product.
    #[error("This license is for {found}, not for {expected}.")]
    ProductMismatch {
        /// The product the program expects.
        expected: String,
        /// The product the license names.
        found: String,
    },
    /// `MACHINE_ID_UNAVAILABLE`: the computer has no usable machine id.
    #[error(
        "This computer has no machine identifier, so a license cannot be bound to it ({0}). On Linux, run 'systemd-machine-id-setup' as administrator."
    )]
    MachineIdUnavailable(String),
    /// `INVALID_SIGNING_KEY`: a signing or public key that cannot be read.
    #[error("The key is not a valid Tessera key ({0}).")]
    InvalidKey(String),
    /// `RANDOMNESS_UNAVAILABLE`: the operating system gave no random bytes.
    #[error("The operating system's random number generator is unavailable ({0}).")]
    Randomness(String),
}

impl Error {
    /// The stable code of this error, as listed on each variant.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::CodeEmpty(_) => "CODE_EMPTY",
            Self::CodeLength { .. } => "CODE_LENGTH",
            Self::CodeCharacter { .. } => "CODE_CHARACTER",
            Self::CodeChecksum(_) => "CODE_CHECKSUM",
            Self::CodeUnsupported(_) => "CODE_UNSUPPORTED",
            Self::NotArmoured(_) => "FILE_NOT_ARMOURED",
            Self::WrongKind { .. } => "FILE_WRONG_KIND",
            Self::Damaged { .. } => "FILE_DAMAGED",
            Self::UnsupportedVersion { .. } => "FILE_UNSUPPORTED_VERSION",
            Self::UnsupportedAlgorithm { .. } => "FILE_UNSUPPORTED_ALGORITHM",
            Self::UnknownKey { .. } => "UNKNOWN_SIGNING_KEY",
            Self::BadSignature(_) => "BAD_SIGNATURE",
            Self::ResponseMismatch => "RESPONSE_MISMATCH",
            Self::ProductMismatch { .. } => "PRODUCT_MISMATCH",
            Self::MachineIdUnavailable(_) => "MACHINE_ID_UNAVAILABLE",
            Self::InvalidKey(_) => "INVALID_SIGNING_KEY",
            Self::Randomness(_) => "RANDOMNESS_UNAVAILABLE",
        }
    }

    pub(crate) fn damaged(kind: FileKind, detail: impl Into<String>) -> Self {
        Self::Damaged { kind, detail: detail.into() }
    }
}

/// Fills `buf` from the operating system's random number generator.
pub(crate) fn random_bytes(buf: &mut [u8]) -> Result<()> {
    getrandom::getrandom(buf).map_err(|e| Error::Randomness(e.to_string()))
}
