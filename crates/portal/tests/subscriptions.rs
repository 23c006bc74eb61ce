//! Subscriptions through the vendor API, on both databases: started (the license at once, the
//! first period charged as an order), changed today — more users charged for the days left,
//! the same change again charging nothing, fewer users and a cheaper plan waiting for the
//! period end, a dearer plan crediting the old one — each preview equal to the charge, the
//! license following; a change on an old version refused; cancel and resume; a trial.

mod common;

use chrono::{Months, NaiveDate, Utc};
use common::subscriptions::{customer_id, monthly_plans, shop_token};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn call(
    portal: &common::TestPortal,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut request = portal.client.request(method, format!("{}{path}", portal.url)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("a JSON answer"))
}

async fn post(portal: &common::TestPortal, token: &str, path: &str, body: &Value) -> (StatusCode, Value) {
    call(portal, token, reqwest::Method::POST, path, Some(body)).await
}

/// `round_half_up(cents × users × days / period_days)` as a decimal string: BILLING.md's
/// rule, written out here on its own.
fn prorated(cents: i64, users: i64, days: i64, period_days: i64) -> String {
    let exact = (2 * cents * users * days + period_days) / (2 * period_days);
    format!("{}.{:02}", exact / 100, exact % 100)
}

fn day(value: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(value.as_str().expect("a day"), "%Y-%m-%d").expect("YYYY-MM-DD")
}

async fn license(portal: &common::TestPortal, serial: &str) -> (String, i64, i64, i64) {
    sqlx::query_as("SELECT edition, users, max_machines, expires_at FROM licenses WHERE serial = $1")
        .bind(serial)
        .fetch_one(&portal.pool)
        .await
        .expect("the subscription's license")
}

