//! The `## Portal: API under load` section of docs/benchmarks.md: the figures of each
//! database, and the goals with pass or fail.

use super::requests::Endpoint;
use super::seed::DatabaseFacts;
use super::wrk::{self, Run};

pub const HEADING: &str = "## Portal: API under load";

/// validate must serve at least this share of the trivial endpoint's requests/s...
const VALIDATE_MIN_RATIO: f64 = 0.30;
/// ... with a 99th percentile latency under this many milliseconds.
const VALIDATE_MAX_P99_MS: f64 = 5.0;
/// Activations per second on durable settings.
const ACTIVATE_MIN_PER_SECOND: f64 = 1000.0;

/// How the report names an endpoint.
fn label(endpoint: Endpoint) -> &'static str {
    match endpoint {
        Endpoint::Healthz => "`GET /healthz`: trivial, unsigned (the baseline)",
        Endpoint::Keys => "`GET /api/v1/keys`: trivial, signed",
        Endpoint::Validate => "`POST /api/v1/validate`: an activated machine",
        Endpoint::Activate => "`POST /api/v1/activations`: a new machine each",
        Endpoint::Refresh => "`POST /api/v1/refresh`: machine-signed, a fresh nonce each",
    }
}

/// A run of an endpoint, and the run of `/healthz` on the same server just before it.
#[derive(Debug, Clone)]
pub struct Pair {
    pub endpoint: Endpoint,
    pub healthz: Run,
    pub run: Run,
}

impl Pair {
    /// Requests/s of the endpoint over those of its `/healthz` run.
    pub fn ratio(&self) -> f64 {
        self.run.requests_per_second / self.healthz.requests_per_second
    }
}

/// Every pair measured on one database.
#[derive(Debug, Clone)]
pub struct DatabaseRuns {
    /// `SQLite` or `PostgreSQL`, and how the portal reaches it.
    pub name: &'static str,
    pub setup: &'static str,
    pub facts: DatabaseFacts,
    pub pairs: Vec<Pair>,
}

impl DatabaseRuns {
    fn pair(&self, endpoint: Endpoint) -> Option<&Pair> {
        self.pairs.iter().find(|pair| pair.endpoint == endpoint)
    }

    /// The goals as measured here.
    pub fn goals(&self) -> Vec<Goal> {
        let mut goals = Vec::new();
        if let Some(validate) = self.pair(Endpoint::Validate) {
            goals.push(Goal {
                goal: format!("validate ≥ {VALIDATE_MIN_RATIO:.2} × `/healthz`"),
                database: self.name,
                measured: format!(
                    "{:.2}× ({} / {} requests/s)",
                    validate.ratio(),
                    thousands(validate.run.requests_per_second),
                    thousands(validate.healthz.requests_per_second)
                ),
                verdict: Some(validate.ratio() >= VALIDATE_MIN_RATIO),
            });
            let p99_ms = validate.run.p99_us / 1000.0;
            goals.push(Goal {
                goal: format!("validate p99 < {VALIDATE_MAX_P99_MS} ms at {} connections", wrk::CONNECTIONS),
                database: self.name,
                measured: format!("{p99_ms:.2} ms"),
                verdict: Some(p99_ms < VALIDATE_MAX_P99_MS),
            });
        }
        if let Some(activate) = self.pair(Endpoint::Activate) {
            let rate = activate.run.requests_per_second;
            goals.push(Goal {
                goal: format!("activation ≥ {}/s on durable settings", thousands(ACTIVATE_MIN_PER_SECOND)),
                database: self.name,
                measured: if self.facts.durable {
                    format!("{}/s ({})", thousands(rate), self.facts.settings)
                } else {
                    format!("{}/s, but not on durable settings ({})", thousands(rate), self.facts.settings)
                },
                verdict: self.facts.durable.then_some(rate >= ACTIVATE_MIN_PER_SECOND),
            });
        }
        goals
    }

