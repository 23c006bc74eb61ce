//! Named-user activation with a one-time code mailed to the address (issue #13), on SQLite and
//! PostgreSQL: the code arrives over a real SMTP server and activates a machine whose license
//! names the user; a wrong, a reused, an expired code and one tried too often are refused with
//! their codes; an address nobody registered is answered like a known one and mailed nothing;
//! code requests are rate-limited per address and per client address.

mod common;

use common::company::{PASSWORD, bind, invite_and_register, seat, subscriptions};
use common::smtp::{Received, SmtpServer};
use common::web::Visitor;
use common::{Db, TestMachine, TestPortal};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tessera_core::{ActivationKey, LicenseFile, LicensePayload};

const NORTHWIND: &str = "demo@northwind.example";
const NORTHWIND_ORDER: &str = "JWT11408";
const ANNA: &str = "anna.berg@northwind.example";
const NOBODY: &str = "nobody@northwind.example";
const SUBJECT: &str = "Your one-time code";

async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

async fn ask_code(portal: &TestPortal, email: &str) -> (StatusCode, Value) {
    json_of(portal.post("/api/v1/user-activations/codes", &json!({ "email": email })).await).await
}

async fn activate_with_code(
    portal: &TestPortal,
    machine: &TestMachine,
    email: &str,
    code: &str,
) -> (StatusCode, Value) {
    let body = json!({
        "email": email,
        "code": code,
        "request": machine.request(&ActivationKey::named_user()).to_string(),
    });
    json_of(portal.post("/api/v1/user-activations", &body).await).await
}

async fn license_of(portal: &TestPortal, body: &Value) -> LicensePayload {
    let file = LicenseFile::decode(body["license"].as_str().expect("a license")).expect("decodes");
    file.verify(&portal.trusted_keys().await).expect("signed by the portal")
}

/// The eight-digit code on a line of its own in a mail's text.
fn code_in(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|line| line.len() == 8 && line.bytes().all(|b| b.is_ascii_digit()))
        .expect("an eight-digit code on its own line")
        .to_owned()
}

/// A code different from `code`.
fn other_than(code: &str) -> String {
    if code == "11111111" { "22222222".into() } else { "11111111".into() }
}

async fn scalar(portal: &TestPortal, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&portal.pool).await.expect("a number")
}

/// Northwind's admin invites Anna, who registers with the link mailed (to the outbox, or over
/// `smtp`), and binds a seat of P30 to her (room for 3 users x 2 machines).
async fn anna_bound(portal: &TestPortal, smtp: Option<&SmtpServer>) {
    sqlx::query("UPDATE licenses SET max_machines = 6 WHERE serial = 'P30'")
        .execute(&portal.pool)
        .await
        .expect("room for 3 users x 2 machines");
    let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
    if let Some(smtp) = smtp {
        let company = admin.get("/company").await;
        let invited = admin.post("/company/invite", &[("csrf", &company.csrf()), ("email", ANNA)]).await;
        assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);
        let mail = Received::parse(&smtp.wait_for_subject("Your account on the Tessera customer portal", 1).await);
        let path = common::company::reset_path(&mail.text);
        let mut anna = Visitor::new(&portal.url);
        let form = anna.get(&path).await;
        let fields = [("csrf", form.csrf()), ("password", PASSWORD.into()), ("confirm", PASSWORD.into())];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(anna.post(&path, &fields).await.status, StatusCode::SEE_OTHER);
    } else {
        invite_and_register(portal, &mut admin, ANNA).await;
    }
    let list = subscriptions(&mut admin, "?q=P30").await;
    let free = seat(&list, "P30", "free");
    let page = bind(&mut admin, &free, ANNA).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
}

/// A portal on `db` whose mail goes to a fresh SMTP server; `None` when the server or
/// PostgreSQL is missing (said loudly).
async fn with_smtp(db: Db) -> Option<(TestPortal, SmtpServer)> {
    static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("tessera-smtp-codes-{}-{db:?}-{n}", std::process::id()));
    let smtp = SmtpServer::start(&dir)?;
    let url = smtp.url();
    let portal = TestPortal::spawn_with(db, |config| {
        config.smtp_url = Some(url);
        config.renewal_rounds = false;
        config.sign_in_per_minute = 100;
    })
    .await?;
    Some((portal, smtp))
}

