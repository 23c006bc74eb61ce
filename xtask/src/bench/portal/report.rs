//! The `## Portal: API under load` section of docs/benchmarks.md: the figures of each
//! database, and the goals with pass or fail.

use super::drivers::Drivers;
use super::requests::Endpoint;
use super::seed::DatabaseFacts;
use super::wrk::{self, Run};

pub const HEADING: &str = "## Portal: API under load";

/// validate must serve at least this share of the signed trivial endpoint's requests/s...
const VALIDATE_MIN_RATIO: f64 = 0.75;
/// ... with a 99th percentile latency at most this many times that run's.
const VALIDATE_MAX_P99_RATIO: f64 = 1.5;
/// Activations and refreshes per second, as a share of the database's durable-commit limit.
const WRITE_MIN_RATIO: f64 = 0.5;
/// How much slower (to its `/api/v1/keys` run) an endpoint may be at the large data set.
const SIZE_MAX_SLOWDOWN: f64 = 1.3;
/// How much the portal's RSS may grow from the first to the last 10 s of the long run.
const RSS_MAX_GROWTH: f64 = 1.10;

/// How the report names an endpoint.
fn label(endpoint: Endpoint) -> &'static str {
    match endpoint {
        Endpoint::Healthz => "`GET /healthz`: trivial, unsigned",
        Endpoint::Keys => "`GET /api/v1/keys`: trivial, signed (the baseline)",
        Endpoint::Validate => "`POST /api/v1/validate`: an activated machine",
        Endpoint::ValidateSpread => "`POST /api/v1/validate`: machines all over the data set",
        Endpoint::Activate => "`POST /api/v1/activations`: a new machine each",
        Endpoint::Refresh => "`POST /api/v1/refresh`: machine-signed, a fresh nonce each",
    }
}

/// The endpoint's name alone, e.g. `POST /api/v1/validate`.
fn short(endpoint: Endpoint) -> &'static str {
    label(endpoint).split(':').next().unwrap_or_default()
}

/// A run of an endpoint, and the run of its baseline on the same server just before it
/// (`/healthz` for `/api/v1/keys`, `/api/v1/keys` for the others).
#[derive(Debug, Clone)]
pub struct Pair {
    pub endpoint: Endpoint,
    pub baseline: Run,
    pub run: Run,
    /// The portal's highest RSS during the run, in KiB.
    pub rss_kib: Option<u64>,
}

impl Pair {
    /// Requests/s of the endpoint over those of its baseline run.
    pub fn ratio(&self) -> f64 {
        self.run.requests_per_second / self.baseline.requests_per_second
    }

    /// The endpoint's p99 over its baseline run's.
    pub fn p99_ratio(&self) -> f64 {
        self.run.p99_us / self.baseline.p99_us
    }
}

/// validate and activation at one size of the data set.
#[derive(Debug, Clone)]
pub struct SizeRuns {
    /// Generated licenses, each with one machine.
    pub licenses: u64,
    pub validate: Pair,
    pub activate: Pair,
}

/// The long run: requests/s and the RSS at its start and end.
#[derive(Debug, Clone)]
pub struct Soak {
    pub seconds: u32,
    pub endpoint: Endpoint,
    pub run: Run,
    /// Highest RSS in the first and in the last 10 s, KiB.
    pub first_kib: u64,
    pub last_kib: u64,
}

impl Soak {
    fn growth(&self) -> f64 {
        self.last_kib as f64 / self.first_kib as f64
    }
}

/// validate and activation through one portal process, then several on the same database.
#[derive(Debug, Clone)]
pub struct Processes {
    pub count: usize,
    /// (one process, `count` processes).
    pub validate: (Run, Run),
    pub activate: (Run, Run),
}

