//! The customer's pages (seed 000): sign-in with e-mail and order number, the home page with the
//! activation key and both tables, license details, orders, languages, cookies and throttling.

mod common;

use common::TestMachine;
use common::web::Visitor;
use reqwest::StatusCode;

const NORTHWIND: &str = "demo@northwind.example";

on_both_databases!(signing_in_shows_the_activation_key_and_both_tables, |portal: common::TestPortal| async move {
    // Arrange
    let machine = TestMachine::new(50, "acme-ledger");
    portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await;
    let mut visitor = Visitor::new(&portal.url);
    assert_eq!(visitor.get("/").await.location.as_deref(), Some("/login"), "signed out: sent to sign in");

    // Act
    let answer = visitor.sign_in("Demo@Northwind.example", " JWT18 ").await;
    let home = visitor.get(answer.location.as_deref().unwrap_or("?")).await;

    // Assert
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Your activation key is:"));
    assert!(home.body.contains(&portal.demo.customers[0].activation_key));
    for text in ["Licenses", "Serial number / Computer", "Supports", "Duration (years)", "Acme Ledger", "PC-0050"] {
        assert!(home.body.contains(text), "home shows {text}");
    }
    let serials: Vec<usize> = ["P30", "P65", "P24"].iter().map(|s| home.body.find(s).expect(s)).collect();
    assert!(serials.is_sorted(), "newest first");
    assert!(!home.body.contains("P71"), "only Northwind's licenses");
});

