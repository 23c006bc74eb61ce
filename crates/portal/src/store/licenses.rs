//! Licenses: one projection of a license with what its files and pages need from its product,
//! customer, order and support terms; the seat counter's conditional update.

use sqlx::FromRow;
use tessera_core::{ActivationKey, LicenseStatus, MatchPolicy};

use super::paging::{PER_PAGE, Paged, paged};
use super::statements::{Statement, text};
use super::{Conn, Pool, Readers, Tx, fresh, from_json, new_id, now, to_json};
use crate::domain::{CustomerId, LicenseId, OrderId, Serial, SubscriptionStatus};
use crate::error::Result;

/// A license with what a license file needs from its product.
#[derive(Debug, Clone)]
pub struct License {
    pub id: LicenseId,
    pub serial: Serial,
    pub customer_id: CustomerId,
    pub customer: String,
    pub order_reference: Option<String>,
    pub product_id: String,
    pub edition: String,
    pub features: Vec<String>,
    pub users: i64,
    pub max_machines: i64,
    pub used_machines: i64,
    pub status: LicenseStatus,
    /// Why it is suspended or revoked, as the customer reads it.
    pub status_reason: Option<String>,
    pub issued_at: i64,
    pub expires_at: Option<i64>,
    pub support_until: Option<i64>,
    pub match_policy: MatchPolicy,
    pub refresh_days: i64,
    pub grace_days: i64,
    pub product_name: String,
    /// The subscription it follows, if it is one's.
    pub subscription: Option<Subscribed>,
}

/// The subscription a license follows: its status, and the day (ISO) its period or trial ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscribed {
    pub status: SubscriptionStatus,
    pub until: String,
}

/// The stored words of a status.
#[must_use]
pub fn status_code(status: LicenseStatus) -> &'static str {
    match status {
        LicenseStatus::Active => "active",
        LicenseStatus::Suspended => "suspended",
        LicenseStatus::Revoked => "revoked",
    }
}

fn status_of(code: &str) -> LicenseStatus {
    match code {
        "revoked" => LicenseStatus::Revoked,
        "suspended" => LicenseStatus::Suspended,
        _ => LicenseStatus::Active,
    }
}

/// A product's stored match policy; anything else is the tolerant middle, as it always was.
#[must_use]
pub fn policy_of(code: &str) -> MatchPolicy {
    match code {
        "exact" => MatchPolicy::Exact,
        "loose" => MatchPolicy::Loose,
        _ => MatchPolicy::Fuzzy,
    }
}

const SELECT: &str = "SELECT l.id, l.serial, l.customer_id, c.company AS customer, o.reference AS order_reference, \
     l.product_id, l.edition, l.features, l.users, l.max_machines, l.used_machines, l.status, l.status_reason, l.issued_at, \
     l.expires_at, (SELECT MAX(s.ends_at) FROM support_terms s WHERE s.license_id = l.id) AS support_until, \
     p.match_policy, p.refresh_days, p.grace_days, p.name AS product_name, \
     (SELECT sb.status FROM subscriptions sb WHERE sb.license_id = l.id) AS subscription_status, \
     (SELECT CASE WHEN sb.status = 'trialing' THEN sb.trial_ends_on ELSE sb.period_end END \
      FROM subscriptions sb WHERE sb.license_id = l.id) AS subscription_until";

const FROM: &str = "FROM licenses l JOIN customers c ON c.id = l.customer_id JOIN products p ON p.id = l.product_id \
     LEFT JOIN orders o ON o.id = l.order_id";

#[derive(FromRow)]
struct Record {
    id: String,
    serial: String,
    customer_id: String,
    customer: String,
    order_reference: Option<String>,
    product_id: String,
    edition: String,
    features: String,
    users: i64,
    max_machines: i64,
    used_machines: i64,
    status: String,
    status_reason: Option<String>,
    issued_at: i64,
    expires_at: Option<i64>,
    support_until: Option<i64>,
    match_policy: String,
    refresh_days: i64,
    grace_days: i64,
    product_name: String,
    subscription_status: Option<String>,
    subscription_until: Option<String>,
}

impl Record {
    fn into_license(self) -> Result<License> {
        Ok(License {
            features: from_json("features", &self.features)?,
            status: status_of(&self.status),
            status_reason: self.status_reason,
            match_policy: policy_of(&self.match_policy),
            id: LicenseId::new(self.id),
            serial: Serial::stored(self.serial),
            customer_id: CustomerId::new(self.customer_id),
            customer: self.customer,
            order_reference: self.order_reference,
            product_id: self.product_id,
            edition: self.edition,
            users: self.users,
            max_machines: self.max_machines,
            used_machines: self.used_machines,
            issued_at: self.issued_at,
            expires_at: self.expires_at,
            support_until: self.support_until,
            refresh_days: self.refresh_days,
            grace_days: self.grace_days,
            product_name: self.product_name,
            subscription: match (self.subscription_status, self.subscription_until) {
                (Some(status), Some(until)) => {
                    Some(Subscribed { status: SubscriptionStatus::try_from(status)?, until })
                }
                _ => None,
            },
        })
    }
}

