//! A genuine signature is worth nothing outside its own kind of blob, key or request.

mod common;

use tessera_core::{
    ActivationRequest, ActivationResponse, DeactivationReceipt, Domain, FileKind, InstallationKey, LicenseFile,
    PublicKeySet, RegistrationKey, SigningKey, example,
};

/// Moves the signed body of one armoured file under another kind's armour lines.
fn rearmour(text: &str, from: FileKind, to: FileKind) -> String {
    text.replace(from.label(), to.label())
}

#[test]
fn a_license_file_presented_as_an_activation_response_fails_its_signature() {
    // The response domain is checked before the payload is read: if domain separation were
    // missing, this would fail later as a malformed payload instead.
    let license = common::license().to_string();
    let forged = rearmour(&license, FileKind::License, FileKind::ActivationResponse);
    let err = ActivationResponse::decode(&forged)
        .expect("the envelope itself is well formed")
        .verify(&common::trusted())
        .unwrap_err();
    assert_eq!(err.code(), "BAD_SIGNATURE", "{err}");
}

#[test]
fn an_activation_response_presented_as_a_license_fails_its_signature() {
    let response = common::response().to_string();
    let forged = rearmour(&response, FileKind::ActivationResponse, FileKind::License);
    let err = LicenseFile::decode(&forged).expect("envelope").verify(&common::trusted()).unwrap_err();
    assert_eq!(err.code(), "BAD_SIGNATURE", "{err}");
}

#[test]
fn a_request_presented_as_a_receipt_fails_its_signature() {
    let request = common::request().to_string();
    let forged = rearmour(&request, FileKind::ActivationRequest, FileKind::DeactivationReceipt);
    let machine = example::machine_key().public_key();
    let err = DeactivationReceipt::decode(&forged).expect("envelope").verify_with(&machine).unwrap_err();
    assert_eq!(err.code(), "BAD_SIGNATURE", "{err}");
}

#[test]
fn a_file_of_another_kind_is_named_as_such() {
    let err = LicenseFile::decode(&common::request().to_string()).unwrap_err();
    assert_eq!(err.code(), "FILE_WRONG_KIND");
    assert_eq!(err.to_string(), "This is an activation request file, not a license file.");
}

#[test]
fn a_license_signed_by_an_untrusted_key_is_refused_with_its_key_id() {
    let (_, mut payload) = example::license();
    let stranger = SigningKey::from_seed([0xee; 32]);
    payload.kid = stranger.kid();
    let file = LicenseFile::sign(&payload, &stranger).expect("sign");
    let err = file.verify(&common::trusted()).unwrap_err();
    assert_eq!(err.code(), "UNKNOWN_SIGNING_KEY");
    assert!(err.to_string().contains(&stranger.kid().to_string()), "{err}");
}

#[test]
fn a_license_whose_key_id_names_another_trusted_key_fails_its_signature() {
    // Two trusted keys (a rotation); the file is signed by the old one but claims the new one.
    let old = example::portal_key();
    let new = SigningKey::from_seed([0x11; 32]);
    let trusted = PublicKeySet::from_keys([old.public_key(), new.public_key()]).expect("keys");
    let text = common::license().to_string();
    let body_old = format!("\"kid\":\"{}\"", old.kid());
    let body_new = format!("\"kid\":\"{}\"", new.kid());
    let armoured_json = decode_armour(&text);
    assert!(armoured_json.starts_with(&format!("{{\"v\":1,\"alg\":\"Ed25519\",{body_old}")));
    let swapped = armoured_json.replacen(&body_old, &body_new, 1);
    let forged = armour(&swapped);
    let err = LicenseFile::decode(&forged).expect("envelope").verify(&trusted).unwrap_err();
    assert_eq!(err.code(), "BAD_SIGNATURE", "{err}");
}

#[test]
fn a_license_signed_by_the_machine_itself_is_refused() {
    let (_, mut payload) = example::license();
    let machine = example::machine_key();
    payload.kid = machine.kid();
    let forged = LicenseFile::sign(&payload, &machine).expect("sign");
    assert_eq!(forged.verify(&common::trusted()).unwrap_err().code(), "UNKNOWN_SIGNING_KEY");
}

#[test]
fn a_response_to_another_request_is_refused() {
    let response = common::response();
    let (machine, mut other) = example::activation_request();
    other.nonce = tessera_core::Nonce([0x01; 16]);
    let other_request = ActivationRequest::sign(&other, &machine).expect("sign");
    let err = response.license_for(&other_request, &common::trusted()).unwrap_err();
    assert_eq!(err.code(), "RESPONSE_MISMATCH");
}

#[test]
fn a_registration_key_does_not_answer_another_installation_key() {
    let portal = example::portal_key();
    let install = common::installation_key();
    let other = InstallationKey::new(example::PRODUCT, (7, 2), 30, example::fingerprint().digest());
    let registration = RegistrationKey::issue(&install, common::grant(), &portal);
    let err = registration.verify(&other, &common::trusted()).unwrap_err();
    assert_eq!(err.code(), "BAD_SIGNATURE", "30 seats asked, 3 granted: the key must not stretch");
}

#[test]
fn a_registration_signature_made_under_another_domain_is_refused() {
    // Same bytes as a genuine registration key, signature made for a license file.
    let portal = example::portal_key();
    let install = common::installation_key();
    let genuine = RegistrationKey::issue(&install, common::grant(), &portal).to_string();
    let registration = RegistrationKey::parse(&genuine).expect("parse");
    assert!(registration.verify(&install, &common::trusted()).is_ok());
    let message = [install.as_bytes().as_slice(), &grant_bytes(&genuine)].concat();
    assert!(
        !portal.public_key().verifies(Domain::LicenseFile, &message, &signature_bytes(&genuine)),
        "a registration signature must not verify as a license-file signature"
    );
}

fn registration_bytes(text: &str) -> Vec<u8> {
    let symbols: Vec<u8> = text
        .chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .map(|c| {
            let index = tessera_core::base32::ALPHABET.iter().position(|&a| char::from(a) == c).expect("alphabet");
            u8::try_from(index).expect("small")
        })
        .collect();
    let (_, data) = symbols.split_last().expect("check symbol");
    tessera_core::base32::from_symbols(data, 79).expect("bytes")
}

fn grant_bytes(text: &str) -> Vec<u8> {
    registration_bytes(text)[..15].to_vec()
}

fn signature_bytes(text: &str) -> [u8; 64] {
    registration_bytes(text)[15..].try_into().expect("64 bytes")
}

fn decode_armour(text: &str) -> String {
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    String::from_utf8(base64_decode(&body)).expect("utf-8")
}

fn armour(json: &str) -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(json);
    let lines: Vec<&str> = encoded.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).expect("ascii")).collect();
    format!("-----BEGIN TESSERA LICENSE-----\n{}\n-----END TESSERA LICENSE-----\n", lines.join("\n"))
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(text).expect("base64")
}
