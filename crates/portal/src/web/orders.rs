//! The Orders pages (seed 000): the customer's details, contacts and orders, and one order's items.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use sqlx::{AnyPool, Row as _};

use super::session::SignedIn;
use super::{PER_PAGE, Page, Pager, Paging, WebError, render};
use crate::domain::{OrderRef, Text};
use crate::error::{Error, Result};
use crate::state::AppState;

#[derive(Debug)]
pub struct Contact {
    pub created_at: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
}

/// The customer's contacts, oldest first (the Orders and Profile pages list them).
pub(super) async fn contacts_of(pool: &AnyPool, customer: &str) -> Result<Vec<Contact>> {
    sqlx::query(
        "SELECT created_at, first_name, last_name, email FROM contacts WHERE customer_id = $1 ORDER BY created_at, last_name",
    )
    .bind(customer)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        Ok(Contact { created_at: r.try_get(0)?, first_name: r.try_get(1)?, last_name: r.try_get(2)?, email: r.try_get(3)? })
    })
    .collect()
}

#[derive(Debug)]
pub struct OrderRow {
    pub placed_at: i64,
    pub reference: String,
    pub currency: String,
    pub total_minor: i64,
}

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
    let details = sqlx::query("SELECT created_at, company, country, city FROM customers WHERE id = $1")
        .bind(customer)
        .fetch_one(pool)
        .await
        .map_err(Error::from)?;
    let contacts = contacts_of(pool, customer).await?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE customer_id = $1")
        .bind(customer)
        .fetch_one(pool)
        .await
        .map_err(Error::from)?;
    let at = Paging::new(query.page, count);
    let orders = sqlx::query(
        "SELECT placed_at, reference, currency, total_minor FROM orders WHERE customer_id = $1 \
         ORDER BY placed_at DESC, reference LIMIT $2 OFFSET $3",
    )
    .bind(customer)
    .bind(PER_PAGE)
    .bind(at.offset())
    .fetch_all(pool)
    .await
    .map_err(Error::from)?
    .iter()
    .map(|r| {
        Ok(OrderRow {
            placed_at: r.try_get(0)?,
            reference: r.try_get(1)?,
            currency: r.try_get(2)?,
            total_minor: r.try_get(3)?,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    let page = Page::new(&who.visit, "orders", format!("/orders?page={}", at.page));
    let pager = page.pager(at, |n| format!("/orders?page={n}"));
    render(&OrdersPage {
        page,
        since: details.try_get(0).map_err(Error::from)?,
        company: details.try_get(1).map_err(Error::from)?,
        country: details.try_get(2).map_err(Error::from)?,
        city: details.try_get(3).map_err(Error::from)?,
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
}

/// One of the customer's own orders by reference; another customer's is "not found".
pub async fn order(
    State(state): State<AppState>,
    who: SignedIn,
    Path(reference): Path<Text<64>>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "orders", "/orders");
    let row = sqlx::query(
        "SELECT id, placed_at, reference, currency, total_minor FROM orders WHERE reference = $1 AND customer_id = $2",
    )
    .bind(OrderRef::normalise(&reference).as_str())
    .bind(&who.customer_id)
    .fetch_optional(&state.pool)
    .await
    .map_err(Error::from)?;
    let Some(row) = row else { return Err(WebError::not_found(&page)) };
    let id: String = row.try_get(0).map_err(Error::from)?;
    let items = sqlx::query(
        "SELECT description, sku, quantity, subtotal_minor FROM order_items WHERE order_id = $1 \
         ORDER BY subtotal_minor DESC, sku",
    )
    .bind(&id)
    .fetch_all(&state.pool)
    .await
    .map_err(Error::from)?
    .iter()
    .map(|r| {
        Ok(Item { product: r.try_get(0)?, sku: r.try_get(1)?, quantity: r.try_get(2)?, subtotal_minor: r.try_get(3)? })
    })
    .collect::<Result<Vec<_>>>()?;
    let order = OrderRow {
        placed_at: row.try_get(1).map_err(Error::from)?,
        reference: row.try_get(2).map_err(Error::from)?,
        currency: row.try_get(3).map_err(Error::from)?,
        total_minor: row.try_get(4).map_err(Error::from)?,
    };
    let page = Page { here: format!("/orders/{}", order.reference), ..page };
    render(&OrderPage { page, order, items })
}
