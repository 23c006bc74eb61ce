//! Orders: placed from the catalog's plans (priced by tessera-billing, awaiting payment), or
//! recorded as they were (an order paid before the portal knew of it). The total is always
//! the exact sum of the lines, in minor units.

use tessera_billing::{Currency, Money, price_lines};

use super::events::{self, Change};
use crate::domain::{Actor, CustomerId, EventKind, OrderId, OrderRef, OrderStatus, PaymentMethod};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::orders::{self, Item, NewOrder, Order};
use crate::store::{self, Conn, Pool, catalog, counters};

/// One line of an order recorded as it was.
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

/// An order recorded as it was: paid when placed, its licenses added by hand.
#[derive(Debug)]
pub struct OrderForm<'a> {
    pub customer_id: &'a CustomerId,
    pub reference: &'a OrderRef,
    pub currency: &'a str,
    pub placed_at: i64,
    pub lines: &'a [Line<'a>],
}

/// Reads a currency code, refusing one the portal does not bill in.
pub fn currency(code: &str) -> Result<Currency> {
    Currency::parse(code).map_err(|e| Error::BadRequest(e.to_string().into()))
}

/// A pricing refusal as the person ordering reads it.
fn refused(error: tessera_billing::Error) -> Error {
    match error {
        tessera_billing::Error::Overflow => Error::BadRequest("the order's total is too large".into()),
        other => Error::BadRequest(other.to_string().into()),
    }
}

/// Adds the order and its lines in `conn` (the caller's transaction: all of it or nothing);
/// returns its id and total.
pub async fn add_order(conn: &mut Conn, form: &OrderForm<'_>) -> Result<(OrderId, i64)> {
    let currency = currency(form.currency)?;
    let lines: Vec<tessera_billing::Line> = form
        .lines
        .iter()
        .map(|line| tessera_billing::Line {
            unit_price: Money::from_minor(line.unit_price, currency),
            quantity: line.quantity,
        })
        .collect();
    let priced = price_lines(currency, &lines).map_err(refused)?;
    let new = NewOrder {
        customer_id: form.customer_id,
        reference: form.reference,
        placed_at: form.placed_at,
        currency: currency.code(),
        total_minor: priced.total.minor(),
        status: OrderStatus::Paid,
        payment_method: PaymentMethod::BankTransfer,
        paid_at: Some(form.placed_at),
        idempotency_key: None,
    };
    let id = orders::insert(conn, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("order {} exists already", form.reference).into()))?;
    for (line, subtotal) in form.lines.iter().zip(priced.subtotals) {
        let product = match line.product {
            Some(product) => product.to_owned(),
            None => catalog::product_of_sku(conn, line.sku).await?.ok_or_else(|| {
                Error::BadRequest(format!("no edition has a SKU that {} starts with", line.sku).into())
            })?,
        };
        let item = Item {
            description: line.description.to_owned(),
            sku: line.sku.to_owned(),
            quantity: line.quantity,
            unit_price_minor: line.unit_price,
            subtotal_minor: subtotal.minor(),
            plan_id: None,
        };
        orders::insert_item(conn, &id, &product, &item).await?;
    }
    Ok((id, priced.total.minor()))
}

/// One line of an order placed from the catalog: a plan's SKU and the users it is for.
#[derive(Debug, Clone)]
pub struct PlanLine {
    pub sku: String,
    pub quantity: i64,
}

/// An order a customer places (at the shop, or staff for them).
#[derive(Debug)]
pub struct Placement<'a> {
    pub customer_id: &'a CustomerId,
    pub lines: &'a [PlanLine],
    pub payment_method: PaymentMethod,
    pub placed_at: i64,
    /// The order references' prefix (`--order-prefix`), e.g. `JWT`.
    pub prefix: &'a str,
    /// The vendor API's `Idempotency-Key`: placing again with it places nothing new.
    pub idempotency_key: Option<&'a str>,
}

