//! The quote tool as a page: the same request as `tessera-portal billing quote` reads (a
//! subscription, its plan and the changes of a period), typed into a form, answered by the
//! same tessera-billing functions the command calls (`QuoteRequest::from_json`, `quote`), as a
//! table and as the command's JSON. Bad input: the command's message naming the field.

use askama::Template;
use axum::Form;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};
use tessera_billing::{Quote, QuoteRequest};

use super::super::{WebError, render};
use super::{Frame, StaffVisit};
use crate::domain::Text;

/// Rows for changes on the form.
const CHANGE_ROWS: usize = 4;

/// One change row as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ChangeRow {
    #[serde(default)]
    pub at: Text<16>,
    /// `quantity`, `plan`, `interval`, `cancel`, `resume`, or blank for no change.
    #[serde(default)]
    pub kind: Text<16>,
    #[serde(default)]
    pub quantity: Text<16>,
    #[serde(default)]
    pub plan: Text<64>,
    #[serde(default)]
    pub price: Text<32>,
    #[serde(default)]
    pub interval: Text<16>,
}

/// The form as typed (`changes[i].field` names flattened to `c{i}_{field}`).
#[derive(Debug, Clone, Deserialize)]
pub struct QuoteForm {
    #[serde(default)]
    currency: Text<8>,
    #[serde(default)]
    interval: Text<16>,
    #[serde(default)]
    anchor: Text<16>,
    #[serde(default)]
    plan: Text<64>,
    #[serde(default)]
    price: Text<32>,
    #[serde(default)]
    quantity: Text<16>,
    #[serde(default)]
    invoiced: Text<32>,
    #[serde(flatten)]
    rest: std::collections::HashMap<String, String>,
}

impl QuoteForm {
    /// BILLING.md's worked example 1, to start from.
    fn example() -> Self {
        let mut rest = std::collections::HashMap::new();
        for (name, value) in [("c0_at", "2027-03-20"), ("c0_kind", "quantity"), ("c0_quantity", "7")] {
            rest.insert(name.to_owned(), value.to_owned());
        }
        Self {
            currency: text("EUR"),
            interval: text("month"),
            anchor: text("2027-03-01"),
            plan: text("pro"),
            price: text("10.00"),
            quantity: text("5"),
            invoiced: Text::default(),
            rest,
        }
    }

    /// The change rows, as many as the form has.
    fn rows(&self) -> Vec<ChangeRow> {
        (0..CHANGE_ROWS)
            .map(|i| {
                let typed = |name: &str| self.rest.get(&format!("c{i}_{name}")).map_or("", String::as_str);
                let field = |name: &str| text(typed(name));
                ChangeRow {
                    at: field("at"),
                    kind: field("kind"),
                    quantity: field("quantity"),
                    plan: text(typed("plan")),
                    price: text(typed("price")),
                    interval: field("interval"),
                }
            })
            .collect()
    }

    /// The request as `billing quote` reads it on stdin: rows up to the last one filled in.
    fn json(&self) -> Value {
        let rows = self.rows();
        let used =
            rows.iter().rposition(|row| !row.at.trim().is_empty() || !row.kind.trim().is_empty()).map_or(0, |i| i + 1);
        let changes: Vec<Value> = rows[..used].iter().map(change_json).collect();
        let mut request = json!({
            "currency": self.currency.trim(),
            "interval": self.interval.trim(),
            "anchor": self.anchor.trim(),
            "plan": { "id": self.plan.trim(), "unit_price": self.price.trim() },
            "quantity": whole(&self.quantity),
            "changes": changes,
        });
        if !self.invoiced.trim().is_empty() {
            request["invoiced"] = Value::String(self.invoiced.trim().to_owned());
        }
        request
    }
}

fn text<const N: usize>(value: &str) -> Text<N> {
    Text::parse("field", value).unwrap_or_default()
}

/// A count as a JSON number when it is one, else as typed (the quote then says why not).
fn whole(typed: &str) -> Value {
    typed.trim().parse::<i64>().map_or_else(|_| Value::String(typed.trim().to_owned()), Value::from)
}

fn change_json(row: &ChangeRow) -> Value {
    let mut change = json!({ "at": row.at.trim() });
    let plan = || json!({ "id": row.plan.trim(), "unit_price": row.price.trim() });
    match row.kind.trim() {
        "quantity" => change["quantity"] = whole(&row.quantity),
        "plan" => change["plan"] = plan(),
        "interval" => {
            change["interval"] = Value::String(row.interval.trim().to_owned());
            change["plan"] = plan();
        }
        "cancel" => change["cancel"] = Value::Bool(true),
        "resume" => change["resume"] = Value::Bool(true),
        _ => {}
    }
    change
}

#[derive(Template)]
#[template(path = "backoffice/quote.html")]
struct QuotePage {
    frame: Frame,
    form: QuoteForm,
    rows: Vec<ChangeRow>,
    quote: Option<Quote>,
    /// The quote as the command prints it.
    answer: String,
    problem: Option<String>,
}

impl QuotePage {
    fn kinds(&self) -> &'static [&'static str] {
        &["", "quantity", "plan", "interval", "cancel", "resume"]
    }

    /// "From 2027-04-01: pro, users: 7, 70.00 a month".
    fn next_text(&self, next: &tessera_billing::NextPeriod) -> String {
        let (date, users) = (next.start.to_string(), next.quantity.to_string());
        let per = self.frame.page.t1("bo-quote-per", "interval", &next.interval);
        self.frame.page.t_with(
            "bo-quote-next",
            &[("date", &date), ("plan", &next.plan), ("users", &users), ("total", &next.total), ("per", &per)],
        )
    }

    fn days(&self, days: &i64) -> String {
        self.frame.page.tn("bo-quote-days", "days", *days)
    }

    fn kind_name(&self, kind: &str) -> String {
        self.frame.page.t1("bo-quote-kind", "kind", if kind.is_empty() { "none" } else { kind })
    }
}

/// The form, filled with the worked example.
pub async fn page(visit: StaffVisit) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "subscriptions", "/admin/quote");
    let form = QuoteForm::example();
    let rows = form.rows();
    render(&QuotePage { frame, form, rows, quote: None, answer: String::new(), problem: None })
}

/// Quotes what the form holds, as `billing quote` would; bad input is the command's message
/// (naming the field) with the form as typed (400).
pub async fn answer(visit: StaffVisit, Form(form): Form<QuoteForm>) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "subscriptions", "/admin/quote");
    let request = form.json().to_string();
    let quoted = QuoteRequest::from_json(&request).and_then(|request| tessera_billing::quote(&request));
    let rows = form.rows();
    let (quote, answer, problem) = match quoted {
        Ok(quote) => {
            let answer = serde_json::to_string_pretty(&quote).map_err(|e| WebError::internal(&e.to_string()))?;
            (Some(quote), answer, None)
        }
        Err(error) => (None, String::new(), Some(frame.page.t1("bo-quote-refused", "detail", &error.to_string()))),
    };
    let status = if problem.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let mut response = render(&QuotePage { frame, form, rows, quote, answer, problem })?;
    *response.status_mut() = status;
    Ok(response)
}
