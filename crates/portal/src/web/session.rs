//! Sessions of the web pages: a random token in an HttpOnly, SameSite=Lax cookie, its SHA-256
//! in `web_sessions`, and the CSRF guard every POST passes through (url-encoded forms and file
//! uploads alike; a body over 64 KiB is refused before any handler runs).

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tessera_i18n::Language;

use super::WebError;
use crate::domain::{CustomerId, TokenHash, UserId, new_token};
use crate::error::Result;
use crate::state::{AppState, BODY_LIMIT};
use crate::store::{self, Pool};

/// The session cookie's name.
pub const COOKIE: &str = "tessera_session";
/// A long-lived cookie keeping the chosen language across sign-outs.
pub const LANGUAGE_COOKIE: &str = "tessera_lang";
/// How long a session lasts, signed in or not.
const SESSION_SECONDS: i64 = 12 * 3600;
/// How long a back-office session lasts: shorter, its rights being wider.
pub const STAFF_SESSION_SECONDS: i64 = 4 * 3600;

/// A session row: anonymous until sign-in, then bound to one customer.
#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: TokenHash,
    pub customer_id: Option<String>,
    /// The account signed in with a password; `None` for e-mail + order number.
    pub user_id: Option<UserId>,
    /// The account's e-mail, else the customer's.
    pub email: Option<String>,
    pub csrf: String,
    pub language: Option<Language>,
    /// The member of staff signed in to the back office.
    pub staff_id: Option<String>,
    /// The partner's or reseller's person signed in to the partner console.
    pub partner_staff_id: Option<String>,
}

/// What the guard learnt about the request, for the handlers.
#[derive(Debug, Clone)]
pub struct Visit {
    pub session: Option<Session>,
    pub language: Language,
    /// Whether cookies set in the answer must be `Secure`.
    pub secure: bool,
    /// The member of staff of a back-office session.
    pub staff: Option<crate::store::staff::Staff>,
    /// The partner's or reseller's person of a partner console session.
    pub partner: Option<crate::store::partner_staff::PartnerUser>,
    /// Whether cards are taken in test mode (the demo): every page says so.
    pub test_mode: bool,
}

impl Visit {
    /// The CSRF token forms carry; empty without a session (such a form is refused anyway).
    pub fn csrf(&self) -> &str {
        self.session.as_ref().map_or("", |s| s.csrf.as_str())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Visit {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Self>().cloned().ok_or_else(|| WebError::internal("the session guard did not run"))
    }
}

/// A visit by a signed-in customer; anyone else is sent to the sign-in page.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub visit: Visit,
    pub customer_id: CustomerId,
    pub email: String,
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visit = Visit::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let session = visit.session.clone();
        match session.and_then(|s| Some((s.customer_id?, s.email.unwrap_or_default()))) {
            Some((customer_id, email)) => Ok(Self { visit, customer_id: CustomerId::new(customer_id), email }),
            None => Err(Redirect::to("/login").into_response()),
        }
    }
}

/// The value of cookie `name` in the request, if sent.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
}

/// The live session the request's cookie names, if any.
pub async fn load(pool: &Pool, headers: &HeaderMap) -> Result<Option<Session>> {
    let Some(token) = cookie(headers, COOKIE).filter(|t| !t.is_empty()) else { return Ok(None) };
    let Some(row) = store::sessions::web_session(pool, &TokenHash::of(token), store::now()).await? else {
        return Ok(None);
    };
    Ok(Some(Session {
        token_hash: row.token_hash,
        customer_id: row.customer_id,
        user_id: row.user_id.map(UserId::new),
        email: row.email,
        csrf: row.csrf,
        language: row.language.as_deref().and_then(Language::from_code),
        staff_id: row.staff_id,
        partner_staff_id: row.partner_staff_id,
    }))
}

