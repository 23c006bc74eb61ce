//! Seats and license files: finding the license a key activates, taking and freeing seats
//! atomically, and issuing signed license files.

use sqlx::{AnyPool, Row as _};
use tessera_core::{
    ActivationKey, ActivationRequestPayload, Components, FingerprintDigest, LicenseFile, LicensePayload, LicenseStatus,
    MatchPolicy, Timestamp,
};

use crate::db::{self, is_unique_violation, new_id};
use crate::domain::Text;
use crate::error::{Error, Result};
use crate::keys::KeyRing;

/// A license row with what a license file needs from its product.
#[derive(Debug, Clone)]
pub struct License {
    pub id: String,
    pub serial: String,
    pub customer_id: String,
    pub customer: String,
    pub order_reference: Option<String>,
    pub product_id: String,
    pub edition: String,
    pub features: Vec<String>,
    pub users: i64,
    pub max_machines: i64,
    pub used_machines: i64,
    pub status: String,
    pub issued_at: i64,
    pub expires_at: Option<i64>,
    pub support_until: Option<i64>,
    pub match_policy: String,
    pub refresh_days: i64,
    pub grace_days: i64,
    pub product_name: String,
}

const LICENSE_COLUMNS: &str = "l.id, l.serial, l.customer_id, c.company, o.reference, l.product_id, l.edition, \
     l.features, l.users, l.max_machines, l.used_machines, l.status, l.issued_at, l.expires_at, \
     (SELECT MAX(s.ends_at) FROM support_terms s WHERE s.license_id = l.id), \
     p.match_policy, p.refresh_days, p.grace_days, p.name \
     FROM licenses l JOIN customers c ON c.id = l.customer_id JOIN products p ON p.id = l.product_id \
     LEFT JOIN orders o ON o.id = l.order_id";

fn license_from_row(row: &sqlx::any::AnyRow) -> Result<License> {
    let features: String = row.try_get(7)?;
    Ok(License {
        id: row.try_get(0)?,
        serial: row.try_get(1)?,
        customer_id: row.try_get(2)?,
        customer: row.try_get(3)?,
        order_reference: row.try_get(4)?,
        product_id: row.try_get(5)?,
        edition: row.try_get(6)?,
        features: serde_json::from_str(&features).map_err(|e| Error::Internal(format!("features: {e}")))?,
        users: row.try_get(8)?,
        max_machines: row.try_get(9)?,
        used_machines: row.try_get(10)?,
        status: row.try_get(11)?,
        issued_at: row.try_get(12)?,
        expires_at: row.try_get(13)?,
        support_until: row.try_get(14)?,
        match_policy: row.try_get(15)?,
        refresh_days: row.try_get(16)?,
        grace_days: row.try_get(17)?,
        product_name: row.try_get(18)?,
    })
}

impl License {
    /// Why this license cannot be used now, in the order a customer should hear it.
    pub fn refusal(&self, now: i64) -> Option<Error> {
        match self.status.as_str() {
            "revoked" => Some(Error::Revoked),
            "suspended" => Some(Error::Suspended),
            _ if self.expires_at.is_some_and(|at| at <= now) => Some(Error::Expired),
            _ => None,
        }
    }

    fn status(&self) -> LicenseStatus {
        match self.status.as_str() {
            "revoked" => LicenseStatus::Revoked,
            "suspended" => LicenseStatus::Suspended,
            _ => LicenseStatus::Active,
        }
    }
}

/// One license by id.
pub async fn license_by_id(pool: &AnyPool, id: &str) -> Result<Option<License>> {
    let row = sqlx::query(&format!("SELECT {LICENSE_COLUMNS} WHERE l.id = $1")).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(license_from_row).transpose()
}

