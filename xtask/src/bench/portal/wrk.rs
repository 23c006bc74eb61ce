//! wrk: one load run against a URL, and the figures read back from its report.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;
use crate::process;

/// wrk threads; the requests files are split in as many parts.
pub const THREADS: usize = 2;
/// Connections kept open, shared by the threads.
pub const CONNECTIONS: usize = 32;
/// Length of one measured run.
pub const SECONDS: u32 = 10;
/// Length of the warm-up run before the measured ones.
pub const WARM_UP_SECONDS: u32 = 3;
/// Responses slower than this are counted apart and left out of the percentiles by wrk
/// (its default, 2 s, is within reach of a loaded SQLite writer's queue).
pub const TIMEOUT_SECONDS: u32 = 10;

/// Whether a run may send the same request more than once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reuse {
    /// Repeat the requests for as long as the run lasts.
    Cycle,
    /// Send each request at most once (a new machine, a fresh nonce).
    Once,
}

impl Reuse {
    fn arg(self) -> &'static str {
        match self {
            Self::Cycle => "cycle",
            Self::Once => "once",
        }
    }
}

/// What one run measured. Latencies in microseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub requests: u64,
    pub requests_per_second: f64,
    pub p50_us: f64,
    pub p99_us: f64,
    /// Responses with a status above 399.
    pub error_statuses: u64,
    /// Connect, read and write errors.
    pub socket_errors: u64,
    /// Responses slower than [`TIMEOUT_SECONDS`].
    pub timeouts: u64,
    /// How many times a thread ran out of once-only requests and started them over.
    pub wraps: u64,
}

impl Run {
    /// Why the run's figures cannot be trusted, if they cannot.
    pub fn problem(&self) -> Option<String> {
        if self.requests == 0 {
            Some("no request completed".into())
        } else if self.error_statuses > 0 {
            Some(format!("{} responses had an error status", self.error_statuses))
        } else if self.socket_errors > 0 {
            Some(format!("{} socket errors", self.socket_errors))
        } else if self.wraps > 0 {
            Some(format!("the once-only requests ran out ({} restarts)", self.wraps))
        } else {
            None
        }
    }
}

