//! `evaluate` gives each license state at the right moment, in the documented order.

mod common;

use chrono::Duration;
use tessera_core::{
    Clock, Component, ExpiryCause, Fingerprint, LicenseFile, LicensePayload, LicenseState, LicenseStatus, MachineFacts,
    MatchPolicy, Timestamp, evaluate, example,
};

fn judge(payload: &LicensePayload, machine: &MachineFacts, clock: Clock) -> LicenseState {
    let file = LicenseFile::sign(payload, &example::portal_key()).expect("sign");
    let fingerprint = Fingerprint::compute(example::PRODUCT, machine).expect("fingerprint");
    evaluate(Some(&file), &common::trusted(), &fingerprint, &clock)
}

fn sample() -> LicensePayload {
    example::license().1
}

fn at(t: Timestamp) -> Clock {
    Clock::at(t)
}

#[test]
fn no_license_file_means_not_activated() {
    let state = evaluate(None, &common::trusted(), &example::fingerprint(), &at(Timestamp::now()));
    assert_eq!(state, LicenseState::NotActivated);
    assert!(!state.is_usable());
}

#[test]
fn a_fresh_license_on_its_machine_is_valid() {
    let license = sample();
    let state = judge(&license, &example::machine(), at(license.issued + Duration::days(1)));
    assert_eq!(state.code(), "VALID", "{}", state.message());
    assert!(state.is_usable());
    assert_eq!(state.license().map(|l| l.serial.as_str()), Some("P30"));
}

#[test]
fn a_license_past_refresh_after_is_in_grace_and_still_usable() {
    let license = sample();
    let refresh_after = license.refresh_after.expect("sample has refresh_after");
    let state = judge(&license, &example::machine(), at(refresh_after));
    assert!(matches!(state, LicenseState::Grace { refresh_by: Some(by), .. } if Some(by) == license.refresh_by));
    assert!(state.is_usable());
    assert!(state.message().contains("Refresh"), "{}", state.message());
    let just_before = judge(&license, &example::machine(), at(refresh_after - Duration::seconds(1)));
    assert_eq!(just_before.code(), "VALID");
}

#[test]
fn a_license_past_refresh_by_is_expired_for_want_of_a_refresh() {
    let license = sample();
    let refresh_by = license.refresh_by.expect("sample has refresh_by");
    let state = judge(&license, &example::machine(), at(refresh_by));
    assert!(
        matches!(state, LicenseState::Expired { cause: ExpiryCause::RefreshOverdue, at, .. } if at == refresh_by),
        "{state:?}"
    );
    assert!(!state.is_usable());
}

#[test]
fn a_license_past_its_term_is_expired_even_if_recently_refreshed() {
    let mut license = sample();
    let expires = license.expires.expect("sample has a term");
    license.issued = expires - Duration::days(2);
    license.refresh_after = Some(expires + Duration::days(20));
    license.refresh_by = Some(expires + Duration::days(30));
    let state = judge(&license, &example::machine(), at(expires + Duration::hours(1)));
    assert!(matches!(state, LicenseState::Expired { cause: ExpiryCause::TermEnded, .. }), "{state:?}");
    assert!(state.message().contains("expired on 2027-11-21"), "{}", state.message());
}

#[test]
fn a_perpetual_offline_license_stays_valid() {
    let mut license = sample();
    license.expires = None;
    license.refresh_after = None;
    license.refresh_by = None;
    let state = judge(&license, &example::machine(), at(license.issued + Duration::days(3650)));
    assert_eq!(state.code(), "VALID");
}

#[test]
fn turning_the_clock_back_past_a_trusted_time_is_detected() {
    let license = sample();
    let seen = license.issued + Duration::days(10);
    let rolled_back = at(license.issued + Duration::days(5)).trusting(Some(seen));
    let state = judge(&license, &example::machine(), rolled_back);
    assert_eq!(state, LicenseState::ClockTampered { now: rolled_back.now, latest_trusted: seen });
    assert!(!state.is_usable());
}

#[test]
fn a_clock_a_few_hours_behind_is_tolerated() {
    let license = sample();
    let seen = license.issued + Duration::days(10);
    let behind = at(seen - Duration::hours(5)).trusting(Some(seen));
    assert_eq!(judge(&license, &example::machine(), behind).code(), "VALID");
}

#[test]
fn a_clock_set_before_the_license_was_issued_is_detected() {
    let license = sample();
    let state = judge(&license, &example::machine(), at(license.issued - Duration::days(3)));
    assert_eq!(state.code(), "CLOCK_TAMPERED");
}