on_both_databases!(a_wrong_order_number_is_refused_with_a_clear_message, |portal: common::TestPortal| async move {
    let mut visitor = Visitor::new(&portal.url);
    let answer = visitor.sign_in(NORTHWIND, "JWT20417").await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "another customer's order");
    assert!(answer.body.contains("No customer has that e-mail address and order number"));
    assert!(answer.body.contains(r#"value="demo@northwind.example""#), "the e-mail is kept");
    assert_eq!(visitor.get("/").await.location.as_deref(), Some("/login"), "not signed in");
});

on_both_databases!(
    deactivating_a_machine_from_its_license_page_frees_the_seat,
    |portal: common::TestPortal| async move {
        // Arrange
        let machine = TestMachine::new(51, "acme-ledger");
        portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await;
        let license: String = sqlx::query_scalar("SELECT id FROM licenses WHERE serial = 'P65'")
            .fetch_one(&portal.pool)
            .await
            .expect("P65");
        let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
        let details = visitor.get(&format!("/licenses/{license}")).await;
        assert!(details.body.contains("PC-0051") && details.body.contains("1 / 5"), "{}", details.body);
        let end = details.body.find("/deactivate\"").expect("a deactivate form");
        let action = details.body[..end].rsplit('"').next().expect("action").to_owned() + "/deactivate";

        // Act
        let answer = visitor.post(&action, &[("csrf", &details.csrf())]).await;

        // Assert
        assert_eq!(answer.status, StatusCode::SEE_OTHER);
        let after = visitor.get(answer.location.as_deref().expect("back to the license")).await;
        assert!(after.body.contains("The computer has been deactivated."));
        assert!(!after.body.contains("PC-0051") && after.body.contains("0 / 5"));
        let response = portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await;
        assert_eq!(response.status(), StatusCode::CREATED, "the machine can activate again");
    }
);

on_both_databases!(orders_show_details_contacts_and_exact_totals, |portal: common::TestPortal| async move {
    let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
    let orders = visitor.get("/orders").await;
    for text in ["Northwind Traders", "France", "Lyon", "Camille", "Durand", "JWT11408", "€2,988.00", "€899.00"] {
        assert!(orders.body.contains(text), "orders show {text}");
    }
    let order = visitor.get("/orders/JWT19").await;
    for text in ["Order JWT19", "LED-ENT-10", "Acme Ledger Enterprise, 10 users", "€2,490.00", "€498.00", "€2,988.00"]
    {
        assert!(order.body.contains(text), "order shows {text}");
    }
    assert!(order.body.contains(" UTC</time>"), "date and time");
    visitor.get("/lang/fr?next=/orders/JWT19").await;
    let order = visitor.get("/orders/JWT19").await;
    assert!(order.body.contains("2\u{202F}988,00\u{A0}€"), "French money");
    assert!(order.body.contains("Articles de la commande"));
});

#[tokio::test]
async fn the_language_follows_the_browser_and_the_switcher_sticks() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let mut visitor = Visitor::new(&portal.url);
    visitor.accept_language = "it-IT,it;q=0.9,en;q=0.5".into();
    assert!(visitor.get("/login").await.body.contains("Portale clienti"), "Italian from Accept-Language");

    let switched = visitor.get("/lang/bg?next=/login").await;
    assert_eq!(switched.location.as_deref(), Some("/login"));
    assert!(visitor.get("/login").await.body.contains("Клиентски портал"), "Bulgarian from the switcher");
    let answer = visitor.sign_in(NORTHWIND, "JWT19").await;
    let home = visitor.get(answer.location.as_deref().expect("home")).await;
    assert!(home.body.contains("Вашият ключ за активиране е:"), "the choice survives signing in");
    assert!(home.body.contains("\u{A0}г.</time>"), "Bulgarian dates");

    let csrf = home.csrf();
    visitor.post("/logout", &[("csrf", &csrf)]).await;
    assert!(visitor.get("/login").await.body.contains("Клиентски портал"), "and signing out");
    let elsewhere = visitor.get("/lang/ru?next=https://evil.example/").await;
    assert_eq!(elsewhere.location.as_deref(), Some("/"), "never sent to another site");
    assert_eq!(visitor.get("/lang/de").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn tables_are_paginated_ten_rows_a_page() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    for n in 0..12 {
        let license = portal.add_license(&format!("PX{n:02}"), 1).await;
        sqlx::query("UPDATE licenses SET customer_id = (SELECT id FROM customers WHERE email = $1) WHERE id = $2")
            .bind(NORTHWIND)
            .bind(&license)
            .execute(&portal.pool)
            .await
            .expect("move to Northwind");
    }
    let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
    // The Licenses table's Details buttons; the Supports table's lead to the page's #support.
    let rows = |body: &str| {
        body.matches(r#"<a class="button small" href="/licenses/"#).count()
            - body.matches(r##"#support" aria-label="##).count()
    };
    let first = visitor.get("/").await;
    assert_eq!(rows(&first.body), 10);
    assert!(first.body.contains("Page 1 of 2") && first.body.contains(r#"href="/?page=2&#38;supports=1""#));
    let second = visitor.get("/?page=2").await;
    assert_eq!(rows(&second.body), 5, "15 licenses");
    assert!(second.body.contains("Page 2 of 2"));
    assert_eq!(rows(&visitor.get("/?page=99").await.body), 5, "past the end: the last page");
    assert_eq!(rows(&visitor.get("/?page=-3").await.body), 10, "before the start: the first page");
}

#[tokio::test]
async fn the_session_cookie_is_http_only_same_site_and_secure_behind_https() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let client = reqwest::Client::new();
    let plain = client.get(format!("{}/login", portal.url)).send().await.expect("request");
    let cookie = plain.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(cookie.starts_with("tessera_session=") && cookie.contains("; HttpOnly; SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain http: {cookie}");
    let proxied =
        client.get(format!("{}/login", portal.url)).header("x-forwarded-proto", "https").send().await.expect("request");
    assert!(proxied.headers()["set-cookie"].to_str().expect("ascii").ends_with("; Secure"));
    let csp = plain.headers()["content-security-policy"].to_str().expect("ascii");
    assert!(csp.contains("frame-ancestors 'none'"));
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM web_sessions WHERE token_hash = $1")
        .bind(cookie.split(['=', ';']).nth(1).expect("token"))
        .fetch_one(&portal.pool)
        .await
        .expect("count");
    assert_eq!(stored, 0, "only the token's hash is stored");
}

#[tokio::test]
async fn sign_in_is_rate_limited_with_a_localised_message() {
    let portal =
        common::TestPortal::spawn_with(common::Db::Sqlite, |c| c.sign_in_per_minute = 2).await.expect("portal");
    let mut visitor = Visitor::new(&portal.url);
    visitor.accept_language = "fr-FR".into();
    for _ in 0..2 {
        assert_eq!(visitor.sign_in(NORTHWIND, "JWT1").await.status, StatusCode::UNAUTHORIZED);
    }
    let throttled = visitor.sign_in(NORTHWIND, "JWT19").await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS, "even with the right order number");
    assert!(throttled.body.contains("Trop de tentatives. Veuillez patienter"), "{}", throttled.body);
}

on_both_databases!(order_numbers_are_matched_whatever_their_case_and_spaces, |portal: common::TestPortal| async move {
    for typed in ["jwt19", "JWT 19", " Jwt 19 "] {
        // The pages' sign-in, the API's sign-in and the order's own page.
        let mut visitor = Visitor::new(&portal.url);
        let answer = visitor.sign_in(NORTHWIND, typed).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "web sign-in with {typed:?}: {}", answer.body);
        let order = visitor.get(&format!("/orders/{}", typed.trim().replace(' ', "%20"))).await;
        assert_eq!(order.status, StatusCode::OK, "/orders/{typed}");
        assert!(order.body.contains("JWT19"), "the order page of {typed:?} shows JWT19");
        let session =
            portal.post("/api/v1/session", &serde_json::json!({"email": NORTHWIND, "order_reference": typed})).await;
        assert_eq!(session.status(), StatusCode::OK, "API sign-in with {typed:?}");
    }
});

on_both_databases!(
    a_nul_in_the_sign_in_form_shows_the_form_again_naming_the_field,
    |portal: common::TestPortal| async move {
        let mut visitor = Visitor::new(&portal.url);
        let answer = visitor.sign_in(NORTHWIND, "JWT\u{0}19").await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
        assert!(answer.body.contains("The field Order number contains characters"), "{}", answer.body);
        assert!(answer.body.contains(r#"name="order""#), "the form is shown again");
        let forgot = visitor.get("/password/forgot").await;
        let csrf = forgot.csrf();
        let answer = visitor.post("/password/forgot", &[("csrf", &csrf), ("email", "a\u{0}@b.example")]).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
        assert!(answer.body.contains(r#"name="email""#), "the form is shown again");
    }
);

on_both_databases!(unknown_addresses_answer_a_page_and_the_api_answers_json, |portal: common::TestPortal| async move {
    let mut visitor = Visitor::new(&portal.url);
    let page = visitor.get("/nope").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.content_type.as_deref().is_some_and(|c| c.starts_with("text/html")), "{:?}", page.content_type);
    assert!(page.body.contains("Page not found"), "{}", page.body);
    let api = visitor.get("/api/v1/nope").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    let body: serde_json::Value = serde_json::from_str(&api.body).expect("JSON under /api/");
    assert_eq!(body["code"], "NOT_FOUND");
    let icon = visitor.get("/favicon.ico").await;
    assert_eq!((icon.status, icon.content_type.as_deref()), (StatusCode::OK, Some("image/svg+xml")), "a favicon");
    assert!(icon.body.starts_with("<svg"));
});

#[tokio::test]
async fn the_supports_table_names_the_computers_and_has_a_details_action_as_in_seed_000() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let machine = common::TestMachine::new(90, "acme-ledger");
    let activated = portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await;
    assert_eq!(activated.status(), StatusCode::CREATED);
    let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
    let home = visitor.get("/").await;
    let supports = &home.body[home.body.find(r#"<table id="supports">"#).expect("the Supports table")..];
    let supports = &supports[..supports.find("</table>").expect("its end")];
    assert!(supports.contains("<th scope=\"col\">Serial number / Computer</th>"), "{supports}");
    assert!(supports.contains("<span class=\"computer\">PC-0090</span>"), "P65's computer is named: {supports}");
    let rows = supports.matches("<tr>").count() - 1;
    let details = supports.matches(r##"#support" aria-label="Details"##).count();
    assert!(rows > 0);
    assert_eq!(details, rows, "every row has its Details action: {supports}");
}
