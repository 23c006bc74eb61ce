//! Partner and reseller pools (seed 003, BILLING.md): partners and resellers made, license-years granted from a paid order and transferred to a reseller, each movement a ledger row.

use crate::domain::{Actor, Email, OrderRef, OrderStatus, Text};
use crate::error::{Error, Result};
use crate::store::organisations::{self, Organisation};
use crate::store::pools::{self, LedgerLine, LicensePool, Links};
use crate::store::{self, Pool, catalog, orders};

/// Makes a partner of the vendor named `name`; its id.
pub async fn create_partner(pool: &Pool, name: &str) -> Result<String> {
    let name = Text::<200>::parse("name", name.trim())?;
    if name.is_empty() {
        return Err(Error::BadRequest("A partner needs a name.".into()));
    }
    let mut tx = store::begin(pool).await?;
    let id = organisations::insert(&mut tx, "partner", &name, None, None, store::now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// Makes a reseller of partner `partner_id` named `name`; its id.
pub async fn create_reseller(pool: &Pool, partner_id: &str, name: &str) -> Result<String> {
    let name = Text::<200>::parse("name", name.trim())?;
    if name.is_empty() {
        return Err(Error::BadRequest("A reseller needs a name.".into()));
    }
    let mut tx = store::begin(pool).await?;
    of_kind(&mut tx, partner_id, "partner").await?;
    let id = organisations::insert(&mut tx, "reseller", &name, Some(partner_id), None, store::now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// Sets where partner or reseller `id`'s mails go: its staff contact `email` and the `language`
/// of its mails; what is not given stays as it was.
pub async fn set_contact(pool: &Pool, id: &str, email: Option<&str>, language: Option<&str>) -> Result<()> {
    let email = email.map(Email::normalized);
    if let Some(email) = email.as_ref().filter(|e| !e.contains('@') || e.len() > 254) {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address").into()));
    }
    let language = language
        .map(|code| {
            tessera_i18n::Language::from_code(code.trim()).ok_or_else(|| {
                Error::BadRequest(
                    format!("'{code}' is not a language the portal writes in (en, fr, it, bg, ru)").into(),
                )
            })
        })
        .transpose()?;
    let mut tx = store::begin(pool).await?;
    let organisation = organisations::by_id(&mut tx, id).await?;
    if !organisation.is_some_and(|o| o.kind == "partner" || o.kind == "reseller") {
        return Err(Error::BadRequest(format!("{id} is not a partner or a reseller.").into()));
    }
    organisations::set_contact(&mut tx, id, email.as_deref(), language.map(|l| l.code())).await?;
    tx.commit().await?;
    Ok(())
}

/// The organisation `id` if it is of `kind`; else a 400 naming what was expected.
async fn of_kind(conn: &mut store::Conn, id: &str, kind: &str) -> Result<Organisation> {
    organisations::by_id(conn, id)
        .await?
        .filter(|o| o.kind == kind)
        .ok_or_else(|| Error::BadRequest(format!("{id} is not a {kind}.").into()))
}

/// Grants partner `partner_id` `amount` license-years of `product` from the paid order
/// `reference`: once per order.
pub async fn grant(
    pool: &Pool,
    actor: &Actor,
    partner_id: &str,
    reference: &str,
    product: &str,
    amount: i64,
) -> Result<LicensePool> {
    if amount < 1 {
        return Err(Error::BadRequest("A grant is of at least 1 license-year.".into()));
    }
    let reference = OrderRef::parse("order", reference)?;
    let mut tx = store::begin(pool).await?;
    of_kind(&mut tx, partner_id, "partner").await?;
    known_product(&mut tx, product).await?;
    let order = orders::by_reference(&mut tx, &reference)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("No order is numbered {reference}.").into()))?;
    if order.status != OrderStatus::Paid {
        return Err(Error::BadRequest(
            format!("Order {reference} is not paid: license-years are granted from a paid order.").into(),
        ));
    }
    let target = pools::ensure(&mut tx, partner_id, product).await?;
    let links = Links { order_id: Some(order.id.as_str()), ..Links::default() };
    if !pools::record(&mut tx, &target.id, "grant", amount, &links, actor.as_str(), store::now()).await? {
        return Err(Error::BadRequest(format!("Order {reference} has granted license-years already.").into()));
    }
    pools::credit(&mut tx, &target.id, amount).await?;
    tx.commit().await?;
    Ok(LicensePool { balance: target.balance + amount, ..target })
}

/// Moves `amount` license-years of `product` from partner `partner_id`'s pool to its reseller
/// `reseller_id`'s; `INSUFFICIENT_LICENSES` when the partner's pool holds less.
pub async fn transfer(
    pool: &Pool,
    actor: &Actor,
    partner_id: &str,
    reseller_id: &str,
    product: &str,
    amount: i64,
) -> Result<()> {
    if amount < 1 {
        return Err(Error::BadRequest("A transfer is of at least 1 license-year.".into()));
    }
    let mut tx = store::begin(pool).await?;
    let reseller = of_kind(&mut tx, reseller_id, "reseller").await?;
    if reseller.parent_id.as_deref() != Some(partner_id) {
        return Err(Error::NotFound);
    }
    known_product(&mut tx, product).await?;
    let from = pools::ensure(&mut tx, partner_id, product).await?;
    let to = pools::ensure(&mut tx, reseller_id, product).await?;
    if !pools::debit(&mut tx, &from.id, amount).await? {
        return Err(Error::InsufficientLicenses(amount));
    }
    pools::credit(&mut tx, &to.id, amount).await?;
    let now = store::now();
    let out = Links { other_pool_id: Some(&to.id), ..Links::default() };
    pools::record(&mut tx, &from.id, "transfer", -amount, &out, actor.as_str(), now).await?;
    let into = Links { other_pool_id: Some(&from.id), ..Links::default() };
    pools::record(&mut tx, &to.id, "transfer", amount, &into, actor.as_str(), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Every pool of `organisation_id`.
pub async fn balances(pool: &Pool, organisation_id: &str) -> Result<Vec<LicensePool>> {
    pools::of(pool, organisation_id).await
}

/// The newest `limit` (1 to 200) movements of every pool of `organisation_id`, newest first.
pub async fn recent_movements(pool: &Pool, organisation_id: &str, limit: i64) -> Result<Vec<LedgerLine>> {
    pools::recent_of(pool, organisation_id, limit.clamp(1, 200)).await
}

/// The resellers of partner `partner_id`, by name (none for a reseller).
pub async fn resellers(pool: &Pool, partner_id: &str) -> Result<Vec<Organisation>> {
    organisations::children(pool, partner_id, "reseller").await
}

/// Every product's name by its id, for the pages.
pub async fn product_names(pool: &Pool) -> Result<std::collections::BTreeMap<String, String>> {
    let mut conn = store::acquire(pool).await?;
    Ok(catalog::products(&mut conn).await?.into_iter().map(|p| (p.id, p.name)).collect())
}

/// Refuses a product the catalogue does not have.
pub(super) async fn known_product(conn: &mut store::Conn, product: &str) -> Result<()> {
    if catalog::product_exists(conn, product).await? {
        Ok(())
    } else {
        Err(Error::BadRequest(format!("No product is named {product}.").into()))
    }
}
