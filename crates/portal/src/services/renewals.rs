//! A subscription's life past its changes (`shared/BILLING.md` "Renewal"): a trial bought; at
//! a period's end the subscription rolls into its next period, charged as an order, or ends; a
//! period's charge unpaid makes it past due, then suspended with its license, until it is paid.

use chrono::NaiveDate;
use tessera_billing::{Money, Period, Plan, Standing, period_containing};
use tessera_core::LicenseStatus;

use super::cards::{self, Purpose};
use super::customers::{self, BillingForm};
use super::events::{self, Change};
use super::orders::{self, Charge, ChargeLine, Placed};
use super::subscriptions::{
    billing, changed_meanwhile, check_quantity, day, follow, interval_of, iso, outlook, plan_on_sale, product_of, users,
};
use super::{issuing, mail, payments};
use crate::domain::{Actor, CustomerId, EventKind, LicenseId, PaymentMethod, SubscriptionStatus};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::payments::PaymentProvider;
use crate::store::cards::Charge as CardCharge;
use crate::store::orders::Order;
use crate::store::subscriptions::{self, NextPeriod, Subscription, Unpaid};
use crate::store::{self, Conn, Pool, catalog, licenses};

/// Periods rolled for one subscription in one round at most: years of monthly periods missed.
const MAX_ROLLS: usize = 1_000;

/// How unpaid charges are dunned.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// Days after its period started that an unpaid charge makes a subscription past due.
    pub past_due_after_days: i64,
    /// Days before its period ends that a bank-transfer subscription gets the next period's
    /// order and invoice (0: when the period ends).
    pub invoice_days_ahead: u64,
}

impl From<&crate::Config> for Settings {
    fn from(config: &crate::Config) -> Self {
        Self {
            past_due_after_days: i64::from(config.past_due_after_days),
            invoice_days_ahead: u64::from(config.invoice_days_ahead),
        }
    }
}

/// What one round did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Round {
    /// Periods rolled into the next one.
    pub renewed: usize,
    /// Next periods invoiced ahead (bank transfer).
    pub invoiced_ahead: usize,
    /// Subscriptions ended (cancelled, or a trial not bought).
    pub ended: usize,
    pub past_due: usize,
    pub suspended: usize,
    /// Periods paid by charging the card.
    pub charged: usize,
    /// Cards declined (tried again on the period's days 1, 3 and 5).
    pub declined: usize,
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

/// A trial to buy (seed 001: *Buy now*, choosing the users and the plan).
#[derive(Debug)]
pub struct BuyForm<'a> {
    /// The day it is bought, in the billing time zone.
    pub today: NaiveDate,
    /// Start the first paid period today; by default it starts when the trial ends (the
    /// customer keeps the trial days).
    pub start_now: bool,
    /// Users bought; the trial's when `None`.
    pub quantity: Option<i64>,
    /// The plan bought (of the same product, monthly or annual); the trial's when `None`.
    pub sku: Option<&'a str>,
    /// The version the customer saw: refused if it changed meanwhile.
    pub version: Option<i64>,
    pub prefix: &'a str,
    /// The company and billing data its invoices name (kept on the customer); as they are
    /// when `None`.
    pub billing: Option<&'a BillingForm>,
    /// How it is paid from now on; as chosen at the start when `None`.
    pub payment_method: Option<PaymentMethod>,
    /// The card provider, when the portal takes cards.
    pub provider: Option<&'a dyn PaymentProvider>,
}

/// A trial bought: its first paid period, the order charging it, the version after it.
#[derive(Debug)]
pub struct Bought {
    pub period: Period,
    pub charge: Placed,
    pub version: i64,
}

