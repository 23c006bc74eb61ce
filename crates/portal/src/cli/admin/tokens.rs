//! `admin api-token create|list|revoke`: the vendor API's bearer tokens, each shown once.

use super::format_day;
use crate::domain::{Actor, Scopes};
use crate::error::Result;
use crate::services::api_tokens;
use crate::store::Pool;

/// The vendor API's tokens.
#[derive(Debug, clap::Subcommand)]
pub enum ApiToken {
    /// Create a token for the vendor's shop or CRM; prints it once (only its hash is kept).
    Create(Create),
    /// List the tokens with their scopes and when each was last used (never the tokens).
    List,
    /// Revoke a token: from now on it opens nothing.
    Revoke(Revoke),
}

/// Create a token.
#[derive(Debug, clap::Args)]
pub struct Create {
    /// What the token is for, e.g. `shop`: letters, digits, - _ or .
    #[arg(long)]
    pub name: String,
    /// What it may do: customers, orders, licenses, events; repeat or separate with commas.
    #[arg(long = "scope", required = true)]
    pub scopes: Vec<String>,
}

/// Revoke a token.
#[derive(Debug, clap::Args)]
pub struct Revoke {
    /// The token's name.
    #[arg(long)]
    pub name: String,
}

impl ApiToken {
    pub(super) async fn run(self, pool: &Pool) -> Result<String> {
        match self {
            Self::Create(c) => {
                let scopes = Scopes::parse(c.scopes.iter().map(String::as_str))?;
                let created = api_tokens::create(pool, &Actor::cli(), &c.name, &scopes).await?;
                // Printed once for the operator to paste into the shop's settings; never logged.
                Ok(format!(
                    "token {} created (scopes {}); it is shown only now:\n{}",
                    created.token.name, created.token.scopes, created.secret
                ))
            }
            Self::List => {
                let mut out = String::from("name\tstarts with\tscopes\tcreated\tlast used\trevoked");
                for token in api_tokens::list(pool).await? {
                    out.push_str(&format!(
                        "\n{}\t{}…\t{}\t{}\t{}\t{}",
                        token.name,
                        token.prefix,
                        token.scopes,
                        format_day(token.created_at),
                        token.last_used_at.map_or_else(|| "never".to_owned(), format_day),
                        token.revoked_at.map_or_else(|| "-".to_owned(), format_day),
                    ));
                }
                Ok(out)
            }
            Self::Revoke(c) => {
                let token = api_tokens::revoke(pool, &Actor::cli(), &c.name).await?;
                Ok(format!("token {} ({}…) revoked", token.name, token.prefix))
            }
        }
    }
}
