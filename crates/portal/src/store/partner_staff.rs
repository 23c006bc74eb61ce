//! The people of partners and resellers who sign in to the partner console (the password only as its Argon2id hash); their one-time password links are `password_links`'.

use sqlx::FromRow;

use super::{Conn, Pool, fresh, new_id};
use crate::domain::Email;
use crate::error::Result;

/// A partner's or reseller's person, with the organisation they act for.
#[derive(Debug, Clone, FromRow)]
pub struct PartnerUser {
    pub id: String,
    pub organisation_id: String,
    pub email: String,
    pub password_hash: Option<String>,
    /// `partner` or `reseller`.
    pub organisation_kind: String,
    pub organisation_name: String,
}

const SELECT: &str = "SELECT u.id, u.organisation_id, u.email, u.password_hash, o.kind AS organisation_kind, \
     o.name AS organisation_name FROM partner_staff u JOIN organisations o ON o.id = u.organisation_id";

/// Adds a person of `organisation_id`; their id, or `None` when the e-mail is taken.
pub async fn insert(
    conn: &mut Conn,
    organisation_id: &str,
    email: &Email,
    password_hash: Option<&str>,
    now: i64,
) -> Result<Option<String>> {
    let id = new_id("pst");
    let inserted = sqlx::query(
        "INSERT INTO partner_staff (id, organisation_id, email, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(organisation_id)
    .bind(email.as_str())
    .bind(password_hash)
    .bind(now)
    .execute(&mut *conn)
    .await;
    Ok(fresh(inserted)?.then_some(id))
}

/// The person signing in with this e-mail, unless disabled.
pub async fn by_email(pool: &Pool, email: &Email) -> Result<Option<PartnerUser>> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE u.email = $1 AND u.disabled_at IS NULL"))
        .bind(email.as_str())
        .fetch_optional(pool)
        .await?)
}

/// Person `id`, unless disabled.
pub async fn by_id(pool: &Pool, id: &str) -> Result<Option<PartnerUser>> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE u.id = $1 AND u.disabled_at IS NULL"))
        .bind(id)
        .fetch_optional(pool)
        .await?)
}

/// The e-mails of the people of `organisation_id` who can sign in (not disabled, a password
/// set), by e-mail: whom its mails reach when it names no contact.
pub async fn emails_of(conn: &mut Conn, organisation_id: &str) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT email FROM partner_staff WHERE organisation_id = $1 AND disabled_at IS NULL \
         AND password_hash IS NOT NULL ORDER BY email",
    )
    .bind(organisation_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// A person of an organisation as its console's People page lists them.
#[derive(Debug, Clone, FromRow)]
pub struct Person {
    pub id: String,
    pub email: String,
    pub created_at: i64,
    /// 1 once they set a password (an invitation not yet taken up has none).
    pub has_password: i64,
    pub disabled_at: Option<i64>,
}

/// Every person of `organisation_id`, disabled ones included, by e-mail.
pub async fn of_organisation(pool: &Pool, organisation_id: &str) -> Result<Vec<Person>> {
    Ok(sqlx::query_as(
        "SELECT id, email, created_at, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password, \
         disabled_at FROM partner_staff WHERE organisation_id = $1 ORDER BY email",
    )
    .bind(organisation_id)
    .fetch_all(pool)
    .await?)
}

/// Disables person `id` of `organisation_id` (if they are its and still enabled): their links stop
/// working and their sessions end. Their e-mail, if disabled, now.
pub async fn disable(conn: &mut Conn, organisation_id: &str, id: &str, now: i64) -> Result<Option<String>> {
    let email: Option<String> = sqlx::query_scalar(
        "UPDATE partner_staff SET disabled_at = $1 WHERE id = $2 AND organisation_id = $3 AND disabled_at IS NULL \
         RETURNING email",
    )
    .bind(now)
    .bind(id)
    .bind(organisation_id)
    .fetch_optional(&mut *conn)
    .await?;
    if email.is_some() {
        super::password_links::void(conn, super::password_links::PARTNER_STAFF, id, now).await?;
        sqlx::query("DELETE FROM web_sessions WHERE partner_staff_id = $1").bind(id).execute(&mut *conn).await?;
    }
    Ok(email)
}