/// The order placed: its reference and total, and whether this call placed it (false when
/// its idempotency key placed it before).
#[derive(Debug, Clone)]
pub struct Placed {
    pub id: OrderId,
    pub reference: OrderRef,
    pub total: Money,
    pub first_time: bool,
}

/// The first number of the order references the portal hands out.
const FIRST_ORDER_NUMBER: i64 = 1001;

/// Places an order for plans in `conn`'s transaction: each line is the plan's price per user
/// times the users, all in the plans' one currency; the order waits for its payment, which
/// issues its licenses. Its reference is the prefix and the next number never used.
/// The customer's confirmation mail is queued in the same transaction.
pub async fn place_order(conn: &mut Conn, mailer: &Mailer, actor: &Actor, form: &Placement<'_>) -> Result<Placed> {
    if form.lines.is_empty() {
        return Err(Error::refused("bo-refusal-order-no-lines", &[]));
    }
    if let Some(line) = form.lines.iter().find(|line| !(1..=1_000_000).contains(&line.quantity)) {
        return Err(Error::refused(
            "bo-refusal-order-quantity",
            &[("users", line.quantity.to_string().into()), ("sku", line.sku.clone().into())],
        ));
    }
    if !store::customers::exists(conn, form.customer_id).await? {
        return Err(Error::refused("bo-refusal-no-customer", &[("id", form.customer_id.to_string().into())]));
    }
    let mut plans = Vec::with_capacity(form.lines.len());
    for line in form.lines {
        let plan = catalog::plan_by_sku(conn, &line.sku)
            .await?
            .ok_or_else(|| Error::refused("bo-refusal-no-plan", &[("sku", line.sku.clone().into())]))?;
        if plan.retired_at.is_some() {
            return Err(Error::refused("bo-refusal-plan-not-sold", &[("sku", plan.sku.clone().into())]));
        }
        plans.push(plan);
    }
    let currency = currency(&plans[0].currency)?;
    let lines = plans
        .iter()
        .zip(form.lines)
        .map(|(plan, line)| {
            let unit_price = Money::from_minor(plan.unit_price_minor, super::orders::currency(&plan.currency)?);
            Ok(tessera_billing::Line { unit_price, quantity: line.quantity })
        })
        .collect::<Result<Vec<_>>>()?;
    let priced = price_lines(currency, &lines).map_err(refused)?;
    let reference = next_reference(conn, form.prefix).await?;
    let new = NewOrder {
        customer_id: form.customer_id,
        reference: &reference,
        placed_at: form.placed_at,
        currency: currency.code(),
        total_minor: priced.total.minor(),
        status: OrderStatus::AwaitingPayment,
        payment_method: form.payment_method,
        paid_at: None,
        idempotency_key: form.idempotency_key,
    };
    let id = orders::insert(conn, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("order {reference} exists already; place it again").into()))?;
    for ((plan, line), subtotal) in plans.iter().zip(form.lines).zip(&priced.subtotals) {
        let item = Item {
            description: plan.name.clone(),
            sku: plan.sku.clone(),
            quantity: line.quantity,
            unit_price_minor: plan.unit_price_minor,
            subtotal_minor: subtotal.minor(),
            plan_id: Some(plan.id.clone()),
        };
        orders::insert_item(conn, &id, &plan.product_id, &item).await?;
    }
    let change = Change {
        kind: EventKind::OrderPlaced,
        at: form.placed_at,
        subject: reference.as_str(),
        customer_id: Some(form.customer_id),
        order_id: Some(&id),
        license_id: None,
        before: None,
        after: Some(serde_json::json!({
            "status": OrderStatus::AwaitingPayment,
            "total": priced.total.decimal(),
            "currency": currency.code(),
            "payment_method": form.payment_method,
        })),
    };
    events::record(conn, actor, &change).await?;
    let order = orders::by_id(conn, &id).await?.ok_or(Error::NotFound)?;
    let items = orders::items_in(conn, &id).await?;
    super::invoices::issue(conn, mailer, &order, &items, form.placed_at).await?;
    super::mail::order_placed(conn, mailer, &order, &items).await?;
    Ok(Placed { id, reference, total: priced.total, first_time: true })
}

