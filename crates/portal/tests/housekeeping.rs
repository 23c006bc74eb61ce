//! Housekeeping deletes expired sessions and spent or expired password links, and nothing that
//! still works: a signed-in customer stays signed in, an open invitation still opens.

mod common;

use common::web::Visitor;
use reqwest::StatusCode;
use tessera_portal::jobs::housekeeping;
use tessera_portal::services::accounts;
use tessera_portal::store;

async fn count(portal: &common::TestPortal, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&portal.pool).await.expect("count")
}

/// Northwind's customer id.
async fn northwind(portal: &common::TestPortal) -> String {
    sqlx::query_scalar("SELECT id FROM customers WHERE email = 'demo@northwind.example'")
        .fetch_one(&portal.pool)
        .await
        .expect("Northwind")
}

/// Adds a session row of `table` that expired an hour ago.
async fn expired_session(portal: &common::TestPortal, table: &str, token_hash: &str) {
    let now = store::now();
    let customer = northwind(portal).await;
    let sql = match table {
        "web_sessions" => {
            "INSERT INTO web_sessions (token_hash, customer_id, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, 'csrf', $3, $4)"
        }
        _ => "INSERT INTO api_sessions (token_hash, customer_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    };
    sqlx::query(sql)
        .bind(token_hash)
        .bind(customer)
        .bind(now - 7200)
        .bind(now - 3600)
        .execute(&portal.pool)
        .await
        .expect("an expired session");
}

on_both_databases!(
    expired_sessions_and_spent_links_are_deleted_and_live_ones_kept,
    |portal: common::TestPortal| async move {
        // Arrange: a signed-in visitor, two expired sessions, and three links of one account:
        // one expired, one used, one still open.
        let mut visitor = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT11408").await;
        expired_session(&portal, "web_sessions", "expired-web").await;
        expired_session(&portal, "api_sessions", "expired-api").await;
        let customer = northwind(&portal).await;
        let user = accounts::add_user(
            &portal.pool,
            &tessera_portal::domain::CustomerId::new(customer.clone()),
            "ops@northwind.example",
        )
        .await
        .expect("an account");
        accounts::create_reset(&portal.pool, &user, -60).await.expect("an expired link");
        let used = accounts::create_reset(&portal.pool, &user, 3600).await.expect("a link");
        accounts::use_reset(&portal.pool, &used, "hash").await.expect("the link is used").expect("it worked");
        let open = accounts::create_reset(&portal.pool, &user, 3600).await.expect("a link");
        let sessions_before = count(&portal, "web_sessions").await;
        for (id, expires) in [("ucd_ended", store::now() - 60), ("ucd_open", store::now() + 600)] {
            sqlx::query(
                "INSERT INTO user_codes (id, email_hash, code_hash, created_at, expires_at) VALUES ($1, 'e', 'c', $2, $3)",
            )
            .bind(id)
            .bind(expires - 600)
            .bind(expires)
            .execute(&portal.pool)
            .await
            .expect("a one-time code");
        }

        // Act
        let purged = housekeeping::purge(&portal.pool, store::now()).await.expect("the purge runs");

        // Assert
        assert_eq!(purged.web_sessions, 1, "the expired page session");
        assert_eq!(purged.api_sessions, 1, "the expired API token");
        assert_eq!(purged.reset_links, 2, "the expired and the used link");
        assert_eq!(purged.user_codes, 1, "the ended one-time code");
        assert_eq!(count(&portal, "user_codes").await, 1, "the open code stays");
        assert_eq!(count(&portal, "web_sessions").await, sessions_before - 1);
        assert_eq!(count(&portal, "password_resets").await, 1);
        assert!(
            accounts::reset_user(&portal.pool, &open).await.expect("lookup").is_some(),
            "the open link still opens"
        );
        assert_eq!(visitor.get("/orders").await.status, StatusCode::OK, "the customer is still signed in");
        let again = housekeeping::purge(&portal.pool, store::now()).await.expect("the purge runs");
        assert_eq!(again, housekeeping::Purged::default(), "a second purge finds nothing");
    }
);
