//! The License Manager as a customer runs it, driven through its window: launched by
//! tauri-driver with its own state folder, portal, trusted keys and keyring service.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::portal::temp_dir;
use crate::{Prerequisites, WebDriverProcess, app_binary, save_screenshot, tauri_capabilities, webdriver_client};

/// How long the window may take to show what a test waits for (a portal call included).
const WAIT: Duration = Duration::from_secs(20);

/// The running app and the WebDriver session that drives it.
#[derive(Debug)]
pub struct LicenseManager {
    pub client: Client,
    /// The app's state folder (`TESSERA_STATE_DIR`): license, state and settings.
    pub state_dir: PathBuf,
    test: String,
    // Dropped last: kills the driver, WebKitWebDriver and the app even after a failed assertion.
    _driver: WebDriverProcess,
}

impl LicenseManager {
    /// Launches the app pointed at `portal_url`, trusting `trusted_keys`, with a fresh state
    /// folder and a keyring service of its own. `None` (after a loud SKIPPED notice) when the
    /// machine cannot run the app; a failure instead when `TESSERA_REQUIRE_E2E=1`.
    pub async fn launch(test: &str, portal_url: &str, trusted_keys: &str) -> Option<Self> {
        Self::launch_prepared(test, portal_url, trusted_keys, |_| {}).await
    }

    /// Same, for the vendor's program `product` (`TESSERA_PRODUCT`) instead of Acme Ledger.
    pub async fn launch_for(test: &str, portal_url: &str, trusted_keys: &str, product: &str) -> Option<Self> {
        Self::launch_with(test, app_binary(), portal_url, trusted_keys, product, |_| {}).await
    }

    /// Same, after `prepare` has put files in the (not yet created) state folder.
    pub async fn launch_prepared(
        test: &str,
        portal_url: &str,
        trusted_keys: &str,
        prepare: impl FnOnce(&std::path::Path),
    ) -> Option<Self> {
        Self::launch_with(test, app_binary(), portal_url, trusted_keys, "acme-ledger", prepare).await
    }

    /// Same, running the app binary at `app` (one a package installed) instead of the build's.
    pub async fn launch_binary(
        test: &str,
        app: &std::path::Path,
        portal_url: &str,
        trusted_keys: &str,
    ) -> Option<Self> {
        Self::launch_with(test, app.to_path_buf(), portal_url, trusted_keys, "acme-ledger", |_| {}).await
    }

    async fn launch_with(
        test: &str,
        app: PathBuf,
        portal_url: &str,
        trusted_keys: &str,
        product: &str,
        prepare: impl FnOnce(&std::path::Path),
    ) -> Option<Self> {
        let mut needs = Prerequisites::new();
        needs.display();
        let tauri_driver = needs.program("tauri-driver", "cargo xtask setup");
        needs.program("WebKitWebDriver", "apt-get install webkit2gtk-driver");
        let app = needs.built_file(app);
        if !needs.satisfied(test) {
            return None;
        }
        let state_dir = temp_dir(&format!("app-{test}"));
        prepare(&state_dir);
        let keyring_service = format!("tessera-e2e-{test}-{}", state_dir.file_name()?.to_string_lossy());
        let env = [
            ("TESSERA_STATE_DIR", state_dir.display().to_string()),
            ("TESSERA_PORTAL_URL", portal_url.to_owned()),
            ("TESSERA_TRUSTED_KEYS", trusted_keys.to_owned()),
            ("TESSERA_KEYRING_SERVICE", keyring_service),
            ("TESSERA_PRODUCT", product.to_owned()),
            // The tests read English (and French after switching): not the machine's locale.
            ("LANG", "C.UTF-8".to_owned()),
            ("LANGUAGE", "en".to_owned()),
        ];
        let (driver, client) = open_session(&tauri_driver.expect("checked above"), &env, &app).await;
        let manager = Self { client, state_dir, test: test.to_owned(), _driver: driver };
        manager.wait_for_text("#screen-title", "").await;
        Some(manager)
    }

    /// Opens a screen from the sidebar (`license`, `activate`, `offline`, `portal`, `settings`,
    /// `diagnostics`) and waits for its title.
    pub async fn open(&self, screen: &str) {
        self.click(&format!("#nav-{screen}")).await;
        self.wait_until(&format!("#nav-{screen}[aria-current=page]")).await;
        self.wait_for_text("#screen-title", "").await;
    }

