//! Subscriptions (seed 001, `shared/BILLING.md`): started from a plan sold by the month or the
//! year (in its trial, or paid from today), then changed by their customer or by staff — more
//! or fewer users, another plan, cancel, resume. Every change is priced by tessera-billing from
//! the period's whole history: the preview and the charge are the same computation, and what
//! is charged is the difference from what the period's changes invoiced before. The license
//! follows the subscription: users, edition, end of term.

use chrono::NaiveDate;
use tessera_billing::{
    Change as BillingChange, ChangeKind, Currency, Effective, Interval, MAX_QUANTITY, Money, Period, Plan,
    ProratedLine, Proration, Renewal, Standing, Subscription as BillingSubscription, add_months, prorate_changes,
};

use super::cards::{self, Purpose};
use super::events::{self, Change};
use super::issuing::{self, LicenseForm};
use super::orders::{self, Charge, ChargeLine, Placed};
use super::payments;
pub use super::renewals::{Bought, BuyForm, BuyTerms, buy, buy_preview, paid};
use crate::domain::{Actor, CustomerId, EventKind, LicenseId, PaymentMethod, Serial, SubscriptionStatus, day};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::payments::PaymentProvider;
use crate::store::cards::Charge as CardCharge;
use crate::store::catalog::{self, Plan as CatalogPlan};
use crate::store::licenses::{self, Following};
use crate::store::seats;
use crate::store::subscriptions::{self, Figures, NewChange, NewSubscription, StoredChange, Subscription};
use crate::store::{self, Conn, Pool};

const DAY: i64 = 86_400;

/// A subscription to start.
#[derive(Debug)]
pub struct StartForm<'a> {
    pub customer_id: &'a CustomerId,
    /// A plan sold by the month (`1m`) or the year (`12m`).
    pub sku: &'a str,
    pub quantity: i64,
    /// Start with the plan's trial: nothing is charged, the license ends with the trial.
    pub trial: bool,
    pub payment_method: PaymentMethod,
    /// The day it starts, in the billing time zone.
    pub today: NaiveDate,
    /// The order references' prefix, for the first period's charge.
    pub prefix: &'a str,
}

/// A subscription started: its id, its license's serial, and the first period's order (none
/// for a trial).
#[derive(Debug)]
pub struct Started {
    pub id: String,
    pub serial: Serial,
    pub charge: Option<Placed>,
}

