//! The client list (seed 003, "Liste des clients"): every client coloured by its standing, each colour with an icon and a word, a legend; and the same rows as a CSV file.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::super::backoffice::events::push_row;
use super::super::{WebError, render};
use super::{ClientRow, Frame, LEGEND, PartnerVisit, rows, standing_icon, today};
use crate::services::partner_clients;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "partner/clients.html")]
struct ClientsPage {
    frame: Frame,
    rows: Vec<ClientRow>,
    notice: Option<String>,
}

impl ClientsPage {
    fn legend(&self) -> Vec<(&'static str, &'static str)> {
        LEGEND.iter().map(|code| (*code, standing_icon(code))).collect()
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    done: Option<String>,
    name: Option<String>,
}

/// The client list.
pub async fn list(
    State(state): State<AppState>,
    who: PartnerVisit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let rows = rows(&state, partner_clients::clients(&state.pool, who.seller(), today()).await?).await?;
    let frame = Frame::new(&who, "clients", "/partner/clients");
    let notice = match (done.done.as_deref(), done.name.as_deref()) {
        (Some("created"), Some(name)) => Some(frame.page.t1("partner-created", "name", name)),
        (Some("linked"), Some(name)) => Some(frame.page.t1("partner-admin-linked", "name", name)),
        (Some("invited"), Some(name)) => Some(frame.page.t1("partner-admin-invited", "name", name)),
        _ => None,
    };
    render(&ClientsPage { frame, rows, notice })
}

/// The export's columns.
const HEADER: [&str; 12] = [
    "client",
    "product",
    "reseller",
    "start",
    "end",
    "years",
    "users",
    "standing",
    "renewed_until",
    "client_id",
    "product_id",
    "admin_email",
];

/// The client list as CSV: a header line, then the rows the page shows.
pub async fn export(State(state): State<AppState>, who: PartnerVisit) -> Result<Response, WebError> {
    let rows = rows(&state, partner_clients::clients(&state.pool, who.seller(), today()).await?).await?;
    let mut csv = String::with_capacity(96 * (rows.len() + 1));
    push_row(&mut csv, &HEADER);
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    for row in &rows {
        push_row(
            &mut csv,
            &[
                &row.name,
                &row.product,
                row.reseller.as_deref().unwrap_or(""),
                &day(row.start),
                &day(row.end),
                &row.years.to_string(),
                &row.users.to_string(),
                row.standing,
                &day(row.renewed_until),
                &row.client_id,
                &row.product_id,
                row.admin_email.as_deref().unwrap_or(""),
            ],
        );
    }
    let filename = format!("attachment; filename=\"clients-{}.csv\"", today().format("%Y-%m-%d"));
    let mut response = ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response();
    if let Ok(value) = axum::http::HeaderValue::from_str(&filename) {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
