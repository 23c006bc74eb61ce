//! Rate-limit counters shared by every portal process through Redis (`--redis-url`).
//!
//! Each limit counts in a fixed window per key: one Lua script increments the key's counter and,
//! on the first count, sets the window's expiry, atomically, so N processes share one limit. Keys
//! are hashed (an address or an e-mail never reaches Redis) and prefixed `tessera:limit:`.
//!
//! When Redis does not answer (not reached at start, gone at run time, or slower than
//! [`ANSWER_WITHIN`]) the portal never fails a request for it: [`Shared::count`] answers `None`
//! and the caller counts in its own process, as without Redis; the outage is logged loudly (at
//! most every [`WARN_EVERY`]), counted in `tessera_rate_limit_redis_errors_total` and shown by
//! `tessera_rate_limit_redis_up 0`. A lost connection is made again in the background.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use crate::error::{Error, Result};
use crate::telemetry::Metrics;

/// How long a count may take before the process counts by itself instead.
pub const ANSWER_WITHIN: Duration = Duration::from_millis(500);

/// How long connecting may take.
const CONNECT_WITHIN: Duration = Duration::from_secs(2);

/// How often a missing connection is tried again.
const RECONNECT_EVERY: Duration = Duration::from_secs(5);

/// How often an outage is logged.
pub const WARN_EVERY: Duration = Duration::from_secs(30);

/// Counts one hit of `KEYS[1]`; the window (`ARGV[1]` ms) starts at the first. Answers the count
/// and the milliseconds left in the window.
const COUNT: &str = r"
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {count, left}
";

/// What Redis said of one hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Allowed,
    /// Over the limit: seconds until the window ends.
    Refused(u64),
}

/// The connection to Redis and what the portal tells of it.
pub struct Shared {
    client: redis::Client,
    connection: Mutex<Option<ConnectionManager>>,
    connecting: AtomicBool,
    started: Instant,
    /// Milliseconds since `started` of the last connection attempt and the last warning.
    last_attempt: AtomicI64,
    last_warning: AtomicI64,
    script: redis::Script,
    metrics: Arc<Metrics>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").finish_non_exhaustive()
    }
}

impl Shared {
    /// Counters at `url` (`redis://host:port/db`, `rediss://` for TLS); refuses a URL that
    /// does not parse. Tries to connect once (up to 2 s), then again in the background when
    /// needed: a portal starts even when Redis is down.
    pub async fn connect(url: &str, metrics: Arc<Metrics>) -> Result<Arc<Self>> {
        let client = redis::Client::open(url)
            .map_err(|e| Error::Internal(format!("the Redis URL {} is not valid: {e}", redact(url))))?;
        let shared = Arc::new(Self {
            client,
            connection: Mutex::new(None),
            connecting: AtomicBool::new(false),
            started: Instant::now(),
            last_attempt: AtomicI64::new(i64::MIN / 2),
            last_warning: AtomicI64::new(i64::MIN / 2),
            script: redis::Script::new(COUNT),
            metrics,
        });
        shared.metrics.set_gauge("tessera_rate_limit_redis_up", String::new(), 0);
        shared.last_attempt.store(shared.millis(), Ordering::Relaxed);
        shared.try_connect().await;
        Ok(shared)
    }

