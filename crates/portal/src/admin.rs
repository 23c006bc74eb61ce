//! Back-office commands for the shell, until the back office has pages: products, editions,
//! customers, orders, licenses and their status, news and contracts.

use crate::domain::{ContractStatus, DocumentType, Email, OrderRef, Subscription};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::accounts;
use crate::services::catalog;
use crate::services::content::{self, ContractForm};
use crate::services::customers::{self, CustomerForm};
use crate::services::issuing::{self, LicenseForm};
use crate::services::orders::{self, Line, OrderForm};
use crate::store::catalog::NewProduct;
use crate::store::{self, Pool, new_id};

/// `admin` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Admin {
    /// Add a product.
    AddProduct {
        /// Product id used in fingerprints and license files, e.g. `acme-ledger`.
        #[arg(long)]
        id: String,
        #[arg(long)]
        name: String,
        /// How closely a machine must match its license: exact, fuzzy or loose.
        #[arg(long, default_value = "fuzzy", value_parser = ["exact", "fuzzy", "loose"])]
        match_policy: String,
        /// Days after which a machine should refresh (the license enters grace), 1 to 3650.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(i64).range(1..=3650))]
        refresh_days: i64,
        /// Days of offline grace after that, 0 to 3650.
        #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(i64).range(0..=3650))]
        grace_days: i64,
    },
    /// Add an edition of a product.
    AddEdition {
        #[arg(long)]
        product: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        sku: String,
        /// Comma-separated feature flags.
        #[arg(long, default_value = "")]
        features: String,
    },
    /// Add a customer; prints their activation key.
    AddCustomer {
        #[arg(long)]
        company: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        country: String,
        #[arg(long)]
        city: String,
        /// Contact's first name.
        #[arg(long)]
        first_name: Option<String>,
        /// Contact's last name.
        #[arg(long)]
        last_name: Option<String>,
        /// The responsible officer, shown on the customer's profile.
        #[arg(long)]
        manager: Option<String>,
        /// Telephone number, shown on the customer's profile.
        #[arg(long)]
        phone: Option<String>,
    },
    /// Add an order with its items (`SKU:QUANTITY:UNIT_PRICE:DESCRIPTION`, price in minor units).
    AddOrder {
        #[arg(long)]
        customer_email: String,
        /// Order reference, e.g. JWT11408.
        #[arg(long)]
        reference: String,
        #[arg(long, default_value = "EUR")]
        currency: String,
        #[arg(long = "item", required = true)]
        items: Vec<String>,
    },
    /// Add a license (and optionally a support term); prints its serial.
    AddLicense {
        #[arg(long)]
        customer_email: String,
        #[arg(long)]
        product: String,
        #[arg(long)]
        edition: String,
        /// Users it is for, 1 to 1,000,000.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..=1_000_000))]
        users: i64,
        /// Machines it may be active on at once, 1 to 1,000,000.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..=1_000_000))]
        machines: i64,
        /// The order it comes from.
        #[arg(long)]
        order: Option<String>,
        /// Serial number; generated when absent.
        #[arg(long)]
        serial: Option<String>,
        /// Term in days from now, 1 to 36,500 (100 years); perpetual when absent.
        #[arg(long, value_parser = clap::value_parser!(i64).range(1..=36_500))]
        term_days: Option<i64>,
        /// Years of support and updates from now, 1 to 100.
        #[arg(long, value_parser = clap::value_parser!(i64).range(1..=100))]
        support_years: Option<i64>,
    },
    /// Set a license's status: active, suspended or revoked.
    SetStatus {
        #[arg(long)]
        serial: String,
        #[arg(value_parser = ["active", "suspended", "revoked"])]
        status: String,
    },
    /// Invite a person of a customer to sign in with e-mail and password: adds the account,
    /// mails them a link to set their password (valid 7 days, once) and prints it.
    AddUser {
        /// The customer's (purchase) e-mail address.
        #[arg(long)]
        customer_email: String,
        /// The person's e-mail address, their sign-in name.
        #[arg(long)]
        email: String,
    },
    /// Publish news about the programs to every customer's News page.
    AddNews {
        #[arg(long)]
        title: String,
        /// Plain text; a blank line separates paragraphs.
        #[arg(long)]
        body: String,
        /// Publication day, YYYY-MM-DD; today when absent.
        #[arg(long)]
        date: Option<String>,
    },
    /// Add a contract (or an annex) to a customer's Contracts page.
    AddContract {
        #[arg(long)]
        customer_email: String,
        #[arg(long, default_value = "contract", value_parser = clap::builder::PossibleValuesParser::new(DocumentType::CODES.iter().copied()))]
        document_type: String,
        /// The support subscription it is for.
        #[arg(long, default_value = "annual", value_parser = clap::builder::PossibleValuesParser::new(Subscription::CODES.iter().copied()))]
        subscription: String,
        /// Price per month in minor units (cents), 0 to 10^12.
        #[arg(long, value_parser = clap::value_parser!(i64).range(0..=1_000_000_000_000))]
        monthly_price: i64,
        #[arg(long, default_value = "EUR")]
        currency: String,
        /// Day of signing, YYYY-MM-DD; today when absent.
        #[arg(long)]
        signed: Option<String>,
        /// The year the contract is for, 2000 to 2200; the year of signing when absent.
        #[arg(long, value_parser = clap::value_parser!(i64).range(2000..=2200))]
        year: Option<i64>,
        #[arg(long, default_value = "active", value_parser = clap::builder::PossibleValuesParser::new(ContractStatus::CODES.iter().copied()))]
        status: String,
    },
    /// List a customer's licenses with their seats.
    Licenses {
        #[arg(long)]
        customer_email: String,
    },
}

