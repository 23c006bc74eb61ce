//! Adding to the catalog: products and their editions, for the admin commands and the demo.

use tessera_core::MatchPolicy;

use crate::error::{Error, Result};
use crate::store::catalog::{self, NewProduct};
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
