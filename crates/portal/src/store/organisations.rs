//! Partners, resellers and client companies (seed 003): who belongs to whom.

use sqlx::FromRow;

use super::{Conn, Pool, new_id};
use crate::error::Result;

/// A partner, a reseller or a client company.
#[derive(Debug, Clone, FromRow)]
pub struct Organisation {
    pub id: String,
    /// `partner`, `reseller` or `client`.
    pub kind: String,
    pub name: String,
    pub parent_id: Option<String>,
    pub customer_id: Option<String>,
    pub created_at: i64,
    /// A partner's or reseller's staff contact, where its mails go.
    pub email: Option<String>,
    /// The language of its mails.
    pub language: String,
    /// A client's company administrator, as its seller named them.
    pub admin_email: Option<String>,
}

const COLUMNS: &str =
    "o.id, o.kind, o.name, o.parent_id, o.customer_id, o.created_at, o.email, o.language, o.admin_email";

/// Stores an organisation of `kind` under `parent_id`; its id.
pub async fn insert(
    conn: &mut Conn,
    kind: &str,
    name: &str,
    parent_id: Option<&str>,
    customer_id: Option<&str>,
    now: i64,
) -> Result<String> {
    let id = new_id("org");
    sqlx::query(
        "INSERT INTO organisations (id, kind, name, parent_id, customer_id, created_at, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(&id)
    .bind(kind)
    .bind(name)
    .bind(parent_id)
    .bind(customer_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The organisation with this id.
pub async fn by_id(conn: &mut Conn, id: &str) -> Result<Option<Organisation>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM organisations o WHERE o.id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Sets the contact `email` and mail `language` of organisation `id`; what is `None` stays.
pub async fn set_contact(conn: &mut Conn, id: &str, email: Option<&str>, language: Option<&str>) -> Result<()> {
    sqlx::query(
        "UPDATE organisations SET email = COALESCE($1, email), language = COALESCE($2, language) WHERE id = $3",
    )
    .bind(email)
    .bind(language)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The client `client_id` if `viewer` may see it: its own client, or a client of one of its
/// resellers.
pub async fn client_seen_by(conn: &mut Conn, viewer: &str, client_id: &str) -> Result<Option<Organisation>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM organisations o JOIN organisations p ON p.id = o.parent_id \
         WHERE o.id = $1 AND o.kind = 'client' AND (o.parent_id = $2 OR p.parent_id = $2)"
    ))
    .bind(client_id)
    .bind(viewer)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Every client `viewer` may see, by name.
pub async fn clients_seen_by(pool: &Pool, viewer: &str) -> Result<Vec<Organisation>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM organisations o JOIN organisations p ON p.id = o.parent_id \
         WHERE o.kind = 'client' AND (o.parent_id = $1 OR p.parent_id = $1) ORDER BY o.name, o.id"
    ))
    .bind(viewer)
    .fetch_all(pool)
    .await?)
}

/// Writes the client's row first in a renewal's transaction: renewals of one client wait for
/// each other (PostgreSQL's row lock; SQLite's write lock), so each reads the terms the
/// others committed. Whether the client exists.
pub async fn take_turn(conn: &mut Conn, id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query("UPDATE organisations SET changed_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(done == 1)
}

/// The organisations of `kind` directly under `parent_id`, by name.
pub async fn children(pool: &Pool, parent_id: &str, kind: &str) -> Result<Vec<Organisation>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM organisations o WHERE o.parent_id = $1 AND o.kind = $2 ORDER BY o.name, o.id"
    ))
    .bind(parent_id)
    .bind(kind)
    .fetch_all(pool)
    .await?)
}