async fn a_mailed_code_activates_once_and_an_unknown_address_reads_like_a_known_one(
    portal: TestPortal,
    smtp: SmtpServer,
) {
    // Arrange
    anna_bound(&portal, Some(&smtp)).await;
    let (first, second) = (TestMachine::new(401, "acme-ledger"), TestMachine::new(402, "acme-ledger"));

    // Act: codes asked for Anna and for an address nobody registered
    let (asked, asked_body) = ask_code(&portal, "Anna.Berg@Northwind.example").await;
    let (unknown, unknown_body) = ask_code(&portal, NOBODY).await;
    let mail = Received::parse(&smtp.wait_for_subject(SUBJECT, 1).await);
    let code = code_in(&mail.text);
    let (wrong, wrong_body) = activate_with_code(&portal, &first, ANNA, &other_than(&code)).await;
    let (nobody, nobody_body) = activate_with_code(&portal, &first, NOBODY, &code).await;
    let (status, body) = activate_with_code(&portal, &first, ANNA, &format!(" {} {} ", &code[..4], &code[4..])).await;
    let (reused, reused_body) = activate_with_code(&portal, &second, ANNA, &code).await;

    // Assert
    assert_eq!(asked, StatusCode::ACCEPTED, "{asked_body}");
    assert_eq!(asked_body, json!({ "minutes": 10, "tries": 5 }));
    assert_eq!((unknown, unknown_body), (asked, asked_body), "an unknown address is answered the same");
    assert_eq!(mail.to, ANNA);
    assert!(mail.text.contains("10 minutes"), "{}", mail.text);
    assert!(!mail.subject.contains(&code), "the subject never holds the code: {}", mail.subject);
    assert_eq!((wrong, wrong_body["code"].clone()), (StatusCode::UNAUTHORIZED, json!("USER_CODE_WRONG")));
    assert_eq!((nobody, nobody_body.clone()), (wrong, wrong_body), "an unknown address reads like a wrong code");
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["user"], json!(ANNA));
    let license = license_of(&portal, &body).await;
    assert_eq!(license.user.as_deref(), Some(ANNA), "the license file names the user");
    assert_eq!(license.fingerprint, first.fingerprint().digest());
    assert_eq!(
        (reused, reused_body["code"].clone()),
        (StatusCode::UNAUTHORIZED, json!("USER_CODE_EXPIRED")),
        "{reused_body}"
    );
    assert_eq!(reused_body["args"]["minutes"], json!(10));
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let codes_mailed: Vec<String> = smtp
        .received()
        .iter()
        .map(|raw| Received::parse(raw))
        .filter(|m| m.subject.starts_with(SUBJECT))
        .map(|m| m.to)
        .collect();
    assert_eq!(codes_mailed, [ANNA], "nothing went to the unknown address");
    assert_eq!(scalar(&portal, "SELECT COUNT(*) FROM mail_queue WHERE kind = 'user_code'").await, 1);
    let body_kept: Option<String> = sqlx::query_scalar("SELECT body_text FROM mail_queue WHERE kind = 'user_code'")
        .fetch_one(&portal.pool)
        .await
        .expect("the mail's row");
    assert!(!body_kept.unwrap_or_default().contains(&code), "the code does not stay in the queue once sent");
    assert_eq!(scalar(&portal, "SELECT COUNT(*) FROM user_codes").await, 2, "a code for each address asked");
}

mod a_mailed_code_activates_once {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_sqlite() {
        if let Some((portal, smtp)) = with_smtp(Db::Sqlite).await {
            a_mailed_code_activates_once_and_an_unknown_address_reads_like_a_known_one(portal, smtp).await;
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn on_postgres() {
        if let Some((portal, smtp)) = with_smtp(Db::Postgres).await {
            a_mailed_code_activates_once_and_an_unknown_address_reads_like_a_known_one(portal, smtp).await;
        }
    }
}

/// A portal whose mail stays in its outbox folder, sign-ins not in the way.
async fn with_outbox(db: Db) -> Option<TestPortal> {
    TestPortal::spawn_with(db, |config| {
        config.renewal_rounds = false;
        config.sign_in_per_minute = 100;
    })
    .await
}

macro_rules! on_both_databases_with_outbox {
    ($name:ident) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                super::$name(with_outbox(Db::Sqlite).await.expect("sqlite portal")).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                if let Some(portal) = with_outbox(Db::Postgres).await {
                    super::$name(portal).await;
                }
            }
        }
    };
}

