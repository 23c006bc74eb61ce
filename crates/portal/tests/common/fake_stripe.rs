//! A fake Stripe on loopback, speaking its wire format (form-encoded requests with a bearer
//! secret key and `Idempotency-Key`, JSON answers and errors, `Stripe-Signature` webhooks), for
//! what cannot be had here: the card network. Its card page is `/pay/{session}`, filled by a
//! test with a card number. Faults can be queued: no answer in time (the charge made, its
//! answer lost) and a 500 (nothing made).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

pub const SECRET_KEY: &str = "sk_test_fake_4f9a";
pub const WEBHOOK_SECRET: &str = "whsec_fake_2b71";
/// The card that is always declined (Stripe's test number).
pub const DECLINED: &str = "4000000000000002";

/// What the next charge request meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The charge is made, its answer comes after the portal gave up.
    Slow,
    /// 500 before anything is made.
    ServerError,
}

/// A charge the fake made (money taken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    pub id: String,
    pub key: String,
    pub amount: i64,
    pub currency: String,
    pub customer: String,
    pub card: String,
}

#[derive(Default)]
struct Inner {
    base: String,
    next: u64,
    sessions: HashMap<String, Session>,
    cards: HashMap<String, Card>,
    /// Idempotency key → (the parameters it was first used with, the status and body answered).
    answered: HashMap<String, Answered>,
    charges: Vec<Made>,
    refunds: Vec<(String, i64)>,
    detached: Vec<String>,
    faults: VecDeque<Fault>,
    charge_requests: usize,
}

/// The parameters a key was first used with, and the status and body answered.
type Answered = (Vec<(String, String)>, u16, Value);

struct Session {
    success_url: String,
    card: Option<String>,
}

#[derive(Clone)]
struct Card {
    number: String,
    exp_month: i64,
    exp_year: i64,
}

/// A running fake.
#[derive(Clone)]
pub struct FakeStripe {
    pub url: String,
    inner: Arc<Mutex<Inner>>,
}

impl FakeStripe {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let inner = Arc::new(Mutex::new(Inner { base: url.clone(), ..Inner::default() }));
        let app = Router::new()
            .route("/v1/customers", post(customer))
            .route("/v1/checkout/sessions", post(create_session))
            .route("/v1/checkout/sessions/{id}", get(read_session))
            .route("/v1/payment_intents", post(payment_intent))
            .route("/v1/refunds", post(refund))
            .route("/v1/payment_methods/{id}/detach", post(detach))
            .route("/pay/{id}", get(pay_page))
            .with_state(inner.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, inner }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().expect("the fake's state")
    }

    /// Queues a fault for the next charge request.
    pub fn fail_next(&self, fault: Fault) {
        self.lock().faults.push_back(fault);
    }

    /// The charges made, in order.
    pub fn charges(&self) -> Vec<Made> {
        self.lock().charges.clone()
    }

    /// How many charge requests arrived (answered, replayed or failed).
    pub fn charge_requests(&self) -> usize {
        self.lock().charge_requests
    }

    pub fn refunds(&self) -> Vec<(String, i64)> {
        self.lock().refunds.clone()
    }

    pub fn detached(&self) -> Vec<String> {
        self.lock().detached.clone()
    }

    /// The body and `Stripe-Signature` of the `checkout.session.completed` event of `session`.
    pub fn completed_event(session: &str, secret: &str) -> (String, String) {
        let body = json!({
            "id": "evt_1",
            "object": "event",
            "type": "checkout.session.completed",
            "data": { "object": { "id": session, "object": "checkout.session", "mode": "setup", "status": "complete" } },
        })
        .to_string();
        let header = tessera_portal::payments::stripe::signature(secret, body.as_bytes(), unix_now());
        (body, header)
    }
}

fn unix_now() -> i64 {
    i64::try_from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("after 1970").as_secs())
        .expect("a time")
}

type Shared = State<Arc<Mutex<Inner>>>;

