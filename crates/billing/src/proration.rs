//! Proration: what a period's changes charge and credit, recomputed from the period's whole
//! change history (`shared/BILLING.md`, "Proration").

use chrono::NaiveDate;

use crate::lines::MAX_QUANTITY;
use crate::{
    Change, ChangeKind, Currency, Error, Interval, Money, Period, Plan, Result, Subscription, add_months,
    period_containing,
};

/// `round_half_up(unit_price × quantity × days / period_days)`, exact in 128-bit integers and
/// rounded once, to the minor unit.
///
/// ```
/// use tessera_billing::{Currency, Money, prorate};
///
/// let eur = Currency::parse("EUR")?;
/// // 1000 × 2 × 12 / 31 = 774.19 cents: EUR 7.74.
/// assert_eq!(prorate(Money::parse("10.00", eur)?, 2, 12, 31)?, Money::parse("7.74", eur)?);
/// // Half a cent rounds up.
/// assert_eq!(prorate(Money::parse("0.01", eur)?, 1, 15, 30)?.minor(), 1);
/// # Ok::<(), tessera_billing::Error>(())
/// ```
pub fn prorate(unit_price: Money, quantity: i64, days: i64, period_days: i64) -> Result<Money> {
    if unit_price.minor() < 0 {
        return Err(Error::invalid("unit_price", format!("a price is not negative, not {unit_price}")));
    }
    if quantity < 0 {
        return Err(Error::invalid("quantity", format!("a quantity is not negative, not {quantity}")));
    }
    if period_days <= 0 || !(0..=period_days).contains(&days) {
        return Err(Error::invalid("days", format!("{days} days is not part of a period of {period_days}")));
    }
    let exact = i128::from(unit_price.minor()) * i128::from(quantity) * i128::from(days);
    // Half up: floor((2n + D) / 2D), n and D positive.
    let rounded = (2 * exact + i128::from(period_days)) / (2 * i128::from(period_days));
    let minor = i64::try_from(rounded).map_err(|_| Error::Overflow)?;
    Ok(Money::from_minor(minor, unit_price.currency()))
}

/// When a change takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effective {
    /// At once: the license gets what was bought the same day.
    Now,
    /// On this day: the period's end, scheduled and revocable until then.
    At(NaiveDate),
}

/// One line of what a change charges (positive) or credits (negative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProratedLine {
    pub description: String,
    pub amount: Money,
}

/// What one change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// `d`: days from the change's day (inclusive) to the end of the period it was made in.
    pub days_remaining: i64,
    pub effective: Effective,
    /// Empty when nothing is charged or credited now.
    pub lines: Vec<ProratedLine>,
    /// The period that starts with this change (monthly → annual moves the anchor to its day);
    /// the changes after it are prorated over that one.
    pub new_period: Option<Period>,
}

/// What the subscription renews as at the end of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renewal {
    pub start: NaiveDate,
    pub interval: Interval,
    pub plan: Plan,
    pub quantity: i64,
    /// The plan's price times the users, charged on `start`.
    pub total: Money,
}

/// What the customer has once the period's changes are applied: the license follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The period they are in (an annual one after monthly → annual).
    pub period: Period,
    pub interval: Interval,
    pub plan: Plan,
    /// Users held now: more users count at once, fewer only from the period end.
    pub quantity: i64,
}

/// A period recomputed from its whole change history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proration {
    /// The period the changes were made in: the one containing the first change's day.
    pub period: Period,
    /// One outcome per change, in order.
    pub changes: Vec<Outcome>,
    /// All the lines' sum: what the period's changes are worth, charges minus credits.
    pub net: Money,
    /// `None` when the subscription is cancelled at the period end.
    pub renewal: Option<Renewal>,
    /// What the customer has now.
    pub standing: Standing,
}

/// What the customer owes now, given what was already invoiced for the period's changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub now: Money,
    /// A negative balance is kept for the next invoices, never paid out.
    pub credit_balance: Money,
}

impl Proration {
    /// Due now: the period's net less what was already invoiced for it (charges minus credits
    /// of the changes billed before), so a change applied twice bills nothing more.
    pub fn due(&self, invoiced: Money) -> Result<Due> {
        let outstanding = self.net.checked_add(invoiced.times(-1)?)?;
        let zero = Money::zero(self.net.currency());
        Ok(if outstanding.minor() >= 0 {
            Due { now: outstanding, credit_balance: zero }
        } else {
            Due { now: zero, credit_balance: outstanding.times(-1)? }
        })
    }
}

