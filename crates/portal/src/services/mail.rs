//! What the portal writes to people: composed in the recipient's language from the catalogues,
//! rendered as plain text and HTML (`templates/mail/`), and queued in the transaction of the
//! change that causes it, so that the change and its mail happen together or not at all; the
//! mail job ([`crate::jobs::mail`]) sends it.

use askama::Template;
use tessera_billing::Money;
use tessera_core::LicenseStatus;
use tessera_i18n::{Arg, Language, Localizer};

use crate::domain::day::iso as day;
use crate::domain::{Actor, CustomerId, EventKind, LicenseId, MailKind, MailStatus, OrderId, PaymentMethod};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::events::{self, Change};
use crate::store::licenses::License;
use crate::store::mail::{self, NewMail};
use crate::store::orders::{Item, Order};
use crate::store::payments::Payment;
use crate::store::{self, Conn};

/// A mail's parts, in reading order; each template lays them out.
#[derive(Debug, Default)]
pub struct Content {
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    /// A list (the licenses issued).
    pub items: Vec<String>,
    /// A line introducing a key, and the key, shown on a line of its own.
    pub key: Option<(String, String)>,
    /// Numbered steps.
    pub steps: Vec<String>,
    pub closing: Vec<String>,
    pub signature: String,
}

#[derive(Template)]
#[template(path = "mail/message.txt")]
struct Text<'a> {
    m: &'a Content,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct Html<'a> {
    m: &'a Content,
    lang: &'a str,
}

impl Content {
    /// The plain-text and HTML bodies.
    pub fn render(&self, language: Language) -> Result<(String, String)> {
        let failed = |e: askama::Error| Error::Internal(format!("mail template: {e}"));
        let text = Text { m: self }.render().map_err(failed)?;
        let html = Html { m: self, lang: language.code() }.render().map_err(failed)?;
        Ok((text, html))
    }

    /// A mail whose catalogue body is whole paragraphs (the password links'): the first is the
    /// greeting.
    fn from_paragraphs(subject: String, body: &str, signature: String) -> Self {
        let mut paragraphs = body.split("\n\n").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty());
        let greeting = paragraphs.next().unwrap_or_default();
        Self { subject, greeting, paragraphs: paragraphs.collect(), signature, ..Self::default() }
    }
}

/// Who a mail goes to and what it is about.
#[derive(Debug)]
pub(super) struct Addressed<'a> {
    pub(super) kind: MailKind,
    pub(super) to: &'a str,
    pub(super) language: Language,
    pub(super) customer_id: Option<&'a CustomerId>,
    pub(super) order_id: Option<&'a OrderId>,
    pub(super) license_id: Option<&'a LicenseId>,
    pub(super) carries_secret: bool,
}

impl<'a> Addressed<'a> {
    /// A mail to the customer about one of their orders.
    fn about_order(kind: MailKind, to: &'a str, language: Language, order: &'a Order) -> Self {
        Self {
            kind,
            to,
            language,
            customer_id: Some(&order.customer_id),
            order_id: Some(&order.id),
            license_id: None,
            carries_secret: false,
        }
    }
}

/// Whom the mails about `order` go to, and in which language.
async fn customer_of(conn: &mut Conn, order: &Order) -> Result<(store::customers::Recipient, Language)> {
    let customer = store::customers::recipient(conn, &order.customer_id)
        .await?
        .ok_or_else(|| Error::Internal(format!("order {} has no customer", order.reference)))?;
    let language = language_of(&customer.language);
    Ok((customer, language))
}

async fn queue(conn: &mut Conn, to: &Addressed<'_>, content: &Content) -> Result<()> {
    queue_replying(conn, to, content, None).await
}

/// Queues `content` to `to` in `conn`'s transaction, replies going to `reply_to` when set.
pub(super) async fn queue_replying(
    conn: &mut Conn,
    to: &Addressed<'_>,
    content: &Content,
    reply_to: Option<&str>,
) -> Result<()> {
    let (text, html) = content.render(to.language)?;
    let new = NewMail {
        kind: to.kind,
        recipient: to.to,
        language: to.language.code(),
        subject: &content.subject,
        body_text: &text,
        body_html: Some(&html),
        customer_id: to.customer_id,
        order_id: to.order_id,
        license_id: to.license_id,
        carries_secret: to.carries_secret,
        reply_to,
        now: store::now(),
    };
    mail::enqueue(conn, &new).await?;
    Ok(())
}

