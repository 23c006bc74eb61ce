//! Real `tessera-portal serve` processes on a test portal's database, killed on drop.

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

/// A `tessera-portal` process, killed on drop.
pub struct Process(Child);

impl Process {
    /// Its process id.
    pub fn pid(&self) -> u32 {
        self.0.id()
    }

    /// Kills it with SIGKILL, as a crash would: nothing runs after.
    pub fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the real binary and waits for its "listening on" line.
pub fn start(dir: &std::path::Path, url: &str, key: &std::path::Path, demo: bool) -> (Process, String) {
    start_with(dir, url, key, demo, &[])
}

/// Same, with more settings (`--smtp-url …`, `--redis-url …`) before `serve`.
pub fn start_with(
    dir: &std::path::Path,
    url: &str,
    key: &std::path::Path,
    demo: bool,
    settings: &[&str],
) -> (Process, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tessera-portal"));
    command
        .args(settings)
        .args(["--data-dir"])
        .arg(dir)
        .args(["--database-url", url, "--listen", "127.0.0.1:0", "--signing-key"])
        .arg(key)
        .arg("serve")
        .env("TESSERA_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if demo {
        command.arg("--demo");
    }
    let mut child = command.spawn().expect("tessera-portal starts");
    let stdout = child.stdout.take().expect("stdout");
    let process = Process(child);
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("a line");
        if let Some(address) = line.strip_prefix("listening on ") {
            return (process, address.to_owned());
        }
    }
    panic!("tessera-portal exited before listening");
}
