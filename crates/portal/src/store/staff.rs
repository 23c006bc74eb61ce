//! The vendor's staff: their accounts (the password only as its Argon2id hash).

use sqlx::FromRow;

use super::{Conn, Pool, fresh, new_id};
use crate::domain::{Email, StaffRole};
use crate::error::Result;

/// A member of staff.
#[derive(Debug, Clone, FromRow)]
pub struct Staff {
    pub id: String,
    pub email: String,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub role: StaffRole,
    pub password_hash: Option<String>,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
}

const COLUMNS: &str = "id, email, name, role, password_hash, created_at, disabled_at";

/// Adds a member of staff; their id, or `None` when the e-mail is taken.
pub async fn insert(
    conn: &mut Conn,
    email: &Email,
    name: &str,
    role: StaffRole,
    password_hash: &str,
    now: i64,
) -> Result<Option<String>> {
    let id = new_id("stf");
    let inserted = sqlx::query(
        "INSERT INTO staff (id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(email.as_str())
    .bind(name)
    .bind(role.code())
    .bind(password_hash)
    .bind(now)
    .execute(&mut *conn)
    .await;
    Ok(fresh(inserted)?.then_some(id))
}

/// The member of staff signing in with this e-mail, unless disabled.
pub async fn by_email(pool: &Pool, email: &Email) -> Result<Option<Staff>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM staff WHERE email = $1 AND disabled_at IS NULL"))
        .bind(email.as_str())
        .fetch_optional(pool)
        .await?)
}

/// Member of staff `id`, unless disabled.
pub async fn by_id(pool: &Pool, id: &str) -> Result<Option<Staff>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM staff WHERE id = $1 AND disabled_at IS NULL"))
        .bind(id)
        .fetch_optional(pool)
        .await?)
}

/// Whether any member of staff exists.
pub async fn any(pool: &Pool) -> Result<bool> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM staff LIMIT 1").fetch_optional(pool).await?;
    Ok(found.is_some())
}