    pub async fn click(&self, css: &str) {
        // A screen redrawn between finding the element and clicking it (a background refresh, a
        // language switch) leaves a stale reference: find it again, as a customer's eye would.
        let mut last = None;
        for _ in 0..40 {
            match self.element(css).await.click().await {
                Ok(_) => return,
                Err(error) => last = Some(error),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.evidence().await;
        panic!("{}: cannot click {css}: {}", self.test, last.expect("at least one try"))
    }

    /// Types `text` key by key, as a customer would.
    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self.element(css).await;
        element.clear().await.unwrap_or_else(|error| panic!("{}: cannot clear {css}: {error}", self.test));
        element.send_keys(text).await.unwrap_or_else(|error| panic!("{}: cannot type into {css}: {error}", self.test));
    }

    /// Pastes `text` at once, as the clipboard would (typing kilobytes key by key is slow).
    pub async fn paste_into(&self, css: &str, text: &str) {
        self.element(css).await;
        let script = "const element = document.querySelector(arguments[0]); element.value = arguments[1]; \
                      element.dispatchEvent(new Event('input', { bubbles: true }));";
        self.client.execute(script, vec![json!(css), json!(text)]).await.expect("the paste runs");
    }

    /// Chooses the option with `value` in a select, as the keyboard or mouse would.
    pub async fn choose(&self, css: &str, value: &str) {
        self.element(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|error| panic!("{}: cannot choose {value} in {css}: {error}", self.test));
    }

    /// The value of a field.
    pub async fn value_of(&self, css: &str) -> String {
        self.element(css).await.prop("value").await.ok().flatten().unwrap_or_default()
    }

    /// The visible text of an element.
    pub async fn text_of(&self, css: &str) -> String {
        // A screen redrawn between finding the element and reading it leaves a stale reference:
        // find it again rather than read an empty text.
        for _ in 0..40 {
            if let Ok(text) = self.element(css).await.text().await {
                return text;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("{}: the text of {css} cannot be read", self.test)
    }

    /// Waits until `css` shows a text containing `needle` (any text for an empty needle) and returns it.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        let mut last = String::new();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if (needle.is_empty() && !last.trim().is_empty()) || (!needle.is_empty() && last.contains(needle)) {
                    return last;
                }
            }
            if tokio::time::Instant::now() > deadline {
                self.evidence().await;
                panic!("{}: {css} should show {needle:?} but shows {last:?}", self.test);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until a field has a value and returns it.
    pub async fn wait_for_value(&self, css: &str) -> String {
        self.wait_for_value_with(css, "").await
    }

    /// Waits until a field's value contains `needle` (any value for an empty needle) and returns it.
    pub async fn wait_for_value_with(&self, css: &str, needle: &str) -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let value = self.value_of(css).await;
            if !value.is_empty() && value.contains(needle) {
                return value;
            }
            if tokio::time::Instant::now() > deadline {
                self.evidence().await;
                panic!("{}: {css} never held {needle:?}: {value:?}", self.test);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `css` exists.
    pub async fn wait_until(&self, css: &str) {
        self.element(css).await;
    }

    /// Whether `css` is on screen now (no waiting).
    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    async fn element(&self, css: &str) -> fantoccini::elements::Element {
        match self.client.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(error) => {
                self.evidence().await;
                panic!("{}: {css} never appeared: {error}", self.test)
            }
        }
    }

    /// Saves the window as `tests/artifacts/<name>.png`, once WebKit has painted the last change.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let png = self.client.screenshot().await.expect("the window can be captured");
        let path = save_screenshot(name, &png).expect("the screenshot is saved");
        eprintln!("screenshot: {}", path.display());
        path
    }

    /// What a failed wait leaves behind: the window as it was.
    async fn evidence(&self) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = save_screenshot(&format!("failed-{}", self.test), &png);
        }
    }

    /// Ends the session; the driver and the app go with [`WebDriverProcess`]'s drop.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for LicenseManager {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.state_dir);
    }
}

/// Starts tauri-driver and opens a session that launches the app. A port picked as free can be
/// taken by a parallel test before the driver binds it, so a failed start is retried on fresh
/// ports, and the last error is the one reported.
async fn open_session(
    tauri_driver: &std::path::Path,
    env: &[(&str, String)],
    app: &std::path::Path,
) -> (WebDriverProcess, Client) {
    const ATTEMPTS: usize = 3;
    let mut last_error = String::new();
    for attempt in 1..=ATTEMPTS {
        let driver = match WebDriverProcess::tauri_driver_with_env(tauri_driver, env) {
            Ok(driver) => driver,
            Err(error) => {
                last_error = format!("tauri-driver does not start: {error}");
                eprintln!("attempt {attempt}/{ATTEMPTS}: {last_error}");
                continue;
            }
        };
        match webdriver_client(&driver, tauri_capabilities(app)).await {
            Ok(client) => return (driver, client),
            Err(error) => {
                last_error = format!("a WebDriver session does not open the app: {error}");
                eprintln!("attempt {attempt}/{ATTEMPTS}: {last_error}");
            }
        }
    }
    panic!("{last_error} (after {ATTEMPTS} attempts)");
}
