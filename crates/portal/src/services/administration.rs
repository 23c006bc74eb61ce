//! License administration by the vendor's staff: extend a term, change users and computers,
//! free one or every machine, mail the activation key again. Each change is one transaction
//! with its event; the customer's app hears of it at its next refresh.

use crate::domain::{Actor, CustomerId, EventKind, Serial};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::events::{self, Change};
use crate::services::{issuing, licensing};
use crate::store::licenses::{self, License};
use crate::store::machines::Machine;
use crate::store::{self, Pool, customers, machines};

/// Most users or computers one license counts.
pub const MAX_SEATS: i64 = 100_000;

/// Moves the end of the term of license `serial` to `expires_at` (midnight UTC of a day), later
/// than it ends now: a term is extended, never cut short here (a refund or a revocation does
/// that, with a reason). A perpetual license has no end to move.
pub async fn extend_term(pool: &Pool, actor: &Actor, serial: &Serial, expires_at: i64) -> Result<License> {
    let mut tx = store::begin(pool).await?;
    let license = licenses::by_serial(&mut tx, serial).await?.ok_or(Error::NotFound)?;
    let Some(ends_at) = license.expires_at else {
        return Err(Error::refused("bo-refusal-term-perpetual", &[("serial", serial.to_string().into())]));
    };
    if expires_at <= ends_at {
        return Err(Error::refused(
            "bo-refusal-term-not-later",
            &[("serial", serial.to_string().into()), ("day", crate::domain::day::iso(ends_at).into())],
        ));
    }
    licenses::set_expiry(&mut tx, &license.id, expires_at).await?;
    let change = Change::about_license(
        EventKind::LicenseTermExtended,
        &license,
        Some(serde_json::json!({ "expires_at": ends_at })),
        Some(serde_json::json!({ "expires_at": expires_at })),
    );
    events::record(&mut tx, actor, &change).await?;
    let changed = licenses::by_serial(&mut tx, serial).await?.ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(changed)
}

/// Sets the users and computers of license `serial` (1 to [`MAX_SEATS`] each). Fewer computers
/// than hold seats now is refused: the vendor frees machines first, so no customer loses a
/// working computer without being told.
pub async fn change_limits(
    pool: &Pool,
    actor: &Actor,
    serial: &Serial,
    users: i64,
    max_machines: i64,
) -> Result<License> {
    for (key, value) in [("bo-refusal-users-range", users), ("bo-refusal-computers-range", max_machines)] {
        if !(1..=MAX_SEATS).contains(&value) {
            return Err(Error::refused(key, &[("count", value.into()), ("most", MAX_SEATS.into())]));
        }
    }
    let mut tx = store::begin(pool).await?;
    let license = licenses::by_serial(&mut tx, serial).await?.ok_or(Error::NotFound)?;
    if !licenses::set_limits(&mut tx, &license.id, users, max_machines).await? {
        return Err(Error::refused(
            "bo-refusal-seats-held",
            &[
                ("count", license.used_machines.into()),
                ("serial", serial.to_string().into()),
                ("most", max_machines.into()),
            ],
        ));
    }
    let change = Change::about_license(
        EventKind::LicenseLimitsChanged,
        &license,
        Some(serde_json::json!({ "users": license.users, "machines": license.max_machines })),
        Some(serde_json::json!({ "users": users, "machines": max_machines })),
    );
    events::record(&mut tx, actor, &change).await?;
    let changed = licenses::by_serial(&mut tx, serial).await?.ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(changed)
}

/// Frees the seat of machine `machine_id` of license `serial`; `NOT_FOUND` when the license has
/// no such machine (any more).
pub async fn free_machine(pool: &Pool, actor: &Actor, serial: &Serial, machine_id: &str) -> Result<Machine> {
    let license = issuing::license(pool, serial).await?;
    let machine = machines::of_license(pool, &license.id, machine_id).await?.ok_or(Error::NotFound)?;
    if !licensing::release_seat(pool, actor, &license, &machine).await? {
        return Err(Error::NotFound);
    }
    Ok(machine)
}

/// Frees every seat of license `serial`, each recorded as a machine deactivated; how many.
pub async fn free_all_machines(pool: &Pool, actor: &Actor, serial: &Serial) -> Result<usize> {
    let license = issuing::license(pool, serial).await?;
    let mut freed = 0;
    for machine in machines::all_of(pool, &license.id).await? {
        // A machine that gave its seat back meanwhile is simply not counted.
        if licensing::release_seat(pool, actor, &license, &machine).await? {
            freed += 1;
        }
    }
    Ok(freed)
}

/// Mails customer `customer_id` their activation key again, with how to activate; the address
/// it went to.
pub async fn resend_key(pool: &Pool, mailer: &Mailer, actor: &Actor, customer_id: &CustomerId) -> Result<String> {
    let mut tx = store::begin(pool).await?;
    let customer = customers::recipient(&mut tx, customer_id).await?.ok_or(Error::NotFound)?;
    super::mail::key_resent(&mut tx, mailer, customer_id, &customer).await?;
    let change = Change {
        kind: EventKind::KeyResent,
        at: store::now(),
        subject: &customer.email,
        customer_id: Some(customer_id),
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({ "to": customer.email })),
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
    Ok(customer.email)
}
