//! The catalog: products, their editions and the plans that sell them — added, changed,
//! retired and put back on sale (never deleted: licenses and order lines point to them), each
//! change checked here and recorded in the event log, for the shell, the back office and the demo.

use serde_json::json;
use tessera_core::MatchPolicy;

use super::events::{self, Change};
use crate::domain::{Actor, EventKind, Money, Term, Text};
use crate::error::{Error, Result};
use crate::store::catalog::{self, Edition, NewPlan, NewProduct, Plan, PlanChanges, Product};
use crate::store::{self, Conn, Pool};

/// The highest price per user a plan takes, in minor units (10 million euros in cents).
pub const MAX_PRICE_MINOR: i64 = 1_000_000_000;
/// The longest term a plan sells, in months (10 years).
pub const MAX_TERM_MONTHS: i64 = 120;

/// Refuses `value`, typed where the refusal `key` says what goes.
fn refuse(key: &'static str, value: &str) -> Error {
    Error::refused(key, &[("text", value.to_owned().into())])
}

/// Refuses a number outside `range`, naming the field.
fn in_range(field: &str, value: i64, range: std::ops::RangeInclusive<i64>) -> Result<()> {
    if range.contains(&value) {
        Ok(())
    } else {
        Err(Error::refused(
            "bo-refusal-out-of-range",
            &[
                ("field", field.to_owned().into()),
                ("value", value.into()),
                ("least", (*range.start()).into()),
                ("most", (*range.end()).into()),
            ],
        ))
    }
}

/// A name people read: 1 to 200 characters, trimmed.
fn name(field: &str, text: &str) -> Result<String> {
    let trimmed = Text::<200>::parse(field, text.trim())?.into_string();
    if trimmed.is_empty() {
        return Err(Error::refused("bo-refusal-name-needed", &[("field", field.to_owned().into())]));
    }
    Ok(trimmed)
}

/// A SKU: 1 to 64 capitals, digits and dashes, e.g. `LED-STD-1Y`.
pub fn sku(text: &str) -> Result<String> {
    let sku = text.trim().to_owned();
    let shaped = !sku.is_empty()
        && sku.len() <= 64
        && sku.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    if shaped { Ok(sku) } else { Err(refuse("bo-refusal-not-a-sku", text)) }
}

/// A product id: 1 to 64 lower-case letters, digits and dashes, e.g. `acme-ledger`.
fn product_id(text: &str) -> Result<&str> {
    let id = text.trim();
    let shaped = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if shaped { Ok(id) } else { Err(refuse("bo-refusal-not-a-product-id", text)) }
}

/// Features as typed: comma-separated, trimmed, empty ones left out; up to 50 of 64 characters.
pub fn features(text: &str) -> Result<Vec<String>> {
    let features: Vec<String> = text.split(',').map(str::trim).filter(|f| !f.is_empty()).map(str::to_owned).collect();
    if features.len() > 50 {
        return Err(Error::refused("bo-refusal-too-many-features", &[("most", 50.into())]));
    }
    for feature in &features {
        Text::<64>::parse("features", feature.as_str())?;
    }
    Ok(features)
}

fn check_days(refresh_days: i64, grace_days: i64) -> Result<()> {
    in_range("refresh days", refresh_days, 1..=3650)?;
    in_range("grace days", grace_days, 0..=3650)
}

/// Adds a product: refreshes every 1 to 3650 days, then 0 to 3650 days of offline grace.
pub async fn add_product(conn: &mut Conn, actor: &Actor, new: &NewProduct<'_>) -> Result<()> {
    let id = product_id(new.id)?;
    let product_name = name("name", new.name)?;
    check_days(new.refresh_days, new.grace_days)?;
    let new = NewProduct { id, name: &product_name, ..*new };
    if !catalog::insert_product(conn, &new).await? {
        return Err(Error::refused("bo-refusal-product-exists", &[("id", id.to_owned().into())]));
    }
    let after = json!({
        "name": product_name,
        "match_policy": catalog::policy_code(new.match_policy),
        "refresh_days": new.refresh_days,
        "grace_days": new.grace_days,
    });
    record(conn, actor, EventKind::ProductAdded, id, None, Some(after)).await
}

/// What may change of a product: its name and refresh rhythm. Its id and match policy stay as
/// they are, since licenses and machines' fingerprints carry them.
#[derive(Debug)]
pub struct ProductChanges<'a> {
    pub name: &'a str,
    pub refresh_days: i64,
    pub grace_days: i64,
}

