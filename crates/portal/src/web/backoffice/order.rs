//! One order in the back office: its lines, status and licenses; placing an order for a
//! customer from the plans on sale; cancelling an order awaiting payment and refunding a paid
//! one, each with a reason (admin: money is theirs alone).

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::{Frame, StaffVisit};
use crate::domain::{CustomerId, Money, OrderRef, OrderStatus, PaymentMethod, Text};
use crate::error::Error;
use crate::services::{cancellation, orders};
use crate::state::AppState;
use crate::store::{self, catalog::Plan};

#[derive(Template)]
#[template(path = "backoffice/order.html")]
struct OrderPage {
    frame: Frame,
    detail: orders::Detail,
    notice: Option<(&'static str, String)>,
    today: String,
}

impl OrderPage {
    fn status(&self) -> String {
        self.frame.order_status(self.detail.order.status)
    }

    fn awaiting(&self) -> bool {
        self.detail.order.status == OrderStatus::AwaitingPayment
    }

    fn paid(&self) -> bool {
        self.detail.order.status == OrderStatus::Paid
    }

    /// The total as the amount field starts, e.g. `598.50`.
    fn amount(&self) -> String {
        let order = &self.detail.order;
        orders::currency(&order.currency)
            .map_or_else(|_| order.total_minor.to_string(), |c| Money::from_minor(order.total_minor, c).decimal())
    }
}

/// What each action's address says it did.
const DONE: &[(&str, &str)] = &[
    ("placed", "bo-order-done-placed"),
    ("cancelled", "bo-order-done-cancelled"),
    ("refunded", "bo-order-done-refunded"),
];

#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<Text<16>>,
}

