//! `/metrics` in Prometheus text format: request counts by route and status, the jobs' leases,
//! the shared rate limits' Redis, and seat gauges.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::Result;
use crate::state::AppState;
use crate::store;

/// Counters and gauges, by metric name and label set. Counts only: nothing here identifies a
/// customer.
#[derive(Debug, Default)]
pub struct Metrics {
    counters: Mutex<BTreeMap<(&'static str, String), u64>>,
    gauges: Mutex<BTreeMap<(&'static str, String), i64>>,
}

impl Metrics {
    /// Adds one to a counter.
    pub fn increment(&self, name: &'static str, labels: String) {
        if let Ok(mut counters) = self.counters.lock() {
            *counters.entry((name, labels)).or_default() += 1;
        }
    }

    /// Sets a gauge.
    pub fn set_gauge(&self, name: &'static str, labels: String, value: i64) {
        if let Ok(mut gauges) = self.gauges.lock() {
            gauges.insert((name, labels), value);
        }
    }

    fn render(&self, out: &mut String) {
        if let Ok(counters) = self.counters.lock() {
            render_family(out, "counter", &counters);
        }
        if let Ok(gauges) = self.gauges.lock() {
            render_family(out, "gauge", &gauges);
        }
    }
}

/// Writes one kind of metrics, a `# TYPE` line before each name.
fn render_family<V: std::fmt::Display>(out: &mut String, kind: &str, values: &BTreeMap<(&'static str, String), V>) {
    let mut last = "";
    for ((name, labels), value) in values {
        if *name != last {
            let _ = writeln!(out, "# TYPE {name} {kind}");
            last = name;
        }
        let _ = writeln!(out, "{name}{{{labels}}} {value}");
    }
}

/// Middleware: counts every request by its route template (never the raw path) and status.
pub async fn count_requests(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str).to_owned();
    let method = request.method().as_str().to_owned();
    let response = next.run(request).await;
    state.metrics.increment(
        "tessera_http_requests_total",
        format!("method=\"{method}\",route=\"{route}\",status=\"{}\"", response.status().as_u16()),
    );
    response
}

/// The Prometheus scrape.
pub async fn scrape(State(state): State<AppState>) -> Result<Response> {
    let mut out = String::new();
    state.metrics.render(&mut out);
    out.push_str("# TYPE tessera_licenses gauge\n# TYPE tessera_seats_used gauge\n");
    for (status, count, used) in store::licenses::counts_by_status(&state.pool).await? {
        let _ = writeln!(out, "tessera_licenses{{status=\"{status}\"}} {count}");
        let _ = writeln!(out, "tessera_seats_used{{status=\"{status}\"}} {used}");
    }
    Ok(([(axum::http::header::CONTENT_TYPE, "text/plain; version=0.0.4")], out).into_response())
}