/// Every pair measured on one database.
#[derive(Debug, Clone)]
pub struct DatabaseRuns {
    /// `SQLite` or `PostgreSQL`, and how the portal reaches it.
    pub name: &'static str,
    pub setup: &'static str,
    pub facts: DatabaseFacts,
    /// One-row `INSERT … COMMIT`s per second at the same concurrency and settings.
    pub commit_limit: f64,
    /// validation's lookup through sqlx's `Any` driver and through the engine's own.
    pub drivers: Drivers,
    pub pairs: Vec<Pair>,
    pub soak: Option<Soak>,
    /// PostgreSQL only: the scale-out runs.
    pub processes: Option<Processes>,
    /// The small data set first, then the large one.
    pub sizes: Vec<SizeRuns>,
}

impl DatabaseRuns {
    fn pair(&self, endpoint: Endpoint) -> Option<&Pair> {
        self.pairs.iter().find(|pair| pair.endpoint == endpoint)
    }

    /// The goals as measured here.
    pub fn goals(&self) -> Vec<Goal> {
        let mut goals = Vec::new();
        let goal = |goal: String, measured: String, verdict: Option<bool>| Goal {
            goal,
            database: self.name,
            measured,
            verdict,
        };
        if let Some(validate) = self.pair(Endpoint::Validate) {
            goals.push(goal(
                format!("validate ≥ {VALIDATE_MIN_RATIO:.2} × `/api/v1/keys`"),
                format!(
                    "{:.2}× ({} / {} requests/s)",
                    validate.ratio(),
                    thousands(validate.run.requests_per_second),
                    thousands(validate.baseline.requests_per_second)
                ),
                Some(validate.ratio() >= VALIDATE_MIN_RATIO),
            ));
            goals.push(goal(
                format!("validate p99 ≤ {VALIDATE_MAX_P99_RATIO} × `/api/v1/keys` p99"),
                format!(
                    "{:.2}× ({} / {})",
                    validate.p99_ratio(),
                    millis(validate.run.p99_us),
                    millis(validate.baseline.p99_us)
                ),
                Some(validate.p99_ratio() <= VALIDATE_MAX_P99_RATIO),
            ));
        }
        for endpoint in [Endpoint::Activate, Endpoint::Refresh] {
            let Some(pair) = self.pair(endpoint) else { continue };
            let ratio = pair.run.requests_per_second / self.commit_limit;
            let measured = format!(
                "{ratio:.2}× ({}/s / {} commits/s{})",
                thousands(pair.run.requests_per_second),
                thousands(self.commit_limit),
                if self.facts.durable { String::new() } else { format!("; not durable: {}", self.facts.settings) }
            );
            goals.push(goal(
                format!("{} ≥ {WRITE_MIN_RATIO:.1} × the durable-commit limit", short(endpoint)),
                measured,
                self.facts.durable.then_some(ratio >= WRITE_MIN_RATIO),
            ));
        }
        if let [small, large] = self.sizes.as_slice() {
            for (small, large) in [(&small.validate, &large.validate), (&small.activate, &large.activate)] {
                let slowdown = small.ratio() / large.ratio();
                goals.push(goal(
                    format!(
                        "{} at {} within {SIZE_MAX_SLOWDOWN}× of at {} licenses",
                        short(small.endpoint),
                        count(self.sizes[1].licenses),
                        count(self.sizes[0].licenses)
                    ),
                    format!(
                        "{:.2}× → {:.2}× `/api/v1/keys`: a slowdown of {slowdown:.2}",
                        small.ratio(),
                        large.ratio()
                    ),
                    Some(slowdown <= SIZE_MAX_SLOWDOWN),
                ));
            }
        }
        if let Some(soak) = &self.soak {
            goals.push(goal(
                format!("RSS grows ≤ {:.0} % over a {} s run", (RSS_MAX_GROWTH - 1.0) * 100.0, soak.seconds),
                format!("{} → {} ({:+.1} %)", mib(soak.first_kib), mib(soak.last_kib), (soak.growth() - 1.0) * 100.0),
                Some(soak.growth() <= RSS_MAX_GROWTH),
            ));
        }
        goals
    }

