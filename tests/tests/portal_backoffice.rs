//! The back office in a real browser: headless Chromium against a real portal with the demo
//! data, an admin signing in with the keyboard, the dashboard, the orders awaiting payment, a
//! customer found by the search box and one of their licenses, an order with its invoice, the
//! catalog, the event log and the mail outbox in the five languages, accessible, without
//! horizontal scrolling at 1280 px; the invoice as printed. Screenshots go to tests/artifacts/.

use tessera_portal::cli::admin::{Admin, PlaceOrder};
use tessera_portal::domain::StaffRole;
use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_signs_in_and_reads_the_dashboard_and_the_orders_in_five_languages() {
    // Arrange: the demo data, an admin, a plan and an order of Contoso's awaiting payment.
    let portal = TestPortal::start().await;
    portal.create_staff("dana@acme.example", "Dana Admin", StaffRole::Admin, "staff horse battery").await;
    portal
        .admin(Admin::AddPlan(tessera_portal::cli::admin::AddPlan {
            product: "acme-ledger".into(),
            edition: "Standard".into(),
            sku: "LED-STD-1Y".into(),
            name: None,
            term: "1y".into(),
            price: "299.25".into(),
            currency: "EUR".into(),
            machines_per_user: 1,
            support_years: 1,
            trial_days: 0,
        }))
        .await;
    let placed = portal
        .admin(Admin::PlaceOrder(PlaceOrder {
            customer_email: "it@contoso.example".into(),
            plans: vec!["LED-STD-1Y:2".into()],
            payment: "bank_transfer".into(),
        }))
        .await;
    let reference = placed.strip_prefix("order ").and_then(|r| r.split(' ').next()).expect("reference").to_owned();
    let Some(browser) = Browser::open("portal_backoffice", &portal.url, "en-US").await else { return };

    // Sign in with the keyboard alone.
    browser.goto("/admin").await;
    assert_eq!(browser.text_of("h1").await, "Back office sign-in", "the dashboard asks for sign-in first");
    browser.tab_to("#email").await;
    browser.type_here("dana@acme.example", false).await;
    browser.tab_to("#password").await;
    browser.type_here("staff horse battery", false).await;
    browser.screenshot("backoffice-login-en").await;
    browser.assert_accessible("en").await;
    browser.type_here("", true).await;

    // The dashboard, then the orders, in each language.
    browser.resize(1280, 900).await;
    for (code, dashboard, orders) in [
        ("en", "Dashboard", "Orders awaiting payment"),
        ("fr", "Tableau de bord", "Commandes en attente de paiement"),
        ("it", "Cruscotto", "Ordini in attesa di pagamento"),
        ("bg", "Табло", "Поръчки, очакващи плащане"),
        ("ru", "Сводка", "Заказы, ожидающие оплаты"),
    ] {
        browser.goto(&format!("/lang/{code}?next=/admin")).await;
        assert_eq!(browser.text_of("h1").await, dashboard, "{code}");
        assert!(browser.text_of("#figure-awaiting").await.contains('1'), "{code}: one order awaits");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the dashboard fits 1280 px");
        browser.screenshot(&format!("backoffice-dashboard-{code}")).await;
        browser.assert_accessible(code).await;
        browser.click(r#".menu a[href="/admin/orders"]"#).await;
        assert_eq!(browser.text_of("h1").await, orders, "{code}");
        assert!(browser.text_of("#orders").await.contains(&reference), "{code}: the order is listed");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the orders fit 1280 px");
        assert!(browser.scrolling_tables().await.is_empty(), "{code}: no table scrolls sideways");
        browser.screenshot(&format!("backoffice-orders-{code}")).await;
        browser.assert_accessible(code).await;

        // A customer found by the search box, then one of their licenses with its actions.
        browser.goto("/admin/customers?q=contoso").await;
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the search fits 1280 px");
        browser.assert_accessible(code).await;
        browser.click("#customers a").await;
        assert_eq!(browser.text_of("h1").await, "Contoso Pharmacy", "{code}");
        assert!(browser.text_of("#licenses").await.contains("P71"), "{code}: the license is listed");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the customer fits 1280 px");
        assert!(browser.scrolling_tables().await.is_empty(), "{code}: no table scrolls sideways");
        browser.screenshot(&format!("backoffice-customer-{code}")).await;
        browser.assert_accessible(code).await;
        browser.click(r#"#licenses a[href="/admin/licenses/P71"]"#).await;
        assert!(browser.text_of("h1").await.contains("P71"), "{code}");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the license fits 1280 px");
        assert!(browser.scrolling_tables().await.is_empty(), "{code}: no table scrolls sideways");
        browser.screenshot(&format!("backoffice-license-{code}")).await;
        browser.assert_accessible(code).await;

        // The order with its invoice, the catalog, the event log and the outbox.
        browser.goto(&format!("/admin/orders/{reference}")).await;
        assert!(browser.text_of("#order-invoices").await.contains("INV-"), "{code}: the order has its invoice");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the order fits 1280 px");
        browser.assert_accessible(code).await;
        for (path, name) in [("/admin/catalog", "catalog"), ("/admin/events", "events"), ("/admin/mail", "mail")] {
            browser.goto(path).await;
            assert_eq!(browser.horizontal_overflow().await, None, "{code}: {path} fits 1280 px");
            assert!(browser.scrolling_tables().await.is_empty(), "{code}: no table of {path} scrolls sideways");
            browser.screenshot(&format!("backoffice-{name}-{code}")).await;
            browser.assert_accessible(code).await;
        }
    }

    // The invoice as the customer prints it.
    browser.goto("/lang/en?next=/admin").await;
    browser.goto(&format!("/admin/orders/{reference}")).await;
    browser.click("#order-invoices a").await;
    assert!(browser.text_of("h1").await.starts_with("Invoice INV-"), "the invoice page");
    assert!(browser.text_of("#invoice-total").await.contains("598.50"));
    assert_eq!(browser.horizontal_overflow().await, None, "the invoice fits 1280 px");
    browser.screenshot("backoffice-invoice-en").await;
    browser.assert_accessible("en").await;
    browser.close().await;
}
