//! Customers (companies) and their contacts: what the pages and the API show of them, and
//! the two ways a customer is found: by activation key, by e-mail and an order of theirs.

use sqlx::FromRow;

use super::{Conn, Pool, fresh, new_id};
use crate::domain::{CustomerId, Email, OrderRef};
use crate::error::Result;

/// A customer as the Profile, Orders and API pages show it.
#[derive(Debug, FromRow)]
pub struct Customer {
    pub id: String,
    pub company: String,
    pub email: String,
    pub manager: String,
    pub phone: String,
    pub country: String,
    pub city: String,
    /// Their VAT id, when given.
    pub vat_id: Option<String>,
    pub activation_key: String,
    pub created_at: i64,
    /// The language of their mail.
    pub language: String,
}

/// Customer `id`.
pub async fn by_id(pool: &Pool, id: &str) -> Result<Option<Customer>> {
    Ok(sqlx::query_as(
        "SELECT id, company, email, manager, phone, country, city, vat_id, activation_key, created_at, language \
         FROM customers WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Whom the mails to a customer go to, in which language, with their activation key.
#[derive(Debug, FromRow)]
pub struct Recipient {
    pub email: String,
    pub company: String,
    pub language: String,
    pub activation_key: String,
}

/// The recipient of the mails to customer `id`, inside `conn`'s transaction.
pub async fn recipient(conn: &mut Conn, id: &CustomerId) -> Result<Option<Recipient>> {
    Ok(sqlx::query_as("SELECT email, company, language, activation_key FROM customers WHERE id = $1")
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?)
}

/// Whether customer `id` exists.
pub async fn exists(conn: &mut Conn, id: &CustomerId) -> Result<bool> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM customers WHERE id = $1")
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

/// The customer whose activation key this is (the canonical form).
pub async fn owning_key(pool: &Pool, activation_key: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT id FROM customers WHERE activation_key = $1")
        .bind(activation_key)
        .fetch_optional(pool)
        .await?)
}

/// The customer with this e-mail address who placed the order `reference` (seed 000's sign-in).
pub async fn by_email_and_order(pool: &Pool, email: &Email, reference: &OrderRef) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.email = $1 AND o.reference = $2",
    )
    .bind(email.as_str())
    .bind(reference.as_str())
    .fetch_optional(pool)
    .await?)
}

/// A person at a customer the vendor writes to.
#[derive(Debug, FromRow)]
pub struct Contact {
    pub created_at: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// The customer's contacts, oldest first.
pub async fn contacts_of(pool: &Pool, customer_id: &str) -> Result<Vec<Contact>> {
    Ok(sqlx::query_as(
        "SELECT created_at, first_name, last_name, email FROM contacts WHERE customer_id = $1 ORDER BY created_at, last_name",
    )
    .bind(customer_id)
    .fetch_all(pool)
    .await?)
}

/// A customer to add.
#[derive(Debug)]
pub struct NewCustomer<'a> {
    pub company: &'a str,
    pub email: &'a Email,
    pub country: &'a str,
    pub city: &'a str,
    pub vat_id: Option<&'a str>,
    pub activation_key: &'a str,
    pub manager: &'a str,
    pub phone: &'a str,
    /// The language of their mail: en, fr, it, bg or ru.
    pub language: &'a str,
    pub created_at: i64,
}

