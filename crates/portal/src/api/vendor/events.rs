//! The vendor API's event log: what happened, oldest first, read a page at a time from a
//! cursor, so a CRM that polls sees every event once.

use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Vendor, read_time, time};
use crate::api::AppJson;
use crate::domain::{EventKind, Scope};
use crate::error::{ErrorBody, Result};
use crate::services::events;
use crate::state::AppState;
use crate::store::events::Event;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// Which events.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// Only events at or after this time (RFC 3339 or `YYYY-MM-DD`).
    pub since: Option<String>,
    /// Only events after this one: the `next` of the previous page.
    pub after: Option<String>,
    /// Only this kind, e.g. `payment_recorded`.
    pub kind: Option<String>,
    /// Events per page, 1 to 500; 100 when absent.
    pub limit: Option<i64>,
}

/// One event.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventBody {
    pub id: String,
    pub at: String,
    /// `cli`, `staff:<e-mail>`, `api:<token name>`, `customer:<id>`, `machine:<id>`, `system`.
    pub actor: String,
    pub source_ip: Option<String>,
    pub kind: String,
    /// What it is about as people quote it: an order reference, a serial.
    pub subject: String,
    pub customer_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// A page of events.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventsBody {
    pub events: Vec<EventBody>,
    /// Pass as `after` for the next page; `null` when this page is the last one so far.
    pub next: Option<String>,
}

fn body(event: Event) -> EventBody {
    let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    EventBody {
        at: time(event.at),
        actor: event.actor,
        source_ip: event.source_ip,
        kind: event.kind.code().to_owned(),
        subject: event.subject,
        customer_id: event.customer_id,
        before: json(event.before_state),
        after: json(event.after_state),
        id: event.id,
    }
}

/// The event log, oldest first: every change by staff, the vendor API, customers and the
/// portal itself, never edited.
#[utoipa::path(get, path = "/api/v1/admin/events", tag = "vendor", params(EventsQuery),
    security(("vendor_token" = ["events"])),
    responses((status = 200, body = EventsBody),
              (status = 400, description = "BAD_REQUEST: a time, kind or limit the portal does not take", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `events`", body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    vendor: Vendor,
    Query(query): Query<EventsQuery>,
) -> Result<AppJson<EventsBody>> {
    vendor.may(Scope::Events)?;
    let since = query.since.as_deref().map(|s| read_time("since", s)).transpose()?;
    let kind = query.kind.as_deref().map(EventKind::parse).transpose()?;
    let limit = query.limit.unwrap_or(100);
    let page = events::after(&state.pool, since, kind, query.after.as_deref(), limit).await?;
    Ok(AppJson(EventsBody { next: page.next, events: page.events.into_iter().map(body).collect() }))
}
