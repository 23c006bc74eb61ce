//! Inbound text, checked once at the edge: bounded length, no NUL and no control characters.
//!
//! Every string a request brings (JSON fields, form fields, path and query parameters) is a
//! [`Text`] with the longest length its field allows. A value that breaks a rule is refused
//! with a message naming the rule; PostgreSQL, which refuses NUL in text, never sees one.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a text was refused; the message completes "The field `x` …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("is longer than {max} characters")]
    TooLong { max: usize },
    #[error("contains a control character (U+{code:04X}) at character {position}")]
    Control { code: u32, position: usize },
}

impl TextError {
    /// The refusal naming `field`: "The field `x` …".
    fn refusal(&self, field: &str) -> crate::Error {
        let field = ("field", field.to_owned().into());
        match *self {
            Self::TooLong { max } => crate::Error::refused("bo-refusal-field-too-long", &[field, ("max", max.into())]),
            Self::Control { code, position } => crate::Error::refused(
                "bo-refusal-field-control",
                &[field, ("code", format!("{code:04X}").into()), ("position", position.into())],
            ),
        }
    }
}

/// Checks `value` against the rules: at most `max` characters, no control character (NUL
/// included) except line breaks and tabs where `multiline` allows them.
pub fn check(value: &str, max: usize, multiline: bool) -> Result<(), TextError> {
    for (index, c) in value.chars().enumerate() {
        if index >= max {
            return Err(TextError::TooLong { max });
        }
        let allowed = multiline && matches!(c, '\n' | '\r' | '\t');
        if c.is_control() && !allowed {
            return Err(TextError::Control { code: u32::from(c), position: index + 1 });
        }
    }
    Ok(())
}

/// At most `MAX` characters without control characters: a single line, or with line breaks
/// and tabs when `MULTILINE` ([`Multiline`]).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Text<const MAX: usize, const MULTILINE: bool = false>(String);

/// Text that may hold line breaks and tabs (an armoured file, a message).
pub type Multiline<const MAX: usize> = Text<MAX, true>;

impl<const MAX: usize, const MULTILINE: bool> Text<MAX, MULTILINE> {
    /// Checks `value` for the field `field`; the error says which field and why.
    pub fn parse(field: &str, value: impl Into<String>) -> crate::Result<Self> {
        let value = value.into();
        check(&value, MAX, MULTILINE).map_err(|reason| reason.refusal(field))?;
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl<const MAX: usize, const MULTILINE: bool> Deref for Text<MAX, MULTILINE> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize, const MULTILINE: bool> AsRef<str> for Text<MAX, MULTILINE> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize, const MULTILINE: bool> fmt::Debug for Text<MAX, MULTILINE> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl<const MAX: usize, const MULTILINE: bool> fmt::Display for Text<MAX, MULTILINE> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de, const MAX: usize, const MULTILINE: bool> Deserialize<'de> for Text<MAX, MULTILINE> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        check(&value, MAX, MULTILINE).map_err(serde::de::Error::custom)?;
        Ok(Self(value))
    }
}

impl<const MAX: usize, const MULTILINE: bool> Serialize for Text<MAX, MULTILINE> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<const MAX: usize, const MULTILINE: bool> utoipa::PartialSchema for Text<MAX, MULTILINE> {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .max_length(Some(MAX))
            .pattern(Some(if MULTILINE {
                "^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]*$"
            } else {
                "^[^\\x00-\\x1f\\x7f-\\x9f]*$"
            }))
            .into()
    }
}

impl<const MAX: usize, const MULTILINE: bool> utoipa::ToSchema for Text<MAX, MULTILINE> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_within_the_bound_is_accepted() {
        assert_eq!(check("Ærøskøbing Bäckerei — Ltd.", 26, false), Ok(()));
        assert_eq!(check("", 0, false), Ok(()));
    }

    #[test]
    fn nul_and_control_characters_are_refused_with_their_position() {
        assert_eq!(check("a\0b", 10, false), Err(TextError::Control { code: 0, position: 2 }));
        assert_eq!(check("\u{1b}[31m", 10, false), Err(TextError::Control { code: 0x1b, position: 1 }));
        assert_eq!(check("a\u{7f}", 10, false), Err(TextError::Control { code: 0x7f, position: 2 }));
        assert_eq!(check("a\nb", 10, false), Err(TextError::Control { code: 10, position: 2 }));
    }

    #[test]
    fn multiline_text_allows_line_breaks_and_tabs_but_not_nul() {
        assert_eq!(check("a\r\n\tb", 10, true), Ok(()));
        assert_eq!(check("a\n\0", 10, true), Err(TextError::Control { code: 0, position: 3 }));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(check("ééé", 3, false), Ok(()));
        assert_eq!(check("éééé", 3, false), Err(TextError::TooLong { max: 3 }));
    }

    #[test]
    fn deserializing_names_the_rule_and_parse_names_the_field() {
        let error = serde_json::from_str::<Text<8>>("\"a\\u0000b\"").expect_err("NUL is refused");
        assert!(error.to_string().contains("control character (U+0000)"), "{error}");
        assert_eq!(serde_json::from_str::<Text<8>>("\"Contoso\"").expect("fits").as_str(), "Contoso");
        let error = Text::<4>::parse("email", "toolong").expect_err("too long");
        assert_eq!(error.to_string(), "The field `email` is longer than 4 characters.");
    }
}
