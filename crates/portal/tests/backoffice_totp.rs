//! The back office's second factor (RFC 6238 codes): a member of staff turns it on with a code
//! of the key the page shows, then signs in in two steps (the password, then a code, bound to
//! the browser for five minutes; a code never taken twice), turns it off with a code; the shell
//! turns it off for a lost phone. Each change is in the event log. On both databases.

mod common;

use std::time::{SystemTime, UNIX_EPOCH};

use common::staff::{create_staff, signed_in_staff};
use common::web::{Page, Visitor};
use common::{Db, TestPortal};
use reqwest::StatusCode;
use sqlx::Row as _;
use tessera_portal::domain::totp::{STEP_SECONDS, code_at};

const PASSWORD: &str = "staff horse battery";

/// The 30-second step the portal is in now.
fn step_now() -> i64 {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_secs();
    i64::try_from(now).expect("a time") / STEP_SECONDS
}

/// The code an authenticator app shows for `secret` at `step`.
fn code(secret: &str, step: i64) -> String {
    code_at(secret, step).expect("a base32 key")
}

/// A code no step near now gives (each step's code differs from it, so it is wrong for sure).
fn wrong_code(secret: &str, step: i64) -> String {
    (0..1_000_000)
        .map(|n| format!("{n:06}"))
        .find(|c| (step - 3..=step + 3).all(|s| code(secret, s) != *c))
        .expect("a wrong code")
}

/// Turns enrolment on: the page shows the key and its otpauth address; returns the key.
async fn start_enrolment(staff: &mut Visitor, email: &str) -> String {
    let page = staff.get("/admin/account/two-factor").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text_of("two-factor-state").map(|s| s.contains("off")), Some(true), "{:.300}", page.body);
    let started = staff.post("/admin/account/two-factor/start", &[("csrf", &page.csrf())]).await;
    assert_eq!(started.location.as_deref(), Some("/admin/account/two-factor"));
    let page = staff.get("/admin/account/two-factor").await;
    let secret = page.text_of("two-factor-secret").expect("the key is shown");
    assert_eq!(secret.len(), 32, "160 bits in base32: {secret}");
    assert_eq!(
        page.text_of("two-factor-uri").map(|uri| uri.replace("&#38;", "&")).as_deref(),
        Some(format!("otpauth://totp/Tessera:{email}?secret={secret}&issuer=Tessera").as_str())
    );
    secret
}

async fn post_code(visitor: &mut Visitor, path: &str, code: &str) -> Page {
    let form = visitor.get("/admin/account/two-factor").await;
    visitor.post(path, &[("csrf", &form.csrf()), ("code", code)]).await
}