/// One license of `customer_id` by id; `None` for another customer's, exactly as for none at all.
pub async fn license_of_customer(pool: &AnyPool, customer_id: &str, id: &str) -> Result<Option<License>> {
    let row = sqlx::query(&format!("SELECT {LICENSE_COLUMNS} WHERE l.id = $1 AND l.customer_id = $2"))
        .bind(id)
        .bind(customer_id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(license_from_row).transpose()
}

/// The licenses an activation key opens for a product, oldest first. Empty when the key is
/// unknown or has no license of that product: the caller cannot tell which.
pub async fn licenses_for_key(pool: &AnyPool, key: &ActivationKey, product: &str) -> Result<Vec<License>> {
    let rows = sqlx::query(&format!(
        "SELECT {LICENSE_COLUMNS} WHERE c.activation_key = $1 AND l.product_id = $2 ORDER BY l.issued_at, l.serial"
    ))
    .bind(key.as_str())
    .bind(product)
    .fetch_all(pool)
    .await?;
    rows.iter().map(license_from_row).collect()
}

/// Same, each with whether the machine with `fingerprint` holds a seat of it: one query, for
/// validation, the hottest path.
pub async fn licenses_for_key_on_machine(
    pool: &AnyPool,
    key: &ActivationKey,
    product: &str,
    fingerprint: &str,
) -> Result<Vec<(License, bool)>> {
    let columns = LICENSE_COLUMNS.replacen(" FROM licenses l", ", m.id FROM licenses l", 1);
    let rows = sqlx::query(&format!(
        "SELECT {columns} LEFT JOIN machines m ON m.license_id = l.id AND m.fingerprint = $1 \
         WHERE c.activation_key = $2 AND l.product_id = $3 ORDER BY l.issued_at, l.serial"
    ))
    .bind(fingerprint)
    .bind(key.as_str())
    .bind(product)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|row| Ok((license_from_row(row)?, row.try_get::<Option<String>, _>(19)?.is_some()))).collect()
}

/// The licenses of a customer, newest first.
pub async fn licenses_of_customer(pool: &AnyPool, customer_id: &str) -> Result<Vec<License>> {
    let rows =
        sqlx::query(&format!("SELECT {LICENSE_COLUMNS} WHERE l.customer_id = $1 ORDER BY l.issued_at DESC, l.serial"))
            .bind(customer_id)
            .fetch_all(pool)
            .await?;
    rows.iter().map(license_from_row).collect()
}

/// A machine holding a seat.
#[derive(Debug, Clone)]
pub struct Machine {
    pub id: String,
    pub license_id: String,
    pub fingerprint: String,
    pub components: Components,
    pub hostname: String,
    pub machine_key: String,
    pub activated_at: i64,
    pub last_seen_at: i64,
}

const MACHINE_COLUMNS: &str =
    "id, license_id, fingerprint, components, hostname, machine_key, activated_at, last_seen_at FROM machines";

fn machine_from_row(row: &sqlx::any::AnyRow) -> Result<Machine> {
    let components: String = row.try_get(3)?;
    Ok(Machine {
        id: row.try_get(0)?,
        license_id: row.try_get(1)?,
        fingerprint: row.try_get(2)?,
        components: serde_json::from_str(&components).map_err(|e| Error::Internal(format!("components: {e}")))?,
        hostname: row.try_get(4)?,
        machine_key: row.try_get(5)?,
        activated_at: row.try_get(6)?,
        last_seen_at: row.try_get(7)?,
    })
}

/// The machine with this fingerprint on this license.
pub async fn machine(pool: &AnyPool, license_id: &str, fingerprint: &str) -> Result<Option<Machine>> {
    let row = sqlx::query(&format!("SELECT {MACHINE_COLUMNS} WHERE license_id = $1 AND fingerprint = $2"))
        .bind(license_id)
        .bind(fingerprint)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(machine_from_row).transpose()
}

/// The machine `id`, if it holds a seat of `license_id`.
pub async fn machine_of_license(pool: &AnyPool, license_id: &str, id: &str) -> Result<Option<Machine>> {
    let row = sqlx::query(&format!("SELECT {MACHINE_COLUMNS} WHERE id = $1 AND license_id = $2"))
        .bind(id)
        .bind(license_id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(machine_from_row).transpose()
}

/// The machines holding seats of a license.
pub async fn machines_of(pool: &AnyPool, license_id: &str) -> Result<Vec<Machine>> {
    let rows = sqlx::query(&format!("SELECT {MACHINE_COLUMNS} WHERE license_id = $1 ORDER BY activated_at"))
        .bind(license_id)
        .fetch_all(pool)
        .await?;
    rows.iter().map(machine_from_row).collect()
}

/// Where a machine stands with the licenses of an activation key: decided here once, for
/// activation and for validation alike.
#[derive(Debug)]
pub enum Standing<'a> {
    /// It holds a seat of this usable license: activation renews it, validation says valid.
    Holds(&'a License),
    /// No license of the key is usable: the refusal of a license it holds a seat of, else of
    /// the first license, and that license.
    Refused(Error, &'a License),
    /// It holds no seat of a usable license: it may take a seat of one of these, in order.
    MayTake(Vec<&'a License>),
}

/// The standing of a machine, from the key's licenses (oldest first), each with whether the
/// machine holds a seat of it; `None` when the key has no license of the product.
#[must_use]
pub fn standing<'a>(licenses: &[(&'a License, bool)], now: i64) -> Option<Standing<'a>> {
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
    let usable: Vec<&License> =
        licenses.iter().map(|(license, _)| *license).filter(|l| l.refusal(now).is_none()).collect();
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
    pub machine_id: String,
    pub file: LicenseFile,
    /// False when this machine already held a seat (re-activation is not a second seat).
    pub new_seat: bool,
}

