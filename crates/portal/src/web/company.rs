//! Company administration (seed 004): the company's users and invitations, and Subscription
//! management — one row per seat, Bind / Unbind, and binding last term's users again. Only a
//! company admin gets here; another company's seat or license is a 404 like a missing one.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::session::SignedIn;
use super::{Page, Pager, WebError, render};
use crate::domain::{Actor, CompanyRole, SeatStatus, Text};
use crate::services::seats::{self as service, Carry, Refused};
use crate::state::AppState;
use crate::store::seats::{Filter, Member, ProductOption, Seat};

/// The signed-in company admin, or the refusal for anyone else.
async fn admin(state: &AppState, who: &SignedIn) -> Result<(), WebError> {
    let user = who.visit.session.as_ref().and_then(|s| s.user_id.clone());
    match service::role(&state.pool, user.as_ref()).await? {
        CompanyRole::Admin => Ok(()),
        CompanyRole::User => Err(WebError::forbidden(who.visit.language)),
    }
}

fn actor(who: &SignedIn) -> Actor {
    Actor::customer(&who.customer_id)
}

#[derive(Template)]
#[template(path = "web/company.html")]
struct CompanyPage {
    page: Page,
    members: Vec<Member>,
    notice: Option<String>,
    problem: Option<String>,
    email: String,
}

/// Company administration: its users, the invitation form, the way to Subscription management.
pub async fn company(State(state): State<AppState>, who: SignedIn) -> Result<Response, WebError> {
    admin(&state, &who).await?;
    company_page(&state, &who, None, None, String::new(), StatusCode::OK).await
}

async fn company_page(
    state: &AppState,
    who: &SignedIn,
    notice: Option<String>,
    problem: Option<String>,
    email: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let members = service::members(&state.pool, &who.customer_id).await?;
    let page = Page::new(&who.visit, "company", "/company");
    Ok((status, render(&CompanyPage { page, members, notice, problem, email })?).into_response())
}

#[derive(Debug, Deserialize)]
pub struct EmailForm {
    email: Text<254>,
}

