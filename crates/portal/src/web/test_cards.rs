//! The demo's stand-in for a payment provider's card page (`payments::test_mode`): the customer
//! types a test card, nothing is charged, and only its brand, last four digits and expiry are
//! kept. Not there unless the portal runs with test cards (`serve --demo`).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::domain::Text;
use crate::error::Error;
use crate::payments::test_mode::TestMode;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "web/test_card.html")]
struct TestCardPage {
    page: Page,
    session: String,
    cancel_url: String,
    problem: Option<String>,
    number: String,
    month: String,
    year: String,
}

fn test_cards(state: &AppState) -> Result<&TestMode, WebError> {
    state.test_cards.as_deref().ok_or_else(|| Error::NotFound.into())
}

/// The card form of setup session `session`.
pub async fn page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(session): Path<Text<64>>,
) -> Result<Response, WebError> {
    let cards = test_cards(&state)?;
    let returns = cards.returns(&session).ok_or(Error::NotFound)?;
    let page = Page::new(&who.visit, "cards", format!("/test-mode/setup/{}", &*session));
    render(&TestCardPage {
        page,
        session: session.to_string(),
        cancel_url: returns.cancel_url,
        problem: None,
        number: String::new(),
        month: String::new(),
        year: String::new(),
    })
}

#[derive(Debug, Deserialize)]
pub struct Typed {
    number: Text<32>,
    month: Text<2>,
    year: Text<4>,
}

/// Takes the typed card and sends the customer back to the portal; or the form again, saying
/// what is wrong with it.
pub async fn save(
    State(state): State<AppState>,
    who: SignedIn,
    Path(session): Path<Text<64>>,
    Form(typed): Form<Typed>,
) -> Result<Response, WebError> {
    let cards = test_cards(&state)?;
    let returns = cards.returns(&session).ok_or(Error::NotFound)?;
    let month = typed.month.trim().parse::<i64>().unwrap_or(0);
    let year = typed.year.trim().parse::<i64>().unwrap_or(0);
    match cards.complete(&session, &typed.number, month, year, chrono::Utc::now().date_naive()) {
        Ok(back) => Ok(Redirect::to(&back).into_response()),
        Err(problem) => {
            let page = Page::new(&who.visit, "cards", format!("/test-mode/setup/{}", &*session));
            let mut response = render(&TestCardPage {
                page,
                session: session.to_string(),
                cancel_url: returns.cancel_url,
                problem: Some(problem),
                number: typed.number.to_string(),
                month: typed.month.to_string(),
                year: typed.year.to_string(),
            })?;
            *response.status_mut() = StatusCode::BAD_REQUEST;
            Ok(response)
        }
    }
}
