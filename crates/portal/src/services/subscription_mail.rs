//! The mails of a subscription's steps (seed 001), queued in each step's transaction.
//!
//! To its customer, in their language: trial started, bought, users or plan changed, cancelled
//! or resumed, renewed, card declined, ended.

use chrono::NaiveDate;
use tessera_billing::{Effective, Interval, Money};
use tessera_i18n::{Arg, Localizer};

use super::mail::{Addressed, Content, language_of, queue_replying, signature};
use super::orders::Placed;
use super::renewals::Rolled;
use super::subscriptions::{Quote, Request};
use crate::domain::{CustomerId, LicenseId, MailKind, OrderId, SubscriptionStatus};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::customers::Recipient;
use crate::store::subscriptions::{self, Subscription};
use crate::store::{Conn, catalog};

/// A subscription with what every one of its mails names: whom to, in which language, the
/// product and the plan's name.
struct About {
    subscription: Subscription,
    customer: Recipient,
    t: Localizer,
    product: String,
    plan: String,
}

impl About {
    /// Subscription `id` as it is now in `conn`'s transaction; `None` when its customer is gone.
    async fn read(conn: &mut Conn, id: &str) -> Result<Option<Self>> {
        let subscription = subscriptions::by_id(conn, id)
            .await?
            .ok_or_else(|| Error::Internal(format!("subscription {id} is gone")))?;
        let customer_id = CustomerId::new(subscription.customer_id.clone());
        let Some(customer) = crate::store::customers::recipient(conn, &customer_id).await? else {
            return Ok(None);
        };
        let language = language_of(&customer.language);
        let plan = catalog::plan_by_sku(conn, &subscription.period_sku)
            .await?
            .ok_or_else(|| Error::Internal(format!("plan {} is gone", subscription.period_sku)))?;
        let product = catalog::product_name(conn, &plan.product_id).await?.unwrap_or_else(|| plan.product_id.clone());
        Ok(Some(Self { subscription, customer, t: Localizer::new(language), product, plan: plan.name }))
    }

    /// The arguments every message may use: product, plan, users.
    fn args(&self) -> Vec<(&'static str, Arg<'static>)> {
        vec![
            ("product", Arg::from(self.product.clone())),
            ("plan", Arg::from(self.plan.clone())),
            ("users", Arg::from(self.subscription.period_quantity)),
        ]
    }

    /// The arguments with `more`.
    fn with(&self, more: &[(&'static str, Arg<'static>)]) -> Vec<(&'static str, Arg<'static>)> {
        let mut args = self.args();
        args.extend(more.iter().cloned());
        args
    }

    /// Queues the mail `kind` with `subject`, `paragraphs` and the link to the subscriptions.
    async fn send(
        &self,
        conn: &mut Conn,
        mailer: &Mailer,
        kind: MailKind,
        order: Option<&OrderId>,
        subject: String,
        paragraphs: Vec<String>,
    ) -> Result<()> {
        let content = Content {
            subject,
            greeting: self.t.text("mail-greeting"),
            paragraphs,
            closing: vec![self.t.text_with("mail-sub-link", &[("link", mailer.link("/subscriptions"))])],
            signature: signature(&self.t, mailer),
            ..Content::default()
        };
        let customer_id = CustomerId::new(self.subscription.customer_id.clone());
        let license_id = LicenseId::new(self.subscription.license_id.clone());
        let to = Addressed {
            kind,
            to: &self.customer.email,
            language: self.t.language(),
            customer_id: Some(&customer_id),
            order_id: order,
            license_id: Some(&license_id),
            carries_secret: false,
        };
        queue_replying(conn, &to, &content, None).await
    }
}

/// "Charged now: EUR 20.00 (order JWT1002)." or, when nothing is due, that the credit paid it.
fn charged(t: &Localizer, charge: Option<&Placed>) -> String {
    match charge {
        Some(placed) => t.text_with(
            "mail-sub-charged",
            &[("amount", Arg::from(placed.total.to_string())), ("order", Arg::from(placed.reference.as_str()))],
        ),
        None => t.text("mail-sub-nothing-due"),
    }
}

fn per(t: &Localizer, interval: Interval) -> String {
    t.text(match interval {
        Interval::Month => "web-subs-per-month",
        Interval::Year => "web-subs-per-year",
    })
}

