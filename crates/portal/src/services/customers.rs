//! Adding customers (companies) with their first contact, finding one by e-mail, and one
//! customer with their contacts, orders and licenses.

use tessera_core::ActivationKey;

use super::events::{self, Change};
use crate::domain::{Actor, CustomerId, Email, EventKind, Text};
use crate::error::{Error, Result};
use crate::store::customers::{self, Contact, Customer, NewCustomer};
use crate::store::licenses::License;
use crate::store::orders::{Item, Order};
use crate::store::{self, Conn, Pool};

/// A customer to add, as the vendor typed it.
#[derive(Debug)]
pub struct CustomerForm<'a> {
    pub company: &'a str,
    pub email: &'a str,
    pub country: &'a str,
    pub city: &'a str,
    /// Their VAT id, e.g. `BG123456789`; none when `None` or blank.
    pub vat_id: Option<&'a str>,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub manager: &'a str,
    pub phone: &'a str,
    /// The activation key to give them; a new random one when `None`.
    pub activation_key: Option<ActivationKey>,
    /// When they became a customer; now when `None`.
    pub since: Option<i64>,
    /// The language of their mail (`en`, `fr`, `it`, `bg`, `ru`); English when `None`.
    pub language: Option<&'a str>,
}

/// Adds a customer and their contact (the purchase e-mail); returns their id and activation key.
pub async fn add_customer(conn: &mut Conn, form: &CustomerForm<'_>) -> Result<(CustomerId, ActivationKey)> {
    let email = Email::normalized(form.email);
    if !email.contains('@') {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address").into()));
    }
    let key = match &form.activation_key {
        Some(key) => key.clone(),
        None => ActivationKey::generate()?,
    };
    let created_at = form.since.unwrap_or_else(store::now);
    let language = match form.language.map(str::trim).filter(|l| !l.is_empty()) {
        None => tessera_i18n::Language::En,
        Some(code) => tessera_i18n::Language::from_code(code).ok_or_else(|| {
            Error::BadRequest(format!("'{code}' is not a language the portal writes in (en, fr, it, bg, ru)").into())
        })?,
    };
    let vat_id = vat_id(form.vat_id)?;
    let new = NewCustomer {
        company: form.company,
        email: &email,
        country: form.country,
        city: form.city,
        vat_id: vat_id.as_deref(),
        activation_key: key.as_str(),
        manager: form.manager.trim(),
        phone: form.phone.trim(),
        language: language.code(),
        created_at,
    };
    let id = customers::insert(conn, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("a customer with e-mail {email} exists already").into()))?;
    let contact = Contact {
        created_at,
        first_name: form.first_name.to_owned(),
        last_name: form.last_name.to_owned(),
        email: email.into_string(),
    };
    customers::insert_contact(conn, &id, &contact).await?;
    Ok((id, key))
}

/// A VAT id as typed, in the form invoices print it: capital letters and digits, the spaces,
/// dots and dashes people type left out, 4 to 20 of them; `None` when blank.
fn vat_id(typed: Option<&str>) -> Result<Option<String>> {
    let Some(typed) = typed.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    let kept: String =
        typed.chars().filter(|c| !matches!(c, ' ' | '.' | '-')).map(|c| c.to_ascii_uppercase()).collect();
    if !(4..=20).contains(&kept.len()) || !kept.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Error::BadRequest(
            format!("vat_id: '{typed}' is not a VAT id (4 to 20 letters and digits, e.g. BG123456789)").into(),
        ));
    }
    Ok(Some(kept))
}

/// Billing data as a customer typed it (Buy now).
#[derive(Debug, Clone, Default)]
pub struct BillingForm {
    pub company: String,
    pub address: String,
    pub city: String,
    pub country: String,
    pub vat_id: String,
}

/// The customer's billing data as it stands.
pub async fn billing_of(pool: &Pool, id: &CustomerId) -> Result<BillingForm> {
    let mut conn = store::acquire(pool).await?;
    let buyer = customers::buyer(&mut conn, id).await?.ok_or(Error::NotFound)?;
    Ok(BillingForm {
        company: buyer.company,
        address: buyer.address,
        city: buyer.city,
        country: buyer.country,
        vat_id: buyer.vat_id.unwrap_or_default(),
    })
}

/// Sets the customer's billing data in `conn`'s transaction, the invoices issued from then on
/// naming them so. Refused: no company, a field too long, a VAT id that is not one.
pub async fn set_billing(conn: &mut Conn, id: &CustomerId, form: &BillingForm) -> Result<()> {
    let company = Text::<200>::parse("company", form.company.trim())?;
    if company.is_empty() {
        return Err(Error::refused("bo-refusal-company-empty", &[]));
    }
    let address = Text::<200>::parse("address", form.address.trim())?;
    let city = Text::<100>::parse("city", form.city.trim())?;
    let country = Text::<100>::parse("country", form.country.trim())?;
    let vat_id = vat_id(Some(&form.vat_id))
        .map_err(|_| Error::refused("bo-refusal-vat-id", &[("typed", form.vat_id.trim().to_owned().into())]))?;
    let billing = customers::Billing {
        company: &company,
        address: &address,
        city: &city,
        country: &country,
        vat_id: vat_id.as_deref(),
    };
    customers::set_billing(conn, id, &billing).await
}