/// Runs one admin command and returns what to print; `mailer` sends invitations.
pub async fn run(pool: &Pool, mailer: &Mailer, command: Admin) -> Result<String> {
    let now = store::now();
    let mut conn = store::acquire(pool).await?;
    let conn = &mut *conn;
    match command {
        Admin::AddProduct { id, name, match_policy, refresh_days, grace_days } => {
            let match_policy = catalog::policy(&match_policy)?;
            let new = NewProduct { id: &id, name: &name, match_policy, refresh_days, grace_days, created_at: now };
            catalog::add_product(conn, &new).await?;
            Ok(format!("product {id} added"))
        }
        Admin::AddEdition { product, name, sku, features } => {
            let features: Vec<String> =
                features.split(',').map(str::trim).filter(|f| !f.is_empty()).map(str::to_owned).collect();
            catalog::add_edition(conn, &product, &name, &sku, &features).await?;
            Ok(format!("edition {name} of {product} added (SKU {sku})"))
        }
        Admin::AddCustomer { company, email, country, city, first_name, last_name, manager, phone } => {
            let form = CustomerForm {
                company: &company,
                email: &email,
                country: &country,
                city: &city,
                first_name: first_name.as_deref().unwrap_or_default(),
                last_name: last_name.as_deref().unwrap_or_default(),
                manager: manager.as_deref().unwrap_or_default(),
                phone: phone.as_deref().unwrap_or_default(),
                activation_key: None,
                since: None,
            };
            let (_, key) = customers::add_customer(conn, &form).await?;
            // The key is the customer's to see; printing it here is the operator handing it over.
            Ok(format!("customer {company} <{}> added; activation key {key}", Email::normalized(&email)))
        }
        Admin::AddOrder { customer_email, reference, currency, items } => {
            let reference = OrderRef::parse("reference", &reference)?;
            let customer = customers::by_email(conn, &customer_email).await?;
            let items = items.iter().map(|item| parse_item(item)).collect::<Result<Vec<_>>>()?;
            let lines: Vec<Line> = items
                .iter()
                .map(|i| Line {
                    product: None,
                    sku: &i.sku,
                    description: &i.description,
                    quantity: i.quantity,
                    unit_price: i.unit_price,
                })
                .collect();
            let form = OrderForm {
                customer_id: &customer,
                reference: &reference,
                currency: &currency,
                placed_at: now,
                lines: &lines,
            };
            // The order and its lines, or nothing.
            let mut tx = store::begin(pool).await?;
            let (_, total) = orders::add_order(&mut tx, &form).await?;
            tx.commit().await?;
            Ok(format!("order {reference} added: {} item(s), total {total} {currency} minor units", items.len()))
        }
        Admin::AddLicense {
            customer_email,
            product,
            edition,
            users,
            machines,
            order,
            serial,
            term_days,
            support_years,
        } => {
            let customer = customers::by_email(conn, &customer_email).await?;
            let order_id = match &order {
                Some(reference) => Some(orders::order_id(conn, &customer, reference).await?),
                None => None,
            };
            let serial = serial.unwrap_or_else(|| new_id("S").to_uppercase().replace('_', "")[..10].to_owned());
            let form = LicenseForm {
                customer_id: &customer,
                order_id: order_id.as_deref(),
                product: &product,
                edition: &edition,
                serial: &serial,
                users,
                machines,
                starts_at: now,
                term_days,
                support_years,
            };
            issuing::issue_license(conn, &form).await?;
            Ok(format!("license {serial} added: {product} {edition}, {users} user(s) on up to {machines} machine(s)"))
        }
        Admin::SetStatus { serial, status } => {
            issuing::set_status(conn, &serial, issuing::status(&status)?).await?;
            Ok(format!("license {serial} is now {status}"))
        }
        Admin::AddUser { customer_email, email } => add_user(pool, mailer, &customer_email, &email).await,
        Admin::AddNews { title, body, date } => {
            let published_at = date.as_deref().map_or_else(|| Ok(now), parse_day)?;
            content::add_news(conn, &title, &body, published_at).await?;
            Ok(format!("news \"{}\" published on {}", title.trim(), crate::web::format::iso_date(published_at)))
        }
        Admin::AddContract {
            customer_email,
            document_type,
            subscription,
            monthly_price,
            currency,
            signed,
            year,
            status,
        } => {
            let customer = customers::by_email(conn, &customer_email).await?;
            let form = ContractForm {
                document_type: &document_type,
                subscription: &subscription,
                monthly_price,
                currency: &currency,
                signed_at: signed.as_deref().map_or_else(|| Ok(now), parse_day)?,
                year,
                status: &status,
            };
            let c = content::add_contract(conn, &customer, &form).await?;
            Ok(format!(
                "{} for {} added: {} support, {} {} minor units a month, {}",
                c.document_type, c.year, c.subscription_type, c.monthly_price_minor, c.currency, c.status
            ))
        }
        Admin::Licenses { customer_email } => {
            let customer = customers::by_email(conn, &customer_email).await?;
            let mut out = String::new();
            for l in store::licenses::all_of_customer(pool, &customer).await? {
                let status = store::licenses::status_code(l.status);
                out.push_str(&format!(
                    "{}\t{}\t{}\t{} users\t{}/{} machines\t{status}\n",
                    l.serial, l.product_id, l.edition, l.users, l.used_machines, l.max_machines
                ));
            }
            Ok(out.trim_end().to_owned())
        }
    }
}

