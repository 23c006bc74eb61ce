//! The must-hold for the Partner API (#13 Part B): 50 renewals at once, over HTTP,
//! spread over 3 real portal processes on one PostgreSQL database (and over 1 process on
//! SQLite), against a pool that can pay for 10: exactly 10 are made (201), 40 are refused with
//! 409 INSUFFICIENT_LICENSES, and the ledger sums to the balance, read from the database.

mod common;

use common::admin::ok;
use common::process::start;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tessera_portal::domain::Actor;
use tessera_portal::services::pools;

/// Races 50 renewals of 5 clients (1 user, 1 year each) through `processes` portal processes
/// on `portal`'s database.
async fn fifty_renewals_against_ten(portal: common::TestPortal, processes: usize) {
    // Arrange: a partner holding 15 license-years; 5 clients of 1 user for 1 year leave 10.
    let partner = pools::create_partner(&portal.pool, "Race Partners").await.expect("partner");
    pools::grant(&portal.pool, &Actor::cli(), &partner, "JWT19", "acme-ledger", 15).await.expect("grant");
    let created = ok(&portal, &["pool", "token", "create", &partner, "erp"]).await;
    let token = created.lines().last().expect("the token").trim().to_owned();
    let url = portal.config.database_url();
    let key_path = portal.dir.join("shared-signing-key.secret");
    let started: Vec<_> =
        (0..processes).map(|n| start(&portal.dir.join(format!("p{n}")), &url, &key_path, false)).collect();
    let urls: Vec<String> = started.iter().map(|(_, url)| url.clone()).collect();
    let mut clients = Vec::new();
    for n in 0..5 {
        let body = json!({ "name": format!("Client {n}"), "product": "acme-ledger", "users": 1, "years": 1 });
        let answer = portal
            .client
            .post(format!("{}/api/v1/partner/clients", urls[n % urls.len()]))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .expect("an answer");
        assert_eq!(answer.status(), StatusCode::CREATED);
        let client: Value = answer.json().await.expect("json");
        clients.push(client["client_id"].as_str().expect("id").to_owned());
    }

    // Act: 50 renewals at once, round-robin over the processes and the clients.
    let mut calls = tokio::task::JoinSet::new();
    for n in 0..50 {
        let request = portal
            .client
            .post(format!("{}/api/v1/partner/clients/{}/renewals", urls[n % urls.len()], clients[n % clients.len()]))
            .bearer_auth(&token)
            .json(&json!({ "years": 1 }));
        calls.spawn(async move {
            let answer = request.send().await.expect("an answer");
            let status = answer.status();
            let body: Value = answer.json().await.expect("json");
            (status, body)
        });
    }
    let answers = calls.join_all().await;

    // Assert: exactly 10 made, 40 refused for want of license-years; the ledger sums to the balance.
    let made = answers.iter().filter(|(s, _)| *s == StatusCode::CREATED || *s == StatusCode::OK).count();
    let refused =
        answers.iter().filter(|(s, b)| *s == StatusCode::CONFLICT && b["code"] == "INSUFFICIENT_LICENSES").count();
    assert_eq!((made, refused), (10, 40), "{answers:?}");
    let (balance, sum, allocations): (i64, i64, i64) = sqlx::query_as(
        "SELECT p.balance, \
                (SELECT CAST(SUM(m.amount) AS BIGINT) FROM pool_ledger m WHERE m.pool_id = p.id), \
                (SELECT COUNT(*) FROM pool_ledger m WHERE m.pool_id = p.id AND m.kind = 'allocate') \
         FROM license_pools p WHERE p.organisation_id = $1",
    )
    .bind(&partner)
    .fetch_one(&portal.pool)
    .await
    .expect("the pool");
    assert_eq!((balance, sum, allocations), (0, 0, 15), "15 granted, 15 allocated, none left");
    let terms: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM client_terms t JOIN organisations o ON o.id = t.client_id WHERE o.parent_id = $1",
    )
    .bind(&partner)
    .fetch_one(&portal.pool)
    .await
    .expect("terms");
    assert_eq!(terms, 15, "5 first terms and 10 renewals");
    drop(started);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_processes_on_postgres_make_exactly_ten_of_fifty_renewals() {
    let Some(portal) = common::TestPortal::spawn(common::Db::Postgres).await else { return };
    fifty_renewals_against_ten(portal, 3).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_process_on_sqlite_makes_exactly_ten_of_fifty_renewals() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("sqlite portal");
    fifty_renewals_against_ten(portal, 1).await;
}
