//! The Stripe adapter: its REST API (form-encoded requests, JSON answers, `Idempotency-Key` on
//! every write) and its webhooks (`Stripe-Signature: t=…,v1=…`, HMAC-SHA256 of `t.body`).
//! Tests point it at a fake on loopback that speaks the same wire format.

use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

use super::{Call, Card, ChargeRequest, Charged, PaymentProvider, ProviderError, SetupSession, Webhook};

/// How far a webhook's timestamp may be from now, in seconds (Stripe's own default).
pub const WEBHOOK_TOLERANCE: i64 = 300;

/// Stripe, reached at `api_url` with a secret key.
pub struct Stripe {
    client: reqwest::Client,
    api_url: String,
    secret_key: String,
    webhook_secret: String,
}

impl std::fmt::Debug for Stripe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The keys are secrets: at most their kind is shown.
        f.debug_struct("Stripe")
            .field("api_url", &self.api_url)
            .field("secret_key", &self.secret_key.get(..3).unwrap_or(""))
            .finish_non_exhaustive()
    }
}

impl Stripe {
    /// Stripe at `api_url` (`https://api.stripe.com`), each call given up after `timeout`.
    ///
    /// # Errors
    /// When the HTTP client cannot be built (no TLS backend).
    pub fn new(api_url: &str, secret_key: &str, webhook_secret: &str, timeout: Duration) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .build()
            .map_err(|error| format!("cannot build the HTTP client for Stripe: {error}"))?;
        Ok(Self {
            client,
            api_url: api_url.trim_end_matches('/').to_owned(),
            secret_key: secret_key.to_owned(),
            webhook_secret: webhook_secret.to_owned(),
        })
    }

    async fn send<T: for<'de> Deserialize<'de>>(
        &self,
        method: reqwest::Method,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: Option<&str>,
    ) -> Result<Answer<T>, ProviderError> {
        let mut request =
            self.client.request(method.clone(), format!("{}{path}", self.api_url)).bearer_auth(&self.secret_key);
        if method == reqwest::Method::GET {
            request = request.query(form);
        } else {
            request = request.form(form);
        }
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        let response = request.send().await.map_err(|error| ProviderError::Unavailable(unreachable(&error)))?;
        let status = response.status();
        let body = response.bytes().await.map_err(|error| ProviderError::Unavailable(unreachable(&error)))?;
        if status.is_success() {
            let value = serde_json::from_slice(&body)
                .map_err(|error| ProviderError::Unavailable(format!("an answer Tessera cannot read ({error})")))?;
            return Ok(Answer::Ok(value));
        }
        let message = serde_json::from_slice::<Failure>(&body)
            .map(|failure| failure.error)
            .unwrap_or_else(|_| Fault { kind: String::new(), message: None });
        let said = message.message.clone().unwrap_or_else(|| format!("HTTP {status}"));
        match status.as_u16() {
            402 => Ok(Answer::Declined(said)),
            429 | 500.. => Err(ProviderError::Unavailable(format!("HTTP {status}: {said}"))),
            401 => Err(ProviderError::Refused("the provider refused the API key".into())),
            _ if message.kind == "card_error" => Ok(Answer::Declined(said)),
            _ => Err(ProviderError::Refused(said)),
        }
    }
}

/// What a call answered: its object, or a card's refusal (402).
enum Answer<T> {
    Ok(T),
    Declined(String),
}

impl<T> Answer<T> {
    fn object(self) -> Result<T, ProviderError> {
        match self {
            Self::Ok(value) => Ok(value),
            Self::Declined(reason) => Err(ProviderError::Refused(reason)),
        }
    }
}

/// Why a request got no answer, without its address's secrets.
fn unreachable(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "no answer in time".into()
    } else if error.is_connect() {
        "no connection".into()
    } else {
        // The address is the provider's, with nothing secret in it; the message is enough.
        let text = error.to_string();
        text.split(" for url").next().unwrap_or(&text).to_owned()
    }
}

#[derive(Deserialize)]
struct Failure {
    error: Fault,
}

#[derive(Deserialize)]
struct Fault {
    #[serde(rename = "type", default)]
    kind: String,
    message: Option<String>,
}

#[derive(Deserialize)]
struct Object {
    id: String,
}

#[derive(Deserialize)]
struct Session {
    id: String,
    url: Option<String>,
    status: Option<String>,
    setup_intent: Option<SetupIntent>,
}

#[derive(Deserialize)]
struct SetupIntent {
    payment_method: Option<Method>,
}

#[derive(Deserialize)]
struct Method {
    id: String,
    card: Option<MethodCard>,
}

