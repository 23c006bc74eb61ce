//! `cargo xtask bench app`: the License Manager's cold start until the license state is
//! painted, and its peak memory, next to an empty Tauri window built in the same run; and
//! `tessera status` (the offline check) next to a trivial binary. Writes the
//! `## License Manager: cold start and status` section.
//!
//! Release builds trust only the portal keys compiled in, so the app, the CLI and the empty
//! window are built in a profile of their own (`bench-app`, inheriting `release`) with the
//! key of a benchmark portal compiled in; the key is kept in target/bench-app so that the
//! next run does not rebuild. A portal with that key (the `bench portal` one, on SQLite)
//! activates the benchmark's license once with the CLI; then every start opens a copy of
//! that state folder, offline.

mod procfs;
mod report;

use std::fs;
use std::io::{BufRead as _, BufReader, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use report::{Report, Start};
use tessera_core::SigningKey;

use super::portal::{seed, server::PortalProcess};
use crate::Result;
use crate::process::{self, cargo, phase};
use crate::report as markdown;

/// Cold starts of each window.
const STARTS: usize = 10;
/// Runs of `tessera status` and of the trivial binary.
const STATUS_RUNS: usize = 50;
/// The trivial binary `tessera status` is compared with.
const TRIVIAL: &str = "/bin/true";
/// How often the process tree's memory is read.
const SAMPLE_EVERY: Duration = Duration::from_millis(10);
/// A start that has not painted by then has failed.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// The state the dashboard must paint: the license is valid.
const EXPECTED_STATE: &str = "VALID";
const PROFILE: &str = "bench-app";
const APP_BINARY: &str = "tessera-license-manager";
const EMPTY_BINARY: &str = "tessera-bench-empty-window";
const CLI_BINARY: &str = "tessera";

pub fn run() -> Result {
    let target = process::target_dir()?;
    let keep = target.join("bench-app");
    fs::create_dir_all(&keep)?;
    let key_file = keep.join("signing-key.secret");
    let key = bench_key(&key_file)?;
    let public = key.public_key().to_base64();

    phase("Build: cargo build --release -p tessera-portal");
    process::run(cargo().args(["build", "--release", "-p", "tessera-portal"]))?;
    phase(&format!(
        "Build: cargo build --profile {PROFILE} -p tessera-app -p tessera-bench-empty-window -p tessera-cli \
         (TESSERA_TRUSTED_KEYS: the benchmark portal's key)"
    ));
    process::run(
        cargo()
            .args(["build", "--profile", PROFILE, "-p", "tessera-app", "-p", "tessera-bench-empty-window"])
            .args(["-p", "tessera-cli"])
            .env("TESSERA_TRUSTED_KEYS", &public),
    )?;
    let bin = target.join(PROFILE);

    let work = keep.join("run");
    if work.exists() {
        fs::remove_dir_all(&work).map_err(|e| format!("cannot empty {}: {e}", work.display()))?;
    }
    fs::create_dir_all(&work)?;
    let license_state = work.join("license-state");
    activate(&target.join("release").join("tessera-portal"), &key_file, &work, &bin, &license_state)?;

    let display = Display::open()?;
    phase(&format!("Cold starts on {}: {STARTS} each, alternately, until painted", display.describe));
    let bench = Starts { work: work.clone(), license_state: license_state.clone(), display: display.name.clone() };
    let (mut app, mut empty) = (Vec::new(), Vec::new());
    let mut app_processes = Vec::<String>::new();
    let mut app_state = String::new();
    for round in 0..STARTS {
        let (start, state, names) = bench.start(&bin.join(APP_BINARY), round)?;
        if state != EXPECTED_STATE {
            return Err(format!("the app painted the state {state}, not {EXPECTED_STATE}").into());
        }
        print_start("app  ", &start);
        app_state = state;
        if names.len() > app_processes.len() {
            app_processes = names;
        }
        app.push(start);
        let (start, _, _) = bench.start(&bin.join(EMPTY_BINARY), round)?;
        print_start("empty", &start);
        empty.push(start);
    }
    let display = {
        let describe = display.describe.clone();
        drop(display);
        describe
    };

    phase(&format!("tessera status --json next to {TRIVIAL}: {STATUS_RUNS} runs each, alternately"));
    let (status_ms, trivial_ms) = status_runs(&bin.join(CLI_BINARY), &work, &license_state)?;
    println!(
        "tessera status: median {:.2} ms; {TRIVIAL}: median {:.2} ms",
        report::median(&status_ms),
        report::median(&trivial_ms)
    );

    app_processes.sort();
    app_processes.dedup();
    let report = Report {
        app,
        empty,
        app_state,
        app_processes: app_processes.join(", "),
        status_ms,
        trivial_ms,
        trivial: format!("`{TRIVIAL}`"),
        display,
        date: chrono::Utc::now().format("%Y-%m-%d").to_string(),
        cores: thread::available_parallelism().map_or(0, usize::from),
    };
    let doc = process::workspace_root().join(super::BENCHMARKS_DOC);
    markdown::write_section(&doc, super::INTRO, report::HEADING, &report.section())?;
    fs::remove_dir_all(&work)?;
    phase(&format!("License Manager goals (written to {})", super::BENCHMARKS_DOC));
    let painted = if report.painted_goal_met() { "pass" } else { "FAIL" };
    let rss = if report.rss_goal_met() { "pass" } else { "FAIL" };
    println!("{painted:>4}  painted < 1 s: {:.0} ms (median)", report.app_painted_ms());
    println!("{rss:>4}  peak RSS < 150 MB: {:.1} MB (median, whole tree)", report.app_tree_mb());
    if report.painted_goal_met() && report.rss_goal_met() {
        Ok(())
    } else {
        Err("the License Manager missed a cold-start goal".into())
    }
}

fn print_start(what: &str, start: &Start) {
    println!(
        "  {what} painted after {:>6.0} ms (own {:>6.0} ms), peak RSS {:>6.1} MiB tree (PSS {:>6.1} MiB) / {:>6.1} MiB main, {} processes",
        start.wall_ms,
        start.own_ms,
        start.tree_peak_kib as f64 / 1024.0,
        start.tree_pss_peak_kib as f64 / 1024.0,
        start.main_peak_kib as f64 / 1024.0,
        start.processes
    );
}

/// The benchmark portal's signing key, made once and kept: it is compiled into the build.
fn bench_key(path: &Path) -> Result<SigningKey> {
    if let Ok(text) = fs::read_to_string(path) {
        return Ok(SigningKey::from_secret_text(&text)?);
    }
    let key = SigningKey::generate()?;
    let mut file = fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(key.to_secret_text().as_bytes())?;
    Ok(key)
}

/// Starts the release portal with the benchmark key, adds the benchmark license, and
/// activates it with the CLI into `state`; checks that `tessera status` then says valid.
fn activate(portal: &Path, key_file: &Path, work: &Path, bin: &Path, state: &Path) -> Result {
    let data_dir = work.join("portal");
    fs::create_dir_all(&data_dir)?;
    fs::copy(key_file, data_dir.join("signing-key.secret"))?;
    phase(&format!("Portal with the benchmark key: a fresh data dir in {}", data_dir.display()));
    let portal = PortalProcess::start(portal, &data_dir, None, work.join("portal.log"))?;
    let url = tessera_portal::Config::for_data_dir(data_dir.clone()).database_url();
    let seeded = tokio::runtime::Runtime::new()?.block_on(seed::seed(&url))?;
    println!("listening on {}; activating {} with the CLI into {}", portal.url(), seed::PRODUCT, state.display());
    let output = cli(bin, work, state)
        .args(["--portal", &portal.url(), "activate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            // The key through standard input, as docs/cli.md advises; closed after it.
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(seeded.activation_key.as_str().as_bytes())?;
            }
            child.wait_with_output()
        })?;
    drop(portal);
    if !output.status.success() {
        return Err(format!(
            "`tessera activate` failed ({}): {}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let status = cli(bin, work, state).arg("status").output()?;
    if !status.status.success() {
        return Err(format!("`tessera status` after activation: {}", String::from_utf8_lossy(&status.stdout)).into());
    }
    Ok(())
}

/// The CLI on `state`, offline, in a clean environment.
fn cli(bin: &Path, work: &Path, state: &Path) -> Command {
    let mut command = Command::new(bin.join(CLI_BINARY));
    clean_env(&mut command, &work.join("cli-home"));
    command.env("TESSERA_PRODUCT", seed::PRODUCT).arg("--state-dir").arg(state).arg("--json");
    command
}

/// Only what a program needs: PATH, a HOME of its own, the credential store in the state
/// folder, and the benchmark product.
fn clean_env(command: &mut Command, home: &Path) {
    let _ = fs::create_dir_all(home);
    command.env_clear().env("HOME", home).env("LANG", "C.UTF-8").env("TESSERA_CREDENTIAL_STORE", "file");
    if let Some(path) = std::env::var_os("PATH") {
        command.env("PATH", path);
    }
}

/// `tessera status` and the trivial binary, alternately; wall times in ms.
fn status_runs(cli_binary: &Path, work: &Path, state: &Path) -> Result<(Vec<f64>, Vec<f64>)> {
    let bin = cli_binary.parent().ok_or("no bin folder")?;
    let (mut status, mut trivial) = (Vec::new(), Vec::new());
    for _ in 0..STATUS_RUNS {
        let mut command = cli(bin, work, state);
        command.arg("status").stdout(Stdio::null()).stderr(Stdio::null());
        status.push(timed(&mut command)?);
        let mut command = Command::new(TRIVIAL);
        clean_env(&mut command, &work.join("cli-home"));
        trivial.push(timed(&mut command)?);
    }
    Ok((status, trivial))
}

/// Runs `command` to its end; its wall time in ms. Fails unless it exits with 0.
fn timed(command: &mut Command) -> Result<f64> {
    let begin = Instant::now();
    let status = command.status()?;
    let ms = begin.elapsed().as_secs_f64() * 1000.0;
    if status.success() { Ok(ms) } else { Err(format!("{:?} failed ({status})", command.get_program()).into()) }
}

/// What every cold start shares.
struct Starts {
    work: PathBuf,
    license_state: PathBuf,
    display: String,
}

impl Starts {
    /// One cold start of `binary` with a fresh HOME and a fresh copy of the license state:
    /// its times and peaks, the state it painted, and the names of its processes.
    fn start(&self, binary: &Path, round: usize) -> Result<(Start, String, Vec<String>)> {
        let name = binary.file_name().and_then(|n| n.to_str()).unwrap_or("window");
        let dir = self.work.join(format!("{name}-{round}"));
        let home = dir.join("home");
        let state = dir.join("state");
        copy_dir(&self.license_state, &state)?;
        let mut command = Command::new(binary);
        clean_env(&mut command, &home);
        command
            .env("DISPLAY", &self.display)
            .env("TESSERA_BENCH_PAINTED", "1")
            .env("TESSERA_STATE_DIR", &state)
            .env("TESSERA_PRODUCT", seed::PRODUCT)
            .env("TESSERA_KEYRING_SERVICE", "tessera-bench")
            // Nothing listens there: a background refresh would fail fast, not reach anything.
            .env("TESSERA_PORTAL_URL", "http://127.0.0.1:9")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(fs::File::create(dir.join("stderr.log"))?);

        let begin = Instant::now();
        let mut child = Kill(command.spawn().map_err(|e| format!("cannot start {}: {e}", binary.display()))?);
        let stdout = child.0.stdout.take().ok_or("no stdout")?;
        let (sender, painted) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(std::result::Result::ok) {
                if line.starts_with("painted ") {
                    let _ = sender.send((begin.elapsed(), line));
                }
            }
        });

        let pid = child.0.id();
        let (mut tree_peak, mut pss_peak, mut main_peak, mut processes) = (0, 0, 0, 0);
        // Every process seen, to make sure none is left; and the tree's last look, to name them
        // (the first look may catch the child between fork and exec, still named xtask).
        let mut seen: Vec<u32> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let (wall, line) = loop {
            if let Some(sample) = procfs::sample(pid) {
                tree_peak = tree_peak.max(sample.tree_kib);
                pss_peak = pss_peak.max(sample.tree_pss_kib);
                main_peak = main_peak.max(sample.main_kib);
                processes = processes.max(sample.processes.len());
                for (pid, _) in &sample.processes {
                    if !seen.contains(pid) {
                        seen.push(*pid);
                    }
                }
                names = sample.processes.into_iter().map(|(_, name)| name).collect();
            }
            match painted.recv_timeout(SAMPLE_EVERY) {
                Ok(painted) => break painted,
                Err(mpsc::RecvTimeoutError::Timeout) if begin.elapsed() < START_TIMEOUT => {}
                Err(_) => {
                    return Err(format!(
                        "{name} did not paint within {} s; see {}",
                        START_TIMEOUT.as_secs(),
                        dir.join("stderr.log").display()
                    )
                    .into());
                }
            }
        };
        let (own_ms, state) = parse_painted(&line).ok_or_else(|| format!("{name} printed `{line}`"))?;
        drop(child);
        // The WebKit processes end with their app; make sure none is left for the next start.
        let deadline = Instant::now() + Duration::from_secs(3);
        for pid in &seen {
            while procfs::is_alive(*pid) && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(10));
            }
            if procfs::is_alive(*pid) {
                let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            }
        }
        let start = Start {
            wall_ms: wall.as_secs_f64() * 1000.0,
            own_ms,
            tree_peak_kib: tree_peak,
            tree_pss_peak_kib: pss_peak,
            main_peak_kib: main_peak,
            processes,
        };
        Ok((start, state, names))
    }
}

