//! One license as the vendor administers it: its facts, machines and events, and the actions
//! on it — suspend, reinstate and revoke with the reason the customer reads; extend the term,
//! change users and computers (admin); free one or every machine. A done action comes back
//! to the page (`?done=`), a refused one shows the page with the reason.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tessera_core::LicenseStatus;

use super::super::{WebError, render};
use super::{Frame, StaffVisit};
use crate::domain::{Serial, Text};
use crate::error::Error;
use crate::services::{administration, issuing};
use crate::state::AppState;
use crate::store::events::Event;
use crate::store::licenses::License;
use crate::store::machines::Machine;
use crate::store::{self, support::Term};

/// Most recent events shown on the page (the event log has them all).
const RECENT_EVENTS: i64 = 20;

#[derive(Template)]
#[template(path = "backoffice/license.html")]
struct LicensePage {
    frame: Frame,
    license: License,
    /// `VALID`, `EXPIRED`, `SUSPENDED` or `REVOKED` today.
    state: &'static str,
    machines: Vec<Machine>,
    supports: Vec<Term>,
    events: Vec<Event>,
    /// What the last action did: (`ok` or `problem`, the text).
    notice: Option<(&'static str, String)>,
    /// The next day after the term's end, where the extension form starts.
    next_day: String,
}

/// An action done, as the page's address names it.
#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<Text<16>>,
}

/// What each action's address says it did: the message of its notice.
const DONE: &[(&str, &str)] = &[
    ("suspended", "bo-license-done-suspended"),
    ("reinstated", "bo-license-done-reinstated"),
    ("revoked", "bo-license-done-revoked"),
    ("term", "bo-license-done-term"),
    ("limits", "bo-license-done-limits"),
    ("freed", "bo-license-done-freed"),
    ("machine", "bo-license-done-machine"),
];

fn serial_of(text: &str) -> Result<Serial, Error> {
    Serial::parse("serial", text).map_err(|_| Error::NotFound)
}

fn href(license: &License) -> String {
    format!("/admin/licenses/{}", license.serial)
}

