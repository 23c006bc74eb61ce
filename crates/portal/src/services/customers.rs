//! Adding customers (companies) with their first contact, and finding one by e-mail.

use tessera_core::ActivationKey;

use crate::domain::{CustomerId, Email};
use crate::error::{Error, Result};
use crate::store::customers::{self, Contact, NewCustomer};
use crate::store::{self, Conn};

/// A customer to add, as the vendor typed it.
#[derive(Debug)]
pub struct CustomerForm<'a> {
    pub company: &'a str,
    pub email: &'a str,
    pub country: &'a str,
    pub city: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub manager: &'a str,
    pub phone: &'a str,
    /// The activation key to give them; a new random one when `None`.
    pub activation_key: Option<ActivationKey>,
    /// When they became a customer; now when `None`.
    pub since: Option<i64>,
}

/// Adds a customer and their contact (the purchase e-mail); returns their id and activation key.
pub async fn add_customer(conn: &mut Conn, form: &CustomerForm<'_>) -> Result<(CustomerId, ActivationKey)> {
    let email = Email::normalized(form.email);
    if !email.contains('@') {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address")));
    }
    let key = match &form.activation_key {
        Some(key) => key.clone(),
        None => ActivationKey::generate()?,
    };
    let created_at = form.since.unwrap_or_else(store::now);
    let new = NewCustomer {
        company: form.company,
        email: &email,
        country: form.country,
        city: form.city,
        activation_key: key.as_str(),
        manager: form.manager.trim(),
        phone: form.phone.trim(),
        created_at,
    };
    let id = customers::insert(conn, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("a customer with e-mail {email} exists already")))?;
    let contact = Contact {
        created_at,
        first_name: form.first_name.to_owned(),
        last_name: form.last_name.to_owned(),
        email: email.into_string(),
    };
    customers::insert_contact(conn, &id, &contact).await?;
    Ok((id, key))
}

/// The customer with this purchase e-mail (any case), or a refusal naming it.
pub async fn by_email(conn: &mut Conn, email: &str) -> Result<CustomerId> {
    customers::id_by_email(conn, &Email::normalized(email))
        .await?
        .ok_or_else(|| Error::BadRequest(format!("no customer has e-mail {email}")))
}