/// One line of a subscription's charge: what it is for and its amount (negative: a credit).
#[derive(Debug, Clone)]
pub struct ChargeLine {
    pub description: String,
    pub amount: Money,
}

/// What a subscription charges, as an order.
#[derive(Debug)]
pub struct Charge<'a> {
    pub customer_id: &'a CustomerId,
    /// The product the subscription's license is of.
    pub product_id: &'a str,
    pub lines: &'a [ChargeLine],
    pub payment_method: PaymentMethod,
    pub placed_at: i64,
    pub prefix: &'a str,
}

/// Places the order of a subscription's charge in `conn`'s transaction: its lines as given
/// (none of them issues a license), its total their sum, which must be more than nothing; it
/// waits for its payment like any order, with its invoice and confirmation mail.
pub async fn place_charge(conn: &mut Conn, mailer: &Mailer, actor: &Actor, charge: &Charge<'_>) -> Result<Placed> {
    let Some(first) = charge.lines.first() else {
        return Err(Error::Internal("a charge without lines".into()));
    };
    let currency = first.amount.currency();
    let total = charge
        .lines
        .iter()
        .skip(1)
        .try_fold(first.amount, |sum, line| sum.checked_add(line.amount))
        .map_err(refused)?;
    if total.minor() <= 0 {
        return Err(Error::Internal(format!("a charge of {total}")));
    }
    let reference = next_reference(conn, charge.prefix).await?;
    let new = NewOrder {
        customer_id: charge.customer_id,
        reference: &reference,
        placed_at: charge.placed_at,
        currency: currency.code(),
        total_minor: total.minor(),
        status: OrderStatus::AwaitingPayment,
        payment_method: charge.payment_method,
        paid_at: None,
        idempotency_key: None,
    };
    let id = orders::insert(conn, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("order {reference} exists already; try again").into()))?;
    for line in charge.lines {
        let item = Item {
            description: line.description.clone(),
            sku: String::new(),
            quantity: 1,
            unit_price_minor: line.amount.minor(),
            subtotal_minor: line.amount.minor(),
            plan_id: None,
        };
        orders::insert_item(conn, &id, charge.product_id, &item).await?;
    }
    let change = Change {
        kind: EventKind::OrderPlaced,
        at: charge.placed_at,
        subject: reference.as_str(),
        customer_id: Some(charge.customer_id),
        order_id: Some(&id),
        license_id: None,
        before: None,
        after: Some(serde_json::json!({
            "status": OrderStatus::AwaitingPayment,
            "total": total.decimal(),
            "currency": currency.code(),
            "payment_method": charge.payment_method,
        })),
    };
    events::record(conn, actor, &change).await?;
    let order = orders::by_id(conn, &id).await?.ok_or(Error::NotFound)?;
    let items = orders::items_in(conn, &id).await?;
    super::invoices::issue(conn, mailer, &order, &items, charge.placed_at).await?;
    super::mail::order_placed(conn, mailer, &order, &items).await?;
    Ok(Placed { id, reference, total, first_time: true })
}

/// Places an order in a transaction of its own, once per idempotency key: the same key again
/// answers the order it placed (the same customer's; another customer's is `PAYMENT_CONFLICT`).
pub async fn place(pool: &Pool, mailer: &Mailer, actor: &Actor, form: &Placement<'_>) -> Result<Placed> {
    let mut tx = store::begin(pool).await?;
    if let Some(placed) = placed_before(&mut tx, form).await? {
        return Ok(placed);
    }
    match place_order(&mut tx, mailer, actor, form).await {
        Ok(placed) => {
            tx.commit().await?;
            Ok(placed)
        }
        Err(error) => {
            // Another process placed the order of this key meanwhile: answer it.
            tx.rollback().await?;
            match placed_before(&mut *store::acquire(pool).await?, form).await? {
                Some(placed) => Ok(placed),
                None => Err(error),
            }
        }
    }
}

