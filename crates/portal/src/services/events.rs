//! The event log: every change is recorded by the service that makes it, in its transaction,
//! with who made it and what it was before and after.

use crate::domain::{Actor, CustomerId, EventKind, LicenseId, OrderId};
use crate::error::{Error, Result};
use crate::store::events::{self, Event, NewEvent};
use crate::store::{Conn, Pool};

/// A change to record.
#[derive(Debug)]
pub struct Change<'a> {
    pub kind: EventKind,
    pub at: i64,
    /// What it is about, as people quote it: an order reference, a serial.
    pub subject: &'a str,
    pub customer_id: Option<&'a CustomerId>,
    pub order_id: Option<&'a OrderId>,
    pub license_id: Option<&'a LicenseId>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl Change<'_> {
    /// A change to `license`, from `before` to `after`, happening now.
    pub fn about_license<'a>(
        kind: EventKind,
        license: &'a crate::store::licenses::License,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Change<'a> {
        Change {
            kind,
            at: crate::store::now(),
            subject: license.serial.as_str(),
            customer_id: Some(&license.customer_id),
            order_id: None,
            license_id: Some(&license.id),
            before,
            after,
        }
    }
}

/// Appends `change`, made by `actor` (from its address, when it came over the network).
pub async fn record(conn: &mut Conn, actor: &Actor, change: &Change<'_>) -> Result<()> {
    let new = NewEvent {
        at: change.at,
        actor: actor.as_str(),
        source_ip: actor.source_ip(),
        kind: change.kind,
        customer_id: change.customer_id.map(CustomerId::as_str),
        license_id: change.license_id.map(LicenseId::as_str),
        order_id: change.order_id.map(OrderId::as_str),
        subject: change.subject,
        before_state: change.before.as_ref().map(serde_json::Value::to_string),
        after_state: change.after.as_ref().map(serde_json::Value::to_string),
    };
    events::append(conn, &new).await?;
    Ok(())
}

/// A page of the log read from a cursor.
#[derive(Debug)]
pub struct EventPage {
    pub events: Vec<Event>,
    /// The cursor of the next page, when this one was full.
    pub next: Option<String>,
}

/// Most events a page read from a cursor holds.
pub const MAX_PAGE: i64 = 500;

/// Up to `limit` events (1 to [`MAX_PAGE`]) after the event `after`, at or after `since`, of
/// `kind`, oldest first.
pub async fn after(
    pool: &Pool,
    since: Option<i64>,
    kind: Option<EventKind>,
    after: Option<&str>,
    limit: i64,
) -> Result<EventPage> {
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(Error::BadRequest(format!("{limit} is not a page size the portal takes (1 to {MAX_PAGE})")));
    }
    let events = events::after(pool, since, kind, after, limit).await?;
    let full = i64::try_from(events.len()).unwrap_or(i64::MAX) == limit;
    let next = if full { events.last().map(|event| event.id.clone()) } else { None };
    Ok(EventPage { events, next })
}

/// The newest `limit` events about license `id`, newest first.
pub async fn recent_of_license(pool: &Pool, id: &LicenseId, limit: i64) -> Result<Vec<Event>> {
    events::recent_of_license(pool, id.as_str(), limit).await
}

/// The newest `limit` events about customer `id`, newest first.
pub async fn recent_of_customer(pool: &Pool, id: &CustomerId, limit: i64) -> Result<Vec<Event>> {
    events::recent_of_customer(pool, id.as_str(), limit).await
}