pub(super) fn signature(t: &Localizer, mailer: &Mailer) -> String {
    t.text_with("mail-signature", &[("portal", mailer.link(""))])
}

/// Queues the confirmation of an order awaiting payment: its lines, its total and, for a bank
/// transfer, where to send the money with the reference to quote; in `conn`'s transaction.
pub async fn order_placed(conn: &mut Conn, mailer: &Mailer, order: &Order, items: &[Item]) -> Result<()> {
    let (customer, language) = customer_of(conn, order).await?;
    let t = Localizer::new(language);
    let money = |minor: i64| {
        crate::services::orders::currency(&order.currency)
            .map_or_else(|_| minor.to_string(), |c| Money::from_minor(minor, c).to_string())
    };
    let total = money(order.total_minor);
    let order_ref = order.reference.as_str();
    let lines = items
        .iter()
        .map(|item| {
            t.text_with(
                "mail-order-line",
                &[
                    ("description", Arg::from(item.description.as_str())),
                    ("quantity", Arg::from(item.quantity)),
                    ("subtotal", Arg::from(money(item.subtotal_minor))),
                ],
            )
        })
        .collect();
    let pay = match (order.payment_method, mailer.bank_details()) {
        (PaymentMethod::BankTransfer, Some(bank)) => t.text_with(
            "mail-order-transfer",
            &[("total", Arg::from(total.as_str())), ("bank", Arg::from(bank)), ("order", Arg::from(order_ref))],
        ),
        (PaymentMethod::BankTransfer, None) => t.text_with(
            "mail-order-transfer-invoice",
            &[("total", Arg::from(total.as_str())), ("order", Arg::from(order_ref))],
        ),
        (PaymentMethod::Card, _) => t.text("mail-order-card"),
    };
    let content = Content {
        subject: t.text_with("mail-order-subject", &[("order", order_ref)]),
        greeting: t.text("mail-greeting"),
        paragraphs: vec![t.text_with(
            "mail-order-intro",
            &[
                ("order", Arg::from(order_ref)),
                ("date", Arg::from(day(order.placed_at))),
                ("total", Arg::from(total.as_str())),
            ],
        )],
        items: lines,
        closing: vec![pay, t.text("mail-order-start")],
        signature: signature(&t, mailer),
        ..Content::default()
    };
    queue(conn, &Addressed::about_order(MailKind::OrderPlaced, &customer.email, language, order), &content).await
}

/// Queues the mail "payment recorded, licenses issued" to the customer, with the activation key
/// and how to activate (seed 000's steps), in `conn`'s transaction.
pub async fn payment_recorded(
    conn: &mut Conn,
    mailer: &Mailer,
    order: &Order,
    payment: &Payment,
    licenses: &[License],
) -> Result<()> {
    let (customer, language) = customer_of(conn, order).await?;
    let t = Localizer::new(language);
    let amount = crate::services::orders::currency(&payment.currency)
        .map_or_else(|_| payment.amount_minor.to_string(), |c| Money::from_minor(payment.amount_minor, c).to_string());
    let order_ref = order.reference.as_str();
    let items = licenses
        .iter()
        .map(|license| {
            let term = match license.expires_at {
                Some(at) => t.text_with("mail-paid-term-until", &[("date", day(at))]),
                None => t.text("mail-paid-term-perpetual"),
            };
            t.text_with(
                "mail-paid-license",
                &[
                    ("product", Arg::from(license.product_name.as_str())),
                    ("edition", Arg::from(license.edition.as_str())),
                    ("serial", Arg::from(license.serial.as_str())),
                    ("users", Arg::from(license.users)),
                    ("machines", Arg::from(license.max_machines)),
                    ("term", Arg::from(term)),
                ],
            )
        })
        .collect();
    let content = Content {
        subject: t.text_with("mail-paid-subject", &[("order", order_ref)]),
        greeting: t.text("mail-greeting"),
        paragraphs: vec![t.text_with(
            "mail-paid-intro",
            &[
                ("order", Arg::from(order_ref)),
                ("amount", Arg::from(amount)),
                ("date", Arg::from(day(payment.paid_at))),
            ],
        )],
        items,
        key: Some((t.text("mail-paid-key"), customer.activation_key.clone())),
        steps: vec![t.text("mail-paid-step-open"), t.text("mail-paid-step-paste"), t.text("mail-paid-step-refresh")],
        closing: vec![t.text_with(
            "mail-paid-portal",
            &[("link", Arg::from(mailer.link("/login"))), ("order", Arg::from(order_ref))],
        )],
        signature: signature(&t, mailer),
    };
    queue(conn, &Addressed::about_order(MailKind::PaymentRecorded, &customer.email, language, order), &content).await
}

