//! What staff do to a subscription on its customer's behalf: Update services, Change plan,
//! Cancel and Resume with the very preview the customer sees (the same service functions, the
//! member of staff as the actor), and Cancel now — ended today with its license, the unused
//! part of the period given back if asked (a role that may refund), after a confirm page.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::subscription_change::{Asking, ChangeView};
use super::super::subscriptions as customer_pages;
use super::super::{Page, WebError, encode_path, render};
use super::subscriptions::today;
use super::{Frame, StaffVisit};
use crate::domain::{Needs, Text};
use crate::error::Error;
use crate::services::subscriptions::{self, ChangeForm, Request, Summary};
use crate::services::termination::{self, EndForm, Ending};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "backoffice/subscription_change.html")]
struct ChangePage {
    frame: Frame,
    /// The frame's page, as the shared change view's template names it.
    page: Page,
    view: ChangeView,
}

#[derive(Debug, Deserialize)]
pub struct Asked {
    users: Option<Text<12>>,
    plan: Option<Text<64>>,
}

async fn summary(state: &AppState, visit: &StaffVisit, id: &str) -> Result<Summary, WebError> {
    match subscriptions::summary_by_id(&state.pool, id).await {
        Ok(summary) => Ok(summary),
        Err(Error::NotFound) => Err(WebError::not_found(&Frame::new(visit, "subscriptions", "/admin").page)),
        Err(error) => Err(error.into()),
    }
}

/// Update services on the customer's behalf: the users, and once typed, what it costs.
pub async fn users_page(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Query(asked): Query<Asked>,
) -> Result<Response, WebError> {
    let summary = summary(&state, &visit, &id).await?;
    let users = asked.users.as_deref().and_then(|typed| typed.trim().parse::<i64>().ok());
    show(&state, &visit, summary, "users", users.map(Request::Quantity), users, None).await
}

/// Change plan on the customer's behalf.
pub async fn plan_page(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Query(asked): Query<Asked>,
) -> Result<Response, WebError> {
    let summary = summary(&state, &visit, &id).await?;
    let request = asked.plan.map(|sku| Request::Plan(sku.to_string()));
    show(&state, &visit, summary, "plan", request, None, None).await
}

/// Cancel at the period's end on the customer's behalf: the day access ends, to confirm.
pub async fn cancel_page(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let summary = summary(&state, &visit, &id).await?;
    show(&state, &visit, summary, "cancel", Some(Request::Cancel), None, None).await
}

