//! The renew dialog and the create-client dialog (seed 003, "Renouveler un abonnement"): licenses left to allocate, years, users, what is left after; **Recalculate** shows the numbers again (no script runs on the portal's pages), **OK** is off when the pool would go negative, and the server refuses with `INSUFFICIENT_LICENSES` whatever the page said.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;

use super::super::{WebError, render};
use super::dashboard::{Balance, balances};
use super::{ClientRow, Frame, PartnerVisit, rows, today};
use crate::domain::Text;
use crate::error::Error;
use crate::services::partner_clients::{self, NewClient, Renewal};
use crate::state::AppState;

/// What the dialog's form sends (and its address, for the first view).
#[derive(Debug, Default, Deserialize)]
pub struct DialogForm {
    product: Option<Text<100>>,
    years: Option<Text<12>>,
    users: Option<Text<12>>,
    name: Option<Text<200>>,
    /// The client company's administrator (create dialog), optional.
    admin_email: Option<Text<254>>,
    /// `recalculate` to see the numbers again; anything else does it.
    action: Option<Text<20>>,
}

impl DialogForm {
    fn recalculate(&self) -> bool {
        self.action.as_ref().is_some_and(|a| a.as_str() == "recalculate")
    }
}

/// A whole number from 1 to `max` typed in a field, or `None`.
fn number(text: Option<&Text<12>>, max: u32) -> Option<u32> {
    text.and_then(|t| t.trim().parse::<u32>().ok()).filter(|n| (1..=max).contains(n))
}

#[derive(Template)]
#[template(path = "partner/dialog.html")]
struct DialogPage {
    frame: Frame,
    /// Where the form goes.
    action: String,
    /// The client renewed; `None` in the create dialog.
    client: Option<ClientRow>,
    /// The name typed in the create dialog.
    name: String,
    /// The company administrator's e-mail typed in the create dialog.
    admin_email: String,
    /// The pools to choose the product from (create), or the renewed product's alone.
    products: Vec<Balance>,
    product: String,
    years: String,
    users: String,
    /// License-years left in the pool of the product.
    available: i64,
    /// users × years, when both are numbers.
    needed: Option<i64>,
    problem: Option<String>,
    /// When the renewal's term would start and end.
    term: Option<(NaiveDate, NaiveDate)>,
}

impl DialogPage {
    fn remaining(&self) -> Option<i64> {
        self.needed.map(|n| self.available - n)
    }

    /// Whether OK is offered: the numbers are right and the pool would not go negative.
    fn ok_enabled(&self) -> bool {
        self.remaining().is_some_and(|r| r >= 0)
    }

    fn assigned_label(&self) -> String {
        let who = match &self.client {
            Some(client) => client.name.clone(),
            None if !self.name.trim().is_empty() => self.name.trim().to_owned(),
            None => self.frame.page.t("partner-dialog-the-client"),
        };
        self.frame.page.t1("partner-dialog-assigned", "client", &who)
    }
}

/// Fills the numbers of the dialog from what was typed.
#[allow(clippy::too_many_arguments)]
fn dialog(
    frame: Frame,
    action: String,
    client: Option<ClientRow>,
    products: Vec<Balance>,
    form: &DialogForm,
    default_users: i64,
    problem: Option<String>,
) -> DialogPage {
    let product = form
        .product
        .as_ref()
        .map(|p| p.to_string())
        .filter(|p| products.iter().any(|b| &b.product_id == p))
        .or_else(|| client.as_ref().map(|c| c.product_id.clone()))
        .or_else(|| products.first().map(|b| b.product_id.clone()))
        .unwrap_or_default();
    let available = products.iter().find(|b| b.product_id == product).map_or(0, |b| b.balance);
    let years = form.years.as_ref().map_or_else(|| "1".to_owned(), |y| y.trim().to_owned());
    let users = form.users.as_ref().map_or_else(|| default_users.max(1).to_string(), |u| u.trim().to_owned());
    let y = match &form.years {
        Some(typed) => number(Some(typed), 100),
        None => Some(1),
    };
    let u = match &form.users {
        Some(typed) => number(Some(typed), u32::MAX),
        None => u32::try_from(default_users.max(1)).ok(),
    };
    let needed = y.zip(u).and_then(|(y, u)| tessera_billing::license_years(u, y).ok());
    let problem = problem.or_else(|| needed.is_none().then(|| frame.page.t("partner-dialog-numbers")));
    let term = match (&client, y) {
        (Some(c), Some(y)) => tessera_billing::renewal_term(c.end, today(), y).ok(),
        (None, Some(y)) => tessera_billing::term_end(today(), y).ok().map(|end| (today(), end)),
        _ => None,
    };
    let name = form.name.as_ref().map(|n| n.to_string()).unwrap_or_default();
    let admin_email = form.admin_email.as_ref().map(|e| e.trim().to_owned()).unwrap_or_default();
    DialogPage {
        frame,
        action,
        client,
        name,
        admin_email,
        products,
        product,
        years,
        users,
        available,
        needed,
        problem,
        term,
    }
}

/// The client `id` the visitor sees, on the line of `product` (else its first): 404 otherwise.
async fn client_row(
    state: &AppState,
    who: &PartnerVisit,
    id: &str,
    product: Option<&str>,
) -> Result<ClientRow, WebError> {
    let lines = partner_clients::client_lines(&state.pool, who.seller(), id, today()).await?;
    let mut rows = rows(state, lines).await?;
    let at = rows.iter().position(|r| Some(r.product_id.as_str()) == product).unwrap_or(0);
    if rows.is_empty() {
        return Err(Error::NotFound.into());
    }
    Ok(rows.swap_remove(at))
}