async fn show(
    state: &AppState,
    visit: &StaffVisit,
    reference: &str,
    notice: Option<(&'static str, String)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let reference = OrderRef::normalise(reference);
    let frame = Frame::new(visit, "orders", &format!("/admin/orders/{reference}"));
    let detail = match orders::detail(&state.pool, &reference).await {
        Ok(detail) => detail,
        Err(Error::NotFound) => return Err(WebError::not_found(&frame.page)),
        Err(error) => return Err(error.into()),
    };
    let today = crate::domain::day::iso(store::now());
    let mut response = render(&OrderPage { frame, detail, notice, today })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The order `reference`; `?done=` says which action was just done.
pub async fn page(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(reference): Path<Text<64>>,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "orders", "/admin/orders");
    let notice = done
        .done
        .and_then(|done| DONE.iter().find(|(code, _)| *code == done.as_str()))
        .map(|(_, message)| ("ok", frame.page.t(message)));
    show(&state, &visit, &reference, notice, StatusCode::OK).await
}

#[derive(Debug, Deserialize)]
pub struct ReasonFields {
    #[serde(default)]
    reason: Text<500>,
}

/// After cancelling or refunding: back to the order saying so, or the order with why not.
async fn answer(
    state: &AppState,
    visit: &StaffVisit,
    reference: &str,
    outcome: Result<&'static str, Error>,
) -> Result<Response, WebError> {
    match outcome {
        Ok(done) => {
            Ok(Redirect::to(&format!("/admin/orders/{}?done={done}", OrderRef::normalise(reference))).into_response())
        }
        Err(Error::NotFound) => Err(WebError::not_found(&Frame::new(visit, "orders", "/admin").page)),
        Err(error @ (Error::BadRequest(_) | Error::OrderStatus(_))) => {
            let text = Frame::new(visit, "orders", "/admin").refused(&error);
            show(state, visit, reference, Some(("problem", text)), error.status()).await
        }
        Err(error) => Err(error.into()),
    }
}

/// Cancels an order awaiting its payment (admin).
pub async fn cancel(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(reference): Path<Text<64>>,
    Form(fields): Form<ReasonFields>,
) -> Result<Response, WebError> {
    let order = OrderRef::normalise(&reference);
    let outcome = cancellation::cancel(&state.pool, &visit.actor(), &order, &fields.reason).await.map(|_| "cancelled");
    answer(&state, &visit, &reference, outcome).await
}

/// Refunds a paid order, revoking its licenses with the reason (admin).
pub async fn refund(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(reference): Path<Text<64>>,
    Form(fields): Form<ReasonFields>,
) -> Result<Response, WebError> {
    let order = OrderRef::normalise(&reference);
    let outcome = cancellation::refund(&state.pool, &state.mailer, &visit.actor(), &order, &fields.reason)
        .await
        .map(|_| "refunded");
    answer(&state, &visit, &reference, outcome).await
}

#[derive(Template)]
#[template(path = "backoffice/order_new.html")]
struct NewOrderPage {
    frame: Frame,
    customer_id: String,
    company: String,
    plans: Vec<Plan>,
    /// What was typed per SKU, when the form comes back with a problem.
    typed: Vec<(String, String)>,
    problem: Option<String>,
}

impl NewOrderPage {
    fn typed(&self, sku: &str) -> &str {
        self.typed.iter().find(|(of, _)| of == sku).map_or("", |(_, quantity)| quantity.as_str())
    }

    fn term(&self, plan: &Plan) -> String {
        match plan.term_months {
            None => self.frame.page.t("dashboard-perpetual"),
            Some(months) => self.frame.page.tn("bo-plan-months", "months", months),
        }
    }
}

async fn new_order_page(
    state: &AppState,
    visit: &StaffVisit,
    id: &str,
    typed: Vec<(String, String)>,
    problem: Option<String>,
) -> Result<Response, WebError> {
    let frame = Frame::new(visit, "orders", &format!("/admin/customers/{id}/orders/new"));
    let Some(customer) = store::customers::by_id(&state.pool, id).await? else {
        return Err(WebError::not_found(&frame.page));
    };
    let plans = orders::plans_on_sale(&state.pool).await?;
    let status = if problem.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let mut response =
        render(&NewOrderPage { frame, customer_id: customer.id, company: customer.company, plans, typed, problem })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The form of a new order for customer `id`: a quantity of users for each plan on sale.
pub async fn new_order(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    new_order_page(&state, &visit, &id, Vec::new(), None).await
}

/// Places the order typed in the form, paid by bank transfer (admin): it waits for its
/// payment, and the customer's confirmation mail is queued.
pub async fn place(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    // Fields `qty-<SKU>`: one per plan on sale.
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut typed = Vec::new();
    let mut lines = Vec::new();
    let mut problem = None;
    for (name, value) in &fields {
        let Some(sku) = name.strip_prefix("qty-") else { continue };
        Text::<64>::parse("sku", sku.to_owned())?;
        Text::<8>::parse("quantity", value.clone())?;
        typed.push((sku.to_owned(), value.clone()));
        match value.trim() {
            "" | "0" => {}
            text => match text.parse::<i64>() {
                Ok(quantity) if (1..=100_000).contains(&quantity) => {
                    lines.push(orders::PlanLine { sku: sku.to_owned(), quantity });
                }
                _ => problem = Some(format!("'{text}' users of {sku}: 1 to 100000, please")),
            },
        }
    }
    let frame = Frame::new(&visit, "orders", "/admin/orders");
    if lines.is_empty() && problem.is_none() {
        problem = Some(frame.page.t("bo-order-new-empty"));
    }
    if let Some(problem) = problem {
        return new_order_page(&state, &visit, &id, typed, Some(problem)).await;
    }
    let placement = orders::Placement {
        customer_id: &CustomerId::new(id.as_str()),
        lines: &lines,
        payment_method: PaymentMethod::BankTransfer,
        placed_at: store::now(),
        prefix: &state.order_prefix,
        idempotency_key: None,
    };
    match orders::place(&state.pool, &state.mailer, &visit.actor(), &placement).await {
        Ok(placed) => Ok(Redirect::to(&format!("/admin/orders/{}?done=placed", placed.reference)).into_response()),
        Err(error @ Error::BadRequest(_)) => {
            let text = frame.refused(&error);
            new_order_page(&state, &visit, &id, typed, Some(text)).await
        }
        Err(error) => Err(error.into()),
    }
}

/// An invoice or credit note, printable (any member of staff).
pub async fn invoice(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(number): Path<Text<32>>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "orders", &format!("/admin/invoices/{number}"));
    match crate::services::invoices::document(&state.pool, &number).await {
        Ok(issued) => {
            let back = format!("/admin/orders/{}", issued.document.order_reference);
            super::super::invoice::page(frame.page, issued, back)
        }
        Err(Error::NotFound) => Err(WebError::not_found(&frame.page)),
        Err(error) => Err(error.into()),
    }
}
