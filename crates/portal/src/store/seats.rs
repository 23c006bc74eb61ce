//! The seats of a company's paid licenses (seed 004): made once per user of a license, listed
//! with filters, bound and unbound by conditional updates.

use sqlx::FromRow;

use super::paging::{PER_PAGE, Paged, paged};
use super::{Conn, Pool, new_id};
use crate::domain::{CompanyRole, CustomerId, LicenseId, SeatStatus, UserId};
use crate::error::Result;

/// The status of a seat, computed by the database at `$1` (now); one expression for the list,
/// its filter and a single seat.
const STATUS: &str = "CASE WHEN l.expires_at IS NOT NULL AND l.expires_at <= $1 THEN 'expired' \
     WHEN s.user_id IS NOT NULL THEN 'bound' WHEN l.issued_at > $1 THEN 'not_started' ELSE 'free' END";

/// A seat as the Subscription management table shows it.
#[derive(Debug, Clone, FromRow)]
pub struct Seat {
    pub id: String,
    #[sqlx(try_from = "String")]
    pub license_id: LicenseId,
    pub number: i64,
    pub serial: String,
    pub product_id: String,
    pub product: String,
    pub edition: String,
    pub order_reference: Option<String>,
    /// The partner or reseller whose pool paid the license, when no order did (seed 003).
    pub seller: Option<String>,
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: SeatStatus,
    /// The e-mail of the account it is bound to.
    pub user_email: Option<String>,
}

/// What the list is narrowed to; empty strings narrow nothing.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    pub product_id: &'a str,
    pub status: Option<SeatStatus>,
    /// Part of the product's name, the serial, the order reference or the bound e-mail.
    pub search: &'a str,
}

fn select(tail: &str) -> String {
    format!(
        "SELECT s.id, s.license_id, s.number, l.serial, l.product_id, p.name AS product, l.edition, \
         o.reference AS order_reference, \
         (SELECT org.name FROM client_terms t JOIN license_pools lp ON lp.id = t.pool_id \
          JOIN organisations org ON org.id = lp.organisation_id WHERE t.id = l.client_term_id) AS seller, \
         l.issued_at AS starts_at, l.expires_at AS ends_at, {STATUS} AS status, \
         u.email AS user_email \
         FROM seats s JOIN licenses l ON l.id = s.license_id JOIN products p ON p.id = l.product_id \
         LEFT JOIN orders o ON o.id = l.order_id LEFT JOIN customer_users u ON u.id = s.user_id {tail}"
    )
}

/// The filter's conditions, for the customer `$2`: product `$3`, status `$4`, search `$5`.
fn filtered() -> String {
    format!(
        "WHERE s.customer_id = $2 AND ($3 = '' OR l.product_id = $3) AND ($4 = '' OR ({STATUS}) = $4) \
         AND ($5 = '' OR LOWER(p.name) LIKE $5 ESCAPE '\\' OR LOWER(l.serial) LIKE $5 ESCAPE '\\' \
         OR LOWER(COALESCE(o.reference, '')) LIKE $5 ESCAPE '\\' OR COALESCE(u.email, '') LIKE $5 ESCAPE '\\')"
    )
}

fn pattern(search: &str) -> String {
    let search = search.trim().to_lowercase();
    if search.is_empty() { String::new() } else { format!("%{}%", super::customers::escape_like(&search)) }
}

/// Makes the seats missing for the paid licenses, the subscriptions' licenses and the client
/// terms' licenses (a partner's pool paid them) of `customer_id` (one per user); seats made meanwhile by another request are left as they are.
pub async fn make_missing(pool: &Pool, customer_id: &CustomerId) -> Result<u64> {
    #[derive(FromRow)]
    struct Short {
        id: String,
        users: i64,
        seats: i64,
    }
    let short: Vec<Short> = sqlx::query_as(
        "SELECT l.id, l.users, (SELECT COUNT(*) FROM seats s WHERE s.license_id = l.id) AS seats \
         FROM licenses l WHERE l.customer_id = $1 \
         AND (l.order_id IS NOT NULL OR EXISTS (SELECT 1 FROM subscriptions su WHERE su.license_id = l.id) \
              OR l.client_term_id IN (SELECT t.id FROM client_terms t WHERE t.cancelled_at IS NULL))",
    )
    .bind(customer_id.as_str())
    .fetch_all(pool)
    .await?;
    let mut made = 0;
    for license in short.into_iter().filter(|l| l.seats < l.users) {
        for number in 1..=license.users {
            made += sqlx::query(
                "INSERT INTO seats (id, license_id, customer_id, number, user_id, bound_at) \
                 VALUES ($1, $2, $3, $4, NULL, NULL) ON CONFLICT DO NOTHING",
            )
            .bind(new_id("seat"))
            .bind(&license.id)
            .bind(customer_id.as_str())
            .bind(number)
            .execute(pool)
            .await?
            .rows_affected();
        }
    }
    Ok(made)
}

