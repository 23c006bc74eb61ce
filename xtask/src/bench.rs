//! `cargo xtask bench`: runs the benchmarks and records them in docs/benchmarks.md.

mod app;
mod portal;

use std::fs;
use std::path::Path;
use std::thread;

use serde::Deserialize;

use crate::Result;
use crate::process::{self, cargo, phase};
use crate::report;

const BENCHMARKS_DOC: &str = "docs/benchmarks.md";
const INTRO: &str = "# Benchmarks

Measured figures of Tessera. Each section is rewritten by the `cargo xtask bench` command it
names; edit the text around the sections, not inside them. The machines are shared and noisy:
compare the ratios within one run, never absolute times across runs or machines.
";

const CORE_HEADING: &str = "## Core: offline license check";
/// What a vendor's program may pay for an offline license check, in bare Ed25519 verifications.
const CORE_TARGET_RATIO: f64 = 3.0;

#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
pub enum Suite {
    /// tessera-core: the offline license check against a bare signature verification.
    Core,
    /// tessera-portal: its API under load on SQLite and PostgreSQL, against a trivial endpoint.
    Portal,
    /// The License Manager: cold start until the license state is painted and its memory,
    /// against an empty Tauri window; `tessera status` against a trivial binary.
    App,
    /// Every suite.
    #[default]
    All,
}

pub fn run(suite: Suite) -> Result {
    match suite {
        Suite::Core => core(),
        Suite::Portal => portal::run(),
        Suite::App => app::run(),
        Suite::All => {
            // Every suite runs and writes its section, even after another one failed.
            let failures: Vec<String> = [core(), portal::run(), app::run()]
                .into_iter()
                .filter_map(|outcome| outcome.err().map(|e| e.to_string()))
                .collect();
            if failures.is_empty() { Ok(()) } else { Err(failures.join("\nxtask: ").into()) }
        }
    }
}

fn core() -> Result {
    phase("Benchmark: cargo bench -p tessera-core --bench offline_check");
    process::run(cargo().args(["bench", "-p", "tessera-core", "--bench", "offline_check"]))?;

    let criterion = process::target_dir()?.join("criterion");
    let result = CoreResult {
        bare_verify: Estimates::read(&criterion, "bare_ed25519_verify")?,
        offline_check: Estimates::read(&criterion, "offline_check")?,
        date: chrono::Utc::now().format("%Y-%m-%d").to_string(),
        cores: thread::available_parallelism().map_or(0, usize::from),
    };
    let doc = process::workspace_root().join(BENCHMARKS_DOC);
    report::write_section(&doc, INTRO, CORE_HEADING, &result.section())?;
    println!(
        "offline_check is {:.2}× a bare verify (target < {CORE_TARGET_RATIO}×); see {BENCHMARKS_DOC}",
        result.ratio()
    );
    if result.meets_target() {
        Ok(())
    } else {
        Err(format!("offline_check missed its target of < {CORE_TARGET_RATIO}× a bare verify").into())
    }
}

/// Criterion's `target/criterion/<id>/new/estimates.json`, in nanoseconds.
#[derive(Debug, Clone, Copy, Deserialize)]
struct Estimates {
    mean: Estimate,
    median: Estimate,
}

#[derive(Debug, Clone, Copy, Deserialize)]
struct Estimate {
    point_estimate: f64,
}

impl Estimates {
    fn read(criterion_dir: &Path, benchmark: &str) -> Result<Self> {
        let path = criterion_dir.join(benchmark).join("new").join("estimates.json");
        let json = fs::read_to_string(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        serde_json::from_str(&json)
            .map_err(|error| format!("{} is not criterion's estimates: {error}", path.display()).into())
    }
}

#[derive(Debug)]
struct CoreResult {
    bare_verify: Estimates,
    offline_check: Estimates,
    date: String,
    cores: usize,
}

impl CoreResult {
    fn ratio(&self) -> f64 {
        self.offline_check.median.point_estimate / self.bare_verify.median.point_estimate
    }

    fn meets_target(&self) -> bool {
        self.ratio() < CORE_TARGET_RATIO
    }

    fn section(&self) -> String {
        let row = |name: &str, estimates: &Estimates| {
            format!(
                "| `{name}` | {:.2} µs | {:.2} µs |",
                estimates.median.point_estimate / 1000.0,
                estimates.mean.point_estimate / 1000.0
            )
        };
        format!(
            "{CORE_HEADING}

What a vendor's program pays to check its license file offline (parse, verify the signature,
read the payload), against one bare Ed25519 signature verification.

| benchmark | median | mean |
|---|---:|---:|
{bare}
{check}

| `offline_check` / `bare_ed25519_verify` (medians) | target | result |
|---:|---|---|
| {ratio:.2}× | < {CORE_TARGET_RATIO}× | {verdict} |

Measured on {date} (UTC), {cores} cores (`nproc`). Reproduce with `cargo xtask bench core`.
",
            bare = row("bare_ed25519_verify", &self.bare_verify),
            check = row("offline_check", &self.offline_check),
            ratio = self.ratio(),
            verdict = if self.meets_target() { "pass" } else { "FAIL" },
            date = self.date,
            cores = self.cores,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimates(median_ns: f64) -> Estimates {
        Estimates {
            mean: Estimate { point_estimate: median_ns + 500.0 },
            median: Estimate { point_estimate: median_ns },
        }
    }

    fn result(bare_ns: f64, check_ns: f64) -> CoreResult {
        CoreResult {
            bare_verify: estimates(bare_ns),
            offline_check: estimates(check_ns),
            date: "2025-01-31".into(),
            cores: 2,
        }
    }

    #[test]
    fn criterion_estimates_are_read_from_the_benchmark_folder() {
        let criterion = std::env::temp_dir().join(format!("xtask-criterion-{}", std::process::id()));
        let dir = criterion.join("offline_check").join("new");
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("estimates.json"),
            r#"{
                "mean": {"point_estimate": 45678.9, "standard_error": 1.0,
                    "confidence_interval": {"confidence_level": 0.95, "lower_bound": 1.0, "upper_bound": 2.0}},
                "median": {"point_estimate": 45000.0, "standard_error": 1.0,
                    "confidence_interval": {"confidence_level": 0.95, "lower_bound": 1.0, "upper_bound": 2.0}},
                "median_abs_dev": null, "slope": null, "std_dev": null
            }"#,
        )
        .unwrap();

        let read = Estimates::read(&criterion, "offline_check").unwrap();
        fs::remove_dir_all(&criterion).unwrap();

        assert_eq!(read.median.point_estimate, 45000.0);
        assert_eq!(read.mean.point_estimate, 45678.9);
    }

    #[test]
    fn the_section_shows_medians_in_microseconds_and_the_verdict() {
        let section = result(32_000.0, 48_000.0).section();

        assert!(section.starts_with(CORE_HEADING), "{section}");
        assert!(section.contains("| `bare_ed25519_verify` | 32.00 µs | 32.50 µs |"), "{section}");
        assert!(section.contains("| `offline_check` | 48.00 µs | 48.50 µs |"), "{section}");
        assert!(section.contains("| 1.50× | < 3× | pass |"), "{section}");
        assert!(section.contains("2025-01-31 (UTC), 2 cores"), "{section}");
        assert!(section.contains("`cargo xtask bench core`"), "{section}");
    }

    #[test]
    fn three_times_a_bare_verify_misses_the_target() {
        assert!(result(30_000.0, 89_999.0).meets_target());
        assert!(!result(30_000.0, 90_000.0).meets_target());
        assert!(result(30_000.0, 90_000.0).section().contains("| FAIL |"));
    }
}
