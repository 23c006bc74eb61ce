//! Customer accounts: people of a customer signing in with e-mail and password (Argon2id,
//! PHC strings, verified in constant time by the argon2 crate), and single-use password-reset
//! links whose token is stored only as its SHA-256.

use std::sync::OnceLock;

use argon2::password_hash::SaltString;
use argon2::password_hash::rand_core::OsRng;
use argon2::{Argon2, PasswordHash, PasswordHasher as _, PasswordVerifier as _};
use tessera_i18n::Localizer;

use crate::domain::{Actor, CustomerId, Email, EventKind, TokenHash, UserId, new_token};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::events::{self, Change};
use crate::store::{self, Pool};

/// The fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// How long a forgotten-password link works.
pub const RESET_SECONDS: i64 = 3600;
/// How long an invitation link works.
pub const INVITE_SECONDS: i64 = 7 * 86_400;

pub use crate::store::accounts::User;

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

/// The account with this e-mail address (any case), if any.
pub async fn user_by_email(pool: &Pool, email: &str) -> Result<Option<User>> {
    store::accounts::by_email(pool, &Email::normalized(email)).await
}

/// The password hash of account `user_id`, if it has one.
pub async fn password_hash_of(pool: &Pool, user_id: &UserId) -> Result<Option<String>> {
    store::accounts::password_hash_of(pool, user_id).await
}

/// Adds an account (without password) for the customer `customer_id`; returns its id.
pub async fn add_user(pool: &Pool, customer_id: &CustomerId, email: &str) -> Result<UserId> {
    let email = Email::normalized(email);
    if email.parse::<lettre::Address>().is_err() {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address").into()));
    }
    store::accounts::insert(pool, customer_id, &email, store::now())
        .await?
        .ok_or_else(|| Error::BadRequest(format!("user {email} exists already").into()))
}

/// A new reset token for `user_id`, working once for `seconds`; only its hash is stored.
pub async fn create_reset(pool: &Pool, user_id: &UserId, seconds: i64) -> Result<String> {
    let token = new_token()?;
    let now = store::now();
    store::accounts::insert_reset(pool, &TokenHash::of(&token), user_id, now, now + seconds).await?;
    Ok(token)
}

/// The account a reset token opens, while it is unused and unexpired.
pub async fn reset_user(pool: &Pool, token: &str) -> Result<Option<User>> {
    store::accounts::reset_user(pool, &TokenHash::of(token), store::now()).await
}

/// Uses a reset token to set the password (already hashed); `None` when the token is unknown,
/// expired or used. The token and every other open link of the account stop working, and
/// sessions signed in with the old password end.
pub async fn use_reset(pool: &Pool, token: &str, password_hash: &str) -> Result<Option<User>> {
    let Some(user) = reset_user(pool, token).await? else { return Ok(None) };
    let mut tx = store::begin(pool).await?;
    if !store::accounts::use_reset(&mut tx, &TokenHash::of(token), &user.id, password_hash, store::now()).await? {
        return Ok(None);
    }
    password_changed(&mut tx, &user.customer_id, &user.email, "link").await?;
    tx.commit().await?;
    Ok(Some(user))
}

/// Records that the account `email` of `customer_id` has a new password, set `via` a mailed
/// link or by the signed-in person; never the password.
async fn password_changed(conn: &mut store::Conn, customer_id: &CustomerId, email: &str, via: &str) -> Result<()> {
    let email = Email::normalized(email);
    let change = Change {
        kind: EventKind::PasswordChanged,
        at: store::now(),
        subject: email.as_str(),
        customer_id: Some(customer_id),
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({ "via": via })),
    };
    events::record(conn, &Actor::customer(customer_id), &change).await
}

/// Sets a new password (already hashed) and ends the account's other sessions.
pub async fn change_password(
    pool: &Pool,
    customer_id: &CustomerId,
    email: &str,
    user_id: &UserId,
    password_hash: &str,
    keep_session: &TokenHash,
) -> Result<()> {
    let mut tx = store::begin(pool).await?;
    store::accounts::change_password(&mut tx, user_id, password_hash, keep_session).await?;
    password_changed(&mut tx, customer_id, email, "signed in").await?;
    tx.commit().await?;
    Ok(())
}

/// Makes a one-hour reset link for `user` and queues the mail with it (a forgotten password).
pub async fn send_reset_link(pool: &Pool, mailer: &Mailer, localizer: &Localizer, user: &User) -> Result<()> {
    let token = create_reset(pool, &user.id, RESET_SECONDS).await?;
    mail_link(pool, mailer, localizer.language(), &user.email, &token, false).await
}

/// Queues the mail with a link to set a password: `invite` for a new account, else a forgotten
/// password.
pub async fn mail_link(
    pool: &Pool,
    mailer: &Mailer,
    language: tessera_i18n::Language,
    email: &str,
    token: &str,
    invite: bool,
) -> Result<()> {
    let mut conn = store::acquire(pool).await?;
    super::mail::password_link(&mut conn, mailer, language, email, token, invite).await
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