/// A page of the seats of `customer_id` narrowed by `filter`, newest term first.
pub async fn page(
    pool: &Pool,
    customer_id: &CustomerId,
    filter: &Filter<'_>,
    now: i64,
    requested: Option<i64>,
) -> Result<Paged<Seat>> {
    let status = filter.status.map_or("", SeatStatus::code);
    let search = pattern(filter.search);
    let count_sql = format!(
        "SELECT COUNT(*) FROM seats s JOIN licenses l ON l.id = s.license_id JOIN products p ON p.id = l.product_id \
         LEFT JOIN orders o ON o.id = l.order_id LEFT JOIN customer_users u ON u.id = s.user_id {}",
        filtered()
    );
    let count: i64 = sqlx::query_scalar(&count_sql)
        .bind(now)
        .bind(customer_id.as_str())
        .bind(filter.product_id)
        .bind(status)
        .bind(&search)
        .fetch_one(pool)
        .await?;
    let sql = select(&format!(
        "{} ORDER BY l.issued_at DESC, p.name, l.serial, s.number LIMIT {PER_PAGE} OFFSET $6",
        filtered()
    ));
    paged(requested, count, |at| async move {
        Ok(sqlx::query_as(&sql)
            .bind(now)
            .bind(customer_id.as_str())
            .bind(filter.product_id)
            .bind(status)
            .bind(&search)
            .bind(at.offset())
            .fetch_all(pool)
            .await?)
    })
    .await
}

/// Seat `id` of `customer_id` in `conn`, if the company has it.
pub async fn of_customer(conn: &mut Conn, customer_id: &CustomerId, id: &str, now: i64) -> Result<Option<Seat>> {
    Ok(sqlx::query_as(&select("WHERE s.customer_id = $2 AND s.id = $3"))
        .bind(now)
        .bind(customer_id.as_str())
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// The seats of license `license_id` of `customer_id`, by number.
pub async fn of_license(conn: &mut Conn, customer_id: &CustomerId, license_id: &str, now: i64) -> Result<Vec<Seat>> {
    Ok(sqlx::query_as(&select("WHERE s.customer_id = $2 AND s.license_id = $3 ORDER BY s.number"))
        .bind(now)
        .bind(customer_id.as_str())
        .bind(license_id)
        .fetch_all(&mut *conn)
        .await?)
}

/// How binding went at the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    Bound,
    /// Someone bound the seat first (or its term ended).
    NotFree,
    /// The account has a seat of this license already.
    HasOne,
}

/// How many seats of license `license_id` are bound to a user.
pub async fn bound(conn: &mut Conn, license_id: &str) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM seats WHERE license_id = $1 AND user_id IS NOT NULL")
        .bind(license_id)
        .fetch_one(&mut *conn)
        .await?)
}