/// Writes `requests` for `portal.lua` in `<prefix>.0`, `<prefix>.1`, ... (one file per
/// thread) as records `<byte count>\n<request>`: every thread gets them all to cycle over, or
/// a share of its own for requests to send once.
pub fn write_requests(prefix: &Path, reuse: Reuse, requests: &[Vec<u8>]) -> Result {
    for thread in 0..THREADS {
        let mut bytes = Vec::new();
        let share = requests.iter().enumerate().filter(|(index, _)| reuse == Reuse::Cycle || index % THREADS == thread);
        for (_, request) in share {
            bytes.extend_from_slice(format!("{}\n", request.len()).as_bytes());
            bytes.extend_from_slice(request);
        }
        let path = thread_file(prefix, thread);
        fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

fn thread_file(prefix: &Path, thread: usize) -> PathBuf {
    let mut name = prefix.as_os_str().to_owned();
    name.push(format!(".{thread}"));
    PathBuf::from(name)
}

/// Removes what [`write_requests`] wrote.
pub fn remove_requests(prefix: &Path) {
    for thread in 0..THREADS {
        let _ = fs::remove_file(thread_file(prefix, thread));
    }
}

/// Loads `url` for `seconds` with the requests in `requests.0`, `requests.1`, ... through `script`.
pub fn run(script: &Path, url: &str, requests: &Path, reuse: Reuse, seconds: u32) -> Result<Run> {
    let output = command(script, url, requests, reuse, seconds, CONNECTIONS)?
        .output()
        .map_err(|e| format!("cannot start wrk: {e}"))?;
    report(&output)
}

/// Loads every server of `targets` (a URL and its requests) at once, one wrk each, the
/// [`CONNECTIONS`] shared between them; their runs, in the same order.
pub fn run_together(script: &Path, targets: &[(String, PathBuf)], reuse: Reuse, seconds: u32) -> Result<Vec<Run>> {
    let connections = (CONNECTIONS / targets.len().max(1)).max(THREADS);
    let children = targets
        .iter()
        .map(|(url, requests)| {
            let mut command = command(script, url, requests, reuse, seconds, connections)?;
            let child = command
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start wrk: {e}"))?;
            Ok(child)
        })
        .collect::<Result<Vec<_>>>()?;
    children.into_iter().map(|child| report(&child.wait_with_output()?)).collect()
}

/// The sum of runs made at the same time: requests added, the slowest percentiles.
pub fn combined(runs: &[Run]) -> Run {
    let sum = |field: fn(&Run) -> u64| runs.iter().map(field).sum();
    let slowest = |field: fn(&Run) -> f64| runs.iter().map(field).fold(0.0, f64::max);
    Run {
        requests: sum(|run| run.requests),
        requests_per_second: runs.iter().map(|run| run.requests_per_second).sum(),
        p50_us: slowest(|run| run.p50_us),
        p99_us: slowest(|run| run.p99_us),
        error_statuses: sum(|run| run.error_statuses),
        socket_errors: sum(|run| run.socket_errors),
        timeouts: sum(|run| run.timeouts),
        wraps: sum(|run| run.wraps),
    }
}

fn command(
    script: &Path,
    url: &str,
    requests: &Path,
    reuse: Reuse,
    seconds: u32,
    connections: usize,
) -> Result<Command> {
    let mut command = Command::new(program()?);
    command
        .arg(format!("-t{THREADS}"))
        .arg(format!("-c{connections}"))
        .arg(format!("-d{seconds}s"))
        .arg(format!("--timeout={TIMEOUT_SECONDS}s"))
        .arg("--latency")
        .arg("-s")
        .arg(script)
        .arg(url)
        .arg("--")
        .arg(requests)
        .arg(reuse.arg());
    Ok(command)
}

/// The figures of a finished wrk.
fn report(output: &std::process::Output) -> Result<Run> {
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(
            format!("wrk failed ({}):\n{stdout}{}", output.status, String::from_utf8_lossy(&output.stderr)).into()
        );
    }
    parse(&stdout).map_err(|e| format!("{e}; wrk said:\n{stdout}").into())
}

/// Where wrk is, or what to do about its absence.
pub fn program() -> Result<PathBuf> {
    process::find_program("wrk")
        .ok_or_else(|| "wrk is not installed: `cargo xtask setup` installs it (Debian package `wrk`)".into())
}

/// wrk's version, e.g. `wrk debian/4.1.0-3+b2 [epoll]`.
pub fn version() -> Option<String> {
    // `wrk -v` prints its version, then complains of the missing URL and fails.
    let output = Command::new(program().ok()?).arg("-v").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let line = text.lines().next()?;
    Some(line.split(" Copyright").next().unwrap_or(line).trim().to_owned())
}

/// Reads wrk's report (run with `--latency` and the script's `done`).
pub fn parse(output: &str) -> Result<Run, String> {
    let mut requests = None;
    let mut requests_per_second = None;
    let mut p50_us = None;
    let mut p99_us = None;
    let mut error_statuses = 0;
    let mut socket_errors = 0;
    let mut timeouts = 0;
    let mut wraps = None;
    for line in output.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [count, "requests", "in", ..] => requests = count.parse().ok(),
            ["Requests/sec:", rate] => requests_per_second = rate.parse().ok(),
            ["50%", time] => p50_us = parse_time_us(time),
            ["99%", time] => p99_us = parse_time_us(time),
            ["Non-2xx", "or", "3xx", "responses:", count] => {
                error_statuses = count.parse().map_err(|_| format!("bad count in `{line}`"))?;
            }
            ["Socket", "errors:", "connect", connect, "read", read, "write", write, "timeout", timeout] => {
                let count = |text: &str| {
                    text.trim_end_matches(',').parse::<u64>().map_err(|_| format!("bad counts in `{line}`"))
                };
                socket_errors = count(connect)? + count(read)? + count(write)?;
                timeouts = count(timeout)?;
            }
            ["tessera-bench:", "wraps", count] => wraps = count.parse().ok(),
            _ => {}
        }
    }
    let missing = |what: &str| format!("wrk's report has no {what}");
    Ok(Run {
        requests: requests.ok_or_else(|| missing("request count"))?,
        requests_per_second: requests_per_second.ok_or_else(|| missing("Requests/sec"))?,
        p50_us: p50_us.ok_or_else(|| missing("50% latency (was --latency given?)"))?,
        p99_us: p99_us.ok_or_else(|| missing("99% latency (was --latency given?)"))?,
        error_statuses,
        socket_errors,
        timeouts,
        wraps: wraps.ok_or_else(|| missing("`tessera-bench: wraps` line (was the script's done() run?)"))?,
    })
}

