//! Tessera's translations: the Fluent catalogues of `locales/`, compiled in, for the License Manager, the `tessera` CLI and the portal's pages.
//!
//! The catalogues live at the repository root, one folder per language
//! (`locales/{en,fr,it,bg,ru}/tessera.ftl`). English is the reference: every other
//! catalogue has exactly its message ids and uses the same variables (the tests check).
//! They are embedded with `include_str!`, so a binary needs no files at run time.
//!
//! Message ids are kebab-case and grouped by prefix: `app-`, `nav-`, `common-`,
//! `activate-`, `dashboard-`, `refresh-`, `offline-`, `deactivate-`, `portal-`,
//! `licenses-`, `supports-`, `settings-`, `credential-store-`, `diagnostics-`, `cli-`,
//! `web-` (the portal's web pages), `state-` (a license state's label; `state-*-message` says what to do next),
//! `component-` (fingerprint components) and `error-` (one per stable error code of
//! tessera-core, the portal and the client: `TOO_MANY_MACHINES` is
//! `error-too-many-machines`).
//!
//! ```
//! use tessera_i18n::{Language, Localizer};
//!
//! // The language comes from the settings, or from the system's locale.
//! let language = Language::negotiate("ru_RU.UTF-8");
//! let localizer = Localizer::new(language);
//!
//! assert_eq!(localizer.text("app-title"), "Tessera License Manager");
//! assert_eq!(localizer.state("VALID"), "Действительна");
//! assert_eq!(
//!     localizer.text_with("cli-license-state", &[("state", localizer.state("EXPIRED"))]),
//!     "Лицензия: Истекла",
//! );
//! // Error codes from the portal or the client, with the English message as fallback.
//! let english = "The licensing portal cannot be reached.";
//! assert!(localizer.error("NETWORK_UNREACHABLE", english).starts_with("Не удаётся связаться"));
//! ```

mod core_messages;
mod language;
mod localizer;

pub use language::Language;
pub use localizer::{Arg, Localizer, Surface, catalogue_source};