/// Starts a subscription for a customer in one transaction: its license (users, the plan's
/// computers per user, ending with the trial or the first period plus the product's grace
/// days), and, unless it is a trial, the order charging the first period.
pub async fn start(pool: &Pool, mailer: &Mailer, actor: &Actor, form: &StartForm<'_>) -> Result<Started> {
    check_quantity(form.quantity)?;
    let mut tx = store::begin(pool).await?;
    if !store::customers::exists(&mut tx, form.customer_id).await? {
        return Err(Error::BadRequest(format!("no customer has id {}", form.customer_id).into()));
    }
    let plan = plan_on_sale(&mut tx, form.sku).await?;
    let interval = interval_of(&plan)?;
    let currency = orders::currency(&plan.currency)?;
    let grace_days = grace_days(&mut tx, &plan.product_id).await?;
    let (status, trial_ends_on, anchor, expires_at) = if form.trial {
        if plan.trial_days < 1 {
            return Err(Error::BadRequest(format!("plan {} has no trial", plan.sku).into()));
        }
        let end = form.today + chrono::Days::new(u64::try_from(plan.trial_days).unwrap_or(0));
        (SubscriptionStatus::Trialing, Some(end), end, day::start(end))
    } else {
        let end = add_months(form.today, interval.months());
        (SubscriptionStatus::Active, None, form.today, day::start(end) + grace_days * DAY)
    };
    let period_end = add_months(anchor, interval.months());
    let serial = Serial::generate();
    let now = store::now();
    let machines = form
        .quantity
        .checked_mul(plan.machines_per_user)
        .ok_or_else(|| Error::BadRequest(format!("too many computers for {} users", form.quantity).into()))?;
    let license = LicenseForm {
        customer_id: form.customer_id,
        order_id: None,
        product: &plan.product_id,
        edition: &plan.edition,
        serial: &serial,
        users: form.quantity,
        machines,
        starts_at: now,
        expires_at: Some(expires_at),
        support_years: None,
    };
    let license_id = issuing::issue_license(&mut tx, actor, &license).await?;
    let (anchor_text, start_text, end_text) = (iso(anchor), iso(anchor), iso(period_end));
    let trial_text = trial_ends_on.map(iso);
    let new = NewSubscription {
        customer_id: form.customer_id,
        license_id: &license_id,
        status,
        payment_method: form.payment_method.code(),
        currency: currency.code(),
        trial_ends_on: trial_text.as_deref(),
        anchor: &anchor_text,
        period_start: &start_text,
        period_end: &end_text,
        period_interval: &interval.to_string(),
        period_plan_id: &plan.id,
        period_unit_price: plan.unit_price_minor,
        period_quantity: form.quantity,
        invoiced_minor: 0,
        created_at: now,
    };
    let id = subscriptions::insert(&mut tx, &new).await?;
    let charge = if form.trial {
        None
    } else {
        let amount = Money::from_minor(plan.unit_price_minor, currency).times(form.quantity).map_err(billing)?;
        let line = ChargeLine {
            description: format!(
                "{}, {} {}, {} to {}",
                plan.name,
                form.quantity,
                users(form.quantity),
                anchor,
                period_end
            ),
            amount,
        };
        let charge = Charge {
            customer_id: form.customer_id,
            product_id: &plan.product_id,
            lines: &[line],
            payment_method: form.payment_method,
            placed_at: now,
            prefix: form.prefix,
        };
        let placed = orders::place_charge(&mut tx, mailer, actor, &charge).await?;
        subscriptions::link_order(&mut tx, &placed.id, &id).await?;
        subscriptions::set_due_order(&mut tx, &id, Some(&placed.id)).await?;
        Some(placed)
    };
    let change = Change {
        kind: EventKind::SubscriptionStarted,
        at: now,
        subject: &id,
        customer_id: Some(form.customer_id),
        order_id: charge.as_ref().map(|placed| &placed.id),
        license_id: Some(&license_id),
        before: None,
        after: Some(serde_json::json!({
            "status": status,
            "plan": plan.sku,
            "quantity": form.quantity,
            "period_start": start_text,
            "period_end": end_text,
            "trial_ends_on": trial_text,
        })),
    };
    events::record(&mut tx, actor, &change).await?;
    super::subscription_mail::started(&mut tx, mailer, &id).await?;
    tx.commit().await?;
    Ok(Started { id, serial, charge })
}

/// What a customer asks of their subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// This many users.
    Quantity(i64),
    /// The plan with this SKU (of the same product; monthly or annual).
    Plan(String),
    Cancel,
    Resume,
}

/// What a change costs and does: shown before it is confirmed, and what confirming charges.
#[derive(Debug, Clone)]
pub struct Quote {
    /// The period the change is made in.
    pub period: Period,
    /// Days from the change's day to the period end (`d`).
    pub days_remaining: i64,
    pub effective: Effective,
    /// What the change charges (positive) and credits (negative).
    pub lines: Vec<ProratedLine>,
    /// Credit kept from earlier changes, used against this one.
    pub credit_used: Money,
    /// Charged now: the lines' sum less the credit used, never below nothing.
    pub due_now: Money,
    /// Credit kept for the next invoices after this change.
    pub credit_balance: Money,
    /// What it renews as; `None` when it ends at the period end.
    pub renewal: Option<Renewal>,
    /// What the customer has once it is done.
    pub standing: Standing,
}

/// What `request` on `today` would cost and do, without changing anything.
pub async fn preview(pool: &Pool, id: &str, request: &Request, today: NaiveDate) -> Result<Quote> {
    let mut conn = store::acquire(pool).await?;
    let subscription = subscriptions::by_id(&mut conn, id).await?.ok_or(Error::NotFound)?;
    Ok(compute(&mut conn, &subscription, request, today).await?.quote)
}

