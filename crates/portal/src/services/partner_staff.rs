//! The people of partners and resellers who sign in to the partner console (seed 003): created with a password (the demo) or a one-time link (`admin pool staff`, or invited by a colleague from the console's People page), signing in with the same Argon2id hashing and decoy check as customer accounts, asking for a new link when they forget their password, and disabled by a colleague.

use tessera_i18n::Language;

use super::accounts::{hash_password, new_password_problem, verify_password};
use super::mail::{LinkWords, link_mail};
use crate::domain::{Email, MailKind, Text, TokenHash, new_token};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::organisations;
use crate::store::partner_staff::{self, PartnerUser, Person};
use crate::store::password_links::{self, PARTNER_STAFF};
use crate::store::{self, Conn, Pool};

/// How long a one-time password link works: a day.
pub const PASSWORD_LINK_SECONDS: i64 = 86_400;

/// How long the link of a forgotten password works: an hour.
pub const RESET_SECONDS: i64 = 3_600;

/// Why the People page refused what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not an e-mail address.
    BadEmail,
    /// Someone signs in to the console with this e-mail already.
    Taken,
    /// One does not disable oneself (a colleague does, or the vendor).
    Yourself,
}

impl Refused {
    /// The message's key.
    #[must_use]
    pub fn message_id(self) -> &'static str {
        match self {
            Self::BadEmail => "partner-people-bad-email",
            Self::Taken => "partner-people-taken",
            Self::Yourself => "partner-people-yourself",
        }
    }
}

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
    let token = new_link(&mut tx, &id, PASSWORD_LINK_SECONDS).await?;
    tx.commit().await?;
    Ok(token)
}

/// A new one-time link of person `id`, working for `seconds`: its token (only its hash is kept).
async fn new_link(conn: &mut Conn, id: &str, seconds: i64) -> Result<String> {
    let token = new_token()?;
    let now = store::now();
    password_links::insert(conn, PARTNER_STAFF, &TokenHash::of(&token), id, now, now + seconds).await?;
    Ok(token)
}

/// The path a link's token opens.
fn link_path(token: &str) -> String {
    format!("/partner/password/{token}")
}

/// Invites `email` to the console of `organisation_id`: an account without password and the
/// mailed link (working for a day) with which they set it, in `language`.
pub async fn invite(
    pool: &Pool,
    mailer: &Mailer,
    language: Language,
    organisation_id: &str,
    email: &str,
) -> Result<std::result::Result<String, Refused>> {
    let email = Email::normalized(email.trim());
    if email.as_str().parse::<lettre::Address>().is_err() {
        return Ok(Err(Refused::BadEmail));
    }
    let mut tx = store::begin(pool).await?;
    let Some(id) = partner_staff::insert(&mut tx, organisation_id, &email, None, store::now()).await? else {
        return Ok(Err(Refused::Taken));
    };
    let token = new_link(&mut tx, &id, PASSWORD_LINK_SECONDS).await?;
    let words = LinkWords {
        kind: MailKind::Invitation,
        subject: "partner-mail-invite-subject",
        body: "partner-mail-invite-body",
    };
    link_mail(&mut tx, mailer, language, email.as_str(), &link_path(&token), &words).await?;
    tx.commit().await?;
    Ok(Ok(email.to_string()))
}

/// Mails person `user` a link (working for an hour) to set a new password, in `language`.
pub async fn send_reset_link(pool: &Pool, mailer: &Mailer, language: Language, user: &PartnerUser) -> Result<()> {
    let mut tx = store::begin(pool).await?;
    let token = new_link(&mut tx, &user.id, RESET_SECONDS).await?;
    let words = LinkWords {
        kind: MailKind::PasswordReset,
        subject: "partner-mail-reset-subject",
        body: "partner-mail-reset-body",
    };
    link_mail(&mut tx, mailer, language, &user.email, &link_path(&token), &words).await?;
    tx.commit().await?;
    Ok(())
}

/// The people of `organisation_id`, disabled ones included.
pub async fn people(pool: &Pool, organisation_id: &str) -> Result<Vec<Person>> {
    partner_staff::of_organisation(pool, organisation_id).await
}

/// Person `id` of `by`'s organisation signs in no more: their sessions end and their links
/// stop working. Their e-mail; `None` when no such enabled person is the organisation's.
pub async fn disable(pool: &Pool, by: &PartnerUser, id: &str) -> Result<std::result::Result<Option<String>, Refused>> {
    if by.id == id {
        return Ok(Err(Refused::Yourself));
    }
    let mut tx = store::begin(pool).await?;
    let email = partner_staff::disable(&mut tx, &by.organisation_id, id, store::now()).await?;
    tx.commit().await?;
    if email.is_some() {
        tracing::info!(partner_user = %id, by = %by.id, "partner console person disabled");
    }
    Ok(Ok(email))
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

/// The vendor disables person `email` of `organisation_id` (`admin pool staff-disable`): their
/// e-mail, or `None` when the organisation has no such enabled person.
pub async fn disable_by_email(pool: &Pool, organisation_id: &str, email: &str) -> Result<Option<String>> {
    let email = Email::normalized(email.trim());
    let people = partner_staff::of_organisation(pool, organisation_id).await?;
    let Some(person) = people.iter().find(|p| p.email == email.as_str() && p.disabled_at.is_none()) else {
        return Ok(None);
    };
    let mut tx = store::begin(pool).await?;
    let disabled = partner_staff::disable(&mut tx, organisation_id, &person.id, store::now()).await?;
    tx.commit().await?;
    Ok(disabled)
}

/// The person signing in with `email`, unless unknown or disabled.
pub async fn by_email(pool: &Pool, email: &Email) -> Result<Option<PartnerUser>> {
    partner_staff::by_email(pool, email).await
}

/// Person `id`, unless disabled.
pub async fn by_id(pool: &Pool, id: &str) -> Result<Option<PartnerUser>> {
    partner_staff::by_id(pool, id).await
}

/// The person a password link opens, while it is unused and unexpired.
pub async fn link_user(pool: &Pool, token: &str) -> Result<Option<PartnerUser>> {
    match password_links::holder(pool, PARTNER_STAFF, &TokenHash::of(token), store::now()).await? {
        Some(id) => partner_staff::by_id(pool, &id).await,
        None => Ok(None),
    }
}

/// Sets the password through a link, once: `None` when the link is unknown, used or expired.
/// Every other link of the person stops working and their open sessions end.
pub async fn use_link(pool: &Pool, token: &str, hash: &str) -> Result<Option<PartnerUser>> {
    let Some(user) = link_user(pool, token).await? else { return Ok(None) };
    let mut tx = store::begin(pool).await?;
    if !password_links::use_link(&mut tx, PARTNER_STAFF, &TokenHash::of(token), &user.id, hash, store::now()).await? {
        return Ok(None);
    }
    tx.commit().await?;
    Ok(Some(user))
}
