//! The catalog: products (with how closely machines must match and how often they refresh),
//! their editions (SKU prefix, features) and the plans that sell them (term, price per user).

use sqlx::FromRow;
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

/// A plan to add: an edition sold for a term at a price per user.
#[derive(Debug)]
pub struct NewPlan<'a> {
    pub edition_id: &'a str,
    pub sku: &'a str,
    pub name: &'a str,
    pub term_months: Option<i64>,
    pub currency: &'a str,
    pub unit_price_minor: i64,
    pub machines_per_user: i64,
    pub support_years: i64,
    pub trial_days: i64,
    pub created_at: i64,
}

/// Adds a plan; its id, or `None` when its SKU is taken.
pub async fn insert_plan(conn: &mut Conn, new: &NewPlan<'_>) -> Result<Option<String>> {
    let id = new_id("pln");
    let inserted = sqlx::query(
        "INSERT INTO plans (id, edition_id, sku, name, term_months, currency, unit_price_minor, machines_per_user, \
         support_years, trial_days, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&id)
    .bind(new.edition_id)
    .bind(new.sku)
    .bind(new.name)
    .bind(new.term_months)
    .bind(new.currency)
    .bind(new.unit_price_minor)
    .bind(new.machines_per_user)
    .bind(new.support_years)
    .bind(new.trial_days)
    .bind(new.created_at)
    .execute(&mut *conn)
    .await;
    Ok(fresh(inserted)?.then_some(id))
}

/// The id of edition `name` of `product`.
pub async fn edition_id(conn: &mut Conn, product: &str, name: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT id FROM editions WHERE product_id = $1 AND name = $2")
        .bind(product)
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?)
}

/// A plan with its edition and product: what an order line and the license it becomes need.
#[derive(Debug, Clone, FromRow)]
pub struct Plan {
    pub id: String,
    pub sku: String,
    pub name: String,
    pub product_id: String,
    pub edition: String,
    pub term_months: Option<i64>,
    pub currency: String,
    pub unit_price_minor: i64,
    pub machines_per_user: i64,
    pub support_years: i64,
    pub trial_days: i64,
    pub retired_at: Option<i64>,
}

pub(super) const PLAN_COLUMNS: &str = "pl.id, pl.sku, pl.name, e.product_id, e.name AS edition, pl.term_months, \
     pl.currency, pl.unit_price_minor, pl.machines_per_user, pl.support_years, pl.trial_days, pl.retired_at";

/// The plan with this SKU, retired or not.
pub async fn plan_by_sku(conn: &mut Conn, sku: &str) -> Result<Option<Plan>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {PLAN_COLUMNS} FROM plans pl JOIN editions e ON e.id = pl.edition_id WHERE pl.sku = $1"
    ))
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Every plan, by product, edition and SKU.
pub async fn plans(conn: &mut Conn) -> Result<Vec<Plan>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {PLAN_COLUMNS} FROM plans pl JOIN editions e ON e.id = pl.edition_id \
         ORDER BY e.product_id, e.name, pl.sku"
    ))
    .fetch_all(&mut *conn)
    .await?)
}

/// The name of product `id`.
pub async fn product_name(conn: &mut Conn, id: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT name FROM products WHERE id = $1").bind(id).fetch_optional(&mut *conn).await?)
}

/// A product as the back office lists it.
#[derive(Debug, Clone, FromRow)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub match_policy: String,
    pub refresh_days: i64,
    pub grace_days: i64,
}

/// Every product, by id.
pub async fn products(conn: &mut Conn) -> Result<Vec<Product>> {
    Ok(sqlx::query_as("SELECT id, name, match_policy, refresh_days, grace_days FROM products ORDER BY id")
        .fetch_all(&mut *conn)
        .await?)
}

/// Product `id`.
pub async fn product(conn: &mut Conn, id: &str) -> Result<Option<Product>> {
    Ok(sqlx::query_as("SELECT id, name, match_policy, refresh_days, grace_days FROM products WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Changes what may change of product `id` (never its id or match policy, which its licenses
/// and machines' fingerprints carry); false when there is no such product.
pub async fn update_product(conn: &mut Conn, id: &str, name: &str, refresh_days: i64, grace_days: i64) -> Result<bool> {
    let changed = sqlx::query("UPDATE products SET name = $1, refresh_days = $2, grace_days = $3 WHERE id = $4")
        .bind(name)
        .bind(refresh_days)
        .bind(grace_days)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(changed.rows_affected() == 1)
}

/// An edition with its features.
#[derive(Debug, Clone)]
pub struct Edition {
    pub id: String,
    pub product_id: String,
    pub name: String,
    pub sku: String,
    pub features: Vec<String>,
}

#[derive(FromRow)]
struct EditionRow {
    id: String,
    product_id: String,
    name: String,
    sku: String,
    features: String,
}

impl TryFrom<EditionRow> for Edition {
    type Error = crate::error::Error;

    fn try_from(row: EditionRow) -> Result<Self> {
        let features = from_json("features", &row.features)?;
        Ok(Self { id: row.id, product_id: row.product_id, name: row.name, sku: row.sku, features })
    }
}

/// Every edition, by product and name.
pub async fn editions(conn: &mut Conn) -> Result<Vec<Edition>> {
    let rows: Vec<EditionRow> =
        sqlx::query_as("SELECT id, product_id, name, sku, features FROM editions ORDER BY product_id, name")
            .fetch_all(&mut *conn)
            .await?;
    rows.into_iter().map(Edition::try_from).collect()
}

/// The edition whose SKU is `sku`.
pub async fn edition_by_sku(conn: &mut Conn, sku: &str) -> Result<Option<Edition>> {
    let row: Option<EditionRow> =
        sqlx::query_as("SELECT id, product_id, name, sku, features FROM editions WHERE sku = $1")
            .bind(sku)
            .fetch_optional(&mut *conn)
            .await?;
    row.map(Edition::try_from).transpose()
}

/// Sets the features of edition `id` (licenses issued later carry them).
pub async fn set_edition_features(conn: &mut Conn, id: &str, features: &[String]) -> Result<()> {
    sqlx::query("UPDATE editions SET features = $1 WHERE id = $2")
        .bind(to_json("features", &features)?)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What may change of a plan: what the next orders are priced and issued with. Lines of orders
/// already placed keep their own price.
#[derive(Debug)]
pub struct PlanChanges<'a> {
    pub name: &'a str,
    pub unit_price_minor: i64,
    pub machines_per_user: i64,
    pub support_years: i64,
    pub trial_days: i64,
}

/// Changes plan `id`.
pub async fn update_plan(conn: &mut Conn, id: &str, changes: &PlanChanges<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE plans SET name = $1, unit_price_minor = $2, machines_per_user = $3, support_years = $4, \
         trial_days = $5 WHERE id = $6",
    )
    .bind(changes.name)
    .bind(changes.unit_price_minor)
    .bind(changes.machines_per_user)
    .bind(changes.support_years)
    .bind(changes.trial_days)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Retires plan `id` at `at` (`Some`) or puts it back on sale (`None`).
pub async fn set_plan_retired(conn: &mut Conn, id: &str, at: Option<i64>) -> Result<()> {
    sqlx::query("UPDATE plans SET retired_at = $1 WHERE id = $2").bind(at).bind(id).execute(&mut *conn).await?;
    Ok(())
}