/// Starts a session (anonymous when `customer_id` is `None`); returns the cookie's token and
/// the session's CSRF token.
pub async fn start(pool: &Pool, customer_id: Option<&str>, language: Option<Language>) -> Result<(String, String)> {
    start_as(pool, customer_id, None, language).await
}

/// Starts a session signed in to `customer_id`, through the account `user_id` when signed in
/// with a password.
pub async fn start_as(
    pool: &Pool,
    customer_id: Option<&str>,
    user_id: Option<&str>,
    language: Option<Language>,
) -> Result<(String, String)> {
    let token = new_token()?;
    let csrf = new_token()?;
    let now = store::now();
    let new = store::sessions::NewWebSession {
        token: &TokenHash::of(&token),
        customer_id,
        user_id,
        csrf: &csrf,
        language: language.map(Language::code),
        staff_id: None,
        partner_staff_id: None,
        created_at: now,
        expires_at: now + SESSION_SECONDS,
    };
    store::sessions::start_web_session(pool, &new).await?;
    Ok((token, csrf))
}

/// Starts a back-office session of member of staff `staff_id` ([`STAFF_SESSION_SECONDS`]);
/// returns the cookie's token and the session's CSRF token.
pub async fn start_staff(pool: &Pool, staff_id: &str, language: Option<Language>) -> Result<(String, String)> {
    let token = new_token()?;
    let csrf = new_token()?;
    let now = store::now();
    let new = store::sessions::NewWebSession {
        token: &TokenHash::of(&token),
        customer_id: None,
        user_id: None,
        csrf: &csrf,
        language: language.map(Language::code),
        staff_id: Some(staff_id),
        partner_staff_id: None,
        created_at: now,
        expires_at: now + STAFF_SESSION_SECONDS,
    };
    store::sessions::start_web_session(pool, &new).await?;
    Ok((token, csrf))
}

/// Starts a partner console session of person `user_id` (as long as a back-office one: it
/// spends license-years); returns the cookie's token and the session's CSRF token.
pub async fn start_partner(pool: &Pool, user_id: &str, language: Option<Language>) -> Result<(String, String)> {
    let token = new_token()?;
    let csrf = new_token()?;
    let now = store::now();
    let new = store::sessions::NewWebSession {
        token: &TokenHash::of(&token),
        customer_id: None,
        user_id: None,
        csrf: &csrf,
        language: language.map(Language::code),
        staff_id: None,
        partner_staff_id: Some(user_id),
        created_at: now,
        expires_at: now + STAFF_SESSION_SECONDS,
    };
    store::sessions::start_web_session(pool, &new).await?;
    Ok((token, csrf))
}

/// How long a sign-in whose password was right waits for its second factor's code.
pub const CODE_WAIT_SECONDS: i64 = 5 * 60;

/// Remembers that this session's browser gave member of staff `staff_id`'s password and owes
/// its code, for [`CODE_WAIT_SECONDS`].
pub async fn await_staff_code(pool: &Pool, token_hash: &TokenHash, staff_id: &str) -> Result<()> {
    let now = store::now();
    store::sessions::start_staff_sign_in(pool, token_hash, staff_id, now, now + CODE_WAIT_SECONDS).await
}

/// The member of staff whose code this session's browser owes, while it may.
pub async fn staff_owing_code(pool: &Pool, token_hash: &TokenHash) -> Result<Option<String>> {
    store::sessions::staff_sign_in(pool, token_hash, store::now()).await
}

/// Ends a session, and any that expired meanwhile.
pub async fn end(pool: &Pool, token_hash: &TokenHash) -> Result<()> {
    store::sessions::end_staff_sign_in(pool, token_hash).await?;
    store::sessions::end_web_session(pool, token_hash, store::now()).await
}

/// Remembers the language a session chose.
pub async fn set_language(pool: &Pool, token_hash: &TokenHash, language: Language) -> Result<()> {
    store::sessions::set_language(pool, token_hash, language.code()).await
}

