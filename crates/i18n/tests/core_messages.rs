//! Every tessera-core error, license state and fingerprint component reads in every language, details filled in.

use tessera_core::{CodeKind, Component, Error, ExpiryCause, FileKind, LicenseState, Timestamp};
use tessera_i18n::{Language, Localizer};

fn every_core_error() -> Vec<Error> {
    let mut errors = Vec::new();
    for kind in [CodeKind::ActivationKey, CodeKind::InstallationKey, CodeKind::RegistrationKey] {
        errors.extend([
            Error::CodeEmpty(kind),
            Error::CodeLength { kind, expected: 25, found: 24 },
            Error::CodeLength { kind, expected: 21, found: 1 },
            Error::CodeCharacter { kind, character: 'U', position: 7 },
            Error::CodeChecksum(kind),
            Error::CodeUnsupported(kind),
        ]);
    }
    for kind in FileKind::ALL {
        errors.extend([
            Error::NotArmoured(kind),
            Error::Damaged { kind, detail: "base64: invalid length".into() },
            Error::UnsupportedVersion { kind, version: 2 },
            Error::UnsupportedAlgorithm { kind, algorithm: "rsa-sha1".into() },
            Error::UnknownKey { what: kind.to_string(), kid: "7f3a9c01".into() },
            Error::BadSignature(kind.to_string()),
        ]);
        for found in FileKind::ALL.into_iter().filter(|found| *found != kind) {
            errors.push(Error::WrongKind { expected: kind, found });
        }
    }
    for what in ["registration key", "portal response", "request from this computer", "something new"] {
        errors.push(Error::UnknownKey { what: what.into(), kid: "7f3a9c01".into() });
        errors.push(Error::BadSignature(what.into()));
    }
    errors.extend([
        Error::ResponseMismatch,
        Error::ProductMismatch { expected: "Ledger".into(), found: "Payroll".into() },
        Error::MachineIdUnavailable("/etc/machine-id is empty".into()),
        Error::InvalidKey("wrong length".into()),
        Error::Randomness("getrandom: unsupported".into()),
    ]);
    errors
}