/// Buys a trialing subscription: it becomes active, its first paid period starting at the
/// trial's end (or today with `start_now`, or today when the trial is over), charged as an
/// order linked to it; the license follows that period (plan, users, its end plus the product's
/// grace days). Paid by card, a period starting today is charged to the default card first
/// (declined or unanswered: nothing is bought); one starting at the trial's end is charged then
/// by the renewal round.
pub async fn buy(pool: &Pool, mailer: &Mailer, actor: &Actor, id: &str, form: &BuyForm<'_>) -> Result<Bought> {
    let charged = charge_first_period(pool, id, form).await?;
    let made = make_buy(pool, mailer, actor, id, form, charged.as_ref()).await;
    if made.is_err()
        && let (Some((_, charge)), Some(provider)) = (&charged, form.provider)
    {
        cards::undo(pool, provider, charge).await;
    }
    made
}

/// For a trial bought by card: refused without a card; the first period charged now when it
/// starts today, with the version it was priced on.
async fn charge_first_period(pool: &Pool, id: &str, form: &BuyForm<'_>) -> Result<Option<(i64, CardCharge)>> {
    let mut conn = store::acquire(pool).await?;
    let subscription = subscriptions::by_id(&mut conn, id).await?.ok_or(Error::NotFound)?;
    let method = match form.payment_method {
        Some(method) => method,
        None => PaymentMethod::parse(&subscription.payment_method)?,
    };
    if method != PaymentMethod::Card {
        return Ok(None);
    }
    let Some(provider) = form.provider else {
        return Err(Error::refused("bo-refusal-cards-not-taken", &[]));
    };
    let customer_id = CustomerId::new(subscription.customer_id.clone());
    if cards::of_customer(pool, provider, &customer_id).await?.is_empty() {
        return Err(Error::refused("bo-refusal-card-none", &[]));
    }
    if form.version.is_some_and(|version| version != subscription.version) {
        return Err(changed_meanwhile());
    }
    let terms = buy_terms(&mut conn, &subscription, form).await?;
    drop(conn);
    if terms.period.start > form.today {
        return Ok(None);
    }
    let key = format!("{id}:{}:period", iso(terms.period.start));
    let description = format!("Subscription {id}, {} to {}", terms.period.start, terms.period.end);
    let purpose = Purpose {
        key: &key,
        customer_id: &customer_id,
        subscription_id: Some(id),
        amount: terms.amount,
        description: &description,
    };
    let charge = cards::charge(pool, provider, &purpose).await?;
    Ok(Some((subscription.version, charge)))
}

