//! The portal's use cases, each decision made once, for the API, the pages, the admin
//! commands and the demo alike. No axum here: a service takes what the handler read and
//! returns what it answers.

pub mod accounts;
pub mod activation;
pub mod administration;
pub mod advance;
pub mod api_tokens;
pub mod backups;
pub mod cancellation;
pub mod cards;
pub mod catalog;
pub mod client_companies;
pub mod client_reminders;
pub mod collection;
pub mod content;
pub mod customers;
pub mod dashboard;
pub mod events;
pub mod invoices;
pub mod issuing;
pub mod licensing;
pub mod mail;
pub mod orders;
pub mod partner_clients;
pub mod partner_staff;
pub mod partner_tokens;
pub mod payments;
pub mod pools;
pub mod registration;
pub mod reminders;
pub mod renewals;
pub mod seats;
pub mod staff;
pub mod store_contact;
pub mod subscription_desk;
pub mod subscription_mail;
pub mod subscriptions;
pub mod termination;
pub mod user_activation;
pub mod user_codes;
