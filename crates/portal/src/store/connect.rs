//! The database: one code path over SQLite (embedded default) and PostgreSQL (scale-out).

use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor as _};

use crate::error::{Error, Result};

/// Which database engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Embedded SQLite, WAL, synchronous=FULL.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// What every SQLite connection is set to. WAL lets readers run beside the writer; FULL makes
/// every commit durable; writers queue on the busy timeout instead of failing.
pub const SQLITE_SETTINGS: &str =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";

/// Connects, applies the engine's settings to every connection and runs the migrations.
pub async fn connect(url: &str, max_connections: u32) -> Result<(AnyPool, Engine)> {
    install_default_drivers();
    let engine = if url.starts_with("sqlite:") {
        Engine::Sqlite
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Engine::Postgres
    } else {
        return Err(Error::Internal("the database URL must start with sqlite: or postgres:".into()));
    };
    let pool = AnyPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if engine == Engine::Sqlite {
                    conn.execute(SQLITE_SETTINGS).await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await
        .map_err(|e| Error::Internal(format!("cannot open the database: {e}")))?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|e| Error::Internal(format!("cannot migrate the database: {e}")))?;
    Ok((pool, engine))
}

/// Now, in Unix seconds.
#[must_use]
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Whether a database error is a unique-constraint violation (the same on both engines).
#[must_use]
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(sqlx::error::DatabaseError::is_unique_violation)
}
