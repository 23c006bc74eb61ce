//! Term reminders queued: which reminder of which end of term went out, claimed once.

use super::{Conn, Pool};
use crate::domain::LicenseId;
use crate::error::Result;

/// The most urgent reminder (fewest days before) already queued about `license_id` ending at
/// `expires_at`.
pub async fn most_urgent(pool: &Pool, license_id: &LicenseId, expires_at: i64) -> Result<Option<i64>> {
    let days: Option<i64> =
        sqlx::query_scalar("SELECT MIN(days_before) FROM term_reminders WHERE license_id = $1 AND expires_at = $2")
            .bind(license_id.as_str())
            .bind(expires_at)
            .fetch_one(pool)
            .await?;
    Ok(days)
}

/// Claims the reminder `days_before` of `license_id` ending at `expires_at`, in `conn`'s
/// transaction: false when it was claimed already (by this process or another).
pub async fn claim(
    conn: &mut Conn,
    license_id: &LicenseId,
    expires_at: i64,
    days_before: i64,
    now: i64,
) -> Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO term_reminders (license_id, expires_at, days_before, queued_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (license_id, expires_at, days_before) DO NOTHING",
    )
    .bind(license_id.as_str())
    .bind(expires_at)
    .bind(days_before)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(inserted > 0)
}
