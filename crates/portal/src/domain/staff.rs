//! The vendor's staff: their roles, and what each back-office route needs.

use std::fmt;

use super::order::words;

/// What a member of staff may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Everything: money, the catalog, staff.
    Admin,
    /// Read everything; resend mail, free machines, suspend and reinstate. No money, no
    /// catalog, no staff.
    Support,
}

words!(StaffRole, "a staff role", Admin = "admin", Support = "support");

/// What a back-office route needs of whoever calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Needs {
    /// Anyone: the sign-in page.
    Nobody,
    /// Any member of staff (the support role's actions too).
    Staff,
    /// The admin role: money, the catalog, staff.
    Admin,
}

impl StaffRole {
    /// Whether this role may use a route that `needs` it.
    #[must_use]
    pub fn may(self, needs: Needs) -> bool {
        match needs {
            Needs::Nobody | Needs::Staff => true,
            Needs::Admin => self == Self::Admin,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_may_use_staff_routes_and_not_admin_ones() {
        assert!(StaffRole::Support.may(Needs::Staff) && !StaffRole::Support.may(Needs::Admin));
        assert!(StaffRole::Admin.may(Needs::Admin));
        assert_eq!(StaffRole::parse("support").expect("known"), StaffRole::Support);
        assert!(StaffRole::parse("owner").is_err());
    }
}
