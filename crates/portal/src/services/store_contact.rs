//! Contact the store (seed 001, "MyArea — Contact us"): a customer's message about a subscription.
//!
//! Mailed to the store's address with the subscription's details, Reply-To the customer.

use tessera_i18n::{Arg, Language, Localizer};

use super::mail::{Addressed, Content, queue_replying, signature};
use super::subscriptions;
use crate::domain::{CustomerId, LicenseId, MailKind, Multiline, Text};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::{self, Pool};

/// The longest subject.
pub const SUBJECT_MAX: usize = 200;
/// The longest message.
pub const MESSAGE_MAX: usize = 5_000;

/// A message to the store, as typed.
#[derive(Debug)]
pub struct Message<'a> {
    pub customer_id: &'a CustomerId,
    /// The signed-in person writing: where the store's answer goes.
    pub from: &'a str,
    pub subscription_id: &'a str,
    pub subject: &'a str,
    pub message: &'a str,
}

/// A message checked: the subject (at most [`SUBJECT_MAX`] characters, on one line) and the
/// message (not empty, at most [`MESSAGE_MAX`]). Refused with what to mend otherwise.
pub fn check(subject: &str, message: &str) -> Result<(Text<SUBJECT_MAX>, Multiline<MESSAGE_MAX>)> {
    let subject = Text::<SUBJECT_MAX>::parse("subject", subject.trim())?;
    if message.trim().is_empty() {
        return Err(Error::refused("bo-refusal-contact-empty", &[]));
    }
    let message = Multiline::<MESSAGE_MAX>::parse("message", message.trim())?;
    Ok((subject, message))
}

/// Queues `message` to the store's address (`--store-email`, else the sender's), Reply-To
/// the customer, with the subscription's details: its id, plan, users, status and period, the
/// customer's name and e-mail. Another customer's subscription is `NotFound`, as none is.
pub async fn send(pool: &Pool, mailer: &Mailer, message: &Message<'_>) -> Result<()> {
    let (subject, text) = check(message.subject, message.message)?;
    let summary = subscriptions::summary_of(pool, message.customer_id, message.subscription_id).await?;
    let s = &summary.subscription;
    let mut tx = store::begin(pool).await?;
    let customer = store::customers::recipient(&mut tx, message.customer_id).await?.ok_or(Error::NotFound)?;
    // A session without the writer's address (signed in with an order number) is answered at
    // the customer's purchase address.
    let writer = if message.from.trim().is_empty() { customer.email.as_str() } else { message.from.trim() };
    // The store reads English: its staff are the portal's, whichever language the customer uses.
    let t = Localizer::new(Language::En);
    let subject = if subject.is_empty() {
        t.text_with("mail-contact-no-subject", &[("id", s.id.as_str())])
    } else {
        subject.into_string()
    };
    let period = match &s.trial_ends_on {
        Some(trial_end) if s.status == crate::domain::SubscriptionStatus::Trialing => {
            t.text_with("mail-contact-trial", &[("date", trial_end.as_str())])
        }
        _ => format!("{} – {}", s.period_start, s.period_end),
    };
    let status = t.text_with("web-subs-status", &[("status", s.status.code())]);
    let details: [(&str, Arg<'_>); 9] = [
        ("id", Arg::from(s.id.as_str())),
        ("product", Arg::from(summary.product.as_str())),
        ("plan", Arg::from(summary.plan.name.as_str())),
        ("users", Arg::from(summary.users)),
        ("status", Arg::from(status)),
        ("period", Arg::from(period)),
        ("company", Arg::from(customer.company.as_str())),
        ("email", Arg::from(writer)),
        ("account", Arg::from(customer.email.as_str())),
    ];
    let items = [
        "mail-contact-subscription",
        "mail-contact-plan",
        "mail-contact-users",
        "mail-contact-status",
        "mail-contact-period",
        "mail-contact-customer",
    ]
    .iter()
    .map(|id| t.text_with(id, &details))
    .collect();
    let content = Content {
        subject: t.text_with(
            "mail-contact-subject",
            &[("subject", subject.as_str()), ("company", customer.company.as_str())],
        ),
        greeting: t.text_with("mail-contact-intro", &details),
        paragraphs: text.split("\n\n").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect(),
        items,
        closing: vec![t.text_with("mail-contact-reply", &details)],
        signature: signature(&t, mailer),
        ..Content::default()
    };
    let license_id = LicenseId::new(s.license_id.clone());
    let to = Addressed {
        kind: MailKind::StoreContact,
        to: mailer.store_email(),
        language: Language::En,
        customer_id: Some(message.customer_id),
        order_id: None,
        license_id: Some(&license_id),
        carries_secret: false,
    };
    queue_replying(&mut tx, &to, &content, Some(writer)).await?;
    tx.commit().await?;
    Ok(())
}
