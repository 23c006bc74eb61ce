//! The commands the front end calls: one-line wrappers over tessera-client, each granted in
//! `capabilities/` and declared in `build.rs`.
//!
//! Every command that may reach the keyring is `async`: a sync command runs on the window's
//! thread, and a slow D-Bus call would freeze it.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use tauri::{AppHandle, PackageInfo, Runtime, State};
use tessera_client::Settings;
use tessera_i18n::Language;

use crate::error::Result;
use crate::files::{self, TextFile};
use crate::manager::{Localize as _, Manager, SettingsView, StatusView, View as _, system_language};
use crate::messages::{self, LanguageOption};

/// The app's name and version, its product, and the languages it speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    /// The product whose license the app manages.
    pub product: String,
    /// The language in effect: the settings', else the system's.
    pub language: &'static str,
    pub languages: Vec<LanguageOption>,
    /// The automatic refresh intervals offered, in hours.
    pub auto_refresh_choices: Vec<u32>,
    /// Where damaged settings were set aside at start, to tell the customer once.
    pub settings_set_aside: Option<String>,
    /// `TESSERA_BENCH_PAINTED=1` (`cargo xtask bench app`): the front end calls
    /// [`bench_painted`] once the license state is on screen. Absent from the JSON otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bench_painted: bool,
}

impl AppInfo {
    fn new(package: &PackageInfo, manager: &Manager) -> Self {
        Self {
            name: package.name.clone(),
            version: package.version.to_string(),
            product: manager.launch().product.clone(),
            language: manager.language().code(),
            languages: messages::languages(),
            auto_refresh_choices: messages::AUTO_REFRESH_CHOICES.to_vec(),
            settings_set_aside: manager.take_notice().map(|path| path.display().to_string()),
            bench_painted: bench::enabled(),
        }
    }
}

#[tauri::command]
pub async fn app_info<R: Runtime>(app: AppHandle<R>, manager: State<'_, Manager>) -> Result<AppInfo> {
    // Opening the client reads the language from the settings; a failure shows on the dashboard.
    let _ = manager.client().await;
    Ok(AppInfo::new(app.package_info(), &manager))
}

/// The UI strings of `lang` (`en`, `fr`, ...; the system's language when unknown), id → text.
#[tauri::command]
pub fn messages(lang: String) -> BTreeMap<String, String> {
    messages::catalogue(Language::from_code(&lang).unwrap_or_else(system_language))
}

#[tauri::command]
pub async fn status(manager: State<'_, Manager>) -> Result<StatusView> {
    manager.client().await?.status().view(&manager)
}

#[tauri::command]
pub async fn activate(manager: State<'_, Manager>, key: String) -> Result<StatusView> {
    manager.cancellable(async { manager.client().await?.activate(&key).await.view(&manager) }).await
}

/// Named-user activation: the company account's e-mail and password (sent once to the portal,
/// never kept) take a place on the seat bound to the account.
#[tauri::command]
pub async fn activate_user(manager: State<'_, Manager>, email: String, password: String) -> Result<StatusView> {
    manager.cancellable(async { manager.client().await?.activate_user(&email, &password).await.view(&manager) }).await
}

/// Asks the portal to mail a one-time code to the company account's address (the same answer
/// for every address); the minutes the code works.
#[tauri::command]
pub async fn request_user_code(manager: State<'_, Manager>, email: String) -> Result<u32> {
    manager.cancellable(async { manager.client().await?.request_user_code(&email).await.localized(&manager) }).await
}

/// Named-user activation with the one-time code mailed to the address instead of the password.
#[tauri::command]
pub async fn activate_user_with_code(manager: State<'_, Manager>, email: String, code: String) -> Result<StatusView> {
    manager
        .cancellable(async { manager.client().await?.activate_user_with_code(&email, &code).await.view(&manager) })
        .await
}

/// Activation replacing the license held here: its seat is given back online first.
#[tauri::command]
pub async fn replace_license(manager: State<'_, Manager>, key: String) -> Result<StatusView> {
    manager.cancellable(async { manager.client().await?.replace_license(&key).await.view(&manager) }).await
}

#[tauri::command]
pub async fn refresh(manager: State<'_, Manager>) -> Result<StatusView> {
    manager.cancellable(async { manager.client().await?.refresh().await.view(&manager) }).await
}

#[tauri::command]
pub async fn deactivate(manager: State<'_, Manager>) -> Result<StatusView> {
    manager
        .cancellable(async {
            let mut client = manager.client().await?;
            client.deactivate().await.and_then(|()| client.status()).view(&manager)
        })
        .await
}

/// Offline deactivation: forgets the license here and returns the receipt's text.
#[tauri::command]
pub async fn deactivation_receipt(manager: State<'_, Manager>) -> Result<String> {
    manager.client().await?.deactivation_receipt().localized(&manager)
}

/// Offline activation, step 1: the request's text.
#[tauri::command]
pub async fn export_request(manager: State<'_, Manager>, key: String) -> Result<String> {
    manager.client().await?.export_request(&key).localized(&manager)
}

