//! `cargo xtask demo`: the portal with demo data on embedded SQLite, and the desktop app beside it.

use std::env;
use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

use crate::Result;
use crate::process::{self, cargo, phase};

const APP_BINARY: &str = "tessera-license-manager";
const PORTAL_BINARY: &str = "tessera-portal";
const PORTAL_ADDRESS: &str = "127.0.0.1:8080";

/// The portal process, stopped when the demo ends.
struct Portal(Child);

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn run() -> Result {
    // `cargo build --workspace` then the binaries, rather than `cargo run -p ...`: a
    // single-package build unifies features differently and recompiles half of Tauri.
    phase("Build: cargo build --workspace");
    process::run(cargo().args(["build", "--workspace"]))?;
    let bin = process::target_dir()?.join("debug");
    let data_dir = process::target_dir()?.join("demo-portal");
    let address = env::var("TESSERA_LISTEN").unwrap_or_else(|_| PORTAL_ADDRESS.into());

    phase(&format!("Portal: demo data in {} (embedded SQLite), on http://{address}", data_dir.display()));
    let mut child = Command::new(bin.join(PORTAL_BINARY))
        .arg("--data-dir")
        .arg(&data_dir)
        .args(["--listen", &address, "serve", "--demo"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the portal: {e}"))?;
    let stdout = child.stdout.take().ok_or("no portal output")?;
    let portal = Portal(child);
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let Some(line) = lines.next() else {
            return Err("the portal stopped before listening (is the port taken? set TESSERA_LISTEN)".into());
        };
        let line = line?;
        println!("{line}");
        if let Some(url) = line.strip_prefix("listening on ") {
            break url.to_owned();
        }
    };
    // Keep printing what the portal says.
    std::thread::spawn(move || lines.map_while(std::result::Result::ok).for_each(|line| println!("{line}")));

    let has_display =
        ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|name| env::var_os(name).is_some_and(|value| !value.is_empty()));
    if has_display {
        phase("Desktop app: Tessera License Manager (close its window to stop the demo)");
        // A debug build trusts the keys in TESSERA_TRUSTED_KEYS at run time: the demo portal's.
        let secret = std::fs::read_to_string(data_dir.join("signing-key.secret"))?;
        let public = tessera_core::SigningKey::from_secret_text(&secret)?.public_key().to_base64();
        let app_state = process::target_dir()?.join("demo-app");
        println!("The app keeps its license in {} and talks to {url}.", app_state.display());
        process::run(
            Command::new(bin.join(APP_BINARY))
                .env("TESSERA_PORTAL_URL", &url)
                .env("TESSERA_TRUSTED_KEYS", public)
                .env("TESSERA_STATE_DIR", app_state)
                .env("TESSERA_KEYRING_SERVICE", "tessera-demo"),
        )?;
    } else {
        println!("No display: the desktop app is not opened. The portal keeps serving at {url}; press Ctrl-C to stop.");
        let mut portal = portal;
        portal.0.wait()?;
        return Ok(());
    }
    drop(portal);
    Ok(())
}
