//! The OpenAPI document describes exactly the routes the portal serves.

mod common;

use reqwest::{Method, StatusCode};
use serde_json::Value;

#[tokio::test]
async fn every_documented_operation_is_served_and_every_served_route_is_documented() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let document: Value = portal.get("/api/v1/openapi.json").await.json().await.expect("openapi");
    let paths = document["paths"].as_object().expect("paths");
    let mut documented = Vec::new();
    for (path, operations) in paths {
        for method in operations.as_object().expect("operations").keys() {
            documented.push((method.to_uppercase(), path.clone()));
        }
    }
    documented.sort();
    for (method, path) in &documented {
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let response =
            portal.client.request(method.clone(), format!("{}{path}", portal.url)).send().await.expect("request");
        // With no body or token each operation refuses the request, but it is routed: never 404/405.
        assert!(
            ![StatusCode::NOT_FOUND, StatusCode::METHOD_NOT_ALLOWED].contains(&response.status()),
            "{method} {path} is documented but answers {}",
            response.status()
        );
    }
    // The served API, as the router knows it, against the document.
    let (router, api) = tessera_portal::api::api().split_for_parts();
    drop(router);
    let mut served: Vec<(String, String)> = api
        .paths
        .paths
        .iter()
        .flat_map(|(path, item)| {
            let mut methods = Vec::new();
            if item.get.is_some() {
                methods.push(("GET".to_owned(), path.clone()));
            }
            if item.post.is_some() {
                methods.push(("POST".to_owned(), path.clone()));
            }
            if item.put.is_some() {
                methods.push(("PUT".to_owned(), path.clone()));
            }
            if item.delete.is_some() {
                methods.push(("DELETE".to_owned(), path.clone()));
            }
            if item.patch.is_some() {
                methods.push(("PATCH".to_owned(), path.clone()));
            }
            methods
        })
        .collect();
    served.sort();
    assert_eq!(served, documented);
    assert!(documented.len() >= 10, "{documented:?}");
}

#[tokio::test]
async fn unknown_api_paths_answer_a_json_not_found() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let response = portal.get("/api/v1/licences").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["code"], "NOT_FOUND");
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_show_seats() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let machine = common::TestMachine::new(70, "acme-ledger");
    portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await;
    portal.get("/api/v1/keys").await;
    let text = portal.get("/metrics").await.text().await.expect("text");
    assert!(
        text.contains("tessera_http_requests_total{method=\"POST\",route=\"/api/v1/activations\",status=\"201\"} 1"),
        "{text}"
    );
    assert!(text.contains("tessera_seats_used{status=\"active\"} 1"), "{text}");
    assert!(!text.contains(&portal.demo.customers[0].activation_key[..6]), "no key in metrics");
}

#[tokio::test]
async fn the_document_declares_the_bearer_scheme_and_the_machine_call_body() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let document: Value = portal.get("/api/v1/openapi.json").await.json().await.expect("openapi");
    assert_eq!(document["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    let refresh = &document["paths"]["/api/v1/refresh"]["post"]["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(refresh["$ref"], "#/components/schemas/MachineCallBody", "{refresh}");
}

#[tokio::test]
async fn every_error_status_names_its_codes_and_every_code_named_exists() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let document: Value = portal.get("/api/v1/openapi.json").await.json().await.expect("openapi");
    let english = tessera_i18n::Localizer::new(tessera_i18n::Language::En);
    let mut problems = Vec::new();
    for (path, operations) in document["paths"].as_object().expect("paths") {
        for (method, operation) in operations.as_object().expect("operations") {
            for (status, response) in operation["responses"].as_object().expect("responses") {
                if !status.starts_with('4') {
                    continue;
                }
                let description = response["description"].as_str().unwrap_or_default();
                let codes: Vec<&str> = description
                    .split(|c: char| !(c.is_ascii_uppercase() || c == '_'))
                    .filter(|word| {
                        word.len() > 3 && word.contains('_')
                            || ["REPLAYED", "SUSPENDED", "REVOKED", "EXPIRED", "UNAUTHENTICATED"].contains(word)
                    })
                    .collect();
                if codes.is_empty() {
                    problems.push(format!("{method} {path} {status}: the description names no code: {description:?}"));
                }
                for code in codes.into_iter().filter(|code| !code.ends_with('_')) {
                    let id = format!("error-{}", code.to_ascii_lowercase().replace('_', "-"));
                    if !english.has(&id) {
                        problems.push(format!("{method} {path} {status}: {code} is not a code the portal has"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn the_partner_api_is_documented_with_its_token_scheme() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let document: Value = portal.get("/api/v1/openapi.json").await.json().await.expect("openapi");
    let scheme = &document["components"]["securitySchemes"]["partner_token"];
    assert_eq!(scheme["scheme"], "bearer", "{scheme}");
    let mut operations = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        if !path.starts_with("/api/v1/partner/") {
            continue;
        }
        for (method, operation) in item.as_object().expect("operations") {
            let security = operation["security"].as_array().expect("security");
            assert!(security.iter().any(|s| s.get("partner_token").is_some()), "{method} {path}: {security:?}");
            let responses = operation["responses"].as_object().expect("responses");
            for status in ["401", "429"] {
                assert!(responses.contains_key(status), "{method} {path} documents {status}");
            }
            operations.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    operations.sort();
    assert_eq!(
        operations,
        [
            "GET /api/v1/partner/clients",
            "GET /api/v1/partner/pool",
            "POST /api/v1/partner/clients",
            "POST /api/v1/partner/clients/{id}/renewals",
            "PUT /api/v1/partner/clients/{id}/admin"
        ]
    );
}
