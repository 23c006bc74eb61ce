//! Formatting messages from the embedded catalogues, in one language with English behind it.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::Language;

/// The catalogues, compiled in so that no binary needs files at run time.
const SOURCES: [(Language, &str); 5] = [
    (Language::En, include_str!("../../../locales/en/tessera.ftl")),
    (Language::Fr, include_str!("../../../locales/fr/tessera.ftl")),
    (Language::It, include_str!("../../../locales/it/tessera.ftl")),
    (Language::Bg, include_str!("../../../locales/bg/tessera.ftl")),
    (Language::Ru, include_str!("../../../locales/ru/tessera.ftl")),
];

/// The Fluent source of a language's catalogue, as embedded (`locales/<code>/tessera.ftl`).
///
/// For tools and tests that inspect the catalogues; programs use a [`Localizer`].
#[must_use]
pub fn catalogue_source(language: Language) -> &'static str {
    SOURCES.iter().find(|(l, _)| *l == language).map_or("", |(_, source)| source)
}

type Bundle = FluentBundle<FluentResource>;

/// Each language's bundle, parsed once on first use and shared by every [`Localizer`].
fn bundle(language: Language) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 5] = [const { OnceLock::new() }; 5];
    let index = Language::ALL.iter().position(|l| *l == language).unwrap_or(0);
    BUNDLES[index].get_or_init(|| {
        // A catalogue with mistakes still serves every message it could read: the tests
        // make sure the shipped ones have none, and a half-read catalogue beats a panic.
        let resource =
            FluentResource::try_new(catalogue_source(language).to_owned()).unwrap_or_else(|(resource, errors)| {
                tracing::warn!(language = language.code(), errors = errors.len(), "catalogue has syntax errors");
                resource
            });
        let mut bundle = Bundle::new_concurrent(vec![language.identifier()]);
        // Every language here is written left to right: Unicode isolation marks around
        // variables would only show up as stray characters in terminals and log files.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::warn!(language = language.code(), errors = errors.len(), "catalogue has duplicate ids");
        }
        bundle
    })
}

/// A value for a message variable: text, or a number (numbers choose plural forms).
///
/// Converts from string and integer types, so callers rarely name it:
///
/// ```
/// use tessera_i18n::{Arg, Language, Localizer};
/// let ru = Localizer::new(Language::Ru);
/// assert_eq!(ru.text_with("settings-auto-refresh-every", &[("hours", 5)]), "Каждые 5 часов");
///
/// // Mixed kinds in one call need the conversion spelled out.
/// let en = Localizer::new(Language::En);
/// let text = en.text_with("error-code-length", &[
///     ("kind", Arg::from("activation-key")),
///     ("expected", 16.into()),
///     ("found", 15.into()),
/// ]);
/// assert!(text.starts_with("The activation key should have 16 characters but has 15."));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    /// Shown as it is.
    Text(Cow<'a, str>),
    /// Shown as digits; selects the plural form.
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Self::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Self::Text(Cow::Owned(text))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        Self::Text(text)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Self::Number(i64::from(n))
            }
        }
    )*};
}
number_arg!(i8, i16, i32, i64, u8, u16, u32);

macro_rules! wide_number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                // Counts this large do not occur; saturating keeps the conversion total.
                Self::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
wide_number_arg!(u64, usize, isize);

impl<'a> Arg<'a> {
    fn to_fluent(&self) -> FluentValue<'a> {
        match self {
            Self::Text(text) => FluentValue::String(text.clone()),
            Self::Number(n) => FluentValue::from(*n),
        }
    }
}

/// Formats Tessera's messages in one language.
///
/// Cheap to create and to copy: the catalogues are parsed once per process. A message id
/// missing from the language's catalogue falls back to English, then to the id itself, so
/// a lookup never panics and never shows an empty string.
///
/// ```
/// use tessera_i18n::{Language, Localizer};
/// let fr = Localizer::new(Language::Fr);
/// assert_eq!(fr.text("refresh-button"), "Actualiser votre licence");
/// assert_eq!(fr.text_with("cli-signed-in", &[("email", "ada@example.com")]), "Connecté en tant que ada@example.com.");
/// assert_eq!(fr.text("no-such-message"), "no-such-message");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Localizer {
    language: Language,
    surface: Surface,
}

/// Where the words are read: the app's messages name its buttons ("click Refresh"), the CLI's
/// its commands ("run 'tessera refresh'").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Surface {
    /// The License Manager's window (and everything without a surface of its own).
    #[default]
    App,
    /// The `tessera` command line: a message `id` reads as `cli--id` where the catalogue has it.
    Cli,
}

impl Localizer {
    /// A localizer for `language`, in the app's words.
    #[must_use]
    pub fn new(language: Language) -> Self {
        Self { language, surface: Surface::App }
    }

