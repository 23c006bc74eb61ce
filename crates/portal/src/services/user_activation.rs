//! Named-user activation (issue #13): a company account signs in with e-mail and password (or a
//! one-time code mailed to it, [`user_codes`]) from the app or the CLI, and the machine takes a place on the account's bound seat of the product
//! (as many machines per seat as the plan allows, 2 without a plan). Refresh checks the binding:
//! once the seat is unbound (or bound to someone else), the machine's next refresh answers a
//! revoked file with the reason. The Unbind itself releases the seat's machines in its
//! transaction, so their places are free at once; each stays known only to be told at its next
//! refresh, and is forgotten then.

use std::net::SocketAddr;

use tessera_core::{ActivationRequestPayload, LicenseFile};

use super::activation::verified_request;
use super::events::{self, Change};
use super::licensing::{self, Activation, License, Machine, Named};
use crate::domain::day::iso as day;
use crate::domain::{Actor, EventKind, MachineId, Text};
use crate::error::{Error, Result};
use crate::services::{accounts, user_codes};
use crate::state::AppState;
use crate::store::machines::{self, NewMachine};
use crate::store::user_seats::{self, UserSeat};
use crate::store::{self, licenses, nonces};

/// What a named user's activation produced: the activation and the account's e-mail.
#[derive(Debug)]
pub struct UserActivation {
    pub activation: Activation,
    pub email: String,
}

/// How a company account proves itself: its password, or the one-time code mailed to it.
#[derive(Clone, Copy)]
pub enum Credential<'a> {
    Password(&'a str),
    Code(&'a str),
}

/// Which kind, never the secret.
impl std::fmt::Debug for Credential<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Password(_) => "Password(..)",
            Self::Code(_) => "Code(..)",
        })
    }
}

/// Activates the machine of request file `text` for the registered company account `email`
/// proven by `credential`, on the account's seat of the request's product whose term runs now.
/// A code is used up only once the activation may go ahead (a refusal leaves it usable).
pub async fn activate(
    state: &AppState,
    email: &str,
    credential: Credential<'_>,
    text: &str,
    from: SocketAddr,
) -> Result<UserActivation> {
    let (_, request) = verified_request(text)?;
    Text::<64>::parse("product", request.product.as_str())?;
    Text::<255>::parse("hostname", request.hostname.as_str())?;
    Text::<64>::parse("app_version", request.app_version.as_str())?;
    let (user, code) = match credential {
        Credential::Password(password) => {
            let user = accounts::user_by_email(&state.pool, email).await?;
            let hash = user.as_ref().and_then(|u| u.password_hash.as_deref());
            // A missing account or one without password checks a decoy: the same time, the same answer.
            if !accounts::verify_password(hash, password).await {
                return Err(Error::UserSignInFailed);
            }
            (user.ok_or(Error::UserSignInFailed)?, None)
        }
        Credential::Code(typed) => {
            let checked = user_codes::check(state, email, typed).await?;
            (checked.user.clone(), Some(checked))
        }
    };
    let now = store::now();
    let product = user_seats::product_name(&state.pool, &request.product).await?;
    let product = product.unwrap_or_else(|| request.product.clone());
    let seats = user_seats::bound_to(&state.pool, &user.id, &request.product).await?;
    let seat = running(&seats, &product, now)?;
    let license = licenses::by_id(&state.pool, &seat.license_id).await?.ok_or(Error::NotFound)?;
    if let Some(refusal) = license.refusal(now) {
        return Err(refusal);
    }
    if let Some(checked) = &code {
        user_codes::use_up(state, checked).await?;
    }
    let (machine_id, new_seat) = place(state, &license, seat, user.id.as_str(), &request, now, from).await?;
    tracing::info!(license = %license.id, seat = %seat.id, new_seat, "named user's machine activated");
    let license = licenses::by_id(&state.pool, &license.id).await?.ok_or(Error::NotFound)?;
    let named = Named { email: &user.email, unbound: false };
    let file = licensing::issue_for(
        &state.keys,
        &state.vendor,
        &license,
        (request.fingerprint, &request.components),
        now,
        Some(named),
    )?;
    Ok(UserActivation { activation: Activation { license, machine_id, file, new_seat }, email: user.email })
}

/// The seat whose term runs at `now`; else why none: a term not started (the first to
/// start), one ended (the last to end), or no seat at all.
fn running<'a>(seats: &'a [UserSeat], product: &str, now: i64) -> Result<&'a UserSeat> {
    let runs = |s: &&UserSeat| s.starts_at <= now && s.ends_at.is_none_or(|end| end > now);
    if let Some(seat) = seats.iter().find(runs) {
        return Ok(seat);
    }
    if let Some(next) = seats.iter().filter(|s| s.starts_at > now).min_by_key(|s| s.starts_at) {
        return Err(Error::SeatNotStarted { product: product.to_owned(), starts: day(next.starts_at) });
    }
    match seats.iter().filter_map(|s| s.ends_at).max() {
        Some(ended) => Err(Error::SeatEnded { product: product.to_owned(), ended: day(ended) }),
        None => Err(Error::NoSeat(product.to_owned())),
    }
}

