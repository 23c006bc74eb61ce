//! Every worked example of `shared/BILLING.md`, and the proration rules' edge cases, through the
//! crate's public API.

use chrono::NaiveDate;
use tessera_billing::{
    Change, ChangeKind, Currency, Effective, Error, Interval, Money, Period, Plan, Subscription, period_start,
    prorate_changes,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn money(text: &str, code: &str) -> Money {
    Money::parse(text, Currency::parse(code).expect("currency")).expect("amount")
}

fn plan(id: &str, price: &str) -> Plan {
    Plan { id: id.into(), unit_price: money(price, "EUR") }
}

/// EUR 10.00 per user per month from 2027-03-01, 5 users: the examples' subscription.
fn five_pro_users() -> Subscription {
    Subscription { anchor: day(2027, 3, 1), interval: Interval::Month, plan: plan("pro", "10.00"), quantity: 5 }
}

fn on(at: NaiveDate, kind: ChangeKind) -> Change {
    Change { at, kind }
}

fn amounts(lines: &[tessera_billing::ProratedLine]) -> Vec<String> {
    lines.iter().map(|line| line.amount.decimal()).collect()
}

#[test]
fn example_1_adding_two_users_on_the_20th_charges_their_remaining_12_days() {
    let proration = prorate_changes(&five_pro_users(), &[on(day(2027, 3, 20), ChangeKind::Quantity(7))]).expect("ok");

    assert_eq!(proration.period, Period { start: day(2027, 3, 1), end: day(2027, 4, 1), days: 31 });
    let change = &proration.changes[0];
    assert_eq!((change.days_remaining, change.effective), (12, Effective::Now));
    assert_eq!(amounts(&change.lines), ["7.74"]);
    assert_eq!(proration.net, money("7.74", "EUR"));
    let renewal = proration.renewal.expect("renews");
    assert_eq!((renewal.start, renewal.quantity, renewal.total), (day(2027, 4, 1), 7, money("70.00", "EUR")));
}

#[test]
fn example_2_an_upgrade_charges_the_new_plan_and_credits_the_old_one() {
    let upgrade = on(day(2027, 3, 20), ChangeKind::Plan(plan("business", "20.00")));
    let proration = prorate_changes(&five_pro_users(), &[upgrade]).expect("ok");

    let change = &proration.changes[0];
    assert_eq!(change.effective, Effective::Now);
    assert_eq!(amounts(&change.lines), ["-19.35", "38.71"]);
    assert_eq!(proration.due(money("0", "EUR")).expect("due").now, money("19.36", "EUR"));
    let renewal = proration.renewal.expect("renews");
    assert_eq!((renewal.plan.id.as_str(), renewal.total), ("business", money("100.00", "EUR")));
}

#[test]
fn example_3_a_month_end_anchor_keeps_its_day() {
    let anchor = day(2027, 1, 31);
    let starts: Vec<NaiveDate> = (0..5).map(|k| period_start(anchor, Interval::Month, k)).collect();
    assert_eq!(starts, [day(2027, 1, 31), day(2027, 2, 28), day(2027, 3, 31), day(2027, 4, 30), day(2027, 5, 31)]);
}

#[test]
fn a_change_on_the_billing_day_counts_the_whole_period_and_on_the_last_day_one_day() {
    let first = prorate_changes(&five_pro_users(), &[on(day(2027, 3, 1), ChangeKind::Quantity(6))]).expect("ok");
    assert_eq!((first.changes[0].days_remaining, first.net), (31, money("10.00", "EUR")));
    let last = prorate_changes(&five_pro_users(), &[on(day(2027, 3, 31), ChangeKind::Quantity(6))]).expect("ok");
    assert_eq!((last.changes[0].days_remaining, last.net), (1, money("0.32", "EUR")));
}

#[test]
fn fewer_users_a_cheaper_plan_annual_to_monthly_and_cancel_wait_for_the_period_end() {
    let end = Effective::At(day(2027, 4, 1));
    let annual = Subscription { interval: Interval::Year, plan: plan("pro-annual", "100.00"), ..five_pro_users() };
    for (subscription, kind) in [
        (five_pro_users(), ChangeKind::Quantity(3)),
        (five_pro_users(), ChangeKind::Plan(plan("basic", "5.00"))),
        (five_pro_users(), ChangeKind::Cancel),
        (annual, ChangeKind::Interval { interval: Interval::Month, plan: plan("pro", "10.00") }),
    ] {
        let proration = prorate_changes(&subscription, &[on(day(2027, 3, 20), kind.clone())]).expect("ok");
        let expected = if subscription.interval == Interval::Year { Effective::At(day(2028, 3, 1)) } else { end };
        assert_eq!(proration.changes[0].effective, expected, "{kind:?}");
        assert!(proration.changes[0].lines.is_empty(), "{kind:?}");
        assert_eq!(proration.net, money("0", "EUR"), "{kind:?}");
    }
}

#[test]
fn what_renews_follows_the_scheduled_changes() {
    let changes =
        [on(day(2027, 3, 5), ChangeKind::Quantity(3)), on(day(2027, 3, 6), ChangeKind::Plan(plan("basic", "5.00")))];
    let renewal = prorate_changes(&five_pro_users(), &changes).expect("ok").renewal.expect("renews");
    assert_eq!((renewal.plan.id.as_str(), renewal.quantity, renewal.total), ("basic", 3, money("15.00", "EUR")));

    let cancelled = prorate_changes(&five_pro_users(), &[on(day(2027, 3, 5), ChangeKind::Cancel)]).expect("ok");
    assert_eq!(cancelled.renewal, None);
    let resumed = [on(day(2027, 3, 5), ChangeKind::Cancel), on(day(2027, 3, 9), ChangeKind::Resume)];
    let resumed = prorate_changes(&five_pro_users(), &resumed).expect("ok");
    assert_eq!(resumed.changes[1].effective, Effective::Now);
    assert_eq!(resumed.renewal.map(|r| r.start), Some(day(2027, 4, 1)));
}

#[test]
fn monthly_to_annual_charges_the_year_less_the_unused_month_and_moves_the_anchor() {
    let annual = ChangeKind::Interval { interval: Interval::Year, plan: plan("pro-annual", "100.00") };
    let proration = prorate_changes(&five_pro_users(), &[on(day(2027, 3, 20), annual)]).expect("ok");

    let change = &proration.changes[0];
    assert_eq!(change.effective, Effective::Now);
    // Credit 5000 × 12 / 31 = 1935.48 → 19.35; a year for 5 users 500.00.
    assert_eq!(amounts(&change.lines), ["-19.35", "500.00"]);
    assert_eq!(proration.net, money("480.65", "EUR"));
    assert_eq!(change.new_period, Some(Period { start: day(2027, 3, 20), end: day(2028, 3, 20), days: 366 }));
    let renewal = proration.renewal.expect("renews");
    assert_eq!(
        (renewal.start, renewal.interval, renewal.total),
        (day(2028, 3, 20), Interval::Year, money("500.00", "EUR"))
    );
}

#[test]
fn a_cheap_annual_plan_leaves_a_credit_balance_never_cash() {
    let annual = ChangeKind::Interval { interval: Interval::Year, plan: plan("promo-annual", "1.00") };
    let proration = prorate_changes(&five_pro_users(), &[on(day(2027, 3, 2), annual)]).expect("ok");
    // Credit 5000 × 30 / 31 = 4838.71 → 48.39, charge 5.00.
    assert_eq!(proration.net, money("43.39", "EUR").times(-1).expect("negated"));
    let due = proration.due(money("0", "EUR")).expect("due");
    assert_eq!((due.now, due.credit_balance), (money("0", "EUR"), money("43.39", "EUR")));
}

#[test]
fn the_same_change_twice_bills_nothing_more() {
    let add = on(day(2027, 3, 20), ChangeKind::Quantity(7));
    let once = prorate_changes(&five_pro_users(), std::slice::from_ref(&add)).expect("ok");
    let twice = prorate_changes(&five_pro_users(), &[add.clone(), add]).expect("ok");
    assert_eq!(twice.net, once.net);
    assert!(twice.changes[1].lines.is_empty());
    // The portal charges the difference from what it invoiced: nothing.
    assert_eq!(twice.due(once.net).expect("due").now, money("0", "EUR"));
}

#[test]
fn successive_upgrades_credit_the_plan_in_force() {
    let changes = [
        on(day(2027, 3, 20), ChangeKind::Plan(plan("business", "20.00"))),
        on(day(2027, 3, 25), ChangeKind::Plan(plan("enterprise", "30.00"))),
    ];
    let proration = prorate_changes(&five_pro_users(), &changes).expect("ok");
    // Then: credit business 10000 × 7 / 31 = 2258.06 → 22.58, charge 15000 × 7 / 31 = 3387.10 → 33.87.
    assert_eq!(amounts(&proration.changes[1].lines), ["-22.58", "33.87"]);
    assert_eq!(proration.net, money("30.65", "EUR"));
}

#[test]
fn jpy_and_bhd_prorate_in_their_own_minor_unit() {
    for (code, price, expected) in [("JPY", "1000", "774"), ("BHD", "10.000", "7.742")] {
        let unit_price = money(price, code);
        let subscription = Subscription { plan: Plan { id: "pro".into(), unit_price }, ..five_pro_users() };
        let proration = prorate_changes(&subscription, &[on(day(2027, 3, 20), ChangeKind::Quantity(7))]).expect("ok");
        assert_eq!(proration.net.decimal(), expected, "{code}");
    }
}

#[test]
fn a_leap_february_has_29_days() {
    let subscription = Subscription { anchor: day(2028, 1, 31), ..five_pro_users() };
    let proration = prorate_changes(&subscription, &[on(day(2028, 3, 1), ChangeKind::Quantity(6))]).expect("ok");
    assert_eq!(proration.period, Period { start: day(2028, 2, 29), end: day(2028, 3, 31), days: 31 });
    let february = Subscription { anchor: day(2028, 2, 1), ..five_pro_users() };
    let proration = prorate_changes(&february, &[on(day(2028, 2, 15), ChangeKind::Quantity(6))]).expect("ok");
    // 1000 × 15 / 29 = 517.24 → 5.17.
    assert_eq!((proration.period.days, proration.net), (29, money("5.17", "EUR")));
}

#[test]
fn bad_changes_are_refused_naming_the_field() {
    let usd = Plan { id: "pro".into(), unit_price: money("10.00", "USD") };
    for (changes, field) in [
        (vec![on(day(2027, 3, 20), ChangeKind::Quantity(-1))], "changes[0].quantity"),
        (vec![on(day(2027, 3, 20), ChangeKind::Quantity(0))], "changes[0].quantity"),
        (vec![on(day(2027, 2, 20), ChangeKind::Quantity(6))], "changes[0].at"),
        (vec![on(day(2027, 3, 20), ChangeKind::Cancel), on(day(2027, 4, 2), ChangeKind::Resume)], "changes[1].at"),
        (vec![on(day(2027, 3, 20), ChangeKind::Cancel), on(day(2027, 3, 2), ChangeKind::Resume)], "changes[1].at"),
        (vec![on(day(2027, 3, 20), ChangeKind::Plan(usd))], "changes[0].plan.unit_price"),
    ] {
        let error = prorate_changes(&five_pro_users(), &changes).expect_err(field);
        assert!(matches!(&error, Error::Invalid { field: named, .. } if named == field), "{field}: {error}");
    }
}

#[test]
fn the_standing_holds_more_users_at_once_and_fewer_only_from_the_period_end() {
    let more = prorate_changes(&five_pro_users(), &[on(day(2027, 3, 20), ChangeKind::Quantity(7))]).expect("ok");
    assert_eq!((more.standing.quantity, more.standing.plan.id.as_str()), (7, "pro"));

    let fewer = prorate_changes(&five_pro_users(), &[on(day(2027, 3, 20), ChangeKind::Quantity(3))]).expect("ok");
    assert_eq!(fewer.standing.quantity, 5, "the seats stay until the period end");
    assert_eq!(fewer.renewal.expect("renews").quantity, 3);

    let cheaper = on(day(2027, 3, 20), ChangeKind::Plan(plan("basic", "5.00")));
    let downgrade = prorate_changes(&five_pro_users(), &[cheaper]).expect("ok");
    assert_eq!(downgrade.standing.plan.id, "pro", "a downgrade waits for the period end");

    let annual =
        on(day(2027, 3, 20), ChangeKind::Interval { interval: Interval::Year, plan: plan("pro-year", "100.00") });
    let switched = prorate_changes(&five_pro_users(), &[annual]).expect("ok");
    assert_eq!(
        (switched.standing.interval, switched.standing.period.start, switched.standing.period.end),
        (Interval::Year, day(2027, 3, 20), day(2028, 3, 20))
    );
}
