//! A customer activates the License Manager with the key from their order, sees a valid
//! license, and refreshes it with the portal.

use tessera_portal::cli::admin::{self, Admin};
use tessera_tests::app::LicenseManager;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn activating_with_the_demo_key_shows_a_valid_license_and_refresh_synchronises_it() {
    // Arrange
    let portal = TestPortal::start().await;
    let Some(app) = LicenseManager::launch("app_activation", &portal.url, &portal.trusted_keys).await else { return };
    let northwind = portal.northwind();
    assert_eq!(app.wait_for_text("#license-state", "").await, "Not activated", "a fresh computer has no license");
    app.screenshot("app-dashboard-not-activated").await;

    // Act: the key as a customer might type it, in small letters and without dashes.
    app.open("activate").await;
    app.type_into("#activation-key", &northwind.activation_key.to_lowercase().replace('-', "")).await;
    let shown_key = app.value_of("#activation-key").await;
    app.screenshot("app-activate").await;
    app.click("#activate").await;

    // Assert
    assert_eq!(shown_key, northwind.activation_key, "the key is regrouped in capitals as it is typed");
    assert_eq!(app.wait_for_text("#license-state", "Valid").await, "Valid");
    assert_eq!(app.text_of("#license-customer").await, "Northwind Traders");
    assert_eq!(app.text_of("#license-product").await, "Acme Ledger", "the product by its name, not its id");
    assert_eq!(
        app.text_of("#license-headline").await,
        "Licensed to Northwind Traders: Acme Ledger Enterprise, perpetual",
        "who the license is for, what, and for how long"
    );
    assert_eq!(app.text_of("#license-support-contact").await, "Support: support@acme.example");
    assert!(app.text_of("#license-renew").await.starts_with(&format!("Renew at: {}/licenses/", portal.url)));
    let computer = app.text_of("#license-computer").await;
    let serial = app.text_of("#license-serial").await;
    assert_eq!(
        portal.serials_on(northwind, &computer).await,
        vec![serial.clone()],
        "the dashboard shows the serial of the license the portal bound to {computer}"
    );
    app.screenshot("app-dashboard-valid").await;

    // Act: Refresh your license.
    app.click("#refresh").await;

    // Assert
    let result = app.wait_for_text("#refresh-result", "synchronized").await;
    assert_eq!(result, "License has been synchronized with licensing portal");
    assert_eq!(app.text_of("#license-state").await, "Valid");
    app.screenshot("app-dashboard-refreshed").await;

    // The diagnostics report says how things stand, but holds no key.
    app.open("diagnostics").await;
    let report = app.wait_for_value_with("#diagnostics-report", "\"status\"").await;
    app.screenshot("app-diagnostics").await;
    assert!(report.contains(&serial), "the report names the serial: {report}");
    assert!(!report.contains(&northwind.activation_key[..11]), "the report holds no activation key");

    // The same key again: nothing to do, and the app says so.
    app.open("activate").await;
    app.type_into("#activation-key", &northwind.activation_key).await;
    app.click("#activate").await;
    let said = app.wait_for_text("#activate-result", "already").await;
    assert!(said.contains(&format!("(license {serial})")), "{said}");

    // Another customer's key: asked first, and keeping the license changes nothing.
    let contoso = &portal.demo.customers[1];
    app.type_into("#activation-key", &contoso.activation_key).await;
    app.click("#activate").await;
    let question = app.wait_for_text("#dialog-text", "").await;
    assert!(question.starts_with(&format!("This computer already holds license {serial}.")), "{question}");
    app.screenshot("app-activate-replace-confirm").await;
    app.click(".dialog button:not(#dialog-confirm)").await;
    app.open("license").await;
    assert_eq!(app.wait_for_text("#license-serial", &serial).await, serial, "the license was kept");
    assert_eq!(portal.serials_on(northwind, &computer).await, vec![serial.clone()], "and its seat too");

    // The vendor suspends the license: Refresh says it synchronised, in the red of the state
    // it brought, not in a green that contradicts it.
    portal
        .admin(Admin::SetStatus(admin::SetStatus {
            serial: serial.clone(),
            status: "suspended".into(),
            reason: Some("Invoice 2026-117 is overdue".into()),
        }))
        .await;
    app.click("#refresh").await;
    let result = app.wait_for_text("#refresh-result", "Suspended").await;
    assert_eq!(result, "License has been synchronized with licensing portal. The license is now: Suspended.");
    assert!(app.exists("#refresh-result .notice-error").await, "the outcome is shown as the state is: red");
    assert_eq!(app.text_of("#license-state").await, "Suspended");
    assert_eq!(
        app.text_of("#license-status-reason").await,
        "Reason given by the vendor: Invoice 2026-117 is overdue",
        "the vendor's reason came with the refresh"
    );
    app.screenshot("app-dashboard-refreshed-suspended").await;
    portal
        .admin(Admin::SetStatus(admin::SetStatus { serial: serial.clone(), status: "active".into(), reason: None }))
        .await;
    app.click("#refresh").await;
    app.wait_for_text("#license-state", "Valid").await;
    assert!(!app.exists("#license-status-reason").await, "reinstated, no reason is shown");

    // Deactivating asks first, then gives the seat back.
    app.open("license").await;
    app.click("#deactivate").await;
    let question = app.wait_for_text("#dialog-text", "").await;
    app.screenshot("app-deactivate-confirm").await;
    app.click("#dialog-confirm").await;
    assert!(question.starts_with("Deactivate this computer?"), "{question}");
    assert_eq!(app.wait_for_text("#license-state", "Not activated").await, "Not activated");
    let focused = app.client.execute("return document.activeElement?.id ?? ''", vec![]).await.expect("focus");
    assert_eq!(focused, "go-activate", "focus stays on the screen, on what comes next");
    assert!(portal.serials_on(northwind, &computer).await.is_empty(), "the portal freed the seat");
    app.close().await;
}
