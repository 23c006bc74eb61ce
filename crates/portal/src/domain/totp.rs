//! Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, six digits), the back
//! office's second factor; written here over `hmac` and `sha1` (some thirty lines, checked
//! against the RFC's test vectors) rather than taken from a crate.

use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use tessera_core::encoding::random_bytes;

use crate::error::Result;

/// How long one code lasts.
pub const STEP_SECONDS: i64 = 30;
/// How many steps before or after the server's a code may be from (a phone's clock drifts).
const DRIFT_STEPS: i64 = 1;
const DIGITS: u32 = 6;

/// A new shared secret: 20 bytes of OS randomness (RFC 4226's recommended 160 bits), in base32
/// as authenticator apps take it.
pub fn new_secret() -> Result<String> {
    let mut secret = [0u8; 20];
    random_bytes(&mut secret)?;
    Ok(BASE32_NOPAD.encode(&secret))
}

/// The 30-second step a moment (Unix seconds) falls in.
#[must_use]
pub fn step_of(at: i64) -> i64 {
    at.div_euclid(STEP_SECONDS)
}

/// The HOTP value (RFC 4226) of `counter`, its last `digits` decimal digits.
fn hotp(key: &[u8], counter: u64, digits: u32) -> String {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(key) else { return String::new() };
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let value =
        u32::from_be_bytes([digest[offset], digest[offset + 1], digest[offset + 2], digest[offset + 3]]) & 0x7fff_ffff;
    format!("{:0width$}", value % 10u32.pow(digits), width = digits as usize)
}

/// The six-digit code of a base32 secret at `step`; `None` when the secret is not base32.
#[must_use]
pub fn code_at(secret: &str, step: i64) -> Option<String> {
    let key = BASE32_NOPAD.decode(secret.as_bytes()).ok()?;
    Some(hotp(&key, u64::try_from(step).ok()?, DIGITS))
}

/// The step of a typed code (spaces allowed) that `secret` gives at `now` or one step either
/// side, later than `after` (the last step accepted, so that no code is taken twice).
#[must_use]
pub fn matching_step(secret: &str, typed: &str, now: i64, after: Option<i64>) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let current = step_of(now);
    (current - DRIFT_STEPS..=current + DRIFT_STEPS)
        .filter(|step| after.is_none_or(|last| *step > last))
        .find(|step| code_at(secret, *step).is_some_and(|code| same_digits(&code, &typed)))
}

/// Equal without telling, through timing, how many digits were right.
fn same_digits(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The `otpauth://` address an authenticator app takes (by hand, or as the QR code some tools
/// make of it): issuer Tessera, the account's e-mail.
#[must_use]
pub fn otpauth_uri(secret: &str, email: &str) -> String {
    let label: String = email
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' | b'+' => {
                char::from(b).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    format!("otpauth://totp/Tessera:{label}?secret={secret}&issuer=Tessera")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B's SHA-1 key, "12345678901234567890", in base32.
    const RFC_KEY: &[u8] = b"12345678901234567890";

    #[test]
    fn codes_match_the_rfc_6238_sha1_test_vectors() {
        let vectors = [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ];
        for (time, expected) in vectors {
            let step = u64::try_from(step_of(time)).expect("positive");
            assert_eq!(hotp(RFC_KEY, step, 8), expected, "T = {time}");
        }
        let secret = BASE32_NOPAD.encode(RFC_KEY);
        assert_eq!(code_at(&secret, step_of(59)).as_deref(), Some("287082"), "six digits: the last six");
        assert_eq!(code_at(&secret, step_of(1_111_111_109)).as_deref(), Some("081804"), "leading zero kept");
        assert_eq!(code_at("not base32!", 1), None);
    }

    #[test]
    fn a_code_is_taken_from_the_step_either_side_and_never_twice() {
        let secret = BASE32_NOPAD.encode(RFC_KEY);
        let now = 1_111_111_111;
        let current = step_of(now);
        let code = |step: i64| code_at(&secret, step).expect("a code");
        assert_eq!(matching_step(&secret, &code(current), now, None), Some(current));
        assert_eq!(matching_step(&secret, &code(current - 1), now, None), Some(current - 1), "clock behind");
        assert_eq!(matching_step(&secret, &code(current + 1), now, None), Some(current + 1), "clock ahead");
        assert_eq!(matching_step(&secret, &code(current - 2), now, None), None, "too old");
        assert_eq!(matching_step(&secret, &code(current + 2), now, None), None, "too far ahead");
        assert_eq!(matching_step(&secret, &code(current), now, Some(current)), None, "a replay");
        assert_eq!(matching_step(&secret, &code(current - 1), now, Some(current - 1)), None, "a replay");
        assert_eq!(matching_step(&secret, &code(current + 1), now, Some(current)), Some(current + 1));
        let spaced = format!("{} {}", &code(current)[..3], &code(current)[3..]);
        assert_eq!(matching_step(&secret, &spaced, now, None), Some(current), "spaces as apps show them");
        for typed in ["", "12345", "1234567", "abcdef", "１２３４５６"] {
            assert_eq!(matching_step(&secret, typed, now, None), None, "{typed:?}");
        }
    }

    #[test]
    fn secrets_are_fresh_base32_of_160_bits() {
        let (a, b) = (new_secret().expect("random"), new_secret().expect("random"));
        assert_ne!(a, b);
        assert_eq!(BASE32_NOPAD.decode(a.as_bytes()).expect("base32").len(), 20);
        assert_eq!(
            otpauth_uri("ABC", "Boss@Acme.example"),
            "otpauth://totp/Tessera:Boss@Acme.example?secret=ABC&issuer=Tessera"
        );
        assert_eq!(otpauth_uri("ABC", "a b&c"), "otpauth://totp/Tessera:a%20b%26c?secret=ABC&issuer=Tessera");
    }
}
