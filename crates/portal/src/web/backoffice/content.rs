//! News and contracts in the back office (seed 002): every member of staff reads the news
//! published and a customer's contracts; the admin role publishes and withdraws news, adds a
//! contract to a customer and changes a contract's status. Each change is a service call,
//! recorded in the event log; a refusal shows the page again with the reason (400).

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{Pager, WebError, render};
use super::customers::{self, urlencoding};
use super::{Frame, StaffVisit};
use crate::domain::{CustomerId, Money, Multiline, Text, day};
use crate::error::{Error, Result};
use crate::services::{content, orders};
use crate::state::AppState;
use crate::store::news::News;
use crate::store::{self, Conn};

/// What each news action's address says it did: the message of its notice.
const NEWS_DONE: &[(&str, &str)] = &[("published", "bo-news-done-published"), ("withdrawn", "bo-news-done-withdrawn")];

/// What each contract action's address says it did (on the customer's page).
pub(super) const CONTRACT_DONE: &[(&str, &str)] =
    &[("contract-added", "bo-contracts-done-added"), ("contract-status", "bo-contracts-done-status")];

/// Characters of a news item's text shown in the list.
const TEXT_START_CHARS: usize = 160;

/// The notice of `done`, when it is one of `known`.
pub(super) fn done_notice(frame: &Frame, known: &[(&str, &str)], done: Option<&str>) -> Option<(&'static str, String)> {
    let done = done?;
    known.iter().find(|(code, _)| *code == done).map(|(_, message)| ("ok", frame.page.t(message)))
}

#[derive(Debug, Deserialize)]
pub struct NewsQuery {
    done: Option<Text<16>>,
    page: Option<i64>,
}

