//! The demo's commerce, beside its history: plans on sale, an order of Northwind's paid by bank
//! transfer (its license issued, its term from the payment's day) and one of Contoso's awaiting
//! its payment — placed and paid through the order and payment services, so they have their
//! invoices, events and mails (into the outbox) like any other. Seeded once, by `serve --demo`.

use crate::domain::{Actor, Money, PaymentMethod, Term};
use crate::error::Result;
use crate::mail::Mailer;
use crate::services::catalog::{self, PlanForm};
use crate::services::orders::{self, Placement, PlanLine};
use crate::services::payments::{self, PaymentForm};
use crate::store::{self, Pool};

/// The plans the demo sells: product, edition, SKU, price per user for a year.
const PLANS: [(&str, &str, &str, &str); 3] = [
    ("acme-ledger", "Standard", "LED-STD-1Y", "299.25"),
    ("acme-ledger", "Enterprise", "LED-ENT-1Y", "480.00"),
    ("acme-payroll", "Professional", "PAY-PRO-1Y", "190.50"),
];

/// The orders the demo places: customer, SKU, users, paid or awaiting payment.
const ORDERS: [(&str, &str, i64, bool); 2] =
    [("demo@northwind.example", "LED-ENT-1Y", 2, true), ("it@contoso.example", "LED-STD-1Y", 2, false)];

/// Seeds the plans and orders unless the plans exist already; the references it placed.
pub async fn seed(pool: &Pool, mailer: &Mailer, prefix: &str) -> Result<Vec<String>> {
    let actor = Actor::system();
    let mut tx = store::begin(pool).await?;
    if store::catalog::plan_by_sku(&mut tx, PLANS[0].2).await?.is_some() {
        return Ok(Vec::new());
    }
    let now = store::now();
    for (product, edition, sku, price) in PLANS {
        let form = PlanForm {
            product,
            edition,
            sku,
            name: None,
            term: Term::Months(12),
            unit_price: Money::parse(price, orders::currency("EUR")?)
                .map_err(|e| crate::Error::Internal(format!("demo price {price}: {e}")))?,
            machines_per_user: 1,
            support_years: 1,
            trial_days: 0,
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
    Ok(placed)
}
