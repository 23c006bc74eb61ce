//! Serving connections: hyper set to read far more header than the portal accepts, so the
//! portal itself refuses oversized headers, as a signed `{code, message}` like every other
//! API answer, instead of hyper's bare 431.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse as _, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt as _;

use crate::error::Error;

/// The most header bytes (names and values) a request may carry.
pub const HEADER_BYTES: usize = 16 * 1024;
/// The most headers a request may carry.
pub const HEADER_COUNT: usize = 100;
/// What hyper reads before refusing by itself: well above the portal's own limits.
const HYPER_BUFFER: usize = 1024 * 1024;
const HYPER_HEADERS: usize = 1000;
/// How long requests in flight may finish once a shutdown is asked for.
const DRAIN: Duration = Duration::from_secs(30);

/// Serves `app` on `listener` until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder.http1().max_buf_size(HYPER_BUFFER).max_headers(HYPER_HEADERS);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: pause instead of spinning.
                Err(error) => {
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(remote));
            app.clone().oneshot(request.map(Body::new))
        });
        let connection = builder.serve_connection_with_upgrades(TokioIo::new(stream), service).into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away mid-request is not the portal's failure.
            let _ = connection.await;
        });
    }
    if tokio::time::timeout(DRAIN, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still running after {} s were cut off", DRAIN.as_secs());
    }
    Ok(())
}

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