/// Queues the mail that a license was suspended or revoked, with the reason, in `conn`'s
/// transaction; nothing for a license made active again.
pub async fn status_changed(conn: &mut Conn, mailer: &Mailer, license: &License) -> Result<()> {
    let (kind, subject, body, effect) = match license.status {
        LicenseStatus::Active => return Ok(()),
        LicenseStatus::Suspended => {
            (MailKind::LicenseSuspended, "mail-suspended-subject", "mail-suspended-body", "mail-suspended-effect")
        }
        LicenseStatus::Revoked => {
            (MailKind::LicenseRevoked, "mail-revoked-subject", "mail-revoked-body", "mail-revoked-effect")
        }
    };
    let Some(customer) = store::customers::recipient(conn, &license.customer_id).await? else {
        return Ok(());
    };
    let language = language_of(&customer.language);
    let t = Localizer::new(language);
    let reason = license.status_reason.clone().unwrap_or_default();
    let content = Content {
        subject: t.text_with(subject, &[("serial", license.serial.as_str())]),
        greeting: t.text("mail-greeting"),
        paragraphs: vec![
            t.text_with(
                body,
                &[
                    ("serial", Arg::from(license.serial.as_str())),
                    ("product", Arg::from(license.product_name.as_str())),
                    ("edition", Arg::from(license.edition.as_str())),
                    ("reason", Arg::from(reason)),
                ],
            ),
            t.text(effect),
        ],
        signature: signature(&t, mailer),
        ..Content::default()
    };
    let to = Addressed {
        kind,
        to: &customer.email,
        language,
        customer_id: Some(&license.customer_id),
        order_id: None,
        license_id: Some(&license.id),
        carries_secret: false,
    };
    queue(conn, &to, &content).await
}

/// Queues the activation key of `customer` again, with how to activate (seed 000's steps), in
/// `conn`'s transaction: staff send it when a customer has lost the mail of their payment.
pub async fn key_resent(
    conn: &mut Conn,
    mailer: &Mailer,
    customer_id: &CustomerId,
    customer: &store::customers::Recipient,
) -> Result<()> {
    let language = language_of(&customer.language);
    let t = Localizer::new(language);
    let content = Content {
        subject: t.text("mail-key-subject"),
        greeting: t.text("mail-greeting"),
        paragraphs: vec![t.text_with("mail-key-intro", &[("company", customer.company.as_str())])],
        key: Some((t.text("mail-paid-key"), customer.activation_key.clone())),
        steps: vec![t.text("mail-paid-step-open"), t.text("mail-paid-step-paste"), t.text("mail-paid-step-refresh")],
        closing: vec![t.text_with("mail-key-portal", &[("link", mailer.link("/login"))])],
        signature: signature(&t, mailer),
        ..Content::default()
    };
    let to = Addressed {
        kind: MailKind::KeyResent,
        to: &customer.email,
        language,
        customer_id: Some(customer_id),
        order_id: None,
        license_id: None,
        carries_secret: false,
    };
    queue(conn, &to, &content).await
}

/// Queues the reminder that `license`'s term ends in `days_before` days (0: it has ended), to
/// the customer in their language, in `conn`'s transaction; the term is not renewed
/// automatically, so it says how to go on.
pub async fn term_ending(
    conn: &mut Conn,
    mailer: &Mailer,
    license: &License,
    days_before: i64,
    now: i64,
) -> Result<()> {
    let Some(customer) = store::customers::recipient(conn, &license.customer_id).await? else {
        return Ok(());
    };
    let language = language_of(&customer.language);
    let t = Localizer::new(language);
    let expires_at = license.expires_at.unwrap_or(now);
    let args = [
        ("serial", Arg::from(license.serial.as_str())),
        ("product", Arg::from(license.product_name.as_str())),
        ("edition", Arg::from(license.edition.as_str())),
        ("users", Arg::from(license.users)),
        ("date", Arg::from(day(expires_at))),
        ("days", Arg::from(((expires_at - now + 86_399) / 86_400).max(0))),
    ];
    let (kind, subject, body, renew) = if days_before == 0 {
        (MailKind::TermEnded, "mail-ended-subject", "mail-ended-body", "mail-ended-renew")
    } else {
        (MailKind::TermEnding, "mail-ending-subject", "mail-ending-body", "mail-ending-renew")
    };
    let content = Content {
        subject: t.text_with(subject, &args),
        greeting: t.text("mail-greeting"),
        paragraphs: vec![t.text_with(body, &args), t.text_with(renew, &args)],
        closing: vec![t.text_with("mail-ending-link", &[("link", mailer.link(&format!("/licenses/{}", license.id)))])],
        signature: signature(&t, mailer),
        ..Content::default()
    };
    let to = Addressed {
        kind,
        to: &customer.email,
        language,
        customer_id: Some(&license.customer_id),
        order_id: None,
        license_id: Some(&license.id),
        carries_secret: false,
    };
    queue(conn, &to, &content).await
}

