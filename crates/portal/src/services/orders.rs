//! Adding orders with their lines; the total is the exact sum of the lines, in minor units.

use crate::domain::{CustomerId, OrderId, OrderRef};
use crate::error::{Error, Result};
use crate::store::orders::{self, Item, NewOrder};
use crate::store::{Conn, catalog};

/// One line of an order to add.
#[derive(Debug)]
pub struct Line<'a> {
    /// The product; found from the SKU (the edition whose SKU it starts with) when `None`.
    pub product: Option<&'a str>,
    pub sku: &'a str,
    pub description: &'a str,
    pub quantity: i64,
    /// Price of one, in minor units.
    pub unit_price: i64,
}

/// An order to add.
#[derive(Debug)]
pub struct OrderForm<'a> {
    pub customer_id: &'a CustomerId,
    pub reference: &'a OrderRef,
    pub currency: &'a str,
    pub placed_at: i64,
    pub lines: &'a [Line<'a>],
}

/// Adds the order and its lines in `conn` (the caller's transaction: all of it or nothing);
/// returns its id and total.
pub async fn add_order(conn: &mut Conn, form: &OrderForm<'_>) -> Result<(OrderId, i64)> {
    let subtotals = form
        .lines
        .iter()
        .map(|line| line.quantity.checked_mul(line.unit_price))
        .collect::<Option<Vec<i64>>>()
        .ok_or_else(|| Error::BadRequest("the order's total is too large".into()))?;
    let total = subtotals
        .iter()
        .try_fold(0_i64, |sum, line| sum.checked_add(*line))
        .ok_or_else(|| Error::BadRequest("the order's total is too large".into()))?;
    let new = NewOrder {
        customer_id: form.customer_id,
        reference: form.reference,
        placed_at: form.placed_at,
        currency: &form.currency.to_uppercase(),
        total_minor: total,
    };
    let id = orders::insert(conn, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("order {} exists already", form.reference)))?;
    for (line, subtotal) in form.lines.iter().zip(subtotals) {
        let product = match line.product {
            Some(product) => product.to_owned(),
            None => catalog::product_of_sku(conn, line.sku)
                .await?
                .ok_or_else(|| Error::BadRequest(format!("no edition has a SKU that {} starts with", line.sku)))?,
        };
        let item = Item {
            description: line.description.to_owned(),
            sku: line.sku.to_owned(),
            quantity: line.quantity,
            subtotal_minor: subtotal,
        };
        orders::insert_item(conn, &id, &product, &item).await?;
    }
    Ok((id, total))
}

/// The id of the customer's order `reference`, or a refusal naming it.
pub async fn order_id(conn: &mut Conn, customer_id: &CustomerId, reference: &str) -> Result<OrderId> {
    orders::id_of(conn, customer_id, &OrderRef::normalise(reference))
        .await?
        .ok_or_else(|| Error::BadRequest(format!("the customer has no order {reference}")))
}
