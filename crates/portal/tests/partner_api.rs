//! The Partner API end to end on both databases (#13 Part B): a partner's and its resellers'
//! own tokens (shown once, listed without the secret, revocable), the pool with its ledger, the
//! clients each sees, a client created and renewed over HTTP; a bad, revoked or vendor token is
//! 401; a reseller gets 404 on another reseller's client on every partner route naming a client
//! (the routes taken from the OpenAPI document); over the balance is 409 with the ledger unchanged.

mod common;

use common::admin::{ok, run};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tessera_core::api;
use tessera_portal::domain::Actor;
use tessera_portal::services::pools;

/// A partner with two resellers, each with its own token; the partner holds 50 license-years of
/// acme-ledger, North 30 and South 20.
struct Setup {
    partner: String,
    north: String,
    partner_token: String,
    north_token: String,
    south_token: String,
}

/// Creates a Partner API token with the admin command; the token (its last line).
async fn token(portal: &common::TestPortal, organisation: &str, name: &str) -> String {
    let created = ok(portal, &["pool", "token", "create", organisation, name]).await;
    let token = created.lines().last().expect("the token").trim().to_owned();
    assert!(token.starts_with("tpk_") && token.len() == 47, "{created}");
    token
}

async fn setup(portal: &common::TestPortal) -> Setup {
    let db = &portal.pool;
    let partner = pools::create_partner(db, "Contoso Partners").await.expect("partner");
    let north = pools::create_reseller(db, &partner, "North Reseller").await.expect("reseller");
    let south = pools::create_reseller(db, &partner, "South Reseller").await.expect("reseller");
    pools::grant(db, &Actor::cli(), &partner, "JWT19", "acme-ledger", 100).await.expect("grant");
    pools::transfer(db, &Actor::cli(), &partner, &north, "acme-ledger", 30).await.expect("transfer");
    pools::transfer(db, &Actor::cli(), &partner, &south, "acme-ledger", 20).await.expect("transfer");
    Setup {
        partner_token: token(portal, &partner, "erp").await,
        north_token: token(portal, &north, "erp").await,
        south_token: token(portal, &south, "crm").await,
        partner,
        north,
    }
}

/// A call of the Partner API with `token`; the status and the JSON body, whose signature must verify.
async fn call(
    portal: &common::TestPortal,
    token: Option<&str>,
    method: Method,
    path: &str,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut request =
        portal.client.request(method.clone(), format!("{}{path}", portal.url)).header(api::NONCE_HEADER, "partner");
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let (date, signature) = (header("date").expect("Date"), header(api::SIGNATURE_HEADER).expect("signed"));
    let bytes = response.bytes().await.expect("body");
    let message = api::response_message(method.as_str(), path, status.as_u16(), &date, "partner", &bytes);
    assert!(
        api::verify_response(&portal.trusted_keys().await, &signature, &message).is_ok(),
        "{method} {path}: the signature verifies"
    );
    (status, serde_json::from_slice(&bytes).expect("a JSON answer"))
}

/// The balance of `organisation`'s acme-ledger pool and the number and sum of its ledger rows.
async fn pool_state(portal: &common::TestPortal, organisation: &str) -> (i64, i64, i64) {
    sqlx::query_as(
        "SELECT p.balance, (SELECT COUNT(*) FROM pool_ledger m WHERE m.pool_id = p.id), \
                (SELECT CAST(COALESCE(SUM(m.amount), 0) AS BIGINT) FROM pool_ledger m WHERE m.pool_id = p.id) \
         FROM license_pools p WHERE p.organisation_id = $1 AND p.product_id = 'acme-ledger'",
    )
    .bind(organisation)
    .fetch_one(&portal.pool)
    .await
    .expect("the pool")
}

fn day_in_years(years: u32) -> String {
    let today = chrono::Utc::now().date_naive();
    tessera_billing::term_end(today, years).expect("a term").format("%Y-%m-%d").to_string()
}