/// Recomputes the period containing the first change's day (the subscription's first period
/// when there are none) from `subscription` as it stood at that period's start and the
/// `changes` made in it, in order. The portal's preview and its charge both call this: what is
/// charged is [`Proration::due`] of what was already invoiced.
///
/// Credits never exceed what was paid for the period (its price at the start plus what the
/// changes charged). Refused: a quantity outside 1 to [`MAX_QUANTITY`], a price in another
/// currency or negative, changes out of order or outside their period; each error names the
/// field as the quote spells it (`changes[1].at`).
pub fn prorate_changes(subscription: &Subscription, changes: &[Change]) -> Result<Proration> {
    let mut walk = Walk::start(subscription, changes.first().map(|change| change.at))?;
    let period = walk.period;
    let outcomes = changes
        .iter()
        .enumerate()
        .map(|(index, change)| walk.apply(&format!("changes[{index}]"), change))
        .collect::<Result<Vec<_>>>()?;
    let standing =
        Standing { period: walk.period, interval: walk.interval, plan: walk.plan.clone(), quantity: walk.quantity };
    Ok(Proration { period, changes: outcomes, net: walk.net, renewal: walk.renewal()?, standing })
}

/// The subscription as the walk through the changes leaves it.
struct Walk {
    currency: Currency,
    period: Period,
    interval: Interval,
    /// What the customer has now (and paid for, up to the period end).
    plan: Plan,
    quantity: i64,
    /// What it renews as, unless cancelled.
    next_interval: Interval,
    next_plan: Plan,
    next_quantity: i64,
    cancelled: bool,
    /// Paid for the current period (its price, then the changes' charges) and credited back.
    paid: Money,
    credited: Money,
    net: Money,
    last_at: Option<NaiveDate>,
}

impl Walk {
    fn start(subscription: &Subscription, first_change: Option<NaiveDate>) -> Result<Self> {
        let currency = subscription.plan.unit_price.currency();
        check_plan(currency, "plan", &subscription.plan)?;
        check_quantity("quantity", subscription.quantity)?;
        let on = first_change.unwrap_or(subscription.anchor);
        let period = period_containing(subscription.anchor, subscription.interval, on)
            .map_err(|e| Error::invalid(if first_change.is_some() { "changes[0].at" } else { "anchor" }, e))?;
        Ok(Self {
            currency,
            period,
            interval: subscription.interval,
            plan: subscription.plan.clone(),
            quantity: subscription.quantity,
            next_interval: subscription.interval,
            next_plan: subscription.plan.clone(),
            next_quantity: subscription.quantity,
            cancelled: false,
            paid: subscription.plan.unit_price.times(subscription.quantity)?,
            credited: Money::zero(currency),
            net: Money::zero(currency),
            last_at: None,
        })
    }

    fn apply(&mut self, field: &str, change: &Change) -> Result<Outcome> {
        let at_field = || format!("{field}.at");
        if let Some(last) = self.last_at.filter(|last| change.at < *last) {
            return Err(Error::invalid(
                at_field(),
                format!("{} is before the change made earlier, on {last}", change.at),
            ));
        }
        self.last_at = Some(change.at);
        let days = self.period.days_remaining(change.at).ok_or_else(|| {
            let (start, end) = (self.period.start, self.period.end);
            Error::invalid(at_field(), format!("{} is outside the current period, {start} to {end}", change.at))
        })?;
        let at_end = Effective::At(self.period.end);
        let mut outcome =
            Outcome { days_remaining: days, effective: Effective::Now, lines: Vec::new(), new_period: None };
        match &change.kind {
            ChangeKind::Quantity(quantity) => {
                check_quantity(&format!("{field}.quantity"), *quantity)?;
                self.next_quantity = *quantity;
                if *quantity > self.quantity {
                    let added = quantity - self.quantity;
                    let amount = prorate(self.plan.unit_price, added, days, self.period.days)?;
                    let what = format!("{added} {} added to {}", users(added), self.plan.id);
                    outcome.lines.push(self.charge(format!("{what}, {days} of {} days", self.period.days), amount)?);
                    self.quantity = *quantity;
                } else if *quantity < self.quantity {
                    outcome.effective = at_end;
                }
            }
            ChangeKind::Plan(plan) => {
                check_plan(self.currency, &format!("{field}.plan"), plan)?;
                outcome.effective = self.change_plan(plan, days, &mut outcome.lines)?.unwrap_or(at_end);
            }
            ChangeKind::Interval { interval, plan } => {
                check_plan(self.currency, &format!("{field}.plan"), plan)?;
                match (self.interval, *interval) {
                    (Interval::Month, Interval::Year) => {
                        outcome.new_period = Some(self.switch_to_annual(change.at, plan, days, &mut outcome.lines)?);
                    }
                    (Interval::Year, Interval::Month) => {
                        self.next_interval = Interval::Month;
                        self.next_plan = plan.clone();
                        outcome.effective = at_end;
                    }
                    _ => outcome.effective = self.change_plan(plan, days, &mut outcome.lines)?.unwrap_or(at_end),
                }
            }
            ChangeKind::Cancel => {
                self.cancelled = true;
                outcome.effective = at_end;
            }
            ChangeKind::Resume => self.cancelled = false,
        }
        Ok(outcome)
    }