    /// The same language in the words of `surface`.
    ///
    /// ```
    /// use tessera_i18n::{Language, Localizer, Surface};
    /// let cli = Localizer::new(Language::En).on(Surface::Cli);
    /// assert!(cli.text("error-state-corrupt").contains("Run 'tessera refresh'"));
    /// assert!(Localizer::new(Language::En).text("error-state-corrupt").contains("Click Refresh"));
    /// ```
    #[must_use]
    pub fn on(self, surface: Surface) -> Self {
        Self { surface, ..self }
    }

    /// The language it formats in.
    #[must_use]
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether the catalogue of this language has the message `id`.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        bundle(self.language).has_message(id)
    }

    /// The message `id`, for messages without variables.
    #[must_use]
    pub fn text(&self, id: &str) -> String {
        self.text_with::<Arg<'_>>(id, &[])
    }

    /// The message `id` with its variables, as `("name", value)` pairs.
    ///
    /// A variable the message needs but `args` lacks shows as `{$name}`; a missing message
    /// shows as its id. Either is logged with the id only, never the values, which may be
    /// activation keys or e-mail addresses.
    #[must_use]
    pub fn text_with<'a, V>(&self, id: &str, args: &[(&str, V)]) -> String
    where
        V: Clone + Into<Arg<'a>>,
    {
        match self.format(id, args) {
            Some(Ok(text)) => text,
            Some(Err(text)) => {
                tracing::warn!(id, language = self.language.code(), "message formatted with errors");
                text
            }
            None => {
                tracing::warn!(id, language = self.language.code(), "message missing from every catalogue");
                id.to_owned()
            }
        }
    }

    /// The customer's message for an error `code` (`TOO_MANY_MACHINES` reads
    /// `error-too-many-machines`), or `english_fallback` when there is none.
    ///
    /// Pass the English message that came with the code: it is also what shows when the
    /// translation needs variables (see [`Localizer::error_with`]).
    ///
    /// ```
    /// use tessera_i18n::{Language, Localizer};
    /// let it = Localizer::new(Language::It);
    /// assert_eq!(
    ///     it.error("PORTAL_TIMEOUT", "The licensing portal did not answer in time."),
    ///     "Il portale delle licenze non ha risposto in tempo. Riprova tra qualche minuto.",
    /// );
    /// assert_eq!(it.error("SOMETHING_NEW", "Something new went wrong."), "Something new went wrong.");
    /// ```
    #[must_use]
    pub fn error(&self, code: &str, english_fallback: &str) -> String {
        self.error_with::<Arg<'_>>(code, english_fallback, &[])
    }

    /// [`Localizer::error`] for a message with variables (`seats`, `kid`, ...).
    ///
    /// When the translation needs a variable that `args` lacks, `english_fallback` shows
    /// instead: an English sentence with the real values beats a translated one with holes.
    ///
    /// ```
    /// use tessera_i18n::{Language, Localizer};
    /// let bg = Localizer::new(Language::Bg);
    /// let english = "Every seat of this license is in use (3 of 3). Deactivate another computer, or buy more seats.";
    /// assert!(bg.error_with("TOO_MANY_MACHINES", english, &[("seats", 3)]).starts_with("Всички работни места"));
    /// assert_eq!(bg.error("TOO_MANY_MACHINES", english), english);
    /// ```
    #[must_use]
    pub fn error_with<'a, V>(&self, code: &str, english_fallback: &str, args: &[(&str, V)]) -> String
    where
        V: Clone + Into<Arg<'a>>,
    {
        let Some(id) = code_id("error", code) else { return english_fallback.to_owned() };
        match self.format(&id, args) {
            Some(Ok(text)) => text,
            _ => english_fallback.to_owned(),
        }
    }

    /// [`Localizer::error_with`] for variables that arrived as text (a program's error, a
    /// portal's refusal): one that is a whole number is a number, so it selects the plural form.
    ///
    /// ```
    /// use tessera_i18n::{Language, Localizer};
    /// let ru = Localizer::new(Language::Ru);
    /// let args = [("machines", "2".to_owned())];
    /// let text = ru.error_with_texts("USER_TOO_MANY_MACHINES", "English", &args);
    /// assert!(text.contains("на 2 компьютерах"), "{text}");
    /// ```
    ///
    /// A refusal that names its `date` says it where the catalogue has the words for that
    /// (`error-expired-on` for `EXPIRED`), else the code's usual words:
    ///
    /// ```
    /// use tessera_i18n::{Language, Localizer};
    /// let fr = Localizer::new(Language::Fr);
    /// let text = fr.error_with_texts("EXPIRED", "English", &[("date", "2026-01-31".to_owned())]);
    /// assert!(text.contains("2026-01-31"), "{text}");
    /// assert_ne!(fr.error_with_texts("EXPIRED", "English", &[]), text);
    /// ```
    #[must_use]
    pub fn error_with_texts(&self, code: &str, english_fallback: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|(name, text)| (*name, text.parse::<i64>().map_or_else(|_| Arg::from(text), Arg::Number)))
            .collect();
        if args.iter().any(|(name, _)| *name == "date")
            && let Some(id) = code_id("error", code)
            && let Some(Ok(text)) = self.format(&format!("{id}-on"), &args)
        {
            return text;
        }
        self.error_with(code, english_fallback, &args)
    }

    /// How often the license refreshes itself: "Off", "Every 6 hours", whole days as days
    /// ("Every 7 days", not "Every 168 hours").
    ///
    /// ```
    /// use tessera_i18n::{Language, Localizer};
    /// assert_eq!(Localizer::new(Language::En).auto_refresh(168), "Every 7 days");
    /// assert_eq!(Localizer::new(Language::En).auto_refresh(6), "Every 6 hours");
    /// ```
    #[must_use]
    pub fn auto_refresh(&self, hours: u32) -> String {
        match hours {
            0 => self.text("settings-auto-refresh-off"),
            hours if hours % 24 == 0 => self.text_with("settings-auto-refresh-every-days", &[("days", hours / 24)]),
            hours => self.text_with("settings-auto-refresh-every", &[("hours", hours)]),
        }
    }

    /// The short label of a license state `code` (`GRACE` → "In grace period"); the code
    /// itself when unknown. [`Localizer::state_message`] says what to do next.
    ///
    /// ```
    /// use tessera_i18n::{Language, Localizer};
    /// assert_eq!(Localizer::new(Language::Fr).state("GRACE"), "En période de grâce");
    /// ```
    #[must_use]
    pub fn state(&self, code: &str) -> String {
        match code_id("state", code).and_then(|id| self.format::<Arg<'_>>(&id, &[])) {
            Some(Ok(text)) => text,
            _ => code.to_owned(),
        }
    }

    /// Formats `id`: `None` when no catalogue has it, `Err` with the best-effort text when
    /// Fluent reported errors (a missing variable, usually).
    pub(crate) fn format<'a, V>(&self, id: &str, args: &[(&str, V)]) -> Option<Result<String, String>>
    where
        V: Clone + Into<Arg<'a>>,
    {
        let surface_id = (self.surface == Surface::Cli).then(|| format!("cli--{id}"));
        let (bundle, id) = [self.language, Language::En].into_iter().map(bundle).find_map(|b| match &surface_id {
            Some(own) if b.has_message(own) => Some((b, own.as_str())),
            _ => b.has_message(id).then_some((b, id)),
        })?;
        let pattern = bundle.get_message(id)?.value()?;
        let fluent_args = (!args.is_empty()).then(|| {
            args.iter().map(|(name, value)| (*name, value.clone().into().to_fluent())).collect::<FluentArgs<'_>>()
        });
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors).into_owned();
        Some(if errors.is_empty() { Ok(text) } else { Err(text) })
    }
}

