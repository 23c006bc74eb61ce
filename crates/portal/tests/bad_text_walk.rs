//! Bad text into every route, on SQLite and PostgreSQL: NUL, a control character, an overlong
//! value and invalid UTF-8 in every path parameter, query parameter, JSON field and form field.
//!
//! The routes come from the portal itself (the OpenAPI document for the API, `page_paths` for
//! the pages) and the fields from the documented schemas and the forms the pages show, so a new
//! route or field is walked without editing this test. Never a 5xx; the API answers
//! `{code, message}`, the pages an HTML page.

mod common;

use common::web::Visitor;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tessera_core::api;

/// A bad value: percent-encoded for an address or a form, as a JSON string, and as it is.
struct Bad {
    what: &'static str,
    encoded: String,
    json: Vec<u8>,
    raw: Vec<u8>,
}

fn bad_values() -> Vec<Bad> {
    let long = "a".repeat(3000);
    vec![
        Bad { what: "NUL", encoded: "a%00b".into(), json: br#""a\u0000b""#.to_vec(), raw: b"a\0b".to_vec() },
        Bad {
            what: "control character",
            encoded: "a%1Bb".into(),
            json: br#""a\u001bb""#.to_vec(),
            raw: b"a\x1bb".to_vec(),
        },
        Bad {
            what: "overlong",
            encoded: long.clone(),
            json: format!("\"{long}\"").into_bytes(),
            raw: long.clone().into_bytes(),
        },
        Bad {
            what: "invalid UTF-8",
            encoded: "a%FF%FEb".into(),
            json: b"\"a\xff\xfeb\"".to_vec(),
            raw: b"a\xff\xfeb".to_vec(),
        },
    ]
}

/// Every `{param}` of `path` replaced by `value`.
fn fill(path: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |i| open + i + 1);
        out.push_str(&rest[..open]);
        out.push_str(value);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// What went wrong with one answer, or nothing.
fn api_problem(label: &str, documented: &[String], status: StatusCode, body: &str) -> Option<String> {
    if status.is_server_error() {
        return Some(format!("{label}: {status} {body}"));
    }
    if !documented.iter().any(|listed| listed == status.as_str()) {
        return Some(format!("{label}: {status} is not among the documented {documented:?}: {body:.200}"));
    }
    if status.is_client_error() {
        let parsed: Option<Value> = serde_json::from_str(body).ok();
        let shaped = parsed.as_ref().is_some_and(|v| v["code"].is_string() && v["message"].is_string());
        if !shaped {
            return Some(format!("{label}: {status} without {{code, message}}: {body:.200}"));
        }
    }
    None
}

fn page_problem(label: &str, page: &common::web::Page) -> Option<String> {
    if page.status.is_server_error() {
        return Some(format!("{label}: {} {:.200}", page.status, page.body));
    }
    let html = page.content_type.as_deref().is_some_and(|c| c.starts_with("text/html"));
    if page.status.is_client_error() && !html {
        return Some(format!(
            "{label}: {} as {:?}, not an HTML page: {:.200}",
            page.status, page.content_type, page.body
        ));
    }
    None
}

/// The property names of a request body's JSON schema, following one `$ref`.
fn body_fields(document: &Value, operation: &Value) -> Vec<String> {
    let schema = &operation["requestBody"]["content"]["application/json"]["schema"];
    let schema = match schema["$ref"].as_str() {
        Some(reference) => &document["components"]["schemas"][reference.rsplit('/').next().unwrap_or_default()],
        None => schema,
    };
    schema["properties"].as_object().map(|p| p.keys().cloned().collect()).unwrap_or_default()
}

async fn walk_the_api(portal: &common::TestPortal, token: &str) -> (usize, Vec<String>) {
    let document: Value = portal.get("/api/v1/openapi.json").await.json().await.expect("openapi");
    let trusted = portal.trusted_keys().await;
    let (mut sent, mut problems) = (0, Vec::new());
    for (path, operations) in document["paths"].as_object().expect("paths") {
        for (method, operation) in operations.as_object().expect("operations") {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let fields = body_fields(&document, operation);
            let documented: Vec<String> =
                operation["responses"].as_object().map(|r| r.keys().cloned().collect()).unwrap_or_default();
            let queries: Vec<&str> = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "query")
                .filter_map(|p| p["name"].as_str())
                .collect();
            for bad in bad_values() {
                let mut requests: Vec<(String, String, Option<Vec<u8>>)> = Vec::new();
                if path.contains('{') {
                    requests.push((format!("path parameter {}", bad.what), fill(path, &bad.encoded), None));
                }
                for query in &queries {
                    requests.push((
                        format!("query {query} {}", bad.what),
                        format!("{path}?{query}={}", bad.encoded),
                        None,
                    ));
                }
                for field in &fields {
                    // The field bad, every other field a plain string.
                    let mut body = b"{".to_vec();
                    for (n, other) in fields.iter().enumerate() {
                        if n > 0 {
                            body.push(b',');
                        }
                        body.extend_from_slice(format!("{}:", json!(other)).as_bytes());
                        if other == field {
                            body.extend_from_slice(&bad.json)
                        } else {
                            body.extend_from_slice(b"\"x\"")
                        }
                    }
                    body.push(b'}');
                    requests.push((format!("field {field} {}", bad.what), fill(path, "x"), Some(body)));
                }
                for (what, target, body) in requests {
                    let mut request = portal
                        .client
                        .request(method.clone(), format!("{}{target}", portal.url))
                        .bearer_auth(token)
                        .header(api::NONCE_HEADER, "walk")
                        .header("content-type", "application/json");
                    if let Some(body) = body {
                        request = request.body(body);
                    }
                    let response = request.send().await.expect("request");
                    let status = response.status();
                    let header =
                        |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
                    let (date, signature) = (header("date"), header(api::SIGNATURE_HEADER));
                    // The target as the portal saw it (reqwest may have re-encoded it).
                    let seen = response.url().path().to_owned()
                        + &response.url().query().map(|q| format!("?{q}")).unwrap_or_default();
                    let bytes = response.bytes().await.unwrap_or_default();
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    sent += 1;
                    let signed = date.zip(signature).is_some_and(|(date, signature)| {
                        let message =
                            api::response_message(method.as_str(), &seen, status.as_u16(), &date, "walk", &bytes);
                        api::verify_response(&trusted, &signature, &message).is_ok()
                    });
                    if !signed {
                        problems.push(format!("{method} {path} with {what}: {status} is not signed by the portal"));
                    }
                    problems.extend(api_problem(&format!("{method} {path} with {what}"), &documented, status, &text));
                }
            }
        }
    }
    (sent, problems)
}

