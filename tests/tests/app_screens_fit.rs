//! Every screen of the License Manager fits its smallest window in all five languages: nothing
//! cut off at the right edge, the window no smaller than its minimum. A screenshot of each
//! screen in each language at that size is kept under tests/artifacts/ to be looked at.

use serde_json::Value;
use tessera_tests::app::LicenseManager;
use tessera_tests::portal::TestPortal;

/// `minWidth` × `minHeight` of tauri.conf.json.
const MINIMUM: (u32, u32) = (800, 600);

const SCREENS: [&str; 6] = ["license", "activate", "offline", "portal", "settings", "diagnostics"];

/// The elements of the screen that reach past its right edge (and so are cut off).
const CUT_OFF: &str = r##"
    const screen = document.getElementById("screen").getBoundingClientRect();
    const cut = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) cut.push("the window scrolls sideways");
    for (const element of document.querySelectorAll("#screen *")) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > screen.right + 1) {
        cut.push(`${element.tagName.toLowerCase()}#${element.id}.${element.className} ends at ${Math.round(box.right)} > ${Math.round(screen.right)}: ${element.textContent.trim().slice(0, 60)}`);
      }
    }
    return cut;
"##;

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_the_smallest_window_in_every_language() {
    // Arrange: an activated computer, so the dashboard shows all it can.
    let portal = TestPortal::start().await;
    let Some(app) = LicenseManager::launch("app_screens_fit", &portal.url, &portal.trusted_keys).await else { return };
    app.open("activate").await;
    app.type_into("#activation-key", &portal.northwind().activation_key).await;
    app.click("#activate").await;
    app.wait_for_text("#license-state", "Valid").await;

    // The window does not go below its minimum.
    app.client.set_window_size(400, 300).await.expect("resize");
    let (_, _, width, height) = app.client.get_window_rect().await.expect("window size");
    assert!(width >= u64::from(MINIMUM.0) && height >= u64::from(MINIMUM.1), "the window shrank to {width}×{height}");
    app.client.set_window_size(MINIMUM.0, MINIMUM.1).await.expect("resize");

    let mut cut_off = Vec::new();
    for language in ["en", "fr", "it", "bg", "ru"] {
        app.open("settings").await;
        app.choose("#settings-language", language).await;
        app.wait_until(&format!("html[lang={language}]")).await;
        for screen in SCREENS {
            app.open(screen).await;
            let found = app.client.execute(CUT_OFF, vec![]).await.expect("the check runs");
            for problem in found.as_array().into_iter().flatten().filter_map(Value::as_str) {
                cut_off.push(format!("{language} {screen}: {problem}"));
            }
            app.screenshot(&format!("app-min-{screen}-{language}")).await;
        }
    }
    app.close().await;
    assert!(cut_off.is_empty(), "cut off at {}×{}: {cut_off:#?}", MINIMUM.0, MINIMUM.1);
}
