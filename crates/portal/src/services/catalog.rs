//! Adding to the catalog: products, their editions and the plans that sell them, for the admin
//! commands and the demo.

use tessera_core::MatchPolicy;

use crate::domain::{Money, Term, Text};
use crate::error::{Error, Result};
use crate::store::catalog::{self, NewPlan, NewProduct};
use crate::store::{self, Conn};

/// Adds a product: refreshes every 1 to 3650 days, then 0 to 3650 days of offline grace.
pub async fn add_product(conn: &mut Conn, new: &NewProduct<'_>) -> Result<()> {
    if !(1..=3650).contains(&new.refresh_days) || !(0..=3650).contains(&new.grace_days) {
        return Err(Error::BadRequest("refresh days must be at least 1 and grace days not negative".into()));
    }
    if !catalog::insert_product(conn, new).await? {
        return Err(Error::BadRequest(format!("product {} exists already", new.id)));
    }
    Ok(())
}

/// A match policy as typed: `exact`, `fuzzy` or `loose` (the words the store keeps).
pub fn policy(text: &str) -> Result<MatchPolicy> {
    [MatchPolicy::Exact, MatchPolicy::Fuzzy, MatchPolicy::Loose]
        .into_iter()
        .find(|policy| catalog::policy_code(*policy) == text)
        .ok_or_else(|| Error::BadRequest(format!("'{text}' is not a match policy (exact, fuzzy or loose)")))
}

/// Adds an edition of an existing product, with its SKU prefix and features.
pub async fn add_edition(conn: &mut Conn, product: &str, name: &str, sku: &str, features: &[String]) -> Result<()> {
    product_exists(conn, product).await?;
    if !catalog::insert_edition(conn, product, name, sku, features).await? {
        return Err(Error::BadRequest(format!("edition {name} or SKU {sku} exists already")));
    }
    Ok(())
}

/// Refuses a product that does not exist.
pub async fn product_exists(conn: &mut Conn, product: &str) -> Result<()> {
    if store::catalog::product_exists(conn, product).await? {
        Ok(())
    } else {
        Err(Error::BadRequest(format!("no product {product}")))
    }
}

/// A plan to add, as staff type it.
#[derive(Debug)]
pub struct PlanForm<'a> {
    pub product: &'a str,
    pub edition: &'a str,
    pub sku: &'a str,
    /// What the order line reads; "<product name> <edition>, <term>" when `None`.
    pub name: Option<&'a str>,
    pub term: Term,
    /// Price per user for the whole term.
    pub unit_price: Money,
    pub machines_per_user: i64,
    pub support_years: i64,
    pub trial_days: i64,
}

/// Adds a plan of an existing edition; its SKU is unique among plans.
pub async fn add_plan(conn: &mut Conn, form: &PlanForm<'_>, now: i64) -> Result<()> {
    let sku = Text::<64>::parse("sku", form.sku.trim())?;
    if sku.is_empty() || sku.chars().any(char::is_whitespace) {
        return Err(Error::BadRequest(format!("'{}' is not a SKU (letters, digits and dashes, no spaces)", form.sku)));
    }
    if !(1..=1000).contains(&form.machines_per_user)
        || !(0..=100).contains(&form.support_years)
        || !(0..=365).contains(&form.trial_days)
    {
        return Err(Error::BadRequest(
            "machines per user are 1 to 1000, support years 0 to 100, trial days 0 to 365".into(),
        ));
    }
    if form.unit_price.minor() < 0 {
        return Err(Error::BadRequest(format!("a price is not negative, not {}", form.unit_price)));
    }
    let edition_id = catalog::edition_id(conn, form.product, form.edition)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("{} has no edition {}", form.product, form.edition)))?;
    let name = match form.name {
        Some(name) => Text::<200>::parse("name", name.trim())?.into_string(),
        None => {
            let product = catalog::product_name(conn, form.product).await?.unwrap_or_else(|| form.product.to_owned());
            format!("{product} {}, {}", form.edition, form.term)
        }
    };
    let new = NewPlan {
        edition_id: &edition_id,
        sku: &sku,
        name: &name,
        term_months: form.term.months(),
        currency: form.unit_price.currency().code(),
        unit_price_minor: form.unit_price.minor(),
        machines_per_user: form.machines_per_user,
        support_years: form.support_years,
        trial_days: form.trial_days,
        created_at: now,
    };
    if catalog::insert_plan(conn, &new).await?.is_none() {
        return Err(Error::BadRequest(format!("a plan has SKU {} already", form.sku.trim())));
    }
    Ok(())
}
