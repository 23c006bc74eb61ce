//! A new machine taking a seat: its request's nonce used, the machine added, the event
//! appended and the seat counted, in one transaction ([`statements::run`]).

use super::events::NewEvent;
use super::machines::NewMachine;
use super::statements;
use super::{Pool, Writer};
use crate::domain::{LicenseId, MachineId};
use crate::error::Result;

/// What taking a seat writes.
#[derive(Debug)]
pub struct Taking<'a> {
    pub license_id: &'a LicenseId,
    /// The request's nonce: a request takes a seat once.
    pub nonce: &'a str,
    pub used_at: i64,
    pub machine_id: &'a MachineId,
    pub machine: &'a NewMachine<'a>,
    pub event: &'a NewEvent<'a>,
}

/// How taking the seat went; nothing is written unless it was [`Taken::Taken`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    Taken,
    /// Every seat of the license is taken.
    Full,
    /// The machine is on the license already (a concurrent activation of the same machine).
    AlreadyThere,
    /// The request's nonce took a seat before (a replayed request file).
    Replayed,
}

/// Takes a seat of `taking.license_id` for its machine, if one is free. The conditional seat
/// count comes last: the license's row is then locked (on PostgreSQL, concurrent activations of
/// one license wait for it) only until the commit.
pub async fn take_seat(pool: &Pool, writer: Option<&Writer>, taking: &Taking<'_>) -> Result<Taken> {
    let statements = vec![
        super::nonces::used(taking.nonce, taking.used_at, Taken::Replayed),
        super::machines::inserted(taking.machine_id, taking.machine, Taken::AlreadyThere)?,
        super::events::appended(taking.event),
        super::licenses::seat_claimed(taking.license_id, Taken::Full),
    ];
    Ok(statements::run(pool, writer, statements).await?.unwrap_or(Taken::Taken))
}
