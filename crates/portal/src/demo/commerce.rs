//! The demo's commerce, beside its history: plans on sale, an order of Northwind's paid by bank
//! transfer (its license issued, its term from the payment's day) and one of Contoso's awaiting
//! its payment — placed and paid through the order and payment services, so they have their
//! invoices, events and mails (into the outbox) like any other; and Contoso's subscriptions (a
//! trial, a monthly and an annual one, one cancelled, one unpaid — past due once the renewal
//! round has run —, and one paid by a test-mode card kept
//! through the provider's own page), started through the subscription service. Seeded once,
//! by `serve --demo`.

use crate::domain::{Actor, Money, PaymentMethod, Term};
use crate::error::Result;
use crate::mail::Mailer;
use crate::payments::test_mode::TestMode;
use crate::services::cards;
use crate::services::catalog::{self, PlanForm};
use crate::services::orders::{self, Placement, PlanLine};
use crate::services::payments::{self, PaymentForm};
use crate::services::subscriptions::{self, ChangeForm, Request, StartForm};
use crate::store::{self, Pool};

/// The demo's test-mode cards, to keep one for Contoso: the provider and the portal's address.
#[derive(Debug)]
pub struct DemoCards<'a> {
    pub test_mode: &'a TestMode,
    pub public_url: &'a str,
}

/// The plans the demo sells: product, edition, SKU, months, price per user for them, trial days.
const PLANS: [(&str, &str, &str, u32, &str, i64); 6] = [
    ("acme-ledger", "Standard", "LED-STD-1Y", 12, "299.25", 0),
    ("acme-ledger", "Enterprise", "LED-ENT-1Y", 12, "480.00", 0),
    ("acme-payroll", "Professional", "PAY-PRO-1Y", 12, "190.50", 0),
    ("acme-ledger", "Standard", "LED-STD-1M", 1, "27.50", 30),
    ("acme-ledger", "Enterprise", "LED-ENT-1M", 1, "44.00", 30),
    ("acme-payroll", "Professional", "PAY-PRO-1M", 1, "17.90", 14),
];

/// Contoso's subscriptions: SKU, users, a trial, cancelled, its first period paid (by bank
/// transfer). The one left unpaid is past due after the first renewal round.
const SUBSCRIPTIONS: [(&str, i64, bool, bool, bool); 5] = [
    ("LED-STD-1M", 3, true, false, false),
    ("PAY-PRO-1M", 4, false, false, true),
    ("LED-ENT-1Y", 2, false, false, true),
    ("LED-ENT-1M", 1, false, true, true),
    ("PAY-PRO-1Y", 2, false, false, false),
];

/// The orders the demo places: customer, SKU, users, paid or awaiting payment.
const ORDERS: [(&str, &str, i64, bool); 2] =
    [("demo@northwind.example", "LED-ENT-1Y", 2, true), ("it@contoso.example", "LED-STD-1Y", 2, false)];