fn authorised(headers: &HeaderMap) -> Result<(), Box<Response>> {
    let sent = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default();
    if sent == format!("Bearer {SECRET_KEY}") {
        Ok(())
    } else {
        let body = json!({ "error": { "type": "invalid_request_error", "message": "Invalid API Key provided." } });
        Err(Box::new((StatusCode::UNAUTHORIZED, axum::Json(body)).into_response()))
    }
}

fn answer(status: u16, body: Value) -> Response {
    (StatusCode::from_u16(status).expect("a status"), axum::Json(body)).into_response()
}

/// The answer given before to this idempotency key (replayed), a refusal for other parameters,
/// or `None` to go on.
fn replay(inner: &Inner, headers: &HeaderMap, form: &[(String, String)]) -> Option<Response> {
    let key = headers.get("idempotency-key")?.to_str().ok()?;
    let (params, status, body) = inner.answered.get(key)?;
    if params.as_slice() != form {
        let error = json!({ "error": { "type": "idempotency_error",
            "message": format!("Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.") } });
        return Some(answer(400, error));
    }
    let mut response = answer(*status, body.clone());
    response.headers_mut().insert("idempotent-replayed", "true".parse().expect("a header"));
    Some(response)
}

fn remember(inner: &mut Inner, headers: &HeaderMap, form: Vec<(String, String)>, status: u16, body: &Value) {
    if let Some(key) = headers.get("idempotency-key").and_then(|v| v.to_str().ok()) {
        inner.answered.insert(key.to_owned(), (form, status, body.clone()));
    }
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

async fn customer(State(inner): Shared, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Response {
    if let Err(refused) = authorised(&headers) {
        return *refused;
    }
    let mut inner = inner.lock().expect("state");
    if let Some(again) = replay(&inner, &headers, &form) {
        return again;
    }
    inner.next += 1;
    let body = json!({ "id": format!("cus_fake{}", inner.next), "object": "customer", "email": field(&form, "email") });
    remember(&mut inner, &headers, form, 200, &body);
    answer(200, body)
}

async fn create_session(State(inner): Shared, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Response {
    if let Err(refused) = authorised(&headers) {
        return *refused;
    }
    if field(&form, "mode") != "setup" || field(&form, "customer").is_empty() {
        return answer(
            400,
            json!({ "error": { "type": "invalid_request_error", "message": "mode=setup and customer are required" } }),
        );
    }
    let mut inner = inner.lock().expect("state");
    inner.next += 1;
    let id = format!("cs_test_fake{}", inner.next);
    inner.sessions.insert(id.clone(), Session { success_url: field(&form, "success_url").to_owned(), card: None });
    let url = format!("{}/pay/{id}", inner.base);
    answer(200, json!({ "id": id, "object": "checkout.session", "mode": "setup", "status": "open", "url": url }))
}

async fn read_session(
    State(inner): Shared,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    if let Err(refused) = authorised(&headers) {
        return *refused;
    }
    let inner = inner.lock().expect("state");
    let Some(session) = inner.sessions.get(&id) else {
        return answer(
            404,
            json!({ "error": { "type": "invalid_request_error", "message": format!("No such checkout.session: '{id}'") } }),
        );
    };
    let expanded = query.iter().any(|(k, v)| k == "expand[]" && v == "setup_intent.payment_method");
    let Some(pm) = &session.card else {
        return answer(
            200,
            json!({ "id": id, "object": "checkout.session", "status": "open", "setup_intent": "seti_open" }),
        );
    };
    let card = &inner.cards[pm];
    let method = if expanded {
        json!({ "id": pm, "object": "payment_method", "type": "card", "card": {
            "brand": "visa", "last4": &card.number[card.number.len() - 4..], "exp_month": card.exp_month, "exp_year": card.exp_year } })
    } else {
        json!(pm)
    };
    answer(
        200,
        json!({ "id": id, "object": "checkout.session", "status": "complete", "mode": "setup",
        "setup_intent": { "id": format!("seti_{id}"), "object": "setup_intent", "payment_method": method } }),
    )
}

/// The provider's card page: `?number=…&exp_month=…&exp_year=…` completes the session and
/// sends the customer back.
async fn pay_page(
    State(inner): Shared,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let mut inner = inner.lock().expect("state");
    inner.next += 1;
    let pm = format!("pm_fake{}", inner.next);
    let card = Card {
        number: query.get("number").cloned().unwrap_or_else(|| "4242424242424242".into()),
        exp_month: query.get("exp_month").and_then(|m| m.parse().ok()).unwrap_or(12),
        exp_year: query.get("exp_year").and_then(|y| y.parse().ok()).unwrap_or(2034),
    };
    let Some(session) = inner.sessions.get_mut(&id) else {
        return (StatusCode::NOT_FOUND, "no such session").into_response();
    };
    session.card = Some(pm.clone());
    let back = session.success_url.replace("{CHECKOUT_SESSION_ID}", &id);
    inner.cards.insert(pm, card);
    Redirect::to(&back).into_response()
}

async fn payment_intent(
    State(shared): Shared,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    if let Err(refused) = authorised(&headers) {
        return *refused;
    }
    let (response, slow) = {
        let mut inner = shared.lock().expect("state");
        inner.charge_requests += 1;
        let fault = inner.faults.pop_front();
        if fault == Some(Fault::ServerError) {
            return answer(500, json!({ "error": { "type": "api_error", "message": "An unknown error occurred." } }));
        }
        if let Some(again) = replay(&inner, &headers, &form) {
            (again, fault == Some(Fault::Slow))
        } else {
            let pm = field(&form, "payment_method").to_owned();
            let Some(card) = inner.cards.get(&pm).cloned() else {
                return answer(
                    400,
                    json!({ "error": { "type": "invalid_request_error", "message": format!("No such PaymentMethod: '{pm}'") } }),
                );
            };
            let amount: i64 = field(&form, "amount").parse().unwrap_or(0);
            let (status, body) = if card.number == DECLINED {
                (
                    402,
                    json!({ "error": { "type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                    "message": "Your card was declined." } }),
                )
            } else {
                inner.next += 1;
                let id = format!("pi_fake{}", inner.next);
                let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
                inner.charges.push(Made {
                    id: id.clone(),
                    key,
                    amount,
                    currency: field(&form, "currency").to_owned(),
                    customer: field(&form, "customer").to_owned(),
                    card: pm.clone(),
                });
                (
                    200,
                    json!({ "id": id, "object": "payment_intent", "amount": amount, "currency": field(&form, "currency"), "status": "succeeded" }),
                )
            };
            remember(&mut inner, &headers, form, status, &body);
            (answer(status, body), fault == Some(Fault::Slow))
        }
    };
    if slow {
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
    response
}

async fn refund(State(inner): Shared, headers: HeaderMap, Form(form): Form<Vec<(String, String)>>) -> Response {
    if let Err(refused) = authorised(&headers) {
        return *refused;
    }
    let mut inner = inner.lock().expect("state");
    if let Some(again) = replay(&inner, &headers, &form) {
        return again;
    }
    inner.next += 1;
    let amount: i64 = field(&form, "amount").parse().unwrap_or(0);
    inner.refunds.push((field(&form, "payment_intent").to_owned(), amount));
    let body =
        json!({ "id": format!("re_fake{}", inner.next), "object": "refund", "amount": amount, "status": "succeeded" });
    remember(&mut inner, &headers, form, 200, &body);
    answer(200, body)
}

async fn detach(State(inner): Shared, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Err(refused) = authorised(&headers) {
        return *refused;
    }
    inner.lock().expect("state").detached.push(id.clone());
    answer(200, json!({ "id": id, "object": "payment_method", "customer": null }))
}