/// [`buy`] in one transaction; with `charged`, the card charged for the first period on the
/// version it was priced on: its order is paid.
async fn make_buy(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    id: &str,
    form: &BuyForm<'_>,
    charged: Option<&(i64, CardCharge)>,
) -> Result<Bought> {
    let mut tx = store::begin(pool).await?;
    let subscription = subscriptions::by_id(&mut tx, id).await?.ok_or(Error::NotFound)?;
    let priced_on = charged.map(|(version, _)| *version).or(form.version);
    if priced_on.is_some_and(|version| version != subscription.version) {
        return Err(changed_meanwhile());
    }
    let BuyTerms { plan, product, quantity, interval, anchor, period, unit_price, amount } =
        buy_terms(&mut tx, &subscription, form).await?;
    let currency = unit_price.currency();
    let (anchor_text, start_text, end_text) = (iso(anchor), iso(period.start), iso(period.end));
    let next = subscriptions::NextPeriod {
        status: SubscriptionStatus::Active,
        anchor: &anchor_text,
        period_start: &start_text,
        period_end: &end_text,
        period_interval: &interval.to_string(),
        period_plan_id: &plan.id,
        period_unit_price: plan.unit_price_minor,
        period_quantity: quantity,
        credit_minor: subscription.credit_minor,
    };
    if !subscriptions::start_period(&mut tx, id, subscription.version, &next).await? {
        return Err(changed_meanwhile());
    }
    let standing = Standing { period, interval, plan: Plan { id: plan.sku.clone(), unit_price }, quantity };
    let license_id = LicenseId::new(subscription.license_id.clone());
    follow(&mut tx, &license_id, &standing).await?;
    let customer_id = CustomerId::new(subscription.customer_id.clone());
    if let Some(billing) = form.billing {
        customers::set_billing(&mut tx, &customer_id, billing).await?;
    }
    let method = match form.payment_method {
        Some(method) => method,
        None => PaymentMethod::parse(&subscription.payment_method)?,
    };
    subscriptions::set_payment_method(&mut tx, id, method.code()).await?;
    let description = format!("{}, {quantity} {}, {} to {}", plan.name, users(quantity), period.start, period.end);
    let charge = Charge {
        customer_id: &customer_id,
        product_id: &product,
        lines: &[ChargeLine { description, amount }],
        payment_method: method,
        placed_at: store::now(),
        prefix: form.prefix,
    };
    let placed = orders::place_charge(&mut tx, mailer, actor, &charge).await?;
    subscriptions::link_order(&mut tx, &placed.id, id).await?;
    subscriptions::set_due_order(&mut tx, id, Some(&placed.id)).await?;
    if let Some((_, card)) = charged {
        if placed.total.minor() != card.amount_minor {
            return Err(changed_meanwhile());
        }
        payments::record_card(&mut tx, mailer, actor, &placed.id, &card.idempotency_key).await?;
        cards::settled_in(&mut tx, card, &placed.id).await?;
    }
    let event = Change {
        kind: EventKind::SubscriptionChanged,
        at: store::now(),
        subject: id,
        customer_id: Some(&customer_id),
        order_id: Some(&placed.id),
        license_id: Some(&license_id),
        before: Some(serde_json::json!({ "status": subscription.status, "trial_ends_on": subscription.trial_ends_on })),
        after: Some(serde_json::json!({
            "change": "buy",
            "status": SubscriptionStatus::Active,
            "plan": plan.sku,
            "quantity": quantity,
            "period_start": start_text,
            "period_end": end_text,
            "due": amount.decimal(),
            "currency": currency.code(),
        })),
    };
    events::record(&mut tx, actor, &event).await?;
    super::subscription_mail::bought(&mut tx, mailer, id, &placed).await?;
    tx.commit().await?;
    Ok(Bought { period, charge: placed, version: subscription.version + 1 })
}

/// What buying a trial gets and costs: the plan and users, the first paid period and its price.
#[derive(Debug)]
pub struct BuyTerms {
    pub plan: crate::store::catalog::Plan,
    pub product: String,
    pub quantity: i64,
    pub interval: tessera_billing::Interval,
    pub anchor: NaiveDate,
    pub period: Period,
    pub unit_price: Money,
    /// Charged for the first period.
    pub amount: Money,
}

/// What [`buy`] with `form` would get and charge, without buying: the page shows it before the
/// customer confirms, computed by the same function.
pub async fn buy_preview(pool: &Pool, id: &str, form: &BuyForm<'_>) -> Result<BuyTerms> {
    let mut conn = store::acquire(pool).await?;
    let subscription = subscriptions::by_id(&mut conn, id).await?.ok_or(Error::NotFound)?;
    buy_terms(&mut conn, &subscription, form).await
}

async fn buy_terms(conn: &mut Conn, subscription: &Subscription, form: &BuyForm<'_>) -> Result<BuyTerms> {
    if subscription.status != SubscriptionStatus::Trialing {
        return Err(Error::BadRequest(
            format!(
                "subscription {} is {}: only a subscription in its trial is bought",
                subscription.id, subscription.status
            )
            .into(),
        ));
    }
    let trial_end = day(subscription
        .trial_ends_on
        .as_deref()
        .ok_or_else(|| Error::Internal(format!("trial {} has no end", subscription.id)))?)?;
    let anchor = if form.start_now || trial_end < form.today { form.today } else { trial_end };
    let product = product_of(conn, &subscription.period_sku).await?;
    let plan = match form.sku {
        Some(sku) => plan_on_sale(conn, sku).await?,
        None => catalog::plan_by_sku(conn, &subscription.period_sku)
            .await?
            .ok_or_else(|| Error::Internal(format!("plan {} is gone", subscription.period_sku)))?,
    };
    if plan.product_id != product {
        return Err(Error::BadRequest(format!("plan {} is not a plan of {product}", plan.sku).into()));
    }
    if plan.currency != subscription.currency {
        return Err(Error::BadRequest(
            format!("plan {} is sold in {}, the subscription in {}", plan.sku, plan.currency, subscription.currency)
                .into(),
        ));
    }
    let quantity = form.quantity.unwrap_or(subscription.period_quantity);
    check_quantity(quantity)?;
    let interval = interval_of(&plan)?;
    let currency = orders::currency(&subscription.currency)?;
    let period = Period::nth(anchor, interval, 0);
    let unit_price = Money::from_minor(plan.unit_price_minor, currency);
    let amount = unit_price.times(quantity).map_err(billing)?;
    Ok(BuyTerms { plan, product, quantity, interval, anchor, period, unit_price, amount })
}

