//! The catalog in the back office: products with their editions and plans for every member of
//! staff to read; adding and changing them, retiring a plan and putting it back on sale for
//! the admin role alone. Nothing is deleted: licenses and order lines point to it.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::customers::urlencoding;
use super::{Frame, StaffVisit};
use crate::domain::{Money, Text};
use crate::error::{Error, Result};
use crate::services::catalog::{self, Listed, PlanEdit, PlanForm, ProductChanges};
use crate::services::orders;
use crate::state::AppState;
use crate::store::catalog::{Edition, NewProduct, Plan};
use crate::store::{self, Conn};

/// What each action's address says it did: the message of its notice.
const DONE: &[(&str, &str)] = &[
    ("product-added", "bo-catalog-done-product-added"),
    ("product-changed", "bo-catalog-done-product-changed"),
    ("edition-added", "bo-catalog-done-edition-added"),
    ("features", "bo-catalog-done-features"),
    ("plan-added", "bo-catalog-done-plan-added"),
    ("plan-changed", "bo-catalog-done-plan-changed"),
    ("retired", "bo-catalog-done-retired"),
    ("on-sale", "bo-catalog-done-on-sale"),
];

#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<Text<16>>,
}

impl Done {
    fn notice(&self, frame: &Frame) -> Option<(&'static str, String)> {
        let done = self.done.as_ref()?;
        DONE.iter().find(|(code, _)| *code == done.as_str()).map(|(_, message)| ("ok", frame.page.t(message)))
    }
}

/// What was typed in the form `form`, shown again when the change is refused.
#[derive(Debug, Default)]
struct Typed {
    form: &'static str,
    values: Vec<(&'static str, String)>,
}

impl Typed {
    fn of(form: &'static str, values: &[(&'static str, &str)]) -> Self {
        Self { form, values: values.iter().map(|(field, value)| (*field, (*value).to_owned())).collect() }
    }

    /// The value typed in `field` of `form`, or `default` when that form was not the one sent.
    fn value(&self, form: &str, field: &str, default: &str) -> String {
        let typed = (self.form == form).then(|| self.values.iter().find(|(name, _)| *name == field)).flatten();
        typed.map_or_else(|| default.to_owned(), |(_, value)| value.clone())
    }
}

/// A term in the page's language: perpetual, or a count of months.
fn term_words(frame: &Frame, plan: &Plan) -> String {
    match plan.term_months {
        None => frame.page.t("dashboard-perpetual"),
        Some(months) => frame.page.tn("bo-plan-months", "months", months),
    }
}

#[derive(Template)]
#[template(path = "backoffice/catalog.html")]
struct CatalogPage {
    frame: Frame,
    catalog: Vec<Listed>,
    /// What the last action did: (`ok` or `problem`, the text).
    notice: Option<(&'static str, String)>,
    typed: Typed,
}

impl CatalogPage {
    fn term(&self, plan: &Plan) -> String {
        term_words(&self.frame, plan)
    }

    /// What the refused form held in `field`, or `default`.
    fn typed(&self, form: &str, field: &str, default: &str) -> String {
        self.typed.value(form, field, default)
    }

    /// Whether the new product's form starts on match policy `code` (fuzzy, or what was typed).
    fn policy_chosen(&self, code: &str) -> bool {
        self.typed("product", "match_policy", "fuzzy") == code
    }

    fn features(&self, edition: &Edition) -> String {
        edition.features.join(", ")
    }

    /// Whether some product has an edition a plan can sell.
    fn has_editions(&self) -> bool {
        self.catalog.iter().any(|listed| !listed.editions.is_empty())
    }

