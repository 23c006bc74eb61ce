//! The vendor API's orders: placed from the catalog's plans for a customer (awaiting payment),
//! and their payments recorded, which issues their licenses. Both honour `Idempotency-Key`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::licenses::LicenseBody;
use super::{IdempotencyKey, Vendor, read_time, time};
use crate::api::AppJson;
use crate::domain::{CustomerId, Money, OrderRef, PaymentMethod, Scope, Text};
use crate::error::{ErrorBody, Result};
use crate::services::cancellation;
use crate::services::orders::{self, PlanLine};
use crate::services::payments::{self, PaymentForm};
use crate::state::AppState;
use crate::store::orders::{Item, Order};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(place_order))
        .routes(routes!(record_payment))
        .routes(routes!(cancel_order))
        .routes(routes!(refund_order))
}

/// One line of an order to place: a plan's SKU and the users it is for.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LineBody {
    pub sku: Text<64>,
    /// Users, 1 to 1,000,000.
    pub quantity: i64,
}

/// An order to place for a customer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrderBody {
    pub customer_id: Text<64>,
    pub items: Vec<LineBody>,
    /// `bank_transfer` (the default: an invoice with the vendor's bank details) or `card`.
    #[serde(default)]
    pub payment_method: Option<Text<32>>,
}

/// One line of an order.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemBody {
    pub sku: String,
    pub description: String,
    pub quantity: i64,
    /// Minor units of the order's currency (cents).
    pub unit_price_minor: i64,
    pub subtotal_minor: i64,
}

/// An order as it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderBody {
    /// E.g. `JWT1001`: what the customer quotes, and signs in with.
    pub reference: String,
    pub customer_id: String,
    /// `awaiting_payment`, `paid`, `cancelled` or `refunded`.
    pub status: String,
    pub payment_method: String,
    /// ISO 4217.
    pub currency: String,
    /// The exact sum of the lines' subtotals, in minor units.
    pub total_minor: i64,
    /// The total as written, e.g. `399.00`.
    pub total: String,
    pub placed_at: String,
    pub paid_at: Option<String>,
    pub items: Vec<ItemBody>,
}

impl OrderBody {
    pub fn new(order: Order, items: Vec<Item>) -> Self {
        let total = orders::currency(&order.currency)
            .map_or_else(|_| order.total_minor.to_string(), |c| Money::from_minor(order.total_minor, c).decimal());
        Self {
            reference: order.reference,
            customer_id: order.customer_id.to_string(),
            status: order.status.code().to_owned(),
            payment_method: order.payment_method.code().to_owned(),
            currency: order.currency,
            total_minor: order.total_minor,
            total,
            placed_at: time(order.placed_at),
            paid_at: order.paid_at.map(time),
            items: items
                .into_iter()
                .map(|i| ItemBody {
                    sku: i.sku,
                    description: i.description,
                    quantity: i.quantity,
                    unit_price_minor: i.unit_price_minor,
                    subtotal_minor: i.subtotal_minor,
                })
                .collect(),
        }
    }
}

/// Places an order of plans for a customer: it waits for its payment, and the customer's key
/// activates nothing of it (`NOT_PAID`) until then. The same `Idempotency-Key` again answers the
/// order placed the first time.
#[utoipa::path(post, path = "/api/v1/admin/orders", tag = "vendor", request_body = NewOrderBody,
    params(("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key places nothing new")),
    security(("vendor_token" = ["orders"])),
    responses((status = 201, description = "Placed", body = OrderBody),
              (status = 200, description = "Placed before with this Idempotency-Key", body = OrderBody),
              (status = 400, description = "BAD_REQUEST: unknown customer or SKU, retired plan, quantity out of range", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `orders`", body = ErrorBody),
              (status = 409, description = "PAYMENT_CONFLICT: the Idempotency-Key placed another customer's order", body = ErrorBody)))]
