//! Shared machinery of the end-to-end suites: prerequisites, WebDriver processes, artifacts.
//!
//! A suite checks what it needs with [`Prerequisites`], starts a driver with
//! [`WebDriverProcess`] (killed with everything it started when dropped, even when an
//! assertion fails), connects with [`webdriver_client`] and keeps screenshots in
//! `tests/artifacts/` with [`save_screenshot`].
//!
//! The License Manager's journeys use [`portal::TestPortal`] (a real portal in this process,
//! with demo data) and [`app::LicenseManager`] (the app window, pointed at that portal); the
//! portal's pages use the same portal and [`browser::Browser`] (Chromium).

pub mod app;
pub mod browser;
pub mod portal;

use std::env;
use std::fs;
use std::io::{self, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;

/// Set to `1` (as `cargo xtask test` does) to turn every skipped end-to-end test into a failure.
pub const REQUIRE_E2E: &str = "TESSERA_REQUIRE_E2E";

/// File name of the desktop app's binary in `target/<profile>/`.
pub const APP_BINARY: &str = "tessera-license-manager";

/// How long a driver may take to listen and a session to open before the test gives up.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

/// Whether a missing prerequisite must fail the test rather than skip it.
pub fn e2e_required() -> bool {
    env::var(REQUIRE_E2E).is_ok_and(|value| value == "1")
}

/// Collects what an end-to-end test needs; the test runs only if nothing is missing.
///
/// ```
/// let mut needs = tessera_tests::Prerequisites::new();
/// needs.check(true, "never reported");
/// assert!(needs.missing().is_empty());
/// ```
#[derive(Debug, Default)]
pub struct Prerequisites {
    missing: Vec<String>,
}

impl Prerequisites {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records `why` unless `present`.
    pub fn check(&mut self, present: bool, why: impl Into<String>) -> &mut Self {
        if !present {
            self.missing.push(why.into());
        }
        self
    }

    /// Requires an X11 or Wayland display (for example `xvfb-run`).
    pub fn display(&mut self) -> &mut Self {
        let present =
            ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|name| env::var_os(name).is_some_and(|value| !value.is_empty()));
        self.check(present, "no display (DISPLAY is unset; run under xvfb-run)")
    }

    /// Requires `program` on PATH or in Cargo's bin folder and returns where it is.
    pub fn program(&mut self, program: &str, install_hint: &str) -> Option<PathBuf> {
        let found = find_program(program);
        self.check(found.is_some(), format!("{program} is not installed ({install_hint})"));
        found
    }

    /// Requires a file built by `cargo build` and returns it.
    pub fn built_file(&mut self, path: PathBuf) -> PathBuf {
        let present = path.is_file();
        self.check(present, format!("{} does not exist (run `cargo build --workspace` first)", path.display()));
        path
    }

    pub fn missing(&self) -> &[String] {
        &self.missing
    }

    /// `true` if the test can run. Otherwise prints a loud `SKIPPED` notice and returns
    /// `false`, or panics when [`REQUIRE_E2E`] is set.
    #[must_use]
    pub fn satisfied(&self, test: &str) -> bool {
        if self.missing.is_empty() {
            return true;
        }
        let why = self.missing.join("; ");
        assert!(!e2e_required(), "{test}: {REQUIRE_E2E}=1 but the test cannot run: {why}");
        // Straight to stderr rather than `eprintln!`, which the test harness captures and
        // hides for a passing test: a skip must be seen.
        let _ = writeln!(io::stderr().lock(), "\n********\nSKIPPED: {test}: {why}\n********\n");
        false
    }
}

/// Where `program` is: on PATH, else in `$CARGO_HOME/bin` or `~/.cargo/bin` (where
/// `cargo install` puts drivers even when that folder is not on PATH).
pub fn find_program(program: &str) -> Option<PathBuf> {
    let path_dirs = env::var_os("PATH").map(|path| env::split_paths(&path).collect::<Vec<_>>()).unwrap_or_default();
    let cargo_dirs =
        [env::var_os("CARGO_HOME").map(PathBuf::from), env::var_os("HOME").map(|home| Path::new(&home).join(".cargo"))]
            .into_iter()
            .flatten()
            .map(|cargo_home| cargo_home.join("bin"));
    path_dirs.into_iter().chain(cargo_dirs).map(|dir| dir.join(program)).find(|candidate| candidate.is_file())
}

