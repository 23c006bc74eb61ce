//! The armoured text around every signed file: BEGIN line, base64 in 64-column lines, END line.

use crate::encoding::{base64, parse_base64};
use crate::error::{Error, FileKind, Result};

const WIDTH: usize = 64;

/// Wraps `body` as `-----BEGIN <label>-----`, base64 lines of 64 characters, `-----END <label>-----`,
/// each line ending in `\n`.
pub(crate) fn encode(kind: FileKind, body: &[u8]) -> String {
    let encoded = base64(body);
    let label = kind.label();
    let mut out = String::with_capacity(encoded.len() + encoded.len() / WIDTH + 2 * label.len() + 32);
    out.push_str(&format!("-----BEGIN {label}-----\n"));
    for line in encoded.as_bytes().chunks(WIDTH) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Unwraps exactly what [`encode`] makes. Windows line ends are accepted only if every line
/// ends in `\r\n`; nothing else may differ by a single byte.
pub(crate) fn decode(kind: FileKind, text: &str) -> Result<Vec<u8>> {
    // Some editors put a byte-order mark at the start of text files.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unix;
    let text = if text.contains('\r') {
        unix = text.replace("\r\n", "\n");
        if unix.contains('\r') || unix.replace('\n', "\r\n") != text {
            return Err(Error::damaged(kind, "mixed or stray carriage returns"));
        }
        unix.as_str()
    } else {
        text
    };

    let Some(first_line) = text.lines().next() else {
        return Err(Error::NotArmoured(kind));
    };
    let begin = format!("-----BEGIN {}-----", kind.label());
    if first_line != begin {
        if let Some(found) = FileKind::ALL.into_iter().find(|k| first_line == format!("-----BEGIN {}-----", k.label()))
        {
            return Err(Error::WrongKind { expected: kind, found });
        }
        return Err(if first_line.trim_start().starts_with("-----BEGIN TESSERA") {
            Error::damaged(kind, "the first line is not a known BEGIN line")
        } else {
            Error::NotArmoured(kind)
        });
    }

    let Some(inner) = text.strip_suffix('\n') else {
        return Err(Error::damaged(kind, "the last line break is missing"));
    };
    let lines: Vec<&str> = inner.split('\n').collect();
    let end = format!("-----END {}-----", kind.label());
    let Some((last, body_lines)) = lines[1..].split_last() else {
        return Err(Error::damaged(kind, "the END line is missing"));
    };
    if *last != end {
        return Err(Error::damaged(kind, "the END line is missing or altered"));
    }
    let Some((final_line, full_lines)) = body_lines.split_last() else {
        return Err(Error::damaged(kind, "there is nothing between BEGIN and END"));
    };
    if let Some(n) = full_lines.iter().position(|l| l.len() != WIDTH) {
        return Err(Error::damaged(kind, format!("line {} is not {WIDTH} characters long", n + 2)));
    }
    if final_line.is_empty() || final_line.len() > WIDTH {
        return Err(Error::damaged(kind, format!("line {} has a wrong length", body_lines.len() + 1)));
    }
    parse_base64(&body_lines.concat()).ok_or_else(|| Error::damaged(kind, "the text is not valid base64"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_bodies_of_every_length_around_a_line() {
        for len in [1, 47, 48, 49, 95, 96, 97, 200] {
            let body: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let text = encode(FileKind::License, &body);
            assert_eq!(decode(FileKind::License, &text).expect("decode"), body, "len {len}");
            let windows = text.replace('\n', "\r\n");
            assert_eq!(decode(FileKind::License, &windows).expect("crlf"), body, "crlf len {len}");
        }
    }

    #[test]
    fn tells_a_wrong_kind_from_a_foreign_file() {
        let text = encode(FileKind::ActivationRequest, b"hello");
        let err = decode(FileKind::License, &text).unwrap_err();
        assert_eq!(err, Error::WrongKind { expected: FileKind::License, found: FileKind::ActivationRequest });
        assert_eq!(decode(FileKind::License, "hello").unwrap_err().code(), "FILE_NOT_ARMOURED");
        assert_eq!(decode(FileKind::License, "").unwrap_err().code(), "FILE_NOT_ARMOURED");
        let pgp = "-----BEGIN PGP MESSAGE-----\nabc\n-----END PGP MESSAGE-----\n";
        assert_eq!(decode(FileKind::License, pgp).unwrap_err().code(), "FILE_NOT_ARMOURED");
        let with_bom = format!("\u{feff}{}", encode(FileKind::License, b"hello"));
        assert_eq!(decode(FileKind::License, &with_bom).expect("a byte-order mark is forgiven"), b"hello");
    }

    #[test]
    fn refuses_anything_but_the_one_layout() {
        let text = encode(FileKind::License, &[7u8; 100]);
        let cases = [
            (text.trim_end().to_string(), "no final newline"),
            (format!("{text}\n"), "extra blank line"),
            (format!(" {text}"), "leading space"),
            (text.replacen('\n', "\n\n", 2), "blank line in body"),
            (text.replace("-----END TESSERA LICENSE-----\n", ""), "END missing"),
            (text.replacen("\n", "\r\n", 1), "one CRLF among LFs"),
        ];
        for (bad, why) in cases {
            assert!(decode(FileKind::License, &bad).is_err(), "{why} was accepted");
        }
    }
}