    fn table(&self) -> String {
        let mut table = format!(
            "### {} ({}; {}, {})\n\n\
             | endpoint | requests/s | p50 | p99 | baseline run, requests/s | ratio | portal RSS |\n\
             |---|---:|---:|---:|---:|---:|---:|\n",
            self.name, self.setup, self.facts.version, self.facts.settings
        );
        let row = |name: &str, pair: &Pair| {
            let baseline = if pair.endpoint == Endpoint::Keys { "`/healthz`" } else { "keys" };
            format!(
                "| {name} | {} | {} | {} | {baseline} {} | {:.2}× | {} |\n",
                thousands(pair.run.requests_per_second),
                millis(pair.run.p50_us),
                millis(pair.run.p99_us),
                thousands(pair.baseline.requests_per_second),
                pair.ratio(),
                pair.rss_kib.map_or_else(|| "—".into(), mib)
            )
        };
        for pair in &self.pairs {
            table.push_str(&row(label(pair.endpoint), pair));
        }
        table.push_str(&format!(
            "| durable-commit limit: one-row `INSERT … COMMIT`, {} connections | {} | | | | | |\n",
            wrk::CONNECTIONS,
            thousands(self.commit_limit)
        ));
        for size in &self.sizes {
            for pair in [&size.validate, &size.activate] {
                table.push_str(&row(&format!("{}, {} licenses", short(pair.endpoint), count(size.licenses)), pair));
            }
        }
        table.push_str(&format!(
            "\nvalidation's lookup alone, from {} connections for {} s each: {} lookups/s through sqlx's `Any` \
             driver, {} through the engine's own ({:.2}×).\n",
            wrk::CONNECTIONS,
            super::DRIVER_SECONDS,
            thousands(self.drivers.any),
            thousands(self.drivers.native),
            self.drivers.native / self.drivers.any
        ));
        if let Some(soak) = &self.soak {
            table.push_str(&format!(
                "\nThe long run: {} for {} s, {} requests/s; the portal's RSS peaked at {} in its first 10 s and at {} in its last 10 s.\n",
                short(soak.endpoint),
                soak.seconds,
                thousands(soak.run.requests_per_second),
                mib(soak.first_kib),
                mib(soak.last_kib)
            ));
        }
        if let Some(processes) = &self.processes {
            table.push_str(&format!(
                "\nThe same database behind 1 and {n} portal processes (one wrk each, the {c} connections shared; \
                 p99: the slowest wrk's):\n\n\
                 | endpoint | 1 process, requests/s | p99 | {n} processes, requests/s | p99 | ratio |\n\
                 |---|---:|---:|---:|---:|---:|\n",
                n = processes.count,
                c = wrk::CONNECTIONS
            ));
            for (endpoint, (one, many)) in
                [(Endpoint::Validate, &processes.validate), (Endpoint::Activate, &processes.activate)]
            {
                table.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {:.2}× |\n",
                    short(endpoint),
                    thousands(one.requests_per_second),
                    millis(one.p99_us),
                    thousands(many.requests_per_second),
                    millis(many.p99_us),
                    many.requests_per_second / one.requests_per_second
                ));
            }
        }
        let runs = self.pairs.iter().flat_map(|pair| [&pair.baseline, &pair.run]);
        let slow: u64 = runs.map(|run| run.timeouts).sum();
        if slow > 0 {
            table.push_str(&format!(
                "\n{slow} responses took over {} s (wrk's timeout) and are left out of the percentiles.\n",
                wrk::TIMEOUT_SECONDS
            ));
        }
        table
    }
}

/// One goal and how it fared; no verdict when it does not apply.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub goal: String,
    pub database: &'static str,
    pub measured: String,
    pub verdict: Option<bool>,
}

impl Goal {
    pub fn missed(&self) -> bool {
        self.verdict == Some(false)
    }
}

/// The whole section.
#[derive(Debug, Clone)]
pub struct Report {
    pub date: String,
    pub cores: usize,
    pub wrk: String,
    pub sqlite: DatabaseRuns,
    /// The PostgreSQL runs, or why there are none.
    pub postgres: Result<DatabaseRuns, String>,
}

