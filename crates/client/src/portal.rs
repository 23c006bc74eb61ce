//! The portal API client: timeouts, retries on network errors only, proxies, and every answer's
//! signature checked before it is believed.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tessera_core::{PublicKeySet, SigningKey, Timestamp, api};

use crate::error::{Error, Result};
use crate::settings::{ProxyMode, Settings};

/// Attempts for a call that fails to connect (never for an answer the portal gave).
const ATTEMPTS: u32 = 3;

/// Words of rustls' and the certificate verifier's errors: a TLS failure, not a network one.
const TLS_WORDS: [&str; 7] =
    ["certificate", "tls", "handshake", "corrupt message", "invalidcontenttype", "peer sent", "alert"];

/// A portal at one address, trusted through a set of public keys.
#[derive(Debug, Clone)]
pub struct PortalClient {
    http: reqwest::Client,
    base: String,
    keys: PublicKeySet,
    proxy: Option<String>,
    backoff: Duration,
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
        let base = settings.portal_url.trim_end_matches('/').to_owned();
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(Error::Settings(format!("The portal address '{base}' must start with https://")));
        }
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("tessera-client/", env!("CARGO_PKG_VERSION")));
        let mut proxy_shown = None;
        match settings.proxy.mode {
            ProxyMode::None => builder = builder.no_proxy(),
            // reqwest reads HTTP_PROXY / HTTPS_PROXY / ALL_PROXY / NO_PROXY by itself.
            ProxyMode::System => {
                proxy_shown = ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy"]
                    .iter()
                    .find_map(|name| std::env::var(name).ok())
                    .map(|url| without_credentials(&url));
            }
            ProxyMode::Manual => {
                let url = settings.proxy.url.trim();
                let mut proxy = reqwest::Proxy::all(url)
                    .map_err(|e| Error::Settings(format!("The proxy address '{url}' is not valid: {e}")))?;
                if let (Some(user), Some(password)) = (settings.proxy.username.as_deref(), proxy_password) {
                    proxy = proxy.basic_auth(user, password);
                }
                builder = builder.proxy(proxy);
                proxy_shown = Some(without_credentials(url));
            }
        }
        let http = builder.build().map_err(|e| Error::Settings(format!("The network settings cannot be used: {e}")))?;
        Ok(Self { http, base, keys, proxy: proxy_shown, backoff: Duration::from_millis(400) })
    }

    /// The portal's address.
    #[must_use]
    pub fn base(&self) -> &str {
        &self.base
    }

    /// POSTs JSON and returns the verified answer.
    pub async fn post<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<Answer<T>> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Settings(e.to_string()))?;
        self.call(Method::POST, path, Some(bytes), None, None).await
    }

    /// POSTs a machine-signed call (refresh, deactivate).
    pub async fn post_signed<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        machine: &SigningKey,
    ) -> Result<Answer<T>> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Settings(e.to_string()))?;
        let signature = api::sign_machine_call(machine, "POST", path, &bytes);
        self.call(Method::POST, path, Some(bytes), Some(signature), None).await
    }

    /// POSTs JSON with a customer's bearer token.
    pub async fn post_as<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        token: &str,
    ) -> Result<Answer<T>> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Settings(e.to_string()))?;
        self.call(Method::POST, path, Some(bytes), None, Some(token)).await
    }

    /// GETs with an optional bearer token.
    pub async fn get<T: DeserializeOwned>(&self, path: &str, token: Option<&str>) -> Result<Answer<T>> {
        self.call(Method::GET, path, None, None, token).await
    }

    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        machine_signature: Option<String>,
        token: Option<&str>,
    ) -> Result<Answer<T>> {
        let url = format!("{}{path}", self.base);
        // A fresh nonce per call: the signed answer must name it, so no old answer passes.
        let nonce = tessera_core::Nonce::generate()?.to_hex();
        let mut attempt = 0;
        let response = loop {
            attempt += 1;
            let mut request = self.http.request(method.clone(), &url).header(api::NONCE_HEADER, &nonce);
            if let Some(body) = &body {
                request = request.header("content-type", "application/json").body(body.clone());
            }
            if let Some(signature) = &machine_signature {
                request = request.header(api::MACHINE_SIGNATURE_HEADER, signature);
            }
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            match request.send().await {
                Ok(response) => break response,
                Err(error) => {
                    let error = self.classify(&error);
                    // Only failures to reach the portal are retried: an answer is never sent twice.
                    if attempt >= ATTEMPTS || !matches!(error, Error::Network { .. } | Error::Timeout) {
                        return Err(error);
                    }
                    tokio::time::sleep(self.backoff * 2u32.pow(attempt - 1)).await;
                }
            }
        };
        self.verified(method.as_str(), path, &nonce, response).await
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
                proxy: self.proxy.clone().unwrap_or_else(|| "(system)".into()),
                detail: "the proxy asks for a user name and password".into(),
            });
        }
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let (date, signature) = (header("date"), header(api::SIGNATURE_HEADER));
        let bytes = response.bytes().await.map_err(|e| self.classify(&e))?;
        let (Some(date), Some(signature)) = (date, signature) else {
            return Err(Error::NotGenuine);
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
            }
            let refusal: Refusal = serde_json::from_slice(&bytes).map_err(|_| Error::NotGenuine)?;
            return Err(Error::Portal { code: refusal.code, message: refusal.message });
        }
        let body = serde_json::from_slice(&bytes).map_err(|e| Error::Portal {
            code: "UNEXPECTED_ANSWER".into(),
            message: format!("The portal's answer could not be read ({e}). Is the program up to date?"),
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
