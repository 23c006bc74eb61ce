//! The Contracts page (seed 002): the signed-in customer's contracts and annexes, with exact monthly prices.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::session::SignedIn;
use super::{Page, Pager, WebError, render};
use crate::error::Result;
use crate::state::AppState;
use crate::store;

pub use crate::store::contracts::Contract;

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
    let contracts = store::contracts::page_of_customer(&state.pool, &who.customer_id, query.page).await?;
    let (at, contracts) = (contracts.at, contracts.rows);
    let page = Page::new(&who.visit, "contracts", format!("/contracts?page={}", at.page));
    let pager = page.pager(at, |n| format!("/contracts?page={n}"));
    render(&ContractsPage { page, contracts, pager })
}
