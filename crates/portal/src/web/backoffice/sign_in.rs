//! Staff sign-in and sign-out: e-mail and password, throttled like the customers' (the same
//! budget per address and per e-mail), one message for an unknown address and a wrong
//! password, a new session token at sign-in.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::auth::{anonymous_page, field, throttled, with_cookie};
use super::super::session::{self, Visit};
use super::super::{Page, WebError, render};
use crate::domain::Email;
use crate::error::Error;
use crate::services::staff;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "backoffice/login.html")]
struct SignInPage {
    page: Page,
    email: String,
    problem: Option<String>,
}

/// The sign-in page; a member of staff already signed in goes to the dashboard.
pub async fn page(State(state): State<AppState>, visit: Visit) -> Result<Response, WebError> {
    if visit.staff.is_some() {
        return Ok(Redirect::to("/admin").into_response());
    }
    let (page, cookie) = anonymous_page(&state, &visit, "/admin/login").await?;
    with_cookie(&SignInPage { page, email: String::new(), problem: None }, cookie)
}

fn refused(page: Page, email: &str, status: StatusCode, problem: String) -> Result<Response, WebError> {
    let mut response = render(&SignInPage { page, email: email.trim().to_owned(), problem: Some(problem) })?;
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
    let checked = field::<254>(&page, "portal-email", &form.email)
        .and_then(|email| Ok((email, field::<1024>(&page, "web-password", &form.password)?)));
    let (email, password) = match checked {
        Ok(fields) => fields,
        Err(problem) => return refused(page, "", StatusCode::BAD_REQUEST, problem),
    };
    let email = Email::normalized(&email);
    if let Err(Error::RateLimited(seconds)) = state.limits.sign_in(address, &email) {
        return throttled(&page, seconds, |problem| refused(page.clone(), &form.email, StatusCode::OK, problem));
    }
    let Some(member) = staff::sign_in(&state.pool, &email, &password).await? else {
        let problem = page.t("web-sign-in-password-failed");
        return refused(page, &form.email, StatusCode::UNAUTHORIZED, problem);
    };
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
