//! The page of a staff member's one-time password link (`admin create-staff --link`,
//! `admin staff-password-link`): the new password, set once, then the sign-in page.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::accounts::with_status;
use super::super::auth::{anonymous_page, with_cookie};
use super::super::session::Visit;
use super::super::{Page, WebError, render};
use crate::domain::Text;
use crate::services::{accounts, staff};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "web/reset.html")]
struct PasswordPage {
    page: Page,
    /// Never: a member of staff asks an administrator for a new link.
    forgot: Option<&'static str>,
    action: String,
    email: String,
    problem: Option<String>,
    valid: bool,
}

/// The new-password form, or why the link is refused (410).
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
) -> Result<Response, WebError> {
    let (page, cookie) = anonymous_page(&state, &visit, "/admin/login").await?;
    let member = staff::link_member(&state.pool, &token).await?;
    let valid = member.is_some();
    let template = PasswordPage {
        page,
        forgot: None,
        action: format!("/admin/password/{}", token.as_str()),
        email: member.map(|m| m.email).unwrap_or_default(),
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

/// Sets the password through the link, once, and sends the member of staff to sign in with
/// it (a second factor, when on, is still asked there).
pub async fn set(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&visit, "", "/admin/login");
    let gone = |page: Page| {
        let template = PasswordPage {
            page,
            forgot: None,
            action: String::new(),
            email: String::new(),
            problem: None,
            valid: false,
        };
        render(&template).map(|r| with_status(r, StatusCode::GONE))
    };
    let Some(member) = staff::link_member(&state.pool, &token).await? else { return gone(page) };
    if let Some(id) = accounts::new_password_problem(&form.password, &form.confirm) {
        let problem = Some(page.t(id));
        let action = format!("/admin/password/{}", token.as_str());
        let template = PasswordPage { page, forgot: None, action, email: member.email, problem, valid: true };
        return render(&template).map(|r| with_status(r, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let hash = accounts::hash_password(&form.password).await?;
    if staff::use_link(&state.pool, &token, &hash).await?.is_none() {
        return gone(page);
    }
    tracing::info!(staff = %member.id, "staff password set through a one-time link");
    Ok(Redirect::to("/admin/login?done=password").into_response())
}