/// `painted <ms> <STATE>` → (ms, state).
fn parse_painted(line: &str) -> Option<(f64, String)> {
    let mut words = line.strip_prefix("painted ")?.split_whitespace();
    let ms = words.next()?.parse().ok()?;
    let state = words.next()?.to_owned();
    words.next().is_none().then_some((ms, state))
}

/// A child process, killed and reaped when dropped.
struct Kill(Child);

impl Drop for Kill {
    fn drop(&mut self) {
        // The process exits by itself once it has painted; give it a moment first.
        let deadline = Instant::now() + Duration::from_secs(2);
        while matches!(self.0.try_wait(), Ok(None)) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(5));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The X display the windows open on: the caller's, else an Xvfb of our own, stopped when dropped.
struct Display {
    name: String,
    describe: String,
    xvfb: Option<Child>,
}

impl Display {
    fn open() -> Result<Self> {
        if let Some(name) = std::env::var("DISPLAY").ok().filter(|name| !name.is_empty()) {
            return Ok(Self { describe: format!("the display {name}"), name, xvfb: None });
        }
        let xvfb = process::find_program("Xvfb").ok_or("Xvfb is missing: run `cargo xtask setup`")?;
        // -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
        let mut child = Command::new(xvfb)
            .args(["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut line = String::new();
        let stdout = child.stdout.take().ok_or("no Xvfb output")?;
        BufReader::new(stdout).read_line(&mut line)?;
        let number: u32 = match line.trim().parse() {
            Ok(number) => number,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("Xvfb did not name its display (`{}`)", line.trim()).into());
            }
        };
        Ok(Self {
            name: format!(":{number}"),
            describe: "Xvfb (1280×1024×24, software rendering, no GPU)".into(),
            xvfb: Some(child),
        })
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = &mut self.xvfb {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_painted_line_gives_the_time_and_the_state() {
        assert_eq!(parse_painted("painted 412.7 VALID"), Some((412.7, "VALID".into())));
        assert_eq!(parse_painted("painted 88.0 EMPTY"), Some((88.0, "EMPTY".into())));
        assert_eq!(parse_painted("painted soon VALID"), None);
        assert_eq!(parse_painted("painted 12.0"), None);
        assert_eq!(parse_painted("painted 12.0 VALID extra"), None);
        assert_eq!(parse_painted("listening on http://127.0.0.1:1"), None);
    }
}
