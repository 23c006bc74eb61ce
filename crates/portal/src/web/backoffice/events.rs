//! The event log: who changed what, when and from where, newest first, filtered by customer,
//! license serial, actor, kind and days; and the same selection as a CSV file.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::super::{Page, Pager, WebError, encode_path, render};
use super::{Frame, StaffVisit};
use crate::domain::{EventKind, Text};
use crate::services::events::{self, LogFilter, LogQuery, Refusal};
use crate::state::AppState;
use crate::store::{self, Paged, events::Event};

/// The filter form, as the address carries it (every field may be missing or blank).
#[derive(Debug, Default, Deserialize)]
pub struct LogForm {
    #[serde(default)]
    customer: Text<254>,
    #[serde(default)]
    serial: Text<64>,
    #[serde(default)]
    actor: Text<320>,
    #[serde(default)]
    kind: Text<64>,
    #[serde(default)]
    from: Text<16>,
    #[serde(default)]
    to: Text<16>,
    page: Option<i64>,
}

impl LogForm {
    fn query(&self) -> LogQuery<'_> {
        LogQuery {
            customer: &self.customer,
            serial: &self.serial,
            actor: &self.actor,
            kind: &self.kind,
            from: &self.from,
            to: &self.to,
        }
    }

    /// The filter's fields that are filled in, as a query string (without `page`).
    fn encoded(&self) -> String {
        [
            ("customer", self.customer.as_str()),
            ("serial", self.serial.as_str()),
            ("actor", self.actor.as_str()),
            ("kind", self.kind.as_str()),
            ("from", self.from.as_str()),
            ("to", self.to.as_str()),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(name, value)| format!("{name}={}", encode_path(value.trim())))
        .collect::<Vec<_>>()
        .join("&")
    }

    /// This filter's address at `path`, with more parameters after it.
    fn href(&self, path: &str, more: &str) -> String {
        let query = [self.encoded(), more.to_owned()].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>();
        if query.is_empty() { path.to_owned() } else { format!("{path}?{}", query.join("&")) }
    }
}

/// The catalogue's message naming a kind of event.
fn kind_key(kind: EventKind) -> String {
    format!("bo-events-kind-{}", kind.code().replace('_', "-"))
}

/// A kind of event as people read it (the code is what the log and the export hold).
fn kind_label(page: &Page, kind: EventKind) -> String {
    page.t(&kind_key(kind))
}

