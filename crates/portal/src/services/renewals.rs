//! Renewals and dunning (`shared/BILLING.md` "Renewal"): at a period's end a subscription
//! rolls into its next period, charged as an order, or ends; a period's charge unpaid makes it
//! past due, then suspended with its license, until it is paid.

use chrono::NaiveDate;
use tessera_billing::{Money, Period, Standing, period_containing};
use tessera_core::LicenseStatus;

use super::events::{self, Change};
use super::orders::{self, Charge, ChargeLine, Placed};
use super::subscriptions::{billing, day, follow, iso, outlook, users};
use super::{issuing, mail};
use crate::domain::{Actor, CustomerId, EventKind, LicenseId, PaymentMethod, SubscriptionStatus};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::subscriptions::{self, NextPeriod, Subscription, Unpaid};
use crate::store::{self, Conn, Pool, catalog, licenses};

/// Periods rolled for one subscription in one round at most: years of monthly periods missed.
const MAX_ROLLS: usize = 1_000;

/// How unpaid charges are dunned.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// Days after its period started that an unpaid charge makes a subscription past due.
    pub past_due_after_days: i64,
}

/// What one round did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Round {
    /// Periods rolled into the next one.
    pub renewed: usize,
    /// Subscriptions ended (cancelled, or a trial not bought).
    pub ended: usize,
    pub past_due: usize,
    pub suspended: usize,
    /// Subscriptions that could not be renewed or dunned this round (logged; tried again).
    pub failed: usize,
}

impl Round {
    /// Whether the round did nothing at all.
    #[must_use]
    pub fn is_quiet(&self) -> bool {
        *self == Self::default()
    }
}

/// One round on `today` (UTC day): every subscription whose period ended is rolled, one period
/// at a time until current, then unpaid charges move along the dunning steps. Safe to run in
/// several processes at once: each step is claimed by a conditional update, so each period is
/// rolled, and each step taken, once. One subscription failing does not stop the others.
pub async fn run(pool: &Pool, mailer: &Mailer, today: NaiveDate, prefix: &str, settings: Settings) -> Result<Round> {
    let mut round = Round::default();
    for subscription in subscriptions::due_for_roll(pool, &iso(today)).await? {
        for _ in 0..MAX_ROLLS {
            match roll(pool, mailer, &subscription.id, today, prefix).await {
                Ok(Rolled::Renewed(_)) => round.renewed += 1,
                Ok(Rolled::Ended) => {
                    round.ended += 1;
                    break;
                }
                Ok(Rolled::NotDue) => break,
                Err(error) => {
                    tracing::warn!(subscription = %subscription.id, %error, "renewal failed");
                    round.failed += 1;
                    break;
                }
            }
        }
    }
    for unpaid in subscriptions::unpaid(pool, &iso(today)).await? {
        match dun(pool, mailer, &unpaid, today, settings).await {
            Ok(Some(SubscriptionStatus::PastDue)) => round.past_due += 1,
            Ok(Some(_)) => round.suspended += 1,
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(subscription = %unpaid.id, %error, "dunning failed");
                round.failed += 1;
            }
        }
    }
    Ok(round)
}

/// What [`roll`] did.
#[derive(Debug)]
pub enum Rolled {
    /// Into its next period, with the order charging it (none when the credit kept paid it).
    Renewed(Option<Placed>),
    Ended,
    /// Its period has not ended, it cannot roll (past due, suspended, ended), or another
    /// process rolled it meanwhile.
    NotDue,
}

