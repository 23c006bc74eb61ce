//! The database side of backups: a consistent copy of a live SQLite file, and whether a database is empty.

use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions as _, Connection as _};

use crate::error::{Error, Result};

/// The file of a `sqlite:` database URL.
pub fn sqlite_file(url: &str) -> Result<PathBuf> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| Error::Internal(format!("cannot read the SQLite database URL: {e}")))?;
    Ok(options.get_filename().to_path_buf())
}

/// Copies the live SQLite database at `url` into the new file `into`, as one consistent
/// snapshot while the portal goes on writing (`VACUUM INTO` reads in one transaction; in WAL
/// mode writers are not held up). Never creates the source database.
pub async fn copy_sqlite(url: &str, into: &Path) -> Result<()> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| Error::Internal(format!("cannot read the SQLite database URL: {e}")))?
        .create_if_missing(false)
        .busy_timeout(std::time::Duration::from_secs(30));
    let source = options.get_filename().display().to_string();
    let mut conn =
        options.connect().await.map_err(|e| Error::Internal(format!("cannot open the database {source}: {e}")))?;
    let target = into.to_str().ok_or_else(|| Error::Internal(format!("{} is not UTF-8", into.display())))?;
    let copied = sqlx::query("VACUUM INTO $1").bind(target).execute(&mut conn).await;
    let _ = conn.close().await;
    copied.map(drop).map_err(|e| Error::Internal(format!("cannot copy the database {source}: {e}")))
}

/// How many tables, views and sequences the PostgreSQL database at `url` holds outside the
/// system schemas (0 for a fresh `CREATE DATABASE`). Runs no migration.
pub async fn postgres_relations(url: &str) -> Result<i64> {
    let mut conn = sqlx::PgConnection::connect(url)
        .await
        .map_err(|e| Error::Internal(format!("cannot open the database: {e}")))?;
    let count = sqlx::query_scalar(
        "SELECT COUNT(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE c.relkind IN ('r', 'v', 'm', 'S', 'p', 'f') \
         AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' \
         AND n.nspname NOT LIKE 'pg_temp%'",
    )
    .fetch_one(&mut conn)
    .await
    .map_err(|e| Error::Internal(format!("cannot look into the database: {e}")));
    let _ = conn.close().await;
    count
}
