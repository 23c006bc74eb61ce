//! The price a customer reads before confirming is the price charged, to the cent: a seeded run
//! of random changes to one subscription (users up and down, dearer and cheaper plans, cancel,
//! resume, impossible numbers of users) through the vendor API on both databases, each previewed and then made on the
//! version the preview was computed on. What the change answers, the order it places and the
//! preview agree; a change the preview refused is refused the same way and changes nothing.

mod common;

use common::subscriptions::{customer_id, monthly_plans, shop_token};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The run's seed: printed by every assertion, so a failure can be replayed.
const SEED: u64 = 0x07e5_5e4a_2026;
const STEPS: usize = 40;

/// xorshift64*: enough randomness to pick changes, the same sequence on every run.
struct Picks(u64);

impl Picks {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

async fn post(portal: &common::TestPortal, token: &str, path: &str, body: &Value) -> (StatusCode, Value) {
    let response = portal
        .client
        .post(format!("{}{path}", portal.url))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.expect("a JSON answer"))
}

/// `"7.74"` in cents.
fn cents(amount: &Value) -> i64 {
    let text = amount.as_str().unwrap_or_else(|| panic!("an amount: {amount}"));
    let (units, fraction) = text.split_once('.').expect("a decimal amount");
    units.parse::<i64>().expect("units") * 100 + fraction.parse::<i64>().expect("cents")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_preview_is_what_its_change_charges_on_sqlite() {
    every_preview_is_what_its_change_charges(common::Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_preview_is_what_its_change_charges_on_postgres() {
    every_preview_is_what_its_change_charges(common::Db::Postgres).await;
}

async fn every_preview_is_what_its_change_charges(db: common::Db) {
    // The serving portal's renewal round must not make the unpaid first month past due
    // meanwhile (that changes the version the previews were computed on).
    let Some(portal) = common::TestPortal::spawn_with(db, |config| config.past_due_after_days = 365).await else {
        return;
    };
    monthly_plans(&portal).await;
    let token = shop_token(&portal).await;
    let contoso = customer_id(&portal, "it@contoso.example").await;
    let (status, started) = post(
        &portal,
        &token,
        "/api/v1/admin/subscriptions",
        &json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 3 }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{started}");
    let id = started["id"].as_str().expect("id").to_owned();
    let path = format!("/api/v1/admin/subscriptions/{id}/changes");
    let mut version = started["version"].as_i64().expect("version");
    let mut picks = Picks(SEED);
    let (mut made, mut refused, mut charged) = (0, 0, 0);

    for step in 0..STEPS {
        let change = match picks.below(6) {
            0 | 1 => json!({ "quantity": 1 + picks.below(12) }),
            2 => json!({ "sku": if picks.below(2) == 0 { "LED-STD-1M" } else { "LED-ENT-1M" } }),
            3 => json!({ "cancel": true }),
            4 => json!({ "resume": true }),
            // More users than a subscription may have, or none: refused.
            _ => json!({ "quantity": if picks.below(2) == 0 { 0 } else { 1_000_000_000 } }),
        };
        let context = format!("seed {SEED:#x}, step {step}: {change}");
        let mut previewed = change.clone();
        previewed["preview"] = json!(true);
        previewed["version"] = json!(version);
        let (preview_status, preview) = post(&portal, &token, &path, &previewed).await;
        let mut asked = change.clone();
        asked["version"] = json!(version);
        let (status, answer) = post(&portal, &token, &path, &asked).await;

        if preview_status != StatusCode::OK {
            // Refused as the preview was, nothing changed.
            assert_eq!((status, &answer["code"]), (preview_status, &preview["code"]), "{context}: {answer}");
            let (_, unchanged) = post(&portal, &token, &path, &json!({ "quantity": 1, "preview": true })).await;
            if let Some(now) = unchanged["subscription"]["version"].as_i64() {
                assert_eq!(now, version, "{context}: a refused change leaves the version");
            }
            refused += 1;
            continue;
        }
        assert_eq!(status, StatusCode::OK, "{context}: previewed, then refused: {answer}");
        assert_eq!(answer["quote"]["due_now"], preview["quote"]["due_now"], "{context}: charged what was previewed");
        assert_eq!(answer["quote"]["lines"], preview["quote"]["lines"], "{context}: the same lines");
        assert_eq!(answer["quote"]["next_period"], preview["quote"]["next_period"], "{context}");
        let due = cents(&answer["quote"]["due_now"]);
        assert!(due >= 0, "{context}: a change never pays out: {answer}");
        match answer["order_reference"].as_str() {
            Some(reference) => {
                let (total, linked): (i64, Option<String>) =
                    sqlx::query_as("SELECT total_minor, subscription_id FROM orders WHERE reference = $1")
                        .bind(reference)
                        .fetch_one(&portal.pool)
                        .await
                        .expect("the change's order");
                assert_eq!((total, linked.as_deref()), (due, Some(id.as_str())), "{context}: the order charges it");
                charged += 1;
            }
            None => assert_eq!(due, 0, "{context}: something due has its order: {answer}"),
        }
        version = answer["subscription"]["version"].as_i64().expect("version");
        made += 1;
    }
    // The run met each kind of outcome, or it proved little.
    assert!(
        made >= 10 && refused >= 1 && charged >= 2,
        "seed {SEED:#x}: {made} made, {refused} refused, {charged} charged"
    );
}