/// Removes the free seats of license `license_id` beyond its `users`, highest numbers first; a
/// bound seat is never removed.
pub async fn trim(conn: &mut Conn, license_id: &LicenseId, users: i64) -> Result<()> {
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM seats WHERE license_id = $1")
        .bind(license_id.as_str())
        .fetch_one(&mut *conn)
        .await?;
    if total > users {
        sqlx::query(
            "DELETE FROM seats WHERE user_id IS NULL AND id IN (SELECT id FROM seats \
             WHERE license_id = $1 AND user_id IS NULL ORDER BY number DESC LIMIT $2)",
        )
        .bind(license_id.as_str())
        .bind(total - users)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Binds seat `id` of `customer_id` to `user_id` if it is still free and its term has not
/// ended at `now`: the check is the `UPDATE`'s own condition, so of two requests racing for the
/// seat exactly one binds it.
pub async fn bind(conn: &mut Conn, customer_id: &CustomerId, id: &str, user_id: &UserId, now: i64) -> Result<Taken> {
    let updated = sqlx::query(
        "UPDATE seats SET user_id = $1, bound_at = $2 WHERE id = $3 AND customer_id = $4 AND user_id IS NULL \
         AND license_id IN (SELECT id FROM licenses WHERE expires_at IS NULL OR expires_at > $2)",
    )
    .bind(user_id.as_str())
    .bind(now)
    .bind(id)
    .bind(customer_id.as_str())
    .execute(&mut *conn)
    .await;
    match updated {
        Ok(done) if done.rows_affected() == 1 => Ok(Taken::Bound),
        Ok(_) => Ok(Taken::NotFree),
        Err(e) if super::is_unique_violation(&e) => Ok(Taken::HasOne),
        Err(e) => Err(e.into()),
    }
}

/// Frees seat `id` of `customer_id` bound to `user_id`; false when it was not (unbound meanwhile).
pub async fn unbind(conn: &mut Conn, customer_id: &CustomerId, id: &str, user_id: &UserId) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE seats SET user_id = NULL, bound_at = NULL WHERE id = $1 AND customer_id = $2 AND user_id = $3",
    )
    .bind(id)
    .bind(customer_id.as_str())
    .bind(user_id.as_str())
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

/// The license of the same product of `customer_id` issued last before `license_id` (the
/// previous term), if any.
pub async fn previous_license(conn: &mut Conn, customer_id: &CustomerId, license_id: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT p.id FROM licenses p JOIN licenses l ON l.id = $2 AND l.customer_id = p.customer_id \
         WHERE p.customer_id = $1 AND p.product_id = l.product_id AND p.id <> l.id \
         AND (p.order_id IS NOT NULL OR p.client_term_id IS NOT NULL) \
         AND p.issued_at < l.issued_at ORDER BY p.issued_at DESC LIMIT 1",
    )
    .bind(customer_id.as_str())
    .bind(license_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// An account of a company.
#[derive(Debug, Clone, FromRow)]
pub struct Member {
    #[sqlx(try_from = "String")]
    pub id: UserId,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub role: CompanyRole,
    /// 1 once the person has set a password (an invitation not yet taken up has none).
    pub registered: i64,
}

/// The accounts of `customer_id`, by e-mail.
pub async fn members(conn: &mut Conn, customer_id: &CustomerId) -> Result<Vec<Member>> {
    Ok(sqlx::query_as(
        "SELECT id, email, role, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS registered \
         FROM customer_users WHERE customer_id = $1 ORDER BY email",
    )
    .bind(customer_id.as_str())
    .fetch_all(&mut *conn)
    .await?)
}

/// The account of `customer_id` with `email` (lower case), if the company has one.
pub async fn member(conn: &mut Conn, customer_id: &CustomerId, email: &str) -> Result<Option<Member>> {
    Ok(sqlx::query_as(
        "SELECT id, email, role, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS registered \
         FROM customer_users WHERE customer_id = $1 AND email = $2",
    )
    .bind(customer_id.as_str())
    .bind(email)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The role of account `user_id`, if it exists.
pub async fn role_of(pool: &Pool, user_id: &UserId) -> Result<Option<CompanyRole>> {
    let role: Option<String> = sqlx::query_scalar("SELECT role FROM customer_users WHERE id = $1")
        .bind(user_id.as_str())
        .fetch_optional(pool)
        .await?;
    role.map(CompanyRole::try_from).transpose()
}

/// Sets the role of account `user_id`.
pub async fn set_role(conn: &mut Conn, user_id: &UserId, role: CompanyRole) -> Result<()> {
    sqlx::query("UPDATE customer_users SET role = $1 WHERE id = $2")
        .bind(role.code())
        .bind(user_id.as_str())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A product the company has seats of, for the product type filter.
#[derive(Debug, Clone, FromRow)]
pub struct ProductOption {
    pub id: String,
    pub name: String,
}

/// The products of the seats of `customer_id`, by name.
pub async fn products(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<ProductOption>> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT p.id, p.name FROM seats s JOIN licenses l ON l.id = s.license_id \
         JOIN products p ON p.id = l.product_id WHERE s.customer_id = $1 ORDER BY p.name",
    )
    .bind(customer_id.as_str())
    .fetch_all(pool)
    .await?)
}

/// The e-mails of customer `customer_id`'s company admins who registered (a password set), by
/// e-mail, in `conn`'s transaction.
pub async fn admin_emails(conn: &mut Conn, customer_id: &CustomerId) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT email FROM customer_users WHERE customer_id = $1 AND role = 'admin' \
         AND password_hash IS NOT NULL ORDER BY email",
    )
    .bind(customer_id.as_str())
    .fetch_all(&mut *conn)
    .await?)
}