fn licenses(records: Vec<Record>) -> Result<Vec<License>> {
    records.into_iter().map(Record::into_license).collect()
}

/// One license by id.
pub async fn by_id(pool: &Pool, id: &LicenseId) -> Result<Option<License>> {
    let record: Option<Record> =
        sqlx::query_as(&format!("{SELECT} {FROM} WHERE l.id = $1")).bind(id.as_str()).fetch_optional(pool).await?;
    record.map(Record::into_license).transpose()
}

/// One license by id, read in `conn` (a transaction's).
pub async fn by_id_in(conn: &mut Conn, id: &LicenseId) -> Result<Option<License>> {
    let record: Option<Record> = sqlx::query_as(&format!("{SELECT} {FROM} WHERE l.id = $1"))
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    record.map(Record::into_license).transpose()
}

/// One license of `customer_id` by id; `None` for another customer's, exactly as for none at all.
pub async fn of_customer(pool: &Pool, customer_id: &CustomerId, id: &str) -> Result<Option<License>> {
    let record: Option<Record> = sqlx::query_as(&format!("{SELECT} {FROM} WHERE l.id = $1 AND l.customer_id = $2"))
        .bind(id)
        .bind(customer_id.as_str())
        .fetch_optional(pool)
        .await?;
    record.map(Record::into_license).transpose()
}

/// The licenses an activation key opens for a product, oldest first. Empty when the key is
/// unknown or has no license of that product: the caller cannot tell which.
pub async fn for_key(pool: &Pool, key: &ActivationKey, product: &str) -> Result<Vec<License>> {
    let records: Vec<Record> = sqlx::query_as(&format!(
        "{SELECT} {FROM} WHERE c.activation_key = $1 AND l.product_id = $2 ORDER BY l.issued_at, l.serial"
    ))
    .bind(key.as_str())
    .bind(product)
    .fetch_all(pool)
    .await?;
    licenses(records)
}

/// What validation reads of a license: enough to judge it and name it, without the rest of
/// the projection (its product, customer, order, support and subscription).
#[derive(Debug, Clone)]
pub struct Gate {
    pub serial: Serial,
    pub status: LicenseStatus,
    pub expires_at: Option<i64>,
    pub max_machines: i64,
    pub used_machines: i64,
}

#[derive(FromRow)]
struct GateRecord {
    serial: String,
    status: String,
    expires_at: Option<i64>,
    max_machines: i64,
    used_machines: i64,
    machine_id: Option<String>,
}

/// validation's lookup: by the key's unique index, then the license and machine indexes.
const GATES: &str = "SELECT l.serial, l.status, l.expires_at, l.max_machines, l.used_machines, m.id AS machine_id \
     FROM customers c JOIN licenses l ON l.customer_id = c.id AND l.product_id = $3 \
     LEFT JOIN machines m ON m.license_id = l.id AND m.fingerprint = $1 \
     WHERE c.activation_key = $2 ORDER BY l.issued_at, l.serial";

/// The licenses of `product` an activation key opens, oldest first, each with whether the
/// machine with `fingerprint` holds a seat of it: one indexed query of the columns validation
/// needs, the hottest path. On embedded SQLite it runs on `readers` (the same query).
pub async fn gates_for_key_on_machine(
    pool: &Pool,
    readers: Option<&Readers>,
    key: &ActivationKey,
    product: &str,
    fingerprint: &str,
) -> Result<Vec<(Gate, bool)>> {
    let records: Vec<GateRecord> = match readers {
        Some(readers) => readers.read(|conn| {
            let mut statement = conn.prepare_cached(GATES)?;
            let rows = statement.query_map(
                rusqlite::named_params! { "$1": fingerprint, "$2": key.as_str(), "$3": product },
                |row| {
                    Ok(GateRecord {
                        serial: row.get("serial")?,
                        status: row.get("status")?,
                        expires_at: row.get("expires_at")?,
                        max_machines: row.get("max_machines")?,
                        used_machines: row.get("used_machines")?,
                        machine_id: row.get("machine_id")?,
                    })
                },
            )?;
            rows.collect()
        })?,
        None => sqlx::query_as(GATES).bind(fingerprint).bind(key.as_str()).bind(product).fetch_all(pool).await?,
    };
    Ok(records
        .into_iter()
        .map(|r| {
            let gate = Gate {
                serial: Serial::stored(r.serial),
                status: status_of(&r.status),
                expires_at: r.expires_at,
                max_machines: r.max_machines,
                used_machines: r.used_machines,
            };
            (gate, r.machine_id.is_some())
        })
        .collect())
}