/// A change made: what it cost, the order charging it (when something is due), and the
/// subscription's version after it.
#[derive(Debug)]
pub struct Changed {
    pub quote: Quote,
    pub charge: Option<Placed>,
    pub version: i64,
}

/// A change to make.
#[derive(Debug)]
pub struct ChangeForm<'a> {
    pub request: &'a Request,
    pub today: NaiveDate,
    /// The version the customer's preview was computed on: refused if it changed meanwhile.
    pub version: Option<i64>,
    pub prefix: &'a str,
    /// The card provider, when the portal takes cards: a subscription paid by card is charged
    /// before the change is made, and a charge that fails changes nothing.
    pub provider: Option<&'a dyn PaymentProvider>,
}

/// Makes a change: for a subscription paid by card that owes something for it, the card is
/// charged first (declined, or no answer from the provider: nothing changes and the error says
/// so; asked again, it is charged once), then the change is made with its order paid.
pub async fn change(pool: &Pool, mailer: &Mailer, actor: &Actor, id: &str, form: &ChangeForm<'_>) -> Result<Changed> {
    let charged = match form.provider {
        Some(provider) => charge_card(pool, provider, id, form).await?,
        None => None,
    };
    let made = make(pool, mailer, actor, id, form, charged.as_ref()).await;
    if made.is_err()
        && let (Some((_, charge)), Some(provider)) = (&charged, form.provider)
    {
        cards::undo(pool, provider, charge).await;
    }
    made
}

/// The card charged for the change `form` asks, when the subscription is paid by card and the
/// change owes something; with the version it was priced on.
async fn charge_card(
    pool: &Pool,
    provider: &dyn PaymentProvider,
    id: &str,
    form: &ChangeForm<'_>,
) -> Result<Option<(i64, CardCharge)>> {
    let mut conn = store::acquire(pool).await?;
    let subscription = subscriptions::by_id(&mut conn, id).await?.ok_or(Error::NotFound)?;
    if subscription.payment_method != PaymentMethod::Card.code() {
        return Ok(None);
    }
    if form.version.is_some_and(|version| version != subscription.version) {
        return Err(changed_meanwhile());
    }
    let computed = compute(&mut conn, &subscription, form.request, form.today).await?;
    drop(conn);
    if computed.quote.due_now.minor() <= 0 {
        return Ok(None);
    }
    let key = format!("{id}:{}:{}", subscription.period_start, computed.seq);
    let description =
        format!("Subscription {id}, change {} of the period from {}", computed.seq, subscription.period_start);
    let customer_id = CustomerId::new(subscription.customer_id.clone());
    let purpose = Purpose {
        key: &key,
        customer_id: &customer_id,
        subscription_id: Some(id),
        amount: computed.quote.due_now,
        description: &description,
    };
    let charge = cards::charge(pool, provider, &purpose).await?;
    Ok(Some((subscription.version, charge)))
}