/// Puts the request's machine on `seat` for account `user_id` (its id, and whether it is new):
/// a machine already there renews its place; a new one takes a seat of the license and a place on the user's seat in one
/// transaction, whose first write claims the license's row, so two activations of the same
/// license count their places one after the other.
async fn place(
    state: &AppState,
    license: &License,
    seat: &UserSeat,
    user_id: &str,
    request: &ActivationRequestPayload,
    now: i64,
    from: SocketAddr,
) -> Result<(MachineId, bool)> {
    let fingerprint = request.fingerprint.to_hex();
    // A few times at most: a released machine is forgotten first, and a concurrent activation
    // of the same machine may win the place.
    for _ in 0..3 {
        if let Some(machine) = machines::by_fingerprint(&state.pool, &license.id, &fingerprint).await? {
            if machine.released_at.is_none() {
                return renew(state, license, seat, user_id, &machine, request, now).await.map(|id| (id, false));
            }
            // Released at an Unbind and never refreshed since: forgotten, it takes a place anew.
            licensing::release_seat(&state.pool, &Actor::machine(&machine.id).from_address(from), license, &machine)
                .await?;
            continue;
        }
        let mut tx = store::begin(&state.pool).await?;
        if !licenses::claim_seat(&mut tx, &license.id).await? {
            tx.rollback().await?;
            return Err(Error::TooManyMachines(license.max_machines));
        }
        if machines::count_on_seat(&mut tx, &seat.id, user_id).await? >= seat.machines_per_user {
            tx.rollback().await?;
            return Err(Error::UserTooManyMachines(seat.machines_per_user));
        }
        if !nonces::use_once_in(&mut tx, &format!("request:{}", request.nonce.to_hex()), now).await? {
            tx.rollback().await?;
            return Err(Error::Replayed);
        }
        let new = NewMachine {
            license_id: &license.id,
            fingerprint: &fingerprint,
            components: &request.components,
            hostname: &request.hostname,
            machine_key: &request.machine_key.to_base64(),
            app_version: &request.app_version,
            activated_at: now,
            last_seen_at: now,
        };
        let Some(machine_id) = machines::insert(&mut tx, &new).await? else {
            tx.rollback().await?;
            continue;
        };
        machines::place_on_seat(&mut tx, &machine_id, &seat.id, user_id).await?;
        let after = serde_json::json!({
            "machine": machine_id,
            "hostname": request.hostname,
            "app_version": request.app_version,
            "seat": seat.number,
            "via": "named user",
        });
        let change =
            Change { at: now, ..Change::about_license(EventKind::MachineActivated, license, None, Some(after)) };
        events::record(&mut tx, &Actor::machine(&machine_id).from_address(from), &change).await?;
        tx.commit().await?;
        return Ok((machine_id, true));
    }
    Err(Error::Internal("a named user's activation kept racing with itself".into()))
}

/// A machine already holding a place of the license: the same user's on this seat renews it;
/// a machine of another seat or activated with a key is not moved (`TOO_MANY_MACHINES`: it
/// holds its own seat of the license already).
async fn renew(
    state: &AppState,
    license: &License,
    seat: &UserSeat,
    user_id: &str,
    machine: &Machine,
    request: &ActivationRequestPayload,
    now: i64,
) -> Result<MachineId> {
    if machine.seat_id.as_deref() != Some(seat.id.as_str()) || machine.user_id.as_deref() != Some(user_id) {
        return Err(Error::TooManyMachines(license.max_machines));
    }
    machines::renew(&state.pool, &machine.id, request, now).await?;
    Ok(machine.id.clone())
}

/// The named user a refreshing machine's file is for: `None` for a machine activated with a
/// key; else the account's e-mail and whether its seat was unbound from it since.
pub async fn named_of(state: &AppState, machine: &Machine) -> Result<Option<(String, bool)>> {
    let (Some(seat_id), Some(user_id)) = (&machine.seat_id, &machine.user_id) else { return Ok(None) };
    let holder = user_seats::holder(&state.pool, seat_id).await?.flatten();
    let email = user_seats::email_of(&state.pool, user_id).await?.unwrap_or_default();
    // Released: unbound at least once since, even if the same account was bound again.
    let unbound = machine.released_at.is_some() || holder.as_deref() != Some(user_id.as_str());
    Ok(Some((email, unbound)))
}

/// Refresh of a named user's machine whose seat was unbound: the revoked file with the
/// reason, and the machine's place given back (its next call is `NOT_ACTIVATED`).
pub async fn revoked_at_refresh(
    state: &AppState,
    license: &License,
    machine: &Machine,
    email: &str,
    now: i64,
    from: SocketAddr,
) -> Result<LicenseFile> {
    let file = licensing::issue_for(
        &state.keys,
        &state.vendor,
        license,
        (licensing::fingerprint_of(machine)?, &machine.components),
        now,
        Some(Named { email, unbound: true }),
    )?;
    let actor = Actor::machine(&machine.id).from_address(from);
    licensing::release_seat(&state.pool, &actor, license, machine).await?;
    tracing::info!(license = %license.id, machine = %machine.id, "named user's machine revoked: seat unbound");
    Ok(file)
}
