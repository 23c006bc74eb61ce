//! Invoices and credit notes. An order placed gets its invoice in the same transaction, numbered
//! `INV-<year>-<n>` in an unbroken sequence per year (a rolled-back order gives its number
//! back); a cancelled or refunded order gets a credit note `CN-<year>-<n>` for the whole
//! invoice. A document is a snapshot of what it says, never changed once issued: a later change
//! of the customer's address or a plan's price does not touch it.

use serde::{Deserialize, Serialize};

use crate::domain::{CustomerId, OrderId};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::store::invoices::{self, Invoice, NewInvoice};
use crate::store::orders::{Item, Order};
use crate::store::{Conn, Pool, counters, customers};

/// The words stored for each kind of document.
pub const INVOICE: &str = "invoice";
pub const CREDIT_NOTE: &str = "credit_note";

/// What a printed invoice or credit note shows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// The vendor (`--vendor-details`), lines as given.
    pub seller: Option<String>,
    /// Where to transfer the money (`--bank-details`).
    pub bank_details: Option<String>,
    pub buyer: Buyer,
    pub order_reference: String,
    pub placed_at: i64,
    pub payment_method: String,
    pub lines: Vec<Line>,
    /// A credit note: the number of the invoice it cancels, and why.
    pub corrects: Option<String>,
    pub reason: Option<String>,
}

/// The customer as the document names them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Buyer {
    pub company: String,
    pub email: String,
    pub manager: String,
    /// The street address (absent from invoices issued before it was kept, or never given).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    pub city: String,
    pub country: String,
    /// The VAT id (absent from invoices issued before it was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_id: Option<String>,
}

/// One line; amounts negative on a credit note.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Line {
    pub description: String,
    pub sku: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub subtotal_minor: i64,
}

/// An issued document and what it shows.
#[derive(Debug, Clone)]
pub struct Issued {
    pub invoice: Invoice,
    pub document: Document,
}

impl Issued {
    /// Whether this is a credit note.
    #[must_use]
    pub fn is_credit_note(&self) -> bool {
        self.invoice.kind == CREDIT_NOTE
    }
}

fn year_of(at: i64) -> i64 {
    use chrono::Datelike as _;
    chrono::DateTime::from_timestamp(at, 0).map_or(1970, |t| i64::from(t.year()))
}

/// Takes the next number of `kind` in `at`'s year and issues the document, in `conn`'s
/// transaction.
async fn insert(
    conn: &mut Conn,
    kind: &str,
    order: &Order,
    corrects: Option<&Invoice>,
    document: &Document,
    at: i64,
) -> Result<Invoice> {
    let year = year_of(at);
    let (prefix, sequence_name) = if kind == INVOICE { ("INV", "invoice") } else { ("CN", "credit-note") };
    let sequence = counters::next(conn, &format!("{sequence_name}-{year}"), 1).await?;
    let number = format!("{prefix}-{year}-{sequence:04}");
    let total_minor = document.lines.iter().map(|line| line.subtotal_minor).sum();
    let json = serde_json::to_string(document).map_err(|e| Error::Internal(format!("invoice document: {e}")))?;
    let new = NewInvoice {
        number: &number,
        kind,
        year,
        sequence,
        order_id: &order.id,
        customer_id: &order.customer_id,
        corrects: corrects.map(|invoice| invoice.id.as_str()),
        issued_at: at,
        currency: &order.currency,
        total_minor,
        document: &json,
    };
    let id = invoices::insert(conn, &new).await?;
    Ok(Invoice {
        id,
        number,
        kind: kind.to_owned(),
        order_id: order.id.as_str().to_owned(),
        customer_id: order.customer_id.as_str().to_owned(),
        corrects: corrects.map(|invoice| invoice.id.clone()),
        issued_at: at,
        currency: order.currency.clone(),
        total_minor,
        document: json,
    })
}

/// Issues the invoice of `order` (its `items`) at `at`, in `conn`'s transaction: seller and
/// bank details from `mailer`'s settings, the buyer as the customer stands now.
pub async fn issue(conn: &mut Conn, mailer: &Mailer, order: &Order, items: &[Item], at: i64) -> Result<Invoice> {
    let customer = customers::buyer(conn, &order.customer_id)
        .await?
        .ok_or_else(|| Error::Internal(format!("order {} has no customer", order.reference)))?;
    let document = Document {
        seller: mailer.vendor_details().map(str::to_owned),
        bank_details: mailer.bank_details().map(str::to_owned),
        buyer: Buyer {
            company: customer.company,
            email: customer.email,
            manager: customer.manager,
            address: customer.address,
            city: customer.city,
            country: customer.country,
            vat_id: customer.vat_id,
        },
        order_reference: order.reference.clone(),
        placed_at: order.placed_at,
        payment_method: order.payment_method.code().to_owned(),
        lines: items
            .iter()
            .map(|item| Line {
                description: item.description.clone(),
                sku: item.sku.clone(),
                quantity: item.quantity,
                unit_price_minor: item.unit_price_minor,
                subtotal_minor: item.subtotal_minor,
            })
            .collect(),
        corrects: None,
        reason: None,
    };
    insert(conn, INVOICE, order, None, &document, at).await
}

/// Issues the credit note that cancels the invoice of `order`, with `reason`, in `conn`'s
/// transaction; `None` when the order has no invoice left to cancel (one placed before
/// invoices existed, or credited already).
pub async fn credit(conn: &mut Conn, order: &Order, reason: &str, at: i64) -> Result<Option<Invoice>> {
    let issued = invoices::of_order(conn, &order.id).await?;
    let open = issued.iter().rev().find(|invoice| {
        invoice.kind == INVOICE && !issued.iter().any(|other| other.corrects.as_deref() == Some(invoice.id.as_str()))
    });
    let Some(invoice) = open else { return Ok(None) };
    let original = parse(invoice)?;
    let document = Document {
        lines: original
            .lines
            .iter()
            .map(|line| Line {
                unit_price_minor: -line.unit_price_minor,
                subtotal_minor: -line.subtotal_minor,
                ..line.clone()
            })
            .collect(),
        corrects: Some(invoice.number.clone()),
        reason: Some(reason.to_owned()),
        ..original
    };
    insert(conn, CREDIT_NOTE, order, Some(invoice), &document, at).await.map(Some)
}

fn parse(invoice: &Invoice) -> Result<Document> {
    serde_json::from_str(&invoice.document)
        .map_err(|e| Error::Internal(format!("invoice {} cannot be read: {e}", invoice.number)))
}

/// The documents of order `id`, in the order they were issued.
pub async fn of_order(pool: &Pool, id: &OrderId) -> Result<Vec<Invoice>> {
    invoices::of_order(&mut *crate::store::acquire(pool).await?, id).await
}

/// The document numbered `number` (staff see every one); `NOT_FOUND` when there is none.
pub async fn document(pool: &Pool, number: &str) -> Result<Issued> {
    let invoice = invoices::by_number(pool, number.trim()).await?.ok_or(Error::NotFound)?;
    Ok(Issued { document: parse(&invoice)?, invoice })
}

/// The customer's own document `number`: another customer's is `NOT_FOUND`, like one that does
/// not exist.
pub async fn own_document(pool: &Pool, customer_id: &CustomerId, number: &str) -> Result<Issued> {
    let issued = document(pool, number).await?;
    if issued.invoice.customer_id != customer_id.as_str() {
        return Err(Error::NotFound);
    }
    Ok(issued)
}