/// Adds a customer; its id, or `None` when one has this e-mail (or key) already.
pub async fn insert(conn: &mut Conn, new: &NewCustomer<'_>) -> Result<Option<CustomerId>> {
    let id = new_id("cus");
    let inserted = sqlx::query(
        "INSERT INTO customers (id, company, email, country, city, activation_key, created_at, manager, phone, \
         language, vat_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&id)
    .bind(new.company)
    .bind(new.email.as_str())
    .bind(new.country)
    .bind(new.city)
    .bind(new.activation_key)
    .bind(new.created_at)
    .bind(new.manager)
    .bind(new.phone)
    .bind(new.language)
    .bind(new.vat_id)
    .execute(&mut *conn)
    .await;
    Ok(fresh(inserted)?.then_some(CustomerId::new(id)))
}

/// Adds a contact of `customer_id`.
pub async fn insert_contact(conn: &mut Conn, customer_id: &str, contact: &Contact) -> Result<()> {
    sqlx::query(
        "INSERT INTO contacts (id, customer_id, first_name, last_name, email, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id("con"))
    .bind(customer_id)
    .bind(&contact.first_name)
    .bind(&contact.last_name)
    .bind(&contact.email)
    .bind(contact.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The customer with this (purchase) e-mail address.
pub async fn id_by_email(conn: &mut Conn, email: &Email) -> Result<Option<CustomerId>> {
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(id.map(CustomerId::new))
}

/// Whether any customer exists (the demo seeds an empty portal only).
pub async fn any(conn: &mut Conn) -> Result<bool> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers").fetch_one(&mut *conn).await?;
    Ok(count > 0)
}

/// A customer found by the back office's search.
#[derive(Debug, FromRow)]
pub struct Found {
    pub id: String,
    pub company: String,
    pub email: String,
    pub country: String,
    pub city: String,
    pub licenses: i64,
    pub created_at: i64,
}

/// What the back office's search looks for, each already in the form it is stored in.
#[derive(Debug)]
pub struct Search<'a> {
    /// Part of a company name or e-mail address, lower case.
    pub text: &'a str,
    /// An order reference or a serial, as typed in capitals.
    pub exact: &'a str,
    /// The beginning of an activation key in its canonical form, when the text can be one.
    pub key_prefix: Option<&'a str>,
}

/// Customers whose company or e-mail address (their own, a contact's or an account's) holds
/// `search.text`, who placed the order or own the license `search.exact`, or whose activation
/// key starts with `search.key_prefix`; by company, at most `limit`.
pub async fn search(pool: &Pool, search: &Search<'_>, limit: i64) -> Result<Vec<Found>> {
    let like = format!("%{}%", escape_like(search.text));
    let key = search.key_prefix.map(|prefix| format!("{}%", escape_like(prefix)));
    Ok(sqlx::query_as(
        "SELECT c.id, c.company, c.email, c.country, c.city, c.created_at, \
         (SELECT COUNT(*) FROM licenses l WHERE l.customer_id = c.id) AS licenses \
         FROM customers c WHERE LOWER(c.company) LIKE $1 ESCAPE '\\' OR c.email LIKE $1 ESCAPE '\\' \
         OR EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id AND LOWER(k.email) LIKE $1 ESCAPE '\\') \
         OR EXISTS (SELECT 1 FROM customer_users u WHERE u.customer_id = c.id AND u.email LIKE $1 ESCAPE '\\') \
         OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.reference = $2) \
         OR EXISTS (SELECT 1 FROM licenses l WHERE l.customer_id = c.id AND l.serial = $2) \
         OR ($3 IS NOT NULL AND c.activation_key LIKE $3 ESCAPE '\\') \
         ORDER BY c.company, c.email LIMIT $4",
    )
    .bind(like)
    .bind(search.exact)
    .bind(key)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// `text` with LIKE's wildcards taken literally (escaped with a backslash).
pub(super) fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The customer as an invoice names them.
#[derive(Debug, FromRow)]
pub struct Buyer {
    pub company: String,
    pub email: String,
    pub manager: String,
    /// The street address (empty when never given).
    pub address: String,
    pub city: String,
    pub country: String,
    pub vat_id: Option<String>,
}

/// Customer `id` as an invoice names them, inside `conn`'s transaction.
pub async fn buyer(conn: &mut Conn, id: &CustomerId) -> Result<Option<Buyer>> {
    Ok(sqlx::query_as("SELECT company, email, manager, address, city, country, vat_id FROM customers WHERE id = $1")
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?)
}

/// What a customer's invoices name them by: company, address, VAT id.
#[derive(Debug)]
pub struct Billing<'a> {
    pub company: &'a str,
    pub address: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub vat_id: Option<&'a str>,
}

/// Sets customer `id`'s billing data, inside `conn`'s transaction.
pub async fn set_billing(conn: &mut Conn, id: &CustomerId, billing: &Billing<'_>) -> Result<()> {
    sqlx::query("UPDATE customers SET company = $2, address = $3, city = $4, country = $5, vat_id = $6 WHERE id = $1")
        .bind(id.as_str())
        .bind(billing.company)
        .bind(billing.address)
        .bind(billing.city)
        .bind(billing.country)
        .bind(billing.vat_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