#[derive(Deserialize)]
struct MethodCard {
    brand: String,
    last4: String,
    exp_month: i64,
    exp_year: i64,
}

#[derive(Deserialize)]
struct Intent {
    id: String,
    status: String,
}

#[derive(Deserialize)]
struct Event {
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: serde_json::Value,
}

impl PaymentProvider for Stripe {
    fn name(&self) -> &'static str {
        "stripe"
    }

    fn test_mode(&self) -> bool {
        self.secret_key.starts_with("sk_test_")
    }

    fn page_origin(&self) -> Option<String> {
        if self.api_url == "https://api.stripe.com" {
            return Some("https://checkout.stripe.com".into());
        }
        // Another address (a proxy, the tests' fake): its pages are where its API is.
        let scheme_end = self.api_url.find("://")? + 3;
        let host_end = self.api_url[scheme_end..].find('/').map_or(self.api_url.len(), |at| scheme_end + at);
        Some(self.api_url[..host_end].to_owned())
    }

    fn create_customer<'a>(&'a self, email: &'a str, name: &'a str, customer_id: &'a str) -> Call<'a, String> {
        Box::pin(async move {
            let form = [
                ("email", email.to_owned()),
                ("name", name.to_owned()),
                ("metadata[tessera_customer]", customer_id.to_owned()),
            ];
            let key = format!("customer:{customer_id}");
            let created: Object =
                self.send(reqwest::Method::POST, "/v1/customers", &form, Some(&key)).await?.object()?;
            Ok(created.id)
        })
    }

    fn setup_session<'a>(
        &'a self,
        customer: &'a str,
        success_url: &'a str,
        cancel_url: &'a str,
    ) -> Call<'a, SetupSession> {
        Box::pin(async move {
            let form = [
                ("mode", "setup".to_owned()),
                ("customer", customer.to_owned()),
                ("payment_method_types[0]", "card".to_owned()),
                ("success_url", success_url.to_owned()),
                ("cancel_url", cancel_url.to_owned()),
            ];
            let session: Session =
                self.send(reqwest::Method::POST, "/v1/checkout/sessions", &form, None).await?.object()?;
            let url = session.url.ok_or_else(|| ProviderError::Refused("the setup session has no page".into()))?;
            Ok(SetupSession { id: session.id, url })
        })
    }

    fn setup_card<'a>(&'a self, session: &'a str) -> Call<'a, Option<Card>> {
        Box::pin(async move {
            if !plain_id(session) {
                return Err(ProviderError::Refused(format!("{session:?} is not a session id")));
            }
            let query = [("expand[]", "setup_intent.payment_method".to_owned())];
            let path = format!("/v1/checkout/sessions/{session}");
            let found: Session = self.send(reqwest::Method::GET, &path, &query, None).await?.object()?;
            if found.status.as_deref() != Some("complete") {
                return Ok(None);
            }
            let Some(method) = found.setup_intent.and_then(|intent| intent.payment_method) else {
                return Ok(None);
            };
            let card = method.card.ok_or_else(|| ProviderError::Refused(format!("{} is not a card", method.id)))?;
            Ok(Some(Card {
                provider_id: method.id,
                brand: card.brand,
                last4: card.last4,
                exp_month: card.exp_month,
                exp_year: card.exp_year,
            }))
        })
    }

    fn charge<'a>(&'a self, request: &'a ChargeRequest<'a>) -> Call<'a, Charged> {
        Box::pin(async move {
            let form = [
                ("amount", request.amount_minor.to_string()),
                ("currency", request.currency.to_lowercase()),
                ("customer", request.customer.to_owned()),
                ("payment_method", request.card.to_owned()),
                ("off_session", "true".to_owned()),
                ("confirm", "true".to_owned()),
                ("description", request.description.to_owned()),
            ];
            let answer = self
                .send::<Intent>(reqwest::Method::POST, "/v1/payment_intents", &form, Some(request.idempotency_key))
                .await?;
            match answer {
                Answer::Declined(reason) => Ok(Charged::Declined { reason }),
                Answer::Ok(intent) => match intent.status.as_str() {
                    "succeeded" => Ok(Charged::Succeeded { id: intent.id }),
                    "processing" => {
                        Err(ProviderError::Unavailable(format!("payment {} is still processing", intent.id)))
                    }
                    "requires_action" => {
                        Ok(Charged::Declined { reason: "The card asks the cardholder to confirm this payment.".into() })
                    }
                    _ => Ok(Charged::Declined { reason: "The card was declined.".into() }),
                },
            }
        })
    }

    fn refund<'a>(&'a self, charge: &'a str, amount_minor: i64, idempotency_key: &'a str) -> Call<'a, String> {
        Box::pin(async move {
            let form = [("payment_intent", charge.to_owned()), ("amount", amount_minor.to_string())];
            let refund: Object =
                self.send(reqwest::Method::POST, "/v1/refunds", &form, Some(idempotency_key)).await?.object()?;
            Ok(refund.id)
        })
    }

    fn detach<'a>(&'a self, card: &'a str) -> Call<'a, ()> {
        Box::pin(async move {
            if !plain_id(card) {
                return Err(ProviderError::Refused(format!("{card:?} is not a card id")));
            }
            let path = format!("/v1/payment_methods/{card}/detach");
            let _: Object = self.send(reqwest::Method::POST, &path, &[], None).await?.object()?;
            Ok(())
        })
    }

    fn webhook(&self, body: &[u8], signature: &str, now: i64) -> Result<Webhook, ProviderError> {
        verify(&self.webhook_secret, body, signature, now)?;
        let event: Event = serde_json::from_slice(body).map_err(|error| ProviderError::Refused(error.to_string()))?;
        if event.kind == "checkout.session.completed"
            && event.data.object.get("mode").and_then(serde_json::Value::as_str) == Some("setup")
            && let Some(session) = event.data.object.get("id").and_then(serde_json::Value::as_str)
        {
            return Ok(Webhook::SetupCompleted { session: session.to_owned() });
        }
        Ok(Webhook::Other(event.kind))
    }
}

