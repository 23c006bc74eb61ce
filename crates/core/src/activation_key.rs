//! The activation key a customer receives with an order and pastes into the program.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::base32;
use crate::error::{CodeKind, Error, Result, random_bytes};

/// Random bytes in a key: 120 bits, 24 base32 symbols.
const KEY_BYTES: usize = 15;
/// Symbols per group when displayed.
const GROUP: usize = 5;

/// An activation key: 120 random bits as 24 Crockford base32 symbols plus one check
/// symbol, shown in five groups of five.
///
/// Parsing forgives case, dashes, spaces and the look-alikes `I`/`L` (read as `1`) and
/// `O` (read as `0`), and catches every single mistyped character and every swap of two
/// neighbouring characters before anything is sent anywhere.
///
/// `Debug` shows only the first four characters, so a key never lands whole in a log.
///
/// ```
/// use tessera_core::ActivationKey;
///
/// let key = ActivationKey::generate()?;
/// let typed = key.to_string().to_lowercase().replace('-', " ");
/// assert_eq!(ActivationKey::parse(&typed)?, key);
///
/// // One wrong character is caught by the check symbol.
/// let mut typo: Vec<char> = key.to_string().chars().collect();
/// typo[0] = if typo[0] == 'A' { 'B' } else { 'A' };
/// let typo: String = typo.into_iter().collect();
/// assert_eq!(ActivationKey::parse(&typo).unwrap_err().code(), "CODE_CHECKSUM");
/// # Ok::<(), tessera_core::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ActivationKey {
    bytes: [u8; KEY_BYTES],
    text: String,
}

impl ActivationKey {
    /// A new key from the operating system's random number generator.
    pub fn generate() -> Result<Self> {
        let mut bytes = [0u8; KEY_BYTES];
        random_bytes(&mut bytes)?;
        Ok(Self::from_bytes(bytes))
    }

    /// The key for these 120 bits (for tests and vectors; real keys come from [`Self::generate`]).
    #[must_use]
    pub fn from_bytes(bytes: [u8; KEY_BYTES]) -> Self {
        let text = base32::encode_grouped(&bytes, GROUP);
        Self { bytes, text }
    }

    /// The key a named user's activation request carries (all zero bits, owned by no
    /// customer): the portal takes the seat from the company account signed in with
    /// (`POST /api/v1/user-activations`), never from this key.
    #[must_use]
    pub fn named_user() -> Self {
        Self::from_bytes([0; KEY_BYTES])
    }

    /// Reads a key as a person typed or pasted it.
    pub fn parse(input: &str) -> Result<Self> {
        let decoded = base32::decode_grouped(CodeKind::ActivationKey, input, KEY_BYTES)?;
        let bytes: [u8; KEY_BYTES] = decoded.try_into().map_err(|_| Error::CodeChecksum(CodeKind::ActivationKey))?;
        Ok(Self::from_bytes(bytes))
    }

    /// The canonical text, `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The 120 random bits.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8; KEY_BYTES] {
        &self.bytes
    }

    /// The first four characters followed by an ellipsis: all of a key that may be logged.
    #[must_use]
    pub fn redacted(&self) -> String {
        format!("{}…", &self.text[..4])
    }
}

impl fmt::Display for ActivationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for ActivationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ActivationKey({})", self.redacted())
    }
}

impl FromStr for ActivationKey {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

impl Serialize for ActivationKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for ActivationKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let key = Self::parse(&text).map_err(serde::de::Error::custom)?;
        // Inside signed files only the canonical spelling is accepted.
        if key.text != text {
            return Err(serde::de::Error::custom("activation key is not in canonical form"));
        }
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_have_five_groups_of_five() {
        let key = ActivationKey::from_bytes([0xA5; KEY_BYTES]);
        let groups: Vec<&str> = key.as_str().split('-').collect();
        assert_eq!(groups.len(), 5);
        assert!(groups.iter().all(|g| g.len() == 5));
    }

    #[test]
    fn debug_never_shows_the_whole_key() {
        let key = ActivationKey::from_bytes([7; KEY_BYTES]);
        let debug = format!("{key:?}");
        assert!(!debug.contains(&key.as_str()[..6]), "{debug}");
        assert!(debug.contains(&key.as_str()[..4]));
    }

    #[test]
    fn bad_inputs_get_their_own_error() {
        let good = ActivationKey::from_bytes([1; KEY_BYTES]).to_string();
        let cases: [(&str, &str, &str); 5] = [
            ("", "CODE_EMPTY", "nothing entered"),
            (" - ", "CODE_EMPTY", "only separators"),
            (&good[..good.len() - 1], "CODE_LENGTH", "last character missing"),
            ("ABCDE-FGHJK-MNPQR-STUVW-XYZ00", "CODE_CHARACTER", "U is not in the alphabet"),
            ("ABCDE-FGHJK-MNPQR-ST!VW-XYZ00", "CODE_CHARACTER", "punctuation"),
        ];
        for (input, code, why) in cases {
            let err = ActivationKey::parse(input).expect_err(why);
            assert_eq!(err.code(), code, "{why}: {err}");
        }
    }
}