/// All the licenses of a customer, newest first.
pub async fn all_of_customer(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<License>> {
    let records: Vec<Record> =
        sqlx::query_as(&format!("{SELECT} {FROM} WHERE l.customer_id = $1 ORDER BY l.issued_at DESC, l.serial"))
            .bind(customer_id.as_str())
            .fetch_all(pool)
            .await?;
    licenses(records)
}

/// One page of a customer's licenses, newest first.
pub async fn page_of_customer(pool: &Pool, customer_id: &CustomerId, requested: Option<i64>) -> Result<Paged<License>> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM licenses WHERE customer_id = $1")
        .bind(customer_id.as_str())
        .fetch_one(pool)
        .await?;
    paged(requested, count, |at| async move {
        let records: Vec<Record> = sqlx::query_as(&format!(
            "{SELECT} {FROM} WHERE l.customer_id = $1 ORDER BY l.issued_at DESC, l.serial LIMIT $2 OFFSET $3"
        ))
        .bind(customer_id.as_str())
        .bind(PER_PAGE)
        .bind(at.offset())
        .fetch_all(pool)
        .await?;
        licenses(records)
    })
    .await
}

/// Counts one more machine on `license_id` in `tx` if a seat is free: the one conditional
/// update that cannot overfill. It is the transaction's first write, so SQLite takes its write
/// lock at once (no deadlock-prone upgrade) and PostgreSQL re-checks the condition on the row's
/// latest version. False when every seat is taken.
pub async fn claim_seat(tx: &mut Tx<'_>, license_id: &LicenseId) -> Result<bool> {
    let taken = sqlx::query(CLAIM_SEAT).bind(license_id.as_str()).execute(&mut **tx).await?.rows_affected();
    Ok(taken > 0)
}

/// One more machine on license `$1` unless every seat is taken (no row changed then).
const CLAIM_SEAT: &str =
    "UPDATE licenses SET used_machines = used_machines + 1 WHERE id = $1 AND used_machines < max_machines";

/// [`claim_seat`] as one of a transaction's [`statements`](super::statements): `full` when
/// every seat is taken.
pub fn seat_claimed<R>(license_id: &LicenseId, full: R) -> Statement<R> {
    Statement { sql: CLAIM_SEAT, values: vec![text(license_id.as_str())], on_conflict: None, on_no_change: Some(full) }
}

