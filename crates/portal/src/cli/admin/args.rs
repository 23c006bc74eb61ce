//! The `admin` subcommands and their options, as the shell takes them.

use crate::domain::{ContractStatus, DocumentType, Subscription};

/// `admin` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Admin {
    /// Add a product.
    AddProduct(AddProduct),
    /// Add an edition of a product.
    AddEdition(AddEdition),
    /// Add a customer; prints their activation key.
    AddCustomer(AddCustomer),
    /// Add an order with its items (`SKU:QUANTITY:UNIT_PRICE:DESCRIPTION`, price in minor units).
    AddOrder(AddOrder),
    /// Add a license (and optionally a support term); prints its serial.
    AddLicense(AddLicense),
    /// Set a license's status: active, suspended or revoked.
    SetStatus(SetStatus),
    /// Invite a person of a customer to sign in with e-mail and password: adds the account,
    /// mails them a link to set their password (valid 7 days, once) and prints it.
    AddUser(AddUser),
    /// Publish news about the programs to every customer's News page.
    AddNews(AddNews),
    /// Add a contract (or an annex) to a customer's Contracts page.
    AddContract(AddContract),
    /// List a customer's licenses with their seats.
    Licenses(Licenses),
}

/// Add a product.
#[derive(Debug, clap::Args)]
pub struct AddProduct {
    /// Product id used in fingerprints and license files, e.g. `acme-ledger`.
    #[arg(long)]
    pub id: String,
    #[arg(long)]
    pub name: String,
    /// How closely a machine must match its license: exact, fuzzy or loose.
    #[arg(long, default_value = "fuzzy", value_parser = ["exact", "fuzzy", "loose"])]
    pub match_policy: String,
    /// Days after which a machine should refresh (the license enters grace), 1 to 3650.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub refresh_days: i64,
    /// Days of offline grace after that, 0 to 3650.
    #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(i64).range(0..=3650))]
    pub grace_days: i64,
}

/// Add an edition of a product.
#[derive(Debug, clap::Args)]
pub struct AddEdition {
    #[arg(long)]
    pub product: String,
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub sku: String,
    /// Comma-separated feature flags.
    #[arg(long, default_value = "")]
    pub features: String,
}

/// Add a customer; prints their activation key.
#[derive(Debug, clap::Args)]
pub struct AddCustomer {
    #[arg(long)]
    pub company: String,
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub country: String,
    #[arg(long)]
    pub city: String,
    /// Contact's first name.
    #[arg(long)]
    pub first_name: Option<String>,
    /// Contact's last name.
    #[arg(long)]
    pub last_name: Option<String>,
    /// The responsible officer, shown on the customer's profile.
    #[arg(long)]
    pub manager: Option<String>,
    /// Telephone number, shown on the customer's profile.
    #[arg(long)]
    pub phone: Option<String>,
}

/// Add an order with its items (`SKU:QUANTITY:UNIT_PRICE:DESCRIPTION`, price in minor units).
#[derive(Debug, clap::Args)]
pub struct AddOrder {
    #[arg(long)]
    pub customer_email: String,
    /// Order reference, e.g. JWT11408.
    #[arg(long)]
    pub reference: String,
    #[arg(long, default_value = "EUR")]
    pub currency: String,
    #[arg(long = "item", required = true)]
    pub items: Vec<String>,
}

/// Add a license (and optionally a support term); prints its serial.
#[derive(Debug, clap::Args)]
pub struct AddLicense {
    #[arg(long)]
    pub customer_email: String,
    #[arg(long)]
    pub product: String,
    #[arg(long)]
    pub edition: String,
    /// Users it is for, 1 to 1,000,000.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..=1_000_000))]
    pub users: i64,
    /// Machines it may be active on at once, 1 to 1,000,000.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..=1_000_000))]
    pub machines: i64,
    /// The order it comes from.
    #[arg(long)]
    pub order: Option<String>,
    /// Serial number; generated when absent.
    #[arg(long)]
    pub serial: Option<String>,
    /// Term in days from now, 1 to 36,500 (100 years); perpetual when absent.
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..=36_500))]
    pub term_days: Option<i64>,
    /// Years of support and updates from now, 1 to 100.
    #[arg(long, value_parser = clap::value_parser!(i64).range(1..=100))]
    pub support_years: Option<i64>,
}

/// Set a license's status: active, suspended or revoked.
#[derive(Debug, clap::Args)]
pub struct SetStatus {
    #[arg(long)]
    pub serial: String,
    #[arg(value_parser = ["active", "suspended", "revoked"])]
    pub status: String,
}

/// Invite a person of a customer to sign in with e-mail and password: adds the account,
/// mails them a link to set their password (valid 7 days, once) and prints it.
#[derive(Debug, clap::Args)]
pub struct AddUser {
    /// The customer's (purchase) e-mail address.
    #[arg(long)]
    pub customer_email: String,
    /// The person's e-mail address, their sign-in name.
    #[arg(long)]
    pub email: String,
}

/// Publish news about the programs to every customer's News page.
#[derive(Debug, clap::Args)]
pub struct AddNews {
    #[arg(long)]
    pub title: String,
    /// Plain text; a blank line separates paragraphs.
    #[arg(long)]
    pub body: String,
    /// Publication day, YYYY-MM-DD; today when absent.
    #[arg(long)]
    pub date: Option<String>,
}

/// Add a contract (or an annex) to a customer's Contracts page.
#[derive(Debug, clap::Args)]
pub struct AddContract {
    #[arg(long)]
    pub customer_email: String,
    #[arg(long, default_value = "contract", value_parser = clap::builder::PossibleValuesParser::new(DocumentType::CODES.iter().copied()))]
    pub document_type: String,
    /// The support subscription it is for.
    #[arg(long, default_value = "annual", value_parser = clap::builder::PossibleValuesParser::new(Subscription::CODES.iter().copied()))]
    pub subscription: String,
    /// Price per month in minor units (cents), 0 to 10^12.
    #[arg(long, value_parser = clap::value_parser!(i64).range(0..=1_000_000_000_000))]
    pub monthly_price: i64,
    #[arg(long, default_value = "EUR")]
    pub currency: String,
    /// Day of signing, YYYY-MM-DD; today when absent.
    #[arg(long)]
    pub signed: Option<String>,
    /// The year the contract is for, 2000 to 2200; the year of signing when absent.
    #[arg(long, value_parser = clap::value_parser!(i64).range(2000..=2200))]
    pub year: Option<i64>,
    #[arg(long, default_value = "active", value_parser = clap::builder::PossibleValuesParser::new(ContractStatus::CODES.iter().copied()))]
    pub status: String,
}

/// List a customer's licenses with their seats.
#[derive(Debug, clap::Args)]
pub struct Licenses {
    #[arg(long)]
    pub customer_email: String,
}
