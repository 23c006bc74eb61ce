//! The change pages of a subscription — Update services, Change plan, Cancel — as one view: the
//! form, the quote of what was asked or why it cannot be done; shown in the customer's frame and,
//! on the customer's behalf, in the back office's.

use axum::http::StatusCode;

use super::subscriptions::{
    cancel_text, credit_kept, credit_used, due_today, later, plan_price, prorated, refusal, then, today,
};
use super::{Page, WebError};
use crate::services::subscriptions::{self, Quote, Request, Summary};
use crate::state::AppState;
use crate::store::catalog::Plan;

/// What the visitor asked of a change page: which page, the change to price, the users typed,
/// and a refusal made already (of a confirmation, or of what was typed).
#[derive(Debug)]
pub struct Asking {
    /// `users`, `plan` or `cancel`.
    pub what: &'static str,
    pub request: Option<Request>,
    pub users: Option<i64>,
    pub problem: Option<(StatusCode, String)>,
}

/// What a change page shows, whoever's frame it is in.
#[derive(Debug)]
pub struct ChangeView {
    pub summary: Summary,
    /// `users`, `plan` or `cancel`.
    pub what: &'static str,
    /// The users typed, for Update services.
    pub users: i64,
    /// The plans to choose from, for Change plan, and the one chosen.
    pub plans: Vec<Plan>,
    pub chosen: String,
    pub quote: Option<Quote>,
    pub problem: Option<String>,
    /// Where the subscription's pages are: `/subscriptions` or `/admin/subscriptions`.
    pub base: &'static str,
    /// The page answers with this status: 200, or the refusal's.
    pub status: StatusCode,
}

impl ChangeView {
    /// Prices `request` (when asked and nothing was refused already) for the subscription of
    /// `summary` with the very preview that charges; a refusal the customer can act on becomes
    /// the page's problem.
    pub async fn build(
        state: &AppState,
        page: &Page,
        summary: Summary,
        asking: Asking,
        base: &'static str,
    ) -> Result<Self, WebError> {
        let Asking { what, request, users, problem } = asking;
        let (quote, refused) = match &request {
            Some(request) if problem.is_none() => {
                match subscriptions::preview(&state.pool, &summary.subscription.id, request, today()).await {
                    Ok(quote) => (Some(quote), None),
                    Err(error) => match refusal(page, &error) {
                        Some(problem) => (None, Some(problem)),
                        None => return Err(error.into()),
                    },
                }
            }
            _ => (None, problem),
        };
        let plans = if what == "plan" { subscriptions::plans_for(&state.pool, &summary).await? } else { Vec::new() };
        let chosen = match &request {
            Some(Request::Plan(sku)) => sku.clone(),
            _ => summary.plan.sku.clone(),
        };
        Ok(Self {
            users: users.unwrap_or(summary.users),
            status: refused.as_ref().map_or(StatusCode::OK, |(status, _)| *status),
            problem: refused.map(|(_, text)| text),
            summary,
            what,
            plans,
            chosen,
            quote,
            base,
        })
    }

    /// The page's title (a message id).
    pub fn title(&self) -> &'static str {
        match self.what {
            "users" => "web-subs-update-services",
            "plan" => "web-subs-change-plan",
            _ => "web-subs-cancel",
        }
    }

    pub fn confirm_id(&self) -> &'static str {
        if self.what == "cancel" { "web-subs-cancel-button" } else { "web-subs-confirm" }
    }

    pub fn users_count(&self, page: &Page) -> String {
        page.tn("web-subs-users-count", "count", self.summary.users)
    }

    /// A plan's price per user and period.
    pub fn price(&self, page: &Page, plan: &Plan) -> String {
        plan_price(page, plan)
    }

    pub fn due_today(&self, page: &Page, quote: &Quote) -> String {
        due_today(page, quote)
    }

    pub fn prorated(&self, page: &Page, quote: &Quote) -> String {
        prorated(page, quote)
    }

    pub fn credit_used(&self, page: &Page, quote: &Quote) -> String {
        credit_used(page, quote)
    }

    pub fn credit_kept(&self, page: &Page, quote: &Quote) -> String {
        credit_kept(page, quote)
    }

    pub fn later(&self, page: &Page, quote: &Quote) -> Option<String> {
        later(page, quote)
    }

    pub fn then(&self, page: &Page, quote: &Quote) -> Option<String> {
        then(page, &self.summary, &self.plans, quote)
    }

    pub fn cancel_text(&self, page: &Page, quote: &Quote) -> String {
        cancel_text(page, quote)
    }
}
