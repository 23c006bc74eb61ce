//! The mail queue: mails written in the transaction of the change that causes them, claimed by
//! one sender at a time, marked sent or put back with the time of the next attempt.

use sqlx::FromRow;

use super::{Conn, Pool, new_id};
use crate::domain::{CustomerId, LicenseId, MailKind, MailStatus, OrderId};
use crate::error::Result;

/// A mail to queue.
#[derive(Debug)]
pub struct NewMail<'a> {
    pub kind: MailKind,
    pub recipient: &'a str,
    pub language: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: Option<&'a str>,
    pub customer_id: Option<&'a CustomerId>,
    pub order_id: Option<&'a OrderId>,
    pub license_id: Option<&'a LicenseId>,
    /// Its body holds a secret link: blanked once sent.
    pub carries_secret: bool,
    /// Where replies go, when not to the sender.
    pub reply_to: Option<&'a str>,
    pub now: i64,
}

/// A queued (or sent, or failed) mail.
#[derive(Debug, Clone, FromRow)]
pub struct Mail {
    pub id: String,
    #[sqlx(try_from = "String")]
    pub kind: MailKind,
    pub recipient: String,
    pub language: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub customer_id: Option<String>,
    pub reply_to: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: MailStatus,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

const COLUMNS: &str = "id, kind, recipient, language, subject, body_text, body_html, customer_id, reply_to, status, \
     attempts, next_attempt_at, last_error, created_at, sent_at";

/// Queues a mail in `conn` (the transaction of the change that causes it); returns its id.
pub async fn enqueue(conn: &mut Conn, new: &NewMail<'_>) -> Result<String> {
    let id = new_id("mail");
    sqlx::query(
        "INSERT INTO mail_queue (id, kind, recipient, language, subject, body_text, body_html, customer_id, order_id, \
         license_id, carries_secret, reply_to, status, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $14)",
    )
    .bind(&id)
    .bind(new.kind.code())
    .bind(new.recipient)
    .bind(new.language)
    .bind(new.subject)
    .bind(new.body_text)
    .bind(new.body_html)
    .bind(new.customer_id.map(CustomerId::as_str))
    .bind(new.order_id.map(OrderId::as_str))
    .bind(new.license_id.map(LicenseId::as_str))
    .bind(i64::from(new.carries_secret))
    .bind(new.reply_to)
    .bind(MailStatus::Queued.code())
    .bind(new.now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The ids of up to `limit` queued mails due at `now` that no sender holds, oldest first.
pub async fn due(pool: &Pool, now: i64, limit: i64) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM mail_queue WHERE status = $1 AND next_attempt_at <= $2 \
         AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY next_attempt_at, id LIMIT $3",
    )
    .bind(MailStatus::Queued.code())
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// Takes mail `id` for one attempt until `until`, counting the attempt; `None` when another
/// sender took it first or it is no longer due.
pub async fn claim(pool: &Pool, id: &str, now: i64, until: i64) -> Result<Option<Mail>> {
    let claimed = sqlx::query(
        "UPDATE mail_queue SET claimed_until = $1, attempts = attempts + 1 WHERE id = $2 AND status = $3 \
         AND next_attempt_at <= $4 AND (claimed_until IS NULL OR claimed_until < $4)",
    )
    .bind(until)
    .bind(id)
    .bind(MailStatus::Queued.code())
    .bind(now)
    .execute(pool)
    .await?
    .rows_affected();
    if claimed == 0 {
        return Ok(None);
    }
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM mail_queue WHERE id = $1")).bind(id).fetch_optional(pool).await?)
}

/// Marks mail `id` sent (the server took it); a body with a secret link is blanked.
pub async fn mark_sent(pool: &Pool, id: &str, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE mail_queue SET status = $1, sent_at = $2, claimed_until = NULL, last_error = NULL, \
         body_text = CASE WHEN carries_secret = 1 THEN '' ELSE body_text END, \
         body_html = CASE WHEN carries_secret = 1 THEN NULL ELSE body_html END WHERE id = $3",
    )
    .bind(MailStatus::Sent.code())
    .bind(now)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Puts mail `id` back for another attempt at `next_at`, or gives up (`failed`) when `next_at`
/// is `None`, noting why.
pub async fn mark_unsent(pool: &Pool, id: &str, next_at: Option<i64>, error: &str) -> Result<()> {
    let status = if next_at.is_some() { MailStatus::Queued } else { MailStatus::Failed };
    sqlx::query(
        "UPDATE mail_queue SET status = $1, next_attempt_at = COALESCE($2, next_attempt_at), claimed_until = NULL, \
         last_error = $3 WHERE id = $4",
    )
    .bind(status.code())
    .bind(next_at)
    .bind(error)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Queues a failed mail again, due at `now`, its attempts counted afresh; false when it is not
/// failed (or its body was blanked after sending).
pub async fn resend(conn: &mut Conn, id: &str, now: i64) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE mail_queue SET status = $1, attempts = 0, next_attempt_at = $2, claimed_until = NULL \
         WHERE id = $3 AND status = $4",
    )
    .bind(MailStatus::Queued.code())
    .bind(now)
    .bind(id)
    .bind(MailStatus::Failed.code())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed > 0)
}

/// Mail `id`, in whatever status.
pub async fn by_id(conn: &mut Conn, id: &str) -> Result<Option<Mail>> {
    Ok(sqlx::query_as(&format!("SELECT {COLUMNS} FROM mail_queue WHERE id = $1")).bind(id).fetch_optional(conn).await?)
}

/// The mails of `status` (every status when `None`), newest first, at most `limit`.
pub async fn list(pool: &Pool, status: Option<MailStatus>, limit: i64) -> Result<Vec<Mail>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM mail_queue WHERE ($1 IS NULL OR status = $1) ORDER BY created_at DESC, id DESC LIMIT $2"
    ))
    .bind(status.map(MailStatus::code))
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// How many mails are in each status.
pub async fn counts(pool: &Pool) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as("SELECT status, COUNT(*) FROM mail_queue GROUP BY status ORDER BY status")
        .fetch_all(pool)
        .await?)
}
