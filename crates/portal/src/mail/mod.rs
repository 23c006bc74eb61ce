//! Outgoing mail, built with lettre: each queued mail is sent by SMTP when `--smtp-url` is
//! set, otherwise written as an `.eml` file into `<data_dir>/outbox/` for the vendor's own mail
//! system (or a test) to pick up. What is sent, and when, is the queue's (`services::mail`,
//! `jobs::mail`).

use std::path::PathBuf;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport as _, Tokio1Executor};

use crate::config::{Config, redact_url};
use crate::store::mail::Mail;

/// What became of one attempt to send a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The server (or the outbox) took it.
    Sent,
    /// Not now (the server is down, busy, or refused it for the moment): try again later.
    TryLater(String),
    /// Never: the server refused it for good, or the message cannot be built.
    Refused(String),
}

/// Where mail goes, and the portal's public address for the links it carries.
#[derive(Clone)]
pub struct Mailer {
    outbox: PathBuf,
    smtp_url: Option<String>,
    from: String,
    store_email: Option<String>,
    public_url: String,
    bank_details: Option<String>,
    vendor_details: Option<String>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("outbox", &self.outbox)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("from", &self.from)
            .field("store_email", &self.store_email)
            .field("public_url", &self.public_url)
            .field("bank_details", &self.bank_details)
            .field("vendor_details", &self.vendor_details)
            .finish()
    }
}

impl Mailer {
    /// The mailer `config` describes; links start with `--public-url`, else `http://<listen>`.
    #[must_use]
    pub fn from_config(config: &Config) -> Self {
        Self {
            outbox: config.data_dir.join("outbox"),
            smtp_url: config.smtp_url.clone().filter(|u| !u.trim().is_empty()),
            from: config.mail_from.clone(),
            store_email: config.store_email.clone().map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()),
            public_url: config
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{}", config.listen))
                .trim_end_matches('/')
                .to_owned(),
            bank_details: config.bank_details.clone().map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()),
            vendor_details: config.vendor_details.clone().map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()),
        }
    }

    /// The same, with links to `url` (the address actually bound, when no public URL is set).
    #[must_use]
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = url.trim_end_matches('/').to_owned();
        self
    }

    /// The absolute link to `path` of the portal.
    #[must_use]
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// The vendor's bank details for transfers (`--bank-details`), as mails write them.
    #[must_use]
    pub fn bank_details(&self) -> Option<&str> {
        self.bank_details.as_deref()
    }

    /// Where customers' messages to the store go (`--store-email`), else the sender's address.
    #[must_use]
    pub fn store_email(&self) -> &str {
        self.store_email.as_deref().unwrap_or(&self.from)
    }

    /// The vendor as its invoices name it (`--vendor-details`).
    #[must_use]
    pub fn vendor_details(&self) -> Option<&str> {
        self.vendor_details.as_deref()
    }

    /// The outbox directory `.eml` files go to when no SMTP server is set.
    #[must_use]
    pub fn outbox(&self) -> &std::path::Path {
        &self.outbox
    }

    /// Hands one queued mail to the SMTP server (or the outbox): plain text and, when it has
    /// one, HTML as alternatives, its queue id in the `Message-ID`. The body may carry a secret
    /// link: it is never logged.
    pub async fn deliver(&self, mail: &Mail) -> Outcome {
        match self.message(mail) {
            Ok(message) => self.transmit(message).await,
            Err(error) => Outcome::Refused(error),
        }
    }

    fn message(&self, mail: &Mail) -> std::result::Result<Message, String> {
        let from: Mailbox = self.from.parse().map_err(|e| format!("the sender address {}: {e}", self.from))?;
        let to: Mailbox = mail.recipient.parse().map_err(|e| format!("the recipient address: {e}"))?;
        let domain = from.email.domain().to_owned();
        let builder = Message::builder()
            .from(from)
            .to(to)
            .subject(&mail.subject)
            .message_id(Some(format!("<{}@{domain}>", mail.id)));
        let builder = match &mail.reply_to {
            Some(reply_to) => builder.reply_to(reply_to.parse().map_err(|e| format!("the reply-to address: {e}"))?),
            None => builder,
        };
        let built = match &mail.body_html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(mail.body_text.clone(), html.clone())),
            None => builder.header(ContentType::TEXT_PLAIN).body(mail.body_text.clone()),
        };
        built.map_err(|e| format!("the message cannot be built: {e}"))
    }

    async fn transmit(&self, message: Message) -> Outcome {
        if let Some(url) = &self.smtp_url {
            let transport = match AsyncSmtpTransport::<Tokio1Executor>::from_url(url) {
                Ok(builder) => builder.build(),
                Err(e) => return Outcome::TryLater(format!("the SMTP URL cannot be read: {e}")),
            };
            match transport.send(message).await {
                Ok(_) => Outcome::Sent,
                Err(e) if e.is_permanent() => Outcome::Refused(format!("the SMTP server refused it: {e}")),
                Err(e) => Outcome::TryLater(format!("SMTP: {e}")),
            }
        } else {
            if let Err(e) = crate::create_private_dir(&self.outbox) {
                return Outcome::TryLater(format!("the outbox cannot be made: {e}"));
            }
            match AsyncFileTransport::<Tokio1Executor>::new(&self.outbox).send(message).await {
                Ok(_) => Outcome::Sent,
                Err(e) => Outcome::TryLater(format!("the outbox cannot be written: {e}")),
            }
        }
    }
}
