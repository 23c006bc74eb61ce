//! Demo data is seeded in one transaction: a start interrupted while seeding leaves none of it,
//! and seeding again finds all of it and adds nothing. On SQLite and PostgreSQL.

mod common;

use common::{Db, TestPortal};
use tessera_portal::demo;

const TABLES: [&str; 8] =
    ["products", "editions", "customers", "orders", "licenses", "support_terms", "news", "registrations"];

async fn counts(portal: &TestPortal, tables: &[&'static str]) -> Vec<(&'static str, i64)> {
    let mut counts = Vec::new();
    for &table in tables {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        counts.push((table, sqlx::query_scalar(&sql).fetch_one(&portal.pool).await.expect("count")));
    }
    counts
}

async fn seeding_twice_adds_nothing_the_second_time(db: Db) {
    let Some(portal) = TestPortal::spawn_unseeded(db).await else { return };
    let first = demo::seed(&portal.pool).await.expect("first seeding");
    let after_first = counts(&portal, &TABLES).await;

    let second = demo::seed(&portal.pool).await.expect("second seeding");

    assert!(after_first.iter().all(|(_, n)| *n > 0), "the demo fills every table: {after_first:?}");
    assert_eq!(counts(&portal, &TABLES).await, after_first, "{db:?}: a second seeding adds nothing");
    let keys = |seeded: &demo::Seeded| seeded.customers.iter().map(|c| c.activation_key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&second), keys(&first), "{db:?}: both report the same demo credentials");
}

/// The last step of seeding (the registration key) fails, as a kill during seeding would stop
/// it: nothing of the earlier steps may stay behind.
async fn a_seeding_stopped_at_its_last_step_leaves_no_demo_data(db: Db) {
    let Some(portal) = TestPortal::spawn_unseeded(db).await else { return };
    sqlx::query("DROP TABLE registrations").execute(&portal.pool).await.expect("drop the last step's table");

    let outcome = demo::seed(&portal.pool).await;

    assert!(outcome.is_err(), "{db:?}: seeding fails at its last step");
    let left: Vec<_> =
        counts(&portal, &TABLES[..TABLES.len() - 1]).await.into_iter().filter(|(_, n)| *n != 0).collect();
    assert!(left.is_empty(), "{db:?}: an interrupted seeding left partial demo data: {left:?}");
}

#[tokio::test]
async fn seeding_twice_adds_nothing_the_second_time_on_sqlite() {
    seeding_twice_adds_nothing_the_second_time(Db::Sqlite).await;
}

#[tokio::test]
async fn seeding_twice_adds_nothing_the_second_time_on_postgres() {
    seeding_twice_adds_nothing_the_second_time(Db::Postgres).await;
}

#[tokio::test]
async fn a_seeding_stopped_at_its_last_step_leaves_no_demo_data_on_sqlite() {
    a_seeding_stopped_at_its_last_step_leaves_no_demo_data(Db::Sqlite).await;
}

#[tokio::test]
async fn a_seeding_stopped_at_its_last_step_leaves_no_demo_data_on_postgres() {
    a_seeding_stopped_at_its_last_step_leaves_no_demo_data(Db::Postgres).await;
}

