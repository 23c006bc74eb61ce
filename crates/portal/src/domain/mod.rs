//! The portal's own types, parsed once at the edge so nothing unchecked reaches the database.

pub mod contract;
pub mod day;
pub mod email;
pub mod event;
pub mod ids;
pub mod mail;
pub mod order;
pub mod order_ref;
pub mod scope;
pub mod seat;
pub mod secret;
pub mod serial;
pub mod staff;
pub mod subscription;
pub mod text;
pub mod totp;

pub use contract::{ContractStatus, DocumentType, Subscription};
pub use email::Email;
pub use event::{Actor, EventKind};
pub use ids::{CustomerId, LicenseId, MachineId, OrderId, UserId, new_id};
pub use mail::{MailKind, MailStatus};
pub use order::{OrderStatus, PaymentMethod};
pub use order_ref::OrderRef;
pub use scope::{Scope, Scopes};
pub use seat::{CompanyRole, SeatStatus};
pub use secret::{TokenHash, new_token};
pub use serial::Serial;
pub use staff::{Needs, StaffRole};
pub use subscription::SubscriptionStatus;
pub use tessera_billing::{Currency, Money, Term};
pub use text::{Multiline, Text, TextError};