/// Queues "your trial started" when subscription `id`, just started, is a trial; a paid start
/// is confirmed by its order's mail.
pub async fn started(conn: &mut Conn, mailer: &Mailer, id: &str) -> Result<()> {
    let Some(about) = About::read(conn, id).await? else { return Ok(()) };
    let Some(trial_end) = about.subscription.trial_ends_on.clone() else { return Ok(()) };
    if about.subscription.status != SubscriptionStatus::Trialing {
        return Ok(());
    }
    let t = &about.t;
    let args = about.with(&[("date", Arg::from(trial_end))]);
    let subject = t.text_with("mail-sub-trial-subject", &args);
    let body = vec![t.text_with("mail-sub-trial-body", &args), t.text("mail-sub-trial-buy")];
    about.send(conn, mailer, MailKind::TrialStarted, None, subject, body).await
}

/// Queues "thank you, bought": the plan, the users, the first paid period and what it costs,
/// and the next charge's day; after [`super::renewals::buy`] started that period.
pub async fn bought(conn: &mut Conn, mailer: &Mailer, id: &str, charge: &Placed) -> Result<()> {
    let Some(about) = About::read(conn, id).await? else { return Ok(()) };
    let t = &about.t;
    let s = &about.subscription;
    let args = about.with(&[
        ("start", Arg::from(s.period_start.clone())),
        ("end", Arg::from(s.period_end.clone())),
        ("amount", Arg::from(charge.total.to_string())),
        ("order", Arg::from(charge.reference.as_str().to_owned())),
        ("date", Arg::from(s.period_end.clone())),
    ]);
    let subject = t.text_with("mail-sub-bought-subject", &args);
    let body = vec![t.text_with("mail-sub-bought-body", &args), t.text_with("mail-sub-next-charge", &args)];
    let order = Some(&charge.id);
    about.send(conn, mailer, MailKind::SubscriptionBought, order, subject, body).await
}

/// Queues what a change made by [`super::subscriptions::change`] did, from its quote: users
/// added (charged now) or reduced (from the period's end), another plan now (charged) or from
/// the period's end, cancelled (the last day of access) or resumed (what it renews as).
pub async fn changed(
    conn: &mut Conn,
    mailer: &Mailer,
    id: &str,
    request: &Request,
    quote: &Quote,
    charge: Option<&Placed>,
) -> Result<()> {
    let Some(about) = About::read(conn, id).await? else { return Ok(()) };
    let t = &about.t;
    let renewal = quote.renewal.as_ref();
    let renews_as = match renewal {
        Some(renewal) => Some(plan_name(conn, &renewal.plan.id).await?),
        None => None,
    };
    let then = renewal.zip(renews_as.as_ref()).map(|(renewal, plan)| {
        t.text_with(
            "web-subs-then",
            &[
                ("date", Arg::from(iso(renewal.start))),
                ("plan", Arg::from(plan.as_str())),
                ("users", Arg::from(renewal.quantity)),
                ("amount", Arg::from(renewal.total.to_string())),
                ("per", Arg::from(per(t, renewal.interval))),
            ],
        )
    });
    // What the customer has now (kept until the period's end by a change that waits for it),
    // and what they asked for.
    let current_plan = plan_name(conn, &quote.standing.plan.id).await?;
    let plan = match request {
        Request::Plan(sku) => plan_name(conn, sku).await?,
        _ => current_plan.clone(),
    };
    let new_users = if let Request::Quantity(users) = request { *users } else { quote.standing.quantity };
    let date = match (request, quote.effective) {
        // The last day of access: the day before the period's end, as the page says it.
        (Request::Cancel, _) => iso(quote.period.end.pred_opt().unwrap_or(quote.period.end)),
        (_, Effective::At(on)) => iso(on),
        (_, Effective::Now) => String::new(),
    };
    let args = [
        ("product", Arg::from(about.product.as_str())),
        ("plan", Arg::from(plan)),
        ("currentplan", Arg::from(current_plan)),
        ("new", Arg::from(new_users)),
        ("current", Arg::from(quote.standing.quantity)),
        ("date", Arg::from(date)),
    ];
    let (kind, subject, first) = match (request, quote.effective) {
        (Request::Quantity(_), Effective::Now) => {
            (MailKind::SubscriptionChanged, "mail-sub-users-added-subject", "mail-sub-users-added-body")
        }
        (Request::Quantity(_), Effective::At(_)) => {
            (MailKind::SubscriptionChanged, "mail-sub-users-reduced-subject", "mail-sub-users-reduced-body")
        }
        (Request::Plan(_), Effective::Now) => {
            (MailKind::SubscriptionChanged, "mail-sub-plan-subject", "mail-sub-plan-body")
        }
        (Request::Plan(_), Effective::At(_)) => {
            (MailKind::SubscriptionChanged, "mail-sub-downgrade-subject", "mail-sub-downgrade-body")
        }
        (Request::Cancel, _) => {
            (MailKind::SubscriptionCancelled, "mail-sub-cancelled-subject", "mail-sub-cancelled-body")
        }
        (Request::Resume, _) => (MailKind::SubscriptionResumed, "mail-sub-resumed-subject", "mail-sub-resumed-body"),
    };
    let mut body = vec![t.text_with(first, &args)];
    if quote.effective == Effective::Now && matches!(request, Request::Quantity(_) | Request::Plan(_)) {
        body.push(charged(t, charge));
    }
    body.extend(then);
    let subject = t.text_with(subject, &args);
    let order = charge.map(|placed| &placed.id);
    about.send(conn, mailer, kind, order, subject, body).await
}

