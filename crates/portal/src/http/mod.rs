//! The HTTP surface: the `/api/v1` routers of each domain merged in one place, the one JSON
//! extractor, response signing, body limits and rate limits.

pub(crate) mod activations;
mod customers;
mod meta;
pub mod metrics;
pub(crate) mod registration;
pub(crate) mod signing;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use governor::{DefaultKeyedRateLimiter, Quota};
use serde::Serialize;
use sqlx::AnyPool;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::db::Engine;
use crate::error::{Error, Result};
use crate::keys::KeyRing;

/// Largest request body accepted (request files are a few kilobytes).
pub const BODY_LIMIT: usize = 64 * 1024;

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    pub pool: AnyPool,
    pub engine: Engine,
    pub keys: Arc<KeyRing>,
    pub limits: Arc<Limits>,
    pub metrics: Arc<metrics::Metrics>,
    /// Whether the web pages' session cookie is always `Secure` (see `Config::secure_cookies`).
    pub secure_cookies: bool,
    /// Where password-reset mail goes (SMTP or the outbox).
    pub mailer: Arc<crate::mail::Mailer>,
    /// The vendor's support contact and public address, written into every license file.
    pub vendor: Arc<crate::licensing::Vendor>,
}

/// Rate limiters, per client address and per account.
#[derive(Debug)]
pub struct Limits {
    sign_in_by_address: DefaultKeyedRateLimiter<String>,
    sign_in_by_account: DefaultKeyedRateLimiter<String>,
    keys_by_address: DefaultKeyedRateLimiter<String>,
}

impl Limits {
    /// Limiters allowing `sign_in` sign-ins and `key_requests` key requests per minute.
    #[must_use]
    pub fn new(sign_in: u32, key_requests: u32) -> Self {
        let per_minute = |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN));
        Self {
            sign_in_by_address: DefaultKeyedRateLimiter::keyed(per_minute(sign_in)),
            sign_in_by_account: DefaultKeyedRateLimiter::keyed(per_minute(sign_in)),
            keys_by_address: DefaultKeyedRateLimiter::keyed(per_minute(key_requests)),
        }
    }

    fn check(limiter: &DefaultKeyedRateLimiter<String>, key: String) -> Result<()> {
        limiter.check_key(&key).map_err(|not_until| {
            let wait = not_until.wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
            // Rounded up: a client waiting exactly this long must get through.
            Error::RateLimited((wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1))
        })
    }

    /// One sign-in attempt from `address` for `account`.
    pub fn sign_in(&self, address: SocketAddr, account: &str) -> Result<()> {
        Self::check(&self.sign_in_by_address, address.ip().to_string())?;
        Self::check(&self.sign_in_by_account, account.to_lowercase())
    }

    /// One activation, validation or key request from `address`.
    pub fn key_request(&self, address: SocketAddr) -> Result<()> {
        Self::check(&self.keys_by_address, address.ip().to_string())
    }
}

/// JSON in and out, with rejections turned into the API's `{code, message}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<S, T> FromRequest<S> for AppJson<T>
where
    axum::Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(Error::TooLarge),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(Error::BadRequest("Send the body as JSON with Content-Type: application/json.".into()))
            }
            Err(rejection) => {
                Err(Error::BadRequest(format!("The request body is not valid: {}", rejection.body_text())))
            }
        }
    }
}

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tessera Portal API",
        description = "Licensing API of the Tessera Portal. Every response is signed: see docs/api.md."
    ),
    components(schemas(crate::error::ErrorBody)),
    modifiers(&BearerScheme)
)]
struct ApiDoc;

/// Declares the `bearer` scheme the customer endpoints name.
struct BearerScheme;

impl utoipa::Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        let bearer = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("The token from POST /api/v1/session"))
            .build();
        components.add_security_scheme("bearer", SecurityScheme::Http(bearer));
    }
}

/// The answers every operation can give whatever it does: a body (or address) the portal
/// cannot take is 400, a body over the limit 413. Applied to the merged document, once its
/// routes are in.
struct CommonResponses;

impl utoipa::Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let error = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build(),
                )
                .build()
        };
        for item in openapi.paths.paths.values_mut() {
            let posts = item.post.iter_mut().map(|operation| (operation, true));
            for (operation, takes_body) in item.get.iter_mut().map(|operation| (operation, false)).chain(posts) {
                let responses = &mut operation.responses.responses;
                responses
                    .entry("400".into())
                    .or_insert_with(|| error("BAD_REQUEST: a value the portal does not take").into());
                if takes_body {
                    responses.entry("413".into()).or_insert_with(|| error("PAYLOAD_TOO_LARGE: over 64 KiB").into());
                }
                responses.entry("431".into()).or_insert_with(|| {
                    error("HEADERS_TOO_LARGE: more than 100 request headers or 16 KiB of them").into()
                });
            }
        }
    }
}

/// Every `/api/v1` route with its OpenAPI description, from one source.
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(meta::router())
        .merge(activations::router())
        .merge(registration::router())
        .merge(customers::router())
}

/// Gives the plain-text rejections of body limits and extractors the API's `{code, message}` shape.
async fn json_errors(response: Response) -> Response {
    // JSON is the API's own shape; HTML is a page's (the fallback answers pages under `/`).
    let shaped = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|c| c.as_bytes().starts_with(b"application/json") || c.as_bytes().starts_with(b"text/html"));
    let mut response = if shaped || response.status().is_success() {
        response
    } else {
        match response.status() {
            StatusCode::PAYLOAD_TOO_LARGE => Error::TooLarge.into_response(),
            StatusCode::METHOD_NOT_ALLOWED => Error::MethodNotAllowed.into_response(),
            status if status.is_client_error() => Error::BadRequest("The request is not valid.".into()).into_response(),
            _ => response,
        }
    };
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        // The rest of the body was never read, so this connection cannot carry another
        // request: tell the client not to reuse it.
        response.headers_mut().insert(axum::http::header::CONNECTION, axum::http::HeaderValue::from_static("close"));
    }
    response
}

/// The whole application.
pub fn app(state: AppState) -> Router {
    let (api, mut openapi) = api().split_for_parts();
    utoipa::Modify::modify(&CommonResponses, &mut openapi);
    let openapi = Arc::new(openapi);
    Router::new()
        .merge(api)
        .route(
            "/api/v1/openapi.json",
            axum::routing::get(move || {
                let openapi = Arc::clone(&openapi);
                async move { axum::Json(openapi.as_ref().clone()) }
            }),
        )
        .fallback(crate::web::not_found)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(axum::middleware::from_fn(crate::server::limit_headers))
        .layer(axum::middleware::map_response(json_errors))
        .layer(axum::middleware::from_fn_with_state(state.clone(), signing::sign_response))
        // The customer's pages: HTML with their own error pages, so outside the API's layers.
        .merge(crate::web::router(state.clone()))
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route("/metrics", axum::routing::get(metrics::scrape))
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), metrics::count_requests))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}
