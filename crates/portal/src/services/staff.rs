//! The vendor's staff: accounts created with a role and a password, and signing in (the same
//! Argon2id hashing and decoy check as customer accounts, so an unknown address answers as
//! slowly as a wrong password); and their optional second factor, a one-time code (RFC 6238)
//! from an authenticator app, which its owner turns on and off with a code, and the shell
//! turns off for a lost phone.

use super::accounts::{hash_password, new_password_problem, verify_password};
use super::events::{self, Change};
use crate::domain::{Actor, Email, EventKind, StaffRole, Text, TokenHash, new_token, totp};
use crate::error::{Error, Result};
use crate::store::password_links::{self, STAFF};
use crate::store::staff::{self, Staff};
use crate::store::{self, Conn, Pool};

/// A member of staff to create.
#[derive(Debug)]
pub struct StaffForm<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: StaffRole,
    pub password: &'a str,
}

/// How long a one-time password link works: a day.
pub const PASSWORD_LINK_SECONDS: i64 = 86_400;

/// Creates a member of staff; returns their id.
pub async fn create(pool: &Pool, actor: &Actor, form: &StaffForm<'_>) -> Result<String> {
    if let Some(problem) = new_password_problem(form.password, form.password) {
        let english = tessera_i18n::Localizer::new(tessera_i18n::Language::En);
        return Err(Error::BadRequest(english.text(problem).into()));
    }
    let hash = hash_password(form.password).await?;
    let mut tx = store::begin(pool).await?;
    let id = insert_member(&mut tx, actor, form.email, form.name, form.role, Some(&hash)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates a member of staff without a password, and a one-time link (working for a day) with
/// which they set it; returns the link's token, shown once (only its hash is kept).
pub async fn create_with_link(pool: &Pool, actor: &Actor, email: &str, name: &str, role: StaffRole) -> Result<String> {
    let mut tx = store::begin(pool).await?;
    let id = insert_member(&mut tx, actor, email, name, role, None).await?;
    let token = new_link(&mut tx, &id).await?;
    tx.commit().await?;
    Ok(token)
}

/// A new one-time link for the member of staff `email` to set their password (a forgotten
/// one): the old password works until the link is used. The link's token, shown once.
pub async fn password_link(pool: &Pool, email: &str) -> Result<String> {
    let email = Email::normalized(email);
    let member = staff::by_email(pool, &email)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("no member of staff has the e-mail {email}").into()))?;
    let mut tx = store::begin(pool).await?;
    let token = new_link(&mut tx, &member.id).await?;
    tx.commit().await?;
    Ok(token)
}

async fn new_link(conn: &mut Conn, staff_id: &str) -> Result<String> {
    let token = new_token()?;
    let now = store::now();
    password_links::insert(conn, STAFF, &TokenHash::of(&token), staff_id, now, now + PASSWORD_LINK_SECONDS).await?;
    Ok(token)
}

/// The member of staff a password link opens, while it is unused and unexpired.
pub async fn link_member(pool: &Pool, token: &str) -> Result<Option<Staff>> {
    match password_links::holder(pool, STAFF, &TokenHash::of(token), store::now()).await? {
        Some(id) => staff::by_id(pool, &id).await,
        None => Ok(None),
    }
}

/// Sets the password through a link, once: `None` when the link is unknown, used or expired.
/// Every other link of the member stops working and their open sessions end; recorded as
/// `password_changed`. `Err(BadRequest)` names what is wrong with the new password.
pub async fn use_link(pool: &Pool, token: &str, hash: &str) -> Result<Option<Staff>> {
    let Some(member) = link_member(pool, token).await? else { return Ok(None) };
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    if !password_links::use_link(&mut tx, STAFF, &TokenHash::of(token), &member.id, hash, now).await? {
        return Ok(None);
    }
    let change = Change {
        kind: EventKind::PasswordChanged,
        at: now,
        subject: &member.email,
        customer_id: None,
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({ "via": "staff link" })),
    };
    events::record(&mut tx, &Actor::staff(&Email::normalized(&member.email)), &change).await?;
    tx.commit().await?;
    Ok(Some(member))
}

/// Checks and inserts a member of staff with the event that says so; their id.
async fn insert_member(
    conn: &mut Conn,
    actor: &Actor,
    email: &str,
    name: &str,
    role: StaffRole,
    hash: Option<&str>,
) -> Result<String> {
    let email = Email::normalized(&Text::<254>::parse("email", email)?);
    if !email.contains('@') {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address").into()));
    }
    let name = Text::<100>::parse("name", name.trim())?;
    let now = store::now();
    let id = staff::insert(conn, &email, &name, role, hash, now)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("a member of staff with e-mail {email} exists already").into()))?;
    let change = Change {
        kind: EventKind::StaffCreated,
        at: now,
        subject: email.as_str(),
        customer_id: None,
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({ "name": name.as_str(), "role": role })),
    };
    events::record(conn, actor, &change).await?;
    Ok(id)
}

