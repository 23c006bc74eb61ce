//! An invoice or credit note as a printable page: the customer's own (from their Orders
//! page) and, for staff, any. Both read the document's snapshot, never the order as it stands.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::session::SignedIn;
use super::{Page, WebError, render};
use crate::domain::Text;
use crate::error::Error;
use crate::services::invoices::{self, Issued};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "web/invoice.html")]
struct InvoicePage {
    page: Page,
    issued: Issued,
    /// Where "back" goes: the order's page for the customer or for staff.
    back: String,
}

impl InvoicePage {
    fn title(&self) -> String {
        let id = if self.issued.is_credit_note() { "invoice-credit-note-title" } else { "invoice-title" };
        self.page.t1(id, "number", &self.issued.invoice.number)
    }

    fn money(&self, minor: &i64) -> String {
        self.page.money(minor, &self.issued.invoice.currency)
    }

    /// The vendor's details, one line each.
    fn seller_lines(&self) -> Vec<&str> {
        self.issued.document.seller.as_deref().map(|s| s.lines().map(str::trim).collect()).unwrap_or_default()
    }

    /// Where to send the money, quoting the order.
    fn transfer(&self) -> String {
        let order = self.issued.document.order_reference.as_str();
        match &self.issued.document.bank_details {
            Some(bank) => self.page.t_with("invoice-transfer-to", &[("bank", bank.as_str()), ("order", order)]),
            None => self.page.t1("invoice-transfer", "order", order),
        }
    }

    fn bank_transfer(&self) -> bool {
        !self.issued.is_credit_note() && self.issued.document.payment_method == "bank_transfer"
    }
}

/// The page of `issued`, with a link back to `back`.
pub fn page(page: Page, issued: Issued, back: String) -> Result<Response, WebError> {
    render(&InvoicePage { page, issued, back })
}

/// The customer's own invoice or credit note; another customer's is "not found".
pub async fn customer_invoice(
    State(state): State<AppState>,
    who: SignedIn,
    Path(number): Path<Text<32>>,
) -> Result<Response, WebError> {
    let frame = Page::new(&who.visit, "orders", format!("/invoices/{number}"));
    match invoices::own_document(&state.pool, &who.customer_id, &number).await {
        Ok(issued) => {
            let back = format!("/orders/{}", issued.document.order_reference);
            page(frame, issued, back)
        }
        Err(Error::NotFound) => Err(WebError::not_found(&frame)),
        Err(error) => Err(error.into()),
    }
}
