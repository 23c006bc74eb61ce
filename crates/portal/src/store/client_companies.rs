//! Client companies that are customers (#13 Part B): the link of a client to its customer
//! company, the accounts it is found by, and the license each client term became.

use sqlx::FromRow;

use super::{Conn, new_id};
use crate::domain::{CustomerId, LicenseId};
use crate::error::Result;

/// An account found by its e-mail: its company and its role there.
#[derive(Debug, Clone, FromRow)]
pub struct Account {
    pub customer_id: String,
    /// `admin` or `user`.
    pub role: String,
}

/// The account with e-mail `email` (lower case), if any.
pub async fn account(conn: &mut Conn, email: &str) -> Result<Option<Account>> {
    Ok(sqlx::query_as("SELECT customer_id, role FROM customer_users WHERE email = $1")
        .bind(email)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Adds the company admin's account (without password, role `admin`) of `customer_id`; its id.
pub async fn insert_admin(conn: &mut Conn, customer_id: &CustomerId, email: &str, now: i64) -> Result<String> {
    let id = new_id("usr");
    sqlx::query(
        "INSERT INTO customer_users (id, customer_id, email, password_hash, created_at, role) \
         VALUES ($1, $2, $3, NULL, $4, 'admin')",
    )
    .bind(&id)
    .bind(customer_id.as_str())
    .bind(email)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// The client organisation `customer_id` is linked to, if any.
pub async fn client_of(conn: &mut Conn, customer_id: &CustomerId) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT id FROM organisations WHERE customer_id = $1")
        .bind(customer_id.as_str())
        .fetch_optional(&mut *conn)
        .await?)
}

/// How linking went at the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Linked,
    /// The client was linked meanwhile (to any customer).
    ClientTaken,
    /// Another client was linked to the customer meanwhile.
    CustomerTaken,
}

/// Links client `client_id` to `customer_id` with its admin's `email`, if the client is not
/// linked yet: the check is the `UPDATE`'s condition, and the unique index keeps a customer to
/// one client under any concurrency.
pub async fn link(conn: &mut Conn, client_id: &str, customer_id: &CustomerId, email: &str, now: i64) -> Result<Link> {
    let updated = sqlx::query(
        "UPDATE organisations SET customer_id = $1, admin_email = $2, changed_at = $3 \
         WHERE id = $4 AND kind = 'client' AND customer_id IS NULL",
    )
    .bind(customer_id.as_str())
    .bind(email)
    .bind(now)
    .bind(client_id)
    .execute(&mut *conn)
    .await;
    match updated {
        Ok(done) if done.rows_affected() == 1 => Ok(Link::Linked),
        Ok(_) => Ok(Link::ClientTaken),
        Err(e) if super::is_unique_violation(&e) => Ok(Link::CustomerTaken),
        Err(e) => Err(e.into()),
    }
}

/// The first edition of `product` by name: the edition a pool's license-years become.
pub async fn edition_of(conn: &mut Conn, product: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM editions WHERE product_id = $1 ORDER BY name LIMIT 1")
        .bind(product)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Marks license `license_id` as the one of client term `term_id`.
pub async fn mark_license(conn: &mut Conn, license_id: &LicenseId, term_id: &str) -> Result<()> {
    sqlx::query("UPDATE licenses SET client_term_id = $1 WHERE id = $2")
        .bind(term_id)
        .bind(license_id.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The license client term `term_id` became, if any: its id and serial.
pub async fn license_of_term(conn: &mut Conn, term_id: &str) -> Result<Option<(String, String)>> {
    Ok(sqlx::query_as("SELECT id, serial FROM licenses WHERE client_term_id = $1")
        .bind(term_id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Removes the seats of license `license_id` (a term cancelled before it started); how many.
pub async fn remove_seats(conn: &mut Conn, license_id: &str) -> Result<u64> {
    Ok(sqlx::query("DELETE FROM seats WHERE license_id = $1")
        .bind(license_id)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}
