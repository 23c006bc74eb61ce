//! Translations of tessera-core's errors, license states and fingerprint components, variables filled in.

use tessera_core::{CodeKind, Component, Error, ExpiryCause, FileKind, LicenseState, Timestamp};

use crate::localizer::code_id;
use crate::{Arg, Localizer};

impl Localizer {
    /// A tessera-core error in the customer's language, with its details filled in.
    ///
    /// ```
    /// use tessera_core::ActivationKey;
    /// use tessera_i18n::{Language, Localizer};
    /// let error = ActivationKey::parse("").unwrap_err();
    /// assert_eq!(Localizer::new(Language::Fr).core_error(&error), "Veuillez saisir la clé d'activation.");
    /// ```
    #[must_use]
    pub fn core_error(&self, error: &Error) -> String {
        let english = error.to_string();
        let args: Vec<(&str, Arg<'_>)> = match error {
            Error::CodeEmpty(kind) | Error::CodeChecksum(kind) | Error::CodeUnsupported(kind) => {
                vec![("kind", code_kind(*kind).into())]
            }
            Error::CodeLength { kind, expected, found } => {
                vec![("kind", code_kind(*kind).into()), ("expected", (*expected).into()), ("found", (*found).into())]
            }
            Error::CodeCharacter { kind, character, position } => vec![
                ("kind", code_kind(*kind).into()),
                ("character", character.to_string().into()),
                ("position", (*position).into()),
            ],
            Error::NotArmoured(kind) => vec![("kind", file_kind(*kind).into()), ("label", kind.label().into())],
            Error::WrongKind { expected, found } => {
                vec![("expected_kind", file_kind(*expected).into()), ("found_kind", file_kind(*found).into())]
            }
            Error::Damaged { kind, detail } => vec![("kind", file_kind(*kind).into()), ("detail", detail.into())],
            Error::UnsupportedVersion { kind, version } => {
                vec![("kind", file_kind(*kind).into()), ("version", (*version).into())]
            }
            Error::UnsupportedAlgorithm { kind, algorithm } => {
                vec![("kind", file_kind(*kind).into()), ("algorithm", algorithm.into())]
            }
            Error::UnknownKey { what, kid } => vec![("what", signed_thing(what).into()), ("kid", kid.into())],
            Error::BadSignature(what) => vec![("what", signed_thing(what).into())],
            Error::ProductMismatch { expected, found } => vec![("expected", expected.into()), ("found", found.into())],
            Error::MachineIdUnavailable(detail) | Error::InvalidKey(detail) | Error::Randomness(detail) => {
                vec![("detail", detail.into())]
            }
            // Variants without details, and any added to tessera-core later (which then show in English).
            _ => Vec::new(),
        };
        self.error_with(error.code(), &english, &args)
    }

    /// What a license state means for the customer and what to do next, in their language.
    ///
    /// ```
    /// use tessera_core::LicenseState;
    /// use tessera_i18n::{Language, Localizer};
    /// let it = Localizer::new(Language::It);
    /// assert_eq!(it.state("NOT_ACTIVATED"), "Non attivata");
    /// assert_eq!(
    ///     it.state_message(&LicenseState::NotActivated),
    ///     "Questo computer non ha ancora una licenza. Inserisci la chiave di attivazione per attivarlo.",
    /// );
    /// ```
    #[must_use]
    pub fn state_message(&self, state: &LicenseState) -> String {
        match state {
            LicenseState::NotActivated => self.text("state-not-activated-message"),
            LicenseState::Valid { license } => match license.expires {
                Some(at) => self.text_with("state-valid-until-message", &[("date", day(at))]),
                None => self.text("state-valid-message"),
            },
            LicenseState::Grace { refresh_by: Some(by), .. } => {
                self.text_with("state-grace-until-message", &[("date", minute(*by))])
            }
            LicenseState::Grace { refresh_by: None, .. } => self.text("state-grace-message"),
            LicenseState::Expired { cause: ExpiryCause::TermEnded, at, .. } => {
                self.text_with("state-expired-term-ended-message", &[("date", day(*at))])
            }
            LicenseState::Expired { cause: ExpiryCause::RefreshOverdue, at, .. } => {
                self.text_with("state-expired-refresh-overdue-message", &[("date", day(*at))])
            }
            LicenseState::Suspended { .. } => self.text("state-suspended-message"),
            LicenseState::Revoked { license } if license.unbound => self.text_with(
                "state-revoked-unbound-message",
                &[("product", license.product_name.as_deref().unwrap_or(&license.product))],
            ),
            LicenseState::Revoked { .. } => self.text("state-revoked-message"),
            LicenseState::FingerprintMismatch { changed, .. } => {
                let names = if changed.is_empty() { vec![Component::MachineId] } else { changed.clone() };
                let changed: Vec<String> = names.into_iter().map(|c| self.component(c)).collect();
                self.text_with("state-fingerprint-mismatch-message", &[("changed", changed.join(", "))])
            }
            LicenseState::ClockTampered { latest_trusted, .. } => {
                self.text_with("state-clock-tampered-message", &[("date", minute(*latest_trusted))])
            }
            LicenseState::TimeUnconfirmed { .. } => self.text("state-time-unconfirmed-message"),
            LicenseState::Registered { seats, expires: Some(last) } => self.text_with(
                "state-registered-until-message",
                &[("seats", Arg::from(*seats)), ("date", last.format("%Y-%m-%d").to_string().into())],
            ),
            LicenseState::Registered { seats, expires: None } => {
                self.text_with("state-registered-message", &[("seats", Arg::from(*seats))])
            }
            LicenseState::Invalid { code, .. } => match code_message(self, code) {
                Some(text) => text,
                None => self.text_with("state-invalid-message", &[("code", *code)]),
            },
        }
    }

