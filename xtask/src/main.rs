//! Tessera's task runner: `cargo xtask setup|test|lint|bench|demo|bundle`.

mod bench;
mod bundle;
mod demo;
mod lint;
mod process;
mod report;
mod setup;
mod test;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

type Result<T = (), E = Box<dyn std::error::Error>> = std::result::Result<T, E>;

#[derive(Debug, Parser)]
#[command(bin_name = "cargo xtask", about = "Tessera's tasks", long_about = None)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Install the Debian packages and tauri-driver that builds and tests need (quiet when
    /// nothing is missing).
    Setup,
    /// Run everything CI runs: setup, fmt, clippy, build, then all tests in a headless
    /// session (Xvfb, D-Bus, gnome-keyring).
    Test(test::Options),
    /// Check the portal's layer rules (docs/architecture.md): which folder may use what.
    Lint,
    /// Run benchmarks and record the results in docs/benchmarks.md.
    Bench {
        #[arg(value_enum, default_value_t)]
        suite: bench::Suite,
    },
    /// Install what it needs, then the portal with demo data (embedded SQLite) and the desktop
    /// app connected to it; `--check` proves it headless.
    Demo(demo::Options),
    /// Build installable packages into target/bundle/release/: the app (.deb, .rpm), the CLI
    /// and the portal (.deb, a systemd service). No AppImage: its tools download at build time.
    Bundle(bundle::Options),
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().task {
        Task::Setup => setup::run(setup::Purpose::Test),
        Task::Test(options) => test::run(&options),
        Task::Lint => lint::run(),
        Task::Bench { suite } => bench::run(suite),
        Task::Demo(options) => demo::run(&options),
        Task::Bundle(options) => bundle::run(&options),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}
