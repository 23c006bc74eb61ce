//! The event log: every change is recorded by the service that makes it, in its transaction,
//! with who made it and what it was before and after.

use crate::domain::{Actor, CustomerId, EventKind, LicenseId, OrderId};
use crate::error::Result;
use crate::store::Conn;
use crate::store::events::{self, NewEvent};

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

/// Appends `change`, made by `actor` (from `source_ip` when it came over the network).
pub async fn record(conn: &mut Conn, actor: &Actor, source_ip: Option<&str>, change: &Change<'_>) -> Result<()> {
    let new = NewEvent {
        at: change.at,
        actor: actor.as_str(),
        source_ip,
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
