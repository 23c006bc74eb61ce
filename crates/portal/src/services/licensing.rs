//! Seats and license files: finding the license a key activates, taking and freeing seats
//! atomically, and issuing signed license files.

use tessera_core::{
    ActivationKey, ActivationRequestPayload, Components, FingerprintDigest, LicenseFile, LicensePayload, LicenseStatus,
    SubscriptionState, SubscriptionTerm, Timestamp,
};

use super::events::{self, Change};
use crate::domain::{Actor, CustomerId, EventKind, MachineId, Text};
use crate::error::{Error, Result};
use crate::keys::KeyRing;
pub use crate::store::licenses::{Gate, License};
pub use crate::store::machines::Machine;
use crate::store::machines::NewMachine;
use crate::store::seat_taking::{self, Taken, Taking};
use crate::store::{self, Pool, licenses, machines};

/// The database as activation reaches it: the pool, and on embedded SQLite its writer.
#[derive(Debug, Clone, Copy)]
pub struct Db<'a> {
    pub pool: &'a Pool,
    pub writer: Option<&'a store::Writer>,
}

impl<'a> Db<'a> {
    /// The portal's database, as `state` holds it.
    pub fn of(state: &'a crate::state::AppState) -> Self {
        Self { pool: &state.pool, writer: state.writer.as_deref() }
    }
}

/// What every table of licenses (the pages', the API's) shows of a license at a time,
/// beside its own columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Whole days left in the term; `None` for a perpetual license.
    pub days: Option<i64>,
    /// Whether a support term covers that time.
    pub supported: bool,
    /// The state's code for its label: `VALID`, `EXPIRED`, `SUSPENDED` or `REVOKED`.
    pub state: &'static str,
}

impl License {
    /// The license as the tables show it at `now`.
    #[must_use]
    pub fn summary(&self, now: i64) -> Summary {
        Summary {
            days: self.expires_at.map(|at| ((at - now) / 86_400).max(0)),
            supported: self.support_until.is_some_and(|until| until > now),
            state: match self.refusal(now) {
                Some(Error::Revoked) => "REVOKED",
                Some(Error::Suspended) => "SUSPENDED",
                Some(_) => "EXPIRED",
                None => "VALID",
            },
        }
    }

    /// Why this license cannot be used now, in the order a customer should hear it.
    pub fn refusal(&self, now: i64) -> Option<Error> {
        refusal(self.status, self.expires_at, now)
    }
}

/// Why a license of `status` ending at `expires_at` cannot be used at `now`, in the order a
/// customer should hear it.
fn refusal(status: LicenseStatus, expires_at: Option<i64>, now: i64) -> Option<Error> {
    match status {
        LicenseStatus::Revoked => Some(Error::Revoked),
        LicenseStatus::Suspended => Some(Error::Suspended),
        LicenseStatus::Active if expires_at.is_some_and(|at| at <= now) => Some(Error::Expired),
        LicenseStatus::Active => None,
    }
}

/// What [`standing`] needs of a license: whether it can be used now.
pub trait Usable {
    /// Why it cannot be used at `now`, if it cannot.
    fn refusal(&self, now: i64) -> Option<Error>;
}

impl Usable for License {
    fn refusal(&self, now: i64) -> Option<Error> {
        License::refusal(self, now)
    }
}

impl Usable for Gate {
    fn refusal(&self, now: i64) -> Option<Error> {
        refusal(self.status, self.expires_at, now)
    }
}

