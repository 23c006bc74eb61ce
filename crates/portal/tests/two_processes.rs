//! Two portal processes on one PostgreSQL database keep the seat limit together.

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// A `tessera-portal` process, killed on drop.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the real binary and waits for its "listening on" line.
fn start(dir: &std::path::Path, url: &str, key: &std::path::Path, demo: bool) -> (Process, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tessera-portal"));
    command
        .args(["--data-dir"])
        .arg(dir)
        .args(["--database-url", url, "--listen", "127.0.0.1:0", "--signing-key"])
        .arg(key)
        .arg("serve")
        .env("TESSERA_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if demo {
        command.arg("--demo");
    }
    let mut child = command.spawn().expect("tessera-portal starts");
    let stdout = child.stdout.take().expect("stdout");
    let process = Process(child);
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("a line");
        if let Some(address) = line.strip_prefix("listening on ") {
            return (process, address.to_owned());
        }
    }
    panic!("tessera-portal exited before listening");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_postgres_database_give_exactly_five_of_two_hundred() {
    // The in-process portal creates the database, the demo data and the 5-seat license.
    let Some(portal) = common::TestPortal::spawn(common::Db::Postgres).await else { return };
    portal.add_license("TWO", 5).await;
    let url = portal.config.database_url();
    let key_path = portal.dir.join("shared-signing-key.secret");
    let (first, first_url) = start(&portal.dir.join("a"), &url, &key_path, false);
    let (second, second_url) = start(&portal.dir.join("b"), &url, &key_path, false);

    let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
    let urls = [first_url.clone(), second_url.clone()];
    let (created, refused) = common::race_for_seats(&portal.client, &urls, &key, "load-TWO", 5000).await;
    assert_eq!((created, refused), (5, 195));
    // Both processes signed with the one shared key.
    let a: Value = reqwest::get(format!("{first_url}/api/v1/keys")).await.expect("keys").json().await.expect("json");
    let b: Value = reqwest::get(format!("{second_url}/api/v1/keys")).await.expect("keys").json().await.expect("json");
    assert_eq!(a, b);
    drop((first, second));
}
