//! Renewals and dunning, on both databases, driven with chosen days: a trial bought (its first
//! period from the trial's end, charged, the license extended), a period rolled over its end
//! as its history renews it (fewer users, a cheaper plan) and several missed periods rolled one
//! at a time, a cancelled subscription and an unbought trial ending, an unpaid charge past due
//! then suspended with its license and active again once paid, the credit kept used first, a
//! year after monthly → annual renewing from the switch day, and rounds at once (three pools)
//! rolling each period once.

mod common;

use chrono::NaiveDate;
use common::admin::ok;
use tessera_portal::domain::{Actor, Currency, CustomerId, Money, OrderRef, PaymentMethod, SubscriptionStatus};
use tessera_portal::mail::Mailer;
use tessera_portal::services::payments::{self, PaymentForm};
use tessera_portal::services::renewals::{self, Settings};
use tessera_portal::services::subscriptions::{self, BuyForm, ChangeForm, Request, StartForm};
use tessera_portal::services::termination::{self, EndForm};

const DAY: i64 = 86_400;
/// Acme Ledger's grace days.
const GRACE: i64 = 15;

fn on(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("YYYY-MM-DD")
}

/// Midnight UTC of `day` plus the grace days: when a subscription's license ends.
fn ends(day: &str) -> i64 {
    on(day).and_hms_opt(0, 0, 0).expect("midnight").and_utc().timestamp() + GRACE * DAY
}

/// Monthly Standard (EUR 10.00 a user, 2 computers each, a 14-day trial) and Enterprise
/// (EUR 20.00) plans of Acme Ledger; Contoso's id; a mailer.
async fn arrange(portal: &common::TestPortal) -> (CustomerId, Mailer) {
    common::subscriptions::monthly_plans(portal).await;
    let contoso = common::subscriptions::customer_id(portal, "it@contoso.example").await;
    (CustomerId::new(contoso), Mailer::from_config(&portal.config).with_public_url(&portal.url))
}

async fn start(
    portal: &common::TestPortal,
    mailer: &Mailer,
    customer: &CustomerId,
    sku: &str,
    quantity: i64,
    trial: bool,
    today: &str,
) -> subscriptions::Started {
    let form = StartForm {
        customer_id: customer,
        sku,
        quantity,
        trial,
        payment_method: PaymentMethod::BankTransfer,
        today: on(today),
        prefix: "JWT",
    };
    subscriptions::start(&portal.pool, mailer, &Actor::cli(), &form).await.expect("started")
}

async fn round(portal: &common::TestPortal, mailer: &Mailer, today: &str, settings: Settings) -> renewals::Round {
    let round = renewals::run(&portal.pool, mailer, on(today), "JWT", settings, None).await.expect("a round");
    assert_eq!(round.failed, 0, "{round:?}");
    round
}

/// The orders charging subscription `id`, oldest first: reference, total, status.
async fn orders(portal: &common::TestPortal, id: &str) -> Vec<(String, i64, String)> {
    sqlx::query_as(
        "SELECT reference, total_minor, status FROM orders WHERE subscription_id = $1 ORDER BY placed_at, reference",
    )
    .bind(id)
    .fetch_all(&portal.pool)
    .await
    .expect("orders")
}

/// Edition, users, computers, end of term, status and its reason of license `serial`.
async fn license(portal: &common::TestPortal, serial: &str) -> (String, i64, i64, i64, String, Option<String>) {
    sqlx::query_as(
        "SELECT edition, users, max_machines, expires_at, status, status_reason FROM licenses WHERE serial = $1",
    )
    .bind(serial)
    .fetch_one(&portal.pool)
    .await
    .expect("the subscription's license")
}

/// Records the payment of order `reference`, `minor` cents, arrived now.
async fn pay(portal: &common::TestPortal, mailer: &Mailer, reference: &str, minor: i64) {
    let form = PaymentForm {
        reference: &OrderRef::parse("reference", reference).expect("reference"),
        amount: Money::from_minor(minor, Currency::parse("EUR").expect("EUR")),
        paid_at: tessera_portal::store::now(),
        method: None,
        bank_reference: None,
        idempotency_key: None,
    };
    payments::record_payment(&portal.pool, mailer, &Actor::cli(), &form).await.expect("paid");
}

