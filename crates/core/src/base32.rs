//! Crockford base32 with a check symbol, for the codes people copy, paste and dictate.
//!
//! Symbols are the 32 elements of GF(32) = GF(2)[x] / (x⁵ + x² + 1), α the class of x.
//! The check symbol is chosen so that `acc ← α·acc ⊕ s`, run over every symbol with the
//! check symbol last, ends at 0 (so `check = α·acc` after the data). The sum is linear and
//! α ∉ {0, 1}: a substituted symbol adds `e·αᵏ ≠ 0` and a swap of two different
//! neighbours adds `(a ⊕ b)·αᵏ·(α ⊕ 1) ≠ 0`, so every single typo and every adjacent
//! transposition is caught before any network call.

use crate::error::{CodeKind, Error, Result};

/// Crockford's alphabet: digits and capitals without I, L, O, U.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Multiplies a GF(32) element by α (the class of x).
fn times_alpha(value: u8) -> u8 {
    let shifted = value << 1;
    if shifted & 0x20 == 0 { shifted } else { (shifted ^ 0x25) & 0x1f }
}

/// The check symbol for `values` (each < 32).
#[must_use]
pub fn check_symbol(values: &[u8]) -> u8 {
    times_alpha(values.iter().fold(0, |acc, &v| times_alpha(acc) ^ v))
}

/// The value of one typed character, forgiving case and the look-alikes I, L (→ 1) and O (→ 0).
fn symbol_value(character: char) -> Option<u8> {
    let upper = match character.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET.iter().position(|&a| char::from(a) == upper).and_then(|p| u8::try_from(p).ok())
}

/// Packs bytes into 5-bit symbols, most significant bit first, zero-padding the last one.
#[must_use]
pub fn to_symbols(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity((bytes.len() * 8).div_ceil(5));
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(((buffer >> bits) & 0x1f) as u8);
        }
    }
    if bits > 0 {
        out.push(((buffer << (5 - bits)) & 0x1f) as u8);
    }
    out
}

/// Unpacks exactly `len` bytes from 5-bit symbols; padding bits must be zero.
///
/// Returns `None` when the symbol count does not fit `len` or padding bits are set, so
/// that exactly one text stands for each byte string.
#[must_use]
pub fn from_symbols(symbols: &[u8], len: usize) -> Option<Vec<u8>> {
    if symbols.len() != (len * 8).div_ceil(5) {
        return None;
    }
    let mut out = Vec::with_capacity(len);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &symbol in symbols {
        buffer = (buffer << 5) | u32::from(symbol & 0x1f);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    let padding = buffer & ((1 << bits) - 1);
    (padding == 0).then_some(out)
}

/// Encodes bytes as symbols plus a check symbol, in dash-separated groups.
#[must_use]
pub fn encode_grouped(bytes: &[u8], group: usize) -> String {
    let mut symbols = to_symbols(bytes);
    symbols.push(check_symbol(&symbols));
    let mut out = String::with_capacity(symbols.len() + symbols.len() / group);
    for (i, &s) in symbols.iter().enumerate() {
        if i > 0 && i % group == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(s)]));
    }
    out
}

/// Decodes what [`encode_grouped`] made, as typed by a person: case, dashes and
/// whitespace do not matter. Checks, in order: characters, empty, length, check symbol,
/// padding bits.
pub fn decode_grouped(kind: CodeKind, input: &str, len: usize) -> Result<Vec<u8>> {
    let mut symbols = Vec::with_capacity(input.len());
    for character in input.chars().filter(|c| *c != '-' && !c.is_whitespace()) {
        let value =
            symbol_value(character).ok_or(Error::CodeCharacter { kind, character, position: symbols.len() + 1 })?;
        symbols.push(value);
    }
    let Some((&check, data)) = symbols.split_last() else {
        return Err(Error::CodeEmpty(kind));
    };
    let expected = (len * 8).div_ceil(5) + 1;
    if symbols.len() != expected {
        return Err(Error::CodeLength { kind, expected, found: symbols.len() });
    }
    if check_symbol(data) != check {
        return Err(Error::CodeChecksum(kind));
    }
    // A typo in a padding bit is caught by the check symbol; a set padding bit here means a
    // code this encoder never makes.
    from_symbols(data, len).ok_or(Error::CodeChecksum(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alpha_generates_all_31_nonzero_elements() {
        let mut seen = std::collections::BTreeSet::new();
        let mut v = 1;
        for _ in 0..31 {
            seen.insert(v);
            v = times_alpha(v);
        }
        assert_eq!(v, 1, "α³¹ must be 1 in GF(32)");
        assert_eq!(seen.len(), 31, "x⁵+x²+1 must be primitive");
    }

    #[test]
    fn symbols_round_trip_for_every_length_up_to_20_bytes() {
        for len in 0..=20 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(from_symbols(&to_symbols(&bytes), len), Some(bytes));
        }
    }

    #[test]
    fn a_set_padding_bit_is_refused() {
        // One byte = 8 bits = two symbols with 2 padding bits.
        assert_eq!(from_symbols(&[0, 1], 1), None);
        assert_eq!(from_symbols(&[0, 4], 1), Some(vec![1]));
    }

    #[test]
    fn look_alikes_and_case_are_forgiven() {
        assert_eq!(symbol_value('o'), Some(0));
        assert_eq!(symbol_value('I'), Some(1));
        assert_eq!(symbol_value('l'), Some(1));
        assert_eq!(symbol_value('z'), Some(31));
        assert_eq!(symbol_value('U'), None);
        assert_eq!(symbol_value('*'), None);
    }
}
