//! The vendor's back office under `/admin`: staff sign in with e-mail and password to a
//! session of their own (shorter than customers'); every route says what it needs (any member
//! of staff, or the admin role), and a layer refuses the rest before the handler runs.

mod account;
mod catalog;
mod content;
mod customers;
mod dashboard;
pub(in crate::web) mod events;
mod licenses;
mod mail;
mod order;
mod orders;
mod password;
mod quote;
mod sign_in;
mod subscription_actions;
mod subscriptions;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};

use super::session::Visit;
use super::{Page, WebError};
use crate::domain::{Actor, Email, Needs, StaffRole};
use crate::state::AppState;
use crate::store::staff::Staff;

/// Every back-office route, its methods and what it needs: one list, mounted by the pages'
/// router, walked by the tests.
pub(super) fn routes() -> Vec<(&'static str, MethodRouter<AppState>, Needs)> {
    vec![
        ("/admin/login", get(sign_in::page).post(sign_in::sign_in), Needs::Nobody),
        ("/admin/login/code", post(sign_in::second_step), Needs::Nobody),
        ("/admin/password/{token}", get(password::page).post(password::set), Needs::Nobody),
        ("/admin/logout", post(sign_in::sign_out), Needs::Staff),
        ("/admin/account/two-factor", get(account::two_factor), Needs::Staff),
        ("/admin/account/two-factor/start", post(account::start), Needs::Staff),
        ("/admin/account/two-factor/confirm", post(account::confirm), Needs::Staff),
        ("/admin/account/two-factor/off", post(account::turn_off), Needs::Staff),
        ("/admin", get(dashboard::dashboard), Needs::Staff),
        ("/admin/orders", get(orders::awaiting), Needs::Staff),
        ("/admin/orders/{reference}/payment", post(orders::record_payment), Needs::Admin),
        ("/admin/orders/{reference}", get(order::page), Needs::Staff),
        ("/admin/invoices/{number}", get(order::invoice), Needs::Staff),
        ("/admin/orders/{reference}/cancel", post(order::cancel), Needs::Admin),
        ("/admin/orders/{reference}/refund", post(order::refund), Needs::Admin),
        ("/admin/customers/{id}/orders/new", get(order::new_order), Needs::Admin),
        ("/admin/customers/{id}/orders", post(order::place), Needs::Admin),
        ("/admin/catalog", get(catalog::page), Needs::Staff),
        ("/admin/catalog/products", post(catalog::add_product), Needs::Admin),
        ("/admin/catalog/products/{id}", post(catalog::change_product), Needs::Admin),
        ("/admin/catalog/editions", post(catalog::add_edition), Needs::Admin),
        ("/admin/catalog/editions/{sku}/features", post(catalog::change_features), Needs::Admin),
        ("/admin/catalog/plans", post(catalog::add_plan), Needs::Admin),
        ("/admin/catalog/plans/{sku}", get(catalog::plan_page), Needs::Staff),
        ("/admin/catalog/plans/{sku}/change", post(catalog::change_plan), Needs::Admin),
        ("/admin/catalog/plans/{sku}/retire", post(catalog::retire), Needs::Admin),
        ("/admin/catalog/plans/{sku}/on-sale", post(catalog::on_sale), Needs::Admin),
        ("/admin/customers", get(customers::search), Needs::Staff),
        ("/admin/customers/{id}", get(customers::customer), Needs::Staff),
        ("/admin/customers/{id}/resend-key", post(customers::resend_key), Needs::Staff),
        ("/admin/licenses/{serial}", get(licenses::page), Needs::Staff),
        ("/admin/licenses/{serial}/suspend", post(licenses::suspend), Needs::Staff),
        ("/admin/licenses/{serial}/reinstate", post(licenses::reinstate), Needs::Staff),
        ("/admin/licenses/{serial}/revoke", post(licenses::revoke), Needs::Admin),
        ("/admin/licenses/{serial}/term", post(licenses::extend_term), Needs::Admin),
        ("/admin/licenses/{serial}/limits", post(licenses::change_limits), Needs::Admin),
        ("/admin/licenses/{serial}/machines/free", post(licenses::free_all), Needs::Staff),
        ("/admin/licenses/{serial}/machines/{machine}/free", post(licenses::free_machine), Needs::Staff),
        ("/admin/subscriptions", get(subscriptions::list), Needs::Staff),
        ("/admin/subscriptions/{id}", get(subscriptions::detail), Needs::Staff),
        (
            "/admin/subscriptions/{id}/users",
            get(subscription_actions::users_page).post(subscription_actions::change_users),
            Needs::Staff,
        ),
        (
            "/admin/subscriptions/{id}/plan",
            get(subscription_actions::plan_page).post(subscription_actions::change_plan),
            Needs::Staff,
        ),
        (
            "/admin/subscriptions/{id}/cancel",
            get(subscription_actions::cancel_page).post(subscription_actions::cancel),
            Needs::Staff,
        ),
        ("/admin/subscriptions/{id}/resume", post(subscription_actions::resume), Needs::Staff),
        (
            "/admin/subscriptions/{id}/end",
            get(subscription_actions::end_page).post(subscription_actions::end),
            Needs::Staff,
        ),
        ("/admin/quote", get(quote::page).post(quote::answer), Needs::Staff),
        ("/admin/events", get(events::log), Needs::Staff),
        ("/admin/events.csv", get(events::export), Needs::Staff),
        ("/admin/mail", get(mail::outbox), Needs::Staff),
        ("/admin/mail/{id}/resend", post(mail::resend), Needs::Staff),
        ("/admin/news", get(content::news), Needs::Staff),
        ("/admin/news/publish", post(content::publish), Needs::Admin),
        ("/admin/news/{id}/withdraw", post(content::withdraw), Needs::Admin),
        ("/admin/customers/{id}/contracts", post(content::add_contract), Needs::Admin),
        ("/admin/customers/{id}/contracts/{contract}/status", post(content::change_status), Needs::Admin),
    ]
}

