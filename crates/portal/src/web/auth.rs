//! Signing in with e-mail and order number (seed 000) or with an account's e-mail and
//! password, signing out, and the language switcher.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tessera_i18n::Language;

use super::session::{self, Visit};
use super::{Page, WebError, render};
use crate::domain::{Email, OrderRef, Text};
use crate::error::Error;
use crate::services::accounts;
use crate::state::AppState;
use crate::store;

#[derive(Template)]
#[template(path = "web/login.html")]
struct SignInPage {
    page: Page,
    email: String,
    problem: Option<String>,
}

/// A page for visitors who may have no session yet: a visitor without one gets an anonymous
/// session, for the forms' CSRF token, and the cookie to set with the answer.
pub(super) async fn anonymous_page(
    state: &AppState,
    visit: &Visit,
    here: &str,
) -> Result<(Page, Option<HeaderValue>), WebError> {
    let mut page = Page::new(visit, "", here);
    let mut cookie = None;
    if visit.session.is_none() {
        let (token, csrf) = session::start(&state.pool, None, None).await?;
        page.csrf = csrf;
        cookie = Some(session::session_cookie(&token, visit.secure));
    }
    Ok((page, cookie))
}

/// Renders `template`, setting the anonymous session's cookie if one was started.
pub(super) fn with_cookie(template: &impl Template, cookie: Option<HeaderValue>) -> Result<Response, WebError> {
    let mut response = render(template)?;
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

/// The sign-in page: e-mail + order number, or e-mail + an account's password.
pub async fn sign_in_page(State(state): State<AppState>, visit: Visit) -> Result<Response, WebError> {
    if visit.session.as_ref().is_some_and(|s| s.customer_id.is_some()) {
        return Ok(Redirect::to("/").into_response());
    }
    let (page, cookie) = anonymous_page(&state, &visit, "/login").await?;
    with_cookie(&SignInPage { page, email: String::new(), problem: None }, cookie)
}

/// The sign-in page again, with what went wrong and the e-mail kept.
fn refused(page: Page, email: &str, status: StatusCode, problem: String) -> Result<Response, WebError> {
    let mut response = render(&SignInPage { page, email: email.trim().to_owned(), problem: Some(problem) })?;
    *response.status_mut() = status;
    Ok(response)
}

/// A form field checked as inbound text, or the message that names it (by its label) to
/// show the form again with.
pub(super) fn field<const MAX: usize>(page: &Page, label: &str, value: &str) -> Result<Text<MAX>, String> {
    Text::<MAX>::parse(label, value).map_err(|_| page.t1("web-field-invalid", "field", &page.t(label)))
}

/// A sign-in form's e-mail (normalised) and secret (an order number or a password, named by
/// `secret_label`), checked and within the sign-in budget of the address and the e-mail; else
/// the page to answer, made by `again` (the e-mail to show, the status, the problem): the form
/// naming the bad field (400), or the budget spent (429).
pub(super) async fn checked_credentials<const SECRET: usize>(
    state: &AppState,
    address: SocketAddr,
    page: &Page,
    (email, secret): (&str, &str),
    secret_label: &str,
    again: impl Fn(&str, StatusCode, String) -> Result<Response, WebError>,
) -> Result<Result<(Email, Text<SECRET>), Response>, WebError> {
    let checked = field::<254>(page, "portal-email", email)
        .and_then(|checked| Ok((checked, field::<SECRET>(page, secret_label, secret)?)));
    let (checked, secret) = match checked {
        Ok(fields) => fields,
        Err(problem) => return again("", StatusCode::BAD_REQUEST, problem).map(Err),
    };
    let normalized = Email::normalized(&checked);
    if let Err(Error::RateLimited(seconds)) = state.limits.sign_in(address, &normalized).await {
        return throttled(page, seconds, |problem| again(email, StatusCode::OK, problem)).map(Err);
    }
    Ok(Ok((normalized, secret)))
}

/// The answer when the sign-in budget of the address or the account is spent.
pub(super) fn throttled(
    page: &Page,
    seconds: u64,
    render_with: impl FnOnce(String) -> Result<Response, WebError>,
) -> Result<Response, WebError> {
    let problem = page.tn("error-rate-limited", "seconds", i64::try_from(seconds).unwrap_or(i64::MAX));
    let mut response = render_with(problem)?;
    *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct SignInForm {
    email: String,
    order: String,
}

/// Signs in with the purchase e-mail and any of the customer's order numbers; rate-limited per
/// address and per e-mail like the API's sign-in (the same budget).
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: Visit,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", "/login");
    let again = |shown: &str, status, problem| refused(page.clone(), shown, status, problem);
    let fields = (form.email.as_str(), form.order.as_str());
    let (email, order) = match checked_credentials::<64>(&state, address, &page, fields, "portal-order", again).await? {
        Ok(checked) => checked,
        Err(response) => return Ok(response),
    };
    let customer = store::customers::by_email_and_order(&state.pool, &email, &OrderRef::normalise(&order)).await?;
    let Some(customer) = customer else {
        let problem = page.t("error-sign-in-failed");
        return refused(page, &form.email, StatusCode::UNAUTHORIZED, problem);
    };
    finish_sign_in(&state, &visit, &customer, None).await
}

#[derive(Debug, Deserialize)]
pub struct PasswordSignInForm {
    email: String,
    password: String,
}

/// Signs in with an account's e-mail and password; the same budget as the other way, per
/// address and per e-mail, and one message for an unknown account and a wrong password.
pub async fn sign_in_with_password(
    State(state): State<AppState>,
    ConnectInfo(address): ConnectInfo<SocketAddr>,
    visit: Visit,
    Form(form): Form<PasswordSignInForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", "/login");
    let again = |shown: &str, status, problem| refused(page.clone(), shown, status, problem);
    let fields = (form.email.as_str(), form.password.as_str());
    let (email, password) =
        match checked_credentials::<1024>(&state, address, &page, fields, "web-password", again).await? {
            Ok(checked) => checked,
            Err(response) => return Ok(response),
        };
    let user = accounts::user_by_email(&state.pool, &email).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.as_deref());
    let matches = accounts::verify_password(hash, &password).await;
    match user {
        Some(user) if matches => finish_sign_in(&state, &visit, &user.customer_id, Some(&user.id)).await,
        _ => {
            let problem = page.t("web-sign-in-password-failed");
            refused(page, &form.email, StatusCode::UNAUTHORIZED, problem)
        }
    }
}