/// The forms a page shows: action, whether it uploads files, and its field names.
fn forms_of(html: &str) -> Vec<(String, bool, Vec<String>)> {
    let mut forms = Vec::new();
    for chunk in html.split("<form").skip(1) {
        let form = chunk.split("</form>").next().unwrap_or_default();
        let tag = form.split('>').next().unwrap_or_default();
        let attribute = |text: &str, name: &str| {
            let marker = format!("{name}=\"");
            text.find(&marker).map(|at| text[at + marker.len()..].split('"').next().unwrap_or_default().to_owned())
        };
        if attribute(tag, "method").as_deref() != Some("post") {
            continue;
        }
        let Some(action) = attribute(tag, "action") else { continue };
        let upload = tag.contains("multipart/form-data");
        let mut names = Vec::new();
        for element in ["<input", "<textarea", "<select"] {
            for field in form.split(element).skip(1) {
                let field_tag = field.split('>').next().unwrap_or_default();
                if let Some(name) = attribute(field_tag, "name")
                    && !names.contains(&name)
                {
                    names.push(name);
                }
            }
        }
        forms.push((action, upload, names));
    }
    forms
}

async fn walk_the_pages(portal: &common::TestPortal) -> (usize, Vec<String>) {
    let northwind = &portal.demo.customers[0];
    let (mut sent, mut problems) = (0, Vec::new());
    let mut anonymous = Visitor::new(&portal.url);
    let mut customer = Visitor::signed_in(&portal.url, &northwind.email, &northwind.orders[0]).await;
    for path in tessera_portal::web::page_paths() {
        for visitor in [&mut anonymous, &mut customer] {
            // Every parameter bad, by GET and by POST (the methods a page may take).
            for bad in bad_values() {
                if !path.contains('{') {
                    continue;
                }
                for method in [Method::GET, Method::POST] {
                    let target = fill(path, &bad.encoded);
                    let page = visitor
                        .send_raw(method.clone(), &target, "application/x-www-form-urlencoded", Vec::new())
                        .await;
                    sent += 1;
                    problems.extend(page_problem(&format!("{method} {path} with {} in the address", bad.what), &page));
                }
            }
            if path.contains('{') || path == "/logout" {
                continue;
            }
            // Every field of every form the page shows, bad in turn, with a valid CSRF token.
            let shown = visitor.get(path).await;
            let csrf = shown.body.contains(r#"name="csrf""#).then(|| shown.csrf());
            for (action, upload, fields) in forms_of(&shown.body) {
                if action == "/logout" || action.starts_with("/lang/") {
                    continue;
                }
                for field in fields.iter().filter(|f| f.as_str() != "csrf") {
                    for bad in bad_values() {
                        let mut body = Vec::new();
                        for other in &fields {
                            if !body.is_empty() {
                                body.push(b'&');
                            }
                            let value = match other.as_str() {
                                "csrf" => csrf.clone().unwrap_or_default(),
                                name if name == field => bad.encoded.clone(),
                                _ => "x".into(),
                            };
                            body.extend_from_slice(format!("{other}={value}").as_bytes());
                        }
                        let page = if upload {
                            let text = String::from_utf8_lossy(&bad.raw);
                            let csrf = csrf.clone().unwrap_or_default();
                            visitor.upload(&action, &[("csrf", &csrf), (field, &text)], None).await
                        } else {
                            visitor.send_raw(Method::POST, &action, "application/x-www-form-urlencoded", body).await
                        };
                        sent += 1;
                        problems.extend(page_problem(
                            &format!("POST {action} (form of {path}) with {} in {field}", bad.what),
                            &page,
                        ));
                    }
                }
            }
        }
    }
    (sent, problems)
}

on_both_databases!(
    bad_text_in_every_route_and_field_never_gets_a_server_error,
    |portal: common::TestPortal| async move {
        let northwind = &portal.demo.customers[0];
        let session: Value = portal
            .post("/api/v1/session", &json!({"email": northwind.email, "order_reference": northwind.orders[0]}))
            .await
            .json()
            .await
            .expect("session");
        let token = session["token"].as_str().expect("a token").to_owned();

        let (api_sent, mut problems) = walk_the_api(&portal, &token).await;
        let (pages_sent, page_problems) = walk_the_pages(&portal).await;
        problems.extend(page_problems);

        assert!(
            api_sent >= 60 && pages_sent >= 100,
            "the walk covered the routes: {api_sent} API, {pages_sent} page requests"
        );
        assert!(
            problems.is_empty(),
            "{} of {} answers were wrong:\n{}",
            problems.len(),
            api_sent + pages_sent,
            problems.join("\n")
        );
    }
);