/// Seeds the plans and orders unless the plans exist already; the references it placed.
pub async fn seed(pool: &Pool, mailer: &Mailer, prefix: &str, cards: Option<DemoCards<'_>>) -> Result<Vec<String>> {
    let actor = Actor::system();
    let mut tx = store::begin(pool).await?;
    if store::catalog::plan_by_sku(&mut tx, PLANS[0].2).await?.is_some() {
        return Ok(Vec::new());
    }
    let now = store::now();
    for (product, edition, sku, months, price, trial_days) in PLANS {
        let form = PlanForm {
            product,
            edition,
            sku,
            name: None,
            term: Term::Months(months),
            unit_price: Money::parse(price, orders::currency("EUR")?)
                .map_err(|e| crate::Error::Internal(format!("demo price {price}: {e}")))?,
            machines_per_user: 1,
            support_years: if months == 12 { 1 } else { 0 },
            trial_days,
        };
        catalog::add_plan(&mut tx, &actor, &form, now).await?;
    }
    tx.commit().await?;
    let mut placed = Vec::new();
    for (email, sku, users, paid) in ORDERS {
        let mut conn = store::acquire(pool).await?;
        let customer = crate::services::customers::by_email(&mut conn, email).await?;
        drop(conn);
        let lines = [PlanLine { sku: sku.into(), quantity: users }];
        let placement = Placement {
            customer_id: &customer,
            lines: &lines,
            payment_method: PaymentMethod::BankTransfer,
            placed_at: now,
            prefix,
            idempotency_key: None,
        };
        let order = orders::place(pool, mailer, &actor, &placement).await?;
        if paid {
            let form = PaymentForm {
                reference: &order.reference,
                amount: order.total,
                paid_at: now,
                method: None,
                bank_reference: Some("DEMO-TRANSFER-1"),
                idempotency_key: None,
            };
            payments::record_payment(pool, mailer, &actor, &form).await?;
        }
        placed.push(order.reference.to_string());
    }
    subscribe(pool, mailer, prefix).await?;
    super::company::seed(pool, mailer).await?;
    super::partners::seed(pool, mailer, prefix).await?;
    if let Some(cards) = cards {
        by_card(pool, mailer, prefix, &cards).await?;
    }
    Ok(placed)
}

/// Keeps a test-mode Visa for Contoso, typed on the provider's page as a customer would, and
/// starts a subscription paid by it: the renewal round charges its first period.
async fn by_card(pool: &Pool, mailer: &Mailer, prefix: &str, demo: &DemoCards<'_>) -> Result<()> {
    use chrono::Datelike as _;
    let mut conn = store::acquire(pool).await?;
    let customer = crate::services::customers::by_email(&mut conn, "it@contoso.example").await?;
    drop(conn);
    let today = chrono::Utc::now().date_naive();
    let page = cards::add(pool, demo.test_mode, &customer, demo.public_url).await?;
    let session = page.rsplit('/').next().unwrap_or_default();
    demo.test_mode
        .complete(session, "4242 4242 4242 4242", 12, i64::from(today.year()) + 3, today)
        .map_err(|message| crate::Error::Internal(format!("demo card: {message}")))?;
    cards::added(pool, demo.test_mode, Some(&customer), session).await?;
    let form = StartForm {
        customer_id: &customer,
        sku: "LED-ENT-1M",
        quantity: 2,
        trial: false,
        payment_method: PaymentMethod::Card,
        today,
        prefix,
    };
    subscriptions::start(pool, mailer, &Actor::system(), &form).await?;
    Ok(())
}

/// Starts Contoso's subscriptions, pays the first periods to show paid, and cancels the one to
/// show cancelled.
async fn subscribe(pool: &Pool, mailer: &Mailer, prefix: &str) -> Result<()> {
    let actor = Actor::system();
    let mut conn = store::acquire(pool).await?;
    let customer = crate::services::customers::by_email(&mut conn, "it@contoso.example").await?;
    drop(conn);
    let today = chrono::Utc::now().date_naive();
    for (sku, quantity, trial, cancelled, paid) in SUBSCRIPTIONS {
        let form = StartForm {
            customer_id: &customer,
            sku,
            quantity,
            trial,
            payment_method: PaymentMethod::BankTransfer,
            today,
            prefix,
        };
        let started = subscriptions::start(pool, mailer, &actor, &form).await?;
        if let Some(order) = started.charge.as_ref().filter(|_| paid) {
            let bank_reference = format!("DEMO-TRANSFER-{}", order.reference);
            let form = PaymentForm {
                reference: &order.reference,
                amount: order.total,
                paid_at: store::now(),
                method: None,
                bank_reference: Some(&bank_reference),
                idempotency_key: None,
            };
            payments::record_payment(pool, mailer, &actor, &form).await?;
        }
        if cancelled {
            let change = ChangeForm { request: &Request::Cancel, today, version: None, prefix, provider: None };
            subscriptions::change(pool, mailer, &actor, &started.id, &change).await?;
        }
    }
    Ok(())
}
