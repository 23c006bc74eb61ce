//! The customer signs in to the customer portal from the License Manager with their e-mail
//! and any order number, and sees their activation key, licenses and supports (seed 000).

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn signing_in_with_an_order_number_shows_the_activation_key_licenses_and_supports() {
    // Arrange
    let portal = TestPortal::start().await;
    let Some(app) = LicenseManager::launch("app_customer_portal", &portal.url, &portal.trusted_keys).await else {
        return;
    };
    let northwind = portal.northwind();
    app.open("portal").await;
    app.type_into("#portal-email", &northwind.email).await;
    app.type_into("#portal-order", "JWT404").await;
    app.screenshot("app-portal-sign-in").await;

    // Act: a wrong order number first, then one of the customer's.
    app.click("#sign-in").await;
    let refusal = app.wait_for_text("#portal-result", "order number").await;
    app.type_into("#portal-order", northwind.orders.last().expect("an order")).await;
    app.click("#sign-in").await;

    // Assert
    assert!(refusal.contains("No customer has that e-mail address and order number"), "{refusal}");
    assert_eq!(app.wait_for_text("#portal-key", "").await, northwind.activation_key);
    let licenses = app.text_of("#licenses-table").await;
    let supports = app.text_of("#supports-table").await;
    for serial in ["P30", "P65", "P24"] {
        assert!(licenses.contains(serial), "{serial} is listed: {licenses}");
    }
    assert!(supports.contains("P65"), "{supports}");
    app.screenshot("app-portal").await;

    // Details open below a license's row.
    app.click("#licenses-table tbody tr:first-child button[aria-expanded]").await;
    app.wait_for_text("#licenses-table .detail-row", "").await;
    app.screenshot("app-portal-details").await;

    app.click("#sign-out").await;
    app.wait_until("#portal-email").await;
    app.close().await;
}