    /// A plan of the current interval: a price per user at least the current one takes effect
    /// now (charge the new plan's remainder, credit the old one's); a lower one at the period end
    /// (`None`). Either way it is what renews, replacing a scheduled interval change.
    fn change_plan(&mut self, plan: &Plan, days: i64, lines: &mut Vec<ProratedLine>) -> Result<Option<Effective>> {
        self.next_interval = self.interval;
        self.next_plan = plan.clone();
        if plan.unit_price.minor() < self.plan.unit_price.minor() {
            return Ok(None);
        }
        if *plan != self.plan {
            let of = self.period.days;
            let credit = prorate(self.plan.unit_price, self.quantity, days, of)?;
            let description =
                format!("unused {} for {} {}, {days} of {of} days", self.plan.id, self.quantity, users(self.quantity));
            lines.push(self.credit(description, credit)?);
            let charge = prorate(plan.unit_price, self.quantity, days, of)?;
            let description =
                format!("{} for {} {}, {days} of {of} days", plan.id, self.quantity, users(self.quantity));
            lines.push(self.charge(description, charge)?);
            self.plan = plan.clone();
        }
        Ok(Some(Effective::Now))
    }

    /// Monthly → annual on `at`: the monthly period ends that day, so what was scheduled for its
    /// end (fewer users, a cancel) happens now; a year of `plan` is charged in full and the
    /// unused monthly remainder credited. Returns the annual period it starts.
    fn switch_to_annual(
        &mut self,
        at: NaiveDate,
        plan: &Plan,
        days: i64,
        lines: &mut Vec<ProratedLine>,
    ) -> Result<Period> {
        let of = self.period.days;
        let credit = prorate(self.plan.unit_price, self.quantity, days, of)?;
        let description = format!(
            "unused monthly {} for {} {}, {days} of {of} days",
            self.plan.id,
            self.quantity,
            users(self.quantity)
        );
        let credit_line = self.credit(description, credit)?;
        let quantity = self.next_quantity;
        let end = add_months(at, Interval::Year.months());
        let annual = Period { start: at, end, days: (end - at).num_days() };
        let price = plan.unit_price.times(quantity)?;
        // The new period's payment: the credits after this one are bounded by it.
        (self.period, self.paid, self.credited) = (annual, Money::zero(self.currency), Money::zero(self.currency));
        let description = format!("{} for {quantity} {}, a year from {at}", plan.id, users(quantity));
        let charge_line = self.charge(description, price)?;
        lines.extend([credit_line, charge_line]);
        (self.interval, self.plan, self.quantity) = (Interval::Year, plan.clone(), quantity);
        (self.next_interval, self.next_plan, self.cancelled) = (Interval::Year, plan.clone(), false);
        Ok(annual)
    }

    fn charge(&mut self, description: String, amount: Money) -> Result<ProratedLine> {
        self.paid = self.paid.checked_add(amount)?;
        self.net = self.net.checked_add(amount)?;
        Ok(ProratedLine { description, amount })
    }

    /// A credit of `amount`, capped so that the period's credits never exceed what was paid for it.
    fn credit(&mut self, description: String, amount: Money) -> Result<ProratedLine> {
        let left = self.paid.checked_add(self.credited.times(-1)?)?;
        let amount = if amount.minor() > left.minor() { left } else { amount };
        self.credited = self.credited.checked_add(amount)?;
        let amount = amount.times(-1)?;
        self.net = self.net.checked_add(amount)?;
        Ok(ProratedLine { description: format!("credit: {description}"), amount })
    }

