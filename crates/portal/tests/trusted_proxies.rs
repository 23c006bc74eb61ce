//! The client's address behind a load balancer (`--trusted-proxies`): real portal processes
//! count the key-request limit per address forwarded by a trusted proxy, ignore the header from
//! anyone else, log the forwarded address, and refuse a malformed setting at start.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::TestMachine;
use common::process::start_with;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A small key-request limit, so a few requests exhaust it.
const LIMIT: &str = "3";

/// A fresh data dir, named for `test`.
fn data_dir(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tessera-proxies-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Starts `tessera-portal serve` on a fresh SQLite file in `dir` with `settings`; its base URL.
fn portal(dir: &std::path::Path, settings: &[&str]) -> (common::process::Process, String) {
    let url = format!("sqlite://{}?mode=rwc", dir.join("portal.db").display());
    let (process, address) = start_with(dir, &url, &dir.join("signing-key.secret"), false, settings);
    (process, address)
}

/// A key request (a validation of a key that does not exist), sent with `X-Forwarded-For:
/// forwarded` when given: its status and `code`.
async fn key_request(client: &reqwest::Client, base: &str, forwarded: Option<&str>) -> (StatusCode, Value) {
    let body = json!({ "activation_key": "NOT-A-KEY", "product": "ledger", "fingerprint": "0".repeat(64) });
    let mut request = client.post(format!("{base}/api/v1/validate")).json(&body);
    if let Some(forwarded) = forwarded {
        request = request.header("x-forwarded-for", forwarded);
    }
    let response = request.send().await.expect("an answer");
    let status = response.status();
    let retry_after = response.headers().contains_key("retry-after");
    let body: Value = response.json().await.expect("json");
    assert!(status != StatusCode::TOO_MANY_REQUESTS || retry_after, "a refusal says when to come back");
    (status, body["code"].clone())
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_key_limit() {
    // Arrange: the test is the proxy, on 127.0.0.1
    let dir = data_dir("trusted");
    let (_portal, base) = portal(&dir, &["--trusted-proxies", "127.0.0.1", "--key-requests-per-minute", LIMIT]);
    let client = reqwest::Client::new();

    // Act
    let mut first_client = Vec::new();
    for _ in 0..3 {
        first_client.push(key_request(&client, &base, Some("203.0.113.1")).await.0);
    }
    let over = key_request(&client, &base, Some("203.0.113.1")).await;
    let spoofed = key_request(&client, &base, Some("198.51.100.9, 203.0.113.1")).await;
    let second_client = key_request(&client, &base, Some("203.0.113.2")).await;
    let through_two_proxies = key_request(&client, &base, Some("203.0.113.3, 127.0.0.1")).await;

    // Assert
    assert!(first_client.iter().all(|status| *status != StatusCode::TOO_MANY_REQUESTS), "{first_client:?}");
    assert_eq!(over, (StatusCode::TOO_MANY_REQUESTS, json!("RATE_LIMITED")), "203.0.113.1 used its 3");
    assert_eq!(
        spoofed,
        (StatusCode::TOO_MANY_REQUESTS, json!("RATE_LIMITED")),
        "what the client wrote left of the proxy's address does not give it a new bucket"
    );
    assert_ne!(second_client.0, StatusCode::TOO_MANY_REQUESTS, "203.0.113.2 has its own bucket: {second_client:?}");
    assert_ne!(
        through_two_proxies.0,
        StatusCode::TOO_MANY_REQUESTS,
        "a trusted hop is skipped: {through_two_proxies:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn without_trusted_proxies_a_forwarded_address_does_not_escape_the_limit() {
    // Arrange: the default, no proxy trusted
    let dir = data_dir("untrusted");
    let (_portal, base) = portal(&dir, &["--key-requests-per-minute", LIMIT]);
    let client = reqwest::Client::new();

    // Act: every request claims another client
    let mut statuses = Vec::new();
    for n in 1..=4 {
        statuses.push(key_request(&client, &base, Some(&format!("203.0.113.{n}"))).await);
    }

    // Assert
    assert!(statuses[..3].iter().all(|(status, _)| *status != StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
    assert_eq!(statuses[3], (StatusCode::TOO_MANY_REQUESTS, json!("RATE_LIMITED")), "all four are 127.0.0.1's");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_trusted_proxy_not_covering_the_peer_leaves_the_header_ignored() {
    // Arrange: a proxy is trusted, but the test connects from 127.0.0.1, outside its range
    let dir = data_dir("elsewhere");
    let (_portal, base) = portal(&dir, &["--trusted-proxies", "10.0.0.0/8,::1", "--key-requests-per-minute", LIMIT]);
    let client = reqwest::Client::new();

    // Act
    let mut statuses = Vec::new();
    for n in 1..=4 {
        statuses.push(key_request(&client, &base, Some(&format!("203.0.113.{n}"))).await.0);
    }

    // Assert
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn the_event_log_records_the_forwarded_address() {
    // Arrange: the demo database, served by a process trusting the test as its proxy
    let Some(seeded) = common::TestPortal::database_only(common::Db::Sqlite).await else { return };
    let url = seeded.config.database_url();
    let (_portal, base) = start_with(
        &seeded.dir.join("served"),
        &url,
        &seeded.config.signing_key_path(),
        false,
        &["--trusted-proxies", "127.0.0.1"],
    );
    let machine = TestMachine::new(1, "acme-ledger");

    // Act
    let response = reqwest::Client::new()
        .post(format!("{base}/api/v1/activations"))
        .header("x-forwarded-for", "203.0.113.7")
        .json(&machine.activation_body(&seeded.demo_key()))
        .send()
        .await
        .expect("an answer");

    // Assert
    assert_eq!(response.status(), StatusCode::CREATED, "{}", response.text().await.unwrap_or_default());
    let sources: Vec<Option<String>> =
        sqlx::query_scalar("SELECT source_ip FROM events WHERE kind = 'machine_activated'")
            .fetch_all(&seeded.pool)
            .await
            .expect("events");
    assert!(sources.contains(&Some("203.0.113.7".to_owned())), "{sources:?}");
    assert!(!sources.contains(&Some("127.0.0.1".to_owned())), "the proxy's address is not the source: {sources:?}");
}

/// Where a `--trusted-proxies` value comes from.
#[derive(Debug, Clone, Copy)]
enum Given {
    Flag(&'static str),
    Env(&'static str),
    File(&'static str),
}

/// Runs `tessera-portal serve` with `trusted_proxies` given as `given`; its exit code and stderr
/// once it stopped (failing the test if it still runs after 30 s: it started).
fn refused_start(name: &str, given: Given) -> (Option<i32>, String) {
    let dir = data_dir(name);
    std::fs::create_dir_all(&dir).expect("dir");
    let mut command = Command::new(env!("CARGO_BIN_EXE_tessera-portal"));
    command.env_remove("TESSERA_TRUSTED_PROXIES");
    match given {
        Given::Flag(value) => {
            command.args(["--trusted-proxies", value]);
        }
        Given::Env(value) => {
            command.env("TESSERA_TRUSTED_PROXIES", value);
        }
        Given::File(value) => {
            std::fs::write(dir.join("portal.toml"), format!("trusted_proxies = {value:?}\n")).expect("config file");
            command.arg("--config").arg(dir.join("portal.toml"));
        }
    }
    command
        .arg("--data-dir")
        .arg(&dir)
        .args(["--listen", "127.0.0.1:0", "serve"])
        .env("TESSERA_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("tessera-portal runs");
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{name}: the portal started");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    let _ = std::fs::remove_dir_all(&dir);
    (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn a_malformed_trusted_proxy_stops_the_portal_at_start_naming_it() {
    let cases = [
        ("flag", Given::Flag("127.0.0.1,10.0.0.0/33"), "10.0.0.0/33"),
        ("env", Given::Env("::1, proxy.internal"), "proxy.internal"),
        ("file", Given::File("10.0.0.1, 300.1.2.3"), "300.1.2.3"),
        ("port", Given::Flag("::1,10.0.0.1:8080"), "10.0.0.1:8080"),
    ];
    for (name, given, entry) in cases {
        let (code, message) = refused_start(name, given);
        assert_eq!(code, Some(2), "{name}: {message}");
        assert!(message.contains(&format!("proxy '{entry}'")), "{name}: the message names the entry: {message}");
        assert!(!message.contains("panicked"), "{name}: {message}");
    }
}