/// The back-office routes with the guard of what each needs.
pub(super) fn pages() -> Vec<(&'static str, MethodRouter<AppState>)> {
    routes()
        .into_iter()
        .map(|(path, methods, needs)| match needs {
            Needs::Nobody => (path, methods),
            needs => (path, methods.route_layer(axum::middleware::from_fn(move |r, n| require(needs, r, n)))),
        })
        .collect()
}

/// Each back-office path and what it needs (for the role tests).
#[must_use]
pub fn needs() -> Vec<(&'static str, Needs)> {
    routes().into_iter().map(|(path, _, needs)| (path, needs)).collect()
}

/// Sends a visitor who is not signed in as staff to the sign-in page, and refuses (403) a
/// member of staff whose role lacks what the route needs.
async fn require(needs: Needs, request: Request, next: Next) -> Response {
    let Some(visit) = request.extensions().get::<Visit>() else {
        return WebError::internal("the session guard did not run").into_response();
    };
    match &visit.staff {
        None => Redirect::to("/admin/login").into_response(),
        Some(staff) if !staff.role.may(needs) => {
            tracing::info!(staff = %staff.id, path = %request.uri().path(), "back-office route refused to the role");
            WebError::forbidden(visit.language).into_response()
        }
        Some(_) => next.run(request).await,
    }
}

/// A visit by a signed-in member of staff.
#[derive(Debug, Clone)]
pub struct StaffVisit {
    pub visit: Visit,
    pub staff: Staff,
}

impl StaffVisit {
    /// Who acts, as the event log names them.
    pub fn actor(&self) -> Actor {
        Actor::staff(&Email::normalized(&self.staff.email))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for StaffVisit {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visit = Visit::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        match visit.staff.clone() {
            Some(staff) => Ok(Self { visit, staff }),
            None => Err(Redirect::to("/admin/login").into_response()),
        }
    }
}

/// The refusal of `text` typed where a day like `example` goes.
fn not_a_day(text: &str, example: &str) -> crate::Error {
    crate::Error::refused(
        "bo-refusal-not-a-day",
        &[("text", text.to_owned().into()), ("example", example.to_owned().into())],
    )
}

/// What every back-office page's frame needs: the page's words and forms, and who is signed in.
#[derive(Debug, Clone)]
pub struct Frame {
    pub page: Page,
    pub name: String,
    pub role: String,
    /// Whether the admin role's actions are offered.
    pub admin: bool,
    /// The menu entry to mark: `dashboard`, `orders`, `customers`, `subscriptions`, `catalog`, `events`, `mail`,
    /// `news`, `account`.
    pub nav: &'static str,
}

impl Frame {
    fn new(visit: &StaffVisit, nav: &'static str, here: &str) -> Self {
        let page = Page::new(&visit.visit, "", here);
        let role = page.t(match visit.staff.role {
            StaffRole::Admin => "bo-role-admin",
            StaffRole::Support => "bo-role-support",
        });
        Self { page, name: visit.staff.name.clone(), role, admin: visit.staff.role == StaffRole::Admin, nav }
    }

    /// A refused change in the page's language: "Not done: " and the refusal through its key
    /// ([`crate::Error::localized`]).
    pub fn refused(&self, error: &crate::Error) -> String {
        self.page.t1("bo-refused", "detail", &error.localized(&self.page.localizer))
    }

    /// An order's status in the page's language.
    pub fn order_status(&self, status: crate::domain::OrderStatus) -> String {
        self.page.t(&format!("bo-order-status-{}", status.code().replace('_', "-")))
    }
}

impl crate::store::events::Event {
    /// What the event changed, on one line: `status: active → status: suspended, reason: …`;
    /// times (`…_at`) as days.
    pub fn change(&self) -> String {
        let before = state_line(self.before_state.as_deref());
        let after = state_line(self.after_state.as_deref());
        match (before.is_empty(), after.is_empty()) {
            (true, _) => after,
            (false, true) => before,
            (false, false) => format!("{before} → {after}"),
        }
    }
}

/// A stored before or after state (a JSON object) as `key: value, …`, nulls left out.
fn state_line(json: Option<&str>) -> String {
    let Some(text) = json else { return String::new() };
    let Ok(map) = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text) else {
        return text.to_owned();
    };
    map.iter()
        .filter(|(_, value)| !value.is_null())
        .map(|(key, value)| match value {
            serde_json::Value::String(text) => format!("{key}: {text}"),
            serde_json::Value::Number(at) if key.ends_with("_at") => {
                format!("{key}: {}", at.as_i64().map_or_else(|| at.to_string(), crate::domain::day::iso))
            }
            other => format!("{key}: {other}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
