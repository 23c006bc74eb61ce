//! Issuing licenses to customers (with their support term) and changing their status.

use tessera_core::LicenseStatus;

use crate::domain::{CustomerId, LicenseId, OrderId, Serial};
use crate::error::{Error, Result};
use crate::store::licenses::{self, NewLicense};
use crate::store::{Conn, catalog, support};

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
    /// Its term in days; perpetual when `None`.
    pub term_days: Option<i64>,
    /// Years of support and updates from the start.
    pub support_years: Option<i64>,
}

/// Issues a license of an edition (its features copied from the edition), and its support
/// term; returns the license's id.
pub async fn issue_license(conn: &mut Conn, form: &LicenseForm<'_>) -> Result<LicenseId> {
    if form.users < 1 || form.machines < 1 {
        return Err(Error::BadRequest("users and machines must be at least 1".into()));
    }
    super::catalog::product_exists(conn, form.product).await?;
    let features = catalog::edition_features(conn, form.product, form.edition)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("{} has no edition {}", form.product, form.edition)))?;
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
        expires_at: form.term_days.map(|days| form.starts_at + days * DAY),
    };
    let id = licenses::create(&mut *conn, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("serial {} exists already", form.serial)))?;
    if let Some(years) = form.support_years {
        support::insert_term(conn, &id, form.order_id, form.starts_at, years, form.starts_at + years * YEAR).await?;
    }
    Ok(id)
}

/// A status as typed: `active`, `suspended` or `revoked` (the words the store keeps).
pub fn status(text: &str) -> Result<LicenseStatus> {
    [LicenseStatus::Active, LicenseStatus::Suspended, LicenseStatus::Revoked]
        .into_iter()
        .find(|status| licenses::status_code(*status) == text)
        .ok_or_else(|| Error::BadRequest(format!("'{text}' is not a status (active, suspended or revoked)")))
}

/// Sets the status of the license `serial`; the customer's app hears it at its next refresh.
pub async fn set_status(conn: &mut Conn, serial: &Serial, status: LicenseStatus) -> Result<()> {
    if licenses::set_status(conn, serial, status).await? {
        Ok(())
    } else {
        Err(Error::BadRequest(format!("no license has serial {serial}")))
    }
}
