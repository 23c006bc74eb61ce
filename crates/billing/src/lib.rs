//! Tessera's money and billing rules: every amount the portal charges or shows comes from here.
//!
//! Pure: no I/O, no database, no clock (times are arguments). Amounts are integers in the
//! currency's minor unit, never floats (`shared/BILLING.md`, "Money").

mod change;
mod currency;
mod error;
mod lines;
mod money;
mod period;
mod pool;
mod proration;
mod quote;
mod refund;
mod term;

pub use change::{Change, ChangeKind, Plan, Subscription};
pub use currency::Currency;
pub use error::{Error, Result};
pub use lines::{Line, MAX_QUANTITY, Priced, price_lines};
pub use money::Money;
pub use period::{Interval, Period, period_containing, period_start};
pub use pool::{Standing as PoolStanding, license_years, renewal_term, standing as pool_standing, term_end};
pub use proration::{Due, Effective, Outcome, ProratedLine, Proration, Renewal, Standing, prorate, prorate_changes};
pub use quote::{NextPeriod, Quote, QuoteRequest, QuotedChange, QuotedLine, QuotedPeriod, quote, quote_json};
pub use refund::unused_refund;
pub use term::{Term, add_months};
