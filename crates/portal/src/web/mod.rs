//! The customer's web pages (seed 000): sign-in, home with licenses and supports, license
//! details, orders; profile, news and contracts (seed 002); server-rendered with askama, in the
//! customer's language.
//!
//! Every page and action of a customer filters by the session's customer id: another
//! customer's license, machine or order is answered with the same 404 as one that does not exist.

mod accounts;
mod auth;
mod contracts;
pub mod format;
mod home;
mod keys;
mod license_file;
mod news;
mod offline;
mod orders;
mod profile;
mod programs;
pub mod session;

use askama::Template;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use tessera_i18n::{Language, Localizer};

use crate::http::{AppState, BODY_LIMIT};
use session::Visit;

/// Rows per page of every table.
pub const PER_PAGE: i64 = 10;

/// The pages, mounted at `/` beside the API.
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/login", get(auth::sign_in_page).post(auth::sign_in))
        .route("/login/password", post(auth::sign_in_with_password))
        .route("/account/password", get(accounts::password_page).post(accounts::change_password))
        .route("/password/forgot", get(accounts::forgot_page).post(accounts::forgot))
        .route("/password/reset/{token}", get(accounts::reset_page).post(accounts::reset))
        .route("/logout", post(auth::sign_out))
        .route("/lang/{code}", get(auth::switch_language))
        .route("/licenses/{id}", get(home::license))
        .route("/licenses/{id}/machines/{machine}/deactivate", post(home::deactivate))
        .route("/licenses/{id}/machines/{machine}/license-file", get(license_file::download))
        .route("/offline", get(offline::page))
        .route("/offline/activate", post(offline::activate))
        .route("/offline/response", post(offline::download))
        .route("/offline/receipt", post(offline::receipt))
        .route("/keys", get(keys::page).post(keys::generate))
        .route("/orders", get(orders::orders))
        .route("/orders/{reference}", get(orders::order))
        .route("/profile", get(profile::profile))
        .route("/news", get(news::news))
        .route("/contracts", get(contracts::contracts))
        .layer(axum::middleware::from_fn_with_state(state, session::guard))
        .layer(axum::middleware::map_response(page_headers))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .route("/static/portal.css", get(stylesheet))
}

/// Pages show a customer's data: never cached, never framed, no script or foreign content.
async fn page_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        include_str!("../../static/portal.css"),
    )
}

/// What every page's frame needs: language, CSRF token, who is signed in, where we are.
#[derive(Debug, Clone)]
pub struct Page {
    localizer: Localizer,
    pub csrf: String,
    pub email: Option<String>,
    /// Whether the visitor signed in with an account's password (and may change it).
    pub account: bool,
    /// The menu entry to mark as current: `home`, `news`, `profile`, `keys`, `offline`, `orders`,
    /// `contracts`, `password` or empty.
    pub nav: &'static str,
    /// This page's path and query, where the language switcher comes back to.
    pub here: String,
}

