//! The partner console's People page and forgotten password (#13 Part B) over HTTP against a
//! real portal, on both databases: a reseller's person invites a colleague, who sets a password
//! through the mailed link and signs in; a taken address is refused; the colleague is disabled
//! (their open session ends, they sign in no more); nobody disables themselves or another
//! organisation's person; a forgotten password is mailed a link for a known, enabled address
//! only, with the same answer for every address.

mod common;

use common::company::{mail_to, outbox};
use common::web::{Page, Visitor};
use reqwest::StatusCode;
use tessera_portal::domain::Email;
use tessera_portal::services::{partner_staff, pools};
use tessera_portal::store::Pool;

const PASSWORD: &str = "correct horse battery staple";
const NEW_PASSWORD: &str = "another horse battery staple";

async fn sign_in(url: &str, email: &str, password: &str) -> (Visitor, Page) {
    let mut visitor = Visitor::new(url);
    let form = visitor.get("/partner/login").await;
    let csrf = form.csrf();
    let answer = visitor.post("/partner/login", &[("csrf", &csrf), ("email", email), ("password", password)]).await;
    (visitor, answer)
}

async fn signed_in(url: &str, email: &str, password: &str) -> Visitor {
    let (visitor, answer) = sign_in(url, email, password).await;
    assert_eq!(answer.location.as_deref(), Some("/partner"), "{email} signs in: {}", answer.body);
    visitor
}

async fn person_id(db: &Pool, email: &str) -> String {
    sqlx::query_scalar("SELECT id FROM partner_staff WHERE email = $1").bind(email).fetch_one(db).await.expect("id")
}

/// The `/partner/password/<token>` path of a mailed link.
fn link_path(mail: &str) -> String {
    let at = mail.find("/partner/password/").expect("a console link in the mail");
    mail[at..].split(|c: char| c.is_whitespace()).next().expect("the link").to_owned()
}

/// Sets `password` through a link: where the page sends the person.
async fn set_password(url: &str, path: &str, password: &str) -> Option<String> {
    let mut visitor = Visitor::new(url);
    let form = visitor.get(path).await;
    assert_eq!(form.status, StatusCode::OK, "the link opens: {}", form.body);
    let csrf = form.csrf();
    let set = visitor.post(path, &[("csrf", &csrf), ("password", password), ("confirm", password)]).await;
    set.location
}