/// The demo's commerce: plans on sale, Northwind's order paid by bank transfer (its license
/// issued), Contoso's awaiting payment (its key answers NOT_PAID for that product); both with
/// invoices, through the services; seeding again places nothing.
async fn the_demo_sells_through_the_order_and_payment_services(db: Db) {
    // Its renewal round is the one it makes below: the serving portal's first round, at start,
    // would otherwise race the seeding and find the unpaid subscription first.
    let Some(portal) = TestPortal::spawn_with(db, |config| config.renewal_rounds = false).await else { return };
    let mailer = tessera_portal::mail::Mailer::from_config(&portal.config).with_public_url(&portal.url);

    let test_mode = tessera_portal::payments::test_mode::TestMode::new(&portal.url);
    let cards = demo::DemoCards { test_mode: &test_mode, public_url: &portal.url };
    let placed = demo::seed_commerce(&portal.pool, &mailer, "JWT", Some(cards)).await.expect("commerce");
    let again = demo::seed_commerce(&portal.pool, &mailer, "JWT", None).await.expect("again");

    assert_eq!(placed, vec!["JWT1001".to_owned(), "JWT1002".to_owned()], "{db:?}");
    assert!(again.is_empty(), "{db:?}: seeding again places nothing");
    let statuses: Vec<(String, String)> = sqlx::query_as(
        "SELECT reference, status FROM orders WHERE reference IN ('JWT1001', 'JWT1002') ORDER BY reference",
    )
    .fetch_all(&portal.pool)
    .await
    .expect("orders");
    assert_eq!(
        statuses,
        vec![("JWT1001".into(), "paid".into()), ("JWT1002".into(), "awaiting_payment".into())],
        "{db:?}"
    );
    let issued: (String, i64) = sqlx::query_as(
        "SELECT l.edition, l.users FROM licenses l JOIN orders o ON o.id = l.order_id WHERE o.reference = 'JWT1001'",
    )
    .fetch_one(&portal.pool)
    .await
    .expect("Northwind's new license");
    assert_eq!(issued, ("Enterprise".into(), 2), "{db:?}");
    let counts: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM invoices WHERE kind = 'invoice'), (SELECT COUNT(*) FROM orders WHERE reference IN ('JWT1001', 'JWT1002') OR subscription_id IS NOT NULL \
         OR customer_id = (SELECT id FROM customers WHERE email = 'orders@lumen.example'))",
    )
    .fetch_one(&portal.pool)
    .await
    .expect("invoices");
    assert_eq!(counts.0, counts.1, "{db:?}: each order has its invoice");
    // Contoso's subscriptions: a trial, four charged for their first period (one by card), one cancelled.
    let subscriptions: Vec<(String, String)> = sqlx::query_as(
        "SELECT pl.sku, s.status FROM subscriptions s JOIN plans pl ON pl.id = s.period_plan_id ORDER BY s.created_at, s.id",
    )
    .fetch_all(&portal.pool)
    .await
    .expect("subscriptions");
    let mut subscriptions = subscriptions;
    subscriptions.sort();
    assert_eq!(
        subscriptions,
        [
            ("LED-ENT-1M".to_owned(), "active".to_owned()),
            ("LED-ENT-1M".to_owned(), "cancelling".to_owned()),
            ("LED-ENT-1Y".to_owned(), "active".to_owned()),
            ("LED-STD-1M".to_owned(), "trialing".to_owned()),
            ("PAY-PRO-1M".to_owned(), "active".to_owned()),
            ("PAY-PRO-1Y".to_owned(), "active".to_owned()),
        ],
        "{db:?}"
    );
    let charged: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE subscription_id IS NOT NULL")
        .fetch_one(&portal.pool)
        .await
        .expect("charges");
    assert_eq!(charged, 5, "{db:?}: a first period each, the trial none");
    let paid: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE subscription_id IS NOT NULL AND status = 'paid'")
            .fetch_one(&portal.pool)
            .await
            .expect("paid");
    assert_eq!(paid, 3, "{db:?}: the monthly, the annual and the cancelled one paid by bank transfer");
    // Contoso's test-mode Visa, kept through the provider's page; the subscription it pays.
    let card: (String, String, i64) =
        sqlx::query_as("SELECT provider, last4, default_since FROM cards c JOIN customers cu ON cu.id = c.customer_id WHERE cu.email = 'it@contoso.example'")
            .fetch_one(&portal.pool)
            .await
            .expect("Contoso's card");
    assert_eq!((card.0.as_str(), card.1.as_str()), ("test", "4242"), "{db:?}");
    assert!(card.2 > 0, "{db:?}: the default card");
    let by_card: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM subscriptions WHERE payment_method = 'card'")
        .fetch_one(&portal.pool)
        .await
        .expect("card subscriptions");
    assert_eq!(by_card, 1, "{db:?}");

    // The first renewal round (by bank transfer: `admin renew` here takes no cards): the unpaid
    // one is past due, the paid ones stay active.
    let today = chrono::Utc::now().date_naive().to_string();
    common::admin::ok(&portal, &["renew", "--today", &today]).await;
    let past_due: Vec<String> = sqlx::query_scalar(
        "SELECT pl.sku FROM subscriptions s JOIN plans pl ON pl.id = s.period_plan_id WHERE s.status = 'past_due' AND s.payment_method = 'bank_transfer'",
    )
    .fetch_all(&portal.pool)
    .await
    .expect("past due");
    assert_eq!(past_due, ["PAY-PRO-1Y"], "{db:?}");

    company_and_partners(&portal, db).await;
}

