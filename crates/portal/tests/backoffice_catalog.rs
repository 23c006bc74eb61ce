//! The catalog in the back office: every member of staff reads it, only an admin changes it —
//! products, editions and plans added from the pages and sold by the shell; bad input refused
//! naming the field; a new price for the next orders only; a retired plan sold nowhere until it
//! is back on sale; every change in the event log with the member of staff.

mod common;

use common::admin::{ok, run};
use common::staff::{self, act};
use common::web::Visitor;
use reqwest::StatusCode;
use serde_json::{Value, json};

const PASSWORD: &str = "staff horse battery";

/// A member of staff with the role, created from the shell with [`PASSWORD`].
fn create_staff(portal: &common::TestPortal, email: &str, role: &str) {
    let (created, out) = staff::create_staff(portal, email, role, PASSWORD);
    assert!(created, "{out}");
}

async fn signed_in_staff(portal: &common::TestPortal, email: &str) -> Visitor {
    staff::signed_in_staff(portal, email, PASSWORD).await
}

async fn number(portal: &common::TestPortal, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&portal.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// What the catalog holds, and how many catalog events the log has: nothing may move when a
/// change is refused.
async fn catalog_state(portal: &common::TestPortal) -> (i64, i64, i64, i64, i64) {
    (
        number(portal, "SELECT COUNT(*) FROM products").await,
        number(portal, "SELECT COUNT(*) FROM editions").await,
        number(portal, "SELECT COUNT(*) FROM plans").await,
        number(portal, "SELECT CAST(COALESCE(SUM(unit_price_minor), 0) AS BIGINT) FROM plans").await,
        number(
            portal,
            "SELECT COUNT(*) FROM events WHERE kind IN ('product_added', 'product_changed', 'edition_added', \
             'edition_changed', 'plan_added', 'plan_changed', 'plan_retired', 'plan_on_sale')",
        )
        .await,
    )
}

async fn add_standard_plan(portal: &common::TestPortal) {
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
            "--price",
            "199.50",
            "--machines-per-user",
            "2",
        ],
    )
    .await;
}

/// The event log's lines of `kind` (actor, kind, subject, after).
async fn events_of(portal: &common::TestPortal, kind: &str) -> Vec<String> {
    ok(portal, &["events", "--kind", kind]).await.lines().skip(1).map(str::to_owned).collect()
}

