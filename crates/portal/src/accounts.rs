//! Customer accounts: people of a customer signing in with e-mail and password (Argon2id,
//! PHC strings, verified in constant time by the argon2 crate), and single-use password-reset
//! links whose token is stored only as its SHA-256.

use std::sync::OnceLock;

use argon2::password_hash::SaltString;
use argon2::password_hash::rand_core::OsRng;
use argon2::{Argon2, PasswordHash, PasswordHasher as _, PasswordVerifier as _};
use sha2::{Digest as _, Sha256};
use sqlx::{AnyPool, Row as _};
use tessera_core::encoding::hex;
use tessera_i18n::Localizer;

use crate::db::{self, new_id};
use crate::domain::Email;
use crate::error::{Error, Result};
use crate::mail::Mailer;

/// The fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// How long a forgotten-password link works.
pub const RESET_SECONDS: i64 = 3600;
/// How long an invitation link works.
pub const INVITE_SECONDS: i64 = 7 * 86_400;

/// An account, as sign-in needs it.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub customer_id: String,
    pub email: String,
    pub password_hash: Option<String>,
}

/// The Argon2id (default parameters) PHC string of `password`; CPU-heavy, so off the async threads.
pub async fn hash_password(password: &str) -> Result<String> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| Error::Internal(format!("cannot hash a password: {e}")))
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// A hash no password matches, verified when there is no account (or no password yet), so
/// the answer takes as long as for a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let mut secret = [0u8; 24];
        let _ = tessera_core::encoding::random_bytes(&mut secret);
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(&secret, &salt).map(|h| h.to_string()).unwrap_or_default()
    })
}

/// Whether `password` matches `hash`; without a hash, a decoy is checked and `false` returned.
pub async fn verify_password(hash: Option<&str>, password: &str) -> bool {
    let (hash, real) = match hash {
        Some(hash) => (hash.to_owned(), true),
        None => (String::new(), false),
    };
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let hash = if real { hash.as_str() } else { decoy_hash() };
        let matches = PasswordHash::new(hash)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok());
        real && matches
    })
    .await
    .unwrap_or(false)
}

/// Why a new password is refused, as a message id, or `None` when it is fine.
#[must_use]
pub fn new_password_problem(password: &str, repeated: &str) -> Option<&'static str> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Some("web-password-too-short")
    } else if password != repeated {
        Some("web-password-mismatch")
    } else {
        None
    }
}

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A `User` from a row of `id, customer_id, email, password_hash`.
fn user_from_row(row: &sqlx::any::AnyRow) -> Result<User> {
    Ok(User {
        id: row.try_get(0)?,
        customer_id: row.try_get(1)?,
        email: row.try_get(2)?,
        password_hash: row.try_get(3)?,
    })
}

/// The account with this e-mail address (any case), if any.
pub async fn user_by_email(pool: &AnyPool, email: &str) -> Result<Option<User>> {
    let row = sqlx::query("SELECT id, customer_id, email, password_hash FROM customer_users WHERE email = $1")
        .bind(Email::normalized(email).into_string())
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(user_from_row).transpose()
}

