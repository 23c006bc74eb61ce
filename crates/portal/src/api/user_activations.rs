//! Named-user activation: a company account's e-mail and password (or a one-time code mailed to
//! the address) with the machine's signed request give a license file bound to the account's seat.

use std::fmt;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppJson;
use crate::domain::{Email, Multiline, Text};
use crate::error::{Error, ErrorBody, Result};
use crate::services::user_activation::{self, Credential};
use crate::services::user_codes;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(activate_user)).routes(routes!(request_code))
}

/// A company account's sign-in with the machine's activation request file.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserActivateBody {
    /// The company account's e-mail address (a registered user of the customer portal).
    pub email: Text<254>,
    /// The account's password; used for this request only, never stored or logged. Either it
    /// or `code`.
    #[serde(default)]
    pub password: Option<Text<1024>>,
    /// The one-time code mailed to the address (`POST /api/v1/user-activations/codes`), instead
    /// of the password; spaces and hyphens are ignored.
    #[serde(default)]
    pub code: Option<Text<32>>,
    /// The armoured `TESSERA ACTIVATION REQUEST` text, signed by the machine; its activation
    /// key is not read (the client library sends `ActivationKey::named_user()`).
    pub request: Multiline<16384>,
}

/// Without the password or the code.
impl fmt::Debug for UserActivateBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UserActivateBody").field("email", &self.email).finish_non_exhaustive()
    }
}

/// A license file for the machine, bound to the account's seat.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserLicenseResponse {
    /// The armoured `TESSERA LICENSE` text; its `user` is the account's e-mail.
    pub license: String,
    /// The portal's id of the machine.
    pub machine_id: String,
    /// False when the machine already held a place on the seat (a re-activation).
    pub new_seat: bool,
    /// The e-mail of the account the license is bound to.
    pub user: String,
}

/// Activates a machine for a named user: the account's seat of the request's product whose
/// term runs today takes the machine (machines per seat: the plan's machines per user, 2
/// without a plan). Rate-limited per account and per address, like signing in.
#[utoipa::path(post, path = "/api/v1/user-activations", tag = "activation", request_body = UserActivateBody,
    responses((status = 201, description = "The machine took a place on the seat", body = UserLicenseResponse),
              (status = 200, description = "The machine already held a place on the seat", body = UserLicenseResponse),
              (status = 400, description = "BAD_REQUEST, FILE_DAMAGED, BAD_SIGNATURE, FILE_NOT_ARMOURED, FILE_WRONG_KIND, STALE_REQUEST: the request is not valid", body = ErrorBody),
              (status = 401, description = "USER_SIGN_IN_FAILED: no registered company account with that e-mail and password; USER_CODE_WRONG: not the code mailed (a try counted); USER_CODE_EXPIRED: no usable code for the address (none asked for, over 10 minutes old, used, or 5 tries spent; `args.minutes`)", body = ErrorBody),
              (status = 403, description = "NO_SEAT: no seat of the product is bound to the account (`args.product`); SEAT_NOT_STARTED: its term starts later (`args.product`, `args.date`); EXPIRED: its term ended (`args.product`, `args.date`); SUSPENDED, REVOKED: the license is withheld", body = ErrorBody),
              (status = 409, description = "USER_TOO_MANY_MACHINES: the seat is on as many machines as it allows (`args.machines`); TOO_MANY_MACHINES: the license has no machine left, or this machine holds another seat of it (`args.seats`); REPLAYED", body = ErrorBody),
              (status = 429, description = "RATE_LIMITED, with Retry-After", body = ErrorBody)))]
async fn activate_user(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    AppJson(body): AppJson<UserActivateBody>,
) -> Result<(StatusCode, AppJson<UserLicenseResponse>)> {
    state.limits.sign_in(address, &Email::normalized(&body.email)).await?;
    let credential = match (&body.password, &body.code) {
        (Some(password), None) => Credential::Password(password),
        (None, Some(code)) => Credential::Code(code),
        _ => return Err(Error::BadRequest("Send either `password` or `code`, not both and not neither.".into())),
    };
    let done = user_activation::activate(&state, &body.email, credential, &body.request, address).await?;
    let status = if done.activation.new_seat { StatusCode::CREATED } else { StatusCode::OK };
    Ok((
        status,
        AppJson(UserLicenseResponse {
            license: done.activation.file.to_string(),
            machine_id: done.activation.machine_id.to_string(),
            new_seat: done.activation.new_seat,
            user: done.email,
        }),
    ))
}

/// An address asking for a one-time code.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserCodeBody {
    /// The company account's e-mail address.
    pub email: Text<254>,
}

/// The same answer for every address: whether a mail went out is not said.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserCodeResponse {
    /// Minutes the code can be used once mailed.
    pub minutes: i64,
    /// Tries the code allows, wrong ones included.
    pub tries: i64,
}

/// Mails a one-time code (8 digits, 10 minutes, one use, 5 tries) to the address if a company
/// account has it, to send as `code` to `POST /api/v1/user-activations` instead of the password.
/// It replaces the address's previous code. The answer is the same whether an account has the
/// address or not. Rate-limited per address (5 an hour) and per client address (like signing in).
#[utoipa::path(post, path = "/api/v1/user-activations/codes", tag = "activation", request_body = UserCodeBody,
    responses((status = 202, description = "A code was mailed if an account has the address", body = UserCodeResponse),
              (status = 400, description = "BAD_REQUEST: not an e-mail address", body = ErrorBody),
              (status = 429, description = "RATE_LIMITED, with Retry-After", body = ErrorBody)))]
async fn request_code(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    AppJson(body): AppJson<UserCodeBody>,
) -> Result<(StatusCode, AppJson<UserCodeResponse>)> {
    state.limits.user_code(address, &Email::normalized(&body.email)).await?;
    user_codes::request(&state, &body.email).await?;
    Ok((StatusCode::ACCEPTED, AppJson(UserCodeResponse { minutes: user_codes::MINUTES, tries: user_codes::TRIES })))
}
