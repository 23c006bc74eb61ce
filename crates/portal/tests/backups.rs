//! `tessera-portal backup` while the portal serves activations and orders, and `restore` into a
//! fresh data dir and database, on SQLite and PostgreSQL: everything acknowledged before the
//! backup is back, the keys too (a client activated before refreshes), and a wrong passphrase, a
//! changed byte, a cut file, a foreign file or a used target are refused, changing nothing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use common::admin::ok;
use common::{Db, TestMachine, TestPortal};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::AnyPool;
use tessera_core::api::{self, MachineCall};
use tessera_core::{LicenseFile, Nonce, Timestamp};
use tokio::io::AsyncWriteExt as _;

const PASSPHRASE: &str = "correct horse battery staple";

/// What a run of the `tessera-portal` binary said.
struct Run {
    success: bool,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The stable code of a failure: the `(CODE)` ending its first line on standard error.
    fn code(&self) -> &str {
        let line = self.stderr.lines().next().unwrap_or_default();
        line.rsplit_once('(').and_then(|(_, code)| code.strip_suffix(')')).unwrap_or_default()
    }
}

/// Runs `tessera-portal --data-dir DIR --database-url URL <args>` with `stdin` as its input.
async fn tessera_portal(dir: &Path, url: &str, args: &[&str], stdin: &str, path_env: Option<&str>) -> Run {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_tessera-portal"));
    command
        .arg("--data-dir")
        .arg(dir)
        .args(["--database-url", url])
        .args(args)
        .env("TESSERA_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(path) = path_env {
        command.env("PATH", path);
    }
    let mut child = command.spawn().expect("tessera-portal starts");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.as_bytes()).await.expect("the passphrase is written");
    drop(input);
    let output = child.wait_with_output().await.expect("tessera-portal ends");
    Run {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("tessera-backups-{name}-{}-{}", std::process::id(), Timestamp::now().unix()))
}

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", dir.join("portal.db").display())
}

/// A refresh of `license_id` signed by `machine`'s key, sent to the portal at `base`.
async fn refresh(client: &reqwest::Client, base: &str, machine: &TestMachine, license_id: &str) -> (StatusCode, Value) {
    let path = "/api/v1/refresh";
    let call = MachineCall {
        license_id: license_id.into(),
        fingerprint: machine.fingerprint().digest(),
        nonce: Nonce::generate().expect("nonce"),
        created: Timestamp::now(),
    };
    let body = serde_json::to_vec(&call).expect("json");
    let response = client
        .post(format!("{base}{path}"))
        .header(api::MACHINE_SIGNATURE_HEADER, api::sign_machine_call(&machine.key, "POST", path, &body))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("request");
    (response.status(), response.json().await.expect("a JSON answer"))
}

/// One acknowledged write of the load: an activated machine's fingerprint or an order's reference.
#[derive(Debug, Clone)]
struct Acked {
    order: bool,
    id: String,
    /// Acknowledged before `backup` was started.
    before_backup: bool,
    /// Sent after `backup` had ended.
    after_backup: bool,
}

/// Activations of new machines (and an order every fifth call) until `stop`, each recorded
/// once acknowledged; any answer but a success fails the test.
async fn load(
    portal: Arc<LoadTarget>,
    worker: u32,
    started: Arc<AtomicBool>,
    ended: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
) -> Vec<Acked> {
    let mut acked = Vec::new();
    for n in 0u32.. {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let after_backup = ended.load(Ordering::SeqCst);
        let (order, id) = if n % 5 == 4 {
            let body = json!({ "customer_id": portal.customer, "items": [{ "sku": "LED-STD-1Y", "quantity": 1 }] });
            let answer = portal
                .client
                .post(format!("{}/api/v1/admin/orders", portal.url))
                .bearer_auth(&portal.token)
                .json(&body)
                .send()
                .await
                .expect("an answer");
            let status = answer.status();
            let body: Value = answer.json().await.expect("json");
            assert_eq!(status, StatusCode::CREATED, "an order: {body}");
            portal.orders.fetch_add(1, Ordering::SeqCst);
            (true, body["reference"].as_str().expect("reference").to_owned())
        } else {
            let machine = TestMachine::new(100_000 + worker * 100_000 + n, "load-BACKUP");
            let answer = portal
                .client
                .post(format!("{}/api/v1/activations", portal.url))
                .json(&machine.activation_body(&portal.key))
                .send()
                .await
                .expect("an answer");
            let status = answer.status();
            let body: Value = answer.json().await.expect("json");
            assert_eq!(status, StatusCode::CREATED, "an activation: {body}");
            (false, machine.fingerprint().digest().to_hex())
        };
        let before_backup = !started.load(Ordering::SeqCst);
        if after_backup {
            portal.after.fetch_add(1, Ordering::SeqCst);
        }
        acked.push(Acked { order, id, before_backup, after_backup });
    }
    acked
}

