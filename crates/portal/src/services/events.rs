//! The event log: every change is recorded by the service that makes it, in its transaction,
//! with who made it and what it was before and after.

use crate::domain::{Actor, CustomerId, Email, EventKind, LicenseId, OrderId, Serial, day};
use crate::error::{Error, Result};
use crate::store::events::{self, Event, NewEvent, Order};
use crate::store::paging::Paged;
use crate::store::{self, Conn, Pool};

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
    events::append(conn, &row(actor, change)).await?;
    Ok(())
}

/// The log's row of `change` made by `actor`, for a store function that appends it itself.
pub fn row<'a>(actor: &'a Actor, change: &'a Change<'_>) -> NewEvent<'a> {
    NewEvent {
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
    }
}

/// The back office's filter of the log, as typed in its form (every field may be blank).
#[derive(Debug, Default)]
pub struct LogQuery<'a> {
    /// A customer's e-mail, or their id (`cus_…`).
    pub customer: &'a str,
    pub serial: &'a str,
    pub actor: &'a str,
    pub kind: &'a str,
    /// The first day, `YYYY-MM-DD`.
    pub from: &'a str,
    /// The last day, `YYYY-MM-DD` (included).
    pub to: &'a str,
}

/// Why a filter of the log was refused: each names what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No customer has this e-mail or id.
    Customer(String),
    /// Not a serial, or no license has it.
    Serial(String),
    /// Not a kind of event.
    Kind(String),
    /// The first day is not a day like 2026-03-01.
    From(String),
    /// The last day is not a day like 2026-03-01.
    To(String),
    /// The first day is after the last.
    Range,
}

/// A filter of the log, checked and resolved to ids.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LogFilter {
    pub customer_id: Option<CustomerId>,
    pub license_id: Option<LicenseId>,
    pub actor: Option<String>,
    pub kind: Option<EventKind>,
    /// At or after, Unix seconds.
    pub since: Option<i64>,
    /// Before, Unix seconds (the midnight after the last day).
    pub until: Option<i64>,
}

impl LogFilter {
    fn store(&self) -> events::Filter<'_> {
        events::Filter {
            customer_id: self.customer_id.as_ref().map(CustomerId::as_str),
            license_id: self.license_id.as_ref().map(LicenseId::as_str),
            actor: self.actor.as_deref(),
            kind: self.kind,
            since: self.since,
            until: self.until,
        }
    }
}

const DAY: i64 = 86_400;

/// Checks `query` and looks up the customer and the license it names; `Ok(Err(_))` says which
/// field was refused.
pub async fn log_filter(pool: &Pool, query: &LogQuery<'_>) -> Result<Result<LogFilter, Refusal>> {
    let typed = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    let mut filter = LogFilter { actor: typed(query.actor), ..LogFilter::default() };
    if let Some(kind) = typed(query.kind) {
        match EventKind::parse(&kind) {
            Ok(kind) => filter.kind = Some(kind),
            Err(_) => return Ok(Err(Refusal::Kind(kind))),
        }
    }
    if let Some(from) = typed(query.from) {
        match day::midnight(&from) {
            Some(at) => filter.since = Some(at),
            None => return Ok(Err(Refusal::From(from))),
        }
    }
    if let Some(to) = typed(query.to) {
        match day::midnight(&to) {
            Some(at) => filter.until = Some(at + DAY),
            None => return Ok(Err(Refusal::To(to))),
        }
    }
    if let (Some(since), Some(until)) = (filter.since, filter.until)
        && since >= until
    {
        return Ok(Err(Refusal::Range));
    }
    let mut conn = store::acquire(pool).await?;
    if let Some(customer) = typed(query.customer) {
        let id = if customer.contains('@') {
            store::customers::id_by_email(&mut conn, &Email::normalized(&customer)).await?
        } else {
            let id = CustomerId::new(customer.as_str());
            store::customers::exists(&mut conn, &id).await?.then_some(id)
        };
        match id {
            Some(id) => filter.customer_id = Some(id),
            None => return Ok(Err(Refusal::Customer(customer))),
        }
    }
    if let Some(serial) = typed(query.serial) {
        let license = match Serial::parse("serial", &serial) {
            Ok(parsed) => store::licenses::by_serial(&mut conn, &parsed).await?,
            Err(_) => None,
        };
        match license {
            Some(license) => filter.license_id = Some(license.id),
            None => return Ok(Err(Refusal::Serial(serial))),
        }
    }
    Ok(Ok(filter))
}

/// One page of the events `filter` selects, newest first.
pub async fn log_page(pool: &Pool, filter: &LogFilter, requested: Option<i64>) -> Result<Paged<Event>> {
    events::page_in(pool, &filter.store(), Order::NewestFirst, requested).await
}

/// Most events an export holds: the newest of them.
pub const EXPORT_LIMIT: i64 = 100_000;

/// The events `filter` selects, newest first, at most [`EXPORT_LIMIT`]; and whether there
/// were more.
pub async fn export(pool: &Pool, filter: &LogFilter) -> Result<(Vec<Event>, bool)> {
    let mut rows = events::list(pool, &filter.store(), Order::NewestFirst, EXPORT_LIMIT + 1).await?;
    let more = i64::try_from(rows.len()).unwrap_or(i64::MAX) > EXPORT_LIMIT;
    rows.truncate(usize::try_from(EXPORT_LIMIT).unwrap_or(usize::MAX));
    Ok((rows, more))
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
        return Err(Error::BadRequest(format!("{limit} is not a page size the portal takes (1 to {MAX_PAGE})").into()));
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
