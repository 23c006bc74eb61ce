//! The Profile page (seed 002): the signed-in customer's company, e-mail, manager, telephone and contacts.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use sqlx::Row as _;

use super::orders::{Contact, contacts_of};
use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::error::Error;
use crate::state::AppState;

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
    let row =
        sqlx::query("SELECT created_at, company, email, manager, phone, country, city FROM customers WHERE id = $1")
            .bind(&who.customer_id)
            .fetch_one(pool)
            .await
            .map_err(Error::from)?;
    let profile = Profile {
        since: row.try_get(0).map_err(Error::from)?,
        company: row.try_get(1).map_err(Error::from)?,
        email: row.try_get(2).map_err(Error::from)?,
        manager: row.try_get(3).map_err(Error::from)?,
        phone: row.try_get(4).map_err(Error::from)?,
        country: row.try_get(5).map_err(Error::from)?,
        city: row.try_get(6).map_err(Error::from)?,
    };
    let contacts = contacts_of(pool, &who.customer_id).await?;
    render(&ProfilePage { page: Page::new(&who.visit, "profile", "/profile"), profile, contacts })
}
