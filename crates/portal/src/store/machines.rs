//! Machines holding seats: found by fingerprint or id, added in the seat's transaction,
//! renewed, seen, and deleted when the seat is given back.

use std::collections::HashMap;

use sqlx::FromRow;
use tessera_core::{ActivationRequestPayload, Components};

use super::statements::{Statement, Value, text};
use super::{Pool, Tx, fresh, from_json, new_id, to_json};
use crate::domain::{LicenseId, MachineId};
use crate::error::Result;

/// A machine holding a seat.
#[derive(Debug, Clone)]
pub struct Machine {
    pub id: MachineId,
    pub license_id: LicenseId,
    pub fingerprint: String,
    pub components: Components,
    pub hostname: String,
    pub machine_key: String,
    pub activated_at: i64,
    pub last_seen_at: i64,
    /// For a named user's machine: the seat it holds a place on, and the account it came with.
    pub seat_id: Option<String>,
    pub user_id: Option<String>,
    /// When its seat was unbound: the machine no longer counts against the license and is
    /// kept only to answer its next refresh (revoked, with the reason).
    pub released_at: Option<i64>,
}

const SELECT: &str = "SELECT id, license_id, fingerprint, components, hostname, machine_key, activated_at, \
     last_seen_at, seat_id, user_id, released_at FROM machines";

#[derive(FromRow)]
struct Record {
    id: String,
    license_id: String,
    fingerprint: String,
    components: String,
    hostname: String,
    machine_key: String,
    activated_at: i64,
    last_seen_at: i64,
    seat_id: Option<String>,
    user_id: Option<String>,
    released_at: Option<i64>,
}

impl Record {
    fn into_machine(self) -> Result<Machine> {
        Ok(Machine {
            components: from_json("components", &self.components)?,
            id: MachineId::new(self.id),
            license_id: LicenseId::new(self.license_id),
            fingerprint: self.fingerprint,
            hostname: self.hostname,
            machine_key: self.machine_key,
            activated_at: self.activated_at,
            last_seen_at: self.last_seen_at,
            seat_id: self.seat_id,
            user_id: self.user_id,
            released_at: self.released_at,
        })
    }
}

/// The machine with this fingerprint on this license.
pub async fn by_fingerprint(pool: &Pool, license_id: &LicenseId, fingerprint: &str) -> Result<Option<Machine>> {
    let record: Option<Record> = sqlx::query_as(&format!("{SELECT} WHERE license_id = $1 AND fingerprint = $2"))
        .bind(license_id.as_str())
        .bind(fingerprint)
        .fetch_optional(pool)
        .await?;
    record.map(Record::into_machine).transpose()
}

/// The machine `id`, if it holds a seat of `license_id`.
pub async fn of_license(pool: &Pool, license_id: &LicenseId, id: &str) -> Result<Option<Machine>> {
    let record: Option<Record> = sqlx::query_as(&format!("{SELECT} WHERE id = $1 AND license_id = $2"))
        .bind(id)
        .bind(license_id.as_str())
        .fetch_optional(pool)
        .await?;
    record.map(Record::into_machine).transpose()
}

/// The machines holding seats of a license, first activated first (not those released at an
/// Unbind, which hold none).
pub async fn all_of(pool: &Pool, license_id: &LicenseId) -> Result<Vec<Machine>> {
    let records: Vec<Record> =
        sqlx::query_as(&format!("{SELECT} WHERE license_id = $1 AND released_at IS NULL ORDER BY activated_at"))
            .bind(license_id.as_str())
            .fetch_all(pool)
            .await?;
    records.into_iter().map(Record::into_machine).collect()
}

/// The host names of the machines of each of `license_ids`, first activated first: one query
/// for a whole table of licenses.
pub async fn hostnames_of(pool: &Pool, license_ids: &[&str]) -> Result<HashMap<String, Vec<String>>> {
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    if license_ids.is_empty() {
        return Ok(names);
    }
    let marks: Vec<String> = (1..=license_ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT license_id, hostname FROM machines WHERE license_id IN ({}) AND released_at IS NULL \
         ORDER BY activated_at, id",
        marks.join(", ")
    );
    let mut query = sqlx::query_as::<_, (String, String)>(&sql);
    for id in license_ids {
        query = query.bind(*id);
    }
    for (license_id, hostname) in query.fetch_all(pool).await? {
        names.entry(license_id).or_default().push(hostname);
    }
    Ok(names)
}

/// A machine taking a seat.
#[derive(Debug)]
pub struct NewMachine<'a> {
    pub license_id: &'a LicenseId,
    pub fingerprint: &'a str,
    pub components: &'a Components,
    pub hostname: &'a str,
    /// The public machine key (base64); empty for a computer that cannot call the API.
    pub machine_key: &'a str,
    pub app_version: &'a str,
    pub activated_at: i64,
    pub last_seen_at: i64,
}

