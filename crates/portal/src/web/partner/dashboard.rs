//! The console's dashboard (seed 003): the number of companies to renew with its **View** button, and what is left in each pool.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::super::{WebError, render};
use super::{Frame, PartnerVisit, today};
use crate::services::{partner_clients, pools};
use crate::state::AppState;

/// A pool's balance, its product named.
#[derive(Debug)]
pub struct Balance {
    pub product_id: String,
    pub product: String,
    pub balance: i64,
}

/// The balances of organisation `seller`, products named.
pub(super) async fn balances(state: &AppState, seller: &str) -> Result<Vec<Balance>, WebError> {
    let names = pools::product_names(&state.pool).await?;
    Ok(pools::balances(&state.pool, seller)
        .await?
        .into_iter()
        .map(|p| Balance {
            product: names.get(&p.product_id).cloned().unwrap_or_else(|| p.product_id.clone()),
            product_id: p.product_id,
            balance: p.balance,
        })
        .collect())
}

#[derive(Template)]
#[template(path = "partner/dashboard.html")]
struct DashboardPage {
    frame: Frame,
    to_renew: usize,
    balances: Vec<Balance>,
}

/// The dashboard.
pub async fn dashboard(State(state): State<AppState>, who: PartnerVisit) -> Result<Response, WebError> {
    let lines = partner_clients::clients(&state.pool, who.seller(), today()).await?;
    let mut companies: Vec<String> = partner_clients::to_renew(lines).into_iter().map(|line| line.client.id).collect();
    companies.sort_unstable();
    companies.dedup();
    let balances = balances(&state, who.seller()).await?;
    let frame = Frame::new(&who, "dashboard", "/partner");
    render(&DashboardPage { frame, to_renew: companies.len(), balances })
}
