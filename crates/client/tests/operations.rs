//! The client against a real portal: activation, refresh, offline round trip, deactivation,
//! customer portal, and local files that break.

mod common;

use tessera_client::Error;

#[tokio::test]
async fn activating_with_the_demo_key_gives_a_valid_license_and_refresh_renews_it() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(1, &portal.url, &portal.keys);
    assert_eq!(client.status().expect("status").code, "NOT_ACTIVATED");
    let status = client.activate(&portal.key().to_lowercase().replace('-', " ")).await.expect("activate");
    assert_eq!(status.code, "VALID", "{}", status.message);
    assert_eq!(status.state.license().map(|l| l.customer.as_str()), Some("Northwind Traders"));
    let first_sync = status.last_sync.expect("synchronised");
    let refreshed = client.refresh().await.expect("refresh");
    assert_eq!(refreshed.code, "VALID");
    assert!(refreshed.last_sync.expect("synchronised") >= first_sync);
}

#[tokio::test]
async fn a_typo_in_the_key_is_caught_before_any_network_call() {
    // The portal address leads nowhere: a network attempt would say NETWORK_UNREACHABLE.
    let keys = tessera_core::PublicKeySet::from_keys([tessera_core::example::portal_key().public_key()]).expect("keys");
    let (mut client, _) = common::client(2, "http://127.0.0.1:9", &keys);
    let good = tessera_core::example::activation_key().to_string();
    let typo = format!("{}{}", if good.starts_with('A') { 'B' } else { 'A' }, &good[1..]);
    let error = client.activate(&typo).await.expect_err("a typo");
    assert_eq!(error.code(), "CODE_CHECKSUM");
}

#[tokio::test]
async fn a_portal_that_cannot_be_reached_is_a_network_error_not_an_invalid_key() {
    let keys = tessera_core::PublicKeySet::from_keys([tessera_core::example::portal_key().public_key()]).expect("keys");
    let unused = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("address");
    let (mut client, _) = common::client(3, &format!("http://{unused}"), &keys);
    let error = client.activate(&tessera_core::example::activation_key().to_string()).await.expect_err("down");
    assert_eq!(error.code(), "NETWORK_UNREACHABLE", "{error}");
    assert!(error.is_connectivity());
    assert!(error.to_string().contains("cannot be reached"), "{error}");
}

#[tokio::test]
async fn a_proxy_that_cannot_be_reached_is_a_proxy_error() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(4, &portal.url, &portal.keys);
    let mut settings = client.settings().clone();
    settings.proxy.mode = tessera_client::ProxyMode::Manual;
    settings.proxy.url = "http://127.0.0.1:9".into();
    settings.proxy.username = Some("alice".into());
    client.save_settings(settings, Some("proxy-secret")).expect("settings");
    let error = client.activate(&portal.key()).await.expect_err("proxy down");
    assert_eq!(error.code(), "PROXY_FAILED", "{error}");
    assert!(!error.to_string().contains("proxy-secret"));
}

#[tokio::test]
async fn tls_to_a_server_that_does_not_speak_it_is_a_tls_error() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(5, &portal.url.replace("http://", "https://"), &portal.keys);
    let error = client.activate(&portal.key()).await.expect_err("not TLS");
    assert_eq!(error.code(), "TLS_FAILED", "{error}");
}

#[tokio::test]
async fn answers_signed_by_another_key_are_not_believed() {
    let portal = common::TestPortal::start().await;
    let stranger =
        tessera_core::PublicKeySet::from_keys([tessera_core::example::portal_key().public_key()]).expect("keys");
    let (mut client, state) = common::client(6, &portal.url, &stranger);
    let error = client.activate(&portal.key()).await.expect_err("forged");
    assert_eq!(error.code(), "PORTAL_NOT_GENUINE");
    assert!(!state.file("license.lic").exists(), "nothing kept from a forged answer");
}

#[tokio::test]
async fn the_portals_refusals_keep_their_codes() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(7, &portal.url, &portal.keys);
    let error =
        client.activate(&tessera_core::ActivationKey::generate().expect("key").to_string()).await.expect_err("unknown");
    assert_eq!(error.code(), "KEY_NOT_FOUND");
}

#[tokio::test]
async fn offline_activation_round_trip_and_a_tampered_response_is_refused() {
    let portal = common::TestPortal::start().await;
    // This machine has no network: its portal address leads nowhere.
    let (mut offline, _) = common::client(8, "http://127.0.0.1:9", &portal.keys);
    let request = offline.export_request(&portal.key()).expect("request");
    assert!(offline.status().expect("status").pending_request);

    // Another computer uploads the request to the portal.
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/api/v1/activations/offline", portal.url))
        .json(&serde_json::json!({ "request": request }))
        .send()
        .await
        .expect("upload")
        .json()
        .await
        .expect("json");
    let response = answer["response"].as_str().expect("response").to_owned();

    let mut bytes = response.clone().into_bytes();
    let index = 300;
    bytes[index] = if bytes[index] == b'x' { b'y' } else { b'x' };
    let tampered = String::from_utf8(bytes).expect("ascii");
    let error = offline.import_response(&tampered).expect_err("tampered");
    assert!(["BAD_SIGNATURE", "FILE_DAMAGED"].contains(&error.code()), "byte {index}: {error}");
    assert_eq!(offline.status().expect("status").code, "NOT_ACTIVATED", "nothing kept from a tampered file");

    let status = offline.import_response(&response).expect("import");
    assert_eq!(status.code, "VALID", "{}", status.message);
    assert!(!status.pending_request);
    assert!(matches!(offline.import_response(&response), Err(Error::NoPendingRequest)));
}

