//! Renewal reminders of clients' terms: the terms ending without a renewal, and which reminder of which term went out, claimed once.

use super::client_terms::ClientTerm;
use super::{Conn, Pool};
use crate::error::Result;

/// The terms in force ending after `after` and by `until` (`YYYY-MM-DD`), that no later term
/// of the same client and product follows (not renewed yet), by end.
pub async fn ending_unrenewed(pool: &Pool, after: &str, until: &str) -> Result<Vec<ClientTerm>> {
    Ok(sqlx::query_as(
        "SELECT t.id, t.client_id, t.product_id, t.users, t.years, t.starts_on, t.ends_on, t.pool_id, \
                t.created_at, t.cancelled_at \
         FROM client_terms t WHERE t.cancelled_at IS NULL AND t.ends_on > $1 AND t.ends_on <= $2 \
         AND NOT EXISTS (SELECT 1 FROM client_terms u WHERE u.client_id = t.client_id \
             AND u.product_id = t.product_id AND u.cancelled_at IS NULL AND u.starts_on >= t.ends_on) \
         ORDER BY t.ends_on, t.id",
    )
    .bind(after)
    .bind(until)
    .fetch_all(pool)
    .await?)
}

/// The most urgent reminder (fewest days before) already queued about term `term_id`.
pub async fn most_urgent(pool: &Pool, term_id: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT MIN(days_before) FROM client_term_reminders WHERE term_id = $1")
        .bind(term_id)
        .fetch_one(pool)
        .await?)
}

/// Claims the reminder `days_before` of term `term_id` in `conn`'s transaction: false when it
/// was claimed already (by this process or another).
pub async fn claim(conn: &mut Conn, term_id: &str, days_before: i64, now: i64) -> Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO client_term_reminders (term_id, days_before, queued_at) VALUES ($1, $2, $3) \
         ON CONFLICT (term_id, days_before) DO NOTHING",
    )
    .bind(term_id)
    .bind(days_before)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(inserted > 0)
}