/// Changes product `id`; the next refresh of its licenses follows the new days.
pub async fn change_product(conn: &mut Conn, actor: &Actor, id: &str, changes: &ProductChanges<'_>) -> Result<()> {
    let product_name = name("name", changes.name)?;
    check_days(changes.refresh_days, changes.grace_days)?;
    let before = catalog::product(conn, id).await?.ok_or(Error::NotFound)?;
    catalog::update_product(conn, id, &product_name, changes.refresh_days, changes.grace_days).await?;
    let before = json!({"name": before.name, "refresh_days": before.refresh_days, "grace_days": before.grace_days});
    let after = json!({"name": product_name, "refresh_days": changes.refresh_days, "grace_days": changes.grace_days});
    record(conn, actor, EventKind::ProductChanged, id, Some(before), Some(after)).await
}

/// A match policy as typed: `exact`, `fuzzy` or `loose` (the words the store keeps).
pub fn policy(text: &str) -> Result<MatchPolicy> {
    [MatchPolicy::Exact, MatchPolicy::Fuzzy, MatchPolicy::Loose]
        .into_iter()
        .find(|policy| catalog::policy_code(*policy) == text)
        .ok_or_else(|| refuse("bo-refusal-not-a-match-policy", text))
}

/// Adds an edition of an existing product, with its SKU prefix and features.
pub async fn add_edition(
    conn: &mut Conn,
    actor: &Actor,
    product: &str,
    edition: &str,
    edition_sku: &str,
    features: &[String],
) -> Result<()> {
    let edition = name("edition", edition)?;
    let edition_sku = sku(edition_sku)?;
    product_exists(conn, product).await?;
    if !catalog::insert_edition(conn, product, &edition, &edition_sku, features).await? {
        return Err(Error::refused(
            "bo-refusal-edition-exists",
            &[("edition", edition.clone().into()), ("sku", edition_sku.to_owned().into())],
        ));
    }
    let after = json!({"product": product, "edition": edition, "features": features});
    record(conn, actor, EventKind::EditionAdded, &edition_sku, None, Some(after)).await
}

/// Sets the features of the edition whose SKU is `edition_sku`: licenses issued from now on
/// carry them (those issued keep theirs until they are issued again).
pub async fn change_features(conn: &mut Conn, actor: &Actor, edition_sku: &str, features: &[String]) -> Result<()> {
    let edition = catalog::edition_by_sku(conn, edition_sku).await?.ok_or(Error::NotFound)?;
    catalog::set_edition_features(conn, &edition.id, features).await?;
    let (before, after) = (json!({"features": edition.features}), json!({"features": features}));
    record(conn, actor, EventKind::EditionChanged, &edition.sku, Some(before), Some(after)).await
}

