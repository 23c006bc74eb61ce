//! What proration reads: a subscription as it stands at the start of a period, and the changes
//! its customer made in that period, in order.

use chrono::NaiveDate;

use crate::{Interval, Money};

/// A plan as sold per interval: its id and its price per user per period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Plan {
    pub id: String,
    pub unit_price: Money,
}

/// A subscription at the start of its current period: what was paid for that period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The day its first paid period started.
    pub anchor: NaiveDate,
    pub interval: Interval,
    pub plan: Plan,
    /// Users (seats) paid for.
    pub quantity: i64,
}

/// One change a customer made, on the day `at` (in the vendor's billing time zone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: NaiveDate,
    pub kind: ChangeKind,
}

/// What a change asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// This many users: more is charged now, fewer takes effect at the period end.
    Quantity(i64),
    /// Another plan of the same interval: a higher price per user now, a lower one at the period end.
    Plan(Plan),
    /// Another interval, with the plan's price for it: monthly → annual now (the anchor moves to
    /// the change's day), annual → monthly at the end of the annual term.
    Interval { interval: Interval, plan: Plan },
    /// Stop renewing at the period end.
    Cancel,
    /// Undo a cancel before the period ends.
    Resume,
}
