//! A seat's status and an account's role inside its company (seed 004).

use std::fmt;

use super::order::words;

/// Where a seat of a company's license stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatStatus {
    /// In its term, bound to nobody: it can be bound.
    Free,
    /// Bound to an account of the company.
    Bound,
    /// Its term starts later; it can already be bound.
    NotStarted,
    /// Its term has ended: it stays as it was, for the record.
    Expired,
}

words!(SeatStatus, "a seat status", Free = "free", Bound = "bound", NotStarted = "not_started", Expired = "expired");

/// What an account may do inside its company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyRole {
    /// Sees the company's users, invites them, binds and unbinds its seats.
    Admin,
    /// Uses the seats bound to them.
    User,
}

words!(CompanyRole, "a company role", Admin = "admin", User = "user");
