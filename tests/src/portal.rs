//! A real Tessera portal in this process, on a free port, with the demo data of seed 000.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use tessera_portal::domain::{Actor, StaffRole};

use serde_json::{Value, json};
use tessera_portal::Config;
use tessera_portal::cli::admin::{self, Admin};
use tessera_portal::demo::{self, DemoCustomer, DemoPortal, Seeded};
use tessera_portal::mail::Mailer;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh folder under the system's temporary folder, unique to this process and call.
pub fn temp_dir(what: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "tessera-e2e-{what}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ))
}

/// A portal serving the demo data; its folder is removed when it is dropped.
#[derive(Debug)]
pub struct TestPortal {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    /// Its public keys, comma-separated, as `TESSERA_TRUSTED_KEYS` takes them.
    pub trusted_keys: String,
    pub demo: Seeded,
    portal: DemoPortal,
    http: reqwest::Client,
    dir: PathBuf,
}

impl TestPortal {
    /// Starts a portal on a fresh SQLite file with the demo customers, orders and licenses.
    pub async fn start() -> Self {
        Self::start_with(false).await
    }

    /// A demo portal taking cards in test mode, as `cargo xtask demo` runs it.
    pub async fn with_test_cards() -> Self {
        Self::start_with(true).await
    }

    async fn start_with(test_cards: bool) -> Self {
        let dir = temp_dir("portal");
        let portal = DemoPortal::start_with(dir.clone(), test_cards).await.expect("the demo portal starts");
        Self {
            url: portal.url.clone(),
            trusted_keys: portal.trusted_keys.clone(),
            demo: portal.demo.clone(),
            portal,
            http: reqwest::Client::new(),
            dir,
        }
    }

    /// Northwind Traders, the first demo customer (seed 000's customer).
    pub fn northwind(&self) -> &DemoCustomer {
        &self.demo.customers[0]
    }