#[test]
fn another_machine_gets_a_fingerprint_mismatch_naming_what_changed() {
    let license = sample();
    let other = MachineFacts {
        machine_id: "0000aaaa1111bbbb2222cccc3333dddd".into(),
        hostname: Some("warehouse-pc".into()),
        mac: Some("52:54:00:ff:ff:ff".into()),
        ..example::machine()
    };
    let state = judge(&license, &other, at(license.issued));
    let LicenseState::FingerprintMismatch { changed, .. } = &state else {
        panic!("expected a mismatch, got {state:?}");
    };
    assert_eq!(changed, &[Component::MachineId, Component::Hostname, Component::Mac]);
    assert!(state.message().contains("computer name"), "{}", state.message());
}

#[test]
fn the_fuzzy_policy_accepts_a_minority_of_changes_and_refuses_a_majority() {
    let license = sample();
    assert_eq!(license.match_policy, MatchPolicy::Fuzzy);
    let new_id = MachineFacts {
        machine_id: "reinstalled-os-new-machine-id".into(),
        os: Some("Windows Server 2025 Datacenter".into()),
        ..example::machine()
    };
    assert_eq!(judge(&license, &new_id, at(license.issued)).code(), "VALID", "2 of 5 changed");
    let mostly_new = MachineFacts { hostname: Some("another".into()), ..new_id };
    assert_eq!(judge(&license, &mostly_new, at(license.issued)).code(), "FINGERPRINT_MISMATCH", "3 of 5 changed");
}

#[test]
fn the_exact_policy_wants_the_same_machine_id_and_nothing_else() {
    let mut license = sample();
    license.match_policy = MatchPolicy::Exact;
    let renamed = MachineFacts {
        hostname: Some("renamed".into()),
        mac: Some("52:54:00:00:00:01".into()),
        cpu: None,
        ..example::machine()
    };
    assert_eq!(judge(&license, &renamed, at(license.issued)).code(), "VALID");
    let new_id = MachineFacts { machine_id: "another-id".into(), ..example::machine() };
    assert_eq!(judge(&license, &new_id, at(license.issued)).code(), "FINGERPRINT_MISMATCH");
}

#[test]
fn the_loose_policy_wants_one_component_in_common() {
    let mut license = sample();
    license.match_policy = MatchPolicy::Loose;
    let only_cpu = MachineFacts { machine_id: "x".into(), hostname: None, mac: None, os: None, ..example::machine() };
    assert_eq!(judge(&license, &only_cpu, at(license.issued)).code(), "VALID");
    let nothing = MachineFacts { cpu: Some("another cpu".into()), ..only_cpu };
    assert_eq!(judge(&license, &nothing, at(license.issued)).code(), "FINGERPRINT_MISMATCH");
}

#[test]
fn revoked_and_suspended_licenses_say_so_before_anything_else() {
    for (status, code) in [(LicenseStatus::Revoked, "REVOKED"), (LicenseStatus::Suspended, "SUSPENDED")] {
        let mut license = sample();
        license.status = status;
        let far_future = at(license.expires.expect("term") + Duration::days(400));
        assert_eq!(judge(&license, &example::machine(), far_future).code(), code);
    }
}

#[test]
fn a_license_for_another_product_is_invalid() {
    let license = sample();
    let file = LicenseFile::sign(&license, &example::portal_key()).expect("sign");
    let fingerprint = Fingerprint::compute("acme-payroll", &example::machine()).expect("fingerprint");
    let state = evaluate(Some(&file), &common::trusted(), &fingerprint, &at(license.issued));
    assert!(matches!(state, LicenseState::Invalid { code: "PRODUCT_MISMATCH", .. }), "{state:?}");
}

#[test]
fn a_tampered_license_is_invalid_with_a_message_a_customer_understands() {
    let text = common::license().to_string();
    // Flip one character in the middle of the body.
    let mut bytes = text.into_bytes();
    let index = 200;
    bytes[index] = if bytes[index] == b'Q' { b'R' } else { b'Q' };
    let file = LicenseFile::decode(std::str::from_utf8(&bytes).expect("ascii"));
    let state = match file {
        Ok(file) => evaluate(Some(&file), &common::trusted(), &example::fingerprint(), &at(Timestamp::now())),
        Err(error) => LicenseState::Invalid { code: error.code(), message: error.to_string() },
    };
    assert_eq!(state.code(), "INVALID");
    assert!(state.message().contains("altered or damaged"), "byte {index}: {}", state.message());
}

#[test]
fn an_empty_machine_id_is_an_error_not_a_fingerprint() {
    for id in ["", "   ", "\n"] {
        let facts = MachineFacts { machine_id: id.into(), ..example::machine() };
        let err = Fingerprint::compute(example::PRODUCT, &facts).unwrap_err();
        assert_eq!(err.code(), "MACHINE_ID_UNAVAILABLE", "{id:?}");
    }
}

