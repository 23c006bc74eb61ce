//! Registration keys (seed 002): an installation key in, a registration key out, with the table
//! of requested against entitled parameters; every key issued is kept in `registrations`.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppJson;
use super::customers::Customer;
use crate::domain::Text;
use crate::error::{ErrorBody, Result};
use crate::services::registration::register;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(registration_key))
}

/// The installation key the program shows.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationBody {
    pub installation_key: Text<256>,
}

/// One row of the comparison table.
#[derive(Debug, Serialize, ToSchema)]
pub struct Comparison {
    /// `product`, `version`, `workstations`, `term`.
    pub parameter: String,
    /// What the program asks for.
    pub requested: String,
    /// What the customer is entitled to.
    pub entitled: String,
    /// Whether the entitlement covers the request.
    pub ok: bool,
}

/// The answer: a registration key when every row is ok.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationResponse {
    pub registration_key: Option<String>,
    pub serial: Option<String>,
    pub comparison: Vec<Comparison>,
}

/// Turns an installation key into a registration key for the signed-in customer.
#[utoipa::path(post, path = "/api/v1/registration-keys", tag = "customer", request_body = RegistrationBody,
    security(("bearer" = [])),
    responses((status = 200, body = RegistrationResponse),
              (status = 400, description = "BAD_REQUEST, CODE_CHECKSUM (and the other CODE_ codes)", body = ErrorBody),
              (status = 401, description = "UNAUTHENTICATED", body = ErrorBody),
              (status = 404, description = "NOT_FOUND: no license of the product", body = ErrorBody)))]
async fn registration_key(
    State(state): State<AppState>,
    customer: Customer,
    AppJson(body): AppJson<RegistrationBody>,
) -> Result<AppJson<RegistrationResponse>> {
    let registration = register(&state, &customer.id, &body.installation_key).await?;
    let comparison = registration
        .rows
        .iter()
        .map(|row| Comparison {
            parameter: row.parameter.into(),
            requested: row.requested.english(),
            entitled: row.entitled.english(),
            ok: row.ok,
        })
        .collect();
    Ok(AppJson(RegistrationResponse {
        registration_key: registration.registration_key,
        serial: Some(registration.serial.into()),
        comparison,
    }))
}
