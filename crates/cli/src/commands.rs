//! The operations: each calls tessera-client once and says what happened, for people and for scripts.

use std::future::Future;
use std::io::{IsTerminal as _, Read as _};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::json;
use tessera_client::{Client, files};
use tessera_core::{ActivationKey, Component};
use tessera_i18n::{Arg, Localizer};

use crate::args::{Command, SettingsArgs};
use crate::error::{Failure, Result};
use crate::exit::Exit;
use crate::output::{self, NONE};
use crate::spinner::Spinner;

/// What a command produced: one JSON object for `--json`, text for people, and how to exit.
#[derive(Debug)]
pub struct Outcome {
    /// The object printed with `--json`.
    pub json: serde_json::Value,
    /// The text printed otherwise.
    pub human: String,
    /// The exit code.
    pub exit: Exit,
}

impl Outcome {
    fn done(json: serde_json::Value, human: String) -> Self {
        Self { json, human, exit: Exit::Success }
    }
}

/// How the command talks: language, output mode, and the runtime for portal calls.
#[derive(Debug)]
pub struct Ui {
    /// The customer's language.
    pub localizer: Localizer,
    /// `--json`.
    pub json: bool,
    runtime: tokio::runtime::Runtime,
}

impl Ui {
    /// A UI in `localizer`'s language; `json` turns off everything but the JSON object.
    pub fn new(localizer: Localizer, json: bool) -> Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Failure::Runtime(e.to_string()))?;
        Ok(Self { localizer, json, runtime })
    }

    /// Runs a portal call with a spinner saying `message`.
    fn online<F: Future>(&self, message: String, call: F) -> F::Output {
        let _spinner = Spinner::start(!self.json, message);
        self.runtime.block_on(call)
    }

    fn text(&self, id: &str) -> String {
        self.localizer.text(id)
    }
}