/// `prefix-code-in-kebab-case` for a code made of `A-Z`, `0-9` and `_`; `None` otherwise.
pub(crate) fn code_id(prefix: &str, code: &str) -> Option<String> {
    let valid = !code.is_empty() && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    valid.then(|| format!("{prefix}-{}", code.to_ascii_lowercase().replace('_', "-")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_become_kebab_case_ids() {
        assert_eq!(code_id("error", "TOO_MANY_MACHINES").as_deref(), Some("error-too-many-machines"));
        assert_eq!(code_id("state", "VALID").as_deref(), Some("state-valid"));
        assert_eq!(code_id("error", ""), None);
        assert_eq!(code_id("error", "../etc"), None);
    }

    #[test]
    fn a_missing_variable_shows_as_its_name_and_a_missing_message_as_its_id() {
        let en = Localizer::new(Language::En);
        assert_eq!(en.text("cli-signed-in"), "Signed in as {$email}.");
        assert_eq!(en.text("nav-nothing"), "nav-nothing");
        assert_eq!(en.state("NO_SUCH_STATE"), "NO_SUCH_STATE");
        assert_eq!(en.error("NOT FOUND", "fallback"), "fallback");
    }

    #[test]
    fn variables_are_not_wrapped_in_isolation_marks() {
        let text = Localizer::new(Language::En).text_with("cli-request-written", &[("path", "/tmp/r.txt")]);
        assert_eq!(text, "Request written to /tmp/r.txt");
    }

    #[test]
    fn a_localizer_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Localizer>();
    }
}