async fn place_order(
    State(state): State<AppState>,
    vendor: Vendor,
    IdempotencyKey(key): IdempotencyKey,
    AppJson(body): AppJson<NewOrderBody>,
) -> Result<(StatusCode, AppJson<OrderBody>)> {
    let actor = vendor.may(Scope::Orders)?;
    let lines = body
        .items
        .iter()
        .map(|line| PlanLine { sku: line.sku.to_string(), quantity: line.quantity })
        .collect::<Vec<_>>();
    let method = body.payment_method.as_deref().map_or(Ok(PaymentMethod::BankTransfer), PaymentMethod::parse)?;
    let placed = orders::place(
        &state.pool,
        &state.mailer,
        &actor,
        &orders::Placement {
            customer_id: &CustomerId::new(body.customer_id.as_str()),
            lines: &lines,
            payment_method: method,
            placed_at: crate::store::now(),
            prefix: &state.order_prefix,
            idempotency_key: key.as_deref(),
        },
    )
    .await?;
    let status = if placed.first_time { StatusCode::CREATED } else { StatusCode::OK };
    let (order, items) = orders::with_items(&state.pool, &placed.id).await?;
    Ok((status, AppJson(OrderBody::new(order, items))))
}

/// A payment that arrived for an order.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentBody {
    /// What arrived, in minor units (cents): the order's total.
    pub amount_minor: i64,
    /// ISO 4217: the order's currency.
    pub currency: Text<3>,
    /// When the money arrived, RFC 3339 or `YYYY-MM-DD`: the licenses' term starts then. Now
    /// when absent.
    #[serde(default)]
    pub paid_at: Option<Text<40>>,
    /// `bank_transfer` or `card`; the order's method when absent.
    #[serde(default)]
    pub method: Option<Text<32>>,
    /// The transfer's reference on the bank statement; the same one is recorded once.
    #[serde(default)]
    pub bank_reference: Option<Text<128>>,
}

/// The payment as recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordedPaymentBody {
    pub amount_minor: i64,
    pub currency: String,
    pub paid_at: String,
    pub method: String,
    pub bank_reference: Option<String>,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// The order paid, its payment and the licenses it issued.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaidBody {
    pub order: OrderBody,
    pub payment: RecordedPaymentBody,
    /// The customer's activation key: it opens these licenses in the License Manager.
    pub activation_key: String,
    pub licenses: Vec<LicenseBody>,
    /// False when this call repeated a payment recorded before (same bank reference or
    /// Idempotency-Key): nothing changed.
    pub recorded_now: bool,
}

/// Records the payment of an order: in one transaction the order becomes paid and its
/// licenses are issued, their term and support starting when the money arrived. Recording the
/// same payment again (its bank reference, or this call retried with its `Idempotency-Key`)
/// changes nothing and answers the same.
#[utoipa::path(post, path = "/api/v1/admin/orders/{reference}/payments", tag = "vendor", request_body = PaymentBody,
    params(("reference" = String, Path, description = "The order's reference, e.g. JWT1001"),
           ("Idempotency-Key" = Option<String>, Header, description = "A retry with the same key records nothing new")),
    security(("vendor_token" = ["orders"])),
    responses((status = 201, description = "Recorded; the licenses are issued", body = PaidBody),
              (status = 200, description = "Recorded before: nothing changed", body = PaidBody),
              (status = 400, description = "BAD_REQUEST: a payment date in the future or before the order", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `orders`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND: no such order", body = ErrorBody),
              (status = 409, description = "AMOUNT_MISMATCH, ALREADY_PAID, PAYMENT_CONFLICT", body = ErrorBody)))]
