//! `admin pool partner|reseller|contact|grant|transfer|balance|token|staff`: partners and resellers, their contacts, their pools of license-years, their Partner API tokens and the people who sign in to their console.

use crate::domain::Actor;
use crate::error::Result;
use crate::mail::Mailer;
use crate::services::{partner_staff, pools};
use crate::store::Pool;

/// Partners, resellers and their pools.
#[derive(Debug, clap::Subcommand)]
pub enum PoolCommand {
    /// Add a partner of the vendor; prints its id.
    Partner(NewPartner),
    /// Add a reseller of a partner; prints its id.
    Reseller(NewReseller),
    /// Grant a partner license-years of a product from a paid order (once per order).
    Grant(Grant),
    /// Move license-years of a product from a partner to one of its resellers.
    Transfer(Transfer),
    /// Print what is left in each pool of a partner or reseller.
    Balance(Balance),
    /// Set the address and language a partner's or reseller's mails (renewal reminders) go to.
    Contact(Contact),
    /// A partner's or reseller's Partner API tokens: create (shown once), list, revoke.
    #[command(subcommand)]
    Token(super::pool_tokens::PoolToken),
    /// Add a person of a partner or reseller who signs in to the partner console (/partner);
    /// prints a one-time link (working for a day) with which they set their password.
    Staff(Staff),
    /// Disable a person of a partner or reseller: their sessions end and they sign in no more.
    StaffDisable(Staff),
}

#[derive(Debug, clap::Args)]
pub struct Staff {
    /// The partner's or reseller's id.
    pub organisation: String,
    /// The e-mail they sign in with.
    pub email: String,
}

/// Where a partner's or reseller's mails go.
#[derive(Debug, clap::Args)]
pub struct Mailing {
    /// Its staff contact: renewal reminders of its clients' terms are mailed there.
    #[arg(long)]
    pub email: Option<String>,
    /// The language of its mails: en (the default), fr, it, bg or ru.
    #[arg(long)]
    pub language: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct Contact {
    /// The partner's or reseller's id.
    #[arg(long)]
    pub organisation: String,
    #[command(flatten)]
    pub mailing: Mailing,
}

#[derive(Debug, clap::Args)]
pub struct NewPartner {
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub mailing: Mailing,
}

#[derive(Debug, clap::Args)]
pub struct NewReseller {
    /// The partner's id.
    #[arg(long)]
    pub partner: String,
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub mailing: Mailing,
}

#[derive(Debug, clap::Args)]
pub struct Grant {
    /// The partner's id.
    #[arg(long)]
    pub partner: String,
    /// The paid order's number, e.g. JWT19.
    #[arg(long)]
    pub order: String,
    #[arg(long)]
    pub product: String,
    /// License-years (one user for one year each).
    #[arg(long)]
    pub license_years: i64,
}

#[derive(Debug, clap::Args)]
pub struct Transfer {
    #[arg(long)]
    pub partner: String,
    #[arg(long)]
    pub reseller: String,
    #[arg(long)]
    pub product: String,
    #[arg(long)]
    pub license_years: i64,
}

#[derive(Debug, clap::Args)]
pub struct Balance {
    /// The partner's or reseller's id.
    #[arg(long)]
    pub organisation: String,
}

impl Mailing {
    /// Sets the contact of `organisation_id`, when any was given.
    async fn set(&self, pool: &Pool, organisation_id: &str) -> Result<()> {
        if self.email.is_none() && self.language.is_none() {
            return Ok(());
        }
        pools::set_contact(pool, organisation_id, self.email.as_deref(), self.language.as_deref()).await
    }
}

impl PoolCommand {
    pub(super) async fn run(self, pool: &Pool, mailer: &Mailer) -> Result<String> {
        let actor = Actor::cli();
        match self {
            Self::Partner(c) => {
                let id = pools::create_partner(pool, &c.name).await?;
                c.mailing.set(pool, &id).await?;
                Ok(format!("partner {id}"))
            }
            Self::Reseller(c) => {
                let id = pools::create_reseller(pool, &c.partner, &c.name).await?;
                c.mailing.set(pool, &id).await?;
                Ok(format!("reseller {id}"))
            }
            Self::Contact(c) => {
                c.mailing.set(pool, &c.organisation).await?;
                Ok(format!("{} is mailed as set", c.organisation))
            }
            Self::Token(c) => c.run(pool).await,
            Self::Grant(c) => {
                let to = pools::grant(pool, &actor, &c.partner, &c.order, &c.product, c.license_years).await?;
                Ok(format!(
                    "granted {} license-years of {}; the pool holds {}",
                    c.license_years, to.product_id, to.balance
                ))
            }
            Self::Transfer(c) => {
                pools::transfer(pool, &actor, &c.partner, &c.reseller, &c.product, c.license_years).await?;
                Ok(format!("moved {} license-years of {} to {}", c.license_years, c.product, c.reseller))
            }
            Self::Balance(c) => {
                let mut out = String::from("product\tlicense-years");
                for line in pools::balances(pool, &c.organisation).await? {
                    out.push_str(&format!("\n{}\t{}", line.product_id, line.balance));
                }
                Ok(out)
            }
            Self::Staff(c) => {
                let token = partner_staff::create_with_link(pool, &c.organisation, &c.email).await?;
                Ok(format!(
                    "{} signs in to /partner for {} once their password is set: give them this link, which sets it once, within a day:\n{}",
                    c.email.trim().to_lowercase(),
                    c.organisation,
                    mailer.link(&format!("/partner/password/{token}"))
                ))
            }
            Self::StaffDisable(c) => match partner_staff::disable_by_email(pool, &c.organisation, &c.email).await? {
                Some(email) => Ok(format!("{email} no longer signs in to /partner for {}", c.organisation)),
                None => Err(crate::error::Error::BadRequest(
                    format!("{} has no enabled person with e-mail {}", c.organisation, c.email.trim()).into(),
                )),
            },
        }
    }
}
