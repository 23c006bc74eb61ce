//! Payment methods (seed 001): the customer's cards — brand, last four digits, expiry, which is
//! the default — added on the payment provider's page, made the default, removed.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::domain::Text;
use crate::error::Error;
use crate::payments::PaymentProvider;
use crate::services::cards;
use crate::state::AppState;
use crate::store::cards::Card;

#[derive(Template)]
#[template(path = "web/cards.html")]
struct CardsPage {
    page: Page,
    /// Whether the store takes cards at all.
    takes_cards: bool,
    cards: Vec<Card>,
    notice: Option<String>,
    problem: Option<String>,
}

impl CardsPage {
    /// "Visa ending 4242".
    fn name(&self, card: &Card) -> String {
        self.page.t_with("web-cards-ending", &[("brand", card_brand(&card.brand)), ("last4", card.last4.as_str())])
    }

    /// "12/2030".
    fn expiry(card: &Card) -> String {
        format!("{:02}/{}", card.exp_month, card.exp_year)
    }
}

/// A card network's name as people write it (`visa` → Visa).
pub(super) fn card_brand(brand: &str) -> &str {
    match brand {
        "visa" => "Visa",
        "mastercard" => "Mastercard",
        "amex" => "American Express",
        "discover" => "Discover",
        other => other,
    }
}

#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<Text<16>>,
    card: Option<Text<4>>,
}

/// The customer's cards, and a notice after adding, choosing or removing one.
pub async fn page(
    State(state): State<AppState>,
    who: SignedIn,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "cards", "/payment-methods");
    let last4 = done.card.as_deref().unwrap_or_default();
    let notice = match done.done.as_deref() {
        Some("added") => Some(page.t1("web-cards-added", "last4", last4)),
        Some("not-added") => Some(page.t("web-cards-not-added")),
        Some("default") => Some(page.t("web-cards-defaulted")),
        Some("removed") => Some(page.t("web-cards-removed")),
        _ => None,
    };
    show(&state, &who, page, notice, None, StatusCode::OK).await
}

async fn show(
    state: &AppState,
    who: &SignedIn,
    page: Page,
    notice: Option<String>,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let cards = match state.payments.as_deref() {
        Some(provider) => cards::of_customer(&state.pool, provider, &who.customer_id).await?,
        None => Vec::new(),
    };
    let takes_cards = state.payments.is_some();
    let mut response = render(&CardsPage { page, takes_cards, cards, notice, problem })?;
    *response.status_mut() = status;
    // "Add a card" leaves for the provider's page: the form may go there.
    if let Some(origin) = state.payments.as_deref().and_then(PaymentProvider::page_origin)
        && let Ok(policy) = HeaderValue::from_str(&format!(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' {origin}; frame-ancestors 'none'; base-uri 'none'"
        ))
    {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    Ok(response)
}

/// The provider, or "not found" when the store takes no cards.
fn provider(state: &AppState) -> Result<&dyn PaymentProvider, WebError> {
    state.payments.as_deref().ok_or_else(|| Error::NotFound.into())
}

/// Add a card: off to the provider's page, which sends the customer back to [`added`].
pub async fn add(State(state): State<AppState>, who: SignedIn) -> Result<Response, WebError> {
    let provider = provider(&state)?;
    let public_url = state.mailer.link("");
    match cards::add(&state.pool, provider, &who.customer_id, &public_url).await {
        Ok(url) => Ok(Redirect::to(&url).into_response()),
        Err(error) => refused(&state, &who, error).await,
    }
}

#[derive(Debug, Deserialize)]
pub struct Returned {
    session: Option<Text<255>>,
}

/// Back from the provider's page: the card kept, or a notice that none was added.
pub async fn added(
    State(state): State<AppState>,
    who: SignedIn,
    Query(returned): Query<Returned>,
) -> Result<Response, WebError> {
    let provider = provider(&state)?;
    let session = returned.session.ok_or(Error::NotFound)?;
    match cards::added(&state.pool, provider, Some(&who.customer_id), &session).await {
        Ok(Some(card)) => Ok(Redirect::to(&format!("/payment-methods?done=added&card={}", card.last4)).into_response()),
        Ok(None) => Ok(Redirect::to("/payment-methods?done=not-added").into_response()),
        Err(error) => refused(&state, &who, error).await,
    }
}

/// Make default: this card pays renewals and changes from now on.
pub async fn make_default(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    provider(&state)?;
    cards::set_default(&state.pool, &who.customer_id, &id).await?;
    Ok(Redirect::to("/payment-methods?done=default").into_response())
}

/// Remove: forgotten here and at the provider; refused for the last card of a card subscription.
pub async fn remove(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let provider = provider(&state)?;
    match cards::remove(&state.pool, provider, &who.customer_id, &id).await {
        Ok(()) => Ok(Redirect::to("/payment-methods?done=removed").into_response()),
        Err(error) => refused(&state, &who, error).await,
    }
}

/// The page again, saying why it was not done; "not found" and failures as error pages.
async fn refused(state: &AppState, who: &SignedIn, error: Error) -> Result<Response, WebError> {
    let status = match &error {
        Error::BadRequest(_) => StatusCode::BAD_REQUEST,
        Error::PaymentDeclined(_) => StatusCode::PAYMENT_REQUIRED,
        Error::ProviderUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        Error::ChangedMeanwhile(_) => StatusCode::CONFLICT,
        _ => return Err(error.into()),
    };
    let page = Page::new(&who.visit, "cards", "/payment-methods");
    let problem = page.error(&error);
    show(state, who, page, None, Some(problem), status).await
}
