//! The Orders pages (seed 000): the customer's details, contacts and orders, and one order's items.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::session::SignedIn;
use super::{Page, Pager, WebError, render};
use crate::domain::{OrderRef, Text};
use crate::error::{Error, Result};
use crate::state::AppState;
use crate::store;

use crate::store::customers::Contact;

pub use crate::store::orders::Order as OrderRow;

#[derive(Template)]
#[template(path = "web/orders.html")]
struct OrdersPage {
    page: Page,
    since: i64,
    company: String,
    country: String,
    city: String,
    contacts: Vec<Contact>,
    orders: Vec<OrderRow>,
    pager: Option<Pager>,
}

#[derive(Debug, Deserialize)]
pub struct OrdersQuery {
    page: Option<i64>,
}

pub async fn orders(
    State(state): State<AppState>,
    who: SignedIn,
    Query(query): Query<OrdersQuery>,
) -> Result<Response, WebError> {
    let pool = &state.pool;
    let customer = who.customer_id.as_str();
    let details = store::customers::by_id(pool, customer).await?.ok_or(Error::NotFound)?;
    let contacts = store::customers::contacts_of(pool, customer).await?;
    let orders = store::orders::page_of_customer(pool, customer, query.page).await?;
    let (at, orders) = (orders.at, orders.rows);
    let page = Page::new(&who.visit, "orders", format!("/orders?page={}", at.page));
    let pager = page.pager(at, |n| format!("/orders?page={n}"));
    render(&OrdersPage {
        page,
        since: details.created_at,
        company: details.company,
        country: details.country,
        city: details.city,
        contacts,
        orders,
        pager,
    })
}

#[derive(Debug)]
pub struct Item {
    pub product: String,
    pub sku: String,
    pub quantity: i64,
    pub subtotal_minor: i64,
}

#[derive(Template)]
#[template(path = "web/order.html")]
struct OrderPage {
    page: Page,
    order: OrderRow,
    items: Vec<Item>,
    invoices: Vec<crate::store::invoices::Invoice>,
}

/// One of the customer's own orders by reference; another customer's is "not found".
pub async fn order(
    State(state): State<AppState>,
    who: SignedIn,
    Path(reference): Path<Text<64>>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "orders", "/orders");
    let found = store::orders::of_customer(&state.pool, &who.customer_id, &OrderRef::normalise(&reference)).await?;
    let Some(order) = found else { return Err(WebError::not_found(&page)) };
    let items = store::orders::items_of(&state.pool, &order.id)
        .await?
        .into_iter()
        .map(|i| Item { product: i.description, sku: i.sku, quantity: i.quantity, subtotal_minor: i.subtotal_minor })
        .collect();
    let invoices = crate::services::invoices::of_order(&state.pool, &order.id).await?;
    let page = Page { here: format!("/orders/{}", order.reference), ..page };
    render(&OrderPage { page, order, items, invoices })
}