/// Offline activation, step 2: the portal's response, as text.
#[tauri::command]
pub async fn import_response(manager: State<'_, Manager>, text: String) -> Result<StatusView> {
    manager.client().await?.import_response(&text).view(&manager)
}

#[tauri::command]
pub async fn installation_key(manager: State<'_, Manager>, seats: u16) -> Result<String> {
    manager.client().await?.installation_key(seats).localized(&manager)
}

#[tauri::command]
pub async fn enter_registration_key(manager: State<'_, Manager>, text: String) -> Result<StatusView> {
    let mut client = manager.client().await?;
    client.enter_registration_key(&text).and_then(|_grant| client.status()).view(&manager)
}

#[tauri::command]
pub async fn sign_in(manager: State<'_, Manager>, email: String, order: String) -> Result<()> {
    manager.cancellable(async { manager.client().await?.sign_in(&email, &order).await.localized(&manager) }).await
}

#[tauri::command]
pub async fn sign_out(manager: State<'_, Manager>) -> Result<()> {
    manager.client().await?.sign_out().localized(&manager)
}

/// The signed-in customer and their activation key.
#[tauri::command]
pub async fn customer_me(manager: State<'_, Manager>) -> Result<Value> {
    manager.cancellable(async { manager.client().await?.customer("/api/v1/me").await.localized(&manager) }).await
}

#[tauri::command]
pub async fn customer_licenses(manager: State<'_, Manager>) -> Result<Vec<Value>> {
    manager
        .cancellable(async { manager.client().await?.customer("/api/v1/me/licenses").await.localized(&manager) })
        .await
}

#[tauri::command]
pub async fn customer_supports(manager: State<'_, Manager>) -> Result<Vec<Value>> {
    manager
        .cancellable(async { manager.client().await?.customer("/api/v1/me/supports").await.localized(&manager) })
        .await
}

/// Cancels the portal operation the window waits for (its Cancel button): it ends at once
/// with `CANCELLED`.
#[tauri::command]
pub fn cancel_operation(manager: State<'_, Manager>) {
    manager.cancel();
}

#[tauri::command]
pub async fn get_settings(manager: State<'_, Manager>) -> Result<SettingsView> {
    manager.settings().await
}

/// Saves the settings; `proxy_password` is kept when `None` and forgotten when empty.
#[tauri::command]
pub async fn save_settings(
    manager: State<'_, Manager>,
    settings: Settings,
    proxy_password: Option<String>,
) -> Result<SettingsView> {
    manager.save_settings(settings, proxy_password).await
}

/// The report for support: no keys, tokens or passwords.
#[tauri::command]
pub async fn diagnostics(manager: State<'_, Manager>) -> Result<String> {
    Ok(manager.client().await?.diagnostics())
}

/// Saves `text` where the customer chooses; the path, or `None` when they cancelled.
#[tauri::command]
pub async fn save_text_file<R: Runtime>(
    app: AppHandle<R>,
    manager: State<'_, Manager>,
    kind: TextFile,
    text: String,
) -> Result<Option<String>> {
    files::save(&app, manager.localizer(), kind, &manager.launch().product, &text).await
}

/// The text of the file the customer picks, or `None` when they cancelled.
#[tauri::command]
pub async fn open_text_file<R: Runtime>(
    app: AppHandle<R>,
    manager: State<'_, Manager>,
    kind: TextFile,
) -> Result<Option<String>> {
    files::open(&app, manager.localizer(), kind).await
}

/// Benchmark only: the front end has painted the license state `state`. Prints
/// `painted <ms since main started> <state>` and ends the process, for `cargo xtask bench app`
/// to time the cold start. Refused unless the app was started with `TESSERA_BENCH_PAINTED=1`.
#[tauri::command]
pub fn bench_painted(state: String) -> Result<(), String> {
    if !bench::enabled() {
        return Err("not a benchmark run".into());
    }
    bench::report_and_exit(&state)
}

/// The cold-start benchmark's hook (`cargo xtask bench app`).
pub mod bench {
    use std::io::Write as _;
    use std::sync::OnceLock;
    use std::time::Instant;

    /// The variable that turns the hook on.
    pub const VARIABLE: &str = "TESSERA_BENCH_PAINTED";

    static STARTED: OnceLock<Instant> = OnceLock::new();

    /// Notes when `main` started; call it first thing.
    pub fn started() {
        STARTED.get_or_init(Instant::now);
    }

    /// Whether this process was started with `TESSERA_BENCH_PAINTED=1`.
    pub fn enabled() -> bool {
        std::env::var(VARIABLE).is_ok_and(|value| value == "1")
    }

    /// Prints `painted <ms since main started> <state>` and exits.
    pub fn report_and_exit(state: &str) -> ! {
        let millis = STARTED.get().map_or(0.0, |started| started.elapsed().as_secs_f64() * 1000.0);
        // One word, whatever the front end sent: the line is parsed.
        let state: String = state.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "painted {millis:.1} {state}");
        let _ = stdout.flush();
        std::process::exit(0)
    }
}
