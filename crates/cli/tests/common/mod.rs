//! A real portal on port 0 with demo data, and the real `tessera` binary run against it,
//! each test computer with its own state folder and file credential store.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicU32, Ordering};

use tessera_portal::demo::{self, DemoPortal};
use tokio::io::AsyncWriteExt as _;

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub fn temp_dir(what: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "tessera-cli-{what}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ))
}

/// A portal serving on a free port, with demo data.
pub struct TestPortal {
    pub url: String,
    /// Its public keys, as `TESSERA_TRUSTED_KEYS` takes them.
    pub keys: String,
    pub demo: demo::Seeded,
    pool: tessera_portal::store::Pool,
    dir: PathBuf,
}

impl TestPortal {
    pub async fn start() -> Self {
        let dir = temp_dir("portal");
        let portal = DemoPortal::start(dir.clone()).await.expect("the demo portal starts");
        Self { url: portal.url, keys: portal.trusted_keys, demo: portal.demo, pool: portal.pool, dir }
    }

    /// A person of Northwind whose company admin invited them and bound a free seat of license
    /// `serial` to them (seed 004): the account `email`, registered with `password` through its
    /// invitation link, and the seat's id. The portal's own services do each step.
    pub async fn bind_company_user(&self, email: &str, password: &str, serial: &str) -> String {
        use tessera_portal::domain::{Actor, SeatStatus};
        use tessera_portal::services::{accounts, seats};
        let customer = self.northwind_id().await;
        let user = accounts::add_user(&self.pool, &customer, email).await.expect("an account");
        let token = accounts::create_reset(&self.pool, &user, accounts::INVITE_SECONDS).await.expect("an invitation");
        let hash = accounts::hash_password(password).await.expect("a hash");
        accounts::use_reset(&self.pool, &token, &hash).await.expect("registers").expect("the link works");
        let filter = tessera_portal::store::seats::Filter {
            search: serial,
            status: Some(SeatStatus::Free),
            ..Default::default()
        };
        let page = seats::page(&self.pool, &customer, &filter, None).await.expect("the seats");
        let seat = page.rows.first().unwrap_or_else(|| panic!("a free seat of {serial}")).id.clone();
        let bound = seats::bind(&self.pool, &self.mailer(), &Actor::customer(&customer), &customer, &seat, email)
            .await
            .expect("binding answers");
        assert!(bound.is_ok(), "the seat is bound: {bound:?}");
        seat
    }

    /// Unbinds Northwind's seat `seat_id`, as its company admin's Unbind does.
    pub async fn unbind_seat(&self, seat_id: &str) {
        let customer = self.northwind_id().await;
        let actor = tessera_portal::domain::Actor::customer(&customer);
        let unbound = tessera_portal::services::seats::unbind(&self.pool, &self.mailer(), &actor, &customer, seat_id)
            .await
            .expect("unbinding answers");
        assert!(unbound.is_ok(), "the seat is unbound: {unbound:?}");
    }

    async fn northwind_id(&self) -> tessera_portal::domain::CustomerId {
        use tessera_portal::domain::{CustomerId, Email, OrderRef};
        let northwind = &self.demo.customers[0];
        let (email, order) = (Email::normalized(&northwind.email), OrderRef::normalise(&northwind.orders[0]));
        let id = tessera_portal::store::customers::by_email_and_order(&self.pool, &email, &order)
            .await
            .expect("the customers")
            .expect("Northwind");
        CustomerId::new(id)
    }

    fn mailer(&self) -> tessera_portal::mail::Mailer {
        let config = tessera_portal::Config::for_data_dir(self.dir.clone());
        tessera_portal::mail::Mailer::from_config(&config).with_public_url(&self.url)
    }

    /// The one-time code in the `nth` (from 1) code mail to `email` in the portal's outbox, once
    /// it is there (the portal sends every 2 seconds).
    pub async fn mailed_code(&self, email: &str, nth: usize) -> String {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let mut mails: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(self.dir.join("outbox"))
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, std::fs::read_to_string(e.path()).ok()?)))
                .filter(|(_, text)| text.contains(&format!("To: {email}")) && text.contains("one-time code"))
                .collect();
            mails.sort();
            let code = mails.get(nth - 1).and_then(|(_, text)| {
                text.lines().map(str::trim).find(|l| l.len() == 8 && l.bytes().all(|b| b.is_ascii_digit()))
            });
            if let Some(code) = code {
                return code.to_owned();
            }
            assert!(tokio::time::Instant::now() < deadline, "no code mailed to {email}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    /// Northwind's activation key.
    pub fn key(&self) -> String {
        self.demo.customers[0].activation_key.clone()
    }

    /// A computer that talks to this portal.
    pub fn computer(&self) -> Computer {
        Computer::new(&self.url, &self.keys)
    }

    /// Uploads an activation request as the portal's Offline activation page does; returns the response file.
    pub async fn answer_offline_request(&self, request: &str) -> String {
        let answer: serde_json::Value = reqwest::Client::new()
            .post(format!("{}/api/v1/activations/offline", self.url))
            .json(&serde_json::json!({ "request": request }))
            .send()
            .await
            .expect("upload")
            .json()
            .await
            .expect("json");
        answer["response"].as_str().expect("a response file").to_owned()
    }
}

