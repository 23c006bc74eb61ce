//! Partner console sign-in and sign-out: e-mail and password, throttled like the customers' (the same budget per address and per e-mail), one message for an unknown address and a wrong password, a new session token at sign-in; and the page of a one-time password link (`admin pool staff`).

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::accounts::with_status;
use super::super::auth::{anonymous_page, field, throttled, with_cookie};
use super::super::session::{self, Visit};
use super::super::{Page, WebError, render};
use crate::domain::{Email, Text};
use crate::error::Error;
use crate::services::{accounts, partner_staff};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "partner/login.html")]
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

/// The sign-in page; a person already signed in goes to the dashboard.
pub async fn page(State(state): State<AppState>, visit: Visit, Query(done): Query<Done>) -> Result<Response, WebError> {
    if visit.partner.is_some() {
        return Ok(Redirect::to("/partner").into_response());
    }
    let (page, cookie) = anonymous_page(&state, &visit, "/partner/login").await?;
    let password_set = done.done.as_deref() == Some("password");
    with_cookie(&SignInPage { page, email: String::new(), problem: None, password_set }, cookie)
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

/// Signs a partner's or reseller's person in.
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: Visit,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", "/partner/login");
    let checked = field::<254>(&page, "portal-email", &form.email)
        .and_then(|email| Ok((email, field::<1024>(&page, "web-password", &form.password)?)));
    let (email, password) = match checked {
        Ok(fields) => fields,
        Err(problem) => return refused(page, "", StatusCode::BAD_REQUEST, problem),
    };
    let email = Email::normalized(&email);
    if let Err(Error::RateLimited(seconds)) = state.limits.sign_in(address, &email).await {
        return throttled(&page, seconds, |problem| refused(page.clone(), &form.email, StatusCode::OK, problem));
    }
    let Some(user) = partner_staff::sign_in(&state.pool, &email, &password).await? else {
        let problem = page.t("web-sign-in-password-failed");
        return refused(page, &form.email, StatusCode::UNAUTHORIZED, problem);
    };
    let language = visit.session.as_ref().and_then(|s| s.language);
    if let Some(old) = &visit.session {
        session::end(&state.pool, &old.token_hash).await?;
    }
    let (token, _) = session::start_partner(&state.pool, &user.id, language).await?;
    tracing::info!(partner_user = %user.id, organisation = %user.organisation_id, "partner console signed in");
    let mut response = Redirect::to("/partner").into_response();
    let cookie = session::set_cookie(session::COOKIE, &token, session::STAFF_SESSION_SECONDS, visit.secure);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// Ends the console session.
pub async fn sign_out(State(state): State<AppState>, visit: Visit) -> Result<Response, WebError> {
    if let Some(old) = &visit.session {
        session::end(&state.pool, &old.token_hash).await?;
    }
    let mut response = Redirect::to("/partner/login").into_response();
    response.headers_mut().append(header::SET_COOKIE, session::set_cookie(session::COOKIE, "", 0, visit.secure));
    Ok(response)
}

#[derive(Template)]
#[template(path = "web/reset.html")]
struct PasswordPage {
    page: Page,
    /// Never: a person asks the vendor for a new link.
    forgot: bool,
    action: String,
    email: String,
    problem: Option<String>,
    valid: bool,
}

/// The new-password form of a one-time link, or why the link is refused (410).
pub async fn password_page(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
) -> Result<Response, WebError> {
    let (page, cookie) = anonymous_page(&state, &visit, "/partner/login").await?;
    let user = partner_staff::link_user(&state.pool, &token).await?;
    let valid = user.is_some();
    let template = PasswordPage {
        page,
        forgot: false,
        action: format!("/partner/password/{}", token.as_str()),
        email: user.map(|u| u.email).unwrap_or_default(),
        problem: None,
        valid,
    };
    let response = with_cookie(&template, cookie)?;
    Ok(if valid { response } else { with_status(response, StatusCode::GONE) })
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    password: Text<1024>,
    confirm: Text<1024>,
}

/// Sets the password through the link, once, and sends the person to sign in with it.
pub async fn set_password(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", "/partner/login");
    let gone = |page: Page| {
        let template = PasswordPage {
            page,
            forgot: false,
            action: String::new(),
            email: String::new(),
            problem: None,
            valid: false,
        };
        render(&template).map(|r| with_status(r, StatusCode::GONE))
    };
    let Some(user) = partner_staff::link_user(&state.pool, &token).await? else { return gone(page) };
    if let Some(id) = accounts::new_password_problem(&form.password, &form.confirm) {
        let problem = Some(page.t(id));
        let action = format!("/partner/password/{}", token.as_str());
        let template = PasswordPage { page, forgot: false, action, email: user.email, problem, valid: true };
        return render(&template).map(|r| with_status(r, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let hash = accounts::hash_password(&form.password).await?;
    if partner_staff::use_link(&state.pool, &token, &hash).await?.is_none() {
        return gone(page);
    }
    tracing::info!(partner_user = %user.id, "partner console password set through a one-time link");
    Ok(Redirect::to("/partner/login?done=password").into_response())
}
