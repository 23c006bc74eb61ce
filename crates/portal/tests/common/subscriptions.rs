//! What the subscription tests start from: Acme Ledger's monthly plans, the shop's API token,
//! a demo customer's id.

use super::TestPortal;
use super::admin::ok;

/// Monthly Standard (EUR 10.00 a user) and Enterprise (EUR 20.00) plans of Acme Ledger, two
/// computers per user, a 14-day trial.
pub async fn monthly_plans(portal: &TestPortal) {
    for (sku, edition, price) in [("LED-STD-1M", "Standard", "10.00"), ("LED-ENT-1M", "Enterprise", "20.00")] {
        let plan = [
            "add-plan",
            "--product",
            "acme-ledger",
            "--edition",
            edition,
            "--sku",
            sku,
            "--term",
            "1m",
            "--price",
            price,
            "--machines-per-user",
            "2",
            "--trial-days",
            "14",
        ];
        ok(portal, &plan).await;
    }
}

/// A vendor API token named `shop` with the `orders` scope, as `api-token create` shows it once.
pub async fn shop_token(portal: &TestPortal) -> String {
    let created = ok(portal, &["api-token", "create", "--name", "shop", "--scope", "orders"]).await;
    created.lines().last().expect("the token").trim().to_owned()
}

/// The id of the demo customer whose purchase e-mail is `email`.
pub async fn customer_id(portal: &TestPortal, email: &str) -> String {
    sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(email)
        .fetch_one(&portal.pool)
        .await
        .expect("a demo customer")
}