/// Queues the notice that order `reference`, charging the period of the subscription `license`
/// follows, is unpaid: the license is suspended on `suspend_on` (ISO day) unless the payment
/// arrives. To the customer in their language, in `conn`'s transaction.
pub async fn payment_overdue(
    conn: &mut Conn,
    mailer: &Mailer,
    license: &License,
    reference: &str,
    suspend_on: &str,
    by_card: bool,
) -> Result<()> {
    let Some(customer) = store::customers::recipient(conn, &license.customer_id).await? else {
        return Ok(());
    };
    let language = language_of(&customer.language);
    let t = Localizer::new(language);
    let args = [
        ("serial", Arg::from(license.serial.as_str())),
        ("product", Arg::from(license.product_name.as_str())),
        ("edition", Arg::from(license.edition.as_str())),
        ("reference", Arg::from(reference)),
        ("date", Arg::from(suspend_on)),
    ];
    let content = Content {
        subject: t.text_with("mail-overdue-subject", &args),
        greeting: t.text("mail-greeting"),
        paragraphs: if by_card {
            let link = mailer.link("/payment-methods");
            vec![
                t.text_with("mail-overdue-body", &args),
                t.text_with("mail-overdue-card", &[("link", Arg::from(link.as_str()))]),
                t.text_with("mail-overdue-effect", &args),
            ]
        } else {
            vec![t.text_with("mail-overdue-body", &args), t.text_with("mail-overdue-effect", &args)]
        },
        signature: signature(&t, mailer),
        ..Content::default()
    };
    let to = Addressed {
        kind: MailKind::PaymentOverdue,
        to: &customer.email,
        language,
        customer_id: Some(&license.customer_id),
        order_id: None,
        license_id: Some(&license.id),
        carries_secret: false,
    };
    queue(conn, &to, &content).await
}

/// Queues the mail with a customer account's link to set a password: `invite` for a new
/// account, else a forgotten password.
pub async fn password_link(
    conn: &mut Conn,
    mailer: &Mailer,
    language: Language,
    email: &str,
    token: &str,
    invite: bool,
) -> Result<()> {
    let words = if invite {
        LinkWords { kind: MailKind::Invitation, subject: "web-mail-invite-subject", body: "web-mail-invite-body" }
    } else {
        LinkWords { kind: MailKind::PasswordReset, subject: "web-mail-reset-subject", body: "web-mail-reset-body" }
    };
    link_mail(conn, mailer, language, email, &format!("/password/reset/{token}"), &words).await
}

/// What a mail carrying a one-time link is and says: its kind and the keys of its subject and
/// of its body (which takes `$link`).
#[derive(Debug, Clone, Copy)]
pub struct LinkWords {
    pub kind: MailKind,
    pub subject: &'static str,
    pub body: &'static str,
}

/// Queues a mail to `email` carrying the one-time link to `path` of this portal. The link is a
/// secret: the queue blanks the mail's body once it is sent.
pub async fn link_mail(
    conn: &mut Conn,
    mailer: &Mailer,
    language: Language,
    email: &str,
    path: &str,
    words: &LinkWords,
) -> Result<()> {
    let t = Localizer::new(language);
    let link = mailer.link(path);
    let content = Content::from_paragraphs(
        t.text(words.subject),
        &t.text_with(words.body, &[("link", link.as_str())]),
        signature(&t, mailer),
    );
    let to = Addressed {
        kind: words.kind,
        to: email,
        language,
        customer_id: None,
        order_id: None,
        license_id: None,
        carries_secret: true,
    };
    queue(conn, &to, &content).await
}

/// The language of a stored recipient (a customer, an organisation): English when the stored
/// code is not one of ours.
#[must_use]
pub fn language_of(code: &str) -> Language {
    Language::from_code(code).unwrap_or(Language::En)
}