on_both_databases!(people_are_invited_and_disabled, |portal: common::TestPortal| async move {
    // Arrange: partner Contoso with Anna, its reseller North with Nick.
    let db = &portal.pool;
    let partner = pools::create_partner(db, "Contoso Partners").await.expect("partner");
    let north = pools::create_reseller(db, &partner, "North Reseller").await.expect("north");
    partner_staff::create_with_password(db, &partner, "anna@contoso-partners.example", PASSWORD).await.expect("anna");
    partner_staff::create_with_password(db, &north, "nick@north.example", PASSWORD).await.expect("nick");
    let mut nick = signed_in(&portal.url, "nick@north.example", PASSWORD).await;

    // The page lists North's people only, Nick marked as himself and without Disable.
    let people = nick.get("/partner/people").await;
    assert_eq!(people.status, StatusCode::OK, "{}", people.body);
    assert!(people.body.contains("nick@north.example") && people.body.contains("(you)"), "{}", people.body);
    assert!(!people.body.contains("anna@contoso-partners.example"), "another organisation's person");
    let nick_id = person_id(db, "nick@north.example").await;
    assert!(!people.body.contains(&format!("/partner/people/{nick_id}/disable")), "no Disable beside oneself");

    // Nick invites Olga: the page says so, the mail carries her link, she sets a password.
    let invited =
        nick.post("/partner/people/invite", &[("csrf", &people.csrf()), ("email", " Olga@North.example ")]).await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER, "{}", invited.body);
    let after = nick.get(invited.location.as_deref().expect("back to the page")).await;
    assert!(after.text_of("notice").is_some_and(|n| n.contains("olga@north.example is invited")), "{}", after.body);
    let olga_id = person_id(db, "olga@north.example").await;
    assert!(after.body.contains(&format!(r#"id="person-{olga_id}" data-state="invited""#)), "{}", after.body);
    let mail = mail_to(&portal, "olga@north.example", "Tessera partner console").await;
    assert!(mail.contains("within one day"), "{mail}");
    let path = link_path(&mail);
    assert_eq!(set_password(&portal.url, &path, PASSWORD).await.as_deref(), Some("/partner/login?done=password"));
    let mut olga = signed_in(&portal.url, "olga@north.example", PASSWORD).await;
    assert_eq!(olga.get("/partner").await.status, StatusCode::OK);

    // An address that has a console account already is refused, nothing mailed.
    let mails = outbox(&portal).len();
    let taken = nick
        .post("/partner/people/invite", &[("csrf", &after.csrf()), ("email", "anna@contoso-partners.example")])
        .await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.text_of("problem").is_some_and(|p| p.contains("already has an account")), "{}", taken.body);
    let bad = nick.post("/partner/people/invite", &[("csrf", &after.csrf()), ("email", "not an address")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Nobody disables themselves, nor another organisation's person.
    let myself = nick.post(&format!("/partner/people/{nick_id}/disable"), &[("csrf", &after.csrf())]).await;
    assert_eq!(myself.status, StatusCode::CONFLICT);
    let anna_id = person_id(db, "anna@contoso-partners.example").await;
    let other = nick.post(&format!("/partner/people/{anna_id}/disable"), &[("csrf", &after.csrf())]).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND, "another organisation's person is not North's to disable");
    signed_in(&portal.url, "anna@contoso-partners.example", PASSWORD).await;

    // Nick disables Olga: her open session ends, she signs in no more, the page says Disabled.
    let disabled = nick.post(&format!("/partner/people/{olga_id}/disable"), &[("csrf", &after.csrf())]).await;
    assert_eq!(disabled.status, StatusCode::SEE_OTHER, "{}", disabled.body);
    let after = nick.get(disabled.location.as_deref().expect("back")).await;
    assert!(after.body.contains(&format!(r#"id="person-{olga_id}" data-state="disabled""#)), "{}", after.body);
    assert_eq!(olga.get("/partner").await.location.as_deref(), Some("/partner/login"), "her session ended");
    let (_, refused) = sign_in(&portal.url, "olga@north.example", PASSWORD).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(outbox(&portal).len(), mails, "the refusals mailed nothing");

    // The vendor disables Nick from the shell; a second time there is no one to disable.
    let said = common::admin::ok(&portal, &["pool", "staff-disable", &north, "Nick@North.example"]).await;
    assert!(said.starts_with("nick@north.example no longer signs in"), "{said}");
    assert_eq!(nick.get("/partner/people").await.location.as_deref(), Some("/partner/login"), "his session ended");
    let again = common::admin::run(&portal, &["pool", "staff-disable", &north, "nick@north.example"]).await;
    assert!(again.expect_err("already disabled").starts_with("BAD_REQUEST"));
});

on_both_databases!(a_forgotten_password_is_mailed_a_link, |portal: common::TestPortal| async move {
    // Arrange: North's Nick, and Olga disabled.
    let db = &portal.pool;
    let partner = pools::create_partner(db, "Contoso Partners").await.expect("partner");
    let north = pools::create_reseller(db, &partner, "North Reseller").await.expect("north");
    partner_staff::create_with_password(db, &north, "nick@north.example", PASSWORD).await.expect("nick");
    partner_staff::create_with_password(db, &north, "olga@north.example", PASSWORD).await.expect("olga");
    let nick = partner_staff::by_email(db, &Email::normalized("nick@north.example")).await;
    let nick = nick.expect("read").expect("nick");
    let olga = person_id(db, "olga@north.example").await;
    partner_staff::disable(db, &nick, &olga).await.expect("disables").expect("allowed");
    let mut visitor = Visitor::new(&portal.url);
    let login = visitor.get("/partner/login").await;
    assert!(login.body.contains(r#"href="/partner/password/forgot""#), "the sign-in page offers it");

    // Act: the same question for Nick, an unknown address and Olga.
    let mut answers = Vec::new();
    for email in ["nick@north.example", "nobody@north.example", "olga@north.example"] {
        let form = visitor.get("/partner/password/forgot").await;
        assert_eq!(form.status, StatusCode::OK);
        answers.push(visitor.post("/partner/password/forgot", &[("csrf", &form.csrf()), ("email", email)]).await);
    }

    // Assert: one answer for all; Nick's link, working an hour, sets a new password.
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::OK);
        assert_eq!(answer.text_of("forgot-sent"), answers[0].text_of("forgot-sent"), "the same answer");
    }
    assert!(answers[0].body.contains(r#"href="/partner/login""#), "back to the console's sign-in");
    let mail = mail_to(&portal, "nick@north.example", "new password for the Tessera partner console").await;
    assert!(mail.contains("within one hour"), "{mail}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_queue WHERE recipient <> $1")
        .bind("nick@north.example")
        .fetch_one(db)
        .await
        .expect("the queue");
    assert_eq!(queued, 0, "nothing for the unknown address nor the disabled person");
    let path = link_path(&mail);
    assert_eq!(set_password(&portal.url, &path, NEW_PASSWORD).await.as_deref(), Some("/partner/login?done=password"));
    signed_in(&portal.url, "nick@north.example", NEW_PASSWORD).await;
    let (_, old) = sign_in(&portal.url, "nick@north.example", PASSWORD).await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED, "the old password no longer works");
    let again = Visitor::new(&portal.url).get(&path).await;
    assert_eq!(again.status, StatusCode::GONE, "the link works once");
    assert!(again.body.contains(r#"href="/partner/password/forgot""#), "and offers to ask for another");
});
