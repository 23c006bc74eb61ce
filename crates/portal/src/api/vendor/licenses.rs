//! The vendor API's licenses: read by serial; suspended, reinstated and revoked with a reason
//! the customer reads in the License Manager at its next refresh.

use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use tessera_core::LicenseStatus;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Vendor, time};
use crate::api::AppJson;
use crate::domain::{Multiline, Scope, Serial};
use crate::error::{ErrorBody, Result};
use crate::services::issuing;
use crate::services::licensing::License;
use crate::state::AppState;
use crate::store;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(license))
        .routes(routes!(suspend))
        .routes(routes!(reinstate))
        .routes(routes!(revoke))
}

/// A license as the vendor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct LicenseBody {
    pub serial: String,
    pub customer_id: String,
    pub customer: String,
    pub order_reference: Option<String>,
    pub product: String,
    pub edition: String,
    pub features: Vec<String>,
    pub users: i64,
    pub max_machines: i64,
    pub used_machines: i64,
    /// `active`, `suspended` or `revoked`.
    pub status: String,
    /// Why it is suspended or revoked, as the customer reads it.
    pub status_reason: Option<String>,
    /// `VALID`, `EXPIRED`, `SUSPENDED` or `REVOKED` now.
    pub state: String,
    /// The term's start: the day its order's payment arrived.
    pub starts_at: String,
    /// The term's end; `null` for a perpetual license.
    pub expires_at: Option<String>,
    pub support_until: Option<String>,
}

impl LicenseBody {
    pub fn new(license: &License, now: i64) -> Self {
        Self {
            serial: license.serial.to_string(),
            customer_id: license.customer_id.to_string(),
            customer: license.customer.clone(),
            order_reference: license.order_reference.clone(),
            product: license.product_id.clone(),
            edition: license.edition.clone(),
            features: license.features.clone(),
            users: license.users,
            max_machines: license.max_machines,
            used_machines: license.used_machines,
            status: store::licenses::status_code(license.status).to_owned(),
            status_reason: license.status_reason.clone(),
            state: license.summary(now).state.to_owned(),
            starts_at: time(license.issued_at),
            expires_at: license.expires_at.map(time),
            support_until: license.support_until.map(time),
        }
    }
}

/// A license, by serial.
#[utoipa::path(get, path = "/api/v1/admin/licenses/{serial}", tag = "vendor",
    params(("serial" = String, Path, description = "The license's serial, e.g. P71")),
    security(("vendor_token" = ["licenses"])),
    responses((status = 200, body = LicenseBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `licenses`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND", body = ErrorBody)))]
async fn license(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(serial): Path<String>,
) -> Result<AppJson<LicenseBody>> {
    vendor.may(Scope::Licenses)?;
    let license = issuing::license(&state.pool, &Serial::parse("serial", &serial)?).await?;
    Ok(AppJson(LicenseBody::new(&license, store::now())))
}

/// Why the license's status changes, as the customer will read it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonBody {
    /// Shown to the customer; at most 500 characters. Required to suspend or revoke.
    #[serde(default)]
    pub reason: Multiline<500>,
}

async fn set_status(
    state: &AppState,
    vendor: &Vendor,
    serial: &str,
    status: LicenseStatus,
    reason: &str,
) -> Result<AppJson<LicenseBody>> {
    let actor = vendor.may(Scope::Licenses)?;
    let license =
        issuing::change_status(&state.pool, &state.mailer, &actor, &Serial::parse("serial", serial)?, status, reason)
            .await?;
    Ok(AppJson(LicenseBody::new(&license, store::now())))
}

/// Suspends a license: its machines hear it at their next refresh, with the reason.
#[utoipa::path(post, path = "/api/v1/admin/licenses/{serial}/suspend", tag = "vendor", request_body = ReasonBody,
    params(("serial" = String, Path, description = "The license's serial")),
    security(("vendor_token" = ["licenses"])),
    responses((status = 200, body = LicenseBody),
              (status = 400, description = "BAD_REQUEST: no reason given", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `licenses`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND", body = ErrorBody)))]
async fn suspend(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(serial): Path<String>,
    AppJson(body): AppJson<ReasonBody>,
) -> Result<AppJson<LicenseBody>> {
    set_status(&state, &vendor, &serial, LicenseStatus::Suspended, &body.reason).await
}

/// Reinstates a suspended (or revoked) license: its machines are licensed again at their next
/// refresh.
#[utoipa::path(post, path = "/api/v1/admin/licenses/{serial}/reinstate", tag = "vendor", request_body = ReasonBody,
    params(("serial" = String, Path, description = "The license's serial")),
    security(("vendor_token" = ["licenses"])),
    responses((status = 200, body = LicenseBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `licenses`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND", body = ErrorBody)))]
async fn reinstate(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(serial): Path<String>,
    AppJson(body): AppJson<ReasonBody>,
) -> Result<AppJson<LicenseBody>> {
    set_status(&state, &vendor, &serial, LicenseStatus::Active, &body.reason).await
}

/// Revokes a license for good: its machines hear it at their next refresh, with the reason.
#[utoipa::path(post, path = "/api/v1/admin/licenses/{serial}/revoke", tag = "vendor", request_body = ReasonBody,
    params(("serial" = String, Path, description = "The license's serial")),
    security(("vendor_token" = ["licenses"])),
    responses((status = 200, body = LicenseBody),
              (status = 400, description = "BAD_REQUEST: no reason given", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `licenses`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND", body = ErrorBody)))]
async fn revoke(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(serial): Path<String>,
    AppJson(body): AppJson<ReasonBody>,
) -> Result<AppJson<LicenseBody>> {
    set_status(&state, &vendor, &serial, LicenseStatus::Revoked, &body.reason).await
}
