//! The partner and reseller console under `/partner` (seed 003): a partner's or reseller's people sign in to a session of their own, see their clients coloured by standing, renew them (one or several at once) and create them out of their pool, and read the pool's ledger; every client route goes through `client_seen_by`, so another seller's client is a 404 like a missing one.

mod admin;
mod clients;
mod dashboard;
mod dialog;
mod people;
mod pool;
mod renewals;
mod sign_in;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};
use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::session::Visit;
use super::{Page, WebError};
use crate::domain::Actor;
use crate::services::partner_clients::ClientLine;
use crate::state::AppState;
use crate::store::partner_staff::PartnerUser;

/// Every console route, its methods and whether it needs a signed-in person: one list,
/// mounted by the pages' router, walked by the tests.
fn routes() -> Vec<(&'static str, MethodRouter<AppState>, bool)> {
    vec![
        ("/partner/login", get(sign_in::page).post(sign_in::sign_in), false),
        ("/partner/password/forgot", get(sign_in::forgot_page).post(sign_in::forgot), false),
        ("/partner/password/{token}", get(sign_in::password_page).post(sign_in::set_password), false),
        ("/partner/logout", post(sign_in::sign_out), true),
        ("/partner", get(dashboard::dashboard), true),
        ("/partner/clients", get(clients::list), true),
        ("/partner/clients.csv", get(clients::export), true),
        ("/partner/clients/new", get(dialog::create_page).post(dialog::create), true),
        ("/partner/clients/{id}/renew", get(dialog::renew_page).post(dialog::renew), true),
        ("/partner/clients/{id}/admin", get(admin::page).post(admin::name), true),
        ("/partner/renewals", get(renewals::list), true),
        ("/partner/renewals/bulk", post(renewals::bulk), true),
        ("/partner/pool", get(pool::page), true),
        ("/partner/pool/transfer", post(pool::transfer), true),
        ("/partner/people", get(people::page), true),
        ("/partner/people/invite", post(people::invite), true),
        ("/partner/people/{id}/disable", post(people::disable), true),
    ]
}

/// The console's routes with the guard of those that need a signed-in person.
pub(super) fn pages() -> Vec<(&'static str, MethodRouter<AppState>)> {
    routes()
        .into_iter()
        .map(
            |(path, methods, signed_in)| {
                if signed_in {
                    (path, methods.route_layer(axum::middleware::from_fn(require)))
                } else {
                    (path, methods)
                }
            },
        )
        .collect()
}

/// Sends a visitor who is not signed in to the console to its sign-in page.
async fn require(request: Request, next: Next) -> Response {
    let Some(visit) = request.extensions().get::<Visit>() else {
        return WebError::internal("the session guard did not run").into_response();
    };
    if visit.partner.is_none() {
        return Redirect::to("/partner/login").into_response();
    }
    next.run(request).await
}

/// A visit by a signed-in person of a partner or reseller.
#[derive(Debug, Clone)]
pub struct PartnerVisit {
    pub visit: Visit,
    pub user: PartnerUser,
}

impl PartnerVisit {
    /// The organisation they act for.
    pub fn seller(&self) -> &str {
        &self.user.organisation_id
    }

    /// Who acts, as the ledger names them.
    pub fn actor(&self) -> Actor {
        Actor::partner(&self.user.email)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PartnerVisit {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visit = Visit::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        match visit.partner.clone() {
            Some(user) => Ok(Self { visit, user }),
            None => Err(Redirect::to("/partner/login").into_response()),
        }
    }
}

/// What every console page's frame needs: the page's words and forms, and who is signed in for whom.
#[derive(Debug, Clone)]
pub struct Frame {
    pub page: Page,
    pub email: String,
    pub organisation: String,
    /// Whether the organisation is a partner (it has resellers) rather than a reseller.
    pub partner: bool,
    /// The menu entry to mark: `dashboard`, `clients`, `renewals`, `pool`, `people`.
    pub nav: &'static str,
}

impl Frame {
    fn new(visit: &PartnerVisit, nav: &'static str, here: &str) -> Self {
        Self {
            page: Page::new(&visit.visit, "", here),
            email: visit.user.email.clone(),
            organisation: visit.user.organisation_name.clone(),
            partner: visit.user.organisation_kind == "partner",
            nav,
        }
    }

    /// A client's standing in words (`partner-standing-*`).
    pub fn standing(&self, code: &str) -> String {
        self.page.t(&format!("partner-standing-{code}"))
    }

    /// What a standing of the legend means (`partner-legend-*`).
    pub fn legend(&self, code: &str) -> String {
        self.page.t(&format!("partner-legend-{code}"))
    }
}

/// The icon beside a standing's colour and word: never the colour alone.
#[must_use]
pub fn standing_icon(code: &str) -> &'static str {
    match code {
        "renewed" => "✓",
        "ended" => "✕",
        "ending" => "⚠",
        "not-started" => "○",
        "active" => "●",
        _ => "–",
    }
}

/// A line of the client lists as the pages show it.
#[derive(Debug, Clone)]
pub struct ClientRow {
    pub client_id: String,
    pub name: String,
    pub product_id: String,
    pub product: String,
    pub reseller: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub years: i64,
    pub users: i64,
    /// `renewed`, `ended`, `ending`, `not-started`, `active` or `none` (no term).
    pub standing: &'static str,
    pub renewed_until: Option<NaiveDate>,
    /// The administrator of the customer company the client is linked to.
    pub admin_email: Option<String>,
}

impl ClientRow {
    fn of(line: ClientLine, products: &BTreeMap<String, String>) -> Self {
        let parse = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        let product_id = line.current.as_ref().map(|t| t.product_id.clone()).unwrap_or_default();
        Self {
            client_id: line.client.id,
            name: line.client.name,
            product: products.get(&product_id).cloned().unwrap_or_else(|| product_id.clone()),
            product_id,
            reseller: line.reseller,
            start: line.current.as_ref().and_then(|t| parse(&t.starts_on)),
            end: line.current.as_ref().and_then(|t| parse(&t.ends_on)),
            years: line.current.as_ref().map_or(0, |t| t.years),
            users: line.current.as_ref().map_or(0, |t| t.users),
            standing: line.standing.map_or("none", tessera_billing::PoolStanding::as_str),
            renewed_until: line.renewed_until.as_deref().and_then(parse),
            admin_email: line.client.admin_email,
        }
    }

    /// The icon of its standing.
    pub fn icon(&self) -> &'static str {
        standing_icon(self.standing)
    }
}

/// The rows of `lines`, products named.
async fn rows(state: &AppState, lines: Vec<ClientLine>) -> Result<Vec<ClientRow>, WebError> {
    let products = crate::services::pools::product_names(&state.pool).await?;
    Ok(lines.into_iter().map(|line| ClientRow::of(line, &products)).collect())
}

/// Today, in the portal's calendar (UTC).
fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The standings the legend explains, in the list's order of importance.
pub const LEGEND: [&str; 4] = ["renewed", "ended", "ending", "not-started"];

/// Each console path (for the isolation tests).
#[must_use]
pub fn paths() -> Vec<&'static str> {
    routes().into_iter().map(|(path, _, _)| path).collect()
}
