//! `cargo xtask test`: what CI runs, end-to-end tests included, in a headless session.

use std::env;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::Result;
use crate::process::{self, cargo, phase};
use crate::setup;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// Skip the formatting and lint checks.
    #[arg(long)]
    quick: bool,
}

pub fn run(options: &Options) -> Result {
    phase("Setup");
    setup::run(setup::Purpose::Test)?;
    if !options.quick {
        phase("Formatting: cargo fmt --all -- --check");
        process::run(cargo().args(["fmt", "--all", "--", "--check"]))?;
        phase("Lints: cargo clippy --workspace --all-targets -- -D warnings");
        process::run(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
        phase("Layers: cargo xtask lint (the portal's import rules)");
        crate::lint::run()?;
    }
    // The end-to-end tests launch the app binary, which `cargo test` does not build.
    phase("Build: cargo build --workspace");
    process::run(cargo().args(["build", "--workspace"]))?;

    let tests = test_commands();
    phase(&format!("Tests (Xvfb, D-Bus session, gnome-keyring): {tests}"));
    HeadlessSession::create()?.run(&tests)
}

/// nextest when it is installed (it runs each test in its own process); it skips doctests,
/// so those run separately.
fn test_commands() -> String {
    if process::succeeds(cargo().args(["nextest", "--version"])) {
        concat!("cargo nextest run --workspace --no-fail-fast", " && cargo test --workspace --doc --no-fail-fast")
            .into()
    } else {
        "cargo test --workspace --no-fail-fast".into()
    }
}

/// A virtual display, a private D-Bus session with an unlocked gnome-keyring, and a fresh
/// HOME, so tests see what a desktop user has and leave nothing behind.
#[derive(Debug)]
pub struct HeadlessSession {
    home: PathBuf,
}

impl HeadlessSession {
    pub fn create() -> Result<Self> {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos();
        let home = env::temp_dir().join(format!("tessera-test-home-{}-{nanos}", std::process::id()));
        // XDG_RUNTIME_DIR gets a private folder too, or gnome-keyring's control socket would
        // meet the one of a desktop session that may be running.
        let runtime = home.join("runtime");
        fs::create_dir_all(&runtime).map_err(|error| format!("cannot create {}: {error}", runtime.display()))?;
        fs::set_permissions(&runtime, fs::Permissions::from_mode(0o700))?;
        Ok(Self { home })
    }

    pub fn run(&self, shell_commands: &str) -> Result {
        let unlock_keyring = "echo -n pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null";
        let script = format!("{unlock_keyring}; {shell_commands}");
        let mut command = Command::new("xvfb-run");
        command
            .args(["-a", "dbus-run-session", "--", "sh", "-c", &script])
            .current_dir(process::workspace_root())
            // rustup and cargo keep their real homes: only the user's data moves.
            .env("RUSTUP_HOME", process::rustup_home())
            .env("CARGO_HOME", process::cargo_home())
            .env("HOME", &self.home)
            .env("XDG_RUNTIME_DIR", self.home.join("runtime"))
            .env("TESSERA_REQUIRE_E2E", "1")
            // The session has gnome-keyring: keyring tests must use it, not skip.
            .env("TESSERA_REQUIRE_KEYRING", "1");
        // CI has PostgreSQL, aiosmtpd and redis-server (setup installs them): there their tests
        // must run, not skip.
        if env::var_os("CI").is_some() {
            command
                .env("TESSERA_REQUIRE_POSTGRES", "1")
                .env("TESSERA_REQUIRE_SMTP", "1")
                .env("TESSERA_REQUIRE_REDIS", "1");
        }
        for xdg in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"] {
            command.env_remove(xdg);
        }
        process::run(&mut command)
    }
}

impl Drop for HeadlessSession {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.home);
    }
}
