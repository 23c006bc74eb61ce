//! Subscription management (seed 001): each subscription with its plan, users, billing and
//! next charge, and its options — Update services (users up or down), Change plan, Cancel
//! subscription / Resume — each showing what it costs, computed by the server with the same
//! function that charges it, before it is confirmed.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tessera_billing::{Effective, Interval};

use super::session::SignedIn;
use super::subscription_change::{Asking, ChangeView};
use super::{Page, WebError, render};
use crate::domain::{Actor, Text, day};
use crate::error::Error;
use crate::services::subscriptions::{self, ChangeForm, Quote, Request, Summary};
use crate::state::AppState;
use crate::store::catalog::Plan;

/// Notices after a change, by `?done=`.
const DONE: &[(&str, &str)] = &[
    ("users", "web-subs-done-users"),
    ("plan", "web-subs-done-plan"),
    ("cancel", "web-subs-done-cancel"),
    ("resume", "web-subs-done-resume"),
    ("buy", "web-subs-done-buy"),
    ("contact", "web-contact-sent"),
];

#[derive(Template)]
#[template(path = "web/subscriptions.html")]
struct ListPage {
    page: Page,
    summaries: Vec<Summary>,
    notice: Option<String>,
    /// The order charging the change just made, to pay.
    order: Option<String>,
}

impl ListPage {
    fn period(&self, summary: &Summary) -> String {
        period(&self.page, summary)
    }

    fn next_charge(&self, summary: &Summary) -> String {
        next_charge(&self.page, summary)
    }
}

/// A subscription's current period, first day to last (a trial's: from its start to the day
/// before it ends).
pub(super) fn period(page: &Page, summary: &Summary) -> String {
    let subscription = &summary.subscription;
    let (start, end) = match &subscription.trial_ends_on {
        Some(trial_end) => {
            let started = chrono::DateTime::from_timestamp(subscription.created_at, 0).map(|at| at.date_naive());
            (started, day::parse(trial_end))
        }
        None => (day::parse(&subscription.period_start), day::parse(&subscription.period_end)),
    };
    let last = end.and_then(|end| end.pred_opt());
    match (start, last) {
        (Some(start), Some(last)) => format!("{} – {}", page.day(&start), page.day(&last)),
        _ => format!("{} – {}", subscription.period_start, subscription.period_end),
    }
}

/// A subscription's next charge, its day and amount; when a trial ends; or when a cancelled
/// one ends.
pub(super) fn next_charge(page: &Page, summary: &Summary) -> String {
    let subscription = &summary.subscription;
    if let Some(end) = subscription.trial_ends_on.as_deref().and_then(day::parse) {
        return page.t1("web-subs-trial-ends", "date", &page.day(&end));
    }
    match (&summary.renewal, day::parse(&subscription.period_end)) {
        (Some(renewal), _) => {
            let amount = page.money(&renewal.total.minor(), &subscription.currency);
            page.t_with("web-subs-renews", &[("date", &page.day(&renewal.start)), ("amount", &amount)])
        }
        (None, Some(end)) if subscription.status.changeable() => {
            let last = end.pred_opt().unwrap_or(end);
            page.t1("web-subs-ends", "date", &page.day(&last))
        }
        _ => "—".to_owned(),
    }
}

#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<String>,
    order: Option<Text<32>>,
}

/// The customer's subscriptions.
pub async fn list(
    State(state): State<AppState>,
    who: SignedIn,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let summaries = subscriptions::summaries(&state.pool, &who.customer_id).await?;
    let page = Page::new(&who.visit, "subscriptions", "/subscriptions");
    let notice = done.done.and_then(|code| DONE.iter().find(|(c, _)| *c == code)).map(|(_, id)| page.t(id));
    let order = done.order.map(|reference| reference.to_string());
    render(&ListPage { page, summaries, notice, order })
}

#[derive(Template)]
#[template(path = "web/subscription_change.html")]
struct ChangePage {
    page: Page,
    view: ChangeView,
}

