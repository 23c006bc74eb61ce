//! Outgoing mail (password resets, invitations), built with lettre: sent by SMTP when
//! `--smtp-url` is set, otherwise written as `.eml` files into `<data_dir>/outbox/` for the
//! vendor's own mail system (or a test) to pick up.

use std::path::PathBuf;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport as _, Tokio1Executor};

use crate::config::{Config, redact_url};
use crate::error::{Error, Result};

/// Where mail goes, and the portal's public address for the links it carries.
#[derive(Clone)]
pub struct Mailer {
    outbox: PathBuf,
    smtp_url: Option<String>,
    from: String,
    public_url: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("outbox", &self.outbox)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("from", &self.from)
            .field("public_url", &self.public_url)
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
            public_url: config
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{}", config.listen))
                .trim_end_matches('/')
                .to_owned(),
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

    /// The outbox directory `.eml` files go to when no SMTP server is set.
    #[must_use]
    pub fn outbox(&self) -> &std::path::Path {
        &self.outbox
    }

    /// Sends a plain-text message to `to`. The body may carry a secret link: it is never logged.
    pub async fn send(&self, to: &str, subject: &str, body: String) -> Result<()> {
        let fail = |what: &str, e: &dyn std::fmt::Display| Error::Internal(format!("cannot {what}: {e}"));
        let from: Mailbox = self.from.parse().map_err(|e| fail("read the sender address", &e))?;
        let to: Mailbox = to.parse().map_err(|e| fail("read the recipient address", &e))?;
        let message = Message::builder()
            .from(from)
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| fail("build the message", &e))?;
        if let Some(url) = &self.smtp_url {
            let transport =
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| fail("read the SMTP URL", &e))?.build();
            transport.send(message).await.map_err(|e| fail("send mail by SMTP", &e))?;
        } else {
            crate::create_private_dir(&self.outbox)?;
            AsyncFileTransport::<Tokio1Executor>::new(&self.outbox)
                .send(message)
                .await
                .map_err(|e| fail("write mail to the outbox", &e))?;
        }
        tracing::info!(smtp = self.smtp_url.is_some(), "mail sent");
        Ok(())
    }
}
