//! Customers sign in with e-mail and order number and see only their own licenses and supports;
//! installation keys become registration keys.

mod common;

use common::TestMachine;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tessera_core::{InstallationKey, PublicKeySet, RegistrationKey};

async fn sign_in(portal: &common::TestPortal, email: &str, order: &str) -> (StatusCode, Value) {
    let response = portal.post("/api/v1/session", &json!({ "email": email, "order_reference": order })).await;
    (response.status(), response.json().await.expect("json"))
}

async fn get_as(portal: &common::TestPortal, token: &str, path: &str) -> (StatusCode, Value) {
    let response = portal.client.get(format!("{}{path}", portal.url)).bearer_auth(token).send().await.expect("request");
    (response.status(), response.json().await.expect("json"))
}

on_both_databases!(any_order_number_of_the_customer_signs_them_in, |portal: common::TestPortal| async move {
    for order in ["JWT11408", "JWT19", " JWT18 "] {
        let (status, body) = sign_in(&portal, "Demo@Northwind.example", order).await;
        assert_eq!(status, StatusCode::OK, "{order}: {body}");
        let (_, me) = get_as(&portal, body["token"].as_str().expect("token"), "/api/v1/me").await;
        assert_eq!(me["company"], "Northwind Traders");
        assert_eq!(me["activation_key"], json!(portal.demo.customers[0].activation_key));
    }
    let (status, body) = sign_in(&portal, "demo@northwind.example", "JWT20417").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("SIGN_IN_FAILED")),
        "another customer's order"
    );
});

on_both_databases!(
    the_licenses_and_supports_tables_show_the_customers_own_rows,
    |portal: common::TestPortal| async move {
        let machine = TestMachine::new(40, "acme-ledger");
        portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await;
        let (_, session) = sign_in(&portal, "demo@northwind.example", "JWT19").await;
        let token = session["token"].as_str().expect("token");
        let (status, licenses) = get_as(&portal, token, "/api/v1/me/licenses").await;
        assert_eq!(status, StatusCode::OK);
        let serials: Vec<&str> =
            licenses.as_array().expect("rows").iter().filter_map(|r| r["serial"].as_str()).collect();
        assert_eq!(serials, ["P30", "P65", "P24"], "newest first, only Northwind's");
        let p65 = &licenses[1];
        assert_eq!(p65["computers"], json!(["PC-0040"]));
        assert_eq!(
            (p65["users"].as_i64(), p65["edition"].as_str(), p65["order_reference"].as_str()),
            (Some(10), Some("Enterprise"), Some("JWT19"))
        );
        assert_eq!(p65["days"], Value::Null, "perpetual");
        let (_, supports) = get_as(&portal, token, "/api/v1/me/supports").await;
        let years: Vec<i64> = supports.as_array().expect("rows").iter().filter_map(|r| r["years"].as_i64()).collect();
        assert_eq!(years, [1, 2]);
    }
);

on_both_databases!(customer_endpoints_refuse_missing_and_forged_tokens, |portal: common::TestPortal| async move {
    let (status, body) = get_as(&portal, "not-a-token", "/api/v1/me/licenses").await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("UNAUTHENTICATED")));
    let response = portal.get("/api/v1/me").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
});

on_both_databases!(
    an_installation_key_becomes_a_registration_key_with_the_comparison_table,
    |portal: common::TestPortal| async move {
        let (_, session) = sign_in(&portal, "demo@northwind.example", "JWT19").await;
        let token = session["token"].as_str().expect("token");
        let machine = TestMachine::new(41, "acme-ledger");
        let install = InstallationKey::new("acme-ledger", (7, 2), 3, machine.fingerprint().digest());
        let response = portal
            .client
            .post(format!("{}/api/v1/registration-keys", portal.url))
            .bearer_auth(token)
            .json(&json!({ "installation_key": install.to_string() }))
            .send()
            .await
            .expect("request");
        let body: Value = response.json().await.expect("json");
        let rows = body["comparison"].as_array().expect("table");
        let parameters: Vec<&str> = rows.iter().filter_map(|r| r["parameter"].as_str()).collect();
        assert_eq!(parameters, ["product", "version", "workstations", "term"]);
        assert!(rows.iter().all(|r| r["ok"] == json!(true)), "{body}");
        let registration = RegistrationKey::parse(body["registration_key"].as_str().expect("key")).expect("parse");
        let trusted: PublicKeySet = portal.trusted_keys().await;
        assert_eq!(registration.verify(&install, &trusted).expect("genuine").seats, 3);
        let recorded = |key: String| {
            let pool = portal.pool.clone();
            async move {
                sqlx::query_scalar::<_, String>(
                    "SELECT registration_key FROM registrations WHERE installation_key = $1",
                )
                .bind(key)
                .fetch_all(&pool)
                .await
                .expect("registrations")
            }
        };
        assert_eq!(recorded(install.to_string()).await, [body["registration_key"].as_str().expect("key")], "kept");

        let too_many = InstallationKey::new("acme-ledger", (7, 2), 50, machine.fingerprint().digest());
        let response = portal
            .client
            .post(format!("{}/api/v1/registration-keys", portal.url))
            .bearer_auth(token)
            .json(&json!({ "installation_key": too_many.to_string() }))
            .send()
            .await
            .expect("request");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["registration_key"], Value::Null, "50 workstations asked, 10 entitled");
        assert!(recorded(too_many.to_string()).await.is_empty(), "a refusal is not kept");
        let seats =
            body["comparison"].as_array().expect("table").iter().find(|r| r["parameter"] == "workstations").cloned();
        assert_eq!(seats, Some(json!({"parameter": "workstations", "requested": "50", "entitled": "10", "ok": false})));
    }
);

#[tokio::test]
async fn sign_in_is_rate_limited_with_retry_after() {
    let portal =
        common::TestPortal::spawn_with(common::Db::Sqlite, |c| c.sign_in_per_minute = 3).await.expect("portal");
    for _ in 0..3 {
        assert_eq!(sign_in(&portal, "guess@example.com", "JWT1").await.0, StatusCode::UNAUTHORIZED);
    }
    let response =
        portal.post("/api/v1/session", &json!({ "email": "guess@example.com", "order_reference": "JWT2" })).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = response.headers()["retry-after"].to_str().expect("ascii").parse().expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["code"], "RATE_LIMITED");
}
