//! The installable packages as `cargo xtask bundle --debug` makes them from the debug build: each
//! `.deb` extracted into a temporary root and what it installed run from there, the portal's
//! systemd unit checked by systemd, the `.rpm`'s contents read by rpm.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::{temp_dir, unreachable_url};
use tessera_tests::{Prerequisites, find_program, target_profile_dir};

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[tokio::test(flavor = "multi_thread")]
async fn every_package_installs_programs_that_run_and_the_portal_a_service_systemd_accepts() {
    // Arrange + Act: the four packages, made from the debug build.
    let Some(bundles) = Bundles::make("packages") else { return };

    // Assert
    assert_eq!(
        bundles.files(),
        [
            format!("tessera-cli_{VERSION}_{}.deb", bundles.deb_arch),
            format!("tessera-license-manager-{VERSION}-1.{}.rpm", std::env::consts::ARCH),
            format!("tessera-license-manager_{VERSION}_{}.deb", bundles.deb_arch),
            format!("tessera-portal_{VERSION}_{}.deb", bundles.deb_arch),
        ],
        "the packages, and no scratch folder left beside them"
    );
    the_cli_package_installs_tessera_without_a_desktop(&bundles);
    the_portal_package_installs_a_service_that_serves_with_its_settings(&bundles).await;
    the_app_rpm_holds_the_app_its_desktop_entry_and_icons(&bundles);
    the_app_package_installs_an_app_whose_window_opens(&bundles).await;
}

fn the_cli_package_installs_tessera_without_a_desktop(bundles: &Bundles) {
    let deb = bundles.deb("tessera-cli");
    let root = bundles.extract(&deb);

    let version = stdout_of(Command::new(root.join("usr/bin/tessera")).arg("--version"));
    assert_eq!(version.trim(), format!("tessera {VERSION}"));
    let depends = control_field(&deb, "Depends");
    assert!(depends.contains("libc6"), "the shared libraries it links are dependencies: {depends}");
    assert!(!depends.contains("webkit") && !depends.contains("gtk"), "no desktop libraries: {depends}");
    assert!(root.join("usr/share/doc/tessera-cli/copyright").is_file());
}

