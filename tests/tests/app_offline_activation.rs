//! A computer without network is activated offline: the request is exported from the window,
//! taken to the portal by another computer (the test), and the response pasted back.

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::{TestPortal, unreachable_url};

/// The key with its first symbol changed: still well-formed, but its check symbol no longer fits.
fn with_a_typo(key: &str) -> String {
    let replacement = if key.starts_with('A') { "B" } else { "A" };
    format!("{replacement}{}", &key[1..])
}

#[tokio::test(flavor = "multi_thread")]
async fn a_computer_without_network_is_activated_with_a_request_and_its_response() {
    // Arrange: the app's portal address leads nowhere, as on a computer without network.
    let portal = TestPortal::start().await;
    let Some(app) = LicenseManager::launch("app_offline_activation", &unreachable_url(), &portal.trusted_keys).await
    else {
        return;
    };
    let key = &portal.northwind().activation_key;

    // A typo is caught before any network call; a portal out of reach is not a wrong key.
    app.open("activate").await;
    app.type_into("#activation-key", &with_a_typo(key)).await;
    app.click("#activate").await;
    let typo = app.wait_for_text("#activate-result", "typo").await;
    app.type_into("#activation-key", key).await;
    app.click("#activate").await;
    let unreachable = app.wait_for_text("#activate-result", "cannot be reached").await;
    app.wait_until("#activate-result a[href='#/offline']").await;
    app.screenshot("app-activate-network-error").await;
    assert_eq!(
        typo,
        "The activation key contains a typo. Please compare it character by character with the one you received."
    );
    assert!(unreachable.contains("without internet, activate offline"), "{unreachable}");

    app.click("#activate-result a[href='#/offline']").await;
    app.wait_for_text("#screen-title", "Offline activation").await;
    app.type_into("#offline-key", key).await;

    // Act: export the request from the window.
    app.click("#export-request").await;
    let request = app.wait_for_value("#offline-request").await;
    app.screenshot("app-offline").await;

    // Another computer, with internet access, takes it to the portal.
    let response = portal.answer_offline_request(&request).await;

    // The response comes back by e-mail and is pasted.
    app.paste_into("#offline-response", &response).await;
    app.screenshot("app-offline-response").await;
    app.click("#import-response").await;

    // Assert
    assert!(request.starts_with("-----BEGIN TESSERA ACTIVATION REQUEST-----"), "{request}");
    assert_eq!(app.wait_for_text("#license-state", "Valid").await, "Valid");
    assert_eq!(app.text_of("#license-customer").await, "Northwind Traders");
    app.screenshot("app-dashboard-offline-valid").await;

    // Refresh cannot reach the portal: the dashboard says so, and the license stays valid.
    app.click("#refresh").await;
    let result = app.wait_for_text("#refresh-result", "Could not synchronise").await;
    assert!(result.contains("cannot be reached"), "the exact reason is given: {result}");
    assert_eq!(app.text_of("#license-state").await, "Valid");
    app.screenshot("app-dashboard-refresh-failed").await;

    // Offline transfer: a receipt replaces the online deactivation, and frees the seat once uploaded.
    let computer = app.text_of("#license-computer").await;
    app.click("#deactivation-receipt").await;
    app.click("#dialog-confirm").await;
    let receipt = app.wait_for_value("#receipt-text").await;
    assert_eq!(app.wait_for_text("#license-state", "Not activated").await, "Not activated");
    app.screenshot("app-deactivation-receipt").await;
    app.close().await;
    assert!(receipt.starts_with("-----BEGIN TESSERA DEACTIVATION RECEIPT-----"), "{receipt}");
    assert_eq!(portal.serials_on(portal.northwind(), &computer).await.len(), 1, "the seat is held until the upload");
    portal.upload_receipt(&receipt).await;
    assert!(portal.serials_on(portal.northwind(), &computer).await.is_empty(), "the receipt freed the seat");
}