#[tokio::test]
async fn deactivation_online_and_by_receipt_frees_the_seat() {
    let portal = common::TestPortal::start().await;
    let used = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM machines").fetch_one(&portal.pool).await.expect("count")
    };
    let (mut online, _) = common::client(9, &portal.url, &portal.keys);
    online.activate(&portal.key()).await.expect("activate");
    assert_eq!(used().await, 1);
    online.deactivate().await.expect("deactivate");
    assert_eq!(online.status().expect("status").code, "NOT_ACTIVATED");
    assert_eq!(used().await, 0);

    let (mut offline, _) = common::client(10, &portal.url, &portal.keys);
    offline.activate(&portal.key()).await.expect("activate");
    let receipt = offline.deactivation_receipt().expect("receipt");
    assert_eq!(offline.status().expect("status").code, "NOT_ACTIVATED");
    let uploaded = reqwest::Client::new()
        .post(format!("{}/api/v1/deactivations/receipt", portal.url))
        .json(&serde_json::json!({ "receipt": receipt }))
        .send()
        .await
        .expect("upload");
    assert_eq!(uploaded.status(), 200);
    assert_eq!(used().await, 0);
}

#[tokio::test]
async fn a_receipt_that_cannot_be_kept_leaves_the_license_in_place() {
    // Arrange
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(12, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");

    // Act: the receipt's file cannot be written (a full disk, a folder gone).
    let disk_full =
        || Error::Storage { path: "/media/usb/receipt.txt".into(), detail: "No space left on device".into() };
    let failed = client.deactivation_receipt_kept(|_| Err(disk_full()));

    // Assert: nothing is lost; the next try gives a receipt and only then forgets the license.
    assert_eq!(failed.expect_err("the write failed").code(), "STORAGE_FAILED");
    assert_eq!(client.status().expect("status").code, "VALID", "the license is still here");
    let mut kept = None;
    let receipt = client
        .deactivation_receipt_kept(|text| {
            kept = Some(text.to_owned());
            Ok(())
        })
        .expect("a receipt");
    assert_eq!(kept.as_deref(), Some(receipt.as_str()), "the receipt kept is the one returned");
    assert_eq!(client.status().expect("status").code, "NOT_ACTIVATED");
}

#[tokio::test]
async fn damaged_local_files_give_a_clear_error_and_refresh_repairs_them() {
    let portal = common::TestPortal::start().await;
    let (mut client, state) = common::client(11, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");

    std::fs::write(state.file("license.lic"), "-----BEGIN TESSERA LICENSE-----\ngarbage\n").expect("damage");
    let status = client.status().expect("status");
    assert_eq!(status.code, "INVALID");
    assert_eq!(client.refresh().await.expect("refresh").code, "VALID");

    std::fs::write(state.file("state.json"), "{ not json").expect("damage");
    assert_eq!(client.status().expect_err("corrupt").code(), "STATE_CORRUPT");
    assert_eq!(client.refresh().await.expect("re-activation with the kept key").code, "VALID");
}

#[tokio::test]
async fn the_customer_signs_in_and_sees_their_licenses() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(12, &portal.url, &portal.keys);
    assert!(matches!(client.customer::<serde_json::Value>("/api/v1/me").await, Err(Error::NotSignedIn)));
    let wrong = client.sign_in("demo@northwind.example", "JWT404").await.expect_err("wrong order");
    assert_eq!(wrong.code(), "SIGN_IN_FAILED");
    client.sign_in("demo@northwind.example", "JWT19").await.expect("sign in");
    let licenses: Vec<serde_json::Value> = client.customer("/api/v1/me/licenses").await.expect("licenses");
    assert_eq!(licenses.len(), 3);
    client.sign_out().expect("sign out");
    assert!(matches!(client.customer::<serde_json::Value>("/api/v1/me").await, Err(Error::NotSignedIn)));
}

#[tokio::test]
async fn diagnostics_carry_no_secret() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(13, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    let report = client.diagnostics();
    assert!(report.contains("\"status\": \"VALID\""), "{report}");
    assert!(!report.contains(&portal.key()[..11]), "no activation key");
    assert!(!report.contains("tessera-ed25519-secret"), "no machine key");
}

#[tokio::test]
async fn activating_again_says_so_and_another_key_asks_to_replace_the_license_and_frees_its_seat() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(60, &portal.url, &portal.keys);
    let first = client.activate(&portal.key()).await.expect("activate");
    let first_serial = first.state.license().expect("license").serial.clone();
    let used = |serial: &str| {
        let pool = portal.pool.clone();
        let serial = serial.to_owned();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT used_machines FROM licenses WHERE serial = $1")
                .bind(serial)
                .fetch_one(&pool)
                .await
                .expect("seats")
        }
    };
    let seats_before = used(&first_serial).await;

    let again = client.activate(&portal.key()).await.expect_err("already activated");
    assert_eq!(again.code(), "ALREADY_ACTIVATED", "{again}");
    assert!(again.to_string().contains(&first_serial), "{again}");
    assert_eq!(used(&first_serial).await, seats_before, "nothing was sent");

    let other_key = portal.demo.customers[1].activation_key.clone();
    let held = client.activate(&other_key).await.expect_err("another license is held");
    assert_eq!(held.code(), "LICENSE_HELD", "{held}");
    assert_eq!(held.args(), [("serial", first_serial.clone())]);
    assert_eq!(client.status().expect("status").state.license().map(|l| l.serial.clone()), Some(first_serial.clone()));

    let replaced = client.replace_license(&other_key).await.expect("replace");
    let new_serial = replaced.state.license().expect("license").serial.clone();
    assert_ne!(new_serial, first_serial);
    assert_eq!(replaced.code, "VALID", "{}", replaced.message);
    assert_eq!(used(&first_serial).await, seats_before - 1, "the old license's seat was given back");
}