/// The subject and body of each mail of `kind` queued about license `serial`.
async fn mails(portal: &common::TestPortal, serial: &str, kind: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT m.subject, m.body_text FROM mail_queue m JOIN licenses l ON l.id = m.license_id \
         WHERE l.serial = $1 AND m.kind = $2",
    )
    .bind(serial)
    .bind(kind)
    .fetch_all(&portal.pool)
    .await
    .expect("mails")
}

const LATER: Settings = Settings { past_due_after_days: 30, invoice_days_ahead: 0 };

on_both_databases!(a_trial_bought_starts_its_first_period_at_the_trial_end, |portal: common::TestPortal| async move {
    // Arrange: a 3-user Standard trial from 2027-03-01, so it ends on 2027-03-15.
    let (contoso, mailer) = arrange(&portal).await;
    let trial = start(&portal, &mailer, &contoso, "LED-STD-1M", 3, true, "2027-03-01").await;
    assert!(orders(&portal, &trial.id).await.is_empty(), "a trial charges nothing");

    // Act: bought on 2027-03-05 for 4 users of Enterprise.
    let form = BuyForm {
        today: on("2027-03-05"),
        start_now: false,
        quantity: Some(4),
        sku: Some("LED-ENT-1M"),
        version: None,
        prefix: "JWT",
        billing: None,
        payment_method: None,
        provider: None,
    };
    let bought = subscriptions::buy(&portal.pool, &mailer, &Actor::cli(), &trial.id, &form).await.expect("bought");

    // Assert: the first paid month from the trial's end, charged 4 × EUR 20.00, the license
    // extended to that month's end plus the grace days.
    assert_eq!((bought.period.start, bought.period.end), (on("2027-03-15"), on("2027-04-15")));
    let subscription = subscriptions::by_id(&portal.pool, &trial.id).await.expect("subscription");
    assert_eq!(
        (subscription.status, subscription.anchor.as_str(), subscription.period_end.as_str()),
        (SubscriptionStatus::Active, "2027-03-15", "2027-04-15")
    );
    let charged = orders(&portal, &trial.id).await;
    assert_eq!(charged.iter().map(|o| o.1).collect::<Vec<_>>(), [8_000], "{charged:?}");
    assert_eq!(charged[0].0, bought.charge.reference.as_str());
    let license = license(&portal, trial.serial.as_str()).await;
    assert_eq!((license.0.as_str(), license.1, license.2, license.3), ("Enterprise", 4, 8, ends("2027-04-15")));

    // A subscription is bought once.
    let again = subscriptions::buy(&portal.pool, &mailer, &Actor::cli(), &trial.id, &form).await;
    assert!(again.is_err(), "bought twice: {again:?}");

    // Bought with start_now: the period starts on the day it is bought.
    let other = start(&portal, &mailer, &contoso, "LED-STD-1M", 2, true, "2027-03-01").await;
    let now = BuyForm { start_now: true, quantity: None, sku: None, ..form };
    let bought = subscriptions::buy(&portal.pool, &mailer, &Actor::cli(), &other.id, &now).await.expect("bought");
    assert_eq!(
        (bought.period.start, bought.period.end, bought.charge.total.minor()),
        (on("2027-03-05"), on("2027-04-05"), 2_000)
    );
});

