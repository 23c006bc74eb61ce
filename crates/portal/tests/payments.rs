//! Orders that become licenses at payment (seeds 000 and 004): an order placed from the
//! catalog's plans waits for its payment and its key activates nothing (`NOT_PAID`); recording
//! the payment issues the licenses in one transaction, their term starting on the payment's
//! day; the same payment recorded again changes nothing, also from two processes at once.

mod common;

use common::admin::{ok, run};
use reqwest::StatusCode;
use serde_json::Value;
use tessera_core::{ActivationKey, LicenseFile};

use common::TestMachine;

/// A new customer (Initech, with no license yet) and a plan: Acme Ledger Standard for a year
/// at EUR 199.50 per user, 2 machines per user, a year of support. Returns the customer's key.
async fn customer_and_plan(portal: &common::TestPortal) -> ActivationKey {
    let added = ok(
        portal,
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
    let key = added.rsplit("activation key ").next().expect("a key").trim();
    ok(
        portal,
        &[
            "add-plan",
            "--product",
            "acme-ledger",
            "--edition",
            "Standard",
            "--sku",
            "LED-STD-1Y",
            "--term",
            "1y",
            "--price",
            "199.50",
            "--machines-per-user",
            "2",
            "--support-years",
            "1",
        ],
    )
    .await;
    ActivationKey::parse(key).expect("the printed key parses")
}

/// The reference in "order JWT1001 placed: …".
fn reference_in(placed: &str) -> String {
    placed.strip_prefix("order ").and_then(|rest| rest.split(' ').next()).expect("a reference").to_owned()
}

fn day(text: &str) -> i64 {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .expect("day")
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc()
        .timestamp()
}

on_both_databases!(an_order_becomes_licenses_when_its_payment_is_recorded, |portal: common::TestPortal| async move {
    // Arrange: an order of 3 users, placed, not paid.
    let key = customer_and_plan(&portal).await;
    let placed =
        ok(&portal, &["place-order", "--customer-email", "ops@initech.example", "--plan", "LED-STD-1Y:3"]).await;
    assert!(placed.contains("total EUR 598.50, awaiting payment by bank_transfer"), "{placed}");
    let reference = reference_in(&placed);
    assert!(reference.starts_with("JWT") && reference.len() > 3, "{reference}");
    // Placed three days ago: the transfer takes days to arrive.
    sqlx::query("UPDATE orders SET placed_at = placed_at - 3 * 86400 WHERE reference = $1")
        .bind(&reference)
        .execute(&portal.pool)
        .await
        .expect("backdate");
    let machine = TestMachine::new(4100, "acme-ledger");

    // Act + Assert: the key activates nothing yet, and says why.
    let refused = portal.post("/api/v1/activations", &machine.activation_body(&key)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let body: Value = refused.json().await.expect("json");
    assert_eq!(body["code"], "NOT_PAID", "{body}");
    let message = body["message"].as_str().expect("message");
    assert!(message.contains(&format!("Order {reference} is waiting for its payment")), "{message}");
    let validated: Value =
        portal.post("/api/v1/validate", &machine.validate_body(&key)).await.json().await.expect("json");
    assert_eq!(validated["code"], "NOT_PAID", "validate says the same: {validated}");

    // A payment that is not the total is refused, and nothing is recorded.
    let short =
        run(&portal, &["record-payment", "--order", &reference, "--amount", "500.00", "--bank-reference", "B-1"]).await;
    let short = short.expect_err("a partial payment is refused");
    assert!(
        short.starts_with("AMOUNT_MISMATCH") && short.contains("EUR 500.00") && short.contains("EUR 598.50"),
        "{short}"
    );
    let late =
        run(&portal, &["record-payment", "--order", &reference, "--amount", "598.50", "--paid-on", "2999-01-01"]).await;
    assert!(late.expect_err("future").contains("is in the future"));
    let early = (chrono::Utc::now() - chrono::Duration::days(5)).format("%Y-%m-%d").to_string();
    let early =
        run(&portal, &["record-payment", "--order", &reference, "--amount", "598.50", "--paid-on", &early]).await;
    assert!(early.expect_err("before the order").contains(&format!("is before order {reference} was placed")));

    // The payment, received yesterday: the licenses' term starts then, not today.
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let paid = ok(
        &portal,
        &[
            "record-payment",
            "--order",
            &reference.to_lowercase(),
            "--amount",
            "598.50",
            "--paid-on",
            &yesterday,
            "--bank-reference",
            "B-1",
        ],
    )
    .await;
    assert!(paid.starts_with(&format!("order {reference} paid: EUR 598.50")), "{paid}");
    let next_year = (chrono::NaiveDate::parse_from_str(&yesterday, "%Y-%m-%d").expect("day") + chrono::Months::new(12))
        .format("%Y-%m-%d")
        .to_string();
    let line = paid.lines().nth(1).expect("one license line");
    assert!(line.contains("acme-ledger Standard\t3 users\t6 machines"), "{line}");
    assert!(line.ends_with(&format!("{yesterday} to {next_year}")), "{line}");
    let serial = line.strip_prefix("license ").and_then(|l| l.split('\t').next()).expect("serial").to_owned();
    let (issued, expires, support_starts): (i64, Option<i64>, i64) = sqlx::query_as(
        "SELECT l.issued_at, l.expires_at, s.starts_at FROM licenses l JOIN support_terms s ON s.license_id = l.id \
         WHERE l.serial = $1",
    )
    .bind(&serial)
    .fetch_one(&portal.pool)
    .await
    .expect("the license and its support term");
    assert_eq!((issued, expires, support_starts), (day(&yesterday), Some(day(&next_year)), day(&yesterday)));

    // Now the key activates, with the issued license.
    let activated = portal.post("/api/v1/activations", &machine.activation_body(&key)).await;
    assert_eq!(activated.status(), StatusCode::CREATED);
    let answer: Value = activated.json().await.expect("json");
    let file = LicenseFile::decode(answer["license"].as_str().expect("license")).expect("decode");
    let payload = file.verify(&portal.trusted_keys().await).expect("verify");
    assert_eq!((payload.serial.as_str(), payload.users, payload.max_machines), (serial.as_str(), 3, 6));

    // The same transfer recorded again changes nothing; another one for a paid order is refused.
    let again =
        ok(&portal, &["record-payment", "--order", &reference, "--amount", "598.50", "--bank-reference", "B-1"]).await;
    assert!(
        again.starts_with(&format!("the payment of order {reference} was recorded already; nothing changed")),
        "{again}"
    );
    assert!(again.contains(&serial), "the same license is answered: {again}");
    let other =
        run(&portal, &["record-payment", "--order", &reference, "--amount", "598.50", "--bank-reference", "B-2"]).await;
    let other = other.expect_err("a second payment");
    assert!(other.starts_with("ALREADY_PAID") && other.contains(&format!("was paid on {yesterday}")), "{other}");
    let licenses: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM licenses l JOIN orders o ON o.id = l.order_id WHERE o.reference = $1")
            .bind(&reference)
            .fetch_one(&portal.pool)
            .await
            .expect("count");
    assert_eq!(licenses, 1, "one license for the one line");

    // The event log has the order, the payment and the license, by the operator at the shell,
    // then the activation, by the machine.
    let events = ok(&portal, &["events", "--customer-email", "ops@initech.example"]).await;
    let rows: Vec<(&str, &str)> =
        events.lines().skip(1).filter_map(|l| Some((l.split('\t').nth(1)?, l.split('\t').nth(2)?))).collect();
    let kinds: Vec<&str> = rows.iter().map(|(_, kind)| *kind).collect();
    assert_eq!(kinds, ["order_placed", "license_issued", "payment_recorded", "machine_activated"], "{events}");
    assert!(rows[..3].iter().all(|(actor, _)| *actor == "cli") && rows[3].0.starts_with("machine:"), "{events}");
    let payments = ok(&portal, &["events", "--kind", "payment_recorded"]).await;
    assert!(payments.contains(&reference) && payments.contains("\"bank_reference\":\"B-1\""), "{payments}");
});

on_both_databases!(orders_are_numbered_once_and_bad_orders_are_refused, |portal: common::TestPortal| async move {
    customer_and_plan(&portal).await;
    let mut references = Vec::new();
    for _ in 0..3 {
        let placed =
            ok(&portal, &["place-order", "--customer-email", "ops@initech.example", "--plan", "LED-STD-1Y:1"]).await;
        references.push(reference_in(&placed));
    }
    references.dedup();
    assert_eq!(references.len(), 3, "each order its own reference: {references:?}");
    for (args, expected) in [
        (&["place-order", "--customer-email", "ops@initech.example", "--plan", "NOPE:1"][..], "no plan has SKU NOPE"),
        (&["place-order", "--customer-email", "ops@initech.example", "--plan", "LED-STD-1Y:0"][..], "is not SKU:USERS"),
        (&["place-order", "--customer-email", "ops@initech.example", "--plan", "LED-STD-1Y"][..], "is not SKU:USERS"),
        (&["record-payment", "--order", "JWT999999", "--amount", "1.00"][..], "no order has reference JWT999999"),
        (
            &["record-payment", "--order", &references[0], "--amount", "199.5", "--currency", "USD"][..],
            "AMOUNT_MISMATCH",
        ),
        (&["record-payment", "--order", &references[0], "--amount", "19.955"][..], "'19.955' is not an amount in EUR"),
        (
            &["record-payment", "--order", &references[0], "--amount", "199.50", "--currency", "XYZ"][..],
            "'XYZ' is not a currency",
        ),
        (
            &["add-plan", "--product", "acme-ledger", "--edition", "Standard", "--sku", "LED-STD-1Y", "--price", "1"][..],
            "a plan has SKU LED-STD-1Y already",
        ),
        (
            &["add-plan", "--product", "acme-ledger", "--edition", "Gold", "--sku", "LED-G", "--price", "1"][..],
            "acme-ledger has no edition Gold",
        ),
        (
            &[
                "add-plan",
                "--product",
                "acme-ledger",
                "--edition",
                "Standard",
                "--sku",
                "LED-X",
                "--price",
                "1",
                "--term",
                "2w",
            ][..],
            "'2w' is not a term",
        ),
    ] {
        let refused = run(&portal, args).await.expect_err(expected);
        assert!(refused.contains(expected), "{args:?}: {refused}");
    }
    // Nothing refused was recorded: the first order still waits for its payment.
    let status: String = sqlx::query_scalar("SELECT status FROM orders WHERE reference = $1")
        .bind(&references[0])
        .fetch_one(&portal.pool)
        .await
        .expect("status");
    assert_eq!(status, "awaiting_payment");
});

/// Runs `tessera-portal admin ARGS` as its own process on the test portal's database.
fn admin_process(portal: &common::TestPortal, args: &[&str]) -> std::process::Child {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_tessera-portal"));
    command.arg("--data-dir").arg(&portal.dir);
    if let Some(url) = &portal.config.database_url {
        command.args(["--database-url", url]);
    }
    command
        .arg("admin")
        .args(args)
        .env("TESSERA_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("tessera-portal runs")
}

on_both_databases!(
    the_same_payment_from_two_processes_at_once_issues_the_licenses_once,
    |portal: common::TestPortal| async move {
        customer_and_plan(&portal).await;
        for round in 0..4 {
            let placed =
                ok(&portal, &["place-order", "--customer-email", "ops@initech.example", "--plan", "LED-STD-1Y:2"])
                    .await;
            let reference = reference_in(&placed);
            let bank_reference = format!("RACE-{round}");
            let args =
                ["record-payment", "--order", &reference, "--amount", "399.00", "--bank-reference", &bank_reference];
            let children = [admin_process(&portal, &args), admin_process(&portal, &args)];
            let outputs: Vec<std::process::Output> =
                children.into_iter().map(|c| c.wait_with_output().expect("output")).collect();
            let said: Vec<String> = outputs.iter().map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).collect();
            for output in &outputs {
                assert!(output.status.success(), "both succeed: {}", String::from_utf8_lossy(&output.stderr));
            }
            let first = said.iter().filter(|s| s.starts_with(&format!("order {reference} paid"))).count();
            let again = said.iter().filter(|s| s.contains("was recorded already; nothing changed")).count();
            assert_eq!((first, again), (1, 1), "one recorded it, the other saw it recorded: {said:?}");
            let (licenses, payments): (i64, i64) = sqlx::query_as(
                "SELECT (SELECT COUNT(*) FROM licenses l JOIN orders o ON o.id = l.order_id WHERE o.reference = $1), \
             (SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.reference = $1)",
            )
            .bind(&reference)
            .fetch_one(&portal.pool)
            .await
            .expect("counts");
            assert_eq!((licenses, payments), (1, 1), "round {round}");
        }
    }
);
