//! Back-office commands for the shell, until the back office has pages: products, editions,
//! customers, orders, licenses and their status, news and contracts.

use sqlx::{AnyPool, Row as _};
use tessera_core::ActivationKey;

use crate::accounts;
use crate::db::{self, new_id};
use crate::domain::{Email, OrderRef};
use crate::error::{Error, Result};
use crate::licensing::{self, NewLicense};
use crate::mail::Mailer;

const DAY: i64 = 86_400;
const YEAR: i64 = 365 * DAY;

/// What a contract's document can be; the pages name each in the customer's language.
const DOCUMENT_TYPES: [&str; 2] = ["contract", "annex"];
/// The support subscriptions a contract can be for.
const SUBSCRIPTION_TYPES: [&str; 2] = ["monthly", "annual"];
/// Where a contract stands.
const CONTRACT_STATUSES: [&str; 4] = ["active", "expired", "terminated", "draft"];

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
        #[arg(long, default_value = "contract", value_parser = DOCUMENT_TYPES)]
        document_type: String,
        /// The support subscription it is for.
        #[arg(long, default_value = "annual", value_parser = SUBSCRIPTION_TYPES)]
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
        #[arg(long, default_value = "active", value_parser = CONTRACT_STATUSES)]
        status: String,
    },
    /// List a customer's licenses with their seats.
    Licenses {
        #[arg(long)]
        customer_email: String,
    },
}