#[tokio::test]
async fn a_manual_proxy_is_forgotten_once_another_proxy_mode_is_saved() {
    let keys = tessera_core::PublicKeySet::from_keys([tessera_core::example::portal_key().public_key()]).expect("keys");
    let (mut client, state) = common::client(61, "http://127.0.0.1:9", &keys);
    let mut settings = client.settings().clone();
    settings.proxy.mode = tessera_client::ProxyMode::Manual;
    settings.proxy.url = "http://proxy.example:3128".into();
    settings.proxy.username = Some("ada".into());
    client.save_settings(settings.clone(), Some("proxy-secret")).expect("manual");

    settings.proxy.mode = tessera_client::ProxyMode::None;
    client.save_settings(settings, None).expect("no proxy");
    let saved = std::fs::read_to_string(state.file("settings.json")).expect("settings file");
    assert!(!saved.contains("proxy.example") && !saved.contains("ada"), "{saved}");
    let store = tessera_client::CredentialStore::file("tessera-test", &state);
    assert_eq!(store.get(tessera_client::credentials::names::PROXY_PASSWORD).expect("store"), None);
}

#[tokio::test]
async fn a_damaged_license_file_does_not_stand_in_the_way_of_activating_a_key() {
    let portal = common::TestPortal::start().await;
    let (mut client, state) = common::client(62, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    std::fs::write(state.file("license.lic"), "not a license").expect("damage");
    let other_key = portal.demo.customers[1].activation_key.clone();
    let status = client.activate(&other_key).await.expect("nothing genuine is held: no replacement to confirm");
    assert_eq!(status.code, "VALID", "{}", status.message);
}

#[test]
fn damaged_settings_are_set_aside_by_open_repairing_and_refused_by_a_plain_open() {
    let keys =
        tessera_core::PublicKeySet::parse_list(&tessera_core::SigningKey::from_seed([7; 32]).public_key().to_base64())
            .expect("keys");
    let state = tessera_client::StateDir::at(common::temp_dir("damaged-settings"));
    let config = tessera_client::ClientConfig {
        product: "acme-ledger".into(),
        app_version: "7.2.0".into(),
        state_dir: state.clone(),
        trusted_keys: keys,
        machine: Some(common::machine(40)),
    };
    let store = || tessera_client::CredentialStore::file("tessera-test", &state);

    // Nothing saved yet: the first run, nothing set aside.
    let opened = tessera_client::Client::open_repairing(config.clone(), store()).expect("opens");
    assert!(opened.first_run && opened.settings_set_aside.is_none());

    std::fs::create_dir_all(state.path()).expect("folder");
    std::fs::write(state.file("settings.json"), "{ \"portal_url\": ").expect("damage");
    let plain = tessera_client::Client::with_store(config.clone(), store()).expect_err("a plain open refuses them");
    assert_eq!(plain.code(), "STATE_CORRUPT");

    let opened = tessera_client::Client::open_repairing(config, store()).expect("opens with the defaults");
    assert_eq!(opened.settings_set_aside.as_deref(), Some(state.file("settings.damaged.json").as_path()));
    assert!(!opened.first_run, "settings were saved here before");
    assert_eq!(opened.client.settings(), &tessera_client::Settings::default());
    assert_eq!(std::fs::read_to_string(state.file("settings.damaged.json")).expect("kept"), "{ \"portal_url\": ");
    assert!(!state.file("settings.json").exists());
    let _ = std::fs::remove_dir_all(state.path());
}
