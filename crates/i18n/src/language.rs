//! The languages Tessera speaks, and picking one from what the customer's system asks for.

use unic_langid::LanguageIdentifier;

/// A language Tessera has a catalogue for (`locales/<code>/tessera.ftl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English, the reference catalogue and the fallback.
    #[default]
    En,
    /// French.
    Fr,
    /// Italian.
    It,
    /// Bulgarian.
    Bg,
    /// Russian.
    Ru,
}

impl Language {
    /// Every language, in the order a language menu lists them.
    pub const ALL: [Self; 5] = [Self::En, Self::Fr, Self::It, Self::Bg, Self::Ru];

    /// The ISO 639-1 code, which is also the catalogue's folder name.
    ///
    /// ```
    /// use tessera_i18n::Language;
    /// assert_eq!(Language::Bg.code(), "bg");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::It => "it",
            Self::Bg => "bg",
            Self::Ru => "ru",
        }
    }

    /// The language's name in itself, for a language menu.
    ///
    /// ```
    /// use tessera_i18n::Language;
    /// assert_eq!(Language::Ru.native_name(), "Русский");
    /// ```
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
            Self::It => "Italiano",
            Self::Bg => "Български",
            Self::Ru => "Русский",
        }
    }

    /// The language with this code (`"fr"`, any case), as stored in settings.
    ///
    /// ```
    /// use tessera_i18n::Language;
    /// assert_eq!(Language::from_code("IT"), Some(Language::It));
    /// assert_eq!(Language::from_code("de"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|language| language.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The best language for what the customer's system asks for, English when none fits.
    ///
    /// Reads an HTTP `Accept-Language` header (`fr-CH, fr;q=0.9, en;q=0.8`, highest quality
    /// first, `q=0` meaning "not this one"), a POSIX locale (`fr_FR.UTF-8`, `bg`,
    /// `ru_RU@cyrillic`) or a GNU `LANGUAGE` list (`it:en`). Only the primary language subtag
    /// counts: `fr-CA` is French.
    ///
    /// ```
    /// use tessera_i18n::Language;
    /// assert_eq!(Language::negotiate("de-DE, fr;q=0.8, en;q=0.5"), Language::Fr);
    /// assert_eq!(Language::negotiate("bg_BG.UTF-8"), Language::Bg);
    /// assert_eq!(Language::negotiate("C"), Language::En);
    /// ```
    #[must_use]
    pub fn negotiate(preferences: &str) -> Self {
        let mut best: Option<(f32, Self)> = None;
        for item in preferences.split([',', ':']) {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let Some(quality) = quality(parts) else { continue };
            let primary = tag.split(['-', '_', '.', '@']).next().unwrap_or_default();
            let Some(language) = Self::from_code(primary) else { continue };
            // Ties keep the earlier entry, as the header's order is the customer's.
            if quality > 0.0 && best.is_none_or(|(best_quality, _)| quality > best_quality) {
                best = Some((quality, language));
            }
        }
        best.map_or(Self::En, |(_, language)| language)
    }

    pub(crate) fn identifier(self) -> LanguageIdentifier {
        // The codes are valid two-letter language subtags, so parsing cannot fail; English is a safe default.
        self.code().parse().unwrap_or_default()
    }
}

/// The `q=` weight of an `Accept-Language` entry: 1 when absent, `None` when unreadable.
fn quality<'a>(mut parameters: impl Iterator<Item = &'a str>) -> Option<f32> {
    let Some(parameter) = parameters.find(|p| p.trim_start().get(..2).is_some_and(|k| k.eq_ignore_ascii_case("q=")))
    else {
        return Some(1.0);
    };
    parameter.trim()[2..].trim().parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiate_picks_the_language_the_customer_prefers() {
        let cases = [
            ("", Language::En, "nothing asked for"),
            ("C", Language::En, "the POSIX C locale"),
            ("POSIX", Language::En, "the POSIX locale"),
            ("C.UTF-8", Language::En, "the C locale with an encoding"),
            ("de-DE", Language::En, "a language without a catalogue"),
            ("*", Language::En, "any language"),
            ("en-US", Language::En, "American English"),
            ("fr", Language::Fr, "a bare code"),
            ("FR-fr", Language::Fr, "odd capitals"),
            ("fr_FR.UTF-8", Language::Fr, "a POSIX locale with encoding"),
            ("fr_CA", Language::Fr, "a regional variant"),
            ("it_IT@euro", Language::It, "a POSIX locale with modifier"),
            ("bg", Language::Bg, "a bare POSIX locale"),
            ("bg_BG.UTF-8", Language::Bg, "Bulgarian POSIX locale"),
            ("ru_RU.KOI8-R", Language::Ru, "a legacy encoding"),
            ("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", Language::Ru, "a browser header"),
            ("de-DE, fr;q=0.8, en;q=0.5", Language::Fr, "first supported by quality"),
            ("en;q=0.5, it;q=0.9", Language::It, "quality beats order"),
            ("it, fr", Language::It, "equal quality keeps the header's order"),
            ("fr;q=0, it;q=0.1", Language::It, "q=0 rules a language out"),
            ("fr;q=0", Language::En, "everything ruled out"),
            ("fr;q=abc, bg;q=0.2", Language::Bg, "an unreadable weight skips the entry"),
            ("fr;q=2, bg;q=0.2", Language::Bg, "a weight above 1 skips the entry"),
            ("bg ; Q=0.4 , ru ; q=0.3", Language::Bg, "spaces and a capital Q"),
            ("de:ru:en", Language::Ru, "a GNU LANGUAGE list"),
            ("francais", Language::En, "not a language code"),
        ];
        for (preferences, expected, why) in cases {
            assert_eq!(Language::negotiate(preferences), expected, "{why}: {preferences:?}");
        }
    }

    #[test]
    fn codes_round_trip_and_identify_the_language() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
            assert_eq!(language.identifier().to_string(), language.code());
        }
    }
}
