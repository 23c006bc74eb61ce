//! The app's state: where the license client comes from (the environment at run time), the
//! client itself, opened on first use so that a failure shows in the window instead of
//! stopping the app, and the language its answers are told in.

use std::path::PathBuf;
use std::sync::{Mutex as StdMutex, PoisonError, RwLock};

use serde::Serialize;
use tessera_client::{Client, ClientConfig, CredentialStore, Opened, Settings, StateDir, Status, StoreKind};
use tessera_i18n::{Language, Localizer};
use tokio::sync::{MappedMutexGuard, Mutex, MutexGuard, Notify};

use crate::error::{Error, Result};

/// The product the app manages when `TESSERA_PRODUCT` does not name one.
pub const DEFAULT_PRODUCT: &str = "acme-ledger";

/// What the app is pointed at, read from the environment when it starts, so that the demo and
/// the end-to-end tests can point it somewhere else than a customer's installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    /// `TESSERA_PRODUCT`, else [`DEFAULT_PRODUCT`].
    pub product: String,
    /// The app's own version, sent with activations.
    pub app_version: String,
    /// `TESSERA_STATE_DIR`, else the user's folder for the product.
    pub state_dir: Option<PathBuf>,
    /// `TESSERA_PORTAL_URL`: the portal to use until the customer saves settings.
    pub portal_url: Option<String>,
    /// `TESSERA_KEYRING_SERVICE`, else the client's own service name.
    pub keyring_service: Option<String>,
}

impl Launch {
    /// The configuration in this process's environment.
    pub fn from_env(app_version: &str) -> Self {
        Self::from_vars(app_version, |name| std::env::var(name).ok())
    }

    fn from_vars(app_version: &str, var: impl Fn(&str) -> Option<String>) -> Self {
        let var = |name: &str| var(name).map(|value| value.trim().to_owned()).filter(|value| !value.is_empty());
        Self {
            product: var("TESSERA_PRODUCT").unwrap_or_else(|| DEFAULT_PRODUCT.to_owned()),
            app_version: app_version.to_owned(),
            state_dir: var("TESSERA_STATE_DIR").map(PathBuf::from),
            portal_url: var("TESSERA_PORTAL_URL"),
            keyring_service: var("TESSERA_KEYRING_SERVICE"),
        }
    }

    /// Opens the client. Damaged settings are set aside (and said so) rather than keeping the
    /// app from working; on the first run, `TESSERA_PORTAL_URL` becomes the portal address.
    fn open(&self) -> Result<(Client, Option<PathBuf>), OpenError> {
        let state_dir = match &self.state_dir {
            Some(path) => StateDir::at(path),
            None => StateDir::for_user(&self.product)?,
        };
        let trusted_keys = tessera_client::trusted_keys().map_err(|_| OpenError::NoTrustedKeys)?;
        let config = ClientConfig {
            product: self.product.clone(),
            app_version: self.app_version.clone(),
            state_dir: state_dir.clone(),
            trusted_keys,
            machine: None,
        };
        let store = match &self.keyring_service {
            Some(service) => CredentialStore::open(service, &config.state_dir),
            None => CredentialStore::for_product(&config.product, &config.state_dir),
        };
        let Opened { mut client, settings_set_aside, first_run } = Client::open_repairing(config, store)?;
        if first_run && let Some(url) = &self.portal_url {
            let settings = Settings { portal_url: url.clone(), ..client.settings().clone() };
            client.save_settings(settings, None)?;
        }
        Ok((client, settings_set_aside))
    }
}

/// Why the client could not be opened.
#[derive(Debug)]
enum OpenError {
    /// A build without any trusted portal key: nothing the customer can fix.
    NoTrustedKeys,
    Client(tessera_client::Error),
}

impl From<tessera_client::Error> for OpenError {
    fn from(error: tessera_client::Error) -> Self {
        Self::Client(error)
    }
}

/// The license state as the dashboard shows it: the client's status, its label and what to do
/// next in the customer's language.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    pub status: Status,
    /// The state's short label ("Valid", "Expired", ...).
    pub label: String,
    /// What the state means and what to do next.
    pub message: String,
    /// Who the license is for, the product and the days left, when there is a license.
    pub headline: Option<String>,
}

/// The settings screen's content.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsView {
    pub settings: Settings,
    /// Where credentials are kept.
    pub credential_store: StoreKind,
    /// The language in effect (the system's when the settings leave it empty).
    pub language: &'static str,
}

/// The app's shared state: one client for the window and the background refresh.
#[derive(Debug)]
pub struct Manager {
    launch: Launch,
    client: Mutex<Option<Client>>,
    language: RwLock<Language>,
    /// Where damaged settings were set aside, until the front end has said so.
    notice: StdMutex<Option<PathBuf>>,
    /// Wakes the background refresh when the settings change.
    pub(crate) settings_changed: Notify,
    /// Stops the portal operation the window is waiting for (its Cancel button).
    cancel: Notify,
}

impl Manager {
    pub fn new(launch: Launch) -> Self {
        Self {
            launch,
            client: Mutex::new(None),
            language: RwLock::new(system_language()),
            notice: StdMutex::new(None),
            settings_changed: Notify::new(),
            cancel: Notify::new(),
        }
    }

    /// What the app was pointed at.
    pub fn launch(&self) -> &Launch {
        &self.launch
    }

