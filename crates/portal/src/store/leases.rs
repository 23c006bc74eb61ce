//! Leases of the background jobs across portal processes: one row per job.

use super::Pool;
use crate::error::Result;

/// Takes or renews the lease of job `name` for `holder` until `until` (Unix seconds), if no
/// other holder's lease runs past `now`; whether `holder` holds it now. One conditional write:
/// of processes asking at once, one gets it.
pub async fn take(pool: &Pool, name: &str, holder: &str, now: i64, until: i64) -> Result<bool> {
    let taken = sqlx::query(
        "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
         WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= $4",
    )
    .bind(name)
    .bind(holder)
    .bind(until)
    .bind(now)
    .execute(pool)
    .await?
    .rows_affected();
    Ok(taken == 1)
}

/// Gives up `holder`'s lease of job `name`, so another process may take it at once.
pub async fn release(pool: &Pool, name: &str, holder: &str) -> Result<()> {
    sqlx::query("DELETE FROM job_leases WHERE name = $1 AND holder = $2").bind(name).bind(holder).execute(pool).await?;
    Ok(())
}

/// Gives up every lease `holder` holds (a process stopping), so others take them at once.
pub async fn release_all(pool: &Pool, holder: &str) -> Result<()> {
    sqlx::query("DELETE FROM job_leases WHERE holder = $1").bind(holder).execute(pool).await?;
    Ok(())
}

/// Every lease: job, holder and expiry (Unix seconds), by job.
pub async fn list(pool: &Pool) -> Result<Vec<(String, String, i64)>> {
    Ok(sqlx::query_as("SELECT name, holder, expires_at FROM job_leases ORDER BY name").fetch_all(pool).await?)
}