on_both_databases!(
    a_period_renews_as_its_history_says_and_missed_periods_roll_one_at_a_time,
    |portal: common::TestPortal| async move {
        // Arrange: 5 Enterprise users from 2027-01-10; on 2027-01-20, 3 users and Standard from
        // the period end.
        let (contoso, mailer) = arrange(&portal).await;
        let started = start(&portal, &mailer, &contoso, "LED-ENT-1M", 5, false, "2027-01-10").await;
        pay(&portal, &mailer, started.charge.as_ref().expect("the first month's order").reference.as_str(), 10_000)
            .await;
        for request in [Request::Quantity(3), Request::Plan("LED-STD-1M".into())] {
            let form =
                ChangeForm { request: &request, today: on("2027-01-20"), version: None, prefix: "JWT", provider: None };
            let changed =
                subscriptions::change(&portal.pool, &mailer, &Actor::cli(), &started.id, &form).await.expect("changed");
            assert!(changed.charge.is_none(), "fewer users and a cheaper plan wait for the period end");
        }

        // Act: the day before the end nothing happens; on the end's day the period rolls.
        assert!(round(&portal, &mailer, "2027-02-09", LATER).await.is_quiet());
        let rolled = round(&portal, &mailer, "2027-02-10", LATER).await;

        // Assert: the next month charged as it renews (3 × EUR 10.00), the license following.
        assert_eq!(rolled.renewed, 1, "{rolled:?}");
        let subscription = subscriptions::by_id(&portal.pool, &started.id).await.expect("subscription");
        assert_eq!(
            (
                subscription.status,
                subscription.period_start.as_str(),
                subscription.period_end.as_str(),
                subscription.period_sku.as_str(),
                subscription.period_quantity,
                subscription.invoiced_minor
            ),
            (SubscriptionStatus::Active, "2027-02-10", "2027-03-10", "LED-STD-1M", 3, 0)
        );
        let totals: Vec<i64> = orders(&portal, &started.id).await.iter().map(|o| o.1).collect();
        assert_eq!(totals, [10_000, 3_000]);
        let license = license(&portal, started.serial.as_str()).await;
        assert_eq!((license.0.as_str(), license.1, license.2, license.3), ("Standard", 3, 6, ends("2027-03-10")));

        // The portal was down for months: each missed period is rolled, one at a time.
        let caught_up = round(&portal, &mailer, "2027-05-12", LATER).await;
        assert_eq!(caught_up.renewed, 3, "{caught_up:?}");
        let totals: Vec<i64> = orders(&portal, &started.id).await.iter().map(|o| o.1).collect();
        assert_eq!(totals, [10_000, 3_000, 3_000, 3_000, 3_000]);
        let subscription = subscriptions::by_id(&portal.pool, &started.id).await.expect("subscription");
        assert_eq!(
            (subscription.period_start.as_str(), subscription.period_end.as_str()),
            ("2027-05-10", "2027-06-10")
        );
        assert!(round(&portal, &mailer, "2027-05-12", LATER).await.is_quiet(), "rolled once");
    }
);

on_both_databases!(a_cancelled_subscription_and_an_unbought_trial_end, |portal: common::TestPortal| async move {
    // Arrange: a month from 2027-01-10, cancelled on 2027-01-20; a trial from 2027-01-01.
    let (contoso, mailer) = arrange(&portal).await;
    let started = start(&portal, &mailer, &contoso, "LED-STD-1M", 2, false, "2027-01-10").await;
    let form =
        ChangeForm { request: &Request::Cancel, today: on("2027-01-20"), version: None, prefix: "JWT", provider: None };
    subscriptions::change(&portal.pool, &mailer, &Actor::cli(), &started.id, &form).await.expect("cancelled");
    let trial = start(&portal, &mailer, &contoso, "LED-STD-1M", 2, true, "2027-01-01").await;

    // Act: the trial's end, then the period's.
    let first = round(&portal, &mailer, "2027-01-15", LATER).await;
    let second = round(&portal, &mailer, "2027-02-10", LATER).await;

    // Assert: both ended, nothing more charged, the licenses left to run out; a round from the
    // shell afterwards finds nothing to do.
    assert_eq!((first.ended, second.ended, second.renewed), (1, 1, 0), "{first:?} {second:?}");
    let shell = ok(&portal, &["renew", "--today", "2027-02-11"]).await;
    assert!(
        shell.contains(
            "2027-02-11: 0 renewed, 0 invoiced ahead, 0 ended, 0 charged to a card, 0 cards declined, 0 past due, 0 suspended, 0 failed"
        ),
        "{shell}"
    );
    for (id, serial, until) in [
        (&started.id, started.serial.as_str(), ends("2027-02-10")),
        (&trial.id, trial.serial.as_str(), ends("2027-01-15") - GRACE * DAY),
    ] {
        let subscription = subscriptions::by_id(&portal.pool, id).await.expect("subscription");
        assert_eq!(subscription.status, SubscriptionStatus::Ended);
        assert!(subscription.ended_at.is_some());
        assert_eq!(license(&portal, serial).await.3, until);
    }
    assert_eq!(orders(&portal, &started.id).await.len(), 1, "only the first month");
});

