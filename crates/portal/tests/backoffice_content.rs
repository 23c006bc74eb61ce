//! News and contracts in the back office (seed 002): support reads them but changes nothing
//! (403); an admin publishes and withdraws news and adds and changes a customer's contracts,
//! which the customer then reads on their News and Contracts pages; bad input is refused
//! naming the field, and nothing changes; every change is in the event log with its actor.

mod common;

use common::staff::{create_staff, signed_in_staff};
use common::web::{Page, Visitor};
use reqwest::StatusCode;

const PASSWORD: &str = "staff horse battery";
const ADMIN: (&str, &str) = ("admin@acme.example", "demo-admin-password");

async fn count(portal: &common::TestPortal, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&portal.pool).await.expect("a count")
}

async fn contoso_id(portal: &common::TestPortal) -> String {
    sqlx::query_scalar("SELECT id FROM customers WHERE email = 'it@contoso.example'")
        .fetch_one(&portal.pool)
        .await
        .expect("Contoso")
}

/// The actors of the events of `kind`, oldest first.
async fn actors(portal: &common::TestPortal, kind: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT actor FROM events WHERE kind = $1 ORDER BY at, id")
        .bind(kind)
        .fetch_all(&portal.pool)
        .await
        .expect("events")
}

/// A form's fields as the visitor posts them.
fn fields(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// The refusal's notice of a page answered 400.
fn refusal(page: &Page, case: &str) -> String {
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{case}: {}", page.body);
    let notice = page.text_of("notice").unwrap_or_else(|| panic!("{case}: a notice"));
    assert!(notice.starts_with("Not done: "), "{case}: {notice}");
    notice
}

on_both_databases!(support_reads_news_and_admins_publish_and_withdraw_it, |portal: common::TestPortal| async move {
    assert!(create_staff(&portal, "help@acme.example", "support", PASSWORD).0);
    let news_rows = "SELECT COUNT(*) FROM news WHERE withdrawn_at IS NULL";
    let published = count(&portal, news_rows).await;
    assert!(published > 0, "the demo has news");

    // Support reads the news, newest first, from the menu; offered no form, refused each change.
    let mut support = signed_in_staff(&portal, "help@acme.example", PASSWORD).await;
    let page = support.get("/admin/news").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(r#"href="/admin/news" aria-current="page""#), "the menu marks News");
    assert!(page.body.contains(r#"<table id="news">"#), "the news table");
    assert!(!page.body.contains(r#"action="/admin/news/publish""#), "support is offered no form");
    let any_news: String = sqlx::query_scalar("SELECT id FROM news ORDER BY published_at DESC, id")
        .fetch_one(&portal.pool)
        .await
        .expect("news");
    assert!(page.body.contains(&format!(r#"id="news-{any_news}""#)), "the newest is listed");
    let csrf = page.csrf();
    let publish =
        support.post("/admin/news/publish", &[("csrf", &csrf), ("title", "By support"), ("body", "No.")]).await;
    assert_eq!(publish.status, StatusCode::FORBIDDEN);
    let withdraw = support.post(&format!("/admin/news/{any_news}/withdraw"), &[("csrf", &csrf)]).await;
    assert_eq!(withdraw.status, StatusCode::FORBIDDEN);
    assert_eq!(count(&portal, news_rows).await, published, "support changed nothing");
    assert_eq!(count(&portal, "SELECT COUNT(*) FROM news").await, published, "nor published anything");

    // Bad input is refused naming the field, and nothing is published.
    let mut admin = signed_in_staff(&portal, ADMIN.0, ADMIN.1).await;
    let csrf = admin.get("/admin/news").await.csrf();
    let too_long = "a".repeat(10_001);
    for (case, title, body, field) in [
        ("an empty title", "   ", "Some text.", "title:"),
        ("an empty text", "A title", "\n \n", "body:"),
        ("a text over 10,000 characters", "A title", too_long.as_str(), "body:"),
        ("a title over 200 characters", &"t".repeat(201), "Some text.", "title:"),
    ] {
        let page = admin.post("/admin/news/publish", &[("csrf", &csrf), ("title", title), ("body", body)]).await;
        let notice = refusal(&page, case);
        assert!(notice.contains(field), "{case}: {notice}");
    }
    assert_eq!(count(&portal, "SELECT COUNT(*) FROM news").await, published, "nothing was published");

    // An admin publishes a news item; it is listed first and the customers read it.
    let body = "Payroll 5.2 is out.\n\nIt computes the new tax rates.";
    let done =
        admin.post("/admin/news/publish", &[("csrf", &csrf), ("title", "Payroll 5.2 released"), ("body", body)]).await;
    assert_eq!(
        (done.status, done.location.as_deref()),
        (StatusCode::SEE_OTHER, Some("/admin/news?done=published")),
        "{}",
        done.body
    );
    let page = admin.get("/admin/news?done=published").await;
    assert_eq!(page.text_of("notice").as_deref(), Some("The news item is published."));
    let id: String = sqlx::query_scalar("SELECT id FROM news WHERE title = 'Payroll 5.2 released'")
        .fetch_one(&portal.pool)
        .await
        .expect("the news item");
    let first_row = page.body.find("<tr id=\"news-").expect("a row");
    assert_eq!(page.body[first_row..].find(&format!("news-{id}")), Some(8), "newest first");
    let mut customer = Visitor::signed_in(&portal.url, "it@contoso.example", "JWT20417").await;
    let news = customer.get("/news").await;
    assert_eq!(news.status, StatusCode::OK);
    assert!(news.body.contains("Payroll 5.2 released") && news.body.contains("It computes the new tax rates."));

    // Withdrawn, it is no longer on the customers' page; withdrawing it again is not found.
    let gone = admin.post(&format!("/admin/news/{id}/withdraw"), &[("csrf", &csrf)]).await;
    assert_eq!(gone.location.as_deref(), Some("/admin/news?done=withdrawn"), "{}", gone.body);
    assert!(!customer.get("/news").await.body.contains("Payroll 5.2 released"), "withdrawn");
    assert!(!admin.get("/admin/news").await.body.contains(&format!("news-{id}")), "no longer listed");
    let again = admin.post(&format!("/admin/news/{id}/withdraw"), &[("csrf", &csrf)]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    // Both changes are in the log, by the admin.
    assert_eq!(actors(&portal, "news_published").await.last().map(String::as_str), Some("staff:admin@acme.example"));
    assert_eq!(actors(&portal, "news_withdrawn").await, ["staff:admin@acme.example"]);
    let subjects: Vec<String> = sqlx::query_scalar("SELECT subject FROM events WHERE kind = 'news_withdrawn'")
        .fetch_all(&portal.pool)
        .await
        .expect("events");
    assert_eq!(subjects, [id]);
});

on_both_databases!(admins_add_and_change_contracts_that_the_customer_reads, |portal: common::TestPortal| async move {
    assert!(create_staff(&portal, "help@acme.example", "support", PASSWORD).0);
    let contoso = contoso_id(&portal).await;
    let contracts = format!("SELECT COUNT(*) FROM contracts WHERE customer_id = '{contoso}'");
    let before = count(&portal, &contracts).await;
    let customer_page = format!("/admin/customers/{contoso}");
    let add = format!("/admin/customers/{contoso}/contracts");
    let existing: String = sqlx::query_scalar("SELECT id FROM contracts WHERE customer_id = $1")
        .bind(&contoso)
        .fetch_one(&portal.pool)
        .await
        .expect("the demo gives Contoso a contract");
    let form = |csrf: &str, price: &str, status: &str| -> Vec<(String, String)> {
        [
            ("csrf", csrf),
            ("year", "2026"),
            ("document_type", "annex"),
            ("subscription", "annual"),
            ("price", price),
            ("currency", "EUR"),
            ("signed_on", "2026-02-03"),
            ("status", status),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
    };

    // Support reads the contracts on the customer's page, without forms; each change is refused.
    let mut support = signed_in_staff(&portal, "help@acme.example", PASSWORD).await;
    let page = support.get(&customer_page).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(&format!(r#"id="contract-{existing}""#)), "the contracts table");
    assert!(!page.body.contains(&format!(r#"action="{add}""#)), "no form for support");
    let csrf = page.csrf();
    assert_eq!(support.post(&add, &fields(&form(&csrf, "10.00", "active"))).await.status, StatusCode::FORBIDDEN);
    let status_path = format!("{add}/{existing}/status");
    let refused = support.post(&status_path, &[("csrf", &csrf), ("status", "terminated")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(count(&portal, &contracts).await, before, "support added nothing");
    let status: String = sqlx::query_scalar("SELECT status FROM contracts WHERE id = $1")
        .bind(&existing)
        .fetch_one(&portal.pool)
        .await
        .expect("a status");
    assert_eq!(status, "active", "support changed nothing");

    // Bad input is refused naming the field; nothing is added.
    let mut admin = signed_in_staff(&portal, ADMIN.0, ADMIN.1).await;
    let page = admin.get(&customer_page).await;
    assert!(page.body.contains(&format!(r#"action="{add}""#)), "the admin has the form");
    let csrf = page.csrf();
    for (case, price, status, field) in [
        ("a negative price", "-5.00", "active", "monthly price:"),
        ("three decimals", "12.345", "active", "monthly price:"),
        ("no price", "", "active", "monthly price:"),
        ("an unknown status", "12.50", "signed", "status:"),
    ] {
        let page = admin.post(&add, &fields(&form(&csrf, price, status))).await;
        let notice = refusal(&page, case);
        assert!(notice.contains(field), "{case}: {notice}");
        assert!(page.body.contains(&format!(r#"value="{price}""#)), "{case}: what was typed is shown again");
    }
    let mut bad_day = form(&csrf, "12.50", "active");
    bad_day[6].1 = "3 Feb".into();
    assert!(refusal(&admin.post(&add, &fields(&bad_day)).await, "a bad day").contains("date concluded:"));
    assert_eq!(count(&portal, &contracts).await, before, "nothing was added");

    // The admin adds an annex; Contoso reads it on their Contracts page.
    let done = admin.post(&add, &fields(&form(&csrf, "49.90", "active"))).await;
    assert_eq!(
        (done.status, done.location.as_deref()),
        (StatusCode::SEE_OTHER, Some(format!("{customer_page}?done=contract-added").as_str())),
        "{}",
        done.body
    );
    assert_eq!(count(&portal, &contracts).await, before + 1);
    let (id, price): (String, i64) = sqlx::query_as(
        "SELECT id, monthly_price_minor FROM contracts WHERE customer_id = $1 AND document_type = 'annex'",
    )
    .bind(&contoso)
    .fetch_one(&portal.pool)
    .await
    .expect("the annex");
    assert_eq!(price, 4990, "minor units, exactly");
    let page = admin.get(&format!("{customer_page}?done=contract-added")).await;
    assert_eq!(page.text_of("notice").as_deref(), Some("The contract is added."));
    assert!(page.body.contains(&format!(r#"<tr id="contract-{id}" data-status="active">"#)));
    let mut customer = Visitor::signed_in(&portal.url, "it@contoso.example", "JWT20417").await;
    let seen = customer.get("/contracts").await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(seen.body.contains("Annex") && seen.body.contains("49.90"), "{}", seen.body);

    // Its status changes: the same status again and an unknown one are refused.
    let status_path = format!("{add}/{id}/status");
    let same = admin.post(&status_path, &[("csrf", &csrf), ("status", "active")]).await;
    assert!(refusal(&same, "the same status").contains("status:"));
    let unknown = admin.post(&status_path, &[("csrf", &csrf), ("status", "signed")]).await;
    assert!(refusal(&unknown, "an unknown status").contains("status:"));
    let elsewhere =
        admin.post(&format!("{add}/{}/status", "ctr_nothing"), &[("csrf", &csrf), ("status", "draft")]).await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    let terminated = customer.get("/contracts").await;
    assert!(!terminated.body.contains("Terminated"), "not yet terminated");
    let changed = admin.post(&status_path, &[("csrf", &csrf), ("status", "terminated")]).await;
    assert_eq!(changed.location, Some(format!("{customer_page}?done=contract-status")), "{}", changed.body);
    let seen = customer.get("/contracts").await;
    assert!(seen.body.contains(r#"<span class="badge terminated">Terminated</span>"#), "{}", seen.body);

    // Both changes are in the log, by the admin, on Contoso.
    for kind in ["contract_added", "contract_status_changed"] {
        let (actor, subject, customer_id): (String, String, String) =
            sqlx::query_as("SELECT actor, subject, customer_id FROM events WHERE kind = $1 AND actor LIKE 'staff:%'")
                .bind(kind)
                .fetch_one(&portal.pool)
                .await
                .expect("one event");
        assert_eq!(
            (actor.as_str(), subject.as_str(), customer_id.as_str()),
            ("staff:admin@acme.example", id.as_str(), contoso.as_str()),
            "{kind}"
        );
    }
    let log = admin.get("/admin/events?kind=contract_status_changed").await;
    assert!(log.body.contains("status: active → status: terminated"), "{}", log.body);
});
