//! Back-office commands for the shell, until the back office has pages: products, editions, plans,
//! customers, orders and their payments, licenses and their status, news, contracts, the event log.

mod args;
mod outbox;
mod pool_tokens;
mod pools;
mod staff;
mod tokens;
mod undo;

pub use args::*;
pub use tokens::{ApiToken, Create as CreateApiToken, Revoke as RevokeApiToken};

use crate::config::Config;
use crate::domain::day::iso as format_day;
use crate::domain::{Actor, Email, EventKind, Money, OrderRef, PaymentMethod, Serial, Term};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::accounts;
use crate::services::catalog::{self, PlanForm};
use crate::services::content::{self, ContractForm};
use crate::services::customers::{self, CustomerForm};
use crate::services::issuing::{self, LicenseForm};
use crate::services::orders::{self, Line, OrderForm, Placement, PlanLine};
use crate::services::payments::{self, PaymentForm};
use crate::services::renewals;
use crate::store::catalog::NewProduct;
use crate::store::{self, Conn, Pool};

/// Runs one admin command and returns what to print; `mailer` sends invitations, `config`
/// gives the order prefix.
pub async fn run(pool: &Pool, mailer: &Mailer, config: &Config, command: Admin) -> Result<String> {
    let now = store::now();
    match command {
        Admin::AddProduct(c) => in_transaction(pool, |conn| Box::pin(c.run(conn, now))).await,
        Admin::AddEdition(c) => in_transaction(pool, |conn| Box::pin(c.run(conn))).await,
        Admin::AddCustomer(c) => c.run(&mut *store::acquire(pool).await?).await,
        // An order and its lines, or nothing: in a transaction of its own.
        Admin::AddOrder(c) => c.run(pool, now).await,
        Admin::AddLicense(c) => in_transaction(pool, |conn| Box::pin(c.run(conn, now))).await,
        Admin::SetStatus(c) => {
            let mailer = mailer.clone();
            in_transaction(pool, |conn| Box::pin(c.run(conn, mailer))).await
        }
        Admin::AddUser(c) => add_user(pool, mailer, &c.customer_email, &c.email).await,
        Admin::AddNews(c) => c.run(&mut *store::acquire(pool).await?, now).await,
        Admin::AddContract(c) => c.run(&mut *store::acquire(pool).await?, now).await,
        Admin::Licenses(c) => c.run(pool).await,
        Admin::AddPlan(c) => in_transaction(pool, |conn| Box::pin(c.run(conn, now))).await,
        Admin::PlaceOrder(c) => {
            let (prefix, mailer) = (config.order_prefix.clone(), mailer.clone());
            in_transaction(pool, |conn| Box::pin(c.run(conn, prefix, mailer, now))).await
        }
        Admin::RecordPayment(c) => c.run(pool, mailer, now).await,
        Admin::CancelOrder(c) => c.cancel(pool).await,
        Admin::RefundOrder(c) => c.refund(pool, mailer).await,
        Admin::Events(c) => c.run(pool).await,
        Admin::ApiToken(c) => c.run(pool).await,
        Admin::Pool(c) => c.run(pool, mailer).await,
        Admin::CreateStaff(c) => c.run(pool, mailer).await,
        Admin::StaffReset2fa(c) => c.run(pool).await,
        Admin::StaffPasswordLink(c) => c.run(pool, mailer).await,
        Admin::Mail(c) => c.run(pool).await,
        Admin::Renew(c) => c.run(pool, mailer, config).await,
    }
}

const DAY: i64 = 86_400;

/// Runs `command` in a transaction of its own: what it changes and the events it records, or
/// nothing.
async fn in_transaction<F>(pool: &Pool, command: F) -> Result<String>
where
    F: for<'c> FnOnce(&'c mut Conn) -> std::pin::Pin<Box<dyn Future<Output = Result<String>> + Send + 'c>>,
{
    let mut tx = store::begin(pool).await?;
    let out = command(&mut tx).await?;
    tx.commit().await?;
    Ok(out)
}

impl AddProduct {
    async fn run(self, conn: &mut Conn, now: i64) -> Result<String> {
        let new = NewProduct {
            id: &self.id,
            name: &self.name,
            match_policy: catalog::policy(&self.match_policy)?,
            refresh_days: self.refresh_days,
            grace_days: self.grace_days,
            created_at: now,
        };
        catalog::add_product(conn, &Actor::cli(), &new).await?;
        Ok(format!("product {} added", self.id))
    }
}

