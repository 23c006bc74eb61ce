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
    /// Set a license's status: active, suspended or revoked (with `--reason`, shown to the customer).
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
    /// Add a plan: an edition sold for a term at a price per user.
    AddPlan(AddPlan),
    /// Place an order of plans for a customer (`--plan SKU:USERS`); it waits for its payment.
    PlaceOrder(PlaceOrder),
    /// Record the payment of an order: it becomes paid and its licenses are issued, their term
    /// starting on the payment's day. Recording the same bank reference again changes nothing.
    RecordPayment(RecordPayment),
    /// Cancel an order awaiting its payment (`--reason` is kept in the event log).
    CancelOrder(UndoOrder),
    /// Refund a paid order: its licenses are revoked with `--reason`, which the customer reads.
    RefundOrder(UndoOrder),
    /// List the event log, oldest first, a page at a time.
    Events(Events),
    /// Create a member of staff for the back office (/admin); the password is read from the
    /// terminal (not shown) or from standard input.
    CreateStaff(CreateStaff),
    /// Turn off a member of staff's second factor (a lost phone): they sign in with the
    /// password alone until they turn it on again. Recorded in the event log.
    #[command(name = "staff-reset-2fa")]
    StaffReset2fa(StaffReset2fa),
    /// Print a one-time link (working for a day) with which a member of staff sets a new
    /// password (a forgotten one); the old one works until the link is used.
    StaffPasswordLink(StaffPasswordLink),
    /// The mail outbox: list what is queued, sent or failed; send a failed mail again.
    #[command(subcommand)]
    Mail(super::outbox::MailCommand),
    /// The vendor API's bearer tokens: create (shown once), list, revoke.
    #[command(subcommand)]
    ApiToken(super::tokens::ApiToken),
    /// Partners, resellers and their pools of license-years: add them, grant from a paid
    /// order, transfer to a reseller, print the balance.
    #[command(subcommand)]
    Pool(super::pools::PoolCommand),
    /// Run the renewal job's round now: roll the subscriptions whose period ended (renew or
    /// end them) and move unpaid charges along (past due, suspended). Safe beside a serving
    /// portal: each period is rolled once.
    Renew(Renew),
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
    /// The VAT id invoices print, e.g. `BG123456789`.
    #[arg(long)]
    pub vat_id: Option<String>,
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
    /// The language of their mail: en (the default), fr, it, bg or ru.
    #[arg(long)]
    pub language: Option<String>,
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
    /// Why, as the customer reads it in the License Manager; needed to suspend or revoke.
    #[arg(long)]
    pub reason: Option<String>,
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

/// Add a plan: an edition sold for a term at a price per user.
#[derive(Debug, clap::Args)]
pub struct AddPlan {
    #[arg(long)]
    pub product: String,
    #[arg(long)]
    pub edition: String,
    /// What orders name, e.g. `LED-STD-1Y`.
    #[arg(long)]
    pub sku: String,
    /// What the order line reads; "<product> <edition>, <term>" when absent.
    #[arg(long)]
    pub name: Option<String>,
    /// `perpetual`, months (`1m`, `6m`) or years (`1y`, `3y`), up to 10 years.
    #[arg(long, default_value = "1y")]
    pub term: String,
    /// Price per user for the whole term, e.g. `299.00`.
    #[arg(long)]
    pub price: String,
    #[arg(long, default_value = "EUR")]
    pub currency: String,
    /// Machines each user may activate at once, 1 to 100.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..=100))]
    pub machines_per_user: i64,
    /// Years of support and updates included from the term's start, 0 to 10.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i64).range(0..=10))]
    pub support_years: i64,
    /// Days of trial before buying, 0 to 365.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i64).range(0..=365))]
    pub trial_days: i64,
}

/// Place an order of plans for a customer; it waits for its payment.
#[derive(Debug, clap::Args)]
pub struct PlaceOrder {
    #[arg(long)]
    pub customer_email: String,
    /// A plan's SKU and the users it is for, e.g. `LED-STD-1Y:3`; repeat for more lines.
    #[arg(long = "plan", required = true)]
    pub plans: Vec<String>,
    /// `bank_transfer` (an invoice with the vendor's bank details) or `card`.
    #[arg(long, default_value = "bank_transfer", value_parser = ["bank_transfer", "card"])]
    pub payment: String,
}

/// Record the payment of an order.
#[derive(Debug, clap::Args)]
pub struct RecordPayment {
    /// The order's reference, e.g. JWT1001.
    #[arg(long)]
    pub order: String,
    /// The amount that arrived, e.g. `598.00`: the order's total.
    #[arg(long)]
    pub amount: String,
    #[arg(long, default_value = "EUR")]
    pub currency: String,
    /// The day the money arrived, YYYY-MM-DD; now when absent. The licenses' term starts then.
    #[arg(long)]
    pub paid_on: Option<String>,
    /// `bank_transfer` or `card`; the order's payment method when absent.
    #[arg(long, value_parser = ["bank_transfer", "card"])]
    pub method: Option<String>,
    /// The transfer's reference on the bank statement; the same one is recorded once.
    #[arg(long)]
    pub bank_reference: Option<String>,
}

/// Cancel or refund an order.
#[derive(Debug, clap::Args)]
pub struct UndoOrder {
    /// The order's reference, e.g. JWT1001.
    #[arg(long)]
    pub order: String,
    /// Why, e.g. "Refunded on request, ticket 4471".
    #[arg(long)]
    pub reason: String,
}

/// List the event log, oldest first.
#[derive(Debug, clap::Args)]
pub struct Events {
    /// Only this customer's events.
    #[arg(long)]
    pub customer_email: Option<String>,
    /// Only this kind, e.g. order_placed, payment_recorded, license_issued, machine_activated
    /// (every kind: docs/api.md, "Vendor API").
    #[arg(long)]
    pub kind: Option<String>,
    /// Only events on or after this day, YYYY-MM-DD.
    #[arg(long)]
    pub since: Option<String>,
    /// The page, 10 events each.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i64).range(1..=1_000_000_000))]
    pub page: i64,
}

/// Create a member of staff.
#[derive(Debug, clap::Args)]
pub struct CreateStaff {
    /// Their e-mail address: the back office's sign-in name.
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    /// `admin` (everything) or `support` (reads; resends mail, frees machines, suspends).
    #[arg(long, value_parser = ["admin", "support"])]
    pub role: String,
    /// Print a one-time link (working for a day) with which they set their own password,
    /// instead of reading the password from the terminal or standard input.
    #[arg(long)]
    pub link: bool,
}

/// Print a one-time link with which a member of staff sets a new password.
#[derive(Debug, clap::Args)]
pub struct StaffPasswordLink {
    /// Their e-mail address.
    #[arg(long)]
    pub email: String,
}

/// Turn off a member of staff's second factor.
#[derive(Debug, clap::Args)]
pub struct StaffReset2fa {
    /// Their e-mail address.
    #[arg(long)]
    pub email: String,
}

/// Run a renewal round.
#[derive(Debug, clap::Args)]
pub struct Renew {
    /// The day to renew as of, YYYY-MM-DD; today (UTC) when absent.
    #[arg(long)]
    pub today: Option<String>,
}
