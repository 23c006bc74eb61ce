//! `admin pool token create|list|revoke`: a partner's or reseller's Partner API tokens, each shown once.

use super::format_day;
use crate::domain::Actor;
use crate::error::Result;
use crate::services::partner_tokens;
use crate::store::Pool;

/// A partner's or reseller's Partner API tokens.
#[derive(Debug, clap::Subcommand)]
pub enum PoolToken {
    /// Create a token for a partner or reseller; prints it once (only its hash is kept).
    Create(Create),
    /// List the tokens of one partner or reseller, or of all, with when each was last used.
    List(List),
    /// Revoke a token: from now on it opens nothing.
    Revoke(Revoke),
}

#[derive(Debug, clap::Args)]
pub struct Create {
    /// The partner's or reseller's id.
    pub organisation: String,
    /// What the token is for, e.g. `erp`: letters, digits, - _ or .
    pub name: String,
}

#[derive(Debug, clap::Args)]
pub struct List {
    /// The partner's or reseller's id; every partner's and reseller's tokens when left out.
    pub organisation: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct Revoke {
    /// The partner's or reseller's id.
    pub organisation: String,
    /// The token's name.
    pub name: String,
}

impl PoolToken {
    pub(super) async fn run(self, pool: &Pool) -> Result<String> {
        match self {
            Self::Create(c) => {
                let created = partner_tokens::create(pool, &Actor::cli(), &c.organisation, &c.name).await?;
                // Printed once for the partner to paste into its program; never logged.
                Ok(format!(
                    "partner token {} of {} created; it is shown only now:\n{}",
                    created.token.name, c.organisation, created.secret
                ))
            }
            Self::List(c) => {
                let mut out = String::from("organisation\tname\tstarts with\tcreated\tlast used\trevoked");
                for token in partner_tokens::list(pool, c.organisation.as_deref()).await? {
                    out.push_str(&format!(
                        "\n{}\t{}\t{}…\t{}\t{}\t{}",
                        token.organisation_id.as_deref().unwrap_or("-"),
                        token.name,
                        token.prefix,
                        format_day(token.created_at),
                        token.last_used_at.map_or_else(|| "never".to_owned(), format_day),
                        token.revoked_at.map_or_else(|| "-".to_owned(), format_day),
                    ));
                }
                Ok(out)
            }
            Self::Revoke(c) => {
                let token = partner_tokens::revoke(pool, &Actor::cli(), &c.organisation, &c.name).await?;
                Ok(format!("partner token {} ({}…) revoked", token.name, token.prefix))
            }
        }
    }
}
