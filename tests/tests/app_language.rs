//! The customer switches the License Manager to French in Settings: every word changes at
//! once, and the choice is saved.

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn switching_to_french_shows_french_labels_everywhere_and_is_saved() {
    // Arrange
    let portal = TestPortal::start().await;
    let Some(app) = LicenseManager::launch("app_language", &portal.url, &portal.trusted_keys).await else { return };
    app.open("settings").await;
    assert_eq!(app.value_of("#settings-portal-url").await, portal.url, "the portal comes from TESSERA_PORTAL_URL");
    let store = app.text_of("#credential-store").await;
    app.click("#proxy-manual").await;
    app.wait_until("#settings-proxy-url").await;
    app.screenshot("app-settings").await;

    // Act
    app.choose("#settings-language", "fr").await;

    // Assert
    app.wait_for_text("#nav-license", "Licence").await;
    assert_eq!(app.text_of("#screen-title").await, "Paramètres");
    assert_eq!(app.text_of("#nav-offline").await, "Activation hors ligne");
    assert_eq!(app.text_of("#nav-portal").await, "Portail client");
    app.screenshot("app-settings-fr").await;
    app.open("license").await;
    assert_eq!(app.text_of("#screen-title").await, "Votre licence");
    assert_eq!(app.wait_for_text("#license-state", "").await, "Non activée");
    assert_eq!(app.text_of("#go-activate").await, "Activer votre licence");
    app.screenshot("app-dashboard-fr").await;
    let settings = std::fs::read_to_string(app.state_dir.join("settings.json")).expect("the settings are saved");
    app.close().await;
    assert!(store.starts_with("Credentials are stored in: "), "{store}");
    assert!(settings.contains("\"language\": \"fr\""), "{settings}");
}