pub(super) fn money(page: &Page, amount: tessera_billing::Money) -> String {
    page.money(&amount.minor(), amount.currency().code())
}

/// "Due today: €7.74".
pub(super) fn due_today(page: &Page, quote: &Quote) -> String {
    page.t1("web-subs-due-today", "amount", &money(page, quote.due_now))
}

/// "for 12 of the period's 31 days".
pub(super) fn prorated(page: &Page, quote: &Quote) -> String {
    let (days, of) = (quote.days_remaining.to_string(), quote.period.days.to_string());
    page.t_with("web-subs-prorated", &[("days", &days), ("period", &of)])
}

pub(super) fn credit_used(page: &Page, quote: &Quote) -> String {
    page.t1("web-subs-credit-used", "amount", &money(page, quote.credit_used))
}

pub(super) fn credit_kept(page: &Page, quote: &Quote) -> String {
    page.t1("web-subs-credit-kept", "amount", &money(page, quote.credit_balance))
}

/// When a change waits for the period end: from which day.
pub(super) fn later(page: &Page, quote: &Quote) -> Option<String> {
    match quote.effective {
        Effective::Now => None,
        Effective::At(day) => Some(page.t1("web-subs-takes-effect", "date", &page.day(&day))),
    }
}

/// What it renews as: from which day, how many users, for how much a month or a year; the
/// plan by its name (the one held now, or one of `plans`).
pub(super) fn then(page: &Page, summary: &Summary, plans: &[Plan], quote: &Quote) -> Option<String> {
    let renewal = quote.renewal.as_ref()?;
    let per = per(page, renewal.interval);
    let (date, users, amount) = (page.day(&renewal.start), renewal.quantity.to_string(), money(page, renewal.total));
    let name = std::iter::once(&summary.plan)
        .chain(plans)
        .find(|plan| plan.sku == renewal.plan.id)
        .map_or(renewal.plan.id.as_str(), |plan| plan.name.as_str());
    Some(page.t_with(
        "web-subs-then",
        &[("date", &date), ("users", &users), ("amount", &amount), ("per", &per), ("plan", name)],
    ))
}

/// The last day of access: the day before the period's end.
pub(super) fn cancel_text(page: &Page, quote: &Quote) -> String {
    let last = quote.period.end.pred_opt().unwrap_or(quote.period.end);
    page.t1("web-subs-cancel-confirm", "date", &page.day(&last))
}

/// A plan's price per user and period, e.g. "€27.50 per user a month".
pub(super) fn plan_price(page: &Page, plan: &Plan) -> String {
    let id = if plan.term_months == Some(12) { "web-subs-price-year" } else { "web-subs-price-month" };
    page.t1(id, "price", &page.money(&plan.unit_price_minor, &plan.currency))
}

/// "a month" or "a year": how often an amount is charged.
pub(super) fn per(page: &Page, interval: Interval) -> String {
    page.t(match interval {
        Interval::Month => "web-subs-per-month",
        Interval::Year => "web-subs-per-year",
    })
}

/// A refusal the customer can act on, as a page shows it: 409 for a change another window made
/// meanwhile, 400 for the rest; `None` for an error that is not theirs to mend.
pub(super) fn refusal(page: &Page, error: &Error) -> Option<(StatusCode, String)> {
    let status = match error {
        Error::ChangedMeanwhile(_) => StatusCode::CONFLICT,
        Error::BadRequest(_) => StatusCode::BAD_REQUEST,
        Error::PaymentDeclined(_) => StatusCode::PAYMENT_REQUIRED,
        Error::ProviderUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => return None,
    };
    Some((status, page.error(error)))
}

#[derive(Debug, Deserialize)]
pub struct Asked {
    users: Option<Text<12>>,
    plan: Option<Text<64>>,
}