/// Where a machine stands with the licenses of an activation key: decided here once, for
/// activation and for validation alike.
#[derive(Debug)]
pub enum Standing<'a, L = License> {
    /// It holds a seat of this usable license: activation renews it, validation says valid.
    Holds(&'a L),
    /// No license of the key is usable: the refusal of a license it holds a seat of, else of
    /// the first license, and that license.
    Refused(Error, &'a L),
    /// It holds no seat of a usable license: it may take a seat of one of these, in order.
    MayTake(Vec<&'a L>),
}

/// The standing of a machine, from the key's licenses (oldest first), each with whether the
/// machine holds a seat of it; `None` when the key has no license of the product.
#[must_use]
pub fn standing<'a, L: Usable>(licenses: &[(&'a L, bool)], now: i64) -> Option<Standing<'a, L>> {
    let (first, _) = licenses.first()?;
    let mut held = None;
    for (license, _) in licenses.iter().filter(|(_, on_machine)| *on_machine) {
        match license.refusal(now) {
            None => return Some(Standing::Holds(license)),
            Some(refusal) => {
                held.get_or_insert((refusal, *license));
            }
        }
    }
    let usable: Vec<&L> = licenses.iter().map(|(license, _)| *license).filter(|l| l.refusal(now).is_none()).collect();
    if usable.is_empty() {
        let (refusal, license) = held.unwrap_or_else(|| (first.refusal(now).unwrap_or(Error::KeyNotFound), first));
        return Some(Standing::Refused(refusal, license));
    }
    Some(Standing::MayTake(usable))
}

/// What a successful activation produced.
#[derive(Debug)]
pub struct Activation {
    pub license: License,
    pub machine_id: MachineId,
    pub file: LicenseFile,
    /// False when this machine already held a seat (re-activation is not a second seat).
    pub new_seat: bool,
}

/// Why a key opens no license of `product`: `NOT_PAID` when its customer has an order of the
/// product waiting for its payment (the licenses are issued when it is recorded), else
/// `KEY_NOT_FOUND`, the same for an unknown key as for a key without that product.
pub async fn no_license(pool: &Pool, key: &ActivationKey, product: &str) -> Result<Error> {
    let Some(customer) = store::customers::owning_key(pool, key.as_str()).await? else {
        return Ok(Error::KeyNotFound);
    };
    let customer = CustomerId::new(customer);
    Ok(match store::orders::awaiting_payment_for(pool, &customer, product).await? {
        Some(reference) => Error::NotPaid(reference),
        None => Error::KeyNotFound,
    })
}

/// Activates the machine of a verified request: re-activation of a known machine renews its
/// file; otherwise a seat is taken with a conditional update that cannot overfill.
pub async fn activate(
    db: Db<'_>,
    keys: &KeyRing,
    vendor: &Vendor,
    request: &ActivationRequestPayload,
    from: Option<std::net::SocketAddr>,
) -> Result<Activation> {
    // The signed request's own strings are inbound text like any other.
    Text::<64>::parse("product", request.product.as_str())?;
    Text::<255>::parse("hostname", request.hostname.as_str())?;
    Text::<64>::parse("app_version", request.app_version.as_str())?;
    let pool = db.pool;
    let found = licenses::for_key(pool, &request.activation_key, &request.product).await?;
    if found.is_empty() {
        return Err(no_license(pool, &request.activation_key, &request.product).await?);
    }
    let fingerprint = request.fingerprint.to_hex();
    let now = store::now();
    // Twice at most: a concurrent activation of the same machine may win the seat.
    for _ in 0..2 {
        let mut held = Vec::with_capacity(found.len());
        for license in &found {
            held.push(machines::by_fingerprint(pool, &license.id, &fingerprint).await?);
        }
        let on_machine: Vec<(&License, bool)> = found.iter().zip(&held).map(|(l, m)| (l, m.is_some())).collect();
        let usable = match standing(&on_machine, now).ok_or(Error::KeyNotFound)? {
            // A machine already holding a seat of a usable license renews it.
            Standing::Holds(license) => {
                let machine = found.iter().zip(&held).find(|(l, _)| l.id == license.id).and_then(|(_, m)| m.as_ref());
                let machine = machine.ok_or_else(|| Error::Internal("the seat held is gone".into()))?;
                machines::renew(pool, &machine.id, request, now).await?;
                // As read above: a change made since reaches the machine at its next refresh.
                let license = license.clone();
                let file = issue(keys, vendor, &license, request.fingerprint, &request.components, now)?;
                return Ok(Activation { license, machine_id: machine.id.clone(), file, new_seat: false });
            }
            Standing::Refused(refusal, _) => return Err(refusal),
            Standing::MayTake(usable) => usable,
        };
        // Seats this machine holds of licenses no longer usable: given back once it moved.
        let held_seats: Vec<&Machine> = held.iter().flatten().collect();
        let mut raced = false;
        for license in &usable {
            match take_seat(db, license, request, now, from).await? {
                (Taken::Taken, machine_id) => {
                    for old in &held_seats {
                        let of = found.iter().find(|l| l.id == old.license_id).ok_or(Error::NotFound)?;
                        release_seat(pool, &Actor::machine(&old.id).from_maybe(from), of, old).await?;
                    }
                    let mut license = (*license).clone();
                    license.used_machines += 1;
                    let file = issue(keys, vendor, &license, request.fingerprint, &request.components, now)?;
                    return Ok(Activation { license, machine_id, file, new_seat: true });
                }
                // Full, perhaps because a concurrent activation of this very machine took
                // the last seat: then this one renews it on the next round.
                (Taken::Full, _) if machines::by_fingerprint(pool, &license.id, &fingerprint).await?.is_some() => {
                    raced = true;
                    break;
                }
                (Taken::Full, _) => {}
                (Taken::Replayed, _) => return Err(Error::Replayed),
                (Taken::AlreadyThere, _) => {
                    raced = true;
                    break;
                }
            }
        }
        if !raced {
            return Err(Error::TooManyMachines(usable.iter().map(|l| l.max_machines).sum()));
        }
    }
    Err(Error::Internal("activation kept racing with itself".into()))
}

