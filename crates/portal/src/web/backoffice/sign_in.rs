//! Staff sign-in and sign-out: e-mail and password, throttled like the customers' (the same
//! budget per address and per e-mail), one message for an unknown address and a wrong
//! password, a new session token at sign-in. With a second factor on, the right password
//! leads to a second step asking for the code, bound to the browser's session for five
//! minutes; its wrong codes spend the same budget.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::auth::{anonymous_page, checked_credentials, field, throttled, with_cookie};
use super::super::session::{self, Visit};
use super::super::{Page, WebError, render};
use crate::domain::Email;
use crate::error::Error;
use crate::services::staff;
use crate::state::AppState;
use crate::store::staff::Staff;

#[derive(Template)]
#[template(path = "backoffice/login.html")]
struct SignInPage {
    page: Page,
    email: String,
    problem: Option<String>,
    /// "Your password is set", after a one-time link.
    password_set: bool,
}

#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// The sign-in page; a member of staff already signed in goes to the dashboard.
pub async fn page(State(state): State<AppState>, visit: Visit, Query(done): Query<Done>) -> Result<Response, WebError> {
    if visit.staff.is_some() {
        return Ok(Redirect::to("/admin").into_response());
    }
    let (page, cookie) = anonymous_page(&state, &visit, "/admin/login").await?;
    let password_set = done.done.as_deref() == Some("password");
    with_cookie(&SignInPage { page, email: String::new(), problem: None, password_set }, cookie)
}

#[derive(Template)]
#[template(path = "backoffice/login_code.html")]
struct CodePage {
    page: Page,
    problem: Option<String>,
}

fn code_page(page: Page, status: StatusCode, problem: Option<String>) -> Result<Response, WebError> {
    let mut response = render(&CodePage { page, problem })?;
    *response.status_mut() = status;
    Ok(response)
}

fn refused(page: Page, email: &str, status: StatusCode, problem: String) -> Result<Response, WebError> {
    let template = SignInPage { page, email: email.trim().to_owned(), problem: Some(problem), password_set: false };
    let mut response = render(&template)?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
}

/// Signs a member of staff in.
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: Visit,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", "/admin/login");
    let again = |shown: &str, status, problem| refused(page.clone(), shown, status, problem);
    let fields = (form.email.as_str(), form.password.as_str());
    let (email, password) =
        match checked_credentials::<1024>(&state, address, &page, fields, "web-password", again).await? {
            Ok(checked) => checked,
            Err(response) => return Ok(response),
        };
    let Some(member) = staff::sign_in(&state.pool, &email, &password).await? else {
        let problem = page.t("web-sign-in-password-failed");
        return refused(page, &form.email, StatusCode::UNAUTHORIZED, problem);
    };
    if staff::needs_code(&state.pool, &member.id).await? {
        // A POST passed the CSRF guard, so there is a session to bind the second step to.
        let Some(current) = &visit.session else { return Err(WebError::bad_request(visit.language)) };
        session::await_staff_code(&state.pool, &current.token_hash, &member.id).await?;
        tracing::info!(staff = %member.id, "staff password right; the second factor's code asked");
        return code_page(page, StatusCode::OK, None);
    }
    open_session(&state, &visit, &member).await
}

#[derive(Debug, Deserialize)]
pub struct CodeForm {
    code: String,
}

/// The second step: the code of the member of staff whose password this browser gave within
/// the last five minutes. A wrong code spends the sign-in budget like a wrong password.
pub async fn second_step(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: Visit,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", "/admin/login");
    let owing = match &visit.session {
        Some(current) => session::staff_owing_code(&state.pool, &current.token_hash).await?,
        None => None,
    };
    let member = match owing {
        Some(id) => staff::by_id(&state.pool, &id).await?,
        None => None,
    };
    let Some(member) = member else {
        let problem = page.t("bo-2fa-sign-in-expired");
        return refused(page, "", StatusCode::UNAUTHORIZED, problem);
    };
    if let Err(Error::RateLimited(seconds)) = state.limits.sign_in(address, &Email::normalized(&member.email)).await {
        return throttled(&page, seconds, |problem| code_page(page.clone(), StatusCode::OK, Some(problem)));
    }
    let code = match field::<32>(&page, "bo-2fa-code", &form.code) {
        Ok(code) => code,
        Err(problem) => return code_page(page, StatusCode::BAD_REQUEST, Some(problem)),
    };
    if !staff::take_code(&state.pool, &member.id, &code).await? {
        tracing::info!(staff = %member.id, "staff sign-in refused: wrong or used code");
        let problem = page.t("bo-2fa-code-wrong");
        return code_page(page, StatusCode::UNAUTHORIZED, Some(problem));
    }
    open_session(&state, &visit, &member).await
}

/// Ends the browser's session (anonymous, or waiting for a code) and starts a back-office one
/// under a new token.
async fn open_session(state: &AppState, visit: &Visit, member: &Staff) -> Result<Response, WebError> {
    let language = visit.session.as_ref().and_then(|s| s.language);
    if let Some(old) = &visit.session {
        session::end(&state.pool, &old.token_hash).await?;
    }
    let (token, _) = session::start_staff(&state.pool, &member.id, language).await?;
    tracing::info!(staff = %member.id, "staff signed in");
    let mut response = Redirect::to("/admin").into_response();
    let cookie = session::set_cookie(session::COOKIE, &token, session::STAFF_SESSION_SECONDS, visit.secure);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// Ends the back-office session.
pub async fn sign_out(State(state): State<AppState>, visit: Visit) -> Result<Response, WebError> {
    if let Some(old) = &visit.session {
        session::end(&state.pool, &old.token_hash).await?;
    }
    let mut response = Redirect::to("/admin/login").into_response();
    response.headers_mut().append(header::SET_COOKIE, session::set_cookie(session::COOKIE, "", 0, visit.secure));
    Ok(response)
}
