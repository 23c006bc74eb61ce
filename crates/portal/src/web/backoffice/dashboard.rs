//! The dashboard: licenses in force, activations today, orders awaiting payment (with their
//! total), terms ending in the next 90 days, mails failing.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::super::{WebError, render};
use super::{Frame, StaffVisit};
use crate::services::dashboard::{self, Figures};
use crate::state::AppState;
use crate::store;

#[derive(Template)]
#[template(path = "backoffice/dashboard.html")]
struct DashboardPage {
    frame: Frame,
    figures: Figures,
    awaiting_totals: String,
}

pub async fn dashboard(State(state): State<AppState>, visit: StaffVisit) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "dashboard", "/admin");
    let figures = dashboard::figures(&state.pool, store::now()).await?;
    let awaiting_totals = figures
        .awaiting_totals
        .iter()
        .map(|total| frame.page.money(&total.minor(), total.currency().code()))
        .collect::<Vec<_>>()
        .join(" · ");
    render(&DashboardPage { frame, figures, awaiting_totals })
}
