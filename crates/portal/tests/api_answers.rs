//! Every `/api/v1` answer, errors made before any handler ran included, carries the API's
//! `{code, message}`, the portal's signature, and a status its OpenAPI document lists.

mod common;

use reqwest::StatusCode;
use serde_json::Value;
use tessera_core::api;

/// What is wrong with one answer to `method target`, or nothing.
async fn problems_of(
    portal: &common::TestPortal,
    document: &Value,
    (method, path, target): (&str, &str, &str),
    response: reqwest::Response,
) -> Vec<String> {
    let status = response.status();
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let (date, signature) = (header("date"), header(api::SIGNATURE_HEADER));
    let body = response.bytes().await.expect("body");
    let label = format!("{method} {target} → {status}");
    let mut problems = Vec::new();
    match (date, signature) {
        (Some(date), Some(signature)) => {
            let message = api::response_message(method, target, status.as_u16(), &date, "walk-nonce", &body);
            if api::verify_response(&portal.trusted_keys().await, &signature, &message).is_err() {
                problems.push(format!("{label}: the signature does not verify"));
            }
        }
        _ => problems.push(format!("{label}: no signature")),
    }
    let parsed: Option<Value> = serde_json::from_slice(&body).ok();
    if !parsed.as_ref().is_some_and(|v| v["code"].is_string() && v["message"].is_string()) {
        problems.push(format!("{label}: not {{code, message}}: {:.200}", String::from_utf8_lossy(&body)));
    }
    if let Some(operation) = document["paths"][path][method.to_lowercase()].as_object()
        && !operation["responses"].as_object().is_some_and(|r| r.contains_key(status.as_str()))
    {
        problems.push(format!("{label}: {status} is not among the statuses documented for {method} {path}"));
    }
    problems
}

#[tokio::test]
async fn refusals_made_before_any_handler_are_signed_shaped_and_documented() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let document: Value = portal.get("/api/v1/openapi.json").await.json().await.expect("openapi");
    let url = |target: &str| format!("{}{target}", portal.url);
    let nonce = (api::NONCE_HEADER, "walk-nonce");
    let mut many = reqwest::header::HeaderMap::new();
    for n in 0..150 {
        many.insert(
            reqwest::header::HeaderName::try_from(format!("x-extra-{n}")).expect("name"),
            "v".parse().expect("value"),
        );
    }
    let cases = vec![
        (("GET", "/api/v1/nope", "/api/v1/nope"), portal.client.get(url("/api/v1/nope")), StatusCode::NOT_FOUND),
        (
            ("DELETE", "/api/v1/keys", "/api/v1/keys"),
            portal.client.delete(url("/api/v1/keys")),
            StatusCode::METHOD_NOT_ALLOWED,
        ),
        (
            ("GET", "/api/v1/keys", "/api/v1/keys"),
            portal.client.get(url("/api/v1/keys")).header("x-cookie-jar", "a".repeat(40 * 1024)),
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        ),
        (
            ("POST", "/api/v1/validate", "/api/v1/validate"),
            portal.client.post(url("/api/v1/validate")).headers(many).body("{}"),
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        ),
    ];
    let mut problems = Vec::new();
    for (request, builder, expected) in cases {
        let response = builder.header(nonce.0, nonce.1).send().await.expect("an answer");
        assert_eq!(response.status(), expected, "{request:?}");
        problems.extend(problems_of(&portal, &document, request, response).await);
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn a_page_with_oversized_headers_is_the_html_error_page() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let response = portal
        .client
        .get(format!("{}/login", portal.url))
        .header("accept-language", "fr")
        .header("cookie", format!("tracking={}", "a".repeat(40 * 1024)))
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    let html = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(html.starts_with("text/html"), "{html}");
}

#[tokio::test]
async fn headers_within_the_limits_are_served() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let response = portal
        .client
        .get(format!("{}/api/v1/keys", portal.url))
        .header("x-cookie-jar", "a".repeat(12 * 1024))
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::OK);
}
