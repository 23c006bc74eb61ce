//! The vendor's news about the programs, for every customer.

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool, new_id};
use crate::error::Result;

/// One piece of news, its body plain text.
#[derive(Debug, FromRow)]
pub struct News {
    pub published_at: i64,
    pub title: String,
    pub body: String,
}

/// One page of the news, newest first.
pub async fn page(pool: &Pool, requested: Option<i64>) -> Result<Paged<News>> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM news").fetch_one(pool).await?;
    paged(requested, count, |at| async move {
        Ok(sqlx::query_as(
            "SELECT published_at, title, body FROM news ORDER BY published_at DESC, id LIMIT $1 OFFSET $2",
        )
        .bind(PER_PAGE)
        .bind(at.offset())
        .fetch_all(pool)
        .await?)
    })
    .await
}

/// Publishes a piece of news.
pub async fn insert(conn: &mut Conn, published_at: i64, title: &str, body: &str) -> Result<()> {
    sqlx::query("INSERT INTO news (id, published_at, title, body) VALUES ($1, $2, $3, $4)")
        .bind(new_id("nws"))
        .bind(published_at)
        .bind(title)
        .bind(body)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
