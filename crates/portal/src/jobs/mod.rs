//! Background jobs of a serving portal.

pub mod housekeeping;
pub mod lease;
pub mod mail;
pub mod reminders;
pub mod renewals;
