//! The event log: appended in the transaction of the change it records, never updated.

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::statements::{Statement, Value, maybe, text};
use super::{Conn, Pool, new_id};
use crate::domain::EventKind;
use crate::error::Result;

/// An event to append.
#[derive(Debug)]
pub struct NewEvent<'a> {
    pub at: i64,
    pub actor: &'a str,
    pub source_ip: Option<&'a str>,
    pub kind: EventKind,
    pub customer_id: Option<&'a str>,
    pub license_id: Option<&'a str>,
    pub order_id: Option<&'a str>,
    pub subject: &'a str,
    pub before_state: Option<String>,
    pub after_state: Option<String>,
}

/// A new event's id: `evt_`, the time in nanoseconds (16 hex digits), then random symbols,
/// so that the events of one second are listed in the order they happened.
fn event_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
    format!("evt_{nanos:016x}{}", &new_id("")[1..])
}

/// Appends an event: its id, then the fields of [`NewEvent`] in their order.
const INSERT: &str = "INSERT INTO events (id, at, actor, source_ip, kind, customer_id, license_id, \
     order_id, subject, before_state, after_state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

/// Appending `new`, as one of a transaction's [`statements`](super::statements).
pub fn appended<R>(new: &NewEvent<'_>) -> Statement<R> {
    Statement {
        sql: INSERT,
        values: vec![
            Value::Text(event_id()),
            Value::Integer(new.at),
            text(new.actor),
            maybe(new.source_ip),
            text(new.kind.code()),
            maybe(new.customer_id),
            maybe(new.license_id),
            maybe(new.order_id),
            text(new.subject),
            maybe(new.before_state.as_deref()),
            maybe(new.after_state.as_deref()),
        ],
        on_conflict: None,
        on_no_change: None,
    }
}

/// Appends an event.
pub async fn append(conn: &mut Conn, new: &NewEvent<'_>) -> Result<()> {
    sqlx::query(INSERT)
        .bind(event_id())
        .bind(new.at)
        .bind(new.actor)
        .bind(new.source_ip)
        .bind(new.kind.code())
        .bind(new.customer_id)
        .bind(new.license_id)
        .bind(new.order_id)
        .bind(new.subject)
        .bind(new.before_state.as_deref())
        .bind(new.after_state.as_deref())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// An event as the log shows it.
#[derive(Debug, Clone, FromRow)]
pub struct Event {
    pub id: String,
    pub at: i64,
    pub actor: String,
    pub source_ip: Option<String>,
    #[sqlx(try_from = "String")]
    pub kind: EventKind,
    pub customer_id: Option<String>,
    pub license_id: Option<String>,
    pub order_id: Option<String>,
    pub subject: String,
    pub before_state: Option<String>,
    pub after_state: Option<String>,
}

/// Which events: every filter given must hold.
#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub customer_id: Option<&'a str>,
    pub license_id: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub kind: Option<EventKind>,
    /// At or after, Unix seconds.
    pub since: Option<i64>,
    /// Before, Unix seconds.
    pub until: Option<i64>,
}

/// The condition of a filter; the parameters are bound in this order by [`bind_filter`].
const WHERE: &str = "WHERE ($1 IS NULL OR customer_id = $1) AND ($2 IS NULL OR license_id = $2) \
     AND ($3 IS NULL OR actor = $3) AND ($4 IS NULL OR kind = $4) AND ($5 IS NULL OR at >= $5) \
     AND ($6 IS NULL OR at < $6)";

fn bind_filter<'q, O>(
    query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    filter: &Filter<'q>,
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    query
        .bind(filter.customer_id)
        .bind(filter.license_id)
        .bind(filter.actor)
        .bind(filter.kind.map(EventKind::code))
        .bind(filter.since)
        .bind(filter.until)
}

/// The columns of an [`Event`].
const COLUMNS: &str =
    "id, at, actor, source_ip, kind, customer_id, license_id, order_id, subject, before_state, after_state";

/// The order a listing of the log is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// As they happened (the shell's `events`).
    OldestFirst,
    /// The latest first (the back office's log and its export).
    NewestFirst,
}

impl Order {
    fn sql(self) -> &'static str {
        match self {
            Self::OldestFirst => "ORDER BY at, id",
            Self::NewestFirst => "ORDER BY at DESC, id DESC",
        }
    }
}

/// One page of the events `filter` selects, oldest first.
pub async fn page(pool: &Pool, filter: &Filter<'_>, requested: Option<i64>) -> Result<Paged<Event>> {
    page_in(pool, filter, Order::OldestFirst, requested).await
}

/// One page of the events `filter` selects, in `order`.
pub async fn page_in(pool: &Pool, filter: &Filter<'_>, order: Order, requested: Option<i64>) -> Result<Paged<Event>> {
    let (count,): (i64,) =
        bind_filter(sqlx::query_as(&format!("SELECT COUNT(*) FROM events {WHERE}")), filter).fetch_one(pool).await?;
    paged(requested, count, |at| async move {
        Ok(bind_filter(
            sqlx::query_as(&format!("SELECT {COLUMNS} FROM events {WHERE} {} LIMIT $7 OFFSET $8", order.sql())),
            filter,
        )
        .bind(PER_PAGE)
        .bind(at.offset())
        .fetch_all(pool)
        .await?)
    })
    .await
}

/// Up to `limit` of the events `filter` selects, in `order` (an export).
pub async fn list(pool: &Pool, filter: &Filter<'_>, order: Order, limit: i64) -> Result<Vec<Event>> {
    Ok(bind_filter(sqlx::query_as(&format!("SELECT {COLUMNS} FROM events {WHERE} {} LIMIT $7", order.sql())), filter)
        .bind(limit)
        .fetch_all(pool)
        .await?)
}

/// Up to `limit` events after the event `after` (by id, which orders events as they happened),
/// at or after `since`, of `kind`, oldest first.
pub async fn after(
    pool: &Pool,
    since: Option<i64>,
    kind: Option<EventKind>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<Event>> {
    Ok(sqlx::query_as(
        "SELECT id, at, actor, source_ip, kind, customer_id, license_id, order_id, subject, before_state, \
         after_state FROM events WHERE id > $1 AND ($2 IS NULL OR at >= $2) AND ($3 IS NULL OR kind = $3) \
         ORDER BY id LIMIT $4",
    )
    .bind(after.unwrap_or(""))
    .bind(since)
    .bind(kind.map(EventKind::code))
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// The newest `limit` events about license `license_id`, newest first.
pub async fn recent_of_license(pool: &Pool, license_id: &str, limit: i64) -> Result<Vec<Event>> {
    recent(pool, "license_id", license_id, limit).await
}

/// The newest `limit` events about customer `customer_id`, newest first.
pub async fn recent_of_customer(pool: &Pool, customer_id: &str, limit: i64) -> Result<Vec<Event>> {
    recent(pool, "customer_id", customer_id, limit).await
}

async fn recent(pool: &Pool, column: &'static str, id: &str, limit: i64) -> Result<Vec<Event>> {
    Ok(sqlx::query_as(&format!(
        "SELECT id, at, actor, source_ip, kind, customer_id, license_id, order_id, subject, before_state, \
         after_state FROM events WHERE {column} = $1 ORDER BY at DESC, id DESC LIMIT $2"
    ))
    .bind(id)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}
