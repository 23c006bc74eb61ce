//! Customer sign-in with e-mail and order number (seed 000), and the customer's own licenses and supports.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::header;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use sqlx::Row as _;
use tessera_core::encoding::hex;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppJson;
use crate::db;
use crate::domain::{Email, OrderRef, Text};
use crate::error::{Error, ErrorBody, Result};
use crate::licensing;
use crate::state::AppState;

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

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
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
    state.limits.sign_in(address, &email)?;
    let customer: Option<String> = sqlx::query_scalar(
        "SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.email = $1 AND o.reference = $2",
    )
    .bind(email.as_str())
    .bind(OrderRef::normalise(&body.order_reference).as_str())
    .fetch_optional(&state.pool)
    .await?;
    let customer = customer.ok_or(Error::SignInFailed)?;
    let mut secret = [0u8; 32];
    tessera_core::encoding::random_bytes(&mut secret)?;
    let token = tessera_core::encoding::base64_url(&secret);
    let now = db::now();
    sqlx::query("INSERT INTO api_sessions (token_hash, customer_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash(&token))
        .bind(&customer)
        .bind(now)
        .bind(now + SESSION_SECONDS)
        .execute(&state.pool)
        .await?;
    let expires_at =
        tessera_core::Timestamp::from_unix(now + SESSION_SECONDS).map(|t| t.to_string()).unwrap_or_default();
    Ok(AppJson(SessionResponse { token, expires_at }))
}

/// The signed-in customer, from `Authorization: Bearer <token>`.
#[derive(Debug, Clone)]
pub struct Customer {
    pub id: String,
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
        let id: Option<String> =
            sqlx::query_scalar("SELECT customer_id FROM api_sessions WHERE token_hash = $1 AND expires_at > $2")
                .bind(token_hash(token.trim()))
                .bind(db::now())
                .fetch_optional(&state.pool)
                .await?;
        id.map(|id| Self { id }).ok_or(Error::Unauthenticated)
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
    let row = sqlx::query("SELECT company, email, country, city, activation_key FROM customers WHERE id = $1")
        .bind(&customer.id)
        .fetch_one(&state.pool)
        .await?;
    Ok(AppJson(MeResponse {
        company: row.try_get(0)?,
        email: row.try_get(1)?,
        country: row.try_get(2)?,
        city: row.try_get(3)?,
        activation_key: row.try_get(4)?,
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
    let now = db::now();
    let mut rows = Vec::new();
    for license in licensing::licenses_of_customer(&state.pool, &customer.id).await? {
        let computers =
            licensing::machines_of(&state.pool, &license.id).await?.into_iter().map(|m| m.hostname).collect();
        rows.push(LicenseRow {
            days: license.expires_at.map(|at| ((at - now) / 86_400).max(0)),
            support: license.support_until.is_some_and(|until| until > now),
            support_until: license.support_until.map(date),
            application: license.product_id,
            serial: license.serial,
            computers,
            users: license.users,
            edition: license.edition,
            order_reference: license.order_reference,
            date: date(license.issued_at),
            status: license.status,
            machines_used: license.used_machines,
            machines_max: license.max_machines,
            license_id: license.id,
        });
    }
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
    let rows = sqlx::query(
        "SELECT l.product_id, l.serial, l.users, l.edition, o.reference, s.starts_at, s.years, s.ends_at \
         FROM support_terms s JOIN licenses l ON l.id = s.license_id LEFT JOIN orders o ON o.id = s.order_id \
         WHERE l.customer_id = $1 ORDER BY s.starts_at DESC, l.serial",
    )
    .bind(&customer.id)
    .fetch_all(&state.pool)
    .await?;
    let supports = rows
        .iter()
        .map(|row| {
            Ok(SupportRow {
                application: row.try_get(0)?,
                serial: row.try_get(1)?,
                users: row.try_get(2)?,
                edition: row.try_get(3)?,
                order_reference: row.try_get(4)?,
                date: date(row.try_get(5)?),
                years: row.try_get(6)?,
                ends: date(row.try_get(7)?),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(AppJson(supports))
}
