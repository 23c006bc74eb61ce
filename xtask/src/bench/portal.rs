//! `cargo xtask bench portal`: the licensing server as a real process under wrk's load, on
//! embedded SQLite and on PostgreSQL, each endpoint paired with a trivial one of the same
//! server in the same run. Writes the `## Portal: API under load` section.
//!
//! Why wrk rather than a load generator of our own: it is the measuring stick the figures in
//! RECIPES.md were taken with, its C event loop costs the shared cores little per request,
//! and what it cannot do (sign) does not have to happen during the run. xtask makes every
//! signed request beforehand (tessera-core, as the License Manager would: thousands of new
//! machines' activation requests, refreshes with fresh nonces and machine signatures) and
//! `xtask/bench/portal.lua` replays them, one buffered read or table lookup per request.

mod http;
mod machines;
mod report;
mod requests;
pub(super) mod seed;
pub(super) mod server;
mod wrk;

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;

use report::{DatabaseRuns, Pair, Report};
use requests::{Endpoint, Requests};
use server::{PortalProcess, PostgresDatabase};
use wrk::{Reuse, Run};

use crate::Result;
use crate::process::{self, cargo, phase};
use crate::report as markdown;

/// Activated machines that validate and refresh cycle over.
const PREPARED_MACHINES: u64 = 256;
/// Once-only requests (activations, refreshes) made for a run; more if a run used them all.
const FIRST_ONCE_ONLY_REQUESTS: usize = 40_000;
/// Runs of an endpoint, the first included, before giving up on making enough requests.
const ATTEMPTS: usize = 3;

/// The databases the portal runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Database {
    Sqlite,
    Postgres,
}

