//! Programs and keys (seed 002): the customer's licensed programs, and *Generate keys*: an
//! installation key in, the table comparing requested with entitled parameters and, when every
//! row passes, the registration key. The work is the API's own ([`registration::register`]).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use sqlx::Row as _;

use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::error::Error;
use crate::http::AppState;
use crate::http::registration::{self, Value};

/// One licensed program.
#[derive(Debug)]
pub struct Program {
    pub product: String,
    pub serial: String,
    pub edition: String,
    pub workstations: i64,
    pub support_until: Option<i64>,
}

/// One row of the comparison, in the page's words.
#[derive(Debug)]
pub struct Row {
    pub parameter: String,
    pub requested: String,
    pub entitled: String,
    pub ok: bool,
}

#[derive(Template)]
#[template(path = "keys.html")]
struct KeysPage {
    page: Page,
    programs: Vec<Program>,
    installation_key: String,
    rows: Vec<Row>,
    registration_key: Option<String>,
    problem: Option<String>,
}

async fn programs(state: &AppState, customer: &str) -> Result<Vec<Program>, Error> {
    let rows = sqlx::query(
        "SELECT p.name, l.serial, l.edition, l.users, \
         (SELECT MAX(s.ends_at) FROM support_terms s WHERE s.license_id = l.id) \
         FROM licenses l JOIN products p ON p.id = l.product_id WHERE l.customer_id = $1 \
         ORDER BY p.name, l.serial",
    )
    .bind(customer)
    .fetch_all(&state.pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Program {
                product: row.try_get(0)?,
                serial: row.try_get(1)?,
                edition: row.try_get(2)?,
                workstations: row.try_get(3)?,
                support_until: row.try_get(4)?,
            })
        })
        .collect()
}

async fn keys_page(state: &AppState, who: &SignedIn) -> Result<KeysPage, WebError> {
    Ok(KeysPage {
        page: Page::new(&who.visit, "keys", "/keys"),
        programs: programs(state, &who.customer_id).await?,
        installation_key: String::new(),
        rows: Vec::new(),
        registration_key: None,
        problem: None,
    })
}

/// The programs and the *Generate keys* form.
pub async fn page(State(state): State<AppState>, who: SignedIn) -> Result<Response, WebError> {
    render(&keys_page(&state, &who).await?)
}

#[derive(Debug, Deserialize)]
pub struct GenerateForm {
    installation_key: String,
}

fn words(page: &Page, value: &Value) -> String {
    match value {
        Value::Text(text) => text.clone(),
        Value::Count(n) => n.to_string(),
        Value::ReleasesUntil(Some(until)) => page.t1("web-keys-releases-until", "date", &page.date(until)),
        Value::ReleasesUntil(None) => page.t("web-keys-no-support"),
        Value::InForce => page.t("web-keys-in-force"),
        Value::Term { refusal: Some(code), .. } => page.state(code),
        Value::Term { refusal: None, until: Some(until) } => page.t1("web-keys-until", "date", &page.date(until)),
        Value::Term { refusal: None, until: None } => page.t("dashboard-perpetual"),
    }
}

/// An installation key in: the comparison and, when it all passes, the registration key.
pub async fn generate(
    State(state): State<AppState>,
    who: SignedIn,
    axum::Form(form): axum::Form<GenerateForm>,
) -> Result<Response, WebError> {
    let mut view = keys_page(&state, &who).await?;
    view.installation_key = form.installation_key.trim().to_owned();
    match registration::register(&state, &who.customer_id, &view.installation_key).await {
        Ok(done) => {
            view.rows = done
                .rows
                .iter()
                .map(|row| Row {
                    parameter: view.page.t(&format!("web-keys-parameter-{}", row.parameter)),
                    requested: words(&view.page, &row.requested),
                    entitled: words(&view.page, &row.entitled),
                    ok: row.ok,
                })
                .collect();
            view.registration_key = done.registration_key;
            render(&view)
        }
        Err(Error::Internal(detail)) => Err(WebError::internal(&detail)),
        Err(error) => {
            view.problem = Some(match error {
                Error::NotFound => view.page.t("web-keys-no-license"),
                _ => view.page.error(&error),
            });
            let mut response = render(&view)?;
            *response.status_mut() = error.status();
            Ok(response)
        }
    }
}
