//! The `## License Manager: cold start and status` section of docs/benchmarks.md.

/// The section's heading.
pub const HEADING: &str = "## License Manager: cold start and status";
/// Goal: the license state on screen within this long after the app is started.
pub const PAINTED_GOAL_MS: f64 = 1000.0;
/// Goal: the app's whole process tree within this resident memory, in MB (10⁶ bytes).
pub const RSS_GOAL_MB: f64 = 150.0;

/// One cold start of a window, up to the moment it painted.
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    /// From spawning the process to reading its `painted` line, as xtask saw it.
    pub wall_ms: f64,
    /// What the process itself printed: from its `main` to the frame after the paint.
    pub own_ms: f64,
    /// The peak of the summed resident sets of the process and its descendants, KiB.
    pub tree_peak_kib: u64,
    /// The peak of the tree's summed proportional set sizes, KiB.
    pub tree_pss_peak_kib: u64,
    /// The peak resident set of the main process alone, KiB.
    pub main_peak_kib: u64,
    /// The most processes seen in the tree at once.
    pub processes: usize,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub app: Vec<Start>,
    pub empty: Vec<Start>,
    /// The state the app painted (every run painted the same one).
    pub app_state: String,
    /// What the tree held: process names, e.g. `tessera-license-manager, WebKitWebProcess, ...`.
    pub app_processes: String,
    /// Wall times of `tessera status`, ms.
    pub status_ms: Vec<f64>,
    /// Wall times of the trivial binary, ms.
    pub trivial_ms: Vec<f64>,
    pub trivial: String,
    pub display: String,
    pub date: String,
    pub cores: usize,
}

/// The median of `values` (the mean of the middle two for an even count); 0 for none.
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(0.0, f64::max)
}

/// KiB → MB (10⁶ bytes).
fn mb(kib: f64) -> f64 {
    kib * 1024.0 / 1e6
}

fn column(starts: &[Start], field: fn(&Start) -> f64) -> Vec<f64> {
    starts.iter().map(field).collect()
}

impl Report {
    pub fn app_painted_ms(&self) -> f64 {
        median(&column(&self.app, |s| s.wall_ms))
    }

    pub fn app_tree_mb(&self) -> f64 {
        mb(median(&column(&self.app, |s| s.tree_peak_kib as f64)))
    }

    pub fn painted_goal_met(&self) -> bool {
        self.app_painted_ms() < PAINTED_GOAL_MS
    }

    pub fn rss_goal_met(&self) -> bool {
        self.app_tree_mb() < RSS_GOAL_MB
    }

