//! Customers in the back office: the search box (company, e-mail, order reference, serial,
//! activation key prefix) and a customer's page with contacts, accounts, orders, licenses,
//! subscriptions, contracts and their recent events; mailing the activation key again.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::content::{self, ContractDraft};
use super::{Frame, StaffVisit};
use crate::domain::{ContractStatus, CustomerId, DocumentType, Subscription, Text};
use crate::error::Error;
use crate::services::subscriptions::Summary;
use crate::services::{self, administration, customers::Overview};
use crate::state::AppState;
use crate::store::accounts::Account;
use crate::store::contracts::Contract;
use crate::store::customers::Found;
use crate::store::events::Event;
use crate::store::{self, orders};

/// Most recent events shown on a customer's page.
const RECENT_EVENTS: i64 = 20;

#[derive(Template)]
#[template(path = "backoffice/customers.html")]
struct SearchPage {
    frame: Frame,
    query: String,
    found: Vec<Found>,
    /// Whether the search showed as many as it may (there may be more).
    capped: bool,
}

#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: Text<128>,
}

/// The search box and what it found.
pub async fn search(
    State(state): State<AppState>,
    visit: StaffVisit,
    Query(query): Query<SearchQuery>,
) -> Result<Response, WebError> {
    let here = format!("/admin/customers?q={}", urlencoding(&query.q));
    let frame = Frame::new(&visit, "customers", &here);
    let found = services::customers::search(&state.pool, &query.q).await?;
    let capped = i64::try_from(found.len()).unwrap_or(i64::MAX) >= services::customers::SEARCH_LIMIT;
    render(&SearchPage { frame, query: query.q.trim().to_owned(), found, capped })
}

/// `text` as a query value.
pub(super) fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "backoffice/customer.html")]
struct CustomerPage {
    frame: Frame,
    overview: Overview,
    accounts: Vec<Account>,
    contracts: Vec<Contract>,
    events: Vec<Event>,
    now: i64,
    /// What the last action did: (`ok` or `problem`, the text).
    notice: Option<(&'static str, String)>,
    /// The new contract's form.
    draft: ContractDraft,
    subscriptions: Vec<Summary>,
}

impl CustomerPage {
    /// The first characters of the activation key: what staff read to a customer on the phone
    /// to tell keys apart; the whole key only ever goes by mail.
    fn key_prefix(&self) -> String {
        let key = &self.overview.customer.activation_key;
        format!("{}…", key.chars().take(5).collect::<String>())
    }

    /// A license's state today: `VALID`, `EXPIRED`, `SUSPENDED` or `REVOKED`.
    fn state(&self, license: &crate::store::licenses::License) -> &'static str {
        license.summary(self.now).state
    }

    fn users_count(&self, summary: &Summary) -> String {
        self.frame.page.tn("web-subs-users-count", "count", summary.users)
    }

    fn subscription_status(&self, summary: &Summary) -> String {
        self.frame.page.t1("web-subs-status", "status", summary.subscription.status.code())
    }

    fn order_status(&self, order: &orders::Order) -> String {
        self.frame.order_status(order.status)
    }

    fn document_types(&self) -> &'static [&'static str] {
        DocumentType::CODES
    }

    fn subscriptions(&self) -> &'static [&'static str] {
        Subscription::CODES
    }

    fn statuses(&self) -> &'static [&'static str] {
        ContractStatus::CODES
    }

    /// A document type's, subscription's or status's name in the page's language (the words
    /// of the customer's Contracts page).
    fn document_type(&self, code: &str) -> String {
        self.frame.page.t1("web-contract-document-type", "type", code)
    }

    fn subscription(&self, code: &str) -> String {
        self.frame.page.t1("web-contract-subscription-type", "type", code)
    }

    fn status(&self, code: &str) -> String {
        self.frame.page.t1("web-contract-status-name", "status", code)
    }
}

#[derive(Debug, Deserialize)]
pub struct CustomerQuery {
    sent: Option<u8>,
    done: Option<Text<16>>,
}

/// A customer with everything of theirs; `?sent=1` and `?done=` say what was just done.
pub async fn customer(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Query(query): Query<CustomerQuery>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "customers", "/admin");
    let notice = content::done_notice(&frame, content::CONTRACT_DONE, query.done.as_deref());
    show(&state, &visit, &id, notice, query.sent == Some(1), None, StatusCode::OK).await
}

/// Whether customer `id` exists.
pub(super) async fn exists(state: &AppState, id: &CustomerId) -> Result<bool, WebError> {
    match services::customers::overview(&state.pool, id).await {
        Ok(_) => Ok(true),
        Err(Error::NotFound) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

/// Customer `id`'s page with `notice` (or the key-sent notice when `sent`), the new
/// contract's form as `draft` holds it, answered with `status`.
pub(super) async fn show(
    state: &AppState,
    visit: &StaffVisit,
    id: &str,
    notice: Option<(&'static str, String)>,
    sent: bool,
    draft: Option<ContractDraft>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let here = format!("/admin/customers/{}", urlencoding(id));
    let frame = Frame::new(visit, "customers", &here);
    let id = CustomerId::new(id);
    let overview = match services::customers::overview(&state.pool, &id).await {
        Ok(overview) => overview,
        Err(Error::NotFound) => return Err(WebError::not_found(&frame.page)),
        Err(error) => return Err(error.into()),
    };
    let accounts = store::accounts::of_customer(&state.pool, &id).await?;
    let contracts = services::content::contracts_of(&state.pool, &id).await?;
    let events = services::events::recent_of_customer(&state.pool, &id, RECENT_EVENTS).await?;
    let notice = notice
        .or_else(|| sent.then(|| ("ok", frame.page.t1("bo-customer-key-sent", "email", &overview.customer.email))));
    let now = store::now();
    let draft = draft.unwrap_or_else(|| ContractDraft::new(now));
    let subscriptions = services::subscriptions::summaries(&state.pool, &id).await?;
    let page = CustomerPage { frame, overview, accounts, contracts, events, now, notice, draft, subscriptions };
    let mut response = render(&page)?;
    *response.status_mut() = status;
    Ok(response)
}

/// Mails the customer their activation key again (support may).
pub async fn resend_key(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let customer_id = CustomerId::new(id.as_str());
    match administration::resend_key(&state.pool, &state.mailer, &visit.actor(), &customer_id).await {
        Ok(_) => Ok(Redirect::to(&format!("/admin/customers/{}?sent=1", urlencoding(&id))).into_response()),
        Err(Error::NotFound) => Err(WebError::not_found(&Frame::new(&visit, "customers", "/admin").page)),
        Err(error) => Err(error.into()),
    }
}
