//! The app's error: what a command reports to the front end when it fails, already in the
//! customer's language.

use serde::{Serialize, Serializer, ser::SerializeStruct};
use tessera_i18n::Localizer;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failure the front end shows as it is: a stable `code` to branch on and a `message`
/// the customer reads, with what to do next.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    code: String,
    message: String,
    /// The message's variables (`serial` of `LICENSE_HELD`), for the front end to act on.
    args: Vec<(&'static str, String)>,
}

impl Error {
    /// An error with this code and message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { code: code.into(), message: message.into(), args: Vec::new() }
    }

    /// A client error in the customer's language: tessera-core errors with their details
    /// filled in, the others by code, with the client's English message as the fallback.
    pub fn localized(error: &tessera_client::Error, localizer: &Localizer) -> Self {
        let message = match error {
            tessera_client::Error::Format(core) => localizer.core_error(core),
            other => localizer.error_with_texts(other.code(), &other.to_string(), &other.args()),
        };
        Self { args: error.args(), ..Self::new(error.code(), message) }
    }

    /// The stable code (`NETWORK_UNREACHABLE`, `CODE_CHECKSUM`, `internal`, ...).
    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The Tauri runtime failed (window, IPC, dialogs, paths); code `internal`.
impl From<tauri::Error> for Error {
    fn from(error: tauri::Error) -> Self {
        Self::new("internal", error.to_string())
    }
}

/// The front end receives `{code, message}`, the same shape as the portal's API errors, and
/// the message's variables beside them (`serial`).
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut error = serializer.serialize_struct("Error", 2 + self.args.len())?;
        error.serialize_field("code", &self.code)?;
        error.serialize_field("message", &self.message)?;
        for (name, value) in &self.args {
            error.serialize_field(name, value)?;
        }
        error.end()
    }
}

#[cfg(test)]
mod tests {
    use tessera_i18n::Language;

    use super::*;

    #[test]
    fn the_front_end_receives_a_code_and_a_message() {
        let error = Error::from(tauri::Error::WindowNotFound);

        let json = serde_json::to_value(&error).unwrap();

        assert_eq!(json["code"], "internal");
        assert_eq!(json["message"], tauri::Error::WindowNotFound.to_string());
    }

    #[test]
    fn client_errors_are_told_in_the_customers_language() {
        let unreachable = tessera_client::Error::Network { url: "https://portal.example".into() };

        let error = Error::localized(&unreachable, &Localizer::new(Language::Fr));

        assert_eq!(error.code(), "NETWORK_UNREACHABLE");
        assert_eq!(error.message(), Localizer::new(Language::Fr).text("error-network-unreachable"));
    }

    #[test]
    fn a_portal_refusal_is_told_with_its_details_in_the_customers_language() {
        let mut args = serde_json::Map::new();
        args.insert("product".into(), "Acme Ledger".into());
        args.insert("date".into(), "2027-01-04".into());
        args.insert("machines".into(), 2.into());
        args.insert("shell".into(), "rm -rf".into());
        let not_started = tessera_client::Error::portal(
            "SEAT_NOT_STARTED".into(),
            "Your license of Acme Ledger starts on 2027-01-04. Activate again from that day.".into(),
            &args,
        );
        let too_many = tessera_client::Error::portal("USER_TOO_MANY_MACHINES".into(), "English".into(), &args);

        let french = Error::localized(&not_started, &Localizer::new(Language::Fr));
        let russian = Error::localized(&too_many, &Localizer::new(Language::Ru));

        assert_eq!(
            french.message(),
            "Votre licence de Acme Ledger commence le 2027-01-04. Activez-la de nouveau à partir de ce jour."
        );
        assert!(
            russian.message().contains("на 2 компьютерах"),
            "a number picks the plural form: {}",
            russian.message()
        );
        assert!(!not_started.args().iter().any(|(name, _)| *name == "shell"), "only the known names pass");
    }

    #[test]
    fn a_typo_in_a_key_names_the_key_in_the_customers_language() {
        let typo =
            tessera_client::Error::Format(tessera_core::Error::CodeChecksum(tessera_core::CodeKind::ActivationKey));

        let error = Error::localized(&typo, &Localizer::new(Language::It));

        assert_eq!(error.code(), "CODE_CHECKSUM");
        assert!(error.message().contains("chiave di attivazione"), "{}", error.message());
    }
}