    pub fn section(&self) -> String {
        let verdict = |met: bool| if met { "pass" } else { "FAIL" };
        let row = |name: &str, starts: &[Start]| {
            let wall = column(starts, |s| s.wall_ms);
            let own = column(starts, |s| s.own_ms);
            let tree = column(starts, |s| s.tree_peak_kib as f64);
            let main = column(starts, |s| s.main_peak_kib as f64);
            let pss = column(starts, |s| s.tree_pss_peak_kib as f64);
            format!(
                "| {name} | {:.0} ms | {:.0} ms | {:.0} ms | {:.1} MB | {:.1} MB | {:.1} MB | {:.1} MB | {} |",
                median(&wall),
                max(&wall),
                median(&own),
                mb(median(&tree)),
                mb(max(&tree)),
                mb(median(&pss)),
                mb(median(&main)),
                starts.iter().map(|s| s.processes).max().unwrap_or(0),
            )
        };
        let ratio = |app: fn(&Start) -> f64| {
            let empty = median(&column(&self.empty, app));
            if empty > 0.0 { median(&column(&self.app, app)) / empty } else { f64::NAN }
        };
        let status = median(&self.status_ms);
        let trivial = median(&self.trivial_ms);
        format!(
            "{HEADING}

The desktop app started cold (a new process, a fresh `HOME` so WebKit has no cache or data
of an earlier run; the files themselves are in the page cache) until the license dashboard
has painted the license state, next to an empty Tauri window built with the same tauri in
the same run (`xtask/bench/empty-window`). Both are release builds (profile `bench-app`,
which inherits `release` and compiles in the benchmark portal's key as the trusted one),
started {starts} times each, alternately, on {display}, with no D-Bus session
(`TESSERA_CREDENTIAL_STORE=file`).

*Painted* is the frame after the state was drawn: with `TESSERA_BENCH_PAINTED=1`, the
dashboard, once it has drawn the state from the `status` command, waits for the next
animation frame and a task after it, then calls the `bench_painted` command, which prints
`painted <ms since main> <state>` and ends the process (the empty window's page does the same
on load). *Wall* is from spawning the process to reading that line; *own* is what the process
printed, from its `main`. The state painted was `{state}`, from a license activated against a
benchmark portal before the runs.

Memory is the peak, sampled every 10 ms from /proc until painted, of the resident sets
(`VmRSS`) of the whole process tree summed ({processes}), and of the main process alone; the
goal is checked against the summed resident sets. That sum counts the pages the processes
share (GTK, WebKit and their libraries, mapped in each) once per process, so it overstates
the memory really used: the tree's proportional set size (`Pss` of /proc/<pid>/smaps_rollup,
a shared page split between its users) is given beside it. The X server is not counted.
MB are 10⁶ bytes.

| window | to painted, wall (median) | wall (max) | own (median) | peak RSS, tree (median) | tree (max) | peak PSS, tree (median) | peak RSS, main process (median) | processes |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
{app}
{empty}

| License Manager / empty window (medians) | to painted | peak RSS, tree | peak RSS, main |
|---|---:|---:|---:|
| ratio | {ratio_wall:.2}× | {ratio_tree:.2}× | {ratio_main:.2}× |

`tessera status` (the offline check of a valid license in a temporary state folder,
`TESSERA_CREDENTIAL_STORE=file`, `--json`, exit code 0) next to {trivial_name}, {status_runs} runs
each, alternately, wall time from spawn to exit:

| command | median | max |
|---|---:|---:|
| `tessera status --json` | {status:.2} ms | {status_max:.2} ms |
| {trivial_name} | {trivial:.2} ms | {trivial_max:.2} ms |
| ratio | {status_ratio:.1}× | |

| goal | measured (median) | result |
|---|---:|---|
| license state painted < {painted_goal:.0} s after start | {painted:.0} ms | {painted_verdict} |
| peak RSS of the app's process tree < {rss_goal:.0} MB | {tree_mb:.1} MB | {rss_verdict} |

Measured on {date} (UTC), {cores} cores (`nproc`). Reproduce with `cargo xtask bench app`.
",
            starts = self.app.len(),
            display = self.display,
            state = self.app_state,
            processes = self.app_processes,
            app = row("License Manager (dashboard)", &self.app),
            empty = row("empty Tauri window", &self.empty),
            ratio_wall = ratio(|s| s.wall_ms),
            ratio_tree = ratio(|s| s.tree_peak_kib as f64),
            ratio_main = ratio(|s| s.main_peak_kib as f64),
            trivial_name = self.trivial,
            status_runs = self.status_ms.len(),
            status_max = max(&self.status_ms),
            trivial_max = max(&self.trivial_ms),
            status_ratio = if trivial > 0.0 { status / trivial } else { f64::NAN },
            painted_goal = PAINTED_GOAL_MS / 1000.0,
            painted = self.app_painted_ms(),
            painted_verdict = verdict(self.painted_goal_met()),
            rss_goal = RSS_GOAL_MB,
            tree_mb = self.app_tree_mb(),
            rss_verdict = verdict(self.rss_goal_met()),
            date = self.date,
            cores = self.cores,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(wall_ms: f64, tree_mib: u64) -> Start {
        Start {
            wall_ms,
            own_ms: wall_ms - 20.0,
            tree_peak_kib: tree_mib * 1024,
            tree_pss_peak_kib: tree_mib * 512,
            main_peak_kib: 40 * 1024,
            processes: 3,
        }
    }

    fn report(app_wall: f64, app_mib: u64) -> Report {
        Report {
            app: vec![start(app_wall, app_mib), start(app_wall + 100.0, app_mib), start(app_wall - 100.0, app_mib)],
            empty: vec![start(400.0, 100), start(400.0, 100)],
            app_state: "VALID".into(),
            app_processes: "tessera-license-manager, WebKitWebProcess, WebKitNetworkProcess".into(),
            status_ms: vec![2.0, 3.0, 4.0],
            trivial_ms: vec![1.0, 1.0],
            trivial: "`/bin/true`".into(),
            display: "Xvfb".into(),
            date: "2026-01-31".into(),
            cores: 2,
        }
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[]), 0.0);
    }

    #[test]
    fn the_section_shows_medians_ratios_and_verdicts() {
        let section = report(600.0, 120).section();
        assert!(section.starts_with(HEADING), "{section}");
        // 120 MiB = 125.8 MB; the empty window's 100 MiB = 104.9 MB.
        assert!(section.contains("| License Manager (dashboard) | 600 ms | 700 ms | 580 ms | 125.8 MB | 125.8 MB | 62.9 MB | 41.9 MB | 3 |"), "{section}");
        assert!(section.contains("| empty Tauri window | 400 ms | 400 ms | 380 ms | 104.9 MB |"), "{section}");
        assert!(section.contains("| ratio | 1.50× | 1.20× | 1.00× |"), "{section}");
        assert!(section.contains("| `tessera status --json` | 3.00 ms | 4.00 ms |"), "{section}");
        assert!(section.contains("| ratio | 3.0× | |"), "{section}");
        assert!(section.contains("< 1 s after start | 600 ms | pass |"), "{section}");
        assert!(section.contains("< 150 MB | 125.8 MB | pass |"), "{section}");
        assert!(section.contains("2026-01-31 (UTC), 2 cores"), "{section}");
        assert!(section.contains("`cargo xtask bench app`"), "{section}");
    }

    #[test]
    fn a_slow_or_heavy_start_fails_its_goal() {
        let slow = report(1000.0, 120);
        assert!(!slow.painted_goal_met());
        assert!(slow.section().contains("| 1000 ms | FAIL |"));
        let heavy = report(600.0, 144);
        assert!(!heavy.rss_goal_met(), "144 MiB is 151 MB");
        assert!(heavy.section().contains("| 151.0 MB | FAIL |"));
    }
}
