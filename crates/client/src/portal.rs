//! The portal API client: timeouts, retries on network errors only (each retry signed anew),
//! proxies, and every answer's signature checked before it is believed.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tessera_core::{PublicKeySet, SigningKey, Timestamp, api};
use tokio::time::Instant;

use crate::error::{Error, Result};
use crate::settings::{ProxyMode, Settings};

/// Attempts for a call that fails to connect or to answer (never for an answer the portal gave).
const ATTEMPTS: u32 = 3;

/// Words of rustls' and the certificate verifier's errors: a TLS failure, not a network one.
const TLS_WORDS: [&str; 7] =
    ["certificate", "tls", "handshake", "corrupt message", "invalidcontenttype", "peer sent", "alert"];

/// How long a portal call may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// To open the connection.
    pub connect: Duration,
    /// For one attempt, answer included.
    pub attempt: Duration,
    /// For the whole operation, retries included: what the customer waits at most.
    pub operation: Duration,
}

impl Default for Timeouts {
    /// 10 s to connect, 15 s an attempt, 30 s in all.
    fn default() -> Self {
        Self { connect: Duration::from_secs(10), attempt: Duration::from_secs(15), operation: Duration::from_secs(30) }
    }
}

/// A portal at one address, trusted through a set of public keys.
#[derive(Debug, Clone)]
pub struct PortalClient {
    http: reqwest::Client,
    base: String,
    keys: PublicKeySet,
    /// The proxy requests go through, without credentials; `None` when they go directly.
    proxy: Option<String>,
    backoff: Duration,
    timeouts: Timeouts,
}

/// What one attempt sends: built anew for each, so a retry never repeats a signed nonce.
struct Attempt {
    body: Option<Vec<u8>>,
    machine_signature: Option<String>,
}

/// A verified answer: its body and the portal's signed `Date`.
#[derive(Debug)]
pub struct Answer<T> {
    /// The parsed body.
    pub body: T,
    /// The portal's time, signed with the answer: a trusted time for the client's clock.
    pub portal_time: Option<Timestamp>,
}

impl PortalClient {
    /// A client for the portal named in `settings`; `proxy_password` comes from the credential store.
    pub fn new(settings: &Settings, keys: PublicKeySet, proxy_password: Option<&str>) -> Result<Self> {
        Self::with_timeouts(settings, keys, proxy_password, Timeouts::default())
    }