#[test]
fn every_core_error_reads_in_every_language_with_its_details() {
    let mut problems = Vec::new();
    for error in every_core_error() {
        let english = error.to_string();
        for language in Language::ALL {
            let text = Localizer::new(language).core_error(&error);
            if language != Language::En && text == english {
                problems.push(format!("{}: {} falls back to English: {english}", language.code(), error.code()));
            }
            if text.contains('{') || text.trim().is_empty() {
                problems.push(format!("{}: {} reads {text:?}", language.code(), error.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn details_of_core_errors_appear_in_the_translation() {
    let error = Error::UnknownKey { what: "license file".into(), kid: "7f3a9c01".into() };
    let error_length = Error::CodeLength { kind: CodeKind::RegistrationKey, expected: 25, found: 24 };
    for language in Language::ALL {
        let localizer = Localizer::new(language);
        assert!(localizer.core_error(&error).contains("7f3a9c01"), "{}", language.code());
        let text = localizer.core_error(&error_length);
        assert!(text.contains("25") && text.contains("24"), "{}: {text}", language.code());
    }
}

#[test]
fn plural_forms_follow_the_language() {
    let ru = Localizer::new(Language::Ru);
    let length = |expected| ru.core_error(&Error::CodeLength { kind: CodeKind::ActivationKey, expected, found: 3 });
    assert!(length(21).contains("21 символ,"), "{}", length(21));
    assert!(length(22).contains("22 символа,"), "{}", length(22));
    assert!(length(25).contains("25 символов,"), "{}", length(25));
    assert_eq!(ru.text_with("settings-auto-refresh-every", &[("hours", 1)]), "Каждый час");
    assert_eq!(ru.text_with("settings-auto-refresh-every", &[("hours", 24)]), "Каждые 24 часа");
    assert_eq!(ru.text_with("settings-auto-refresh-every", &[("hours", 12)]), "Каждые 12 часов");
    assert!(ru.text_with("error-rate-limited", &[("seconds", 21)]).contains("21 секунду"));

    let bg = Localizer::new(Language::Bg);
    assert_eq!(bg.text_with("settings-auto-refresh-every", &[("hours", 1)]), "На всеки час");
    assert_eq!(bg.text_with("settings-auto-refresh-every", &[("hours", 6)]), "На всеки 6 часа");
    assert!(bg.text_with("error-rate-limited", &[("seconds", 1)]).contains("1 секунда"));
    assert!(bg.text_with("error-rate-limited", &[("seconds", 30)]).contains("30 секунди"));
}

fn every_license_state() -> Vec<LicenseState> {
    let (_, payload) = tessera_core::example::license();
    let license = Box::new(payload);
    let at = Timestamp::parse("2025-03-01T10:30:00Z").expect("a timestamp");
    let perpetual = Box::new(tessera_core::LicensePayload { expires: None, ..(*license).clone() });
    vec![
        LicenseState::NotActivated,
        LicenseState::Valid { license: license.clone() },
        LicenseState::Valid { license: perpetual },
        LicenseState::Grace { license: license.clone(), refresh_by: Some(at) },
        LicenseState::Grace { license: license.clone(), refresh_by: None },
        LicenseState::Expired { license: license.clone(), cause: ExpiryCause::TermEnded, at },
        LicenseState::Expired { license: license.clone(), cause: ExpiryCause::RefreshOverdue, at },
        LicenseState::Suspended { license: license.clone() },
        LicenseState::Revoked { license: license.clone() },
        LicenseState::FingerprintMismatch { license: license.clone(), changed: vec![Component::Cpu, Component::Mac] },
        LicenseState::FingerprintMismatch { license: license.clone(), changed: Vec::new() },
        LicenseState::TimeUnconfirmed { license },
        LicenseState::Registered { seats: 3, expires: Some(at.datetime().date_naive()) },
        LicenseState::Registered { seats: 1, expires: None },
        LicenseState::ClockTampered { now: at, latest_trusted: at },
        LicenseState::Invalid { code: "BAD_SIGNATURE", message: "This license file has been altered.".into() },
        LicenseState::Invalid { code: "RESPONSE_MISMATCH", message: "This response answers...".into() },
    ]
}

#[test]
fn every_license_state_has_a_label_and_a_message_in_every_language() {
    let mut problems = Vec::new();
    for state in every_license_state() {
        let english = Localizer::new(Language::En).state_message(&state);
        for language in Language::ALL {
            let localizer = Localizer::new(language);
            let label = localizer.state(state.code());
            let message = localizer.state_message(&state);
            if label == state.code() || label.is_empty() {
                problems.push(format!("{}: {} has no label", language.code(), state.code()));
            }
            if message.contains('{') || message.trim().is_empty() {
                problems.push(format!("{}: {} reads {message:?}", language.code(), state.code()));
            }
            if language != Language::En && message == english {
                problems.push(format!("{}: {} reads in English: {message}", language.code(), state.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn english_state_messages_match_tessera_core() {
    // The English catalogue and tessera-core say the same thing, so a program that shows
    // core's messages directly and one that uses the catalogue agree.
    let en = Localizer::new(Language::En);
    for state in every_license_state() {
        if let LicenseState::Invalid { .. } = state {
            continue;
        }
        assert_eq!(en.state_message(&state), state.message(), "{}", state.code());
    }
}

#[test]
fn state_messages_carry_their_dates_and_components() {
    let at = Timestamp::parse("2025-03-01T10:30:00Z").expect("a timestamp");
    let (_, payload) = tessera_core::example::license();
    let license = Box::new(payload);
    for language in Language::ALL {
        let localizer = Localizer::new(language);
        let grace = localizer.state_message(&LicenseState::Grace { license: license.clone(), refresh_by: Some(at) });
        assert!(grace.contains("2025-03-01 10:30 UTC"), "{}: {grace}", language.code());
        let expired = LicenseState::Expired { license: license.clone(), cause: ExpiryCause::TermEnded, at };
        assert!(localizer.state_message(&expired).contains("2025-03-01"), "{}", language.code());
        let mismatch =
            LicenseState::FingerprintMismatch { license: license.clone(), changed: vec![Component::Hostname] };
        let text = localizer.state_message(&mismatch);
        assert!(text.contains(&localizer.component(Component::Hostname)), "{}: {text}", language.code());
    }
}

#[test]
fn every_fingerprint_component_has_a_name_in_every_language() {
    for language in Language::ALL {
        let localizer = Localizer::new(language);
        for component in Component::ALL {
            let name = localizer.component(component);
            assert!(!name.starts_with("component-"), "{}: {component:?} has no name", language.code());
        }
        assert_eq!(Localizer::new(Language::En).component(Component::Mac), Component::Mac.to_string());
    }
}
