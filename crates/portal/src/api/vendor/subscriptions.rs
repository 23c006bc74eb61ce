//! The vendor API's subscriptions: started for a customer from a monthly or annual plan (in
//! its trial, or charged from today), read, and changed — with `"preview": true` for what a
//! change would cost, computed by the same function that charges it.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tessera_billing::{Effective, Money};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Vendor, time};
use crate::api::AppJson;
use crate::domain::{CustomerId, PaymentMethod, Scope, Text};
use crate::error::{Error, ErrorBody, Result};
use crate::services::subscriptions::{self, ChangeForm, Quote, Request, StartForm};
use crate::state::AppState;
use crate::store::subscriptions::Subscription;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(start)).routes(routes!(subscription)).routes(routes!(change))
}

/// A subscription to start for a customer.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSubscriptionBody {
    pub customer_id: Text<64>,
    /// A plan sold by the month or by the year.
    pub sku: Text<64>,
    /// Users, at least 1.
    pub quantity: i64,
    /// Start with the plan's trial: nothing is charged and the license ends with the trial.
    #[serde(default)]
    pub trial: bool,
    /// `bank_transfer` (the default) or `card`.
    #[serde(default)]
    pub payment_method: Option<Text<32>>,
}

/// A subscription as it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubscriptionBody {
    pub id: String,
    pub customer_id: String,
    /// `trialing`, `active`, `past_due`, `suspended`, `cancelling` or `ended`.
    pub status: String,
    /// The serial of the license that follows it.
    pub license_serial: String,
    pub payment_method: String,
    pub currency: String,
    /// For a trial, the day it ends and the first paid period starts (`YYYY-MM-DD`).
    pub trial_ends_on: Option<String>,
    /// The current period (the first paid one, during a trial): `YYYY-MM-DD`, end exclusive.
    pub period_start: String,
    pub period_end: String,
    /// `month` or `year`.
    pub interval: String,
    /// The plan and users the period started with (changes since are in `changes`' answers).
    pub plan: String,
    pub quantity: i64,
    /// Credit kept for the next invoices, e.g. `12.50`.
    pub credit_balance: String,
    /// Send it back with a change: a change computed on an older version is refused.
    pub version: i64,
    pub created_at: String,
}

/// What is asked: exactly one of `quantity`, `sku`, `cancel`, `resume`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeBody {
    /// The new number of users: more are charged now for the rest of the period, fewer take
    /// effect at its end.
    #[serde(default)]
    pub quantity: Option<i64>,
    /// Another plan of the product: a dearer one now (credit for the old one), a cheaper one at
    /// the period end; monthly → annual now, annual → monthly at the end of the year.
    #[serde(default)]
    pub sku: Option<Text<64>>,
    /// Stop at the period end.
    #[serde(default)]
    pub cancel: bool,
    /// Undo a cancel before the period end.
    #[serde(default)]
    pub resume: bool,
    /// Only say what it would cost and do.
    #[serde(default)]
    pub preview: bool,
    /// The subscription's `version` this change was decided on.
    #[serde(default)]
    pub version: Option<i64>,
}

/// One line of what a change charges (positive) or credits (negative).
#[derive(Debug, Serialize, ToSchema)]
pub struct QuoteLineBody {
    pub description: String,
    pub amount: String,
}

/// What the subscription renews as.
#[derive(Debug, Serialize, ToSchema)]
pub struct RenewalBody {
    pub start: String,
    pub interval: String,
    pub plan: String,
    pub quantity: i64,
    pub unit_price: String,
    pub total: String,
}

/// What a change costs and does.
#[derive(Debug, Serialize, ToSchema)]
pub struct QuoteBody {
    pub currency: String,
    pub period_start: String,
    pub period_end: String,
    pub period_days: i64,
    pub days_remaining: i64,
    /// `now`, or the day it takes effect.
    pub effective: String,
    pub lines: Vec<QuoteLineBody>,
    pub credit_used: String,
    pub due_now: String,
    pub credit_balance: String,
    /// `null` when it ends at the period end.
    pub next_period: Option<RenewalBody>,
    /// Users held once it is done (fewer only from the period end).
    pub users_now: i64,
    pub plan_now: String,
}

/// A change's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangedBody {
    pub quote: QuoteBody,
    /// False for a preview.
    pub applied: bool,
    /// The order charging `due_now`, when something is due.
    pub order_reference: Option<String>,
    pub subscription: SubscriptionBody,
}