/// Invites a user by e-mail: an account and the mailed link to register with that address.
pub async fn invite(
    State(state): State<AppState>,
    who: SignedIn,
    Form(form): Form<EmailForm>,
) -> Result<Response, WebError> {
    admin(&state, &who).await?;
    let typed = form.email.to_string();
    let page = Page::new(&who.visit, "company", "/company");
    if let Err(crate::Error::RateLimited(seconds)) = state.limits.invite(who.customer_id.as_str()).await {
        let problem = page.tn("error-rate-limited", "seconds", i64::try_from(seconds).unwrap_or(i64::MAX));
        let mut response =
            company_page(&state, &who, None, Some(problem), typed, StatusCode::TOO_MANY_REQUESTS).await?;
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, seconds.into());
        return Ok(response);
    }
    match service::invite(&state.pool, &state.mailer, who.visit.language, &who.customer_id, &typed).await? {
        Ok(email) => {
            let notice = page.t1("web-company-invited", "email", &email);
            company_page(&state, &who, Some(notice), None, String::new(), StatusCode::OK).await
        }
        Err(refused) => {
            let problem = page.t(refused.key());
            company_page(&state, &who, None, Some(problem), typed, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

#[derive(Template)]
#[template(path = "web/seats.html")]
struct SeatsPage {
    page: Page,
    seats: Vec<Seat>,
    pager: Option<Pager>,
    products: Vec<ProductOption>,
    product: String,
    status: String,
    search: String,
    notice: Option<String>,
    /// A refusal, its stable code, and the e-mail to invite when nobody has it.
    problem: Option<(String, &'static str)>,
    invite: Option<String>,
}

impl SeatsPage {
    fn statuses(&self) -> Vec<&'static str> {
        SeatStatus::ALL.iter().map(|s| s.code()).collect()
    }

    fn bindable(seat: &Seat) -> bool {
        matches!(seat.status, SeatStatus::Free | SeatStatus::NotStarted)
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct SeatsQuery {
    product: Option<Text<64>>,
    status: Option<Text<16>>,
    q: Option<Text<100>>,
    page: Option<i64>,
}

fn query_string(product: &str, status: &str, search: &str) -> String {
    let encode = |v: &str| super::encode_path(v);
    format!("product={}&status={}&q={}", encode(product), encode(status), encode(search))
}

/// Subscription management: the company's seats, filtered, searched and paged.
pub async fn seats(
    State(state): State<AppState>,
    who: SignedIn,
    Query(query): Query<SeatsQuery>,
) -> Result<Response, WebError> {
    admin(&state, &who).await?;
    seats_page(&state, &who, &query, None, None, StatusCode::OK).await
}

async fn seats_page(
    state: &AppState,
    who: &SignedIn,
    query: &SeatsQuery,
    notice: Option<String>,
    refused: Option<(Refused, Option<String>)>,
    code: StatusCode,
) -> Result<Response, WebError> {
    let product = query.product.as_ref().map(ToString::to_string).unwrap_or_default();
    let status_word = query.status.as_ref().map(ToString::to_string).unwrap_or_default();
    let status = if status_word.is_empty() { None } else { Some(SeatStatus::parse(&status_word)?) };
    let search = query.q.as_ref().map(ToString::to_string).unwrap_or_default();
    let filter = Filter { product_id: &product, status, search: &search };
    let found = service::page(&state.pool, &who.customer_id, &filter, query.page).await?;
    let products = service::products(&state.pool, &who.customer_id).await?;
    let filters = query_string(&product, &status_word, &search);
    let page = Page::new(&who.visit, "company", format!("/company/subscriptions?{filters}&page={}", found.at.page));
    let pager = page.pager(found.at, |n| format!("/company/subscriptions?{filters}&page={n}"));
    let (problem, invite) = match refused {
        Some((refused, email)) => (Some((page.t(refused.key()), refused.code())), email),
        None => (None, None),
    };
    let seats_page = SeatsPage {
        page,
        seats: found.rows,
        pager,
        products,
        product,
        status: status_word,
        search,
        notice,
        problem,
        invite,
    };
    Ok((code, render(&seats_page)?).into_response())
}

fn refusal_status(refused: Refused) -> StatusCode {
    if refused == Refused::Taken { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY }
}

/// Binds a seat to the registered user with the e-mail typed.
pub async fn bind(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    Form(form): Form<EmailForm>,
) -> Result<Response, WebError> {
    admin(&state, &who).await?;
    let typed = form.email.to_string();
    let outcome = service::bind(&state.pool, &state.mailer, &actor(&who), &who.customer_id, id.as_str(), &typed).await;
    let query = SeatsQuery::default();
    match outcome.map_err(|e| not_found_here(&who, e))? {
        Ok(_) => {
            let notice = Page::new(&who.visit, "company", "/company/subscriptions").t1(
                "web-seats-bound-done",
                "email",
                &crate::domain::Email::normalized(&typed).to_string(),
            );
            seats_page(&state, &who, &query, Some(notice), None, StatusCode::OK).await
        }
        Err(refused) => {
            let invite = (refused == Refused::NoUser).then_some(typed);
            seats_page(&state, &who, &query, None, Some((refused, invite)), refusal_status(refused)).await
        }
    }
}

/// Frees a seat: the row gets its e-mail field and Bind back.
pub async fn unbind(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    admin(&state, &who).await?;
    let outcome = service::unbind(&state.pool, &state.mailer, &actor(&who), &who.customer_id, id.as_str()).await;
    let query = SeatsQuery::default();
    match outcome.map_err(|e| not_found_here(&who, e))? {
        Ok(_) => {
            let notice = Page::new(&who.visit, "company", "/company/subscriptions").t("web-seats-unbound-done");
            seats_page(&state, &who, &query, Some(notice), None, StatusCode::OK).await
        }
        Err(refused) => seats_page(&state, &who, &query, None, Some((refused, None)), refusal_status(refused)).await,
    }
}

/// A 404 in the visitor's language for what is not the company's.
fn not_found_here(who: &SignedIn, error: crate::Error) -> WebError {
    match error {
        crate::Error::NotFound => WebError::not_found(&Page::new(&who.visit, "company", "/")),
        error => error.into(),
    }
}

#[derive(Template)]
#[template(path = "web/seats_carry.html")]
struct CarryPage {
    page: Page,
    license_id: String,
    carry: Carry,
}

/// What "Bind the same users as last term" will do on a license: whom it binds, whom it skips.
pub async fn carry_page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    admin(&state, &who).await?;
    let carry = service::carry_preview(&state.pool, &who.customer_id, id.as_str())
        .await
        .map_err(|e| not_found_here(&who, e))?;
    let page = Page::new(&who.visit, "company", format!("/company/licenses/{}/carry", super::encode_path(id.as_str())));
    render(&CarryPage { page, license_id: id.to_string(), carry })
}

/// Binds the same users as last term, in one click.
pub async fn carry(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    admin(&state, &who).await?;
    let outcome = service::carry_over(&state.pool, &state.mailer, &actor(&who), &who.customer_id, id.as_str())
        .await
        .map_err(|e| not_found_here(&who, e))?;
    let query = SeatsQuery::default();
    match outcome {
        Ok(bound) => {
            let count = i64::try_from(bound.len()).unwrap_or(i64::MAX);
            let notice =
                Page::new(&who.visit, "company", "/company/subscriptions").tn("web-seats-carry-done", "count", count);
            seats_page(&state, &who, &query, Some(notice), None, StatusCode::OK).await
        }
        Err(refused) => seats_page(&state, &who, &query, None, Some((refused, None)), refusal_status(refused)).await,
    }
}
