//! A partner's client company that is a customer, over HTTP with mail received by a real SMTP
//! server, on both databases (#13 Part B, "exactly like Part A"): a client created with its
//! administrator's e-mail through the Partner API makes a customer company whose admin is invited
//! (in the seller's language), registers, sees the term's seats and binds one; a renewal is a
//! second license whose seats take the same users in one click. An existing company's admin links
//! the client to it (and is told); a company's user, a company linked to another seller's client,
//! or another admin for a linked client are refused with nothing done; a reseller cannot name the
//! admin of another reseller's client nor see it; a term cancelled before it starts voids its
//! license.

mod common;

use common::TestMachine;
use common::admin::ok;
use common::company::{bind, reset_path, rows, subscriptions};
use common::smtp::{Received, SmtpServer};
use common::web::Visitor;
use common::{Db, TestPortal};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tessera_core::{ActivationKey, LicenseFile};
use tessera_portal::domain::{Actor, CustomerId};
use tessera_portal::services::{accounts, partner_clients, pools, seats};
use tessera_portal::store::seats::Filter;

const PASSWORD: &str = "correct horse battery";

/// A portal on `db` whose mail goes to a fresh SMTP server; `None` when either is missing.
async fn portal(db: Db) -> Option<(TestPortal, SmtpServer)> {
    static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("tessera-smtp-client-co-{}-{db:?}-{n}", std::process::id()));
    let smtp = SmtpServer::start(&dir)?;
    let url = smtp.url();
    let portal = TestPortal::spawn_with(db, |config| {
        config.smtp_url = Some(url);
        config.renewal_rounds = false;
    })
    .await?;
    Some((portal, smtp))
}

macro_rules! on_both_databases_with_smtp {
    ($name:ident) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                if let Some((portal, smtp)) = portal(Db::Sqlite).await {
                    super::$name(portal, smtp).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                if let Some((portal, smtp)) = portal(Db::Postgres).await {
                    super::$name(portal, smtp).await;
                }
            }
        }
    };
}

