//! The portal's use cases, each decision made once, for the API, the pages and the admin
//! commands alike. No axum here: a service takes what the handler read and returns what it
//! answers.

pub mod activation;
pub mod registration;