    /// The client, opened now if it is not yet; an error the customer can act on otherwise.
    pub async fn client(&self) -> Result<MappedMutexGuard<'_, Client>> {
        let mut slot = self.client.lock().await;
        if slot.is_none() {
            match self.launch.open() {
                Ok((client, set_aside)) => {
                    self.set_language(&client.settings().language);
                    *self.notice.lock().unwrap_or_else(PoisonError::into_inner) = set_aside;
                    *slot = Some(client);
                }
                Err(OpenError::NoTrustedKeys) => return Err(Error::new("NO_TRUSTED_KEYS", NO_TRUSTED_KEYS)),
                Err(OpenError::Client(error)) => return Err(self.error(&error)),
            }
        }
        MutexGuard::try_map(slot, Option::as_mut).map_err(|_| Error::new("internal", "the client is not open"))
    }

    /// Runs a portal operation the customer may cancel: [`Manager::cancel`] ends it at once
    /// with `CANCELLED`. It stops at a network wait, never between writing two files, so what
    /// is on disk is the state before or after it; a seat the portal took meanwhile is the one
    /// the next activation of this computer renews.
    pub async fn cancellable<T>(&self, operation: impl std::future::Future<Output = Result<T>>) -> Result<T> {
        tokio::select! {
            result = operation => result,
            () = self.cancel.notified() => Err(Error::new("CANCELLED", self.localizer().text("app-cancelled"))),
        }
    }

    /// Cancels the operation in flight, if any.
    pub fn cancel(&self) {
        self.cancel.notify_waiters();
    }

    /// The language answers are told in.
    pub fn language(&self) -> Language {
        *self.language.read().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn localizer(&self) -> Localizer {
        Localizer::new(self.language())
    }

    /// Follows the settings' language; an empty one means the system's.
    fn set_language(&self, code: &str) {
        let language = Language::from_code(code).unwrap_or_else(system_language);
        *self.language.write().unwrap_or_else(PoisonError::into_inner) = language;
    }

    /// A client error in the customer's language.
    pub fn error(&self, error: &tessera_client::Error) -> Error {
        Error::localized(error, &self.localizer())
    }

    /// A status with its label and message in the customer's language.
    pub fn view(&self, status: Status) -> StatusView {
        let localizer = self.localizer();
        StatusView {
            label: localizer.state(status.code),
            message: localizer.state_message(&status.state),
            headline: localizer.headline(&status.state, tessera_core::Timestamp::now()),
            status,
        }
    }

    /// The settings in effect and where credentials are kept.
    pub async fn settings(&self) -> Result<SettingsView> {
        let client = self.client().await?;
        Ok(self.settings_view(&client))
    }

    fn settings_view(&self, client: &Client) -> SettingsView {
        SettingsView {
            settings: client.settings().clone(),
            credential_store: client.credential_store(),
            language: self.language().code(),
        }
    }

    /// Saves settings, switches the language and tells the background refresh.
    pub async fn save_settings(&self, settings: Settings, proxy_password: Option<String>) -> Result<SettingsView> {
        let mut client = self.client().await?;
        client.save_settings(settings, proxy_password.as_deref()).map_err(|error| self.error(&error))?;
        self.set_language(&client.settings().language);
        self.settings_changed.notify_one();
        Ok(self.settings_view(&client))
    }

    /// Where damaged settings were set aside, once.
    pub fn take_notice(&self) -> Option<PathBuf> {
        self.notice.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

/// What a build without trusted keys says (a packaging mistake, so for the vendor, in English).
const NO_TRUSTED_KEYS: &str = "This build of the License Manager trusts no licensing portal key. \
     The vendor must build it with TESSERA_TRUSTED_KEYS set to the portal's public keys.";

/// The language of the system's locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`).
pub fn system_language() -> Language {
    ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .map_or(Language::En, |value| Language::negotiate(&value))
}

/// Converts client results for the front end: errors in the customer's language.
pub trait Localize<T> {
    fn localized(self, manager: &Manager) -> Result<T>;
}

impl<T> Localize<T> for tessera_client::Result<T> {
    fn localized(self, manager: &Manager) -> Result<T> {
        self.map_err(|error| manager.error(&error))
    }
}

/// Converts a client status for the dashboard.
pub trait View {
    fn view(self, manager: &Manager) -> Result<StatusView>;
}

impl View for tessera_client::Result<Status> {
    fn view(self, manager: &Manager) -> Result<StatusView> {
        self.map(|status| manager.view(status)).localized(manager)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_points_the_app_at_a_product_folder_portal_and_keyring() {
        let vars = [
            ("TESSERA_PRODUCT", "acme-payroll"),
            ("TESSERA_STATE_DIR", "/tmp/tessera-state"),
            ("TESSERA_PORTAL_URL", " http://127.0.0.1:8080 "),
            ("TESSERA_KEYRING_SERVICE", "tessera-test-1"),
        ];

        let launch =
            Launch::from_vars("1.2.3", |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()));

        assert_eq!(launch.product, "acme-payroll");
        assert_eq!(launch.state_dir, Some(PathBuf::from("/tmp/tessera-state")));
        assert_eq!(launch.portal_url.as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(launch.keyring_service.as_deref(), Some("tessera-test-1"));
    }

    #[test]
    fn without_the_environment_the_app_manages_the_default_product_in_the_users_folder() {
        let launch = Launch::from_vars("1.2.3", |name| (name == "TESSERA_STATE_DIR").then(String::new));

        assert_eq!(launch.product, DEFAULT_PRODUCT);
        assert_eq!(launch.state_dir, None, "an empty variable counts as unset");
        assert_eq!(launch.portal_url, None);
        assert_eq!(launch.keyring_service, None);
    }
}