    /// A match policy's words in the page's language.
    fn policy(&self, code: &str) -> String {
        self.frame.page.t(&format!("bo-catalog-policy-{code}"))
    }
}

async fn show(
    state: &AppState,
    visit: &StaffVisit,
    notice: Option<(&'static str, String)>,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, WebError> {
    let frame = Frame::new(visit, "catalog", "/admin/catalog");
    let catalog = catalog::listing(&state.pool).await?;
    let mut response = render(&CatalogPage { frame, catalog, notice, typed })?;
    *response.status_mut() = status;
    Ok(response)
}

/// The catalog; `?done=` says which action was just done.
pub async fn page(
    State(state): State<AppState>,
    visit: StaffVisit,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let notice = done.notice(&Frame::new(&visit, "catalog", "/admin/catalog"));
    show(&state, &visit, notice, Typed::default(), StatusCode::OK).await
}

#[derive(Template)]
#[template(path = "backoffice/catalog_plan.html")]
struct PlanPage {
    frame: Frame,
    plan: Plan,
    notice: Option<(&'static str, String)>,
    typed: Typed,
}

impl PlanPage {
    fn term(&self) -> String {
        term_words(&self.frame, &self.plan)
    }

    /// The price as its field starts, e.g. `299.00`.
    fn price(&self) -> String {
        orders::currency(&self.plan.currency).map_or_else(
            |_| self.plan.unit_price_minor.to_string(),
            |c| Money::from_minor(self.plan.unit_price_minor, c).decimal(),
        )
    }

    /// What the refused change held in `field`, or `default`.
    fn typed(&self, field: &str, default: impl ToString) -> String {
        self.typed.value("plan", field, &default.to_string())
    }

    fn href(&self) -> String {
        format!("/admin/catalog/plans/{}", urlencoding(&self.plan.sku))
    }
}

async fn show_plan(
    state: &AppState,
    visit: &StaffVisit,
    sku: &str,
    notice: Option<(&'static str, String)>,
    typed: Typed,
    status: StatusCode,
) -> Result<Response, WebError> {
    let frame = Frame::new(visit, "catalog", &format!("/admin/catalog/plans/{}", urlencoding(sku)));
    let Some(plan) = catalog::plan(&state.pool, sku).await? else {
        return Err(WebError::not_found(&frame.page));
    };
    let mut response = render(&PlanPage { frame, plan, notice, typed })?;
    *response.status_mut() = status;
    Ok(response)
}

/// Plan `sku`: what it sells and, for an admin, the forms that change it.
pub async fn plan_page(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(sku): Path<Text<64>>,
    Query(done): Query<Done>,
) -> Result<Response, WebError> {
    let notice = done.notice(&Frame::new(&visit, "catalog", "/admin/catalog"));
    show_plan(&state, &visit, &sku, notice, Typed::default(), StatusCode::OK).await
}

/// Where a refused action shows its reason: the catalog, or a plan's page.
enum Back<'a> {
    Catalog(Typed),
    Plan(&'a str, Typed),
}

/// What a change did: committed when it was done, nothing when it was refused.
async fn commit(tx: store::Tx<'static>, outcome: Result<()>) -> Result<()> {
    outcome?;
    tx.commit().await?;
    Ok(())
}

/// After a change: to `done` saying so, or back to the page with why not (400), or not found.
async fn answer(
    state: &AppState,
    visit: &StaffVisit,
    back: Back<'_>,
    done: &str,
    outcome: Result<()>,
) -> Result<Response, WebError> {
    match outcome {
        Ok(()) => Ok(Redirect::to(done).into_response()),
        Err(Error::NotFound) => Err(WebError::not_found(&Frame::new(visit, "catalog", "/admin/catalog").page)),
        Err(error @ Error::BadRequest(_)) => {
            let text = Frame::new(visit, "catalog", "/admin/catalog").refused(&error);
            match back {
                Back::Catalog(typed) => {
                    show(state, visit, Some(("problem", text)), typed, StatusCode::BAD_REQUEST).await
                }
                Back::Plan(sku, typed) => {
                    show_plan(state, visit, sku, Some(("problem", text)), typed, StatusCode::BAD_REQUEST).await
                }
            }
        }
        Err(error) => Err(error.into()),
    }
}

/// A whole number typed in `field`.
fn number(field: &str, text: &str) -> Result<i64> {
    text.trim().parse().map_err(|_| Error::BadRequest(format!("{field}: '{text}' is not a whole number").into()))
}

#[derive(Debug, Deserialize)]
pub struct ProductFields {
    id: Text<64>,
    name: Text<200>,
    match_policy: Text<16>,
    refresh_days: Text<16>,
    grace_days: Text<16>,
}

/// Adds a product (admin).
pub async fn add_product(
    State(state): State<AppState>,
    visit: StaffVisit,
    Form(fields): Form<ProductFields>,
) -> Result<Response, WebError> {
    async fn add(conn: &mut Conn, visit: &StaffVisit, fields: &ProductFields) -> Result<()> {
        let new = NewProduct {
            id: &fields.id,
            name: &fields.name,
            match_policy: catalog::policy(fields.match_policy.trim())?,
            refresh_days: number("refresh days", &fields.refresh_days)?,
            grace_days: number("grace days", &fields.grace_days)?,
            created_at: store::now(),
        };
        catalog::add_product(conn, &visit.actor(), &new).await
    }
    let mut tx = store::begin(&state.pool).await?;
    let outcome = add(&mut tx, &visit, &fields).await;
    let typed = Typed::of(
        "product",
        &[
            ("id", &fields.id),
            ("name", &fields.name),
            ("match_policy", &fields.match_policy),
            ("refresh_days", &fields.refresh_days),
            ("grace_days", &fields.grace_days),
        ],
    );
    answer(&state, &visit, Back::Catalog(typed), "/admin/catalog?done=product-added", commit(tx, outcome).await).await
}

#[derive(Debug, Deserialize)]
pub struct ProductChangeFields {
    name: Text<200>,
    refresh_days: Text<16>,
    grace_days: Text<16>,
}

/// Changes product `id`'s name and refresh rhythm (admin); its id and match policy stay.
pub async fn change_product(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
    Form(fields): Form<ProductChangeFields>,
) -> Result<Response, WebError> {
    async fn change(conn: &mut Conn, visit: &StaffVisit, id: &str, fields: &ProductChangeFields) -> Result<()> {
        let changes = ProductChanges {
            name: &fields.name,
            refresh_days: number("refresh days", &fields.refresh_days)?,
            grace_days: number("grace days", &fields.grace_days)?,
        };
        catalog::change_product(conn, &visit.actor(), id, &changes).await
    }
    let mut tx = store::begin(&state.pool).await?;
    let outcome = change(&mut tx, &visit, &id, &fields).await;
    answer(
        &state,
        &visit,
        Back::Catalog(Typed::default()),
        "/admin/catalog?done=product-changed",
        commit(tx, outcome).await,
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct EditionFields {
    product: Text<64>,
    name: Text<200>,
    sku: Text<64>,
    #[serde(default)]
    features: Text<2000>,
}

/// Adds an edition to a product (admin).
pub async fn add_edition(
    State(state): State<AppState>,
    visit: StaffVisit,
    Form(fields): Form<EditionFields>,
) -> Result<Response, WebError> {
    async fn add(conn: &mut Conn, visit: &StaffVisit, fields: &EditionFields) -> Result<()> {
        let features = catalog::features(&fields.features)?;
        catalog::add_edition(conn, &visit.actor(), &fields.product, &fields.name, &fields.sku, &features).await
    }
    let mut tx = store::begin(&state.pool).await?;
    let outcome = add(&mut tx, &visit, &fields).await;
    let typed = Typed::of(
        "edition",
        &[("product", &fields.product), ("name", &fields.name), ("sku", &fields.sku), ("features", &fields.features)],
    );
    answer(&state, &visit, Back::Catalog(typed), "/admin/catalog?done=edition-added", commit(tx, outcome).await).await
}

#[derive(Debug, Deserialize)]
pub struct FeatureFields {
    #[serde(default)]
    features: Text<2000>,
}

/// Sets the features of the edition whose SKU is `sku` (admin).
pub async fn change_features(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(sku): Path<Text<64>>,
    Form(fields): Form<FeatureFields>,
) -> Result<Response, WebError> {
    async fn change(conn: &mut Conn, visit: &StaffVisit, sku: &str, fields: &FeatureFields) -> Result<()> {
        let features = catalog::features(&fields.features)?;
        catalog::change_features(conn, &visit.actor(), sku, &features).await
    }
    let mut tx = store::begin(&state.pool).await?;
    let outcome = change(&mut tx, &visit, &sku, &fields).await;
    answer(&state, &visit, Back::Catalog(Typed::default()), "/admin/catalog?done=features", commit(tx, outcome).await)
        .await
}

#[derive(Debug, Deserialize)]
pub struct PlanFields {
    /// The SKU of the edition the plan sells.
    edition: Text<64>,
    sku: Text<64>,
    #[serde(default)]
    name: Text<200>,
    /// Months of the term; perpetual when empty.
    #[serde(default)]
    months: Text<16>,
    price: Text<32>,
    currency: Text<8>,
    machines_per_user: Text<16>,
    support_years: Text<16>,
    trial_days: Text<16>,
}

/// Adds a plan (admin), with the shell's checks.
pub async fn add_plan(
    State(state): State<AppState>,
    visit: StaffVisit,
    Form(fields): Form<PlanFields>,
) -> Result<Response, WebError> {
    async fn add(conn: &mut Conn, visit: &StaffVisit, fields: &PlanFields) -> Result<()> {
        let edition = catalog::edition(conn, &fields.edition).await?;
        let months =
            Some(fields.months.trim()).filter(|m| !m.is_empty()).map(|m| number("term months", m)).transpose()?;
        let currency =
            orders::currency(&fields.currency).map_err(|e| Error::BadRequest(format!("currency: {e}").into()))?;
        let form = PlanForm {
            product: &edition.product_id,
            edition: &edition.name,
            sku: &fields.sku,
            name: Some(fields.name.as_str()),
            term: catalog::term(months)?,
            unit_price: Money::parse(&fields.price, currency)
                .map_err(|e| Error::BadRequest(format!("price: {e}").into()))?,
            machines_per_user: number("machines per user", &fields.machines_per_user)?,
            support_years: number("support years", &fields.support_years)?,
            trial_days: number("trial days", &fields.trial_days)?,
        };
        catalog::add_plan(conn, &visit.actor(), &form, store::now()).await
    }
    let mut tx = store::begin(&state.pool).await?;
    let outcome = add(&mut tx, &visit, &fields).await;
    let typed = Typed::of(
        "plan",
        &[
            ("edition", &fields.edition),
            ("sku", &fields.sku),
            ("name", &fields.name),
            ("months", &fields.months),
            ("price", &fields.price),
            ("currency", &fields.currency),
            ("machines_per_user", &fields.machines_per_user),
            ("support_years", &fields.support_years),
            ("trial_days", &fields.trial_days),
        ],
    );
    answer(&state, &visit, Back::Catalog(typed), "/admin/catalog?done=plan-added", commit(tx, outcome).await).await
}

#[derive(Debug, Deserialize)]
pub struct PlanChangeFields {
    name: Text<200>,
    price: Text<32>,
    machines_per_user: Text<16>,
    support_years: Text<16>,
    trial_days: Text<16>,
}

/// Changes plan `sku` for the orders placed from now on (admin).
pub async fn change_plan(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(sku): Path<Text<64>>,
    Form(fields): Form<PlanChangeFields>,
) -> Result<Response, WebError> {
    async fn change(conn: &mut Conn, visit: &StaffVisit, sku: &str, fields: &PlanChangeFields) -> Result<()> {
        let edit = PlanEdit {
            name: &fields.name,
            price: &fields.price,
            machines_per_user: number("machines per user", &fields.machines_per_user)?,
            support_years: number("support years", &fields.support_years)?,
            trial_days: number("trial days", &fields.trial_days)?,
        };
        catalog::change_plan(conn, &visit.actor(), sku, &edit).await
    }
    let mut tx = store::begin(&state.pool).await?;
    let outcome = change(&mut tx, &visit, &sku, &fields).await;
    let done = format!("/admin/catalog/plans/{}?done=plan-changed", urlencoding(&sku));
    let typed = Typed::of(
        "plan",
        &[
            ("name", &fields.name),
            ("price", &fields.price),
            ("machines_per_user", &fields.machines_per_user),
            ("support_years", &fields.support_years),
            ("trial_days", &fields.trial_days),
        ],
    );
    answer(&state, &visit, Back::Plan(&sku, typed), &done, commit(tx, outcome).await).await
}

/// Takes plan `sku` off sale (admin): no new order takes it; what was sold stays.
pub async fn retire(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(sku): Path<Text<64>>,
) -> Result<Response, WebError> {
    let mut tx = store::begin(&state.pool).await?;
    let outcome = catalog::set_on_sale(&mut tx, &visit.actor(), &sku, false, store::now()).await;
    let done = format!("/admin/catalog/plans/{}?done=retired", urlencoding(&sku));
    answer(&state, &visit, Back::Plan(&sku, Typed::default()), &done, commit(tx, outcome).await).await
}

/// Puts retired plan `sku` back on sale (admin).
pub async fn on_sale(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(sku): Path<Text<64>>,
) -> Result<Response, WebError> {
    let mut tx = store::begin(&state.pool).await?;
    let outcome = catalog::set_on_sale(&mut tx, &visit.actor(), &sku, true, store::now()).await;
    let done = format!("/admin/catalog/plans/{}?done=on-sale", urlencoding(&sku));
    answer(&state, &visit, Back::Plan(&sku, Typed::default()), &done, commit(tx, outcome).await).await
}
