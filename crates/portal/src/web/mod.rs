//! The customer's web pages (seed 000): sign-in, home with licenses and supports, license
//! details, orders; profile, news and contracts (seed 002); server-rendered with askama, in the
//! customer's language.
//!
//! Every page and action of a customer filters by the session's customer id: another
//! customer's license, machine or order is answered with the same 404 as one that does not exist.

mod accounts;
mod auth;
pub mod backoffice;
mod cards;
mod company;
mod contracts;
pub mod format;
mod home;
mod invoice;
mod keys;
mod license_file;
mod news;
mod offline;
mod orders;
pub mod partner;
mod password_link;
mod profile;
mod programs;
pub mod session;
mod subscription_buy;
mod subscription_change;
mod subscription_contact;
mod subscriptions;
mod test_cards;

use askama::Template;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use tessera_i18n::{Language, Localizer};

use crate::state::{AppState, BODY_LIMIT};
use crate::store::Paging;
use session::Visit;

/// Every page with its methods (the customers' and the back office's): one list, which
/// [`router`] mounts and [`page_paths`] names.
fn pages() -> Vec<(&'static str, MethodRouter<AppState>)> {
    let mut pages = customer_pages();
    pages.extend(backoffice::pages());
    pages.extend(partner::pages());
    pages
}

/// The customers' pages.
fn customer_pages() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/", get(home::home)),
        ("/login", get(auth::sign_in_page).post(auth::sign_in)),
        ("/login/password", post(auth::sign_in_with_password)),
        ("/account/password", get(accounts::password_page).post(accounts::change_password)),
        ("/password/forgot", get(accounts::forgot_page).post(accounts::forgot)),
        ("/password/reset/{token}", get(accounts::reset_page).post(accounts::reset)),
        ("/logout", post(auth::sign_out)),
        ("/lang/{code}", get(auth::switch_language)),
        ("/licenses/{id}", get(home::license)),
        ("/licenses/{id}/machines/{machine}/deactivate", post(home::deactivate)),
        ("/licenses/{id}/machines/{machine}/license-file", get(license_file::download)),
        ("/licenses/{id}/license-file", post(license_file::for_computer)),
        ("/offline", get(offline::page)),
        ("/offline/activate", post(offline::activate)),
        ("/offline/response", post(offline::download)),
        ("/offline/receipt", post(offline::receipt)),
        ("/keys", get(keys::page).post(keys::generate)),
        ("/orders", get(orders::orders)),
        ("/orders/{reference}", get(orders::order)),
        ("/invoices/{number}", get(invoice::customer_invoice)),
        ("/profile", get(profile::profile)),
        ("/news", get(news::news)),
        ("/contracts", get(contracts::contracts)),
        ("/subscriptions", get(subscriptions::list)),
        ("/subscriptions/{id}/users", get(subscriptions::users_page).post(subscriptions::change_users)),
        ("/subscriptions/{id}/plan", get(subscriptions::plan_page).post(subscriptions::change_plan)),
        ("/subscriptions/{id}/cancel", get(subscriptions::cancel_page).post(subscriptions::cancel)),
        ("/subscriptions/{id}/resume", post(subscriptions::resume)),
        ("/subscriptions/{id}/buy", get(subscription_buy::page).post(subscription_buy::buy)),
        ("/subscriptions/{id}/compare", get(subscription_buy::compare)),
        ("/subscriptions/{id}/contact", get(subscription_contact::page).post(subscription_contact::send)),
        ("/payment-methods", get(cards::page)),
        ("/payment-methods/add", post(cards::add)),
        ("/payment-methods/added", get(cards::added)),
        ("/payment-methods/{id}/default", post(cards::make_default)),
        ("/payment-methods/{id}/remove", post(cards::remove)),
        ("/test-mode/setup/{session}", get(test_cards::page).post(test_cards::save)),
        ("/company", get(company::company)),
        ("/company/invite", post(company::invite)),
        ("/company/subscriptions", get(company::seats)),
        ("/company/seats/{id}/bind", post(company::bind)),
        ("/company/seats/{id}/unbind", post(company::unbind)),
        ("/company/licenses/{id}/carry", get(company::carry_page).post(company::carry)),
    ]
}

/// The path of every page (axum's `{param}` syntax): what the bad-input walk visits.
#[must_use]
pub fn page_paths() -> Vec<&'static str> {
    pages().into_iter().map(|(path, _)| path).collect()
}

/// The path of every partner console page (the isolation tests walk them).
#[must_use]
pub fn partner_paths() -> Vec<&'static str> {
    partner::paths()
}

