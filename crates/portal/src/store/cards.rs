//! Cards kept at a payment provider, the pages where customers add them, their accounts
//! there, and every attempt to charge one.

use sqlx::FromRow;

use super::{Conn, Pool, fresh, new_id};
use crate::domain::{CustomerId, OrderId};
use crate::error::Result;

/// A customer's card (never its number).
#[derive(Debug, Clone, FromRow)]
pub struct Card {
    pub id: String,
    pub customer_id: String,
    pub provider: String,
    pub provider_id: String,
    pub brand: String,
    pub last4: String,
    pub exp_month: i64,
    pub exp_year: i64,
    pub default_since: i64,
    pub created_at: i64,
}

const CARD_COLUMNS: &str =
    "id, customer_id, provider, provider_id, brand, last4, exp_month, exp_year, default_since, created_at";

/// The customer's account at `provider`, if one was made.
pub async fn provider_customer(conn: &mut Conn, customer_id: &CustomerId, provider: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT provider_customer_id FROM provider_customers WHERE customer_id = $1 AND provider = $2",
    )
    .bind(customer_id.as_str())
    .bind(provider)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Remembers the customer's account at `provider`; false when one was remembered meanwhile.
pub async fn insert_provider_customer(
    conn: &mut Conn,
    customer_id: &CustomerId,
    provider: &str,
    provider_customer_id: &str,
    now: i64,
) -> Result<bool> {
    fresh(
        sqlx::query(
            "INSERT INTO provider_customers (customer_id, provider, provider_customer_id, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(customer_id.as_str())
        .bind(provider)
        .bind(provider_customer_id)
        .bind(now)
        .execute(&mut *conn)
        .await,
    )
}

/// Remembers an open setup page of the customer's.
pub async fn insert_setup(
    conn: &mut Conn,
    session: &str,
    customer_id: &CustomerId,
    provider: &str,
    now: i64,
) -> Result<()> {
    sqlx::query("INSERT INTO card_setups (session_id, customer_id, provider, created_at) VALUES ($1, $2, $3, $4)")
        .bind(session)
        .bind(customer_id.as_str())
        .bind(provider)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The customer of setup page `session` at `provider`, if it is one of ours.
pub async fn setup_customer(conn: &mut Conn, session: &str, provider: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT customer_id FROM card_setups WHERE session_id = $1 AND provider = $2")
        .bind(session)
        .bind(provider)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Marks setup page `session` complete.
pub async fn complete_setup(conn: &mut Conn, session: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE card_setups SET completed_at = $2 WHERE session_id = $1 AND completed_at IS NULL")
        .bind(session)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A card to keep.
#[derive(Debug)]
pub struct NewCard<'a> {
    pub customer_id: &'a CustomerId,
    pub provider: &'a str,
    pub provider_id: &'a str,
    pub brand: &'a str,
    pub last4: &'a str,
    pub exp_month: i64,
    pub exp_year: i64,
    /// Non-zero: the default card from then.
    pub default_since: i64,
    pub created_at: i64,
}

/// Keeps a card; `None` when the provider's card is kept already (no error: the transaction
/// goes on, on PostgreSQL too).
pub async fn insert(conn: &mut Conn, new: &NewCard<'_>) -> Result<Option<String>> {
    let id = new_id("card");
    let done = sqlx::query(&format!(
        "INSERT INTO cards ({CARD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (provider, provider_id) DO NOTHING"
    ))
    .bind(&id)
    .bind(new.customer_id.as_str())
    .bind(new.provider)
    .bind(new.provider_id)
    .bind(new.brand)
    .bind(new.last4)
    .bind(new.exp_month)
    .bind(new.exp_year)
    .bind(new.default_since)
    .bind(new.created_at)
    .execute(&mut *conn)
    .await?;
    Ok((done.rows_affected() == 1).then_some(id))
}

/// The customer's cards at `provider` not removed, the default first, then the newest.
pub async fn of_customer(conn: &mut Conn, customer_id: &CustomerId, provider: &str) -> Result<Vec<Card>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM cards WHERE customer_id = $1 AND provider = $2 AND removed_at IS NULL \
         ORDER BY default_since DESC, created_at DESC, id"
    ))
    .bind(customer_id.as_str())
    .bind(provider)
    .fetch_all(&mut *conn)
    .await?)
}

