//! The signed-in member of staff's own second factor: turning it on (a new secret shown as
//! base32 text and as an `otpauth://` address, kept server-side until a code of it confirms
//! it) and off (with a current code). Codes typed here spend the sign-in budget.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::{Frame, StaffVisit};
use crate::domain::{Email, Text, totp};
use crate::error::Error;
use crate::services::staff::{self, TwoFactor};
use crate::state::AppState;

const HERE: &str = "/admin/account/two-factor";

#[derive(Template)]
#[template(path = "backoffice/two_factor.html")]
struct TwoFactorPage {
    frame: Frame,
    on: bool,
    /// An enrolment to confirm: the secret and its `otpauth://` address.
    pending: Option<(String, String)>,
    /// What the last action did: (`ok` or `problem`, the text).
    notice: Option<(&'static str, String)>,
}

async fn page(
    state: &AppState,
    visit: &StaffVisit,
    notice: Option<(&'static str, String)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let frame = Frame::new(visit, "account", HERE);
    let (on, pending) = match staff::two_factor(&state.pool, &visit.staff.id).await? {
        TwoFactor::On => (true, None),
        TwoFactor::Off => (false, None),
        TwoFactor::Pending(secret) => {
            let uri = totp::otpauth_uri(&secret, &visit.staff.email);
            (false, Some((secret, uri)))
        }
    };
    let mut response = render(&TwoFactorPage { frame, on, pending, notice })?;
    *response.status_mut() = status;
    Ok(response)
}

/// `done=on` or `done=off` after a change.
#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    done: Option<Text<16>>,
}

/// Whether the second factor is on; the enrolment under way, if any.
pub async fn two_factor(
    State(state): State<AppState>,
    visit: StaffVisit,
    Query(query): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "account", HERE);
    let notice = match query.done.as_deref().map(str::trim) {
        Some("on") => Some(("ok", frame.page.t("bo-2fa-turned-on"))),
        Some("off") => Some(("ok", frame.page.t("bo-2fa-turned-off"))),
        _ => None,
    };
    page(&state, &visit, notice, StatusCode::OK).await
}

/// Starts an enrolment: a new secret to add to the app, then confirm with a code.
pub async fn start(State(state): State<AppState>, visit: StaffVisit) -> Result<Response, WebError> {
    staff::start_two_factor(&state.pool, &visit.staff.id).await?;
    Ok(Redirect::to(HERE).into_response())
}

#[derive(Debug, Deserialize)]
pub struct CodeForm {
    code: String,
}

/// The typed code, after the sign-in budget was spent on it; else the page's answer.
async fn typed_code(
    state: &AppState,
    visit: &StaffVisit,
    address: SocketAddr,
    form: &CodeForm,
) -> Result<Result<Text<32>, Response>, WebError> {
    let frame = Frame::new(visit, "account", HERE);
    if let Err(Error::RateLimited(seconds)) =
        state.limits.sign_in(address, &Email::normalized(&visit.staff.email)).await
    {
        let text = frame.page.tn("error-rate-limited", "seconds", i64::try_from(seconds).unwrap_or(i64::MAX));
        return Ok(Err(page(state, visit, Some(("problem", text)), StatusCode::TOO_MANY_REQUESTS).await?));
    }
    match Text::<32>::parse("code", &form.code) {
        Ok(code) => Ok(Ok(code)),
        Err(_) => {
            let text = frame.page.t("bo-2fa-code-wrong");
            Ok(Err(page(state, visit, Some(("problem", text)), StatusCode::BAD_REQUEST).await?))
        }
    }
}

/// Turns the second factor on when the code is one of the pending secret's (event
/// `staff_two_factor_on`).
pub async fn confirm(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: StaffVisit,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    let code = match typed_code(&state, &visit, address, &form).await? {
        Ok(code) => code,
        Err(answer) => return Ok(answer),
    };
    if staff::confirm_two_factor(&state.pool, &visit.actor(), &visit.staff, &code).await? {
        tracing::info!(staff = %visit.staff.id, "second factor turned on");
        return Ok(Redirect::to(&format!("{HERE}?done=on")).into_response());
    }
    let text = Frame::new(&visit, "account", HERE).page.t("bo-2fa-code-wrong");
    page(&state, &visit, Some(("problem", text)), StatusCode::BAD_REQUEST).await
}

/// Turns the second factor off when the code is a current one (event `staff_two_factor_off`).
pub async fn turn_off(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: StaffVisit,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    let code = match typed_code(&state, &visit, address, &form).await? {
        Ok(code) => code,
        Err(answer) => return Ok(answer),
    };
    if staff::turn_off_two_factor(&state.pool, &visit.actor(), &visit.staff, &code).await? {
        tracing::info!(staff = %visit.staff.id, "second factor turned off");
        return Ok(Redirect::to(&format!("{HERE}?done=off")).into_response());
    }
    let text = Frame::new(&visit, "account", HERE).page.t("bo-2fa-code-wrong");
    page(&state, &visit, Some(("problem", text)), StatusCode::BAD_REQUEST).await
}