async fn show(
    state: &AppState,
    visit: &StaffVisit,
    serial: &str,
    notice: Option<(&'static str, String)>,
    status: axum::http::StatusCode,
) -> Result<Response, WebError> {
    let here = format!("/admin/licenses/{serial}");
    let frame = Frame::new(visit, "customers", &here);
    let license = match serial_of(serial) {
        Ok(serial) => issuing::license(&state.pool, &serial).await,
        Err(error) => Err(error),
    };
    let license = match license {
        Ok(license) => license,
        Err(Error::NotFound) => return Err(WebError::not_found(&frame.page)),
        Err(error) => return Err(error.into()),
    };
    let now = store::now();
    let machines = store::machines::all_of(&state.pool, &license.id).await?;
    let supports = store::support::terms_of(&state.pool, &license.id).await?;
    let events = crate::services::events::recent_of_license(&state.pool, &license.id, RECENT_EVENTS).await?;
    let next_day = crate::domain::day::iso(license.expires_at.unwrap_or(now).max(now) + 86_400);
    let state_code = license.summary(now).state;
    let mut response =
        render(&LicensePage { frame, state: state_code, license, machines, supports, events, notice, next_day })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The license page; `?done=` says which action was just done.
pub async fn page(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(serial): Path<Text<64>>,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "customers", "/admin");
    let notice = done
        .done
        .and_then(|done| DONE.iter().find(|(code, _)| *code == done.as_str()))
        .map(|(_, message)| ("ok", frame.page.t(message)));
    show(&state, &visit, &serial, notice, axum::http::StatusCode::OK).await
}

/// After an action: back to the page saying it was done, or the page with why it was refused.
async fn answer(
    state: &AppState,
    visit: &StaffVisit,
    serial: &str,
    outcome: Result<&'static str, Error>,
) -> Result<Response, WebError> {
    match outcome {
        Ok(done) => Ok(Redirect::to(&format!("/admin/licenses/{serial}?done={done}")).into_response()),
        Err(Error::NotFound) => Err(WebError::not_found(&Frame::new(visit, "customers", "/admin").page)),
        Err(error @ Error::BadRequest(_)) => {
            let text = Frame::new(visit, "customers", "/admin").refused(&error);
            show(state, visit, serial, Some(("problem", text)), axum::http::StatusCode::BAD_REQUEST).await
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct ReasonFields {
    #[serde(default)]
    reason: Text<500>,
}

async fn set_status(
    state: &AppState,
    visit: &StaffVisit,
    serial: &str,
    status: LicenseStatus,
    reason: &str,
) -> Result<&'static str, Error> {
    let serial = serial_of(serial)?;
    issuing::change_status(&state.pool, &state.mailer, &visit.actor(), &serial, status, reason).await?;
    Ok(match status {
        LicenseStatus::Active => "reinstated",
        LicenseStatus::Suspended => "suspended",
        LicenseStatus::Revoked => "revoked",
    })
}

/// Suspends the license with the reason its customer reads (support may).
pub async fn suspend(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(serial): Path<Text<64>>,
    Form(fields): Form<ReasonFields>,
) -> Result<Response, WebError> {
    let outcome = set_status(&state, &visit, &serial, LicenseStatus::Suspended, &fields.reason).await;
    answer(&state, &visit, &serial, outcome).await
}

/// Makes a suspended or revoked license active again (support may).
pub async fn reinstate(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(serial): Path<Text<64>>,
) -> Result<Response, WebError> {
    let outcome = set_status(&state, &visit, &serial, LicenseStatus::Active, "").await;
    answer(&state, &visit, &serial, outcome).await
}

/// Revokes the license with the reason its customer reads (admin).
pub async fn revoke(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(serial): Path<Text<64>>,
    Form(fields): Form<ReasonFields>,
) -> Result<Response, WebError> {
    let outcome = set_status(&state, &visit, &serial, LicenseStatus::Revoked, &fields.reason).await;
    answer(&state, &visit, &serial, outcome).await
}

#[derive(Debug, Deserialize)]
pub struct TermFields {
    ends_on: Text<16>,
}

/// Moves the end of the term to a later day (admin).
pub async fn extend_term(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(serial): Path<Text<64>>,
    Form(fields): Form<TermFields>,
) -> Result<Response, WebError> {
    let outcome = async {
        let serial = serial_of(&serial)?;
        let ends_at = crate::domain::day::midnight(&fields.ends_on)
            .ok_or_else(|| super::not_a_day(&fields.ends_on, "2027-03-01"))?;
        administration::extend_term(&state.pool, &visit.actor(), &serial, ends_at).await?;
        Ok("term")
    }
    .await;
    answer(&state, &visit, &serial, outcome).await
}

#[derive(Debug, Deserialize)]
pub struct LimitFields {
    users: Text<8>,
    machines: Text<8>,
}

/// Sets the users and computers the license counts (admin).
pub async fn change_limits(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(serial): Path<Text<64>>,
    Form(fields): Form<LimitFields>,
) -> Result<Response, WebError> {
    let outcome = async {
        let serial = serial_of(&serial)?;
        let number = |key: &'static str, text: &str| {
            text.trim().parse::<i64>().map_err(|_| Error::refused(key, &[("text", text.to_owned().into())]))
        };
        let users = number("bo-refusal-users-not-number", &fields.users)?;
        let machines = number("bo-refusal-computers-not-number", &fields.machines)?;
        administration::change_limits(&state.pool, &visit.actor(), &serial, users, machines).await?;
        Ok("limits")
    }
    .await;
    answer(&state, &visit, &serial, outcome).await
}

/// Frees every seat of the license (support may): each computer activates again when it next
/// needs to, or another takes its place.
pub async fn free_all(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(serial): Path<Text<64>>,
) -> Result<Response, WebError> {
    let outcome = async {
        administration::free_all_machines(&state.pool, &visit.actor(), &serial_of(&serial)?).await?;
        Ok("freed")
    }
    .await;
    answer(&state, &visit, &serial, outcome).await
}

/// Frees the seat of one machine (support may).
pub async fn free_machine(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path((serial, machine)): Path<(Text<64>, Text<64>)>,
) -> Result<Response, WebError> {
    let outcome = async {
        administration::free_machine(&state.pool, &visit.actor(), &serial_of(&serial)?, &machine).await?;
        Ok("machine")
    }
    .await;
    answer(&state, &visit, &serial, outcome).await
}

impl LicensePage {
    fn href(&self) -> String {
        href(&self.license)
    }

    fn suspended(&self) -> bool {
        self.license.status == LicenseStatus::Suspended
    }

    fn active(&self) -> bool {
        self.license.status == LicenseStatus::Active
    }
}
