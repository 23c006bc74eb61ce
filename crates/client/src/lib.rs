//! tessera-client: what the License Manager and the `tessera` CLI share — the portal API
//! client, the credential store, local state and the license operations.
//!
//! Every answer from the portal is checked against the trusted keys before it is believed;
//! a failure to reach the portal is never reported as an invalid key.

mod client;
pub mod credentials;
mod error;
pub mod files;
pub mod portal;
pub mod proxy;
pub mod settings;
mod state;

pub use client::{Client, ClientConfig, Opened, RegistrationStatus, Status, trusted_keys};
pub use credentials::{CredentialStore, StoreKind};
pub use error::{Error, Result};
pub use files::StateDir;
pub use portal::Timeouts;
pub use settings::{ProxyMode, ProxySettings, Settings};
pub use state::LocalState;
