//! The HTTP surface: the `/api/v1` routers of each domain merged in one place, the one JSON
//! extractor, response signing, body limits and rate limits.

pub(crate) mod activations;
mod customers;
mod meta;
mod partner;
mod payments;
pub(crate) mod registration;
pub(crate) mod signing;
mod user_activations;
mod vendor;

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::error::{Error, Result};
use crate::state::{AppState, BODY_LIMIT};

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
                Err(Error::BadRequest(format!("The request body is not valid: {}", rejection.body_text()).into()))
            }
        }
    }
}

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// The bearer token a call sent in its `Authorization` header, if any.
pub(crate) fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.get(..7).filter(|scheme| scheme.eq_ignore_ascii_case("bearer ")).map(|_| v[7..].trim()))
}

/// A time as the vendor and Partner APIs write it: RFC 3339 in UTC.
pub(crate) fn time(at: i64) -> String {
    tessera_core::Timestamp::from_unix(at).map_or_else(|| at.to_string(), |t| t.to_string())
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

/// Declares the `bearer` scheme the customer endpoints name, the `vendor_token` scheme of the
/// vendor API and the `partner_token` scheme of the Partner API.
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
        let vendor = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "A vendor API token (tsk_…) from `tessera-portal admin api-token create`; each route needs a scope",
            ))
            .build();
        components.add_security_scheme("vendor_token", SecurityScheme::Http(vendor));
        let partner = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "A partner's or reseller's token (tpk_…) from `tessera-portal admin pool token create`; \
                 the call acts as that organisation",
            ))
            .build();
        components.add_security_scheme("partner_token", SecurityScheme::Http(partner));
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
        for (path, item) in &mut openapi.paths.paths {
            let limited = if path.starts_with("/api/v1/admin/") {
                Some("RATE_LIMITED: too many calls with a token that opened nothing, with Retry-After")
            } else if path.starts_with("/api/v1/partner/") {
                Some(
                    "RATE_LIMITED: over 300 calls a minute with one token, or too many with a token that \
                     opened nothing, with Retry-After",
                )
            } else {
                None
            };
            let posts = item.post.iter_mut().chain(item.put.iter_mut()).map(|operation| (operation, true));
            for (operation, takes_body) in item.get.iter_mut().map(|operation| (operation, false)).chain(posts) {
                let responses = &mut operation.responses.responses;
                responses
                    .entry("400".into())
                    .or_insert_with(|| error("BAD_REQUEST: a value the portal does not take").into());
                if takes_body {
                    responses.entry("413".into()).or_insert_with(|| error("PAYLOAD_TOO_LARGE: over 64 KiB").into());
                }
                if let Some(limited) = limited {
                    responses.entry("429".into()).or_insert_with(|| error(limited).into());
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
        .merge(vendor::router())
        .merge(partner::router())
        .merge(payments::router())
        .merge(user_activations::router())
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

/// The `/api/v1` routes with the API's layers: body and header limits, the `{code, message}`
/// shape of every refusal, the signature of every answer. `fallback` answers the addresses no
/// route takes, inside those layers.
pub fn router<H, T>(state: &AppState, fallback: H) -> Router<AppState>
where
    H: axum::handler::Handler<T, AppState>,
    T: 'static,
{
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
        .fallback(fallback)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(axum::middleware::from_fn(crate::edge::limit_headers))
        .layer(axum::middleware::map_response(json_errors))
        .layer(axum::middleware::from_fn_with_state(state.clone(), signing::sign_response))
}
