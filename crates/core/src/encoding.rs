//! Strict hex and base64 helpers and the fixed-size byte newtypes the formats carry.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Lowercase hex.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes.iter().flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 0xf)]]).map(char::from).collect()
}

/// Parses exactly `N` bytes of lowercase hex; anything else (uppercase too) is `None`,
/// so each value has one spelling.
#[must_use]
pub fn parse_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    let text = text.as_bytes();
    if text.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (byte, pair) in out.iter_mut().zip(text.chunks_exact(2)) {
        *byte = (nibble(pair[0])? << 4) | nibble(pair[1])?;
    }
    Some(out)
}

/// Standard base64 with padding.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// URL-safe base64 without padding (for tokens in headers and URLs).
#[must_use]
pub fn base64_url(bytes: &[u8]) -> String {
    ::base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Fills `buf` from the operating system's random number generator.
pub fn random_bytes(buf: &mut [u8]) -> crate::Result<()> {
    crate::error::random_bytes(buf)
}

/// Standard base64 with canonical padding and zero trailing bits: one spelling per value.
#[must_use]
pub fn parse_base64(text: &str) -> Option<Vec<u8>> {
    STANDARD.decode(text).ok()
}

macro_rules! hex_bytes {
    ($(#[$doc:meta])* $name:ident, $len:expr, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub [u8; $len]);

        impl $name {
            /// Parses the lowercase hex form.
            #[must_use]
            pub fn parse(text: &str) -> Option<Self> {
                parse_hex::<$len>(text).map(Self)
            }

            /// The lowercase hex form.
            #[must_use]
            pub fn to_hex(&self) -> String {
                hex(&self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.to_hex())
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.to_hex())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.to_hex())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                Self::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(concat!(
                        $what,
                        " must be ",
                        stringify!($len),
                        " bytes of lowercase hex"
                    ))
                })
            }
        }
    };
}

hex_bytes!(
    /// A key id: the first 4 bytes of SHA-256 over an Ed25519 public key, as 8 hex digits.
    Kid, 4, "kid"
);
hex_bytes!(
    /// A fingerprint: HMAC-SHA256(product id, machine id), as 64 hex digits.
    FingerprintDigest, 32, "fingerprint"
);
hex_bytes!(
    /// One fingerprint component: a truncated HMAC, as 32 hex digits.
    ComponentDigest, 16, "component"
);
hex_bytes!(
    /// SHA-256 of a request file's exact text, as 64 hex digits.
    RequestDigest, 32, "request digest"
);
hex_bytes!(
    /// A one-time number that ties a response to its request, as 32 hex digits.
    Nonce, 16, "nonce"
);

impl Nonce {
    /// A fresh random nonce.
    pub fn generate() -> crate::Result<Self> {
        let mut bytes = [0u8; 16];
        crate::error::random_bytes(&mut bytes)?;
        Ok(Self(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_has_one_spelling() {
        assert_eq!(parse_hex::<2>("0aff"), Some([0x0a, 0xff]));
        assert_eq!(parse_hex::<2>("0AFF"), None, "uppercase");
        assert_eq!(parse_hex::<2>("0af"), None, "short");
        assert_eq!(parse_hex::<2>("0aff0"), None, "long");
        assert_eq!(parse_hex::<2>("0agf"), None, "not hex");
        assert_eq!(hex(&[0x0a, 0xff]), "0aff");
    }

    #[test]
    fn base64_has_one_spelling() {
        assert_eq!(parse_base64("AQ=="), Some(vec![1]));
        assert_eq!(parse_base64("AR=="), None, "trailing bits set");
        assert_eq!(parse_base64("AQ"), None, "padding missing");
        assert_eq!(parse_base64("AQ==\n"), None, "whitespace");
    }
}
