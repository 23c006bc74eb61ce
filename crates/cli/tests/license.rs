//! The license on this computer through the real `tessera` binary and a real portal:
//! activation, refresh, deactivation, offline activation and what goes wrong on the way.

mod common;

use common::{Computer, TestPortal, dead_portal, path_str, stranger_keys};

#[tokio::test]
async fn status_before_activation_exits_3_and_says_the_computer_is_not_activated() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();

    let run = computer.run(&["status"]).await;

    assert_eq!(run.code, 3, "{}", run.output());
    assert!(run.stdout.starts_with("License: Not activated\n"), "{}", run.stdout);
    assert_eq!(computer.state().await, ("not_activated".into(), 3));
}

#[tokio::test]
async fn activating_with_the_demo_key_exits_0_and_status_then_reports_a_valid_license() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();

    let run = computer.run(&["activate", &portal.key()]).await.succeeds();
    assert!(run.stdout.starts_with("Activated on this computer.\n"), "{}", run.stdout);

    let status = computer.run(&["status", "--json"]).await.succeeds().json();
    assert_eq!(status["state"], "valid");
    assert_eq!(status["code"], "VALID");
    assert_eq!(status["license"]["customer"], "Northwind Traders");
    assert_eq!(computer.run(&["refresh", "--json"]).await.succeeds().json()["state"], "valid");
}

#[tokio::test]
async fn the_activation_key_is_never_shown_beyond_its_first_four_characters() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    let key = portal.key();
    let compact = key.replace('-', "");

    let mut printed = String::new();
    for args in [
        vec!["activate", key.as_str()],
        vec!["status"],
        vec!["status", "--json"],
        vec!["diagnostics"],
        vec!["settings", "--json"],
    ] {
        printed.push_str(&computer.run(&args).await.succeeds().output());
    }

    for secret in [&key[..6], &compact[..5], &compact[compact.len() - 5..]] {
        assert!(!printed.contains(secret), "{secret:?} was printed:\n{printed}");
    }
    assert!(!printed.contains("tessera-ed25519-secret"), "no machine key");
}

#[tokio::test]
async fn a_typo_in_the_key_exits_12_with_code_checksum_before_any_network_call() {
    // Nothing listens at the portal address: a network attempt would exit 10.
    let computer = Computer::new(&dead_portal(), &stranger_keys());
    let good = tessera_core::example::activation_key().to_string();
    let typo = format!("{}{}", if good.starts_with('A') { 'B' } else { 'A' }, &good[1..]);

    computer.run(&["activate", &typo, "--json"]).await.fails_with(12, "CODE_CHECKSUM");

    let human = computer.run(&["activate", &typo]).await;
    assert_eq!(human.code, 12);
    assert!(human.stderr.contains("contains a typo"), "{}", human.stderr);
    assert!(human.stdout.is_empty(), "errors go to stderr: {}", human.stdout);
}

#[tokio::test]
async fn an_unreachable_portal_exits_10_with_network_unreachable_not_an_invalid_key() {
    let computer = Computer::new(&dead_portal(), &stranger_keys());
    let key = tessera_core::example::activation_key().to_string();

    computer.run(&["activate", &key, "--json"]).await.fails_with(10, "NETWORK_UNREACHABLE");
    computer
        .run(&["sign-in", "--email", "a@b.example", "--order", "1", "--json"])
        .await
        .fails_with(10, "NETWORK_UNREACHABLE");
}

#[tokio::test]
async fn answers_signed_by_another_key_exit_10_and_nothing_is_kept() {
    let portal = TestPortal::start().await;
    let computer = Computer::new(&portal.url, &stranger_keys());

    computer.run(&["activate", &portal.key(), "--json"]).await.fails_with(10, "PORTAL_NOT_GENUINE");

    assert_eq!(computer.state().await, ("not_activated".into(), 3));
}

#[tokio::test]
async fn a_key_the_portal_does_not_know_exits_11_with_its_refusal() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    let unknown = tessera_core::ActivationKey::generate().expect("key").to_string();

    computer.run(&["activate", &unknown, "--json"]).await.fails_with(11, "KEY_NOT_FOUND");
}

#[tokio::test]
async fn deactivating_exits_0_and_status_then_exits_3() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    computer.run(&["activate", &portal.key()]).await.succeeds();

    let run = computer.run(&["deactivate"]).await.succeeds();
    assert_eq!(run.stdout, "Deactivated.\n");

    assert_eq!(computer.state().await, ("not_activated".into(), 3));
    computer.run(&["deactivate", "--json"]).await.fails_with(3, "NOT_ACTIVATED");
    computer.run(&["refresh", "--json"]).await.fails_with(3, "NOT_ACTIVATED");
}