/// The workspace's root folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ lives inside the workspace").to_path_buf()
}

/// The `target/<profile>` folder this test binary was built into (`target/debug/deps/` holds
/// the test itself), so a custom `CARGO_TARGET_DIR` is honoured.
pub fn target_profile_dir() -> PathBuf {
    let test_binary = env::current_exe().expect("the test binary knows its own path");
    test_binary
        .ancestors()
        .find(|dir| dir.file_name().is_some_and(|name| name == "deps"))
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| workspace_root().join("target").join("debug"))
}

/// The desktop app's binary, as `cargo build --workspace` leaves it.
pub fn app_binary() -> PathBuf {
    target_profile_dir().join(APP_BINARY)
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> io::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// A WebDriver server (tauri-driver, chromedriver) running for one test.
///
/// Dropping it kills, by PID, the driver and every process it started (WebKitWebDriver,
/// the app, the browser), so nothing survives a failed assertion.
#[derive(Debug)]
pub struct WebDriverProcess {
    name: String,
    child: Child,
    port: u16,
}

impl WebDriverProcess {
    /// Spawns `command` and waits until it listens on `port`.
    pub fn spawn(command: Command, port: u16) -> io::Result<Self> {
        Self::spawn_with_native(command, port, None)
    }

    /// Spawns `command` and waits until it listens on `port` and, when given, until the native
    /// driver it starts listens on `native_port`: tauri-driver forwards a new session to
    /// WebKitWebDriver at once, and a native driver still starting refuses it.
    fn spawn_with_native(mut command: Command, port: u16, native_port: Option<u16>) -> io::Result<Self> {
        let name = Path::new(command.get_program())
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let child = command
            .stdin(Stdio::null())
            .spawn()
            .map_err(|error| io::Error::new(error.kind(), format!("cannot start {name}: {error}")))?;
        let mut driver = Self { name, child, port };
        driver.wait_until_listening(port)?;
        if let Some(native_port) = native_port {
            driver.wait_until_listening(native_port)?;
        }
        Ok(driver)
    }

    /// Starts `tauri-driver` on free ports; it finds WebKitWebDriver on PATH itself.
    pub fn tauri_driver(program: &Path) -> io::Result<Self> {
        Self::tauri_driver_with_env(program, &[])
    }

    /// Same, with `env` set on the driver: WebKitWebDriver and the app it launches inherit it.
    pub fn tauri_driver_with_env(program: &Path, env: &[(&str, String)]) -> io::Result<Self> {
        let port = free_port()?;
        let native_port = free_port()?;
        let mut command = Command::new(program);
        command.arg("--port").arg(port.to_string()).arg("--native-port").arg(native_port.to_string());
        command.envs(env.iter().map(|(name, value)| (name, value)));
        Self::spawn_with_native(command, port, Some(native_port))
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    fn wait_until_listening(&mut self, port: u16) -> io::Result<()> {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
                return Ok(());
            }
            if let Some(status) = self.child.try_wait()? {
                return Err(io::Error::other(format!(
                    "{} exited before listening on port {port}: {status}",
                    self.name
                )));
            }
            if Instant::now() > deadline {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!("{} did not listen on port {port} in time", self.name),
                ));
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for WebDriverProcess {
    fn drop(&mut self) {
        // Children first, deepest first, while they can still be found through their
        // parent: once the driver is gone they are re-parented and lost.
        let started = descendants(self.child.id());
        for &pid in started.iter().rev() {
            kill(pid);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A signal is delivered asynchronously: wait a moment so that the next test finds
        // the ports, the display and the app's files released.
        let deadline = Instant::now() + Duration::from_secs(5);
        while started.iter().any(|&pid| is_running(pid)) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Every process below `root`, parents before their children (Linux `/proc`; elsewhere none).
fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().to_str()?.parse().ok()?;
            Some((pid, parent_pid(pid)?))
        })
        .collect();
    let mut found = vec![root];
    let mut next = 0;
    while next < found.len() {
        let parent = found[next];
        found.extend(parents.iter().filter(|(_, ppid)| *ppid == parent).map(|(pid, _)| *pid));
        next += 1;
    }
    found.remove(0);
    found
}

fn parent_pid(pid: u32) -> Option<u32> {
    stat_fields(pid)?.get(1)?.parse().ok()
}

/// Whether `pid` exists and is not a zombie (a killed orphan stays one until init reaps it).
fn is_running(pid: u32) -> bool {
    stat_fields(pid).is_some_and(|fields| fields.first().is_some_and(|state| state != "Z" && state != "X"))
}

/// The fields of `/proc/<pid>/stat` after the command name: `state ppid ...`.
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name, in parentheses, may itself hold spaces and parentheses.
    let after_name = &stat[stat.rfind(')')? + 1..];
    Some(after_name.split_whitespace().map(str::to_owned).collect())
}

fn kill(pid: u32) {
    // `kill(1)` rather than libc: the workspace forbids unsafe code.
    let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).stderr(Stdio::null()).status();
}