    /// What the vendor does from the shell (`tessera-portal admin ...`); returns what it prints.
    /// Mail goes to the portal's outbox folder, with links to this portal.
    pub async fn admin(&self, command: Admin) -> String {
        let config = Config::for_data_dir(self.dir.clone());
        let mailer = Mailer::from_config(&config).with_public_url(&self.url);
        admin::run(&self.portal.pool, &mailer, &config, command).await.expect("the admin command succeeds")
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
                .filter(|(_, text)| text.contains(&format!("To: {email}")))
                .filter(|(_, text)| {
                    text.lines().any(|l| l.trim().len() == 8 && l.trim().bytes().all(|b| b.is_ascii_digit()))
                })
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

    /// The portal's database, for arranging what no page or command makes (terms bought in the past).
    pub fn db(&self) -> &tessera_portal::store::Pool {
        &self.portal.pool
    }

    /// A member of the vendor's staff for the back office, as `admin create-staff` makes one.
    pub async fn create_staff(&self, email: &str, name: &str, role: StaffRole, password: &str) {
        let form = tessera_portal::services::staff::StaffForm { email, name, role, password };
        tessera_portal::services::staff::create(&self.portal.pool, &Actor::cli(), &form)
            .await
            .expect("the member of staff is created");
    }

    /// The demo's commerce as `serve --demo` seeds it: plans, orders, Contoso's subscriptions.
    pub async fn seed_commerce(&self) {
        let config = Config::for_data_dir(self.dir.clone());
        let mailer = Mailer::from_config(&config).with_public_url(&self.url);
        demo::seed_commerce(&self.portal.pool, &mailer, "JWT", None).await.expect("the demo's commerce is seeded");
    }

    /// Cancels the subscription whose license is `serial` at its period's end, as its customer
    /// would.
    pub async fn cancel_subscription_of(&self, serial: &str) {
        use tessera_portal::services::subscriptions::{self, ChangeForm, Request};
        let id: String = sqlx::query_scalar(
            "SELECT s.id FROM subscriptions s JOIN licenses l ON l.id = s.license_id WHERE l.serial = $1",
        )
        .bind(serial)
        .fetch_one(&self.portal.pool)
        .await
        .expect("the license's subscription");
        let config = Config::for_data_dir(self.dir.clone());
        let mailer = Mailer::from_config(&config).with_public_url(&self.url);
        let today = chrono::Utc::now().date_naive();
        let form = ChangeForm { request: &Request::Cancel, today, version: None, prefix: "JWT", provider: None };
        subscriptions::change(&self.portal.pool, &mailer, &Actor::cli(), &id, &form).await.expect("cancelled");
    }

    /// A person of Northwind whose company admin invited them and bound a free seat of license
    /// `serial` to them (seed 004): the account `email`, registered with `password` through
    /// its invitation link, and the seat's id. The portal's own services do each step.
    pub async fn bind_company_user(&self, email: &str, password: &str, serial: &str) -> String {
        use tessera_portal::services::{accounts, seats};
        let pool = &self.portal.pool;
        let customer = self.northwind_id().await;
        let user = accounts::add_user(pool, &customer, email).await.expect("an account");
        let token = accounts::create_reset(pool, &user, accounts::INVITE_SECONDS).await.expect("an invitation");
        let hash = accounts::hash_password(password).await.expect("a hash");
        accounts::use_reset(pool, &token, &hash).await.expect("registers").expect("the link works");
        let filter = tessera_portal::store::seats::Filter {
            search: serial,
            status: Some(tessera_portal::domain::SeatStatus::Free),
            ..Default::default()
        };
        let page = seats::page(pool, &customer, &filter, None).await.expect("the seats");
        let seat = page.rows.first().unwrap_or_else(|| panic!("a free seat of {serial}")).id.clone();
        let bound = seats::bind(pool, &self.mailer(), &Actor::customer(&customer), &customer, &seat, email)
            .await
            .expect("binding answers");
        assert!(bound.is_ok(), "the seat is bound: {bound:?}");
        seat
    }

    /// Unbinds Northwind's seat `seat_id`, as its company admin's Unbind does.
    pub async fn unbind_seat(&self, seat_id: &str) {
        let customer = self.northwind_id().await;
        let unbound = tessera_portal::services::seats::unbind(
            &self.portal.pool,
            &self.mailer(),
            &Actor::customer(&customer),
            &customer,
            seat_id,
        )
        .await
        .expect("unbinding answers");
        assert!(unbound.is_ok(), "the seat is unbound: {unbound:?}");
    }

    async fn northwind_id(&self) -> tessera_portal::domain::CustomerId {
        use tessera_portal::domain::{CustomerId, Email, OrderRef};
        let northwind = self.northwind();
        let (email, order) = (Email::normalized(&northwind.email), OrderRef::normalise(&northwind.orders[0]));
        let id = tessera_portal::store::customers::by_email_and_order(&self.portal.pool, &email, &order)
            .await
            .expect("the customers")
            .expect("Northwind");
        CustomerId::new(id)
    }

    fn mailer(&self) -> Mailer {
        Mailer::from_config(&Config::for_data_dir(self.dir.clone())).with_public_url(&self.url)
    }

    /// Adds a computer called `hostname` holding a seat of the license `serial`, activated `days_ago`.
    pub async fn add_machine(&self, serial: &str, hostname: &str, days_ago: i64) {
        demo::add_machine(&self.portal.pool, serial, hostname, days_ago).await.expect("a machine is added");
    }

    /// What a computer with internet access does with an exported request: uploads it to the
    /// portal's offline activation and gets the response text back.
    pub async fn answer_offline_request(&self, request: &str) -> String {
        let answer: Value = self
            .post("/api/v1/activations/offline", &json!({ "request": request }))
            .await
            .expect("the portal answers the offline request");
        answer["response"].as_str().expect("a response file").to_owned()
    }

    /// What a computer with internet access does with a deactivation receipt: uploads it,
    /// and the portal frees the seat.
    pub async fn upload_receipt(&self, receipt: &str) {
        self.post("/api/v1/deactivations/receipt", &json!({ "receipt": receipt }))
            .await
            .expect("the portal accepts the deactivation receipt");
    }

    /// The serial numbers of the customer's licenses that hold a seat on `hostname`, as the
    /// portal's own customer API lists them.
    pub async fn serials_on(&self, customer: &DemoCustomer, hostname: &str) -> Vec<String> {
        let token = self.sign_in(customer).await;
        let licenses: Value = self
            .http
            .get(format!("{}/api/v1/me/licenses", self.url))
            .bearer_auth(token)
            .send()
            .await
            .expect("the licenses are listed")
            .json()
            .await
            .expect("the licenses are JSON");
        licenses
            .as_array()
            .expect("a list of licenses")
            .iter()
            .filter(|license| license["computers"].as_array().is_some_and(|c| c.iter().any(|c| c == hostname)))
            .filter_map(|license| license["serial"].as_str().map(str::to_owned))
            .collect()
    }

    /// What the customer does on the portal's Generate keys page (seed 002): signs in and
    /// turns the program's installation key into a registration key.
    pub async fn registration_key_for(&self, customer: &DemoCustomer, installation_key: &str) -> String {
        let token = self.sign_in(customer).await;
        let answer: Value = self
            .http
            .post(format!("{}/api/v1/registration-keys", self.url))
            .bearer_auth(token)
            .json(&json!({ "installation_key": installation_key }))
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .expect("the portal answers the installation key")
            .json()
            .await
            .expect("the answer is JSON");
        answer["registration_key"].as_str().unwrap_or_else(|| panic!("no registration key: {answer}")).to_owned()
    }

    async fn sign_in(&self, customer: &DemoCustomer) -> String {
        let session = self
            .post("/api/v1/session", &json!({ "email": customer.email, "order_reference": customer.orders[0] }))
            .await
            .expect("the customer signs in");
        session["token"].as_str().expect("a session token").to_owned()
    }

    async fn post(&self, path: &str, body: &Value) -> reqwest::Result<Value> {
        self.http.post(format!("{}{path}", self.url)).json(body).send().await?.error_for_status()?.json().await
    }
}

impl Drop for TestPortal {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// An address where nothing listens: the portal as a computer without network sees it.
pub fn unreachable_url() -> String {
    format!("http://127.0.0.1:{}", crate::free_port().expect("a free port"))
}