on_both_databases!(a_partner_and_its_resellers_work_their_pools_over_http, |portal: common::TestPortal| async move {
    let s = setup(&portal).await;
    let today = chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string();

    // The partner's pool: 100 granted, 30 and 20 moved on; the newest movement first.
    let (status, pool) = call(&portal, Some(&s.partner_token), Method::GET, "/api/v1/partner/pool", None).await;
    assert_eq!(status, StatusCode::OK, "{pool}");
    assert_eq!(pool["balances"], json!([{ "product": "acme-ledger", "license_years": 50 }]));
    let amounts: Vec<i64> =
        pool["ledger"].as_array().expect("ledger").iter().map(|m| m["amount"].as_i64().expect("amount")).collect();
    assert_eq!(amounts.iter().sum::<i64>(), 50, "{pool}");
    assert_eq!(amounts.len(), 3, "{pool}");
    let mut kinds: Vec<&str> =
        pool["ledger"].as_array().expect("ledger").iter().map(|m| m["kind"].as_str().expect("kind")).collect();
    kinds.sort_unstable();
    assert_eq!(kinds, ["grant", "transfer", "transfer"], "{pool}");

    // North creates a client: 5 users × 2 years = 10 license-years from North's pool.
    let body = json!({ "name": "Acme Corp", "product": "acme-ledger", "users": 5, "years": 2 });
    let (status, acme) =
        call(&portal, Some(&s.north_token), Method::POST, "/api/v1/partner/clients", Some(&body)).await;
    assert_eq!(status, StatusCode::CREATED, "{acme}");
    assert_eq!((acme["license_years"].as_i64(), acme["starts_on"].as_str()), (Some(10), Some(today.as_str())));
    assert_eq!(acme["ends_on"], day_in_years(2));
    let acme_id = acme["client_id"].as_str().expect("id").to_owned();
    let body = json!({ "name": "Globex", "product": "acme-ledger", "users": 2, "years": 1 });
    let (status, globex) =
        call(&portal, Some(&s.south_token), Method::POST, "/api/v1/partner/clients", Some(&body)).await;
    assert_eq!(status, StatusCode::CREATED, "{globex}");

    // North sees its own client, without a reseller named; the partner sees both, naming each reseller.
    let (status, north) = call(&portal, Some(&s.north_token), Method::GET, "/api/v1/partner/clients", None).await;
    assert_eq!(status, StatusCode::OK);
    let clients = north["clients"].as_array().expect("clients");
    assert_eq!(clients.len(), 1, "{north}");
    assert_eq!(
        (&clients[0]["id"], &clients[0]["name"], &clients[0]["reseller"], &clients[0]["standing"]),
        (&json!(acme_id), &json!("Acme Corp"), &Value::Null, &json!("active"))
    );
    assert_eq!((clients[0]["users"].as_i64(), clients[0]["years"].as_i64()), (Some(5), Some(2)));
    let (_, all) = call(&portal, Some(&s.partner_token), Method::GET, "/api/v1/partner/clients", None).await;
    let names: Vec<(&str, &str)> = all["clients"]
        .as_array()
        .expect("clients")
        .iter()
        .map(|c| (c["name"].as_str().expect("name"), c["reseller"].as_str().expect("reseller")))
        .collect();
    assert_eq!(names, [("Acme Corp", "North Reseller"), ("Globex", "South Reseller")]);

    // North renews before the end: the new term starts at the current end; the list shows it renewed.
    let path = format!("/api/v1/partner/clients/{acme_id}/renewals");
    let (status, renewed) =
        call(&portal, Some(&s.north_token), Method::POST, &path, Some(&json!({ "years": 1 }))).await;
    assert_eq!(status, StatusCode::CREATED, "{renewed}");
    assert_eq!((renewed["starts_on"].as_str(), renewed["users"].as_i64()), (Some(day_in_years(2).as_str()), Some(5)));
    assert_eq!(
        (renewed["ends_on"].as_str(), renewed["license_years"].as_i64()),
        (Some(day_in_years(3).as_str()), Some(5))
    );
    let (_, north) = call(&portal, Some(&s.north_token), Method::GET, "/api/v1/partner/clients", None).await;
    assert_eq!(north["clients"][0]["standing"], "renewed", "{north}");
    assert_eq!(north["clients"][0]["renewed_until"], day_in_years(3));

    // North's ledger: 30 in, 10 and 5 out, each allocation by its token.
    let (_, pool) = call(&portal, Some(&s.north_token), Method::GET, "/api/v1/partner/pool", None).await;
    assert_eq!(pool["balances"][0]["license_years"], 15, "{pool}");
    let mut ledger: Vec<(String, i64, String, String)> = pool["ledger"]
        .as_array()
        .expect("ledger")
        .iter()
        .map(|m| {
            let text = |key: &str| m[key].as_str().unwrap_or("-").to_owned();
            (text("kind"), m["amount"].as_i64().expect("amount"), text("client_id"), text("actor"))
        })
        .collect();
    ledger.sort();
    let by_token = format!("partner:{}/erp", s.north);
    assert_eq!(
        ledger,
        [
            ("allocate".to_owned(), -10, acme_id.clone(), by_token.clone()),
            ("allocate".to_owned(), -5, acme_id.clone(), by_token.clone()),
            ("transfer".to_owned(), 30, "-".to_owned(), "cli".to_owned()),
        ]
    );
    let (_, newest) = call(&portal, Some(&s.north_token), Method::GET, "/api/v1/partner/pool?limit=1", None).await;
    assert_eq!(newest["ledger"].as_array().map(Vec::len), Some(1), "the limit: {newest}");
    assert_eq!(pool_state(&portal, &s.north).await, (15, 3, 15));

    // The partner renews its reseller's client from its own pool.
    let (status, by_partner) =
        call(&portal, Some(&s.partner_token), Method::POST, &path, Some(&json!({ "years": 1, "users": 3 }))).await;
    assert_eq!(status, StatusCode::CREATED, "{by_partner}");
    assert_eq!(pool_state(&portal, &s.partner).await.0, 47);
    assert_eq!(pool_state(&portal, &s.north).await.0, 15, "North's pool untouched");

    // A body the API does not take: 400 with the API's shape.
    let bad = json!({ "name": "Initech", "product": "acme-ledger", "users": 0, "years": 1 });
    let (status, refused) =
        call(&portal, Some(&s.north_token), Method::POST, "/api/v1/partner/clients", Some(&bad)).await;
    assert_eq!((status, refused["code"].as_str()), (StatusCode::BAD_REQUEST, Some("BAD_REQUEST")), "{refused}");
});

