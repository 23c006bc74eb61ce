//! Ending a subscription before its period's end (staff's "Cancel now"): what the unused part
//! of the period is worth, to give back.

use chrono::NaiveDate;

use crate::{Error, Money, Result, Standing, prorate};

/// What the unused part of the current period is worth when a subscription ends on `today`:
/// what the customer holds now (`standing`: plan price × users) for the `d` days from `today`
/// (inclusive, as for every change: the day it ends counts as unused) to the period's end, over
/// the period's `D` days, rounded once half up — never more than `paid` for the period (a
/// credit balance is never cash), never below nothing.
///
/// ```
/// use chrono::NaiveDate;
/// use tessera_billing::{Currency, Interval, Money, Period, Plan, Standing, unused_refund};
///
/// let eur = Currency::parse("EUR")?;
/// let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
/// let standing = Standing {
///     period: Period { start: day("2027-03-01"), end: day("2027-04-01"), days: 31 },
///     interval: Interval::Month,
///     plan: Plan { id: "pro".into(), unit_price: Money::parse("10.00", eur)? },
///     quantity: 5,
/// };
/// // 5000 × 12 / 31 = 1935.48 cents: EUR 19.35 back on 2027-03-20.
/// assert_eq!(unused_refund(&standing, day("2027-03-20"), Money::parse("50.00", eur)?)?, Money::parse("19.35", eur)?);
/// # Ok::<(), tessera_billing::Error>(())
/// ```
pub fn unused_refund(standing: &Standing, today: NaiveDate, paid: Money) -> Result<Money> {
    let period = standing.period;
    let days = period.days_remaining(today).ok_or_else(|| {
        Error::invalid("today", format!("{today} is not in the period {} to {}", period.start, period.end))
    })?;
    let currency = standing.plan.unit_price.currency();
    if paid.currency() != currency {
        return Err(Error::CurrencyMismatch(paid.currency().code(), currency.code()));
    }
    let unused = prorate(standing.plan.unit_price, standing.quantity, days, period.days)?;
    Ok(Money::from_minor(unused.minor().min(paid.minor()).max(0), currency))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, Interval, Period, Plan};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("day")
    }

    fn eur(text: &str) -> Money {
        Money::parse(text, Currency::parse("EUR").expect("EUR")).expect("amount")
    }

    /// 5 users of EUR 10.00 a month, March 2027 (D = 31).
    fn march(price: &str, quantity: i64) -> Standing {
        Standing {
            period: Period { start: day("2027-03-01"), end: day("2027-04-01"), days: 31 },
            interval: Interval::Month,
            plan: Plan { id: "pro".into(), unit_price: eur(price) },
            quantity,
        }
    }

    #[test]
    fn the_unused_days_of_what_is_held_are_given_back_rounded_once() {
        // d = 12: 5000 × 12 / 31 = 1935.48 → 19.35.
        assert_eq!(unused_refund(&march("10.00", 5), day("2027-03-20"), eur("50.00")), Ok(eur("19.35")));
        // The first day: the whole period; the last day: one day of 31 (161.29 → 1.61).
        assert_eq!(unused_refund(&march("10.00", 5), day("2027-03-01"), eur("50.00")), Ok(eur("50.00")));
        assert_eq!(unused_refund(&march("10.00", 5), day("2027-03-31"), eur("50.00")), Ok(eur("1.61")));
    }

    #[test]
    fn never_more_than_was_paid_and_nothing_when_nothing_was() {
        assert_eq!(unused_refund(&march("10.00", 5), day("2027-03-01"), eur("20.00")), Ok(eur("20.00")));
        assert_eq!(unused_refund(&march("10.00", 5), day("2027-03-20"), eur("0.00")), Ok(eur("0.00")));
    }

    #[test]
    fn a_day_outside_the_period_or_another_currency_is_refused() {
        let outside = unused_refund(&march("10.00", 5), day("2027-04-01"), eur("50.00")).unwrap_err();
        assert!(outside.to_string().starts_with("today:"), "{outside}");
        let usd = Money::parse("50.00", Currency::parse("USD").expect("USD")).expect("amount");
        assert!(matches!(unused_refund(&march("10.00", 5), day("2027-03-20"), usd), Err(Error::CurrencyMismatch(..))));
    }
}