/// A change page: the form, and the customer's preview of what was asked (or why not).
async fn show(
    state: &AppState,
    visit: &StaffVisit,
    summary: Summary,
    what: &'static str,
    request: Option<Request>,
    users: Option<i64>,
    problem: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let here = format!("/admin/subscriptions/{}/{what}", encode_path(&summary.subscription.id));
    let frame = Frame::new(visit, "subscriptions", &here);
    let page = frame.page.clone();
    let view =
        ChangeView::build(state, &page, summary, Asking { what, request, users, problem }, "/admin/subscriptions")
            .await?;
    let status = view.status;
    let mut response = render(&ChangePage { frame, page, view })?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct Confirmed {
    #[serde(default)]
    users: Text<12>,
    #[serde(default)]
    plan: Text<64>,
    version: Text<20>,
}

/// Confirms Update services.
pub async fn change_users(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    match form.users.trim().parse::<i64>() {
        Ok(users) => confirm(&state, &visit, &id, "users", Request::Quantity(users), &form.version).await,
        Err(_) => {
            let summary = summary(&state, &visit, &id).await?;
            let problem = Frame::new(&visit, "subscriptions", "/admin").page.t("web-subs-users-invalid");
            show(&state, &visit, summary, "users", None, None, Some((StatusCode::BAD_REQUEST, problem))).await
        }
    }
}

/// Confirms Change plan.
pub async fn change_plan(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    confirm(&state, &visit, &id, "plan", Request::Plan(form.plan.trim().to_owned()), &form.version).await
}

/// Confirms Cancel (at the period's end).
pub async fn cancel(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    confirm(&state, &visit, &id, "cancel", Request::Cancel, &form.version).await
}

/// Resume: undoes the cancel, before the period ends.
pub async fn resume(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    confirm(&state, &visit, &id, "resume", Request::Resume, &form.version).await
}

/// Makes a confirmed change as the member of staff, on the version they saw: back to the
/// subscription's page saying so (with the order charging it), or the page again with why not.
async fn confirm(
    state: &AppState,
    visit: &StaffVisit,
    id: &str,
    what: &'static str,
    request: Request,
    version: &str,
) -> Result<Response, WebError> {
    let summary = summary(state, visit, id).await?;
    let form = ChangeForm {
        request: &request,
        today: today(),
        version: Some(version.trim().parse::<i64>().unwrap_or(-1)),
        prefix: &state.order_prefix,
        provider: state.payments.as_deref(),
    };
    match subscriptions::change(&state.pool, &state.mailer, &visit.actor(), &summary.subscription.id, &form).await {
        Ok(changed) => {
            let order = changed.charge.map(|placed| format!("&order={}", placed.reference)).unwrap_or_default();
            let to = format!("/admin/subscriptions/{}?done={what}{order}", encode_path(id));
            Ok(Redirect::to(&to).into_response())
        }
        Err(error) => {
            let page = Frame::new(visit, "subscriptions", "/admin").page;
            let Some(problem) = customer_pages::refusal(&page, &error) else { return Err(error.into()) };
            if what == "resume" {
                let frame = Frame::new(visit, "subscriptions", "/admin");
                return super::subscriptions::show(state, frame, id, Some(("problem", problem.1))).await;
            }
            let users = if let Request::Quantity(users) = request { Some(users) } else { None };
            show(state, visit, summary, what, None, users, Some(problem)).await
        }
    }
}

#[derive(Template)]
#[template(path = "backoffice/subscription_end.html")]
struct EndPage {
    frame: Frame,
    summary: Summary,
    ending: Ending,
    problem: Option<String>,
}

impl EndPage {
    fn money(&self, amount: tessera_billing::Money) -> String {
        customer_pages::money(&self.frame.page, amount)
    }

    fn users_count(&self) -> String {
        self.frame.page.tn("web-subs-users-count", "count", self.summary.users)
    }

    fn today_text(&self) -> String {
        self.frame.page.t1("bo-subs-end-today", "date", &self.frame.page.day(&self.ending.today))
    }

    fn paid_text(&self) -> String {
        self.frame.page.t1("bo-subs-end-paid", "amount", &self.money(self.ending.paid))
    }

    fn refund_text(&self) -> String {
        self.frame.page.t1("bo-subs-end-refund", "amount", &self.money(self.ending.refund))
    }

    fn give_back_text(&self) -> String {
        self.frame.page.t1("bo-subs-end-give-back", "amount", &self.money(self.ending.refund))
    }

    /// "for 12 of the period's 31 days".
    fn unused(&self) -> String {
        let (days, of) = (self.ending.days_remaining.to_string(), self.ending.period.days.to_string());
        self.frame.page.t_with("web-subs-prorated", &[("days", &days), ("period", &of)])
    }

    fn refund_by(&self) -> String {
        self.frame.page.t1("bo-subs-refund-by", "method", self.ending.method.code())
    }
}

/// Cancel now: what ending it today gives back, to confirm.
pub async fn end_page(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    show_end(&state, &visit, &id, None).await
}

async fn show_end(
    state: &AppState,
    visit: &StaffVisit,
    id: &str,
    problem: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let summary = summary(state, visit, id).await?;
    let frame = Frame::new(visit, "subscriptions", &format!("/admin/subscriptions/{}/end", encode_path(id)));
    let ending = match termination::preview(&state.pool, id, today()).await {
        Ok(ending) => ending,
        Err(error @ Error::BadRequest(_)) => {
            let text = frame.refused(&error);
            return super::subscriptions::show(state, frame, id, Some(("problem", text))).await.map(|mut response| {
                *response.status_mut() = StatusCode::BAD_REQUEST;
                response
            });
        }
        Err(error) => return Err(error.into()),
    };
    let status = problem.as_ref().map_or(StatusCode::OK, |(status, _)| *status);
    let mut response = render(&EndPage { frame, summary, ending, problem: problem.map(|(_, text)| text) })?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct EndFields {
    version: Text<20>,
    #[serde(default)]
    refund: Text<4>,
    #[serde(default)]
    reason: Text<500>,
}

/// Ends the subscription now, with the refund if asked; a role that may not refund is refused
/// (403) a refund before anything is done.
pub async fn end(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Form(fields): Form<EndFields>,
) -> Result<Response, WebError> {
    let refund = !fields.refund.trim().is_empty();
    if refund && !visit.staff.role.may(Needs::Admin) {
        tracing::info!(staff = %visit.staff.id, subscription = %id.as_str(), "a refund refused to the role");
        return Err(WebError::forbidden(visit.visit.language));
    }
    let form = EndForm {
        today: today(),
        refund,
        version: fields.version.trim().parse::<i64>().unwrap_or(-1),
        reason: &fields.reason,
        provider: state.payments.as_deref(),
    };
    match termination::end_now(&state.pool, &visit.actor(), &id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/admin/subscriptions/{}?done=ended", encode_path(&id))).into_response()),
        Err(Error::NotFound) => Err(WebError::not_found(&Frame::new(&visit, "subscriptions", "/admin").page)),
        Err(error) => {
            let page = Frame::new(&visit, "subscriptions", "/admin").page;
            let Some(problem) = customer_pages::refusal(&page, &error) else { return Err(error.into()) };
            show_end(&state, &visit, &id, Some(problem)).await
        }
    }
}
