//! The back office's customers and licenses: the search box finds a customer by company,
//! e-mail, order reference, serial and key prefix; a customer's page shows what is theirs and
//! never the whole key, which staff can mail again; a license's page suspends, reinstates and
//! revokes with the reason the customer reads, extends the term, changes users and computers,
//! and frees one or every seat — support only what its role allows, each change in the log.

mod common;

use common::TestMachine;
use common::admin::ok;
use common::staff::{self, act};
use common::web::Visitor;
use reqwest::StatusCode;
use tessera_core::ActivationKey;

const PASSWORD: &str = "staff horse battery";

/// A member of staff with the role, created from the shell with [`PASSWORD`].
fn create_staff(portal: &common::TestPortal, email: &str, role: &str) {
    let (created, out) = staff::create_staff(portal, email, role, PASSWORD);
    assert!(created, "{out}");
}

async fn signed_in_staff(portal: &common::TestPortal, email: &str) -> Visitor {
    staff::signed_in_staff(portal, email, PASSWORD).await
}

async fn scalar(portal: &common::TestPortal, sql: &str, bind: &str) -> String {
    sqlx::query_scalar(sql).bind(bind).fetch_one(&portal.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn count(portal: &common::TestPortal, sql: &str, bind: &str) -> i64 {
    sqlx::query_scalar(sql).bind(bind).fetch_one(&portal.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Activates machine `n` of `product` with `key` over the API; the status.
async fn activate(portal: &common::TestPortal, key: &ActivationKey, n: u32, product: &str) -> StatusCode {
    portal.post("/api/v1/activations", &TestMachine::new(n, product).activation_body(key)).await.status()
}

on_both_databases!(staff_find_a_customer_and_mail_the_key_again, |portal: common::TestPortal| async move {
    // Arrange: a support person; Contoso's key and customer id.
    create_staff(&portal, "help@acme.example", "support");
    let key =
        portal.demo.customers.iter().find(|c| c.email == "it@contoso.example").expect("Contoso").activation_key.clone();
    let id = scalar(&portal, "SELECT id FROM customers WHERE email = $1", "it@contoso.example").await;
    let mut support = signed_in_staff(&portal, "help@acme.example").await;

    // Act and assert: every way of searching finds Contoso, and only Contoso where it is exact.
    let row = format!(r#"id="customer-{id}""#);
    let key_typed = key.replace('-', "")[..7].to_lowercase();
    for query in ["contoso", "PHARMACY", "it@contoso", "p71", key_typed.as_str()] {
        let found = support.get(&format!("/admin/customers?q={query}")).await;
        assert_eq!(found.status, StatusCode::OK, "{query}");
        assert!(found.body.contains(&row), "'{query}' finds Contoso: {:.600}", found.body);
        assert!(!found.body.contains("Northwind Traders"), "'{query}' finds only Contoso");
    }
    let order: String = scalar(&portal, "SELECT reference FROM orders WHERE customer_id = $1", &id).await;
    assert!(support.get(&format!("/admin/customers?q={}", order.to_lowercase())).await.body.contains(&row));
    let none = support.get("/admin/customers?q=%25").await;
    assert!(
        none.text_of("no-customers").is_some_and(|t| t.contains('%')),
        "a % is taken literally: {:.400}",
        none.body
    );
    let three = support.get(&format!("/admin/customers?q={}", &key[..3])).await;
    assert!(!three.body.contains(&row), "three characters of a key find nothing");

    // The customer's page: licenses, orders, the key's first characters only.
    let page = support.get(&format!("/admin/customers/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text_of("customer-name").as_deref(), Some("Contoso Pharmacy"));
    assert!(page.body.contains(r#"id="license-P71""#) && page.body.contains(&format!(r#"id="order-{order}""#)));
    assert_eq!(page.text_of("key-prefix"), Some(format!("{}…", &key[..5])));
    assert!(!page.body.contains(&key), "the whole key is never on a page");
    assert_eq!(support.get("/admin/customers/cus_nobody").await.status, StatusCode::NOT_FOUND);

    // Mail the key again: a queued mail holds it, the log names who sent it.
    let sent = act(&mut support, &page, &format!("/admin/customers/{id}/resend-key"), &[]).await;
    assert_eq!(sent.location, Some(format!("/admin/customers/{id}?sent=1")));
    let after = support.get(sent.location.as_deref().expect("back")).await;
    assert!(after.text_of("notice").is_some_and(|n| n.contains("it@contoso.example")), "{:?}", after.text_of("notice"));
    let body = scalar(
        &portal,
        "SELECT body_text FROM mail_queue WHERE kind = 'key_resent' AND recipient = $1",
        "it@contoso.example",
    )
    .await;
    assert!(body.contains(&key), "the mail carries the key: {body}");
    let events = ok(&portal, &["events", "--kind", "key_resent"]).await;
    assert!(events.contains("staff:help@acme.example"), "{events}");
    assert!(!events.contains(&key), "the log never holds the key: {events}");
});

on_both_databases!(staff_administer_a_license_each_as_the_role_allows, |portal: common::TestPortal| async move {
    // Arrange: a license of its own product with two computers, a year's term; two staff.
    create_staff(&portal, "help@acme.example", "support");
    create_staff(&portal, "boss@acme.example", "admin");
    ok(&portal, &["add-product", "--id", "bo-tool", "--name", "BO Tool"]).await;
    ok(&portal, &["add-edition", "--product", "bo-tool", "--name", "Pro", "--sku", "BO-PRO"]).await;
    ok(
        &portal,
        &[
            "add-license",
            "--customer-email",
            "it@contoso.example",
            "--product",
            "bo-tool",
            "--edition",
            "Pro",
            "--machines",
            "2",
            "--users",
            "3",
            "--serial",
            "BO1",
            "--term-days",
            "365",
        ],
    )
    .await;
    let key = ActivationKey::parse(
        &portal.demo.customers.iter().find(|c| c.email == "it@contoso.example").expect("Contoso").activation_key,
    )
    .expect("key");
    assert_eq!(activate(&portal, &key, 1, "bo-tool").await, StatusCode::CREATED);
    assert_eq!(activate(&portal, &key, 2, "bo-tool").await, StatusCode::CREATED);
    let mut support = signed_in_staff(&portal, "help@acme.example").await;
    let mut admin = signed_in_staff(&portal, "boss@acme.example").await;
    let license = "/admin/licenses/BO1";

    // Support: no revoke, no term or seat forms; suspending needs a reason.
    let page = support.get(license).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(r#"id="suspend""#) && !page.body.contains(r#"id="revoke""#));
    assert!(!page.body.contains(r#"id="extend""#) && !page.body.contains(r#"id="change-limits""#));
    assert_eq!(page.text_of("fact-machines").as_deref(), Some("2 / 2"));
    let blank = act(&mut support, &page, &format!("{license}/suspend"), &[("reason", "  ")]).await;
    assert_eq!(blank.status, StatusCode::BAD_REQUEST);
    assert!(blank.text_of("notice").is_some_and(|n| n.starts_with("Not done:")), "{:?}", blank.text_of("notice"));
    let suspended =
        act(&mut support, &page, &format!("{license}/suspend"), &[("reason", "Invoice 17 is overdue")]).await;
    assert_eq!(suspended.location.as_deref(), Some("/admin/licenses/BO1?done=suspended"));
    let page = support.get("/admin/licenses/BO1?done=suspended").await;
    assert_eq!(page.text_of("license-state").as_deref(), Some("Suspended"));
    assert_eq!(page.text_of("fact-reason").as_deref(), Some("Invoice 17 is overdue"));
    assert!(page.text_of("notice").is_some_and(|n| n.starts_with("The license is suspended")));
    let machine = TestMachine::new(1, "bo-tool");
    let validated: serde_json::Value =
        portal.post("/api/v1/validate", &machine.validate_body(&key)).await.json().await.expect("json");
    assert_eq!(validated["code"], "SUSPENDED", "{validated}");
    let refused = act(&mut support, &page, &format!("{license}/revoke"), &[("reason", "no")]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "support revokes nothing");
    let reinstated = act(&mut support, &page, &format!("{license}/reinstate"), &[]).await;
    assert_eq!(reinstated.location.as_deref(), Some("/admin/licenses/BO1?done=reinstated"));
    assert_eq!(scalar(&portal, "SELECT status FROM licenses WHERE serial = $1", "BO1").await, "active");

    // Support frees one computer's seat; that computer's place is taken by a third.
    let page = support.get(license).await;
    let first: String =
        scalar(&portal, "SELECT m.id FROM machines m JOIN licenses l ON l.id = m.license_id WHERE l.serial = $1 AND m.hostname = 'PC-0001'", "BO1").await;
    let freed = act(&mut support, &page, &format!("{license}/machines/{first}/free"), &[]).await;
    assert_eq!(freed.location.as_deref(), Some("/admin/licenses/BO1?done=machine"));
    assert_eq!(activate(&portal, &key, 3, "bo-tool").await, StatusCode::CREATED, "the seat is free again");
    let again = act(&mut support, &page, &format!("{license}/machines/{first}/free"), &[]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "a seat freed once is not freed twice");

    // Admin: the term moves later only; users and computers change, never below the seats held.
    let page = admin.get(license).await;
    assert!(page.body.contains(r#"id="revoke""#) && page.body.contains(r#"id="extend""#));
    let ends: i64 = count(&portal, "SELECT expires_at FROM licenses WHERE serial = $1", "BO1").await;
    let earlier = chrono::DateTime::from_timestamp(ends - 86_400 * 10, 0).expect("day").format("%Y-%m-%d").to_string();
    let later = chrono::DateTime::from_timestamp(ends + 86_400 * 30, 0).expect("day").format("%Y-%m-%d").to_string();
    let cut = act(&mut admin, &page, &format!("{license}/term"), &[("ends_on", &earlier)]).await;
    assert_eq!(cut.status, StatusCode::BAD_REQUEST);
    assert!(cut.text_of("notice").is_some_and(|n| n.contains("must be a later day")), "{:?}", cut.text_of("notice"));
    let bad_day = act(&mut admin, &page, &format!("{license}/term"), &[("ends_on", "31/12/2030")]).await;
    assert_eq!(bad_day.status, StatusCode::BAD_REQUEST);
    let extended = act(&mut admin, &page, &format!("{license}/term"), &[("ends_on", &later)]).await;
    assert_eq!(extended.location.as_deref(), Some("/admin/licenses/BO1?done=term"));
    let moved: i64 = count(&portal, "SELECT expires_at FROM licenses WHERE serial = $1", "BO1").await;
    assert_eq!(chrono::DateTime::from_timestamp(moved, 0).expect("day").format("%Y-%m-%d").to_string(), later);
    let below = act(&mut admin, &page, &format!("{license}/limits"), &[("users", "3"), ("machines", "1")]).await;
    assert_eq!(below.status, StatusCode::BAD_REQUEST);
    assert!(
        below.text_of("notice").is_some_and(|n| n.contains("2 computers hold seats")),
        "{:?}",
        below.text_of("notice")
    );
    let zero = act(&mut admin, &page, &format!("{license}/limits"), &[("users", "0"), ("machines", "2")]).await;
    assert_eq!(zero.status, StatusCode::BAD_REQUEST);
    let changed = act(&mut admin, &page, &format!("{license}/limits"), &[("users", "10"), ("machines", "4")]).await;
    assert_eq!(changed.location.as_deref(), Some("/admin/licenses/BO1?done=limits"));
    let page = admin.get(license).await;
    assert_eq!(
        (page.text_of("fact-users").as_deref(), page.text_of("fact-machines").as_deref()),
        (Some("10"), Some("2 / 4"))
    );

    // Free every seat: none left, each machine's deactivation logged by the admin.
    let all = act(&mut admin, &page, &format!("{license}/machines/free"), &[]).await;
    assert_eq!(all.location.as_deref(), Some("/admin/licenses/BO1?done=freed"));
    assert_eq!(count(&portal, "SELECT used_machines FROM licenses WHERE serial = $1", "BO1").await, 0);
    let page = admin.get("/admin/licenses/BO1?done=freed").await;
    assert!(page.body.contains(r#"id="no-machines""#));
    let by_admin = count(
        &portal,
        "SELECT COUNT(*) FROM events WHERE kind = 'machine_deactivated' AND subject = 'BO1' AND actor = $1",
        "staff:boss@acme.example",
    )
    .await;
    assert_eq!(by_admin, 2, "two seats freed by the admin");

    // Revoke with a reason; the log shows every change with its actor, on the page too.
    let revoked = act(&mut admin, &page, &format!("{license}/revoke"), &[("reason", "Refunded, ticket 88")]).await;
    assert_eq!(revoked.location.as_deref(), Some("/admin/licenses/BO1?done=revoked"));
    let page = admin.get(license).await;
    assert_eq!(page.text_of("license-state").as_deref(), Some("Revoked"));
    for kind in ["license_term_extended", "license_limits_changed", "license_status_changed", "machine_deactivated"] {
        assert!(page.body.contains(&format!(r#"class="event-{kind}""#)), "{kind} on the page");
    }
    assert!(
        page.body.contains("users: 3, machines: 2 → machines: 4, users: 10")
            || page.body.contains("machines: 2, users: 3 → machines: 4, users: 10"),
        "the change is shown: {:.3000}",
        page.body.split("recent-events").nth(1).unwrap_or_default()
    );
    assert_eq!(admin.get("/admin/licenses/NOPE").await.status, StatusCode::NOT_FOUND);
    assert!(admin.get("/admin/licenses/%00").await.status.is_client_error(), "a control character is refused");
});

on_both_databases!(
    an_admin_places_cancels_and_refunds_orders_from_the_back_office,
    |portal: common::TestPortal| async move {
        // Arrange: a plan on sale; an admin and a support person.
        create_staff(&portal, "help@acme.example", "support");
        create_staff(&portal, "boss@acme.example", "admin");
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
                "299.25",
            ],
        )
        .await;
        let id = scalar(&portal, "SELECT id FROM customers WHERE email = $1", "it@contoso.example").await;
        let mut support = signed_in_staff(&portal, "help@acme.example").await;
        let mut admin = signed_in_staff(&portal, "boss@acme.example").await;
        assert!(!support.get(&format!("/admin/customers/{id}")).await.body.contains(r#"id="new-order""#));
        assert!(admin.get(&format!("/admin/customers/{id}")).await.body.contains(r#"id="new-order""#));
        assert_eq!(support.get(&format!("/admin/customers/{id}/orders/new")).await.status, StatusCode::FORBIDDEN);

        // An empty or wrong quantity is refused with the form again; a right one places the order.
        let form = admin.get(&format!("/admin/customers/{id}/orders/new")).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains(r#"name="qty-LED-STD-1Y""#) && form.body.contains("€299.25"), "{:.2000}", form.body);
        let place = format!("/admin/customers/{id}/orders");
        let empty = act(&mut admin, &form, &place, &[("qty-LED-STD-1Y", "")]).await;
        assert_eq!(empty.status, StatusCode::BAD_REQUEST);
        assert_eq!(empty.text_of("problem").as_deref(), Some("Type the number of users of at least one plan."));
        let wrong = act(&mut admin, &form, &place, &[("qty-LED-STD-1Y", "two")]).await;
        assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
        assert!(wrong.body.contains(r#"value="two""#), "what was typed stays");
        let unknown = act(&mut admin, &form, &place, &[("qty-NOPE-1", "1")]).await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST, "an unknown plan: {:?}", unknown.text_of("problem"));
        let placed = act(&mut admin, &form, &place, &[("qty-LED-STD-1Y", "2")]).await;
        let location = placed.location.clone().expect("to the order");
        let reference =
            location.strip_prefix("/admin/orders/").and_then(|r| r.strip_suffix("?done=placed")).expect("ref");
        let order = admin.get(&location).await;
        assert_eq!(order.text_of("order-total").as_deref(), Some("€598.50"));
        assert_eq!(order.text_of("order-status").as_deref(), Some("awaiting payment"));
        assert_eq!(
            count(
                &portal,
                "SELECT COUNT(*) FROM mail_queue WHERE kind = 'order_placed' AND recipient = $1",
                "it@contoso.example"
            )
            .await,
            1
        );

        // Support reads the order but has no actions; cancelling needs a reason, and happens once.
        let seen = support.get(&format!("/admin/orders/{reference}")).await;
        assert_eq!(seen.status, StatusCode::OK);
        assert!(!seen.body.contains(r#"id="order-actions""#));
        let path = format!("/admin/orders/{reference}/cancel");
        assert_eq!(act(&mut support, &seen, &path, &[("reason", "no")]).await.status, StatusCode::FORBIDDEN);
        let blank = act(&mut admin, &order, &path, &[("reason", "")]).await;
        assert_eq!(blank.status, StatusCode::BAD_REQUEST);
        let cancelled = act(&mut admin, &order, &path, &[("reason", "Ordered twice")]).await;
        assert_eq!(cancelled.location, Some(format!("/admin/orders/{reference}?done=cancelled")));
        let twice = act(&mut admin, &order, &path, &[("reason", "Ordered twice")]).await;
        assert_eq!(twice.status, StatusCode::CONFLICT);
        assert!(
            twice.text_of("notice").is_some_and(|n| n.contains("only an order awaiting payment")),
            "{:?}",
            twice.text_of("notice")
        );

        // Another order, paid, then refunded: its license is revoked with the reason.
        let placed = act(&mut admin, &form, &place, &[("qty-LED-STD-1Y", "1")]).await;
        let location = placed.location.clone().expect("to the order");
        let second = location.strip_prefix("/admin/orders/").and_then(|r| r.strip_suffix("?done=placed")).expect("ref");
        let order = admin.get(&location).await;
        let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
        let paid = act(
            &mut admin,
            &order,
            &format!("/admin/orders/{second}/payment"),
            &[("amount", "299.25"), ("paid_on", &today), ("bank_reference", "B-7")],
        )
        .await;
        assert_eq!(paid.status, StatusCode::OK, "{:?}", paid.text_of("notice"));
        let order = admin.get(&format!("/admin/orders/{second}")).await;
        assert_eq!(order.text_of("order-status").as_deref(), Some("paid"));
        let serial = order
            .body
            .split(r#"id="order-licenses""#)
            .nth(1)
            .and_then(|list| list.split(r#"class="serial">"#).nth(1))
            .and_then(|s| s.split('<').next())
            .expect("a license")
            .to_owned();
        let refunded =
            act(&mut admin, &order, &format!("/admin/orders/{second}/refund"), &[("reason", "Refunded, ticket 12")])
                .await;
        assert_eq!(refunded.location, Some(format!("/admin/orders/{second}?done=refunded")));
        assert_eq!(scalar(&portal, "SELECT status FROM licenses WHERE serial = $1", &serial).await, "revoked");
        assert_eq!(
            scalar(&portal, "SELECT status_reason FROM licenses WHERE serial = $1", &serial).await,
            "Refunded, ticket 12"
        );
        let events = ok(&portal, &["events", "--kind", "order_refunded"]).await;
        assert!(events.contains("staff:boss@acme.example") && events.contains(second), "{events}");
        assert_eq!(admin.get("/admin/orders/JWT999999").await.status, StatusCode::NOT_FOUND);
    }
);
