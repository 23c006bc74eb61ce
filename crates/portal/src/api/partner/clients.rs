//! The Partner API's clients: the client companies the caller sees (a partner also its resellers'), created and renewed out of the caller's pool.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Partner, today};
use crate::api::AppJson;
use crate::domain::Text;
use crate::error::{Error, ErrorBody, Result};
use crate::services::partner_clients::{self, Bought, ClientLine, NewClient, Renewal};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(clients, create_client)).routes(routes!(renew)).routes(routes!(name_admin))
}

/// A client and product as the caller's list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientBody {
    pub id: String,
    pub name: String,
    /// The reseller in charge, when the caller is its partner; absent for the caller's own clients.
    pub reseller: Option<String>,
    /// The product of the term shown; absent for a client without a term.
    pub product: Option<String>,
    /// The term shown (the one running today, else the first to come, else the last): `YYYY-MM-DD`.
    pub starts_on: Option<String>,
    /// Its end, the first day without licenses.
    pub ends_on: Option<String>,
    pub years: Option<i64>,
    pub users: Option<i64>,
    /// `renewed`, `ended`, `ending` (within 3 months), `not-started` or `active`.
    pub standing: Option<String>,
    /// The end of the latest term, when a renewal follows the one shown.
    pub renewed_until: Option<String>,
    /// The administrator of the customer company the client is linked to (its terms become that
    /// company's licenses and seats); absent while none is named.
    pub admin_email: Option<String>,
}

impl From<ClientLine> for ClientBody {
    fn from(line: ClientLine) -> Self {
        let term = line.current.as_ref();
        Self {
            id: line.client.id,
            name: line.client.name,
            reseller: line.reseller,
            product: term.map(|t| t.product_id.clone()),
            starts_on: term.map(|t| t.starts_on.clone()),
            ends_on: term.map(|t| t.ends_on.clone()),
            years: term.map(|t| t.years),
            users: term.map(|t| t.users),
            standing: line.standing.map(|s| s.as_str().to_owned()),
            renewed_until: line.renewed_until,
            admin_email: line.client.admin_email,
        }
    }
}

/// Every client the caller sees, a line per product, by name.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientsBody {
    pub clients: Vec<ClientBody>,
}

/// A client company to create, with its first term.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewClientBody {
    pub name: Text<200>,
    /// The product's id, e.g. `acme-ledger`.
    pub product: Text<64>,
    /// At least 1.
    pub users: u32,
    /// 1 to 100.
    pub years: u32,
    /// The first day of the term, `YYYY-MM-DD`, not before today; today when not given.
    #[serde(default)]
    pub starts_on: Option<Text<10>>,
    /// The client company's administrator: the admin of an existing customer company links the
    /// client to it; a new address makes a customer company of the client's name and mails its
    /// administrator an invitation to register. The client's terms become the company's seats.
    #[serde(default)]
    pub admin_email: Option<Text<254>>,
}

/// The client company's administrator to name.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminBody {
    /// The e-mail of an existing customer company's administrator, or of a person to invite as
    /// the administrator of a new company of the client's name.
    pub email: Text<254>,
}

/// The client linked to its customer company.
#[derive(Debug, Serialize, ToSchema)]
pub struct LinkedBody {
    pub client_id: String,
    pub admin_email: String,
    /// Whether a new customer company was made (its administrator was mailed an invitation).
    pub invited: bool,
    /// The licenses issued now for the client's terms not ended.
    pub licenses: usize,
}

/// A renewal: `years` more, starting at the current end (or today, after it).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewalBody {
    /// 1 to 100.
    pub years: u32,
    /// The users of the client's latest term of the product when not given.
    #[serde(default)]
    pub users: Option<u32>,
    /// The product of the client's latest term when not given.
    #[serde(default)]
    pub product: Option<Text<64>>,
}

/// A term bought out of the caller's pool.
#[derive(Debug, Serialize, ToSchema)]
pub struct TermBody {
    pub client_id: String,
    pub term_id: String,
    pub product: String,
    pub users: i64,
    pub years: i64,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `YYYY-MM-DD`, the first day without licenses.
    pub ends_on: String,
    /// What it took from the pool: users × years.
    pub license_years: i64,
    /// The client company's administrator, when one is named.
    pub admin_email: Option<String>,
}

impl From<Bought> for TermBody {
    fn from(bought: Bought) -> Self {
        Self {
            client_id: bought.client_id,
            term_id: bought.term.id,
            product: bought.term.product_id,
            users: bought.term.users,
            years: bought.term.years,
            starts_on: bought.term.starts_on,
            ends_on: bought.term.ends_on,
            license_years: bought.license_years,
            admin_email: None,
        }
    }
}

/// The clients the caller sees, with their current term and standing.
#[utoipa::path(get, path = "/api/v1/partner/clients", tag = "partner",
    security(("partner_token" = [])),
    responses((status = 200, body = ClientsBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody)))]
