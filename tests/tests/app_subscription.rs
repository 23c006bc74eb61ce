//! A subscription's license in the License Manager: the dashboard says when it renews; once its
//! customer cancels it, Refresh brings "Ends on … (cancelled)".

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_says_when_a_subscription_renews_and_when_a_cancelled_one_ends() {
    // Arrange: the demo's commerce; Contoso's monthly Acme Payroll subscription is paid.
    let portal = TestPortal::start().await;
    portal.seed_commerce().await;
    let Some(app) =
        LicenseManager::launch_for("app_subscription", &portal.url, &portal.trusted_keys, "acme-payroll").await
    else {
        return;
    };
    let contoso = &portal.demo.customers[1];

    // Act: activated with Contoso's key.
    app.open("activate").await;
    app.type_into("#activation-key", &contoso.activation_key).await;
    app.click("#activate").await;

    // Assert: a subscription's license, renewing at its period's end.
    assert_eq!(app.wait_for_text("#license-state", "Valid").await, "Valid");
    let renews = app.text_of("#license-subscription").await;
    assert!(renews.starts_with("Renews on "), "{renews}");
    app.screenshot("app-dashboard-subscription-renews").await;

    // Cancelled on the portal: the next Refresh says when it ends.
    let serial = app.text_of("#license-serial").await;
    portal.cancel_subscription_of(&serial).await;
    app.click("#refresh").await;
    let ends = app.wait_for_text("#license-subscription", "cancelled").await;
    assert_eq!(ends, renews.replace("Renews on ", "Ends on ") + " (cancelled)", "the same day, now its end");
    app.screenshot("app-dashboard-subscription-cancelled").await;
    app.close().await;
}