on_both_databases!(support_reads_the_catalog_and_changes_nothing, |portal: common::TestPortal| async move {
    // Arrange: a plan on sale; a support person.
    add_standard_plan(&portal).await;
    create_staff(&portal, "help@acme.example", "support");
    let mut support = signed_in_staff(&portal, "help@acme.example").await;

    // Act: support reads the catalog and a plan's page.
    let page = support.get("/admin/catalog").await;
    assert_eq!(page.status, StatusCode::OK, "{:.400}", page.body);
    assert!(page.body.contains(r#"id="product-acme-ledger""#) && page.body.contains(r#"id="plan-LED-STD-1Y""#));
    assert!(page.body.contains(r#"id="edition-LED-ENT""#), "editions are listed");
    assert!(page.body.contains(r#"href="/admin/catalog" aria-current="page""#), "the menu marks the catalog");
    assert!(!page.body.contains(r#"action="/admin/catalog/"#), "support is offered no change: {:.2000}", page.body);
    let plan = support.get("/admin/catalog/plans/LED-STD-1Y").await;
    assert_eq!(plan.status, StatusCode::OK);
    assert!(!plan.body.contains("/retire") && !plan.body.contains("/change\""), "no plan form for support");

    // Every change route answers 403 to support and changes nothing.
    let before = catalog_state(&portal).await;
    let fields = [
        ("id", "sneaky"),
        ("name", "Sneaky"),
        ("match_policy", "fuzzy"),
        ("refresh_days", "30"),
        ("grace_days", "15"),
        ("product", "acme-ledger"),
        ("sku", "SNK-1"),
        ("features", "x"),
        ("edition", "LED-STD"),
        ("months", "12"),
        ("price", "1.00"),
        ("currency", "EUR"),
        ("machines_per_user", "1"),
        ("support_years", "0"),
        ("trial_days", "0"),
    ];
    let changes = [
        "/admin/catalog/products",
        "/admin/catalog/products/acme-ledger",
        "/admin/catalog/editions",
        "/admin/catalog/editions/LED-STD/features",
        "/admin/catalog/plans",
        "/admin/catalog/plans/LED-STD-1Y/change",
        "/admin/catalog/plans/LED-STD-1Y/retire",
        "/admin/catalog/plans/LED-STD-1Y/on-sale",
    ];
    for action in changes {
        let refused = act(&mut support, &page, action, &fields).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{action}");
    }
    assert_eq!(catalog_state(&portal).await, before, "support changed nothing");
    let listed: Vec<&str> = tessera_portal::web::backoffice::needs()
        .into_iter()
        .filter(|(path, needs)| path.starts_with("/admin/catalog/") && *needs == tessera_portal::domain::Needs::Admin)
        .map(|(path, _)| path)
        .collect();
    assert_eq!(listed.len(), changes.len(), "every catalog change route was tried: {listed:?}");
});

on_both_databases!(
    an_admin_adds_a_product_an_edition_and_a_plan_the_shell_sells,
    |portal: common::TestPortal| async move {
        // Arrange
        create_staff(&portal, "boss@acme.example", "admin");
        let mut admin = signed_in_staff(&portal, "boss@acme.example").await;
        let page = admin.get("/admin/catalog").await;
        assert_eq!(page.status, StatusCode::OK);

        // Act: a product, an edition of it, a plan of that edition.
        let added = act(
            &mut admin,
            &page,
            "/admin/catalog/products",
            &[
                ("id", "bo-suite"),
                ("name", "BO Suite"),
                ("match_policy", "loose"),
                ("refresh_days", "20"),
                ("grace_days", "5"),
            ],
        )
        .await;
        assert_eq!(added.location.as_deref(), Some("/admin/catalog?done=product-added"), "{:.600}", added.body);
        let edition = act(
            &mut admin,
            &page,
            "/admin/catalog/editions",
            &[("product", "bo-suite"), ("name", "Pro"), ("sku", "BOS-PRO"), ("features", "reports, export ,")],
        )
        .await;
        assert_eq!(edition.location.as_deref(), Some("/admin/catalog?done=edition-added"), "{:.600}", edition.body);
        let plan = act(
            &mut admin,
            &page,
            "/admin/catalog/plans",
            &[
                ("edition", "BOS-PRO"),
                ("sku", "BOS-PRO-1Y"),
                ("name", ""),
                ("months", "12"),
                ("price", "120.50"),
                ("currency", "EUR"),
                ("machines_per_user", "2"),
                ("support_years", "1"),
                ("trial_days", "14"),
            ],
        )
        .await;
        assert_eq!(plan.location.as_deref(), Some("/admin/catalog?done=plan-added"), "{:.600}", plan.body);

        // Assert: the page lists them, the shell sells the plan.
        let shown = admin.get("/admin/catalog?done=plan-added").await;
        assert!(shown.text_of("notice").is_some_and(|n| n.contains("plan")), "{:?}", shown.text_of("notice"));
        assert!(shown.body.contains(r#"id="product-bo-suite""#), "the product");
        assert!(shown.body.contains("reports, export"), "the edition's features, trimmed");
        assert!(shown.body.contains(r#"id="plan-BOS-PRO-1Y""#), "the plan");
        assert!(shown.body.contains("BO Suite Pro, 12 months") || shown.body.contains("BO Suite Pro, 1 year"), "named");
        let policy: String = sqlx::query_scalar("SELECT match_policy FROM products WHERE id = 'bo-suite'")
            .fetch_one(&portal.pool)
            .await
            .expect("the product");
        assert_eq!(policy, "loose");
        let placed =
            ok(&portal, &["place-order", "--customer-email", "it@contoso.example", "--plan", "BOS-PRO-1Y:2"]).await;
        assert!(placed.contains("241.00"), "two users at 120.50: {placed}");

        // The product's name and days change; its id and matching are not offered.
        let changed = act(
            &mut admin,
            &shown,
            "/admin/catalog/products/bo-suite",
            &[("name", "BO Suite 2"), ("refresh_days", "10"), ("grace_days", "3"), ("match_policy", "exact")],
        )
        .await;
        assert_eq!(changed.location.as_deref(), Some("/admin/catalog?done=product-changed"), "{:.600}", changed.body);
        let (name, refresh, grace, policy): (String, i64, i64, String) =
            sqlx::query_as("SELECT name, refresh_days, grace_days, match_policy FROM products WHERE id = 'bo-suite'")
                .fetch_one(&portal.pool)
                .await
                .expect("the product");
        assert_eq!((name.as_str(), refresh, grace, policy.as_str()), ("BO Suite 2", 10, 3, "loose"));
        let features = act(
            &mut admin,
            &shown,
            "/admin/catalog/editions/BOS-PRO/features",
            &[("features", "reports, export, api")],
        )
        .await;
        assert_eq!(features.location.as_deref(), Some("/admin/catalog?done=features"));
        let stored: String = sqlx::query_scalar("SELECT features FROM editions WHERE sku = 'BOS-PRO'")
            .fetch_one(&portal.pool)
            .await
            .expect("the edition");
        assert_eq!(serde_json::from_str::<Vec<String>>(&stored).expect("JSON"), ["reports", "export", "api"]);

        // Every change is in the log, by the member of staff.
        for (kind, subject) in [
            ("product_added", "bo-suite"),
            ("edition_added", "BOS-PRO"),
            ("plan_added", "BOS-PRO-1Y"),
            ("product_changed", "bo-suite"),
            ("edition_changed", "BOS-PRO"),
        ] {
            let lines = events_of(&portal, kind).await;
            assert!(
                lines
                    .iter()
                    .any(|l| l.contains("\tstaff:boss@acme.example\t") && l.contains(&format!("\t{subject}\t"))),
                "{kind} of {subject} by the admin: {lines:?}"
            );
        }
    }
);

on_both_databases!(bad_catalog_input_is_refused_naming_the_field, |portal: common::TestPortal| async move {
    // Arrange
    add_standard_plan(&portal).await;
    create_staff(&portal, "boss@acme.example", "admin");
    let mut admin = signed_in_staff(&portal, "boss@acme.example").await;
    let page = admin.get("/admin/catalog").await;
    let plan = |overrides: &[(&'static str, &'static str)]| {
        let mut fields = vec![
            ("edition", "LED-STD"),
            ("sku", "LED-STD-2Y"),
            ("name", ""),
            ("months", "24"),
            ("price", "350.00"),
            ("currency", "EUR"),
            ("machines_per_user", "1"),
            ("support_years", "2"),
            ("trial_days", "0"),
        ];
        for (name, value) in overrides {
            fields.iter_mut().find(|(field, _)| field == name).expect("a field").1 = value;
        }
        fields
    };
    let product = |policy: &'static str| {
        vec![("id", "bad-one"), ("name", "Bad"), ("match_policy", policy), ("refresh_days", "30"), ("grace_days", "15")]
    };
    let change = |price: &'static str| {
        vec![
            ("name", "Ledger"),
            ("price", price),
            ("machines_per_user", "1"),
            ("support_years", "0"),
            ("trial_days", "0"),
        ]
    };
    let cases: Vec<(&str, &str, Fields, &str)> = vec![
        ("a negative price", "/admin/catalog/plans", plan(&[("price", "-5.00")]), "price"),
        ("three decimals in EUR", "/admin/catalog/plans", plan(&[("price", "10.555")]), "price"),
        ("a price beyond the maximum", "/admin/catalog/plans", plan(&[("price", "99999999.00")]), "price"),
        ("a SKU with a space", "/admin/catalog/plans", plan(&[("sku", "LED STD 2Y")]), "sku"),
        ("a SKU in lower case", "/admin/catalog/plans", plan(&[("sku", "led-std-2y")]), "sku"),
        ("0 months", "/admin/catalog/plans", plan(&[("months", "0")]), "term months"),
        ("121 months", "/admin/catalog/plans", plan(&[("months", "121")]), "term months"),
        ("no computer per user", "/admin/catalog/plans", plan(&[("machines_per_user", "0")]), "machines per user"),
        ("11 years of support", "/admin/catalog/plans", plan(&[("support_years", "11")]), "support years"),
        ("a year of trial", "/admin/catalog/plans", plan(&[("trial_days", "366")]), "trial days"),
        ("an unknown currency", "/admin/catalog/plans", plan(&[("currency", "XXX")]), "currency"),
        ("an unknown match policy", "/admin/catalog/products", product("sloppy"), "match policy"),
        (
            "an edition SKU with a space",
            "/admin/catalog/editions",
            vec![("product", "acme-ledger"), ("name", "Gold"), ("sku", "LED GOLD"), ("features", "")],
            "sku",
        ),
        ("a negative new price", "/admin/catalog/plans/LED-STD-1Y/change", change("-1"), "price"),
        ("a new price with 3 decimals", "/admin/catalog/plans/LED-STD-1Y/change", change("1.001"), "price"),
    ];
    let before = catalog_state(&portal).await;

    for (case, action, fields, field) in cases {
        // Act
        let refused = act(&mut admin, &page, action, &fields).await;

        // Assert: 400, the page again with the reason naming the field, and nothing changed.
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{case}: {:.600}", refused.body);
        let notice = refused.text_of("notice").unwrap_or_else(|| panic!("{case}: a notice"));
        assert!(notice.starts_with(&format!("Not done: {field}:")), "{case}: {notice}");
        assert_eq!(catalog_state(&portal).await, before, "{case}: nothing changed");
        let name = field.replace(' ', "_");
        if action == "/admin/catalog/plans"
            && let Some((_, typed)) = fields.iter().find(|(field, _)| *field == name)
        {
            let form = refused.body.split(r#"id="add-plan""#).nth(1).expect("the new plan's form");
            let input = form.split(&format!(r#"name="{name}""#)).nth(1).expect("the field");
            let tag = input.split('>').next().unwrap_or_default();
            assert!(tag.contains(&format!(r#"value="{typed}""#)), "{case}: what was typed stays: {tag}");
        }
    }
    let price: i64 = number(&portal, "SELECT unit_price_minor FROM plans WHERE sku = 'LED-STD-1Y'").await;
    assert_eq!(price, 19_950, "the plan keeps its price");
});

/// A form's fields, by name.
type Fields = Vec<(&'static str, &'static str)>;

/// Places an order of `users` of `sku` for Contoso from the shell; its reference.
async fn place(portal: &common::TestPortal, sku: &str, users: u32) -> Result<String, String> {
    let placed =
        run(portal, &["place-order", "--customer-email", "it@contoso.example", "--plan", &format!("{sku}:{users}")])
            .await?;
    Ok(placed.split_whitespace().nth(1).expect("order <reference> placed").to_owned())
}

async fn unit_prices(portal: &common::TestPortal, reference: &str) -> (i64, i64) {
    sqlx::query_as(
        "SELECT i.unit_price_minor, o.total_minor FROM order_items i JOIN orders o ON o.id = i.order_id \
         WHERE o.reference = $1",
    )
    .bind(reference)
    .fetch_one(&portal.pool)
    .await
    .expect("the order's line")
}

/// The computers of the license issued for order `reference`, and its years of support.
async fn sold(portal: &common::TestPortal, reference: &str) -> (i64, i64) {
    sqlx::query_as(
        "SELECT l.max_machines, CAST(COALESCE((SELECT SUM(s.years) FROM support_terms s WHERE s.license_id = l.id), 0) AS BIGINT) \
         FROM licenses l JOIN orders o ON o.id = l.order_id WHERE o.reference = $1",
    )
    .bind(reference)
    .fetch_one(&portal.pool)
    .await
    .expect("the order's license")
}

on_both_databases!(
    a_new_price_is_for_the_next_orders_and_a_retired_plan_is_sold_nowhere,
    |portal: common::TestPortal| async move {
        // Arrange: an order placed at 199.50 per user; an admin; the shop's token.
        add_standard_plan(&portal).await;
        create_staff(&portal, "boss@acme.example", "admin");
        let mut admin = signed_in_staff(&portal, "boss@acme.example").await;
        let first = place(&portal, "LED-STD-1Y", 2).await.expect("placed");
        assert_eq!(unit_prices(&portal, &first).await, (19_950, 39_900));
        let created = ok(&portal, &["api-token", "create", "--name", "shop", "--scope", "orders"]).await;
        let token = created.lines().last().expect("the token").trim().to_owned();
        let contoso: String = sqlx::query_scalar("SELECT id FROM customers WHERE email = 'it@contoso.example'")
            .fetch_one(&portal.pool)
            .await
            .expect("Contoso");
        let shop_order = |sku: &str| json!({ "customer_id": contoso, "items": [{ "sku": sku, "quantity": 1 }] });

        // Act: a new price.
        let page = admin.get("/admin/catalog/plans/LED-STD-1Y").await;
        assert_eq!(page.status, StatusCode::OK);
        let changed = act(
            &mut admin,
            &page,
            "/admin/catalog/plans/LED-STD-1Y/change",
            &[
                ("name", "Ledger Standard, 1 year"),
                ("price", "249.00"),
                ("machines_per_user", "3"),
                ("support_years", "1"),
                ("trial_days", "30"),
            ],
        )
        .await;
        assert_eq!(
            changed.location.as_deref(),
            Some("/admin/catalog/plans/LED-STD-1Y?done=plan-changed"),
            "{:.600}",
            changed.body
        );

        // Assert: the order placed keeps its price; the next one has the new one.
        assert_eq!(unit_prices(&portal, &first).await, (19_950, 39_900), "the placed order keeps its price");
        let second = place(&portal, "LED-STD-1Y", 2).await.expect("placed");
        assert_eq!(unit_prices(&portal, &second).await, (24_900, 49_800));
        // Paid after the change, each order's licenses get the computers and support it was
        // sold with: 2 users × 2 computers and no support, then 2 × 3 with a year of it.
        for (reference, amount, bank) in [(&first, "399.00", "B-FIRST"), (&second, "498.00", "B-SECOND")] {
            ok(&portal, &["record-payment", "--order", reference, "--amount", amount, "--bank-reference", bank]).await;
        }
        assert_eq!(sold(&portal, &first).await, (4, 0), "the first order keeps what it was sold with");
        assert_eq!(sold(&portal, &second).await, (6, 1), "the second order has the new computers and support");
        let shown = admin.get("/admin/catalog/plans/LED-STD-1Y?done=plan-changed").await;
        assert!(shown.text_of("fact-price").is_some_and(|p| p.contains("249")), "{:?}", shown.text_of("fact-price"));
        let changes = events_of(&portal, "plan_changed").await;
        assert!(
            changes.iter().any(|l| l.contains("\tstaff:boss@acme.example\t") && l.contains(r#""price":"249.00""#)),
            "{changes:?}"
        );

        // Retired: not offered, refused by the shell and the vendor API.
        let retired = act(&mut admin, &shown, "/admin/catalog/plans/LED-STD-1Y/retire", &[]).await;
        assert_eq!(retired.location.as_deref(), Some("/admin/catalog/plans/LED-STD-1Y?done=retired"));
        let plan_page = admin.get("/admin/catalog/plans/LED-STD-1Y").await;
        assert_eq!(plan_page.text_of("plan-status").as_deref(), Some("retired"));
        let new_order = admin.get(&format!("/admin/customers/{contoso}/orders/new")).await;
        assert_eq!(new_order.status, StatusCode::OK);
        assert!(!new_order.body.contains("qty-LED-STD-1Y"), "the new-order form does not offer it");
        let refused = place(&portal, "LED-STD-1Y", 1).await.expect_err("a retired plan is not sold");
        assert!(refused.contains("plan LED-STD-1Y is no longer sold"), "{refused}");
        let answer = portal
            .client
            .post(format!("{}/api/v1/admin/orders", portal.url))
            .bearer_auth(&token)
            .json(&shop_order("LED-STD-1Y"))
            .send()
            .await
            .expect("the API answers");
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
        let body: Value = answer.json().await.expect("JSON");
        assert!(body["message"].as_str().is_some_and(|m| m.contains("no longer sold")), "{body}");
        let again = act(&mut admin, &plan_page, "/admin/catalog/plans/LED-STD-1Y/retire", &[]).await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST, "retired twice");
        assert!(again.text_of("notice").is_some_and(|n| n.contains("retired already")));

        // Back on sale: offered and sold again.
        let back = act(&mut admin, &plan_page, "/admin/catalog/plans/LED-STD-1Y/on-sale", &[]).await;
        assert_eq!(back.location.as_deref(), Some("/admin/catalog/plans/LED-STD-1Y?done=on-sale"));
        assert!(admin.get(&format!("/admin/customers/{contoso}/orders/new")).await.body.contains("qty-LED-STD-1Y"));
        place(&portal, "LED-STD-1Y", 1).await.expect("sold again");
        let answer = portal
            .client
            .post(format!("{}/api/v1/admin/orders", portal.url))
            .bearer_auth(&token)
            .json(&shop_order("LED-STD-1Y"))
            .send()
            .await
            .expect("the API answers");
        assert_eq!(answer.status(), StatusCode::CREATED);
        for kind in ["plan_retired", "plan_on_sale"] {
            let lines = events_of(&portal, kind).await;
            assert!(
                lines.iter().any(|l| l.contains("\tstaff:boss@acme.example\t") && l.contains("\tLED-STD-1Y\t")),
                "{kind}: {lines:?}"
            );
        }
        assert_eq!(admin.get("/admin/catalog/plans/NO-SUCH-PLAN").await.status, StatusCode::NOT_FOUND);
    }
);
