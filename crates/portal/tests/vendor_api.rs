//! The vendor API end to end, as the vendor's web shop and CRM use it: tokens with scopes
//! (shown once, revocable), a customer added, an order placed that activates nothing until
//! its payment is recorded, the payment issuing the licenses with their term from the payment's
//! day, retries with an `Idempotency-Key` doing nothing twice, licenses suspended with a reason,
//! and the event log read from a cursor.

mod common;

use common::admin::{ok, run};
use reqwest::StatusCode;
use serde_json::{Value, json};

use common::TestMachine;

/// Creates a token; returns it (the last line of what `api-token create` prints).
async fn token(portal: &common::TestPortal, name: &str, scopes: &str) -> String {
    let created = ok(portal, &["api-token", "create", "--name", name, "--scope", scopes]).await;
    let token = created.lines().last().expect("the token").trim().to_owned();
    assert!(token.starts_with("tsk_") && token.len() == 47, "{created}");
    token
}

/// A call of the vendor API with `token`; answers the status and the JSON body.
async fn call(
    portal: &common::TestPortal,
    token: Option<&str>,
    method: reqwest::Method,
    path: &str,
    body: Option<&Value>,
    idempotency_key: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = portal.client.request(method, format!("{}{path}", portal.url));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    if let Some(key) = idempotency_key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("a JSON answer"))
}

fn midnight(days_ago: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::days(days_ago)).format("%Y-%m-%dT00:00:00Z").to_string()
}

