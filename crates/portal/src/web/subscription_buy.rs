//! Buy now (seed 001, "Acquisto da trial"): a subscription in its trial is bought — the number
//! of users, the plan (each edition monthly or annual) and when the first paid period starts —
//! after the price the server computed with the function that charges it.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::cards::card_brand;
use super::session::SignedIn;
use super::subscriptions::{per, plan_price, refusal, today};
use super::{Page, WebError, render};
use crate::domain::{Actor, PaymentMethod, Text, day};
use crate::services::cards;
use crate::services::customers::{self, BillingForm};
use crate::services::subscriptions::{self, BuyForm, BuyTerms, Summary};
use crate::state::AppState;
use crate::store::catalog::Plan;

#[derive(Template)]
#[template(path = "web/subscription_buy.html")]
struct BuyPage {
    page: Page,
    summary: Summary,
    plans: Vec<Plan>,
    users: i64,
    chosen: String,
    start_now: bool,
    terms: Option<BuyTerms>,
    problem: Option<String>,
    /// What the invoices will name: as the customer stands, or as typed in a refused form.
    billing: BillingForm,
    /// The default card ("Visa ending 4242"), when the store takes cards and one is on file.
    card: Option<String>,
    /// Whether the store takes cards.
    takes_cards: bool,
    /// `card` or `bank_transfer`.
    method: String,
}

impl BuyPage {
    fn trial_end(&self) -> String {
        let end = self.summary.subscription.trial_ends_on.as_deref().and_then(day::parse);
        end.map_or_else(String::new, |end| self.page.day(&end))
    }

    fn plan_label(&self, plan: &Plan) -> String {
        format!("{} — {}", plan.name, plan_price(&self.page, plan))
    }

    /// "Due: €82.50 for 7 Jan – 6 Feb 2027, then €82.50 a month."
    fn due(&self, terms: &BuyTerms) -> String {
        let amount = self.page.money(&terms.amount.minor(), terms.amount.currency().code());
        let last = terms.period.end.pred_opt().unwrap_or(terms.period.end);
        let per = per(&self.page, terms.interval);
        self.page.t_with(
            "web-subs-buy-due",
            &[
                ("amount", &amount),
                ("start", &self.page.day(&terms.period.start)),
                ("end", &self.page.day(&last)),
                ("per", &per),
            ],
        )
    }
}

#[derive(Debug, Deserialize)]
pub struct Asked {
    users: Option<Text<12>>,
    plan: Option<Text<64>>,
    start: Option<Text<16>>,
}

/// The Buy now form, and once filled in, what it costs.
pub async fn page(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    Query(asked): Query<Asked>,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    let users = asked.users.as_deref().and_then(|typed| typed.trim().parse::<i64>().ok());
    let asked_now = asked.plan.is_some() || users.is_some();
    let chosen = asked.plan.map_or_else(|| summary.plan.sku.clone(), |sku| sku.to_string());
    let start_now = asked.start.as_deref() == Some("now");
    let users = users.unwrap_or(summary.users);
    show(&state, &who, summary, users, chosen, start_now, asked_now, None, Typed::default()).await
}