/// The password hash of account `user_id`, if it has one.
pub async fn password_hash_of(pool: &AnyPool, user_id: &str) -> Result<Option<String>> {
    let hash: Option<Option<String>> = sqlx::query_scalar("SELECT password_hash FROM customer_users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    Ok(hash.flatten())
}

/// Adds an account (without password) for the customer `customer_id`; returns its id.
pub async fn add_user(pool: &AnyPool, customer_id: &str, email: &str) -> Result<String> {
    let email = Email::normalized(email);
    if email.parse::<lettre::Address>().is_err() {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address")));
    }
    let id = new_id("usr");
    let inserted = sqlx::query(
        "INSERT INTO customer_users (id, customer_id, email, password_hash, created_at) VALUES ($1, $2, $3, NULL, $4)",
    )
    .bind(&id)
    .bind(customer_id)
    .bind(email.as_str())
    .bind(db::now())
    .execute(pool)
    .await;
    match inserted {
        Ok(_) => Ok(id),
        Err(e) if db::is_unique_violation(&e) => Err(Error::BadRequest(format!("user {email} exists already"))),
        Err(e) => Err(e.into()),
    }
}

/// A new reset token for `user_id`, working once for `seconds`; only its hash is stored.
pub async fn create_reset(pool: &AnyPool, user_id: &str, seconds: i64) -> Result<String> {
    let mut secret = [0u8; 32];
    tessera_core::encoding::random_bytes(&mut secret)?;
    let token = tessera_core::encoding::base64_url(&secret);
    let now = db::now();
    sqlx::query(
        "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(now)
    .bind(now + seconds)
    .execute(pool)
    .await?;
    Ok(token)
}

/// The account a reset token opens, while it is unused and unexpired.
pub async fn reset_user(pool: &AnyPool, token: &str) -> Result<Option<User>> {
    let row = sqlx::query(
        "SELECT u.id, u.customer_id, u.email, u.password_hash FROM password_resets r \
         JOIN customer_users u ON u.id = r.user_id \
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2",
    )
    .bind(token_hash(token))
    .bind(db::now())
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(user_from_row).transpose()
}

/// Uses a reset token to set the password (already hashed); `None` when the token is unknown,
/// expired or used. The token and every other open link of the account stop working.
pub async fn use_reset(pool: &AnyPool, token: &str, password_hash: &str) -> Result<Option<User>> {
    let Some(user) = reset_user(pool, token).await? else { return Ok(None) };
    let now = db::now();
    let mut tx = pool.begin().await?;
    // Claims the token atomically: of two requests racing with it, one changes a row.
    let claimed = sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(token_hash(token))
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Ok(None);
    }
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(&user.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE customer_users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(&user.id)
        .execute(&mut *tx)
        .await?;
    // Sessions signed in with the old password end.
    sqlx::query("DELETE FROM web_sessions WHERE user_id = $1").bind(&user.id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(Some(user))
}

/// Sets a new password (already hashed) and ends the account's other sessions.
pub async fn change_password(pool: &AnyPool, user_id: &str, password_hash: &str, keep_session: &str) -> Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE customer_users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM web_sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user_id)
        .bind(keep_session)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Makes a one-hour reset link for `user` and mails it to them (a forgotten password).
pub async fn send_reset_link(pool: &AnyPool, mailer: &Mailer, localizer: &Localizer, user: &User) -> Result<()> {
    let token = create_reset(pool, &user.id, RESET_SECONDS).await?;
    mail_link(mailer, localizer, &user.email, &token, false).await
}

/// Mails `user` a link to set a password: `invite` for a new account, else a forgotten password.
pub async fn mail_link(mailer: &Mailer, localizer: &Localizer, email: &str, token: &str, invite: bool) -> Result<()> {
    let link = mailer.link(&format!("/password/reset/{token}"));
    let (subject, body) = if invite {
        ("web-mail-invite-subject", "web-mail-invite-body")
    } else {
        ("web-mail-reset-subject", "web-mail-reset-body")
    };
    mailer.send(email, &localizer.text(subject), localizer.text_with(body, &[("link", link.as_str())])).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_are_argon2id_phc_strings_and_verify_only_themselves() {
        let hash = hash_password("correct horse battery").await.expect("hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password(Some(&hash), "correct horse battery").await);
        assert!(!verify_password(Some(&hash), "correct horse battery!").await);
        assert!(!verify_password(None, "").await, "no account: never");
    }

    #[test]
    fn new_passwords_need_ten_characters_typed_twice_alike() {
        assert_eq!(new_password_problem("short", "short"), Some("web-password-too-short"));
        assert_eq!(new_password_problem("ÄÖÜäöüßéèà", "ÄÖÜäöüßéèà"), None, "characters, not bytes");
        assert_eq!(new_password_problem("long enough 1", "long enough 2"), Some("web-password-mismatch"));
    }
}