async fn clients(State(state): State<AppState>, partner: Partner) -> Result<AppJson<ClientsBody>> {
    let lines = partner_clients::clients(&state.pool, &partner.organisation_id, today()).await?;
    Ok(AppJson(ClientsBody { clients: lines.into_iter().map(ClientBody::from).collect() }))
}

/// Creates a client with its first term, paid from the caller's pool (users × years license-years).
#[utoipa::path(post, path = "/api/v1/partner/clients", tag = "partner", request_body = NewClientBody,
    security(("partner_token" = [])),
    responses((status = 201, body = TermBody),
              (status = 400, description = "BAD_REQUEST: a field is missing or out of range, an unknown product, a start before today, an admin_email that is not an e-mail address", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 409, description = "INSUFFICIENT_LICENSES: the pool holds less than users × years; NOT_COMPANY_ADMIN: admin_email is a user of its company, not its administrator; CLIENT_ALREADY_LINKED: that company is another client already. Nothing was done", body = ErrorBody)))]
async fn create_client(
    State(state): State<AppState>,
    partner: Partner,
    AppJson(body): AppJson<NewClientBody>,
) -> Result<(StatusCode, AppJson<TermBody>)> {
    let starts_on = body
        .starts_on
        .as_deref()
        .map(|text| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map_err(|_| Error::BadRequest("The field `starts_on` must be a day like 2027-03-01.".into()))
        })
        .transpose()?;
    let new = NewClient { name: &body.name, product: &body.product, users: body.users, years: body.years, starts_on };
    let (bought, named) = partner_clients::create_client_with_admin(
        &state.pool,
        &state.mailer,
        &partner.actor(),
        &partner.organisation_id,
        &new,
        body.admin_email.as_deref(),
        today(),
    )
    .await?;
    let mut answer = TermBody::from(bought);
    answer.admin_email = named.map(|n| n.email);
    Ok((StatusCode::CREATED, AppJson(answer)))
}

/// Renews a client the caller sees, paid from the caller's pool: before the current end the
/// new term starts at that end, after it today.
#[utoipa::path(post, path = "/api/v1/partner/clients/{id}/renewals", tag = "partner", request_body = RenewalBody,
    params(("id" = String, Path, description = "The client's id, as answered when it was created")),
    security(("partner_token" = [])),
    responses((status = 201, body = TermBody),
              (status = 400, description = "BAD_REQUEST: a field is missing or out of range, an unknown product", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 404, description = "NOT_FOUND: no client the caller sees has this id", body = ErrorBody),
              (status = 409, description = "INSUFFICIENT_LICENSES: the pool holds less than users × years; nothing was taken", body = ErrorBody)))]
async fn renew(
    State(state): State<AppState>,
    partner: Partner,
    Path(id): Path<String>,
    AppJson(body): AppJson<RenewalBody>,
) -> Result<(StatusCode, AppJson<TermBody>)> {
    let renewal = Renewal { years: body.years, users: body.users, product: body.product.as_deref() };
    let bought =
        partner_clients::renew(&state.pool, &partner.actor(), &partner.organisation_id, &id, &renewal, today()).await?;
    Ok((StatusCode::CREATED, AppJson(bought.into())))
}

/// Names the company administrator of a client the caller sees: the client becomes (is linked
/// to) that customer company, whose licenses its terms then are: seats its administrator binds
/// to the company's users on the customer portal. Naming the same administrator again changes
/// nothing.
#[utoipa::path(put, path = "/api/v1/partner/clients/{id}/admin", tag = "partner", request_body = AdminBody,
    params(("id" = String, Path, description = "The client's id, as answered when it was created")),
    security(("partner_token" = [])),
    responses((status = 200, body = LinkedBody),
              (status = 400, description = "BAD_REQUEST: not an e-mail address", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 404, description = "NOT_FOUND: no client the caller sees has this id", body = ErrorBody),
              (status = 409, description = "NOT_COMPANY_ADMIN: the e-mail is a user of its company, not its administrator; CLIENT_ALREADY_LINKED: that company is another client already; CLIENT_HAS_ADMIN: the client is linked with another administrator. Nothing was done", body = ErrorBody)))]
async fn name_admin(
    State(state): State<AppState>,
    partner: Partner,
    Path(id): Path<String>,
    AppJson(body): AppJson<AdminBody>,
) -> Result<AppJson<LinkedBody>> {
    let named = partner_clients::name_admin(
        &state.pool,
        &state.mailer,
        &partner.actor(),
        &partner.organisation_id,
        &id,
        &body.email,
        today(),
    )
    .await?;
    Ok(AppJson(LinkedBody {
        client_id: id,
        admin_email: named.email,
        invited: named.invite.is_some(),
        licenses: named.licenses,
    }))
}