/// Starts a subscription: its license at once (users × the plan's computers per user, ending
/// with the trial, or with the first period plus the product's grace days), and unless it is a
/// trial the order charging the first period, awaiting its payment.
#[utoipa::path(post, path = "/api/v1/admin/subscriptions", tag = "vendor", request_body = NewSubscriptionBody,
    security(("vendor_token" = ["orders"])),
    responses((status = 201, body = SubscriptionBody),
              (status = 400, description = "BAD_REQUEST: unknown customer or SKU, a plan not sold by the month or year, no trial, quantity out of range", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `orders`", body = ErrorBody)))]
async fn start(
    State(state): State<AppState>,
    vendor: Vendor,
    AppJson(body): AppJson<NewSubscriptionBody>,
) -> Result<(StatusCode, AppJson<SubscriptionBody>)> {
    let actor = vendor.may(Scope::Orders)?;
    let method = body.payment_method.as_deref().map_or(Ok(PaymentMethod::BankTransfer), PaymentMethod::parse)?;
    let form = StartForm {
        customer_id: &CustomerId::new(body.customer_id.as_str()),
        sku: &body.sku,
        quantity: body.quantity,
        trial: body.trial,
        payment_method: method,
        today: today(),
        prefix: &state.order_prefix,
    };
    let started = subscriptions::start(&state.pool, &state.mailer, &actor, &form).await?;
    let subscription = subscriptions::by_id(&state.pool, &started.id).await?;
    Ok((StatusCode::CREATED, AppJson(body_of(&state, subscription).await?)))
}

/// A subscription as it stands.
#[utoipa::path(get, path = "/api/v1/admin/subscriptions/{id}", tag = "vendor",
    params(("id" = String, Path, description = "The subscription's id")),
    security(("vendor_token" = ["orders"])),
    responses((status = 200, body = SubscriptionBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `orders`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND", body = ErrorBody)))]
async fn subscription(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(id): Path<Text<64>>,
) -> Result<AppJson<SubscriptionBody>> {
    vendor.may(Scope::Orders)?;
    let subscription = subscriptions::by_id(&state.pool, &id).await?;
    Ok(AppJson(body_of(&state, subscription).await?))
}

/// Changes a subscription today, or with `"preview": true` says what the change would cost
/// and do without making it; both are the same computation, from the period's whole history,
/// so the preview's `due_now` is what the change charges. What is due is charged as an order
/// awaiting its payment.
#[utoipa::path(post, path = "/api/v1/admin/subscriptions/{id}/changes", tag = "vendor", request_body = ChangeBody,
    params(("id" = String, Path, description = "The subscription's id")),
    security(("vendor_token" = ["orders"])),
    responses((status = 200, body = ChangedBody),
              (status = 400, description = "BAD_REQUEST: not exactly one change, a quantity out of range, another product's plan, a subscription that cannot change", body = ErrorBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody),
              (status = 403, description = "SCOPE_MISSING: the token lacks `orders`", body = ErrorBody),
              (status = 404, description = "NOT_FOUND", body = ErrorBody),
              (status = 409, description = "CHANGED_MEANWHILE: the subscription changed since `version`; nothing was done", body = ErrorBody)))]
async fn change(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(id): Path<Text<64>>,
    AppJson(body): AppJson<ChangeBody>,
) -> Result<AppJson<ChangedBody>> {
    let actor = vendor.may(Scope::Orders)?;
    let request = match (body.quantity, &body.sku, body.cancel, body.resume) {
        (Some(quantity), None, false, false) => Request::Quantity(quantity),
        (None, Some(sku), false, false) => Request::Plan(sku.to_string()),
        (None, None, true, false) => Request::Cancel,
        (None, None, false, true) => Request::Resume,
        _ => {
            return Err(Error::BadRequest(
                "a change is exactly one of `quantity`, `sku`, `cancel: true` or `resume: true`".into(),
            ));
        }
    };
    let (quote, applied, order_reference) = if body.preview {
        (subscriptions::preview(&state.pool, &id, &request, today()).await?, false, None)
    } else {
        let form = ChangeForm {
            request: &request,
            today: today(),
            version: body.version,
            prefix: &state.order_prefix,
            provider: state.payments.as_deref(),
        };
        let changed = subscriptions::change(&state.pool, &state.mailer, &actor, &id, &form).await?;
        (changed.quote, true, changed.charge.map(|placed| placed.reference.to_string()))
    };
    let subscription = body_of(&state, subscriptions::by_id(&state.pool, &id).await?).await?;
    Ok(AppJson(ChangedBody { quote: quote_body(&quote), applied, order_reference, subscription }))
}

/// Today in the billing time zone (UTC).
fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

async fn body_of(state: &AppState, subscription: Subscription) -> Result<SubscriptionBody> {
    let serial = subscriptions::serial_of(&state.pool, &subscription).await?;
    let credit = crate::services::orders::currency(&subscription.currency)
        .map(|currency| Money::from_minor(subscription.credit_minor, currency).decimal())?;
    Ok(SubscriptionBody {
        id: subscription.id,
        customer_id: subscription.customer_id,
        status: subscription.status.code().to_owned(),
        license_serial: serial,
        payment_method: subscription.payment_method,
        currency: subscription.currency,
        trial_ends_on: subscription.trial_ends_on,
        period_start: subscription.period_start,
        period_end: subscription.period_end,
        interval: subscription.period_interval,
        plan: subscription.period_sku,
        quantity: subscription.period_quantity,
        credit_balance: credit,
        version: subscription.version,
        created_at: time(subscription.created_at),
    })
}

fn quote_body(quote: &Quote) -> QuoteBody {
    QuoteBody {
        currency: quote.due_now.currency().code().to_owned(),
        period_start: quote.period.start.to_string(),
        period_end: quote.period.end.to_string(),
        period_days: quote.period.days,
        days_remaining: quote.days_remaining,
        effective: match quote.effective {
            Effective::Now => "now".to_owned(),
            Effective::At(day) => day.to_string(),
        },
        lines: quote
            .lines
            .iter()
            .map(|line| QuoteLineBody { description: line.description.clone(), amount: line.amount.decimal() })
            .collect(),
        credit_used: quote.credit_used.decimal(),
        due_now: quote.due_now.decimal(),
        credit_balance: quote.credit_balance.decimal(),
        next_period: quote.renewal.as_ref().map(|renewal| RenewalBody {
            start: renewal.start.to_string(),
            interval: renewal.interval.to_string(),
            plan: renewal.plan.id.clone(),
            quantity: renewal.quantity,
            unit_price: renewal.plan.unit_price.decimal(),
            total: renewal.total.decimal(),
        }),
        users_now: quote.standing.quantity,
        plan_now: quote.standing.plan.id.clone(),
    }
}
