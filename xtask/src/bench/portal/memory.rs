//! The portal's resident memory (RSS) read from `/proc/<pid>/status` while a run loads it.

use std::fs;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How often the sampler reads the RSS.
const EVERY: Duration = Duration::from_millis(250);

/// One reading: seconds since the sampler started, and the RSS in KiB.
pub type Sample = (f64, u64);

/// Reads a process's RSS every [`EVERY`] until stopped.
#[derive(Debug)]
pub struct Sampler {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Vec<Sample>>,
}

impl Sampler {
    pub fn start(pid: u32) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            let started = Instant::now();
            let mut samples = Vec::new();
            while !flag.load(Ordering::Relaxed) {
                if let Some(kib) = rss_kib(pid) {
                    samples.push((started.elapsed().as_secs_f64(), kib));
                }
                thread::sleep(EVERY);
            }
            samples
        });
        Self { stop, thread }
    }

    /// Stops sampling; the readings, oldest first.
    pub fn stop(self) -> Vec<Sample> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap_or_default()
    }
}

/// The `VmRSS` of `pid` in KiB, if the process is there.
pub fn rss_kib(pid: u32) -> Option<u64> {
    parse_rss(&fs::read_to_string(format!("/proc/{pid}/status")).ok()?)
}

fn parse_rss(status: &str) -> Option<u64> {
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The highest reading within `[from, to)` seconds.
pub fn peak(samples: &[Sample], from: f64, to: f64) -> Option<u64> {
    samples.iter().filter(|(at, _)| (from..to).contains(at)).map(|(_, kib)| *kib).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rss_line_is_read_in_kib() {
        let status = "Name:\ttessera-portal\nVmPeak:\t  900 kB\nVmRSS:\t   51234 kB\nRssAnon:\t 1 kB\n";
        assert_eq!(parse_rss(status), Some(51_234));
        assert_eq!(parse_rss("Name:\tx\n"), None);
    }

    #[test]
    fn this_process_has_a_resident_size() {
        assert!(rss_kib(std::process::id()).is_some_and(|kib| kib > 100));
    }

    #[test]
    fn the_peak_is_taken_within_the_window() {
        let samples = [(0.5, 10), (5.0, 30), (9.9, 20), (55.0, 25), (59.0, 40)];
        assert_eq!(peak(&samples, 0.0, 10.0), Some(30));
        assert_eq!(peak(&samples, 50.0, 60.0), Some(40));
        assert_eq!(peak(&samples, 20.0, 30.0), None);
    }
}