#[test]
fn the_same_machine_has_unrelated_fingerprints_for_two_products() {
    let a = Fingerprint::compute("acme-ledger", &example::machine()).expect("a");
    let b = Fingerprint::compute("acme-payroll", &example::machine()).expect("b");
    assert_ne!(a.digest(), b.digest());
    assert_ne!(a.components().hostname, b.components().hostname);
    let raw = example::machine().machine_id;
    assert!(!a.digest().to_string().contains(&raw[..8]));
}

#[test]
fn this_machine_yields_a_fingerprint_or_a_clear_error() {
    match Fingerprint::of_this_machine(example::PRODUCT) {
        Ok(fp) => assert!(fp.components().machine_id.is_some()),
        Err(err) => assert_eq!(err.code(), "MACHINE_ID_UNAVAILABLE", "{err}"),
    }
}

#[test]
fn the_product_name_the_vendors_contact_and_the_status_reason_travel_signed_and_older_files_without_them_still_read() {
    let (key, mut payload) = example::license();
    let trusted = common::trusted();
    let without = tessera_core::LicenseFile::sign(&payload, &key).expect("sign");
    assert_eq!(without.verify(&trusted).expect("verify").product_name, None, "older files have none");
    payload.product_name = Some("Acme Ledger".into());
    payload.support_contact = Some("support@acme.example".into());
    payload.renew_url = Some("https://licenses.acme.example/licenses/lic_01JD5ZQ8W3".into());
    payload.status = tessera_core::LicenseStatus::Suspended;
    payload.status_reason = Some("Invoice 2026-117 is overdue".into());
    let text = tessera_core::LicenseFile::sign(&payload, &key).expect("sign").to_string();
    let read = tessera_core::LicenseFile::decode(&text).and_then(|f| f.verify(&trusted)).expect("verify");
    assert_eq!(read, payload);
}

#[test]
fn a_subscriptions_term_travels_signed_and_a_changed_byte_of_it_is_refused() {
    let (key, mut payload) = example::license();
    let trusted = common::trusted();
    let on = Timestamp::parse("2027-01-07T00:00:00Z").expect("a day");
    payload.subscription =
        Some(tessera_core::SubscriptionTerm { state: tessera_core::SubscriptionState::Cancelled, on });
    let text = tessera_core::LicenseFile::sign(&payload, &key).expect("sign").to_string();
    let read = tessera_core::LicenseFile::decode(&text).and_then(|f| f.verify(&trusted)).expect("verify");
    assert_eq!(read.subscription, payload.subscription);
    let json = serde_json::to_value(&read).expect("JSON");
    assert_eq!(json["subscription"]["state"], "cancelled", "{json}");
    // The body is base64 of the signed JSON: one changed character anywhere in it is refused.
    let body_at = text.find('\n').expect("a header line") + 1;
    let mut bytes = text.clone().into_bytes();
    bytes[body_at] = if bytes[body_at] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).expect("text");
    assert!(
        tessera_core::LicenseFile::decode(&tampered).and_then(|f| f.verify(&trusted)).is_err(),
        "byte {body_at} changed: refused"
    );
}

#[test]
fn a_named_users_file_carries_the_account_and_an_unbound_seat_reads_as_revoked_by_the_company() {
    let (key, mut payload) = example::license();
    let trusted = common::trusted();
    let plain = serde_json::to_value(&payload).expect("JSON");
    assert!(plain.get("user").is_none() && plain.get("unbound").is_none(), "absent unless used: {plain}");
    payload.user = Some("anna.berg@northwind.example".into());
    payload.product_name = Some("Acme Ledger".into());
    payload.status = tessera_core::LicenseStatus::Revoked;
    payload.unbound = true;
    let text = tessera_core::LicenseFile::sign(&payload, &key).expect("sign").to_string();
    let read = tessera_core::LicenseFile::decode(&text).and_then(|f| f.verify(&trusted)).expect("verify");
    assert_eq!(read, payload);
    let state = tessera_core::LicenseState::Revoked { license: Box::new(read) };
    assert_eq!(
        state.message(),
        "Your company administrator has ended your access to Acme Ledger — ask them to bind a license to you."
    );
    payload.unbound = false;
    let vendor = tessera_core::LicenseState::Revoked { license: Box::new(payload) };
    assert!(vendor.message().contains("revoked by the vendor"), "{}", vendor.message());
}

#[test]
fn the_named_user_key_is_a_valid_key_of_zero_bits() {
    let key = tessera_core::ActivationKey::named_user();
    assert_eq!(tessera_core::ActivationKey::parse(key.as_str()).expect("parses"), key);
    assert!(key.as_bytes().iter().all(|b| *b == 0));
}
