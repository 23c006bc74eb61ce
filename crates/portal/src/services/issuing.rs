//! Issuing licenses to customers (with their support term) and changing their status.

use tessera_core::LicenseStatus;

use super::events::{self, Change};
use crate::domain::{Actor, CustomerId, EventKind, LicenseId, OrderId, Serial};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::licenses::{self, License, NewLicense};
use crate::store::{Conn, Pool, catalog, support};

const DAY: i64 = 86_400;
const YEAR: i64 = 365 * DAY;

/// A license to issue.
#[derive(Debug)]
pub struct LicenseForm<'a> {
    pub customer_id: &'a CustomerId,
    pub order_id: Option<&'a OrderId>,
    pub product: &'a str,
    pub edition: &'a str,
    pub serial: &'a Serial,
    pub users: i64,
    pub machines: i64,
    /// When its term (and support) starts.
    pub starts_at: i64,
    /// When its term ends; perpetual when `None`.
    pub expires_at: Option<i64>,
    /// Years of support and updates from the start.
    pub support_years: Option<i64>,
}

/// Issues a license of an edition (its features copied from the edition), and its support
/// term, recording who issued it; returns the license's id.
pub async fn issue_license(conn: &mut Conn, actor: &Actor, form: &LicenseForm<'_>) -> Result<LicenseId> {
    if form.users < 1 || form.machines < 1 {
        return Err(Error::BadRequest("users and machines must be at least 1".into()));
    }
    super::catalog::product_exists(conn, form.product).await?;
    let features = catalog::edition_features(conn, form.product, form.edition)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("{} has no edition {}", form.product, form.edition).into()))?;
    let new = NewLicense {
        serial: form.serial,
        customer_id: form.customer_id,
        order_id: form.order_id,
        product_id: form.product,
        edition: form.edition,
        features: &features,
        users: form.users,
        max_machines: form.machines,
        issued_at: form.starts_at,
        expires_at: form.expires_at,
    };
    let id = licenses::create(&mut *conn, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("serial {} exists already", form.serial).into()))?;
    let support_until = form.support_years.map(|years| form.starts_at + years * YEAR);
    if let (Some(years), Some(until)) = (form.support_years, support_until) {
        support::insert_term(conn, &id, form.order_id, form.starts_at, years, until).await?;
    }
    let change = Change {
        kind: EventKind::LicenseIssued,
        at: crate::store::now(),
        subject: form.serial.as_str(),
        customer_id: Some(form.customer_id),
        order_id: form.order_id,
        license_id: Some(&id),
        before: None,
        after: Some(serde_json::json!({
            "product": form.product,
            "edition": form.edition,
            "users": form.users,
            "machines": form.machines,
            "starts_at": form.starts_at,
            "expires_at": form.expires_at,
            "support_until": support_until,
        })),
    };
    events::record(conn, actor, &change).await?;
    Ok(id)
}

/// A status as typed: `active`, `suspended` or `revoked` (the words the store keeps).
pub fn status(text: &str) -> Result<LicenseStatus> {
    [LicenseStatus::Active, LicenseStatus::Suspended, LicenseStatus::Revoked]
        .into_iter()
        .find(|status| licenses::status_code(*status) == text)
        .ok_or_else(|| Error::BadRequest(format!("'{text}' is not a status (active, suspended or revoked)").into()))
}

/// Sets the status of the license `serial`, recording who changed it from what; the
/// customer's app hears it at its next refresh, with `reason`. Suspending and revoking need a
/// reason (the customer reads it, also in the mail queued about it); reinstating keeps none.
pub async fn set_status(
    conn: &mut Conn,
    mailer: &Mailer,
    actor: &Actor,
    serial: &Serial,
    status: LicenseStatus,
    reason: Option<&str>,
) -> Result<License> {
    let license = licenses::by_serial(conn, serial)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("no license has serial {serial}").into()))?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let reason = match status {
        LicenseStatus::Active => None,
        LicenseStatus::Suspended | LicenseStatus::Revoked => Some(reason.ok_or_else(|| {
            Error::BadRequest(
                format!(
                    "say why license {serial} is {}: the customer reads the reason in the License Manager",
                    licenses::status_code(status)
                )
                .into(),
            )
        })?),
    };
    licenses::set_status(conn, serial, status, reason).await?;
    let change = Change {
        kind: EventKind::LicenseStatusChanged,
        at: crate::store::now(),
        subject: serial.as_str(),
        customer_id: Some(&license.customer_id),
        order_id: None,
        license_id: Some(&license.id),
        before: Some(serde_json::json!({
            "status": licenses::status_code(license.status),
            "reason": license.status_reason,
        })),
        after: Some(serde_json::json!({ "status": licenses::status_code(status), "reason": reason })),
    };
    events::record(conn, actor, &change).await?;
    let changed = licenses::by_serial(conn, serial).await?.ok_or(Error::NotFound)?;
    if changed.status != license.status {
        super::mail::status_changed(conn, mailer, &changed).await?;
    }
    Ok(changed)
}

/// [`set_status`] in a transaction of its own; an unknown serial is `NOT_FOUND`.
pub async fn change_status(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    serial: &Serial,
    status: LicenseStatus,
    reason: &str,
) -> Result<License> {
    let mut tx = crate::store::begin(pool).await?;
    if licenses::by_serial(&mut tx, serial).await?.is_none() {
        return Err(Error::NotFound);
    }
    let license = set_status(&mut tx, mailer, actor, serial, status, Some(reason)).await?;
    tx.commit().await?;
    Ok(license)
}

/// The license `serial`, or `NOT_FOUND`.
pub async fn license(pool: &Pool, serial: &Serial) -> Result<License> {
    licenses::by_serial(&mut *crate::store::acquire(pool).await?, serial).await?.ok_or(Error::NotFound)
}
