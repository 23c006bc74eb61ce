//! The vendor API's customers: added by the shop (with their first contact), read back with
//! their contacts, orders and licenses.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::licenses::LicenseBody;
use super::orders::OrderBody;
use super::{Vendor, time};
use crate::api::AppJson;
use crate::domain::{CustomerId, Scope, Text};
use crate::error::{ErrorBody, Result};
use crate::services::customers::{self, CustomerForm};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(add_customer)).routes(routes!(customer))
}

/// A customer (company) to add, with the contact who bought.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCustomerBody {
    pub company: Text<200>,
    /// The purchase e-mail: the customer signs in with it and receives the mails.
    pub email: Text<254>,
    /// ISO 3166 country code or name, as the invoice shows it.
    pub country: Text<100>,
    pub city: Text<100>,
    /// The VAT id invoices print, e.g. `BG123456789` (spaces, dots and dashes are left out).
    #[serde(default)]
    pub vat_id: Option<Text<32>>,
    #[serde(default)]
    pub first_name: Text<100>,
    #[serde(default)]
    pub last_name: Text<100>,
    /// The customer's responsible officer, shown on their profile.
    #[serde(default)]
    pub manager: Text<200>,
    #[serde(default)]
    pub phone: Text<50>,
    /// The language of their mail: `en` (the default), `fr`, `it`, `bg` or `ru`.
    #[serde(default)]
    pub language: Option<Text<8>>,
}

/// A person the vendor writes to.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactBody {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// A customer with their contacts, orders and licenses.
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerBody {
    pub id: String,
    pub company: String,
    pub email: String,
    pub country: String,
    pub city: String,
    /// The VAT id; absent when none was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_id: Option<String>,
    pub manager: String,
    pub phone: String,
    /// The language of their mail.
    pub language: String,
    /// What the customer types into the License Manager; mailed with their licenses.
    pub activation_key: String,
    /// When they became a customer, RFC 3339.
    pub since: String,
    pub contacts: Vec<ContactBody>,
    /// Newest first.
    pub orders: Vec<OrderBody>,
    /// Newest first.
    pub licenses: Vec<LicenseBody>,
}

/// Adds a customer; answers it with its id and activation key.
#[utoipa::path(post, path = "/api/v1/admin/customers", tag = "vendor", request_body = NewCustomerBody,
    security(("vendor_token" = ["customers"])),
    responses((status = 201, body = CustomerBody),
              (status = 400, description = "BAD_REQUEST: a field is missing or too long, or the e-mail is taken", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `customers`", body = ErrorBody)))]
async fn add_customer(
    State(state): State<AppState>,
    vendor: Vendor,
    AppJson(body): AppJson<NewCustomerBody>,
) -> Result<(StatusCode, AppJson<CustomerBody>)> {
    let actor = vendor.may(Scope::Customers)?;
    let form = CustomerForm {
        company: &body.company,
        email: &body.email,
        country: &body.country,
        city: &body.city,
        vat_id: body.vat_id.as_deref(),
        first_name: &body.first_name,
        last_name: &body.last_name,
        manager: &body.manager,
        phone: &body.phone,
        activation_key: None,
        since: None,
        language: body.language.as_deref(),
    };
    let id = customers::add(&state.pool, &actor, &form).await?;
    Ok((StatusCode::CREATED, AppJson(customer_body(&state, &id).await?)))
}

/// A customer with their contacts, orders and licenses.
#[utoipa::path(get, path = "/api/v1/admin/customers/{id}", tag = "vendor",
    params(("id" = String, Path, description = "The customer's id, as answered when they were added")),
    security(("vendor_token" = ["customers"])),
    responses((status = 200, body = CustomerBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `customers`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND", body = ErrorBody)))]
async fn customer(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(id): Path<String>,
) -> Result<AppJson<CustomerBody>> {
    vendor.may(Scope::Customers)?;
    Ok(AppJson(customer_body(&state, &CustomerId::new(id)).await?))
}

async fn customer_body(state: &AppState, id: &CustomerId) -> Result<CustomerBody> {
    let overview = customers::overview(&state.pool, id).await?;
    let now = crate::store::now();
    Ok(CustomerBody {
        id: overview.customer.id,
        company: overview.customer.company,
        email: overview.customer.email,
        country: overview.customer.country,
        city: overview.customer.city,
        vat_id: overview.customer.vat_id,
        manager: overview.customer.manager,
        phone: overview.customer.phone,
        language: overview.customer.language,
        activation_key: overview.customer.activation_key,
        since: time(overview.customer.created_at),
        contacts: overview
            .contacts
            .into_iter()
            .map(|c| ContactBody { first_name: c.first_name, last_name: c.last_name, email: c.email })
            .collect(),
        orders: overview.orders.into_iter().map(|(order, items)| OrderBody::new(order, items)).collect(),
        licenses: overview.licenses.iter().map(|l| LicenseBody::new(l, now)).collect(),
    })
}