/// Runs one command.
pub fn execute(client: &mut Client, ui: &Ui, command: Command) -> Result<Outcome> {
    let l = &ui.localizer;
    match command {
        Command::Status => {
            let status = client.status()?;
            let human = output::status(l, &status);
            Ok(Outcome { json: to_json(&status), human, exit: Exit::for_state(status.code) })
        }
        Command::Activate { user: Some(email), replace, code: true, .. } => {
            let minutes = ui.online(ui.text("activate-user-code-send"), client.request_user_code(&email))?;
            if !ui.json {
                let args = [("email", Arg::from(email.as_str())), ("minutes", minutes.into())];
                eprintln!("{}", l.text_with("cli-code-sent", &args));
            }
            let code = code_for(l)?;
            let progress = format!("{} ({email})", ui.text("activate-progress"));
            let activated = ui.online(progress, async {
                if replace && client.status()?.state.license().is_some() {
                    client.deactivate().await?;
                }
                client.activate_user_with_code(&email, &code).await
            });
            activated_outcome(client, l, activated)
        }
        Command::Activate { user: Some(email), replace, .. } => {
            let password = password_for(l, &email)?;
            let progress = format!("{} ({email})", ui.text("activate-progress"));
            let activated = ui.online(progress, async {
                if replace && client.status()?.state.license().is_some() {
                    client.deactivate().await?;
                }
                client.activate_user(&email, &password).await
            });
            activated_outcome(client, l, activated)
        }
        Command::Activate { key, replace, .. } => {
            let key = key_argument(key.as_deref().unwrap_or_default())?;
            // The first four characters are all of a key that may ever be shown.
            let progress = match ActivationKey::parse(&key) {
                Ok(parsed) => format!("{} ({})", ui.text("activate-progress"), parsed.redacted()),
                Err(_) => ui.text("activate-progress"),
            };
            let activated = ui.online(progress, async {
                if replace { client.replace_license(&key).await } else { client.activate(&key).await }
            });
            activated_outcome(client, l, activated)
        }
        Command::Refresh => {
            let status = ui.online(ui.text("refresh-progress"), client.refresh())?;
            let human = format!("{}\n\n{}", l.text("refresh-success"), output::status(l, &status));
            Ok(Outcome::done(to_json(&status), human))
        }
        Command::Deactivate { receipt: None, .. } => {
            ui.online(ui.text("deactivate-button"), client.deactivate())?;
            Ok(Outcome::done(json!({ "deactivated": true }), format!("{}\n", l.text("cli-deactivated"))))
        }
        Command::Deactivate { receipt: Some(path), .. } => {
            // Checked first for a clear message; the license is forgotten only once the
            // receipt is written, so a failed write (a full disk) loses nothing.
            check_writable(&path)?;
            client.deactivation_receipt_kept(|text| files::write_atomic(&path, text.as_bytes(), false))?;
            let shown = path.display().to_string();
            let human = format!(
                "{}\n{}\n",
                l.text_with("cli-receipt-written", &[("path", &shown)]),
                l.text("deactivate-offline-help")
            );
            Ok(Outcome::done(json!({ "deactivated": true, "receipt_file": shown }), human))
        }
        Command::ExportRequest { key, out } => {
            let text = client.export_request(&key_argument(&key)?)?;
            files::write_atomic(&out, text.as_bytes(), false)?;
            let shown = out.display().to_string();
            let human =
                format!("{}\n{}\n", l.text_with("cli-request-written", &[("path", &shown)]), l.text("offline-steps"));
            Ok(Outcome::done(json!({ "request_file": shown }), human))
        }
        Command::ImportResponse { file } => {
            let status = client.import_response(&read_file(&file)?)?;
            let human = format!("{}\n\n{}", l.text("cli-response-imported"), output::status(l, &status));
            Ok(Outcome::done(to_json(&status), human))
        }
        Command::InstallationKey { seats } => {
            let key = client.installation_key(seats)?;
            let human = format!(
                "{}\n{}\n",
                output::fields(&[(l.text("offline-installation-key-label"), key.clone())]).trim_end(),
                l.text("offline-installation-key-help")
            );
            Ok(Outcome::done(json!({ "installation_key": key, "seats": seats }), human))
        }
        Command::Register { key } => {
            let grant = client.enter_registration_key(&key)?;
            let expires = grant.expires.map(|d| d.to_string());
            let support_until = grant.support_until.map(|d| d.to_string());
            let human = format!(
                "{}\n{}",
                l.text("offline-registration-done"),
                output::fields(&[
                    (l.text("dashboard-users"), grant.seats.to_string()),
                    (l.text("dashboard-expires"), expires.clone().unwrap_or_else(|| l.text("dashboard-perpetual"))),
                    (
                        l.text("dashboard-support-until"),
                        support_until.clone().unwrap_or_else(|| l.text("dashboard-no-support")),
                    ),
                ])
            );
            let json = json!({ "seats": grant.seats, "expires": expires, "support_until": support_until });
            Ok(Outcome::done(json, human))
        }
        Command::SignIn { email, order } => {
            ui.online(ui.text("portal-sign-in"), client.sign_in(&email, &order))?;
            let human = format!("{}\n", l.text_with("cli-signed-in", &[("email", &email)]));
            Ok(Outcome::done(json!({ "signed_in": true, "email": email }), human))
        }
        Command::SignOut => {
            client.sign_out()?;
            Ok(Outcome::done(json!({ "signed_in": false }), format!("{}\n", l.text("cli-signed-out"))))
        }
        Command::Licenses => {
            let rows: Vec<LicenseRow> =
                ui.online(ui.text("portal-licenses"), client.customer("/api/v1/me/licenses"))?;
            Ok(Outcome::done(json!({ "licenses": rows }), licenses_table(l, &rows)))
        }
        Command::Supports => {
            let rows: Vec<SupportRow> =
                ui.online(ui.text("portal-supports"), client.customer("/api/v1/me/supports"))?;
            Ok(Outcome::done(json!({ "supports": rows }), supports_table(l, &rows)))
        }
        Command::Settings(changes) => settings(client, ui, &changes),
        Command::Diagnostics { out } => {
            let report = client.diagnostics();
            match out {
                None => {
                    let json = serde_json::from_str(&report).unwrap_or_else(|_| json!({ "report": report }));
                    Ok(Outcome::done(json, format!("{report}\n")))
                }
                Some(path) => {
                    files::write_atomic(&path, report.as_bytes(), false)?;
                    let shown = path.display().to_string();
                    let human = format!("{}\n", l.text_with("diagnostics-saved", &[("path", &shown)]));
                    Ok(Outcome::done(json!({ "diagnostics_file": shown }), human))
                }
            }
        }
        Command::Fingerprint => {
            let fingerprint = client.fingerprint();
            let components = fingerprint.components();
            let mut rows = vec![(l.text("dashboard-fingerprint"), fingerprint.digest().to_hex())];
            rows.extend(
                Component::ALL
                    .into_iter()
                    .filter_map(|c| components.get(c).map(|digest| (capitalized(&l.component(c)), digest.to_hex()))),
            );
            let json = json!({ "fingerprint": fingerprint.digest().to_hex(), "components": components });
            Ok(Outcome::done(json, output::fields(&rows)))
        }
    }
}