impl AddEdition {
    async fn run(self, conn: &mut Conn) -> Result<String> {
        let features = catalog::features(&self.features)?;
        catalog::add_edition(conn, &Actor::cli(), &self.product, &self.name, &self.sku, &features).await?;
        Ok(format!("edition {} of {} added (SKU {})", self.name, self.product, self.sku))
    }
}

impl AddCustomer {
    async fn run(self, conn: &mut Conn) -> Result<String> {
        let form = CustomerForm {
            company: &self.company,
            email: &self.email,
            country: &self.country,
            city: &self.city,
            vat_id: self.vat_id.as_deref(),
            first_name: self.first_name.as_deref().unwrap_or_default(),
            last_name: self.last_name.as_deref().unwrap_or_default(),
            manager: self.manager.as_deref().unwrap_or_default(),
            phone: self.phone.as_deref().unwrap_or_default(),
            activation_key: None,
            since: None,
            language: self.language.as_deref(),
        };
        let (_, key) = customers::add_customer(conn, &form).await?;
        // The key is the customer's to see; printing it here is the operator handing it over.
        Ok(format!("customer {} <{}> added; activation key {key}", self.company, Email::normalized(&self.email)))
    }
}

impl AddOrder {
    async fn run(self, pool: &Pool, now: i64) -> Result<String> {
        let reference = OrderRef::parse("reference", &self.reference)?;
        let items = self.items.iter().map(|item| parse_item(item)).collect::<Result<Vec<_>>>()?;
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
        // The order and its lines, or nothing.
        let mut tx = store::begin(pool).await?;
        let customer = customers::by_email(&mut tx, &self.customer_email).await?;
        let form = OrderForm {
            customer_id: &customer,
            reference: &reference,
            currency: &self.currency,
            placed_at: now,
            lines: &lines,
        };
        let (_, total) = orders::add_order(&mut tx, &form).await?;
        tx.commit().await?;
        Ok(format!("order {reference} added: {} item(s), total {total} {} minor units", items.len(), self.currency))
    }
}

impl AddLicense {
    async fn run(self, conn: &mut Conn, now: i64) -> Result<String> {
        let customer = customers::by_email(conn, &self.customer_email).await?;
        let order_id = match &self.order {
            Some(reference) => Some(orders::order_id(conn, &customer, reference).await?),
            None => None,
        };
        let serial = self.serial.as_deref().map_or_else(|| Ok(Serial::generate()), |s| Serial::parse("--serial", s))?;
        let form = LicenseForm {
            customer_id: &customer,
            order_id: order_id.as_ref(),
            product: &self.product,
            edition: &self.edition,
            serial: &serial,
            users: self.users,
            machines: self.machines,
            starts_at: now,
            expires_at: self.term_days.map(|days| now + days * DAY),
            support_years: self.support_years,
        };
        issuing::issue_license(conn, &Actor::cli(), &form).await?;
        Ok(format!(
            "license {serial} added: {} {}, {} user(s) on up to {} machine(s)",
            self.product, self.edition, self.users, self.machines
        ))
    }
}

impl SetStatus {
    async fn run(self, conn: &mut Conn, mailer: Mailer) -> Result<String> {
        let serial = Serial::parse("--serial", &self.serial)?;
        let status = issuing::status(&self.status)?;
        let license =
            issuing::set_status(conn, &mailer, &Actor::cli(), &serial, status, self.reason.as_deref()).await?;
        let reason = license.status_reason.map(|r| format!(" ({r})")).unwrap_or_default();
        Ok(format!("license {serial} is now {}{reason}", self.status))
    }
}

impl AddNews {
    async fn run(self, conn: &mut Conn, now: i64) -> Result<String> {
        let published_at = self.date.as_deref().map_or_else(|| Ok(now), parse_day)?;
        content::add_news(conn, &Actor::cli(), &self.title, &self.body, published_at).await?;
        Ok(format!("news \"{}\" published on {}", self.title.trim(), crate::web::format::iso_date(published_at)))
    }
}