/// An id that can go into a path as it is.
fn plain_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 255 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The `Stripe-Signature` value for `body` at `timestamp`: what Stripe sends (and the fake).
#[must_use]
pub fn signature(secret: &str, body: &[u8], timestamp: i64) -> String {
    format!("t={timestamp},v1={}", data_encoding::HEXLOWER.encode(&mac(secret, body, timestamp)))
}

fn mac(secret: &str, body: &[u8], timestamp: i64) -> Vec<u8> {
    keyed(secret, body, timestamp).finalize().into_bytes().to_vec()
}

/// The HMAC of `timestamp.body` under `secret`, not yet finalised.
fn keyed(secret: &str, body: &[u8], timestamp: i64) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// Checks a `Stripe-Signature` header: one of its `v1` signatures is the HMAC of `t.body`, and
/// `t` is within [`WEBHOOK_TOLERANCE`] of `now`.
///
/// # Errors
/// [`ProviderError::BadSignature`] otherwise.
pub fn verify(secret: &str, body: &[u8], header: &str, now: i64) -> Result<(), ProviderError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.extend(data_encoding::HEXLOWER_PERMISSIVE.decode(value.as_bytes()).ok()),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(ProviderError::BadSignature)?;
    if (now - timestamp).abs() > WEBHOOK_TOLERANCE {
        return Err(ProviderError::BadSignature);
    }
    // Compared in constant time through the MAC's own check.
    if signatures.iter().any(|signature| keyed(secret, body, timestamp).verify_slice(signature).is_ok()) {
        Ok(())
    } else {
        Err(ProviderError::BadSignature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_secret";

    #[test]
    fn a_signature_made_now_is_accepted() {
        let body = br#"{"type":"checkout.session.completed"}"#;
        let header = signature(SECRET, body, 1_800_000_000);
        assert_eq!(verify(SECRET, body, &header, 1_800_000_010), Ok(()));
    }

    #[test]
    fn a_changed_body_byte_a_wrong_secret_or_an_old_timestamp_is_refused() {
        let body = br#"{"type":"checkout.session.completed"}"#.to_vec();
        let header = signature(SECRET, &body, 1_800_000_000);
        let mut changed = body.clone();
        changed[9] ^= 0x01; // the `t` of "type" becomes `u`
        assert_eq!(verify(SECRET, &changed, &header, 1_800_000_000), Err(ProviderError::BadSignature));
        assert_eq!(verify("whsec_other", &body, &header, 1_800_000_000), Err(ProviderError::BadSignature));
        let late = 1_800_000_000 + WEBHOOK_TOLERANCE + 1;
        assert_eq!(verify(SECRET, &body, &header, late), Err(ProviderError::BadSignature));
        assert_eq!(verify(SECRET, &body, "v1=00", 1_800_000_000), Err(ProviderError::BadSignature));
        assert_eq!(verify(SECRET, &body, "", 1_800_000_000), Err(ProviderError::BadSignature));
    }

    #[test]
    fn only_plain_ids_go_into_a_path() {
        assert!(plain_id("pm_1Abc"));
        assert!(!plain_id("../v1/customers"));
        assert!(!plain_id(""));
    }
}
