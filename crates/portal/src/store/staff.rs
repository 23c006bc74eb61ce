//! The vendor's staff: their accounts (the password only as its Argon2id hash).

use sqlx::FromRow;

use super::{Conn, Pool, fresh, new_id};
use crate::domain::{Email, StaffRole, TokenHash};
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

/// Keeps a one-time password link for member of staff `staff_id`, working until `expires_at`.
pub async fn insert_password_link(
    conn: &mut Conn,
    token_hash: &TokenHash,
    staff_id: &str,
    now: i64,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO staff_password_links (token_hash, staff_id, created_at, expires_at, used_at) \
         VALUES ($1, $2, $3, $4, NULL)",
    )
    .bind(token_hash.as_str())
    .bind(staff_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The member of staff a password link opens, while it is unused and unexpired.
pub async fn password_link_member(pool: &Pool, token_hash: &TokenHash, now: i64) -> Result<Option<Staff>> {
    let columns = COLUMNS.split(", ").map(|c| format!("s.{c}")).collect::<Vec<_>>().join(", ");
    Ok(sqlx::query_as(&format!(
        "SELECT {columns} FROM staff_password_links l JOIN staff s ON s.id = l.staff_id \
         WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND s.disabled_at IS NULL"
    ))
    .bind(token_hash.as_str())
    .bind(now)
    .fetch_optional(pool)
    .await?)
}

/// Uses a password link: sets the password (already hashed) if the link still works, and ends
/// every other open link and every session of the same member. Whether it worked (two tabs racing: one wins).
pub async fn use_password_link(
    conn: &mut Conn,
    token_hash: &TokenHash,
    staff_id: &str,
    hash: &str,
    now: i64,
) -> Result<bool> {
    let used = sqlx::query(
        "UPDATE staff_password_links SET used_at = $1 \
         WHERE token_hash = $2 AND staff_id = $3 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(token_hash.as_str())
    .bind(staff_id)
    .execute(&mut *conn)
    .await?;
    if used.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("UPDATE staff_password_links SET used_at = $1 WHERE staff_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE staff SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    // Sessions opened with the old password end.
    sqlx::query("DELETE FROM web_sessions WHERE staff_id = $1").bind(staff_id).execute(&mut *conn).await?;
    Ok(true)
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