    /// Counts one hit of `key` in limit `name` (`limit` hits a `window`); `None` when Redis did
    /// not answer, and the caller must count by itself.
    pub async fn count(self: &Arc<Self>, name: &str, key: &str, limit: u32, window: Duration) -> Option<Count> {
        let Some(mut connection) = self.connection.lock().ok().and_then(|c| c.clone()) else {
            self.reconnect();
            self.failed("not connected");
            return None;
        };
        let window_ms = i64::try_from(window.as_millis()).unwrap_or(i64::MAX).max(1);
        let mut invocation = self.script.key(redis_key(name, key));
        invocation.arg(window_ms);
        let answer = tokio::time::timeout(ANSWER_WITHIN, invocation.invoke_async::<(i64, i64)>(&mut connection)).await;
        match answer {
            Ok(Ok((count, left_ms))) => {
                self.metrics.set_gauge("tessera_rate_limit_redis_up", String::new(), 1);
                if count <= i64::from(limit) {
                    Some(Count::Allowed)
                } else {
                    // Rounded up: a client waiting this long gets through.
                    let seconds = u64::try_from(left_ms.max(1)).unwrap_or(1).div_ceil(1000);
                    Some(Count::Refused(seconds.max(1)))
                }
            }
            Ok(Err(error)) => {
                self.failed(&error.to_string());
                None
            }
            Err(_) => {
                self.failed(&format!("no answer within {} ms", ANSWER_WITHIN.as_millis()));
                None
            }
        }
    }

    /// Counts and tells of a count Redis did not make.
    fn failed(&self, why: &str) {
        self.metrics.increment("tessera_rate_limit_redis_errors_total", String::new());
        self.metrics.set_gauge("tessera_rate_limit_redis_up", String::new(), 0);
        let now = self.millis();
        let last = self.last_warning.load(Ordering::Relaxed);
        if now - last >= millis(WARN_EVERY)
            && self.last_warning.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            tracing::error!(
                error = why,
                "Redis does not answer: rate limits are counted in each process until it does"
            );
        }
    }

    /// Starts connecting in the background, unless connected, connecting, or tried lately.
    fn reconnect(self: &Arc<Self>) {
        if self.connection.lock().map(|c| c.is_some()).unwrap_or(true) {
            return;
        }
        let now = self.millis();
        if now - self.last_attempt.load(Ordering::Relaxed) < millis(RECONNECT_EVERY)
            || self.connecting.swap(true, Ordering::AcqRel)
        {
            return;
        }
        self.last_attempt.store(now, Ordering::Relaxed);
        let shared = Arc::clone(self);
        tokio::spawn(async move {
            shared.try_connect().await;
            shared.connecting.store(false, Ordering::Release);
        });
    }

    /// Connects once; a connection made reconnects by itself when Redis goes and comes back.
    async fn try_connect(&self) {
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(CONNECT_WITHIN))
            .set_response_timeout(Some(ANSWER_WITHIN))
            .set_number_of_retries(1);
        let connecting = ConnectionManager::new_with_config(self.client.clone(), config);
        match tokio::time::timeout(CONNECT_WITHIN, connecting).await {
            Ok(Ok(connection)) => {
                if let Ok(mut slot) = self.connection.lock() {
                    *slot = Some(connection);
                }
                self.metrics.set_gauge("tessera_rate_limit_redis_up", String::new(), 1);
                tracing::info!("rate limits are shared through Redis");
            }
            Ok(Err(error)) => self.failed(&error.to_string()),
            Err(_) => self.failed(&format!("no connection within {} s", CONNECT_WITHIN.as_secs())),
        }
    }

    fn millis(&self) -> i64 {
        i64::try_from(self.started.elapsed().as_millis()).unwrap_or(i64::MAX)
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// The Redis key of `key` in limit `name`: hashed, so no address or e-mail is stored there.
fn redis_key(name: &str, key: &str) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(key.as_bytes());
    format!("tessera:limit:{name}:{}", data_encoding::HEXLOWER.encode(&digest[..16]))
}

/// A Redis URL fit for logs: its password, if any, replaced.
#[must_use]
pub fn redact(url: &str) -> String {
    crate::config::redact_url(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_hashed_and_kept_apart_by_limit() {
        let key = redis_key("keys", "203.0.113.7");
        assert!(key.starts_with("tessera:limit:keys:"), "{key}");
        assert!(!key.contains("203.0.113.7"), "{key}");
        assert_ne!(key, redis_key("sign_in", "203.0.113.7"));
        assert_eq!(key, redis_key("keys", "203.0.113.7"));
    }
}