impl Database {
    fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        }
    }

    fn setup(self) -> &'static str {
        match self {
            Self::Sqlite => "embedded, in the data dir",
            Self::Postgres => "local server on 127.0.0.1:5432, a fresh database",
        }
    }

    fn folder(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

pub fn run() -> Result {
    wrk::program()?;
    phase("Build: cargo build --release -p tessera-portal");
    process::run(cargo().args(["build", "--release", "-p", "tessera-portal"]))?;
    let target = process::target_dir()?;
    let work = target.join("bench-portal");
    if work.exists() {
        fs::remove_dir_all(&work).map_err(|e| format!("cannot empty {}: {e}", work.display()))?;
    }
    let bench = Bench {
        binary: target.join("release").join("tessera-portal"),
        script: process::workspace_root().join("xtask").join("bench").join("portal.lua"),
        work,
        runtime: tokio::runtime::Runtime::new()?,
    };

    let sqlite = bench.database(Database::Sqlite, None)?;
    let postgres = match bench.runtime.block_on(PostgresDatabase::create()) {
        Ok(database) => {
            let runs = bench.database(Database::Postgres, Some(&database.url));
            drop(database);
            Ok(runs?)
        }
        Err(why) => {
            println!("\n!!! SKIPPED: the PostgreSQL half of the portal benchmark: {why}");
            if std::env::var("TESSERA_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                return Err(format!("PostgreSQL is required (TESSERA_REQUIRE_POSTGRES=1): {why}").into());
            }
            Err(why)
        }
    };

    let report = Report {
        date: chrono::Utc::now().format("%Y-%m-%d").to_string(),
        cores: thread::available_parallelism().map_or(0, usize::from),
        wrk: wrk::version().unwrap_or_else(|| "wrk".into()),
        sqlite,
        postgres,
    };
    let doc = process::workspace_root().join(super::BENCHMARKS_DOC);
    markdown::write_section(&doc, super::INTRO, report::HEADING, &report.section())?;
    phase(&format!("Portal goals (written to {})", super::BENCHMARKS_DOC));
    let goals = report.goals();
    for goal in &goals {
        let verdict = match goal.verdict {
            Some(true) => "pass",
            Some(false) => "FAIL",
            None => "n/a",
        };
        println!("{verdict:>4}  {} on {}: {}", goal.goal, goal.database, goal.measured);
    }
    if report.postgres.is_err() {
        println!("SKIPPED: PostgreSQL (see above)");
    }
    let missed = goals.iter().filter(|goal| goal.missed()).count();
    if missed == 0 { Ok(()) } else { Err(format!("the portal missed {missed} of its {} goals", goals.len()).into()) }
}

/// What every database's runs share.
struct Bench {
    binary: PathBuf,
    script: PathBuf,
    work: PathBuf,
    runtime: tokio::runtime::Runtime,
}

impl Bench {
    /// Starts a portal on `database` and measures every endpoint against it.
    fn database(&self, database: Database, url: Option<&str>) -> Result<DatabaseRuns> {
        let dir = self.work.join(database.folder());
        fs::create_dir_all(&dir)?;
        let data_dir = dir.join("data");
        phase(&format!("Portal on {}: a fresh data dir in {}", database.name(), dir.display()));
        let mut portal = PortalProcess::start(&self.binary, &data_dir, url, dir.join("portal.log"))?;
        let url =
            url.map_or_else(|| tessera_portal::Config::for_data_dir(data_dir.clone()).database_url(), str::to_owned);
        let seeded = self.runtime.block_on(seed::seed(&url))?;
        println!("listening on {}; {} ({})", portal.url(), seeded.database.version, seeded.database.settings);
        let mut requests = Requests::prepare(portal.address, &seeded, PREPARED_MACHINES)
            .map_err(|e| format!("{e}; see {}", portal.log.display()))?;
        println!("{PREPARED_MACHINES} machines activated; every endpoint answers as expected");

        let healthz = dir.join(Endpoint::Healthz.slug());
        wrk::write_requests(&healthz, Reuse::Cycle, &requests.make(Endpoint::Healthz, 1)?)?;
        // The portal's database pool opens connections as load arrives (a PostgreSQL one
        // forks a server process): the first database-bound run would pay for them. Warm up.
        let validate = dir.join(Endpoint::Validate.slug());
        wrk::write_requests(&validate, Reuse::Cycle, &requests.make(Endpoint::Validate, 1)?)?;
        self.load(&mut portal, Endpoint::Validate, &validate, wrk::WARM_UP_SECONDS, "warm-up")?;
        wrk::remove_requests(&validate);

        let mut pairs = Vec::new();
        let seats = || self.runtime.block_on(seed::seats_taken(&url, &seeded.license_id));
        for endpoint in [Endpoint::Keys, Endpoint::Validate, Endpoint::Activate, Endpoint::Refresh] {
            pairs.push(self.pair(&mut portal, &mut requests, &healthz, endpoint, &seats)?);
        }
        drop(portal);
        fs::remove_dir_all(&dir)?;
        Ok(DatabaseRuns { name: database.name(), setup: database.setup(), facts: seeded.database, pairs })
    }

    /// A run of `/healthz`, then one of `endpoint`; again with more requests if the
    /// once-only ones ran out. `seats()` counts the seats taken on the benchmark license.
    fn pair(
        &self,
        portal: &mut PortalProcess,
        requests: &mut Requests,
        healthz: &Path,
        endpoint: Endpoint,
        seats: &dyn Fn() -> Result<u64>,
    ) -> Result<Pair> {
        let path = healthz.with_file_name(endpoint.slug());
        let mut count = FIRST_ONCE_ONLY_REQUESTS;
        for _ in 0..ATTEMPTS {
            wrk::write_requests(&path, endpoint.reuse(), &requests.make(endpoint, count)?)?;
            let baseline = self.load(portal, Endpoint::Healthz, healthz, wrk::SECONDS, "")?;
            let seats_before = seats()?;
            let run = self.load(portal, endpoint, &path, wrk::SECONDS, "")?;
            wrk::remove_requests(&path);
            if run.wraps == 0 {
                let pair = Pair { endpoint, healthz: baseline, run };
                check_seats(&pair, seats()? - seats_before)?;
                return Ok(pair);
            }
            count = (count * 2).max((run.requests_per_second * f64::from(wrk::SECONDS) * 1.5) as usize);
            println!("  {} ran out of once-only requests: again with {count}", endpoint.slug());
        }
        Err(format!("{} kept running out of requests after {ATTEMPTS} attempts", endpoint.slug()).into())
    }

    /// One wrk run of `seconds`; fails if a response was an error or the portal died.
    fn load(
        &self,
        portal: &mut PortalProcess,
        endpoint: Endpoint,
        requests: &Path,
        seconds: u32,
        note: &str,
    ) -> Result<Run> {
        let run = wrk::run(&self.script, &portal.url(), requests, endpoint.reuse(), seconds)?;
        let line = format!(
            "  {:<10} {:>9.0} requests/s   p50 {:>7.2} ms   p99 {:>7.2} ms   {note}",
            endpoint.slug(),
            run.requests_per_second,
            run.p50_us / 1000.0,
            run.p99_us / 1000.0
        );
        println!("{}", line.trim_end());
        let log = portal.log.display().to_string();
        if !portal.is_running() {
            return Err(format!("the portal stopped during the {} run; see {log}", endpoint.slug()).into());
        }
        match run.problem() {
            // Not the endpoint's figures, but the caller runs it again with more requests.
            _ if run.wraps > 0 => Ok(run),
            Some(problem) => {
                Err(format!("{}: {problem}: the figures would not be the endpoint's; see {log}", endpoint.slug())
                    .into())
            }
            None => Ok(run),
        }
    }
}

/// Every activation a run completed took a new seat (a re-activation takes none), and
/// nothing else did; requests still in flight when wrk stopped may have taken one more each.
fn check_seats(pair: &Pair, seats: u64) -> Result {
    let expected = if pair.endpoint == Endpoint::Activate { pair.run.requests } else { 0 };
    let in_flight = if pair.endpoint == Endpoint::Activate { wrk::CONNECTIONS as u64 } else { 0 };
    if (expected..=expected + in_flight).contains(&seats) {
        Ok(())
    } else {
        Err(format!(
            "the {} run took {seats} seats for {} completed requests: not one new machine per activation",
            pair.endpoint.slug(),
            pair.run.requests
        )
        .into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(endpoint: Endpoint, requests: u64) -> Pair {
        let run = Run {
            requests,
            requests_per_second: requests as f64 / 10.0,
            p50_us: 1000.0,
            p99_us: 9000.0,
            error_statuses: 0,
            socket_errors: 0,
            timeouts: 0,
            wraps: 0,
        };
        Pair { endpoint, healthz: run.clone(), run }
    }

    #[test]
    fn every_completed_activation_takes_a_seat_give_or_take_those_in_flight() {
        let activate = pair(Endpoint::Activate, 12_000);
        assert!(check_seats(&activate, 12_000).is_ok());
        assert!(check_seats(&activate, 12_000 + wrk::CONNECTIONS as u64).is_ok());
        assert!(check_seats(&activate, 11_999).is_err(), "a re-activation took no seat");
        assert!(check_seats(&activate, 12_033).is_err());
    }

    #[test]
    fn other_endpoints_take_no_seat() {
        assert!(check_seats(&pair(Endpoint::Refresh, 5_000), 0).is_ok());
        assert!(check_seats(&pair(Endpoint::Validate, 5_000), 1).is_err());
    }
}