impl Report {
    pub fn goals(&self) -> Vec<Goal> {
        let mut goals = self.sqlite.goals();
        if let Ok(postgres) = &self.postgres {
            goals.extend(postgres.goals());
        }
        goals
    }

    pub fn section(&self) -> String {
        let mut out = format!(
            "{HEADING}

The licensing server as a vendor runs it: `tessera-portal serve --demo`, release build, a process of
its own on 127.0.0.1 with a fresh data dir, its default database pool and log level (the log goes to
a file), and its rate limit raised past anything a run sends so that the limiter is not what is
measured (`--key-requests-per-minute 1000000000`).

- Load: wrk over loopback, on the machine the portal and the database run on ({cores} cores);
  {threads} threads, {connections} connections, {seconds} s per run, script `xtask/bench/portal.lua`,
  after a {warm_up} s run of validate that is not recorded (the database pool fills as load arrives).
- Requests: made beforehand with tessera-core, as the License Manager makes them. Every activation
  is a new machine's signed request, every refresh a machine-signed call with a fresh nonce;
  validate and refresh cycle over the {machines} machines activated before the runs, on a license
  with a billion seats. A run with an error status, a socket error, a once-only request sent twice
  or an activation that took no new seat stops the benchmark.
- Ratios: `GET /api/v1/keys`, trivial but signed (the portal signs every `/api/v1` response), is
  the baseline: every endpoint runs right after a run of it on the same server, and its ratio is to
  that run (`/api/v1/keys` itself runs after `GET /healthz`, unsigned). p50 and p99 are wrk's.
- The durable-commit limit: one-row `INSERT`s, each its own transaction, from {connections}
  connections for {seconds} s, with the portal's own connection settings, into a scratch table of
  the same database, while the portal idles. Activations and refreshes are measured against it.
- Sizes: a second portal on a fresh database, with {small} and then {large} generated licenses
  (each with its customer and one machine, written in bulk by the database); validate cycles over
  {samples} of them spread over the whole set, activation adds new machines as above.
- Memory: the portal's RSS (`/proc/<pid>/status`) every 250 ms during each run; the long run is
  {soak} s of validate.

",
            threads = wrk::THREADS,
            connections = wrk::CONNECTIONS,
            seconds = wrk::SECONDS,
            warm_up = wrk::WARM_UP_SECONDS,
            cores = self.cores,
            machines = super::PREPARED_MACHINES,
            small = count(super::SMALL_SET),
            large = count(super::LARGE_SET),
            samples = count(super::SPREAD_SAMPLES),
            soak = super::SOAK_SECONDS,
        );
        out.push_str(&self.sqlite.table());
        out.push('\n');
        match &self.postgres {
            Ok(postgres) => out.push_str(&postgres.table()),
            Err(why) => out.push_str(&format!(
                "### PostgreSQL: SKIPPED\n\n**Not measured**: {why}. Start it (`cargo xtask setup` does) and rerun.\n"
            )),
        }
        out.push_str("\n### Goals\n\n| goal | database | measured | result |\n|---|---|---|---|\n");
        let goals = self.goals();
        for goal in &goals {
            let verdict = match goal.verdict {
                Some(true) => "pass",
                Some(false) => "**FAIL**",
                None => "n/a",
            };
            out.push_str(&format!("| {} | {} | {} | {verdict} |\n", goal.goal, goal.database, goal.measured));
        }
        let missed: Vec<String> =
            goals.iter().filter(|g| g.missed()).map(|g| format!("{} on {}", g.goal, g.database)).collect();
        if !missed.is_empty() {
            out.push_str(&format!("\nMissed: {}.\n", missed.join("; ")));
        }
        out.push_str(&format!(
            "\nMeasured on {} (UTC), {} cores (`nproc`), {}. Reproduce with `cargo xtask bench portal`.\n",
            self.date, self.cores, self.wrk
        ));
        out
    }
}

