//! Contact the store (seed 001): a subscription's message form, mailed to the store by the service.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::domain::Text;
use crate::error::Error;
use crate::services::store_contact::{self, MESSAGE_MAX, Message, SUBJECT_MAX};
use crate::services::subscriptions::{self, Summary};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "web/subscription_contact.html")]
struct ContactPage {
    page: Page,
    summary: Summary,
    subject: String,
    message: String,
    problem: Option<String>,
    subject_max: usize,
    message_max: usize,
}

impl ContactPage {
    fn new(page: Page, summary: Summary, subject: String, message: String, problem: Option<String>) -> Self {
        Self { page, summary, subject, message, problem, subject_max: SUBJECT_MAX, message_max: MESSAGE_MAX }
    }

    fn users_count(&self) -> String {
        self.page.tn("web-subs-users-count", "count", self.summary.users)
    }
}

fn frame(who: &SignedIn, id: &str) -> Page {
    Page::new(&who.visit, "subscriptions", format!("/subscriptions/{id}/contact"))
}

/// The form: subject and message about one of the customer's subscriptions.
pub async fn page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    render(&ContactPage::new(frame(&who, &id), summary, String::new(), String::new(), None))
}

/// What the form sends; read whole so that a refused message comes back as it was typed.
#[derive(Debug, Deserialize)]
pub struct Sent {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    message: String,
}

/// Mails the message to the store and goes back to the subscriptions saying so; a refused
/// message (empty, too long, too many this hour) shows the form again, filled, with why.
pub async fn send(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    Form(sent): Form<Sent>,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    let page = frame(&who, &id);
    let refused = |page: Page, summary: Summary, status: StatusCode, problem: String| {
        let mut response =
            render(&ContactPage::new(page, summary, sent.subject.clone(), sent.message.clone(), Some(problem)))?;
        *response.status_mut() = status;
        Ok::<_, WebError>(response)
    };
    if let Err(error) = store_contact::check(&sent.subject, &sent.message) {
        let problem = page.error(&error);
        return refused(page, summary, StatusCode::BAD_REQUEST, problem);
    }
    if let Err(Error::RateLimited(seconds)) = state.limits.contact(who.customer_id.as_str()).await {
        let problem = page.tn("error-rate-limited", "seconds", i64::try_from(seconds).unwrap_or(i64::MAX));
        let mut response = refused(page, summary, StatusCode::TOO_MANY_REQUESTS, problem)?;
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, seconds.into());
        return Ok(response);
    }
    let message = Message {
        customer_id: &who.customer_id,
        from: &who.email,
        subscription_id: &summary.subscription.id,
        subject: &sent.subject,
        message: &sent.message,
    };
    store_contact::send(&state.pool, &state.mailer, &message).await?;
    Ok(Redirect::to("/subscriptions?done=contact").into_response())
}