/// What the load needs of the portal it runs on.
struct LoadTarget {
    /// Orders acknowledged so far, by every worker.
    orders: AtomicUsize,
    /// Writes sent after the backup ended and acknowledged, by every worker.
    after: AtomicUsize,
    url: String,
    client: reqwest::Client,
    key: tessera_core::ActivationKey,
    token: String,
    customer: String,
}

/// The fingerprints of the machines of the load's license, and the references of all orders.
async fn restored_rows(pool: &AnyPool) -> (Vec<String>, Vec<String>, i64) {
    let machines: Vec<String> = sqlx::query_scalar(
        "SELECT m.fingerprint FROM machines m JOIN licenses l ON l.id = m.license_id WHERE l.serial = 'BACKUP'",
    )
    .fetch_all(pool)
    .await
    .expect("machines");
    let orders: Vec<String> = sqlx::query_scalar("SELECT reference FROM orders").fetch_all(pool).await.expect("orders");
    let used: i64 = sqlx::query_scalar("SELECT used_machines FROM licenses WHERE serial = 'BACKUP'")
        .fetch_one(pool)
        .await
        .expect("the license's seat count");
    (machines, orders, used)
}

async fn backs_up_under_load_and_restores(db: Db) {
    // Arrange: a portal whose signing key was rotated once (a retired key to bring back too),
    // a license with seats enough for the load, a plan on sale and the shop's token.
    let Some(portal) = TestPortal::spawn_with(db, |config| {
        config.key_requests_per_minute = 1_000_000;
        tessera_portal::keys::KeyRing::rotate(&config.signing_key_path()).expect("a rotated key");
    })
    .await
    else {
        return;
    };
    let url = portal.config.database_url();
    portal.add_license("BACKUP", 1_000_000).await;
    let plan = ["add-plan", "--product", "acme-ledger", "--edition", "Standard", "--sku", "LED-STD-1Y"];
    ok(&portal, &[&plan[..], &["--price", "199.50", "--machines-per-user", "2", "--support-years", "1"]].concat())
        .await;
    let created = ok(&portal, &["api-token", "create", "--name", "shop", "--scope", "orders"]).await;
    let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
    let target = Arc::new(LoadTarget {
        orders: AtomicUsize::new(0),
        after: AtomicUsize::new(0),
        url: portal.url.clone(),
        client: portal.client.clone(),
        key: key.clone(),
        token: created.lines().last().expect("the token").trim().to_owned(),
        customer: common::subscriptions::customer_id(&portal, "it@contoso.example").await,
    });
    let trusted = portal.trusted_keys().await;
    assert_eq!(trusted.iter().count(), 2, "the current key and the retired one are published");
    // A computer activated before the backup, which will refresh against the restored portal.
    let early = TestMachine::new(7, "load-BACKUP");
    let (status, body) = {
        let answer = portal.post("/api/v1/activations", &early.activation_body(&key)).await;
        (answer.status(), answer.json::<Value>().await.expect("json"))
    };
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let early_file = LicenseFile::decode(body["license"].as_str().expect("license")).expect("a license file");
    let license_id = early_file.verify(&trusted).expect("signed by the portal").license_id;

    // Act: four clients activate and order while the backup runs.
    let (started, ended, stop) = (Arc::default(), Arc::<AtomicBool>::default(), Arc::<AtomicBool>::default());
    let workers: Vec<_> = (0..4)
        .map(|worker| tokio::spawn(load(target.clone(), worker, Arc::clone(&started), ended.clone(), stop.clone())))
        .collect();
    // The backup starts once orders and activations were acknowledged.
    for _ in 0..600 {
        if target.orders.load(Ordering::SeqCst) >= 4 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let backup_file = portal.dir.join("portal.backup");
    let backup_path = backup_file.to_str().expect("a UTF-8 path");
    started.store(true, Ordering::SeqCst);
    let made =
        tessera_portal(&portal.dir, &url, &["backup", "--to", backup_path], &format!("{PASSPHRASE}\n"), None).await;
    ended.store(true, Ordering::SeqCst);
    assert!(made.success, "backup: {}", made.stderr);
    assert!(made.stdout.starts_with("backed up to "), "{}", made.stdout);
    // And goes on until writes sent after it ended were acknowledged.
    for _ in 0..600 {
        if target.after.load(Ordering::SeqCst) >= 8 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    stop.store(true, Ordering::SeqCst);
    let mut acked = Vec::new();
    for worker in workers {
        acked.extend(worker.await.expect("a load worker"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&backup_file).expect("the backup").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the backup holds the signing key: its owner's only");
    }

    // Restore into a fresh data dir and a fresh database, and serve it.
    let restored = scratch(&format!("restored-{db:?}"));
    let empty = match db {
        Db::Sqlite => None,
        Db::Postgres => Some(common::EmptyPostgres::create().await.expect("a second PostgreSQL database")),
    };
    let restored_url = empty.as_ref().map_or_else(|| sqlite_url(&restored), |e| e.url.clone());
    let run =
        tessera_portal(&restored, &restored_url, &["restore", backup_path], &format!("{PASSPHRASE}\n"), None).await;
    assert!(run.success, "restore: {}", run.stderr);
    assert!(run.stdout.starts_with("restored "), "{}", run.stdout);
    let key_path = restored.join("signing-key.secret");
    for name in ["signing-key.secret", "signing-key.secret.retired"] {
        assert_eq!(
            std::fs::read(restored.join(name)).expect("a restored key file"),
            std::fs::read(portal.dir.join(name)).expect("the original key file"),
            "{name} comes back as it was"
        );
    }

    // Assert: every activation and order acknowledged before the backup began is there; nothing
    // sent after it ended, nor anything never acknowledged; and the seat count matches its machines.
    let pool = AnyPool::connect(&restored_url).await.expect("the restored database");
    let (machines, orders, used) = restored_rows(&pool).await;
    pool.close().await;
    let before: Vec<&Acked> = acked.iter().filter(|a| a.before_backup).collect();
    let after: Vec<&Acked> = acked.iter().filter(|a| a.after_backup).collect();
    assert!(before.iter().any(|a| a.order) && before.len() >= 10, "the load ran before the backup: {before:?}");
    assert!(!after.is_empty(), "the load went on after the backup");
    for a in &before {
        let present = if a.order { orders.contains(&a.id) } else { machines.contains(&a.id) };
        assert!(present, "acknowledged before the backup but not restored: {a:?}");
    }
    for a in &after {
        let present = if a.order { orders.contains(&a.id) } else { machines.contains(&a.id) };
        assert!(!present, "sent after the backup ended yet restored: {a:?}");
    }
    let early_fingerprint = early.fingerprint().digest().to_hex();
    for fingerprint in &machines {
        assert!(
            *fingerprint == early_fingerprint || acked.iter().any(|a| !a.order && a.id == *fingerprint),
            "a restored machine nobody activated: {fingerprint}"
        );
    }
    assert_eq!(used, i64::try_from(machines.len()).expect("a count"), "the seat count is its machines'");
    let during = acked.len() - before.len() - after.len();
    eprintln!(
        "{db:?}: {} writes acknowledged before the backup, {during} during it, {} after; {} machines restored",
        before.len(),
        after.len(),
        machines.len()
    );

    // The computer activated before the backup refreshes against the restored portal, which
    // signs with the key that came back and publishes the same keys.
    let (_process, base) = common::process::start(&restored, &restored_url, &key_path, false);
    let (status, body) = refresh(&portal.client, &base, &early, &license_id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let renewed = LicenseFile::decode(body["license"].as_str().expect("license")).expect("a license file");
    let payload = renewed.verify(&trusted).expect("signed by a key the client already trusts");
    assert_eq!(payload.license_id, license_id);
    let keys = |base: String| async move {
        reqwest::get(format!("{base}/api/v1/keys")).await.expect("keys").json::<Value>().await.expect("json")
    };
    assert_eq!(keys(base.clone()).await, keys(portal.url.clone()).await, "the same keys are published");
    drop(empty);
    let _ = std::fs::remove_dir_all(&restored);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_under_load_restores_every_acknowledged_write_and_the_keys_on_sqlite() {
    backs_up_under_load_and_restores(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_under_load_restores_every_acknowledged_write_and_the_keys_on_postgres() {
    backs_up_under_load_and_restores(Db::Postgres).await;
}

/// Every file and its bytes under `dir` (nothing, when it does not exist).
fn snapshot_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    files.sort();
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_wrong_passphrase_a_damaged_or_foreign_file_or_a_used_target_is_refused_and_changes_nothing() {
    let portal = TestPortal::spawn(Db::Sqlite).await.expect("sqlite portal");
    let url = portal.config.database_url();
    let backup_file = portal.dir.join("portal.backup");
    let made = tessera_portal(
        &portal.dir,
        &url,
        &["backup", "--to", backup_file.to_str().expect("UTF-8")],
        &format!("{PASSPHRASE}\n"),
        None,
    )
    .await;
    assert!(made.success, "backup: {}", made.stderr);
    let good = std::fs::read(&backup_file).expect("the backup");
    let header_end = good.windows(4).position(|w| w == b"\n---").expect("the age header's end") + 4;

    let mut cases: Vec<(String, Vec<u8>, &str, &str)> = Vec::new();
    cases.push(("another passphrase".into(), good.clone(), "another passphrase", "BACKUP_PASSPHRASE_WRONG"));
    for at in [header_end + 60, good.len() / 2, good.len() - 1] {
        let mut changed = good.clone();
        changed[at] ^= 0x01;
        cases.push((format!("byte {at} of {} changed", good.len()), changed, PASSPHRASE, "BACKUP_DAMAGED"));
    }
    for keep in [good.len() - 1, good.len() - 17, good.len() / 2, header_end + 40] {
        cases.push((
            format!("cut to {keep} of {} bytes", good.len()),
            good[..keep].to_vec(),
            PASSPHRASE,
            "BACKUP_DAMAGED",
        ));
    }
    cases.push(("a text file".into(), b"hello, world\n".to_vec(), PASSPHRASE, "BACKUP_NOT_RECOGNISED"));
    let mut newer = good.clone();
    newer[22] = b'9';
    cases.push(("a backup of format 9".into(), newer, PASSPHRASE, "BACKUP_NOT_RECOGNISED"));
    let mut header = good.clone();
    header[0] = b'X';
    cases.push(("its first byte changed".into(), header, PASSPHRASE, "BACKUP_NOT_RECOGNISED"));

    for (n, (case, bytes, passphrase, code)) in cases.into_iter().enumerate() {
        let file = portal.dir.join(format!("case-{n}.backup"));
        std::fs::write(&file, &bytes).expect("the case's file");
        let target = scratch(&format!("case-{n}"));
        let run = tessera_portal(
            &target,
            &sqlite_url(&target),
            &["restore", file.to_str().expect("UTF-8")],
            &format!("{passphrase}\n"),
            None,
        )
        .await;
        assert!(!run.success, "{case}: restored anyway");
        assert_eq!(run.code(), code, "{case}: {}", run.stderr);
        assert!(!target.exists(), "{case}: the fresh data dir was left behind: {:?}", snapshot_of(&target));
    }

    // A target holding a database, or only a signing key, is refused and left as it was.
    let run = tessera_portal(
        &portal.dir,
        &url,
        &["restore", backup_file.to_str().expect("UTF-8")],
        &format!("{PASSPHRASE}\n"),
        None,
    )
    .await;
    assert_eq!(run.code(), "RESTORE_TARGET_NOT_EMPTY", "{}", run.stderr);
    let only_key = scratch("only-key");
    std::fs::create_dir_all(&only_key).expect("a folder");
    std::fs::write(only_key.join("signing-key.secret"), "not a key, but there").expect("a key file");
    let before = snapshot_of(&only_key);
    let run = tessera_portal(
        &only_key,
        &sqlite_url(&only_key),
        &["restore", backup_file.to_str().expect("UTF-8")],
        &format!("{PASSPHRASE}\n"),
        None,
    )
    .await;
    assert_eq!(run.code(), "RESTORE_TARGET_NOT_EMPTY", "{}", run.stderr);
    assert!(run.stderr.contains("signing-key.secret"), "the file in the way is named: {}", run.stderr);
    assert_eq!(snapshot_of(&only_key), before, "nothing changed in the target");
    let _ = std::fs::remove_dir_all(&only_key);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_portal_without_its_signing_key_is_not_backed_up_and_the_key_path_is_named() {
    let never_started = scratch("no-key");
    std::fs::create_dir_all(&never_started).expect("a data dir");
    let backup_file = never_started.join("portal.backup");
    let run = tessera_portal(
        &never_started,
        &sqlite_url(&never_started),
        &["backup", "--to", backup_file.to_str().expect("UTF-8")],
        &format!("{PASSPHRASE}\n"),
        None,
    )
    .await;
    assert_eq!(run.code(), "BACKUP_NO_SIGNING_KEY", "{}", run.stderr);
    assert!(run.stderr.contains("signing-key.secret"), "the key's path is named: {}", run.stderr);
    assert!(!backup_file.exists(), "no backup file without the key");
    let _ = std::fs::remove_dir_all(&never_started);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_used_or_mismatched_postgres_database_is_refused_and_missing_tools_are_named() {
    let Some(portal) = TestPortal::spawn(Db::Postgres).await else { return };
    let url = portal.config.database_url();
    let backup_file = portal.dir.join("portal.backup");
    let backup_path = backup_file.to_str().expect("UTF-8");
    let no_tools = scratch("no-tools");
    std::fs::create_dir_all(&no_tools).expect("an empty folder");
    let path = no_tools.to_str().expect("UTF-8");
    let run =
        tessera_portal(&portal.dir, &url, &["backup", "--to", backup_path], &format!("{PASSPHRASE}\n"), Some(path))
            .await;
    assert_eq!(run.code(), "BACKUP_TOOL_MISSING", "{}", run.stderr);
    assert!(run.stderr.contains("pg_dump"), "the tool is named: {}", run.stderr);
    assert!(!backup_file.exists(), "no backup file after a failed backup");
    let made =
        tessera_portal(&portal.dir, &url, &["backup", "--to", backup_path], &format!("{PASSPHRASE}\n"), None).await;
    assert!(made.success, "backup: {}", made.stderr);

    // Into the database it came from (tables and rows in it): refused.
    let orders = |pool: AnyPool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM orders").fetch_one(&pool).await.expect("orders")
    };
    let before = orders(portal.pool.clone()).await;
    let fresh_dir = scratch("pg-used");
    let run = tessera_portal(&fresh_dir, &url, &["restore", backup_path], &format!("{PASSPHRASE}\n"), None).await;
    assert_eq!(run.code(), "RESTORE_TARGET_NOT_EMPTY", "{}", run.stderr);
    assert_eq!(orders(portal.pool.clone()).await, before);
    assert!(!fresh_dir.exists(), "no data dir made for a refused restore");

    // Into a SQLite portal: refused, the fresh data dir left uncreated.
    let run = tessera_portal(
        &fresh_dir,
        &sqlite_url(&fresh_dir),
        &["restore", backup_path],
        &format!("{PASSPHRASE}\n"),
        None,
    )
    .await;
    assert_eq!(run.code(), "RESTORE_DATABASE_MISMATCH", "{}", run.stderr);
    assert!(!fresh_dir.exists(), "no data dir left by a refused restore");

    // Without pg_restore on the PATH: named, and the empty database stays empty.
    let empty = common::EmptyPostgres::create().await.expect("PostgreSQL answered a moment ago");
    let run =
        tessera_portal(&fresh_dir, &empty.url, &["restore", backup_path], &format!("{PASSPHRASE}\n"), Some(path)).await;
    assert_eq!(run.code(), "BACKUP_TOOL_MISSING", "{}", run.stderr);
    assert!(run.stderr.contains("pg_restore"), "the tool is named: {}", run.stderr);
    let pool = AnyPool::connect(&empty.url).await.expect("the empty database");
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    )
    .fetch_one(&pool)
    .await
    .expect("tables");
    pool.close().await;
    assert_eq!(tables, 0, "nothing was restored");
    assert!(!fresh_dir.exists(), "no data dir left by a failed restore");
    let _ = std::fs::remove_dir_all(&no_tools);
}