/// Adds a machine: its id, license, fingerprint, components (JSON), hostname, machine key, app
/// version, activation and last-seen times, in that order.
const INSERT: &str = "INSERT INTO machines (id, license_id, fingerprint, components, hostname, \
     machine_key, app_version, activated_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// Adding machine `id`, as one of a transaction's [`statements`](super::statements):
/// `already_there` when this fingerprint is on the license already.
pub fn inserted<R>(id: &MachineId, new: &NewMachine<'_>, already_there: R) -> Result<Statement<R>> {
    Ok(Statement {
        sql: INSERT,
        values: vec![
            text(id.as_str()),
            text(new.license_id.as_str()),
            text(new.fingerprint),
            Value::Text(to_json("components", new.components)?),
            text(new.hostname),
            text(new.machine_key),
            text(new.app_version),
            Value::Integer(new.activated_at),
            Value::Integer(new.last_seen_at),
        ],
        on_conflict: Some(already_there),
        on_no_change: None,
    })
}

/// Adds a machine in the seat's transaction; its id, or `None` when this fingerprint is on
/// the license already (a concurrent activation of the same machine).
pub async fn insert(tx: &mut Tx<'_>, new: &NewMachine<'_>) -> Result<Option<MachineId>> {
    let id = new_id("mch");
    let inserted = sqlx::query(INSERT)
        .bind(&id)
        .bind(new.license_id.as_str())
        .bind(new.fingerprint)
        .bind(to_json("components", new.components)?)
        .bind(new.hostname)
        .bind(new.machine_key)
        .bind(new.app_version)
        .bind(new.activated_at)
        .bind(new.last_seen_at)
        .execute(&mut **tx)
        .await;
    Ok(fresh(inserted)?.then_some(MachineId::new(id)))
}

/// What a re-activation of a known machine renews: its components, name, key and version.
pub async fn renew(pool: &Pool, id: &MachineId, request: &ActivationRequestPayload, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE machines SET components = $1, hostname = $2, machine_key = $3, app_version = $4, last_seen_at = $5 \
         WHERE id = $6",
    )
    .bind(to_json("components", &request.components)?)
    .bind(&request.hostname)
    .bind(request.machine_key.to_base64())
    .bind(&request.app_version)
    .bind(now)
    .bind(id.as_str())
    .execute(pool)
    .await?;
    Ok(())
}

/// Machine `$2` seen at `$1`.
const TOUCH: &str = "UPDATE machines SET last_seen_at = $1 WHERE id = $2";

/// Marks a machine as seen at `now`.
pub async fn touch(conn: &mut super::Conn, id: &MachineId, now: i64) -> Result<()> {
    sqlx::query(TOUCH).bind(now).bind(id.as_str()).execute(&mut *conn).await?;
    Ok(())
}

/// [`touch`] as one of a transaction's [`statements`](super::statements).
pub fn touched<R>(id: &MachineId, now: i64) -> Statement<R> {
    Statement {
        sql: TOUCH,
        values: vec![Value::Integer(now), text(id.as_str())],
        on_conflict: None,
        on_no_change: None,
    }
}

/// Deletes a machine holding a seat in `tx`; false if it was gone already or released at an
/// Unbind (whose place was given back then).
pub async fn delete_holding(tx: &mut Tx<'_>, id: &MachineId) -> Result<bool> {
    let deleted = sqlx::query("DELETE FROM machines WHERE id = $1 AND released_at IS NULL")
        .bind(id.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(deleted.rows_affected() > 0)
}

/// Releases the machines account `user_id` has on seat `seat_id`, in the Unbind's `tx`: they
/// stop counting at once; how many there were.
pub async fn release_on_seat(tx: &mut Tx<'_>, seat_id: &str, user_id: &str, now: i64) -> Result<u64> {
    let released =
        sqlx::query("UPDATE machines SET released_at = $1 WHERE seat_id = $2 AND user_id = $3 AND released_at IS NULL")
            .bind(now)
            .bind(seat_id)
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
    Ok(released.rows_affected())
}

/// Deletes a machine in `tx`; false if it was gone already.
pub async fn delete(tx: &mut Tx<'_>, id: &MachineId) -> Result<bool> {
    let deleted = sqlx::query("DELETE FROM machines WHERE id = $1").bind(id.as_str()).execute(&mut **tx).await?;
    Ok(deleted.rows_affected() > 0)
}

/// Puts machine `id` (just added in `tx`) on seat `seat_id` of account `user_id`.
pub async fn place_on_seat(tx: &mut Tx<'_>, id: &MachineId, seat_id: &str, user_id: &str) -> Result<()> {
    sqlx::query("UPDATE machines SET seat_id = $1, user_id = $2 WHERE id = $3")
        .bind(seat_id)
        .bind(user_id)
        .bind(id.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// How many machines account `user_id` has on seat `seat_id`, in `tx` (after the license's row
/// was claimed, so concurrent activations of the license count one after the other).
pub async fn count_on_seat(tx: &mut Tx<'_>, seat_id: &str, user_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM machines WHERE seat_id = $1 AND user_id = $2 AND released_at IS NULL")
        .bind(seat_id)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?)
}
