//! Partner and reseller pools on both databases (#13 Part B, BILLING.md): grants from a paid
//! order, transfers to a reseller, clients created and renewed out of the acting pool, a term
//! cancelled before it starts; the ledger always sums to the balance; a reseller never sees
//! another's client; 50 renewals at once against a pool that pays for 10: exactly 10 happen.

mod common;

use chrono::NaiveDate;
use tessera_billing::PoolStanding;
use tessera_portal::domain::Actor;
use tessera_portal::error::Error;
use tessera_portal::services::partner_clients::{self, NewClient, Renewal};
use tessera_portal::services::pools;
use tessera_portal::store::Pool;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Each pool's balance and the sum of its ledger rows.
async fn balances_and_ledgers(pool: &Pool) -> Vec<(String, i64, i64)> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT id, balance FROM license_pools ORDER BY id").fetch_all(pool).await.expect("pools");
    let mut out = Vec::new();
    for (id, balance) in rows {
        let sum: Option<i64> =
            sqlx::query_scalar("SELECT CAST(SUM(amount) AS BIGINT) FROM pool_ledger WHERE pool_id = $1")
                .bind(&id)
                .fetch_one(pool)
                .await
                .expect("ledger sum");
        out.push((id, balance, sum.unwrap_or(0)));
    }
    out
}

async fn assert_ledgers_sum_to_balances(pool: &Pool) {
    for (id, balance, sum) in balances_and_ledgers(pool).await {
        assert_eq!(sum, balance, "pool {id}: the ledger sums to the balance");
    }
}

async fn balance(pool: &Pool, organisation: &str) -> i64 {
    pools::balances(pool, organisation).await.expect("balances").iter().map(|p| p.balance).sum()
}

fn new_client(name: &str, users: u32, years: u32) -> NewClient<'_> {
    NewClient { name, product: "acme-ledger", users, years, starts_on: None }
}

on_both_databases!(
    pools_pay_for_terms_and_their_ledger_sums_to_their_balance,
    |portal: common::TestPortal| async move {
        let db = &portal.pool;
        let vendor = Actor::cli();
        let today = day(2027, 3, 15);
        let partner = pools::create_partner(db, "Contoso Partners").await.expect("partner");
        let north = pools::create_reseller(db, &partner, "North Reseller").await.expect("reseller");
        let south = pools::create_reseller(db, &partner, "South Reseller").await.expect("reseller");

        // Granted from a paid order, once.
        let granted = pools::grant(db, &vendor, &partner, "JWT19", "acme-ledger", 100).await.expect("grant");
        assert_eq!(granted.balance, 100);
        let again = pools::grant(db, &vendor, &partner, "JWT19", "acme-ledger", 100).await.expect_err("twice");
        assert_eq!(again.code(), "BAD_REQUEST", "{again}");
        let reseller_grant =
            pools::grant(db, &vendor, &north, "JWT18", "acme-ledger", 5).await.expect_err("a reseller");
        assert_eq!(reseller_grant.code(), "BAD_REQUEST", "grants go to partners: {reseller_grant}");

        // Transferred to a reseller; never more than the partner holds.
        pools::transfer(db, &vendor, &partner, &north, "acme-ledger", 30).await.expect("transfer");
        let over = pools::transfer(db, &vendor, &partner, &south, "acme-ledger", 71).await.expect_err("over");
        assert!(matches!(over, Error::InsufficientLicenses(71)), "{over}");
        assert_eq!(over.status(), 409);
        assert_eq!((balance(db, &partner).await, balance(db, &north).await), (70, 30));

        // A reseller's client: 5 users × 2 years = 10 license-years from the reseller's pool.
        let acme = partner_clients::create_client(db, &vendor, &north, &new_client("Acme Corp", 5, 2), today)
            .await
            .expect("client");
        assert_eq!(
            (acme.license_years, acme.term.starts_on.as_str(), acme.term.ends_on.as_str()),
            (10, "2027-03-15", "2029-03-15")
        );
        assert_eq!(balance(db, &north).await, 20);
        let too_many = partner_clients::create_client(db, &vendor, &north, &new_client("Big Co", 7, 3), today)
            .await
            .expect_err("21 > 20");
        assert_eq!((too_many.code(), too_many.status().as_u16()), ("INSUFFICIENT_LICENSES", 409));
        let clients_of_north = partner_clients::clients(db, &north, today).await.expect("list");
        assert_eq!(clients_of_north.len(), 1, "the refused client was not created");

        // Renewed before its end: the new term starts at the current end; the list shows the
        // green check with the current end still displayed.
        let before_end = day(2029, 1, 10);
        let renewal = Renewal { years: 1, users: None, product: None };
        let renewed =
            partner_clients::renew(db, &vendor, &north, &acme.client_id, &renewal, before_end).await.expect("renew");
        assert_eq!(
            (renewed.term.starts_on.as_str(), renewed.term.ends_on.as_str(), renewed.license_years),
            ("2029-03-15", "2030-03-15", 5)
        );
        assert_eq!(balance(db, &north).await, 15);
        let lines = partner_clients::clients(db, &north, before_end).await.expect("list");
        assert_eq!(lines[0].standing, Some(PoolStanding::Renewed));
        assert_eq!(lines[0].current.as_ref().map(|t| t.ends_on.as_str()), Some("2029-03-15"));
        assert_eq!(lines[0].renewed_until.as_deref(), Some("2030-03-15"));
        assert_eq!(lines[0].reseller, None, "the reseller's own list names no reseller");

        // The partner sees its reseller's client, names the reseller, and renews it from its own
        // pool, after the end: from the renewal date.
        let after_end = day(2030, 5, 1);
        let lines = partner_clients::clients(db, &partner, after_end).await.expect("list");
        assert_eq!(lines.len(), 1);
        assert_eq!(
            (lines[0].standing, lines[0].reseller.as_deref()),
            (Some(PoolStanding::Ended), Some("North Reseller"))
        );
        let by_partner = Renewal { years: 2, users: Some(3), product: None };
        let renewed = partner_clients::renew(db, &vendor, &partner, &acme.client_id, &by_partner, after_end)
            .await
            .expect("renew");
        assert_eq!((renewed.term.starts_on.as_str(), renewed.term.ends_on.as_str()), ("2030-05-01", "2032-05-01"));
        assert_eq!((balance(db, &partner).await, balance(db, &north).await), (64, 15));

        // Another reseller neither sees nor renews it: NOT_FOUND, as for a client that does not exist.
        assert!(partner_clients::clients(db, &south, today).await.expect("list").is_empty());
        let seen = partner_clients::client(db, &south, &acme.client_id).await.expect_err("not south's");
        assert_eq!(seen.code(), "NOT_FOUND");
        let renew = partner_clients::renew(db, &vendor, &south, &acme.client_id, &renewal, today)
            .await
            .expect_err("not south's");
        assert_eq!(renew.code(), "NOT_FOUND");
        let missing =
            partner_clients::renew(db, &vendor, &south, "org_missing", &renewal, today).await.expect_err("none");
        assert_eq!(missing.code(), "NOT_FOUND");
        let cancel = partner_clients::cancel_term(db, &vendor, &south, &renewed.term.id, after_end)
            .await
            .expect_err("not south's");
        assert_eq!(cancel.code(), "NOT_FOUND");

        // A term not started yet is cancelled and its license-years go back where they came from;
        // a started one is not.
        let later = NewClient { starts_on: Some(day(2027, 4, 1)), ..new_client("Later Ltd", 2, 1) };
        let later = partner_clients::create_client(db, &vendor, &north, &later, today).await.expect("client");
        assert_eq!(balance(db, &north).await, 13);
        let blue = partner_clients::clients(db, &north, today).await.expect("list");
        assert!(blue.iter().any(|l| l.client.name == "Later Ltd" && l.standing == Some(PoolStanding::NotStarted)));
        let back = partner_clients::cancel_term(db, &vendor, &north, &later.term.id, today).await.expect("cancel");
        assert_eq!((back, balance(db, &north).await), (2, 15));
        let twice = partner_clients::cancel_term(db, &vendor, &north, &later.term.id, today).await.expect_err("twice");
        assert_eq!(twice.code(), "BAD_REQUEST");
        let started =
            partner_clients::cancel_term(db, &vendor, &north, &acme.term.id, today).await.expect_err("started");
        assert_eq!(started.code(), "BAD_REQUEST");

        let kinds: Vec<String> = sqlx::query_scalar("SELECT DISTINCT kind FROM pool_ledger ORDER BY kind")
            .fetch_all(db)
            .await
            .expect("kinds");
        assert_eq!(kinds, ["allocate", "grant", "return", "transfer"]);
        assert_ledgers_sum_to_balances(db).await;
    }
);

