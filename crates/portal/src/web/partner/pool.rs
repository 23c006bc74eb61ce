//! The pool page: what is left of each product and the ledger (grants, transfers, allocations, returns, with their dates); a partner moves license-years to one of its resellers from here.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::dashboard::{Balance, balances};
use super::{Frame, PartnerVisit};
use crate::domain::Text;
use crate::error::Error;
use crate::services::pools;
use crate::state::AppState;
use crate::store::organisations::Organisation;
use crate::store::pools::LedgerLine;

#[derive(Template)]
#[template(path = "partner/pool.html")]
struct PoolPage {
    frame: Frame,
    balances: Vec<Balance>,
    ledger: Vec<LedgerLine>,
    resellers: Vec<Organisation>,
    notice: Option<String>,
    problem: Option<String>,
}

impl PoolPage {
    fn kind(&self, kind: &str) -> String {
        self.frame.page.t(&format!("partner-ledger-{kind}"))
    }

    fn product(&self, id: &str) -> String {
        self.balances.iter().find(|b| b.product_id == id).map_or_else(|| id.to_owned(), |b| b.product.clone())
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// The balances and the ledger.
pub async fn page(
    State(state): State<AppState>,
    who: PartnerVisit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&who, "pool", "/partner/pool");
    let notice = (done.done.as_deref() == Some("transferred")).then(|| frame.page.t("partner-transferred"));
    show(&state, &who, frame, notice, None, StatusCode::OK).await
}

async fn show(
    state: &AppState,
    who: &PartnerVisit,
    frame: Frame,
    notice: Option<String>,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let balances = balances(state, who.seller()).await?;
    let ledger = pools::recent_movements(&state.pool, who.seller(), 200).await?;
    let resellers = if frame.partner { pools::resellers(&state.pool, who.seller()).await? } else { Vec::new() };
    let mut response = render(&PoolPage { frame, balances, ledger, resellers, notice, problem })?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct TransferForm {
    reseller: Text<64>,
    product: Text<100>,
    amount: Text<20>,
}

/// Moves license-years to one of the partner's resellers; another's reseller is a 404.
pub async fn transfer(
    State(state): State<AppState>,
    who: PartnerVisit,
    Form(form): Form<TransferForm>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&who, "pool", "/partner/pool");
    let Some(amount) = form.amount.trim().parse::<i64>().ok().filter(|a| *a >= 1) else {
        let problem = Some(frame.page.t("partner-transfer-amount"));
        return show(&state, &who, frame, None, problem, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let done = pools::transfer(&state.pool, &who.actor(), who.seller(), &form.reseller, &form.product, amount).await;
    match done {
        Ok(()) => Ok(Redirect::to("/partner/pool?done=transferred").into_response()),
        Err(Error::NotFound) => Err(Error::NotFound.into()),
        Err(e) => {
            let status = e.status();
            let problem = Some(frame.page.error(&e));
            show(&state, &who, frame, None, problem, status).await
        }
    }
}
