//! Order numbers as customers type them: `jwt19`, `JWT 19` and `JWT19` are one order.

use std::fmt;

use super::Text;

/// An order reference in its one stored form: capitals, no spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderRef(String);

impl OrderRef {
    /// Checks `value` as inbound text for `field`, then normalises case and spaces.
    pub fn parse(field: &str, value: &str) -> crate::Result<Self> {
        Ok(Self::normalise(&Text::<64>::parse(field, value)?))
    }

    /// The stored form of text already checked.
    #[must_use]
    pub fn normalise(value: &str) -> Self {
        Self(value.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrderRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_spaces_do_not_matter() {
        for typed in ["JWT19", "jwt19", "JWT 19", " jwt 19 ", "Jwt\u{a0}19"] {
            assert_eq!(OrderRef::normalise(typed).as_str(), "JWT19", "{typed:?}");
        }
    }

    #[test]
    fn a_nul_is_refused_naming_the_field() {
        let error = OrderRef::parse("order_reference", "JWT\u{0}19").expect_err("NUL");
        assert!(error.to_string().contains("`order_reference`"), "{error}");
    }
}