/// Update services: the number of users, and once typed, what it costs before confirming.
pub async fn users_page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    Query(asked): Query<Asked>,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    let users = asked.users.as_deref().and_then(|typed| typed.trim().parse::<i64>().ok());
    let request = users.map(Request::Quantity);
    show(&state, &who, summary, "users", request, users, None).await
}

/// Change plan: the plans with their prices, and once one is chosen, what it costs.
pub async fn plan_page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    Query(asked): Query<Asked>,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    let request = asked.plan.map(|sku| Request::Plan(sku.to_string()));
    show(&state, &who, summary, "plan", request, None, None).await
}

/// Cancel subscription: the day access ends, to confirm.
pub async fn cancel_page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    show(&state, &who, summary, "cancel", Some(Request::Cancel), None, None).await
}

/// A change page: the form, the quote for what was asked (or why it cannot be done).
async fn show(
    state: &AppState,
    who: &SignedIn,
    summary: Summary,
    what: &'static str,
    request: Option<Request>,
    users: Option<i64>,
    problem: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "subscriptions", format!("/subscriptions/{}/{what}", summary.subscription.id));
    let view =
        ChangeView::build(state, &page, summary, Asking { what, request, users, problem }, "/subscriptions").await?;
    let status = view.status;
    let mut response = render(&ChangePage { page, view })?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct Confirmed {
    #[serde(default)]
    users: Text<12>,
    #[serde(default)]
    plan: Text<64>,
    /// The version the quote was computed on.
    version: Text<20>,
}

/// Confirms Update services.
pub async fn change_users(
    state: State<AppState>,
    who: SignedIn,
    id: Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    match form.users.trim().parse::<i64>() {
        Ok(users) => confirm(state, who, id, "users", Request::Quantity(users), &form.version).await,
        Err(_) => {
            let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
            let problem = Page::new(&who.visit, "subscriptions", "/subscriptions").t("web-subs-users-invalid");
            show(&state, &who, summary, "users", None, None, Some((StatusCode::BAD_REQUEST, problem))).await
        }
    }
}

/// Confirms Change plan.
pub async fn change_plan(
    state: State<AppState>,
    who: SignedIn,
    id: Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    let request = Request::Plan(form.plan.trim().to_owned());
    confirm(state, who, id, "plan", request, &form.version).await
}

/// Confirms Cancel subscription.
pub async fn cancel(
    state: State<AppState>,
    who: SignedIn,
    id: Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    confirm(state, who, id, "cancel", Request::Cancel, &form.version).await
}

/// Resume: undoes the cancel, before the period ends.
pub async fn resume(
    state: State<AppState>,
    who: SignedIn,
    id: Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    confirm(state, who, id, "resume", Request::Resume, &form.version).await
}

/// Makes a confirmed change as the customer, on the version they saw: back to the list saying
/// it was done (with the order to pay, if something is due), or the page again with why not.
async fn confirm(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    what: &'static str,
    request: Request,
    version: &str,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    let form = ChangeForm {
        request: &request,
        today: today(),
        version: Some(version.trim().parse::<i64>().unwrap_or(-1)),
        prefix: &state.order_prefix,
        provider: state.payments.as_deref(),
    };
    let actor = Actor::customer(&who.customer_id);
    match subscriptions::change(&state.pool, &state.mailer, &actor, &summary.subscription.id, &form).await {
        Ok(changed) => {
            let order = changed.charge.map(|placed| format!("&order={}", placed.reference)).unwrap_or_default();
            Ok(Redirect::to(&format!("/subscriptions?done={what}{order}")).into_response())
        }
        Err(error) => {
            let page = Page::new(&who.visit, "subscriptions", "/subscriptions");
            let Some(problem) = refusal(&page, &error) else { return Err(error.into()) };
            let page_of = if what == "resume" { "cancel" } else { what };
            let users = if let Request::Quantity(users) = request { Some(users) } else { None };
            show(&state, &who, summary, page_of, None, users, Some(problem)).await
        }
    }
}

/// Today in the billing time zone (UTC).
pub(super) fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}
