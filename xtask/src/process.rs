//! Running other programs: a header per phase, output streamed, a failure becomes an error.

use std::env;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Result;

/// The workspace's root folder, whatever folder xtask was started from.
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ lives inside the workspace")
}

/// Announces a phase so a long log reads as a list of steps.
pub fn phase(title: &str) {
    println!("\n==> {title}");
}

/// `cargo` (the one running xtask) in the workspace root.
pub fn cargo() -> Command {
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(workspace_root());
    command
}

/// Runs `command` with its output streamed; fails unless it exits successfully.
pub fn run(command: &mut Command) -> Result {
    let status = command.status().map_err(|error| format!("cannot start `{}`: {error}", describe(command)))?;
    if status.success() { Ok(()) } else { Err(format!("`{}` failed ({status})", describe(command)).into()) }
}

/// Whether `command` exits successfully; its output is discarded.
pub fn succeeds(command: &mut Command) -> bool {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The standard output of `command`, or `None` if it cannot start or fails.
pub fn stdout_of(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Where `program` is: on PATH, else in Cargo's bin folder (`cargo install` puts it there
/// even when that folder is not on PATH).
pub fn find_program(program: &str) -> Option<PathBuf> {
    let path_dirs = env::var_os("PATH").map(|path| env::split_paths(&path).collect::<Vec<_>>()).unwrap_or_default();
    path_dirs
        .into_iter()
        .chain(Some(cargo_home().join("bin")))
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Cargo's target folder, wherever configuration puts it.
pub fn target_dir() -> Result<PathBuf> {
    let metadata =
        stdout_of(cargo().args(["metadata", "--format-version", "1", "--no-deps"])).ok_or("`cargo metadata` failed")?;
    let metadata: serde_json::Value = serde_json::from_str(&metadata)?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "`cargo metadata` did not name the target folder".into())
}

/// The real home, before any test session swaps it for a temporary one.
pub fn home() -> PathBuf {
    env::var_os("HOME").map(PathBuf::from).expect("HOME is set")
}

pub fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME").map_or_else(|| home().join(".cargo"), PathBuf::from)
}

pub fn rustup_home() -> PathBuf {
    env::var_os("RUSTUP_HOME").map_or_else(|| home().join(".rustup"), PathBuf::from)
}

fn describe(command: &Command) -> String {
    let program = Path::new(command.get_program()).file_name().unwrap_or(OsStr::new("")).to_string_lossy().into_owned();
    command.get_args().map(|arg| arg.to_string_lossy()).fold(program, |line, arg| format!("{line} {arg}"))
}
