//! `admin mail list|resend`: the mail outbox from the shell (never a mail's body: it may hold a
//! link that signs someone in).

use crate::domain::MailStatus;
use crate::error::Result;
use crate::services::mail;
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
            Self::Resend(c) => {
                mail::resend(pool, &c.id).await?;
                Ok(format!("mail {} queued again", c.id.trim()))
            }
        }
    }
}
