//! The people of partners and resellers who sign in to the partner console (seed 003): created with a password (the demo) or a one-time link (`admin pool staff`), and signing in with the same Argon2id hashing and decoy check as customer accounts.

use super::accounts::{hash_password, new_password_problem, verify_password};
use crate::domain::{Email, Text, TokenHash, new_token};
use crate::error::{Error, Result};
use crate::store::organisations;
use crate::store::partner_staff::{self, PartnerUser};
use crate::store::{self, Conn, Pool};

/// How long a one-time password link works: a day.
pub const PASSWORD_LINK_SECONDS: i64 = 86_400;

/// Creates person `email` of partner or reseller `organisation_id` with this password; their id.
pub async fn create_with_password(pool: &Pool, organisation_id: &str, email: &str, password: &str) -> Result<String> {
    if let Some(problem) = new_password_problem(password, password) {
        let english = tessera_i18n::Localizer::new(tessera_i18n::Language::En);
        return Err(Error::BadRequest(english.text(problem).into()));
    }
    let hash = hash_password(password).await?;
    let mut tx = store::begin(pool).await?;
    let id = insert_user(&mut tx, organisation_id, email, Some(&hash)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates person `email` of partner or reseller `organisation_id` without a password, and a
/// one-time link (working for a day) with which they set it; returns the link's token, shown
/// once (only its hash is kept).
pub async fn create_with_link(pool: &Pool, organisation_id: &str, email: &str) -> Result<String> {
    let mut tx = store::begin(pool).await?;
    let id = insert_user(&mut tx, organisation_id, email, None).await?;
    let token = new_token()?;
    let now = store::now();
    partner_staff::insert_password_link(&mut tx, &TokenHash::of(&token), &id, now, now + PASSWORD_LINK_SECONDS).await?;
    tx.commit().await?;
    Ok(token)
}

async fn insert_user(conn: &mut Conn, organisation_id: &str, email: &str, hash: Option<&str>) -> Result<String> {
    let email = Email::normalized(&Text::<254>::parse("email", email.trim())?);
    if !email.contains('@') {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address").into()));
    }
    organisations::by_id(conn, organisation_id)
        .await?
        .filter(|o| o.kind == "partner" || o.kind == "reseller")
        .ok_or_else(|| Error::BadRequest(format!("{organisation_id} is not a partner or a reseller.").into()))?;
    partner_staff::insert(conn, organisation_id, &email, hash, store::now()).await?.ok_or_else(|| {
        Error::BadRequest(format!("a partner console account with e-mail {email} exists already").into())
    })
}

/// The person whose e-mail and password these are, or `None` (unknown, disabled, wrong
/// password: told apart neither in the answer nor in its time).
pub async fn sign_in(pool: &Pool, email: &str, password: &str) -> Result<Option<PartnerUser>> {
    let found = partner_staff::by_email(pool, &Email::normalized(email)).await?;
    let matches = verify_password(found.as_ref().and_then(|u| u.password_hash.as_deref()), password).await;
    Ok(found.filter(|_| matches))
}

/// Person `id`, unless disabled.
pub async fn by_id(pool: &Pool, id: &str) -> Result<Option<PartnerUser>> {
    partner_staff::by_id(pool, id).await
}

/// The person a password link opens, while it is unused and unexpired.
pub async fn link_user(pool: &Pool, token: &str) -> Result<Option<PartnerUser>> {
    partner_staff::password_link_user(pool, &TokenHash::of(token), store::now()).await
}

/// Sets the password through a link, once: `None` when the link is unknown, used or expired.
/// Every other link of the person stops working and their open sessions end.
pub async fn use_link(pool: &Pool, token: &str, hash: &str) -> Result<Option<PartnerUser>> {
    let Some(user) = link_user(pool, token).await? else { return Ok(None) };
    let mut tx = store::begin(pool).await?;
    if !partner_staff::use_password_link(&mut tx, &TokenHash::of(token), &user.id, hash, store::now()).await? {
        return Ok(None);
    }
    tx.commit().await?;
    Ok(Some(user))
}