    fn renewal(&self) -> Result<Option<Renewal>> {
        if self.cancelled {
            return Ok(None);
        }
        Ok(Some(Renewal {
            start: self.period.end,
            interval: self.next_interval,
            plan: self.next_plan.clone(),
            quantity: self.next_quantity,
            total: self.next_plan.unit_price.times(self.next_quantity)?,
        }))
    }
}

fn users(count: i64) -> &'static str {
    if count == 1 { "user" } else { "users" }
}

fn check_quantity(field: &str, quantity: i64) -> Result<()> {
    if (1..=MAX_QUANTITY).contains(&quantity) {
        Ok(())
    } else {
        Err(Error::invalid(field, format!("a quantity is 1 to {MAX_QUANTITY} users, not {quantity}")))
    }
}

fn check_plan(currency: Currency, field: &str, plan: &Plan) -> Result<()> {
    let price = plan.unit_price;
    if price.currency() != currency {
        return Err(Error::invalid(
            format!("{field}.unit_price"),
            Error::CurrencyMismatch(currency.code(), price.currency().code()),
        ));
    }
    if price.minor() < 0 {
        return Err(Error::invalid(format!("{field}.unit_price"), format!("a price is not negative, not {price}")));
    }
    if plan.id.trim().is_empty() {
        return Err(Error::invalid(format!("{field}.id"), "a plan has an id"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str, code: &str) -> Money {
        let currency = Currency::parse(code).expect("currency");
        Money::parse(text, currency).expect("amount")
    }

    #[test]
    fn the_amount_is_rounded_once_half_up() {
        // 1000 × 2 × 12 / 31 = 774.19…: worked example 1.
        assert_eq!(prorate(money("10.00", "EUR"), 2, 12, 31), Ok(money("7.74", "EUR")));
        // Exactly half a cent rounds up: 1 × 1 × 15 / 30 = 0.5 cent.
        assert_eq!(prorate(money("0.01", "EUR"), 1, 15, 30), Ok(money("0.01", "EUR")));
        // Just under half rounds down: 1 × 1 × 14 / 30 = 0.47 cent.
        assert_eq!(prorate(money("0.01", "EUR"), 1, 14, 30), Ok(money("0.00", "EUR")));
        // 0.05 × 1 × 1 / 2 = 2.5 cents → 3: no banker's rounding.
        assert_eq!(prorate(money("0.05", "EUR"), 1, 1, 2), Ok(money("0.03", "EUR")));
    }

    #[test]
    fn the_minor_unit_follows_the_currency() {
        // JPY (exponent 0): 1000 yen × 2 × 12 / 31 = 774.19 → 774 yen.
        assert_eq!(prorate(money("1000", "JPY"), 2, 12, 31), Ok(money("774", "JPY")));
        // BHD (exponent 3): 10.000 × 2 × 12 / 31 = 7.741935… → 7.742.
        assert_eq!(prorate(money("10.000", "BHD"), 2, 12, 31), Ok(money("7.742", "BHD")));
        assert_eq!(prorate(money("10.000", "BHD"), 2, 12, 31).map(|m| m.decimal()), Ok("7.742".to_owned()));
    }

    #[test]
    fn the_whole_period_and_its_last_day() {
        assert_eq!(prorate(money("10.00", "EUR"), 3, 31, 31), Ok(money("30.00", "EUR")), "d = D: the full price");
        assert_eq!(prorate(money("10.00", "EUR"), 1, 1, 31), Ok(money("0.32", "EUR")), "d = 1");
        assert_eq!(prorate(money("10.00", "EUR"), 1, 0, 31), Ok(money("0.00", "EUR")));
    }

    #[test]
    fn large_amounts_are_exact_or_refused() {
        let large = Money::from_minor(i64::MAX / 2, Currency::parse("EUR").expect("EUR"));
        // The product overflows 64 bits but not 128: exact, then back in range.
        assert_eq!(prorate(large, 1_000_000, 1, 1_000_000), Ok(large));
        assert_eq!(prorate(large, 3, 1, 1), Err(Error::Overflow));
    }

    #[test]
    fn impossible_inputs_are_refused() {
        let price = money("10.00", "EUR");
        assert!(prorate(Money::from_minor(-1, price.currency()), 1, 1, 31).is_err());
        assert!(prorate(price, -1, 1, 31).is_err());
        assert!(prorate(price, 1, 32, 31).is_err());
        assert!(prorate(price, 1, -1, 31).is_err());
        assert!(prorate(price, 1, 0, 0).is_err());
    }
}
