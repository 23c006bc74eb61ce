//! Bad input gets a 4xx with `{code, message}`, never a 500, never a partial row.

mod common;

use reqwest::StatusCode;
use serde_json::{Value, json};

const JSON: &str = "application/json";

/// One bad request and the answer it must get: path, content type, body, status, code, why.
type Case = (&'static str, &'static str, Vec<u8>, StatusCode, &'static str, &'static str);

const fn case(
    path: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    status: StatusCode,
    code: &'static str,
    why: &'static str,
) -> Case {
    (path, content_type, body, status, code, why)
}

async fn send_raw(portal: &common::TestPortal, path: &str, content_type: &str, body: Vec<u8>) -> (StatusCode, Value) {
    let response = portal
        .client
        .post(format!("{}{path}", portal.url))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("request");
    let status = response.status();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or_else(|_| panic!("{path}: not JSON: {text}")))
}

on_both_databases!(
    malformed_bodies_get_a_clear_code_and_leave_nothing_behind,
    |portal: common::TestPortal| async move {
        let request = common::TestMachine::new(60, "acme-ledger").request(&portal.demo_key()).to_string();
        let newer = request.replace("eyJ2IjoxL", "eyJ2IjozL"); // {"v":1, → {"v":3,
        let json = |v: serde_json::Value| serde_json::to_vec(&v).expect("json");
        let cases = [
            case("/api/v1/activations", JSON, b"{".to_vec(), StatusCode::BAD_REQUEST, "BAD_REQUEST", "truncated JSON"),
            case(
                "/api/v1/activations",
                JSON,
                b"{\"request\": 42}".to_vec(),
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "wrong type",
            ),
            case("/api/v1/activations", JSON, b"[]".to_vec(), StatusCode::BAD_REQUEST, "BAD_REQUEST", "array body"),
            case(
                "/api/v1/activations",
                "text/plain",
                b"{\"request\": \"x\"}".to_vec(),
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "not JSON",
            ),
            case(
                "/api/v1/activations",
                JSON,
                json(json!({"request": "hello"})),
                StatusCode::BAD_REQUEST,
                "FILE_NOT_ARMOURED",
                "not a request file",
            ),
            case(
                "/api/v1/activations",
                JSON,
                json(json!({"request": newer})),
                StatusCode::BAD_REQUEST,
                "FILE_UNSUPPORTED_VERSION",
                "a future format version",
            ),
            case(
                "/api/v1/activations",
                JSON,
                vec![b' '; 100 * 1024],
                StatusCode::PAYLOAD_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "oversized body",
            ),
            case(
                "/api/v1/validate",
                JSON,
                json(json!({"activation_key": "ABC", "product": "p", "fingerprint": "00"})),
                StatusCode::BAD_REQUEST,
                "CODE_LENGTH",
                "short key",
            ),
            case(
                "/api/v1/refresh",
                JSON,
                b"{\"license_id\": 1}".to_vec(),
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "malformed machine call",
            ),
            case(
                "/api/v1/deactivations/receipt",
                JSON,
                json(json!({"receipt": "-----BEGIN TESSERA LICENSE-----\n"})),
                StatusCode::BAD_REQUEST,
                "FILE_WRONG_KIND",
                "a license is not a receipt",
            ),
            case(
                "/api/v1/session",
                JSON,
                b"{\"email\": null}".to_vec(),
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                "null e-mail",
            ),
        ];
        assert_eq!(cases.len(), 11);
        for (path, content_type, body, status, code, why) in cases {
            let (got, answer) = send_raw(&portal, path, content_type, body).await;
            assert_eq!((got, answer["code"].as_str()), (status, Some(code)), "{why}: {answer}");
            assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()), "{why}: a message for the customer");
        }
        let machines: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM machines").fetch_one(&portal.pool).await.expect("count");
        assert_eq!(machines, 0, "no partial rows");
    }
);