async fn the_portal_package_installs_a_service_that_serves_with_its_settings(bundles: &Bundles) {
    let deb = bundles.deb("tessera-portal");
    let root = bundles.extract(&deb);
    let portal = root.join("usr/bin/tessera-portal");
    let settings = root.join("etc/tessera/portal.toml");
    let unit_path = root.join("usr/lib/systemd/system/tessera-portal.service");

    let version = stdout_of(Command::new(&portal).arg("--version"));
    assert_eq!(version.trim(), format!("tessera-portal {VERSION}"));

    let unit = fs::read_to_string(&unit_path).expect("the package installs a systemd unit");
    for line in [
        "ExecStart=/usr/bin/tessera-portal --config /etc/tessera/portal.toml serve",
        "User=tessera",
        "StateDirectory=tessera",
        "WorkingDirectory=/var/lib/tessera",
    ] {
        assert!(unit.lines().any(|l| l == line), "the unit has `{line}`:\n{unit}");
    }
    let text = fs::read_to_string(&settings).expect("the package installs its settings");
    assert!(text.lines().any(|l| l == r#"data_dir = "/var/lib/tessera""#), "{text}");
    let mode = fs::metadata(&settings).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the settings may hold secrets: not world-readable");
    let control = root.join("DEBIAN");
    assert_eq!(fs::read_to_string(control.join("conffiles")).unwrap(), "/etc/tessera/portal.toml\n");
    let postinst = fs::read_to_string(control.join("postinst")).expect("a postinst makes the user");
    assert!(postinst.contains("adduser --system --group --home /var/lib/tessera"), "{postinst}");
    let starts = |line: &str| {
        ["systemctl enable", "systemctl start", "deb-systemd-helper enable"].iter().any(|c| line.starts_with(c))
    };
    assert!(!postinst.lines().map(str::trim).any(starts), "installing starts nothing by itself:\n{postinst}");
    for script in ["postinst", "prerm", "postrm"] {
        let status = Command::new("sh").arg("-n").arg(control.join(script)).status().unwrap();
        assert!(status.success(), "{script} is valid shell");
    }
    let depends = control_field(&deb, "Depends");
    assert!(depends.contains("libc6") && depends.contains("adduser"), "{depends}");

    // The installed settings file is one the portal reads: it serves with it (the data folder
    // moved into the test's own by a flag, which wins over the file).
    let data = bundles.dir.join("portal-data");
    let served = ServingPortal::start(&portal, &settings, &data);
    let keys = reqwest::get(format!("{}/api/v1/keys", served.url)).await.expect("the portal answers");
    assert_eq!(keys.status(), 200, "the installed portal serves its public keys");
    drop(served);

    verify_unit_with_systemd(&unit, &portal, &bundles.dir);
}

/// `systemd-analyze verify` on the unit (its program pointed at the extracted one, which
/// systemd checks is there), which must print nothing: unknown or invalid settings are only
/// warnings to it. Then its hardening, as `systemd-analyze security` rates it.
fn verify_unit_with_systemd(unit: &str, portal: &Path, scratch: &Path) {
    let Some(systemd_analyze) = find_program("systemd-analyze") else {
        let _ = writeln!(
            io::stderr().lock(),
            "\n********\nSKIPPED: systemd-analyze is not installed: the portal's unit is not verified\n********\n"
        );
        return;
    };
    let folder = scratch.join("unit");
    fs::create_dir_all(&folder).unwrap();
    let copy = folder.join("tessera-portal.service");
    fs::write(&copy, unit.replace("/usr/bin/tessera-portal", &portal.display().to_string())).unwrap();

    let verify = Command::new(&systemd_analyze).arg("verify").arg(&copy).output().unwrap();
    let complaints = String::from_utf8_lossy(&verify.stderr);
    assert!(verify.status.success() && complaints.trim().is_empty(), "systemd-analyze verify:\n{complaints}");

    // Exposure on systemd's scale of 0 to 100 (shown as 0.0 to 10.0): 20 and below is "OK".
    let security = Command::new(&systemd_analyze)
        .args(["security", "--offline=yes", "--threshold=20"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(
        security.status.success(),
        "the unit's exposure is above 2.0:\n{}",
        String::from_utf8_lossy(&security.stdout)
    );
}

fn the_app_rpm_holds_the_app_its_desktop_entry_and_icons(bundles: &Bundles) {
    let Some(rpm) = find_program("rpm") else {
        let _ = writeln!(
            io::stderr().lock(),
            "\n********\nSKIPPED: rpm is not installed (cargo xtask setup): the .rpm is not read\n********\n"
        );
        return;
    };
    let package =
        bundles.dir.join("out").join(format!("tessera-license-manager-{VERSION}-1.{}.rpm", std::env::consts::ARCH));

    let name = stdout_of(Command::new(&rpm).args(["-qp", "--queryformat", "%{NAME} %{VERSION}"]).arg(&package));
    let files = stdout_of(Command::new(&rpm).args(["-qlp"]).arg(&package));
    let requires = stdout_of(Command::new(&rpm).args(["-qp", "--requires"]).arg(&package));

    assert_eq!(name, format!("tessera-license-manager {VERSION}"));
    for file in [
        "/usr/bin/tessera-license-manager",
        "/usr/share/applications/Tessera License Manager.desktop",
        "/usr/share/icons/hicolor/128x128/apps/tessera-license-manager.png",
    ] {
        assert!(files.lines().any(|line| line == file), "the .rpm holds {file}:\n{files}");
    }
    assert!(!files.contains("@2"), "no icon in a size folder that icon themes lack:\n{files}");
    assert!(requires.lines().any(|line| line == "libwebkit2gtk-4.1.so.0()(64bit)"), "{requires}");
}

async fn the_app_package_installs_an_app_whose_window_opens(bundles: &Bundles) {
    let deb = bundles.deb("tessera-license-manager");
    let root = bundles.extract(&deb);
    let depends = control_field(&deb, "Depends");
    assert!(depends.contains("libwebkit2gtk-4.1-0"), "{depends}");
    let desktop = fs::read_to_string(root.join("usr/share/applications/Tessera License Manager.desktop"))
        .expect("the package installs a desktop entry");
    assert!(desktop.lines().any(|line| line == "Exec=tessera-license-manager"), "{desktop}");

    let trusted = tessera_core::example::portal_key().public_key().to_base64();
    let app = root.join("usr/bin/tessera-license-manager");
    let Some(window) = LicenseManager::launch_binary("packages_app", &app, &unreachable_url(), &trusted).await else {
        return;
    };
    let heading = window.text_of("h1").await;
    let version = window.wait_for_text("#app-version", "Version").await;
    window.screenshot("packaged-app").await;
    window.close().await;

    assert_eq!(heading, "Your license", "the installed app paints its home screen");
    assert_eq!(version, format!("Version {VERSION}"));
}

/// The packages of one `cargo xtask bundle --debug` run, in a folder removed when dropped.
struct Bundles {
    dir: PathBuf,
    deb_arch: String,
}

impl Bundles {
    /// Runs the xtask that `cargo build --workspace` built; `None` after a loud notice when the
    /// machine cannot build packages (a failure under `TESSERA_REQUIRE_E2E=1`).
    fn make(test: &str) -> Option<Self> {
        let mut needs = Prerequisites::new();
        for (program, package) in
            [("dpkg-deb", "dpkg"), ("dpkg-shlibdeps", "dpkg-dev"), ("readelf", "binutils"), ("md5sum", "coreutils")]
        {
            needs.program(program, &format!("apt-get install {package}"));
        }
        let xtask = needs.built_file(target_profile_dir().join("xtask"));
        for binary in ["tessera", "tessera-portal", "tessera-license-manager"] {
            needs.built_file(target_profile_dir().join(binary));
        }
        if !needs.satisfied(test) {
            return None;
        }
        let deb_arch = stdout_of(Command::new("dpkg").arg("--print-architecture")).trim().to_owned();
        let bundles = Self { dir: temp_dir(test), deb_arch };
        let out = bundles.dir.join("out");

        let started = Instant::now();
        let output = Command::new(xtask).arg("bundle").arg("--debug").arg("--out").arg(&out).output().unwrap();
        let took = started.elapsed();

        let log = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(output.status.success(), "cargo xtask bundle --debug failed:\n{log}");
        eprintln!("cargo xtask bundle --debug took {:.1} s:\n{log}", took.as_secs_f64());
        Some(bundles)
    }

    /// The names of the files (and folders) the run left, sorted.
    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.join("out"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn deb(&self, package: &str) -> PathBuf {
        self.dir.join("out").join(format!("{package}_{VERSION}_{}.deb", self.deb_arch))
    }

    /// Unpacks `deb` as dpkg would install it, its control files in `DEBIAN/`; returns the root.
    fn extract(&self, deb: &Path) -> PathBuf {
        let root = self.dir.join(deb.file_stem().unwrap());
        for (option, into) in [("-x", root.clone()), ("-e", root.join("DEBIAN"))] {
            let status = Command::new("dpkg-deb").arg(option).arg(deb).arg(&into).status().unwrap();
            assert!(status.success(), "dpkg-deb {option} {}", deb.display());
        }
        root
    }
}

impl Drop for Bundles {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The installed portal serving with the installed settings; killed when dropped.
struct ServingPortal {
    child: Child,
    url: String,
}

impl ServingPortal {
    fn start(portal: &Path, settings: &Path, data: &Path) -> Self {
        fs::create_dir_all(data).unwrap();
        let log_path = data.join("portal.log");
        let log = fs::File::create(&log_path).unwrap();
        let mut child = Command::new(portal)
            .arg("--config")
            .arg(settings)
            .arg("--data-dir")
            .arg(data)
            .args(["--listen", "127.0.0.1:0", "serve"])
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .expect("the installed portal starts");
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        let mut served = Self { child, url: String::new() };
        let deadline = Instant::now() + Duration::from_secs(30);
        while served.url.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(address) = line.strip_prefix("listening on ") {
                        served.url = address.to_owned();
                    }
                }
                Err(_) => panic!(
                    "the installed portal does not listen with its installed settings:\n{}",
                    fs::read_to_string(&log_path).unwrap_or_default()
                ),
            }
        }
        served
    }
}

impl Drop for ServingPortal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn control_field(deb: &Path, field: &str) -> String {
    stdout_of(Command::new("dpkg-deb").arg("-f").arg(deb).arg(field)).trim().to_owned()
}

fn stdout_of(command: &mut Command) -> String {
    let output = command.output().unwrap_or_else(|e| panic!("cannot start {:?}: {e}", command.get_program()));
    assert!(output.status.success(), "{command:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}
