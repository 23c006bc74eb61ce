//! Bearer secrets (session cookies, API tokens, password links): 32 random bytes, handed out
//! once and stored only as their SHA-256, so a copy of the database opens nothing.

use sha2::{Digest as _, Sha256};
use tessera_core::encoding::{base64_url, hex, random_bytes};

use crate::error::Result;

/// A new secret token, URL-safe base64 of 32 bytes of OS randomness.
pub fn new_token() -> Result<String> {
    let mut secret = [0u8; 32];
    random_bytes(&mut secret)?;
    Ok(base64_url(&secret))
}

/// What is stored of a token: its SHA-256 in hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenHash(String);

impl TokenHash {
    /// The hash of a token as sent by a browser or client.
    #[must_use]
    pub fn of(token: &str) -> Self {
        Self(hex(&Sha256::digest(token.as_bytes())))
    }

    /// A hash as read back from the database.
    #[must_use]
    pub fn stored(hash: String) -> Self {
        Self(hash)
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_stored_as_its_sha256_and_tokens_differ() {
        assert_eq!(TokenHash::of("abc").as_str(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let (a, b) = (new_token().expect("randomness"), new_token().expect("randomness"));
        assert_ne!(a, b);
        assert_eq!(a.len(), 43, "32 bytes in unpadded base64: {a}");
    }
}