/// wrk's times: `317.00us`, `1.05ms`, `2.00s`, `1.50m`, `1.00h`.
fn parse_time_us(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let scale = match unit {
        "us" => 1.0,
        "ms" => 1e3,
        "s" => 1e6,
        "m" => 60e6,
        "h" => 3600e6,
        _ => return None,
    };
    number.parse::<f64>().ok().map(|n| n * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLEAN: &str = "Running 10s test @ http://127.0.0.1:41235
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   401.21us  310.52us  12.31ms   93.17%
    Req/Sec    41.27k     2.95k   47.70k    70.50%
  Latency Distribution
     50%  342.00us
     75%  445.00us
     90%  589.00us
     99%    1.52ms
  821337 requests in 10.00s, 96.34MB read
Requests/sec:  82121.86
Transfer/sec:      9.63MB
tessera-bench: wraps 0
";

    #[test]
    fn a_clean_report_gives_the_rate_and_the_percentiles() {
        let run = parse(CLEAN).unwrap();
        assert_eq!(
            run,
            Run {
                requests: 821_337,
                requests_per_second: 82_121.86,
                p50_us: 342.0,
                p99_us: 1520.0,
                error_statuses: 0,
                socket_errors: 0,
                timeouts: 0,
                wraps: 0,
            }
        );
        assert_eq!(run.problem(), None);
    }

    #[test]
    fn error_statuses_socket_errors_timeouts_and_wraps_are_read() {
        let report = CLEAN
            .replace(
                "Requests/sec:",
                "  Socket errors: connect 0, read 3, write 1, timeout 12\n  Non-2xx or 3xx responses: 57\nRequests/sec:",
            )
            .replace("wraps 0", "wraps 2");
        let run = parse(&report).unwrap();
        assert_eq!((run.error_statuses, run.socket_errors, run.timeouts, run.wraps), (57, 4, 12, 2));
        assert!(run.problem().unwrap().contains("57 responses"));
        assert!(Run { error_statuses: 0, ..run.clone() }.problem().unwrap().contains("4 socket errors"));
        assert!(Run { error_statuses: 0, socket_errors: 0, ..run.clone() }.problem().unwrap().contains("ran out"));
        // Slow responses are figures, not errors.
        assert_eq!(Run { error_statuses: 0, socket_errors: 0, wraps: 0, ..run }.problem(), None);
    }

    #[test]
    fn times_in_every_unit_wrk_prints_are_read_in_microseconds() {
        assert_eq!(parse_time_us("317.00us"), Some(317.0));
        assert_eq!(parse_time_us("1.05ms"), Some(1050.0));
        assert_eq!(parse_time_us("2.00s"), Some(2_000_000.0));
        assert_eq!(parse_time_us("1.50m"), Some(90_000_000.0));
        assert_eq!(parse_time_us("1.00h"), Some(3_600_000_000.0));
        assert_eq!(parse_time_us("12.00"), None);
        assert_eq!(parse_time_us("3.00d"), None);
    }

    #[test]
    fn a_report_without_latency_distribution_or_script_line_is_refused() {
        let without_latency = CLEAN.replace("     50%  342.00us\n", "");
        assert!(parse(&without_latency).unwrap_err().contains("50% latency"));
        assert!(parse(&CLEAN.replace("tessera-bench: wraps 0", "")).unwrap_err().contains("wraps"));
    }

    #[test]
    fn requests_are_written_as_counted_records_shared_or_split_between_threads() {
        let dir = std::env::temp_dir().join(format!("xtask-wrk-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let requests = [b"GET /a HTTP/1.1\r\n\r\n".to_vec(), b"B\n2".to_vec(), b"C".to_vec()];
        write_requests(&dir.join("cycle"), Reuse::Cycle, &requests).unwrap();
        write_requests(&dir.join("once"), Reuse::Once, &requests).unwrap();
        let read = |name: &str| fs::read(dir.join(name)).unwrap();
        let all = b"19\nGET /a HTTP/1.1\r\n\r\n3\nB\n21\nC".to_vec();
        assert_eq!((read("cycle.0"), read("cycle.1")), (all.clone(), all));
        assert_eq!(
            (read("once.0"), read("once.1")),
            (b"19\nGET /a HTTP/1.1\r\n\r\n1\nC".to_vec(), b"3\nB\n2".to_vec())
        );
        remove_requests(&dir.join("once"));
        assert!(!dir.join("once.0").exists() && dir.join("cycle.0").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn runs_made_together_add_up_with_the_slowest_percentiles() {
        let one = parse(CLEAN).unwrap();
        let two =
            Run { requests: 100, requests_per_second: 10.0, p50_us: 900.0, p99_us: 1000.0, wraps: 1, ..one.clone() };
        let both = combined(&[one, two]);
        assert_eq!((both.requests, both.requests_per_second), (821_437, 82_131.86));
        assert_eq!((both.p50_us, both.p99_us, both.wraps), (900.0, 1520.0, 1));
    }

    #[test]
    fn a_run_that_completed_nothing_is_untrustworthy() {
        let report = CLEAN.replace("821337 requests", "0 requests");
        assert_eq!(parse(&report).unwrap().problem().as_deref(), Some("no request completed"));
    }
}