fn settings(client: &mut Client, ui: &Ui, changes: &SettingsArgs) -> Result<Outcome> {
    let l = &ui.localizer;
    let mut saved = false;
    if changes.changes_something() {
        let mut settings = client.settings().clone();
        if let Some(url) = &changes.portal_url {
            settings.portal_url = url.trim().to_owned();
        }
        if let Some(mode) = changes.proxy {
            settings.proxy.mode = mode.into();
        }
        if let Some(url) = &changes.proxy_url {
            let url = url.trim();
            // A password belongs in the credential store, never in the settings file.
            if tessera_client::portal::without_credentials(url) != url {
                return Err(tessera_client::Error::Settings(
                    "Give the proxy user name with --proxy-user and the password on standard input with \
                     --proxy-password-stdin, not in the proxy address."
                        .into(),
                )
                .into());
            }
            settings.proxy.url = url.to_owned();
        }
        if let Some(user) = &changes.proxy_user {
            settings.proxy.username = Some(user.trim().to_owned()).filter(|u| !u.is_empty());
        }
        if let Some(hours) = changes.auto_refresh_hours {
            settings.auto_refresh_hours = hours;
        }
        if let Some(language) = &changes.language {
            settings.language = language.trim().to_ascii_lowercase();
        }
        let password = if changes.proxy_password_stdin { Some(read_stdin_line()?) } else { None };
        client.save_settings(settings, password.as_deref())?;
        saved = true;
    }
    let shown = output::settings(l, client.settings(), &client.credential_store());
    let human = if saved { format!("{}\n\n{shown}", l.text("settings-saved")) } else { shown };
    let mut shown_settings = client.settings().clone();
    shown_settings.proxy.url = tessera_client::portal::without_credentials(&shown_settings.proxy.url);
    let json = json!({ "settings": shown_settings, "credential_store": client.credential_store() });
    Ok(Outcome::done(json, human))
}

/// One row of the customer portal's Licenses table (seed 000).
#[derive(Debug, Serialize, Deserialize)]
pub struct LicenseRow {
    application: String,
    serial: String,
    #[serde(default)]
    computers: Vec<String>,
    /// Days left; `None` for a perpetual license.
    days: Option<i64>,
    users: i64,
    edition: String,
    order_reference: Option<String>,
    date: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    machines_used: i64,
    #[serde(default)]
    machines_max: i64,
    support: bool,
    support_until: Option<String>,
}

/// One row of the customer portal's Supports table (seed 000).
#[derive(Debug, Serialize, Deserialize)]
pub struct SupportRow {
    application: String,
    serial: String,
    users: i64,
    edition: String,
    order_reference: Option<String>,
    date: String,
    years: i64,
    #[serde(default)]
    ends: String,
}

fn licenses_table(l: &Localizer, rows: &[LicenseRow]) -> String {
    if rows.is_empty() {
        return format!("{}\n", l.text("licenses-empty"));
    }
    let headers: Vec<String> = [
        "licenses-application",
        "licenses-serial-computer",
        "licenses-days",
        "licenses-users",
        "licenses-edition",
        "licenses-order",
        "licenses-date",
        "licenses-support",
    ]
    .iter()
    .map(|id| l.text(id))
    .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let serial = match row.computers.as_slice() {
                [] => row.serial.clone(),
                computers => format!("{} / {}", row.serial, computers.join(", ")),
            };
            let support = match (&row.support_until, row.support) {
                (Some(until), true) => format!("{} ({until})", l.text("common-yes")),
                (_, true) => l.text("common-yes"),
                (_, false) => l.text("common-no"),
            };
            vec![
                row.application.clone(),
                serial,
                row.days.map_or_else(|| l.text("dashboard-perpetual"), |d| d.to_string()),
                row.users.to_string(),
                row.edition.clone(),
                row.order_reference.clone().unwrap_or_else(|| NONE.into()),
                row.date.clone(),
                support,
            ]
        })
        .collect();
    output::table(&headers, &cells)
}

