//! The demo's company administration (seed 004): two of Northwind's people invited and
//! registered, one bound to a seat of its Acme Ledger Enterprise license and one without a seat,
//! and a third invited who has not registered yet — made through the seats and accounts services.

use tessera_i18n::Language;

use crate::domain::{Actor, SeatStatus};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::{accounts, seats};
use crate::store::seats::Filter;
use crate::store::{self, Pool};

/// The company whose seats the demo binds.
pub const COMPANY_EMAIL: &str = "demo@northwind.example";

/// Northwind's registered users: e-mail, bound to a seat of license P30.
pub const USERS: [(&str, bool); 2] =
    [("anna.petrova@northwind.example", true), ("ben.martin@northwind.example", false)];

/// Invited, not registered yet.
pub const INVITED: &str = "chloe.roux@northwind.example";

/// The registered users' password (a demo portal is not for production data).
pub const USER_PASSWORD: &str = "demo-user-password";

/// The license whose seat the first user gets.
const LICENSE: &str = "P30";

/// Invites and registers Northwind's users and binds the first, unless they exist already.
pub async fn seed(pool: &Pool, mailer: &Mailer) -> Result<()> {
    if accounts::user_by_email(pool, USERS[0].0).await?.is_some() {
        return Ok(());
    }
    let mut conn = store::acquire(pool).await?;
    let company = crate::services::customers::by_email(&mut conn, COMPANY_EMAIL).await?;
    drop(conn);
    for (email, _) in USERS {
        invited(seats::invite(pool, mailer, Language::En, &company, email).await?)?;
        // Registered as the invitee does, through a link of the account.
        let user = accounts::user_by_email(pool, email)
            .await?
            .ok_or_else(|| Error::Internal(format!("demo user {email} was not made")))?;
        let token = accounts::create_reset(pool, &user.id, accounts::INVITE_SECONDS).await?;
        let hash = accounts::hash_password(USER_PASSWORD).await?;
        accounts::use_reset(pool, &token, &hash).await?;
    }
    invited(seats::invite(pool, mailer, Language::En, &company, INVITED).await?)?;
    let filter = Filter { status: Some(SeatStatus::Free), search: LICENSE, ..Filter::default() };
    let free = seats::page(pool, &company, &filter, None).await?;
    for (seat, (email, _)) in free.rows.iter().filter(|s| s.serial == LICENSE).zip(USERS.iter().filter(|u| u.1)) {
        if let Err(refused) = seats::bind(pool, mailer, &Actor::system(), &company, &seat.id, email).await? {
            return Err(Error::Internal(format!("demo seat for {email}: {}", refused.code())));
        }
    }
    Ok(())
}

fn invited(outcome: std::result::Result<String, seats::Refused>) -> Result<()> {
    outcome.map(|_| ()).map_err(|refused| Error::Internal(format!("demo invitation: {}", refused.code())))
}