/// Makes a change in one transaction, priced by the same computation as [`preview`]: the
/// change kept in the period's history, the subscription's figures, the license following it,
/// the order charging what is due, the event. Two changes computed on the same version: the
/// second is refused, never lost or charged twice.
/// With `charged`, the card charged for it on the version it was priced on: the order is paid.
async fn make(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    id: &str,
    form: &ChangeForm<'_>,
    charged: Option<&(i64, CardCharge)>,
) -> Result<Changed> {
    let mut tx = store::begin(pool).await?;
    let subscription = subscriptions::by_id(&mut tx, id).await?.ok_or(Error::NotFound)?;
    let priced_on = charged.map(|(version, _)| *version).or(form.version);
    if priced_on.is_some_and(|version| version != subscription.version) {
        return Err(changed_meanwhile());
    }
    let computed = compute(&mut tx, &subscription, form.request, form.today).await?;
    let quote = &computed.quote;
    let currency = computed.currency;
    let interval_text = computed.interval.map(|interval| interval.to_string());
    let at = iso(form.today);
    let kept = NewChange {
        subscription_id: id,
        period_start: &subscription.period_start,
        seq: computed.seq,
        at: &at,
        kind: computed.kind,
        quantity: computed.quantity,
        plan_id: computed.plan.as_ref().map(|plan| plan.id.as_str()),
        unit_price: computed.plan.as_ref().map(|plan| plan.unit_price_minor),
        interval: interval_text.as_deref(),
        actor: actor.as_str(),
        created_at: store::now(),
    };
    if !subscriptions::insert_change(&mut tx, &kept).await? {
        return Err(changed_meanwhile());
    }
    let status = match (&quote.renewal, subscription.status) {
        (None, _) => SubscriptionStatus::Cancelling,
        (Some(_), SubscriptionStatus::Cancelling) => SubscriptionStatus::Active,
        (Some(_), status) => status,
    };
    let figures =
        Figures { status, invoiced_minor: computed.proration.net.minor(), credit_minor: quote.credit_balance.minor() };
    if !subscriptions::save(&mut tx, id, subscription.version, &figures).await? {
        return Err(changed_meanwhile());
    }
    let license_id = LicenseId::new(subscription.license_id.clone());
    follow(&mut tx, &license_id, &quote.standing).await?;
    let customer_id = CustomerId::new(subscription.customer_id.clone());
    let charge = if quote.due_now.minor() > 0 {
        let mut lines: Vec<ChargeLine> = quote
            .lines
            .iter()
            .map(|line| ChargeLine { description: line.description.clone(), amount: line.amount })
            .collect();
        if quote.credit_used.minor() > 0 {
            let amount = quote.credit_used.times(-1).map_err(billing)?;
            lines.push(ChargeLine { description: "credit from earlier changes".into(), amount });
        }
        let product = product_of(&mut tx, &subscription.period_sku).await?;
        let method = PaymentMethod::parse(&subscription.payment_method)?;
        let charge = Charge {
            customer_id: &customer_id,
            product_id: &product,
            lines: &lines,
            payment_method: method,
            placed_at: store::now(),
            prefix: form.prefix,
        };
        let placed = orders::place_charge(&mut tx, mailer, actor, &charge).await?;
        subscriptions::link_order(&mut tx, &placed.id, id).await?;
        if let Some((_, card)) = charged {
            if placed.total.minor() != card.amount_minor {
                return Err(changed_meanwhile());
            }
            payments::record_card(&mut tx, mailer, actor, &placed.id, &card.idempotency_key).await?;
            cards::settled_in(&mut tx, card, &placed.id).await?;
        }
        Some(placed)
    } else {
        if charged.is_some() {
            return Err(changed_meanwhile());
        }
        None
    };
    let event = Change {
        kind: EventKind::SubscriptionChanged,
        at: store::now(),
        subject: id,
        customer_id: Some(&customer_id),
        order_id: charge.as_ref().map(|placed| &placed.id),
        license_id: Some(&license_id),
        before: Some(serde_json::json!({ "status": subscription.status })),
        after: Some(serde_json::json!({
            "change": computed.kind,
            "quantity": computed.quantity,
            "plan": computed.plan.as_ref().map(|plan| plan.sku.as_str()),
            "status": status,
            "due_now": quote.due_now.decimal(),
            "currency": currency.code(),
        })),
    };
    events::record(&mut tx, actor, &event).await?;
    super::subscription_mail::changed(&mut tx, mailer, id, form.request, quote, charge.as_ref()).await?;
    tx.commit().await?;
    Ok(Changed { quote: computed.quote, charge, version: subscription.version + 1 })
}