fn supports_table(l: &Localizer, rows: &[SupportRow]) -> String {
    if rows.is_empty() {
        return format!("{}\n", l.text("supports-empty"));
    }
    let headers: Vec<String> = [
        "supports-application",
        "supports-serial",
        "supports-users",
        "supports-edition",
        "supports-order",
        "supports-date",
        "supports-duration",
    ]
    .iter()
    .map(|id| l.text(id))
    .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            vec![
                row.application.clone(),
                row.serial.clone(),
                row.users.to_string(),
                row.edition.clone(),
                row.order_reference.clone().unwrap_or_else(|| NONE.into()),
                row.date.clone(),
                row.years.to_string(),
            ]
        })
        .collect();
    output::table(&headers, &cells)
}

fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_else(|e| json!({ "code": "INTERNAL", "message": e.to_string() }))
}

/// What `activate` says: the state, after "Activated" or why nothing was needed.
fn activated_outcome(
    client: &mut Client,
    l: &Localizer,
    activated: std::result::Result<tessera_client::Status, tessera_client::Error>,
) -> Result<Outcome> {
    let (status, said) = match activated {
        Ok(status) => (status, l.text("cli-activated")),
        // Nothing to do is success: a provisioning script may run `activate` at every boot.
        Err(already @ tessera_client::Error::AlreadyActivated { .. }) => {
            (client.status()?, Failure::from(already).localized(l))
        }
        Err(other) => return Err(other.into()),
    };
    let human = format!("{said}\n\n{}", output::status(l, &status));
    Ok(Outcome::done(to_json(&status), human))
}

/// The company account's password: the first line of standard input when it is not a
/// terminal, else asked for on the terminal without echo. Never an argument, never kept.
fn password_for(l: &Localizer, email: &str) -> Result<String> {
    if std::io::stdin().is_terminal() {
        let prompt = format!("{} ", l.text_with("cli-password-prompt", &[("email", email)]));
        rpassword::prompt_password(prompt)
            .map_err(|e| Failure::FileUnreadable { path: "-".into(), detail: e.to_string() })
    } else {
        read_stdin_line()
    }
}

/// The one-time code: asked for on a terminal, else the first line of standard input.
fn code_for(l: &Localizer) -> Result<String> {
    if std::io::stdin().is_terminal() {
        eprint!("{} ", l.text("cli-code-prompt"));
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| Failure::FileUnreadable { path: "-".into(), detail: e.to_string() })?;
        Ok(line.trim().to_owned())
    } else {
        read_stdin_line()
    }
}

/// A key argument; `-` reads it from standard input, so it stays out of the shell history.
fn key_argument(key: &str) -> Result<String> {
    if key == "-" { read_stdin_line() } else { Ok(key.to_owned()) }
}

/// The first line of standard input, without its line ending.
fn read_stdin_line() -> Result<String> {
    let mut text = String::new();
    std::io::stdin()
        .lock()
        .take(64 * 1024)
        .read_to_string(&mut text)
        .map_err(|e| Failure::FileUnreadable { path: "-".into(), detail: e.to_string() })?;
    Ok(text.lines().next().unwrap_or_default().to_owned())
}

fn read_file(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure::FileUnreadable { path: path.display().to_string(), detail: e.to_string() })
}

/// Whether a file can be written at `path`, tried with a probe beside it (the file itself is left alone).
fn check_writable(path: &Path) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let probe = path.with_file_name(format!(".{name}.{}.probe", std::process::id()));
    files::write_atomic(&probe, b"", false)?;
    files::remove(&probe)?;
    Ok(())
}

/// "network adapter" → "Network adapter": a component's in-sentence name as a label.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
