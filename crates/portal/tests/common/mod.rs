//! A real portal on port 0, on a fresh SQLite file or a fresh PostgreSQL database, and a client
//! that speaks to it like a machine would.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::{Value, json};
use sqlx::AnyPool;
use tessera_core::{
    ActivationKey, ActivationRequest, ActivationRequestPayload, Fingerprint, MachineFacts, Nonce, PublicKeySet,
    SigningKey, Timestamp,
};
use tessera_portal::{Config, Portal, demo, store};

pub mod admin;
pub mod company;
pub mod fake_stripe;
pub mod process;
pub mod redis;
pub mod smtp;
pub mod staff;
pub mod subscriptions;
pub mod web;

/// Which database a test portal runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// The admin URL of the local PostgreSQL server (trust auth).
const POSTGRES_ADMIN: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A running portal and what a test needs to talk to it.
pub struct TestPortal {
    pub url: String,
    pub client: reqwest::Client,
    pub pool: AnyPool,
    pub demo: demo::Seeded,
    pub dir: PathBuf,
    pub config: Config,
    pg_database: Option<String>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    format!("{prefix}_{}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst), Timestamp::now().unix())
}

/// Creates a fresh PostgreSQL database, or says loudly why it cannot (and fails when
/// `TESSERA_REQUIRE_POSTGRES=1`, as in CI).
async fn fresh_postgres() -> Option<(String, String)> {
    sqlx::any::install_default_drivers();
    let name = unique("tessera_test");
    let created = async {
        let admin = AnyPool::connect(POSTGRES_ADMIN).await?;
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await?;
        admin.close().await;
        Ok::<_, sqlx::Error>(())
    }
    .await;
    match created {
        Ok(()) => Some((name.clone(), format!("postgres://postgres@127.0.0.1:5432/{name}"))),
        Err(e) => {
            assert!(
                std::env::var("TESSERA_REQUIRE_POSTGRES").as_deref() != Ok("1"),
                "PostgreSQL is required (TESSERA_REQUIRE_POSTGRES=1) but unavailable: {e}"
            );
            eprintln!(
                "SKIPPED: PostgreSQL at 127.0.0.1:5432 is unavailable ({e}); the PostgreSQL run of this test did not happen"
            );
            None
        }
    }
}

/// An empty PostgreSQL database (as `CREATE DATABASE` makes it), dropped with its value.
pub struct EmptyPostgres {
    pub url: String,
    name: String,
}

impl EmptyPostgres {
    /// A fresh one; `None` only when PostgreSQL is unavailable (said loudly).
    pub async fn create() -> Option<Self> {
        let (name, url) = fresh_postgres().await?;
        Some(Self { url, name })
    }
}

impl Drop for EmptyPostgres {
    fn drop(&mut self) {
        drop_postgres(std::mem::take(&mut self.name));
    }
}

/// Drops the database `name` from a thread of its own: Drop cannot await.
fn drop_postgres(name: String) {
    let _ = std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
        runtime.block_on(async {
            if let Ok(admin) = AnyPool::connect(POSTGRES_ADMIN).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&admin).await;
            }
        });
    })
    .join();
}

impl TestPortal {
    /// A portal with demo data on `db`; `None` only when PostgreSQL is unavailable (said loudly).
    pub async fn spawn(db: Db) -> Option<Self> {
        Self::spawn_with(db, |_| {}).await
    }

    /// Same, with settings changed by `adjust`.
    pub async fn spawn_with(db: Db, adjust: impl FnOnce(&mut Config)) -> Option<Self> {
        Self::spawn_seeded(db, adjust, true, true).await
    }

    /// A database with demo data and no portal serving it (`url` answers nothing): for tests
    /// whose portals are processes of their own, with no background jobs of this one meeting theirs.
    pub async fn database_only(db: Db) -> Option<Self> {
        Self::spawn_seeded(db, |_| {}, true, false).await
    }

    /// A portal on an empty database (migrated, no demo data); `demo` is empty.
    pub async fn spawn_unseeded(db: Db) -> Option<Self> {
        Self::spawn_seeded(db, |_| {}, false, true).await
    }

    /// Seeds (when `seed`) before serving, as `tessera-portal serve --demo` does: the
    /// background jobs start with the server, after the seeding transaction.
    async fn spawn_seeded(db: Db, adjust: impl FnOnce(&mut Config), seed: bool, serve: bool) -> Option<Self> {
        let dir = std::env::temp_dir().join(unique("tessera-portal-test"));
        let mut config = Config::for_data_dir(dir.clone());
        let mut pg_database = None;
        if db == Db::Postgres {
            let (name, url) = fresh_postgres().await?;
            config.database_url = Some(url);
            pg_database = Some(name);
        }
        adjust(&mut config);
        let portal = Portal::build(&config).await.expect("portal starts");
        let url = format!("http://{}", portal.address().expect("address"));
        let pool = portal.pool().clone();
        let demo =
            if seed { demo::seed(&pool).await.expect("demo data") } else { demo::Seeded { customers: Vec::new() } };
        if serve {
            tokio::spawn(portal.serve());
        }
        Some(Self { url, client: reqwest::Client::new(), pool, demo, dir, config, pg_database })
    }

    /// The demo customer's activation key (Northwind Traders).
    pub fn demo_key(&self) -> ActivationKey {
        ActivationKey::parse(&self.demo.customers[0].activation_key).expect("demo key")
    }