async fn order_total(portal: &common::TestPortal, reference: &str) -> (i64, String, Option<String>) {
    sqlx::query_as("SELECT total_minor, status, subscription_id FROM orders WHERE reference = $1")
        .bind(reference)
        .fetch_one(&portal.pool)
        .await
        .expect("the charge's order")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_subscription_is_priced_by_its_whole_period_and_its_license_follows_on_sqlite() {
    priced_by_its_whole_period(common::Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_subscription_is_priced_by_its_whole_period_and_its_license_follows_on_postgres() {
    priced_by_its_whole_period(common::Db::Postgres).await;
}

async fn priced_by_its_whole_period(db: common::Db) {
    // The serving portal's first renewal round must not make the unpaid first month past due
    // meanwhile (that changes the version the previews are computed on).
    let Some(portal) = common::TestPortal::spawn_with(db, |config| config.past_due_after_days = 365).await else {
        return;
    };
    {
        // Arrange: monthly Standard (EUR 10.00, 2 computers per user, a 14-day trial) and
        // Enterprise (EUR 20.00) plans of Acme Ledger (15 grace days); the shop's token.
        monthly_plans(&portal).await;
        let token = shop_token(&portal).await;
        let contoso = customer_id(&portal, "it@contoso.example").await;

        // Start: 5 users from today; the first month charged as an order awaiting its payment.
        let today = Utc::now().date_naive();
        let (status, started) = post(
            &portal,
            &token,
            "/api/v1/admin/subscriptions",
            &json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 5 }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{started}");
        let id = started["id"].as_str().expect("id").to_owned();
        let serial = started["license_serial"].as_str().expect("serial").to_owned();
        let end = today.checked_add_months(Months::new(1)).expect("a month on");
        assert_eq!(
            (started["status"].as_str(), day(&started["period_start"]), day(&started["period_end"])),
            (Some("active"), today, end)
        );
        let first_orders: Vec<(String, i64)> =
            sqlx::query_as("SELECT reference, total_minor FROM orders WHERE subscription_id = $1")
                .bind(&id)
                .fetch_all(&portal.pool)
                .await
                .expect("orders");
        assert_eq!(first_orders.iter().map(|o| o.1).collect::<Vec<_>>(), [5_000], "5 users × EUR 10.00");
        let until = end.and_hms_opt(0, 0, 0).expect("midnight").and_utc().timestamp() + 15 * 86_400;
        assert_eq!(
            license(&portal, &serial).await,
            ("Standard".to_owned(), 5, 10, until),
            "5 users, 10 computers, the month + 15 days"
        );

        // More users: the preview is what the change charges, to the cent.
        let (days, period_days) = ((end - today).num_days(), (end - today).num_days());
        let path = format!("/api/v1/admin/subscriptions/{id}/changes");
        let (status, preview) = post(&portal, &token, &path, &json!({ "quantity": 7, "preview": true })).await;
        assert_eq!(status, StatusCode::OK, "{preview}");
        let expected = prorated(1_000, 2, days, period_days);
        assert_eq!(
            (preview["quote"]["due_now"].as_str(), preview["applied"].as_bool()),
            (Some(expected.as_str()), Some(false)),
            "{preview}"
        );
        assert_eq!(preview["quote"]["next_period"]["total"], "70.00");
        assert_eq!(license(&portal, &serial).await.1, 5, "a preview changes nothing");
        let version = preview["subscription"]["version"].as_i64().expect("version");
        let (status, added) = post(&portal, &token, &path, &json!({ "quantity": 7, "version": version })).await;
        assert_eq!(status, StatusCode::OK, "{added}");
        assert_eq!(added["quote"]["due_now"], preview["quote"]["due_now"], "charged what the preview said");
        let reference = added["order_reference"].as_str().expect("an order for what is due").to_owned();
        let (total, order_status, linked) = order_total(&portal, &reference).await;
        assert_eq!(
            (format!("{}.{:02}", total / 100, total % 100), order_status.as_str(), linked.as_deref()),
            (expected.clone(), "awaiting_payment", Some(id.as_str()))
        );
        assert_eq!(license(&portal, &serial).await.1, 7, "the seats at once");

        // The same change again bills nothing more; a change decided on the old version is refused.
        let (_, again) = post(&portal, &token, &path, &json!({ "quantity": 7 })).await;
        assert_eq!(
            (again["quote"]["due_now"].as_str(), again["order_reference"].as_str()),
            (Some("0.00"), None),
            "{again}"
        );
        let (status, stale) = post(&portal, &token, &path, &json!({ "quantity": 9, "version": version })).await;
        assert_eq!((status, stale["code"].as_str()), (StatusCode::CONFLICT, Some("CHANGED_MEANWHILE")), "{stale}");
        assert_eq!(license(&portal, &serial).await.1, 7, "the refused change changed nothing");

        // Fewer users: from the period end, nothing charged, the seats stay.
        let (_, fewer) = post(&portal, &token, &path, &json!({ "quantity": 4 })).await;
        assert_eq!(
            (fewer["quote"]["effective"].as_str(), fewer["quote"]["due_now"].as_str()),
            (Some(end.to_string().as_str()), Some("0.00")),
            "{fewer}"
        );
        assert_eq!(
            (fewer["quote"]["next_period"]["quantity"].as_i64(), fewer["quote"]["users_now"].as_i64()),
            (Some(4), Some(7))
        );
        assert_eq!(license(&portal, &serial).await.1, 7);

        // A dearer plan: now, the old plan's days credited, the new one's charged, for the 7 users.
        let (_, upgrade) = post(&portal, &token, &path, &json!({ "sku": "LED-ENT-1M" })).await;
        let credit = prorated(1_000, 7, days, period_days);
        let charge = prorated(2_000, 7, days, period_days);
        let lines: Vec<&str> =
            upgrade["quote"]["lines"].as_array().expect("lines").iter().filter_map(|l| l["amount"].as_str()).collect();
        assert_eq!(lines, [format!("-{credit}"), charge.clone()], "{upgrade}");
        assert_eq!(upgrade["quote"]["effective"], "now");
        let (edition, users, machines, _) = license(&portal, &serial).await;
        assert_eq!((edition.as_str(), users, machines), ("Enterprise", 7, 14), "the license follows the plan");
        // A cheaper one waits for the period end.
        let (_, downgrade) = post(&portal, &token, &path, &json!({ "sku": "LED-STD-1M" })).await;
        assert_eq!(
            (downgrade["quote"]["effective"].as_str(), downgrade["quote"]["due_now"].as_str()),
            (Some(end.to_string().as_str()), Some("0.00"))
        );
        assert_eq!(license(&portal, &serial).await.0, "Enterprise");

        // Cancel, then resume.
        let (_, cancelled) = post(&portal, &token, &path, &json!({ "cancel": true })).await;
        assert_eq!(
            (cancelled["subscription"]["status"].as_str(), cancelled["quote"]["next_period"].is_null()),
            (Some("cancelling"), true),
            "{cancelled}"
        );
        let (_, resumed) = post(&portal, &token, &path, &json!({ "resume": true })).await;
        assert_eq!(resumed["subscription"]["status"], "active", "{resumed}");

        // Refused, naming what is wrong.
        let (status, both) = post(&portal, &token, &path, &json!({ "quantity": 2, "cancel": true })).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{both}");
        let (status, zero) = post(&portal, &token, &path, &json!({ "quantity": 0 })).await;
        assert!(
            status == StatusCode::BAD_REQUEST && zero["message"].as_str().is_some_and(|m| m.contains("quantity")),
            "{zero}"
        );
        let (status, _) =
            post(&portal, &token, "/api/v1/admin/subscriptions/sub_nope/changes", &json!({ "quantity": 2 })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // A trial: nothing charged, the license ends with the trial, and it cannot be changed.
        let (status, trial) = post(
            &portal,
            &token,
            "/api/v1/admin/subscriptions",
            &json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 3, "trial": true }),
        )
        .await;
        assert_eq!((status, trial["status"].as_str()), (StatusCode::CREATED, Some("trialing")), "{trial}");
        let trial_end = today + chrono::Days::new(14);
        assert_eq!(day(&trial["trial_ends_on"]), trial_end);
        let trial_id = trial["id"].as_str().expect("id");
        let charged: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE subscription_id = $1")
            .bind(trial_id)
            .fetch_one(&portal.pool)
            .await
            .expect("count");
        assert_eq!(charged, 0, "a trial charges nothing");
        let trial_license = license(&portal, trial["license_serial"].as_str().expect("serial")).await;
        assert_eq!(trial_license.3, trial_end.and_hms_opt(0, 0, 0).expect("midnight").and_utc().timestamp());
        let (status, _) = post(
            &portal,
            &token,
            &format!("/api/v1/admin/subscriptions/{trial_id}/changes"),
            &json!({ "quantity": 4 }),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "a trial is bought, not changed");

        // The log: started, then each change, by the shop.
        let kinds: Vec<String> =
            sqlx::query_scalar("SELECT kind FROM events WHERE subject = $1 AND actor = 'api:shop' ORDER BY at, id")
                .bind(&id)
                .fetch_all(&portal.pool)
                .await
                .expect("events");
        assert_eq!(kinds.first().map(String::as_str), Some("subscription_started"));
        assert_eq!(kinds.iter().filter(|k| *k == "subscription_changed").count(), 7, "{kinds:?}");
    }
}
