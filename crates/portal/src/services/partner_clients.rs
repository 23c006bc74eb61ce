//! A partner's or reseller's client companies (seed 003): created and renewed out of the acting organisation's pool (users × years license-years, one conditional debit with its ledger row), cancelled before they start, listed with their colour; a client is seen only by its seller and the seller's partner.

use chrono::NaiveDate;
use tessera_billing::{PoolStanding, license_years, pool_standing, renewal_term, term_end};

use super::client_companies::{self, Named};
use super::pools::known_product;
use crate::domain::{Actor, CustomerId, Text};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::client_terms::{self, ClientTerm, NewTerm};
use crate::store::organisations::{self, Organisation};
use crate::store::pools::{self, Links};
use crate::store::{self, Conn, Pool};

/// A client to create, with its first term.
#[derive(Debug)]
pub struct NewClient<'a> {
    pub name: &'a str,
    pub product: &'a str,
    pub users: u32,
    pub years: u32,
    /// The first day of its term; today when not given. Not before today.
    pub starts_on: Option<NaiveDate>,
}

/// A renewal: `years` more for `users` (the latest term's users when not given) of `product`
/// (the product of the client's latest term when not given).
#[derive(Debug, Default)]
pub struct Renewal<'a> {
    pub years: u32,
    pub users: Option<u32>,
    pub product: Option<&'a str>,
}

/// A term bought, and what is left in the pool that paid it.
#[derive(Debug, Clone)]
pub struct Bought {
    pub client_id: String,
    pub term: ClientTerm,
    pub license_years: i64,
}

/// A line of the client list: a client and product, its current term and its standing.
#[derive(Debug, Clone)]
pub struct ClientLine {
    pub client: Organisation,
    /// The reseller in charge, when it is not the viewer itself.
    pub reseller: Option<String>,
    /// The term shown: the one running today, else the first to come, else the last.
    pub current: Option<ClientTerm>,
    pub standing: Option<PoolStanding>,
    /// The end of the latest term, when a renewal follows the current one.
    pub renewed_until: Option<String>,
}

/// The acting organisation, which must be a partner or a reseller.
async fn seller(conn: &mut Conn, seller_id: &str) -> Result<Organisation> {
    organisations::by_id(conn, seller_id)
        .await?
        .filter(|o| o.kind == "partner" || o.kind == "reseller")
        .ok_or(Error::NotFound)
}

fn billing(error: tessera_billing::Error) -> Error {
    Error::BadRequest(error.to_string().into())
}

/// `YYYY-MM-DD`.
fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn read_day(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| Error::Internal(format!("client_terms day {text}: {e}")))
}

/// Takes `needed` out of `seller_id`'s pool of `product` and records the term and its
/// allocation, in `tx`.
async fn allocate(tx: &mut Conn, actor: &Actor, seller_id: &str, term: NewTerm<'_>, needed: i64) -> Result<ClientTerm> {
    let pool = pools::ensure(tx, seller_id, term.product_id).await?;
    if !pools::debit(tx, &pool.id, needed).await? {
        return Err(Error::InsufficientLicenses(needed));
    }
    let term = NewTerm { pool_id: &pool.id, ..term };
    let id = client_terms::insert(tx, &term).await?;
    let links = Links { term_id: Some(&id), ..Links::default() };
    pools::record(tx, &pool.id, "allocate", -needed, &links, actor.as_str(), term.created_at).await?;
    client_terms::by_id(tx, &id).await?.ok_or_else(|| Error::Internal("the term just stored".into()))
}

/// Creates a client of `seller_id` with its first term, paid from the seller's pool.
pub async fn create_client(
    pool: &Pool,
    actor: &Actor,
    seller_id: &str,
    new: &NewClient<'_>,
    today: NaiveDate,
) -> Result<Bought> {
    let mut tx = store::begin(pool).await?;
    let seller = seller(&mut tx, seller_id).await?;
    let bought = create_in(&mut tx, actor, &seller, new, today).await?;
    tx.commit().await?;
    Ok(bought)
}

