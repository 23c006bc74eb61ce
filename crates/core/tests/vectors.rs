//! The committed test vectors are reproduced byte for byte and verify as they are.
//!
//! Regenerate after a deliberate format change with `TESSERA_BLESS=1 cargo test -p tessera-core --test vectors`.

mod common;

use tessera_core::{
    ActivationKey, ActivationRequest, ActivationResponse, DeactivationReceipt, InstallationKey, LicenseFile, PublicKey,
    PublicKeySet, RegistrationKey, example,
};

#[test]
fn every_vector_is_reproduced_byte_for_byte() {
    let bless = std::env::var_os("TESSERA_BLESS").is_some();
    for (name, made) in common::vectors() {
        let path = common::vector_dir().join(name);
        if bless {
            std::fs::write(&path, &made).expect("write vector");
            continue;
        }
        let committed = common::read_vector(name);
        assert_eq!(
            committed, made,
            "{name} differs from what the code makes now; if the format change is deliberate, bless the vectors"
        );
    }
}

#[test]
fn the_committed_license_verifies_with_the_committed_public_key() {
    let public = PublicKey::from_base64(common::read_vector("portal-public-key.txt").trim()).expect("public key");
    assert_eq!(public.kid().to_string(), common::read_vector("portal-kid.txt").trim());
    let trusted = PublicKeySet::from_keys([public]).expect("set");
    let license = LicenseFile::decode(&common::read_vector("license.txt")).expect("decode");
    let payload = license.verify(&trusted).expect("verify");
    assert_eq!(payload, example::license().1);
    assert_eq!(payload.fingerprint.to_string(), common::read_vector("fingerprint.txt").trim());
}

#[test]
fn the_committed_offline_round_trip_verifies() {
    let request = ActivationRequest::decode(&common::read_vector("activation-request.txt")).expect("request");
    let asked = request.verify_self_signed().expect("self-signed");
    assert_eq!(asked.machine_key.to_base64(), common::read_vector("machine-public-key.txt").trim());
    assert_eq!(asked.activation_key, ActivationKey::parse(&common::read_vector("activation-key.txt")).expect("key"));

    let response = ActivationResponse::decode(&common::read_vector("activation-response.txt")).expect("response");
    let (license, payload) = response.license_for(&request, &common::trusted()).expect("bound to the request");
    assert_eq!(license.as_str(), common::read_vector("license.txt"));
    assert_eq!(payload.fingerprint, asked.fingerprint);

    let receipt = DeactivationReceipt::decode(&common::read_vector("deactivation-receipt.txt")).expect("receipt");
    let given_back = receipt.verify_with(&asked.machine_key).expect("signed by the recorded machine key");
    assert_eq!(given_back.license_id, payload.license_id);
}

#[test]
fn the_committed_registration_key_answers_the_committed_installation_key() {
    let install = InstallationKey::parse(&common::read_vector("installation-key.txt")).expect("installation key");
    assert!(install.is_for_product(example::PRODUCT));
    assert_eq!((install.version(), install.seats()), ((7, 2), 3));
    assert!(install.matches_fingerprint(example::fingerprint().digest()));
    let registration = RegistrationKey::parse(&common::read_vector("registration-key.txt")).expect("registration key");
    assert_eq!(registration.verify(&install, &common::trusted()).expect("genuine"), common::grant());
}