/// Queues what a round's roll of `before` (the subscription as the roll found it) did: renewed
/// (the new period, plan and users, and what was charged) or ended (on its trial's or its
/// period's end); nothing when it did not roll.
pub async fn rolled(conn: &mut Conn, mailer: &Mailer, before: &Subscription, rolled: &Rolled) -> Result<()> {
    if matches!(rolled, Rolled::NotDue) {
        return Ok(());
    }
    let Some(about) = About::read(conn, &before.id).await? else { return Ok(()) };
    let t = &about.t;
    let s = &about.subscription;
    if let Rolled::Renewed(charge) = rolled {
        let args = about.with(&[
            ("start", Arg::from(s.period_start.clone())),
            ("end", Arg::from(s.period_end.clone())),
            ("date", Arg::from(s.period_end.clone())),
        ]);
        let subject = t.text_with("mail-sub-renewed-subject", &args);
        let body = vec![
            t.text_with("mail-sub-renewed-body", &args),
            charged(t, charge.as_ref()),
            t.text_with("mail-sub-next-charge", &args),
        ];
        let order = charge.as_ref().map(|placed| &placed.id);
        return about.send(conn, mailer, MailKind::SubscriptionRenewed, order, subject, body).await;
    }
    let ended = match (&before.trial_ends_on, before.status) {
        (Some(trial_end), SubscriptionStatus::Trialing) => trial_end.clone(),
        _ => before.period_end.clone(),
    };
    let args = about.with(&[("date", Arg::from(ended))]);
    let subject = t.text_with("mail-sub-ended-subject", &args);
    let body = vec![t.text_with("mail-sub-ended-body", &args)];
    about.send(conn, mailer, MailKind::SubscriptionEnded, None, subject, body).await
}

/// Queues "your card was declined" for order `reference` of subscription `id` (`amount`), with
/// the day it is tried again (`None`: that was the last attempt) and the way to Payment methods.
pub async fn card_declined(
    conn: &mut Conn,
    mailer: &Mailer,
    id: &str,
    order: (&OrderId, &str),
    amount: Money,
    retry_on: Option<NaiveDate>,
) -> Result<()> {
    let Some(about) = About::read(conn, id).await? else { return Ok(()) };
    let t = &about.t;
    let (order_id, reference) = order;
    let link = mailer.link("/payment-methods");
    let mut args = about.with(&[
        ("amount", Arg::from(amount.to_string())),
        ("order", Arg::from(reference.to_owned())),
        ("link", Arg::from(link)),
    ]);
    let next = match retry_on {
        Some(on) => {
            args.push(("date", Arg::from(iso(on))));
            "mail-sub-declined-retry"
        }
        None => "mail-sub-declined-last",
    };
    let subject = t.text_with("mail-sub-declined-subject", &args);
    let body = vec![
        t.text_with("mail-sub-declined-body", &args),
        t.text_with(next, &args),
        t.text_with("mail-sub-declined-cards", &args),
    ];
    about.send(conn, mailer, MailKind::CardDeclined, Some(order_id), subject, body).await
}

async fn plan_name(conn: &mut Conn, sku: &str) -> Result<String> {
    Ok(catalog::plan_by_sku(conn, sku).await?.map_or_else(|| sku.to_owned(), |plan| plan.name))
}

fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}