/// [`create_client`], and when `admin_email` is given its company administrator named in the
/// same transaction (see `client_companies::link_in`): the term becomes the company's license,
/// and a new company's admin is mailed an invitation. Nothing is done when the naming is refused.
pub async fn create_client_with_admin(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    seller_id: &str,
    new: &NewClient<'_>,
    admin_email: Option<&str>,
    today: NaiveDate,
) -> Result<(Bought, Option<Named>)> {
    let Some(email) = admin_email.map(str::trim).filter(|e| !e.is_empty()) else {
        return Ok((create_client(pool, actor, seller_id, new, today).await?, None));
    };
    let mut tx = store::begin(pool).await?;
    let seller = seller(&mut tx, seller_id).await?;
    let bought = create_in(&mut tx, actor, &seller, new, today).await?;
    let client = organisations::by_id(&mut tx, &bought.client_id)
        .await?
        .ok_or_else(|| Error::Internal("the client just stored".into()))?;
    let named = client_companies::link_in(&mut tx, mailer, actor, &seller, &client, email, today).await?;
    tx.commit().await?;
    client_companies::invite(pool, mailer, &named).await?;
    Ok((bought, Some(named)))
}

/// Names the company administrator of client `client_id` that `seller_id` sees (see
/// `client_companies::link_in`); `NOT_FOUND` for a client the seller does not see.
pub async fn name_admin(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    seller_id: &str,
    client_id: &str,
    email: &str,
    today: NaiveDate,
) -> Result<Named> {
    let mut tx = store::begin(pool).await?;
    let seller = seller(&mut tx, seller_id).await?;
    organisations::client_seen_by(&mut tx, seller_id, client_id).await?.ok_or(Error::NotFound)?;
    // Renewals and namings of this client take turns: a renewal sees the link, or the link the term.
    organisations::take_turn(&mut tx, client_id, store::now()).await?;
    let client = organisations::client_seen_by(&mut tx, seller_id, client_id).await?.ok_or(Error::NotFound)?;
    let named = client_companies::link_in(&mut tx, mailer, actor, &seller, &client, email, today).await?;
    tx.commit().await?;
    client_companies::invite(pool, mailer, &named).await?;
    Ok(named)
}

/// Creates a client of `seller` with its first term in `tx`.
async fn create_in(
    tx: &mut Conn,
    actor: &Actor,
    seller: &Organisation,
    new: &NewClient<'_>,
    today: NaiveDate,
) -> Result<Bought> {
    let name = Text::<200>::parse("name", new.name.trim())?;
    if name.is_empty() {
        return Err(Error::BadRequest("A client needs a name.".into()));
    }
    let needed = license_years(new.users, new.years).map_err(billing)?;
    let starts_on = new.starts_on.unwrap_or(today);
    if starts_on < today {
        return Err(Error::BadRequest("A client's term cannot start before today.".into()));
    }
    let ends_on = term_end(starts_on, new.years).map_err(billing)?;
    known_product(tx, new.product).await?;
    let now = store::now();
    let client_id = organisations::insert(tx, "client", &name, Some(&seller.id), None, now).await?;
    let (start, end) = (day(starts_on), day(ends_on));
    let term = NewTerm {
        client_id: &client_id,
        product_id: new.product,
        users: i64::from(new.users),
        years: i64::from(new.years),
        starts_on: &start,
        ends_on: &end,
        pool_id: "",
        created_at: now,
    };
    let term = allocate(tx, actor, &seller.id, term, needed).await?;
    Ok(Bought { client_id, term, license_years: needed })
}

/// Renews client `client_id` on `today`, paid from `seller_id`'s pool: before the current end
/// the new term starts at that end, after it on `today`. `NOT_FOUND` for a client the seller
/// does not see; `INSUFFICIENT_LICENSES` when its pool holds less than users × years.
pub async fn renew(
    pool: &Pool,
    actor: &Actor,
    seller_id: &str,
    client_id: &str,
    renewal: &Renewal<'_>,
    today: NaiveDate,
) -> Result<Bought> {
    let mut tx = store::begin(pool).await?;
    seller(&mut tx, seller_id).await?;
    let bought = renew_in(&mut tx, actor, seller_id, client_id, renewal, today).await?;
    tx.commit().await?;
    Ok(bought)
}

