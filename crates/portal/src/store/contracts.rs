//! A customer's contracts and annexes (seed 002), with exact monthly prices.

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool};
use crate::domain::{ContractStatus, DocumentType, Subscription};
use crate::error::{Error, Result};

/// One contract.
#[derive(Debug)]
pub struct Contract {
    pub id: String,
    pub year: i64,
    pub document_type: DocumentType,
    pub subscription_type: Subscription,
    pub monthly_price_minor: i64,
    pub currency: String,
    pub signed_at: i64,
    pub status: ContractStatus,
}

#[derive(FromRow)]
struct Record {
    id: String,
    year: i64,
    document_type: String,
    subscription_type: String,
    monthly_price_minor: i64,
    currency: String,
    signed_at: i64,
    status: String,
}

impl Record {
    fn into_contract(self) -> Result<Contract> {
        let unknown = |column: &str, code: &str| Error::Internal(format!("contracts.{column}: unknown code {code:?}"));
        Ok(Contract {
            document_type: DocumentType::parse(&self.document_type)
                .ok_or_else(|| unknown("document_type", &self.document_type))?,
            subscription_type: Subscription::parse(&self.subscription_type)
                .ok_or_else(|| unknown("subscription_type", &self.subscription_type))?,
            status: ContractStatus::parse(&self.status).ok_or_else(|| unknown("status", &self.status))?,
            id: self.id,
            year: self.year,
            monthly_price_minor: self.monthly_price_minor,
            currency: self.currency,
            signed_at: self.signed_at,
        })
    }
}

/// One page of a customer's contracts, newest first.
pub async fn page_of_customer(pool: &Pool, customer_id: &str, requested: Option<i64>) -> Result<Paged<Contract>> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contracts WHERE customer_id = $1")
        .bind(customer_id)
        .fetch_one(pool)
        .await?;
    paged(requested, count, |at| async move {
        let records: Vec<Record> = sqlx::query_as(
            "SELECT id, year, document_type, subscription_type, monthly_price_minor, currency, signed_at, status \
             FROM contracts WHERE customer_id = $1 ORDER BY year DESC, signed_at DESC, id LIMIT $2 OFFSET $3",
        )
        .bind(customer_id)
        .bind(PER_PAGE)
        .bind(at.offset())
        .fetch_all(pool)
        .await?;
        records.into_iter().map(Record::into_contract).collect()
    })
    .await
}

/// Every contract of customer `customer_id`, newest first.
pub async fn all_of_customer(pool: &Pool, customer_id: &str) -> Result<Vec<Contract>> {
    let records: Vec<Record> = sqlx::query_as(
        "SELECT id, year, document_type, subscription_type, monthly_price_minor, currency, signed_at, status \
         FROM contracts WHERE customer_id = $1 ORDER BY year DESC, signed_at DESC, id",
    )
    .bind(customer_id)
    .fetch_all(pool)
    .await?;
    records.into_iter().map(Record::into_contract).collect()
}

/// The contract `id` of customer `customer_id`.
pub async fn of_customer(conn: &mut Conn, customer_id: &str, id: &str) -> Result<Option<Contract>> {
    let record: Option<Record> = sqlx::query_as(
        "SELECT id, year, document_type, subscription_type, monthly_price_minor, currency, signed_at, status \
         FROM contracts WHERE customer_id = $1 AND id = $2",
    )
    .bind(customer_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    record.map(Record::into_contract).transpose()
}

/// Moves contract `id` from status `from` to `to`; whether it still stood at `from` (a
/// concurrent change of the same contract makes this one do nothing).
pub async fn change_status(conn: &mut Conn, id: &str, from: ContractStatus, to: ContractStatus) -> Result<bool> {
    let done = sqlx::query("UPDATE contracts SET status = $1 WHERE id = $2 AND status = $3")
        .bind(to.code())
        .bind(id)
        .bind(from.code())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds a contract to customer `customer_id`.
pub async fn insert(conn: &mut Conn, customer_id: &str, contract: &Contract) -> Result<()> {
    sqlx::query(
        "INSERT INTO contracts (id, customer_id, year, document_type, subscription_type, monthly_price_minor, \
         currency, signed_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&contract.id)
    .bind(customer_id)
    .bind(contract.year)
    .bind(contract.document_type.code())
    .bind(contract.subscription_type.code())
    .bind(contract.monthly_price_minor)
    .bind(&contract.currency)
    .bind(contract.signed_at)
    .bind(contract.status.code())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