/// Starts the signed-in session and goes home. A new token on sign-in: a token planted before
/// it (session fixation) is worth nothing after.
pub(super) async fn finish_sign_in(
    state: &AppState,
    visit: &Visit,
    customer: &str,
    user: Option<&str>,
) -> Result<Response, WebError> {
    let language = visit.session.as_ref().and_then(|s| s.language);
    if let Some(old) = &visit.session {
        session::end(&state.pool, &old.token_hash).await?;
    }
    let (token, _) = session::start_as(&state.pool, Some(customer), user, language).await?;
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(header::SET_COOKIE, session::session_cookie(&token, visit.secure));
    Ok(response)
}

/// Ends the session and forgets its cookie.
pub async fn sign_out(State(state): State<AppState>, visit: Visit) -> Result<Response, WebError> {
    if let Some(old) = &visit.session {
        session::end(&state.pool, &old.token_hash).await?;
    }
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(header::SET_COOKIE, session::set_cookie(session::COOKIE, "", 0, visit.secure));
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<Text<2048>>,
}

/// A path of this site to come back to; anything else (another site, `//host`) goes home.
fn local_path(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') =>
        {
            path
        }
        _ => "/",
    }
}

/// Switches the language, for the session and (by a year-long cookie) for the browser.
pub async fn switch_language(
    State(state): State<AppState>,
    visit: Visit,
    Path(code): Path<Text<16>>,
    Query(next): Query<Next>,
) -> Result<Response, WebError> {
    let Some(language) = Language::from_code(&code) else {
        return Err(WebError::not_found(&Page::new(&visit, "", "/")));
    };
    if let Some(current) = &visit.session {
        session::set_language(&state.pool, &current.token_hash, language).await?;
    }
    let mut response = Redirect::to(local_path(next.next.as_deref())).into_response();
    let year = 365 * 86_400;
    response
        .headers_mut()
        .append(header::SET_COOKIE, session::set_cookie(session::LANGUAGE_COOKIE, language.code(), year, visit.secure));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn the_language_switcher_only_comes_back_to_this_site() {
        let cases = [
            (Some("/orders?page=2"), "/orders?page=2", "a page of the portal"),
            (Some("//evil.example/x"), "/", "a protocol-relative URL"),
            (Some("https://evil.example"), "/", "another site"),
            (Some("/\\evil.example"), "/", "a backslash some browsers read as a slash"),
            (None, "/", "nothing asked"),
            (Some("/x\r\nSet-Cookie: a=b"), "/", "a header injection"),
        ];
        for (next, expected, why) in cases {
            assert_eq!(local_path(next), expected, "{why}");
        }
    }
}