async fn placed_before(conn: &mut Conn, form: &Placement<'_>) -> Result<Option<Placed>> {
    let Some(key) = form.idempotency_key else {
        return Ok(None);
    };
    let Some(order) = orders::by_idempotency_key(conn, key).await? else {
        return Ok(None);
    };
    if order.customer_id != *form.customer_id {
        return Err(Error::PaymentConflict(
            format!("That Idempotency-Key placed order {} for another customer.", order.reference).into(),
        ));
    }
    let total = Money::from_minor(order.total_minor, currency(&order.currency)?);
    Ok(Some(Placed { reference: OrderRef::normalise(&order.reference), id: order.id, total, first_time: false }))
}

/// The order `id` with its lines.
pub async fn with_items(pool: &Pool, id: &OrderId) -> Result<(Order, Vec<Item>)> {
    let order = orders::by_id(&mut *store::acquire(pool).await?, id).await?.ok_or(Error::NotFound)?;
    let items = orders::items_of(pool, id).await?;
    Ok((order, items))
}

/// The prefix and the next number whose reference no order has (one recorded by hand may have
/// taken it).
async fn next_reference(conn: &mut Conn, prefix: &str) -> Result<OrderRef> {
    loop {
        let number = counters::next(conn, "order-reference", FIRST_ORDER_NUMBER).await?;
        let reference = OrderRef::normalise(&format!("{prefix}{number}"));
        if !orders::reference_taken(conn, &reference).await? {
            return Ok(reference);
        }
    }
}

/// The id of the customer's order `reference`, or a refusal naming it.
pub async fn order_id(conn: &mut Conn, customer_id: &CustomerId, reference: &str) -> Result<OrderId> {
    orders::id_of(conn, customer_id, &OrderRef::normalise(reference))
        .await?
        .ok_or_else(|| Error::BadRequest(format!("the customer has no order {reference}").into()))
}

/// The orders awaiting payment, oldest first (the first 200).
pub async fn awaiting_payment(pool: &Pool) -> Result<Vec<orders::Awaiting>> {
    orders::awaiting_payment(pool, 200).await
}

/// An order as the back office shows it: its lines, the licenses it issued and its customer.
#[derive(Debug)]
pub struct Detail {
    pub order: Order,
    pub items: Vec<Item>,
    pub licenses: Vec<crate::store::licenses::License>,
    /// Its invoice and credit notes, in the order they were issued.
    pub invoices: Vec<crate::store::invoices::Invoice>,
    pub company: String,
}

/// The order `reference` with its lines, licenses and customer; `NOT_FOUND` when there is none.
pub async fn detail(pool: &Pool, reference: &OrderRef) -> Result<Detail> {
    let mut conn = store::acquire(pool).await?;
    let order = orders::by_reference(&mut conn, reference).await?.ok_or(Error::NotFound)?;
    let licenses = crate::store::licenses::of_order(&mut conn, &order.id).await?;
    let invoices = crate::store::invoices::of_order(&mut conn, &order.id).await?;
    drop(conn);
    let items = orders::items_of(pool, &order.id).await?;
    let company = crate::store::customers::by_id(pool, order.customer_id.as_str())
        .await?
        .map(|customer| customer.company)
        .unwrap_or_default();
    Ok(Detail { order, items, licenses, invoices, company })
}

/// The plans an order can be placed for now (not retired), by product, edition and SKU.
pub async fn plans_on_sale(pool: &Pool) -> Result<Vec<crate::store::catalog::Plan>> {
    let plans = crate::store::catalog::plans(&mut *store::acquire(pool).await?).await?;
    Ok(plans.into_iter().filter(|plan| plan.retired_at.is_none()).collect())
}
