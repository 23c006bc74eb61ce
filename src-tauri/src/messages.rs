//! The front end's strings: every message of a language's catalogue, so the UI never
//! hard-codes a word.

use std::collections::BTreeMap;

use serde::Serialize;
use tessera_i18n::{Language, Localizer, catalogue_source};

/// The automatic refresh intervals the settings offer, in hours (0 is "off").
pub const AUTO_REFRESH_CHOICES: [u32; 6] = [0, 1, 6, 12, 24, 168];

/// Every message id of the catalogues (English is the reference: the others have the same ids).
pub fn message_ids() -> impl Iterator<Item = &'static str> {
    catalogue_source(Language::En).lines().filter_map(|line| {
        let (id, _) = line.split_once(" =")?;
        let is_id = id.starts_with(|c: char| c.is_ascii_lowercase())
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        is_id.then_some(id)
    })
}

/// The UI strings of `language`, id → text.
///
/// A message's variables stay as `{$name}` for the front end to fill in. Plural wordings cannot
/// be filled in that way, so the automatic-refresh choices come formatted, under
/// `settings-auto-refresh-every:<hours>`.
pub fn catalogue(language: Language) -> BTreeMap<String, String> {
    let localizer = Localizer::new(language);
    let mut messages: BTreeMap<String, String> = message_ids().map(|id| (id.to_owned(), localizer.text(id))).collect();
    for hours in AUTO_REFRESH_CHOICES.into_iter().filter(|hours| *hours > 0) {
        messages.insert(format!("settings-auto-refresh-every:{hours}"), localizer.auto_refresh(hours));
    }
    messages
}

/// A language as the language menu lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageOption {
    pub code: &'static str,
    /// The language's name in itself.
    pub name: &'static str,
}

/// Every language, in menu order.
pub fn languages() -> Vec<LanguageOption> {
    Language::ALL
        .iter()
        .map(|language| LanguageOption { code: language.code(), name: language.native_name() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_finds_its_words_in_every_language() {
        for language in Language::ALL {
            let messages = catalogue(language);

            for id in ["app-title", "nav-license", "activate-button", "refresh-success", "settings-language"] {
                assert!(messages.get(id).is_some_and(|text| !text.is_empty()), "{}: {id}", language.code());
            }
        }
    }

    #[test]
    fn whole_days_of_automatic_refresh_read_as_days() {
        let wording =
            |language, hours: u32| catalogue(language)[&format!("settings-auto-refresh-every:{hours}")].clone();
        assert_eq!(wording(Language::En, 168), "Every 7 days");
        assert_eq!(wording(Language::En, 24), "Every day");
        assert_eq!(wording(Language::En, 6), "Every 6 hours");
        assert_eq!(wording(Language::Ru, 168), "Каждые 7 дней");
        assert_eq!(wording(Language::Fr, 168), "Tous les 7 jours");
    }

    #[test]
    fn french_labels_are_french() {
        let messages = catalogue(Language::Fr);

        assert_eq!(messages["refresh-button"], "Actualiser votre licence");
    }

    #[test]
    fn variables_stay_for_the_front_end_and_plurals_come_formatted() {
        let english = catalogue(Language::En);
        let russian = catalogue(Language::Ru);

        assert_eq!(english["portal-activation-key"], "Your activation key is: {$key}");
        assert_eq!(english["settings-auto-refresh-every:1"], "Every hour");
        assert_eq!(english["settings-auto-refresh-every:24"], "Every day");
        assert_eq!(russian["settings-auto-refresh-every:6"], "Каждые 6 часов");
    }

    #[test]
    fn comments_and_continuation_lines_are_not_ids() {
        let ids: Vec<_> = message_ids().collect();

        assert!(ids.contains(&"settings-auto-refresh-every"));
        assert!(ids.iter().all(|id| !id.is_empty() && !id.contains(' ')));
        assert!(!ids.iter().any(|id| id.starts_with('#')));
    }
}
