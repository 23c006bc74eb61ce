//! The JSON contract of `tessera-portal billing quote`: a subscription and its changes in, what
//! they charge and what renews out (`docs/api.md`, "Billing quote").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    Change, ChangeKind, Currency, Effective, Error, Interval, Money, Period, Plan, Proration, Result, Subscription,
    prorate_changes,
};

/// A quote request as read from JSON; every leaf is checked by [`QuoteRequest::from_json`] so
/// that an error names its field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequest {
    currency: Value,
    interval: Value,
    anchor: Value,
    plan: RawPlan,
    quantity: Value,
    #[serde(default)]
    changes: Vec<RawChange>,
    /// Charges minus credits already invoiced for the period's changes (default none).
    #[serde(default)]
    invoiced: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    id: Value,
    unit_price: Value,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    at: Value,
    quantity: Option<Value>,
    plan: Option<RawPlan>,
    interval: Option<Value>,
    cancel: Option<Value>,
    resume: Option<Value>,
}

/// A subscription at the start of the quoted period, the changes made in it, and what was
/// already invoiced for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRequest {
    pub subscription: Subscription,
    pub changes: Vec<Change>,
    pub invoiced: Money,
}

impl QuoteRequest {
    /// Reads a request:
    /// `{"currency", "interval", "anchor", "plan": {"id", "unit_price"}, "quantity", "changes": [...]}`,
    /// where a change is `{"at", "quantity"}`, `{"at", "plan"}`, `{"at", "interval", "plan"}`,
    /// `{"at", "cancel": true}` or `{"at", "resume": true}`; amounts are decimal strings in the
    /// currency's exponent, dates `YYYY-MM-DD`. An optional `"invoiced"` amount is what was
    /// already invoiced for the period's changes. Unknown fields are refused.
    pub fn from_json(json: &str) -> Result<Self> {
        let raw: RawRequest = serde_json::from_str(json).map_err(|e| Error::BadQuote(e.to_string()))?;
        let currency = Currency::parse(text("currency", &raw.currency)?).map_err(|e| Error::invalid("currency", e))?;
        let interval = Interval::parse(text("interval", &raw.interval)?).map_err(|e| Error::invalid("interval", e))?;
        let subscription = Subscription {
            anchor: date("anchor", &raw.anchor)?,
            interval,
            plan: plan("plan", &raw.plan, currency)?,
            quantity: whole("quantity", &raw.quantity)?,
        };
        let changes = raw
            .changes
            .iter()
            .enumerate()
            .map(|(index, change)| self::change(&format!("changes[{index}]"), change, currency))
            .collect::<Result<Vec<_>>>()?;
        let invoiced = match &raw.invoiced {
            None => Money::zero(currency),
            Some(value) => amount("invoiced", value, currency)?,
        };
        Ok(Self { subscription, changes, invoiced })
    }
}

fn change(field: &str, raw: &RawChange, currency: Currency) -> Result<Change> {
    let at = date(&format!("{field}.at"), &raw.at)?;
    let plan = raw.plan.as_ref().map(|p| plan(&format!("{field}.plan"), p, currency)).transpose()?;
    let flag = |name: &str, value: &Value| match value {
        Value::Bool(true) => Ok(()),
        other => Err(Error::invalid(format!("{field}.{name}"), format!("is true when present, not {other}"))),
    };
    let kind = match (&raw.quantity, plan, &raw.interval, &raw.cancel, &raw.resume) {
        (Some(quantity), None, None, None, None) => {
            ChangeKind::Quantity(whole(&format!("{field}.quantity"), quantity)?)
        }
        (None, Some(plan), None, None, None) => ChangeKind::Plan(plan),
        (None, Some(plan), Some(interval), None, None) => {
            let name = format!("{field}.interval");
            let interval = Interval::parse(text(&name, interval)?).map_err(|e| Error::invalid(name, e))?;
            ChangeKind::Interval { interval, plan }
        }
        (None, None, Some(_), None, None) => {
            return Err(Error::invalid(
                format!("{field}.plan"),
                "an interval change names the plan and its price for that interval",
            ));
        }
        (None, None, None, Some(cancel), None) => {
            flag("cancel", cancel)?;
            ChangeKind::Cancel
        }
        (None, None, None, None, Some(resume)) => {
            flag("resume", resume)?;
            ChangeKind::Resume
        }
        _ => {
            return Err(Error::invalid(
                field,
                "a change is one of quantity, plan, interval with plan, cancel or resume (with its date, at)",
            ));
        }
    };
    Ok(Change { at, kind })
}

fn plan(field: &str, raw: &RawPlan, currency: Currency) -> Result<Plan> {
    let id = text(&format!("{field}.id"), &raw.id)?.trim();
    if id.is_empty() {
        return Err(Error::invalid(format!("{field}.id"), "a plan has an id"));
    }
    Ok(Plan { id: id.to_owned(), unit_price: amount(&format!("{field}.unit_price"), &raw.unit_price, currency)? })
}

