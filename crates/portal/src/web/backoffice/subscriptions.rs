//! Subscriptions in the back office: every customer's, filtered by status and searched by
//! customer, with where an unpaid one stands in its dunning; and one subscription's page with
//! its changes, its orders and card charges, and what staff may do on the customer's behalf.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::super::subscriptions as customer_pages;
use super::super::{Page, Pager, WebError, encode_path, render};
use super::{Frame, StaffVisit};
use crate::domain::{SubscriptionStatus, Text};
use crate::error::Error;
use crate::services::subscription_desk::{self, Dunning, Record, Row};
use crate::services::subscriptions::Summary;
use crate::state::AppState;
use crate::store::subscriptions::{HistoryEntry, ListFilter};
use crate::store::{Paged, orders::Order};

/// The list's filter, as the address carries it.
#[derive(Debug, Default, Deserialize)]
pub struct ListForm {
    #[serde(default)]
    status: Text<16>,
    #[serde(default)]
    q: Text<128>,
    page: Option<i64>,
}

impl ListForm {
    fn href(&self, page: Option<i64>) -> String {
        let mut query: Vec<String> = Vec::new();
        if !self.status.trim().is_empty() {
            query.push(format!("status={}", encode_path(self.status.trim())));
        }
        if !self.q.trim().is_empty() {
            query.push(format!("q={}", encode_path(self.q.trim())));
        }
        if let Some(n) = page {
            query.push(format!("page={n}"));
        }
        if query.is_empty() {
            "/admin/subscriptions".to_owned()
        } else {
            format!("/admin/subscriptions?{}", query.join("&"))
        }
    }
}

#[derive(Template)]
#[template(path = "backoffice/subscriptions.html")]
struct ListPage {
    frame: Frame,
    form: ListForm,
    statuses: &'static [SubscriptionStatus],
    rows: Vec<Row>,
    pager: Option<Pager>,
    problem: Option<String>,
}

impl ListPage {
    fn status(&self, code: &str) -> String {
        status(&self.frame.page, code)
    }

    fn period(&self, row: &Row) -> String {
        customer_pages::period(&self.frame.page, &row.summary)
    }

    fn next_charge(&self, row: &Row) -> String {
        customer_pages::next_charge(&self.frame.page, &row.summary)
    }

    fn interval(&self, summary: &Summary) -> String {
        interval(&self.frame.page, summary)
    }

    fn dunning(&self, dunning: &Dunning) -> String {
        dunning_text(&self.frame.page, dunning)
    }
}

/// A status's name, as the customer's page says it.
fn status(page: &Page, code: &str) -> String {
    page.t1("web-subs-status", "status", code)
}

fn interval(page: &Page, summary: &Summary) -> String {
    page.t1("web-subs-interval", "interval", &summary.subscription.period_interval)
}

/// "12 days past due · next attempt 2027-03-04 · suspended on 2027-03-15".
fn dunning_text(page: &Page, dunning: &Dunning) -> String {
    let mut parts = vec![page.tn("bo-subs-days-past-due", "days", dunning.days_past_due)];
    if let Some(next) = dunning.next_attempt {
        parts.push(page.t1("bo-subs-next-attempt", "date", &page.day(&next)));
    }
    parts.push(page.t1("bo-subs-suspends-on", "date", &page.day(&dunning.suspends_on)));
    parts.join(" · ")
}

/// Every subscription, newest first, one page; a status that is none is said on the page (400).
pub async fn list(
    State(state): State<AppState>,
    visit: StaffVisit,
    Query(form): Query<ListForm>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "subscriptions", &form.href(form.page));
    let status = match form.status.trim() {
        "" => Ok(None),
        code => SubscriptionStatus::parse(code).map(Some),
    };
    let (rows, pager, problem) = match status {
        Ok(status) => {
            let filter = ListFilter { status, customer: form.q.as_str() };
            let Paged { rows, at } = subscription_desk::list(&state.pool, &filter, form.page, today()).await?;
            let pager = frame.page.pager(at, |n| form.href(Some(n)));
            (rows, pager, None)
        }
        Err(_) => (Vec::new(), None, Some(frame.page.t1("bo-subs-bad-status", "status", form.status.trim()))),
    };
    let code = if problem.is_some() { axum::http::StatusCode::BAD_REQUEST } else { axum::http::StatusCode::OK };
    let mut response = render(&ListPage { frame, form, statuses: SubscriptionStatus::ALL, rows, pager, problem })?;
    *response.status_mut() = code;
    Ok(response)
}