on_both_databases!(fifty_renewals_at_once_against_a_pool_that_pays_for_ten, |portal: common::TestPortal| async move {
    let db = &portal.pool;
    let vendor = Actor::cli();
    let today = day(2027, 3, 15);
    let partner = pools::create_partner(db, "Busy Partner").await.expect("partner");
    pools::grant(db, &vendor, &partner, "JWT19", "acme-ledger", 11 * 2).await.expect("grant");
    // 2 users × 1 year: 2 license-years each; 2 for the client, then 20: ten renewals.
    let client = partner_clients::create_client(db, &vendor, &partner, &new_client("Race Co", 2, 1), today)
        .await
        .expect("client");

    let mut renewals = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let (db, partner, client) = (db.clone(), partner.clone(), client.client_id.clone());
        renewals.spawn(async move {
            let renewal = Renewal { years: 1, users: Some(2), product: None };
            partner_clients::renew(&db, &Actor::cli(), &partner, &client, &renewal, today).await
        });
    }
    let (mut renewed, mut refused) = (0, 0);
    while let Some(answer) = renewals.join_next().await {
        match answer.expect("a task") {
            Ok(_) => renewed += 1,
            Err(Error::InsufficientLicenses(2)) => refused += 1,
            Err(other) => panic!("a renewal failed otherwise: {other}"),
        }
    }
    assert_eq!((renewed, refused), (10, 40));
    assert_eq!(balance(db, &partner).await, 0);
    assert_ledgers_sum_to_balances(db).await;

    // Each renewal started at the end of the one before: eleven years back to back.
    let terms: Vec<(String, String)> =
        sqlx::query_as("SELECT starts_on, ends_on FROM client_terms WHERE client_id = $1 ORDER BY starts_on")
            .bind(&client.client_id)
            .fetch_all(db)
            .await
            .expect("terms");
    assert_eq!(terms.len(), 11);
    for (year, pair) in terms.windows(2).enumerate() {
        assert_eq!(pair[0].1, pair[1].0, "term {year} ends where the next starts");
    }
    assert_eq!(terms[10].1, "2038-03-15");
});
