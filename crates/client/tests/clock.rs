//! The clock: a time a clock set ahead made this machine trust is corrected by the portal's
//! signed time, and the record of trusted time cannot be deleted to get around the rollback
//! guard.

mod common;

use chrono::Duration;
use tessera_client::credentials::names;
use tessera_client::{CredentialStore, LocalState, StateDir};
use tessera_core::Timestamp;

/// What `status` leaves behind when it runs with the clock `ahead` of the real time: the
/// trusted time in `state.json` and in the credential store.
fn record_a_clock_set_ahead(state: &StateDir, ahead: Duration) {
    let seen = Timestamp::now() + ahead;
    let mut local = LocalState::load(state).expect("state");
    local.latest_trusted = Some(seen);
    local.save(state).expect("save");
    CredentialStore::file("tessera-test", state).set(names::TRUSTED_TIME, &seen.to_string()).expect("store");
}

#[tokio::test]
async fn a_forward_clock_jump_is_undone_by_the_next_online_refresh() {
    let portal = common::TestPortal::start().await;
    let (mut client, state) = common::client(50, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    // The clock ran 46 days ahead for a while, then was set right.
    record_a_clock_set_ahead(&state, Duration::days(46));
    let status = client.status().expect("status");
    assert_eq!(status.code, "CLOCK_TAMPERED", "{}", status.message);
    assert!(status.message.contains("connect to the portal to confirm the time"), "{}", status.message);

    let refreshed = client.refresh().await.expect("refresh");
    assert_eq!(refreshed.code, "VALID", "the portal's signed time replaces the time seen ahead: {}", refreshed.message);
    assert_eq!(client.status().expect("status").code, "VALID", "and it stays so");
    let kept = LocalState::load(&state).expect("state").latest_trusted.expect("trusted");
    assert!(kept < Timestamp::now() + Duration::days(1), "the trusted time came back down: {kept}");
}

#[tokio::test]
async fn activating_again_also_takes_the_portals_time() {
    let portal = common::TestPortal::start().await;
    let (mut client, state) = common::client(51, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    record_a_clock_set_ahead(&state, Duration::days(46));
    assert_eq!(client.status().expect("status").code, "CLOCK_TAMPERED");
    assert_eq!(client.activate(&portal.key()).await.expect("activate").code, "VALID");
}

#[tokio::test]
async fn deleting_the_state_file_does_not_get_around_a_clock_turned_back() {
    let portal = common::TestPortal::start().await;
    let (mut client, state) = common::client(52, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    // The machine saw a time three days ahead of its clock now: the clock was turned back.
    record_a_clock_set_ahead(&state, Duration::days(3));
    assert_eq!(client.status().expect("status").code, "CLOCK_TAMPERED");

    std::fs::remove_file(state.file("state.json")).expect("delete state.json");
    assert_eq!(
        client.status().expect("status").code,
        "CLOCK_TAMPERED",
        "the trusted time kept in the credential store still catches it"
    );
}

#[tokio::test]
async fn a_missing_record_of_trusted_time_means_refresh_online_before_use_never_a_fresh_start() {
    let portal = common::TestPortal::start().await;
    let (mut client, state) = common::client(53, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    assert_eq!(client.status().expect("status").code, "VALID");

    std::fs::remove_file(state.file("state.json")).expect("delete state.json");
    CredentialStore::file("tessera-test", &state).delete(names::TRUSTED_TIME).expect("delete the record");
    let status = client.status().expect("status");
    assert_eq!(status.code, "TIME_UNCONFIRMED", "{}", status.message);
    assert!(!status.state.is_usable());
    assert_eq!(status.state.license().map(|l| l.serial.as_str()), Some("P65"), "who the license is for still shows");
    assert!(status.message.contains("Connect to the portal to confirm the time"), "{}", status.message);

    let refreshed = client.refresh().await.expect("refresh");
    assert_eq!(refreshed.code, "VALID", "{}", refreshed.message);
}

#[tokio::test]
async fn an_unreadable_record_of_trusted_time_counts_as_missing() {
    let portal = common::TestPortal::start().await;
    let (mut client, state) = common::client(54, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    CredentialStore::file("tessera-test", &state).set(names::TRUSTED_TIME, "yesterday").expect("alter");
    std::fs::remove_file(state.file("state.json")).expect("delete state.json");
    assert_eq!(client.status().expect("status").code, "TIME_UNCONFIRMED");
}