/// Rolls subscription `id` over its period's end if that end is on or before `today`, in one
/// transaction: a cancelling one (or a trial not bought) ends, its license left to run out; an
/// active one starts its next period as its history renews it (plan, interval, users), charged
/// its total less the credit kept, the license following. The claim is a conditional update on
/// the subscription's version: of two processes rolling it at once, the second does nothing.
pub async fn roll(pool: &Pool, mailer: &Mailer, id: &str, today: NaiveDate, prefix: &str) -> Result<Rolled> {
    let mut tx = store::begin(pool).await?;
    let subscription = subscriptions::by_id(&mut tx, id).await?.ok_or(Error::NotFound)?;
    let rolled = match subscription.status {
        SubscriptionStatus::Trialing => {
            let ends = subscription.trial_ends_on.as_deref().map(day).transpose()?;
            if ends.is_none_or(|ends| ends > today) {
                return Ok(Rolled::NotDue);
            }
            end(&mut tx, &subscription).await?
        }
        SubscriptionStatus::Active | SubscriptionStatus::Cancelling => {
            let (renewal, standing) = outlook(&mut tx, &subscription).await?;
            if standing.period.end > today {
                return Ok(Rolled::NotDue);
            }
            match renewal {
                None => end(&mut tx, &subscription).await?,
                Some(renewal) => renew(&mut tx, mailer, &subscription, &renewal, &standing, prefix).await?,
            }
        }
        SubscriptionStatus::PastDue | SubscriptionStatus::Suspended | SubscriptionStatus::Ended => {
            return Ok(Rolled::NotDue);
        }
    };
    if matches!(rolled, Rolled::NotDue) {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    Ok(rolled)
}

/// Ends `subscription` now; its license runs out at the end it already has.
async fn end(conn: &mut Conn, subscription: &Subscription) -> Result<Rolled> {
    let now = store::now();
    if !subscriptions::end(conn, &subscription.id, subscription.version, now).await? {
        return Ok(Rolled::NotDue);
    }
    let event = Change {
        kind: EventKind::SubscriptionChanged,
        at: now,
        subject: &subscription.id,
        customer_id: Some(&CustomerId::new(subscription.customer_id.clone())),
        order_id: None,
        license_id: Some(&LicenseId::new(subscription.license_id.clone())),
        before: Some(serde_json::json!({ "status": subscription.status, "period_end": subscription.period_end })),
        after: Some(serde_json::json!({ "change": "end", "status": SubscriptionStatus::Ended })),
    };
    events::record(conn, &Actor::system(), &event).await?;
    Ok(Rolled::Ended)
}

/// Starts the period `renewal` describes: claimed first, then charged and followed.
async fn renew(
    conn: &mut Conn,
    mailer: &Mailer,
    subscription: &Subscription,
    renewal: &tessera_billing::Renewal,
    standing: &Standing,
    prefix: &str,
) -> Result<Rolled> {
    // After monthly → annual the annual period started on the switch day: the anchor moves there.
    let anchor = if standing.interval.to_string() == subscription.period_interval {
        day(&subscription.anchor)?
    } else {
        standing.period.start
    };
    let period: Period = period_containing(anchor, renewal.interval, renewal.start).map_err(billing)?;
    if period.start != renewal.start {
        return Err(Error::Internal(format!(
            "subscription {} renews on {} but its periods from {anchor} start on {}",
            subscription.id, renewal.start, period.start
        )));
    }
    let plan = catalog::plan_by_sku(conn, &renewal.plan.id)
        .await?
        .ok_or_else(|| Error::Internal(format!("plan {} is gone", renewal.plan.id)))?;
    let total = renewal.total;
    let currency = total.currency();
    let credit_used = subscription.credit_minor.min(total.minor()).max(0);
    let (anchor_text, start_text, end_text) = (iso(anchor), iso(period.start), iso(period.end));
    let next = NextPeriod {
        status: SubscriptionStatus::Active,
        anchor: &anchor_text,
        period_start: &start_text,
        period_end: &end_text,
        period_interval: &renewal.interval.to_string(),
        period_plan_id: &plan.id,
        period_unit_price: renewal.plan.unit_price.minor(),
        period_quantity: renewal.quantity,
        credit_minor: subscription.credit_minor - credit_used,
    };
    if !subscriptions::start_period(conn, &subscription.id, subscription.version, &next).await? {
        return Ok(Rolled::NotDue);
    }
    let license_id = LicenseId::new(subscription.license_id.clone());
    let following =
        Standing { period, interval: renewal.interval, plan: renewal.plan.clone(), quantity: renewal.quantity };
    follow(conn, &license_id, &following).await?;
    let customer_id = CustomerId::new(subscription.customer_id.clone());
    let actor = Actor::system();
    let charge = if total.minor() > credit_used {
        let quantity = renewal.quantity;
        let description = format!("{}, {quantity} {}, {} to {}", plan.name, users(quantity), period.start, period.end);
        let mut lines = vec![ChargeLine { description, amount: total }];
        if credit_used > 0 {
            let amount = Money::from_minor(-credit_used, currency);
            lines.push(ChargeLine { description: "credit from earlier changes".into(), amount });
        }
        let charge = Charge {
            customer_id: &customer_id,
            product_id: &plan.product_id,
            lines: &lines,
            payment_method: PaymentMethod::parse(&subscription.payment_method)?,
            placed_at: store::now(),
            prefix,
        };
        let placed = orders::place_charge(conn, mailer, &actor, &charge).await?;
        subscriptions::link_order(conn, &placed.id, &subscription.id).await?;
        subscriptions::set_due_order(conn, &subscription.id, Some(&placed.id)).await?;
        Some(placed)
    } else {
        None
    };
    let event = Change {
        kind: EventKind::SubscriptionChanged,
        at: store::now(),
        subject: &subscription.id,
        customer_id: Some(&customer_id),
        order_id: charge.as_ref().map(|placed| &placed.id),
        license_id: Some(&license_id),
        before: Some(serde_json::json!({
            "status": subscription.status,
            "period_start": subscription.period_start,
            "period_end": subscription.period_end,
        })),
        after: Some(serde_json::json!({
            "change": "renewal",
            "status": SubscriptionStatus::Active,
            "plan": plan.sku,
            "quantity": renewal.quantity,
            "period_start": start_text,
            "period_end": end_text,
            "total": total.decimal(),
            "credit_used": Money::from_minor(credit_used, currency).decimal(),
            "currency": currency.code(),
        })),
    };
    events::record(conn, &actor, &event).await?;
    Ok(Rolled::Renewed(charge))
}

/// Moves an unpaid subscription one dunning step on `today`: past due once
/// `past_due_after_days` have passed since its period started, suspended (its license too, with
/// the reason its customer reads) once the product's grace days have. The step it took.
async fn dun(
    pool: &Pool,
    mailer: &Mailer,
    unpaid: &Unpaid,
    today: NaiveDate,
    settings: Settings,
) -> Result<Option<SubscriptionStatus>> {
    let days_unpaid = (today - day(&unpaid.period_start)?).num_days();
    let step = if days_unpaid >= unpaid.grace_days {
        SubscriptionStatus::Suspended
    } else if days_unpaid >= settings.past_due_after_days {
        SubscriptionStatus::PastDue
    } else {
        return Ok(None);
    };
    if step == unpaid.status {
        return Ok(None);
    }
    let mut tx = store::begin(pool).await?;
    if !subscriptions::set_status(&mut tx, &unpaid.id, unpaid.version, step).await? {
        tx.rollback().await?;
        return Ok(None);
    }
    let license_id = LicenseId::new(unpaid.license_id.clone());
    let actor = Actor::system();
    let license = licenses::by_id_in(&mut tx, &license_id)
        .await?
        .ok_or_else(|| Error::Internal(format!("subscription {} has no license", unpaid.id)))?;
    if step == SubscriptionStatus::PastDue {
        let suspend_on = day(&unpaid.period_start)? + chrono::Days::new(u64::try_from(unpaid.grace_days).unwrap_or(0));
        mail::payment_overdue(&mut tx, mailer, &license, &unpaid.order_reference, &iso(suspend_on)).await?;
    } else if license.status == LicenseStatus::Active {
        // Its customer reads the reason in the License Manager and in the mail about it.
        let reason = format!("The invoice of order {} is unpaid.", unpaid.order_reference);
        issuing::set_status(&mut tx, mailer, &actor, &license.serial, LicenseStatus::Suspended, Some(&reason)).await?;
    }
    let event = Change {
        kind: EventKind::SubscriptionChanged,
        at: store::now(),
        subject: &unpaid.id,
        customer_id: Some(&CustomerId::new(unpaid.customer_id.clone())),
        order_id: None,
        license_id: Some(&license_id),
        before: Some(serde_json::json!({ "status": unpaid.status })),
        after: Some(serde_json::json!({
            "change": "unpaid",
            "status": step,
            "order": unpaid.order_reference,
            "days_unpaid": days_unpaid,
        })),
    };
    events::record(&mut tx, &actor, &event).await?;
    tx.commit().await?;
    Ok(Some(step))
}