/// Counts one machine fewer on `license_id` in `tx` (never below zero).
pub async fn free_seat(tx: &mut Tx<'_>, license_id: &LicenseId) -> Result<()> {
    sqlx::query("UPDATE licenses SET used_machines = used_machines - 1 WHERE id = $1 AND used_machines > 0")
        .bind(license_id.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Counts `count` machines fewer on `license_id` in `tx` (never below zero): the places of a
/// seat's machines given back at an Unbind.
pub async fn free_seats(tx: &mut Tx<'_>, license_id: &LicenseId, count: u64) -> Result<()> {
    let count = i64::try_from(count).unwrap_or(i64::MAX);
    sqlx::query(
        "UPDATE licenses SET used_machines = CASE WHEN used_machines > $1 THEN used_machines - $1 ELSE 0 END \
         WHERE id = $2",
    )
    .bind(count)
    .bind(license_id.as_str())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What [`create`] needs.
#[derive(Debug)]
pub struct NewLicense<'a> {
    pub serial: &'a Serial,
    pub customer_id: &'a str,
    pub order_id: Option<&'a OrderId>,
    pub product_id: &'a str,
    pub edition: &'a str,
    pub features: &'a [String],
    pub users: i64,
    pub max_machines: i64,
    pub issued_at: i64,
    pub expires_at: Option<i64>,
}

/// Creates an active license with no machine yet; returns its id, or `None` when another
/// license has its serial already.
pub async fn create<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    new: &NewLicense<'_>,
) -> Result<Option<LicenseId>> {
    let id = new_id("lic");
    let inserted = sqlx::query(
        "INSERT INTO licenses (id, serial, customer_id, order_id, product_id, edition, features, users, max_machines, \
         used_machines, status, issued_at, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 'active', $10, $11, $12)",
    )
    .bind(&id)
    .bind(new.serial.as_str())
    .bind(new.customer_id)
    .bind(new.order_id.map(OrderId::as_str))
    .bind(new.product_id)
    .bind(new.edition)
    .bind(to_json("features", &new.features)?)
    .bind(new.users)
    .bind(new.max_machines)
    .bind(new.issued_at)
    .bind(new.expires_at)
    .bind(now())
    .execute(executor)
    .await;
    Ok(fresh(inserted)?.then(|| LicenseId::new(id)))
}

/// Licenses and machines in use, per stored status (the `/metrics` gauges' label).
pub async fn counts_by_status(pool: &Pool) -> Result<Vec<(String, i64, i64)>> {
    #[derive(FromRow)]
    struct Count {
        status: String,
        licenses: i64,
        machines: i64,
    }
    let counts: Vec<Count> = sqlx::query_as(
        "SELECT status, COUNT(*) AS licenses, CAST(COALESCE(SUM(used_machines), 0) AS BIGINT) AS machines FROM licenses GROUP BY status",
    )
    .fetch_all(pool)
    .await?;
    Ok(counts.into_iter().map(|c| (c.status, c.licenses, c.machines)).collect())
}

/// The licenses issued for order `order_id`, by serial.
pub async fn of_order(conn: &mut Conn, order_id: &OrderId) -> Result<Vec<License>> {
    let records: Vec<Record> = sqlx::query_as(&format!("{SELECT} {FROM} WHERE l.order_id = $1 ORDER BY l.serial"))
        .bind(order_id.as_str())
        .fetch_all(&mut *conn)
        .await?;
    licenses(records)
}

/// One license by serial, inside `conn`'s transaction.
pub async fn by_serial(conn: &mut Conn, serial: &Serial) -> Result<Option<License>> {
    let record: Option<Record> = sqlx::query_as(&format!("{SELECT} {FROM} WHERE l.serial = $1"))
        .bind(serial.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    record.map(Record::into_license).transpose()
}

/// Sets the status of the license `serial` and the reason its customer reads; false when no
/// license has it.
pub async fn set_status(conn: &mut Conn, serial: &Serial, status: LicenseStatus, reason: Option<&str>) -> Result<bool> {
    let changed = sqlx::query("UPDATE licenses SET status = $1, status_reason = $2 WHERE serial = $3")
        .bind(status_code(status))
        .bind(reason)
        .bind(serial.as_str())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(changed > 0)
}

/// Moves the end of the term of license `id` to `expires_at`; false when no license has it.
pub async fn set_expiry(conn: &mut Conn, id: &LicenseId, expires_at: i64) -> Result<bool> {
    let changed = sqlx::query("UPDATE licenses SET expires_at = $1 WHERE id = $2")
        .bind(expires_at)
        .bind(id.as_str())
        .execute(&mut *conn)
        .await?
        .rows_affected();
    Ok(changed > 0)
}

/// Sets the users and computers of license `id`, unless more computers than `max_machines`
/// hold seats now: the condition and the write are one statement, so a seat taken meanwhile
/// is counted. False when the license holds more machines (or is gone).
pub async fn set_limits(conn: &mut Conn, id: &LicenseId, users: i64, max_machines: i64) -> Result<bool> {
    let changed =
        sqlx::query("UPDATE licenses SET users = $1, max_machines = $2 WHERE id = $3 AND used_machines <= $2")
            .bind(users)
            .bind(max_machines)
            .bind(id.as_str())
            .execute(&mut *conn)
            .await?
            .rows_affected();
    Ok(changed > 0)
}

/// What a subscription's license follows: its edition (and that edition's features), users,
/// computers and end of term.
#[derive(Debug)]
pub struct Following<'a> {
    pub edition: &'a str,
    pub features: &'a [String],
    pub users: i64,
    pub max_machines: i64,
    pub expires_at: i64,
}

/// Makes license `id` follow its subscription, unless more computers than `max_machines` hold
/// seats now (one statement: a seat taken meanwhile is counted). Whether it changed.
pub async fn follow(conn: &mut Conn, id: &LicenseId, following: &Following<'_>) -> Result<bool> {
    let changed = sqlx::query(
        "UPDATE licenses SET edition = $1, features = $2, users = $3, max_machines = $4, expires_at = $5 \
         WHERE id = $6 AND used_machines <= $4",
    )
    .bind(following.edition)
    .bind(to_json("features", &following.features)?)
    .bind(following.users)
    .bind(following.max_machines)
    .bind(following.expires_at)
    .bind(id.as_str())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(changed > 0)
}

/// The active licenses bought for a term whose term ends at or after `from` and before `to`, by
/// end of term; a subscription's license is not one (it renews with its subscription).
pub async fn ending_between(pool: &Pool, from: i64, to: i64) -> Result<Vec<License>> {
    let records: Vec<Record> = sqlx::query_as(&format!(
        "{SELECT} {FROM} WHERE l.status = 'active' AND l.expires_at >= $1 AND l.expires_at < $2 \
         AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.license_id = l.id) \
         ORDER BY l.expires_at, l.serial"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?;
    licenses(records)
}