async fn record_payment(
    State(state): State<AppState>,
    vendor: Vendor,
    IdempotencyKey(key): IdempotencyKey,
    Path(reference): Path<String>,
    AppJson(body): AppJson<PaymentBody>,
) -> Result<(StatusCode, AppJson<PaidBody>)> {
    let actor = vendor.may(Scope::Orders)?;
    let reference = OrderRef::normalise(&reference);
    let amount = Money::from_minor(body.amount_minor, orders::currency(&body.currency)?);
    let paid_at = match &body.paid_at {
        Some(text) => read_time("paid_at", text)?,
        None => crate::store::now(),
    };
    let form = PaymentForm {
        reference: &reference,
        amount,
        paid_at,
        method: body.method.as_deref().map(PaymentMethod::parse).transpose()?,
        bank_reference: body.bank_reference.as_deref(),
        idempotency_key: key.as_deref(),
    };
    let recorded = payments::record_payment(&state.pool, &state.mailer, &actor, &form).await?;
    let now = crate::store::now();
    let activation_key = crate::store::customers::by_id(&state.pool, &recorded.order.customer_id)
        .await?
        .map(|c| c.activation_key)
        .unwrap_or_default();
    let items = orders::with_items(&state.pool, &recorded.order.id).await?.1;
    let payment = recorded.payment;
    let body = PaidBody {
        licenses: recorded.licenses.iter().map(|l| LicenseBody::new(l, now)).collect(),
        order: OrderBody::new(recorded.order, items),
        payment: RecordedPaymentBody {
            amount_minor: payment.amount_minor,
            currency: payment.currency,
            paid_at: time(payment.paid_at),
            method: payment.method.code().to_owned(),
            bank_reference: payment.bank_reference,
            recorded_by: payment.recorded_by,
            recorded_at: time(payment.recorded_at),
        },
        activation_key,
        recorded_now: recorded.first_time,
    };
    let status = if body.recorded_now { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, AppJson(body)))
}

/// Why an order is undone.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UndoBody {
    /// Required; at most 500 characters. A refund's reason is what the customer reads about
    /// their revoked licenses.
    pub reason: Text<500>,
}

/// The order undone, and the serials of the licenses a refund revoked.
#[derive(Debug, Serialize, ToSchema)]
pub struct UndoneBody {
    pub order: OrderBody,
    pub revoked: Vec<String>,
}

async fn undone(state: &AppState, undone: cancellation::Undone) -> Result<AppJson<UndoneBody>> {
    let items = orders::with_items(&state.pool, &undone.order.id).await?.1;
    Ok(AppJson(UndoneBody { order: OrderBody::new(undone.order, items), revoked: undone.revoked }))
}

/// Cancels an order awaiting its payment: it will not be paid.
#[utoipa::path(post, path = "/api/v1/admin/orders/{reference}/cancel", tag = "vendor", request_body = UndoBody,
    params(("reference" = String, Path, description = "The order's reference, e.g. JWT1001")),
    security(("vendor_token" = ["orders"])),
    responses((status = 200, body = UndoneBody),
              (status = 400, description = "BAD_REQUEST: no reason given", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `orders`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND: no such order", body = ErrorBody),
              (status = 409, description = "WRONG_ORDER_STATUS: the order is paid (refund it), cancelled or refunded", body = ErrorBody)))]
async fn cancel_order(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(reference): Path<String>,
    AppJson(body): AppJson<UndoBody>,
) -> Result<AppJson<UndoneBody>> {
    let actor = vendor.may(Scope::Orders)?;
    let done = cancellation::cancel(&state.pool, &actor, &OrderRef::normalise(&reference), &body.reason).await?;
    undone(&state, done).await
}

/// Refunds a paid order: its licenses are revoked with the reason, which the customer reads
/// in the License Manager at the next refresh and in a mail.
#[utoipa::path(post, path = "/api/v1/admin/orders/{reference}/refund", tag = "vendor", request_body = UndoBody,
    params(("reference" = String, Path, description = "The order's reference, e.g. JWT1001")),
    security(("vendor_token" = ["orders"])),
    responses((status = 200, body = UndoneBody),
              (status = 400, description = "BAD_REQUEST: no reason given", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `orders`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND: no such order", body = ErrorBody),
              (status = 409, description = "WRONG_ORDER_STATUS: the order is not paid (cancel it), or refunded already", body = ErrorBody)))]
async fn refund_order(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(reference): Path<String>,
    AppJson(body): AppJson<UndoBody>,
) -> Result<AppJson<UndoneBody>> {
    let actor = vendor.may(Scope::Orders)?;
    let reference = OrderRef::normalise(&reference);
    let done = cancellation::refund(&state.pool, &state.mailer, &actor, &reference, &body.reason).await?;
    undone(&state, done).await
}