/// The password step: the code page, and no back-office session yet.
async fn password_step(portal: &TestPortal, email: &str) -> Visitor {
    let mut visitor = Visitor::new(&portal.url);
    let form = visitor.get("/admin/login").await;
    let answer =
        visitor.post("/admin/login", &[("csrf", &form.csrf()), ("email", email), ("password", PASSWORD)]).await;
    assert_eq!(answer.status, StatusCode::OK, "{:.400}", answer.body);
    assert!(answer.body.contains(r#"action="/admin/login/code""#), "the code is asked: {:.400}", answer.body);
    assert!(!answer.body.contains(r#"name="password""#), "the password is not asked again");
    assert!(answer.set_cookies.iter().all(|c| !c.starts_with("tessera_session=")), "{:?}", answer.set_cookies);
    assert_eq!(visitor.get("/admin").await.location.as_deref(), Some("/admin/login"), "not signed in yet");
    visitor
}

async fn code_step(visitor: &mut Visitor, code: &str) -> Page {
    let form = visitor.get("/admin/login").await;
    visitor.post("/admin/login/code", &[("csrf", &form.csrf()), ("code", code)]).await
}

async fn events_of(portal: &TestPortal, subject: &str) -> Vec<(String, String, String)> {
    sqlx::query("SELECT kind, actor, COALESCE(after_state, '') AS after FROM events WHERE subject = $1 ORDER BY at, id")
        .bind(subject)
        .fetch_all(&portal.pool)
        .await
        .expect("events")
        .iter()
        .map(|row| (row.get("kind"), row.get("actor"), row.get("after")))
        .filter(|(kind, _, _): &(String, String, String)| kind.starts_with("staff_two_factor"))
        .collect()
}

async fn second_factor_on_and_off(portal: TestPortal) {
    // Arrange: a member of staff signed in with the password alone.
    let email = "boss@acme.example";
    assert!(create_staff(&portal, email, "admin", PASSWORD).0);
    let mut boss = signed_in_staff(&portal, email, PASSWORD).await;
    assert!(boss.get("/admin").await.body.contains(r#"href="/admin/account/two-factor""#), "the menu links it");

    // Enrolment: a wrong code leaves it off; a code of the shown key turns it on, logged.
    let secret = start_enrolment(&mut boss, email).await;
    let start = step_now();
    let refused = post_code(&mut boss, "/admin/account/two-factor/confirm", &wrong_code(&secret, start)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.text_of("notice").is_some(), "the page says why");
    assert!(events_of(&portal, email).await.is_empty(), "nothing turned on");
    let page = boss.get("/admin/account/two-factor").await;
    assert_eq!(page.text_of("two-factor-state").map(|s| s.contains("off")), Some(true));
    let on = post_code(&mut boss, "/admin/account/two-factor/confirm", &code(&secret, start)).await;
    assert_eq!(on.location.as_deref(), Some("/admin/account/two-factor?done=on"), "{:.400}", on.body);
    let page = boss.get("/admin/account/two-factor?done=on").await;
    assert_eq!(page.text_of("two-factor-state").map(|s| s.contains(" on")), Some(true), "{:.400}", page.body);
    assert!(page.text_of("two-factor-secret").is_none(), "the key is never shown again");
    let logged = events_of(&portal, email).await;
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!((logged[0].0.as_str(), logged[0].1.as_str()), ("staff_two_factor_on", "staff:boss@acme.example"));
    assert!(!logged[0].2.contains(&secret), "the key is not in the log");

    // Sign out; the password alone no longer signs in.
    let form = boss.get("/admin").await;
    boss.post("/admin/logout", &[("csrf", &form.csrf())]).await;
    let mut browser = password_step(&portal, email).await;
    let wrong = code_step(&mut browser, &wrong_code(&secret, start + 1)).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let says = wrong.text_of("problem").expect("a message");
    assert!(!says.to_lowercase().contains("password"), "{says}");
    assert_eq!(browser.get("/admin").await.location.as_deref(), Some("/admin/login"));
    // The next step's code (a phone a little ahead, or time moved on): signed in.
    let signed_in = code_step(&mut browser, &code(&secret, start + 1)).await;
    assert_eq!(
        (signed_in.status, signed_in.location.as_deref()),
        (StatusCode::SEE_OTHER, Some("/admin")),
        "{:.400}",
        signed_in.body
    );
    assert!(signed_in.set_cookies.iter().any(|c| c.starts_with("tessera_session=") && c.contains("Max-Age=14400")));
    assert_eq!(browser.get("/admin").await.status, StatusCode::OK);

    // The same code again, on a second sign-in: refused (replay), with the same words.
    let mut again = password_step(&portal, email).await;
    let replay = code_step(&mut again, &code(&secret, start + 1)).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    assert_eq!(replay.text_of("problem"), Some(says.clone()));
    assert_eq!(again.get("/admin").await.location.as_deref(), Some("/admin/login"));

    // The half sign-in is bound to its browser: another one has nothing to answer.
    let mut stranger = Visitor::new(&portal.url);
    let elsewhere = code_step(&mut stranger, &code(&secret, start + 2)).await;
    assert_eq!(elsewhere.status, StatusCode::UNAUTHORIZED);
    assert!(elsewhere.body.contains(r#"name="password""#), "back to the password form");

    // An expired half sign-in (older than five minutes) is refused even with a right code.
    let mut late = password_step(&portal, email).await;
    sqlx::query("UPDATE staff_sign_ins SET expires_at = expires_at - 301").execute(&portal.pool).await.expect("aged");
    let expired = code_step(&mut late, &code(&secret, start + 2)).await;
    assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
    assert!(expired.body.contains(r#"name="password""#), "back to the password form");
    assert_ne!(expired.text_of("problem"), Some(says.clone()), "it says the sign-in expired");
    assert_eq!(late.get("/admin").await.location.as_deref(), Some("/admin/login"));
    // Housekeeping deletes the expired half sign-in.
    let expired_rows = "SELECT COUNT(*) FROM staff_sign_ins WHERE expires_at <= $1";
    let now = tessera_portal::store::now();
    let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql).bind(now).fetch_one(&portal.pool);
    assert_ne!(count(expired_rows).await.expect("counted"), 0, "the aged half sign-ins are kept until purged");
    tessera_portal::jobs::housekeeping::purge(&portal.pool, now).await.expect("the purge runs");
    assert_eq!(count(expired_rows).await.expect("counted"), 0);

    // Turning off needs a code: a wrong one leaves it on.
    let refused = post_code(&mut browser, "/admin/account/two-factor/off", &wrong_code(&secret, start)).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(events_of(&portal, email).await.len(), 1, "still on");

    // The shell turns it off (a lost phone), logged; the password alone signs in again.
    let out = common::admin::ok(&portal, &["staff-reset-2fa", "--email", "Boss@Acme.example"]).await;
    assert!(out.contains("is off"), "{out}");
    let again = common::admin::ok(&portal, &["staff-reset-2fa", "--email", email]).await;
    assert!(again.contains("nothing changed"), "{again}");
    let unknown = common::admin::run(&portal, &["staff-reset-2fa", "--email", "nobody@acme.example"]).await;
    assert!(unknown.is_err(), "{unknown:?}");
    let logged = events_of(&portal, email).await;
    assert_eq!(
        logged.iter().map(|e| (e.0.as_str(), e.1.as_str())).collect::<Vec<_>>(),
        [("staff_two_factor_on", "staff:boss@acme.example"), ("staff_two_factor_off", "cli")]
    );
    signed_in_staff(&portal, email, PASSWORD).await;

    // A member of staff turns theirs off with a current code.
    let email = "help@acme.example";
    assert!(create_staff(&portal, email, "support", PASSWORD).0);
    let mut help = signed_in_staff(&portal, email, PASSWORD).await;
    let secret = start_enrolment(&mut help, email).await;
    let start = step_now();
    let on = post_code(&mut help, "/admin/account/two-factor/confirm", &code(&secret, start)).await;
    assert_eq!(on.location.as_deref(), Some("/admin/account/two-factor?done=on"));
    let used = post_code(&mut help, "/admin/account/two-factor/off", &code(&secret, start)).await;
    assert_eq!(used.status, StatusCode::BAD_REQUEST, "the confirming code is taken already");
    let off = post_code(&mut help, "/admin/account/two-factor/off", &code(&secret, start + 1)).await;
    assert_eq!(off.location.as_deref(), Some("/admin/account/two-factor?done=off"), "{:.400}", off.body);
    let page = help.get("/admin/account/two-factor?done=off").await;
    assert_eq!(page.text_of("two-factor-state").map(|s| s.contains("off")), Some(true));
    let logged = events_of(&portal, email).await;
    assert_eq!(
        logged.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["staff_two_factor_on", "staff_two_factor_off"]
    );
    signed_in_staff(&portal, email, PASSWORD).await;
}

/// A portal whose sign-in budget the test's many sign-ins from one address do not exhaust.
async fn roomy(db: Db) -> Option<TestPortal> {
    TestPortal::spawn_with(db, |config| config.sign_in_per_minute = 100).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn second_factor_on_sqlite() {
    second_factor_on_and_off(roomy(Db::Sqlite).await.expect("sqlite portal")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn second_factor_on_postgres() {
    if let Some(portal) = roomy(Db::Postgres).await {
        second_factor_on_and_off(portal).await;
    }
}

/// Wrong codes spend the same budget as wrong passwords: the sixth try within the minute is
/// throttled, even a right code.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn wrong_codes_are_throttled_like_wrong_passwords() {
    let portal = TestPortal::spawn_with(Db::Sqlite, |config| config.sign_in_per_minute = 5).await.expect("portal");
    let email = "boss@acme.example";
    assert!(create_staff(&portal, email, "admin", PASSWORD).0);
    let mut boss = signed_in_staff(&portal, email, PASSWORD).await; // 1
    let secret = start_enrolment(&mut boss, email).await;
    let start = step_now();
    let on = post_code(&mut boss, "/admin/account/two-factor/confirm", &code(&secret, start)).await; // 2
    assert_eq!(on.location.as_deref(), Some("/admin/account/two-factor?done=on"));
    let mut browser = password_step(&portal, email).await; // 3
    for _ in 0..2 {
        assert_eq!(code_step(&mut browser, &wrong_code(&secret, start)).await.status, StatusCode::UNAUTHORIZED); // 4, 5
    }
    let throttled = code_step(&mut browser, &code(&secret, start + 1)).await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS, "{:.300}", throttled.body);
    assert_eq!(browser.get("/admin").await.location.as_deref(), Some("/admin/login"));
}