#[tokio::test]
async fn offline_deactivation_writes_a_receipt_that_the_portal_accepts() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    computer.run(&["activate", &portal.key()]).await.succeeds();
    let receipt = computer.file("receipt.txt");

    let run = computer.run(&["deactivate", "--offline", "--receipt", path_str(&receipt), "--json"]).await.succeeds();

    assert_eq!(run.json()["receipt_file"], path_str(&receipt));
    assert_eq!(computer.state().await, ("not_activated".into(), 3));
    let text = std::fs::read_to_string(&receipt).expect("the receipt");
    let uploaded = reqwest::Client::new()
        .post(format!("{}/api/v1/deactivations/receipt", portal.url))
        .json(&serde_json::json!({ "receipt": text }))
        .send()
        .await
        .expect("upload");
    assert_eq!(uploaded.status(), 200);
}

#[tokio::test]
async fn offline_activation_round_trip_exits_0_and_the_license_is_valid() {
    let portal = TestPortal::start().await;
    // This computer has no network: its portal address leads nowhere.
    let computer = Computer::new(&dead_portal(), &portal.keys);
    let request = computer.export_request(&portal.key()).await;
    assert!(computer.run(&["status", "--json"]).await.json()["pending_request"] == true);
    let waiting = computer.run(&["status"]).await;
    assert!(waiting.stdout.contains("activation request exported from this computer is waiting"), "{}", waiting.stdout);

    // Another computer takes the request to the portal and brings the response back.
    let response = computer.file("response.txt");
    std::fs::write(&response, portal.answer_offline_request(&request).await).expect("save the response");
    let run = computer.run(&["import-response", path_str(&response)]).await.succeeds();

    assert!(run.stdout.starts_with("Response imported.\n"), "{}", run.stdout);
    assert_eq!(computer.state().await, ("valid".into(), 0));
    computer.run(&["import-response", path_str(&response), "--json"]).await.fails_with(12, "NO_PENDING_REQUEST");
}

#[tokio::test]
async fn a_tampered_response_file_exits_12_and_the_computer_stays_unactivated() {
    let portal = TestPortal::start().await;
    let computer = Computer::new(&dead_portal(), &portal.keys);
    let request = computer.export_request(&portal.key()).await;
    let mut bytes = portal.answer_offline_request(&request).await.into_bytes();
    bytes[300] = if bytes[300] == b'x' { b'y' } else { b'x' };
    let tampered = computer.file("tampered.txt");
    std::fs::write(&tampered, bytes).expect("save");

    let run = computer.run(&["import-response", path_str(&tampered), "--json"]).await;

    assert_eq!(run.code, 12, "{}", run.output());
    let code = run.json()["code"].as_str().expect("code").to_owned();
    assert!(["BAD_SIGNATURE", "FILE_DAMAGED"].contains(&code.as_str()), "{code}");
    assert_eq!(computer.state().await, ("not_activated".into(), 3));
}

#[tokio::test]
async fn files_that_cannot_be_read_or_are_of_the_wrong_kind_exit_12() {
    let portal = TestPortal::start().await;
    let computer = Computer::new(&dead_portal(), &portal.keys);
    let missing = computer.file("missing.txt");
    computer.run(&["import-response", path_str(&missing), "--json"]).await.fails_with(12, "FILE_UNREADABLE");

    computer.export_request(&portal.key()).await;
    let request = computer.file("request.txt");
    computer.run(&["import-response", path_str(&request), "--json"]).await.fails_with(12, "FILE_WRONG_KIND");
}

#[tokio::test]
async fn an_installation_key_is_shown_and_a_wrong_registration_key_exits_12() {
    let computer = Computer::new(&dead_portal(), &stranger_keys());

    let run = computer.run(&["installation-key", "--seats", "3", "--json"]).await.succeeds();
    assert_eq!(run.json()["seats"], 3);
    assert!(run.json()["installation_key"].as_str().is_some_and(|k| k.len() > 20));

    let run = computer.run(&["register", "AAAAA-AAAAA", "--json"]).await;
    assert_eq!(run.code, 12, "{}", run.output());
    assert!(run.json()["code"].as_str().is_some_and(|c| c.starts_with("CODE_")), "{}", run.stdout);
}

#[tokio::test]
async fn a_registration_key_from_the_portal_for_the_installation_key_is_accepted() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    let run = computer.run(&["installation-key", "--seats", "2", "--json"]).await.succeeds();
    let installation_key = run.json()["installation_key"].as_str().expect("installation key").to_owned();

    // The customer enters the installation key on the portal's Generate keys page.
    let http = reqwest::Client::new();
    let session: serde_json::Value = http
        .post(format!("{}/api/v1/session", portal.url))
        .json(&serde_json::json!({ "email": "demo@northwind.example", "order_reference": "JWT19" }))
        .send()
        .await
        .expect("sign in")
        .json()
        .await
        .expect("json");
    let answer: serde_json::Value = http
        .post(format!("{}/api/v1/registration-keys", portal.url))
        .bearer_auth(session["token"].as_str().expect("token"))
        .json(&serde_json::json!({ "installation_key": installation_key }))
        .send()
        .await
        .expect("generate")
        .json()
        .await
        .expect("json");
    let registration_key = answer["registration_key"].as_str().expect("a registration key");

    let run = computer.run(&["register", registration_key]).await.succeeds();

    assert!(run.stdout.starts_with("The registration key has been accepted.\n"), "{}", run.stdout);
    assert!(!run.output().contains(registration_key), "the registration key is not echoed");
    let run = computer.run(&["status", "--json"]).await;
    assert_eq!(run.code, 0, "a registration key in force is a usable license: {}", run.output());
    let status = run.json();
    assert_eq!(status["registration"]["seats"], 2, "{status}");
    assert_eq!(status["code"], "REGISTERED", "not 'Not activated': {status}");
    let human = computer.run(&["status"]).await.succeeds();
    assert!(human.stdout.contains("registered with a registration key for 2 workstations"), "{}", human.stdout);
}