/// Activates the machine of a verified request: re-activation of a known machine renews its
/// file; otherwise a seat is taken with a conditional update that cannot overfill.
pub async fn activate(
    pool: &AnyPool,
    keys: &KeyRing,
    vendor: &Vendor,
    request: &ActivationRequestPayload,
) -> Result<Activation> {
    // The signed request's own strings are inbound text like any other.
    Text::<64>::parse("product", request.product.as_str())?;
    Text::<255>::parse("hostname", request.hostname.as_str())?;
    Text::<64>::parse("app_version", request.app_version.as_str())?;
    let licenses = licenses_for_key(pool, &request.activation_key, &request.product).await?;
    if licenses.is_empty() {
        return Err(Error::KeyNotFound);
    }
    let fingerprint = request.fingerprint.to_hex();
    let now = db::now();
    // Twice at most: a concurrent activation of the same machine may win the seat.
    for _ in 0..2 {
        let mut held = Vec::with_capacity(licenses.len());
        for license in &licenses {
            held.push(machine(pool, &license.id, &fingerprint).await?);
        }
        let on_machine: Vec<(&License, bool)> = licenses.iter().zip(&held).map(|(l, m)| (l, m.is_some())).collect();
        let usable = match standing(&on_machine, now).ok_or(Error::KeyNotFound)? {
            // A machine already holding a seat of a usable license renews it.
            Standing::Holds(license) => {
                let machine =
                    licenses.iter().zip(&held).find(|(l, _)| l.id == license.id).and_then(|(_, m)| m.as_ref());
                let machine = machine.ok_or_else(|| Error::Internal("the seat held is gone".into()))?;
                update_machine(pool, &machine.id, request, now).await?;
                let license = license_by_id(pool, &license.id).await?.ok_or(Error::NotFound)?;
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
            match take_seat(pool, license, request, now).await? {
                Seat::Taken(machine_id) => {
                    for old in &held_seats {
                        release_seat(pool, old).await?;
                    }
                    let license = license_by_id(pool, &license.id).await?.ok_or(Error::NotFound)?;
                    let file = issue(keys, vendor, &license, request.fingerprint, &request.components, now)?;
                    return Ok(Activation { license, machine_id, file, new_seat: true });
                }
                // Full, perhaps because a concurrent activation of this very machine took
                // the last seat: then this one renews it on the next round.
                Seat::Full if machine(pool, &license.id, &fingerprint).await?.is_some() => {
                    raced = true;
                    break;
                }
                Seat::Full => {}
                Seat::Replayed => return Err(Error::Replayed),
                Seat::AlreadyThere => {
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

enum Seat {
    Taken(String),
    Full,
    AlreadyThere,
    /// The request's nonce already took a seat once (a replayed request file).
    Replayed,
}

/// Counts one more machine on `license_id` in `tx` if a seat is free: the one conditional
/// update that cannot overfill. It is the transaction's first write, so SQLite takes its write
/// lock at once (no deadlock-prone upgrade) and PostgreSQL re-checks the condition on the row's
/// latest version. False when every seat is taken.
async fn claim_seat(tx: &mut sqlx::Transaction<'_, sqlx::Any>, license_id: &str) -> Result<bool> {
    let taken = sqlx::query(
        "UPDATE licenses SET used_machines = used_machines + 1 WHERE id = $1 AND used_machines < max_machines",
    )
    .bind(license_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(taken > 0)
}

async fn take_seat(pool: &AnyPool, license: &License, request: &ActivationRequestPayload, now: i64) -> Result<Seat> {
    let mut tx = pool.begin().await?;
    if !claim_seat(&mut tx, &license.id).await? {
        tx.rollback().await?;
        return Ok(Seat::Full);
    }
    // A request takes a seat once: replaying an old request file after its machine was
    // deactivated must not take the seat again. (Re-sending it while the machine is active is
    // a renewal, handled before this.)
    let fresh = sqlx::query("INSERT INTO used_nonces (nonce, used_at) VALUES ($1, $2)")
        .bind(format!("request:{}", request.nonce.to_hex()))
        .bind(now)
        .execute(&mut *tx)
        .await;
    match fresh {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => {
            tx.rollback().await?;
            return Ok(Seat::Replayed);
        }
        Err(e) => return Err(e.into()),
    }
    let machine_id = new_id("mch");
    let inserted = sqlx::query(
        "INSERT INTO machines (id, license_id, fingerprint, components, hostname, machine_key, app_version, \
         activated_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&machine_id)
    .bind(&license.id)
    .bind(request.fingerprint.to_hex())
    .bind(components_json(&request.components)?)
    .bind(&request.hostname)
    .bind(request.machine_key.to_base64())
    .bind(&request.app_version)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {
            tx.commit().await?;
            Ok(Seat::Taken(machine_id))
        }
        Err(e) if is_unique_violation(&e) => {
            tx.rollback().await?;
            Ok(Seat::AlreadyThere)
        }
        Err(e) => Err(e.into()),
    }
}

async fn update_machine(pool: &AnyPool, id: &str, request: &ActivationRequestPayload, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE machines SET components = $1, hostname = $2, machine_key = $3, app_version = $4, last_seen_at = $5 \
         WHERE id = $6",
    )
    .bind(components_json(&request.components)?)
    .bind(&request.hostname)
    .bind(request.machine_key.to_base64())
    .bind(&request.app_version)
    .bind(now)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// The seat of a computer that takes its license file from the customer pages (an older
/// release without online activation): the machine with this fingerprint if it has one, else a
/// new seat, taken with the same conditional update as an activation, so it cannot overfill.
/// Such a machine has no machine key: it cannot call the API, and is deactivated from the pages.
pub async fn seat_for_download(
    pool: &AnyPool,
    license: &License,
    fingerprint: &str,
    hostname: &str,
) -> Result<Machine> {
    if let Some(machine) = machine(pool, &license.id, fingerprint).await? {
        return Ok(machine);
    }
    let now = db::now();
    let mut tx = pool.begin().await?;
    if !claim_seat(&mut tx, &license.id).await? {
        tx.rollback().await?;
        // A concurrent download for the same computer may have taken the last seat.
        return match machine(pool, &license.id, fingerprint).await? {
            Some(machine) => Ok(machine),
            None => Err(Error::TooManyMachines(license.max_machines)),
        };
    }
    let inserted = sqlx::query(
        "INSERT INTO machines (id, license_id, fingerprint, components, hostname, machine_key, app_version, \
         activated_at, last_seen_at) VALUES ($1, $2, $3, '{}', $4, '', 'license file', $5, $6)",
    )
    .bind(new_id("mch"))
    .bind(&license.id)
    .bind(fingerprint)
    .bind(hostname)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => tx.commit().await?,
        Err(e) if is_unique_violation(&e) => {
            tx.rollback().await?;
        }
        Err(e) => return Err(e.into()),
    }
    machine(pool, &license.id, fingerprint).await?.ok_or_else(|| Error::Internal("the seat just taken is gone".into()))
}

/// Frees a machine's seat. Returns false if it held none.
pub async fn release_seat(pool: &AnyPool, machine: &Machine) -> Result<bool> {
    let mut tx = pool.begin().await?;
    let deleted = sqlx::query("DELETE FROM machines WHERE id = $1").bind(&machine.id).execute(&mut *tx).await?;
    if deleted.rows_affected() == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    sqlx::query("UPDATE licenses SET used_machines = used_machines - 1 WHERE id = $1 AND used_machines > 0")
        .bind(&machine.license_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// Records a nonce; false if it was used before (a replay).
pub async fn use_nonce(pool: &AnyPool, nonce: &str) -> Result<bool> {
    let result = sqlx::query("INSERT INTO used_nonces (nonce, used_at) VALUES ($1, $2)")
        .bind(nonce)
        .bind(db::now())
        .execute(pool)
        .await;
    match result {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Marks a machine as seen now.
pub async fn touch_machine(pool: &AnyPool, id: &str) -> Result<()> {
    sqlx::query("UPDATE machines SET last_seen_at = $1 WHERE id = $2").bind(db::now()).bind(id).execute(pool).await?;
    Ok(())
}

fn components_json(components: &Components) -> Result<String> {
    serde_json::to_string(components).map_err(|e| Error::Internal(format!("components: {e}")))
}

fn stamp(seconds: i64) -> Result<Timestamp> {
    Timestamp::from_unix(seconds).ok_or_else(|| Error::Internal(format!("time out of range: {seconds}")))
}

/// Signs a license file for one machine, as things stand at `now`.
/// What the vendor tells customers in every license file: where support is and where to renew.
#[derive(Debug, Clone, Default)]
pub struct Vendor {
    /// `--support-contact`: an e-mail address or web address.
    pub support_contact: Option<String>,
    /// `--public-url`: the customer pages' address; a license's page there is where it is renewed.
    pub public_url: Option<String>,
}

pub fn issue(
    keys: &KeyRing,
    vendor: &Vendor,
    license: &License,
    fingerprint: FingerprintDigest,
    components: &Components,
    now: i64,
) -> Result<LicenseFile> {
    // The admin CLI takes 1..=3650 and 0..=3650 days; a row edited outside it cannot overflow.
    let days = |count: i64, floor: i64| count.clamp(floor, 3650) * 86_400;
    let refresh_after = now.saturating_add(days(license.refresh_days, 1));
    let policy = match license.match_policy.as_str() {
        "exact" => MatchPolicy::Exact,
        "loose" => MatchPolicy::Loose,
        _ => MatchPolicy::Fuzzy,
    };
    let payload = LicensePayload {
        license_id: license.id.clone(),
        serial: license.serial.clone(),
        product: license.product_id.clone(),
        edition: license.edition.clone(),
        users: u32::try_from(license.users).unwrap_or(u32::MAX),
        max_machines: u32::try_from(license.max_machines).unwrap_or(u32::MAX),
        features: license.features.clone(),
        order: license.order_reference.clone(),
        customer: license.customer.clone(),
        fingerprint,
        components: components.clone(),
        match_policy: policy,
        status: license.status(),
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
    };
    Ok(LicenseFile::sign(&payload, &keys.current)?)
}

/// Parses a stored fingerprint.
pub fn fingerprint_of(machine: &Machine) -> Result<FingerprintDigest> {
    FingerprintDigest::parse(&machine.fingerprint)
        .ok_or_else(|| Error::Internal(format!("machine {} has a malformed fingerprint", machine.id)))
}

/// Creates a license (admin and demo use).
pub async fn create_license<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    new: &NewLicense<'_>,
) -> Result<String> {
    let id = new_id("lic");
    sqlx::query(
        "INSERT INTO licenses (id, serial, customer_id, order_id, product_id, edition, features, users, max_machines, \
         used_machines, status, issued_at, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 'active', $10, $11, $12)",
    )
    .bind(&id)
    .bind(new.serial)
    .bind(new.customer_id)
    .bind(new.order_id)
    .bind(new.product_id)
    .bind(new.edition)
    .bind(serde_json::to_string(new.features).map_err(|e| Error::Internal(e.to_string()))?)
    .bind(new.users)
    .bind(new.max_machines)
    .bind(new.issued_at)
    .bind(new.expires_at)
    .bind(db::now())
    .execute(executor)
    .await?;
    Ok(id)
}

/// What [`create_license`] needs.
#[derive(Debug)]
pub struct NewLicense<'a> {
    pub serial: &'a str,
    pub customer_id: &'a str,
    pub order_id: Option<&'a str>,
    pub product_id: &'a str,
    pub edition: &'a str,
    pub features: &'a [String],
    pub users: i64,
    pub max_machines: i64,
    pub issued_at: i64,
    pub expires_at: Option<i64>,
}
