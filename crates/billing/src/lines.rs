//! Order lines priced: each subtotal is the unit price times the quantity, the total their
//! exact sum, all in one currency.

use crate::{Currency, Error, Money, Result};

/// The most of one thing a line may order.
pub const MAX_QUANTITY: i64 = 1_000_000;

/// One line: `quantity` of something at `unit_price` each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub unit_price: Money,
    pub quantity: i64,
}

/// The lines priced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priced {
    /// Each line's subtotal, in the order of the lines.
    pub subtotals: Vec<Money>,
    pub total: Money,
}

/// Prices `lines` in `currency`: every unit price must be in it, every quantity 1 to
/// [`MAX_QUANTITY`], no unit price negative; the total is the exact sum of the subtotals.
pub fn price_lines(currency: Currency, lines: &[Line]) -> Result<Priced> {
    let mut total = Money::zero(currency);
    let mut subtotals = Vec::with_capacity(lines.len());
    for line in lines {
        if !(1..=MAX_QUANTITY).contains(&line.quantity) {
            return Err(Error::BadQuantity(format!("a quantity is 1 to {MAX_QUANTITY}, not {}", line.quantity)));
        }
        if line.unit_price.minor() < 0 {
            return Err(Error::BadQuantity(format!("a unit price is not negative, not {}", line.unit_price)));
        }
        if line.unit_price.currency() != currency {
            return Err(Error::CurrencyMismatch(currency.code(), line.unit_price.currency().code()));
        }
        let subtotal = line.unit_price.times(line.quantity)?;
        total = total.checked_add(subtotal)?;
        subtotals.push(subtotal);
    }
    Ok(Priced { subtotals, total })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn eur(minor: i64) -> Money {
        Money::from_minor(minor, Currency::parse("EUR").expect("EUR"))
    }

    #[test]
    fn the_total_is_the_sum_of_unit_price_times_quantity() {
        let currency = Currency::parse("EUR").expect("EUR");
        let priced = price_lines(
            currency,
            &[Line { unit_price: eur(29_900), quantity: 3 }, Line { unit_price: eur(4_990), quantity: 1 }],
        )
        .expect("priced");
        assert_eq!(priced.subtotals, vec![eur(89_700), eur(4_990)]);
        assert_eq!(priced.total, eur(94_690));
        assert_eq!(price_lines(currency, &[]).expect("empty").total, eur(0));
    }

    #[test]
    fn bad_lines_are_refused() {
        let currency = Currency::parse("EUR").expect("EUR");
        let usd = Money::from_minor(100, Currency::parse("USD").expect("USD"));
        for (line, expected) in [
            (Line { unit_price: eur(100), quantity: 0 }, "not 0"),
            (Line { unit_price: eur(100), quantity: -2 }, "not -2"),
            (Line { unit_price: eur(100), quantity: MAX_QUANTITY + 1 }, "not 1000001"),
            (Line { unit_price: eur(-1), quantity: 1 }, "not EUR -0.01"),
            (Line { unit_price: usd, quantity: 1 }, "EUR and USD"),
            (Line { unit_price: eur(i64::MAX / 2), quantity: 3 }, "too large"),
        ] {
            let error = price_lines(currency, &[line]).expect_err(expected).to_string();
            assert!(error.contains(expected), "{line:?}: {error}");
        }
    }

    proptest! {
        #[test]
        fn the_total_never_differs_from_the_sum_of_subtotals(
            lines in prop::collection::vec((0_i64..10_000_000, 1_i64..=1_000), 0..20)
        ) {
            let currency = Currency::parse("EUR").expect("EUR");
            let lines: Vec<Line> = lines.into_iter().map(|(p, q)| Line { unit_price: eur(p), quantity: q }).collect();
            let priced = price_lines(currency, &lines).expect("in range");
            let sum: i64 = lines.iter().map(|l| l.unit_price.minor() * l.quantity).sum();
            prop_assert_eq!(priced.total.minor(), sum);
            prop_assert_eq!(priced.subtotals.iter().map(|m| m.minor()).sum::<i64>(), sum);
        }
    }
}
