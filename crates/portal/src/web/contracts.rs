//! The Contracts page (seed 002): the signed-in customer's contracts and annexes, with exact monthly prices.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;
use sqlx::Row as _;

use super::session::SignedIn;
use super::{PER_PAGE, Page, Pager, Paging, WebError, render};
use crate::error::{Error, Result};
use crate::state::AppState;

/// One contract; the type, subscription and status are codes, named in the page's language.
#[derive(Debug)]
pub struct Contract {
    pub year: i64,
    /// `contract` or `annex`.
    pub document_type: String,
    /// `monthly` or `annual`.
    pub subscription_type: String,
    pub monthly_price_minor: i64,
    pub currency: String,
    pub signed_at: i64,
    /// `active`, `expired`, `terminated` or `draft`.
    pub status: String,
}

#[derive(Template)]
#[template(path = "web/contracts.html")]
struct ContractsPage {
    page: Page,
    contracts: Vec<Contract>,
    pager: Option<Pager>,
}

#[derive(Debug, Deserialize)]
pub struct ContractsQuery {
    page: Option<i64>,
}

pub async fn contracts(
    State(state): State<AppState>,
    who: SignedIn,
    Query(query): Query<ContractsQuery>,
) -> Result<Response, WebError> {
    let pool = &state.pool;
    let customer = who.customer_id.as_str();
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contracts WHERE customer_id = $1")
        .bind(customer)
        .fetch_one(pool)
        .await
        .map_err(Error::from)?;
    let at = Paging::new(query.page, count);
    let contracts = sqlx::query(
        "SELECT year, document_type, subscription_type, monthly_price_minor, currency, signed_at, status \
         FROM contracts WHERE customer_id = $1 ORDER BY year DESC, signed_at DESC, id LIMIT $2 OFFSET $3",
    )
    .bind(customer)
    .bind(PER_PAGE)
    .bind(at.offset())
    .fetch_all(pool)
    .await
    .map_err(Error::from)?
    .iter()
    .map(|r| {
        Ok(Contract {
            year: r.try_get(0)?,
            document_type: r.try_get(1)?,
            subscription_type: r.try_get(2)?,
            monthly_price_minor: r.try_get(3)?,
            currency: r.try_get(4)?,
            signed_at: r.try_get(5)?,
            status: r.try_get(6)?,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    let page = Page::new(&who.visit, "contracts", format!("/contracts?page={}", at.page));
    let pager = page.pager(at, |n| format!("/contracts?page={n}"));
    render(&ContractsPage { page, contracts, pager })
}