impl Drop for TestPortal {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A portal key no test portal signs with.
pub fn stranger_keys() -> String {
    tessera_core::example::portal_key().public_key().to_base64()
}

/// An address where nothing listens.
pub fn dead_portal() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    format!("http://{}", listener.local_addr().expect("address"))
}

/// This machine as seen by `tessera` with its own state folder, talking to one portal address.
pub struct Computer {
    pub state: PathBuf,
    portal: String,
    keys: String,
}

impl Computer {
    pub fn new(portal: &str, keys: &str) -> Self {
        Self { state: temp_dir("state"), portal: portal.to_owned(), keys: keys.to_owned() }
    }

    /// A file in a folder of this computer's own (not the state folder).
    pub fn file(&self, name: &str) -> PathBuf {
        let dir = self.state.with_extension("files");
        std::fs::create_dir_all(&dir).expect("files folder");
        dir.join(name)
    }

    /// Runs `tessera --state-dir ... --portal ... <args>` in English.
    pub async fn run(&self, args: &[&str]) -> Run {
        self.run_with_input(args, None).await
    }

    /// The same, with `input` on standard input.
    pub async fn run_with_input(&self, args: &[&str], input: Option<&str>) -> Run {
        self.run_in(args, input, &[]).await
    }

    /// `tessera` with `args`, standard input written only once `answer` gives it (a code mailed
    /// after the program asked for it).
    pub async fn run_answering(&self, args: &[&str], answer: impl std::future::Future<Output = String>) -> Run {
        let mut command = self.command(args, &[]);
        command.stdin(Stdio::piped());
        let mut child = command.spawn().expect("tessera starts");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(answer.await.as_bytes()).await.expect("write stdin");
        drop(stdin);
        finished(args, child.wait_with_output().await.expect("tessera runs"))
    }

    /// The same, with environment variables `vars` set (proxies are unset unless named here).
    pub async fn run_in(&self, args: &[&str], input: Option<&str>, vars: &[(&str, &str)]) -> Run {
        let mut command = self.command(args, vars);
        command.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
        let mut child = command.spawn().expect("tessera starts");
        if let Some(input) = input {
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(input.as_bytes()).await.expect("write stdin");
        }
        finished(args, child.wait_with_output().await.expect("tessera runs"))
    }

    /// The `tessera` command for this computer with `args` and `vars` (proxies are unset unless
    /// named in `vars`); standard input is for the caller to set.
    fn command(&self, args: &[&str], vars: &[(&str, &str)]) -> tokio::process::Command {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_tessera"));
        command
            .arg("--state-dir")
            .arg(&self.state)
            .args(["--portal", &self.portal])
            .args(args)
            .env("TESSERA_TRUSTED_KEYS", &self.keys)
            .env("TESSERA_CREDENTIAL_STORE", "file")
            .env("LANG", "C.UTF-8")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for name in [
            "LC_ALL",
            "LC_MESSAGES",
            "LANGUAGE",
            "TESSERA_PRODUCT",
            "TESSERA_APP_VERSION",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "ALL_PROXY",
            "http_proxy",
            "https_proxy",
            "all_proxy",
            "NO_PROXY",
            "no_proxy",
        ] {
            command.env_remove(name);
        }
        command.envs(vars.iter().copied());
        command
    }

    /// `tessera export-request KEY --out FILE`, returning the request file's text.
    pub async fn export_request(&self, key: &str) -> String {
        let path = self.file("request.txt");
        self.run(&["export-request", key, "--out", path_str(&path)]).await.succeeds();
        std::fs::read_to_string(path).expect("the request file")
    }

    /// The state code `tessera status --json` reports, with its exit code.
    pub async fn state(&self) -> (String, i32) {
        let run = self.run(&["status", "--json"]).await;
        (run.json()["state"].as_str().expect("a state").to_owned(), run.code)
    }
}

impl Drop for Computer {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.state);
        let _ = std::fs::remove_dir_all(self.state.with_extension("files"));
    }
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// What one run of `tessera` did.
#[derive(Debug)]
pub struct Run {
    pub args: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output as the one JSON object `--json` promises, and nothing else.
    pub fn json(&self) -> serde_json::Value {
        let value: serde_json::Value = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("`{}` printed no single JSON value ({e}): {:?}", self.args, self.stdout));
        assert!(value.is_object(), "`{}` printed JSON but not an object: {value}", self.args);
        assert!(self.stderr.is_empty(), "`{}` wrote to stderr with --json: {:?}", self.args, self.stderr);
        value
    }

    /// Asserts exit 0 and returns the run.
    pub fn succeeds(self) -> Self {
        assert_eq!(self.code, 0, "`{}` failed:\n{}{}", self.args, self.stdout, self.stderr);
        self
    }

    /// Asserts the exit code and, for a `--json` run, the error code.
    pub fn fails_with(self, exit: i32, code: &str) -> Self {
        assert_eq!(self.code, exit, "`{}`:\n{}{}", self.args, self.stdout, self.stderr);
        assert_eq!(self.json()["code"], code, "`{}`", self.args);
        self
    }

    /// Everything it printed.
    pub fn output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// What a finished `tessera` run printed and returned.
fn finished(args: &[&str], output: std::process::Output) -> Run {
    Run {
        args: args.join(" "),
        code: output.status.code().expect("an exit code"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8"),
    }
}