impl AddContract {
    async fn run(self, conn: &mut Conn, now: i64) -> Result<String> {
        let customer = customers::by_email(conn, &self.customer_email).await?;
        let form = ContractForm {
            document_type: &self.document_type,
            subscription: &self.subscription,
            monthly_price: self.monthly_price,
            currency: &self.currency,
            signed_at: self.signed.as_deref().map_or_else(|| Ok(now), parse_day)?,
            year: self.year,
            status: &self.status,
        };
        let c = content::add_contract(conn, &Actor::cli(), &customer, &form).await?;
        Ok(format!(
            "{} for {} added: {} support, {} {} minor units a month, {}",
            c.document_type, c.year, c.subscription_type, c.monthly_price_minor, c.currency, c.status
        ))
    }
}

impl Licenses {
    async fn run(self, pool: &Pool) -> Result<String> {
        let customer = customers::by_email(&mut *store::acquire(pool).await?, &self.customer_email).await?;
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

impl AddPlan {
    async fn run(self, conn: &mut Conn, now: i64) -> Result<String> {
        let currency = orders::currency(&self.currency)?;
        let form = PlanForm {
            product: &self.product,
            edition: &self.edition,
            sku: &self.sku,
            name: self.name.as_deref(),
            term: Term::parse(&self.term).map_err(|e| Error::BadRequest(e.to_string().into()))?,
            unit_price: Money::parse(&self.price, currency).map_err(|e| Error::BadRequest(e.to_string().into()))?,
            machines_per_user: self.machines_per_user,
            support_years: self.support_years,
            trial_days: self.trial_days,
        };
        catalog::add_plan(conn, &Actor::cli(), &form, now).await?;
        Ok(format!("plan {} added: {} {}, {} per user", self.sku.trim(), self.product, self.edition, form.unit_price))
    }
}

impl PlaceOrder {
    async fn run(self, conn: &mut Conn, prefix: String, mailer: Mailer, now: i64) -> Result<String> {
        let customer = customers::by_email(conn, &self.customer_email).await?;
        let lines = self.plans.iter().map(|text| parse_plan_line(text)).collect::<Result<Vec<_>>>()?;
        let form = Placement {
            customer_id: &customer,
            lines: &lines,
            payment_method: PaymentMethod::parse(&self.payment)?,
            placed_at: now,
            prefix: &prefix,
            idempotency_key: None,
        };
        let placed = orders::place_order(conn, &mailer, &Actor::cli(), &form).await?;
        Ok(format!(
            "order {} placed: {} line(s), total {}, awaiting payment by {}",
            placed.reference,
            lines.len(),
            placed.total,
            self.payment
        ))
    }
}

impl RecordPayment {
    async fn run(self, pool: &Pool, mailer: &Mailer, now: i64) -> Result<String> {
        let currency = orders::currency(&self.currency)?;
        let form = PaymentForm {
            reference: &OrderRef::parse("--order", &self.order)?,
            amount: Money::parse(&self.amount, currency).map_err(|e| Error::BadRequest(e.to_string().into()))?,
            paid_at: self.paid_on.as_deref().map_or(Ok(now), parse_day)?,
            method: self.method.as_deref().map(PaymentMethod::parse).transpose()?,
            bank_reference: self.bank_reference.as_deref(),
            idempotency_key: None,
        };
        let recorded = payments::record_payment(pool, mailer, &Actor::cli(), &form).await.map_err(|e| match e {
            Error::NotFound => Error::BadRequest(format!("no order has reference {}", form.reference).into()),
            other => other,
        })?;
        let mut out = if recorded.first_time {
            format!("order {} paid: {}", recorded.order.reference, form.amount)
        } else {
            format!("the payment of order {} was recorded already; nothing changed", recorded.order.reference)
        };
        for license in &recorded.licenses {
            out.push_str(&format!(
                "\nlicense {}\t{} {}\t{} users\t{} machines\t{} to {}",
                license.serial,
                license.product_id,
                license.edition,
                license.users,
                license.max_machines,
                format_day(license.issued_at),
                license.expires_at.map_or_else(|| "perpetual".to_owned(), format_day),
            ));
        }
        Ok(out)
    }
}

impl Events {
    async fn run(self, pool: &Pool) -> Result<String> {
        let customer = match &self.customer_email {
            Some(email) => Some(customers::by_email(&mut *store::acquire(pool).await?, email).await?),
            None => None,
        };
        let filter = store::events::Filter {
            customer_id: customer.as_ref().map(|c| c.as_str()),
            kind: self.kind.as_deref().map(EventKind::parse).transpose()?,
            since: self.since.as_deref().map(parse_day).transpose()?,
            ..store::events::Filter::default()
        };
        let page = store::events::page(pool, &filter, Some(self.page)).await?;
        let mut out = format!("page {} of {}", page.at.page, page.at.pages);
        for event in page.rows {
            let at = chrono::DateTime::from_timestamp(event.at, 0)
                .map_or_else(|| event.at.to_string(), |t| t.format("%Y-%m-%d %H:%M:%S").to_string());
            out.push_str(&format!(
                "\n{at}\t{}\t{}\t{}\t{}",
                event.actor,
                event.kind,
                event.subject,
                event.after_state.unwrap_or_default()
            ));
        }
        Ok(out)
    }
}

/// A plan line as typed: `SKU:USERS`.
fn parse_plan_line(text: &str) -> Result<PlanLine> {
    let bad = || Error::BadRequest(format!("'{text}' is not SKU:USERS (users 1 to 1,000,000)").into());
    let (sku, users) = text.rsplit_once(':').ok_or_else(bad)?;
    let quantity: i64 = users.trim().parse().ok().filter(|q| (1..=1_000_000).contains(q)).ok_or_else(bad)?;
    Ok(PlanLine { sku: sku.trim().to_owned(), quantity })
}

/// Adds an account for a customer's person, mails them the link to set their password and
/// returns a line with the link (for the vendor to pass on when mail does not arrive).
pub async fn add_user(pool: &Pool, mailer: &Mailer, customer_email: &str, email: &str) -> Result<String> {
    let customer = customers::by_email(&mut *store::acquire(pool).await?, customer_email).await?;
    let user = accounts::add_user(pool, &customer, email).await?;
    let token = accounts::create_reset(pool, &user, accounts::INVITE_SECONDS).await?;
    let email = Email::normalized(email);
    let english = tessera_i18n::Localizer::new(tessera_i18n::Language::En);
    accounts::mail_link(pool, mailer, english.language(), &email, &token, true).await?;
    let link = mailer.link(&format!("/password/reset/{token}"));
    Ok(format!("user {email} added; invitation mailed. Link to set the password (valid 7 days, once): {link}"))
}

/// `admin renew`: one renewal round, for today or the day given.
impl Renew {
    async fn run(self, pool: &Pool, mailer: &Mailer, config: &Config) -> Result<String> {
        let today = match self.today.as_deref() {
            Some(text) => chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .map_err(|_| Error::BadRequest(format!("--today: '{text}' is not a day like 2027-03-01").into()))?,
            None => chrono::Utc::now().date_naive(),
        };
        let settings = renewals::Settings::from(config);
        // Cards are charged through Stripe when it is set up; the demo's test cards live in
        // the serving portal only.
        let (provider, _) = crate::startup::payment_provider(config, &mailer.link(""))?;
        let round = renewals::run(pool, mailer, today, &config.order_prefix, settings, provider.as_deref()).await?;
        Ok(format!(
            "{today}: {} renewed, {} invoiced ahead, {} ended, {} charged to a card, {} cards declined, {} past due, {} suspended, {} failed (see the log)",
            round.renewed,
            round.invoiced_ahead,
            round.ended,
            round.charged,
            round.declined,
            round.past_due,
            round.suspended,
            round.failed
        ))
    }
}

/// A day written `YYYY-MM-DD`, as Unix seconds at midnight UTC.
fn parse_day(text: &str) -> Result<i64> {
    crate::domain::day::midnight(text)
        .ok_or_else(|| Error::BadRequest(format!("'{text}' is not a day like 2025-03-01").into()))
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
        ).into())
    };
    let sku = parts.next().filter(|s| !s.is_empty()).ok_or_else(bad)?.to_owned();
    let quantity: i64 =
        parts.next().and_then(|q| q.parse().ok()).filter(|q| (1..=1_000_000).contains(q)).ok_or_else(bad)?;
    let unit_price: i64 =
        parts.next().and_then(|p| p.parse().ok()).filter(|p| (0..=1_000_000_000_000).contains(p)).ok_or_else(bad)?;
    let description = parts.next().unwrap_or(&sku).to_owned();
    Ok(Item { sku, quantity, unit_price, description })
}
