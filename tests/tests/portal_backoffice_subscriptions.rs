//! The back office's subscriptions in a real browser: an admin opens Subscriptions from the
//! menu (Contoso's demo subscriptions: a trial, a monthly, an annual, a cancelled one), filters
//! them, adds users to the monthly one on the customer's behalf after reading the price, ends it
//! now with the unused part refunded after the confirm page, and quotes on the quote tool's page;
//! the list in the five languages, accessible, without horizontal scrolling at 1280 px.
//! Screenshots go to tests/artifacts/.

use tessera_portal::domain::StaffRole;
use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_changes_and_ends_a_subscription_for_its_customer_and_quotes() {
    // Arrange: the demo data with its commerce, an admin signed in with the keyboard.
    let portal = TestPortal::start().await;
    portal.seed_commerce().await;
    portal.create_staff("dana@acme.example", "Dana Admin", StaffRole::Admin, "staff horse battery").await;
    let Some(browser) = Browser::open("portal_backoffice_subscriptions", &portal.url, "en-US").await else { return };
    browser.goto("/admin/login").await;
    browser.tab_to("#email").await;
    browser.type_here("dana@acme.example", false).await;
    browser.tab_to("#password").await;
    browser.type_here("staff horse battery", true).await;
    browser.resize(1280, 1000).await;

    // The list from the menu: the five subscriptions with their status words.
    browser.click("#nav-subscriptions").await;
    assert_eq!(browser.text_of("h1").await, "Subscriptions");
    assert_eq!(browser.count("#subscriptions tbody tr").await, 5);
    assert_eq!(browser.count(r#"#subscriptions tr[data-status="trialing"]"#).await, 1);
    assert_eq!(browser.horizontal_overflow().await, None, "the list fits 1280 px");
    assert!(browser.scrolling_tables().await.is_empty(), "no table scrolls sideways");
    browser.screenshot("backoffice-subscriptions-en").await;
    browser.assert_accessible("en").await;

    // Filtered by status: the trial alone.
    browser.goto("/admin/subscriptions?status=trialing").await;
    assert_eq!(browser.count("#subscriptions tbody tr").await, 1);

    // The monthly one: Update services on the customer's behalf, the price first.
    browser.goto("/admin/subscriptions?status=active").await;
    let monthly = browser.count("#subscriptions tbody tr").await;
    assert!(monthly >= 1, "an active subscription");
    // One whose period's order awaits its payment (the demo's unpaid one).
    let page = browser.href_of(r#"#subscriptions tr[data-status="active"]:has(small.dunning) td:nth-child(2) a"#).await;
    browser.goto(&page).await;
    assert!(browser.has("#history").await || browser.has("#no-changes").await, "its changes");
    browser.click("#update-services").await;
    assert_eq!(browser.text_of("h1").await, "Update services");
    let users: i64 = browser.value_of("#users").await.parse().expect("users");
    browser.type_into("#users", &(users + 2).to_string()).await;
    browser.click("#see-price").await;
    assert!(browser.text_of("#quote-due").await.starts_with("Due today: €"));
    browser.assert_accessible("en").await;
    browser.click("#confirm").await;
    assert!(browser.text_of("#notice").await.contains("The number of users is updated"));
    assert_eq!(browser.text_of("#users").await, (users + 2).to_string());
    assert!(browser.text_of("#history").await.contains("staff:dana@acme.example"), "the change names Dana");
    assert_eq!(browser.horizontal_overflow().await, None, "its page fits 1280 px");
    browser.screenshot("backoffice-subscription-en").await;
    browser.assert_accessible("en").await;

    // The period's order paid by transfer (recorded on the orders page), so there is something
    // to give back.
    let period_order = browser.text_of("#dunning a").await;
    browser.goto("/admin/orders").await;
    browser.click(&format!("#order-{period_order} button")).await;
    assert!(browser.text_of("#notice").await.contains(&period_order), "the payment is recorded");
    browser.goto(&page).await;

    // Cancel now: the confirm page with the amount to give back, then ended.
    browser.click("#cancel-now").await;
    assert_eq!(browser.text_of("h1").await, "Cancel now");
    assert!(browser.text_of("#end-refund").await.starts_with("Unused part to give back: €"));
    assert!(browser.has("#refund").await, "the admin role may refund");
    browser.screenshot("backoffice-subscription-end-en").await;
    browser.assert_accessible("en").await;
    browser.type_into("#reason", "moved to another product").await;
    browser.click("#confirm-end").await;
    assert!(browser.text_of("#notice").await.contains("The subscription is ended"));
    assert_eq!(browser.text_of("#status").await, "Ended");

    // The quote tool: BILLING.md's worked example 1 as the form starts.
    browser.goto("/admin/quote").await;
    browser.resize(1280, 1500).await;
    browser.click("#quote-submit").await;
    assert_eq!(browser.text_of("#answer-due").await, "7.74");
    assert!(browser.text_of("#answer-next").await.contains("70.00"));
    assert_eq!(browser.horizontal_overflow().await, None, "the quote fits 1280 px");
    browser.screenshot("backoffice-quote-en").await;
    browser.assert_accessible("en").await;

    // The list in each language.
    browser.resize(1280, 1000).await;
    for (code, title) in [
        ("en", "Subscriptions"),
        ("fr", "Abonnements"),
        ("it", "Abbonamenti"),
        ("bg", "Абонаменти"),
        ("ru", "Подписки"),
    ] {
        browser.goto(&format!("/lang/{code}?next=/admin/subscriptions")).await;
        assert_eq!(browser.text_of("h1").await, title, "{code}");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the list fits 1280 px");
        browser.assert_accessible(code).await;
    }
    browser.screenshot("backoffice-subscriptions-ru").await;
    browser.close().await;
}