/// The customer's subscriptions, oldest first.
pub async fn of_customer(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<Subscription>> {
    subscriptions::of_customer(pool, customer_id).await
}

/// Subscription `id`.
pub async fn by_id(pool: &Pool, id: &str) -> Result<Subscription> {
    subscriptions::by_id(&mut *store::acquire(pool).await?, id).await?.ok_or(Error::NotFound)
}

/// A subscription as its customer's page shows it: what it is, what it has now, and what it
/// renews as (from the period's history, as every change is priced).
#[derive(Debug)]
pub struct Summary {
    pub subscription: Subscription,
    pub product: String,
    /// The plan and edition in force now (a dearer plan chosen this period, say).
    pub plan: CatalogPlan,
    pub users: i64,
    pub renewal: Option<Renewal>,
}

/// The customer's subscriptions with what they have and renew as, oldest first.
pub async fn summaries(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<Summary>> {
    let mut conn = store::acquire(pool).await?;
    let mut summaries = Vec::new();
    for subscription in subscriptions::of_customer(pool, customer_id).await? {
        summaries.push(summary(&mut conn, subscription).await?);
    }
    Ok(summaries)
}

/// Subscription `id` of customer `customer_id` with what it has and renews as; `NotFound` for
/// another customer's, as for none.
pub async fn summary_of(pool: &Pool, customer_id: &CustomerId, id: &str) -> Result<Summary> {
    let mut conn = store::acquire(pool).await?;
    let subscription = subscriptions::by_id(&mut conn, id).await?.filter(|s| s.customer_id == customer_id.as_str());
    summary(&mut conn, subscription.ok_or(Error::NotFound)?).await
}

/// Subscription `id` with what it has and renews as, whoever's it is (the back office's view).
pub async fn summary_by_id(pool: &Pool, id: &str) -> Result<Summary> {
    let mut conn = store::acquire(pool).await?;
    let subscription = subscriptions::by_id(&mut conn, id).await?.ok_or(Error::NotFound)?;
    summary(&mut conn, subscription).await
}

async fn summary(conn: &mut Conn, subscription: Subscription) -> Result<Summary> {
    let (plan_sku, users, renewal) = if subscription.status.changeable() {
        let currency = orders::currency(&subscription.currency)?;
        let start = period_start_of(&subscription, currency)?;
        let history = subscriptions::changes_in(conn, &subscription.id, &subscription.period_start).await?;
        let changes = history.iter().map(|stored| stored_change(stored, currency)).collect::<Result<Vec<_>>>()?;
        let proration = prorate_changes(&start, &changes).map_err(billing)?;
        (proration.standing.plan.id.clone(), proration.standing.quantity, proration.renewal)
    } else {
        (subscription.period_sku.clone(), subscription.period_quantity, None)
    };
    let plan = catalog::plan_by_sku(conn, &plan_sku)
        .await?
        .ok_or_else(|| Error::Internal(format!("plan {plan_sku} is gone")))?;
    let product = catalog::product_name(conn, &plan.product_id).await?.unwrap_or_else(|| plan.product_id.clone());
    Ok(Summary { subscription, product, plan, users, renewal })
}

/// The plans a subscription can change to: its product's, sold by the month or the year, on
/// sale, cheapest first.
pub async fn plans_for(pool: &Pool, summary: &Summary) -> Result<Vec<CatalogPlan>> {
    let mut conn = store::acquire(pool).await?;
    let mut plans: Vec<CatalogPlan> = catalog::plans(&mut conn)
        .await?
        .into_iter()
        .filter(|plan| {
            plan.product_id == summary.plan.product_id
                && plan.retired_at.is_none()
                && plan.currency == summary.subscription.currency
                && interval_of(plan).is_ok()
        })
        .collect();
    plans.sort_by_key(|plan| (plan.term_months, plan.unit_price_minor));
    Ok(plans)
}

/// Compare plans: the editions of the subscription's product with the plans that sell them
/// (monthly or annual, on sale), and every feature any of them has, in order of appearance.
#[derive(Debug)]
pub struct Comparison {
    pub editions: Vec<(catalog::Edition, Vec<CatalogPlan>)>,
    pub features: Vec<String>,
}

/// The editions of `summary`'s product side by side, from the catalog.
pub async fn compare(pool: &Pool, summary: &Summary) -> Result<Comparison> {
    let plans = plans_for(pool, summary).await?;
    let mut conn = store::acquire(pool).await?;
    let mut editions = Vec::new();
    let mut features: Vec<String> = Vec::new();
    for edition in catalog::editions(&mut conn).await?.into_iter().filter(|e| e.product_id == summary.plan.product_id) {
        let sold: Vec<CatalogPlan> = plans.iter().filter(|plan| plan.edition == edition.name).cloned().collect();
        if sold.is_empty() {
            continue;
        }
        for feature in &edition.features {
            if !features.contains(feature) {
                features.push(feature.clone());
            }
        }
        editions.push((edition, sold));
    }
    Ok(Comparison { editions, features })
}

/// The serial of the license that follows `subscription`.
pub async fn serial_of(pool: &Pool, subscription: &Subscription) -> Result<String> {
    let license = licenses::by_id(pool, &LicenseId::new(subscription.license_id.clone()))
        .await?
        .ok_or_else(|| Error::Internal(format!("subscription {} has no license", subscription.id)))?;
    Ok(license.serial.to_string())
}

/// What a subscription renews as at its period's end (`None`: it ends then) and what its
/// customer has now, from the period's whole history.
pub(super) async fn outlook(conn: &mut Conn, subscription: &Subscription) -> Result<(Option<Renewal>, Standing)> {
    let currency = orders::currency(&subscription.currency)?;
    let interval = Interval::parse(&subscription.period_interval).map_err(billing)?;
    let plan = Plan {
        id: subscription.period_sku.clone(),
        unit_price: Money::from_minor(subscription.period_unit_price, currency),
    };
    let history = subscriptions::changes_in(conn, &subscription.id, &subscription.period_start).await?;
    if history.is_empty() {
        let (start, end) = (day(&subscription.period_start)?, day(&subscription.period_end)?);
        let period = Period { start, end, days: (end - start).num_days() };
        let quantity = subscription.period_quantity;
        let total = plan.unit_price.times(quantity).map_err(billing)?;
        let renewal = Renewal { start: end, interval, plan: plan.clone(), quantity, total };
        return Ok((Some(renewal), Standing { period, interval, plan, quantity }));
    }
    let start = BillingSubscription {
        anchor: day(&subscription.anchor)?,
        interval,
        plan,
        quantity: subscription.period_quantity,
    };
    let changes = history.iter().map(|stored| stored_change(stored, currency)).collect::<Result<Vec<_>>>()?;
    let proration = prorate_changes(&start, &changes).map_err(billing)?;
    Ok((proration.renewal, proration.standing))
}

/// A change priced, with what keeping it needs.
struct Computed {
    quote: Quote,
    proration: Proration,
    currency: Currency,
    seq: i64,
    kind: &'static str,
    quantity: Option<i64>,
    plan: Option<CatalogPlan>,
    interval: Option<Interval>,
}

/// Prices `request` on `today` from the period's whole history: the one computation behind
/// the preview and the charge.
async fn compute(
    conn: &mut Conn,
    subscription: &Subscription,
    request: &Request,
    today: NaiveDate,
) -> Result<Computed> {
    if !subscription.status.changeable() {
        return Err(Error::BadRequest(
            format!("subscription {} is {}: it cannot be changed", subscription.id, subscription.status).into(),
        ));
    }
    let currency = orders::currency(&subscription.currency)?;
    let start = period_start_of(subscription, currency)?;
    let interval = start.interval;
    let history = subscriptions::changes_in(conn, &subscription.id, &subscription.period_start).await?;
    let mut changes = history.iter().map(|stored| stored_change(stored, currency)).collect::<Result<Vec<_>>>()?;
    let (kind, quantity, plan, new_interval, change_kind) = match request {
        Request::Quantity(quantity) => {
            check_quantity(*quantity)?;
            // Fewer users than the company bound to its seats: unbind first, now or at renewal.
            if *quantity < seats::bound(conn, &subscription.license_id).await? {
                return Err(Error::refused("bo-refusal-seats-bound", &[("users", (*quantity).into())]));
            }
            ("quantity", Some(*quantity), None, None, ChangeKind::Quantity(*quantity))
        }
        Request::Plan(sku) => {
            let plan = plan_on_sale(conn, sku).await?;
            let product = product_of(conn, &subscription.period_sku).await?;
            if plan.product_id != product {
                return Err(Error::BadRequest(format!("plan {} is not a plan of {product}", plan.sku).into()));
            }
            let plan_interval = interval_of(&plan)?;
            let priced = Plan { id: plan.sku.clone(), unit_price: Money::from_minor(plan.unit_price_minor, currency) };
            let kind = if plan_interval == interval {
                ChangeKind::Plan(priced)
            } else {
                ChangeKind::Interval { interval: plan_interval, plan: priced }
            };
            let name = if plan_interval == interval { "plan" } else { "interval" };
            (name, None, Some(plan), Some(plan_interval), kind)
        }
        Request::Cancel => ("cancel", None, None, None, ChangeKind::Cancel),
        Request::Resume => ("resume", None, None, None, ChangeKind::Resume),
    };
    changes.push(BillingChange { at: today, kind: change_kind });
    let proration = prorate_changes(&start, &changes).map_err(billing)?;
    let outcome = proration.changes.last().ok_or_else(|| Error::Internal("a change priced to nothing".into()))?;
    let this_change: Money = outcome
        .lines
        .iter()
        .try_fold(Money::zero(currency), |sum, line| sum.checked_add(line.amount))
        .map_err(billing)?;
    // The change's worth, then the credit kept from before against what it charges.
    let credit = Money::from_minor(subscription.credit_minor, currency);
    let (due_now, credit_used, credit_balance) = if this_change.minor() >= 0 {
        let used = this_change.minor().min(credit.minor());
        (this_change.minor() - used, used, credit.minor() - used)
    } else {
        (0, 0, credit.minor() - this_change.minor())
    };
    let quote = Quote {
        period: proration.period,
        days_remaining: outcome.days_remaining,
        effective: outcome.effective,
        lines: outcome.lines.clone(),
        credit_used: Money::from_minor(credit_used, currency),
        due_now: Money::from_minor(due_now, currency),
        credit_balance: Money::from_minor(credit_balance, currency),
        renewal: proration.renewal.clone(),
        standing: proration.standing.clone(),
    };
    let seq = i64::try_from(history.len()).map_err(|e| Error::Internal(e.to_string()))? + 1;
    Ok(Computed { quote, proration, currency, seq, kind, quantity, plan, interval: new_interval })
}

/// The subscription as its current period started: what proration starts from.
fn period_start_of(subscription: &Subscription, currency: Currency) -> Result<BillingSubscription> {
    Ok(BillingSubscription {
        anchor: day(&subscription.anchor)?,
        interval: Interval::parse(&subscription.period_interval).map_err(billing)?,
        plan: Plan {
            id: subscription.period_sku.clone(),
            unit_price: Money::from_minor(subscription.period_unit_price, currency),
        },
        quantity: subscription.period_quantity,
    })
}

/// The license follows what the customer has now: the plan's edition and its features, the
/// users, their computers, the period's end plus the product's grace days.
pub(super) async fn follow(conn: &mut Conn, license_id: &LicenseId, standing: &Standing) -> Result<()> {
    let plan = catalog::plan_by_sku(conn, &standing.plan.id)
        .await?
        .ok_or_else(|| Error::Internal(format!("plan {} is gone", standing.plan.id)))?;
    let features = catalog::edition_features(conn, &plan.product_id, &plan.edition)
        .await?
        .ok_or_else(|| Error::Internal(format!("edition {} is gone", plan.edition)))?;
    let machines = standing
        .quantity
        .checked_mul(plan.machines_per_user)
        .ok_or_else(|| Error::BadRequest(format!("too many computers for {} users", standing.quantity).into()))?;
    let grace_days = grace_days(conn, &plan.product_id).await?;
    let following = Following {
        edition: &plan.edition,
        features: &features,
        users: standing.quantity,
        max_machines: machines,
        expires_at: day::start(standing.period.end) + grace_days * DAY,
    };
    if !licenses::follow(conn, license_id, &following).await? {
        return Err(Error::BadRequest(
            format!("more computers are activated than the {machines} this change leaves: deactivate some first")
                .into(),
        ));
    }
    // The company's seats follow the users; a bound one stays until an admin unbinds it.
    seats::trim(conn, license_id, standing.quantity).await
}

pub(super) fn stored_change(stored: &StoredChange, currency: Currency) -> Result<BillingChange> {
    let priced = || -> Result<Plan> {
        match (&stored.sku, stored.unit_price) {
            (Some(sku), Some(price)) => Ok(Plan { id: sku.clone(), unit_price: Money::from_minor(price, currency) }),
            _ => Err(Error::Internal(format!("change {} names no plan", stored.seq))),
        }
    };
    let kind = match stored.kind.as_str() {
        "quantity" => ChangeKind::Quantity(
            stored.quantity.ok_or_else(|| Error::Internal(format!("change {} has no quantity", stored.seq)))?,
        ),
        "plan" => ChangeKind::Plan(priced()?),
        "interval" => ChangeKind::Interval {
            interval: Interval::parse(stored.interval.as_deref().unwrap_or_default()).map_err(billing)?,
            plan: priced()?,
        },
        "cancel" => ChangeKind::Cancel,
        "resume" => ChangeKind::Resume,
        other => return Err(Error::Internal(format!("a change of kind {other}"))),
    };
    Ok(BillingChange { at: day(&stored.at)?, kind })
}

pub(super) async fn plan_on_sale(conn: &mut Conn, sku: &str) -> Result<CatalogPlan> {
    let plan = catalog::plan_by_sku(conn, sku.trim())
        .await?
        .ok_or_else(|| Error::BadRequest(format!("no plan has SKU {}", sku.trim()).into()))?;
    if plan.retired_at.is_some() {
        return Err(Error::BadRequest(format!("plan {} is no longer sold", plan.sku).into()));
    }
    Ok(plan)
}

/// The product of the plan with SKU `sku`.
pub(super) async fn product_of(conn: &mut Conn, sku: &str) -> Result<String> {
    Ok(catalog::plan_by_sku(conn, sku).await?.ok_or_else(|| Error::Internal(format!("plan {sku} is gone")))?.product_id)
}

/// The grace days of `product`: unpaid that long after its period started, a subscription is
/// suspended.
pub async fn grace_days_of(pool: &Pool, product: &str) -> Result<i64> {
    grace_days(&mut *store::acquire(pool).await?, product).await
}

pub(super) async fn grace_days(conn: &mut Conn, product: &str) -> Result<i64> {
    Ok(catalog::product(conn, product)
        .await?
        .ok_or_else(|| Error::Internal(format!("product {product} is gone")))?
        .grace_days)
}

/// A plan's interval: sold by the month or by the year, else not by subscription.
pub(super) fn interval_of(plan: &CatalogPlan) -> Result<Interval> {
    match plan.term_months {
        Some(1) => Ok(Interval::Month),
        Some(12) => Ok(Interval::Year),
        _ => Err(Error::BadRequest(
            format!("plan {} is not sold by subscription: its term is not a month or a year", plan.sku).into(),
        )),
    }
}

pub(super) fn check_quantity(quantity: i64) -> Result<()> {
    if (1..=MAX_QUANTITY).contains(&quantity) {
        Ok(())
    } else {
        Err(Error::refused(
            "bo-refusal-subscription-quantity",
            &[("most", MAX_QUANTITY.to_string().into()), ("quantity", quantity.to_string().into())],
        ))
    }
}

pub(super) fn changed_meanwhile() -> Error {
    Error::ChangedMeanwhile(
        "This subscription was changed meanwhile (in another window?). Look at it again, then repeat the change."
            .into(),
    )
}

pub(super) fn billing(error: tessera_billing::Error) -> Error {
    Error::BadRequest(error.to_string().into())
}

pub(super) fn users(count: i64) -> &'static str {
    if count == 1 { "user" } else { "users" }
}

pub(super) fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A day as stored, `YYYY-MM-DD`.
pub(super) fn day(text: &str) -> Result<NaiveDate> {
    day::parse(text).ok_or_else(|| Error::Internal(format!("a stored day {text} is not YYYY-MM-DD")))
}