/// A `Set-Cookie` value for `name`; an empty value with `max_age` 0 deletes the cookie.
pub fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let text = format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}");
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("tessera_invalid=; Max-Age=0"))
}

/// The session cookie for `token`.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    set_cookie(COOKIE, token, SESSION_SECONDS, secure)
}

/// Whether the request came over https, or the settings want `Secure` cookies anyway.
fn is_secure(state: &AppState, headers: &HeaderMap) -> bool {
    let forwarded_https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').next().is_some_and(|p| p.trim().eq_ignore_ascii_case("https")));
    state.secure_cookies || forwarded_https
}

/// The session's language, else the language cookie's, else the browser's `Accept-Language`.
fn language_of(session: Option<&Session>, headers: &HeaderMap) -> Language {
    session
        .and_then(|s| s.language)
        .or_else(|| cookie(headers, LANGUAGE_COOKIE).and_then(Language::from_code))
        .unwrap_or_else(|| {
            Language::negotiate(headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or(""))
        })
}

#[derive(Deserialize)]
struct CsrfField {
    csrf: String,
}

/// The `csrf` field of a form, url-encoded or (for file uploads) `multipart/form-data`.
async fn csrf_field(headers: &HeaderMap, bytes: &axum::body::Bytes) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if content_type.to_ascii_lowercase().starts_with("multipart/form-data") {
        let form = Request::builder()
            .method(Method::POST)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(bytes.clone()))
            .ok()?;
        let mut multipart = axum::extract::Multipart::from_request(form, &()).await.ok()?;
        while let Ok(Some(field)) = multipart.next_field().await {
            if field.name() == Some("csrf") {
                return field.text().await.ok();
            }
        }
        return None;
    }
    let form = Request::builder()
        .method(Method::POST)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(bytes.clone()))
        .ok()?;
    axum::Form::<CsrfField>::from_request(form, &()).await.ok().map(|f| f.0.csrf)
}

/// Equal without telling, through timing, how much of a guess was right.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Loads the session for every page and refuses (403) any POST whose form does not carry the
/// session's CSRF token.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let session = match load(&state.pool, request.headers()).await {
        Ok(session) => session,
        Err(e) => return WebError::from(e).into_response(),
    };
    let language = language_of(session.as_ref(), request.headers());
    let secure = is_secure(&state, request.headers());
    let mut request = request;
    if request.method() == Method::POST {
        let (parts, body) = request.into_parts();
        let declared = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if declared.is_some_and(|length| length > BODY_LIMIT) {
            return WebError::too_large(language).into_response();
        }
        let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
            return WebError::too_large(language).into_response();
        };
        let sent = csrf_field(&parts.headers, &bytes).await;
        let expected = session.as_ref().map(|s| s.csrf.as_str());
        if !matches!((expected, sent.as_deref()), (Some(expected), Some(sent)) if same_secret(expected, sent)) {
            tracing::info!(path = %parts.uri.path(), "form refused: missing or wrong CSRF token");
            return WebError::forbidden(language).into_response();
        }
        request = Request::from_parts(parts, Body::from(bytes));
    }
    let staff = match session.as_ref().and_then(|s| s.staff_id.as_deref()) {
        Some(id) => match crate::services::staff::by_id(&state.pool, id).await {
            Ok(staff) => staff,
            Err(e) => return WebError::from(e).into_response(),
        },
        None => None,
    };
    let partner = match session.as_ref().and_then(|s| s.partner_staff_id.as_deref()) {
        Some(id) => match crate::services::partner_staff::by_id(&state.pool, id).await {
            Ok(user) => user,
            Err(e) => return WebError::from(e).into_response(),
        },
        None => None,
    };
    let test_mode = state.payments.as_ref().is_some_and(|provider| provider.test_mode());
    request.extensions_mut().insert(Visit { session, language, secure, staff, partner, test_mode });
    next.run(request).await
}