/// A state as the log stores it (a JSON object), shortened for a table cell: `status: active,
/// reason: …`, a time (`…_at`, `…_until`, Unix seconds) as its day; anything else as it is.
fn compact(state: &str) -> String {
    let is_time = |name: &str| name.ends_with("_at") || name.ends_with("_until");
    match serde_json::from_str::<serde_json::Value>(state) {
        Ok(serde_json::Value::Object(fields)) => fields
            .iter()
            .filter(|(_, value)| !value.is_null())
            .map(|(name, value)| match value {
                serde_json::Value::String(text) => format!("{name}: {text}"),
                serde_json::Value::Number(n) if is_time(name) && n.is_i64() => {
                    format!("{name}: {}", crate::domain::day::iso(n.as_i64().unwrap_or_default()))
                }
                other => format!("{name}: {other}"),
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => state.to_owned(),
    }
}

#[derive(Template)]
#[template(path = "backoffice/events.html")]
struct EventsPage {
    frame: Frame,
    form: LogForm,
    /// Each kind's code and label, for the select.
    kinds: Vec<(&'static str, String)>,
    events: Vec<Event>,
    pager: Option<Pager>,
    /// Why the filter was refused.
    problem: Option<String>,
    csv: String,
}

impl EventsPage {
    fn kind(&self, kind: &EventKind) -> String {
        kind_label(&self.frame.page, *kind)
    }

    /// What changed, compactly: `before → after`, or the one there is.
    fn change(&self, event: &Event) -> String {
        match (&event.before_state, &event.after_state) {
            (Some(before), Some(after)) => format!("{} → {}", compact(before), compact(after)),
            (Some(before), None) => format!("{} → –", compact(before)),
            (None, Some(after)) => compact(after),
            (None, None) => String::new(),
        }
    }

    /// The instant, as a machine reads it (for `<time datetime>`).
    fn instant(&self, at: &i64) -> String {
        rfc3339(*at)
    }
}

fn rfc3339(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map_or_else(|| at.to_string(), |t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// The refusal in the page's language.
fn refused(page: &Page, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Customer(text) => page.t1("bo-events-bad-customer", "customer", text),
        Refusal::Serial(text) => page.t1("bo-events-bad-serial", "serial", text),
        Refusal::Kind(text) => page.t1("bo-events-bad-kind", "kind", text),
        Refusal::From(text) => page.t1("bo-events-bad-from", "day", text),
        Refusal::To(text) => page.t1("bo-events-bad-to", "day", text),
        Refusal::Range => page.t("bo-events-bad-range"),
    }
}

/// The log, one page, newest first; a filter that cannot hold is said on the page (400).
pub async fn log(
    State(state): State<AppState>,
    visit: StaffVisit,
    Query(form): Query<LogForm>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "events", &form.href("/admin/events", ""));
    let kinds = EventKind::ALL.iter().map(|kind| (kind.code(), kind_label(&frame.page, *kind))).collect();
    let csv = form.href("/admin/events.csv", "");
    let (events, pager, problem) = match events::log_filter(&state.pool, &form.query()).await? {
        Ok(filter) => {
            let Paged { rows, at } = events::log_page(&state.pool, &filter, form.page).await?;
            let pager = frame.page.pager(at, |n| form.href("/admin/events", &format!("page={n}")));
            (rows, pager, None)
        }
        Err(refusal) => (Vec::new(), None, Some(refused(&frame.page, &refusal))),
    };
    let status = if problem.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let mut response = render(&EventsPage { frame, form, kinds, events, pager, problem, csv })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The events the filter selects as CSV, newest first, at most [`events::EXPORT_LIMIT`] (the
/// newest; the header `Tessera-Export-Truncated` says when there were more). A filter that
/// cannot hold is the log's page with the reason (400).
pub async fn export(
    State(state): State<AppState>,
    visit: StaffVisit,
    Query(form): Query<LogForm>,
) -> Result<Response, WebError> {
    let filter: LogFilter = match events::log_filter(&state.pool, &form.query()).await? {
        Ok(filter) => filter,
        Err(_) => return log(State(state), visit, Query(form)).await,
    };
    let (rows, truncated) = events::export(&state.pool, &filter).await?;
    let mut csv = String::with_capacity(128 * (rows.len() + 1));
    push_row(&mut csv, &HEADER);
    for event in &rows {
        push_row(
            &mut csv,
            &[
                &event.id,
                &rfc3339(event.at),
                event.kind.code(),
                &event.actor,
                event.source_ip.as_deref().unwrap_or_default(),
                event.customer_id.as_deref().unwrap_or_default(),
                event.license_id.as_deref().unwrap_or_default(),
                event.order_id.as_deref().unwrap_or_default(),
                &event.subject,
                event.before_state.as_deref().unwrap_or_default(),
                event.after_state.as_deref().unwrap_or_default(),
            ],
        );
    }
    let filename = format!("attachment; filename=\"events-{}.csv\"", crate::domain::day::iso(store::now()));
    let mut response = ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&filename).map_err(|e| WebError::internal(&e.to_string()))?,
    );
    if truncated {
        headers.insert("tessera-export-truncated", HeaderValue::from(events::EXPORT_LIMIT));
    }
    Ok(response)
}

/// The export's columns.
const HEADER: [&str; 11] =
    ["id", "at", "kind", "actor", "source_ip", "customer_id", "license_id", "order_id", "subject", "before", "after"];

/// Appends one CSV record (RFC 4180: a field holding a comma, a quote or a line break is quoted,
/// its quotes doubled; CRLF ends it). A field a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe.
pub(in crate::web) fn push_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let guarded =
            if field.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{field}") } else { (*field).to_owned() };
        if guarded.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&guarded.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&guarded);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_they_must_and_formulas_are_defused() {
        let mut out = String::new();
        push_row(&mut out, &["plain", "a,b", "say \"hi\"", "two\nlines", "=1+2", "-3", "@SUM(A1)", "+x", ""]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+2,'-3,'@SUM(A1),'+x,\r\n");
    }

    #[test]
    fn every_kind_of_event_has_a_label_in_every_language() {
        for language in tessera_i18n::Language::ALL {
            let localizer = tessera_i18n::Localizer::new(language);
            let missing: Vec<String> =
                EventKind::ALL.iter().map(|kind| kind_key(*kind)).filter(|key| !localizer.has(key)).collect();
            assert!(missing.is_empty(), "{}: {missing:?}", language.code());
        }
    }

    #[test]
    fn a_state_is_shown_as_its_fields() {
        assert_eq!(compact(r#"{"status":"suspended"}"#), "status: suspended");
        let two = compact(r#"{"status":"failed","attempts":3}"#);
        assert!(two.contains("status: failed") && two.contains("attempts: 3") && two.contains(", "), "{two}");
        assert_eq!(compact(r#"{"status":"active","reason":null}"#), "status: active");
        assert_eq!(compact(r#"{"expires_at":86400,"users":3}"#), "expires_at: 1970-01-02, users: 3");
        assert_eq!(compact("not json"), "not json");
    }
}
