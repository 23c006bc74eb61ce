//! The Partner API's pool: what is left of each product's license-years, and the newest movements of the ledger.

use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Partner;
use crate::api::{AppJson, time};
use crate::error::{ErrorBody, Result};
use crate::services::pools;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(pool))
}

/// How much of the ledger to read.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerQuery {
    /// The newest movements to answer, 1 to 200 (50 when not given).
    pub limit: Option<i64>,
}

/// What is left of one product.
#[derive(Debug, Serialize, ToSchema)]
pub struct BalanceBody {
    pub product: String,
    /// License-years left: one user for one year each.
    pub license_years: i64,
}

/// One movement of a pool.
#[derive(Debug, Serialize, ToSchema)]
pub struct MovementBody {
    pub id: String,
    pub product: String,
    /// `grant`, `transfer`, `allocate` (a client's term bought) or `return` (a term cancelled).
    pub kind: String,
    /// License-years into the pool (+) or out of it (-).
    pub amount: i64,
    /// The client whose term it paid or returned.
    pub client_id: Option<String>,
    pub term_id: Option<String>,
    /// Who moved them: `cli`, `partner:<organisation>/<token name>`, …
    pub actor: String,
    /// RFC 3339.
    pub at: String,
}

/// The caller's pools and their newest movements.
#[derive(Debug, Serialize, ToSchema)]
pub struct PoolBody {
    /// One per product, by product.
    pub balances: Vec<BalanceBody>,
    /// Newest first.
    pub ledger: Vec<MovementBody>,
}

/// The caller's license-years per product and the newest movements of its ledger.
#[utoipa::path(get, path = "/api/v1/partner/pool", tag = "partner", params(LedgerQuery),
    security(("partner_token" = [])),
    responses((status = 200, body = PoolBody),
              (status = 401, description = "TOKEN_INVALID", body = ErrorBody)))]
async fn pool(
    State(state): State<AppState>,
    partner: Partner,
    Query(query): Query<LedgerQuery>,
) -> Result<AppJson<PoolBody>> {
    let balances = pools::balances(&state.pool, &partner.organisation_id).await?;
    let ledger = pools::recent_movements(&state.pool, &partner.organisation_id, query.limit.unwrap_or(50)).await?;
    Ok(AppJson(PoolBody {
        balances: balances
            .into_iter()
            .map(|p| BalanceBody { product: p.product_id, license_years: p.balance })
            .collect(),
        ledger: ledger
            .into_iter()
            .map(|m| MovementBody {
                id: m.id,
                product: m.product_id,
                kind: m.kind,
                amount: m.amount,
                client_id: m.client_id,
                term_id: m.term_id,
                actor: m.actor,
                at: time(m.at),
            })
            .collect(),
    }))
}