    /// The portal's published keys, fetched over HTTP.
    pub async fn trusted_keys(&self) -> PublicKeySet {
        let body: Value = self.get("/api/v1/keys").await.json().await.expect("json");
        let keys = body["keys"].as_array().expect("keys").iter().filter_map(|k| k["public_key"].as_str());
        PublicKeySet::parse_list(&keys.collect::<Vec<_>>().join(",")).expect("keys parse")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.url)).send().await.expect("request")
    }

    pub async fn post(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.url)).json(body).send().await.expect("request")
    }

    /// A license for the demo customer with `max_machines` seats of acme-ledger; returns its id.
    pub async fn add_license(&self, serial: &str, max_machines: i64) -> String {
        let customer: String = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
            .bind("it@contoso.example")
            .fetch_one(&self.pool)
            .await
            .expect("customer");
        // A product of its own, so the demo licenses do not share the seats.
        sqlx::query(
            "INSERT INTO products (id, name, match_policy, refresh_days, grace_days, created_at) \
             VALUES ($1, $2, 'exact', 30, 15, 0)",
        )
        .bind(format!("load-{serial}"))
        .bind(format!("Load test {serial}"))
        .execute(&self.pool)
        .await
        .expect("product");
        store::licenses::create(
            &self.pool,
            &store::licenses::NewLicense {
                serial: &tessera_portal::domain::Serial::parse("serial", serial).expect("serial"),
                customer_id: &customer,
                order_id: None,
                product_id: &format!("load-{serial}"),
                edition: "Standard",
                features: &[],
                users: 1,
                max_machines,
                issued_at: Timestamp::now().unix() - 60,
                expires_at: None,
            },
        )
        .await
        .expect("license")
        .expect("a serial of its own")
        .to_string()
    }
}

impl Drop for TestPortal {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some(name) = self.pg_database.take() {
            drop_postgres(name);
        }
    }
}

/// A computer: its facts, fingerprint and machine key.
pub struct TestMachine {
    pub facts: MachineFacts,
    pub key: SigningKey,
    pub product: String,
}

impl TestMachine {
    /// Machine number `n`, for `product`.
    pub fn new(n: u32, product: &str) -> Self {
        let mut seed = [0u8; 32];
        seed[..4].copy_from_slice(&n.to_be_bytes());
        seed[4..8].copy_from_slice(&u32::try_from(product.len()).unwrap_or(0).to_be_bytes());
        Self {
            facts: MachineFacts {
                machine_id: format!("machine-{n:08}"),
                hostname: Some(format!("PC-{n:04}")),
                mac: Some(format!("52:54:00:00:{:02x}:{:02x}", n / 256 % 256, n % 256)),
                cpu: Some("Test CPU".into()),
                os: Some("Debian 12".into()),
            },
            key: SigningKey::from_seed(seed),
            product: product.into(),
        }
    }

    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::compute(&self.product, &self.facts).expect("fingerprint")
    }

    /// A signed activation request for `key`.
    pub fn request(&self, key: &ActivationKey) -> ActivationRequest {
        let fp = self.fingerprint();
        let payload = ActivationRequestPayload {
            activation_key: key.clone(),
            product: self.product.clone(),
            fingerprint: fp.digest(),
            components: fp.components().clone(),
            hostname: self.facts.hostname.clone().unwrap_or_default(),
            app_version: "0.1.0".into(),
            nonce: Nonce::generate().expect("nonce"),
            created: Timestamp::now(),
            machine_key: self.key.public_key(),
            kid: self.key.kid(),
        };
        ActivationRequest::sign(&payload, &self.key).expect("sign")
    }

    /// The JSON body of an online activation.
    pub fn activation_body(&self, key: &ActivationKey) -> Value {
        json!({ "request": self.request(key).to_string() })
    }

    /// The JSON body of a validation of `key` on this machine.
    pub fn validate_body(&self, key: &ActivationKey) -> Value {
        json!({ "activation_key": key.as_str(), "product": self.product, "fingerprint": self.fingerprint().digest().to_hex() })
    }
}

/// Sends 200 activations of distinct machines of `product` at once, spread over `urls`, and
/// counts (created, refused with TOO_MANY_MACHINES); any other answer fails the test.
pub async fn race_for_seats(
    client: &reqwest::Client,
    urls: &[String],
    key: &ActivationKey,
    product: &str,
    first_machine: u32,
) -> (u32, u32) {
    let tasks: Vec<_> = (0..200u32)
        .map(|n| {
            let body = TestMachine::new(first_machine + n, product).activation_body(key);
            let url = format!("{}/api/v1/activations", urls[n as usize % urls.len()]);
            let client = client.clone();
            tokio::spawn(async move {
                let response = client.post(url).json(&body).send().await.expect("request");
                let status = response.status();
                let body: Value = response.json().await.expect("json");
                (status, body["code"].as_str().unwrap_or_default().to_owned())
            })
        })
        .collect();
    let (mut created, mut refused) = (0, 0);
    for task in tasks {
        match task.await.expect("task") {
            (reqwest::StatusCode::CREATED, _) => created += 1,
            (reqwest::StatusCode::CONFLICT, code) if code == "TOO_MANY_MACHINES" => refused += 1,
            other => panic!("unexpected answer {other:?}"),
        }
    }
    (created, refused)
}

/// Runs the same async test body against SQLite and against PostgreSQL; with `configured:`, on
/// portals whose settings that function changed first.
#[macro_export]
macro_rules! on_both_databases {
    ($name:ident, configured: $configure:expr, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                let portal =
                    common::TestPortal::spawn_with(common::Db::Sqlite, $configure).await.expect("sqlite portal");
                ($body)(portal).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                if let Some(portal) = common::TestPortal::spawn_with(common::Db::Postgres, $configure).await {
                    ($body)(portal).await;
                }
            }
        }
    };
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("sqlite portal");
                ($body)(portal).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                if let Some(portal) = common::TestPortal::spawn(common::Db::Postgres).await {
                    ($body)(portal).await;
                }
            }
        }
    };
}