/// The demo's company administration (Northwind: two registered users, one bound, one invited)
/// and partner channel (a partner, two resellers, clients of every colour, a ledger that sums, a
/// client that is a customer company with its seats).
async fn company_and_partners(portal: &TestPortal, db: Db) {
    let users: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT u.email, u.role, CASE WHEN u.password_hash IS NULL THEN 0 ELSE 1 END FROM customer_users u JOIN customers c ON c.id = u.customer_id \
         WHERE c.email = 'demo@northwind.example' AND u.role = 'user' ORDER BY u.email",
    )
    .fetch_all(&portal.pool)
    .await
    .expect("Northwind's users");
    let expected = [
        ("anna.petrova@northwind.example", true),
        ("ben.martin@northwind.example", true),
        ("chloe.roux@northwind.example", false),
    ];
    let found: Vec<(&str, bool)> =
        users.iter().map(|(email, _, registered)| (email.as_str(), *registered == 1)).collect();
    assert_eq!(found, expected, "{db:?}: two registered, one invited");
    let bound: Vec<(String, String)> = sqlx::query_as(
        "SELECT l.serial, u.email FROM seats s JOIN licenses l ON l.id = s.license_id JOIN customer_users u ON u.id = s.user_id \
         ORDER BY u.email",
    )
    .fetch_all(&portal.pool)
    .await
    .expect("bound seats");
    let emails: Vec<&str> = bound.iter().map(|(_, email)| email.as_str()).collect();
    assert_eq!(emails, ["anna.petrova@northwind.example", "it@litware.example"], "{db:?}");
    assert_eq!(bound[0].0, "P30", "{db:?}");
    // Litware Labs, a reseller's client, is a customer company: its two terms are its seats.
    let litware: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT l.users, (SELECT COUNT(*) FROM seats s WHERE s.license_id = l.id) FROM licenses l \
         JOIN organisations o ON o.customer_id = l.customer_id \
         WHERE o.name = 'Litware Labs' AND l.client_term_id IS NOT NULL ORDER BY l.issued_at",
    )
    .fetch_all(&portal.pool)
    .await
    .expect("Litware's licenses");
    assert_eq!(litware, [(3, 3), (3, 3)], "{db:?}: a license of 3 seats per term");

    let organisations: Vec<(String, i64)> =
        sqlx::query_as("SELECT kind, COUNT(*) FROM organisations GROUP BY kind ORDER BY kind")
            .fetch_all(&portal.pool)
            .await
            .expect("organisations");
    assert_eq!(organisations, [("client".to_owned(), 6), ("partner".to_owned(), 1), ("reseller".to_owned(), 2)]);
    let unbalanced: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM license_pools p WHERE p.balance <> (SELECT COALESCE(SUM(amount), 0) FROM pool_ledger l WHERE l.pool_id = p.id)",
    )
    .fetch_one(&portal.pool)
    .await
    .expect("pools");
    assert_eq!(unbalanced, 0, "{db:?}: every pool is the sum of its ledger");
    let partner: String = sqlx::query_scalar("SELECT id FROM organisations WHERE kind = 'partner'")
        .fetch_one(&portal.pool)
        .await
        .expect("the partner");
    let today = chrono::Utc::now().date_naive();
    let lines =
        tessera_portal::services::partner_clients::clients(&portal.pool, &partner, today).await.expect("clients");
    let mut words: Vec<&str> = lines.iter().filter_map(|l| l.standing).map(|s| s.as_str()).collect();
    words.sort_unstable();
    words.dedup();
    assert_eq!(words, ["active", "ended", "ending", "not-started", "renewed"], "{db:?}: every colour");
    let people: Vec<(String, String)> = sqlx::query_as(
        "SELECT s.email, o.kind FROM partner_staff s JOIN organisations o ON o.id = s.organisation_id ORDER BY s.email",
    )
    .fetch_all(&portal.pool)
    .await
    .expect("partner people");
    assert_eq!(
        people,
        [
            ("jonas.weber@lumen.example".to_owned(), "partner".to_owned()),
            ("sales@alpine.example".to_owned(), "reseller".to_owned())
        ],
        "{db:?}: who signs in to the partner console"
    );
}

#[tokio::test]
async fn the_demo_sells_through_the_order_and_payment_services_on_sqlite() {
    the_demo_sells_through_the_order_and_payment_services(Db::Sqlite).await;
}

#[tokio::test]
async fn the_demo_sells_through_the_order_and_payment_services_on_postgres() {
    the_demo_sells_through_the_order_and_payment_services(Db::Postgres).await;
}