/// One entry of the language switcher.
#[derive(Debug)]
pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl Page {
    /// The frame of a page seen during `visit`.
    pub fn new(visit: &Visit, nav: &'static str, here: impl Into<String>) -> Self {
        Self {
            localizer: Localizer::new(visit.language),
            csrf: visit.csrf().to_owned(),
            email: visit.session.as_ref().and_then(|s| s.customer_id.as_ref().and(s.email.clone())),
            account: visit.session.as_ref().is_some_and(|s| s.customer_id.is_some() && s.user_id.is_some()),
            nav,
            here: here.into(),
        }
    }

    /// A frame without session (error pages).
    pub fn bare(language: Language) -> Self {
        Self {
            localizer: Localizer::new(language),
            csrf: String::new(),
            email: None,
            account: false,
            nav: "",
            here: "/".into(),
        }
    }

    pub fn language(&self) -> Language {
        self.localizer.language()
    }

    /// The language code, for `<html lang>`.
    pub fn lang(&self) -> &'static str {
        self.language().code()
    }

    /// The message `id` in the page's language.
    pub fn t(&self, id: &str) -> String {
        self.localizer.text(id)
    }

    /// The message `id` with one text variable.
    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        self.localizer.text_with(id, &[(name, value)])
    }

    /// The message `id` with one number variable.
    pub fn tn(&self, id: &str, name: &str, value: i64) -> String {
        self.localizer.text_with(id, &[(name, value)])
    }

    /// What went wrong, in the page's language (`error-*` of the error's code).
    pub fn error(&self, error: &crate::Error) -> String {
        let english = error.to_string();
        match error {
            crate::Error::TooManyMachines(seats) => {
                self.localizer.error_with(error.code(), &english, &[("seats", *seats)])
            }
            _ => self.localizer.error(error.code(), &english),
        }
    }

    /// A license state's label (`VALID`, `EXPIRED`, ...).
    pub fn state(&self, code: &str) -> String {
        self.localizer.state(code)
    }

    pub fn date(&self, seconds: &i64) -> String {
        format::date(*seconds, self.language())
    }

    pub fn date_time(&self, seconds: &i64) -> String {
        format::date_time(*seconds, self.language())
    }

    pub fn iso(&self, seconds: &i64) -> String {
        format::iso_date(*seconds)
    }

    pub fn money(&self, minor: &i64, currency: &str) -> String {
        format::money(*minor, currency, self.language())
    }

    pub fn languages(&self) -> Vec<LanguageLink> {
        Language::ALL
            .into_iter()
            .map(|l| LanguageLink {
                code: l.code(),
                name: l.native_name(),
                href: format!("/lang/{}?next={}", l.code(), encode_path(&self.here)),
                current: l == self.language(),
            })
            .collect()
    }

    /// Previous/next links for a table, or `None` when it fits on one page.
    pub fn pager(&self, at: Paging, href: impl Fn(i64) -> String) -> Option<Pager> {
        (at.pages > 1).then(|| Pager {
            label: self.localizer.text_with("portal-page", &[("page", at.page), ("pages", at.pages)]),
            previous: (at.page > 1).then(|| href(at.page - 1)),
            next: (at.page < at.pages).then(|| href(at.page + 1)),
        })
    }
}

/// Which page of a table, from `?page=` and the number of rows.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub page: i64,
    pub pages: i64,
}

impl Paging {
    pub fn new(requested: Option<i64>, rows: i64) -> Self {
        let pages = ((rows + PER_PAGE - 1) / PER_PAGE).max(1);
        Self { page: requested.unwrap_or(1).clamp(1, pages), pages }
    }

    pub fn offset(self) -> i64 {
        (self.page - 1) * PER_PAGE
    }
}

/// Previous/next links under a table.
#[derive(Debug)]
pub struct Pager {
    pub label: String,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// Percent-encodes what is not safe in a query value.
fn encode_path(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    title: String,
    message: String,
}

/// A page that could not be shown: 404, 403 or 500, rendered in the visitor's language.
#[derive(Debug)]
pub struct WebError {
    status: StatusCode,
    page: Page,
}

impl WebError {
    /// Not there, or not this customer's: the two are never told apart.
    pub fn not_found(page: &Page) -> Self {
        // The language switcher comes back home, not to the address that was refused.
        Self { status: StatusCode::NOT_FOUND, page: Page { here: "/".into(), ..page.clone() } }
    }

    /// A form larger than the portal takes (64 KiB).
    pub fn too_large(language: Language) -> Self {
        Self { status: StatusCode::PAYLOAD_TOO_LARGE, page: Page::bare(language) }
    }

    /// A form without the session's CSRF token.
    pub fn forbidden(language: Language) -> Self {
        Self { status: StatusCode::FORBIDDEN, page: Page::bare(language) }
    }

    /// Something broke; `detail` goes to the log only.
    pub fn internal(detail: &str) -> Self {
        tracing::error!(detail, "web page failed");
        Self { status: StatusCode::INTERNAL_SERVER_ERROR, page: Page::bare(Language::En) }
    }
}

impl From<crate::Error> for WebError {
    fn from(error: crate::Error) -> Self {
        Self::internal(&error.to_string())
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (title, message) = match self.status {
            StatusCode::NOT_FOUND => ("web-not-found-title", "web-not-found"),
            StatusCode::FORBIDDEN => ("web-forbidden-title", "web-forbidden"),
            StatusCode::PAYLOAD_TOO_LARGE => ("web-too-large-title", "web-too-large"),
            _ => ("web-internal-title", "error-internal"),
        };
        let page = ErrorPage { title: self.page.t(title), message: self.page.t(message), page: self.page };
        match page.render() {
            Ok(html) => (self.status, Html(html)).into_response(),
            Err(_) => self.status.into_response(),
        }
    }
}

/// Renders a page template.
pub fn render(template: &impl Template) -> Result<Response, WebError> {
    template.render().map(|html| Html(html).into_response()).map_err(|e| WebError::internal(&e.to_string()))
}