/// After order `order` was paid, in the payment's transaction: if it charged a subscription's
/// current period, that period is paid; a past-due or suspended subscription is active again
/// and its suspended license reinstated. Nothing for any other order.
pub async fn paid(conn: &mut Conn, mailer: &Mailer, actor: &Actor, order: &Order) -> Result<()> {
    let Some(subscription) = subscriptions::by_due_order(conn, &order.id).await? else {
        return Ok(());
    };
    subscriptions::set_due_order(conn, &subscription.id, None).await?;
    if !matches!(subscription.status, SubscriptionStatus::PastDue | SubscriptionStatus::Suspended) {
        return Ok(());
    }
    if !subscriptions::set_status(conn, &subscription.id, subscription.version, SubscriptionStatus::Active).await? {
        return Err(changed_meanwhile());
    }
    let license_id = LicenseId::new(subscription.license_id.clone());
    if subscription.status == SubscriptionStatus::Suspended {
        let license = licenses::by_id_in(conn, &license_id)
            .await?
            .ok_or_else(|| Error::Internal(format!("subscription {} has no license", subscription.id)))?;
        if license.status == LicenseStatus::Suspended {
            issuing::set_status(conn, mailer, actor, &license.serial, LicenseStatus::Active, None).await?;
        }
    }
    let event = Change {
        kind: EventKind::SubscriptionChanged,
        at: store::now(),
        subject: &subscription.id,
        customer_id: Some(&order.customer_id),
        order_id: Some(&order.id),
        license_id: Some(&license_id),
        before: Some(serde_json::json!({ "status": subscription.status })),
        after: Some(serde_json::json!({ "change": "paid", "status": SubscriptionStatus::Active })),
    };
    events::record(conn, actor, &event).await
}