#[derive(Template)]
#[template(path = "backoffice/news.html")]
struct NewsPage {
    frame: Frame,
    news: Vec<News>,
    pager: Option<Pager>,
    notice: Option<(&'static str, String)>,
    /// The title and text of a refused news item, shown again.
    title: String,
    body: String,
}

impl NewsPage {
    /// The start of a news item's text, on one line.
    fn start(&self, news: &News) -> String {
        let line = news.body.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.chars().count() <= TEXT_START_CHARS {
            line
        } else {
            format!("{}…", line.chars().take(TEXT_START_CHARS).collect::<String>())
        }
    }
}

async fn show_news(
    state: &AppState,
    visit: &StaffVisit,
    page: Option<i64>,
    notice: Option<(&'static str, String)>,
    typed: (String, String),
    status: StatusCode,
) -> Result<Response, WebError> {
    let frame = Frame::new(visit, "news", "/admin/news");
    let news = content::news(&state.pool, page).await?;
    let pager = frame.page.pager(news.at, |n| format!("/admin/news?page={n}"));
    let (title, body) = typed;
    let mut response = render(&NewsPage { frame, news: news.rows, pager, notice, title, body })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The news published, newest first, and for an admin the forms that change it.
pub async fn news(
    State(state): State<AppState>,
    visit: StaffVisit,
    Query(query): Query<NewsQuery>,
) -> Result<Response, WebError> {
    let notice = done_notice(&Frame::new(&visit, "news", "/admin/news"), NEWS_DONE, query.done.as_deref());
    show_news(&state, &visit, query.page, notice, (String::new(), String::new()), StatusCode::OK).await
}

/// What a change did: committed when it was done, nothing when it was refused.
async fn commit<T>(tx: store::Tx<'static>, outcome: Result<T>) -> Result<T> {
    let done = outcome?;
    tx.commit().await?;
    Ok(done)
}

/// A refusal's text in the page's language.
fn refused(visit: &StaffVisit, error: &Error) -> (&'static str, String) {
    ("problem", Frame::new(visit, "news", "/admin").refused(error))
}

#[derive(Debug, Deserialize)]
pub struct NewsFields {
    #[serde(default)]
    title: Text<1000>,
    /// Longer than the service allows, so that the service names the field when it is too long.
    #[serde(default)]
    body: Multiline<40000>,
}

/// Publishes a news item now (admin).
pub async fn publish(
    State(state): State<AppState>,
    visit: StaffVisit,
    Form(fields): Form<NewsFields>,
) -> Result<Response, WebError> {
    let mut tx = store::begin(&state.pool).await?;
    let outcome = content::add_news(&mut tx, &visit.actor(), &fields.title, &fields.body, store::now()).await;
    match commit(tx, outcome).await {
        Ok(_) => Ok(Redirect::to("/admin/news?done=published").into_response()),
        Err(error @ Error::BadRequest(_)) => {
            let typed = (fields.title.into_string(), fields.body.into_string());
            show_news(&state, &visit, None, Some(refused(&visit, &error)), typed, StatusCode::BAD_REQUEST).await
        }
        Err(error) => Err(error.into()),
    }
}

/// Withdraws news item `id` from the customers' News page (admin).
pub async fn withdraw(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let mut tx = store::begin(&state.pool).await?;
    let outcome = content::withdraw_news(&mut tx, &visit.actor(), &id, store::now()).await;
    match commit(tx, outcome).await {
        Ok(()) => Ok(Redirect::to("/admin/news?done=withdrawn").into_response()),
        Err(Error::NotFound) => Err(WebError::not_found(&Frame::new(&visit, "news", "/admin/news").page)),
        Err(error) => Err(error.into()),
    }
}

/// The new contract's form as it starts, or as it was typed when refused.
#[derive(Debug, Clone)]
pub(super) struct ContractDraft {
    pub year: String,
    pub document_type: String,
    pub subscription: String,
    pub price: String,
    pub currency: String,
    pub signed_on: String,
    pub status: String,
}

impl ContractDraft {
    /// A contract signed today, active, in euros.
    pub fn new(now: i64) -> Self {
        Self {
            year: String::new(),
            document_type: "contract".into(),
            subscription: "monthly".into(),
            price: String::new(),
            currency: "EUR".into(),
            signed_on: day::iso(now),
            status: "active".into(),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct ContractFields {
    #[serde(default)]
    year: Text<16>,
    #[serde(default)]
    document_type: Text<32>,
    #[serde(default)]
    subscription: Text<32>,
    #[serde(default)]
    price: Text<32>,
    #[serde(default)]
    currency: Text<8>,
    #[serde(default)]
    signed_on: Text<16>,
    #[serde(default)]
    status: Text<32>,
}

impl ContractFields {
    fn draft(&self) -> ContractDraft {
        ContractDraft {
            year: self.year.to_string(),
            document_type: self.document_type.to_string(),
            subscription: self.subscription.to_string(),
            price: self.price.to_string(),
            currency: self.currency.to_string(),
            signed_on: self.signed_on.to_string(),
            status: self.status.to_string(),
        }
    }
}

/// After a change of a customer's contracts: back to the customer's page saying so, or with
/// why not (400), or not found.
async fn answer(
    state: &AppState,
    visit: &StaffVisit,
    id: &str,
    done: &str,
    draft: Option<ContractDraft>,
    outcome: Result<()>,
) -> Result<Response, WebError> {
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/admin/customers/{}?done={done}", urlencoding(id))).into_response()),
        Err(Error::NotFound) => Err(WebError::not_found(&Frame::new(visit, "customers", "/admin").page)),
        Err(error @ Error::BadRequest(_)) => {
            let notice = Some(refused(visit, &error));
            customers::show(state, visit, id, notice, false, draft, StatusCode::BAD_REQUEST).await
        }
        Err(error) => Err(error.into()),
    }
}

/// Adds a contract to customer `id` (admin).
pub async fn add_contract(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Form(fields): Form<ContractFields>,
) -> Result<Response, WebError> {
    async fn add(conn: &mut Conn, visit: &StaffVisit, customer_id: &CustomerId, fields: &ContractFields) -> Result<()> {
        let currency =
            orders::currency(&fields.currency).map_err(|e| Error::BadRequest(format!("currency: {e}").into()))?;
        let price = Money::parse(&fields.price, currency)
            .map_err(|e| Error::BadRequest(format!("monthly price: {e}").into()))?;
        let signed_at = day::midnight(&fields.signed_on).ok_or_else(|| {
            Error::BadRequest(
                format!("date concluded: '{}' is not a day like 2026-03-01", fields.signed_on.as_str()).into(),
            )
        })?;
        let year = Some(fields.year.trim())
            .filter(|year| !year.is_empty())
            .map(|year| year.parse().map_err(|_| Error::BadRequest(format!("year: '{year}' is not a year").into())))
            .transpose()?;
        let form = content::ContractForm {
            document_type: fields.document_type.trim(),
            subscription: fields.subscription.trim(),
            monthly_price: price.minor(),
            currency: currency.code(),
            signed_at,
            year,
            status: fields.status.trim(),
        };
        content::add_contract(conn, &visit.actor(), customer_id, &form).await.map(|_| ())
    }
    let customer_id = CustomerId::new(id.as_str());
    if !customers::exists(&state, &customer_id).await? {
        return Err(WebError::not_found(&Frame::new(&visit, "customers", "/admin").page));
    }
    let mut tx = store::begin(&state.pool).await?;
    let outcome = add(&mut tx, &visit, &customer_id, &fields).await;
    let outcome = commit(tx, outcome).await;
    answer(&state, &visit, &id, "contract-added", Some(fields.draft()), outcome).await
}

#[derive(Debug, Deserialize)]
pub struct StatusFields {
    #[serde(default)]
    status: Text<32>,
}

/// Sets the status of customer `id`'s contract `contract` (admin).
pub async fn change_status(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path((id, contract)): Path<(Text<64>, Text<64>)>,
    Form(fields): Form<StatusFields>,
) -> Result<Response, WebError> {
    let customer_id = CustomerId::new(id.as_str());
    let mut tx = store::begin(&state.pool).await?;
    let outcome = match content::contract_status(fields.status.trim()) {
        Ok(status) => content::change_contract_status(&mut tx, &visit.actor(), &customer_id, &contract, status).await,
        Err(error) => Err(error),
    };
    let outcome = commit(tx, outcome).await;
    answer(&state, &visit, &id, "contract-status", None, outcome).await
}
