//! The client's one error type: a stable code per failure, and never "invalid key" when the
//! network is down.

/// `Result` with [`Error`] as the default error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the License Manager and the CLI can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `NETWORK_UNREACHABLE`: no connection to the portal (DNS, refused, no route).
    #[error("The licensing portal at {url} cannot be reached. Check the internet connection and try again.")]
    Network {
        /// The portal's address.
        url: String,
    },
    /// `PROXY_FAILED`: the configured proxy refused or could not be reached.
    #[error("The proxy server {proxy} did not let the connection through ({detail}). Check the proxy settings.")]
    Proxy {
        /// The proxy's address, without credentials.
        proxy: String,
        /// What went wrong.
        detail: String,
    },
    /// `TLS_FAILED`: the secure connection could not be established (certificate, clock).
    #[error(
        "A secure connection to the licensing portal could not be established ({detail}). Check the computer's date and time, and any network filter that inspects HTTPS."
    )]
    Tls {
        /// What went wrong.
        detail: String,
    },
    /// `PORTAL_TIMEOUT`: no answer in time.
    #[error("The licensing portal did not answer in time. Try again in a moment.")]
    Timeout,
    /// `PORTAL_NOT_GENUINE`: an answer not signed by the vendor's portal.
    #[error(
        "The answer did not come from your vendor's licensing portal (its signature is missing or wrong). Check the portal address in Settings and any proxy in between."
    )]
    NotGenuine,
    /// `NOT_A_PORTAL`: an answer without any signature: whatever answers at this address (a web
    /// server, a captive portal, a wrong path) is not a Tessera portal.
    #[error("This address does not answer as a Tessera licensing portal (HTTP {status}). Check the portal address.")]
    NotAPortal {
        /// The HTTP status it answered with.
        status: u16,
    },
    /// `ALREADY_ACTIVATED`: this computer already holds a usable license of this very key.
    #[error(
        "This computer is already activated with this activation key (license {serial}). To synchronise it with the portal, refresh."
    )]
    AlreadyActivated {
        /// The license's serial number.
        serial: String,
    },
    /// `LICENSE_HELD`: this computer holds another license; replacing it must be asked for.
    #[error(
        "This computer already holds license {serial}. Replacing it gives that license's seat back to the portal first."
    )]
    LicenseHeld {
        /// The serial number of the license held.
        serial: String,
    },
    /// The portal's own refusal, with its stable code (`KEY_NOT_FOUND`, `TOO_MANY_MACHINES`, ...).
    #[error("{message}")]
    Portal {
        /// The portal's code.
        code: String,
        /// The portal's message.
        message: String,
        /// The message's variables the portal sent (`product`, `date`, `machines`, ...), for
        /// its translation; see [`PORTAL_ARGS`].
        args: Vec<(&'static str, String)>,
    },
    /// A tessera-core error (`CODE_CHECKSUM`, `BAD_SIGNATURE`, `FILE_DAMAGED`, ...).
    #[error(transparent)]
    Format(#[from] tessera_core::Error),
    /// `STATE_CORRUPT`: a local state file cannot be read.
    #[error(
        "The local license data in {path} is damaged. Click Refresh (or run 'tessera refresh') to download it again, or activate again."
    )]
    StateCorrupt {
        /// The file.
        path: String,
    },
    /// `STORAGE_FAILED`: a local file cannot be written or read.
    #[error("The license data cannot be saved in {path} ({detail}).")]
    Storage {
        /// The file or folder.
        path: String,
        /// What went wrong.
        detail: String,
    },
    /// `CREDENTIAL_STORE_FAILED`: neither the keyring nor the encrypted file works.
    #[error("The credential store cannot be used ({0}).")]
    Credentials(String),
    /// `NOT_ACTIVATED`: the operation needs an activated license.
    #[error("This computer has no license yet. Activate it first.")]
    NotActivated,
    /// `NO_PENDING_REQUEST`: a response file, but no request was exported here.
    #[error(
        "No activation request was exported from this computer, so this response cannot be checked. Export a request first."
    )]
    NoPendingRequest,
    /// `INVALID_SETTING`: a setting that cannot work.
    #[error("{0}")]
    Settings(String),
    /// `NOT_SIGNED_IN`: the customer portal needs a sign-in first.
    #[error("Sign in to the customer portal first.")]
    NotSignedIn,
}

/// The variables of a portal's refusal the client passes on (its error body's `args`); others
/// are dropped, so a portal cannot put arbitrary names in front of the customer.
pub const PORTAL_ARGS: [&str; 6] = ["product", "date", "machines", "seats", "order", "minutes"];

impl Error {
    /// A portal's refusal with `code`, `message` and the variables of `args` named in
    /// [`PORTAL_ARGS`] (texts and whole numbers).
    #[must_use]
    pub fn portal(code: String, message: String, args: &serde_json::Map<String, serde_json::Value>) -> Self {
        let args = PORTAL_ARGS
            .iter()
            .filter_map(|name| {
                let value = match args.get(*name)? {
                    serde_json::Value::String(text) => text.clone(),
                    serde_json::Value::Number(n) => n.as_i64()?.to_string(),
                    _ => return None,
                };
                Some((*name, value))
            })
            .collect();
        Self::Portal { code, message, args }
    }

    /// The stable code.
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            Self::Network { .. } => "NETWORK_UNREACHABLE",
            Self::Proxy { .. } => "PROXY_FAILED",
            Self::Tls { .. } => "TLS_FAILED",
            Self::Timeout => "PORTAL_TIMEOUT",
            Self::NotGenuine => "PORTAL_NOT_GENUINE",
            Self::NotAPortal { .. } => "NOT_A_PORTAL",
            Self::AlreadyActivated { .. } => "ALREADY_ACTIVATED",
            Self::LicenseHeld { .. } => "LICENSE_HELD",
            Self::Portal { code, .. } => code,
            Self::Format(e) => e.code(),
            Self::StateCorrupt { .. } => "STATE_CORRUPT",
            Self::Storage { .. } => "STORAGE_FAILED",
            Self::Credentials(_) => "CREDENTIAL_STORE_FAILED",
            Self::NotActivated => "NOT_ACTIVATED",
            Self::NoPendingRequest => "NO_PENDING_REQUEST",
            Self::Settings(_) => "INVALID_SETTING",
            Self::NotSignedIn => "NOT_SIGNED_IN",
        }
    }

    /// Whether the failure is about reaching the portal (the license itself is fine).
    #[must_use]
    pub fn is_connectivity(&self) -> bool {
        matches!(self, Self::Network { .. } | Self::Proxy { .. } | Self::Tls { .. } | Self::Timeout)
    }

    /// The variables of the message, for its translation (`status` of `NOT_A_PORTAL`, `serial`,
    /// and those of a portal's refusal: `date` of `SEAT_NOT_STARTED`, `machines` of
    /// `USER_TOO_MANY_MACHINES`, ...). Numbers come as their digits.
    #[must_use]
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::NotAPortal { status } => vec![("status", status.to_string())],
            Self::AlreadyActivated { serial } | Self::LicenseHeld { serial } => vec![("serial", serial.clone())],
            Self::Portal { args, .. } => args.clone(),
            _ => Vec::new(),
        }
    }

    pub(crate) fn storage(path: &std::path::Path, error: impl std::fmt::Display) -> Self {
        Self::Storage { path: path.display().to_string(), detail: error.to_string() }
    }
}

impl serde::Serialize for Error {
    /// `{code, message}`, the same shape as the portal's errors.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Error", 2)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}
