//! Two portal processes on one PostgreSQL database keep the seat limit together.

mod common;

use common::process::start;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_one_postgres_database_give_exactly_five_of_two_hundred() {
    // The in-process portal creates the database, the demo data and the 5-seat license.
    let Some(portal) = common::TestPortal::spawn(common::Db::Postgres).await else { return };
    portal.add_license("TWO", 5).await;
    let url = portal.config.database_url();
    let key_path = portal.dir.join("shared-signing-key.secret");
    let (first, first_url) = start(&portal.dir.join("a"), &url, &key_path, false);
    let (second, second_url) = start(&portal.dir.join("b"), &url, &key_path, false);

    let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
    let urls = [first_url.clone(), second_url.clone()];
    let (created, refused) = common::race_for_seats(&portal.client, &urls, &key, "load-TWO", 5000).await;
    assert_eq!((created, refused), (5, 195));
    // Both processes signed with the one shared key.
    let a: Value = reqwest::get(format!("{first_url}/api/v1/keys")).await.expect("keys").json().await.expect("json");
    let b: Value = reqwest::get(format!("{second_url}/api/v1/keys")).await.expect("keys").json().await.expect("json");
    assert_eq!(a, b);
    drop((first, second));
}

/// Browsers of one customer changing one subscription at once through two processes, each on
/// the version it was shown: one change is made and charged once, every other is refused with
/// `CHANGED_MEANWHILE` and changes nothing (#12, "never a lost update, never a double charge").
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_change_one_subscription_once() {
    let Some(portal) = common::TestPortal::spawn(common::Db::Postgres).await else { return };
    common::subscriptions::monthly_plans(&portal).await;
    let token = common::subscriptions::shop_token(&portal).await;
    let contoso = common::subscriptions::customer_id(&portal, "it@contoso.example").await;
    let url = portal.config.database_url();
    let key_path = portal.dir.join("shared-signing-key.secret");
    let (first, first_url) = start(&portal.dir.join("a"), &url, &key_path, false);
    let (second, second_url) = start(&portal.dir.join("b"), &url, &key_path, false);
    let body = serde_json::json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 5 });
    let started: Value = portal
        .client
        .post(format!("{first_url}/api/v1/admin/subscriptions"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .expect("started")
        .json()
        .await
        .expect("json");
    let (id, version) = (started["id"].as_str().expect("id").to_owned(), started["version"].as_i64().expect("version"));

    // Twenty changes decided on the same version, ten through each process, at once.
    let mut calls = tokio::task::JoinSet::new();
    for n in 0..20 {
        let base = if n % 2 == 0 { first_url.clone() } else { second_url.clone() };
        let request = portal
            .client
            .post(format!("{base}/api/v1/admin/subscriptions/{id}/changes"))
            .bearer_auth(&token)
            .json(&serde_json::json!({ "quantity": 6 + n, "version": version }));
        calls.spawn(async move {
            let answer = request.send().await.expect("an answer");
            let status = answer.status();
            let body: Value = answer.json().await.expect("json");
            (status, body)
        });
    }
    let answers = calls.join_all().await;
    let made: Vec<&Value> = answers.iter().filter(|(s, _)| s.is_success()).map(|(_, b)| b).collect();
    let refused = answers.iter().filter(|(s, b)| s.as_u16() == 409 && b["code"] == "CHANGED_MEANWHILE").count();
    assert_eq!((made.len(), refused), (1, 19), "{answers:?}");
    let users = made[0]["quote"]["users_now"].as_i64().expect("users");
    let (changes, charges, license_users): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM subscription_changes WHERE subscription_id = $1), \
                (SELECT COUNT(*) FROM orders WHERE subscription_id = $1), \
                (SELECT l.users FROM licenses l JOIN subscriptions s ON s.license_id = l.id WHERE s.id = $1)",
    )
    .bind(&id)
    .fetch_one(&portal.pool)
    .await
    .expect("counts");
    assert_eq!(
        (changes, charges, license_users),
        (1, 2, users),
        "one change kept, charged once beside the first period"
    );
    drop((first, second));
}

/// Two browsers of Contoso's admin, each on its own portal process on one PostgreSQL database,
/// bind the company's last free seat to two different users at once: one is bound, the other
/// is told the seat was taken meanwhile (`SEAT_TAKEN`), five times over (issue #13, seed 004).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_bind_the_last_free_seat_once() {
    use common::web::Visitor;
    let Some(portal) = common::TestPortal::spawn(common::Db::Postgres).await else { return };
    let url = portal.config.database_url();
    let key_path = portal.dir.join("shared-signing-key.secret");
    let (first, first_url) = start(&portal.dir.join("a"), &url, &key_path, false);
    let (second, second_url) = start(&portal.dir.join("b"), &url, &key_path, false);
    let contoso = common::subscriptions::customer_id(&portal, "it@contoso.example").await;
    for email in ["ada@contoso.example", "ben@contoso.example"] {
        sqlx::query(
            "INSERT INTO customer_users (id, customer_id, email, password_hash, created_at, role) \
             VALUES ($1, $2, $3, 'registered', 0, 'user')",
        )
        .bind(format!("usr_{email}"))
        .bind(&contoso)
        .bind(email)
        .execute(&portal.pool)
        .await
        .expect("a registered user");
    }
    let mut a = Visitor::signed_in(&first_url, "it@contoso.example", "JWT20417").await;
    let mut b = Visitor::signed_in(&second_url, "it@contoso.example", "JWT20417").await;

    for round in 0..5 {
        let list_a = a.get("/company/subscriptions").await;
        let list_b = b.get("/company/subscriptions").await;
        let seat = list_a.body.split("<tr id=\"seat-").nth(1).and_then(|r| r.split('"').next()).expect("the seat");
        let bind = format!("/company/seats/{seat}/bind");
        let (csrf_a, csrf_b) = (list_a.csrf(), list_b.csrf());
        let form_a = [("csrf", csrf_a.as_str()), ("email", "ada@contoso.example")];
        let form_b = [("csrf", csrf_b.as_str()), ("email", "ben@contoso.example")];
        let (one, other) = tokio::join!(a.post(&bind, &form_a), b.post(&bind, &form_b));
        let mut statuses = [one.status.as_u16(), other.status.as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "round {round}: one wins, one is refused");
        let loser = if one.status == 409 { &one } else { &other };
        assert!(loser.body.contains("data-code=\"SEAT_TAKEN\""), "{}", loser.body);
        assert!(loser.body.contains("bound to someone else meanwhile"), "a clear message");
        let bound: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM seats WHERE user_id IS NOT NULL")
            .fetch_one(&portal.pool)
            .await
            .expect("seats");
        assert_eq!(bound, 1, "round {round}");
        let unbound = a.post(&format!("/company/seats/{seat}/unbind"), &[("csrf", &csrf_a)]).await;
        assert_eq!(unbound.status, 200, "{}", unbound.body);
    }
    drop((first, second));
}