    /// The dashboard's headline: who the license is for, the product by its name, and — while
    /// it is usable (valid or in its grace) — how many days of its term are left at `now`; a
    /// revoked or suspended license has no days left to count.
    ///
    /// ```
    /// use tessera_core::{LicenseState, Timestamp};
    /// use tessera_i18n::{Language, Localizer};
    /// let (_, mut license) = tessera_core::example::license();
    /// license.product_name = Some("Acme Ledger".into());
    /// let now = Timestamp::parse("2027-11-19T10:00:00Z").unwrap();
    /// let valid = LicenseState::Valid { license: Box::new(license.clone()) };
    /// assert_eq!(
    ///     Localizer::new(Language::En).headline(&valid, now).unwrap(),
    ///     "Licensed to Northwind Traders: Acme Ledger Enterprise, 2 days left",
    /// );
    /// let revoked = LicenseState::Revoked { license: Box::new(license) };
    /// assert_eq!(
    ///     Localizer::new(Language::En).headline(&revoked, now).unwrap(),
    ///     "Licensed to Northwind Traders: Acme Ledger Enterprise",
    /// );
    /// ```
    #[must_use]
    pub fn headline(&self, state: &LicenseState, now: Timestamp) -> Option<String> {
        let license = state.license()?;
        let product = format!("{} {}", license.product_name.as_deref().unwrap_or(&license.product), license.edition);
        let customer = license.customer.as_str();
        if !matches!(state, LicenseState::Valid { .. } | LicenseState::Grace { .. }) {
            return Some(self.text_with("dashboard-headline", &[("customer", customer), ("product", &product)]));
        }
        Some(match license.expires {
            None => self.text_with("dashboard-headline-perpetual", &[("customer", customer), ("product", &product)]),
            Some(end) if end > now => {
                // Whole days, the one under way counted: "1 day left" until the very end.
                let days = (end.unix() - now.unix() + 86_399) / 86_400;
                self.text_with(
                    "dashboard-headline-days",
                    &[("customer", Arg::from(customer)), ("product", Arg::from(product)), ("days", Arg::from(days))],
                )
            }
            Some(_) => self.text_with("dashboard-headline", &[("customer", customer), ("product", &product)]),
        })
    }

    /// A fingerprint component's name as it reads inside a sentence ("network adapter").
    ///
    /// ```
    /// use tessera_core::Component;
    /// use tessera_i18n::{Language, Localizer};
    /// assert_eq!(Localizer::new(Language::Bg).component(Component::Cpu), "процесор");
    /// ```
    #[must_use]
    pub fn component(&self, component: Component) -> String {
        self.text(&format!("component-{}", component.name()))
    }
}

/// The error message for `code` when it reads fully without variables.
fn code_message(localizer: &Localizer, code: &str) -> Option<String> {
    localizer.format::<Arg<'_>>(&code_id("error", code)?, &[])?.ok()
}

/// The selector key a `$kind` of code takes in the catalogues.
fn code_kind(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::ActivationKey => "activation-key",
        CodeKind::InstallationKey => "installation-key",
        CodeKind::RegistrationKey => "registration-key",
    }
}

/// The selector key a `$kind` of file takes in the catalogues.
fn file_kind(kind: FileKind) -> &'static str {
    match kind {
        FileKind::License => "license",
        FileKind::ActivationRequest => "activation-request",
        FileKind::ActivationResponse => "activation-response",
        FileKind::DeactivationReceipt => "deactivation-receipt",
    }
}

/// The selector key for `$what`, from the English noun tessera-core puts in signature errors.
fn signed_thing(what: &str) -> &'static str {
    match what {
        "license file" => "license",
        "activation request file" => "activation-request",
        "activation response file" => "activation-response",
        "deactivation receipt" => "deactivation-receipt",
        "registration key" => "registration-key",
        "portal response" => "portal-response",
        "request from this computer" => "machine-call",
        _ => "other",
    }
}

/// A date as tessera-core's own messages write it.
fn day(at: Timestamp) -> String {
    at.datetime().format("%Y-%m-%d").to_string()
}

/// A time to the minute, in UTC, as tessera-core's own messages write it.
fn minute(at: Timestamp) -> String {
    at.datetime().format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;

    #[test]
    fn every_signature_noun_of_core_has_a_selector_key() {
        let nouns = [
            "license file",
            "activation request file",
            "activation response file",
            "deactivation receipt",
            "registration key",
            "portal response",
            "request from this computer",
        ];
        for noun in nouns {
            assert_ne!(signed_thing(noun), "other", "{noun}");
        }
        for kind in FileKind::ALL {
            assert_eq!(signed_thing(&kind.to_string()), file_kind(kind), "{kind}");
        }
    }

    #[test]
    fn an_invalid_state_with_a_variable_free_error_reads_that_error() {
        let state = LicenseState::Invalid { code: "RESPONSE_MISMATCH", message: "english".into() };
        let text = Localizer::new(Language::Fr).state_message(&state);
        assert!(text.starts_with("Cette réponse"), "{text}");
    }

    #[test]
    fn an_invalid_state_with_details_reads_the_generic_sentence_with_its_code() {
        let state = LicenseState::Invalid { code: "FILE_DAMAGED", message: "english".into() };
        let text = Localizer::new(Language::Ru).state_message(&state);
        assert!(text.contains("FILE_DAMAGED"), "{text}");
        assert!(!text.contains("english"), "{text}");
    }
}