/// Takes a seat of `license` for the request's machine: how it went, and the id the machine has
/// if it was taken.
async fn take_seat(
    db: Db<'_>,
    license: &License,
    request: &ActivationRequestPayload,
    now: i64,
    from: Option<std::net::SocketAddr>,
) -> Result<(Taken, MachineId)> {
    let machine_id = MachineId::new(store::new_id("mch"));
    let new = NewMachine {
        license_id: &license.id,
        fingerprint: &request.fingerprint.to_hex(),
        components: &request.components,
        hostname: &request.hostname,
        machine_key: &request.machine_key.to_base64(),
        app_version: &request.app_version,
        activated_at: now,
        last_seen_at: now,
    };
    let after = serde_json::json!({
        "machine": machine_id,
        "hostname": request.hostname,
        "app_version": request.app_version,
    });
    let change = Change { at: now, ..Change::about_license(EventKind::MachineActivated, license, None, Some(after)) };
    let actor = Actor::machine(&machine_id).from_maybe(from);
    // A request takes a seat once: replaying an old request file after its machine was
    // deactivated must not take the seat again. (Re-sending it while the machine is active is
    // a renewal, handled before this.)
    let nonce = format!("request:{}", request.nonce.to_hex());
    let taking = Taking {
        license_id: &license.id,
        nonce: &nonce,
        used_at: now,
        machine_id: &machine_id,
        machine: &new,
        event: &events::row(&actor, &change),
    };
    let taken = seat_taking::take_seat(db.pool, db.writer, &taking).await?;
    Ok((taken, machine_id))
}