#[derive(Template)]
#[template(path = "backoffice/subscription.html")]
pub(super) struct DetailPage {
    pub frame: Frame,
    pub record: Record,
    /// What the last action did: (`ok` or `problem`, the text).
    pub notice: Option<(&'static str, String)>,
}

impl DetailPage {
    fn status(&self, code: &str) -> String {
        status(&self.frame.page, code)
    }

    fn period(&self) -> String {
        customer_pages::period(&self.frame.page, &self.record.row.summary)
    }

    fn next_charge(&self) -> String {
        customer_pages::next_charge(&self.frame.page, &self.record.row.summary)
    }

    fn interval(&self) -> String {
        interval(&self.frame.page, &self.record.row.summary)
    }

    fn dunning(&self, dunning: &Dunning) -> String {
        dunning_text(&self.frame.page, dunning)
    }

    /// How it is paid: by card or by bank transfer.
    fn method(&self) -> String {
        self.frame.page.t1("bo-subs-method", "method", &self.record.row.summary.subscription.payment_method)
    }

    fn order_status(&self, order: &Order) -> String {
        self.frame.order_status(order.status)
    }

    /// What a kept change did, in a few words.
    fn change(&self, entry: &HistoryEntry) -> String {
        let page = &self.frame.page;
        let currency = &self.record.row.summary.subscription.currency;
        match entry.kind.as_str() {
            "quantity" => page.tn("web-subs-users-count", "count", entry.quantity.unwrap_or_default()),
            "plan" | "interval" => {
                let price = entry.unit_price.map(|minor| page.money(&minor, currency)).unwrap_or_default();
                format!("{} ({price})", entry.sku.as_deref().unwrap_or("?"))
            }
            "cancel" => page.t("web-subs-cancel"),
            "resume" => page.t("web-subs-resume"),
            other => other.to_owned(),
        }
    }

    fn charge_amount(&self, charge: &crate::store::cards::Charge) -> String {
        self.frame.page.money(&charge.amount_minor, &charge.currency)
    }

    /// Whether staff may change it (as its customer could).
    fn changeable(&self) -> bool {
        self.record.row.summary.subscription.status.changeable()
    }

    fn ended(&self) -> bool {
        self.record.row.summary.subscription.status == SubscriptionStatus::Ended
    }
}

/// Notices after an action, by `?done=`.
const DONE: &[(&str, &str)] = &[
    ("users", "web-subs-done-users"),
    ("plan", "web-subs-done-plan"),
    ("cancel", "web-subs-done-cancel"),
    ("resume", "web-subs-done-resume"),
    ("ended", "bo-subs-done-ended"),
];

#[derive(Debug, Deserialize)]
pub struct DetailQuery {
    done: Option<Text<16>>,
    order: Option<Text<32>>,
}

/// One subscription's page.
pub async fn detail(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Query(query): Query<DetailQuery>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "subscriptions", &format!("/admin/subscriptions/{}", encode_path(&id)));
    let notice = query.done.as_deref().and_then(|code| DONE.iter().find(|(c, _)| *c == code)).map(|(_, key)| {
        let text = frame.page.t(key);
        match &query.order {
            Some(order) => ("ok", format!("{text} {}", frame.page.t1("bo-subs-order-placed", "reference", order))),
            None => ("ok", text),
        }
    });
    show(&state, frame, &id, notice).await
}

/// Subscription `id`'s page with `notice`.
pub(super) async fn show(
    state: &AppState,
    frame: Frame,
    id: &str,
    notice: Option<(&'static str, String)>,
) -> Result<Response, WebError> {
    let record = match subscription_desk::record(&state.pool, id, today()).await {
        Ok(record) => record,
        Err(Error::NotFound) => return Err(WebError::not_found(&frame.page)),
        Err(error) => return Err(error.into()),
    };
    render(&DetailPage { frame, record, notice })
}

/// Today in the billing time zone, as the customer's pages take it.
pub(super) fn today() -> chrono::NaiveDate {
    customer_pages::today()
}