/// Renews several clients at once, all or nothing (one transaction): each `(client, renewal)`
/// as [`renew`] would; the first refusal (`NOT_FOUND`, `INSUFFICIENT_LICENSES` with the
/// total needed of that product) leaves every pool and client as it was.
pub async fn renew_many(
    pool: &Pool,
    actor: &Actor,
    seller_id: &str,
    renewals: &[(&str, Renewal<'_>)],
    today: NaiveDate,
) -> Result<Vec<Bought>> {
    if renewals.is_empty() {
        return Err(Error::BadRequest("Choose at least one client to renew.".into()));
    }
    let mut tx = store::begin(pool).await?;
    seller(&mut tx, seller_id).await?;
    // Clients in one order: two bulk renewals sharing clients wait for each other, never deadlock.
    let mut order: Vec<&(&str, Renewal<'_>)> = renewals.iter().collect();
    order.sort_by(|a, b| a.0.cmp(b.0));
    let mut bought = Vec::with_capacity(renewals.len());
    for (client_id, renewal) in order {
        match renew_in(&mut tx, actor, seller_id, client_id, renewal, today).await {
            Ok(one) => bought.push(one),
            Err(Error::InsufficientLicenses(needed)) => {
                let product = renewal.product.unwrap_or_default();
                let before: i64 = bought.iter().filter(|b| b.term.product_id == product).map(|b| b.license_years).sum();
                return Err(Error::InsufficientLicenses(before + needed));
            }
            Err(e) => return Err(e),
        }
    }
    tx.commit().await?;
    Ok(bought)
}

/// [`renew`] within `tx`, the seller checked.
async fn renew_in(
    tx: &mut Conn,
    actor: &Actor,
    seller_id: &str,
    client_id: &str,
    renewal: &Renewal<'_>,
    today: NaiveDate,
) -> Result<Bought> {
    organisations::client_seen_by(tx, seller_id, client_id).await?.ok_or(Error::NotFound)?;
    let now = store::now();
    // Renewals of this client now take turns: the terms read below are all committed ones.
    organisations::take_turn(tx, client_id, now).await?;
    // Read again after the turn: a naming of the client's admin committed meanwhile is seen.
    let client = organisations::client_seen_by(tx, seller_id, client_id).await?.ok_or(Error::NotFound)?;
    let terms = client_terms::of_client(tx, client_id).await?;
    let latest_of =
        |product: &str| terms.iter().filter(|t| t.product_id == product).max_by(|a, b| a.ends_on.cmp(&b.ends_on));
    let product = match renewal.product {
        Some(product) => product.to_owned(),
        None => terms
            .iter()
            .max_by(|a, b| a.ends_on.cmp(&b.ends_on))
            .map(|t| t.product_id.clone())
            .ok_or_else(|| Error::BadRequest("This client has no term yet: name the product to renew.".into()))?,
    };
    known_product(tx, &product).await?;
    let latest = latest_of(&product);
    let users = renewal.users.or_else(|| latest.and_then(|t| u32::try_from(t.users).ok())).unwrap_or(0);
    let needed = license_years(users, renewal.years).map_err(billing)?;
    let current_end = latest.map(|t| read_day(&t.ends_on)).transpose()?;
    let (starts_on, ends_on) = renewal_term(current_end, today, renewal.years).map_err(billing)?;
    let (start, end) = (day(starts_on), day(ends_on));
    let term = NewTerm {
        client_id,
        product_id: &product,
        users: i64::from(users),
        years: i64::from(renewal.years),
        starts_on: &start,
        ends_on: &end,
        pool_id: "",
        created_at: now,
    };
    let term = allocate(tx, actor, seller_id, term, needed).await?;
    // A client that is a customer company gets the term as a license of its users' seats.
    if let Some(customer_id) = client.customer_id.as_deref() {
        client_companies::issue_term(tx, actor, &CustomerId::new(customer_id), &term).await?;
    }
    Ok(Bought { client_id: client_id.to_owned(), term, license_years: needed })
}

/// Cancels term `term_id` of a client `seller_id` sees, if it has not started by `today`: its
/// license-years go back to the pool that paid it. Returns how many.
pub async fn cancel_term(pool: &Pool, actor: &Actor, seller_id: &str, term_id: &str, today: NaiveDate) -> Result<i64> {
    let mut tx = store::begin(pool).await?;
    seller(&mut tx, seller_id).await?;
    let term = client_terms::by_id(&mut tx, term_id).await?.ok_or(Error::NotFound)?;
    organisations::client_seen_by(&mut tx, seller_id, &term.client_id).await?.ok_or(Error::NotFound)?;
    let now = store::now();
    if !client_terms::cancel_unstarted(&mut tx, term_id, &day(today), now).await? {
        return Err(Error::BadRequest("Only a term that has not started yet can be cancelled.".into()));
    }
    let back = term.users * term.years;
    pools::credit(&mut tx, &term.pool_id, back).await?;
    let links = Links { term_id: Some(term_id), ..Links::default() };
    pools::record(&mut tx, &term.pool_id, "return", back, &links, actor.as_str(), now).await?;
    client_companies::void_term(&mut tx, actor, term_id).await?;
    tx.commit().await?;
    Ok(back)
}

/// The client `client_id` if `viewer_id` sees it; `NOT_FOUND` otherwise, whether it exists or not.
pub async fn client(pool: &Pool, viewer_id: &str, client_id: &str) -> Result<Organisation> {
    let mut conn = store::acquire(pool).await?;
    organisations::client_seen_by(&mut conn, viewer_id, client_id).await?.ok_or(Error::NotFound)
}

/// Every client `viewer_id` sees, a line per product it has terms of (one line without a term
/// for a client that has none), by name, with its standing on `today`.
pub async fn clients(pool: &Pool, viewer_id: &str, today: NaiveDate) -> Result<Vec<ClientLine>> {
    let clients = organisations::clients_seen_by(pool, viewer_id).await?;
    let terms = client_terms::of_clients(pool, viewer_id).await?;
    let mut conn = store::acquire(pool).await?;
    let mut resellers = std::collections::BTreeMap::new();
    let mut lines = Vec::new();
    for client in clients {
        let reseller = match client.parent_id.as_deref() {
            Some(parent) if parent != viewer_id => {
                if !resellers.contains_key(parent) {
                    let name = organisations::by_id(&mut conn, parent).await?.map(|o| o.name);
                    resellers.insert(parent.to_owned(), name);
                }
                resellers.get(parent).cloned().flatten()
            }
            _ => None,
        };
        let mine: Vec<&ClientTerm> = terms.iter().filter(|t| t.client_id == client.id).collect();
        let mut products: Vec<&str> = mine.iter().map(|t| t.product_id.as_str()).collect();
        products.dedup();
        products.sort_unstable();
        products.dedup();
        if products.is_empty() {
            lines.push(ClientLine { client, reseller, current: None, standing: None, renewed_until: None });
            continue;
        }
        for product in products {
            let of_product: Vec<&ClientTerm> = mine.iter().copied().filter(|t| t.product_id == product).collect();
            lines.push(line(&client, reseller.clone(), &of_product, today)?);
        }
    }
    Ok(lines)
}

/// The line of one client and product from its terms (by start).
fn line(
    client: &Organisation,
    reseller: Option<String>,
    terms: &[&ClientTerm],
    today: NaiveDate,
) -> Result<ClientLine> {
    let today_text = day(today);
    let current = terms.iter().rev().find(|t| t.starts_on <= today_text).or_else(|| terms.first()).copied().cloned();
    let Some(current) = current else {
        return Ok(ClientLine { client: client.clone(), reseller, current: None, standing: None, renewed_until: None });
    };
    let renewed_until = terms.iter().filter(|t| t.starts_on >= current.ends_on).map(|t| t.ends_on.clone()).max();
    let standing =
        pool_standing(read_day(&current.starts_on)?, read_day(&current.ends_on)?, renewed_until.is_some(), today);
    Ok(ClientLine { client: client.clone(), reseller, current: Some(current), standing: Some(standing), renewed_until })
}

/// The lines of the client list to renew: ended or ending within 3 months, not renewed yet.
#[must_use]
pub fn to_renew(lines: Vec<ClientLine>) -> Vec<ClientLine> {
    lines.into_iter().filter(|l| matches!(l.standing, Some(PoolStanding::Ended | PoolStanding::Ending))).collect()
}

/// The lines of client `client_id` if `viewer_id` sees it; `NOT_FOUND` otherwise.
pub async fn client_lines(pool: &Pool, viewer_id: &str, client_id: &str, today: NaiveDate) -> Result<Vec<ClientLine>> {
    client(pool, viewer_id, client_id).await?;
    Ok(clients(pool, viewer_id, today).await?.into_iter().filter(|l| l.client.id == client_id).collect())
}
