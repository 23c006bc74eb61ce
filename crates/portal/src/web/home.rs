//! The home page (activation key, Licenses and Supports tables) and a license's details with
//! its machines, each of which can be deactivated to free its seat.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use sqlx::{AnyPool, Row as _};

use super::session::SignedIn;
use super::{PER_PAGE, Page, Pager, Paging, WebError, render};
use crate::db;
use crate::domain::Text;
use crate::error::{Error, Result};
use crate::licensing;
use crate::state::AppState;

/// One row of the Licenses table.
#[derive(Debug)]
pub struct LicenseRow {
    pub id: String,
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

const LICENSE_SELECT: &str = "SELECT l.id, p.name, l.serial, l.users, l.edition, o.reference, l.issued_at, \
     l.expires_at, l.status, (SELECT MAX(s.ends_at) FROM support_terms s WHERE s.license_id = l.id) \
     FROM licenses l JOIN products p ON p.id = l.product_id LEFT JOIN orders o ON o.id = l.order_id";

async fn license_row(pool: &AnyPool, row: &sqlx::any::AnyRow, now: i64) -> Result<LicenseRow> {
    let id: String = row.try_get(0)?;
    let expires_at: Option<i64> = row.try_get(7)?;
    let support_until: Option<i64> = row.try_get(9)?;
    let computers = sqlx::query_scalar("SELECT hostname FROM machines WHERE license_id = $1 ORDER BY activated_at")
        .bind(&id)
        .fetch_all(pool)
        .await?;
    Ok(LicenseRow {
        application: row.try_get(1)?,
        serial: row.try_get(2)?,
        computers,
        days: expires_at.map(|at| ((at - now) / 86_400).max(0)),
        users: row.try_get(3)?,
        edition: row.try_get(4)?,
        order: row.try_get(5)?,
        issued_at: row.try_get(6)?,
        state: state_of(&row.try_get::<String, _>(8)?, expires_at, now),
        expires_at,
        support_until,
        supported: support_until.is_some_and(|until| until > now),
        id,
    })
}

fn state_of(status: &str, expires_at: Option<i64>, now: i64) -> &'static str {
    match status {
        "revoked" => "REVOKED",
        "suspended" => "SUSPENDED",
        _ if expires_at.is_some_and(|at| at <= now) => "EXPIRED",
        _ => "VALID",
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
    let activation_key: String = sqlx::query_scalar("SELECT activation_key FROM customers WHERE id = $1")
        .bind(customer)
        .fetch_one(pool)
        .await
        .map_err(Error::from)?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM licenses WHERE customer_id = $1")
        .bind(customer)
        .fetch_one(pool)
        .await
        .map_err(Error::from)?;
    let at = Paging::new(query.page, count);
    let rows = sqlx::query(&format!(
        "{LICENSE_SELECT} WHERE l.customer_id = $1 ORDER BY l.issued_at DESC, l.serial LIMIT $2 OFFSET $3"
    ))
    .bind(customer)
    .bind(PER_PAGE)
    .bind(at.offset())
    .fetch_all(pool)
    .await
    .map_err(Error::from)?;
    let now = db::now();
    let mut licenses = Vec::with_capacity(rows.len());
    for row in &rows {
        licenses.push(license_row(pool, row, now).await?);
    }
    let support_count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM support_terms s JOIN licenses l ON l.id = s.license_id WHERE l.customer_id = $1",
    )
    .bind(customer)
    .fetch_one(pool)
    .await
    .map_err(Error::from)?;
    let support_at = Paging::new(query.supports, support_count);
    let supports = supports_of(pool, customer, support_at).await?;
    let here = home_href(at.page, support_at.page);
    let page = Page::new(&who.visit, "home", here);
    let licenses_pager = page.pager(at, |n| home_href(n, support_at.page));
    let supports_pager = page.pager(support_at, |n| home_href(at.page, n));
    render(&HomePage { page, activation_key, licenses, licenses_pager, supports, supports_pager })
}

async fn supports_of(pool: &AnyPool, customer: &str, at: Paging) -> Result<Vec<SupportRow>> {
    let rows = sqlx::query(
        "SELECT l.id, p.name, l.serial, l.users, l.edition, o.reference, s.starts_at, s.years \
         FROM support_terms s JOIN licenses l ON l.id = s.license_id JOIN products p ON p.id = l.product_id \
         LEFT JOIN orders o ON o.id = s.order_id WHERE l.customer_id = $1 \
         ORDER BY s.starts_at DESC, l.serial LIMIT $2 OFFSET $3",
    )
    .bind(customer)
    .bind(PER_PAGE)
    .bind(at.offset())
    .fetch_all(pool)
    .await?;
    let mut supports = Vec::with_capacity(rows.len());
    for row in &rows {
        let license_id: String = row.try_get(0)?;
        let computers = sqlx::query_scalar("SELECT hostname FROM machines WHERE license_id = $1 ORDER BY activated_at")
            .bind(&license_id)
            .fetch_all(pool)
            .await?;
        supports.push(SupportRow {
            license_id,
            application: row.try_get(1)?,
            serial: row.try_get(2)?,
            users: row.try_get(3)?,
            edition: row.try_get(4)?,
            order: row.try_get(5)?,
            starts_at: row.try_get(6)?,
            years: row.try_get(7)?,
            computers,
        });
    }
    Ok(supports)
}

/// The customer's own license `id`; `None` for another customer's, exactly as for none at all.
async fn own_license(pool: &AnyPool, customer: &str, id: &str) -> Result<Option<LicenseRow>> {
    let row = sqlx::query(&format!("{LICENSE_SELECT} WHERE l.id = $1 AND l.customer_id = $2"))
        .bind(id)
        .bind(customer)
        .fetch_optional(pool)
        .await?;
    match row {
        Some(row) => Ok(Some(license_row(pool, &row, db::now()).await?)),
        None => Ok(None),
    }
}

#[derive(Template)]
#[template(path = "web/license.html")]
struct LicensePage {
    page: Page,
    license: LicenseRow,
    used: i64,
    max: i64,
    machines: Vec<licensing::Machine>,
    supports: Vec<(i64, i64, i64)>,
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
    let Some(license) = own_license(&state.pool, &who.customer_id, id).await? else {
        return Ok(None);
    };
    let seats = sqlx::query("SELECT used_machines, max_machines FROM licenses WHERE id = $1")
        .bind(&license.id)
        .fetch_one(&state.pool)
        .await?;
    let supports =
        sqlx::query("SELECT starts_at, years, ends_at FROM support_terms WHERE license_id = $1 ORDER BY starts_at")
            .bind(&license.id)
            .fetch_all(&state.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect::<Result<Vec<_>>>()?;
    let machines = licensing::machines_of(&state.pool, &license.id).await?;
    Ok(Some(LicensePage {
        used: seats.try_get(0)?,
        max: seats.try_get(1)?,
        page,
        license,
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
    let Some(license) = own_license(&state.pool, &who.customer_id, &id).await? else {
        return Err(WebError::not_found(&page));
    };
    let machines = licensing::machines_of(&state.pool, &license.id).await?;
    let Some(machine) = machines.iter().find(|m| m.id == machine.as_str()) else {
        return Err(WebError::not_found(&page));
    };
    licensing::release_seat(&state.pool, machine).await?;
    tracing::info!(license = %license.id, machine = %machine.id, "machine deactivated from the customer pages");
    Ok(Redirect::to(&format!("/licenses/{}?deactivated=1", license.id)).into_response())
}
