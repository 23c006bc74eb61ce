//! A browser stand-in for the customer pages: keeps the session cookie, reads CSRF tokens from forms.

use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_DISPOSITION, CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};

/// One visitor of the pages, with their cookies.
pub struct Visitor {
    base: String,
    client: reqwest::Client,
    pub cookies: Vec<(String, String)>,
    pub accept_language: String,
}

/// An answer: status, where it redirects, its body.
#[derive(Debug)]
pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub body: String,
    pub set_cookies: Vec<String>,
    /// The `Content-Disposition` header of a download.
    pub disposition: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
}

impl Page {
    /// The CSRF token of the page's first form.
    pub fn csrf(&self) -> String {
        let marker = r#"name="csrf" value=""#;
        let start = self.body.find(marker).expect("a form with a CSRF token") + marker.len();
        self.body[start..].split('"').next().expect("token").to_owned()
    }

    /// The text of the textarea named `name`, unescaped.
    pub fn textarea(&self, name: &str) -> Option<String> {
        let start = self.body.find(&format!(r#"name="{name}""#))?;
        let open = start + self.body[start..].find('>')? + 1;
        let close = open + self.body[open..].find("</textarea>")?;
        Some(unescape(&self.body[open..close]))
    }

    /// The text of the element with `id`, without its markup, unescaped.
    pub fn text_of(&self, id: &str) -> Option<String> {
        let start = self.body.find(&format!(r#"id="{id}""#))?;
        let open = start + self.body[start..].find('>')? + 1;
        let close = open + self.body[open..].find("</")?;
        Some(unescape(&self.body[open..close]))
    }
}

/// Undoes the HTML escaping of the templates.
pub fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&amp;", "&")
}

impl Visitor {
    pub fn new(base: &str) -> Self {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Self { base: base.to_owned(), client, cookies: Vec::new(), accept_language: "en".into() }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    async fn finish(&mut self, response: reqwest::Response) -> Page {
        let set_cookies: Vec<String> =
            response.headers().get_all(SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect();
        for cookie in &set_cookies {
            let pair = cookie.split(';').next().unwrap_or_default();
            let (name, value) = pair.split_once('=').expect("name=value");
            self.cookies.retain(|(k, _)| k != name);
            if !value.is_empty() && !cookie.contains("Max-Age=0") {
                self.cookies.push((name.to_owned(), value.to_owned()));
            }
        }
        let status = response.status();
        let location = response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let disposition = response.headers().get(CONTENT_DISPOSITION).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let body = response.text().await.expect("body");
        Page { status, location, body, set_cookies, disposition, content_type }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .header(ACCEPT_LANGUAGE, &self.accept_language)
            .send()
            .await
            .expect("request");
        self.finish(response).await
    }

    /// Posts a form (`fields` as given: include `csrf` or not).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .header(ACCEPT_LANGUAGE, &self.accept_language)
            .form(fields)
            .send()
            .await
            .expect("request");
        self.finish(response).await
    }

    /// Posts a file-upload form (`multipart/form-data`): `fields` as given (include `csrf` or
    /// not) and, when `file` is given, its bytes as the field `file`.
    pub async fn upload(&mut self, path: &str, fields: &[(&str, &str)], file: Option<&[u8]>) -> Page {
        const BOUNDARY: &str = "tessera-test-boundary-7d1f";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        if let Some(file) = file {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.txt\"\r\n\
                     Content-Type: text/plain\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(file);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .header(ACCEPT_LANGUAGE, &self.accept_language)
            .header(CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
            .body(body)
            .send()
            .await
            .expect("request");
        self.finish(response).await
    }

    /// Sends `body` as it is, with the visitor's cookies: bytes no form encoder would make.
    pub async fn send_raw(&mut self, method: reqwest::Method, path: &str, content_type: &str, body: Vec<u8>) -> Page {
        let response = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header(COOKIE, self.cookie_header())
            .header(ACCEPT_LANGUAGE, &self.accept_language)
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await
            .expect("request");
        self.finish(response).await
    }

    /// Opens the sign-in page and signs in; returns the answer to the form.
    pub async fn sign_in(&mut self, email: &str, order: &str) -> Page {
        let form = self.get("/login").await;
        let csrf = form.csrf();
        self.post("/login", &[("csrf", &csrf), ("email", email), ("order", order)]).await
    }

    /// Signs in and opens the home page; panics unless both succeed.
    pub async fn signed_in(base: &str, email: &str, order: &str) -> Self {
        let mut visitor = Self::new(base);
        let answer = visitor.sign_in(email, order).await;
        assert_eq!((answer.status, answer.location.as_deref()), (StatusCode::SEE_OTHER, Some("/")), "{}", answer.body);
        visitor
    }
}