/// Makes card `id` of the customer's the default from `now`; false when it is not theirs.
pub async fn set_default(conn: &mut Conn, customer_id: &CustomerId, id: &str, now: i64) -> Result<bool> {
    let done =
        sqlx::query("UPDATE cards SET default_since = $3 WHERE id = $1 AND customer_id = $2 AND removed_at IS NULL")
            .bind(id)
            .bind(customer_id.as_str())
            .bind(now)
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes card `id` of the customer's; false when it is not theirs or removed already.
pub async fn remove(conn: &mut Conn, customer_id: &CustomerId, id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE cards SET removed_at = $3, default_since = 0 WHERE id = $1 AND customer_id = $2 AND removed_at IS NULL",
    )
    .bind(id)
    .bind(customer_id.as_str())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A card by its id.
pub async fn by_id(conn: &mut Conn, id: &str) -> Result<Option<Card>> {
    Ok(sqlx::query_as(&format!("SELECT {CARD_COLUMNS} FROM cards WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// One attempt to charge a card.
#[derive(Debug, Clone, FromRow)]
pub struct Charge {
    pub id: String,
    pub idempotency_key: String,
    pub purpose: String,
    pub attempt: i64,
    pub customer_id: String,
    pub subscription_id: Option<String>,
    pub card_id: String,
    pub amount_minor: i64,
    pub currency: String,
    pub status: String,
    pub provider_charge_id: Option<String>,
    pub order_id: Option<String>,
    pub reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

const CHARGE_COLUMNS: &str = "id, idempotency_key, purpose, attempt, customer_id, subscription_id, card_id, \
     amount_minor, currency, status, provider_charge_id, order_id, reason, created_at, updated_at";

/// An attempt to record before the provider is asked.
#[derive(Debug)]
pub struct NewCharge<'a> {
    pub purpose: &'a str,
    pub attempt: i64,
    pub customer_id: &'a CustomerId,
    pub subscription_id: Option<&'a str>,
    pub card_id: &'a str,
    pub amount_minor: i64,
    pub currency: &'a str,
    pub now: i64,
}

/// Records an attempt as `pending`, under the key `<purpose>:<attempt>`; `None` when that
/// attempt is recorded already (another process is making it).
pub async fn insert_charge(conn: &mut Conn, new: &NewCharge<'_>) -> Result<Option<Charge>> {
    let id = new_id("chg");
    let key = format!("{}:{}", new.purpose, new.attempt);
    let inserted = fresh(
        sqlx::query(&format!(
            "INSERT INTO card_charges ({CHARGE_COLUMNS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', NULL, NULL, NULL, $10, $10)"
        ))
        .bind(&id)
        .bind(&key)
        .bind(new.purpose)
        .bind(new.attempt)
        .bind(new.customer_id.as_str())
        .bind(new.subscription_id)
        .bind(new.card_id)
        .bind(new.amount_minor)
        .bind(new.currency)
        .bind(new.now)
        .execute(&mut *conn)
        .await,
    )?;
    if !inserted {
        return Ok(None);
    }
    charge_by_id(conn, &id).await
}

/// The latest attempt for `purpose`, if any.
pub async fn last_attempt(conn: &mut Conn, purpose: &str) -> Result<Option<Charge>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {CHARGE_COLUMNS} FROM card_charges WHERE purpose = $1 ORDER BY attempt DESC LIMIT 1"
    ))
    .bind(purpose)
    .fetch_optional(&mut *conn)
    .await?)
}

/// An attempt by its id.
pub async fn charge_by_id(conn: &mut Conn, id: &str) -> Result<Option<Charge>> {
    Ok(sqlx::query_as(&format!("SELECT {CHARGE_COLUMNS} FROM card_charges WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Takes up an `unsettled` attempt again (the same key, asked again); false when another
/// process took it up first.
pub async fn retake(conn: &mut Conn, id: &str, now: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE card_charges SET status = 'pending', updated_at = $2 WHERE id = $1 AND status = 'unsettled'",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What became of an attempt.
#[derive(Debug)]
pub struct Outcome<'a> {
    pub status: &'a str,
    pub provider_charge_id: Option<&'a str>,
    pub order_id: Option<&'a OrderId>,
    pub reason: Option<&'a str>,
    pub now: i64,
}

/// Records what became of attempt `id`.
pub async fn settle(conn: &mut Conn, id: &str, outcome: &Outcome<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE card_charges SET status = $2, provider_charge_id = COALESCE($3, provider_charge_id), \
         order_id = COALESCE($4, order_id), reason = $5, updated_at = $6 WHERE id = $1",
    )
    .bind(id)
    .bind(outcome.status)
    .bind(outcome.provider_charge_id)
    .bind(outcome.order_id.map(OrderId::as_str))
    .bind(outcome.reason)
    .bind(outcome.now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The attempts charging subscription `id`, newest first.
pub async fn of_subscription(pool: &Pool, id: &str) -> Result<Vec<Charge>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {CHARGE_COLUMNS} FROM card_charges WHERE subscription_id = $1 ORDER BY created_at DESC, attempt DESC"
    ))
    .bind(id)
    .fetch_all(pool)
    .await?)
}
