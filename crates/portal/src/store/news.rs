//! The vendor's news about the programs, for every customer.

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool};
use crate::error::Result;

/// One piece of news, its body plain text.
#[derive(Debug, FromRow)]
pub struct News {
    pub id: String,
    pub published_at: i64,
    pub title: String,
    pub body: String,
}

/// One page of the published news (not withdrawn), newest first.
pub async fn page(pool: &Pool, requested: Option<i64>) -> Result<Paged<News>> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM news WHERE withdrawn_at IS NULL").fetch_one(pool).await?;
    paged(requested, count, |at| async move {
        Ok(sqlx::query_as(
            "SELECT id, published_at, title, body FROM news WHERE withdrawn_at IS NULL \
             ORDER BY published_at DESC, id LIMIT $1 OFFSET $2",
        )
        .bind(PER_PAGE)
        .bind(at.offset())
        .fetch_all(pool)
        .await?)
    })
    .await
}

/// The published news item `id`, if it is published.
pub async fn published(conn: &mut Conn, id: &str) -> Result<Option<News>> {
    Ok(sqlx::query_as("SELECT id, published_at, title, body FROM news WHERE id = $1 AND withdrawn_at IS NULL")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Publishes a piece of news whose id is `id`.
pub async fn insert(conn: &mut Conn, id: &str, published_at: i64, title: &str, body: &str) -> Result<()> {
    sqlx::query("INSERT INTO news (id, published_at, title, body) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(published_at)
        .bind(title)
        .bind(body)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Withdraws news item `id` at `at`; whether it was published until now (only one withdrawal
/// of the same item wins).
pub async fn withdraw(conn: &mut Conn, id: &str, at: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE news SET withdrawn_at = $1 WHERE id = $2 AND withdrawn_at IS NULL")
        .bind(at)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
