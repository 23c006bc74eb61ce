//! Offline activation (issue 5, item 5): the customer uploads or pastes a computer's activation
//! request and gets the response file back to carry to it; a deactivation receipt frees a seat.
//!
//! The work is the API's own ([`activation::activate_offline`],
//! [`activation::deactivate_by_receipt`]), with the signed-in customer as owner: a request
//! made with another customer's activation key is refused exactly like an unknown key.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tessera_core::{ActivationResponse, LicenseFile};

use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::domain::Multiline;
use crate::error::Error;
use crate::services::activation;
use crate::state::AppState;

/// The largest file or pasted text the page takes.
pub const UPLOAD_LIMIT: usize = 64 * 1024;

#[derive(Template)]
#[template(path = "web/offline.html")]
struct OfflinePage {
    page: Page,
    /// The response file's text, after an activation.
    response: Option<String>,
    /// The message of the activation form's failure.
    activation_problem: Option<String>,
    /// Set after a receipt freed a seat: the serial of its license.
    freed: Option<String>,
    receipt_problem: Option<String>,
}

impl OfflinePage {
    fn new(who: &SignedIn) -> Self {
        Self {
            page: Page::new(&who.visit, "offline", "/offline"),
            response: None,
            activation_problem: None,
            freed: None,
            receipt_problem: None,
        }
    }
}

/// The page with its two forms.
pub async fn page(who: SignedIn) -> Result<Response, WebError> {
    render(&OfflinePage::new(&who))
}

/// The file (when one was chosen) or else the pasted text of an upload form.
async fn uploaded(mut form: Multipart) -> Result<String, Error> {
    let (mut file, mut text) = (Vec::new(), String::new());
    while let Some(field) = form.next_field().await.map_err(|e| Error::BadRequest(e.body_text().into()))? {
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|e| Error::BadRequest(e.body_text().into()))?;
        if bytes.len() > UPLOAD_LIMIT {
            return Err(Error::TooLarge);
        }
        match name.as_str() {
            "file" => file = bytes.to_vec(),
            "text" => text = String::from_utf8_lossy(&bytes).into_owned(),
            _ => {}
        }
    }
    let chosen = if file.is_empty() { text } else { String::from_utf8_lossy(&file).into_owned() };
    if chosen.trim().is_empty() {
        return Err(Error::BadRequest("Choose a file or paste its text.".into()));
    }
    Ok(chosen)
}

/// Renders the page with a failure: internal ones as the 500 page, the rest on the form with
/// the error's status.
fn refused(mut page: OfflinePage, error: &Error, activation: bool) -> Result<Response, WebError> {
    if let Error::Internal(detail) = error {
        return Err(WebError::internal(detail));
    }
    let message = match error {
        Error::BadRequest(_) => page.page.t("web-upload-empty"),
        _ => page.page.error(error),
    };
    if activation {
        page.activation_problem = Some(message);
    } else {
        page.receipt_problem = Some(message);
    }
    let mut response = render(&page)?;
    *response.status_mut() = error.status();
    Ok(response)
}

/// An activation request in, the page with its response file out.
pub async fn activate(State(state): State<AppState>, who: SignedIn, form: Multipart) -> Result<Response, WebError> {
    let mut page = OfflinePage::new(&who);
    let text = match uploaded(form).await {
        Ok(text) => text,
        Err(e) => return refused(page, &e, true),
    };
    match activation::activate_offline(&state, &text, Some(&who.customer_id), None).await {
        Ok(response) => {
            page.response = Some(response.to_string());
            render(&page)
        }
        Err(e) => refused(page, &e, true),
    }
}

/// A deactivation receipt in, its seat freed.
pub async fn receipt(State(state): State<AppState>, who: SignedIn, form: Multipart) -> Result<Response, WebError> {
    let mut page = OfflinePage::new(&who);
    let text = match uploaded(form).await {
        Ok(text) => text,
        Err(e) => return refused(page, &e, false),
    };
    match activation::deactivate_by_receipt(&state, &text, Some(&who.customer_id), None).await {
        Ok(done) => {
            page.freed = Some(done.serial.into());
            render(&page)
        }
        Err(e) => refused(page, &e, false),
    }
}

#[derive(Debug, Deserialize)]
pub struct DownloadForm {
    response: Multiline<16384>,
}

/// The response file shown on the page, as a download named after its product. Only a response
/// this portal signed is sent back, so the address cannot serve arbitrary content.
pub async fn download(
    State(state): State<AppState>,
    who: SignedIn,
    axum::Form(form): axum::Form<DownloadForm>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "offline", "/offline");
    let trusted = state.keys.trusted()?;
    // Browsers send a textarea's lines ended with CR LF: the file gets the portal's own LF.
    let response = form.response.replace("\r\n", "\n");
    let product = ActivationResponse::decode(&response)
        .and_then(|file| file.verify(&trusted))
        .and_then(|payload| LicenseFile::decode(&payload.license)?.verify(&trusted))
        .map(|license| license.product)
        .map_err(|_| WebError::not_found(&page))?;
    let name: String = product.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')).collect();
    let disposition = format!("attachment; filename=\"{name}-activation-response.txt\"");
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        response,
    )
        .into_response())
}
