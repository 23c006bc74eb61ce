//! What an API token may do: its scopes, each a part of the vendor API, or the Partner API.

use std::fmt;

use super::order::words;

/// One part of the vendor API a token may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Add customers and read them.
    Customers,
    /// Place orders and record their payments.
    Orders,
    /// Read licenses; suspend, reinstate and revoke them.
    Licenses,
    /// Read the event log.
    Events,
    /// The Partner API, as the partner or reseller the token belongs to (a partner token's
    /// only scope: `tessera-portal admin pool token create`).
    Partner,
}

words!(
    Scope,
    "a scope",
    Customers = "customers",
    Orders = "orders",
    Licenses = "licenses",
    Events = "events",
    Partner = "partner"
);

/// The scopes of a token: at least one, each once, in [`Scope::ALL`]'s order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scopes(Vec<Scope>);

impl Scopes {
    /// The scopes named, as typed (`--scope orders --scope licenses`, or `orders,licenses`).
    pub fn parse<'a>(words: impl IntoIterator<Item = &'a str>) -> crate::Result<Self> {
        let mut scopes = Vec::new();
        for word in words.into_iter().flat_map(|w| w.split([',', ' '])).filter(|w| !w.trim().is_empty()) {
            scopes.push(Scope::parse(word)?);
        }
        scopes.sort();
        scopes.dedup();
        if scopes.is_empty() {
            let known: Vec<&str> = Scope::ALL.iter().map(|s| s.code()).collect();
            return Err(crate::Error::BadRequest(
                format!("a token needs at least one scope ({})", known.join(", ")).into(),
            ));
        }
        Ok(Self(scopes))
    }

    /// The scopes as stored: their words, space-separated.
    #[must_use]
    pub fn stored(&self) -> String {
        self.0.iter().map(|s| s.code()).collect::<Vec<_>>().join(" ")
    }

    /// Whether these scopes include `scope`.
    #[must_use]
    pub fn allow(&self, scope: Scope) -> bool {
        self.0.contains(&scope)
    }

    #[must_use]
    pub fn as_slice(&self) -> &[Scope] {
        &self.0
    }
}

impl TryFrom<String> for Scopes {
    type Error = crate::Error;

    fn try_from(stored: String) -> crate::Result<Self> {
        Self::parse([stored.as_str()])
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.iter().map(|s| s.code()).collect::<Vec<_>>().join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_read_once_each_in_order_and_stored_back() {
        let scopes = Scopes::parse(["licenses,orders", "orders"]).expect("known scopes");
        assert_eq!(scopes.as_slice(), [Scope::Orders, Scope::Licenses]);
        assert_eq!(scopes.stored(), "orders licenses");
        assert_eq!(Scopes::try_from(scopes.stored()).expect("stored"), scopes);
        assert!(scopes.allow(Scope::Orders) && !scopes.allow(Scope::Events));
    }

    #[test]
    fn an_unknown_or_missing_scope_is_refused_by_name() {
        let unknown = Scopes::parse(["orders", "money"]).expect_err("unknown").to_string();
        assert_eq!(unknown, "'money' is not a scope (customers, orders, licenses, events, partner)");
        let none = Scopes::parse(["", " "]).expect_err("none").to_string();
        assert!(none.contains("at least one scope"), "{none}");
    }
}