/// One round on `today` (UTC day): every subscription whose period ended is rolled, one period
/// at a time until current, then unpaid charges move along the dunning steps. Safe to run in
/// several processes at once: each step is claimed by a conditional update, so each period is
/// rolled, and each step taken, once. One subscription failing does not stop the others.
pub async fn run(
    pool: &Pool,
    mailer: &Mailer,
    today: NaiveDate,
    prefix: &str,
    settings: Settings,
    provider: Option<&dyn PaymentProvider>,
) -> Result<Round> {
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
    round.invoiced_ahead +=
        super::advance::bill_ahead(pool, mailer, today, settings.invoice_days_ahead, prefix).await?;
    if let Some(provider) = provider {
        let collected = super::collection::run(pool, mailer, provider, today).await?;
        round.charged += collected.paid;
        round.declined += collected.declined;
        round.failed += collected.failed;
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
    super::subscription_mail::rolled(&mut tx, mailer, &subscription, &rolled).await?;
    if matches!(rolled, Rolled::NotDue) {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    Ok(rolled)
}

/// Ends `subscription` now; its license runs out at the end it already has. An order placed
/// ahead for a period that will not come is cancelled.
async fn end(conn: &mut Conn, subscription: &Subscription) -> Result<Rolled> {
    let now = store::now();
    if !subscriptions::end(conn, &subscription.id, subscription.version, now).await? {
        return Ok(Rolled::NotDue);
    }
    super::advance::dropped(conn, &Actor::system(), subscription).await?;
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

/// The anchor and the period `renewal` starts for `subscription`, whose current period stands as
/// `standing`.
pub(super) fn next_period(
    subscription: &Subscription,
    standing: &Standing,
    renewal: &tessera_billing::Renewal,
) -> Result<(NaiveDate, Period)> {
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
    Ok((anchor, period))
}

/// The lines charging a renewed `period`: its `total`, less `credit_used` from earlier changes.
pub(super) fn renewal_lines(
    plan: &catalog::Plan,
    quantity: i64,
    period: &Period,
    total: Money,
    credit_used: i64,
) -> Vec<ChargeLine> {
    let description = format!("{}, {quantity} {}, {} to {}", plan.name, users(quantity), period.start, period.end);
    let mut lines = vec![ChargeLine { description, amount: total }];
    if credit_used > 0 {
        let amount = Money::from_minor(-credit_used, total.currency());
        lines.push(ChargeLine { description: "credit from earlier changes".into(), amount });
    }
    lines
}

/// Starts the period `renewal` describes: claimed first, then charged and followed. An order
/// placed ahead for it (bank transfer) is taken as its charge when it charges the same; paid
/// ahead, what it paid counts.
async fn renew(
    conn: &mut Conn,
    mailer: &Mailer,
    subscription: &Subscription,
    renewal: &tessera_billing::Renewal,
    standing: &Standing,
    prefix: &str,
) -> Result<Rolled> {
    let (anchor, period) = next_period(subscription, standing, renewal)?;
    let plan = catalog::plan_by_sku(conn, &renewal.plan.id)
        .await?
        .ok_or_else(|| Error::Internal(format!("plan {} is gone", renewal.plan.id)))?;
    let total = renewal.total;
    let currency = total.currency();
    let credit_used = subscription.credit_minor.min(total.minor()).max(0);
    let (anchor_text, start_text, end_text) = (iso(anchor), iso(period.start), iso(period.end));
    let actor = Actor::system();
    let ahead = super::advance::taken(conn, &actor, subscription, &start_text, total.minor() - credit_used).await?;
    let next = NextPeriod {
        status: SubscriptionStatus::Active,
        anchor: &anchor_text,
        period_start: &start_text,
        period_end: &end_text,
        period_interval: &renewal.interval.to_string(),
        period_plan_id: &plan.id,
        period_unit_price: renewal.plan.unit_price.minor(),
        period_quantity: renewal.quantity,
        credit_minor: subscription.credit_minor - credit_used + ahead.credit,
    };
    if !subscriptions::start_period(conn, &subscription.id, subscription.version, &next).await? {
        return Ok(Rolled::NotDue);
    }
    let license_id = LicenseId::new(subscription.license_id.clone());
    let following =
        Standing { period, interval: renewal.interval, plan: renewal.plan.clone(), quantity: renewal.quantity };
    follow(conn, &license_id, &following).await?;
    let customer_id = CustomerId::new(subscription.customer_id.clone());
    let charge = if let Some(due) = &ahead.due {
        subscriptions::set_due_order(conn, &subscription.id, Some(&due.id)).await?;
        Some(due.clone())
    } else if total.minor() - credit_used - ahead.paid > 0 {
        let mut lines = renewal_lines(&plan, renewal.quantity, &period, total, credit_used);
        if let Some(reference) = &ahead.paid_with {
            let amount = Money::from_minor(-ahead.paid, currency);
            lines.push(ChargeLine { description: format!("paid ahead with order {reference}"), amount });
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
            "paid_ahead": Money::from_minor(ahead.paid, currency).decimal(),
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
        let by_card = unpaid.payment_method == PaymentMethod::Card.code();
        mail::payment_overdue(&mut tx, mailer, &license, &unpaid.order_reference, &iso(suspend_on), by_card).await?;
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
