//! `cargo xtask bundle`: installable packages of the app (.deb, .rpm), the CLI and the portal (.deb).

mod app;
mod deb;
mod linked;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::Result;
use crate::process::{self, cargo, phase};

/// Who the packages name as their maintainer.
const MAINTAINER: &str = "Tessera <tessera@example.invalid>";
/// Where the packages say the project lives.
const HOMEPAGE: &str = "https://example.invalid/tessera";
/// Every package's version: the workspace's.
const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, clap::Args)]
pub struct Options {
    /// Package the debug binaries that `cargo build --workspace` left in target/debug instead of
    /// building release ones: quick, for tests, never for users.
    #[arg(long)]
    debug: bool,
    /// Folder to write the packages into. Default: target/bundle/release/ (target/bundle/debug/
    /// with --debug).
    #[arg(long)]
    out: Option<PathBuf>,
}

/// How hard to compress: debug binaries are large and their packages thrown away after a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Fast,
    Small,
}

/// What every package of one run shares: version, binaries, where to work and write.
#[derive(Debug)]
pub struct Run {
    /// The folder holding the binaries to package (`target/release` or `target/debug`).
    pub binaries: PathBuf,
    /// A scratch folder for staging trees, emptied at the start and removed at the end.
    pub work: PathBuf,
    pub compression: Compression,
}

impl Run {
    /// One of the binaries to package, which must exist.
    pub fn binary(&self, name: &str) -> Result<PathBuf> {
        let path = self.binaries.join(name);
        if path.is_file() {
            Ok(path)
        } else {
            Err(format!("{} does not exist: build it first (`cargo build --workspace`)", path.display()).into())
        }
    }
}

pub fn run(options: &Options) -> Result {
    let target = process::target_dir()?;
    let profile = if options.debug { "debug" } else { "release" };
    if !options.debug {
        if std::env::var_os("TESSERA_TRUSTED_KEYS").is_none_or(|keys| keys.is_empty()) {
            println!(
                "bundle: warning: TESSERA_TRUSTED_KEYS is not set: the packaged app and CLI will trust no \
                 portal key (set it to your portal's public keys, from /api/v1/keys)"
            );
        }
        phase("Build: cargo build --release (app, CLI, portal)");
        process::run(cargo().args([
            "build",
            "--release",
            "-p",
            "tessera-app",
            "-p",
            "tessera-cli",
            "-p",
            "tessera-portal",
        ]))?;
    }
    let out = options.out.clone().unwrap_or_else(|| target.join("bundle").join(profile));
    let run = Run {
        binaries: target.join(profile),
        work: out.join(".work"),
        compression: if options.debug { Compression::Fast } else { Compression::Small },
    };
    if run.work.exists() {
        fs::remove_dir_all(&run.work).map_err(|e| format!("cannot empty {}: {e}", run.work.display()))?;
    }
    fs::create_dir_all(&run.work).map_err(|e| format!("cannot create {}: {e}", run.work.display()))?;

    let started = Instant::now();
    let mut packages = Vec::new();
    phase("Bundle: the app (.deb, .rpm) through tauri's bundler");
    packages.extend(app::bundle(&run)?);
    phase("Bundle: the CLI and the portal (.deb) with dpkg-deb");
    packages.push(deb::build(&run, &deb::cli(&run)?)?);
    packages.push(deb::build(&run, &deb::portal(&run)?)?);

    // Each package is complete in the scratch folder before it takes its place in `out`.
    let mut written = Vec::new();
    for package in packages {
        let file_name = package.file_name().ok_or("a package has no file name")?;
        let destination = out.join(file_name);
        fs::rename(&package, &destination)
            .map_err(|e| format!("cannot move {} to {}: {e}", package.display(), destination.display()))?;
        written.push(destination);
    }
    fs::remove_dir_all(&run.work).map_err(|e| format!("cannot remove {}: {e}", run.work.display()))?;

    println!("bundle: {} packages in {:.1} s, in {}:", written.len(), started.elapsed().as_secs_f64(), out.display());
    for package in &written {
        let size = fs::metadata(package).map(|m| m.len()).unwrap_or(0);
        println!("  {} ({:.1} MB)", file_name(package), size as f64 / 1e6);
    }
    println!("bundle: AppImage is not built: its tools (linuxdeploy) are downloaded at build time.");
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
}
