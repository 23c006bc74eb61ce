//! A client's company administrator (#13 Part B): the seller names the person who administers the client company on the customer portal; the client is linked to that customer company (or a new one, whose admin is invited), and its terms become the company's seats.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::dialog::encode;
use super::{ClientRow, Frame, PartnerVisit, rows, today};
use crate::domain::Text;
use crate::error::Error;
use crate::services::partner_clients;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "partner/admin.html")]
struct AdminPage {
    frame: Frame,
    client: ClientRow,
    email: String,
    problem: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AdminForm {
    email: Option<Text<254>>,
}

/// The first line of client `id` the visitor sees; 404 otherwise.
async fn client_row(state: &AppState, who: &PartnerVisit, id: &str) -> Result<ClientRow, WebError> {
    let lines = partner_clients::client_lines(&state.pool, who.seller(), id, today()).await?;
    rows(state, lines).await?.into_iter().next().ok_or_else(|| Error::NotFound.into())
}

/// The form naming client `id`'s company administrator.
pub async fn page(
    State(state): State<AppState>,
    who: PartnerVisit,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let client = client_row(&state, &who, &id).await?;
    let here = format!("/partner/clients/{}/admin", id.as_str());
    let frame = Frame::new(&who, "clients", &here);
    let email = client.admin_email.clone().unwrap_or_default();
    render(&AdminPage { frame, client, email, problem: None })
}

/// Names client `id`'s company administrator.
pub async fn name(
    State(state): State<AppState>,
    who: PartnerVisit,
    Path(id): Path<Text<64>>,
    Form(form): Form<AdminForm>,
) -> Result<Response, WebError> {
    let client = client_row(&state, &who, &id).await?;
    let here = format!("/partner/clients/{}/admin", id.as_str());
    let frame = Frame::new(&who, "clients", &here);
    let email = form.email.as_ref().map(|e| e.trim().to_owned()).unwrap_or_default();
    let named =
        partner_clients::name_admin(&state.pool, &state.mailer, &who.actor(), who.seller(), &id, &email, today()).await;
    match named {
        Ok(named) => {
            tracing::info!(client = %client.client_id, licenses = named.licenses, "client company administrator named from the console");
            let done = if named.invite.is_some() { "invited" } else { "linked" };
            Ok(Redirect::to(&format!("/partner/clients?done={done}&name={}", encode(&client.name))).into_response())
        }
        Err(Error::NotFound) => Err(Error::NotFound.into()),
        Err(e) => {
            let status = e.status();
            let problem = Some(frame.page.error(&e));
            let mut response = render(&AdminPage { frame, client, email, problem })?;
            *response.status_mut() = if status.is_server_error() { status } else { StatusCode::UNPROCESSABLE_ENTITY };
            Ok(response)
        }
    }
}
