//! `cargo xtask demo`: installs what it needs, then the portal with demo data on embedded
//! SQLite and the desktop app beside it; `--check` runs the same path headless and proves it.

use std::env;
use std::io::{BufRead as _, BufReader, Lines};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};

use crate::Result;
use crate::process::{self, cargo, phase};
use crate::setup::{self, Purpose};
use crate::test::HeadlessSession;

const APP_BINARY: &str = "tessera-license-manager";
const PORTAL_BINARY: &str = "tessera-portal";
const PORTAL_ADDRESS: &str = "127.0.0.1:8080";

#[derive(Debug, clap::Args)]
pub struct Options {
    /// Run the demo headless (Xvfb): activate the app with a demo key through its window,
    /// wait until it shows the license state the demo portal gave, print it and exit.
    #[arg(long)]
    check: bool,
    /// The part of `--check` that runs inside the headless session.
    #[arg(long, hide = true, requires = "check")]
    in_session: bool,
}

/// The portal process, stopped when the demo ends.
struct Portal(Child);

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn run(options: &Options) -> Result {
    if options.in_session {
        return check_in_session();
    }
    phase("Setup: what the demo needs");
    setup::run(if options.check { Purpose::Headless } else { Purpose::Demo })?;
    // `cargo build --workspace` then the binaries, rather than `cargo run -p ...`: a
    // single-package build unifies features differently and recompiles half of Tauri.
    phase("Build: cargo build --workspace");
    process::run(cargo().args(["build", "--workspace"]))?;
    if options.check {
        phase("Check: the demo portal and the app in a headless session (Xvfb, D-Bus, gnome-keyring)");
        // Through cargo, not this binary: the build above may have replaced it.
        let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        return HeadlessSession::create()?.run(&format!("'{cargo}' xtask demo --check --in-session"));
    }

    let address = env::var("TESSERA_LISTEN").unwrap_or_else(|_| PORTAL_ADDRESS.into());
    let (portal, url, _) = start_portal(&address)?;
    let has_display =
        ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|name| env::var_os(name).is_some_and(|value| !value.is_empty()));
    if !has_display {
        println!("No display: the desktop app is not opened. The portal keeps serving at {url}; press Ctrl-C to stop.");
        let mut portal = portal;
        portal.0.wait()?;
        return Ok(());
    }
    phase("Desktop app: Tessera License Manager (close its window to stop the demo)");
    let app_state = process::target_dir()?.join("demo-app");
    println!("The app keeps its license in {} and talks to {url}.", app_state.display());
    process::run(
        Command::new(bin_dir()?.join(APP_BINARY))
            .env("TESSERA_PORTAL_URL", &url)
            .env("TESSERA_TRUSTED_KEYS", trusted_keys()?)
            .env("TESSERA_STATE_DIR", app_state)
            .env("TESSERA_KEYRING_SERVICE", "tessera-demo"),
    )?;
    drop(portal);
    Ok(())
}

fn bin_dir() -> Result<PathBuf> {
    Ok(process::target_dir()?.join("debug"))
}

fn data_dir() -> Result<PathBuf> {
    Ok(process::target_dir()?.join("demo-portal"))
}

/// The demo portal's public key, which a debug build of the app trusts through
/// `TESSERA_TRUSTED_KEYS`.
fn trusted_keys() -> Result<String> {
    let secret = std::fs::read_to_string(data_dir()?.join("signing-key.secret"))?;
    Ok(tessera_core::SigningKey::from_secret_text(&secret)?.public_key().to_base64())
}

/// Starts `tessera-portal serve --demo` on the demo's data folder and waits until it listens;
/// returns the process, its URL and the demo credentials it printed.
fn start_portal(address: &str) -> Result<(Portal, String, Vec<String>)> {
    let data_dir = data_dir()?;
    phase(&format!("Portal: demo data in {} (embedded SQLite), on http://{address}", data_dir.display()));
    let mut child = Command::new(bin_dir()?.join(PORTAL_BINARY))
        .arg("--data-dir")
        .arg(&data_dir)
        .args(["--listen", address, "--support-contact", tessera_portal::demo::DEMO_SUPPORT, "serve", "--demo"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the portal: {e}"))?;
    let stdout = child.stdout.take().ok_or("no portal output")?;
    let portal = Portal(child);
    let mut lines = BufReader::new(stdout).lines();
    let (url, printed) = read_until_listening(&mut lines)?;
    // Keep printing what the portal says.
    std::thread::spawn(move || lines.map_while(std::result::Result::ok).for_each(|line| println!("{line}")));
    Ok((portal, url, printed))
}

fn read_until_listening(lines: &mut Lines<BufReader<ChildStdout>>) -> Result<(String, Vec<String>)> {
    let mut printed = Vec::new();
    loop {
        let Some(line) = lines.next() else {
            return Err("the portal stopped before listening (is the port taken? set TESSERA_LISTEN)".into());
        };
        let line = line?;
        println!("{line}");
        if let Some(url) = line.strip_prefix("listening on ") {
            return Ok((url.to_owned(), printed));
        }
        printed.push(line);
    }
}

/// The first activation key among the demo credentials the portal printed.
fn first_activation_key(printed: &[String]) -> Option<String> {
    printed.iter().find_map(|line| line.split("activation key ").nth(1)).map(|key| key.trim().to_owned())
}

/// Inside the headless session: the demo portal on a free port, the app launched through
/// tauri-driver, the first demo key typed into Activate, the dashboard read back.
fn check_in_session() -> Result {
    let (_portal, url, printed) = start_portal("127.0.0.1:0")?;
    let key = first_activation_key(&printed).ok_or("the demo portal printed no activation key")?;
    let keys = trusted_keys()?;
    phase("App: activating with the first demo key, through the window");
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let shown = runtime.block_on(drive_app(&url, &keys, &key))?;
    phase("Demo check passed: the app shows the license the demo portal issued");
    for (label, value) in shown {
        println!("  {label:<10} {value}");
    }
    Ok(())
}

async fn drive_app(url: &str, keys: &str, key: &str) -> Result<Vec<(&'static str, String)>> {
    use tessera_tests::app::LicenseManager;
    let app = LicenseManager::launch("demo-check", url, keys)
        .await
        .ok_or("the app cannot be launched here (see the SKIPPED notice above)")?;
    app.open("activate").await;
    app.type_into("#activation-key", key).await;
    app.click("#activate").await;
    let state = app.wait_for_text("#license-state", "Valid").await;
    let mut shown = vec![("state", state)];
    for (label, css) in
        [("customer", "#license-customer"), ("serial", "#license-serial"), ("computer", "#license-computer")]
    {
        shown.push((label, app.text_of(css).await));
    }
    let screenshot = app.screenshot("demo-check").await;
    shown.push(("screenshot", screenshot.display().to_string()));
    app.close().await;
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_activation_key_is_read_from_the_demo_credentials() {
        let printed = [
            "Tessera demo portal at (serving)".to_owned(),
            "  Northwind Traders: e-mail demo@northwind.example  order numbers JWT 19  activation key ABCDE-FGHJK"
                .to_owned(),
            "  Contoso: e-mail it@contoso.example  order numbers JWT 7  activation key ZZZZZ-YYYYY".to_owned(),
        ];
        assert_eq!(first_activation_key(&printed).as_deref(), Some("ABCDE-FGHJK"));
        assert_eq!(first_activation_key(&printed[..1]), None);
    }
}
