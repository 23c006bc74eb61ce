//! Subscription management pages (seed 001), on both databases: the customer sees their
//! subscription (plan, users, billing, next charge), asks what more users cost and reads the
//! same amount the vendor API's preview gives, confirms and is charged it, is refused a change
//! on a stale page, cancels and resumes; another customer's subscription is not found.

mod common;

use common::subscriptions::{customer_id, monthly_plans, shop_token};
use common::web::Visitor;
use reqwest::StatusCode;
use serde_json::{Value, json};

const CONTOSO: &str = "it@contoso.example";

async fn api(portal: &common::TestPortal, token: &str, path: &str, body: &Value) -> Value {
    let response = portal
        .client
        .post(format!("{}{path}", portal.url))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .expect("request");
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.json().await.expect("JSON")
}

/// The value of the hidden field `name` in the page's first form that has one.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = body.find(&marker).unwrap_or_else(|| panic!("a field {name}")) + marker.len();
    body[start..].split('"').next().expect("a value").to_owned()
}

// No renewal rounds: the subscription's first charge is unpaid, and a round (the portal runs one
// when it takes the job's lease, later under load) would make it past due while the test reads it.
on_both_databases!(
    a_customer_manages_a_subscription_from_its_pages,
    configured: |config: &mut tessera_portal::Config| config.renewal_rounds = false,
    |portal: common::TestPortal| async move {
    // Arrange: Contoso subscribes to 5 users of a monthly plan (common::subscriptions).
    monthly_plans(&portal).await;
    let token = shop_token(&portal).await;
    let contoso = customer_id(&portal, CONTOSO).await;
    let started = api(
        &portal,
        &token,
        "/api/v1/admin/subscriptions",
        &json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 5 }),
    )
    .await;
    let id = started["id"].as_str().expect("id").to_owned();

    // The list: the plan, 5 users, monthly, the next charge of EUR 50.00.
    let mut customer = Visitor::signed_in(&portal.url, CONTOSO, "JWT20417").await;
    let list = customer.get("/subscriptions").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.text_of("users-1").as_deref(), Some("5"));
    assert!(list.text_of("status-1").is_some_and(|s| s.contains("Active")), "{:?}", list.text_of("status-1"));
    assert!(list.text_of("next-1").is_some_and(|n| n.contains("50.00")), "{:?}", list.text_of("next-1"));
    assert!(list.body.contains(&format!(r#"href="/subscriptions/{id}/users""#)), "the options menu");

    // Update services: 7 users; the page's price is the API preview's, to the cent.
    let preview = api(
        &portal,
        &token,
        &format!("/api/v1/admin/subscriptions/{id}/changes"),
        &json!({ "quantity": 7, "preview": true }),
    )
    .await;
    let due = preview["quote"]["due_now"].as_str().expect("due").to_owned();
    let page = customer.get(&format!("/subscriptions/{id}/users?users=7")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains(&format!("Due today: €{due}")) || page.body.contains(&format!("Due today: EUR {due}")),
        "{due} in {}",
        &page.body[page.body.find("quote").unwrap_or(0)..]
    );
    assert!(
        page.text_of("quote-then").is_some_and(|t| t.contains("70.00") && t.contains("users: 7")),
        "{:?}",
        page.text_of("quote-then")
    );
    let version = hidden(&page.body, "version");
    let confirmed = customer
        .post(&format!("/subscriptions/{id}/users"), &[("csrf", &page.csrf()), ("users", "7"), ("version", &version)])
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER, "{}", confirmed.body);
    let location = confirmed.location.clone().expect("back to the list");
    assert!(location.starts_with("/subscriptions?done=users&order="), "{location}");
    let reference = location.rsplit('=').next().expect("the order").to_owned();
    let total: i64 = sqlx::query_scalar("SELECT total_minor FROM orders WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&portal.pool)
        .await
        .expect("the order charging it");
    assert_eq!(format!("{}.{:02}", total / 100, total % 100), due, "charged what the page said");
    let after = customer.get(&location).await;
    assert_eq!((after.text_of("users-1").as_deref(), after.body.contains(r#"id="notice""#)), (Some("7"), true));

    // The same page confirmed again (an old version): refused, nothing charged.
    let stale = customer
        .post(&format!("/subscriptions/{id}/users"), &[("csrf", &page.csrf()), ("users", "9"), ("version", &version)])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale.text_of("problem").is_some_and(|p| p.contains("changed meanwhile")),
        "{:?}",
        stale.text_of("problem")
    );
    assert_eq!(customer.get("/subscriptions").await.text_of("users-1").as_deref(), Some("7"));

    // Change plan lists the product's monthly plans with their prices.
    let plans = customer.get(&format!("/subscriptions/{id}/plan?plan=LED-ENT-1M")).await;
    assert!(
        plans.body.contains(r#"id="plan-LED-ENT-1M""#) && plans.body.contains("per user a month"),
        "{}",
        plans.body
    );
    assert!(plans.body.contains(r#"id="quote-due""#), "a quote for the plan chosen");

    // Cancel: the day access ends, confirmed; then Resume.
    let cancel = customer.get(&format!("/subscriptions/{id}/cancel")).await;
    assert!(
        cancel.text_of("quote-cancel").is_some_and(|t| t.contains("Your access ends on")),
        "{:?}",
        cancel.text_of("quote-cancel")
    );
    let version = hidden(&cancel.body, "version");
    let cancelled =
        customer.post(&format!("/subscriptions/{id}/cancel"), &[("csrf", &cancel.csrf()), ("version", &version)]).await;
    assert_eq!(cancelled.location.as_deref(), Some("/subscriptions?done=cancel"));
    let list = customer.get("/subscriptions").await;
    assert!(list.text_of("status-1").is_some_and(|s| s.contains("Cancelled")));
    assert!(list.text_of("next-1").is_some_and(|n| n.contains("Ends on")), "{:?}", list.text_of("next-1"));
    let version = hidden(&list.body, "version");
    let resumed =
        customer.post(&format!("/subscriptions/{id}/resume"), &[("csrf", &list.csrf()), ("version", &version)]).await;
    assert_eq!(resumed.location.as_deref(), Some("/subscriptions?done=resume"));
    assert!(customer.get("/subscriptions").await.text_of("status-1").is_some_and(|s| s.contains("Active")));

    // Another customer: not found, not shown.
    let mut northwind = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;
    assert_eq!(northwind.get(&format!("/subscriptions/{id}/users")).await.status, StatusCode::NOT_FOUND);
    let theirs = northwind.get("/subscriptions").await;
    assert!(theirs.body.contains(r#"id="no-subscriptions""#) && !theirs.body.contains(&id));
    let csrf = theirs.csrf();
    let forged = northwind.post(&format!("/subscriptions/{id}/cancel"), &[("csrf", &csrf), ("version", "0")]).await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND, "another customer's subscription cannot be cancelled");
});

on_both_databases!(a_customer_buys_a_trial_after_reading_its_price, |portal: common::TestPortal| async move {
    // Arrange: Contoso tries 3 users of Standard for 14 days.
    monthly_plans(&portal).await;
    let token = shop_token(&portal).await;
    let contoso = customer_id(&portal, CONTOSO).await;
    let trial = api(
        &portal,
        &token,
        "/api/v1/admin/subscriptions",
        &json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 3, "trial": true }),
    )
    .await;
    let id = trial["id"].as_str().expect("id").to_owned();
    let trial_end = trial["trial_ends_on"].as_str().expect("a trial end").to_owned();

    // The list offers Buy now; its page prices 4 Enterprise users from the trial's end.
    let mut customer = Visitor::signed_in(&portal.url, CONTOSO, "JWT20417").await;
    assert!(customer.get("/subscriptions").await.body.contains(r#"id="buy-1""#), "Buy now is offered");
    let page = customer.get(&format!("/subscriptions/{id}/buy?users=4&plan=LED-ENT-1M&start=trial-end")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let due = page.text_of("quote-due").unwrap_or_default();
    assert!(due.contains("€80.00") && due.contains(&trial_end), "4 × €20.00 from {trial_end}: {due}");

    // Compare plans: the editions' features side by side, from the catalog.
    let compare = customer.get(&format!("/subscriptions/{id}/compare")).await;
    assert_eq!(compare.status, StatusCode::OK);
    assert!(compare.body.contains("consolidation") && compare.body.contains("not included"), "{}", compare.body);

    // Bought: the order for the first period, the subscription active with 4 users.
    let version = hidden(&page.body, "version");
    let form = [
        ("csrf", page.csrf()),
        ("users", "4".into()),
        ("plan", "LED-ENT-1M".into()),
        ("start", "trial-end".into()),
        ("version", version),
        ("company", "Contoso Ltd".into()),
        ("city", "Dublin".into()),
        ("country", "Ireland".into()),
        ("method", "bank_transfer".into()),
    ];
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let bought = customer.post(&format!("/subscriptions/{id}/buy"), &fields).await;
    let location = bought.location.clone().unwrap_or_else(|| panic!("{}: {}", bought.status, bought.body));
    assert!(location.starts_with("/subscriptions?done=buy&order="), "{location}");
    let reference = location.rsplit('=').next().expect("the order");
    let total: i64 = sqlx::query_scalar("SELECT total_minor FROM orders WHERE reference = $1")
        .bind(reference)
        .fetch_one(&portal.pool)
        .await
        .expect("the order");
    assert_eq!(total, 8_000, "charged what the page said");
    let list = customer.get(&location).await;
    assert_eq!(list.text_of("users-1").as_deref(), Some("4"));
    assert!(list.text_of("status-1").is_some_and(|s| s.contains("Active")));

    // The same form again buys nothing more.
    let again = customer.post(&format!("/subscriptions/{id}/buy"), &fields).await;
    assert!(again.status == StatusCode::CONFLICT || again.status == StatusCode::BAD_REQUEST, "{}", again.status);
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE subscription_id = $1")
        .bind(&id)
        .fetch_one(&portal.pool)
        .await
        .expect("orders");
    assert_eq!(orders, 1);
});
