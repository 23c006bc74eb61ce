//! Orders undone: one awaiting payment is cancelled (its key no longer waits for it, and it
//! cannot be paid); one paid is refunded through the vendor API, which revokes its licenses
//! with the reason the customer reads, queues the mail about it and logs both.

mod common;

use common::admin::{ok, run};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tessera_core::ActivationKey;

use common::TestMachine;

async fn place(portal: &common::TestPortal) -> String {
    let placed =
        ok(portal, &["place-order", "--customer-email", "ops@initech.example", "--plan", "LED-STD-1Y:2"]).await;
    placed.strip_prefix("order ").and_then(|r| r.split(' ').next()).expect("reference").to_owned()
}

on_both_databases!(
    a_cancelled_order_is_never_paid_and_a_refund_revokes_with_the_reason,
    |portal: common::TestPortal| async move {
        let added = ok(
            &portal,
            &[
                "add-customer",
                "--company",
                "Initech",
                "--email",
                "ops@initech.example",
                "--country",
                "BG",
                "--city",
                "Sofia",
            ],
        )
        .await;
        let key = ActivationKey::parse(added.rsplit("activation key ").next().expect("key").trim()).expect("a key");
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
                "50.00",
            ],
        )
        .await;
        let machine = TestMachine::new(4700, "acme-ledger");

        // Cancelled while awaiting payment: the key stops waiting for it, and it cannot be paid.
        let first = place(&portal).await;
        let without_reason = run(&portal, &["cancel-order", "--order", &first, "--reason", " "]).await;
        assert!(without_reason.expect_err("a reason is needed").starts_with("BAD_REQUEST"));
        let cancelled =
            ok(&portal, &["cancel-order", "--order", &first.to_lowercase(), "--reason", "Ordered twice"]).await;
        assert_eq!(cancelled, format!("order {first} cancelled"));
        let refused: Value =
            portal.post("/api/v1/activations", &machine.activation_body(&key)).await.json().await.expect("json");
        assert_eq!(refused["code"], "KEY_NOT_FOUND", "nothing is awaited any more: {refused}");
        let paid = run(&portal, &["record-payment", "--order", &first, "--amount", "100.00"]).await;
        assert!(paid.expect_err("a cancelled order").starts_with("PAYMENT_CONFLICT"));
        let again = run(&portal, &["refund-order", "--order", &first, "--reason", "x"]).await;
        assert!(again.expect_err("not paid").starts_with("WRONG_ORDER_STATUS"));

        // Paid, activated, then refunded through the vendor API.
        let second = place(&portal).await;
        ok(&portal, &["record-payment", "--order", &second, "--amount", "100.00", "--bank-reference", "R-1"]).await;
        let activated = portal.post("/api/v1/activations", &machine.activation_body(&key)).await;
        assert_eq!(activated.status(), StatusCode::CREATED);
        let token = ok(&portal, &["api-token", "create", "--name", "shop", "--scope", "orders"]).await;
        let token = token.lines().last().expect("token").trim().to_owned();
        let refund = |path: String, body: Value| {
            let request = portal.client.post(format!("{}{path}", portal.url)).bearer_auth(&token).json(&body);
            async move {
                let response = request.send().await.expect("request");
                (response.status(), response.json::<Value>().await.expect("json"))
            }
        };
        let cancel_paid = refund(format!("/api/v1/admin/orders/{second}/cancel"), json!({ "reason": "x" })).await;
        assert_eq!((cancel_paid.0, cancel_paid.1["code"].as_str()), (StatusCode::CONFLICT, Some("WRONG_ORDER_STATUS")));
        assert!(cancel_paid.1["message"].as_str().expect("message").contains("refund it instead"), "{}", cancel_paid.1);
        let (status, body) = refund(
            format!("/api/v1/admin/orders/{second}/refund"),
            json!({ "reason": "Refunded on request, ticket 4471" }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["order"]["status"], "refunded");
        let revoked: Vec<String> = body["revoked"]
            .as_array()
            .expect("revoked")
            .iter()
            .map(|s| s.as_str().expect("serial").to_owned())
            .collect();
        assert_eq!(revoked.len(), 1, "{body}");

        // The machine hears it, with the reason; a mail is queued; the log has it.
        let validated: Value =
            portal.post("/api/v1/validate", &machine.validate_body(&key)).await.json().await.expect("json");
        assert_eq!(validated["code"], "REVOKED", "{validated}");
        let (status, reason): (String, Option<String>) =
            sqlx::query_as("SELECT status, status_reason FROM licenses WHERE serial = $1")
                .bind(&revoked[0])
                .fetch_one(&portal.pool)
                .await
                .expect("the license");
        assert_eq!((status.as_str(), reason.as_deref()), ("revoked", Some("Refunded on request, ticket 4471")));
        let mails: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM mail_queue WHERE kind = 'license_revoked' AND recipient = $1")
                .bind("ops@initech.example")
                .fetch_one(&portal.pool)
                .await
                .expect("count");
        assert_eq!(mails, 1);
        let events = ok(&portal, &["events", "--kind", "order_refunded"]).await;
        assert!(events.contains("api:shop") && events.contains(&second) && events.contains(&revoked[0]), "{events}");
        let twice = refund(format!("/api/v1/admin/orders/{second}/refund"), json!({ "reason": "again" })).await;
        assert_eq!(twice.1["code"], "WRONG_ORDER_STATUS", "refunded once");
    }
);
