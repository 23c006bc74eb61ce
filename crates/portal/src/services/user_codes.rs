//! One-time codes for named users (issue #13): mailed to a company account's address instead
//! of typing the password; eight digits, ten minutes, one use, five tries. Asking for a code
//! answers the same for every address, and an address nobody registered gets a code too, never
//! mailed, so neither the request nor a try tells which addresses have accounts.

use sha2::{Digest as _, Sha256};
use tessera_core::encoding::{hex, random_bytes};

use crate::domain::{Email, new_id};
use crate::error::{Error, Result};
use crate::services::{accounts, mail};
use crate::state::AppState;
use crate::store::user_codes::{self, NewCode};
use crate::store::{self, accounts::User};

/// Digits of a code.
pub const DIGITS: usize = 8;
/// Minutes a code can be used.
pub const MINUTES: i64 = 10;
/// Tries of a code, wrong ones included; the code is void after them.
pub const TRIES: i64 = 5;

/// Stores a new code for `email` (it replaces the address's previous one) and, when an account
/// has that address, queues its mail in the same transaction. The same outcome either way.
pub async fn request(state: &AppState, email: &str) -> Result<()> {
    let email = Email::normalized(email);
    if email.as_str().parse::<lettre::Address>().is_err() {
        return Err(Error::BadRequest("The e-mail address is not valid.".into()));
    }
    let user = accounts::user_by_email(&state.pool, email.as_str()).await?;
    let code = new_code()?;
    let id = new_id("ucd");
    let now = store::now();
    let mut tx = store::begin(&state.pool).await?;
    let new = NewCode {
        id: &id,
        email_hash: &email_hash(&email),
        code_hash: &code_hash(&id, &code),
        created_at: now,
        expires_at: now + MINUTES * 60,
    };
    user_codes::insert(&mut tx, &new).await?;
    if let Some(user) = &user {
        mail::user_code(&mut tx, &state.mailer, &user.customer_id, &user.email, &code, MINUTES).await?;
    }
    tx.commit().await?;
    tracing::info!(mailed = user.is_some(), "named user's one-time code asked for");
    Ok(())
}

/// A code that matched, not used yet: [`use_up`] takes its one use once the activation may go
/// ahead, so a refusal (no seat, a term not started) does not spend it.
#[derive(Debug)]
pub struct Checked {
    id: String,
    pub user: User,
}

/// Checks `typed` against the code in force for `email`: `USER_CODE_EXPIRED` when there is
/// none usable, `USER_CODE_WRONG` (one try counted) when it differs.
pub async fn check(state: &AppState, email: &str, typed: &str) -> Result<Checked> {
    let email = Email::normalized(email);
    let now = store::now();
    let expired = Error::UserCodeExpired(MINUTES);
    let Some(code) = user_codes::newest(&state.pool, &email_hash(&email)).await? else { return Err(expired) };
    if code.used_at.is_some() || code.expires_at <= now || code.attempts >= TRIES {
        return Err(expired);
    }
    let typed: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if code_hash(&code.id, &typed) != code.code_hash {
        // The last try spent: the code is void, and says so from the next try on.
        user_codes::count_wrong(&state.pool, &code.id, TRIES).await?;
        return Err(Error::UserCodeWrong);
    }
    // A code of an address without account was never mailed: it cannot have been typed.
    let user = accounts::user_by_email(&state.pool, email.as_str()).await?.ok_or(Error::UserCodeWrong)?;
    Ok(Checked { id: code.id, user })
}

/// Takes the checked code's one use: `USER_CODE_EXPIRED` if another request took it first or
/// it ran out meanwhile.
pub async fn use_up(state: &AppState, checked: &Checked) -> Result<()> {
    if user_codes::use_once(&state.pool, &checked.id, store::now(), TRIES).await? {
        Ok(())
    } else {
        Err(Error::UserCodeExpired(MINUTES))
    }
}

/// Eight random decimal digits.
fn new_code() -> Result<String> {
    let mut bytes = [0u8; 8];
    random_bytes(&mut bytes)?;
    // The bias of a 64-bit number modulo 10^8 is below 10^-10: negligible.
    Ok(format!("{:08}", u64::from_le_bytes(bytes) % 100_000_000))
}

/// What a code is stored as: its SHA-256 salted with the row's id and the purpose.
fn code_hash(id: &str, code: &str) -> String {
    hex(&Sha256::digest(format!("tessera/user-code/v1\n{id}\n{code}").as_bytes()))
}

/// The key of an address's codes: the SHA-256 of the normalised address.
fn email_hash(email: &Email) -> String {
    hex(&Sha256::digest(format!("tessera/user-code-email/v1\n{}", email.as_str()).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_eight_digits_and_differ() {
        let (a, b) = (new_code().expect("randomness"), new_code().expect("randomness"));
        assert_eq!(a.len(), DIGITS);
        assert!(a.bytes().all(|b| b.is_ascii_digit()), "{a}");
        assert_ne!(a, b);
    }

    #[test]
    fn a_code_s_hash_depends_on_its_row() {
        assert_ne!(code_hash("ucd_1", "12345678"), code_hash("ucd_2", "12345678"));
        assert_eq!(code_hash("ucd_1", "12345678"), code_hash("ucd_1", "12345678"));
        assert_eq!(
            email_hash(&Email::normalized(" Anna@X.example ")),
            email_hash(&Email::normalized("anna@x.example"))
        );
    }
}
