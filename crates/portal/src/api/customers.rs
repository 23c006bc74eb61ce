//! Customer sign-in with e-mail and order number (seed 000), and the customer's own licenses and supports.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::header;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppJson;
use crate::domain::{CustomerId, Email, OrderRef, Text, TokenHash, new_token};
use crate::error::{Error, ErrorBody, Result};
use crate::state::AppState;
use crate::store;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in))
        .routes(routes!(me))
        .routes(routes!(my_licenses))
        .routes(routes!(my_supports))
}

/// How long an API session lasts.
const SESSION_SECONDS: i64 = 12 * 3600;

/// Sign-in with the purchase e-mail and any of the customer's order numbers.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignInBody {
    pub email: Text<254>,
    pub order_reference: Text<64>,
}

/// A bearer token for the customer's endpoints.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionResponse {
    pub token: String,
    pub expires_at: String,
}

/// Signs a customer in with e-mail and order number; any of their orders works.
#[utoipa::path(post, path = "/api/v1/session", tag = "customer", request_body = SignInBody,
    responses((status = 200, body = SessionResponse),
              (status = 401, description = "SIGN_IN_FAILED", body = ErrorBody),
              (status = 429, description = "RATE_LIMITED, with Retry-After", body = ErrorBody)))]
async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    AppJson(body): AppJson<SignInBody>,
) -> Result<AppJson<SessionResponse>> {
    let email = Email::normalized(&body.email);
    state.limits.sign_in(address, &email).await?;
    let order = OrderRef::normalise(&body.order_reference);
    let customer = store::customers::by_email_and_order(&state.pool, &email, &order).await?;
    let customer = customer.ok_or(Error::SignInFailed)?;
    let token = new_token()?;
    let now = store::now();
    store::sessions::start_api_session(&state.pool, &TokenHash::of(&token), &customer, now, now + SESSION_SECONDS)
        .await?;
    let expires_at =
        tessera_core::Timestamp::from_unix(now + SESSION_SECONDS).map(|t| t.to_string()).unwrap_or_default();
    Ok(AppJson(SessionResponse { token, expires_at }))
}

/// The signed-in customer, from `Authorization: Bearer <token>`.
#[derive(Debug, Clone)]
pub struct Customer {
    pub id: CustomerId,
}

impl FromRequestParts<AppState> for Customer {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.get(..7).filter(|scheme| scheme.eq_ignore_ascii_case("bearer ")).map(|_| &v[7..]))
            .ok_or(Error::Unauthenticated)?;
        let id = store::sessions::api_customer(&state.pool, &TokenHash::of(token.trim()), store::now()).await?;
        id.map(|id| Self { id: CustomerId::new(id) }).ok_or(Error::Unauthenticated)
    }
}

/// The customer and their activation key (seed 000's home page).
#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    pub company: String,
    pub email: String,
    pub country: String,
    pub city: String,
    pub activation_key: String,
}

/// Who is signed in, and their activation key.
#[utoipa::path(get, path = "/api/v1/me", tag = "customer", security(("bearer" = [])),
    responses((status = 200, body = MeResponse), (status = 401, description = "UNAUTHENTICATED", body = ErrorBody)))]
async fn me(State(state): State<AppState>, customer: Customer) -> Result<AppJson<MeResponse>> {
    let row = store::customers::by_id(&state.pool, &customer.id).await?.ok_or(Error::Unauthenticated)?;
    Ok(AppJson(MeResponse {
        company: row.company,
        email: row.email,
        country: row.country,
        city: row.city,
        activation_key: row.activation_key,
    }))
}

fn date(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

/// One row of the Licenses table (seed 000).
#[derive(Debug, Serialize, ToSchema)]
pub struct LicenseRow {
    pub license_id: String,
    /// Application (product id).
    pub application: String,
    pub serial: String,
    /// Host names of the computers holding seats.
    pub computers: Vec<String>,
    /// Days left in the term; `null` for perpetual licenses.
    pub days: Option<i64>,
    pub users: i64,
    pub edition: String,
    pub order_reference: Option<String>,
    /// Issue date, `YYYY-MM-DD`.
    pub date: String,
    pub status: String,
    pub machines_used: i64,
    pub machines_max: i64,
    /// Whether a support term covers today.
    pub support: bool,
    pub support_until: Option<String>,
}

/// The customer's licenses, newest first.
#[utoipa::path(get, path = "/api/v1/me/licenses", tag = "customer", security(("bearer" = [])),
    responses((status = 200, body = [LicenseRow]), (status = 401, description = "UNAUTHENTICATED", body = ErrorBody)))]
async fn my_licenses(State(state): State<AppState>, customer: Customer) -> Result<AppJson<Vec<LicenseRow>>> {
    let now = store::now();
    let licenses = store::licenses::all_of_customer(&state.pool, &customer.id).await?;
    let ids: Vec<&str> = licenses.iter().map(|l| l.id.as_str()).collect();
    let mut computers = store::machines::hostnames_of(&state.pool, &ids).await?;
    let rows = licenses
        .into_iter()
        .map(|license| LicenseRow {
            days: license.summary(now).days,
            support: license.summary(now).supported,
            support_until: license.support_until.map(date),
            computers: computers.remove(license.id.as_str()).unwrap_or_default(),
            application: license.product_id,
            serial: license.serial.into(),
            users: license.users,
            edition: license.edition,
            order_reference: license.order_reference,
            date: date(license.issued_at),
            status: store::licenses::status_code(license.status).to_owned(),
            machines_used: license.used_machines,
            machines_max: license.max_machines,
            license_id: license.id.to_string(),
        })
        .collect();
    Ok(AppJson(rows))
}

/// One row of the Supports table (seed 000).
#[derive(Debug, Serialize, ToSchema)]
pub struct SupportRow {
    pub application: String,
    pub serial: String,
    pub users: i64,
    pub edition: String,
    pub order_reference: Option<String>,
    /// Start date, `YYYY-MM-DD`.
    pub date: String,
    /// Duration in years.
    pub years: i64,
    pub ends: String,
}

/// The customer's support and update terms, newest first.
#[utoipa::path(get, path = "/api/v1/me/supports", tag = "customer", security(("bearer" = [])),
    responses((status = 200, body = [SupportRow]), (status = 401, description = "UNAUTHENTICATED", body = ErrorBody)))]
async fn my_supports(State(state): State<AppState>, customer: Customer) -> Result<AppJson<Vec<SupportRow>>> {
    let supports = store::support::all_of_customer(&state.pool, &customer.id)
        .await?
        .into_iter()
        .map(|term| SupportRow {
            application: term.product_id,
            serial: term.serial,
            users: term.users,
            edition: term.edition,
            order_reference: term.order_reference,
            date: date(term.starts_at),
            years: term.years,
            ends: date(term.ends_at),
        })
        .collect();
    Ok(AppJson(supports))
}