on_both_databases!(
    an_unpaid_charge_is_past_due_then_suspended_and_paid_is_active_again,
    |portal: common::TestPortal| async move {
        // Arrange: a month from 2027-01-10 by bank transfer, its order unpaid.
        let (contoso, mailer) = arrange(&portal).await;
        let started = start(&portal, &mailer, &contoso, "LED-STD-1M", 5, false, "2027-01-10").await;
        let charge = started.charge.as_ref().expect("the first month's order");
        let status = |id: String| {
            let pool = portal.pool.clone();
            async move { subscriptions::by_id(&pool, &id).await.expect("subscription").status }
        };

        // Past due at once (the default), suspended after the product's grace days.
        let first = round(&portal, &mailer, "2027-01-10", Settings::default()).await;
        assert_eq!(first.past_due, 1, "{first:?}");
        assert_eq!(status(started.id.clone()).await, SubscriptionStatus::PastDue);
        let overdue = mails(&portal, started.serial.as_str(), "payment_overdue").await;
        assert_eq!(overdue.len(), 1, "{overdue:?}");
        assert_eq!(overdue[0].0, format!("The invoice of order {} is unpaid", charge.reference));
        assert!(overdue[0].1.contains("is suspended on 2027-01-25"), "{overdue:?}");
        assert!(round(&portal, &mailer, "2027-01-24", Settings::default()).await.is_quiet(), "14 days: still past due");
        let late = round(&portal, &mailer, "2027-01-25", Settings::default()).await;
        assert_eq!(late.suspended, 1, "{late:?}");
        assert_eq!(status(started.id.clone()).await, SubscriptionStatus::Suspended);
        let suspended = license(&portal, started.serial.as_str()).await;
        assert_eq!(suspended.4, "suspended");
        assert_eq!(suspended.5, Some(format!("The invoice of order {} is unpaid.", charge.reference)));
        assert!(round(&portal, &mailer, "2027-01-26", Settings::default()).await.is_quiet(), "suspended once");
        let suspension = mails(&portal, started.serial.as_str(), "license_suspended").await;
        assert_eq!(suspension.len(), 1, "{suspension:?}");
        assert!(suspension[0].1.contains("is unpaid"), "{suspension:?}");

        // Paid: active again, the license reinstated.
        pay(&portal, &mailer, charge.reference.as_str(), 5_000).await;
        assert_eq!(status(started.id.clone()).await, SubscriptionStatus::Active);
        let reinstated = license(&portal, started.serial.as_str()).await;
        assert_eq!((reinstated.4.as_str(), reinstated.5), ("active", None));
        assert!(round(&portal, &mailer, "2027-01-27", Settings::default()).await.is_quiet(), "paid: nothing to dun");
    }
);

on_both_databases!(rounds_at_once_roll_each_period_once, |portal: common::TestPortal| async move {
    // Arrange: a month from 2027-01-10, then five period ends missed.
    let (contoso, mailer) = arrange(&portal).await;
    let started = start(&portal, &mailer, &contoso, "LED-STD-1M", 2, false, "2027-01-10").await;

    // Act: three runners on 2027-06-15 at once, each with a pool of its own, as three portal
    // processes would be.
    let mut runners = Vec::new();
    for _ in 0..3 {
        let (pool, _) = tessera_portal::store::connect(&portal.config.database_url(), 4).await.expect("a pool");
        let mailer = mailer.clone();
        runners.push(tokio::spawn(
            async move { renewals::run(&pool, &mailer, on("2027-06-15"), "JWT", LATER, None).await },
        ));
    }
    let mut rounds = Vec::new();
    for runner in runners {
        rounds.push(runner.await.expect("joined").expect("a round"));
    }

    // Assert: each period charged once, whoever rolled it.
    assert_eq!(rounds.iter().map(|round| round.renewed).sum::<usize>(), 5, "{rounds:?}");
    assert!(rounds.iter().all(|round| round.failed == 0), "{rounds:?}");
    let periods: Vec<String> = sqlx::query_scalar(
        "SELECT i.description FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.subscription_id = $1 \
         ORDER BY o.placed_at, o.reference",
    )
    .bind(&started.id)
    .fetch_all(&portal.pool)
    .await
    .expect("order lines");
    assert_eq!(periods.len(), 6, "{periods:?}");
    let mut distinct = periods.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 6, "one order per period: {periods:?}");
    let subscription = subscriptions::by_id(&portal.pool, &started.id).await.expect("subscription");
    assert_eq!(subscription.period_start, "2027-06-10");
});

