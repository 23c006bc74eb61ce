//! Property tests: round trips, and the activation key's typo guarantees.

mod common;

use proptest::prelude::*;
use tessera_core::{
    ActivationKey, FingerprintDigest, Grant, InstallationKey, LicenseFile, RegistrationKey, base32::ALPHABET, example,
};

fn symbols_of(key: &ActivationKey) -> Vec<char> {
    key.as_str().chars().filter(|c| *c != '-').collect()
}

proptest! {
    #[test]
    fn activation_keys_survive_case_dashes_and_spaces(bytes in any::<[u8; 15]>(), lower in any::<bool>(), spaced in any::<bool>()) {
        let key = ActivationKey::from_bytes(bytes);
        let mut typed = key.to_string();
        if lower { typed = typed.to_lowercase(); }
        if spaced { typed = typed.replace('-', " "); } else { typed = typed.replace('-', ""); }
        prop_assert_eq!(ActivationKey::parse(&format!("  {typed}\n")).expect("parse"), key);
    }

    #[test]
    fn every_single_substitution_is_caught(bytes in any::<[u8; 15]>(), position in 0usize..25, replacement in 0usize..32) {
        let key = ActivationKey::from_bytes(bytes);
        let mut symbols = symbols_of(&key);
        let new = char::from(ALPHABET[replacement]);
        prop_assume!(symbols[position] != new);
        symbols[position] = new;
        let typed: String = symbols.into_iter().collect();
        let err = ActivationKey::parse(&typed).expect_err("a typo must not parse");
        prop_assert_eq!(err.code(), "CODE_CHECKSUM");
    }

    #[test]
    fn every_adjacent_transposition_is_caught(bytes in any::<[u8; 15]>(), position in 0usize..24) {
        let key = ActivationKey::from_bytes(bytes);
        let mut symbols = symbols_of(&key);
        prop_assume!(symbols[position] != symbols[position + 1]);
        symbols.swap(position, position + 1);
        let typed: String = symbols.into_iter().collect();
        prop_assert_eq!(ActivationKey::parse(&typed).expect_err("a swap must not parse").code(), "CODE_CHECKSUM");
    }

    #[test]
    fn installation_and_registration_keys_round_trip(
        seats in any::<u16>(), major in any::<u8>(), minor in any::<u8>(), fp in any::<[u8; 32]>(),
        granted in any::<u16>(), days in 0u32..60_000,
    ) {
        let install = InstallationKey::new("acme-ledger", (major, minor), seats, FingerprintDigest(fp));
        let read = InstallationKey::parse(&install.to_string().to_lowercase()).expect("parse");
        prop_assert_eq!(read, install);
        let date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch") + chrono::Days::new(u64::from(days));
        let grant = Grant { seats: granted, expires: Some(date), support_until: None };
        let registration = RegistrationKey::issue(&install, grant, &example::portal_key());
        let back = RegistrationKey::parse(&registration.to_string()).expect("parse").verify(&read, &common::trusted());
        prop_assert_eq!(back.expect("genuine"), grant);
    }

    #[test]
    fn license_files_round_trip_any_text_fields(
        serial in "\\PC{0,40}", edition in "\\PC{0,20}", customer in "\\PC{0,60}",
        users in any::<u32>(), features in proptest::collection::vec("[a-z-]{1,12}", 0..6),
    ) {
        let (key, mut payload) = example::license();
        payload.serial = serial;
        payload.edition = edition;
        payload.customer = customer;
        payload.users = users;
        payload.features = features;
        let text = LicenseFile::sign(&payload, &key).expect("sign").to_string();
        let read = LicenseFile::decode(&text).expect("decode").verify(&common::trusted()).expect("verify");
        prop_assert_eq!(read, payload);
    }
}

#[test]
fn every_substitution_and_transposition_of_one_key_is_caught_exhaustively() {
    let key = example::activation_key();
    let symbols = symbols_of(&key);
    let mut tried = 0;
    for position in 0..symbols.len() {
        for &new in ALPHABET {
            let new = char::from(new);
            if new == symbols[position] {
                continue;
            }
            let mut typo = symbols.clone();
            typo[position] = new;
            let typed: String = typo.into_iter().collect();
            assert!(ActivationKey::parse(&typed).is_err(), "{new} at {position} was accepted");
            tried += 1;
        }
        if position + 1 < symbols.len() && symbols[position] != symbols[position + 1] {
            let mut swapped = symbols.clone();
            swapped.swap(position, position + 1);
            let typed: String = swapped.into_iter().collect();
            assert!(ActivationKey::parse(&typed).is_err(), "swap at {position} was accepted");
        }
    }
    assert_eq!(tried, 25 * 31);
}
