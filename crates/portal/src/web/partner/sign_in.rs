//! Partner console sign-in and sign-out: e-mail and password, throttled like the customers' (the same budget per address and per e-mail), one message for an unknown address and a wrong password, a new session token at sign-in; and the page of a one-time password link (`admin pool staff`).

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::accounts::{ForgotForm, ForgotPage, with_status};
use super::super::auth::{anonymous_page, checked_credentials, field, throttled, with_cookie};
use super::super::password_link::{self, Console, PasswordForm};
use super::super::session::{self, Visit};
use super::super::{Page, WebError, render};
use crate::domain::{Email, Text};
use crate::error::Error;
use crate::services::partner_staff;

/// The console's forgotten-password form.
const FORGOT: &str = "/partner/password/forgot";
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
    let again = |shown: &str, status, problem| refused(page.clone(), shown, status, problem);
    let fields = (form.email.as_str(), form.password.as_str());
    let (email, password) =
        match checked_credentials::<1024>(&state, address, &page, fields, "web-password", again).await? {
            Ok(checked) => checked,
            Err(response) => return Ok(response),
        };
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

/// The new-password form of a one-time link, or why the link is refused (410).
pub async fn password_page(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
) -> Result<Response, WebError> {
    password_link::page(Console::Partner, &state, &visit, &token).await
}

/// Sets the password through the link, once, and sends the person to sign in with it.
pub async fn set_password(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    password_link::set(Console::Partner, &state, &visit, &token, &form).await
}

fn forgot_page_of(page: Page, problem: Option<String>, sent: bool) -> ForgotPage {
    ForgotPage { page, problem, sent, action: FORGOT, back: "/partner/login" }
}

/// The forgotten-password form of the console.
pub async fn forgot_page(State(state): State<AppState>, visit: Visit) -> Result<Response, WebError> {
    let (page, cookie) = anonymous_page(&state, &visit, FORGOT).await?;
    with_cookie(&forgot_page_of(page, None, false), cookie)
}

/// Mails a link (working for an hour) when the address signs in to the console, and answers
/// the same either way, after the same time: the form tells nobody who has an account.
/// Rate-limited like sign-in.
pub async fn forgot(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: Visit,
    Form(form): Form<ForgotForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", FORGOT);
    let email = match field::<254>(&page, "portal-email", &form.email) {
        Ok(email) => Email::normalized(&email),
        Err(problem) => {
            let response = render(&forgot_page_of(page, Some(problem), false))?;
            return Ok(with_status(response, StatusCode::BAD_REQUEST));
        }
    };
    if let Err(Error::RateLimited(seconds)) = state.limits.sign_in(address, &email).await {
        return throttled(&page, seconds, |problem| render(&forgot_page_of(page.clone(), Some(problem), false)));
    }
    if let Some(user) = partner_staff::by_email(&state.pool, &email).await? {
        // Stored and mailed after the answer, so that its time tells nothing.
        let (pool, mailer, language) = (state.pool.clone(), state.mailer.clone(), visit.language);
        tokio::spawn(async move {
            if let Err(e) = partner_staff::send_reset_link(&pool, &mailer, language, &user).await {
                tracing::error!(error = %e, partner_user = %user.id, "partner console password mail failed");
            }
        });
    }
    render(&forgot_page_of(page, None, true))
}