/// The customer with this purchase e-mail (any case), or a refusal naming it.
pub async fn by_email(conn: &mut Conn, email: &str) -> Result<CustomerId> {
    customers::id_by_email(conn, &Email::normalized(email))
        .await?
        .ok_or_else(|| Error::BadRequest(format!("no customer has e-mail {email}").into()))
}

/// Adds a customer in a transaction of its own, recording who added them; returns their id.
pub async fn add(pool: &Pool, actor: &Actor, form: &CustomerForm<'_>) -> Result<CustomerId> {
    let mut tx = store::begin(pool).await?;
    let (id, _) = add_customer(&mut tx, form).await?;
    let change = Change {
        kind: EventKind::CustomerAdded,
        at: store::now(),
        subject: form.company.trim(),
        customer_id: Some(&id),
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({
            "company": form.company.trim(),
            "email": Email::normalized(form.email).as_str(),
            "country": form.country.trim(),
            "city": form.city.trim(),
        })),
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
    Ok(id)
}

/// A customer with everything of theirs the vendor looks at.
#[derive(Debug)]
pub struct Overview {
    pub customer: Customer,
    pub contacts: Vec<Contact>,
    /// Newest first, each with its lines.
    pub orders: Vec<(Order, Vec<Item>)>,
    /// Newest first.
    pub licenses: Vec<License>,
}

/// Customer `id` with their contacts, orders and licenses; `NOT_FOUND` when there is none.
pub async fn overview(pool: &Pool, id: &CustomerId) -> Result<Overview> {
    let customer = customers::by_id(pool, id).await?.ok_or(Error::NotFound)?;
    let contacts = customers::contacts_of(pool, id).await?;
    let mut items = store::orders::items_of_customer(pool, id).await?;
    let orders = store::orders::all_of_customer(pool, id)
        .await?
        .into_iter()
        .map(|order| {
            let (lines, rest) = std::mem::take(&mut items).into_iter().partition(|(of, _)| *of == order.id);
            items = rest;
            (order, lines.into_iter().map(|(_, item)| item).collect())
        })
        .collect();
    let licenses = store::licenses::all_of_customer(pool, id).await?;
    Ok(Overview { customer, contacts, orders, licenses })
}

/// Most customers one search shows.
pub const SEARCH_LIMIT: i64 = 50;

/// The customers the back office's search box finds for `query`: part of a company name or
/// an e-mail address (the customer's, a contact's or an account's), an order reference, a
/// serial, or the first characters of an activation key (at least 4, with or without its
/// dashes). An empty query finds nothing.
pub async fn search(pool: &Pool, query: &str) -> Result<Vec<customers::Found>> {
    let query = query.trim();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let text = query.to_lowercase();
    let exact = query.to_uppercase();
    let key_prefix = key_prefix(query);
    let search = customers::Search { text: &text, exact: &exact, key_prefix: key_prefix.as_deref() };
    customers::search(pool, &search, SEARCH_LIMIT).await
}

/// The beginning of an activation key as keys are stored (capitals in groups of five joined by
/// dashes), when `typed` can be one: at least 4 of its characters, nothing but letters, digits
/// and dashes.
fn key_prefix(typed: &str) -> Option<String> {
    let symbols: String = typed.chars().filter(|c| *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    if symbols.chars().count() < 4 || !symbols.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let groups: Vec<String> =
        symbols.as_bytes().chunks(5).map(|group| String::from_utf8_lossy(group).into_owned()).collect();
    Some(groups.join("-"))
}

#[cfg(test)]
mod tests {
    use super::key_prefix;

    #[test]
    fn a_key_prefix_is_grouped_as_keys_are_stored_and_needs_four_symbols() {
        assert_eq!(key_prefix("naqr").as_deref(), Some("NAQR"));
        assert_eq!(key_prefix("NAQRH-VW5").as_deref(), Some("NAQRH-VW5"));
        assert_eq!(key_prefix("naqrhvw5").as_deref(), Some("NAQRH-VW5"));
        assert_eq!(key_prefix("naqrhvw5kp2x").as_deref(), Some("NAQRH-VW5KP-2X"));
        assert_eq!(key_prefix("abc"), None, "three symbols say too little");
        assert_eq!(key_prefix("acme ledger"), None, "a space is no key");
        assert_eq!(key_prefix("it@contoso"), None);
    }
}