    fn table(&self) -> String {
        let mut table = format!(
            "### {} ({}; {}, {})\n\n\
             | endpoint | requests/s | p50 | p99 | its `/healthz` run, requests/s | ratio to `/healthz` |\n\
             |---|---:|---:|---:|---:|---:|\n",
            self.name, self.setup, self.facts.version, self.facts.settings
        );
        let row = |name: &str, run: &Run, healthz: &str, ratio: f64| {
            format!(
                "| {name} | {} | {} | {} | {healthz} | {ratio:.2}× |\n",
                thousands(run.requests_per_second),
                millis(run.p50_us),
                millis(run.p99_us)
            )
        };
        if let Some(first) = self.pairs.first() {
            table.push_str(&row(label(Endpoint::Healthz), &first.healthz, "—", 1.0));
        }
        for pair in &self.pairs {
            table.push_str(&row(
                label(pair.endpoint),
                &pair.run,
                &thousands(pair.healthz.requests_per_second),
                pair.ratio(),
            ));
        }
        let runs = self.pairs.iter().flat_map(|pair| [(Endpoint::Healthz, &pair.healthz), (pair.endpoint, &pair.run)]);
        for (endpoint, run) in runs.filter(|(_, run)| run.timeouts > 0) {
            table.push_str(&format!(
                "\n{}: {} responses took over {} s (wrk's timeout) and are left out of its percentiles.\n",
                label(endpoint).split(':').next().unwrap_or_default(),
                run.timeouts,
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
- Ratios: each endpoint runs right after a run of `GET /healthz` on the same server, and its ratio
  is to that run: `/healthz` is the trivial endpoint of the goals. `GET /api/v1/keys`, trivial but
  signed (the portal signs every `/api/v1` response), is a second baseline. The `/healthz` row is
  the run before `/api/v1/keys`. p50 and p99 are wrk's latency percentiles.

",
            threads = wrk::THREADS,
            connections = wrk::CONNECTIONS,
            seconds = wrk::SECONDS,
            warm_up = wrk::WARM_UP_SECONDS,
            cores = self.cores,
            machines = super::PREPARED_MACHINES,
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
        Pair { endpoint, healthz: run(40_000.0, 300.0, 900.0), run: run(rate, 800.0, p99_us) }
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
            pairs: vec![
                pair(Endpoint::Keys, 30_000.0, 1500.0),
                pair(Endpoint::Validate, validate, validate_p99_us),
                pair(Endpoint::Activate, activate, 40_000.0),
                pair(Endpoint::Refresh, 900.0, 60_000.0),
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
        let passing = sqlite(12_000.0, 4999.0, 1000.0).goals();
        assert_eq!(passing.len(), 3);
        assert!(passing.iter().all(|g| g.verdict == Some(true)), "{passing:?}");
        assert_eq!(passing[0].measured, "0.30× (12,000 / 40,000 requests/s)");

        let failing = sqlite(11_999.0, 5000.0, 999.0).goals();
        assert!(failing.iter().all(Goal::missed), "{failing:?}");
    }

    #[test]
    fn activation_on_settings_that_are_not_durable_has_no_verdict() {
        let mut runs = sqlite(12_000.0, 1000.0, 500.0);
        runs.facts.durable = false;
        runs.facts.settings = "fsync=on, synchronous_commit=off".into();
        let goal = runs.goals().pop().unwrap();
        assert_eq!(goal.verdict, None);
        assert!(goal.measured.contains("not on durable settings (fsync=on, synchronous_commit=off)"));
    }

    #[test]
    fn the_section_has_each_endpoint_the_goals_and_how_to_reproduce() {
        let section = report(sqlite(20_000.0, 2500.0, 1200.0), Ok(sqlite(16_000.0, 3000.0, 3000.0))).section();
        assert!(section.starts_with(HEADING), "{section}");
        assert!(
            section.contains(
                "| `GET /healthz`: trivial, unsigned (the baseline) | 40,000 | 0.30 ms | 0.90 ms | — | 1.00× |"
            ),
            "{section}"
        );
        assert!(
            section.contains(
                "| `POST /api/v1/validate`: an activated machine | 20,000 | 0.80 ms | 2.50 ms | 40,000 | 0.50× |"
            ),
            "{section}"
        );
        assert!(section.contains("| `POST /api/v1/activations`: a new machine each | 1,200 |"), "{section}");
        assert!(section.contains("| activation ≥ 1,000/s on durable settings | SQLite | 1,200/s (journal_mode=WAL, synchronous=FULL) | pass |"), "{section}");
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
        assert!(section.contains("Missed: validate ≥ 0.30 × `/healthz` on SQLite; "), "{section}");
    }

    #[test]
    fn responses_slower_than_the_timeout_are_noted() {
        let mut runs = sqlite(20_000.0, 2500.0, 1200.0);
        runs.pairs[2].run.timeouts = 3;
        let section = report(runs, Err("down".into())).section();
        assert!(
            section.contains("`POST /api/v1/activations`: 3 responses took over 10 s (wrk's timeout)"),
            "{section}"
        );
    }
}