/// The first mail to `to` whose subject is `subject`, waiting for it.
async fn mail(smtp: &SmtpServer, to: &str, subject: &str) -> Received {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let found =
            smtp.received().iter().map(|raw| Received::parse(raw)).find(|m| m.to.contains(to) && m.subject == subject);
        if let Some(found) = found {
            return found;
        }
        assert!(tokio::time::Instant::now() < deadline, "no mail to {to} with subject {subject:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// A partner with resellers North (French) and South, each with a Partner API token and 30
/// license-years of acme-ledger.
struct Sellers {
    north: String,
    north_token: String,
    south: String,
    south_token: String,
}

async fn token(portal: &TestPortal, organisation: &str) -> String {
    let created = ok(portal, &["pool", "token", "create", organisation, "erp"]).await;
    created.lines().last().expect("the token").trim().to_owned()
}

async fn sellers(portal: &TestPortal) -> Sellers {
    let db = &portal.pool;
    let partner = pools::create_partner(db, "Contoso Partners").await.expect("partner");
    let north = pools::create_reseller(db, &partner, "North Reseller").await.expect("reseller");
    let south = pools::create_reseller(db, &partner, "South Reseller").await.expect("reseller");
    ok(portal, &["pool", "contact", "--organisation", &north, "--email", "desk@north.example", "--language", "fr"])
        .await;
    pools::grant(db, &Actor::cli(), &partner, "JWT19", "acme-ledger", 100).await.expect("grant");
    pools::transfer(db, &Actor::cli(), &partner, &north, "acme-ledger", 30).await.expect("transfer");
    pools::transfer(db, &Actor::cli(), &partner, &south, "acme-ledger", 30).await.expect("transfer");
    Sellers { north_token: token(portal, &north).await, south_token: token(portal, &south).await, north, south }
}

/// A Partner API call; the status and the JSON answer.
async fn call(
    portal: &TestPortal,
    token: &str,
    method: Method,
    path: &str,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut request = portal.client.request(method, format!("{}{path}", portal.url)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("a JSON answer"))
}

async fn count(portal: &TestPortal, sql: &str, bind: &str) -> i64 {
    sqlx::query_scalar(sql).bind(bind).fetch_one(&portal.pool).await.expect("count")
}

/// The license a client term became.
async fn license_of(portal: &TestPortal, term_id: &str) -> String {
    sqlx::query_scalar("SELECT id FROM licenses WHERE client_term_id = $1")
        .bind(term_id)
        .fetch_one(&portal.pool)
        .await
        .expect("the term's license")
}

/// The balance of `organisation`'s acme-ledger pool.
async fn balance(portal: &TestPortal, organisation: &str) -> i64 {
    sqlx::query_scalar("SELECT balance FROM license_pools WHERE organisation_id = $1 AND product_id = 'acme-ledger'")
        .bind(organisation)
        .fetch_one(&portal.pool)
        .await
        .expect("the pool")
}

on_both_databases_with_smtp!(a_new_client_company_is_invited_binds_its_seats_and_carries_them_to_the_renewal);

async fn a_new_client_company_is_invited_binds_its_seats_and_carries_them_to_the_renewal(
    portal: TestPortal,
    smtp: SmtpServer,
) {
    // Arrange
    let s = sellers(&portal).await;
    let body = json!({ "name": "Initech", "product": "acme-ledger", "users": 3, "years": 1,
                       "admin_email": "Boss@Initech.example" });

    // Act: North creates the client with its administrator's e-mail
    let (status, created) = call(&portal, &s.north_token, Method::POST, "/api/v1/partner/clients", Some(&body)).await;

    // Assert: a customer company of the client's name, its admin invited in North's French
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["admin_email"], "boss@initech.example");
    let client = created["client_id"].as_str().expect("id").to_owned();
    let company: String = sqlx::query_scalar("SELECT company FROM customers WHERE email = 'boss@initech.example'")
        .fetch_one(&portal.pool)
        .await
        .expect("a customer company");
    assert_eq!(company, "Initech");
    assert_eq!(count(&portal, "SELECT COUNT(*) FROM events WHERE kind = $1", "client_linked").await, 1);
    let invitation = mail(&smtp, "boss@initech.example", "Votre compte sur le portail client Tessera").await;
    let (_, list) = call(&portal, &s.north_token, Method::GET, "/api/v1/partner/clients", None).await;
    assert_eq!(list["clients"][0]["admin_email"], "boss@initech.example", "{list}");

    // Act: the admin registers through the mailed link (which signs them in)
    let path = reset_path(&invitation.text);
    let mut boss = Visitor::new(&portal.url);
    let form = boss.get(&path).await;
    assert!(form.body.contains("boss@initech.example"), "the address filled in: {}", form.body);
    let set = boss.post(&path, &[("csrf", &form.csrf()), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);

    // Assert: Subscription management shows the term's three seats, free; the admin binds one
    let page = subscriptions(&mut boss, "").await;
    let first = rows(&page);
    assert_eq!(first.len(), 3, "{}", page.body);
    assert!(first.iter().all(|(_, _, status)| status == "free"), "{first:?}");
    assert!(
        page.body.contains(r#"<span class="seller">from North Reseller</span>"#),
        "the Order column names the seller"
    );
    let bound = bind(&mut boss, &first[0].0, "boss@initech.example").await;
    assert_eq!(bound.status, StatusCode::OK, "{}", bound.body);
    assert!(rows(&bound).iter().any(|(id, _, status)| id == &first[0].0 && status == "bound"), "{}", bound.body);

    // Act: the admin activates the product on a computer as the named user of that seat
    let machine = TestMachine::new(71, "acme-ledger");
    let request = machine.request(&ActivationKey::named_user()).to_string();
    let activation = json!({ "email": "boss@initech.example", "password": PASSWORD, "request": request });
    let answer = portal.post("/api/v1/user-activations", &activation).await;

    // Assert: a license file of the term's license, ending with the term
    let status = answer.status();
    let answer: Value = answer.json().await.expect("json");
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let file = LicenseFile::decode(answer["license"].as_str().expect("a license")).expect("decodes");
    let license = file.verify(&portal.trusted_keys().await).expect("signed by the portal");
    assert_eq!(license.users, 3, "the term's users");
    let ends = created["ends_on"].as_str().expect("end");
    let expires = license.expires.map(|t| chrono::DateTime::from_timestamp(t.unix(), 0).expect("a time").date_naive());
    assert_eq!(expires.map(|d| d.format("%Y-%m-%d").to_string()).as_deref(), Some(ends), "{license:?}");

    // Act: North renews the client for a year
    let renewals = format!("/api/v1/partner/clients/{client}/renewals");
    let (status, renewed) = call(&portal, &s.north_token, Method::POST, &renewals, Some(&json!({ "years": 1 }))).await;
    assert_eq!(status, StatusCode::CREATED, "{renewed}");

    // Assert: a second license of three seats, not started until the first term ends
    let page = subscriptions(&mut boss, "").await;
    let all = rows(&page);
    assert_eq!(all.len(), 6, "{}", page.body);
    assert_eq!(all.iter().filter(|(_, _, status)| status == "not_started").count(), 3, "{all:?}");
    let second = license_of(&portal, renewed["term_id"].as_str().expect("term")).await;

    // Act: Bind the same users as last term
    let preview = boss.get(&format!("/company/licenses/{second}/carry")).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("boss@initech.example"), "{}", preview.body);
    let carried = boss.post(&format!("/company/licenses/{second}/carry"), &[("csrf", &preview.csrf())]).await;

    // Assert: the admin has a seat of each term
    assert_eq!(carried.status, StatusCode::OK, "{}", carried.body);
    let bound: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM seats s JOIN customer_users u ON u.id = s.user_id WHERE u.email = 'boss@initech.example'",
    )
    .fetch_one(&portal.pool)
    .await
    .expect("seats");
    assert_eq!(bound, 2, "one seat of each term");
    assert_eq!(count(&portal, "SELECT COUNT(*) FROM events WHERE kind = $1", "seat_bound").await, 2);
}

on_both_databases_with_smtp!(an_existing_company_is_linked_once_and_refusals_change_nothing);

async fn an_existing_company_is_linked_once_and_refusals_change_nothing(portal: TestPortal, smtp: SmtpServer) {
    // Arrange: Acme Corp is a customer (its buyer admin@acme.example) with a user, the clerk
    let db = &portal.pool;
    let s = sellers(&portal).await;
    let args = ["add-customer", "--company", "Acme Corp", "--email", "admin@acme.example", "--country", "BG"];
    ok(&portal, &[&args[..], &["--city", "Sofia"]].concat()).await;
    let acme_customer: String = sqlx::query_scalar("SELECT id FROM customers WHERE email = 'admin@acme.example'")
        .fetch_one(db)
        .await
        .expect("Acme");
    let acme_customer = CustomerId::new(acme_customer);
    let clerk = accounts::add_user(db, &acme_customer, "clerk@acme.example").await.expect("clerk");
    sqlx::query("UPDATE customer_users SET role = 'user' WHERE id = $1")
        .bind(clerk.as_str())
        .execute(db)
        .await
        .expect("a user of the company");
    let body = json!({ "name": "Acme Corp", "product": "acme-ledger", "users": 4, "years": 1 });
    let (_, acme) = call(&portal, &s.north_token, Method::POST, "/api/v1/partner/clients", Some(&body)).await;
    let acme = acme["client_id"].as_str().expect("id").to_owned();
    let admin_path = format!("/api/v1/partner/clients/{acme}/admin");

    // A company's user is not its administrator: refused, nothing linked
    let (status, refused) =
        call(&portal, &s.north_token, Method::PUT, &admin_path, Some(&json!({ "email": "clerk@acme.example" }))).await;
    assert_eq!((status, refused["code"].as_str()), (StatusCode::CONFLICT, Some("NOT_COMPANY_ADMIN")), "{refused}");
    let (status, refused) =
        call(&portal, &s.north_token, Method::PUT, &admin_path, Some(&json!({ "email": "not an address" }))).await;
    assert_eq!((status, refused["code"].as_str()), (StatusCode::BAD_REQUEST, Some("BAD_REQUEST")), "{refused}");
    assert_eq!(count(&portal, "SELECT COUNT(*) FROM licenses WHERE customer_id = $1", acme_customer.as_str()).await, 0);

    // South cannot name the admin of North's client, nor see it
    let (status, _) =
        call(&portal, &s.south_token, Method::PUT, &admin_path, Some(&json!({ "email": "admin@acme.example" }))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Act: North names the company's buyer
    let (status, linked) =
        call(&portal, &s.north_token, Method::PUT, &admin_path, Some(&json!({ "email": "Admin@Acme.example" }))).await;

    // Assert: linked, no invitation, the term is the company's license of 4 seats
    assert_eq!(status, StatusCode::OK, "{linked}");
    assert_eq!((linked["invited"].as_bool(), linked["licenses"].as_i64()), (Some(false), Some(1)), "{linked}");
    let page = seats::page(db, &acme_customer, &Filter::default(), None).await.expect("seats");
    assert_eq!(page.rows.len(), 4, "the term's users are the company's seats");
    let told = mail(&smtp, "admin@acme.example", "North Reseller now manages licenses for Acme Corp").await;
    assert!(told.text.contains("Subscription management"), "the company learns who links it: {}", told.text);
    assert_eq!(count(&portal, "SELECT COUNT(*) FROM customers WHERE company = $1", "Acme Corp").await, 1);
    let (_, south_list) = call(&portal, &s.south_token, Method::GET, "/api/v1/partner/clients", None).await;
    assert!(!south_list.to_string().contains("acme.example"), "South sees nothing of it: {south_list}");

    // The same admin again changes nothing; another admin is refused
    let (status, again) =
        call(&portal, &s.north_token, Method::PUT, &admin_path, Some(&json!({ "email": "admin@acme.example" }))).await;
    assert_eq!((status, again["licenses"].as_i64()), (StatusCode::OK, Some(0)), "{again}");
    let (status, refused) =
        call(&portal, &s.north_token, Method::PUT, &admin_path, Some(&json!({ "email": "boss@other.example" }))).await;
    assert_eq!((status, refused["code"].as_str()), (StatusCode::CONFLICT, Some("CLIENT_HAS_ADMIN")), "{refused}");

    // A bulk renewal of the linked client is a second license of the company
    let today = chrono::Utc::now().date_naive();
    let renewal = partner_clients::Renewal { years: 1, users: Some(2), product: None };
    partner_clients::renew_many(db, &Actor::cli(), &s.north, &[(acme.as_str(), renewal)], today)
        .await
        .expect("renewed");
    let users: Vec<i64> = sqlx::query_scalar(
        "SELECT users FROM licenses WHERE customer_id = $1 AND client_term_id IS NOT NULL ORDER BY issued_at",
    )
    .bind(acme_customer.as_str())
    .fetch_all(db)
    .await
    .expect("licenses");
    assert_eq!(users, [4, 2], "a license per term, of its users");

    // South creating a client of the same company is refused, with nothing taken or created
    let before = (
        balance(&portal, &s.south).await,
        count(&portal, "SELECT COUNT(*) FROM organisations WHERE kind = $1", "client").await,
    );
    let body = json!({ "name": "Acme Again", "product": "acme-ledger", "users": 2, "years": 1,
                       "admin_email": "admin@acme.example" });
    let (status, refused) = call(&portal, &s.south_token, Method::POST, "/api/v1/partner/clients", Some(&body)).await;
    assert_eq!((status, refused["code"].as_str()), (StatusCode::CONFLICT, Some("CLIENT_ALREADY_LINKED")), "{refused}");
    let after = (
        balance(&portal, &s.south).await,
        count(&portal, "SELECT COUNT(*) FROM organisations WHERE kind = $1", "client").await,
    );
    assert_eq!(after, before, "nothing taken or created");
    assert_eq!(count(&portal, "SELECT COUNT(*) FROM events WHERE kind = $1", "client_linked").await, 1);

    // A term cancelled before it starts voids its license: revoked, its seats gone
    let later = (chrono::Utc::now().date_naive() + chrono::Days::new(10)).format("%Y-%m-%d").to_string();
    let body = json!({ "name": "Later Ltd", "product": "acme-ledger", "users": 2, "years": 1, "starts_on": later,
                       "admin_email": "it@later.example" });
    let (status, created) = call(&portal, &s.north_token, Method::POST, "/api/v1/partner/clients", Some(&body)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    mail(&smtp, "it@later.example", "Votre compte sur le portail client Tessera").await;
    let term = created["term_id"].as_str().expect("term").to_owned();
    let license = license_of(&portal, &term).await;
    let later_customer: String = sqlx::query_scalar("SELECT customer_id FROM licenses WHERE id = $1")
        .bind(&license)
        .fetch_one(db)
        .await
        .expect("customer");
    let later_customer = CustomerId::new(later_customer);
    let page = seats::page(db, &later_customer, &Filter::default(), None).await.expect("seats");
    assert_eq!(page.rows.len(), 2);
    partner_clients::cancel_term(db, &Actor::cli(), &s.north, &term, today).await.expect("cancelled");
    let status: String = sqlx::query_scalar("SELECT status FROM licenses WHERE id = $1")
        .bind(&license)
        .fetch_one(db)
        .await
        .expect("status");
    assert_eq!(status, "revoked");
    let page = seats::page(db, &later_customer, &Filter::default(), None).await.expect("seats");
    assert_eq!(page.rows.len(), 0, "no seats of a cancelled term");
}
