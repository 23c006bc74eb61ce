//! The real desktop app window, driven through tauri-driver and WebKitWebDriver: what it
//! shows when it opens, and that it opens even when it cannot work.

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::unreachable_url;

#[tokio::test(flavor = "multi_thread")]
async fn home_screen_is_the_license_dashboard_with_the_app_name_and_version() {
    // Arrange: a portal key it trusts, and no portal to ask (opening needs none).
    let trusted = tessera_core::example::portal_key().public_key().to_base64();

    // Act
    let Some(app) = LicenseManager::launch("app_window", &unreachable_url(), &trusted).await else { return };
    let state = app.wait_for_text("#license-state", "").await;
    let heading = app.text_of("h1").await;
    let name = app.text_of("#app-name").await;
    let version = app.wait_for_text("#app-version", "Version").await;
    let title = app.client.title().await.expect("the window has a title");
    app.screenshot("app-home").await;
    app.close().await;

    // Assert
    assert_eq!(heading, "Your license", "the License dashboard is the home screen");
    assert_eq!(state, "Not activated");
    assert_eq!(name, "Tessera License Manager");
    assert_eq!(title, "Tessera License Manager");
    assert_eq!(version, format!("Version {}", env!("CARGO_PKG_VERSION")), "the version comes from app_info");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_build_that_trusts_no_portal_key_still_opens_and_says_what_is_wrong() {
    // Arrange: no trusted key at all, as in a release built without TESSERA_TRUSTED_KEYS.
    let Some(app) = LicenseManager::launch("app_window_no_keys", &unreachable_url(), "").await else { return };

    // Act
    let reason = app.wait_for_text("#open-error", "").await;
    app.screenshot("app-open-failed").await;
    app.close().await;

    // Assert
    assert!(reason.contains("trusts no licensing portal key"), "{reason}");
}
