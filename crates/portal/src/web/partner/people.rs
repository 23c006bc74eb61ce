//! The People page: who signs in to the console for this partner or reseller (can sign in, invited, disabled); a person invites a colleague by e-mail (the mailed link sets the password) or disables one, never themselves.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::dialog::encode;
use super::{Frame, PartnerVisit};
use crate::domain::Text;
use crate::error::Error;
use crate::services::partner_staff;
use crate::state::AppState;
use crate::store::partner_staff::Person;

#[derive(Template)]
#[template(path = "partner/people.html")]
struct PeoplePage {
    frame: Frame,
    people: Vec<Person>,
    /// The signed-in person's id: no Disable beside them.
    me: String,
    notice: Option<String>,
    problem: Option<String>,
    /// What the invitation form held when refused.
    email: String,
}

impl PeoplePage {
    /// A person's state in words: `active`, `invited` or `disabled`.
    fn state(&self, person: &Person) -> &'static str {
        match (person.disabled_at, person.has_password) {
            (Some(_), _) => "disabled",
            (None, 0) => "invited",
            (None, _) => "active",
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    done: Option<String>,
    email: Option<Text<254>>,
}

/// The organisation's people.
pub async fn page(
    State(state): State<AppState>,
    who: PartnerVisit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&who, "people", "/partner/people");
    let email = done.email.as_ref().map(|e| e.as_str()).unwrap_or_default();
    let notice = match done.done.as_deref() {
        Some("invited") => Some(frame.page.t1("partner-people-invited-notice", "email", email)),
        Some("disabled") => Some(frame.page.t1("partner-people-disabled-notice", "email", email)),
        _ => None,
    };
    show(&state, &who, frame, notice, None, String::new(), StatusCode::OK).await
}

async fn show(
    state: &AppState,
    who: &PartnerVisit,
    frame: Frame,
    notice: Option<String>,
    problem: Option<String>,
    email: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let people = partner_staff::people(&state.pool, who.seller()).await?;
    let page = PeoplePage { frame, people, me: who.user.id.clone(), notice, problem, email };
    let mut response = render(&page)?;
    *response.status_mut() = status;
    Ok(response)
}

/// `?done=…&email=…`, the e-mail encoded.
fn done(what: &str, email: &str) -> Redirect {
    Redirect::to(&format!("/partner/people?done={what}&email={}", encode(email)))
}

#[derive(Debug, Deserialize)]
pub struct InviteForm {
    email: Text<254>,
}

/// Invites a colleague: the mailed link sets their password.
pub async fn invite(
    State(state): State<AppState>,
    who: PartnerVisit,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&who, "people", "/partner/people");
    let language = frame.page.language();
    match partner_staff::invite(&state.pool, &state.mailer, language, who.seller(), &form.email).await? {
        Ok(email) => Ok(done("invited", &email).into_response()),
        Err(refused) => {
            let problem = Some(frame.page.t(refused.message_id()));
            let email = form.email.trim().to_owned();
            show(&state, &who, frame, None, problem, email, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

/// Disables a colleague; someone of another organisation is a 404 like a missing one.
pub async fn disable(
    State(state): State<AppState>,
    who: PartnerVisit,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    match partner_staff::disable(&state.pool, &who.user, &id).await? {
        Ok(Some(email)) => Ok(done("disabled", &email).into_response()),
        Ok(None) => Err(Error::NotFound.into()),
        Err(refused) => {
            let frame = Frame::new(&who, "people", "/partner/people");
            let problem = Some(frame.page.t(refused.message_id()));
            show(&state, &who, frame, None, problem, String::new(), StatusCode::CONFLICT).await
        }
    }
}
