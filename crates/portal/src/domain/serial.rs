//! License serials as staff and customers quote them: `p24`, ` P24 ` and `P24` are one license.

use std::fmt;
use std::ops::Deref;

use super::Text;

/// The longest serial accepted.
const MAX: usize = 32;

/// A license's serial in its one stored form: capitals, digits, `-`, `_` and `.`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Serial(String);

impl Serial {
    /// Checks `value` as inbound text for `field`, then trims it and puts it in capitals; a
    /// serial that is empty or holds anything but letters, digits, `-`, `_` and `.` is refused.
    pub fn parse(field: &str, value: &str) -> crate::Result<Self> {
        let text = Text::<MAX>::parse(field, value.trim())?;
        if text.is_empty() {
            return Err(crate::Error::BadRequest(format!("The field `{field}` is empty.").into()));
        }
        if let Some(bad) = text.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
            return Err(crate::Error::BadRequest(
                format!("The field `{field}` may hold letters, digits, `-`, `_` and `.` only, not {bad:?}.").into(),
            ));
        }
        Ok(Self(text.to_ascii_uppercase()))
    }

    /// A new serial nobody chose: `S` and nine random capitals or digits.
    #[must_use]
    pub fn generate() -> Self {
        let id = super::new_id("S").to_uppercase().replace('_', "");
        Self(id[..10].to_owned())
    }

    /// A serial as the database holds it.
    #[must_use]
    pub fn stored(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for Serial {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl From<Serial> for String {
    fn from(serial: Serial) -> Self {
        serial.0
    }
}

impl Deref for Serial {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Serial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_surrounding_spaces_do_not_matter() {
        for typed in ["P24", "p24", " p24 ", "\tP24\n"] {
            assert_eq!(Serial::parse("serial", typed).expect(typed).as_str(), "P24", "{typed:?}");
        }
    }

    #[test]
    fn empty_foreign_and_long_serials_are_refused_naming_the_field() {
        for (typed, why) in [
            ("", "is empty"),
            ("   ", "is empty"),
            ("P 24", "not ' '"),
            ("P24/1", "not '/'"),
            ("P\u{0}24", "control character"),
            ("P2é", "not 'é'"),
            (&"P".repeat(33), "longer than 32"),
        ] {
            let error = Serial::parse("serial", typed).expect_err(typed).to_string();
            assert!(error.contains("`serial`") && error.contains(why), "{typed:?}: {error}");
        }
    }

    #[test]
    fn generated_serials_are_valid_and_differ() {
        let (a, b) = (Serial::generate(), Serial::generate());
        assert_ne!(a, b);
        for serial in [a, b] {
            assert_eq!(Serial::parse("serial", &serial).expect("valid").as_str(), serial.as_str());
            assert!(serial.starts_with('S') && serial.len() == 10, "{serial}");
        }
    }
}
