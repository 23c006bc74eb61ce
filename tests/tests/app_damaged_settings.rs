//! A settings file that cannot be read does not keep the License Manager from opening: it
//! is set aside, the defaults are used, and the customer is told.

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn damaged_settings_are_set_aside_and_the_app_still_works() {
    // Arrange: half a settings file, as a crash while writing it by hand might leave.
    let portal = TestPortal::start().await;
    let prepare = |state_dir: &std::path::Path| {
        std::fs::create_dir_all(state_dir).expect("the state folder is created");
        std::fs::write(state_dir.join("settings.json"), "{ \"portal_url\": \"https://")
            .expect("the settings are written");
    };

    // Act
    let Some(app) =
        LicenseManager::launch_prepared("app_damaged_settings", &portal.url, &portal.trusted_keys, prepare).await
    else {
        return;
    };
    let warning = app.wait_for_text(".notice-warning", "damaged").await;
    let state = app.wait_for_text("#license-state", "").await;
    app.screenshot("app-settings-set-aside").await;
    let set_aside = app.state_dir.join("settings.damaged.json");
    let kept = std::fs::read_to_string(&set_aside).unwrap_or_default();
    app.close().await;

    // Assert
    assert!(warning.contains(&set_aside.display().to_string()), "the warning says where the file went: {warning}");
    assert_eq!(state, "Not activated", "the license screen works with the default settings");
    assert!(kept.starts_with("{ \"portal_url\""), "the damaged file is kept for support: {kept:?}");
}
