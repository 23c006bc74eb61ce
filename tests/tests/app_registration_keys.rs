//! Activation by phone or e-mail (seed 002): the program shows an installation key, the
//! portal turns it into a registration key, and the customer types that back in.

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::{TestPortal, unreachable_url};

#[tokio::test(flavor = "multi_thread")]
async fn an_installation_key_answered_with_a_registration_key_registers_the_computer() {
    // Arrange: no network on this computer.
    let portal = TestPortal::start().await;
    let Some(app) = LicenseManager::launch("app_registration_keys", &unreachable_url(), &portal.trusted_keys).await
    else {
        return;
    };
    app.open("offline").await;
    app.type_into("#offline-seats", "3").await;

    // Act
    app.click("#show-installation-key").await;
    let installation_key = app.wait_for_text("#installation-key", "").await;
    let registration_key = portal.registration_key_for(portal.northwind(), &installation_key).await;
    app.type_into("#registration-key", &registration_key).await;
    app.click("#enter-registration-key").await;

    // Assert
    let accepted = app.wait_for_text("#registration-result", "accepted").await;
    assert_eq!(accepted, "The registration key has been accepted.");
    app.screenshot("app-offline-keys").await;
    app.open("license").await;
    let registered = app.wait_for_text(".notice-info", "registration key").await;
    let state = app.wait_for_text("#license-state", "").await;
    app.screenshot("app-dashboard-registered").await;
    app.close().await;
    assert!(registered.contains("Users: 3"), "{registered}");
    assert_eq!(state, "Registered", "a computer with a registration key in force is not 'Not activated'");
}