/// The pages, mounted at `/` beside the API.
pub fn router(state: AppState) -> Router<AppState> {
    pages()
        .into_iter()
        .fold(Router::new(), |router, (path, methods)| router.route(path, methods))
        .layer(axum::middleware::from_fn_with_state(state, session::guard))
        .layer(axum::middleware::from_fn(crate::edge::limit_headers))
        .layer(axum::middleware::map_response(page_headers))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .route("/static/portal.css", get(stylesheet))
        .route("/static/favicon.svg", get(favicon))
        .route("/favicon.ico", get(favicon))
}

/// Pages show a customer's data: never cached, never framed, no script or foreign content.
/// A refusal made before a handler ran (a form or address axum could not read, a wrong
/// method) becomes the HTML error page in the visitor's language, like every other.
async fn page_headers(request_headers: axum::http::HeaderMap, response: Response) -> Response {
    let mut response = if response.status().is_client_error() && !is_html(&response) {
        let language = accepted_language(&request_headers);
        WebError { status: response.status(), page: Page::bare(language) }.into_response()
    } else {
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // A page whose forms go to the payment provider set its own (web/cards.rs).
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        );
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

/// The language the browser asks for, for pages shown before a session is known.
fn accepted_language(headers: &axum::http::HeaderMap) -> Language {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok()).map_or(Language::En, Language::negotiate)
}

fn is_html(response: &Response) -> bool {
    response.headers().get(header::CONTENT_TYPE).is_some_and(|value| value.as_bytes().starts_with(b"text/html"))
}

/// An address nobody serves: the API's JSON error under `/api/`, the HTML page elsewhere.
pub async fn not_found(uri: axum::http::Uri, request_headers: axum::http::HeaderMap) -> Response {
    if uri.path().starts_with("/api/") {
        return crate::Error::NotFound.into_response();
    }
    let language = accepted_language(&request_headers);
    WebError { status: StatusCode::NOT_FOUND, page: Page::bare(language) }.into_response()
}

/// The tab's icon: the portal's "T" on its brand blue (browsers ask for `/favicon.ico` too).
async fn favicon() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")],
        include_str!("../../static/favicon.svg"),
    )
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
    /// Cards are taken in test mode: a banner says nothing is charged.
    pub test_mode: bool,
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
            test_mode: visit.test_mode,
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
            test_mode: false,
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

    /// The message `id` with text variables.
    pub fn t_with(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.localizer.text_with(id, args)
    }

    /// The message `id` with one number variable.
    pub fn tn(&self, id: &str, name: &str, value: i64) -> String {
        self.localizer.text_with(id, &[(name, value)])
    }

    /// What went wrong, in the page's language (`error-*` of the error's code).
    pub fn error(&self, error: &crate::Error) -> String {
        // The detail in the page's language where the refusal has a message of its own.
        let detail = error.localized(&self.localizer);
        match error {
            crate::Error::TooManyMachines(seats) => {
                self.localizer.error_with(error.code(), &detail, &[("seats", *seats)])
            }
            _ => self.localizer.error(error.code(), &detail),
        }
    }

    /// A license state's label (`VALID`, `EXPIRED`, ...).
    pub fn state(&self, code: &str) -> String {
        self.localizer.state(code)
    }

    pub fn date(&self, seconds: &i64) -> String {
        format::date(*seconds, self.language())
    }

    /// A calendar day (a billing period's), written as [`Page::date`] writes its midnight.
    pub fn day(&self, day: &chrono::NaiveDate) -> String {
        format::date(crate::domain::day::start(*day), self.language())
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
#[template(path = "web/error.html")]
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

    /// An address or form with a value the portal does not take.
    pub fn bad_request(language: Language) -> Self {
        Self { status: StatusCode::BAD_REQUEST, page: Page::bare(language) }
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
        match error {
            // Text refused at the edge (a NUL, a control character, too long): the visitor's doing.
            crate::Error::BadRequest(_) => Self::bad_request(Language::En),
            crate::Error::NotFound => Self::not_found(&Page::bare(Language::En)),
            error => Self::internal(&error.to_string()),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (title, message) = match self.status {
            StatusCode::NOT_FOUND => ("web-not-found-title", "web-not-found"),
            StatusCode::FORBIDDEN => ("web-forbidden-title", "web-forbidden"),
            StatusCode::PAYLOAD_TOO_LARGE => ("web-too-large-title", "web-too-large"),
            StatusCode::BAD_REQUEST
            | StatusCode::METHOD_NOT_ALLOWED
            | StatusCode::UNPROCESSABLE_ENTITY
            | StatusCode::UNSUPPORTED_MEDIA_TYPE => ("web-bad-request-title", "web-bad-request"),
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
