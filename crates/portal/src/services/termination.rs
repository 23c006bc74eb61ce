//! Staff's "Cancel now": a subscription ended today with its license, and, if asked, the unused
//! part of its period given back as tessera-billing's `unused_refund` computes it — to the card
//! at the provider, or recorded for the vendor to send by bank transfer.

use chrono::NaiveDate;
use tessera_billing::{Money, Period, unused_refund};

use super::cards;
use super::events::{self, Change};
use super::subscriptions::{billing, changed_meanwhile, outlook};
use crate::domain::{Actor, CustomerId, EventKind, LicenseId, OrderId, OrderStatus, PaymentMethod, Text, day};
use crate::error::{Error, Result};
use crate::payments::PaymentProvider;
use crate::store::subscriptions::{self, Subscription};
use crate::store::{self, Pool};

/// What ending a subscription today would do: the period it is in, what that period was paid,
/// and what may be given back.
#[derive(Debug)]
pub struct Ending {
    pub subscription: Subscription,
    pub today: NaiveDate,
    pub period: Period,
    /// Days from today (inclusive) to the period's end.
    pub days_remaining: i64,
    pub paid: Money,
    pub refund: Money,
    pub method: PaymentMethod,
}

/// What ending subscription `id` on `today` would give back, without changing anything.
pub async fn preview(pool: &Pool, id: &str, today: NaiveDate) -> Result<Ending> {
    let mut conn = store::acquire(pool).await?;
    let subscription = subscriptions::by_id(&mut conn, id).await?.ok_or(Error::NotFound)?;
    if subscription.status == crate::domain::SubscriptionStatus::Ended {
        return Err(Error::refused("bo-refusal-subscription-ended", &[("id", subscription.id.clone().into())]));
    }
    let currency = super::orders::currency(&subscription.currency)?;
    let (_, standing) = outlook(&mut conn, &subscription).await?;
    let period = standing.period;
    let paid_minor = subscriptions::paid_since(&mut conn, id, day::start(period.start)).await?;
    let paid = Money::from_minor(paid_minor, currency);
    // A trial, or a period not yet begun, has nothing unused to give back.
    let (days_remaining, refund) = match period.days_remaining(today) {
        Some(days) => (days, unused_refund(&standing, today, paid).map_err(billing)?),
        None => (0, Money::zero(currency)),
    };
    let method = PaymentMethod::parse(&subscription.payment_method)?;
    Ok(Ending { subscription, today, period, days_remaining, paid, refund, method })
}

/// How staff end a subscription.
#[derive(Debug)]
pub struct EndForm<'a> {
    pub today: NaiveDate,
    /// Give back the unused part of the period.
    pub refund: bool,
    /// The version the confirm page was shown on: refused if it changed meanwhile.
    pub version: i64,
    /// Why, for the event log (may be blank).
    pub reason: &'a str,
    /// The card provider, when the portal takes cards.
    pub provider: Option<&'a dyn PaymentProvider>,
}

/// A subscription ended: what was given back, how, and the provider's refund ids (cards).
#[derive(Debug)]
pub struct Ended {
    pub refund: Money,
    pub method: PaymentMethod,
    pub refunds: Vec<String>,
}

/// Ends subscription `id` now: its license runs out at once, an order of its period (or one
/// placed ahead for the next) still awaiting payment is cancelled, and with `form.refund` the
/// unused part is given back. A card is refunded first, under keys naming the subscription and
/// its period (asked again, it is refunded once); then the subscription ends in one transaction
/// with its event.
pub async fn end_now(pool: &Pool, actor: &Actor, id: &str, form: &EndForm<'_>) -> Result<Ended> {
    let reason = Text::<500>::parse("reason", form.reason.trim())?.to_string();
    let ending = preview(pool, id, form.today).await?;
    if ending.subscription.version != form.version {
        return Err(changed_meanwhile());
    }
    let refund = if form.refund { ending.refund } else { Money::zero(ending.refund.currency()) };
    let refunds = if refund.minor() > 0 && ending.method == PaymentMethod::Card {
        let provider = form.provider.ok_or_else(|| Error::refused("bo-refusal-card-none", &[]))?;
        refund_card(pool, provider, &ending, refund.minor()).await?
    } else {
        Vec::new()
    };
    let subscription = &ending.subscription;
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    if !subscriptions::end(&mut tx, id, subscription.version, now).await? {
        return Err(changed_meanwhile());
    }
    // An order placed ahead for the next period (bank transfer) is for a period that will not come.
    super::advance::dropped(&mut tx, actor, subscription).await?;
    let license_id = LicenseId::new(subscription.license_id.clone());
    store::licenses::set_expiry(&mut tx, &license_id, now).await?;
    let cancelled = match &subscription.due_order_id {
        Some(due) => {
            let order = OrderId::new(due.clone());
            store::orders::change_status(&mut tx, &order, OrderStatus::AwaitingPayment, OrderStatus::Cancelled).await?
        }
        None => false,
    };
    let customer_id = CustomerId::new(subscription.customer_id.clone());
    let refund_by = match (refund.minor() > 0, ending.method) {
        (false, _) => None,
        (true, PaymentMethod::Card) => Some("card"),
        (true, _) => Some("bank_transfer"),
    };
    let event = Change {
        kind: EventKind::SubscriptionChanged,
        at: now,
        subject: id,
        customer_id: Some(&customer_id),
        order_id: None,
        license_id: Some(&license_id),
        before: Some(serde_json::json!({ "status": subscription.status })),
        after: Some(serde_json::json!({
            "change": "cancel_now",
            "status": "ended",
            "refund": refund.decimal(),
            "currency": refund.currency().code(),
            "refund_by": refund_by,
            "refunds": refunds,
            "unpaid_order_cancelled": cancelled,
            "reason": reason,
        })),
    };
    events::record(&mut tx, actor, &event).await?;
    tx.commit().await?;
    tracing::info!(subscription = %id, refund = %refund, "subscription ended now by staff");
    Ok(Ended { refund, method: ending.method, refunds })
}

/// Gives `amount_minor` back on the card charges that paid orders of `ending`'s period, newest
/// first, each up to what it charged. One given back already by an earlier attempt whose ending
/// was refused (changed meanwhile) is asked again with the same key and amount: the provider
/// answers the same refund, so a repeated Cancel now refunds once. A charge undone because its
/// change was not made paid no order and is left alone.
async fn refund_card(
    pool: &Pool,
    provider: &dyn PaymentProvider,
    ending: &Ending,
    amount_minor: i64,
) -> Result<Vec<String>> {
    let id = &ending.subscription.id;
    let since = day::start(ending.period.start);
    let mut left = amount_minor;
    let mut refunds = Vec::new();
    for charge in store::cards::of_subscription(pool, id).await? {
        if left == 0 {
            break;
        }
        let paid_an_order =
            charge.order_id.is_some() && matches!(charge.status.as_str(), "succeeded" | "refunded" | "partly_refunded");
        if !paid_an_order || charge.created_at < since || charge.provider_charge_id.is_none() {
            continue;
        }
        let part = left.min(charge.amount_minor);
        let key = format!("refund:{id}:{}:end:{}", ending.period.start, charge.id);
        refunds.push(cards::refund_part(pool, provider, &charge, part, &key).await?);
        left -= part;
    }
    if left > 0 {
        tracing::warn!(subscription = %id, left, "less was charged to the card this period than the refund");
    }
    Ok(refunds)
}
