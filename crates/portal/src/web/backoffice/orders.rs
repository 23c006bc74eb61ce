//! Orders awaiting payment, and recording the bank transfer that pays one (admin role): the
//! order becomes paid and its licenses are issued, as from the shell or the vendor API.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::super::{WebError, render};
use super::{Frame, StaffVisit};
use crate::domain::{Money, OrderRef, Text};
use crate::error::Error;
use crate::services::{orders, payments};
use crate::state::AppState;
use crate::store::{self, orders::Awaiting};

#[derive(Template)]
#[template(path = "backoffice/orders.html")]
struct OrdersPage {
    frame: Frame,
    orders: Vec<Awaiting>,
    /// What the last action did: (`ok` or `problem`, the text).
    notice: Option<(&'static str, String)>,
    today: String,
}

impl OrdersPage {
    /// An order's total as the amount field starts, e.g. `598.50`.
    fn amount(&self, order: &Awaiting) -> String {
        orders::currency(&order.currency)
            .map_or_else(|_| order.total_minor.to_string(), |c| Money::from_minor(order.total_minor, c).decimal())
    }
}

async fn page(
    state: &AppState,
    visit: &StaffVisit,
    notice: Option<(&'static str, String)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let frame = Frame::new(visit, "orders", "/admin/orders");
    let orders = orders::awaiting_payment(&state.pool).await?;
    let today = crate::web::format::iso_date(store::now());
    let mut response = render(&OrdersPage { frame, orders, notice, today })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The orders awaiting payment, oldest first.
pub async fn awaiting(State(state): State<AppState>, visit: StaffVisit) -> Result<Response, WebError> {
    page(&state, &visit, None, StatusCode::OK).await
}

#[derive(Debug, Deserialize)]
pub struct PaymentFields {
    amount: Text<32>,
    paid_on: Text<16>,
    #[serde(default)]
    bank_reference: Text<128>,
}

/// Records the payment of an order: the same service as the shell's and the vendor API's, with
/// the member of staff as the actor.
pub async fn record_payment(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(reference): Path<Text<64>>,
    Form(fields): Form<PaymentFields>,
) -> Result<Response, WebError> {
    let reference = OrderRef::normalise(&reference);
    let outcome = async {
        let order = store::orders::by_reference(&mut *store::acquire(&state.pool).await?, &reference)
            .await?
            .ok_or(Error::NotFound)?;
        let currency = orders::currency(&order.currency)?;
        let amount = Money::parse(&fields.amount, currency).map_err(|e| Error::BadRequest(e.to_string().into()))?;
        let paid_at = crate::domain::day::midnight(&fields.paid_on)
            .ok_or_else(|| super::not_a_day(&fields.paid_on, "2026-03-01"))?;
        let form = payments::PaymentForm {
            reference: &reference,
            amount,
            paid_at,
            method: None,
            bank_reference: Some(fields.bank_reference.as_str()).filter(|r| !r.trim().is_empty()),
            idempotency_key: None,
        };
        payments::record_payment(&state.pool, &state.mailer, &visit.actor(), &form).await
    }
    .await;
    let frame = Frame::new(&visit, "orders", "/admin/orders");
    match outcome {
        Ok(recorded) => {
            let serials: Vec<String> = recorded.licenses.iter().map(|l| l.serial.to_string()).collect();
            let text = frame.page.t_with(
                "bo-payment-recorded",
                &[("order", recorded.order.reference.as_str()), ("licenses", serials.join(", ").as_str())],
            );
            page(&state, &visit, Some(("ok", text)), StatusCode::OK).await
        }
        Err(Error::NotFound) => Err(WebError::not_found(&frame.page)),
        Err(
            error @ (Error::BadRequest(_)
            | Error::AmountMismatch { .. }
            | Error::AlreadyPaid(_)
            | Error::PaymentConflict(_)),
        ) => {
            let (status, text) = (error.status(), frame.refused(&error));
            page(&state, &visit, Some(("problem", text)), status).await
        }
        Err(error) => Err(error.into()),
    }
}