on_both_databases!(a_bad_revoked_or_vendor_token_opens_nothing, |portal: common::TestPortal| async move {
    let s = setup(&portal).await;
    let vendor = ok(&portal, &["api-token", "create", "--name", "shop", "--scope", "customers"]).await;
    let vendor = vendor.lines().last().expect("token").trim().to_owned();
    let forged = format!("tpk_{}", &s.north_token[4..].chars().rev().collect::<String>());
    for token in [None, Some("tpk_nonsense"), Some(forged.as_str()), Some(vendor.as_str())] {
        for (method, path) in [(Method::GET, "/api/v1/partner/pool"), (Method::GET, "/api/v1/partner/clients")] {
            let (status, body) = call(&portal, token, method, path, None).await;
            assert_eq!(
                (status, body["code"].as_str()),
                (StatusCode::UNAUTHORIZED, Some("TOKEN_INVALID")),
                "{token:?} {path}"
            );
        }
    }
    // A partner token opens nothing of the vendor API, and the vendor scope is not for partners.
    let (status, body) =
        call(&portal, Some(&s.partner_token), Method::GET, "/api/v1/admin/customers/cus_x", None).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("TOKEN_INVALID")));
    let refused = run(&portal, &["api-token", "create", "--name", "p", "--scope", "partner"])
        .await
        .expect_err("not for the vendor");
    assert!(refused.starts_with("BAD_REQUEST"), "{refused}");
    // Tokens of a client or of nobody are refused; names are per organisation.
    let refused = run(&portal, &["pool", "token", "create", "org_nobody", "erp"]).await.expect_err("nobody");
    assert!(refused.starts_with("BAD_REQUEST"), "{refused}");
    let twice = run(&portal, &["pool", "token", "create", &s.north, "erp"]).await.expect_err("one erp in force");
    assert!(twice.starts_with("BAD_REQUEST"), "{twice}");

    // Listed without the secret; revoked, it opens nothing; the others still work.
    let listed = ok(&portal, &["pool", "token", "list", &s.north]).await;
    assert!(listed.contains("\terp\ttpk_") && !listed.contains(&s.north_token[..12]), "{listed}");
    assert!(!listed.contains("crm"), "only North's tokens: {listed}");
    let all = ok(&portal, &["pool", "token", "list"]).await;
    assert_eq!(all.lines().count(), 4, "a header and three tokens: {all}");
    ok(&portal, &["pool", "token", "revoke", &s.north, "erp"]).await;
    let (status, _) = call(&portal, Some(&s.north_token), Method::GET, "/api/v1/partner/pool", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = call(&portal, Some(&s.south_token), Method::GET, "/api/v1/partner/pool", None).await;
    assert_eq!(status, StatusCode::OK);
    let revoked = ok(&portal, &["pool", "token", "list", &s.north]).await;
    assert!(!revoked.lines().nth(1).expect("a line").ends_with("\t-"), "revoked on a day: {revoked}");
    // No token is ever written to the log.
    let logged: Vec<String> =
        sqlx::query_scalar("SELECT COALESCE(after_state, '') FROM events WHERE kind = 'api_token_created'")
            .fetch_all(&portal.pool)
            .await
            .expect("events");
    assert!(logged.len() >= 4, "{logged:?}");
    assert!(logged.iter().all(|e| !e.contains(&s.south_token[4..])), "{logged:?}");
});

