//! The "Clients to renew" tab (seed 003): client, subscription, reseller, start and end, duration, licenses to renew and a **Renew** button per row; checkboxes to renew several at once, their total shown on a confirmation step before **OK**, done all or nothing.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::dashboard::balances;
use super::{ClientRow, Frame, PartnerVisit, rows, today};
use crate::error::Error;
use crate::services::partner_clients::{self, Renewal};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "partner/renewals.html")]
struct RenewalsPage {
    frame: Frame,
    rows: Vec<ClientRow>,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    done: Option<String>,
    name: Option<String>,
    count: Option<u32>,
}

/// The clients to renew: ended, or ending within 3 months, and not renewed yet.
pub async fn list(
    State(state): State<AppState>,
    who: PartnerVisit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let lines = partner_clients::to_renew(partner_clients::clients(&state.pool, who.seller(), today()).await?);
    let rows = rows(&state, lines).await?;
    let frame = Frame::new(&who, "renewals", "/partner/renewals");
    let notice = match (done.done.as_deref(), done.name.as_deref(), done.count) {
        (Some("renewed"), Some(name), _) => Some(frame.page.t1("partner-renewed", "name", name)),
        (Some("bulk"), _, Some(count)) => Some(frame.page.tn("partner-bulk-renewed", "count", i64::from(count))),
        _ => None,
    };
    render(&RenewalsPage { frame, rows, notice })
}

/// One product's total on the confirmation step.
#[derive(Debug)]
pub struct Total {
    pub product: String,
    pub needed: i64,
    pub available: i64,
}

impl Total {
    pub fn remaining(&self) -> i64 {
        self.available - self.needed
    }
}

#[derive(Template)]
#[template(path = "partner/bulk.html")]
struct BulkPage {
    frame: Frame,
    rows: Vec<ClientRow>,
    years: u32,
    totals: Vec<Total>,
    problem: Option<String>,
}

impl BulkPage {
    fn ok_enabled(&self) -> bool {
        !self.rows.is_empty() && self.totals.iter().all(|t| t.remaining() >= 0)
    }

    fn needed(&self, row: &ClientRow) -> i64 {
        needed(row, self.years)
    }
}

/// The confirmation step of the rows ticked (`row` = `client|product`), and with `confirm` the
/// renewal of them all, in one transaction.
pub async fn bulk(
    State(state): State<AppState>,
    who: PartnerVisit,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&who, "renewals", "/partner/renewals");
    let value = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let years = value("years").and_then(|y| y.trim().parse::<u32>().ok()).filter(|y| (1..=100).contains(y));
    let chosen: Vec<(&str, &str)> =
        fields.iter().filter(|(k, _)| k == "row").filter_map(|(_, v)| v.split_once('|')).collect();
    if chosen.len() > 500 {
        return Err(WebError::bad_request(who.visit.language));
    }
    let mut selected = Vec::with_capacity(chosen.len());
    for (client_id, product) in &chosen {
        let lines = partner_clients::client_lines(&state.pool, who.seller(), client_id, today()).await?;
        let row = rows(&state, lines).await?.into_iter().find(|r| r.product_id == *product).ok_or(Error::NotFound)?;
        selected.push(row);
    }
    let Some(years) = years.filter(|_| !selected.is_empty()) else {
        let problem = Some(frame.page.t("partner-bulk-none"));
        return page(&state, &who, frame, selected, 1, problem, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if value("confirm").is_none() {
        return page(&state, &who, frame, selected, years, None, StatusCode::OK).await;
    }
    let renewals: Vec<(&str, Renewal<'_>)> = selected
        .iter()
        .map(|r| {
            let users = u32::try_from(r.users).ok();
            (r.client_id.as_str(), Renewal { years, users, product: Some(r.product_id.as_str()) })
        })
        .collect();
    match partner_clients::renew_many(&state.pool, &who.actor(), who.seller(), &renewals, today()).await {
        Ok(bought) => {
            tracing::info!(clients = bought.len(), "clients renewed together from the console");
            Ok(Redirect::to(&format!("/partner/renewals?done=bulk&count={}", bought.len())).into_response())
        }
        Err(Error::NotFound) => Err(Error::NotFound.into()),
        Err(e) => {
            let status = e.status();
            let problem = Some(frame.page.error(&e));
            page(&state, &who, frame, selected, years, problem, status).await
        }
    }
}

/// The license-years renewing `row` for `years` takes (tessera-billing's rule: users × years).
fn needed(row: &ClientRow, years: u32) -> i64 {
    u32::try_from(row.users).ok().and_then(|users| tessera_billing::license_years(users, years).ok()).unwrap_or(0)
}

async fn page(
    state: &AppState,
    who: &PartnerVisit,
    frame: Frame,
    rows: Vec<ClientRow>,
    years: u32,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let available: BTreeMap<String, i64> =
        balances(state, who.seller()).await?.into_iter().map(|b| (b.product_id, b.balance)).collect();
    let mut totals: BTreeMap<&str, Total> = BTreeMap::new();
    for row in &rows {
        let total = totals.entry(row.product_id.as_str()).or_insert_with(|| Total {
            product: row.product.clone(),
            needed: 0,
            available: available.get(&row.product_id).copied().unwrap_or(0),
        });
        total.needed += needed(row, years);
    }
    let totals = totals.into_values().collect();
    let mut response = render(&BulkPage { frame, rows, years, totals, problem })?;
    *response.status_mut() = status;
    Ok(response)
}
