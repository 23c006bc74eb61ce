//! The back office's dashboard: what the vendor looks at first.

use tessera_billing::Money;

use crate::error::Result;
use crate::store::{Pool, dashboard};

const DAY: i64 = 86_400;

/// The figures, at a time.
#[derive(Debug)]
pub struct Figures {
    pub active_licenses: i64,
    /// Machines activated since midnight UTC.
    pub activations_today: i64,
    /// Orders awaiting payment: how many, and their total per currency.
    pub awaiting_orders: i64,
    pub awaiting_totals: Vec<Money>,
    /// Active licenses whose term ends in the next 90 days.
    pub terms_ending: i64,
    pub mails_failed: i64,
}

/// The figures at `now`.
pub async fn figures(pool: &Pool, now: i64) -> Result<Figures> {
    let awaiting = dashboard::awaiting_payment(pool).await?;
    let awaiting_totals = awaiting
        .iter()
        .filter_map(|(currency, _, total)| super::orders::currency(currency).ok().map(|c| Money::from_minor(*total, c)))
        .collect();
    Ok(Figures {
        active_licenses: dashboard::active_licenses(pool, now).await?,
        activations_today: dashboard::activations_since(pool, now - now.rem_euclid(DAY)).await?,
        awaiting_orders: awaiting.iter().map(|(_, count, _)| count).sum(),
        awaiting_totals,
        terms_ending: dashboard::terms_ending(pool, now, now + 90 * DAY).await?,
        mails_failed: dashboard::mails_failed(pool).await?,
    })
}