fn text<'a>(field: &str, value: &'a Value) -> Result<&'a str> {
    value.as_str().ok_or_else(|| Error::invalid(field, format!("a string is expected, not {value}")))
}

fn date(field: &str, value: &Value) -> Result<NaiveDate> {
    let text = text(field, value)?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, format!("'{text}' is not a date (YYYY-MM-DD)")))
}

fn whole(field: &str, value: &Value) -> Result<i64> {
    value.as_i64().ok_or_else(|| Error::invalid(field, format!("a whole number of users is expected, not {value}")))
}

/// Amounts are strings, so that no float ever holds money.
fn amount(field: &str, value: &Value, currency: Currency) -> Result<Money> {
    let text = value.as_str().ok_or_else(|| {
        Error::invalid(field, format!("an amount is a decimal string such as \"10.00\", not {value}"))
    })?;
    Money::parse(text, currency).map_err(|e| Error::invalid(field, e))
}

/// The answer: the period, each change's outcome, what is due now and what renews.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub currency: Currency,
    pub period: QuotedPeriod,
    pub changes: Vec<QuotedChange>,
    /// Charges less credits less what was already invoiced, when positive.
    pub due_now: String,
    /// What the period's credits leave for the next invoices (never paid out).
    pub credit_balance: String,
    /// `null` when the subscription is cancelled at the period's end.
    pub next_period: Option<NextPeriod>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotedPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotedChange {
    pub at: NaiveDate,
    pub days_remaining: i64,
    /// `"now"` or the date it takes effect.
    pub effective: String,
    pub lines: Vec<QuotedLine>,
    /// The annual period a switch from monthly starts (the anchor moves to the change's day).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_period: Option<QuotedPeriod>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotedLine {
    pub description: String,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextPeriod {
    pub start: NaiveDate,
    pub interval: String,
    pub plan: String,
    pub quantity: i64,
    pub unit_price: String,
    pub total: String,
}

/// Quotes `request`. The current period is the one containing the first change's date (the
/// subscription's first period when there are no changes): changes are quoted in the period
/// they are made in, and the subscription is given as it stood at that period's start. Every
/// change must fall in that period (after a switch to annual, in the new annual period).
pub fn quote(request: &QuoteRequest) -> Result<Quote> {
    let proration = prorate_changes(&request.subscription, &request.changes)?;
    let due = proration.due(request.invoiced)?;
    Ok(Quote {
        currency: request.subscription.plan.unit_price.currency(),
        period: quoted_period(proration.period),
        changes: quoted_changes(&request.changes, &proration),
        due_now: due.now.decimal(),
        credit_balance: due.credit_balance.decimal(),
        next_period: proration.renewal.map(|renewal| NextPeriod {
            start: renewal.start,
            interval: renewal.interval.to_string(),
            plan: renewal.plan.id,
            quantity: renewal.quantity,
            unit_price: renewal.plan.unit_price.decimal(),
            total: renewal.total.decimal(),
        }),
    })
}

/// Reads a request in JSON and answers in pretty JSON: the whole `billing quote` command.
///
/// ```
/// // shared/BILLING.md, worked example 1: two more users for the last 12 of 31 days.
/// let request = r#"{"currency": "EUR", "interval": "month", "anchor": "2027-03-01",
///     "plan": {"id": "pro", "unit_price": "10.00"}, "quantity": 5,
///     "changes": [{"at": "2027-03-20", "quantity": 7}]}"#;
/// let answer = tessera_billing::quote_json(request)?;
/// assert!(answer.contains(r#""due_now": "7.74""#));
/// assert!(answer.contains(r#""total": "70.00""#));
///
/// let error = tessera_billing::quote_json(&request.replace("7}", "-7}")).unwrap_err();
/// assert!(error.to_string().starts_with("changes[0].quantity:"));
/// # Ok::<(), tessera_billing::Error>(())
/// ```
pub fn quote_json(json: &str) -> Result<String> {
    let quote = quote(&QuoteRequest::from_json(json)?)?;
    serde_json::to_string_pretty(&quote).map_err(|e| Error::BadQuote(e.to_string()))
}

fn quoted_period(period: Period) -> QuotedPeriod {
    QuotedPeriod { start: period.start, end: period.end, days: period.days }
}

fn quoted_changes(changes: &[Change], proration: &Proration) -> Vec<QuotedChange> {
    changes
        .iter()
        .zip(&proration.changes)
        .map(|(change, outcome)| QuotedChange {
            at: change.at,
            days_remaining: outcome.days_remaining,
            effective: match outcome.effective {
                Effective::Now => "now".to_owned(),
                Effective::At(day) => day.to_string(),
            },
            lines: outcome
                .lines
                .iter()
                .map(|line| QuotedLine { description: line.description.clone(), amount: line.amount.decimal() })
                .collect(),
            new_period: outcome.new_period.map(quoted_period),
        })
        .collect()
}