/// The pool of the renewed product alone (an empty one when the seller has none of it).
async fn pool_of(state: &AppState, who: &PartnerVisit, product: &str) -> Result<Vec<Balance>, WebError> {
    let all = balances(state, who.seller()).await?;
    let found: Vec<Balance> = all.into_iter().filter(|b| b.product_id == product).collect();
    if found.is_empty() {
        let name = crate::services::pools::product_names(&state.pool).await?.get(product).cloned();
        return Ok(vec![Balance {
            product_id: product.to_owned(),
            product: name.unwrap_or_else(|| product.to_owned()),
            balance: 0,
        }]);
    }
    Ok(found)
}

/// The renew dialog of client `id`.
pub async fn renew_page(
    State(state): State<AppState>,
    who: PartnerVisit,
    Path(id): Path<Text<64>>,
    Query(form): Query<DialogForm>,
) -> Result<Response, WebError> {
    let client = client_row(&state, &who, &id, form.product.as_deref()).await?;
    let products = pool_of(&state, &who, &client.product_id).await?;
    let here = format!("/partner/clients/{}/renew", id.as_str());
    let frame = Frame::new(&who, "renewals", &here);
    let users = client.users;
    render(&dialog(frame, here, Some(client), products, &form, users, None))
}

/// Renews client `id` (or shows the numbers again).
pub async fn renew(
    State(state): State<AppState>,
    who: PartnerVisit,
    Path(id): Path<Text<64>>,
    Form(form): Form<DialogForm>,
) -> Result<Response, WebError> {
    let client = client_row(&state, &who, &id, form.product.as_deref()).await?;
    let products = pool_of(&state, &who, &client.product_id).await?;
    let here = format!("/partner/clients/{}/renew", id.as_str());
    let frame = Frame::new(&who, "renewals", &here);
    let users = client.users;
    if form.recalculate() {
        return render(&dialog(frame, here, Some(client), products, &form, users, None));
    }
    let years = number(form.years.as_ref(), 100);
    let chosen = match &form.users {
        Some(typed) => number(Some(typed), u32::MAX),
        None => u32::try_from(users).ok().filter(|n| *n >= 1),
    };
    let (Some(years), Some(chosen_users)) = (years, chosen) else {
        let page = dialog(frame, here, Some(client), products, &form, users, None);
        return with_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let renewal = Renewal { years, users: Some(chosen_users), product: Some(&client.product_id) };
    match partner_clients::renew(&state.pool, &who.actor(), who.seller(), &client.client_id, &renewal, today()).await {
        Ok(bought) => {
            tracing::info!(client = %bought.client_id, license_years = bought.license_years, "client renewed from the console");
            let to = format!("/partner/renewals?done=renewed&name={}", encode(&client.name));
            Ok(Redirect::to(&to).into_response())
        }
        Err(Error::NotFound) => Err(Error::NotFound.into()),
        Err(e) => {
            let status = e.status();
            let problem = Some(frame.page.error(&e));
            let page = dialog(frame, here, Some(client), products, &form, users, problem);
            with_status(&page, status)
        }
    }
}

/// The create-client dialog.
pub async fn create_page(
    State(state): State<AppState>,
    who: PartnerVisit,
    Query(form): Query<DialogForm>,
) -> Result<Response, WebError> {
    let products = balances(&state, who.seller()).await?;
    let frame = Frame::new(&who, "clients", "/partner/clients/new");
    render(&dialog(frame, "/partner/clients/new".into(), None, products, &form, 1, None))
}

/// Creates a client with its first term (or shows the numbers again).
pub async fn create(
    State(state): State<AppState>,
    who: PartnerVisit,
    Form(form): Form<DialogForm>,
) -> Result<Response, WebError> {
    let products = balances(&state, who.seller()).await?;
    let frame = Frame::new(&who, "clients", "/partner/clients/new");
    let action = "/partner/clients/new".to_owned();
    if form.recalculate() {
        return render(&dialog(frame, action, None, products, &form, 1, None));
    }
    let name = form.name.as_ref().map(|n| n.trim().to_owned()).unwrap_or_default();
    let (Some(years), Some(users), false) =
        (number(form.years.as_ref(), 100), number(form.users.as_ref(), u32::MAX), name.is_empty())
    else {
        let problem = name.is_empty().then(|| frame.page.t("partner-dialog-name-needed"));
        let page = dialog(frame, action, None, products, &form, 1, problem);
        return with_status(&page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let product = form.product.as_ref().map(|p| p.to_string()).unwrap_or_default();
    let new = NewClient { name: &name, product: &product, users, years, starts_on: None };
    let admin_email = form.admin_email.as_deref();
    let created = partner_clients::create_client_with_admin(
        &state.pool,
        &state.mailer,
        &who.actor(),
        who.seller(),
        &new,
        admin_email,
        today(),
    )
    .await;
    match created {
        Ok((bought, _)) => {
            tracing::info!(client = %bought.client_id, license_years = bought.license_years, "client created from the console");
            Ok(Redirect::to(&format!("/partner/clients?done=created&name={}", encode(&name))).into_response())
        }
        Err(e) => {
            let status = e.status();
            let problem = Some(frame.page.error(&e));
            let page = dialog(frame, action, None, products, &form, 1, problem);
            with_status(&page, status)
        }
    }
}

fn with_status(page: &DialogPage, status: StatusCode) -> Result<Response, WebError> {
    let mut response = render(page)?;
    *response.status_mut() = status;
    Ok(response)
}

/// A query value, percent-encoded.
pub(super) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
