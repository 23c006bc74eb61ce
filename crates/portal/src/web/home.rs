//! The home page (activation key, Licenses and Supports tables) and a license's details with
//! its machines, each of which can be deactivated to free its seat.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::session::SignedIn;
use super::{Page, Pager, WebError, render};
use crate::domain::{LicenseId, Text};
use crate::error::{Error, Result};
use crate::services::licensing::{self, License};
use crate::state::AppState;
use crate::store;

/// One row of the Licenses table.
#[derive(Debug)]
pub struct LicenseRow {
    pub id: LicenseId,
    pub application: String,
    pub serial: String,
    pub computers: Vec<String>,
    /// Days left in the term; `None` for a perpetual license.
    pub days: Option<i64>,
    pub users: i64,
    pub edition: String,
    pub order: Option<String>,
    pub issued_at: i64,
    /// The license state's code for its label: `VALID`, `EXPIRED`, `SUSPENDED` or `REVOKED`.
    pub state: &'static str,
    pub expires_at: Option<i64>,
    pub support_until: Option<i64>,
    /// Whether a support term covers today.
    pub supported: bool,
}

impl LicenseRow {
    fn new(license: License, computers: Vec<String>, now: i64) -> Self {
        let summary = license.summary(now);
        Self {
            days: summary.days,
            supported: summary.supported,
            state: summary.state,
            application: license.product_name,
            serial: license.serial.into(),
            computers,
            users: license.users,
            edition: license.edition,
            order: license.order_reference,
            issued_at: license.issued_at,
            expires_at: license.expires_at,
            support_until: license.support_until,
            id: license.id,
        }
    }
}

/// One row of the Supports table.
#[derive(Debug)]
pub struct SupportRow {
    pub license_id: String,
    pub application: String,
    pub serial: String,
    pub users: i64,
    pub edition: String,
    pub order: Option<String>,
    pub starts_at: i64,
    pub years: i64,
    /// The computers its license is active on (the seed's "Serial number / Computer").
    pub computers: Vec<String>,
}

#[derive(Template)]
#[template(path = "web/home.html")]
struct HomePage {
    page: Page,
    activation_key: String,
    licenses: Vec<LicenseRow>,
    licenses_pager: Option<Pager>,
    supports: Vec<SupportRow>,
    supports_pager: Option<Pager>,
}

/// `?page=` pages the Licenses table, `?supports=` the Supports table.
#[derive(Debug, Deserialize)]
pub struct HomeQuery {
    page: Option<i64>,
    supports: Option<i64>,
}

fn home_href(licenses: i64, supports: i64) -> String {
    format!("/?page={licenses}&supports={supports}")
}

pub async fn home(
    State(state): State<AppState>,
    who: SignedIn,
    Query(query): Query<HomeQuery>,
) -> Result<Response, WebError> {
    let pool = &state.pool;
    let customer = who.customer_id.as_str();
    let activation_key = store::customers::by_id(pool, customer).await?.ok_or(Error::NotFound)?.activation_key;
    let licenses = store::licenses::page_of_customer(pool, &who.customer_id, query.page).await?;
    let supports = store::support::page_of_customer(pool, customer, query.supports).await?;
    // The computers of both tables' licenses, in one query.
    let ids: Vec<&str> = licenses
        .rows
        .iter()
        .map(|l| l.id.as_str())
        .chain(supports.rows.iter().map(|s| s.license_id.as_str()))
        .collect();
    let mut computers = store::machines::hostnames_of(pool, &ids).await?;
    let now = store::now();
    let (at, support_at) = (licenses.at, supports.at);
    let support_rows = supports
        .rows
        .into_iter()
        .map(|term| SupportRow {
            computers: computers.get(&term.license_id).cloned().unwrap_or_default(),
            license_id: term.license_id,
            application: term.product_name,
            serial: term.serial,
            users: term.users,
            edition: term.edition,
            order: term.order_reference,
            starts_at: term.starts_at,
            years: term.years,
        })
        .collect();
    let license_rows = licenses
        .rows
        .into_iter()
        .map(|license| {
            let on = computers.remove(license.id.as_str()).unwrap_or_default();
            LicenseRow::new(license, on, now)
        })
        .collect();
    let here = home_href(at.page, support_at.page);
    let page = Page::new(&who.visit, "home", here);
    let licenses_pager = page.pager(at, |n| home_href(n, support_at.page));
    let supports_pager = page.pager(support_at, |n| home_href(at.page, n));
    render(&HomePage {
        page,
        activation_key,
        licenses: license_rows,
        licenses_pager,
        supports: support_rows,
        supports_pager,
    })
}

