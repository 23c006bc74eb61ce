//! The vendor's staff: accounts created with a role and a password, and signing in (the same
//! Argon2id hashing and decoy check as customer accounts, so an unknown address answers as
//! slowly as a wrong password).

use super::accounts::{hash_password, new_password_problem, verify_password};
use super::events::{self, Change};
use crate::domain::{Actor, Email, EventKind, StaffRole, Text};
use crate::error::{Error, Result};
use crate::store::staff::{self, Staff};
use crate::store::{self, Pool};

/// A member of staff to create.
#[derive(Debug)]
pub struct StaffForm<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: StaffRole,
    pub password: &'a str,
}

/// Creates a member of staff; returns their id.
pub async fn create(pool: &Pool, actor: &Actor, form: &StaffForm<'_>) -> Result<String> {
    let email = Email::normalized(&Text::<254>::parse("email", form.email)?);
    if !email.contains('@') {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address")));
    }
    let name = Text::<100>::parse("name", form.name.trim())?;
    if let Some(problem) = new_password_problem(form.password, form.password) {
        let english = tessera_i18n::Localizer::new(tessera_i18n::Language::En);
        return Err(Error::BadRequest(english.text(problem)));
    }
    let hash = hash_password(form.password).await?;
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    let id = staff::insert(&mut tx, &email, &name, form.role, &hash, now)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("a member of staff with e-mail {email} exists already")))?;
    let change = Change {
        kind: EventKind::StaffCreated,
        at: now,
        subject: email.as_str(),
        customer_id: None,
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({ "name": name.as_str(), "role": form.role })),
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
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
