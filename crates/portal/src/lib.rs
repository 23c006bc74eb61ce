//! Tessera Portal: the vendor's licensing server.
//!
//! [`Portal::build`] opens the database, loads the signing key and binds the listener, so a
//! test can start a real portal on port 0 and learn its address; [`Portal::serve`] runs it
//! (both in [`startup`]).

pub mod api;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod edge;
pub mod error;
pub mod jobs;
pub mod keys;
pub mod mail;
pub mod payments;
pub mod proxies;
pub mod services;
pub mod shared_limits;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod web;

pub use config::Config;
pub use error::{Error, Result};
pub use startup::Portal;

/// Creates the data dir readable by its owner only: it holds the database (with customers'
/// activation keys) and the signing key.
pub(crate) fn create_private_dir(dir: &std::path::Path) -> Result<()> {
    let fail = |e: std::io::Error| Error::Internal(format!("cannot create {}: {e}", dir.display()));
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(fail)
}