#[derive(Template)]
#[template(path = "web/license.html")]
struct LicensePage {
    page: Page,
    license: LicenseRow,
    used: i64,
    max: i64,
    machines: Vec<licensing::Machine>,
    supports: Vec<store::support::Term>,
    deactivated: bool,
    /// Why the license file form could not give a file, with what was typed in it.
    file_problem: Option<String>,
    file_fingerprint: String,
    file_computer: String,
}

#[derive(Debug, Deserialize)]
pub struct LicenseQuery {
    deactivated: Option<u8>,
}

pub async fn license(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    Query(query): Query<LicenseQuery>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "home", format!("/licenses/{id}"));
    let Some(mut view) = license_page(&state, &who, page, &id).await? else {
        return Err(WebError::not_found(&Page::new(&who.visit, "home", format!("/licenses/{id}"))));
    };
    view.deactivated = query.deactivated == Some(1);
    render(&view)
}

/// The license page again, its license file form showing `problem` (with the status of the
/// problem) and what was typed.
pub async fn license_with_problem(
    state: &AppState,
    who: &SignedIn,
    id: &str,
    problem: &Error,
    fingerprint: &str,
    computer: Option<&str>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "home", format!("/licenses/{id}"));
    if let Error::Internal(_) = problem {
        return Err(WebError::from(Error::Internal("the license file could not be made".into())));
    }
    let message = page.error(problem);
    let Some(mut view) = license_page(state, who, page, id).await? else {
        return Err(WebError::not_found(&Page::new(&who.visit, "home", format!("/licenses/{id}"))));
    };
    view.file_problem = Some(message);
    view.file_fingerprint = fingerprint.to_owned();
    view.file_computer = computer.unwrap_or_default().to_owned();
    let mut response = render(&view)?;
    *response.status_mut() = problem.status();
    Ok(response)
}

async fn license_page(state: &AppState, who: &SignedIn, page: Page, id: &str) -> Result<Option<LicensePage>> {
    let Some(license) = store::licenses::of_customer(&state.pool, &who.customer_id, id).await? else {
        return Ok(None);
    };
    let supports = store::support::terms_of(&state.pool, &license.id).await?;
    let machines = store::machines::all_of(&state.pool, &license.id).await?;
    let (used, max) = (license.used_machines, license.max_machines);
    let computers = machines.iter().map(|m| m.hostname.clone()).collect();
    Ok(Some(LicensePage {
        used,
        max,
        page,
        license: LicenseRow::new(license, computers, store::now()),
        machines,
        supports,
        deactivated: false,
        file_problem: None,
        file_fingerprint: String::new(),
        file_computer: String::new(),
    }))
}

/// Deactivates one machine of the customer's own license, giving its seat back.
pub async fn deactivate(
    State(state): State<AppState>,
    who: SignedIn,
    Path((id, machine)): Path<(Text<64>, Text<64>)>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "home", "/");
    let Some((license, machine)) = licensing::own_machine(&state.pool, &who.customer_id, &id, &machine).await? else {
        return Err(WebError::not_found(&page));
    };
    let actor = crate::domain::Actor::customer(&who.customer_id);
    licensing::release_seat(&state.pool, &actor, &license, &machine).await?;
    tracing::info!(license = %license.id, machine = %machine.id, "machine deactivated from the customer pages");
    Ok(Redirect::to(&format!("/licenses/{}?deactivated=1", license.id)).into_response())
}