/// `12,345` for 12345.4.
fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `1,000,000` licenses, written out.
fn count(value: u64) -> String {
    thousands(value as f64)
}

/// `51.2 MiB` for 52,429 KiB.
fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// `0.34 ms` for 340 µs.
fn millis(micros: f64) -> String {
    format!("{:.2} ms", micros / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(requests_per_second: f64, p50_us: f64, p99_us: f64) -> Run {
        Run {
            requests: 1000,
            requests_per_second,
            p50_us,
            p99_us,
            error_statuses: 0,
            socket_errors: 0,
            timeouts: 0,
            wraps: 0,
        }
    }

    fn pair(endpoint: Endpoint, rate: f64, p99_us: f64) -> Pair {
        Pair { endpoint, baseline: run(40_000.0, 300.0, 2000.0), run: run(rate, 800.0, p99_us), rss_kib: Some(51_200) }
    }

    fn sqlite(validate: f64, validate_p99_us: f64, activate: f64) -> DatabaseRuns {
        DatabaseRuns {
            name: "SQLite",
            setup: "embedded",
            facts: DatabaseFacts {
                version: "SQLite 3.46.0".into(),
                settings: "journal_mode=WAL, synchronous=FULL".into(),
                durable: true,
            },
            commit_limit: 2000.0,
            drivers: Drivers { any: 20_000.0, native: 25_000.0 },
            pairs: vec![
                pair(Endpoint::Keys, 30_000.0, 1500.0),
                pair(Endpoint::Validate, validate, validate_p99_us),
                pair(Endpoint::Activate, activate, 40_000.0),
                pair(Endpoint::Refresh, 1000.0, 60_000.0),
            ],
            soak: Some(Soak {
                seconds: 60,
                endpoint: Endpoint::Validate,
                run: run(validate, 800.0, validate_p99_us),
                first_kib: 50_000,
                last_kib: 54_000,
            }),
            processes: Some(Processes {
                count: 3,
                validate: (run(20_000.0, 800.0, 3000.0), run(24_000.0, 800.0, 4000.0)),
                activate: (run(1_000.0, 800.0, 30_000.0), run(1_100.0, 800.0, 40_000.0)),
            }),
            sizes: vec![
                SizeRuns {
                    licenses: 1_000,
                    validate: pair(Endpoint::ValidateSpread, 32_000.0, 2000.0),
                    activate: pair(Endpoint::Activate, 1_000.0, 9000.0),
                },
                SizeRuns {
                    licenses: 1_000_000,
                    validate: pair(Endpoint::ValidateSpread, 28_000.0, 2000.0),
                    activate: pair(Endpoint::Activate, 900.0, 9000.0),
                },
            ],
        }
    }

    fn report(sqlite: DatabaseRuns, postgres: Result<DatabaseRuns, String>) -> Report {
        Report { date: "2026-11-21".into(), cores: 2, wrk: "wrk debian/4.1.0-3+b2 [epoll]".into(), sqlite, postgres }
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0.4), "0");
        assert_eq!(thousands(999.6), "1,000");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(12_345.4), "12,345");
        assert_eq!(millis(1520.0), "1.52 ms");
    }

    #[test]
    fn goals_pass_and_fail_at_their_thresholds() {
        let passing = sqlite(30_000.0, 3000.0, 1000.0).goals();
        assert_eq!(passing.len(), 7, "{passing:?}");
        assert!(passing.iter().all(|g| g.verdict == Some(true)), "{passing:?}");
        assert_eq!(passing[0].measured, "0.75× (30,000 / 40,000 requests/s)");
        assert_eq!(passing[1].measured, "1.50× (3.00 ms / 2.00 ms)");
        assert_eq!(passing[2].measured, "0.50× (1,000/s / 2,000 commits/s)");
        assert_eq!(passing[4].goal, "`POST /api/v1/validate` at 1,000,000 within 1.3× of at 1,000 licenses");
        assert_eq!(passing[4].measured, "0.80× → 0.70× `/api/v1/keys`: a slowdown of 1.14");
        assert_eq!(passing[6].measured, "48.8 MiB → 52.7 MiB (+8.0 %)");

        let mut failing = sqlite(29_999.0, 3001.0, 999.0);
        failing.pairs[3].run.requests_per_second = 999.0;
        failing.sizes[1].validate.run.requests_per_second = 24_000.0;
        failing.sizes[1].activate.run.requests_per_second = 700.0;
        failing.soak.as_mut().unwrap().last_kib = 55_001;
        let goals = failing.goals();
        assert!(goals.iter().all(Goal::missed), "{goals:?}");
    }

    #[test]
    fn writes_on_settings_that_are_not_durable_have_no_verdict() {
        let mut runs = sqlite(30_000.0, 1000.0, 500.0);
        runs.facts.durable = false;
        runs.facts.settings = "fsync=on, synchronous_commit=off".into();
        let goals = runs.goals();
        let activation = goals.iter().find(|g| g.goal.starts_with("`POST /api/v1/activations`")).unwrap();
        assert_eq!(activation.verdict, None);
        assert!(activation.measured.contains("not durable: fsync=on, synchronous_commit=off"), "{activation:?}");
    }

    #[test]
    fn the_section_has_each_endpoint_the_goals_and_how_to_reproduce() {
        let section = report(sqlite(32_000.0, 2500.0, 1200.0), Ok(sqlite(31_000.0, 2800.0, 3000.0))).section();
        assert!(section.starts_with(HEADING), "{section}");
        assert!(
            section.contains(
                "| `POST /api/v1/validate`: an activated machine | 32,000 | 0.80 ms | 2.50 ms | keys 40,000 | 0.80× | 50.0 MiB |"
            ),
            "{section}"
        );
        assert!(section.contains("| `POST /api/v1/activations`: a new machine each | 1,200 |"), "{section}");
        assert!(
            section.contains("| durable-commit limit: one-row `INSERT … COMMIT`, 32 connections | 2,000 |"),
            "{section}"
        );
        assert!(section.contains("| `POST /api/v1/validate`, 1,000,000 licenses | 28,000 |"), "{section}");
        assert!(section.contains("its first 10 s and at 52.7 MiB in its last 10 s"), "{section}");
        assert!(
            section.contains("| `POST /api/v1/validate` | 20,000 | 3.00 ms | 24,000 | 4.00 ms | 1.20× |"),
            "{section}"
        );
        assert!(
            section.contains("20,000 lookups/s through sqlx's `Any` driver, 25,000 through the engine's own (1.25×)"),
            "{section}"
        );
        assert!(section.contains("2026-11-21 (UTC), 2 cores (`nproc`), wrk debian/4.1.0-3+b2 [epoll]"), "{section}");
        assert!(section.contains("`cargo xtask bench portal`"), "{section}");
        assert!(!section.contains("FAIL") && !section.contains("Missed"), "{section}");
        assert!(!section.contains("wrk's timeout"), "{section}");
    }

    #[test]
    fn missed_goals_and_a_skipped_postgres_are_said_plainly() {
        let section =
            report(sqlite(4_000.0, 9000.0, 600.0), Err("PostgreSQL at 127.0.0.1:5432 is unavailable".into())).section();
        assert!(section.contains("### PostgreSQL: SKIPPED"), "{section}");
        assert!(section.contains("**Not measured**: PostgreSQL at 127.0.0.1:5432 is unavailable."), "{section}");
        assert_eq!(section.matches("| **FAIL** |").count(), 3, "{section}");
        assert!(section.contains("Missed: validate ≥ 0.75 × `/api/v1/keys` on SQLite; "), "{section}");
    }

    #[test]
    fn responses_slower_than_the_timeout_are_noted() {
        let mut runs = sqlite(20_000.0, 2500.0, 1200.0);
        runs.pairs[2].run.timeouts = 3;
        let section = report(runs, Err("down".into())).section();
        assert!(section.contains("3 responses took over 10 s (wrk's timeout)"), "{section}");
    }
}