/// The code of the `nth` (from 1) code mail to Anna in the outbox.
async fn outbox_code(portal: &TestPortal, nth: usize) -> String {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let mails: Vec<String> = common::company::outbox(portal)
            .into_iter()
            .filter(|m| m.contains(&format!("To: {ANNA}")) && m.contains(SUBJECT))
            .collect();
        if mails.len() >= nth {
            return code_in(&mails[nth - 1]);
        }
        assert!(tokio::time::Instant::now() < deadline, "no code mail {nth} in the outbox");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn an_expired_code_and_one_tried_too_often_are_void(portal: TestPortal) {
    // Arrange
    anna_bound(&portal, None).await;
    let machine = TestMachine::new(411, "acme-ledger");
    assert_eq!(ask_code(&portal, ANNA).await.0, StatusCode::ACCEPTED);
    let first = outbox_code(&portal, 1).await;

    // Act: five wrong tries, then the right code
    let mut tries = Vec::new();
    for _ in 0..5 {
        tries.push(activate_with_code(&portal, &machine, ANNA, &other_than(&first)).await.1["code"].clone());
    }
    let (spent, spent_body) = activate_with_code(&portal, &machine, ANNA, &first).await;
    // A new code, its ten minutes over
    assert_eq!(ask_code(&portal, ANNA).await.0, StatusCode::ACCEPTED);
    let second = outbox_code(&portal, 2).await;
    sqlx::query("UPDATE user_codes SET expires_at = created_at - 1").execute(&portal.pool).await.expect("expired");
    let (late, late_body) = activate_with_code(&portal, &machine, ANNA, &second).await;
    // And a third, in time, replacing the second
    assert_eq!(ask_code(&portal, ANNA).await.0, StatusCode::ACCEPTED);
    let third = outbox_code(&portal, 3).await;
    let (in_time, in_time_body) = activate_with_code(&portal, &machine, ANNA, &third).await;

    // Assert
    assert_eq!(tries, vec![json!("USER_CODE_WRONG"); 5]);
    assert_eq!((spent, spent_body["code"].clone()), (StatusCode::UNAUTHORIZED, json!("USER_CODE_EXPIRED")));
    assert_eq!((late, late_body["code"].clone()), (StatusCode::UNAUTHORIZED, json!("USER_CODE_EXPIRED")));
    assert!(late_body["message"].as_str().unwrap_or_default().contains("Ask for a new code"), "{late_body}");
    assert_eq!(in_time, StatusCode::CREATED, "{in_time_body}");
    assert_eq!(scalar(&portal, "SELECT COUNT(*) FROM machines WHERE seat_id IS NOT NULL").await, 1);
}

on_both_databases_with_outbox!(an_expired_code_and_one_tried_too_often_are_void);

async fn a_refusal_leaves_the_code_usable(portal: TestPortal) {
    // Arrange: Anna registered, no seat bound yet
    sqlx::query("UPDATE licenses SET max_machines = 6 WHERE serial = 'P30'").execute(&portal.pool).await.expect("room");
    let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
    invite_and_register(&portal, &mut admin, ANNA).await;
    let machine = TestMachine::new(421, "acme-ledger");
    assert_eq!(ask_code(&portal, ANNA).await.0, StatusCode::ACCEPTED);
    let code = outbox_code(&portal, 1).await;

    // Act
    let (refused, refused_body) = activate_with_code(&portal, &machine, ANNA, &code).await;
    let list = subscriptions(&mut admin, "?q=P30").await;
    let free = seat(&list, "P30", "free");
    assert_eq!(bind(&mut admin, &free, ANNA).await.status, StatusCode::OK);
    let (status, body) = activate_with_code(&portal, &machine, ANNA, &code).await;
    let both = portal
        .post(
            "/api/v1/user-activations",
            &json!({ "email": ANNA, "password": "x", "code": code, "request": machine.request(&ActivationKey::named_user()).to_string() }),
        )
        .await;

    // Assert
    assert_eq!((refused, refused_body["code"].clone()), (StatusCode::FORBIDDEN, json!("NO_SEAT")));
    assert_eq!(refused_body["args"]["product"], json!("Acme Ledger"), "{refused_body}");
    assert_eq!(status, StatusCode::CREATED, "the refusal did not spend the code: {body}");
    assert_eq!(both.status(), StatusCode::BAD_REQUEST, "a password and a code together are refused");
}

on_both_databases_with_outbox!(a_refusal_leaves_the_code_usable);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn code_requests_are_rate_limited_per_address_and_per_client_address() {
    // Arrange: one portal where sign-ins do not get in the way, one allowing 3 a minute
    let roomy = with_outbox(Db::Sqlite).await.expect("sqlite portal");
    let tight = TestPortal::spawn_with(Db::Sqlite, |config| config.sign_in_per_minute = 3).await.expect("portal");

    // Act
    let mut per_address = Vec::new();
    for _ in 0..6 {
        per_address.push(ask_code(&roomy, NOBODY).await.0);
    }
    let other = ask_code(&roomy, "someone.else@northwind.example").await.0;
    let mut per_client = Vec::new();
    for n in 0..4 {
        per_client.push(ask_code(&tight, &format!("person{n}@northwind.example")).await.0);
    }

    // Assert
    let accepted = StatusCode::ACCEPTED;
    assert_eq!(per_address, [accepted, accepted, accepted, accepted, accepted, StatusCode::TOO_MANY_REQUESTS]);
    assert_eq!(other, accepted, "another address has its own count");
    assert_eq!(per_client, [accepted, accepted, accepted, StatusCode::TOO_MANY_REQUESTS]);
}
