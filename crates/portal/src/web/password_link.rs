//! The page of a one-time password link (a reset or an invitation) of a customer's account, a
//! member of the vendor's staff or a partner console's person: the new password, set once, then
//! signed in (customers) or that console's sign-in page; a link that no longer works is a 410
//! (with "Forgot your password?" where people ask for a new link themselves).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::accounts::with_status;
use super::auth::{anonymous_page, finish_sign_in, with_cookie};
use super::session::Visit;
use super::{Page, WebError, render};
use crate::domain::{CustomerId, Text, UserId};
use crate::error::Result;
use crate::services::{accounts, partner_staff, staff};
use crate::state::AppState;

/// Whose link: a customer's account, the back office's staff or the partner console's people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Console {
    Customer,
    Staff,
    Partner,
}

/// What follows a password set through a link.
enum Then {
    /// The customer's account is signed in.
    SignIn(CustomerId, UserId),
    /// The console's sign-in page.
    SignInPage,
}

impl Console {
    /// Where the link's form posts.
    fn action(self, token: &str) -> String {
        match self {
            Self::Customer => format!("/password/reset/{token}"),
            Self::Staff => format!("/admin/password/{token}"),
            Self::Partner => format!("/partner/password/{token}"),
        }
    }

    /// The page the language links of a refused link lead to.
    fn landing(self) -> &'static str {
        match self {
            Self::Customer => "/password/forgot",
            Self::Staff => "/admin/login",
            Self::Partner => "/partner/login",
        }
    }

    /// Where a person asks for a new link, when they may: staff ask an administrator.
    fn forgot(self) -> Option<&'static str> {
        match self {
            Self::Customer => Some("/password/forgot"),
            Self::Staff => None,
            Self::Partner => Some("/partner/password/forgot"),
        }
    }

    /// The id and e-mail of the person a link opens, while it works.
    async fn holder(self, state: &AppState, token: &str) -> Result<Option<(String, String)>> {
        Ok(match self {
            Self::Customer => accounts::reset_user(&state.pool, token).await?.map(|u| (u.id.to_string(), u.email)),
            Self::Staff => staff::link_member(&state.pool, token).await?.map(|m| (m.id, m.email)),
            Self::Partner => partner_staff::link_user(&state.pool, token).await?.map(|u| (u.id, u.email)),
        })
    }

    /// Sets the password through the link: what follows, or `None` when it no longer worked.
    async fn use_link(self, state: &AppState, token: &str, hash: &str) -> Result<Option<Then>> {
        Ok(match self {
            Self::Customer => {
                accounts::use_reset(&state.pool, token, hash).await?.map(|u| Then::SignIn(u.customer_id, u.id))
            }
            Self::Staff => staff::use_link(&state.pool, token, hash).await?.map(|_| Then::SignInPage),
            Self::Partner => partner_staff::use_link(&state.pool, token, hash).await?.map(|_| Then::SignInPage),
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
    let (page, cookie) = anonymous_page(state, visit, console.landing()).await?;
    let holder = console.holder(state, token).await?;
    let valid = holder.is_some();
    let template = PasswordPage {
        page,
        forgot: console.forgot(),
        action: console.action(token),
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

/// Sets the password through the link, once: signs the customer's account in, or sends the
/// person to their console's sign-in page (a second factor, when on, is still asked there).
pub async fn set(
    console: Console,
    state: &AppState,
    visit: &Visit,
    token: &str,
    form: &PasswordForm,
) -> Result<Response, WebError> {
    let page = Page::new(visit, "", console.landing());
    let Some((id, email)) = console.holder(state, token).await? else { return gone(console, page) };
    if let Some(problem) = accounts::new_password_problem(&form.password, &form.confirm) {
        let problem = Some(page.t(problem));
        let action = console.action(token);
        let template = PasswordPage { page, forgot: console.forgot(), action, email, problem, valid: true };
        return render(&template).map(|r| with_status(r, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let hash = accounts::hash_password(&form.password).await?;
    let Some(then) = console.use_link(state, token, &hash).await? else {
        // Used by a request racing with this one.
        return gone(console, page);
    };
    tracing::info!(person = %id, console = ?console, "password set through a one-time link");
    match then {
        Then::SignIn(customer_id, user_id) => finish_sign_in(state, visit, &customer_id, Some(&user_id)).await,
        Then::SignInPage => Ok(Redirect::to(&format!("{}?done=password", console.landing())).into_response()),
    }
}
