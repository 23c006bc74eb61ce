//! What a command can fail with: the client's errors, plus the CLI's own about the files it is given.

use tessera_client::Error as ClientError;
use tessera_i18n::Localizer;

use crate::exit::Exit;

/// `Result` with [`Failure`] as the default error.
pub type Result<T, E = Failure> = std::result::Result<T, E>;

/// A failed command. Serialises as `{code, message}`, the shape of the client's and the portal's errors.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Anything tessera-client reports, with its stable code.
    #[error(transparent)]
    Client(#[from] ClientError),
    /// `FILE_UNREADABLE` (exit 12): a file named on the command line cannot be read.
    #[error("The file {path} cannot be read ({detail}).")]
    FileUnreadable {
        /// The file, as given.
        path: String,
        /// The system's reason.
        detail: String,
    },
    /// `RUNTIME_FAILED` (exit 1): the async runtime for portal calls could not start.
    #[error("The program could not start its network runtime ({0}).")]
    Runtime(String),
}

impl Failure {
    /// The stable code.
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            Self::Client(error) => error.code(),
            Self::FileUnreadable { .. } => "FILE_UNREADABLE",
            Self::Runtime(_) => "RUNTIME_FAILED",
        }
    }

    /// The exit code (see [`Exit`]).
    #[must_use]
    pub fn exit(&self) -> Exit {
        Exit::for_error(self.code(), matches!(self, Self::Client(ClientError::Portal { .. })))
    }

    /// The message in the customer's language.
    #[must_use]
    pub fn localized(&self, localizer: &Localizer) -> String {
        match self {
            Self::Client(ClientError::Format(error)) => localizer.core_error(error),
            Self::Client(error) => localizer.error_with_texts(error.code(), &error.to_string(), &error.args()),
            Self::FileUnreadable { path, detail } => {
                localizer.text_with("error-file-unreadable", &[("path", path), ("detail", detail)])
            }
            Self::Runtime(_) => localizer.error(self.code(), &self.to_string()),
        }
    }

    /// What to run to get past this failure, when a command of this CLI does it.
    #[must_use]
    pub fn hint(&self, localizer: &Localizer) -> Option<String> {
        match self {
            Self::Client(ClientError::LicenseHeld { .. }) => Some(localizer.text("cli-activate-replace-hint")),
            _ => None,
        }
    }

    /// What the translated message leaves out and an administrator needs: the path, the
    /// address or the exact setting at fault. English, as technical details are.
    #[must_use]
    pub fn detail(&self) -> Option<String> {
        match self {
            Self::Client(
                error @ (ClientError::Network { .. }
                | ClientError::Proxy { .. }
                | ClientError::Tls { .. }
                | ClientError::StateCorrupt { .. }
                | ClientError::Storage { .. }
                | ClientError::Credentials(_)
                | ClientError::Settings(_)),
            ) => Some(error.to_string()),
            _ => None,
        }
    }
}

impl serde::Serialize for Failure {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        match self {
            Self::Client(error) => error.serialize(serializer),
            Self::FileUnreadable { .. } | Self::Runtime(_) => {
                let mut s = serializer.serialize_struct("Error", 2)?;
                s.serialize_field("code", self.code())?;
                s.serialize_field("message", &self.to_string())?;
                s.end()
            }
        }
    }
}

impl From<tessera_core::Error> for Failure {
    fn from(error: tessera_core::Error) -> Self {
        Self::Client(error.into())
    }
}
