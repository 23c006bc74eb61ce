//! Customer accounts on the pages: a vendor invites a person, who sets a password through the
//! mailed link and signs in with e-mail and password; password change, forgotten password,
//! single-use and expiring links, and no telling which addresses have accounts.

mod common;

use common::web::Visitor;
use reqwest::StatusCode;
use tessera_portal::cli::admin;
use tessera_portal::domain::{CustomerId, UserId};
use tessera_portal::mail::Mailer;
use tessera_portal::services::accounts;

const NORTHWIND: &str = "demo@northwind.example";
const PERSON: &str = "Anna.Berg@Northwind.example";
const PASSWORD: &str = "correct horse battery";

/// The `.eml` files of the portal's outbox, oldest first.
fn outbox(portal: &common::TestPortal) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(portal.dir.join("outbox")) else { return Vec::new() };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok());
    files.iter().map(|path| std::fs::read_to_string(path).expect("mail")).collect()
}

/// The outbox once it holds `count` mails (a reset link is mailed after the page answers).
async fn outbox_with(portal: &common::TestPortal, count: usize) -> Vec<String> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let mails = outbox(portal);
        if mails.len() >= count || tokio::time::Instant::now() > deadline {
            return mails;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// The outbox once the mail job has sent every queued mail (mail is queued, then sent).
async fn settled_outbox(portal: &common::TestPortal) -> Vec<String> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_queue WHERE status = 'queued'")
            .fetch_one(&portal.pool)
            .await
            .expect("the queue");
        if queued == 0 || tokio::time::Instant::now() > deadline {
            return outbox(portal);
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Undoes quoted-printable soft line breaks and `=XX` escapes (links are ASCII).
fn unquote(mail: &str) -> String {
    let joined = mail.replace("=\r\n", "").replace("=\n", "");
    let mut out = String::new();
    let mut rest = joined.as_str();
    while let Some(at) = rest.find('=') {
        out.push_str(&rest[..at]);
        match u8::from_str_radix(rest.get(at + 1..at + 3).unwrap_or(""), 16) {
            Ok(byte) => {
                out.push(char::from(byte));
                rest = &rest[at + 3..];
            }
            Err(_) => {
                out.push('=');
                rest = &rest[at + 1..];
            }
        }
    }
    out + rest
}

/// The path `/password/reset/<token>` of the link in a mail.
fn reset_path(mail: &str) -> String {
    let text = unquote(mail);
    let start = text.find("/password/reset/").expect("a reset link");
    text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || "/-_".contains(*c)).collect()
}

/// Invites PERSON for Northwind through the admin function; returns the link's path from the mail.
async fn invite(portal: &common::TestPortal) -> String {
    let mailer = Mailer::from_config(&portal.config).with_public_url(&portal.url);
    let printed = admin::add_user(&portal.pool, &mailer, NORTHWIND, PERSON).await.expect("user added");
    let mails = outbox_with(portal, 1).await;
    assert_eq!(mails.len(), 1, "one invitation");
    assert!(mails[0].contains("To: anna.berg@northwind.example"), "{}", mails[0]);
    let path = reset_path(&mails[0]);
    assert!(printed.contains(&format!("{}{path}", portal.url)), "the same link is printed: {printed}");
    path
}

/// Opens a link's page and sets `password` with it.
async fn set_password(visitor: &mut Visitor, path: &str, password: &str) -> common::web::Page {
    let form = visitor.get(path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    visitor.post(path, &[("csrf", &form.csrf()), ("password", password), ("confirm", password)]).await
}

/// Signs in with e-mail and password from the sign-in page.
async fn sign_in_with_password(visitor: &mut Visitor, email: &str, password: &str) -> common::web::Page {
    let form = visitor.get("/login").await;
    visitor.post("/login/password", &[("csrf", &form.csrf()), ("email", email), ("password", password)]).await
}

on_both_databases!(an_invited_person_sets_a_password_and_signs_in_with_it, |portal: common::TestPortal| async move {
    // Arrange
    let path = invite(&portal).await;
    let mut visitor = Visitor::new(&portal.url);

    // Act
    let set = set_password(&mut visitor, &path, PASSWORD).await;
    let home = visitor.get(set.location.as_deref().expect("signed in, home")).await;
    visitor.post("/logout", &[("csrf", &home.csrf())]).await;
    assert_eq!(visitor.get("/").await.location.as_deref(), Some("/login"), "signed out");
    let answer = sign_in_with_password(&mut visitor, "anna.berg@northwind.EXAMPLE", PASSWORD).await;

    // Assert
    assert_eq!((answer.status, answer.location.as_deref()), (StatusCode::SEE_OTHER, Some("/")), "{}", answer.body);
    let home = visitor.get("/").await;
    assert!(home.body.contains(&portal.demo.customers[0].activation_key), "Northwind's home page");
    assert!(home.body.contains("P30") && !home.body.contains("P71"), "only Northwind's licenses");
    assert!(home.body.contains("anna.berg@northwind.example"), "signed in as the person");
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM customer_users WHERE email = $1")
        .bind("anna.berg@northwind.example")
        .fetch_one(&portal.pool)
        .await
        .expect("hash");
    assert!(stored.starts_with("$argon2id$") && !stored.contains(PASSWORD), "an Argon2id PHC string");
});

#[tokio::test]
async fn a_wrong_password_and_an_unknown_account_get_the_same_message() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let path = invite(&portal).await;
    set_password(&mut Visitor::new(&portal.url), &path, PASSWORD).await;
    let mut visitor = Visitor::new(&portal.url);

    let wrong = sign_in_with_password(&mut visitor, PERSON, "not the password").await;
    let unknown = sign_in_with_password(&mut visitor, "nobody@northwind.example", PASSWORD).await;
    let customer_without_account = sign_in_with_password(&mut visitor, NORTHWIND, PASSWORD).await;

    for answer in [&wrong, &unknown, &customer_without_account] {
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.text_of("problem").as_deref(), Some("The e-mail address or the password is not correct."));
    }
    assert_eq!(visitor.get("/").await.location.as_deref(), Some("/login"), "not signed in");
}

