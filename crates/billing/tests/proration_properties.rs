//! Properties of proration that must hold for any history of changes in a period: what the
//! customer pays never exceeds the full price, credits never exceed what was paid, and a
//! change applied twice bills nothing more.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tessera_billing::{Change, ChangeKind, Currency, Interval, Money, Plan, Proration, Subscription, prorate_changes};

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::parse("EUR").expect("EUR"))
}

/// A plan whose id is its price, so the same id is always the same price.
fn plan(minor: i64) -> Plan {
    Plan { id: format!("plan-{minor}"), unit_price: eur(minor) }
}

fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 1).expect("date")
}

fn subscription(price: i64, quantity: i64) -> Subscription {
    Subscription { anchor: anchor(), interval: Interval::Month, plan: plan(price), quantity }
}

fn any_kind() -> impl Strategy<Value = ChangeKind> {
    prop_oneof![
        4 => (1_i64..200).prop_map(ChangeKind::Quantity),
        3 => (0_i64..100_000).prop_map(|price| ChangeKind::Plan(plan(price))),
        1 => (0_i64..1_000_000).prop_map(|price| ChangeKind::Interval { interval: Interval::Year, plan: plan(price) }),
        1 => (0_i64..100_000).prop_map(|price| ChangeKind::Interval { interval: Interval::Month, plan: plan(price) }),
        1 => Just(ChangeKind::Cancel),
        1 => Just(ChangeKind::Resume),
    ]
}

/// Changes on days of March 2027 (the period 2027-03-01 → 04-01), in order.
fn history(kinds: impl Strategy<Value = ChangeKind>) -> impl Strategy<Value = Vec<Change>> {
    prop::collection::vec((0_u64..31, kinds), 0..8).prop_map(|mut changes| {
        changes.sort_by_key(|(offset, _)| *offset);
        changes.into_iter().map(|(offset, kind)| Change { at: anchor() + Days::new(offset), kind }).collect()
    })
}

fn sums(proration: &Proration) -> (i64, i64) {
    let amounts = proration.changes.iter().flat_map(|c| &c.lines).map(|line| line.amount.minor());
    amounts
        .fold((0, 0), |(charged, credited), a| if a >= 0 { (charged + a, credited) } else { (charged, credited - a) })
}

proptest! {
    #[test]
    fn added_users_never_cost_more_than_the_full_period_for_them(
        price in 0_i64..1_000_000,
        start in 1_i64..50,
        changes in history((1_i64..200).prop_map(ChangeKind::Quantity)),
    ) {
        let proration = prorate_changes(&subscription(price, start), &changes).expect("valid");
        let most = changes.iter().fold(start, |most, c| match c.kind { ChangeKind::Quantity(q) => most.max(q), _ => most });
        let (charged, credited) = sums(&proration);
        prop_assert_eq!(credited, 0);
        prop_assert!(charged <= price * (most - start), "charged {} for {} more users at {}", charged, most - start, price);
    }

    #[test]
    fn credits_never_exceed_what_was_paid(
        price in 0_i64..100_000,
        start in 1_i64..50,
        changes in history(any_kind()),
    ) {
        let proration = prorate_changes(&subscription(price, start), &changes).expect("valid");
        let (charged, credited) = sums(&proration);
        prop_assert!(credited <= price * start + charged, "credited {} of {} paid", credited, price * start + charged);
        prop_assert_eq!(proration.net.minor(), charged - credited);
        let due = proration.due(eur(0)).expect("due");
        prop_assert!(due.now.minor() >= 0 && due.credit_balance.minor() >= 0);
        prop_assert_eq!(due.now.minor() - due.credit_balance.minor(), proration.net.minor());
    }

    #[test]
    fn a_change_applied_twice_bills_nothing_more(
        price in 0_i64..100_000,
        start in 1_i64..50,
        mut changes in history(any_kind()),
        kind in any_kind(),
        offset in 0_u64..31,
    ) {
        let at = (anchor() + Days::new(offset)).max(changes.last().map_or(anchor(), |c| c.at));
        changes.push(Change { at, kind });
        let once = prorate_changes(&subscription(price, start), &changes).expect("valid");
        changes.push(changes.last().expect("pushed").clone());
        let twice = prorate_changes(&subscription(price, start), &changes).expect("valid");
        prop_assert_eq!(twice.net, once.net);
        prop_assert!(twice.changes.last().expect("outcome").lines.is_empty());
        prop_assert_eq!(twice.due(once.net).expect("due").now, eur(0));
        prop_assert_eq!(twice.renewal, once.renewal);
    }
}
