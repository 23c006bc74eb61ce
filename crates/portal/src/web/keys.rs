//! Programs and keys (seed 002): *Programs and information* (see [`programs`]), and *Generate
//! keys*: an installation key in, the table comparing requested with entitled parameters and, when
//! every row passes, the registration key. The work is the API's own ([`registration::register`]).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use super::programs::{self, Program};
use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::domain::Text;
use crate::error::Error;
use crate::services::registration::{self, Value};
use crate::state::AppState;

/// One row of the comparison, in the page's words.
#[derive(Debug)]
pub struct Row {
    pub parameter: String,
    pub requested: String,
    pub entitled: String,
    pub ok: bool,
}

#[derive(Template)]
#[template(path = "web/keys.html")]
struct KeysPage {
    page: Page,
    programs: Vec<Program>,
    installation_key: String,
    rows: Vec<Row>,
    registration_key: Option<String>,
    problem: Option<String>,
}

async fn keys_page(state: &AppState, who: &SignedIn) -> Result<KeysPage, WebError> {
    let page = Page::new(&who.visit, "keys", "/keys");
    Ok(KeysPage {
        programs: programs::programs(&state.pool, &page, &who.customer_id).await?,
        page,
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
    installation_key: Text<256>,
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
    let installation_key = form.installation_key.trim().to_owned();
    let registered = registration::register(&state, &who.customer_id, &installation_key).await;
    // The programs table is read after the registration, so it shows the key just issued.
    let mut view = keys_page(&state, &who).await?;
    view.installation_key = installation_key;
    match registered {
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
