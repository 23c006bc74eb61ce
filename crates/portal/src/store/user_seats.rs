//! The seats a named user activates with (issue #13): an account's bound seats of a product,
//! how many machines each allows, and who holds a seat now.

use sqlx::FromRow;

use super::Pool;
use crate::domain::{LicenseId, UserId};
use crate::error::Result;

/// Machines a user seat allows when its license came from no plan.
pub const DEFAULT_MACHINES_PER_USER: i64 = 2;

/// A seat bound to an account, with its license's term.
#[derive(Debug, Clone, FromRow)]
pub struct UserSeat {
    pub id: String,
    #[sqlx(try_from = "String")]
    pub license_id: LicenseId,
    pub number: i64,
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    /// The plan's `machines_per_user` (the order line's plan of the license), else the default.
    pub machines_per_user: i64,
}

/// The seats of product `product_id` bound to account `user_id`, the earliest term first.
pub async fn bound_to(pool: &Pool, user_id: &UserId, product_id: &str) -> Result<Vec<UserSeat>> {
    Ok(sqlx::query_as(&format!(
        "SELECT s.id, s.license_id, s.number, l.issued_at AS starts_at, l.expires_at AS ends_at, \
         COALESCE((SELECT MAX(pl.machines_per_user) FROM order_items oi JOIN plans pl ON pl.id = oi.plan_id \
         WHERE oi.order_id = l.order_id AND oi.product_id = l.product_id), {DEFAULT_MACHINES_PER_USER}) \
         AS machines_per_user \
         FROM seats s JOIN licenses l ON l.id = s.license_id WHERE s.user_id = $1 AND l.product_id = $2 \
         ORDER BY l.issued_at, s.id"
    ))
    .bind(user_id.as_str())
    .bind(product_id)
    .fetch_all(pool)
    .await?)
}

/// The account seat `seat_id` is bound to now: `None` for no such seat, `Some(None)` when free.
pub async fn holder(pool: &Pool, seat_id: &str) -> Result<Option<Option<String>>> {
    Ok(sqlx::query_scalar("SELECT user_id FROM seats WHERE id = $1").bind(seat_id).fetch_optional(pool).await?)
}

/// The e-mail of account `user_id`, if it exists.
pub async fn email_of(pool: &Pool, user_id: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT email FROM customer_users WHERE id = $1").bind(user_id).fetch_optional(pool).await?)
}

/// The name of product `product_id`, if it exists.
pub async fn product_name(pool: &Pool, product_id: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM products WHERE id = $1").bind(product_id).fetch_optional(pool).await?)
}
