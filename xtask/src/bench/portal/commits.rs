//! The durable-commit limit of a database: a bare one-row `INSERT` per transaction, from as
//! many connections as wrk opens, with the portal's own connection settings. No write endpoint
//! can commit faster than this; activation and refresh are measured against it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tessera_portal::store;

use crate::Result;

/// The scratch table, made and dropped by the measurement.
const TABLE: &str = "bench_commits";

/// Commits per second of one-row `INSERT … COMMIT` (autocommit: one statement, one
/// transaction) from `connections` connections for `seconds`, on the database at `url`.
pub async fn limit(url: &str, connections: usize, seconds: u32) -> Result<f64> {
    let (pool, _) = store::connect(url, u32::try_from(connections)?).await?;
    sqlx::query(&format!("DROP TABLE IF EXISTS {TABLE}")).execute(&pool).await?;
    sqlx::query(&format!("CREATE TABLE {TABLE} (id BIGINT PRIMARY KEY, worker BIGINT NOT NULL, at BIGINT NOT NULL)"))
        .execute(&pool)
        .await?;
    let next = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(u64::from(seconds));
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|worker| {
            let (pool, next) = (pool.clone(), Arc::clone(&next));
            tokio::spawn(async move {
                let mut done = 0u64;
                while Instant::now() < deadline {
                    let id = next.fetch_add(1, Ordering::Relaxed);
                    sqlx::query(&format!("INSERT INTO {TABLE} (id, worker, at) VALUES ($1, $2, $3)"))
                        .bind(i64::try_from(id).unwrap_or(i64::MAX))
                        .bind(worker as i64)
                        .bind(store::now())
                        .execute(&pool)
                        .await?;
                    done += 1;
                }
                Ok::<_, sqlx::Error>(done)
            })
        })
        .collect();
    let mut commits = 0;
    for worker in workers {
        commits += worker.await??;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let stored: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {TABLE}")).fetch_one(&pool).await?;
    sqlx::query(&format!("DROP TABLE {TABLE}")).execute(&pool).await?;
    pool.close().await;
    if u64::try_from(stored)? != commits {
        return Err(format!("{commits} inserts acknowledged but {stored} rows stored").into());
    }
    Ok(commits as f64 / elapsed)
}