/// The member of staff whose e-mail and password these are, or `None` (unknown, disabled, wrong
/// password: told apart neither in the answer nor in its time).
pub async fn sign_in(pool: &Pool, email: &str, password: &str) -> Result<Option<Staff>> {
    let found = staff::by_email(pool, &Email::normalized(email)).await?;
    let matches = verify_password(found.as_ref().and_then(|s| s.password_hash.as_deref()), password).await;
    Ok(found.filter(|_| matches))
}

/// Member of staff `id`, unless disabled.
pub async fn by_id(pool: &Pool, id: &str) -> Result<Option<Staff>> {
    staff::by_id(pool, id).await
}

/// Where a member of staff's second factor stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TwoFactor {
    Off,
    /// Enrolment started: the secret shown, to confirm with a code of it.
    Pending(String),
    On,
}

/// The second factor of member of staff `id`.
pub async fn two_factor(pool: &Pool, id: &str) -> Result<TwoFactor> {
    let record = staff::totp(pool, id).await?.ok_or(Error::NotFound)?;
    Ok(match (record.totp_secret, record.totp_pending) {
        (Some(_), _) => TwoFactor::On,
        (None, Some(pending)) => TwoFactor::Pending(pending),
        (None, None) => TwoFactor::Off,
    })
}

/// Starts an enrolment: a new secret, kept server-side until a code of it confirms it (the
/// form never carries it). Nothing changes when the second factor is on already.
pub async fn start_two_factor(pool: &Pool, id: &str) -> Result<TwoFactor> {
    if two_factor(pool, id).await? == TwoFactor::On {
        return Ok(TwoFactor::On);
    }
    let secret = totp::new_secret()?;
    staff::set_totp_pending(pool, id, Some(&secret)).await?;
    Ok(TwoFactor::Pending(secret))
}

/// Forgets an enrolment not confirmed.
pub async fn cancel_two_factor(pool: &Pool, id: &str) -> Result<()> {
    staff::set_totp_pending(pool, id, None).await
}

/// The change the log records for the second factor turned `on` or off.
fn two_factor_change(member: &Staff, on: bool, at: i64) -> Change<'_> {
    let (word, before) = if on { ("on", "off") } else { ("off", "on") };
    Change {
        kind: if on { EventKind::StaffTwoFactorOn } else { EventKind::StaffTwoFactorOff },
        at,
        subject: member.email.as_str(),
        customer_id: None,
        order_id: None,
        license_id: None,
        before: Some(serde_json::json!({ "two_factor": before })),
        after: Some(serde_json::json!({ "two_factor": word })),
    }
}

/// Turns the second factor on when `code` is one of the pending secret's now (event
/// `staff_two_factor_on`); whether it did.
pub async fn confirm_two_factor(pool: &Pool, actor: &Actor, member: &Staff, code: &str) -> Result<bool> {
    let now = store::now();
    let Some(pending) = staff::totp(pool, &member.id).await?.and_then(|t| t.totp_pending) else { return Ok(false) };
    let Some(step) = totp::matching_step(&pending, code, now, None) else { return Ok(false) };
    let mut tx = store::begin(pool).await?;
    if !staff::turn_totp_on(&mut tx, &member.id, &pending, step).await? {
        return Ok(false);
    }
    events::record(&mut tx, actor, &two_factor_change(member, true, now)).await?;
    tx.commit().await?;
    Ok(true)
}

/// Whether member of staff `id` signs in with a code after the password.
pub async fn needs_code(pool: &Pool, id: &str) -> Result<bool> {
    Ok(staff::totp(pool, id).await?.is_some_and(|t| t.totp_secret.is_some()))
}

/// Whether `code` is one of member of staff `id`'s codes now, not taken before; a right code
/// is taken (it opens nothing a second time).
pub async fn take_code(pool: &Pool, id: &str, code: &str) -> Result<bool> {
    let Some(record) = staff::totp(pool, id).await? else { return Ok(false) };
    let Some(secret) = record.totp_secret else { return Ok(false) };
    match totp::matching_step(&secret, code, store::now(), record.totp_last_step) {
        Some(step) => staff::take_totp_step(pool, id, step).await,
        None => Ok(false),
    }
}

/// Turns the second factor off when `code` is a current one (event `staff_two_factor_off`);
/// whether it did.
pub async fn turn_off_two_factor(pool: &Pool, actor: &Actor, member: &Staff, code: &str) -> Result<bool> {
    if !take_code(pool, &member.id, code).await? {
        return Ok(false);
    }
    turn_off(pool, actor, member).await
}

async fn turn_off(pool: &Pool, actor: &Actor, member: &Staff) -> Result<bool> {
    let mut tx = store::begin(pool).await?;
    if !staff::turn_totp_off(&mut tx, &member.id).await? {
        return Ok(false);
    }
    events::record(&mut tx, actor, &two_factor_change(member, false, store::now())).await?;
    tx.commit().await?;
    Ok(true)
}

/// Turns off the second factor of the member of staff with this e-mail (a lost phone; the
/// shell's `admin staff-reset-2fa`); whether it was on.
pub async fn reset_two_factor(pool: &Pool, actor: &Actor, email: &str) -> Result<bool> {
    let email = Email::normalized(email);
    let member = staff::by_email(pool, &email)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("no member of staff has e-mail {email}").into()))?;
    turn_off(pool, actor, &member).await
}
