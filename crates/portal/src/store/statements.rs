//! A few statements written in one transaction, the same SQL with the same values on either
//! engine: through the [`Writer`] on embedded SQLite, through the pool elsewhere. A statement
//! may stand for a refusal (a unique violation, or no row changed): the transaction is then
//! undone and the refusal returned.

pub use rusqlite::types::Value;

use super::writer::Step;
use super::{Pool, Writer};
use crate::error::{Error, Result};

/// One statement and its values, in the order of its `$n`.
#[derive(Debug)]
pub struct Statement<R> {
    pub sql: &'static str,
    pub values: Vec<Value>,
    /// The refusal a unique violation of this statement means; `None`: it is an error.
    pub on_conflict: Option<R>,
    /// The refusal it means when it changes no row; `None`: that is fine.
    pub on_no_change: Option<R>,
}

/// A text value.
pub fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

/// A text value or `NULL`.
pub fn maybe(value: Option<&str>) -> Value {
    value.map_or(Value::Null, text)
}

/// Runs `statements` in order in one transaction: `None` once committed, or the first refusal
/// met, with nothing written.
pub async fn run<R: Copy + Send + 'static>(
    pool: &Pool,
    writer: Option<&Writer>,
    statements: Vec<Statement<R>>,
) -> Result<Option<R>> {
    match writer {
        Some(writer) => writer.write(move |connection| embedded(connection, &statements)).await,
        None => pooled(pool, &statements).await,
    }
}

fn embedded<R: Copy>(connection: &rusqlite::Connection, statements: &[Statement<R>]) -> Result<Step<Option<R>>> {
    for statement in statements {
        let mut prepared = connection.prepare_cached(statement.sql)?;
        let refusal = match prepared.execute(rusqlite::params_from_iter(&statement.values)) {
            Ok(0) => statement.on_no_change,
            Ok(_) => None,
            Err(error) => match statement.on_conflict.filter(|_| is_unique_violation(&error)) {
                Some(refusal) => Some(refusal),
                None => return Err(error.into()),
            },
        };
        if refusal.is_some() {
            return Ok(Step::Undo(refusal));
        }
    }
    Ok(Step::Keep(None))
}

async fn pooled<R: Copy>(pool: &Pool, statements: &[Statement<R>]) -> Result<Option<R>> {
    let mut tx = pool.begin().await?;
    for statement in statements {
        let mut query = sqlx::query(statement.sql);
        for value in &statement.values {
            query = match value {
                Value::Null => query.bind(None::<String>),
                Value::Integer(number) => query.bind(*number),
                Value::Text(text) => query.bind(text.as_str()),
                Value::Real(_) | Value::Blob(_) => return Err(Error::Internal("a value of no column".into())),
            };
        }
        let refusal = match query.execute(&mut *tx).await {
            Ok(done) if done.rows_affected() == 0 => statement.on_no_change,
            Ok(_) => None,
            Err(error) => match statement.on_conflict.filter(|_| super::is_unique_violation(&error)) {
                Some(refusal) => Some(refusal),
                None => return Err(error.into()),
            },
        };
        if refusal.is_some() {
            tx.rollback().await?;
            return Ok(refusal);
        }
    }
    tx.commit().await?;
    Ok(None)
}

fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error().map(|e| e.extended_code),
        Some(rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
    )
}
