//! Money and dates as each language writes them, from exact minor units and Unix seconds.
//!
//! Money never goes through a float: the minor units are split into whole and fractional parts
//! with integer arithmetic. The rules, from CLDR's conventions for each language:
//!
//! | language | amount | grouping | decimal | currency |
//! |---|---|---|---|---|
//! | en | `€1,234.56` | `,` | `.` | symbol before, no space; unknown codes `CHF 1,234.56` |
//! | fr | `1 234,56 €` | narrow no-break space U+202F | `,` | after, no-break space U+00A0 |
//! | it | `1.234,56 €` | `.` | `,` | after, no-break space |
//! | bg, ru | `1 234,56 €` | no-break space U+00A0 | `,` | after, no-break space |
//!
//! Symbols: EUR €, USD $, GBP £, JPY ¥; any other currency shows its ISO code. Minor digits:
//! 0 for JPY, KRW, ISK, CLP, VND; 3 for BHD, KWD, OMR, JOD, TND, IQD, LYD; 2 otherwise.
//!
//! Dates: en `2024-05-29` (ISO, as seed 000's pages show), fr and it `29/05/2024`,
//! bg `29.05.2024 г.`, ru `29.05.2024`; times in 24 hours, UTC.

use tessera_i18n::Language;

fn minor_digits(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "ISK" | "CLP" | "VND" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "IQD" | "LYD" => 3,
        _ => 2,
    }
}

fn symbol(currency: &str) -> Option<&'static str> {
    match currency {
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    }
}

/// `digits` with `separator` between each group of three, from the right.
fn grouped(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// An amount of `minor` units of `currency` (ISO 4217), written for `language`.
#[must_use]
pub fn money(minor: i64, currency: &str, language: Language) -> String {
    let digits = minor_digits(currency);
    let scale = 10u64.pow(digits);
    let magnitude = minor.unsigned_abs();
    let (whole, fraction) = (magnitude / scale, magnitude % scale);
    let (group, decimal) = match language {
        Language::En => (',', '.'),
        Language::Fr => ('\u{202F}', ','),
        Language::It => ('.', ','),
        Language::Bg | Language::Ru => ('\u{A0}', ','),
    };
    let mut number = grouped(&whole.to_string(), group);
    if digits > 0 {
        number.push(decimal);
        number.push_str(&format!("{fraction:0width$}", width = digits as usize));
    }
    let sign = if minor < 0 { "-" } else { "" };
    match (language, symbol(currency)) {
        (Language::En, Some(symbol)) => format!("{sign}{symbol}{number}"),
        (Language::En, None) => format!("{sign}{currency}\u{A0}{number}"),
        (_, shown) => format!("{sign}{number}\u{A0}{}", shown.unwrap_or(currency)),
    }
}

fn utc(seconds: i64) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp(seconds, 0)
}

/// A day, written for `language`.
#[must_use]
pub fn date(seconds: i64, language: Language) -> String {
    let Some(at) = utc(seconds) else { return String::new() };
    let pattern = match language {
        Language::En => "%Y-%m-%d",
        Language::Fr | Language::It => "%d/%m/%Y",
        Language::Bg => "%d.%m.%Y\u{A0}г.",
        Language::Ru => "%d.%m.%Y",
    };
    at.format(pattern).to_string()
}

/// A day and a time of day (UTC), written for `language`.
#[must_use]
pub fn date_time(seconds: i64, language: Language) -> String {
    let Some(at) = utc(seconds) else { return String::new() };
    format!("{} {} UTC", date(seconds, language), at.format("%H:%M"))
}

/// A day as a machine reads it, for `<time datetime="...">`.
#[must_use]
pub fn iso_date(seconds: i64) -> String {
    utc(seconds).map(|at| at.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_the_way_each_language_writes_it() {
        let cases = [
            (123_456, "EUR", Language::En, "€1,234.56"),
            (123_456, "EUR", Language::Fr, "1\u{202F}234,56\u{A0}€"),
            (123_456, "EUR", Language::It, "1.234,56\u{A0}€"),
            (123_456, "EUR", Language::Bg, "1\u{A0}234,56\u{A0}€"),
            (123_456, "EUR", Language::Ru, "1\u{A0}234,56\u{A0}€"),
            (70_411, "EUR", Language::En, "€704.11"),
            (5, "USD", Language::En, "$0.05"),
            (-123_456_789, "GBP", Language::En, "-£1,234,567.89"),
            (123_456, "CHF", Language::En, "CHF\u{A0}1,234.56"),
            (123_456, "CHF", Language::It, "1.234,56\u{A0}CHF"),
            (1_234, "JPY", Language::En, "¥1,234"),
            (1_234, "KWD", Language::Fr, "1,234\u{A0}KWD"),
            (10_000_000_000, "EUR", Language::It, "100.000.000,00\u{A0}€"),
            (i64::MIN, "EUR", Language::En, "-€92,233,720,368,547,758.08"),
        ];
        for (minor, currency, language, expected) in cases {
            assert_eq!(money(minor, currency, language), expected, "{minor} {currency} in {language:?}");
        }
    }

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let at = 1_559_119_578; // 2019-05-29 08:46:18 UTC
        let cases = [
            (Language::En, "2019-05-29"),
            (Language::Fr, "29/05/2019"),
            (Language::It, "29/05/2019"),
            (Language::Bg, "29.05.2019\u{A0}г."),
            (Language::Ru, "29.05.2019"),
        ];
        for (language, expected) in cases {
            assert_eq!(date(at, language), expected, "{language:?}");
        }
        assert_eq!(date_time(at, Language::En), "2019-05-29 08:46 UTC");
        assert_eq!(iso_date(at), "2019-05-29");
    }
}
