//! What the vendor publishes to customers' pages: news about the programs, and contracts.
//! Each change is checked here and recorded in the event log.

use chrono::Datelike as _;
use serde_json::json;

use super::events::{self, Change};
use crate::domain::{Actor, ContractStatus, CustomerId, DocumentType, EventKind, Money, Subscription, new_id};
use crate::error::{Error, Result};
use crate::store::contracts::Contract;
use crate::store::news::News;
use crate::store::paging::Paged;
use crate::store::{self, Conn, Pool};

/// The longest title of a news item, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// The longest text of a news item, in characters.
pub const MAX_BODY_CHARS: usize = 10_000;

/// The highest monthly price of a contract, in minor units (a million euros in cents).
pub const MAX_MONTHLY_PRICE_MINOR: i64 = 100_000_000;

/// One page of the published news, newest first.
pub async fn news(pool: &Pool, requested: Option<i64>) -> Result<Paged<News>> {
    store::news::page(pool, requested).await
}

/// `text` trimmed, refused when empty or longer than `most` characters; `field` names it.
fn text<'a>(field: &str, text: &'a str, most: usize) -> Result<&'a str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::refused("bo-refusal-news-empty", &[("field", field.to_owned().into())]));
    }
    let chars = text.chars().count();
    if chars > most {
        return Err(Error::refused(
            "bo-refusal-news-too-long",
            &[("field", field.to_owned().into()), ("count", chars.into()), ("most", most.into())],
        ));
    }
    Ok(text)
}

/// Publishes news at `published_at`; title and text are trimmed and may not be empty or too
/// long. Returns the news item's id.
pub async fn add_news(conn: &mut Conn, actor: &Actor, title: &str, body: &str, published_at: i64) -> Result<String> {
    let title = text("title", title, MAX_TITLE_CHARS)?;
    let body = text("body", body, MAX_BODY_CHARS)?;
    let id = new_id("nws");
    store::news::insert(conn, &id, published_at, title, body).await?;
    let after = json!({ "title": title, "published_at": published_at });
    record(conn, actor, EventKind::NewsPublished, &id, None, None, Some(after)).await?;
    Ok(id)
}

/// Withdraws published news item `id` from the customers' pages (not found when it is not
/// published).
pub async fn withdraw_news(conn: &mut Conn, actor: &Actor, id: &str, now: i64) -> Result<()> {
    let news = store::news::published(conn, id).await?.ok_or(Error::NotFound)?;
    if !store::news::withdraw(conn, id, now).await? {
        return Err(Error::NotFound);
    }
    let before = json!({ "title": news.title, "published_at": news.published_at });
    record(conn, actor, EventKind::NewsWithdrawn, id, None, Some(before), None).await
}

/// A contract as the vendor gives it.
#[derive(Debug)]
pub struct ContractForm<'a> {
    pub document_type: &'a str,
    pub subscription: &'a str,
    pub monthly_price: i64,
    pub currency: &'a str,
    pub signed_at: i64,
    /// The year it is for; the year of signing when `None`.
    pub year: Option<i64>,
    pub status: &'a str,
}

/// `code` read as one of `codes`, or a refusal naming `field` and the codes there are.
fn code<T>(field: &str, code: &str, codes: &[&str], parse: impl Fn(&str) -> Option<T>) -> Result<T> {
    parse(code).ok_or_else(|| Error::BadRequest(format!("{field}: '{code}' is not one of {}", codes.join(", ")).into()))
}

/// A contract status from its code.
pub fn contract_status(status: &str) -> Result<ContractStatus> {
    code("status", status, ContractStatus::CODES, ContractStatus::parse)
}

/// A contract's monthly price as money, for the event log.
fn monthly_price(contract: &Contract) -> String {
    super::orders::currency(&contract.currency).map_or_else(
        |_| contract.monthly_price_minor.to_string(),
        |currency| Money::from_minor(contract.monthly_price_minor, currency).decimal(),
    )
}

