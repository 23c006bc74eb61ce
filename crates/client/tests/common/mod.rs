//! A real portal on port 0 with demo data, and clients with their own folders.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use tessera_client::{Client, ClientConfig, CredentialStore, Settings, StateDir};
use tessera_core::{MachineFacts, PublicKeySet};
use tessera_portal::demo::{self, DemoPortal};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A folder no earlier run used: process ids come round again, so the time is part of the name.
pub fn temp_dir(what: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    std::env::temp_dir().join(format!(
        "tessera-client-{what}-{}-{}-{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ))
}

/// A portal serving on a free port, with demo data.
pub struct TestPortal {
    pub url: String,
    pub keys: PublicKeySet,
    pub demo: demo::Seeded,
    pub pool: sqlx::AnyPool,
    dir: PathBuf,
}

impl TestPortal {
    pub async fn start() -> Self {
        let dir = temp_dir("portal");
        let portal = DemoPortal::start(dir.clone()).await.expect("the demo portal starts");
        let keys = PublicKeySet::parse_list(&portal.trusted_keys).expect("keys");
        Self { url: portal.url, keys, demo: portal.demo, pool: portal.pool, dir }
    }

    /// Northwind's activation key.
    pub fn key(&self) -> String {
        self.demo.customers[0].activation_key.clone()
    }
}

impl Drop for TestPortal {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Machine `n`'s facts.
pub fn machine(n: u32) -> MachineFacts {
    MachineFacts {
        machine_id: format!("client-test-machine-{n}"),
        hostname: Some(format!("DESK-{n}")),
        mac: Some(format!("02:00:00:00:00:{:02x}", n % 256)),
        cpu: Some("Test CPU".into()),
        os: Some("Debian GNU/Linux 12".into()),
    }
}

/// A client for acme-ledger on machine `n`, talking to `url`, with a file credential store.
pub fn client(n: u32, url: &str, keys: &PublicKeySet) -> (Client, StateDir) {
    let state = StateDir::at(temp_dir("state"));
    let config = ClientConfig {
        product: "acme-ledger".into(),
        app_version: "7.2.0".into(),
        state_dir: state.clone(),
        trusted_keys: keys.clone(),
        machine: Some(machine(n)),
    };
    let store = CredentialStore::file("tessera-test", &state);
    let mut client = Client::with_store(config, store).expect("client");
    let settings = Settings {
        portal_url: url.into(),
        proxy: tessera_client::ProxySettings { mode: tessera_client::ProxyMode::None, ..Default::default() },
        ..Settings::default()
    };
    client.save_settings(settings, None).expect("settings");
    (client, state)
}
