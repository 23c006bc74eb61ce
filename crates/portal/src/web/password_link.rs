//! The page of a one-time password link of a member of the vendor's staff or of a partner console's person: the new password, set once, then that console's sign-in page; a link that no longer works is a 410 (with "Forgot your password?" where people ask for a new link themselves).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::accounts::with_status;
use super::auth::{anonymous_page, with_cookie};
use super::session::Visit;
use super::{Page, WebError, render};
use crate::domain::Text;
use crate::error::Result;
use crate::services::{accounts, partner_staff, staff};
use crate::state::AppState;

/// Whose link: the back office's staff or the partner console's people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Console {
    Staff,
    Partner,
}

impl Console {
    /// The console's root: `/admin` or `/partner`.
    fn root(self) -> &'static str {
        match self {
            Self::Staff => "/admin",
            Self::Partner => "/partner",
        }
    }

    /// Where a person asks for a new link, when they may: staff ask an administrator.
    fn forgot(self) -> Option<&'static str> {
        match self {
            Self::Staff => None,
            Self::Partner => Some("/partner/password/forgot"),
        }
    }

    /// The id and e-mail of the person a link opens, while it works.
    async fn holder(self, state: &AppState, token: &str) -> Result<Option<(String, String)>> {
        Ok(match self {
            Self::Staff => staff::link_member(&state.pool, token).await?.map(|m| (m.id, m.email)),
            Self::Partner => partner_staff::link_user(&state.pool, token).await?.map(|u| (u.id, u.email)),
        })
    }

    /// Sets the password through the link: whether it still worked.
    async fn use_link(self, state: &AppState, token: &str, hash: &str) -> Result<bool> {
        Ok(match self {
            Self::Staff => staff::use_link(&state.pool, token, hash).await?.is_some(),
            Self::Partner => partner_staff::use_link(&state.pool, token, hash).await?.is_some(),
        })
    }
}

#[derive(Template)]
#[template(path = "web/reset.html")]
struct PasswordPage {
    page: Page,
    forgot: Option<&'static str>,
    action: String,
    email: String,
    problem: Option<String>,
    valid: bool,
}

fn gone(console: Console, page: Page) -> Result<Response, WebError> {
    let template = PasswordPage {
        page,
        forgot: console.forgot(),
        action: String::new(),
        email: String::new(),
        problem: None,
        valid: false,
    };
    render(&template).map(|r| with_status(r, StatusCode::GONE))
}

/// The new-password form, or why the link is refused (410).
pub async fn page(console: Console, state: &AppState, visit: &Visit, token: &str) -> Result<Response, WebError> {
    let login = format!("{}/login", console.root());
    let (page, cookie) = anonymous_page(state, visit, &login).await?;
    let holder = console.holder(state, token).await?;
    let valid = holder.is_some();
    let template = PasswordPage {
        page,
        forgot: console.forgot(),
        action: format!("{}/password/{token}", console.root()),
        email: holder.map(|(_, email)| email).unwrap_or_default(),
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

/// Sets the password through the link, once, and sends the person to sign in with it (a
/// second factor, when on, is still asked there).
pub async fn set(
    console: Console,
    state: &AppState,
    visit: &Visit,
    token: &str,
    form: &PasswordForm,
) -> Result<Response, WebError> {
    let page = Page::new(visit, "", format!("{}/login", console.root()));
    let Some((id, email)) = console.holder(state, token).await? else { return gone(console, page) };
    if let Some(problem) = accounts::new_password_problem(&form.password, &form.confirm) {
        let problem = Some(page.t(problem));
        let action = format!("{}/password/{token}", console.root());
        let template = PasswordPage { page, forgot: console.forgot(), action, email, problem, valid: true };
        return render(&template).map(|r| with_status(r, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let hash = accounts::hash_password(&form.password).await?;
    if !console.use_link(state, token, &hash).await? {
        return gone(console, page);
    }
    tracing::info!(person = %id, console = console.root(), "password set through a one-time link");
    Ok(Redirect::to(&format!("{}/login?done=password", console.root())).into_response())
}