on_both_databases!(the_shop_sells_a_license_through_the_vendor_api, |portal: common::TestPortal| async move {
    use reqwest::Method;
    // Arrange: a plan, a token for the shop and one for the CRM, which only reads the log.
    ok(
        &portal,
        &[
            "add-plan",
            "--product",
            "acme-ledger",
            "--edition",
            "Standard",
            "--sku",
            "LED-STD-1Y",
            "--price",
            "199.50",
            "--machines-per-user",
            "2",
            "--support-years",
            "1",
        ],
    )
    .await;
    let shop = token(&portal, "shop", "customers,orders,licenses").await;
    let crm = token(&portal, "crm", "events").await;
    let taken = run(&portal, &["api-token", "create", "--name", "shop", "--scope", "events"]).await;
    assert!(taken.expect_err("one shop token in force").contains("is in force already"));

    // No token, a wrong one, or one without the scope: refused with a code that says which.
    let new_customer = json!({ "company": "Initech", "email": "Ops@Initech.example", "country": "BG", "city": "Sofia",
        "vat_id": "bg 175.074-752", "first_name": "Peter", "last_name": "Gibbons" });
    let (status, body) = call(&portal, None, Method::POST, "/api/v1/admin/customers", Some(&new_customer), None).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("TOKEN_INVALID")), "{body}");
    let forged = format!("tsk_{}", &shop[4..].chars().rev().collect::<String>());
    let (status, _) =
        call(&portal, Some(&forged), Method::POST, "/api/v1/admin/customers", Some(&new_customer), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the shop's token reversed opens nothing");
    let (status, body) =
        call(&portal, Some(&crm), Method::POST, "/api/v1/admin/customers", Some(&new_customer), None).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::FORBIDDEN, Some("SCOPE_MISSING")), "{body}");
    assert!(body["message"].as_str().expect("message").contains("`customers`"), "{body}");

    // The shop adds the customer and places an order of 3 users; retried, it places nothing new.
    let (status, customer) =
        call(&portal, Some(&shop), Method::POST, "/api/v1/admin/customers", Some(&new_customer), None).await;
    assert_eq!(status, StatusCode::CREATED, "{customer}");
    assert_eq!(
        (customer["email"].as_str(), customer["contacts"][0]["last_name"].as_str(), customer["vat_id"].as_str()),
        (Some("ops@initech.example"), Some("Gibbons"), Some("BG175074752")),
        "the VAT id as invoices print it"
    );
    let bad_vat = json!({ "company": "Umbrella", "email": "it@umbrella.example", "country": "BG", "city": "Sofia",
        "vat_id": "BG-1?" });
    let (status, body) =
        call(&portal, Some(&shop), Method::POST, "/api/v1/admin/customers", Some(&bad_vat), None).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("BAD_REQUEST")), "{body}");
    assert!(body["message"].as_str().expect("message").contains("vat_id"), "the field is named: {body}");
    let customer_id = customer["id"].as_str().expect("id").to_owned();
    let key = tessera_core::ActivationKey::parse(customer["activation_key"].as_str().expect("key")).expect("a key");
    let order_body = json!({ "customer_id": customer_id, "items": [{ "sku": "LED-STD-1Y", "quantity": 3 }] });
    let (status, order) =
        call(&portal, Some(&shop), Method::POST, "/api/v1/admin/orders", Some(&order_body), Some("shop-order-77"))
            .await;
    assert_eq!(status, StatusCode::CREATED, "{order}");
    assert_eq!(
        (order["status"].as_str(), order["total_minor"].as_i64(), order["total"].as_str(), order["currency"].as_str()),
        (Some("awaiting_payment"), Some(59_850), Some("598.50"), Some("EUR")),
        "{order}"
    );
    assert_eq!(order["items"][0]["unit_price_minor"], 19_950);
    let reference = order["reference"].as_str().expect("reference").to_owned();
    let (status, again) =
        call(&portal, Some(&shop), Method::POST, "/api/v1/admin/orders", Some(&order_body), Some("shop-order-77"))
            .await;
    assert_eq!((status, again["reference"].as_str()), (StatusCode::OK, Some(reference.as_str())), "{again}");
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE customer_id = $1")
        .bind(&customer_id)
        .fetch_one(&portal.pool)
        .await
        .expect("count");
    assert_eq!(orders, 1, "the retried call placed no second order");
    let confirmations: Vec<String> =
        sqlx::query_scalar("SELECT body_text FROM mail_queue WHERE kind = 'order_placed' AND recipient = $1")
            .bind("ops@initech.example")
            .fetch_all(&portal.pool)
            .await
            .expect("the queue");
    assert_eq!(confirmations.len(), 1, "one confirmation for the order placed once");
    assert!(
        confirmations[0].contains(&format!(
            "Please transfer EUR 598.50 to the account on the invoice, quoting the reference {reference}."
        )),
        "without --bank-details the invoice's account is named: {}",
        confirmations[0]
    );
    let unknown = json!({ "customer_id": "cus_nobody", "items": [{ "sku": "LED-STD-1Y", "quantity": 1 }] });
    let (status, body) = call(&portal, Some(&shop), Method::POST, "/api/v1/admin/orders", Some(&unknown), None).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("BAD_REQUEST")), "{body}");
    assert!(body["message"].as_str().expect("message").contains("no customer has id cus_nobody"), "{body}");

    // Not paid: the key activates nothing, and says what it waits for.
    let machine = TestMachine::new(4400, "acme-ledger");
    let refused = portal.post("/api/v1/activations", &machine.activation_body(&key)).await;
    let refused: Value = refused.json().await.expect("json");
    assert_eq!(refused["code"], "NOT_PAID", "{refused}");
    assert!(refused["message"].as_str().expect("message").contains(&reference), "{refused}");

    // The bank transfer arrived yesterday for an order placed three days ago.
    sqlx::query("UPDATE orders SET placed_at = placed_at - 3 * 86400 WHERE reference = $1")
        .bind(&reference)
        .execute(&portal.pool)
        .await
        .expect("backdate");
    let payments = format!("/api/v1/admin/orders/{reference}/payments");
    let short = json!({ "amount_minor": 50_000, "currency": "EUR", "paid_at": midnight(1) });
    let (status, body) = call(&portal, Some(&shop), Method::POST, &payments, Some(&short), Some("pay-1")).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("AMOUNT_MISMATCH")), "{body}");
    let payment =
        json!({ "amount_minor": 59_850, "currency": "EUR", "paid_at": midnight(1), "bank_reference": "UB-4471" });
    let (status, paid) = call(&portal, Some(&shop), Method::POST, &payments, Some(&payment), Some("pay-1")).await;
    assert_eq!(status, StatusCode::CREATED, "{paid}");
    assert_eq!(
        (paid["order"]["status"].as_str(), paid["recorded_now"].as_bool()),
        (Some("paid"), Some(true)),
        "{paid}"
    );
    assert_eq!(paid["activation_key"].as_str(), Some(key.as_str()));
    let license = &paid["licenses"][0];
    let a_year_on = (chrono::Utc::now() - chrono::Duration::days(1)).date_naive() + chrono::Months::new(12);
    assert_eq!(
        (license["users"].as_i64(), license["max_machines"].as_i64(), license["starts_at"].as_str()),
        (Some(3), Some(6), Some(midnight(1).as_str())),
        "the term starts the day the money arrived: {license}"
    );
    assert_eq!(license["expires_at"].as_str(), Some(format!("{a_year_on}T00:00:00Z").as_str()), "{license}");
    let serial = license["serial"].as_str().expect("serial").to_owned();
    // The call retried (its answer lost on the way) records nothing new and answers the same.
    let (status, retried) = call(&portal, Some(&shop), Method::POST, &payments, Some(&payment), Some("pay-1")).await;
    assert_eq!((status, retried["recorded_now"].as_bool()), (StatusCode::OK, Some(false)), "{retried}");
    assert_eq!(retried["licenses"][0]["serial"].as_str(), Some(serial.as_str()));
    assert_eq!(retried["licenses"].as_array().map(Vec::len), Some(1));

    // Paid: the key activates.
    let activated = portal.post("/api/v1/activations", &machine.activation_body(&key)).await;
    assert_eq!(activated.status(), StatusCode::CREATED);

    // Suspended with the reason the customer reads; a suspension without one is refused.
    let path = format!("/api/v1/admin/licenses/{}", serial.to_lowercase());
    let (status, read) = call(&portal, Some(&shop), Method::GET, &path, None, None).await;
    assert_eq!(
        (status, read["state"].as_str(), read["used_machines"].as_i64()),
        (StatusCode::OK, Some("VALID"), Some(1))
    );
    let (status, body) =
        call(&portal, Some(&shop), Method::POST, &format!("{path}/suspend"), Some(&json!({ "reason": " " })), None)
            .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let reason = json!({ "reason": "Invoice 2026-117 is overdue" });
    let (status, suspended) =
        call(&portal, Some(&shop), Method::POST, &format!("{path}/suspend"), Some(&reason), None).await;
    assert_eq!(
        (status, suspended["status"].as_str(), suspended["status_reason"].as_str()),
        (StatusCode::OK, Some("suspended"), Some("Invoice 2026-117 is overdue")),
        "{suspended}"
    );
    let validated: Value =
        portal.post("/api/v1/validate", &machine.validate_body(&key)).await.json().await.expect("json");
    assert_eq!(validated["code"], "SUSPENDED", "{validated}");
    let (_, reinstated) =
        call(&portal, Some(&shop), Method::POST, &format!("{path}/reinstate"), Some(&json!({})), None).await;
    assert_eq!((reinstated["status"].as_str(), reinstated["status_reason"].as_str()), (Some("active"), None));
    let (status, _) = call(&portal, Some(&shop), Method::GET, "/api/v1/admin/licenses/NOPE1", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The invoice names the buyer's VAT id.
    let document: String =
        sqlx::query_scalar("SELECT document FROM invoices WHERE customer_id = $1 AND kind = 'invoice'")
            .bind(&customer_id)
            .fetch_one(&portal.pool)
            .await
            .expect("the order's invoice");
    assert!(document.contains(r#""vat_id":"BG175074752""#), "{document}");

    // The customer as the shop reads them back.
    let (_, read) =
        call(&portal, Some(&shop), Method::GET, &format!("/api/v1/admin/customers/{customer_id}"), None, None).await;
    assert_eq!(
        (read["orders"][0]["status"].as_str(), read["licenses"][0]["serial"].as_str()),
        (Some("paid"), Some(serial.as_str()))
    );
    assert_eq!(read["orders"][0]["items"].as_array().map(Vec::len), Some(1), "{read}");

    // The CRM reads the log from a cursor, two at a time: every event once, in order.
    let (status, all) = call(&portal, Some(&crm), Method::GET, "/api/v1/admin/events?limit=500", None, None).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    let all: Vec<Value> = all["events"].as_array().expect("events").clone();
    let by_shop: Vec<&str> =
        all.iter().filter(|e| e["actor"] == "api:shop").filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(
        by_shop,
        [
            "customer_added",
            "order_placed",
            "license_issued",
            "payment_recorded",
            "license_status_changed",
            "license_status_changed"
        ]
    );
    assert!(all.iter().filter(|e| e["actor"] == "api:shop").all(|e| e["source_ip"] == "127.0.0.1"), "{all:?}");
    let suspension = all.iter().find(|e| e["kind"] == "license_status_changed").expect("the suspension");
    assert_eq!(suspension["after"]["reason"], "Invoice 2026-117 is overdue");
    let mut walked = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let query = after.as_ref().map(|a| format!("&after={a}")).unwrap_or_default();
        let (_, page) =
            call(&portal, Some(&crm), Method::GET, &format!("/api/v1/admin/events?limit=2{query}"), None, None).await;
        walked.extend(page["events"].as_array().expect("events").iter().map(|e| e["id"].clone()));
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!(walked, all.iter().map(|e| e["id"].clone()).collect::<Vec<_>>());
    let (status, body) = call(&portal, Some(&crm), Method::GET, "/api/v1/admin/events?limit=0", None, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    // Revoked, the shop's token opens nothing; the list shows it, and no token.
    let revoked = ok(&portal, &["api-token", "revoke", "--name", "shop"]).await;
    assert!(revoked.starts_with("token shop (tsk_") && revoked.ends_with("…) revoked"), "{revoked}");
    let (status, _) = call(&portal, Some(&shop), Method::GET, &path, None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let list = ok(&portal, &["api-token", "list"]).await;
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let shop_row = list.lines().find(|l| l.starts_with("shop\t")).expect("the shop's row");
    assert!(shop_row.ends_with(&format!("\t{today}\t{today}")), "used and revoked today: {shop_row}");
    assert!(!list.contains(&shop[4..12]) && !list.contains(&crm[4..12]), "no more of a token than its prefix: {list}");
});
