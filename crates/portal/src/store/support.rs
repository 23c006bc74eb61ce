//! Support and update terms of licenses (the Supports tables of seed 000).

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool, new_id};
use crate::domain::OrderId;
use crate::error::Result;

/// One support term with what the Supports table shows of its license.
#[derive(Debug, FromRow)]
pub struct SupportTerm {
    pub license_id: String,
    pub product_id: String,
    pub product_name: String,
    pub serial: String,
    pub users: i64,
    pub edition: String,
    pub order_reference: Option<String>,
    pub starts_at: i64,
    pub years: i64,
    pub ends_at: i64,
}

const SELECT: &str = "SELECT l.id AS license_id, l.product_id, p.name AS product_name, l.serial, l.users, l.edition, \
     o.reference AS order_reference, s.starts_at, s.years, s.ends_at \
     FROM support_terms s JOIN licenses l ON l.id = s.license_id JOIN products p ON p.id = l.product_id \
     LEFT JOIN orders o ON o.id = s.order_id WHERE l.customer_id = $1 ORDER BY s.starts_at DESC, l.serial";

/// All the support terms of a customer's licenses, newest first.
pub async fn all_of_customer(pool: &Pool, customer_id: &str) -> Result<Vec<SupportTerm>> {
    Ok(sqlx::query_as(SELECT).bind(customer_id).fetch_all(pool).await?)
}

/// One page of them.
pub async fn page_of_customer(pool: &Pool, customer_id: &str, requested: Option<i64>) -> Result<Paged<SupportTerm>> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM support_terms s JOIN licenses l ON l.id = s.license_id WHERE l.customer_id = $1",
    )
    .bind(customer_id)
    .fetch_one(pool)
    .await?;
    paged(requested, count, |at| async move {
        Ok(sqlx::query_as(&format!("{SELECT} LIMIT $2 OFFSET $3"))
            .bind(customer_id)
            .bind(PER_PAGE)
            .bind(at.offset())
            .fetch_all(pool)
            .await?)
    })
    .await
}

/// A term as a license's page lists it.
#[derive(Debug, FromRow)]
pub struct Term {
    pub starts_at: i64,
    pub years: i64,
    pub ends_at: i64,
}

/// The support terms of one license, oldest first.
pub async fn terms_of(pool: &Pool, license_id: &str) -> Result<Vec<Term>> {
    Ok(sqlx::query_as("SELECT starts_at, years, ends_at FROM support_terms WHERE license_id = $1 ORDER BY starts_at")
        .bind(license_id)
        .fetch_all(pool)
        .await?)
}

/// Adds a support term of `years` to a license, from `starts_at`.
pub async fn insert_term(
    conn: &mut Conn,
    license_id: &str,
    order_id: Option<&OrderId>,
    starts_at: i64,
    years: i64,
    ends_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO support_terms (id, license_id, order_id, starts_at, years, ends_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id("sup"))
    .bind(license_id)
    .bind(order_id.map(OrderId::as_str))
    .bind(starts_at)
    .bind(years)
    .bind(ends_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
