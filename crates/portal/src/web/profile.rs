//! The Profile page (seed 002): the signed-in customer's company, e-mail, manager, telephone and contacts.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::error::Error;
use crate::state::AppState;
use crate::store;
use crate::store::customers::Contact;

/// What the vendor keeps about a customer; read-only on this page.
#[derive(Debug)]
pub struct Profile {
    pub since: i64,
    pub company: String,
    pub email: String,
    /// The responsible officer; empty when the vendor has not given one.
    pub manager: String,
    pub phone: String,
    pub country: String,
    pub city: String,
    pub vat_id: Option<String>,
}

impl Profile {
    /// The telephone number as a `tel:` link takes it: the digits and a leading `+`.
    pub fn phone_uri(&self) -> String {
        let digits = self.phone.chars().filter(char::is_ascii_digit);
        if self.phone.trim_start().starts_with('+') {
            std::iter::once('+').chain(digits).collect()
        } else {
            digits.collect()
        }
    }
}

#[derive(Template)]
#[template(path = "web/profile.html")]
struct ProfilePage {
    page: Page,
    profile: Profile,
    contacts: Vec<Contact>,
}

pub async fn profile(State(state): State<AppState>, who: SignedIn) -> Result<Response, WebError> {
    let pool = &state.pool;
    let row = store::customers::by_id(pool, &who.customer_id).await?.ok_or(Error::NotFound)?;
    let profile = Profile {
        since: row.created_at,
        company: row.company,
        email: row.email,
        manager: row.manager,
        phone: row.phone,
        country: row.country,
        city: row.city,
        vat_id: row.vat_id,
    };
    let contacts = store::customers::contacts_of(pool, &who.customer_id).await?;
    render(&ProfilePage { page: Page::new(&who.visit, "profile", "/profile"), profile, contacts })
}
