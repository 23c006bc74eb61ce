//! A member of staff's one-time password link: `admin create-staff --link` creates them
//! without a password and prints the link; the link sets the password once (a mismatch is
//! refused and keeps the link), then answers 410; the password signs in, every older session
//! ends, and the event log says so. `admin staff-password-link` does the same for a forgotten
//! password. On both databases.

mod common;

use common::admin::{ok, run};
use common::staff::signed_in_staff;
use common::web::Visitor;
use common::{Db, TestPortal};
use reqwest::StatusCode;
use sqlx::Row as _;

const PASSWORD: &str = "a staff horse battery";

/// The path of the link `admin` printed on its last line.
fn link_path(portal: &TestPortal, printed: &str) -> String {
    let link = printed.lines().last().expect("a link").trim();
    let path = link.strip_prefix(portal.url.as_str()).unwrap_or_else(|| panic!("a link to the portal: {printed}"));
    assert!(path.starts_with("/admin/password/") && path.len() > 40, "a long token: {path}");
    path.to_owned()
}

/// Sets `password` (and `confirm`) through the link at `path`.
async fn set_password(portal: &TestPortal, path: &str, password: &str, confirm: &str) -> common::web::Page {
    let mut visitor = Visitor::new(&portal.url);
    let page = visitor.get(path).await;
    // A used link's page has no form: the session's token from the sign-in page.
    let form = if page.body.contains(r#"name="csrf""#) { page } else { visitor.get("/admin/login").await };
    visitor.post(path, &[("csrf", &form.csrf()), ("password", password), ("confirm", confirm)]).await
}

async fn links_set_passwords_once(portal: TestPortal) {
    // Created with a link: no password signs in yet.
    let email = "new.admin@acme.example";
    let printed = ok(
        &portal,
        &["create-staff", "--email", "New.Admin@acme.example", "--name", "Nadia", "--role", "admin", "--link"],
    )
    .await;
    assert!(printed.contains("new.admin@acme.example") && printed.contains("within a day"), "{printed}");
    let path = link_path(&portal, &printed);
    let mut stranger = Visitor::new(&portal.url);
    let form = stranger.get("/admin/login").await;
    let refused = stranger.post("/admin/login", &[("csrf", &form.csrf()), ("email", email), ("password", "")]).await;
    assert_ne!(refused.status, StatusCode::SEE_OTHER, "no password signs in");

    // The page names the account; a mismatch is refused and keeps the link working.
    let mut visitor = Visitor::new(&portal.url);
    let page = visitor.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(email), "the page names the account");
    let mismatch = set_password(&portal, &path, PASSWORD, "another horse battery").await;
    assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", mismatch.body);
    assert!(mismatch.body.contains(r#"id="problem""#));

    // The right pair sets it and sends them to sign in, with a word saying so.
    let set = set_password(&portal, &path, PASSWORD, PASSWORD).await;
    assert_eq!((set.status, set.location.as_deref()), (StatusCode::SEE_OTHER, Some("/admin/login?done=password")));
    let login = Visitor::new(&portal.url).get("/admin/login?done=password").await;
    assert!(login.body.contains(r#"id="done""#), "the sign-in page says the password is set");
    let mut nadia = signed_in_staff(&portal, email, PASSWORD).await;
    assert_eq!(nadia.get("/admin").await.status, StatusCode::OK);

    // Used: the link answers 410 and sets nothing.
    assert_eq!(Visitor::new(&portal.url).get(&path).await.status, StatusCode::GONE);
    let again = set_password(&portal, &path, "a third horse battery", "a third horse battery").await;
    assert_eq!(again.status, StatusCode::GONE);
    signed_in_staff(&portal, email, PASSWORD).await;

    // Forgotten: a new link, the old password works until it is used; then the old one does
    // not, and the session opened with it has ended.
    let printed = ok(&portal, &["staff-password-link", "--email", email]).await;
    let path = link_path(&portal, &printed);
    assert_eq!(nadia.get("/admin").await.status, StatusCode::OK, "still signed in before the link is used");
    let newer = "the newer staff password";
    let set = set_password(&portal, &path, newer, newer).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let ended = nadia.get("/admin").await;
    assert_eq!((ended.status, ended.location.as_deref()), (StatusCode::SEE_OTHER, Some("/admin/login")));
    let mut old = Visitor::new(&portal.url);
    let form = old.get("/admin/login").await;
    let refused = old.post("/admin/login", &[("csrf", &form.csrf()), ("email", email), ("password", PASSWORD)]).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "the old password no longer signs in");
    signed_in_staff(&portal, email, newer).await;

    // A link for nobody is refused; an unknown token is 410.
    let nobody = run(&portal, &["staff-password-link", "--email", "ghost@acme.example"]).await.expect_err("refused");
    assert!(nobody.starts_with("BAD_REQUEST") && nobody.contains("ghost@acme.example"), "{nobody}");
    let forged = format!("/admin/password/{}", "A".repeat(43));
    assert_eq!(Visitor::new(&portal.url).get(&forged).await.status, StatusCode::GONE);

    // The log: created by the shell, two passwords set by the member themself.
    let rows = sqlx::query("SELECT kind, actor FROM events WHERE subject = $1 ORDER BY at, id")
        .bind(email)
        .fetch_all(&portal.pool)
        .await
        .expect("events");
    let logged: Vec<(String, String)> = rows.iter().map(|r| (r.get("kind"), r.get("actor"))).collect();
    let actor = format!("staff:{email}");
    assert_eq!(
        logged,
        [
            ("staff_created".to_owned(), "cli".to_owned()),
            ("password_changed".to_owned(), actor.clone()),
            ("password_changed".to_owned(), actor),
        ]
    );
    // Only the hash of a token is kept.
    let token = path.rsplit('/').next().expect("a token");
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_password_links WHERE token_hash = $1")
        .bind(token)
        .fetch_one(&portal.pool)
        .await
        .expect("count");
    assert_eq!(stored, 0, "the token itself is not stored");
}

/// A portal whose sign-in budget the test's many sign-ins do not exhaust.
async fn roomy(db: Db) -> Option<TestPortal> {
    TestPortal::spawn_with(db, |config| config.sign_in_per_minute = 100).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn password_links_on_sqlite() {
    links_set_passwords_once(roomy(Db::Sqlite).await.expect("sqlite portal")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn password_links_on_postgres() {
    if let Some(portal) = roomy(Db::Postgres).await {
        links_set_passwords_once(portal).await;
    }
}