/// What the customer chose or typed in the confirming form, to show again when it is refused.
#[derive(Debug, Default)]
struct Typed {
    billing: Option<BillingForm>,
    method: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn show(
    state: &AppState,
    who: &SignedIn,
    summary: Summary,
    users: i64,
    chosen: String,
    start_now: bool,
    quote: bool,
    problem: Option<(StatusCode, String)>,
    typed: Typed,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "subscriptions", format!("/subscriptions/{}/buy", summary.subscription.id));
    let (terms, refused) = if quote {
        let form = BuyForm {
            today: today(),
            start_now,
            quantity: Some(users),
            sku: Some(&chosen),
            version: None,
            prefix: &state.order_prefix,
            billing: None,
            payment_method: None,
            provider: None,
        };
        match subscriptions::buy_preview(&state.pool, &summary.subscription.id, &form).await {
            Ok(terms) => (Some(terms), problem),
            Err(error) => match refusal(&page, &error) {
                Some(problem) => (None, Some(problem)),
                None => return Err(error.into()),
            },
        }
    } else {
        (None, problem)
    };
    let plans = subscriptions::plans_for(&state.pool, &summary).await?;
    let status = refused.as_ref().map_or(StatusCode::OK, |(status, _)| *status);
    let billing = match typed.billing {
        Some(billing) => billing,
        None => customers::billing_of(&state.pool, &who.customer_id).await?,
    };
    let card = match state.payments.as_deref() {
        Some(provider) => cards::of_customer(&state.pool, provider, &who.customer_id).await?.into_iter().next(),
        None => None,
    };
    let card =
        card.map(|card| page.t_with("web-cards-ending", &[("brand", card_brand(&card.brand)), ("last4", &card.last4)]));
    let takes_cards = state.payments.is_some();
    let method = typed.method.unwrap_or_else(|| {
        if card.is_some() || summary.subscription.payment_method == "card" { "card" } else { "bank_transfer" }
            .to_owned()
    });
    let template = BuyPage {
        page,
        summary,
        plans,
        users,
        chosen,
        start_now,
        terms,
        problem: refused.map(|(_, text)| text),
        billing,
        card,
        takes_cards,
        method,
    };
    let mut response = render(&template)?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct Confirmed {
    users: Text<12>,
    plan: Text<64>,
    #[serde(default)]
    start: Text<16>,
    version: Text<20>,
    #[serde(default)]
    company: Text<200>,
    #[serde(default)]
    address: Text<200>,
    #[serde(default)]
    city: Text<100>,
    #[serde(default)]
    country: Text<100>,
    #[serde(default)]
    vat_id: Text<32>,
    #[serde(default)]
    method: Text<16>,
}

/// Buys the trial as the customer confirmed it, on the version they saw.
pub async fn buy(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    Form(form): Form<Confirmed>,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    let start_now = form.start.as_str() == "now";
    let billing = BillingForm {
        company: form.company.to_string(),
        address: form.address.to_string(),
        city: form.city.to_string(),
        country: form.country.to_string(),
        vat_id: form.vat_id.to_string(),
    };
    let typed = Typed { billing: Some(billing.clone()), method: Some(form.method.to_string()) };
    let Ok(users) = form.users.trim().parse::<i64>() else {
        let problem = Page::new(&who.visit, "subscriptions", "/subscriptions").t("web-subs-users-invalid");
        let chosen = form.plan.to_string();
        let problem = Some((StatusCode::BAD_REQUEST, problem));
        return show(&state, &who, summary, 0, chosen, start_now, false, problem, typed).await;
    };
    let method = match form.method.as_str() {
        "card" => Some(PaymentMethod::Card),
        "bank_transfer" => Some(PaymentMethod::BankTransfer),
        _ => None,
    };
    let buy = BuyForm {
        today: today(),
        start_now,
        quantity: Some(users),
        sku: Some(form.plan.as_str()),
        version: Some(form.version.trim().parse::<i64>().unwrap_or(-1)),
        prefix: &state.order_prefix,
        billing: Some(&billing),
        payment_method: method,
        provider: state.payments.as_deref(),
    };
    let actor = Actor::customer(&who.customer_id);
    match subscriptions::buy(&state.pool, &state.mailer, &actor, &summary.subscription.id, &buy).await {
        Ok(bought) => {
            Ok(Redirect::to(&format!("/subscriptions?done=buy&order={}", bought.charge.reference)).into_response())
        }
        Err(error) => {
            let page = Page::new(&who.visit, "subscriptions", "/subscriptions");
            let Some(problem) = refusal(&page, &error) else { return Err(error.into()) };
            // The quote again beside the refusal, so the customer can correct and confirm.
            let chosen = form.plan.to_string();
            show(&state, &who, summary, users, chosen, start_now, true, Some(problem), typed).await
        }
    }
}

#[derive(Template)]
#[template(path = "web/subscription_compare.html")]
struct ComparePage {
    page: Page,
    summary: Summary,
    comparison: subscriptions::Comparison,
}

impl ComparePage {
    fn has(&self, edition: &crate::store::catalog::Edition, feature: &str) -> bool {
        edition.features.iter().any(|f| f == feature)
    }

    fn price(&self, plan: &Plan) -> String {
        plan_price(&self.page, plan)
    }
}

/// Compare plans: the product's editions side by side, their features and prices.
pub async fn compare(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let summary = subscriptions::summary_of(&state.pool, &who.customer_id, &id).await?;
    let comparison = subscriptions::compare(&state.pool, &summary).await?;
    let page = Page::new(&who.visit, "subscriptions", format!("/subscriptions/{}/compare", summary.subscription.id));
    render(&ComparePage { page, summary, comparison })
}
