//! `admin cancel-order` and `admin refund-order`: orders undone, with the reason.

use super::UndoOrder;
use crate::domain::{Actor, OrderRef};
use crate::error::Result;
use crate::mail::Mailer;
use crate::services::cancellation;
use crate::store::Pool;

impl UndoOrder {
    pub(super) async fn cancel(self, pool: &Pool) -> Result<String> {
        let reference = OrderRef::parse("--order", &self.order)?;
        let undone = cancellation::cancel(pool, &Actor::cli(), &reference, &self.reason).await?;
        Ok(format!("order {} cancelled", undone.order.reference))
    }

    pub(super) async fn refund(self, pool: &Pool, mailer: &Mailer) -> Result<String> {
        let reference = OrderRef::parse("--order", &self.order)?;
        let undone = cancellation::refund(pool, mailer, &Actor::cli(), &reference, &self.reason).await?;
        let revoked = if undone.revoked.is_empty() { "none".to_owned() } else { undone.revoked.join(", ") };
        Ok(format!("order {} refunded; licenses revoked: {revoked}", undone.order.reference))
    }
}