/// Adds an account for a customer's person, mails them the link to set their password and
/// returns a line with the link (for the vendor to pass on when mail does not arrive).
pub async fn add_user(pool: &Pool, mailer: &Mailer, customer_email: &str, email: &str) -> Result<String> {
    let customer = customers::by_email(&mut *store::acquire(pool).await?, customer_email).await?;
    let user = accounts::add_user(pool, &customer, email).await?;
    let token = accounts::create_reset(pool, &user, accounts::INVITE_SECONDS).await?;
    let email = Email::normalized(email);
    let english = tessera_i18n::Localizer::new(tessera_i18n::Language::En);
    accounts::mail_link(mailer, &english, &email, &token, true).await?;
    let link = mailer.link(&format!("/password/reset/{token}"));
    Ok(format!("user {email} added; invitation mailed. Link to set the password (valid 7 days, once): {link}"))
}

/// A day written `YYYY-MM-DD`, as Unix seconds at midnight UTC.
fn parse_day(text: &str) -> Result<i64> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .map(|at| at.and_utc().timestamp())
        .ok_or_else(|| Error::BadRequest(format!("'{text}' is not a day like 2025-03-01")))
}

struct Item {
    sku: String,
    quantity: i64,
    unit_price: i64,
    description: String,
}

fn parse_item(text: &str) -> Result<Item> {
    let mut parts = text.splitn(4, ':');
    let bad = || {
        Error::BadRequest(format!(
            "'{text}' is not SKU:QUANTITY:UNIT_PRICE:DESCRIPTION (quantity 1 to 1,000,000, unit price 0 to 10^12 minor units)"
        ))
    };
    let sku = parts.next().filter(|s| !s.is_empty()).ok_or_else(bad)?.to_owned();
    let quantity: i64 =
        parts.next().and_then(|q| q.parse().ok()).filter(|q| (1..=1_000_000).contains(q)).ok_or_else(bad)?;
    let unit_price: i64 =
        parts.next().and_then(|p| p.parse().ok()).filter(|p| (0..=1_000_000_000_000).contains(p)).ok_or_else(bad)?;
    let description = parts.next().unwrap_or(&sku).to_owned();
    Ok(Item { sku, quantity, unit_price, description })
}