on_both_databases!(
    after_monthly_to_annual_the_year_renews_from_the_switch_day,
    |portal: common::TestPortal| async move {
        // Arrange: 2 Standard users by the month from 2027-01-10, paid; switched on 2027-01-20 to
        // Standard by the year (EUR 100.00 a user).
        let (contoso, mailer) = arrange(&portal).await;
        ok(
            &portal,
            &[
                "add-plan",
                "--product",
                "acme-ledger",
                "--edition",
                "Standard",
                "--sku",
                "LED-STD-12M",
                "--term",
                "12m",
                "--price",
                "100.00",
                "--machines-per-user",
                "2",
            ],
        )
        .await;
        let started = start(&portal, &mailer, &contoso, "LED-STD-1M", 2, false, "2027-01-10").await;
        pay(&portal, &mailer, started.charge.as_ref().expect("the first month's order").reference.as_str(), 2_000)
            .await;
        let request = Request::Plan("LED-STD-12M".into());
        let form =
            ChangeForm { request: &request, today: on("2027-01-20"), version: None, prefix: "JWT", provider: None };
        subscriptions::change(&portal.pool, &mailer, &Actor::cli(), &started.id, &form).await.expect("switched");

        // Act: the monthly period's end passes; then the year's end.
        let month_end = round(&portal, &mailer, "2027-02-10", LATER).await;
        let year_end = round(&portal, &mailer, "2028-01-20", LATER).await;

        // Assert: nothing at the old monthly end; a year charged from the switch day's anniversary,
        // the anchor moved there, the license following the year.
        assert!(month_end.is_quiet(), "{month_end:?}");
        assert_eq!(year_end.renewed, 1, "{year_end:?}");
        let subscription = subscriptions::by_id(&portal.pool, &started.id).await.expect("subscription");
        assert_eq!(
            (
                subscription.anchor.as_str(),
                subscription.period_start.as_str(),
                subscription.period_end.as_str(),
                subscription.period_interval.as_str(),
                subscription.period_sku.as_str()
            ),
            ("2027-01-20", "2028-01-20", "2029-01-20", "year", "LED-STD-12M")
        );
        let totals: Vec<i64> = orders(&portal, &started.id).await.iter().map(|o| o.1).collect();
        assert_eq!(totals.last(), Some(&20_000), "{totals:?}");
        assert_eq!(license(&portal, started.serial.as_str()).await.3, ends("2029-01-20"));
    }
);

on_both_databases!(the_credit_kept_is_used_first_by_the_renewal, |portal: common::TestPortal| async move {
    // Arrange: 3 Standard users by the month from 2027-01-10, paid, with EUR 12.00 of credit
    // kept from earlier changes.
    let (contoso, mailer) = arrange(&portal).await;
    let started = start(&portal, &mailer, &contoso, "LED-STD-1M", 3, false, "2027-01-10").await;
    pay(&portal, &mailer, started.charge.as_ref().expect("the first month's order").reference.as_str(), 3_000).await;
    let credit = |minor: i64| {
        sqlx::query("UPDATE subscriptions SET credit_minor = $1 WHERE id = $2").bind(minor).bind(&started.id)
    };
    credit(1_200).execute(&portal.pool).await.expect("credit kept");

    // Act and assert: the next month is EUR 30.00 less the credit, which is used up.
    assert_eq!(round(&portal, &mailer, "2027-02-10", LATER).await.renewed, 1);
    let totals: Vec<i64> = orders(&portal, &started.id).await.iter().map(|o| o.1).collect();
    assert_eq!(totals, [3_000, 1_800]);
    assert_eq!(subscriptions::by_id(&portal.pool, &started.id).await.expect("subscription").credit_minor, 0);

    // A credit larger than the month pays it: no order, the rest kept, nothing to dun.
    credit(5_000).execute(&portal.pool).await.expect("credit kept");
    let round_trip = round(&portal, &mailer, "2027-03-10", Settings::default()).await;
    assert_eq!((round_trip.renewed, round_trip.past_due), (1, 0), "{round_trip:?}");
    assert_eq!(orders(&portal, &started.id).await.len(), 2, "paid by the credit");
    let subscription = subscriptions::by_id(&portal.pool, &started.id).await.expect("subscription");
    assert_eq!((subscription.credit_minor, subscription.status), (2_000, SubscriptionStatus::Active));
});

const AHEAD: Settings = Settings { past_due_after_days: 0, invoice_days_ahead: 14 };

