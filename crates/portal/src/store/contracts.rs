//! A customer's contracts and annexes (seed 002), with exact monthly prices.

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool, new_id};
use crate::error::Result;

/// One contract; the type, subscription and status are codes, named in the page's language.
#[derive(Debug, FromRow)]
pub struct Contract {
    pub year: i64,
    /// `contract` or `annex`.
    pub document_type: String,
    /// `monthly` or `annual`.
    pub subscription_type: String,
    pub monthly_price_minor: i64,
    pub currency: String,
    pub signed_at: i64,
    /// `active`, `expired`, `terminated` or `draft`.
    pub status: String,
}

/// One page of a customer's contracts, newest first.
pub async fn page_of_customer(pool: &Pool, customer_id: &str, requested: Option<i64>) -> Result<Paged<Contract>> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contracts WHERE customer_id = $1")
        .bind(customer_id)
        .fetch_one(pool)
        .await?;
    paged(requested, count, |at| async move {
        Ok(sqlx::query_as(
            "SELECT year, document_type, subscription_type, monthly_price_minor, currency, signed_at, status \
             FROM contracts WHERE customer_id = $1 ORDER BY year DESC, signed_at DESC, id LIMIT $2 OFFSET $3",
        )
        .bind(customer_id)
        .bind(PER_PAGE)
        .bind(at.offset())
        .fetch_all(pool)
        .await?)
    })
    .await
}

/// Adds a contract to customer `customer_id`.
pub async fn insert(conn: &mut Conn, customer_id: &str, contract: &Contract) -> Result<()> {
    sqlx::query(
        "INSERT INTO contracts (id, customer_id, year, document_type, subscription_type, monthly_price_minor, \
         currency, signed_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new_id("ctr"))
    .bind(customer_id)
    .bind(contract.year)
    .bind(&contract.document_type)
    .bind(&contract.subscription_type)
    .bind(contract.monthly_price_minor)
    .bind(&contract.currency)
    .bind(contract.signed_at)
    .bind(&contract.status)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