#[tokio::test]
async fn a_reset_link_works_once_and_not_after_it_expires() {
    // Arrange
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let path = invite(&portal).await;
    let user: String = sqlx::query_scalar("SELECT id FROM customer_users").fetch_one(&portal.pool).await.expect("id");
    let expired = accounts::create_reset(&portal.pool, &UserId::new(user), -1).await.expect("an expired link");
    let mut visitor = Visitor::new(&portal.url);

    // Act
    let first = set_password(&mut visitor, &path, PASSWORD).await;
    let mut other = Visitor::new(&portal.url);
    let again = other.get(&path).await;
    let csrf = other.get("/login").await.csrf();
    let reused =
        other.post(&path, &[("csrf", &csrf), ("password", "another password"), ("confirm", "another password")]).await;
    let old = other.get(&format!("/password/reset/{expired}")).await;

    // Assert
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(again.status, StatusCode::GONE, "used once");
    assert_eq!(reused.status, StatusCode::GONE, "a second use is refused");
    assert!(reused.body.contains("This link no longer works"));
    assert_eq!(old.status, StatusCode::GONE, "expired");
    let posted = other
        .post(
            &format!("/password/reset/{expired}"),
            &[("csrf", &csrf), ("password", "another password"), ("confirm", "another password")],
        )
        .await;
    assert_eq!(posted.status, StatusCode::GONE, "expired, even posted");
    assert_eq!(sign_in_with_password(&mut other, PERSON, "another password").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(sign_in_with_password(&mut other, PERSON, PASSWORD).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_forgotten_password_answers_the_same_for_unknown_addresses_and_mails_only_accounts() {
    // Arrange
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    invite(&portal).await;
    let mut visitor = Visitor::new(&portal.url);
    let ask = async |visitor: &mut Visitor, email: &str| {
        let form = visitor.get("/password/forgot").await;
        visitor.post("/password/forgot", &[("csrf", &form.csrf()), ("email", email)]).await
    };

    // Act
    let unknown = ask(&mut visitor, "nobody@northwind.example").await;
    let known = ask(&mut visitor, PERSON).await;
    let mails = outbox_with(&portal, 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;

    // Assert
    assert_eq!(unknown.status, StatusCode::OK);
    assert_eq!(unknown.text_of("forgot-sent"), known.text_of("forgot-sent"), "the same answer");
    assert!(unknown.body.contains("If this address has an account, a message is on its way."));
    assert_eq!(mails.len(), 2, "the invitation, and a mail for the account");
    assert_eq!(settled_outbox(&portal).await.len(), 2, "no mail for the unknown address");
    let to_unknown: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_queue WHERE recipient = $1")
        .bind("nobody@northwind.example")
        .fetch_one(&portal.pool)
        .await
        .expect("the queue");
    assert_eq!(to_unknown, 0, "nothing queued for the unknown address");
    assert!(mails[1].contains("To: anna.berg@northwind.example"), "{}", mails[1]);
    let path = reset_path(&mails[1]);
    assert!(unquote(&mails[1]).contains("within one hour"));
    let set = set_password(&mut Visitor::new(&portal.url), &path, PASSWORD).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "the mailed link sets the password");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one() {
    // Arrange
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let path = invite(&portal).await;
    let mut visitor = Visitor::new(&portal.url);
    set_password(&mut visitor, &path, PASSWORD).await;
    let page = visitor.get("/account/password").await;
    assert_eq!(page.status, StatusCode::OK);
    let change = async |visitor: &mut Visitor, current: &str, new: &str, confirm: &str| {
        let csrf = visitor.get("/account/password").await.csrf();
        visitor
            .post(
                "/account/password",
                &[("csrf", &csrf), ("current", current), ("password", new), ("confirm", confirm)],
            )
            .await
    };

    // Act
    let wrong = change(&mut visitor, "not the password", "a brand new secret", "a brand new secret").await;
    let short = change(&mut visitor, PASSWORD, "short", "short").await;
    let different = change(&mut visitor, PASSWORD, "a brand new secret", "a brand new secreT").await;
    let changed = change(&mut visitor, PASSWORD, "a brand new secret", "a brand new secret").await;

    // Assert
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.text_of("problem").as_deref(), Some("The current password is not correct."));
    assert_eq!(short.text_of("problem").as_deref(), Some("The new password must have at least 10 characters."));
    assert_eq!(different.text_of("problem").as_deref(), Some("The two new passwords are not the same."));
    assert_eq!(changed.status, StatusCode::OK);
    assert_eq!(changed.text_of("password-done").as_deref(), Some("Your password has been changed."));
    let mut other = Visitor::new(&portal.url);
    assert_eq!(sign_in_with_password(&mut other, PERSON, PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(sign_in_with_password(&mut other, PERSON, "a brand new secret").await.status, StatusCode::SEE_OTHER);
    let by_order = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await.get("/account/password").await;
    assert_eq!(by_order.status, StatusCode::NOT_FOUND, "signed in by order number: no password to change");
    let logged: Vec<String> = sqlx::query_scalar(
        "SELECT after_state FROM events WHERE kind = 'password_changed' AND subject = $1 ORDER BY at, id",
    )
    .bind(PERSON.to_lowercase())
    .fetch_all(&portal.pool)
    .await
    .expect("events");
    assert_eq!(logged.len(), 2, "the invitation's password, then the change; the refusals none: {logged:?}");
    assert!(logged.iter().any(|a| a.contains("signed in")) && logged.iter().any(|a| a.contains("link")), "{logged:?}");
    assert!(logged.iter().all(|a| !a.contains("brand new")), "never the password");
}

#[tokio::test]
async fn the_account_forms_refuse_a_post_without_the_csrf_token() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let path = invite(&portal).await;
    let mut visitor = Visitor::new(&portal.url);
    visitor.get("/login").await;
    let forms: [(&str, &[(&str, &str)]); 4] = [
        ("/login/password", &[("email", PERSON), ("password", PASSWORD)]),
        ("/password/forgot", &[("email", PERSON)]),
        (&path, &[("password", PASSWORD), ("confirm", PASSWORD)]),
        ("/account/password", &[("current", PASSWORD), ("password", PASSWORD), ("confirm", PASSWORD)]),
    ];
    for (path, fields) in forms {
        assert_eq!(visitor.post(path, fields).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(settled_outbox(&portal).await.len(), 1, "no reset mail went out");
    assert_eq!(visitor.get(&path).await.status, StatusCode::OK, "the link still works");
}

#[tokio::test]
async fn a_forgotten_password_is_answered_without_waiting_for_a_stalled_mail_server() {
    // Arrange: an SMTP server that accepts connections and never says a word, as a stalled relay
    // does. Were the answer to wait for it, an account's address would answer later than an
    // unknown one, and the page would tell which addresses have accounts.
    let stalled = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a listener");
    let smtp = format!("smtp://{}", stalled.local_addr().expect("address"));
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((connection, _)) = stalled.accept().await {
            held.push(connection);
        }
    });
    let portal = common::TestPortal::spawn_with(common::Db::Sqlite, |config| config.smtp_url = Some(smtp))
        .await
        .expect("portal");
    let customer = sqlx::query_scalar::<_, String>("SELECT id FROM customers WHERE email = $1")
        .bind(NORTHWIND)
        .fetch_one(&portal.pool)
        .await
        .expect("Northwind");
    accounts::add_user(&portal.pool, &CustomerId::new(customer), PERSON).await.expect("an account");
    let mut visitor = Visitor::new(&portal.url);
    let form = visitor.get("/password/forgot").await;

    // Act: lettre would wait a minute for the server's greeting; the page must not.
    let answer = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        visitor.post("/password/forgot", &[("csrf", &form.csrf()), ("email", PERSON)]),
    )
    .await;

    // Assert
    let page = answer.expect("the page answers while the mail server is still silent");
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text_of("forgot-sent").is_some(), "{}", page.body);
}