    /// The same, with other timeouts.
    pub fn with_timeouts(
        settings: &Settings,
        keys: PublicKeySet,
        proxy_password: Option<&str>,
        timeouts: Timeouts,
    ) -> Result<Self> {
        let base = settings.portal_url.trim_end_matches('/').to_owned();
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(Error::Settings(format!("The portal address '{base}' must start with https://")));
        }
        // The proxy is chosen here, never by reqwest from the environment: so a failure blames
        // a proxy only when the request went through one.
        let mut builder = reqwest::Client::builder()
            .connect_timeout(timeouts.connect)
            .no_proxy()
            .user_agent(concat!("tessera-client/", env!("CARGO_PKG_VERSION")));
        let (url, credentials) = match settings.proxy.mode {
            ProxyMode::None => (None, None),
            ProxyMode::System => (crate::proxy::system_proxy_for(&base, |name| std::env::var(name).ok()), None),
            ProxyMode::Manual => {
                (Some(settings.proxy.url.trim().to_owned()), settings.proxy.username.as_deref().zip(proxy_password))
            }
        };
        if let Some(url) = &url {
            let mut proxy = reqwest::Proxy::all(url.as_str()).map_err(|e| {
                Error::Settings(format!("The proxy address '{}' is not valid: {e}", without_credentials(url)))
            })?;
            if let Some((user, password)) = credentials {
                proxy = proxy.basic_auth(user, password);
            }
            builder = builder.proxy(proxy);
        }
        let http = builder.build().map_err(|e| Error::Settings(format!("The network settings cannot be used: {e}")))?;
        let proxy = url.as_deref().map(without_credentials);
        Ok(Self { http, base, keys, proxy, backoff: Duration::from_millis(400), timeouts })
    }

    /// The proxy requests go through, if any (without credentials).
    #[must_use]
    pub fn proxy(&self) -> Option<&str> {
        self.proxy.as_deref()
    }

    /// The portal's address.
    #[must_use]
    pub fn base(&self) -> &str {
        &self.base
    }

    /// POSTs JSON and returns the verified answer. `body` is called for each attempt: a body
    /// with a nonce or a signature of its own gets a fresh one every time.
    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: impl Fn() -> Result<B>,
    ) -> Result<Answer<T>> {
        self.call(Method::POST, path, None, || Ok(Attempt { body: Some(json(&body()?)?), machine_signature: None }))
            .await
    }

    /// POSTs a machine-signed call (refresh, deactivate), `call` built and signed anew for
    /// each attempt.
    pub async fn post_signed<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        call: impl Fn() -> Result<B>,
        machine: &SigningKey,
    ) -> Result<Answer<T>> {
        self.call(Method::POST, path, None, || {
            let bytes = json(&call()?)?;
            let signature = api::sign_machine_call(machine, "POST", path, &bytes);
            Ok(Attempt { body: Some(bytes), machine_signature: Some(signature) })
        })
        .await
    }

    /// POSTs JSON with a customer's bearer token.
    pub async fn post_as<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        token: &str,
    ) -> Result<Answer<T>> {
        let bytes = json(body)?;
        self.call(Method::POST, path, Some(token), || {
            Ok(Attempt { body: Some(bytes.clone()), machine_signature: None })
        })
        .await
    }

    /// GETs with an optional bearer token.
    pub async fn get<T: DeserializeOwned>(&self, path: &str, token: Option<&str>) -> Result<Answer<T>> {
        self.call(Method::GET, path, token, || Ok(Attempt { body: None, machine_signature: None })).await
    }

    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        attempt: impl Fn() -> Result<Attempt>,
    ) -> Result<Answer<T>> {
        let url = format!("{}{path}", self.base);
        let deadline = Instant::now() + self.timeouts.operation;
        let mut tries = 0;
        loop {
            tries += 1;
            // A fresh nonce per attempt: the signed answer must name it, so no old answer passes.
            let nonce = tessera_core::Nonce::generate()?.to_hex();
            let Attempt { body, machine_signature } = attempt()?;
            let left = deadline.saturating_duration_since(Instant::now());
            let mut request = self
                .http
                .request(method.clone(), &url)
                .timeout(left.min(self.timeouts.attempt))
                .header(api::NONCE_HEADER, &nonce);
            if let Some(body) = body {
                request = request.header("content-type", "application/json").body(body);
            }
            if let Some(signature) = machine_signature {
                request = request.header(api::MACHINE_SIGNATURE_HEADER, signature);
            }
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            let error = match request.send().await {
                Ok(response) => match self.verified(method.as_str(), path, &nonce, response).await {
                    // The answer was cut off on the way: the call is tried again, signed anew.
                    Err(error @ (Error::Timeout | Error::Network { .. })) => error,
                    done => return done,
                },
                Err(error) => self.classify(&error),
            };
            // Only failures to reach the portal are retried, each with a new nonce, and only
            // while the operation has time left.
            let pause = self.backoff * 2u32.pow(tries - 1);
            let retry = tries < ATTEMPTS
                && matches!(error, Error::Network { .. } | Error::Timeout)
                && Instant::now() + pause < deadline;
            if !retry {
                return Err(error);
            }
            tokio::time::sleep(pause).await;
        }
    }

    async fn verified<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        nonce: &str,
        response: reqwest::Response,
    ) -> Result<Answer<T>> {
        let status = response.status();
        if status == StatusCode::PROXY_AUTHENTICATION_REQUIRED {
            return Err(Error::Proxy {
                // No proxy configured: one on the network intercepts the connection.
                proxy: self.proxy.clone().unwrap_or_else(|| "(a transparent proxy)".into()),
                detail: "the proxy asks for a user name and password".into(),
            });
        }
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let (date, signature) = (header("date"), header(api::SIGNATURE_HEADER));
        let bytes = response.bytes().await.map_err(|e| self.classify(&e))?;
        let (Some(date), Some(signature)) = (date, signature) else {
            // No signature at all: not a forgery of the portal, not the portal.
            return Err(Error::NotAPortal { status: status.as_u16() });
        };
        let message = api::response_message(method, path, status.as_u16(), &date, nonce, &bytes);
        api::verify_response(&self.keys, &signature, &message).map_err(|_| Error::NotGenuine)?;
        let portal_time = chrono::DateTime::parse_from_rfc2822(&date.replace("GMT", "+0000"))
            .ok()
            .map(|d| Timestamp::from_datetime(d.with_timezone(&chrono::Utc)));
        if !status.is_success() {
            #[derive(serde::Deserialize)]
            struct Refusal {
                code: String,
                message: String,
                #[serde(default)]
                args: serde_json::Map<String, serde_json::Value>,
            }
            let refusal: Refusal = serde_json::from_slice(&bytes).map_err(|_| Error::NotGenuine)?;
            return Err(Error::portal(refusal.code, refusal.message, &refusal.args));
        }
        let body = serde_json::from_slice(&bytes).map_err(|e| {
            Error::portal(
                "UNEXPECTED_ANSWER".into(),
                format!("The portal's answer could not be read ({e}). Is the program up to date?"),
                &serde_json::Map::new(),
            )
        })?;
        Ok(Answer { body, portal_time })
    }

    /// Tells a network failure from a proxy, TLS or time-out failure.
    fn classify(&self, error: &reqwest::Error) -> Error {
        let chain = error_chain(error);
        let lower = chain.to_lowercase();
        if error.is_timeout() {
            Error::Timeout
        } else if TLS_WORDS.iter().any(|w| lower.contains(w)) {
            Error::Tls { detail: chain }
        } else if let Some(proxy) = &self.proxy
            && (lower.contains("proxy") || lower.contains("socks") || error.is_connect())
        {
            Error::Proxy { proxy: proxy.clone(), detail: chain }
        } else {
            Error::Network { url: self.base.clone() }
        }
    }
}

fn json<B: Serialize>(body: &B) -> Result<Vec<u8>> {
    serde_json::to_vec(body).map_err(|e| Error::Settings(e.to_string()))
}

fn error_chain(error: &reqwest::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    parts.join(": ")
}

/// A proxy URL fit to show: `http://user:pass@host:3128` → `http://host:3128`.
#[must_use]
pub fn without_credentials(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}{}", &url[..scheme + 3], &url[at + 1..]),
        _ => url.to_owned(),
    }
}
