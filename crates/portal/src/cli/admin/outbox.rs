//! `admin mail list|resend`: the mail outbox from the shell (never a mail's body: it may hold a
//! link that signs someone in).

use crate::domain::{Actor, MailStatus};
use crate::error::{Error, Result};
use crate::services::mail::{self, Resend as Outcome};
use crate::store::Pool;

/// The mail outbox.
#[derive(Debug, clap::Subcommand)]
pub enum MailCommand {
    /// The newest 100 mails: id, status, attempts, kind, recipient, subject, last error.
    List(List),
    /// Send a failed mail again (its attempts counted afresh).
    Resend(Resend),
}

/// List the outbox.
#[derive(Debug, clap::Args)]
pub struct List {
    /// Only mails in this status.
    #[arg(long, value_parser = ["queued", "sent", "failed"])]
    pub status: Option<String>,
}

/// Send a failed mail again.
#[derive(Debug, clap::Args)]
pub struct Resend {
    /// The mail's id, as `admin mail list` shows it.
    #[arg(long)]
    pub id: String,
}

impl MailCommand {
    pub(super) async fn run(self, pool: &Pool) -> Result<String> {
        match self {
            Self::List(c) => {
                let status = c.status.as_deref().map(MailStatus::parse).transpose()?;
                let mut out = String::from("id\tstatus\tattempts\tkind\tto\tsubject\tlast error");
                for m in mail::outbox(pool, status).await? {
                    out.push_str(&format!(
                        "\n{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        m.id,
                        m.status,
                        m.attempts,
                        m.kind,
                        m.recipient,
                        m.subject,
                        m.last_error.as_deref().unwrap_or("-")
                    ));
                }
                Ok(out)
            }
            Self::Resend(c) => match mail::resend(pool, &Actor::cli(), &c.id).await? {
                Outcome::Queued => Ok(format!("mail {} queued again", c.id.trim())),
                Outcome::NotFailed(status) => Err(Error::BadRequest(
                    format!("mail {} is {status}: only a failed mail is sent again", c.id.trim()).into(),
                )),
                Outcome::Unknown => Err(Error::BadRequest(
                    format!("no mail has id {}: only a failed mail is sent again", c.id.trim()).into(),
                )),
            },
        }
    }
}