/// Runs one admin command and returns what to print; `mailer` sends invitations.
pub async fn run(pool: &AnyPool, mailer: &Mailer, command: Admin) -> Result<String> {
    let now = db::now();
    match command {
        Admin::AddProduct { id, name, match_policy, refresh_days, grace_days } => {
            if refresh_days < 1 || grace_days < 0 {
                return Err(Error::BadRequest("refresh days must be at least 1 and grace days not negative".into()));
            }
            insert_or_conflict(
                sqlx::query(
                    "INSERT INTO products (id, name, match_policy, refresh_days, grace_days, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&id)
                .bind(&name)
                .bind(&match_policy)
                .bind(refresh_days)
                .bind(grace_days)
                .bind(now)
                .execute(pool)
                .await,
                &format!("product {id}"),
            )?;
            Ok(format!("product {id} added"))
        }
        Admin::AddEdition { product, name, sku, features } => {
            product_exists(pool, &product).await?;
            let features: Vec<&str> = features.split(',').map(str::trim).filter(|f| !f.is_empty()).collect();
            insert_or_conflict(
                sqlx::query("INSERT INTO editions (id, product_id, name, sku, features) VALUES ($1, $2, $3, $4, $5)")
                    .bind(new_id("edn"))
                    .bind(&product)
                    .bind(&name)
                    .bind(&sku)
                    .bind(serde_json::to_string(&features).map_err(|e| Error::Internal(e.to_string()))?)
                    .execute(pool)
                    .await,
                &format!("edition {name} or SKU {sku}"),
            )?;
            Ok(format!("edition {name} of {product} added (SKU {sku})"))
        }
        Admin::AddCustomer { company, email, country, city, first_name, last_name, manager, phone } => {
            let email = Email::normalized(&email);
            if !email.contains('@') {
                return Err(Error::BadRequest(format!("'{email}' is not an e-mail address")));
            }
            let id = new_id("cus");
            let key = ActivationKey::generate()?;
            insert_or_conflict(
                sqlx::query(
                    "INSERT INTO customers (id, company, email, country, city, activation_key, created_at, manager, phone) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(&id)
                .bind(&company)
                .bind(email.as_str())
                .bind(&country)
                .bind(&city)
                .bind(key.as_str())
                .bind(now)
                .bind(manager.as_deref().map_or("", str::trim))
                .bind(phone.as_deref().map_or("", str::trim))
                .execute(pool)
                .await,
                &format!("a customer with e-mail {email}"),
            )?;
            sqlx::query(
                "INSERT INTO contacts (id, customer_id, first_name, last_name, email, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id("con"))
            .bind(&id)
            .bind(first_name.unwrap_or_default())
            .bind(last_name.unwrap_or_default())
            .bind(email.as_str())
            .bind(now)
            .execute(pool)
            .await?;
            // The key is the customer's to see; printing it here is the operator handing it over.
            Ok(format!("customer {company} <{email}> added; activation key {key}"))
        }
        Admin::AddOrder { customer_email, reference, currency, items } => {
            let reference = OrderRef::parse("reference", &reference)?;
            let customer = customer_id(pool, &customer_email).await?;
            let items = items.iter().map(|item| parse_item(item)).collect::<Result<Vec<_>>>()?;
            let total = items
                .iter()
                .try_fold(0_i64, |sum, i| i.quantity.checked_mul(i.unit_price).and_then(|line| sum.checked_add(line)))
                .ok_or_else(|| Error::BadRequest("the order's total is too large".into()))?;
            let order_id = new_id("ord");
            let mut tx = pool.begin().await?;
            let inserted = sqlx::query(
                "INSERT INTO orders (id, customer_id, reference, placed_at, currency, total_minor) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&order_id)
            .bind(&customer)
            .bind(reference.as_str())
            .bind(now)
            .bind(currency.to_uppercase())
            .bind(total)
            .execute(&mut *tx)
            .await;
            insert_or_conflict(inserted, &format!("order {reference}"))?;
            for item in &items {
                let product: Option<String> = sqlx::query_scalar(
                    "SELECT product_id FROM editions WHERE $1 LIKE sku || '%' ORDER BY LENGTH(sku) DESC",
                )
                .bind(&item.sku)
                .fetch_optional(&mut *tx)
                .await?;
                let product = product
                    .ok_or_else(|| Error::BadRequest(format!("no edition has a SKU that {} starts with", item.sku)))?;
                sqlx::query(
                    "INSERT INTO order_items (id, order_id, product_id, sku, description, quantity, subtotal_minor) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(new_id("itm"))
                .bind(&order_id)
                .bind(&product)
                .bind(&item.sku)
                .bind(&item.description)
                .bind(item.quantity)
                .bind(item.quantity * item.unit_price)
                .execute(&mut *tx)
                .await?;
            }
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
            if users < 1 || machines < 1 {
                return Err(Error::BadRequest("users and machines must be at least 1".into()));
            }
            let customer = customer_id(pool, &customer_email).await?;
            product_exists(pool, &product).await?;
            let features: Option<String> =
                sqlx::query_scalar("SELECT features FROM editions WHERE product_id = $1 AND name = $2")
                    .bind(&product)
                    .bind(&edition)
                    .fetch_optional(pool)
                    .await?;
            let features: Vec<String> = serde_json::from_str(
                &features.ok_or_else(|| Error::BadRequest(format!("{product} has no edition {edition}")))?,
            )
            .map_err(|e| Error::Internal(e.to_string()))?;
            let order_id = match &order {
                Some(reference) => Some(order_id(pool, &customer, reference).await?),
                None => None,
            };
            let serial = serial.unwrap_or_else(|| new_id("S").to_uppercase().replace('_', "")[..10].to_owned());
            let id = licensing::create_license(
                pool,
                &NewLicense {
                    serial: &serial,
                    customer_id: &customer,
                    order_id: order_id.as_deref(),
                    product_id: &product,
                    edition: &edition,
                    features: &features,
                    users,
                    max_machines: machines,
                    issued_at: now,
                    expires_at: term_days.map(|days| now + days * DAY),
                },
            )
            .await
            .map_err(|e| match e {
                Error::Internal(detail) if detail.contains("UNIQUE") || detail.contains("unique") => {
                    Error::BadRequest(format!("serial {serial} exists already"))
                }
                other => other,
            })?;
            if let Some(years) = support_years {
                sqlx::query(
                    "INSERT INTO support_terms (id, license_id, order_id, starts_at, years, ends_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(new_id("sup"))
                .bind(&id)
                .bind(order_id.as_deref())
                .bind(now)
                .bind(years)
                .bind(now + years * YEAR)
                .execute(pool)
                .await?;
            }
            Ok(format!("license {serial} added: {product} {edition}, {users} user(s) on up to {machines} machine(s)"))
        }
        Admin::SetStatus { serial, status } => {
            let changed = sqlx::query("UPDATE licenses SET status = $1 WHERE serial = $2")
                .bind(&status)
                .bind(&serial)
                .execute(pool)
                .await?
                .rows_affected();
            if changed == 0 {
                return Err(Error::BadRequest(format!("no license has serial {serial}")));
            }
            Ok(format!("license {serial} is now {status}"))
        }
        Admin::AddUser { customer_email, email } => add_user(pool, mailer, &customer_email, &email).await,
        Admin::AddNews { title, body, date } => add_news(pool, &title, &body, date.as_deref()).await,
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
            let contract = NewContract {
                document_type: &document_type,
                subscription: &subscription,
                monthly_price,
                currency: &currency,
                signed: signed.as_deref(),
                year,
                status: &status,
            };
            add_contract(pool, &customer_email, &contract).await
        }
        Admin::Licenses { customer_email } => {
            let customer = customer_id(pool, &customer_email).await?;
            let mut out = String::new();
            for l in licensing::licenses_of_customer(pool, &customer).await? {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{} users\t{}/{} machines\t{}\n",
                    l.serial, l.product_id, l.edition, l.users, l.used_machines, l.max_machines, l.status
                ));
            }
            Ok(out.trim_end().to_owned())
        }
    }
}

/// Adds an account for a customer's person, mails them the link to set their password and
/// returns a line with the link (for the vendor to pass on when mail does not arrive).
pub async fn add_user(pool: &AnyPool, mailer: &Mailer, customer_email: &str, email: &str) -> Result<String> {
    let customer = customer_id(pool, customer_email).await?;
    let user = accounts::add_user(pool, &customer, email).await?;
    let token = accounts::create_reset(pool, &user, accounts::INVITE_SECONDS).await?;
    let email = Email::normalized(email);
    let english = tessera_i18n::Localizer::new(tessera_i18n::Language::En);
    accounts::mail_link(mailer, &english, &email, &token, true).await?;
    let link = mailer.link(&format!("/password/reset/{token}"));
    Ok(format!("user {email} added; invitation mailed. Link to set the password (valid 7 days, once): {link}"))
}

/// Publishes news; returns the line to print.
async fn add_news(pool: &AnyPool, title: &str, body: &str, date: Option<&str>) -> Result<String> {
    let (title, body) = (title.trim(), body.trim());
    if title.is_empty() || body.is_empty() {
        return Err(Error::BadRequest("news needs a title and a text".into()));
    }
    let published_at = date.map_or_else(|| Ok(db::now()), parse_day)?;
    sqlx::query("INSERT INTO news (id, published_at, title, body) VALUES ($1, $2, $3, $4)")
        .bind(new_id("nws"))
        .bind(published_at)
        .bind(title)
        .bind(body)
        .execute(pool)
        .await?;
    Ok(format!("news \"{title}\" published on {}", crate::web::format::iso_date(published_at)))
}

/// A contract as the `add-contract` command gives it.
struct NewContract<'a> {
    document_type: &'a str,
    subscription: &'a str,
    monthly_price: i64,
    currency: &'a str,
    signed: Option<&'a str>,
    year: Option<i64>,
    status: &'a str,
}

/// Adds a contract to a customer; returns the line to print.
async fn add_contract(pool: &AnyPool, customer_email: &str, contract: &NewContract<'_>) -> Result<String> {
    use chrono::Datelike as _;
    let customer = customer_id(pool, customer_email).await?;
    if contract.monthly_price < 0 {
        return Err(Error::BadRequest("the monthly price cannot be negative".into()));
    }
    let currency = contract.currency.trim().to_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::BadRequest(format!("'{}' is not a currency code like EUR", contract.currency)));
    }
    let signed_at = contract.signed.map_or_else(|| Ok(db::now()), parse_day)?;
    let signing_year = chrono::DateTime::from_timestamp(signed_at, 0).map_or(1970, |at| i64::from(at.year()));
    let year = contract.year.unwrap_or(signing_year);
    if !(1900..=9999).contains(&year) {
        return Err(Error::BadRequest(format!("{year} is not a contract year")));
    }
    sqlx::query(
        "INSERT INTO contracts (id, customer_id, year, document_type, subscription_type, monthly_price_minor, \
         currency, signed_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new_id("ctr"))
    .bind(&customer)
    .bind(year)
    .bind(contract.document_type)
    .bind(contract.subscription)
    .bind(contract.monthly_price)
    .bind(&currency)
    .bind(signed_at)
    .bind(contract.status)
    .execute(pool)
    .await?;
    Ok(format!(
        "{} for {year} added: {} support, {} {currency} minor units a month, {}",
        contract.document_type, contract.subscription, contract.monthly_price, contract.status
    ))
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

fn insert_or_conflict(result: std::result::Result<sqlx::any::AnyQueryResult, sqlx::Error>, what: &str) -> Result<()> {
    match result {
        Ok(_) => Ok(()),
        Err(e) if db::is_unique_violation(&e) => Err(Error::BadRequest(format!("{what} exists already"))),
        Err(e) => Err(e.into()),
    }
}

async fn customer_id(pool: &AnyPool, email: &str) -> Result<String> {
    let id: Option<String> = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(Email::normalized(email).into_string())
        .fetch_optional(pool)
        .await?;
    id.ok_or_else(|| Error::BadRequest(format!("no customer has e-mail {email}")))
}

async fn order_id(pool: &AnyPool, customer: &str, reference: &str) -> Result<String> {
    let row = sqlx::query("SELECT id FROM orders WHERE customer_id = $1 AND reference = $2")
        .bind(customer)
        .bind(OrderRef::normalise(reference).as_str())
        .fetch_optional(pool)
        .await?;
    row.map(|r| r.try_get(0))
        .transpose()?
        .ok_or_else(|| Error::BadRequest(format!("the customer has no order {reference}")))
}

async fn product_exists(pool: &AnyPool, product: &str) -> Result<()> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM products WHERE id = $1").bind(product).fetch_optional(pool).await?;
    found.map(|_| ()).ok_or_else(|| Error::BadRequest(format!("no product {product}")))
}
