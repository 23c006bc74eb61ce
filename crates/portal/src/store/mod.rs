//! All of the portal's SQL: one module per aggregate, rows decoded by column name,
//! transactions passed in explicitly. Nothing outside this folder writes a query (`cargo xtask lint`).

pub mod accounts;
pub mod api_tokens;
pub mod backups;
pub mod cards;
pub mod catalog;
pub mod client_companies;
pub mod client_reminders;
pub mod client_terms;
mod connect;
pub mod contracts;
pub mod counters;
pub mod customers;
pub mod dashboard;
pub mod events;
pub mod invoices;
pub mod leases;
pub mod licenses;
pub mod machines;
pub mod mail;
pub mod news;
pub mod nonces;
pub mod orders;
pub mod organisations;
pub mod paging;
pub mod partner_staff;
pub mod password_links;
pub mod payments;
pub mod pools;
pub mod readers;
pub mod registrations;
pub mod reminders;
pub mod seat_taking;
pub mod seats;
pub mod sessions;
pub mod staff;
pub mod statements;
pub mod subscriptions;
pub mod support;
pub mod user_codes;
pub mod user_seats;
pub mod writer;

pub use crate::domain::new_id;
pub use connect::{Engine, SQLITE_SETTINGS, connect, is_unique_violation, now};
pub use paging::{PER_PAGE, Paged, Paging};
pub use readers::Readers;
pub use writer::Writer;

use crate::error::Error;

/// The database pool: SQLite or PostgreSQL behind one type.
pub type Pool = sqlx::AnyPool;

/// A transaction, begun by a store function and passed to the others it calls.
pub type Tx<'c> = sqlx::Transaction<'c, sqlx::Any>;

/// One connection: a transaction's (`&mut *tx`) or one taken from the pool.
pub type Conn = sqlx::AnyConnection;

/// Begins a transaction that will write: its first statement takes the write lock
/// ([`lock_for_writing`]), so on SQLite a transaction that reads before it writes waits for
/// other writers instead of failing with "database is locked".
pub async fn begin(pool: &Pool) -> Result<Tx<'static>, Error> {
    let mut tx = pool.begin().await?;
    lock_for_writing(&mut tx).await?;
    Ok(tx)
}

/// Takes a connection from the pool, for a series of writes that need no transaction.
pub async fn acquire(pool: &Pool) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, Error> {
    Ok(pool.acquire().await?)
}

/// Makes a write first in `conn`'s transaction: SQLite then takes the write lock at once,
/// waiting for other writers (the busy timeout), instead of failing later to upgrade a read lock.
pub async fn lock_for_writing(conn: &mut Conn) -> Result<(), Error> {
    sqlx::query("UPDATE products SET name = name WHERE 1 = 0").execute(&mut *conn).await?;
    Ok(())
}

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Self {
        Self::Internal(format!("database: {error}"))
    }
}

/// Embedded SQLite's own connections ([`Readers`], [`Writer`]) fail like the pool's.
impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        Self::Internal(format!("database: {error}"))
    }
}

/// A JSON column (features, components) read back into its type.
fn from_json<T: serde::de::DeserializeOwned>(column: &str, text: &str) -> Result<T, Error> {
    serde_json::from_str(text).map_err(|e| Error::Internal(format!("{column}: {e}")))
}

/// A value written to a JSON column.
fn to_json<T: serde::Serialize>(column: &str, value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Internal(format!("{column}: {e}")))
}

/// Whether an insert added its row (false on a unique violation; other errors are errors).
fn fresh(inserted: Result<sqlx::any::AnyQueryResult, sqlx::Error>) -> Result<bool, Error> {
    match inserted {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}
