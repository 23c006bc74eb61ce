//! A signed-in customer sees and changes only their own things: every page, detail, order, license
//! file and deactivation of another customer is "not found" and shows none of their data; a form
//! without the session's CSRF token is refused and changes nothing.

mod common;

use common::TestMachine;
use common::web::Visitor;
use reqwest::StatusCode;
use tessera_core::ActivationKey;

async fn license_id(portal: &common::TestPortal, serial: &str) -> String {
    sqlx::query_scalar("SELECT id FROM licenses WHERE serial = $1")
        .bind(serial)
        .fetch_one(&portal.pool)
        .await
        .expect("id")
}

async fn machines_of(portal: &common::TestPortal, license: &str) -> (i64, i64) {
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM machines WHERE license_id = $1")
        .bind(license)
        .fetch_one(&portal.pool)
        .await
        .expect("count");
    let used: i64 = sqlx::query_scalar("SELECT used_machines FROM licenses WHERE id = $1")
        .bind(license)
        .fetch_one(&portal.pool)
        .await
        .expect("used");
    (rows, used)
}

/// Activates machine `n` with `key` and returns its id.
async fn activate(portal: &common::TestPortal, n: u32, key: &str) -> String {
    let machine = TestMachine::new(n, "acme-ledger");
    let key = ActivationKey::parse(key).expect("key");
    let response = portal.post("/api/v1/activations", &machine.activation_body(&key)).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{}", response.text().await.unwrap_or_default());
    sqlx::query_scalar("SELECT id FROM machines WHERE hostname = $1")
        .bind(format!("PC-{n:04}"))
        .fetch_one(&portal.pool)
        .await
        .expect("machine id")
}

on_both_databases!(another_customers_pages_and_actions_are_not_found, |portal: common::TestPortal| async move {
    // Arrange: Contoso (B) has a machine on its license P71; Northwind (A) signs in.
    let contoso = portal.demo.customers[1].clone();
    let b_machine = activate(&portal, 60, &contoso.activation_key).await;
    let b_license = license_id(&portal, "P71").await;
    let a_license = license_id(&portal, "P65").await;
    let mut a = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT11408").await;
    let b_data = ["P71", "JWT20417", "Contoso", "PC-0060", "Torino", "Giulia", "Romano", "it@contoso.example"];
    // B's manager, telephone and contract price (seed 002's profile and contracts).
    let b_data =
        [&b_data[..], &["Marco Bianchi", "+39 011 561 2290", "390115612290", "€42.75", "Monthly support"]].concat();
    let b_secrets: Vec<&str> = b_data.iter().copied().chain([contoso.activation_key.as_str()]).collect();
    let leaks = |body: &str| b_secrets.iter().filter(|s| body.contains(*s)).copied().collect::<Vec<_>>();

    // Act and assert: by URL.
    for path in [
        format!("/licenses/{b_license}"),
        format!("/licenses/{b_license}?deactivated=1"),
        format!("/licenses/{b_license}/machines/{b_machine}/license-file"),
        format!("/licenses/{a_license}/machines/{b_machine}/license-file"),
        format!("/licenses/{a_license}/machines/mch_none/license-file"),
        "/orders/JWT20417".to_owned(),
        "/orders/jwt20417".to_owned(),
    ] {
        let page = a.get(&path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.body.contains("Page not found"), "{path}: the not-found page");
        assert_eq!(leaks(&page.body), Vec::<&str>::new(), "{path} leaks B's data");
    }
    for path in [
        "/",
        "/?page=2&supports=2",
        "/orders",
        "/orders?page=2",
        "/keys",
        "/offline",
        "/profile",
        "/contracts",
        "/contracts?page=2",
        "/news",
        &format!("/licenses/{a_license}"),
    ] {
        let page = a.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(leaks(&page.body), Vec::<&str>::new(), "{path} shows B's data");
    }

    // The profile and contract values above are B's indeed: B's own pages show them.
    let mut b = Visitor::signed_in(&portal.url, &contoso.email, "JWT20417").await;
    let (b_profile, b_contracts) = (b.get("/profile").await.body, b.get("/contracts").await.body);
    assert!(b_profile.contains("Marco Bianchi") && b_profile.contains("+39 011 561 2290"), "B's profile");
    assert!(b_contracts.contains("€42.75") && b_contracts.contains("Monthly support"), "B's contract");

    // By form, with A's valid CSRF token: B's machine through B's license and through A's own.
    let csrf = a.get("/").await.csrf();
    for path in [
        format!("/licenses/{b_license}/machines/{b_machine}/deactivate"),
        format!("/licenses/{a_license}/machines/{b_machine}/deactivate"),
    ] {
        let page = a.post(&path, &[("csrf", &csrf)]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(leaks(&page.body), Vec::<&str>::new(), "{path} leaks B's data");
    }
    assert_eq!(machines_of(&portal, &b_license).await, (1, 1), "B's machine keeps its seat");
});

on_both_databases!(
    a_form_without_the_csrf_token_is_refused_and_changes_nothing,
    |portal: common::TestPortal| async move {
        // Arrange
        let key = portal.demo.customers[0].activation_key.clone();
        let machine = activate(&portal, 70, &key).await;
        let license = license_id(&portal, "P65").await;
        let mut visitor = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;
        let deactivate = format!("/licenses/{license}/machines/{machine}/deactivate");
        let csrf = visitor.get("/").await.csrf();

        // Act and assert
        for (fields, why) in [
            (vec![], "no token"),
            (vec![("csrf", "")], "an empty token"),
            (vec![("csrf", "forged-token-of-the-right-length-0000000000")], "a forged token"),
            (vec![("csrf", &csrf[..csrf.len() - 1])], "a token cut short"),
        ] {
            let page = visitor.post(&deactivate, &fields).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "deactivate with {why}");
            assert!(page.body.contains("Request refused"), "{why}: the refusal page");
            assert_eq!(machines_of(&portal, &license).await, (1, 1), "{why}: the machine keeps its seat");
            let page = visitor.post("/logout", &fields).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "sign out with {why}");
        }
        assert_eq!(visitor.get("/").await.status, StatusCode::OK, "still signed in");
        let mut stranger = Visitor::new(&portal.url);
        let page = stranger.post("/login", &[("email", "demo@northwind.example"), ("order", "JWT19")]).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "a sign-in form from elsewhere");

        // With the token, the same form works.
        let page = visitor.post(&deactivate, &[("csrf", &csrf)]).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert_eq!(machines_of(&portal, &license).await, (0, 0), "the seat is free");
    }
);