/// The seat of a computer that takes its license file from the customer pages (an older
/// release without online activation): the machine with this fingerprint if it has one, else a
/// new seat, taken with the same conditional update as an activation, so it cannot overfill.
/// Such a machine has no machine key: it cannot call the API, and is deactivated from the pages.
/// A new seat is recorded in the event log (`machine_activated`, by `actor`) with it.
pub async fn seat_for_download(
    pool: &Pool,
    actor: &Actor,
    license: &License,
    fingerprint: &str,
    hostname: &str,
) -> Result<Machine> {
    if let Some(machine) = machines::by_fingerprint(pool, &license.id, fingerprint).await? {
        return Ok(machine);
    }
    let mut tx = pool.begin().await?;
    if !licenses::claim_seat(&mut tx, &license.id).await? {
        tx.rollback().await?;
        // A concurrent download for the same computer may have taken the last seat.
        return match machines::by_fingerprint(pool, &license.id, fingerprint).await? {
            Some(machine) => Ok(machine),
            None => Err(Error::TooManyMachines(license.max_machines)),
        };
    }
    let now = store::now();
    let new = NewMachine {
        license_id: &license.id,
        fingerprint,
        components: &Components::default(),
        hostname,
        machine_key: "",
        app_version: "license file",
        activated_at: now,
        last_seen_at: now,
    };
    if let Some(machine_id) = machines::insert(&mut tx, &new).await? {
        let change = Change::about_license(
            EventKind::MachineActivated,
            license,
            None,
            Some(serde_json::json!({ "machine": machine_id, "hostname": hostname, "via": "license file" })),
        );
        events::record(&mut tx, actor, &change).await?;
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    machines::by_fingerprint(pool, &license.id, fingerprint)
        .await?
        .ok_or_else(|| Error::Internal("the seat just taken is gone".into()))
}

/// Machine `machine_id` of license `license_id`, both the customer's own; `None` for another
/// customer's license, or a machine of another license, exactly as for one that does not exist.
pub async fn own_machine(
    pool: &Pool,
    customer_id: &CustomerId,
    license_id: &str,
    machine_id: &str,
) -> Result<Option<(License, Machine)>> {
    let Some(license) = licenses::of_customer(pool, customer_id, license_id).await? else { return Ok(None) };
    Ok(machines::of_license(pool, &license.id, machine_id).await?.map(|machine| (license, machine)))
}

/// Frees a machine's seat of `license`, recording who freed it. Returns false if it held none.
pub async fn release_seat(pool: &Pool, actor: &Actor, license: &License, machine: &Machine) -> Result<bool> {
    let mut tx = pool.begin().await?;
    // A machine released at an Unbind gave its place back then: it is only forgotten now.
    if machines::delete_holding(&mut tx, &machine.id).await? {
        licenses::free_seat(&mut tx, &machine.license_id).await?;
    } else if !machines::delete(&mut tx, &machine.id).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    let change = Change {
        kind: EventKind::MachineDeactivated,
        at: store::now(),
        subject: license.serial.as_str(),
        customer_id: Some(&license.customer_id),
        order_id: None,
        license_id: Some(&license.id),
        before: Some(serde_json::json!({ "machine": machine.id, "hostname": machine.hostname })),
        after: None,
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
    Ok(true)
}

/// Records a refresh of `machine`'s seat of `license` by the call with `nonce`: the nonce used,
/// the machine seen, the event logged, in one transaction. `REPLAYED` if the nonce was used.
pub async fn note_refresh(
    db: Db<'_>,
    license: &License,
    machine: &Machine,
    nonce: &str,
    from: Option<std::net::SocketAddr>,
) -> Result<()> {
    let now = store::now();
    let after = serde_json::json!({ "machine": machine.id, "status": licenses::status_code(license.status) });
    let change = Change { at: now, ..Change::about_license(EventKind::LicenseRefreshed, license, None, Some(after)) };
    let actor = Actor::machine(&machine.id).from_maybe(from);
    let statements = vec![
        // The one refusal: the nonce was used.
        store::nonces::used(nonce, now, ()),
        machines::touched(&machine.id, now),
        store::events::appended(&events::row(&actor, &change)),
    ];
    match store::statements::run(db.pool, db.writer, statements).await? {
        Some(()) => Err(Error::Replayed),
        None => Ok(()),
    }
}

fn stamp(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_unix(seconds).ok_or_else(|| Error::Internal(format!("time out of range: {seconds}")))
}

/// What the vendor tells customers in every license file: where support is and where to renew.
#[derive(Debug, Clone, Default)]
pub struct Vendor {
    /// `--support-contact`: an e-mail address or web address.
    pub support_contact: Option<String>,
    /// `--public-url`: the customer pages' address; a license's page there is where it is renewed.
    pub public_url: Option<String>,
}

/// Signs a license file for one machine, as things stand at `now`.
pub fn issue(
    keys: &KeyRing,
    vendor: &Vendor,
    license: &License,
    fingerprint: FingerprintDigest,
    components: &Components,
    now: i64,
) -> Result<LicenseFile> {
    issue_for(keys, vendor, license, (fingerprint, components), now, None)
}

/// The named user a machine's license file is for (issue #13): the account's e-mail, and
/// whether the seat was unbound from it since (then the file is revoked with that reason).
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    pub email: &'a str,
    pub unbound: bool,
}

/// [`issue`], for a named user's machine when `named` is given.
pub fn issue_for(
    keys: &KeyRing,
    vendor: &Vendor,
    license: &License,
    (fingerprint, components): (FingerprintDigest, &Components),
    now: i64,
    named: Option<Named<'_>>,
) -> Result<LicenseFile> {
    // An unbound seat revokes this machine's file; a license the vendor withheld says so itself.
    let unbound = named.is_some_and(|n| n.unbound) && license.status == LicenseStatus::Active;
    let (status, status_reason) = if unbound {
        (LicenseStatus::Revoked, Some(unbound_reason(&license.product_name)))
    } else {
        (license.status, license.status_reason.clone().filter(|_| license.status != LicenseStatus::Active))
    };
    // The admin CLI takes 1..=3650 and 0..=3650 days; a row edited outside it cannot overflow.
    let days = |count: i64, floor: i64| count.clamp(floor, 3650) * 86_400;
    let refresh_after = now.saturating_add(days(license.refresh_days, 1));
    let payload = LicensePayload {
        license_id: license.id.to_string(),
        serial: license.serial.to_string(),
        product: license.product_id.clone(),
        edition: license.edition.clone(),
        users: u32::try_from(license.users).unwrap_or(u32::MAX),
        max_machines: u32::try_from(license.max_machines).unwrap_or(u32::MAX),
        features: license.features.clone(),
        order: license.order_reference.clone(),
        customer: license.customer.clone(),
        fingerprint,
        components: components.clone(),
        match_policy: license.match_policy,
        status,
        issued: stamp(now)?,
        expires: license.expires_at.map(stamp).transpose()?,
        support_until: license.support_until.map(stamp).transpose()?,
        refresh_after: Some(stamp(refresh_after)?),
        refresh_by: Some(stamp(refresh_after.saturating_add(days(license.grace_days, 0)))?),
        kid: keys.current.kid(),
        product_name: Some(license.product_name.clone()),
        support_contact: vendor.support_contact.clone(),
        renew_url: vendor
            .public_url
            .as_ref()
            .map(|url| format!("{}/licenses/{}", url.trim_end_matches('/'), license.id)),
        status_reason,
        subscription: license.subscription.as_ref().map(subscription_term).transpose()?.flatten(),
        user: named.map(|n| n.email.to_owned()),
        unbound,
    };
    Ok(LicenseFile::sign(&payload, &keys.current)?)
}

/// Why an unbound named user's file is revoked, in English like every API text (the program
/// says it in its own language from the file's `unbound`).
#[must_use]
pub fn unbound_reason(product: &str) -> String {
    format!("Your company administrator has ended your access to {product} — ask them to bind a license to you.")
}

/// What a subscription's license file says of it: renews, ends (cancelled) or a trial ending,
/// on which day; nothing once it ended (the license runs out at its own end).
fn subscription_term(subscribed: &licenses::Subscribed) -> Result<Option<SubscriptionTerm>> {
    use crate::domain::SubscriptionStatus as Status;
    let state = match subscribed.status {
        Status::Trialing => SubscriptionState::Trial,
        Status::Active | Status::PastDue | Status::Suspended => SubscriptionState::Renews,
        Status::Cancelling => SubscriptionState::Cancelled,
        Status::Ended => return Ok(None),
    };
    let day = crate::domain::day::midnight(&subscribed.until)
        .ok_or_else(|| Error::Internal(format!("a subscription ends on '{}', not a day", subscribed.until)))?;
    Ok(Some(SubscriptionTerm { state, on: stamp(day)? }))
}

/// Parses a stored fingerprint.
pub fn fingerprint_of(machine: &Machine) -> Result<FingerprintDigest> {
    FingerprintDigest::parse(&machine.fingerprint)
        .ok_or_else(|| Error::Internal(format!("machine {} has a malformed fingerprint", machine.id)))
}