on_both_databases!(
    a_bank_transfer_period_is_invoiced_ahead_and_paid_before_it_starts,
    |portal: common::TestPortal| async move {
        // Arrange: 2 Standard users from 2027-03-01, the first month paid; a second subscription
        // alike, whose order placed ahead will be paid and then outgrown.
        let (contoso, mailer) = arrange(&portal).await;
        let kept = start(&portal, &mailer, &contoso, "LED-STD-1M", 2, false, "2027-03-01").await;
        let grown = start(&portal, &mailer, &contoso, "LED-STD-1M", 2, false, "2027-03-01").await;
        let ended = start(&portal, &mailer, &contoso, "LED-STD-1M", 2, false, "2027-03-01").await;
        for started in [&kept, &grown, &ended] {
            let first = started.charge.as_ref().expect("the first month's order");
            pay(&portal, &mailer, first.reference.as_str(), 2_000).await;
        }

        // Fifteen days before the end, nothing yet; fourteen days before, the next month's order.
        assert_eq!(round(&portal, &mailer, "2027-03-17", AHEAD).await.invoiced_ahead, 0);
        assert_eq!(round(&portal, &mailer, "2027-03-18", AHEAD).await.invoiced_ahead, 3);
        assert_eq!(round(&portal, &mailer, "2027-03-19", AHEAD).await.invoiced_ahead, 0, "once per period");
        let ahead = orders(&portal, &kept.id).await;
        assert_eq!(ahead.len(), 2, "{ahead:?}");
        assert_eq!((ahead[1].1, ahead[1].2.as_str()), (2_000, "awaiting_payment"), "2 users × EUR 10.00 for April");
        let ahead_items: Vec<String> = sqlx::query_scalar(
            "SELECT i.description FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.reference = $1",
        )
        .bind(&ahead[1].0)
        .fetch_all(&portal.pool)
        .await
        .expect("its lines");
        assert!(ahead_items.iter().any(|line| line.contains("2027-04-01 to 2027-05-01")), "{ahead_items:?}");

        // Ended by staff before April: April's order, unpaid, is cancelled with it.
        let version = subscriptions::by_id(&portal.pool, &ended.id).await.expect("ended").version;
        let end = EndForm { today: on("2027-03-20"), refund: false, version, reason: "", provider: None };
        termination::end_now(&portal.pool, &Actor::cli(), &ended.id, &end).await.expect("ended now");
        let ended_orders = orders(&portal, &ended.id).await;
        assert_eq!(ended_orders[1].2, "cancelled", "{ended_orders:?}");

        // Paid before the period starts: the renewal takes that order, nothing more is charged, and
        // with no days of grace for a late payment the subscription stays active.
        pay(&portal, &mailer, &ahead[1].0, 2_000).await;
        let grown_ahead = orders(&portal, &grown.id).await[1].0.clone();
        pay(&portal, &mailer, &grown_ahead, 2_000).await;
        // One more user on the grown one (charged for the rest of March on its own order).
        let change = ChangeForm {
            request: &Request::Quantity(3),
            today: on("2027-03-25"),
            version: None,
            prefix: "JWT",
            provider: None,
        };
        subscriptions::change(&portal.pool, &mailer, &Actor::cli(), &grown.id, &change).await.expect("one more user");
        let renewed = round(&portal, &mailer, "2027-04-01", AHEAD).await;
        assert_eq!(renewed.renewed, 2, "{renewed:?}");
        assert_eq!(orders(&portal, &kept.id).await.len(), 2, "the order placed ahead charges April");
        let kept_now = subscriptions::by_id(&portal.pool, &kept.id).await.expect("kept");
        assert_eq!(
            (kept_now.status, kept_now.due_order_id, kept_now.period_start.as_str()),
            (SubscriptionStatus::Active, None, "2027-04-01"),
            "paid ahead: nothing due"
        );

        // The grown one: April is 3 users now, EUR 30.00; EUR 20.00 was paid ahead, EUR 10.00 is due.
        let grown_orders = orders(&portal, &grown.id).await;
        let april = grown_orders.last().expect("April's order");
        assert_eq!((april.1, april.2.as_str()), (1_000, "awaiting_payment"), "{grown_orders:?}");
        let lines: Vec<(String, i64)> = sqlx::query_as(
        "SELECT i.description, i.subtotal_minor FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.reference = $1 ORDER BY i.subtotal_minor DESC",
    )
    .bind(&april.0)
    .fetch_all(&portal.pool)
    .await
    .expect("its lines");
        assert_eq!(lines.iter().map(|l| l.1).collect::<Vec<_>>(), [3_000, -2_000], "{lines:?}");
        assert!(lines[1].0.contains(&grown_ahead), "the line names the order paid ahead: {lines:?}");
        assert_eq!(renewed.past_due, 1, "the EUR 10.00 is unpaid, from the period's first day");
    }
);
