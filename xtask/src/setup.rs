//! `cargo xtask setup`: installs what is missing to build, demo and test, one line per step.

use std::process::Command;

use crate::Result;
use crate::process::{self, phase};

/// What the packages are needed for; each purpose includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Purpose {
    /// Build the workspace and open the app on the desktop (`cargo xtask demo`).
    Demo,
    /// Also run the app's window headless and drive it (`cargo xtask demo --check`).
    Headless,
    /// Everything the tests and benchmarks use (`cargo xtask test`, `cargo xtask setup`).
    Test,
}

/// Debian packages, each with the first purpose that needs it: building the app (WebKitGTK),
/// running its window headless (Xvfb, WebKitWebDriver), a real keyring (gnome-keyring on a
/// D-Bus session), the icons (ImageMagick), the portal's browser tests (Chromium), its load
/// benchmark (wrk), the SMTP server its mail tests send to (aiosmtpd), the Redis its shared
/// rate limits' test starts (redis-server) and rpm, which reads the app's .rpm in the packages'
/// test (`cargo xtask bundle` itself needs only build-essential's dpkg-dev and binutils). Never `dbus-x11`: with it libdbus autolaunches a
/// bus through X11 and keyring calls hang for seconds.
const DEBIAN_PACKAGES: &[(&str, Purpose)] = &[
    ("libwebkit2gtk-4.1-dev", Purpose::Demo),
    ("build-essential", Purpose::Demo),
    ("pkg-config", Purpose::Demo),
    ("libssl-dev", Purpose::Demo),
    ("xvfb", Purpose::Headless),
    ("xauth", Purpose::Headless),
    ("webkit2gtk-driver", Purpose::Headless),
    ("gnome-keyring", Purpose::Headless),
    ("dbus", Purpose::Headless),
    ("imagemagick", Purpose::Test),
    ("chromium", Purpose::Test),
    ("chromium-driver", Purpose::Test),
    ("wrk", Purpose::Test),
    ("python3-aiosmtpd", Purpose::Test),
    ("redis-server", Purpose::Test),
    ("rpm", Purpose::Test),
];

const TAURI_DRIVER_VERSION: &str = "2.1.0";

pub fn run(purpose: Purpose) -> Result {
    install_debian_packages(purpose)?;
    if purpose >= Purpose::Headless {
        install_tauri_driver()?;
    }
    if purpose >= Purpose::Test {
        start_postgres()?;
    }
    warn_if_installed("dbus-x11", "keyring calls may hang while libdbus tries X11");
    Ok(())
}

fn install_debian_packages(purpose: Purpose) -> Result {
    let wanted: Vec<&str> =
        DEBIAN_PACKAGES.iter().filter(|(_, needed_for)| *needed_for <= purpose).map(|(package, _)| *package).collect();
    if process::find_program("dpkg-query").is_none() {
        println!("setup: not a Debian system; install the equivalents of: {}", wanted.join(" "));
        return Ok(());
    }
    let missing: Vec<&str> = wanted.iter().copied().filter(|package| !is_installed(package)).collect();
    if missing.is_empty() {
        println!("setup: Debian packages: all {} present", wanted.len());
        return Ok(());
    }
    let install = format!("apt-get install -y --no-install-recommends {}", missing.join(" "));
    if !is_root() {
        return Err(format!(
            "missing Debian packages: {}\nInstall them as root, then run this command again: \
             sudo apt-get update && sudo {install}",
            missing.join(" ")
        )
        .into());
    }
    phase(&format!("setup: installing Debian packages: {}", missing.join(" ")));
    process::run(apt_get().arg("update"))?;
    process::run(apt_get().args(["install", "-y", "--no-install-recommends"]).args(&missing)).map_err(|error| {
        let still: Vec<&str> = missing.iter().copied().filter(|package| !is_installed(package)).collect();
        format!("{error}\nsetup: these Debian packages could not be installed: {}", still.join(" "))
    })?;
    println!("setup: Debian packages: installed {}", missing.join(" "));
    Ok(())
}

fn install_tauri_driver() -> Result {
    if process::find_program("tauri-driver").is_some() {
        println!("setup: tauri-driver: present");
        return Ok(());
    }
    phase(&format!("setup: installing tauri-driver {TAURI_DRIVER_VERSION} (cargo install)"));
    process::run(process::cargo().args(["install", "tauri-driver", "--locked", "--version", TAURI_DRIVER_VERSION]))
}

/// The portal's tests run against PostgreSQL on 127.0.0.1:5432 too; start the local
/// cluster if it is installed but stopped. Where there is none, those tests skip loudly
/// (and fail under CI, which has it).
fn start_postgres() -> Result {
    let address = std::net::SocketAddr::from(([127, 0, 0, 1], 5432));
    if std::net::TcpStream::connect_timeout(&address, std::time::Duration::from_secs(1)).is_ok() {
        println!("setup: PostgreSQL: running on {address}");
        return Ok(());
    }
    if process::find_program("pg_ctlcluster").is_none() {
        println!("setup: PostgreSQL is not running on 127.0.0.1:5432 and not installed; its tests will skip");
        return Ok(());
    }
    let versions = std::fs::read_dir("/etc/postgresql").map_err(|e| format!("/etc/postgresql: {e}"))?;
    for version in versions.flatten() {
        let version = version.file_name().to_string_lossy().into_owned();
        phase(&format!("Starting PostgreSQL {version}"));
        process::run(Command::new("pg_ctlcluster").args(["--skip-systemctl-redirect", &version, "main", "start"]))?;
    }
    Ok(())
}

fn warn_if_installed(package: &str, why: &str) {
    if process::find_program("dpkg-query").is_some() && is_installed(package) {
        println!("setup: warning: {package} is installed: {why}. Consider `apt-get remove {package}`.");
    }
}

/// Asks dpkg, whose status field reads `install ok installed` for an installed package.
fn is_installed(package: &str) -> bool {
    process::stdout_of(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|status| status.split_whitespace().nth(2) == Some("installed"))
}

fn is_root() -> bool {
    process::stdout_of(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

fn apt_get() -> Command {
    let mut command = Command::new("apt-get");
    command.env("DEBIAN_FRONTEND", "noninteractive");
    command
}