on_both_databases!(a_reseller_never_reaches_another_reseller_s_client, |portal: common::TestPortal| async move {
    let s = setup(&portal).await;
    let body = json!({ "name": "Globex", "product": "acme-ledger", "users": 2, "years": 1 });
    let (_, globex) = call(&portal, Some(&s.south_token), Method::POST, "/api/v1/partner/clients", Some(&body)).await;
    let globex = globex["client_id"].as_str().expect("id").to_owned();
    let before = (pool_state(&portal, &s.north).await, pool_state(&portal, &s.partner).await);

    // Every partner route that names a client, as the document lists them.
    let document: Value = portal.get("/api/v1/openapi.json").await.json().await.expect("openapi");
    let mut routes = Vec::new();
    for (path, operations) in document["paths"].as_object().expect("paths") {
        if path.starts_with("/api/v1/partner/") && path.contains("{id}") {
            for method in operations.as_object().expect("operations").keys() {
                routes.push((method.to_uppercase(), path.replace("{id}", &globex)));
            }
        }
    }
    assert!(!routes.is_empty(), "the document names partner routes with a client");
    for (method, path) in &routes {
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        // The body each route takes, so that only the client decides the answer.
        let body = if path.ends_with("/admin") {
            json!({ "email": "it@globex.example" })
        } else {
            json!({ "years": 1, "users": 1 })
        };
        let (status, answer) = call(&portal, Some(&s.north_token), method.clone(), path, Some(&body)).await;
        assert_eq!(
            (status, answer["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("NOT_FOUND")),
            "North: {method} {path}"
        );
        let missing = path.replace(&globex, "org_missing");
        let (status, _) = call(&portal, Some(&s.north_token), method.clone(), &missing, Some(&body)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "a missing client answers alike: {method} {missing}");
    }
    assert_eq!((pool_state(&portal, &s.north).await, pool_state(&portal, &s.partner).await), before, "nothing moved");
    let (_, north) = call(&portal, Some(&s.north_token), Method::GET, "/api/v1/partner/clients", None).await;
    assert_eq!(north["clients"], json!([]), "North lists none of South's clients");
});

on_both_databases!(over_the_balance_is_409_and_the_ledger_is_unchanged, |portal: common::TestPortal| async move {
    let s = setup(&portal).await;
    let body = json!({ "name": "Acme Corp", "product": "acme-ledger", "users": 5, "years": 2 });
    let (_, acme) = call(&portal, Some(&s.north_token), Method::POST, "/api/v1/partner/clients", Some(&body)).await;
    let acme = acme["client_id"].as_str().expect("id").to_owned();
    let before = pool_state(&portal, &s.north).await;
    assert_eq!(before, (20, 2, 20));
    let clients: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE kind = 'client'")
        .fetch_one(&portal.pool)
        .await
        .expect("clients");

    // 7 users × 3 years = 21 > 20, for a new client and for a renewal.
    let big = json!({ "name": "Big Co", "product": "acme-ledger", "users": 7, "years": 3 });
    let (status, refused) =
        call(&portal, Some(&s.north_token), Method::POST, "/api/v1/partner/clients", Some(&big)).await;
    assert_eq!((status, refused["code"].as_str()), (StatusCode::CONFLICT, Some("INSUFFICIENT_LICENSES")), "{refused}");
    let path = format!("/api/v1/partner/clients/{acme}/renewals");
    let (status, refused) =
        call(&portal, Some(&s.north_token), Method::POST, &path, Some(&json!({ "years": 3, "users": 7 }))).await;
    assert_eq!((status, refused["code"].as_str()), (StatusCode::CONFLICT, Some("INSUFFICIENT_LICENSES")), "{refused}");

    assert_eq!(pool_state(&portal, &s.north).await, before, "the balance and the ledger as they were");
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE kind = 'client'")
        .fetch_one(&portal.pool)
        .await
        .expect("clients");
    assert_eq!(after, clients, "no client was created");
    let terms: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM client_terms").fetch_one(&portal.pool).await.expect("terms");
    assert_eq!(terms, 1);
});

/// One token makes 300 calls a minute, then waits its turn (`429` with `Retry-After`); another
/// token is not held up.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_token_over_its_calls_a_minute_is_told_to_wait() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("sqlite portal");
    let s = setup(&portal).await;
    let pool = format!("{}/api/v1/partner/pool", portal.url);
    // The bucket refills one call every 0.2 s while the calls are made: a few more get through.
    let limit = tessera_portal::state::PARTNER_CALLS_PER_MINUTE as usize;
    let mut through = 0;
    let over = loop {
        let answer = portal.client.get(&pool).bearer_auth(&s.north_token).send().await.expect("an answer");
        if answer.status() != StatusCode::OK || through > limit + 100 {
            break answer;
        }
        through += 1;
    };
    assert!((limit..limit + 100).contains(&through), "{through} calls went through");
    assert_eq!(over.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = over.headers()["retry-after"].to_str().expect("text").parse().expect("seconds");
    assert!((1..=1).contains(&wait), "one call back every 0.2 s, rounded up: {wait}");
    let body: Value = over.json().await.expect("json");
    assert_eq!(body["code"], "RATE_LIMITED");
    let (status, _) = call(&portal, Some(&s.south_token), Method::GET, "/api/v1/partner/pool", None).await;
    assert_eq!(status, StatusCode::OK, "another token is not held up");
}