/// Adds a contract to a customer; returns it as stored (currency upper case, year filled in).
pub async fn add_contract(
    conn: &mut Conn,
    actor: &Actor,
    customer_id: &CustomerId,
    form: &ContractForm<'_>,
) -> Result<Contract> {
    if form.monthly_price < 0 {
        return Err(Error::refused("bo-refusal-contract-price-negative", &[]));
    }
    if form.monthly_price > MAX_MONTHLY_PRICE_MINOR {
        return Err(Error::BadRequest(
            format!(
                "monthly price: {} minor units is more than the most, {MAX_MONTHLY_PRICE_MINOR}",
                form.monthly_price
            )
            .into(),
        ));
    }
    let currency = super::orders::currency(form.currency).map_err(|_| {
        Error::refused("bo-refusal-contract-currency", &[("currency", form.currency.to_owned().into())])
    })?;
    let signing_year = chrono::DateTime::from_timestamp(form.signed_at, 0).map_or(1970, |at| i64::from(at.year()));
    let year = form.year.unwrap_or(signing_year);
    if !(1900..=9999).contains(&year) {
        return Err(Error::refused("bo-refusal-contract-year", &[("year", year.to_string().into())]));
    }
    let contract = Contract {
        id: new_id("ctr"),
        year,
        document_type: code("document type", form.document_type, DocumentType::CODES, DocumentType::parse)?,
        subscription_type: code("subscription", form.subscription, Subscription::CODES, Subscription::parse)?,
        monthly_price_minor: form.monthly_price,
        currency: currency.code().to_owned(),
        signed_at: form.signed_at,
        status: contract_status(form.status)?,
    };
    store::contracts::insert(conn, customer_id, &contract).await?;
    let after = json!({
        "year": contract.year,
        "document_type": contract.document_type.code(),
        "subscription": contract.subscription_type.code(),
        "monthly_price": monthly_price(&contract),
        "currency": contract.currency,
        "signed_at": contract.signed_at,
        "status": contract.status.code(),
    });
    record(conn, actor, EventKind::ContractAdded, &contract.id, Some(customer_id), None, Some(after)).await?;
    Ok(contract)
}

/// Every contract of a customer, newest first (a customer has a few a year).
pub async fn contracts_of(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<Contract>> {
    store::contracts::all_of_customer(pool, customer_id).await
}

/// Sets the status of customer `customer_id`'s contract `contract_id` (not found when the
/// customer has no such contract; refused when it stands there already).
pub async fn change_contract_status(
    conn: &mut Conn,
    actor: &Actor,
    customer_id: &CustomerId,
    contract_id: &str,
    status: ContractStatus,
) -> Result<()> {
    let contract = store::contracts::of_customer(conn, customer_id, contract_id).await?.ok_or(Error::NotFound)?;
    if contract.status == status {
        return Err(Error::refused("bo-refusal-contract-status-already", &[("status", status.code().into())]));
    }
    if !store::contracts::change_status(conn, &contract.id, contract.status, status).await? {
        return Err(Error::refused("bo-refusal-contract-changed", &[]));
    }
    let before = json!({ "status": contract.status.code() });
    let after = json!({ "status": status.code() });
    record(conn, actor, EventKind::ContractStatusChanged, &contract.id, Some(customer_id), Some(before), Some(after))
        .await
}

async fn record(
    conn: &mut Conn,
    actor: &Actor,
    kind: EventKind,
    subject: &str,
    customer_id: Option<&CustomerId>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<()> {
    let change =
        Change { kind, at: store::now(), subject, customer_id, order_id: None, license_id: None, before, after };
    events::record(conn, actor, &change).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_text_is_trimmed_and_refused_empty_or_too_long_naming_its_field() {
        assert_eq!(text("title", "  Hello  ", 5).ok(), Some("Hello"));
        assert_eq!(text("title", "Ъ".repeat(5).as_str(), 5).map(str::len).ok(), Some(10), "characters, not bytes");
        for (case, outcome) in [("empty", text("title", " \n ", 5)), ("too long", text("body", "123456", 5))] {
            let Err(Error::BadRequest(message)) = outcome else { panic!("{case}: refused") };
            assert!(message.starts_with("title:") || message.starts_with("body:"), "{case}: {message}");
        }
        assert!(matches!(text("body", "123456", 5), Err(Error::BadRequest(m)) if m.starts_with("body: 6 characters")));
    }

    #[test]
    fn an_unknown_status_is_refused_with_the_statuses_there_are() {
        assert_eq!(contract_status("terminated").ok(), Some(ContractStatus::Terminated));
        let Err(Error::BadRequest(message)) = contract_status("signed") else { panic!("refused") };
        assert_eq!(&*message, "status: 'signed' is not one of active, expired, terminated, draft");
    }
}