/// Whom the mails to customer `customer_id` go to, which must exist (read in `conn`).
pub(crate) async fn company(conn: &mut Conn, customer_id: &CustomerId) -> Result<store::customers::Recipient> {
    store::customers::recipient(conn, customer_id)
        .await?
        .ok_or_else(|| Error::Internal(format!("customer {customer_id} is gone")))
}

/// Queues a named user's one-time code to `email`, an account of customer `customer_id`, in
/// the company's language and in `conn`'s transaction. The code is a secret: the queue blanks
/// the mail's body once it is sent, and the subject never holds it.
pub async fn user_code(
    conn: &mut Conn,
    mailer: &Mailer,
    customer_id: &CustomerId,
    email: &str,
    code: &str,
    minutes: i64,
) -> Result<()> {
    let company = company(conn, customer_id).await?;
    let language = language_of(&company.language);
    let t = Localizer::new(language);
    let content = Content {
        subject: t.text("mail-user-code-subject"),
        greeting: t.text("mail-greeting"),
        key: Some((t.text_with("mail-user-code-intro", &[("email", email)]), code.to_owned())),
        closing: vec![t.text_with("mail-user-code-expiry", &[("minutes", minutes)])],
        signature: signature(&t, mailer),
        ..Content::default()
    };
    let to = Addressed {
        kind: MailKind::UserCode,
        to: email,
        language,
        customer_id: Some(customer_id),
        order_id: None,
        license_id: None,
        carries_secret: true,
    };
    queue(conn, &to, &content).await
}

/// Most mails the outbox lists.
pub const OUTBOX_LIMIT: i64 = 100;

/// The outbox: the newest mails of `status` (every status when `None`), at most
/// [`OUTBOX_LIMIT`]. A mail's body is in each row: callers show everything else, never it (a
/// password link's body signs someone in).
pub async fn outbox(pool: &store::Pool, status: Option<MailStatus>) -> Result<Vec<mail::Mail>> {
    mail::list(pool, status, OUTBOX_LIMIT).await
}

/// How many mails are in each status.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
}

impl Counts {
    #[must_use]
    pub fn all(self) -> i64 {
        self.queued + self.sent + self.failed
    }

    #[must_use]
    pub fn of(self, status: MailStatus) -> i64 {
        match status {
            MailStatus::Queued => self.queued,
            MailStatus::Sent => self.sent,
            MailStatus::Failed => self.failed,
        }
    }
}

/// The outbox's mails counted by status.
pub async fn counts(pool: &store::Pool) -> Result<Counts> {
    let mut counts = Counts::default();
    for (code, count) in mail::counts(pool).await? {
        match MailStatus::parse(&code)? {
            MailStatus::Queued => counts.queued = count,
            MailStatus::Sent => counts.sent = count,
            MailStatus::Failed => counts.failed = count,
        }
    }
    Ok(counts)
}

/// What asking to send a mail again did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resend {
    /// The failed mail is queued again, due now.
    Queued,
    /// The mail is not failed (queued or sent): nothing changed.
    NotFailed(MailStatus),
    /// No mail has that id.
    Unknown,
}

/// Queues a failed mail again, due now, its attempts counted afresh, and records who asked
/// (`mail_resent`) in the same transaction; a mail that is not failed is left as it is.
pub async fn resend(pool: &store::Pool, actor: &Actor, id: &str) -> Result<Resend> {
    let id = id.trim();
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    let Some(before) = mail::by_id(&mut tx, id).await? else {
        return Ok(Resend::Unknown);
    };
    // The conditional update decides: of two staff resending at once, one queues it.
    if !mail::resend(&mut tx, id, now).await? {
        let status = mail::by_id(&mut tx, id).await?.map_or(before.status, |m| m.status);
        return Ok(Resend::NotFailed(status));
    }
    let customer_id = before.customer_id.clone().map(CustomerId::new);
    let change = Change {
        kind: EventKind::MailResent,
        at: now,
        subject: id,
        customer_id: customer_id.as_ref(),
        order_id: None,
        license_id: None,
        before: Some(serde_json::json!({
            "status": before.status.code(),
            "attempts": before.attempts,
            "last_error": before.last_error,
        })),
        after: Some(serde_json::json!({
            "status": MailStatus::Queued.code(),
            "kind": before.kind.code(),
            "recipient": before.recipient,
        })),
    };
    events::record(&mut tx, actor, &change).await?;
    tx.commit().await?;
    Ok(Resend::Queued)
}
