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

mod commits;
mod dataset;
mod drivers;
mod http;
mod machines;
mod memory;
mod report;
mod requests;
pub(super) mod seed;
pub(super) mod server;
mod wrk;

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;

use memory::Sample;
use report::{DatabaseRuns, Pair, Processes, Report, SizeRuns, Soak};
use requests::{Endpoint, Requests};
use seed::Seeded;
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
/// Generated licenses of the size runs: the small data set, then the large one.
const SMALL_SET: u64 = 1_000;
const LARGE_SET: u64 = 1_000_000;
/// Generated licenses that validate cycles over in the size runs.
const SPREAD_SAMPLES: u64 = 4_096;
/// Portal processes of the scale-out runs (PostgreSQL).
const SCALE_OUT: usize = 3;
/// Length of each driver's run of the validation lookup.
const DRIVER_SECONDS: u64 = 5;
/// Length of the run that watches the portal's memory.
const SOAK_SECONDS: u32 = 60;

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

    let sqlite = bench.database(Database::Sqlite, None, None)?;
    let databases = bench
        .runtime
        .block_on(async { Ok::<_, String>((PostgresDatabase::create().await?, PostgresDatabase::create().await?)) });
    let postgres = match databases {
        Ok((main, sizes)) => {
            let runs = bench.database(Database::Postgres, Some(&main.url), Some(&sizes.url));
            drop((main, sizes));
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
    /// Starts a portal on `database` and measures every endpoint against it; then the size
    /// runs on a second portal and database (`sizes_url`, else SQLite in a data dir of its own).
    fn database(&self, database: Database, url: Option<&str>, sizes_url: Option<&str>) -> Result<DatabaseRuns> {
        let dir = self.work.join(database.folder());
        fs::create_dir_all(&dir)?;
        phase(&format!("Portal on {}: a fresh data dir in {}", database.name(), dir.display()));
        let (mut portal, url, seeded, mut requests) = self.start(&dir, url, PREPARED_MACHINES)?;
        println!("listening on {}; {} ({})", portal.url(), seeded.database.version, seeded.database.settings);
        println!("{PREPARED_MACHINES} machines activated; every endpoint answers as expected");
        self.warm_up(&mut portal, &mut requests, &dir, Endpoint::Validate)?;

        let commit_limit = self.runtime.block_on(commits::limit(&url, wrk::CONNECTIONS, wrk::SECONDS))?;
        println!("  {:<10} {commit_limit:>9.0} commits/s (one-row INSERT, its own transaction)", "commits");
        let fingerprint = requests.first_fingerprint();
        let lookup = (seeded.activation_key.as_str(), seed::PRODUCT, fingerprint.as_str());
        let drivers = self.runtime.block_on(drivers::compare(&url, wrk::CONNECTIONS, DRIVER_SECONDS, lookup))?;
        println!(
            "  {:<10} {:>9.0} lookups/s through Any, {:.0} through the engine's own driver",
            "drivers", drivers.any, drivers.native
        );

        let mut pairs = Vec::new();
        let seats = || self.runtime.block_on(seed::seats_taken(&url, &seeded.license_id));
        for endpoint in [Endpoint::Keys, Endpoint::Validate, Endpoint::Activate, Endpoint::Refresh] {
            pairs.push(self.pair(&mut portal, &mut requests, &dir, endpoint, &seats)?);
        }
        let soak = self.soak(&mut portal, &mut requests, &dir)?;
        let processes = match database {
            Database::Postgres => Some(self.processes(&mut portal, &mut requests, &dir, &url, &seats)?),
            Database::Sqlite => None,
        };
        drop(portal);
        fs::remove_dir_all(&dir)?;
        let sizes = self.sizes(database, sizes_url)?;
        Ok(DatabaseRuns {
            name: database.name(),
            setup: database.setup(),
            facts: seeded.database,
            commit_limit,
            drivers,
            pairs,
            soak: Some(soak),
            processes,
            sizes,
        })
    }

    /// A portal on a fresh data dir in `dir` (and database `url`, else SQLite in the data dir),
    /// seeded, `machines` activated, and the baseline requests written.
    fn start(&self, dir: &Path, url: Option<&str>, machines: u64) -> Result<(PortalProcess, String, Seeded, Requests)> {
        let data_dir = dir.join("data");
        let portal = PortalProcess::start(&self.binary, &data_dir, url, dir.join("portal.log"))?;
        let url =
            url.map_or_else(|| tessera_portal::Config::for_data_dir(data_dir.clone()).database_url(), str::to_owned);
        let seeded = self.runtime.block_on(seed::seed(&url))?;
        let mut requests = Requests::prepare(portal.address, &seeded, machines)
            .map_err(|e| format!("{e}; see {}", portal.log.display()))?;
        for endpoint in [Endpoint::Healthz, Endpoint::Keys] {
            wrk::write_requests(&dir.join(endpoint.slug()), Reuse::Cycle, &requests.make(endpoint, 1)?)?;
        }
        Ok((portal, url, seeded, requests))
    }

    /// A run of `endpoint` that is not recorded: the database pool opens connections as load
    /// arrives (a PostgreSQL one forks a server process), and caches fill.
    fn warm_up(&self, portal: &mut PortalProcess, requests: &mut Requests, dir: &Path, endpoint: Endpoint) -> Result {
        let path = dir.join(endpoint.slug());
        wrk::write_requests(&path, Reuse::Cycle, &requests.make(endpoint, 1)?)?;
        self.load(portal, endpoint, &path, wrk::WARM_UP_SECONDS, "warm-up")?;
        wrk::remove_requests(&path);
        Ok(())
    }

    /// validate for [`SOAK_SECONDS`], watching the portal's memory.
    fn soak(&self, portal: &mut PortalProcess, requests: &mut Requests, dir: &Path) -> Result<Soak> {
        let path = dir.join("soak");
        wrk::write_requests(&path, Reuse::Cycle, &requests.make(Endpoint::Validate, 1)?)?;
        let (run, samples) = self.load(portal, Endpoint::Validate, &path, SOAK_SECONDS, "the long run")?;
        wrk::remove_requests(&path);
        let end = f64::from(SOAK_SECONDS);
        let window = |from: f64, to: f64| memory::peak(&samples, from, to).ok_or("no RSS reading in the long run");
        let soak = Soak {
            seconds: SOAK_SECONDS,
            endpoint: Endpoint::Validate,
            run,
            first_kib: window(0.0, 10.0)?,
            last_kib: window(end - 10.0, end + 5.0)?,
        };
        println!("  RSS {} KiB in the first 10 s, {} KiB in the last 10 s", soak.first_kib, soak.last_kib);
        Ok(soak)
    }

    /// validate and activation through `portal` alone, then through it and two more portal
    /// processes on the same database (and signing key), one wrk each.
    fn processes(
        &self,
        portal: &mut PortalProcess,
        requests: &mut Requests,
        dir: &Path,
        url: &str,
        seats: &dyn Fn() -> Result<u64>,
    ) -> Result<Processes> {
        phase(&format!("The same database behind {SCALE_OUT} portal processes"));
        let key = dir.join("data").join("signing-key.secret");
        let mut others = Vec::new();
        for number in 2..=SCALE_OUT {
            let data_dir = dir.join(format!("data-{number}"));
            fs::create_dir_all(&data_dir)?;
            fs::copy(&key, data_dir.join("signing-key.secret"))?;
            let log = dir.join(format!("portal-{number}.log"));
            others.push(PortalProcess::start(&self.binary, &data_dir, Some(url), log)?);
        }
        let mut measure = |endpoint: Endpoint| -> Result<(Run, Run)> {
            let path = dir.join(endpoint.slug());
            wrk::write_requests(&path, endpoint.reuse(), &requests.make(endpoint, FIRST_ONCE_ONLY_REQUESTS)?)?;
            let (one, _) = self.load(portal, endpoint, &path, wrk::SECONDS, "1 process")?;
            wrk::remove_requests(&path);
            let all = requests.make(endpoint, FIRST_ONCE_ONLY_REQUESTS)?;
            let urls = std::iter::once(portal.url()).chain(others.iter().map(PortalProcess::url));
            let mut targets = Vec::new();
            for (index, url) in urls.enumerate() {
                let share: Vec<Vec<u8>> = match endpoint.reuse() {
                    Reuse::Cycle => all.clone(),
                    Reuse::Once => all.iter().skip(index).step_by(SCALE_OUT).cloned().collect(),
                };
                let prefix = dir.join(format!("{}-{index}", endpoint.slug()));
                wrk::write_requests(&prefix, endpoint.reuse(), &share)?;
                targets.push((url, prefix));
            }
            let seats_before = seats()?;
            let three = wrk::combined(&wrk::run_together(&self.script, &targets, endpoint.reuse(), wrk::SECONDS)?);
            targets.iter().for_each(|(_, prefix)| wrk::remove_requests(prefix));
            println!(
                "  {:<10} {:>9.0} requests/s   p99 {:>7.2} ms   ({SCALE_OUT} processes)",
                endpoint.slug(),
                three.requests_per_second,
                three.p99_us / 1000.0
            );
            if let Some(problem) = three.problem() {
                return Err(format!("{} on {SCALE_OUT} processes: {problem}", endpoint.slug()).into());
            }
            let pair = Pair { endpoint, baseline: one.clone(), run: three.clone(), rss_kib: None };
            check_seats(&pair, seats()? - seats_before)?;
            Ok((one, three))
        };
        let validate = measure(Endpoint::Validate)?;
        let activate = measure(Endpoint::Activate)?;
        for other in &mut others {
            if !other.is_running() {
                return Err(format!("a second portal process stopped; see {}", other.log.display()).into());
            }
        }
        Ok(Processes { count: SCALE_OUT, validate, activate })
    }

    /// validate and activation at [`SMALL_SET`] and at [`LARGE_SET`] generated licenses, on a
    /// portal of their own.
    fn sizes(&self, database: Database, url: Option<&str>) -> Result<Vec<SizeRuns>> {
        let dir = self.work.join(format!("{}-sizes", database.folder()));
        fs::create_dir_all(&dir)?;
        phase(&format!("Portal on {}: data sets of {SMALL_SET} and {LARGE_SET} licenses", database.name()));
        let (mut portal, url, seeded, mut requests) = self.start(&dir, url, 1)?;
        let seats = || self.runtime.block_on(seed::seats_taken(&url, &seeded.license_id));
        let mut runs = Vec::new();
        let mut generated = 0;
        for size in [SMALL_SET, LARGE_SET] {
            requests.spread = self.runtime.block_on(dataset::grow(&url, generated, size, SPREAD_SAMPLES))?;
            generated = size;
            requests.check_spread().map_err(|e| format!("{e}; see {}", portal.log.display()))?;
            println!("{size} licenses; generated ones validate");
            self.warm_up(&mut portal, &mut requests, &dir, Endpoint::ValidateSpread)?;
            let validate = self.pair(&mut portal, &mut requests, &dir, Endpoint::ValidateSpread, &seats)?;
            let activate = self.pair(&mut portal, &mut requests, &dir, Endpoint::Activate, &seats)?;
            runs.push(SizeRuns { licenses: size, validate, activate });
        }
        drop(portal);
        fs::remove_dir_all(&dir)?;
        Ok(runs)
    }

    /// A run of the endpoint's baseline (`/healthz` for `/api/v1/keys`, else `/api/v1/keys`,
    /// written in `dir` by [`Self::start`]), then one of `endpoint`; again with more requests
    /// if the once-only ones ran out. `seats()` counts the seats taken on the benchmark license.
    fn pair(
        &self,
        portal: &mut PortalProcess,
        requests: &mut Requests,
        dir: &Path,
        endpoint: Endpoint,
        seats: &dyn Fn() -> Result<u64>,
    ) -> Result<Pair> {
        let base = if endpoint == Endpoint::Keys { Endpoint::Healthz } else { Endpoint::Keys };
        // Not the baseline's own file, which every pair reads.
        let path = dir.join(format!("{}-run", endpoint.slug()));
        let mut count = FIRST_ONCE_ONLY_REQUESTS;
        for _ in 0..ATTEMPTS {
            wrk::write_requests(&path, endpoint.reuse(), &requests.make(endpoint, count)?)?;
            let (baseline, _) = self.load(portal, base, &dir.join(base.slug()), wrk::SECONDS, "")?;
            let seats_before = seats()?;
            let (run, samples) = self.load(portal, endpoint, &path, wrk::SECONDS, "")?;
            wrk::remove_requests(&path);
            if run.wraps == 0 {
                let pair = Pair { endpoint, baseline, run, rss_kib: memory::peak(&samples, 0.0, f64::MAX) };
                check_seats(&pair, seats()? - seats_before)?;
                return Ok(pair);
            }
            count = (count * 2).max((run.requests_per_second * f64::from(wrk::SECONDS) * 1.5) as usize);
            println!("  {} ran out of once-only requests: again with {count}", endpoint.slug());
        }
        Err(format!("{} kept running out of requests after {ATTEMPTS} attempts", endpoint.slug()).into())
    }

    /// One wrk run of `seconds`, with the portal's RSS read all along; fails if a response
    /// was an error or the portal died.
    fn load(
        &self,
        portal: &mut PortalProcess,
        endpoint: Endpoint,
        requests: &Path,
        seconds: u32,
        note: &str,
    ) -> Result<(Run, Vec<Sample>)> {
        let sampler = memory::Sampler::start(portal.pid());
        let run = wrk::run(&self.script, &portal.url(), requests, endpoint.reuse(), seconds);
        let samples = sampler.stop();
        let run = run?;
        let line = format!(
            "  {:<10} {:>9.0} requests/s   p50 {:>7.2} ms   p99 {:>7.2} ms   RSS {:>7} KiB   {note}",
            endpoint.slug(),
            run.requests_per_second,
            run.p50_us / 1000.0,
            run.p99_us / 1000.0,
            memory::peak(&samples, 0.0, f64::MAX).unwrap_or_default(),
        );
        println!("{}", line.trim_end());
        let log = portal.log.display().to_string();
        if !portal.is_running() {
            return Err(format!("the portal stopped during the {} run; see {log}", endpoint.slug()).into());
        }
        match run.problem() {
            // Not the endpoint's figures, but the caller runs it again with more requests.
            _ if run.wraps > 0 => Ok((run, samples)),
            Some(problem) => {
                Err(format!("{}: {problem}: the figures would not be the endpoint's; see {log}", endpoint.slug())
                    .into())
            }
            None => Ok((run, samples)),
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
        Pair { endpoint, baseline: run.clone(), run, rss_kib: None }
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