#[tokio::test]
async fn a_license_file_with_a_byte_that_is_not_text_is_invalid_and_says_which_byte() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    computer.run(&["activate", &portal.key()]).await.succeeds();
    let license = computer.state.join("license.lic");
    let mut bytes = std::fs::read(&license).expect("the license file");
    // Byte 41 becomes 0xFF, which no UTF-8 text holds: a damaged file, not a disk failure.
    bytes[40] = 0xFF;
    std::fs::write(&license, bytes).expect("save");

    let run = computer.run(&["status", "--json"]).await;

    assert_eq!(run.code, 9, "INVALID, not STORAGE_FAILED (13): {}", run.output());
    assert!(run.output().contains("byte 41 (0xFF) is not UTF-8 text"), "{}", run.output());
    // The JSON names the state's code and the specific reason, each once.
    assert_eq!(run.stdout.matches("\"code\"").count(), 1, "one code key: {}", run.stdout);
    let json = run.json();
    assert_eq!((json["code"].as_str(), json["reason"].as_str()), (Some("INVALID"), Some("FILE_DAMAGED")), "{json}");
}

#[tokio::test]
async fn an_address_that_answers_http_404_is_not_a_portal_rather_than_a_forgery() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = [0u8; 4096];
            let _ = socket.read(&mut request).await;
            let _ = socket
                .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found")
                .await;
        }
    });
    let computer = Computer::new(&url, &stranger_keys());
    let key = tessera_core::example::activation_key().to_string();
    let run = computer.run(&["activate", &key, "--json"]).await.fails_with(10, "NOT_A_PORTAL");
    let message = run.json()["message"].as_str().unwrap_or_default().to_owned();
    assert!(message.contains("does not answer as a Tessera licensing portal (HTTP 404)"), "{message}");
    assert!(!message.contains("signed"), "a plain 404 is not called a forgery: {message}");
    let french = computer.run(&["--lang", "fr", "activate", &key]).await;
    assert!(french.stderr.contains("(HTTP 404)"), "the status is in the translation too: {}", french.output());
}

#[tokio::test]
async fn activate_twice_succeeds_saying_so_and_another_key_needs_replace() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    computer.run(&["activate", &portal.key()]).await.succeeds();

    let again = computer.run(&["activate", &portal.key()]).await.succeeds();
    assert!(
        again.stdout.starts_with("This computer is already activated with this activation key (license P65)"),
        "{}",
        again.stdout
    );

    let other = portal.demo.customers[1].activation_key.clone();
    let refused = computer.run(&["activate", &other]).await;
    assert_eq!(refused.code, 2, "{}", refused.output());
    assert!(refused.stderr.contains("already holds license P65"), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("tessera activate KEY --replace"),
        "the CLI names its own command: {}",
        refused.stderr
    );
    computer.run(&["activate", &other, "--json"]).await.fails_with(2, "LICENSE_HELD");

    let replaced = computer.run(&["activate", &other, "--replace", "--json"]).await.succeeds().json();
    assert_ne!(replaced["license"]["serial"], "P65", "{replaced}");
}

#[tokio::test]
async fn the_cli_names_its_own_commands_not_the_apps_buttons() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    computer.run(&["activate", &portal.key()]).await.succeeds();
    // The record of trusted time is lost: the license must be refreshed online before use.
    std::fs::remove_file(computer.state.join("state.json")).expect("delete state.json");
    let store = tessera_client::StateDir::at(&computer.state);
    tessera_client::CredentialStore::file("tessera:acme-ledger", &store)
        .delete(tessera_client::credentials::names::TRUSTED_TIME)
        .expect("delete the record");

    let run = computer.run(&["status"]).await;
    assert_eq!(run.code, 8, "{}", run.output());
    assert!(run.stdout.contains("run 'tessera refresh'"), "{}", run.stdout);
    assert!(!run.stdout.contains("click Refresh"), "{}", run.stdout);
    let french = computer.run(&["--lang", "fr", "status"]).await;
    assert!(french.stdout.contains("exécutez « tessera refresh »"), "{}", french.stdout);

    computer.run(&["refresh"]).await.succeeds();
    assert_eq!(computer.state().await, ("valid".into(), 0), "refreshing online confirmed the time");
}
