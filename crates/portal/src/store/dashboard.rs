//! The back office's dashboard figures, each one query.

use super::Pool;
use crate::error::Result;

/// Licenses in force (active, term not ended) at `now`.
pub async fn active_licenses(pool: &Pool, now: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM licenses WHERE status = 'active' AND (expires_at IS NULL OR expires_at > $1)",
    )
    .bind(now)
    .fetch_one(pool)
    .await?)
}

/// Machines activated since `since`.
pub async fn activations_since(pool: &Pool, since: i64) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM machines WHERE activated_at >= $1").bind(since).fetch_one(pool).await?)
}

/// Orders awaiting payment, per currency: (currency, how many, their total in minor units).
pub async fn awaiting_payment(pool: &Pool) -> Result<Vec<(String, i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT currency, COUNT(*), CAST(SUM(total_minor) AS BIGINT) FROM orders WHERE status = 'awaiting_payment' \
         GROUP BY currency ORDER BY currency",
    )
    .fetch_all(pool)
    .await?)
}

/// Active licenses whose term ends between `now` and `until`.
pub async fn terms_ending(pool: &Pool, now: i64, until: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM licenses WHERE status = 'active' AND expires_at > $1 AND expires_at <= $2",
    )
    .bind(now)
    .bind(until)
    .fetch_one(pool)
    .await?)
}

/// Mails given up on.
pub async fn mails_failed(pool: &Pool) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM mail_queue WHERE status = 'failed'").fetch_one(pool).await?)
}
