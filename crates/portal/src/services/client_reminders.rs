//! Renewal reminders of clients' terms (seed 003, #13 Part B): 90, 30 and 7 days before a
//! client's term ends while no renewal follows it, a mail to its seller (the partner or
//! reseller, in its language: its contact, else its console people), to the partner above a
//! reseller, and to the client company (its purchase e-mail and its company admins) when the
//! client is also a customer (in theirs); each reminder once, whichever portal process finds it due, and only the
//! most urgent one when several fell due (see `services::reminders`, whose marks these share).

use tessera_i18n::{Arg, Language, Localizer};

use super::mail::{Addressed, Content, language_of, queue_replying, signature};
use super::reminders::{DAYS_BEFORE, due};
use crate::domain::day::{iso, midnight};
use crate::domain::{CustomerId, MailKind};
use crate::error::Result;
use crate::mail::Mailer;
use crate::store::client_terms::ClientTerm;
use crate::store::organisations::{self, Organisation};
use crate::store::{self, Conn, Pool, catalog, client_reminders};

const DAY: i64 = 86_400;

/// Queues every client term reminder due at `now` that no process queued yet; how many terms
/// were reminded.
pub async fn remind(pool: &Pool, mailer: &Mailer, now: i64) -> Result<usize> {
    let horizon = DAYS_BEFORE[DAYS_BEFORE.len() - 1] * DAY;
    let mut queued = 0;
    for term in client_reminders::ending_unrenewed(pool, &iso(now), &iso(now + horizon + DAY)).await? {
        let (Some(starts), Some(ends)) = (midnight(&term.starts_on), midnight(&term.ends_on)) else { continue };
        let Some(days_before) = due(starts, ends, now).filter(|days| *days > 0) else { continue };
        // This reminder, or a more urgent one, went out already.
        if client_reminders::most_urgent(pool, &term.id).await?.is_some_and(|sent| sent <= days_before) {
            continue;
        }
        if remind_one(pool, mailer, &term, ends, days_before, now).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// Claims and queues one reminder in one transaction: false when another process claimed it.
async fn remind_one(
    pool: &Pool,
    mailer: &Mailer,
    term: &ClientTerm,
    ends: i64,
    days_before: i64,
    now: i64,
) -> Result<bool> {
    let mut tx = store::begin(pool).await?;
    if !client_reminders::claim(&mut tx, &term.id, days_before, now).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    let client = organisations::by_id(&mut tx, &term.client_id).await?;
    let seller = match client.as_ref().and_then(|c| c.parent_id.clone()) {
        Some(parent) => organisations::by_id(&mut tx, &parent).await?,
        None => None,
    };
    if let (Some(client), Some(seller)) = (client, seller) {
        let product = catalog::product_name(&mut tx, &term.product_id).await?.unwrap_or(term.product_id.clone());
        let about = About { term, client: &client, seller: &seller, product: &product, ends, now };
        about.mail(&mut tx, mailer).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// A term ending, with whom it concerns.
struct About<'a> {
    term: &'a ClientTerm,
    client: &'a Organisation,
    seller: &'a Organisation,
    product: &'a str,
    ends: i64,
    now: i64,
}

impl About<'_> {
    /// Queues the sellers' mails (the seller's, and its partner's when the seller is a reseller)
    /// and the client company's (when the client is a customer), in `conn`'s transaction.
    async fn mail(&self, conn: &mut Conn, mailer: &Mailer) -> Result<()> {
        let mut sellers = vec![self.seller.clone()];
        if self.seller.kind == "reseller"
            && let Some(partner) = self.seller.parent_id.as_deref()
            && let Some(partner) = organisations::by_id(conn, partner).await?
        {
            sellers.push(partner);
        }
        for seller in &sellers {
            let language = language_of(&seller.language);
            let t = Localizer::new(language);
            let args = self.args();
            let mut paragraphs = vec![t.text_with("mail-client-ending-body", &args)];
            if seller.id != self.seller.id {
                // The partner above the reseller that sold it.
                paragraphs.push(t.text_with("mail-client-ending-reseller", &args));
            }
            paragraphs.push(t.text_with("mail-client-ending-renew", &args));
            let content = Content {
                subject: t.text_with("mail-client-ending-subject", &args),
                greeting: t.text("mail-greeting"),
                paragraphs,
                signature: signature(&t, mailer),
                ..Content::default()
            };
            for email in seller_addresses(conn, seller).await? {
                self.queue(conn, &email, language, None, &content).await?;
            }
        }
        let Some(customer_id) = self.client.customer_id.as_deref().map(CustomerId::new) else { return Ok(()) };
        let Some(company) = store::customers::recipient(conn, &customer_id).await? else { return Ok(()) };
        let language = language_of(&company.language);
        let t = Localizer::new(language);
        let args = self.args();
        let content = Content {
            subject: t.text_with("mail-client-ending-company-subject", &args),
            greeting: t.text("mail-greeting"),
            paragraphs: vec![
                t.text_with("mail-client-ending-company-body", &args),
                t.text_with("mail-client-ending-company-renew", &args),
            ],
            signature: signature(&t, mailer),
            ..Content::default()
        };
        let mut addresses = vec![company.email.to_lowercase()];
        for admin in store::seats::admin_emails(conn, &customer_id).await? {
            if !addresses.contains(&admin) {
                addresses.push(admin);
            }
        }
        for email in addresses {
            self.queue(conn, &email, language, Some(&customer_id), &content).await?;
        }
        Ok(())
    }

    fn args(&self) -> [(&'static str, Arg<'_>); 7] {
        [
            ("client", Arg::from(self.client.name.as_str())),
            ("client_id", Arg::from(self.client.id.as_str())),
            ("seller", Arg::from(self.seller.name.as_str())),
            ("product", Arg::from(self.product)),
            ("users", Arg::from(self.term.users)),
            ("date", Arg::from(self.term.ends_on.as_str())),
            ("days", Arg::from(((self.ends - self.now + DAY - 1) / DAY).max(0))),
        ]
    }

    async fn queue(
        &self,
        conn: &mut Conn,
        to: &str,
        language: Language,
        customer_id: Option<&CustomerId>,
        content: &Content,
    ) -> Result<()> {
        let to = Addressed {
            kind: MailKind::ClientTermEnding,
            to,
            language,
            customer_id,
            order_id: None,
            license_id: None,
            carries_secret: false,
        };
        queue_replying(conn, &to, content, None).await
    }
}

/// Whom `seller`'s mails reach: its contact when it names one, else its console people who can
/// sign in.
async fn seller_addresses(conn: &mut Conn, seller: &Organisation) -> Result<Vec<String>> {
    match seller.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        Some(email) => Ok(vec![email.to_owned()]),
        None => store::partner_staff::emails_of(conn, &seller.id).await,
    }
}
