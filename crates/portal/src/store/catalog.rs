//! The catalog: products (with how closely machines must match and how often they refresh)
//! and their editions (SKU prefix, features).

use tessera_core::MatchPolicy;

use super::{Conn, fresh, from_json, new_id, to_json};
use crate::error::Result;

/// A product to add.
#[derive(Debug)]
pub struct NewProduct<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub match_policy: MatchPolicy,
    pub refresh_days: i64,
    pub grace_days: i64,
    pub created_at: i64,
}

/// The stored word of a match policy.
#[must_use]
pub fn policy_code(policy: MatchPolicy) -> &'static str {
    match policy {
        MatchPolicy::Exact => "exact",
        MatchPolicy::Fuzzy => "fuzzy",
        MatchPolicy::Loose => "loose",
    }
}

/// Adds a product; false when one has this id already.
pub async fn insert_product(conn: &mut Conn, new: &NewProduct<'_>) -> Result<bool> {
    fresh(
        sqlx::query(
            "INSERT INTO products (id, name, match_policy, refresh_days, grace_days, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(new.id)
        .bind(new.name)
        .bind(policy_code(new.match_policy))
        .bind(new.refresh_days)
        .bind(new.grace_days)
        .bind(new.created_at)
        .execute(&mut *conn)
        .await,
    )
}

/// Whether product `id` exists.
pub async fn product_exists(conn: &mut Conn, id: &str) -> Result<bool> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM products WHERE id = $1").bind(id).fetch_optional(&mut *conn).await?;
    Ok(found.is_some())
}

/// Adds an edition of `product`; false when the product has that edition, or the SKU is taken.
pub async fn insert_edition(
    conn: &mut Conn,
    product: &str,
    name: &str,
    sku: &str,
    features: &[String],
) -> Result<bool> {
    fresh(
        sqlx::query("INSERT INTO editions (id, product_id, name, sku, features) VALUES ($1, $2, $3, $4, $5)")
            .bind(new_id("edn"))
            .bind(product)
            .bind(name)
            .bind(sku)
            .bind(to_json("features", &features)?)
            .execute(&mut *conn)
            .await,
    )
}

/// The features of edition `name` of `product`, if it has that edition.
pub async fn edition_features(conn: &mut Conn, product: &str, name: &str) -> Result<Option<Vec<String>>> {
    let features: Option<String> =
        sqlx::query_scalar("SELECT features FROM editions WHERE product_id = $1 AND name = $2")
            .bind(product)
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?;
    features.map(|text| from_json("features", &text)).transpose()
}

/// The product of the edition whose SKU is the longest prefix of `sku` (`LED-ENT-3` is an
/// `LED-ENT` edition's).
pub async fn product_of_sku(conn: &mut Conn, sku: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT product_id FROM editions WHERE $1 LIKE sku || '%' ORDER BY LENGTH(sku) DESC")
        .bind(sku)
        .fetch_optional(&mut *conn)
        .await?)
}
