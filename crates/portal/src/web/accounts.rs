//! An account's password: changing it when signed in, asking for a link when forgotten, and
//! setting it through that link (or an invitation's). Tokens and passwords are never logged.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use tessera_i18n::Localizer;

use super::auth::{anonymous_page, throttled, with_cookie};
use super::password_link::{self, Console, PasswordForm};
use super::session::{SignedIn, Visit};
use super::{Page, WebError, render};
use crate::domain::{Email, Text, UserId};
use crate::error::Error;
use crate::services::accounts;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "web/password.html")]
struct PasswordPage {
    page: Page,
    problem: Option<String>,
    done: bool,
}

/// Forms of new passwords: typed twice.
#[derive(Debug, Deserialize)]
pub struct ChangeForm {
    current: Text<1024>,
    password: Text<1024>,
    confirm: Text<1024>,
}

/// `response` answered with `status`.
pub(super) fn with_status(mut response: Response, status: StatusCode) -> Response {
    *response.status_mut() = status;
    response
}

/// The account of a session signed in with a password; anyone else has no password to change.
fn account_of(signed_in: &SignedIn) -> Result<UserId, WebError> {
    signed_in
        .visit
        .session
        .as_ref()
        .and_then(|s| s.user_id.clone())
        .ok_or_else(|| WebError::not_found(&Page::new(&signed_in.visit, "", "/")))
}

/// The password change form.
pub async fn password_page(signed_in: SignedIn) -> Result<Response, WebError> {
    account_of(&signed_in)?;
    let page = Page::new(&signed_in.visit, "password", "/account/password");
    render(&PasswordPage { page, problem: None, done: false })
}

/// Changes the password: the current one first (rate-limited like sign-in), then the new one twice.
pub async fn change_password(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    signed_in: SignedIn,
    Form(form): Form<ChangeForm>,
) -> Result<Response, WebError> {
    let user = account_of(&signed_in)?;
    let page = Page::new(&signed_in.visit, "password", "/account/password");
    let refuse = |page: Page, status: StatusCode, problem: String| {
        render(&PasswordPage { page, problem: Some(problem), done: false }).map(|r| with_status(r, status))
    };
    if let Err(Error::RateLimited(seconds)) = state.limits.sign_in(address, &signed_in.email).await {
        return throttled(&page, seconds, |problem| refuse(page.clone(), StatusCode::OK, problem));
    }
    let hash = accounts::password_hash_of(&state.pool, &user).await?;
    if !accounts::verify_password(hash.as_deref(), &form.current).await {
        let problem = page.t("web-password-current-wrong");
        return refuse(page, StatusCode::UNAUTHORIZED, problem);
    }
    if let Some(id) = accounts::new_password_problem(&form.password, &form.confirm) {
        let problem = page.t(id);
        return refuse(page, StatusCode::UNPROCESSABLE_ENTITY, problem);
    }
    let hash = accounts::hash_password(&form.password).await?;
    let session = signed_in.visit.session.as_ref().map(|s| s.token_hash.clone());
    let session = session.ok_or_else(|| Error::Internal("a signed-in visit without a session".into()))?;
    accounts::change_password(&state.pool, &signed_in.customer_id, &signed_in.email, &user, &hash, &session).await?;
    tracing::info!(user = %user, "password changed");
    render(&PasswordPage { page, problem: None, done: true })
}

/// The customers' forgotten-password form.
const FORGOT: &str = "/password/forgot";

#[derive(Template)]
#[template(path = "web/forgot.html")]
pub(super) struct ForgotPage {
    pub(super) page: Page,
    pub(super) problem: Option<String>,
    pub(super) sent: bool,
    /// Where the form posts, and the sign-in page it leads back to.
    pub(super) action: &'static str,
    pub(super) back: &'static str,
}

/// The forgotten-password form.
pub async fn forgot_page(State(state): State<AppState>, visit: Visit) -> Result<Response, WebError> {
    let (page, cookie) = anonymous_page(&state, &visit, "/password/forgot").await?;
    with_cookie(&ForgotPage { page, problem: None, sent: false, action: FORGOT, back: "/login" }, cookie)
}

#[derive(Debug, Deserialize)]
pub struct ForgotForm {
    pub(super) email: String,
}

/// Mails a reset link when the address has an account, and answers the same either way: the
/// form tells nobody which addresses have accounts. Rate-limited like sign-in.
pub async fn forgot(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: Visit,
    Form(form): Form<ForgotForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", "/password/forgot");
    let email = match super::auth::field::<254>(&page, "portal-email", &form.email) {
        Ok(email) => Email::normalized(&email),
        Err(problem) => {
            let response =
                render(&ForgotPage { page, problem: Some(problem), sent: false, action: FORGOT, back: "/login" })?;
            return Ok(with_status(response, StatusCode::BAD_REQUEST));
        }
    };
    if let Err(Error::RateLimited(seconds)) = state.limits.sign_in(address, &email).await {
        return throttled(&page, seconds, |problem| {
            render(&ForgotPage {
                page: page.clone(),
                problem: Some(problem),
                sent: false,
                action: FORGOT,
                back: "/login",
            })
        });
    }
    if let Some(user) = accounts::user_by_email(&state.pool, &email).await? {
        // The link is stored and mailed after the answer: the time an SMTP exchange (or the
        // insert's sync to disk) takes must not tell which addresses have accounts.
        let (pool, mailer, localizer) = (state.pool.clone(), state.mailer.clone(), Localizer::new(visit.language));
        tokio::spawn(async move {
            // A mail that cannot go out is the vendor's problem, logged; the answer stays the same.
            if let Err(e) = accounts::send_reset_link(&pool, &mailer, &localizer, &user).await {
                tracing::error!(error = %e, user = %user.id, "password reset mail failed");
            }
        });
    }
    render(&ForgotPage { page, problem: None, sent: true, action: FORGOT, back: "/login" })
}

/// The page of a reset or invitation link: the new password form, or why the link is refused.
pub async fn reset_page(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
) -> Result<Response, WebError> {
    password_link::page(Console::Customer, &state, &visit, &token).await
}

/// Sets the password through a link, once, and signs the account in.
pub async fn reset(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    password_link::set(Console::Customer, &state, &visit, &token, &form).await
}
