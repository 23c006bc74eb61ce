//! What every request meets before its handler, API and pages alike: the limit on its
//! headers (the body limits are the API's and the pages' own).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};

use crate::error::Error;

/// The most header bytes (names and values) a request may carry.
pub const HEADER_BYTES: usize = 16 * 1024;
/// The most headers a request may carry.
pub const HEADER_COUNT: usize = 100;

/// Middleware: refuses a request with more than [`HEADER_COUNT`] headers or [`HEADER_BYTES`]
/// of them with 431 `HEADERS_TOO_LARGE`.
pub async fn limit_headers(request: Request, next: Next) -> Response {
    let headers = request.headers();
    let bytes: usize = headers.iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
    if headers.len() > HEADER_COUNT {
        return Error::HeadersTooLarge(format!("{} headers, at most {HEADER_COUNT}", headers.len())).into_response();
    }
    if bytes > HEADER_BYTES {
        return Error::HeadersTooLarge(format!(
            "{} KiB of headers, at most {} KiB",
            bytes.div_ceil(1024),
            HEADER_BYTES / 1024
        ))
        .into_response();
    }
    next.run(request).await
}
