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
    password_hash: Option<&str>,
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

/// A member of staff's second factor: the shared secrets, base32 (never in `Debug`).
#[derive(Clone, FromRow)]
pub struct Totp {
    /// The secret in use; `None`: the second factor is off.
    pub totp_secret: Option<String>,
    /// A secret shown at enrolment, not yet confirmed with a code.
    pub totp_pending: Option<String>,
    /// The last step accepted.
    pub totp_last_step: Option<i64>,
}

impl std::fmt::Debug for Totp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Totp")
            .field("on", &self.totp_secret.is_some())
            .field("pending", &self.totp_pending.is_some())
            .field("last_step", &self.totp_last_step)
            .finish()
    }
}

/// The second factor of member of staff `id`, unless they are unknown or disabled.
pub async fn totp(pool: &Pool, id: &str) -> Result<Option<Totp>> {
    Ok(sqlx::query_as(
        "SELECT totp_secret, totp_pending, totp_last_step FROM staff WHERE id = $1 AND disabled_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Keeps `secret` as the one to confirm at enrolment (`None` forgets it).
pub async fn set_totp_pending(pool: &Pool, id: &str, secret: Option<&str>) -> Result<()> {
    sqlx::query("UPDATE staff SET totp_pending = $1 WHERE id = $2").bind(secret).bind(id).execute(pool).await?;
    Ok(())
}

/// Turns the second factor on with the pending secret, if it is still `pending` (a second tab
/// may have started another enrolment meanwhile); `step` is the code's, taken. Whether it did.
pub async fn turn_totp_on(conn: &mut Conn, id: &str, pending: &str, step: i64) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE staff SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $1 \
         WHERE id = $2 AND totp_pending = $3",
    )
    .bind(step)
    .bind(id)
    .bind(pending)
    .execute(&mut *conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Takes the code of `step`, unless a code of that step or a later one was taken already (two
/// sign-ins racing with one code: one wins). Whether it was taken.
pub async fn take_totp_step(pool: &Pool, id: &str, step: i64) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE staff SET totp_last_step = $1 \
         WHERE id = $2 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $1)",
    )
    .bind(step)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Turns the second factor off (and forgets a pending enrolment). Whether it was on.
pub async fn turn_totp_off(conn: &mut Conn, id: &str) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE staff SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL \
         WHERE id = $1 AND totp_secret IS NOT NULL",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}
