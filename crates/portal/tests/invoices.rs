//! Invoices and credit notes: an order placed gets its invoice, numbered without gaps per year
//! even when orders are placed at once; the customer reads their own (another customer's is
//! "not found") as a printable page with the vendor's and bank details; what it says never
//! changes; cancelling issues a credit note for the whole invoice.

mod common;

use common::admin::ok;
use common::web::Visitor;
use reqwest::StatusCode;
use tessera_portal::domain::{Actor, CustomerId, PaymentMethod};
use tessera_portal::mail::Mailer;
use tessera_portal::services::orders::{self, Placement, PlanLine};

const VENDOR: &str = "Acme Software Ltd\n1 Vitosha Blvd, Sofia\nVAT BG123456789";
const BANK: &str = "Acme Software Ltd, IBAN BG80 BNBG 9661 1020 3456 78";

/// The buyer's paragraph of an invoice page, markup and all.
fn buyer(page: &common::web::Page) -> String {
    let start = page.body.find(r#"id="buyer""#).expect("a buyer");
    page.body[start..].split("</p>").next().expect("its end").to_owned()
}

async fn run(db: common::Db) {
    let Some(portal) = common::TestPortal::spawn_with(db, |config| {
        config.vendor_details = Some(VENDOR.into());
        config.bank_details = Some(BANK.into());
    })
    .await
    else {
        return;
    };
    // Arrange: a plan; Contoso places an order.
    ok(
        &portal,
        &["add-plan", "--product", "acme-ledger", "--edition", "Standard", "--sku", "LED-STD-1Y", "--price", "299.25"],
    )
    .await;
    let placed =
        ok(&portal, &["place-order", "--customer-email", "it@contoso.example", "--plan", "LED-STD-1Y:2"]).await;
    let reference = placed.strip_prefix("order ").and_then(|r| r.split(' ').next()).expect("reference").to_owned();
    let year = chrono::Utc::now().format("%Y").to_string();
    let first = format!("INV-{year}-0001");

    // The customer's order lists its invoice; the invoice is the printable page of what was sold.
    let mut contoso = Visitor::signed_in(&portal.url, "it@contoso.example", &reference).await;
    let order = contoso.get(&format!("/orders/{reference}")).await;
    assert!(order.body.contains(&format!(r#"href="/invoices/{first}""#)), "{:.3000}", order.body);
    let invoice = contoso.get(&format!("/invoices/{first}")).await;
    assert_eq!(invoice.status, StatusCode::OK);
    assert_eq!(invoice.text_of("invoice-title"), Some(format!("Invoice {first}")));
    assert_eq!(invoice.text_of("invoice-total").as_deref(), Some("€598.50"));
    let seller = invoice.body.split(r#"id="seller""#).nth(1).expect("seller");
    assert!(seller.contains("Acme Software Ltd") && seller.contains("VAT BG123456789"), "{seller:.400}");
    assert!(buyer(&invoice).contains("Contoso Pharmacy") && buyer(&invoice).contains("Torino"), "{}", buyer(&invoice));
    let payment = invoice.text_of("invoice-payment").expect("how to pay");
    assert!(payment.contains("IBAN BG80") && payment.contains(&reference), "{payment}");
    assert!(invoice.body.contains("€299.25"), "the price per user");

    // Another customer, and a made-up number: not found alike. Staff see it; customers not there.
    let mut northwind = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;
    assert_eq!(northwind.get(&format!("/invoices/{first}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(northwind.get(&format!("/invoices/INV-{year}-9999")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(contoso.get(&format!("/admin/invoices/{first}")).await.location.as_deref(), Some("/admin/login"));

    // What it says never changes: the customer moves, the invoice keeps the address it was issued to.
    sqlx::query("UPDATE customers SET city = 'Milano' WHERE email = 'it@contoso.example'")
        .execute(&portal.pool)
        .await
        .expect("moved");
    let again = contoso.get(&format!("/invoices/{first}")).await;
    assert!(buyer(&again).contains("Torino") && !buyer(&again).contains("Milano"), "{}", buyer(&again));

    // Eight orders placed at once take the next eight numbers, none skipped or shared.
    let mailer = Mailer::from_config(&portal.config).with_public_url(&portal.url);
    let customer: String = sqlx::query_scalar("SELECT id FROM customers WHERE email = 'it@contoso.example'")
        .fetch_one(&portal.pool)
        .await
        .expect("customer");
    let customer = CustomerId::new(customer);
    let lines = [PlanLine { sku: "LED-STD-1Y".into(), quantity: 1 }];
    let placements = (0..8).map(|_| {
        let (pool, mailer, customer, lines) = (portal.pool.clone(), mailer.clone(), customer.clone(), lines.clone());
        tokio::spawn(async move {
            let form = Placement {
                customer_id: &customer,
                lines: &lines,
                payment_method: PaymentMethod::BankTransfer,
                placed_at: tessera_portal::store::now(),
                prefix: "JWT",
                idempotency_key: None,
            };
            orders::place(&pool, &mailer, &Actor::cli(), &form).await.expect("placed")
        })
    });
    for placement in placements.collect::<Vec<_>>() {
        placement.await.expect("joined");
    }
    let mut numbers: Vec<String> = sqlx::query_scalar("SELECT number FROM invoices WHERE kind = 'invoice'")
        .fetch_all(&portal.pool)
        .await
        .expect("numbers");
    numbers.sort();
    let expected: Vec<String> = (1..=9).map(|n| format!("INV-{year}-{n:04}")).collect();
    assert_eq!(numbers, expected, "an unbroken sequence");

    // Cancelling the first order issues a credit note for the whole invoice, with the reason.
    ok(&portal, &["cancel-order", "--order", &reference, "--reason", "Ordered twice"]).await;
    let credit = format!("CN-{year}-0001");
    let order = contoso.get(&format!("/orders/{reference}")).await;
    assert!(order.body.contains(&format!(r#"href="/invoices/{credit}""#)), "the order lists its credit note");
    let note = contoso.get(&format!("/invoices/{credit}")).await;
    assert_eq!(note.text_of("invoice-title"), Some(format!("Credit note {credit}")));
    assert_eq!(note.text_of("invoice-total").as_deref(), Some("-€598.50"));
    assert_eq!(note.text_of("invoice-corrects"), Some(first.clone()));
    assert!(note.text_of("invoice-reason").is_some_and(|r| r.contains("Ordered twice")));
    assert!(note.text_of("invoice-payment").is_none(), "a credit note asks for no transfer");
    let unchanged = contoso.get(&format!("/invoices/{first}")).await;
    assert_eq!(unchanged.text_of("invoice-total").as_deref(), Some("€598.50"), "the invoice itself is untouched");
    let events = ok(&portal, &["events", "--kind", "order_cancelled"]).await;
    assert!(events.contains(&credit), "the event names the credit note: {events}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn invoices_on_sqlite() {
    run(common::Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn invoices_on_postgres() {
    run(common::Db::Postgres).await;
}