/// Refuses a product that does not exist.
pub async fn product_exists(conn: &mut Conn, product: &str) -> Result<()> {
    if store::catalog::product_exists(conn, product).await? {
        Ok(())
    } else {
        Err(Error::refused("bo-refusal-no-product", &[("product", product.to_owned().into())]))
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

/// Refuses what no plan sells: a price below 0 or above [`MAX_PRICE_MINOR`], 1 to 100 machines
/// per user, 0 to 10 years of support, 0 to 365 trial days.
fn check_plan(unit_price: Money, machines_per_user: i64, support_years: i64, trial_days: i64) -> Result<()> {
    if !(0..=MAX_PRICE_MINOR).contains(&unit_price.minor()) {
        let most = Money::from_minor(MAX_PRICE_MINOR, unit_price.currency());
        return Err(Error::refused(
            "bo-refusal-price-range",
            &[("price", unit_price.to_string().into()), ("most", most.to_string().into())],
        ));
    }
    in_range("machines per user", machines_per_user, 1..=100)?;
    in_range("support years", support_years, 0..=10)?;
    in_range("trial days", trial_days, 0..=365)
}

/// A term as the back office types it: a count of months (1 to [`MAX_TERM_MONTHS`]), or
/// perpetual when `None`.
pub fn term(months: Option<i64>) -> Result<Term> {
    if let Some(months) = months {
        in_range("term months", months, 1..=MAX_TERM_MONTHS)?;
    }
    Term::from_months(months).ok_or_else(|| Error::refused("bo-refusal-not-a-term", &[]))
}

/// The product and name of the edition whose SKU is `edition_sku`, as a plan names them.
pub async fn edition(conn: &mut Conn, edition_sku: &str) -> Result<Edition> {
    catalog::edition_by_sku(conn, edition_sku)
        .await?
        .ok_or_else(|| Error::refused("bo-refusal-no-edition-sku", &[("sku", edition_sku.to_owned().into())]))
}

/// Adds a plan of an existing edition; its SKU is unique among plans.
pub async fn add_plan(conn: &mut Conn, actor: &Actor, form: &PlanForm<'_>, now: i64) -> Result<()> {
    let plan_sku = sku(form.sku)?;
    if let Some(months) = form.term.months() {
        in_range("term months", months, 1..=MAX_TERM_MONTHS)?;
    }
    check_plan(form.unit_price, form.machines_per_user, form.support_years, form.trial_days)?;
    let edition_id = catalog::edition_id(conn, form.product, form.edition).await?.ok_or_else(|| {
        Error::refused(
            "bo-refusal-no-edition",
            &[("product", form.product.to_owned().into()), ("edition", form.edition.to_owned().into())],
        )
    })?;
    let plan_name = match form.name.filter(|text| !text.trim().is_empty()) {
        Some(text) => name("name", text)?,
        None => {
            let product = catalog::product_name(conn, form.product).await?.unwrap_or_else(|| form.product.to_owned());
            format!("{product} {}, {}", form.edition, form.term)
        }
    };
    let new = NewPlan {
        edition_id: &edition_id,
        sku: &plan_sku,
        name: &plan_name,
        term_months: form.term.months(),
        currency: form.unit_price.currency().code(),
        unit_price_minor: form.unit_price.minor(),
        machines_per_user: form.machines_per_user,
        support_years: form.support_years,
        trial_days: form.trial_days,
        created_at: now,
    };
    if catalog::insert_plan(conn, &new).await?.is_none() {
        return Err(Error::refused("bo-refusal-plan-exists", &[("sku", plan_sku.to_owned().into())]));
    }
    let after = json!({
        "product": form.product,
        "edition": form.edition,
        "name": plan_name,
        "term": form.term.to_string(),
        "price": form.unit_price.decimal(),
        "currency": form.unit_price.currency().code(),
        "machines_per_user": form.machines_per_user,
        "support_years": form.support_years,
        "trial_days": form.trial_days,
    });
    record(conn, actor, EventKind::PlanAdded, &plan_sku, None, Some(after)).await
}

/// What may change of a plan: what the next orders are priced and issued with. The price is in
/// the plan's currency, which stays.
#[derive(Debug)]
pub struct PlanEdit<'a> {
    pub name: &'a str,
    /// The price per user as typed, e.g. `299.00`.
    pub price: &'a str,
    pub machines_per_user: i64,
    pub support_years: i64,
    pub trial_days: i64,
}

/// Changes plan `plan_sku`. Orders placed before keep the price their lines were sold at.
pub async fn change_plan(conn: &mut Conn, actor: &Actor, plan_sku: &str, edit: &PlanEdit<'_>) -> Result<()> {
    let plan = catalog::plan_by_sku(conn, plan_sku).await?.ok_or(Error::NotFound)?;
    let currency = super::orders::currency(&plan.currency)?;
    let unit_price = Money::parse(edit.price, currency).map_err(|e| Error::BadRequest(format!("price: {e}").into()))?;
    check_plan(unit_price, edit.machines_per_user, edit.support_years, edit.trial_days)?;
    let plan_name = name("name", edit.name)?;
    let changes = PlanChanges {
        name: &plan_name,
        unit_price_minor: unit_price.minor(),
        machines_per_user: edit.machines_per_user,
        support_years: edit.support_years,
        trial_days: edit.trial_days,
    };
    catalog::update_plan(conn, &plan.id, &changes).await?;
    let before = json!({
        "name": plan.name,
        "price": Money::from_minor(plan.unit_price_minor, currency).decimal(),
        "machines_per_user": plan.machines_per_user,
        "support_years": plan.support_years,
        "trial_days": plan.trial_days,
    });
    let after = json!({
        "name": plan_name,
        "price": unit_price.decimal(),
        "machines_per_user": edit.machines_per_user,
        "support_years": edit.support_years,
        "trial_days": edit.trial_days,
    });
    record(conn, actor, EventKind::PlanChanged, &plan.sku, Some(before), Some(after)).await
}

/// Takes plan `plan_sku` off sale (`retire`) or puts it back on sale: a retired plan is kept
/// for what was sold, and no new order takes it.
pub async fn set_on_sale(conn: &mut Conn, actor: &Actor, plan_sku: &str, on_sale: bool, now: i64) -> Result<()> {
    let plan = catalog::plan_by_sku(conn, plan_sku).await?.ok_or(Error::NotFound)?;
    if plan.retired_at.is_none() == on_sale {
        let key = if on_sale { "bo-refusal-plan-on-sale-already" } else { "bo-refusal-plan-retired-already" };
        return Err(Error::refused(key, &[("sku", plan.sku.clone().into())]));
    }
    catalog::set_plan_retired(conn, &plan.id, if on_sale { None } else { Some(now) }).await?;
    let (kind, before, after) = if on_sale {
        (EventKind::PlanOnSale, json!({"retired_at": plan.retired_at}), json!({"on_sale": true}))
    } else {
        (EventKind::PlanRetired, json!({"on_sale": true}), json!({"retired_at": now}))
    };
    record(conn, actor, kind, &plan.sku, Some(before), Some(after)).await
}

async fn record(
    conn: &mut Conn,
    actor: &Actor,
    kind: EventKind,
    subject: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<()> {
    let change =
        Change { kind, at: store::now(), subject, customer_id: None, order_id: None, license_id: None, before, after };
    events::record(conn, actor, &change).await
}

/// The plan whose SKU is `plan_sku`, retired or not.
pub async fn plan(pool: &Pool, plan_sku: &str) -> Result<Option<Plan>> {
    catalog::plan_by_sku(&mut *store::acquire(pool).await?, plan_sku).await
}

/// A product with its editions and their plans, as the catalog page lists them.
#[derive(Debug)]
pub struct Listed {
    pub product: Product,
    pub editions: Vec<Edition>,
    pub plans: Vec<Plan>,
}

/// The whole catalog: every product with its editions and plans, retired ones included.
pub async fn listing(pool: &Pool) -> Result<Vec<Listed>> {
    let mut conn = store::acquire(pool).await?;
    let products = catalog::products(&mut conn).await?;
    let mut editions = catalog::editions(&mut conn).await?;
    let mut plans = catalog::plans(&mut conn).await?;
    Ok(products
        .into_iter()
        .map(|product| {
            let (mine, rest) = editions.drain(..).partition(|e: &Edition| e.product_id == product.id);
            editions = rest;
            let (my_plans, others) = plans.drain(..).partition(|p: &Plan| p.product_id == product.id);
            plans = others;
            Listed { product, editions: mine, plans: my_plans }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sku_is_capitals_digits_and_dashes() {
        for good in ["LED-STD-1Y", "X", " PAY-PRO "] {
            assert_eq!(sku(good).expect(good), good.trim(), "{good}");
        }
        for bad in ["", "LED STD", "led-std", "LED_STD", "LED-É", &"A".repeat(65)] {
            let refused = sku(bad).expect_err(bad).to_string();
            assert!(refused.contains("sku:"), "{bad}: {refused}");
        }
    }

    #[test]
    fn a_product_id_is_lower_case_digits_and_dashes() {
        assert_eq!(product_id("acme-ledger").expect("an id"), "acme-ledger");
        for bad in ["", "Acme", "acme ledger", "acme_ledger"] {
            assert!(product_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn features_are_trimmed_and_bounded() {
        assert_eq!(features(" ledger, multi-currency ,, ").expect("features"), ["ledger", "multi-currency"]);
        assert!(features("").expect("none").is_empty());
        assert!(features(&vec!["f"; 51].join(",")).is_err(), "at most 50");
        assert!(features(&"f".repeat(65)).is_err(), "64 characters each");
    }

    #[test]
    fn a_term_is_1_to_120_months_or_perpetual() {
        assert_eq!(term(None).expect("perpetual"), Term::Perpetual);
        assert_eq!(term(Some(120)).expect("ten years"), Term::Months(120));
        for bad in [0, -1, 121] {
            let refused = term(Some(bad)).expect_err("out of range").to_string();
            assert!(refused.contains("term months:"), "{bad}: {refused}");
        }
    }

    #[test]
    fn a_plan_is_priced_from_0_to_the_maximum_with_sane_limits() {
        let eur = crate::domain::Currency::parse("EUR").expect("EUR");
        let price = |minor| Money::from_minor(minor, eur);
        assert!(check_plan(price(0), 1, 0, 0).is_ok() && check_plan(price(MAX_PRICE_MINOR), 100, 10, 365).is_ok());
        for (what, refused, field) in [
            ("a negative price", check_plan(price(-1), 1, 0, 0), "price:"),
            ("too dear", check_plan(price(MAX_PRICE_MINOR + 1), 1, 0, 0), "price:"),
            ("no computer", check_plan(price(1), 0, 0, 0), "machines per user:"),
            ("101 computers", check_plan(price(1), 101, 0, 0), "machines per user:"),
            ("11 years of support", check_plan(price(1), 1, 11, 0), "support years:"),
            ("a negative trial", check_plan(price(1), 1, 0, -1), "trial days:"),
            ("366 trial days", check_plan(price(1), 1, 0, 366), "trial days:"),
        ] {
            let message = refused.expect_err(what).to_string();
            assert!(message.contains(field), "{what}: {message}");
        }
    }
}
