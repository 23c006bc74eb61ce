//! The customer's Profile, News and Contracts pages (seed 002): the signed-in customer's own
//! details and contracts in their language, the vendor's news newest first and paginated, the
//! `admin` commands that fill them, and sign-in required for all three.

mod common;

use common::web::Visitor;
use reqwest::StatusCode;
use tessera_portal::cli::admin::{self, Admin};
use tessera_portal::mail::Mailer;

const NORTHWIND: &str = "demo@northwind.example";

/// Runs an `admin` command against the test portal's database.
async fn run_admin(portal: &common::TestPortal, command: Admin) -> Result<String, tessera_portal::Error> {
    admin::run(&portal.pool, &Mailer::from_config(&portal.config), &portal.config, command).await
}

on_both_databases!(the_profile_shows_the_customers_own_details, |portal: common::TestPortal| async move {
    // Arrange
    let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;

    // Act
    let profile = visitor.get("/profile").await;

    // Assert
    assert_eq!(profile.status, StatusCode::OK);
    assert_eq!(profile.text_of("profile-company").as_deref(), Some("Northwind Traders"));
    assert_eq!(profile.text_of("profile-manager").as_deref(), Some("Hélène Marchand"));
    assert!(profile.body.contains(r#"<a href="tel:+33472104580">+33 4 72 10 45 80</a>"#), "the telephone, callable");
    for text in ["demo@northwind.example", "France", "Lyon", "Camille", "Durand", "Customer since"] {
        assert!(profile.body.contains(text), "the profile shows {text}");
    }
    assert!(profile.body.contains(r#"<a href="/profile" aria-current="page">Profile</a>"#), "the menu marks Profile");
    assert!(!profile.body.contains(r#"href="/account/password""#), "an order number has no password to change");
    assert!(profile.text_of("no-account").is_some_and(|t| t.contains("ask your vendor for an account")));
});

#[tokio::test]
async fn signed_in_with_an_account_the_profile_links_to_the_password_change() {
    // Arrange: an account of Northwind's with a password.
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let customer: String = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(NORTHWIND)
        .fetch_one(&portal.pool)
        .await
        .expect("Northwind");
    let user = tessera_portal::services::accounts::add_user(
        &portal.pool,
        &tessera_portal::domain::CustomerId::new(customer),
        "anna@northwind.example",
    )
    .await
    .expect("user");
    let hash = tessera_portal::services::accounts::hash_password("correct horse battery").await.expect("hash");
    sqlx::query("UPDATE customer_users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(user.as_str())
        .execute(&portal.pool)
        .await
        .expect("password set");
    let mut visitor = Visitor::new(&portal.url);
    let csrf = visitor.get("/login").await.csrf();
    let fields = [("csrf", csrf.as_str()), ("email", "anna@northwind.example"), ("password", "correct horse battery")];
    assert_eq!(visitor.post("/login/password", &fields).await.location.as_deref(), Some("/"), "signed in");

    // Act
    let profile = visitor.get("/profile").await;

    // Assert
    assert_eq!(profile.text_of("change-password").as_deref(), Some("Change your password"));
    assert!(profile.body.contains(r#"href="/account/password" id="change-password""#));
    assert!(profile.text_of("no-account").is_none());
    assert_eq!(profile.text_of("profile-company").as_deref(), Some("Northwind Traders"), "the account's customer");
}

on_both_databases!(
    contracts_show_the_customers_own_in_their_language_with_exact_prices,
    |portal: common::TestPortal| async move {
        // Arrange
        let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;

        // Act
        let english = visitor.get("/contracts").await;
        visitor.get("/lang/fr?next=/contracts").await;
        let french = visitor.get("/contracts").await;
        visitor.get("/lang/bg?next=/contracts").await;
        let bulgarian = visitor.get("/contracts").await;

        // Assert
        assert_eq!(english.status, StatusCode::OK);
        assert_eq!(english.body.matches("<tr>").count(), 1 + 3, "a header and Northwind's three contracts");
        for text in [
            "<td>Contract</td>",
            "<td>Annex</td>",
            "<td>Annual support</td>",
            r#"<span class="badge active">Active</span>"#,
            r#"<span class="badge expired">Expired</span>"#,
            "€1,240.00",
            "€129.00",
            "€24.90",
        ] {
            assert!(english.body.contains(text), "English shows {text}");
        }
        let newest = english.body.find("€24.90").expect("the annex");
        let oldest = english.body.find("€129.00").expect("the expired contract");
        assert!(newest < oldest, "newest first");
        assert!(!english.body.contains("€42.75") && !english.body.contains("Monthly support"), "not Contoso's");
        for text in
            ["<td>Contrat</td>", "<td>Avenant</td>", "Assistance annuelle", "En vigueur", "Expiré", "Prix mensuel"]
        {
            assert!(french.body.contains(text), "French shows {text}");
        }
        assert!(french.body.contains("1\u{202F}240,00\u{A0}€"), "French money");
        assert!(!french.body.contains("€1,240.00"), "no English money in French");
        let signed: i64 = sqlx::query_scalar("SELECT MIN(signed_at) FROM contracts WHERE status = 'expired'")
            .fetch_one(&portal.pool)
            .await
            .expect("signed");
        let day = tessera_portal::web::format::date(signed, tessera_i18n::Language::Fr);
        assert!(day.contains('/') && french.body.contains(&day), "French dates: {day}");
        for text in
            ["<td>Договор</td>", "<td>Анекс</td>", "Годишно обслужване", "Действащ", "Изтекъл", "1\u{A0}240,00\u{A0}€"]
        {
            assert!(bulgarian.body.contains(text), "Bulgarian shows {text}");
        }
    }
);

#[tokio::test]
async fn a_customer_without_contracts_is_told_so() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    sqlx::query("DELETE FROM contracts").execute(&portal.pool).await.expect("no contracts");
    let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
    let page = visitor.get("/contracts").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("There are no contracts yet."));
    assert!(!page.body.contains(r#"<table id="contracts">"#));
}

on_both_databases!(news_is_for_every_customer_newest_first, |portal: common::TestPortal| async move {
    for (email, order) in [(NORTHWIND, "JWT19"), ("it@contoso.example", "JWT20417")] {
        let mut visitor = Visitor::signed_in(&portal.url, email, order).await;
        let news = visitor.get("/news").await;
        assert_eq!(news.status, StatusCode::OK, "{email}");
        let titles: Vec<usize> = [
            "Acme Ledger 5.2 is out",
            "Support hours over the holidays",
            "New: offline activation in the portal",
            "Acme Payroll 3.4: new payslip layouts",
        ]
        .iter()
        .map(|t| news.body.find(t).unwrap_or_else(|| panic!("{email} sees {t}")))
        .collect();
        assert!(titles.is_sorted(), "newest first");
        assert!(news.body.contains("<p>We wish you happy holidays!</p>"), "a paragraph of its own");
        assert!(news.body.contains("(CET).<br>Licensing questions"), "a line break within a paragraph");
    }
});

#[tokio::test]
async fn news_is_paginated_and_its_text_is_escaped() {
    // Arrange: 4 demo items and 12 more, one of them with markup in its text.
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    for n in 1..=12 {
        let body =
            if n == 12 { "Use <b>bold</b> & <script>alert(1)</script>".to_owned() } else { format!("Text {n}.") };
        let command = Admin::AddNews(admin::AddNews {
            title: format!("Bulletin {n:02}"),
            body,
            date: Some(format!("2030-01-{n:02}")),
        });
        let printed = run_admin(&portal, command).await.expect("news added");
        assert!(printed.contains(&format!("published on 2030-01-{n:02}")), "{printed}");
    }
    let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
    let items = |body: &str| body.matches(r#"<article class="card news-item""#).count();

    // Act
    let first = visitor.get("/news").await;
    let second = visitor.get("/news?page=2").await;

    // Assert
    assert_eq!(items(&first.body), 10);
    assert!(first.body.contains("Page 1 of 2") && first.body.contains(r#"href="/news?page=2""#));
    assert!(first.body.find("Bulletin 12").expect("newest") < first.body.find("Bulletin 11").expect("next"));
    assert!(!first.body.contains("Acme Ledger 5.2 is out"), "older items are on page 2");
    assert!(first.body.contains("Use &#60;b&#62;bold&#60;/b&#62; &#38; &#60;script&#62;"), "escaped");
    assert!(!first.body.contains("<script>") && !first.body.contains("<b>bold"), "no markup from the text");
    assert_eq!(items(&second.body), 6, "16 items");
    assert!(second.body.contains("Page 2 of 2") && second.body.contains("Acme Payroll 3.4: new payslip layouts"));
    assert_eq!(items(&visitor.get("/news?page=99").await.body), 6, "past the end: the last page");
    assert_eq!(visitor.get("/news?page=abc").await.status, StatusCode::BAD_REQUEST, "not a page number");
}

#[tokio::test]
async fn signed_out_visitors_are_sent_to_sign_in() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let mut visitor = Visitor::new(&portal.url);
    for path in ["/profile", "/news", "/news?page=2", "/contracts"] {
        let page = visitor.get(path).await;
        assert_eq!((page.status, page.location.as_deref()), (StatusCode::SEE_OTHER, Some("/login")), "{path}");
        assert!(!page.body.contains("Acme Ledger 5.2") && !page.body.contains("Northwind"), "{path} shows nothing");
    }
}

#[tokio::test]
async fn the_menu_leads_to_every_page_and_marks_the_current_one() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
    for (path, label) in [("/news", "News"), ("/profile", "Profile"), ("/contracts", "Contracts")] {
        let page = visitor.get(path).await;
        for link in [r#"href="/news""#, r#"href="/profile""#, r#"href="/contracts""#, r#"href="/orders""#] {
            assert!(page.body.contains(link), "{path} links {link}");
        }
        assert!(
            page.body.contains(&format!(r#"<a href="{path}" aria-current="page">{label}</a>"#)),
            "{path} is marked"
        );
        assert_eq!(page.body.matches(r#"aria-current="page">"#).count(), 1, "{path}: one current entry");
    }
    visitor.get("/lang/ru?next=/news").await;
    let russian = visitor.get("/news").await;
    for text in ["Новости", "Профиль", "Договоры"] {
        assert!(russian.body.contains(text), "Russian menu shows {text}");
    }
}

#[tokio::test]
async fn the_vendor_fills_the_pages_with_admin_commands() {
    // Arrange
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");

    // Act
    let customer = Admin::AddCustomer(admin::AddCustomer {
        company: "Initech".into(),
        email: "ops@initech.example".into(),
        country: "Bulgaria".into(),
        city: "Sofia".into(),
        vat_id: Some("bg 123 456 789".into()),
        first_name: None,
        last_name: None,
        manager: Some(" Petar Ivanov ".into()),
        phone: Some("+359 2 123 4567".into()),
        language: None,
    });
    run_admin(&portal, customer).await.expect("customer added");
    let contract = Admin::AddContract(admin::AddContract {
        customer_email: "OPS@initech.example".into(),
        document_type: "annex".into(),
        subscription: "monthly".into(),
        monthly_price: 9_950,
        currency: "bgn".into(),
        signed: Some("2031-02-03".into()),
        year: None,
        status: "draft".into(),
    });
    run_admin(&portal, contract).await.expect("contract added");

    // Assert: Initech signs in with the e-mail and an order, and sees both.
    let order = Admin::AddOrder(admin::AddOrder {
        customer_email: "ops@initech.example".into(),
        reference: "JWT900".into(),
        currency: "EUR".into(),
        items: vec!["LED-STD-1:1:29900:Acme Ledger Standard".into()],
    });
    run_admin(&portal, order).await.expect("order added");
    let mut visitor = Visitor::signed_in(&portal.url, "ops@initech.example", "JWT900").await;
    let profile = visitor.get("/profile").await;
    assert_eq!(profile.text_of("profile-manager").as_deref(), Some("Petar Ivanov"), "trimmed");
    assert_eq!(profile.text_of("profile-vat-id").as_deref(), Some("BG123456789"), "as invoices print it");
    assert!(profile.body.contains("+359 2 123 4567"));
    let contracts = visitor.get("/contracts").await;
    for text in ["<td>2031</td>", "<td>Annex</td>", "Monthly support", "Draft", "BGN\u{A0}99.50", "2031-02-03"] {
        assert!(contracts.body.contains(text), "Initech's contract shows {text}");
    }
}

#[tokio::test]
async fn admin_mistakes_get_a_clear_message_and_change_nothing() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let contract = |email: &str, price: i64, currency: &str, signed: Option<&str>, year: Option<i64>| {
        Admin::AddContract(admin::AddContract {
            customer_email: email.into(),
            document_type: "contract".into(),
            subscription: "annual".into(),
            monthly_price: price,
            currency: currency.into(),
            signed: signed.map(Into::into),
            year,
            status: "active".into(),
        })
    };
    let news = |title: &str, body: &str, date: Option<&str>| {
        Admin::AddNews(admin::AddNews { title: title.into(), body: body.into(), date: date.map(Into::into) })
    };
    let cases = [
        (news("Title", "Text", Some("01/02/2030")), "is not a day like 2025-03-01", "a day written another way"),
        (news("Title", "Text", Some("2030-02-30")), "is not a day", "a day that does not exist"),
        (news("  ", "Text", None), "needs a title and a text", "no title"),
        (news("Title", "\n \n", None), "needs a title and a text", "no text"),
        (contract("nobody@example.com", 100, "EUR", None, None), "no customer has e-mail", "an unknown customer"),
        (contract(NORTHWIND, -1, "EUR", None, None), "cannot be negative", "a negative price"),
        (contract(NORTHWIND, 100, "EURO", None, None), "is not a currency code", "a currency of four letters"),
        (contract(NORTHWIND, 100, "EUR", Some("tomorrow"), None), "is not a day", "a day in words"),
        (contract(NORTHWIND, 100, "EUR", None, Some(12)), "is not a contract year", "a year of two digits"),
    ];
    for (command, expected, why) in cases {
        let error = run_admin(&portal, command).await.expect_err(why);
        assert!(error.to_string().contains(expected), "{why}: {error}");
        assert_eq!(error.code(), "BAD_REQUEST", "{why}");
    }
    let counts: (i64, i64) = (
        sqlx::query_scalar("SELECT COUNT(*) FROM news").fetch_one(&portal.pool).await.expect("news"),
        sqlx::query_scalar("SELECT COUNT(*) FROM contracts").fetch_one(&portal.pool).await.expect("contracts"),
    );
    assert_eq!(counts, (4, 4), "only the demo's news and contracts");
}

#[test]
fn the_news_and_contract_commands_take_their_arguments_from_the_shell() {
    let dir = std::env::temp_dir().join(format!("tessera-admin-news-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let admin = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_tessera-portal"))
            .arg("--data-dir")
            .arg(&dir)
            .arg("admin")
            .args(args)
            .env("TESSERA_LOG", "warn")
            .output()
            .expect("tessera-portal runs");
        let shown = if output.status.success() { output.stdout } else { output.stderr };
        (output.status.success(), String::from_utf8_lossy(&shown).into_owned())
    };

    let (ok, out) = admin(&["add-news", "--title", "Hello", "--body", "First.\n\nSecond.", "--date", "2030-05-06"]);
    assert!(ok && out.contains(r#"news "Hello" published on 2030-05-06"#), "{out}");
    let (ok, out) =
        admin(&["add-contract", "--customer-email", "a@b.example", "--monthly-price", "1", "--document-type", "offer"]);
    assert!(!ok && out.contains("'offer'") && out.contains("contract, annex"), "an unknown document type: {out}");
    let (ok, out) =
        admin(&["add-contract", "--customer-email", "a@b.example", "--monthly-price", "1", "--status", "signed"]);
    assert!(!ok && out.contains("active, expired, terminated, draft"), "an unknown status: {out}");
    let (ok, out) = admin(&["add-contract", "--customer-email", "a@b.example", "--monthly-price", "1"]);
    assert!(!ok && out.contains("no customer has e-mail a@b.example"), "an unknown customer: {out}");
    let _ = std::fs::remove_dir_all(&dir);
}