/// WebDriver capabilities that launch the Tauri app at `application` in tauri-driver.
pub fn tauri_capabilities(application: &Path) -> Capabilities {
    let mut capabilities = Capabilities::new();
    capabilities.insert("browserName".into(), "wry".into());
    capabilities.insert("tauri:options".into(), serde_json::json!({ "application": application }));
    capabilities
}

/// Starts `chromedriver` on a free port.
pub fn chromedriver(program: &Path) -> io::Result<WebDriverProcess> {
    let port = free_port()?;
    let mut command = Command::new(program);
    command.arg(format!("--port={port}")).stdout(Stdio::null());
    WebDriverProcess::spawn(command, port)
}

/// WebDriver capabilities for headless Chromium at `binary`, with a fresh profile in
/// `user_data_dir` and the flags this machine's closed network needs (shared/RECIPES.md).
pub fn chromium_capabilities(binary: &Path, user_data_dir: &Path, accept_language: &str) -> Capabilities {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=1280,1000",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain([format!("--user-data-dir={}", user_data_dir.display()), format!("--lang={accept_language}")]);
    let mut capabilities = Capabilities::new();
    capabilities.insert("browserName".into(), "chrome".into());
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": binary,
            "args": args.collect::<Vec<_>>(),
            "prefs": { "intl.accept_languages": accept_language },
        }),
    );
    capabilities
}

/// Opens a WebDriver session on `driver` with `capabilities`.
///
/// Plain HTTP: the driver listens on loopback, and a TLS client would need rustls to pick a
/// process-wide crypto provider, which it cannot once the workspace enables two of them.
pub async fn webdriver_client(
    driver: &WebDriverProcess,
    capabilities: Capabilities,
) -> Result<Client, fantoccini::error::NewSessionError> {
    ClientBuilder::new(HttpConnector::new()).capabilities(capabilities).connect(&driver.url()).await
}

/// Where screenshots and other evidence of a run go (ignored by git).
pub fn artifacts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts")
}

/// Writes a WebDriver screenshot to `tests/artifacts/<name>.png` and returns the path.
pub fn save_screenshot(name: &str, png: &[u8]) -> io::Result<PathBuf> {
    const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !png.starts_with(PNG_SIGNATURE) {
        return Err(io::Error::new(io::ErrorKind::InvalidData, format!("screenshot {name} is not a PNG")));
    }
    let dir = artifacts_dir();
    fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{name}.png"));
    fs::write(&path, png)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropping_a_driver_kills_it_and_the_processes_it_started() {
        // A stand-in for tauri-driver starting WebKitWebDriver: a shell with one child.
        let child = Command::new("sh").args(["-c", "sleep 30 & wait"]).spawn().unwrap();
        let driver = WebDriverProcess { name: "sh".into(), child, port: 0 };
        let driver_pid = driver.pid();
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut started = descendants(driver_pid);
        while started.is_empty() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
            started = descendants(driver_pid);
        }
        assert_eq!(started.len(), 1, "sh started one sleep: {started:?}");

        drop(driver);

        for &pid in started.iter().chain([&driver_pid]) {
            assert!(!is_running(pid), "process {pid} still runs");
        }
    }

    #[test]
    fn save_screenshot_refuses_what_is_not_a_png() {
        let error = save_screenshot("not-a-png", b"<html>").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    }
}
