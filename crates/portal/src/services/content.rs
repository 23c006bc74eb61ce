//! What the vendor publishes to customers' pages: news about the programs, and contracts.

use chrono::Datelike as _;

use crate::domain::{ContractStatus, CustomerId, DocumentType, Subscription};
use crate::error::{Error, Result};
use crate::store::contracts::Contract;
use crate::store::{self, Conn};

/// Publishes news at `published_at`; title and text are trimmed and may not be empty.
pub async fn add_news(conn: &mut Conn, title: &str, body: &str, published_at: i64) -> Result<()> {
    let (title, body) = (title.trim(), body.trim());
    if title.is_empty() || body.is_empty() {
        return Err(Error::BadRequest("news needs a title and a text".into()));
    }
    store::news::insert(conn, published_at, title, body).await
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

/// Adds a contract to a customer; returns it as stored (currency upper case, year filled in).
pub async fn add_contract(conn: &mut Conn, customer_id: &CustomerId, form: &ContractForm<'_>) -> Result<Contract> {
    if form.monthly_price < 0 {
        return Err(Error::BadRequest("the monthly price cannot be negative".into()));
    }
    let currency = form.currency.trim().to_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::BadRequest(format!("'{}' is not a currency code like EUR", form.currency)));
    }
    let signing_year = chrono::DateTime::from_timestamp(form.signed_at, 0).map_or(1970, |at| i64::from(at.year()));
    let year = form.year.unwrap_or(signing_year);
    if !(1900..=9999).contains(&year) {
        return Err(Error::BadRequest(format!("{year} is not a contract year")));
    }
    let unknown = |what: &str, code: &str, codes: &[&str]| {
        Error::BadRequest(format!("'{code}' is not a {what} ({})", codes.join(", ")))
    };
    let contract = Contract {
        year,
        document_type: DocumentType::parse(form.document_type)
            .ok_or_else(|| unknown("document type", form.document_type, DocumentType::CODES))?,
        subscription_type: Subscription::parse(form.subscription)
            .ok_or_else(|| unknown("subscription", form.subscription, Subscription::CODES))?,
        monthly_price_minor: form.monthly_price,
        currency,
        signed_at: form.signed_at,
        status: ContractStatus::parse(form.status)
            .ok_or_else(|| unknown("contract status", form.status, ContractStatus::CODES))?,
    };
    store::contracts::insert(conn, customer_id, &contract).await?;
    Ok(contract)
}
