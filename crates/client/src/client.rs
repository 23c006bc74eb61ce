//! The operations the License Manager and the CLI offer, on one machine and one product.

use serde::{Deserialize, Serialize};
use tessera_core::api::MachineCall;
use tessera_core::{
    ActivationKey, ActivationRequest, ActivationRequestPayload, ActivationResponse, Clock, DeactivationReceipt,
    DeactivationReceiptPayload, Fingerprint, Grant, InstallationKey, LicenseFile, LicenseState, MachineFacts, Nonce,
    PublicKeySet, RegistrationKey, SigningKey, Timestamp, evaluate,
};

use crate::credentials::{CredentialStore, StoreKind, names};
use crate::error::{Error, Result};
use crate::files::{self, StateDir};
use crate::portal::{PortalClient, Timeouts};
use crate::settings::{ProxyMode, Settings};
use crate::state::{LocalState, Registration};

const LICENSE_FILE: &str = "license.lic";
const SETTINGS_FILE: &str = "settings.json";
/// Where [`Client::open_repairing`] puts a settings file it cannot read.
const SETTINGS_SET_ASIDE: &str = "settings.damaged.json";

/// How far the clock may move past the trusted time kept in the credential store before it is
/// written there again: well inside `Clock::DEFAULT_TOLERANCE`, so that record alone still
/// catches a clock turned back, without a keyring write at every check.
const CHECKPOINT_EVERY_SECONDS: i64 = 3600;

/// What a client is for.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// The vendor's product id, e.g. `acme-ledger`.
    pub product: String,
    /// The program's version, sent with activations.
    pub app_version: String,
    /// Where the license, state and settings live.
    pub state_dir: StateDir,
    /// The portal keys this build trusts.
    pub trusted_keys: PublicKeySet,
    /// This machine's facts; `None` reads them from the system (tests inject them).
    pub machine: Option<MachineFacts>,
}

/// The License Manager's and CLI's view of the license on this machine.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The license state, with the verified license when there is one.
    #[serde(flatten)]
    pub state: LicenseState,
    /// The state's code (`VALID`, `GRACE`, ...).
    pub code: &'static str,
    /// What the customer reads.
    pub message: String,
    /// This machine's fingerprint for the product.
    pub fingerprint: String,
    /// This machine's name.
    pub hostname: String,
    /// When the license was last synchronised with the portal.
    pub last_sync: Option<Timestamp>,
    /// The portal's address.
    pub portal_url: String,
    /// Where secrets are kept.
    pub credential_store: StoreKind,
    /// The folder of the license file.
    pub state_dir: String,
    /// Whether an offline activation request waits for its response.
    pub pending_request: bool,
    /// A registration by installation key, when there is one.
    pub registration: Option<RegistrationStatus>,
}

/// A registration key's grant, as shown.
#[derive(Debug, Clone, Serialize)]
pub struct RegistrationStatus {
    pub seats: u16,
    pub expires: Option<String>,
    pub support_until: Option<String>,
}

#[derive(Debug, Deserialize)]
struct LicenseAnswer {
    license: String,
    #[serde(default)]
    machine_id: Option<String>,
}

/// The license held here, as [`Client::activate`] looks at it.
struct Held {
    serial: String,
    state: LicenseState,
}

/// The settings saved in `dir`, the defaults when none are; `STATE_CORRUPT` when they cannot be read.
fn read_settings(dir: &StateDir) -> Result<Settings> {
    let file = dir.file(SETTINGS_FILE);
    match files::read_optional(&file)? {
        None => Ok(Settings::default()),
        Some(text) => serde_json::from_str(&text).map_err(|_| Error::StateCorrupt { path: file.display().to_string() }),
    }
}

/// A client opened by [`Client::open_repairing`], and what it found.
#[derive(Debug)]
pub struct Opened {
    pub client: Client,
    /// Where a settings file that could not be read was set aside; defaults are in effect.
    pub settings_set_aside: Option<std::path::PathBuf>,
    /// No settings were saved here before: the first run of this installation.
    pub first_run: bool,
}

/// One machine's license client.
#[derive(Debug)]
pub struct Client {
    config: ClientConfig,
    store: CredentialStore,
    settings: Settings,
    facts: MachineFacts,
    fingerprint: Fingerprint,
    timeouts: Timeouts,
}

impl Client {
    /// Opens the client: reads the settings, picks the credential store, computes the fingerprint.
    pub fn open(config: ClientConfig) -> Result<Self> {
        let store = CredentialStore::for_product(&config.product, &config.state_dir);
        Self::with_store(config, store)
    }

    /// Same, with a credential store of the caller's choosing.
    pub fn with_store(config: ClientConfig, store: CredentialStore) -> Result<Self> {
        let settings = read_settings(&config.state_dir)?;
        Self::with_settings(config, store, settings)
    }

    fn with_settings(config: ClientConfig, store: CredentialStore, settings: Settings) -> Result<Self> {
        let facts = match &config.machine {
            Some(facts) => facts.clone(),
            None => MachineFacts::collect()?,
        };
        let fingerprint = Fingerprint::compute(&config.product, &facts)?;
        Ok(Self { config, store, settings, facts, fingerprint, timeouts: Timeouts::default() })
    }

    /// Opens the client as the License Manager does, so that damaged settings never keep a
    /// customer from their license: a settings file that cannot be read is renamed
    /// `settings.damaged.json` (kept for support to look at) and the defaults are used.
    pub fn open_repairing(config: ClientConfig, store: CredentialStore) -> Result<Opened> {
        let settings_file = config.state_dir.file(SETTINGS_FILE);
        let first_run = !settings_file.exists();
        let (settings, settings_set_aside) = match read_settings(&config.state_dir) {
            Ok(settings) => (settings, None),
            Err(Error::StateCorrupt { .. }) => {
                let aside = config.state_dir.file(SETTINGS_SET_ASIDE);
                std::fs::rename(&settings_file, &aside).map_err(|error| Error::Storage {
                    path: settings_file.display().to_string(),
                    detail: error.to_string(),
                })?;
                (Settings::default(), Some(aside))
            }
            Err(other) => return Err(other),
        };
        let client = Self::with_settings(config, store, settings)?;
        Ok(Opened { client, settings_set_aside, first_run })
    }

    /// The settings in effect.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Checks and saves new settings; a proxy password goes to the credential store. A manual
    /// proxy's address, user and password are kept only while the manual proxy is chosen.
    pub fn save_settings(&mut self, mut settings: Settings, proxy_password: Option<&str>) -> Result<()> {
        settings.validate()?;
        let proxy_password = if settings.proxy.mode == ProxyMode::Manual {
            proxy_password
        } else {
            settings.proxy.url.clear();
            settings.proxy.username = None;
            Some("")
        };
        let text = serde_json::to_string_pretty(&settings).map_err(|e| Error::Settings(e.to_string()))?;
        files::write_atomic(&self.config.state_dir.file(SETTINGS_FILE), text.as_bytes(), false)?;
        match proxy_password {
            Some("") => self.store.delete(names::PROXY_PASSWORD)?,
            Some(password) => self.store.set(names::PROXY_PASSWORD, password)?,
            None => {}
        }
        self.settings = settings;
        Ok(())
    }

    /// Where secrets are kept.
    #[must_use]
    pub fn credential_store(&self) -> StoreKind {
        self.store.kind()
    }

    /// This machine's fingerprint.
    #[must_use]
    pub fn fingerprint(&self) -> &Fingerprint {
        &self.fingerprint
    }

    /// How long portal calls may take (10 s to connect, 30 s in all unless set here).
    pub fn set_timeouts(&mut self, timeouts: Timeouts) {
        self.timeouts = timeouts;
    }

    fn portal(&self) -> Result<PortalClient> {
        let password = self.store.get(names::PROXY_PASSWORD)?;
        PortalClient::with_timeouts(
            &self.settings,
            self.config.trusted_keys.clone(),
            password.as_deref(),
            self.timeouts,
        )
    }

    fn license_path(&self) -> std::path::PathBuf {
        self.config.state_dir.file(LICENSE_FILE)
    }

    /// The license state, offline: no network, only the files here, the credential store and
    /// the clock.
    pub fn status(&self) -> Result<Status> {
        let mut state = LocalState::load(&self.config.state_dir)?;
        let (status, trusted_now) = self.judge(&mut state)?;
        if trusted_now {
            // Best effort: a read-only state folder must not stop a status check.
            let _ = state.save(&self.config.state_dir);
        }
        Ok(status)
    }

    /// The license state from the files here and `state` as loaded: no network. When the time
    /// now can be trusted, `state` takes it in memory (`true`: the caller saves it).
    fn judge(&self, state: &mut LocalState) -> Result<(Status, bool)> {
        let license = match files::read_signed_optional(&self.license_path(), tessera_core::FileKind::License) {
            Ok(None) => Ok(None),
            Ok(Some(text)) => LicenseFile::decode(&text).map(Some),
            Err(crate::Error::Format(damaged)) => Err(damaged),
            Err(other) => return Err(other),
        };
        let now = Timestamp::now();
        let checkpoint = self.checkpoint()?;
        let trusted = state.latest_trusted.max(checkpoint);
        let judged = match license {
            Ok(file) => {
                evaluate(file.as_ref(), &self.config.trusted_keys, &self.fingerprint, &Clock::at(now).trusting(trusted))
            }
            Err(error) => LicenseState::Invalid { code: error.code(), message: error.to_string() },
        };
        let judged = match judged {
            // A license kept here always has its checkpoint: without one, the record of time
            // was removed, and only the portal can say what time it is.
            LicenseState::Valid { license }
            | LicenseState::Grace { license, .. }
            | LicenseState::Expired { license, .. }
                if checkpoint.is_none() =>
            {
                LicenseState::TimeUnconfirmed { license }
            }
            other => other,
        };
        let time_in_doubt = matches!(judged, LicenseState::ClockTampered { .. } | LicenseState::TimeUnconfirmed { .. });
        let trusted_now = !time_in_doubt && trusted.is_none_or(|t| t < now);
        if trusted_now {
            state.trust(now);
            if checkpoint.is_some_and(|kept| (now.unix() - kept.unix()) >= CHECKPOINT_EVERY_SECONDS) {
                let _ = self.store.set(names::TRUSTED_TIME, &now.to_string());
            }
        }
        // The registration key is verified once, for the state and for what is shown of it.
        let grant = self.registration_grant(state);
        // No license file here, but a registration key in force: the computer is registered.
        let judged = match (judged, &grant) {
            (LicenseState::NotActivated, Some(grant)) => {
                LicenseState::registered(grant, now.datetime().date_naive()).unwrap_or(LicenseState::NotActivated)
            }
            (judged, _) => judged,
        };
        let registration = grant.map(|grant| RegistrationStatus {
            seats: grant.seats,
            expires: grant.expires.map(|d| d.to_string()),
            support_until: grant.support_until.map(|d| d.to_string()),
        });
        let status = Status {
            code: judged.code(),
            message: judged.message(),
            state: judged,
            fingerprint: self.fingerprint.digest().to_hex(),
            hostname: self.facts.hostname.clone().unwrap_or_default(),
            last_sync: state.last_sync,
            portal_url: self.settings.portal_url.clone(),
            credential_store: self.store.kind(),
            state_dir: self.config.state_dir.path().display().to_string(),
            pending_request: state.pending_request.is_some(),
            registration,
        };
        Ok((status, trusted_now))
    }

    /// The trusted time kept in the credential store; an unreadable value counts as none.
    fn checkpoint(&self) -> Result<Option<Timestamp>> {
        Ok(self.store.get(names::TRUSTED_TIME)?.as_deref().and_then(Timestamp::parse))
    }

    /// The grant of the registration key kept here, when it verifies for its installation key.
    fn registration_grant(&self, state: &LocalState) -> Option<Grant> {
        let registration = state.registration.as_ref()?;
        let install = InstallationKey::parse(&registration.installation_key).ok()?;
        RegistrationKey::parse(&registration.registration_key).ok()?.verify(&install, &self.config.trusted_keys).ok()
    }

    /// The machine key, created and stored on first use.
    fn machine_key(&self) -> Result<SigningKey> {
        if let Some(secret) = self.store.get(names::MACHINE_KEY)? {
            return Ok(SigningKey::from_secret_text(&secret)?);
        }
        let key = SigningKey::generate()?;
        self.store.set(names::MACHINE_KEY, &key.to_secret_text())?;
        Ok(key)
    }

    fn request(&self, key: &ActivationKey) -> Result<ActivationRequest> {
        let machine = self.machine_key()?;
        let payload = ActivationRequestPayload {
            activation_key: key.clone(),
            product: self.config.product.clone(),
            fingerprint: self.fingerprint.digest(),
            components: self.fingerprint.components().clone(),
            hostname: self.facts.hostname.clone().unwrap_or_else(|| "unknown".into()),
            app_version: self.config.app_version.clone(),
            nonce: Nonce::generate()?,
            created: Timestamp::now(),
            machine_key: machine.public_key(),
            kid: machine.kid(),
        };
        Ok(ActivationRequest::sign(&payload, &machine)?)
    }

    /// Checks a license file from the portal and keeps it; `state` takes it in memory, for
    /// [`Client::kept`] to save.
    fn keep_license(&self, text: &str, state: &mut LocalState, portal_time: Option<Timestamp>) -> Result<()> {
        let file = LicenseFile::decode(text)?;
        let payload = file.verify(&self.config.trusted_keys)?;
        if payload.product != self.config.product {
            return Err(tessera_core::Error::ProductMismatch {
                expected: self.config.product.clone(),
                found: payload.product,
            }
            .into());
        }
        if payload.fingerprint != self.fingerprint.digest() {
            return Err(tessera_core::Error::ResponseMismatch.into());
        }
        files::write_atomic(&self.license_path(), text.as_bytes(), false)?;
        state.license_id = Some(payload.license_id);
        state.last_sync = Some(portal_time.unwrap_or(payload.issued));
        match portal_time {
            // The portal's signed time is the authority: it replaces what this machine trusted,
            // even a time a clock set ahead made it trust.
            Some(time) => state.latest_trusted = Some(time.max(payload.issued)),
            // Offline, the file's signed issue time is all there is: it only ever raises.
            None => {
                state.latest_trusted = state.latest_trusted.max(self.checkpoint().ok().flatten());
                state.trust(payload.issued);
            }
        }
        let trusted = state.latest_trusted.unwrap_or(payload.issued);
        self.store.set(names::TRUSTED_TIME, &trusted.to_string())
    }

    /// After a license was kept: the state it leaves, and `state` saved once with it.
    fn kept(&self, state: &mut LocalState) -> Result<Status> {
        let (status, _) = self.judge(state)?;
        state.save(&self.config.state_dir)?;
        Ok(status)
    }

    /// Online activation with a key as the customer typed it. A typo is caught before any
    /// network call. A computer already activated with this key, its license usable, is told
    /// so (`ALREADY_ACTIVATED`) and nothing is sent; one holding another license is refused
    /// with `LICENSE_HELD`, and [`Client::replace_license`] does it once the customer agreed.
    pub async fn activate(&mut self, key: &str) -> Result<Status> {
        let key = ActivationKey::parse(key)?;
        let mut state = LocalState::load(&self.config.state_dir)?;
        if let Some(held) = self.held(&mut state)? {
            let same_key = self.store.get(names::ACTIVATION_KEY)?.is_some_and(|kept| kept == key.as_str());
            match (same_key, held.state.is_usable()) {
                (true, true) => return Err(Error::AlreadyActivated { serial: held.serial }),
                // The same key for a license no longer usable: activating again may move the
                // seat to a usable license of the key.
                (true, false) => {}
                (false, _) => return Err(Error::LicenseHeld { serial: held.serial }),
            }
        }
        self.activate_key(key, state).await
    }

    /// Replaces the license held here by the license of `key`: the old seat is given back online
    /// first (so it is not left taken on the portal), then the key is activated.
    pub async fn replace_license(&mut self, key: &str) -> Result<Status> {
        let key = ActivationKey::parse(key)?;
        if self.held(&mut LocalState::load(&self.config.state_dir)?)?.is_some() {
            self.deactivate().await?;
        }
        let state = LocalState::load(&self.config.state_dir).unwrap_or_default();
        self.activate_key(key, state).await
    }

    /// The license this computer holds, if its file here is genuine: its serial and state. A
    /// missing, damaged or foreign file holds nothing worth asking about, so activating simply
    /// goes ahead, as it always did for a computer without a usable file.
    fn held(&self, state: &mut LocalState) -> Result<Option<Held>> {
        let state = self.judge(state)?.0.state;
        Ok(state.license().map(|license| license.serial.clone()).map(|serial| Held { serial, state }))
    }

    async fn activate_key(&mut self, key: ActivationKey, mut state: LocalState) -> Result<Status> {
        // Each attempt sends a request signed anew, with its own nonce.
        let answer = self
            .portal()?
            .post::<_, LicenseAnswer>("/api/v1/activations", || {
                Ok(serde_json::json!({ "request": self.request(&key)?.to_string() }))
            })
            .await?;
        state.machine_id = answer.body.machine_id;
        self.keep_license(&answer.body.license, &mut state, answer.portal_time)?;
        self.store.set(names::ACTIVATION_KEY, key.as_str())?;
        self.kept(&mut state)
    }

    /// Named-user activation: the company account `email` with `password` (sent in this one
    /// request, never kept) takes a place on the seat its company administrator bound to it.
    /// A computer holding a usable license is told so (`ALREADY_ACTIVATED` when it is this
    /// account's, else `LICENSE_HELD`); one whose license is no longer usable (an unbound seat,
    /// an ended term) activates again. Only the machine key is kept, in the credential store.
    pub async fn activate_user(&mut self, email: &str, password: &str) -> Result<Status> {
        self.activate_named(email, UserProof::Password(password)).await
    }

    /// Asks the portal to mail a one-time code to `email`, for [`Client::activate_user_with_code`]
    /// instead of the password. The portal answers the same whether an account has the address
    /// or not; the minutes the code works.
    pub async fn request_user_code(&self, email: &str) -> Result<u32> {
        #[derive(serde::Deserialize)]
        struct Sent {
            minutes: u32,
        }
        let answer = self
            .portal()?
            .post::<_, Sent>("/api/v1/user-activations/codes", || Ok(serde_json::json!({ "email": email.trim() })))
            .await?;
        Ok(answer.body.minutes)
    }

    /// [`Client::activate_user`] with the one-time code mailed to `email` instead of the password
    /// (`USER_CODE_WRONG`, `USER_CODE_EXPIRED` when it cannot be used).
    pub async fn activate_user_with_code(&mut self, email: &str, code: &str) -> Result<Status> {
        self.activate_named(email, UserProof::Code(code)).await
    }

    async fn activate_named(&mut self, email: &str, proof: UserProof<'_>) -> Result<Status> {
        let mut state = LocalState::load(&self.config.state_dir).unwrap_or_default();
        if let Some(held) = self.held(&mut state)?
            && held.state.is_usable()
        {
            let same_user = held
                .state
                .license()
                .and_then(|l| l.user.as_deref())
                .is_some_and(|u| u.eq_ignore_ascii_case(email.trim()));
            return Err(if same_user {
                Error::AlreadyActivated { serial: held.serial }
            } else {
                Error::LicenseHeld { serial: held.serial }
            });
        }
        let named = ActivationKey::named_user();
        let answer = self
            .portal()?
            .post::<_, LicenseAnswer>("/api/v1/user-activations", || {
                let request = self.request(&named)?.to_string();
                Ok(match proof {
                    UserProof::Password(password) => {
                        serde_json::json!({ "email": email.trim(), "password": password, "request": request })
                    }
                    UserProof::Code(code) => {
                        serde_json::json!({ "email": email.trim(), "code": code.trim(), "request": request })
                    }
                })
            })
            .await?;
        state.machine_id = answer.body.machine_id;
        self.keep_license(&answer.body.license, &mut state, answer.portal_time)?;
        // Refresh must not fall back on a key of an earlier activation.
        self.store.delete(names::ACTIVATION_KEY)?;
        self.kept(&mut state)
    }

    /// Synchronises with the portal: a new license file reflecting the license as it stands.
    /// If the local files are damaged but the activation key is kept, activates again instead.
    pub async fn refresh(&mut self) -> Result<Status> {
        let state = LocalState::load(&self.config.state_dir);
        let license_id = match &state {
            Ok(state) => state.license_id.clone(),
            Err(_) => None,
        };
        let Some(license_id) = license_id else {
            return match self.store.get(names::ACTIVATION_KEY)? {
                Some(key) => self.activate_key(ActivationKey::parse(&key)?, state.unwrap_or_default()).await,
                None => Err(state.err().unwrap_or(Error::NotActivated)),
            };
        };
        let machine = self.machine_key()?;
        let answer = self
            .portal()?
            .post_signed::<_, LicenseAnswer>("/api/v1/refresh", || self.machine_call(&license_id), &machine)
            .await?;
        let mut state = state.unwrap_or_default();
        self.keep_license(&answer.body.license, &mut state, answer.portal_time)?;
        self.kept(&mut state)
    }

    /// A machine call about `license_id`, with a nonce of its own.
    fn machine_call(&self, license_id: &str) -> Result<MachineCall> {
        Ok(MachineCall {
            license_id: license_id.to_owned(),
            fingerprint: self.fingerprint.digest(),
            nonce: Nonce::generate()?,
            created: Timestamp::now(),
        })
    }

    fn forget_license(&self) -> Result<()> {
        files::remove(&self.license_path())?;
        let mut state = LocalState::load(&self.config.state_dir).unwrap_or_default();
        state.license_id = None;
        state.machine_id = None;
        state.save(&self.config.state_dir)?;
        self.store.delete(names::ACTIVATION_KEY)
    }

    fn license_id(&self) -> Result<String> {
        LocalState::load(&self.config.state_dir)?.license_id.ok_or(Error::NotActivated)
    }

    /// Gives this machine's seat back online, then forgets the license here.
    pub async fn deactivate(&mut self) -> Result<()> {
        let license_id = self.license_id()?;
        let machine = self.machine_key()?;
        let answer = self
            .portal()?
            .post_signed::<_, serde_json::Value>("/api/v1/deactivate", || self.machine_call(&license_id), &machine)
            .await;
        match answer {
            // The portal holds no seat for this machine (freed already, perhaps by an attempt
            // whose answer was lost): what the customer asked for is true.
            Ok(_) => {}
            Err(Error::Portal { code, .. }) if code == "NOT_ACTIVATED" => {}
            Err(error) => return Err(error),
        }
        self.forget_license()
    }

    /// Offline deactivation: forgets the license here and returns the receipt to upload on the
    /// portal, which frees the seat.
    pub fn deactivation_receipt(&mut self) -> Result<String> {
        self.deactivation_receipt_kept(|_| Ok(()))
    }

    /// The same, for a caller that must keep the receipt somewhere first (a file): `keep` gets the
    /// receipt, and only once it succeeded is the license forgotten. Were the license forgotten
    /// with the receipt lost, the seat would stay taken with nothing left to free it.
    pub fn deactivation_receipt_kept(&mut self, keep: impl FnOnce(&str) -> Result<()>) -> Result<String> {
        let machine = self.machine_key()?;
        let payload = DeactivationReceiptPayload {
            license_id: self.license_id()?,
            product: self.config.product.clone(),
            fingerprint: self.fingerprint.digest(),
            nonce: Nonce::generate()?,
            created: Timestamp::now(),
            machine_key: machine.public_key(),
            kid: machine.kid(),
        };
        let receipt = DeactivationReceipt::sign(&payload, &machine)?.to_string();
        keep(&receipt)?;
        self.forget_license()?;
        Ok(receipt)
    }

    /// Offline activation, step 1: the request file to take to a computer with internet access.
    pub fn export_request(&mut self, key: &str) -> Result<String> {
        let key = ActivationKey::parse(key)?;
        let text = self.request(&key)?.to_string();
        let mut state = LocalState::load(&self.config.state_dir).unwrap_or_default();
        state.pending_request = Some(text.clone());
        state.save(&self.config.state_dir)?;
        self.store.set(names::ACTIVATION_KEY, key.as_str())?;
        Ok(text)
    }

    /// Offline activation, step 2: the response file from the portal.
    pub fn import_response(&mut self, text: &str) -> Result<Status> {
        let mut state = LocalState::load(&self.config.state_dir)?;
        let pending = state.pending_request.clone().ok_or(Error::NoPendingRequest)?;
        let request = ActivationRequest::decode(&pending)?;
        let response = ActivationResponse::decode(text)?;
        let (license, _) = response.license_for(&request, &self.config.trusted_keys)?;
        state.pending_request = None;
        self.keep_license(license.as_str(), &mut state, None)?;
        self.kept(&mut state)
    }

    /// Activation by phone or e-mail, step 1: the installation key to read out or paste.
    pub fn installation_key(&mut self, seats: u16) -> Result<String> {
        let version = parse_version(&self.config.app_version);
        let key = InstallationKey::new(&self.config.product, version, seats, self.fingerprint.digest()).to_string();
        let mut state = LocalState::load(&self.config.state_dir).unwrap_or_default();
        state.pending_installation_key = Some(key.clone());
        state.save(&self.config.state_dir)?;
        Ok(key)
    }

    /// Step 2: the registration key the portal gave for it.
    pub fn enter_registration_key(&mut self, text: &str) -> Result<Grant> {
        let mut state = LocalState::load(&self.config.state_dir)?;
        let install_text = state.pending_installation_key.clone().ok_or(Error::NoPendingRequest)?;
        let install = InstallationKey::parse(&install_text)?;
        let registration = RegistrationKey::parse(text)?;
        let grant = registration.verify(&install, &self.config.trusted_keys)?;
        state.registration =
            Some(Registration { installation_key: install_text, registration_key: registration.to_string() });
        state.save(&self.config.state_dir)?;
        Ok(grant)
    }

    /// Signs in to the customer portal with e-mail and any order number; keeps the token.
    pub async fn sign_in(&mut self, email: &str, order: &str) -> Result<()> {
        #[derive(Deserialize)]
        struct Session {
            token: String,
        }
        let answer = self
            .portal()?
            .post::<_, Session>("/api/v1/session", || {
                Ok(serde_json::json!({ "email": email, "order_reference": order }))
            })
            .await?;
        self.store.set(names::PORTAL_TOKEN, &answer.body.token)
    }

    /// Forgets the portal session.
    pub fn sign_out(&mut self) -> Result<()> {
        self.store.delete(names::PORTAL_TOKEN)
    }

    /// A customer-portal resource (`/api/v1/me`, `/api/v1/me/licenses`, `/api/v1/me/supports`).
    pub async fn customer<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T> {
        let token = self.store.get(names::PORTAL_TOKEN)?.ok_or(Error::NotSignedIn)?;
        match self.portal()?.get::<T>(path, Some(&token)).await {
            Err(Error::Portal { code, .. }) if code == "UNAUTHENTICATED" => {
                self.store.delete(names::PORTAL_TOKEN)?;
                Err(Error::NotSignedIn)
            }
            other => other.map(|answer| answer.body),
        }
    }

    /// A diagnostics report for support: versions, folders, settings and state, never a key,
    /// token or password.
    pub fn diagnostics(&self) -> String {
        let status = self.status();
        let report = serde_json::json!({
            "tessera_client": env!("CARGO_PKG_VERSION"),
            "app_version": self.config.app_version,
            "product": self.config.product,
            "os": std::env::consts::OS,
            "arch": std::env::consts::ARCH,
            "state_dir": self.config.state_dir.path().display().to_string(),
            "credential_store": self.store.kind().to_string(),
            "settings": {
                "portal_url": self.settings.portal_url,
                "proxy_mode": self.settings.proxy.mode,
                "proxy_url": crate::portal::without_credentials(&self.settings.proxy.url),
                "language": self.settings.language,
                "auto_refresh_hours": self.settings.auto_refresh_hours,
            },
            "fingerprint": self.fingerprint.digest().to_hex(),
            "components": self.fingerprint.components(),
            "status": status.as_ref().map(|s| s.code).unwrap_or("UNREADABLE"),
            "message": status.as_ref().map_or_else(ToString::to_string, |s| s.message.clone()),
            "serial": status.as_ref().ok().and_then(|s| s.state.license()).map(|l| l.serial.clone()),
            "last_sync": status.as_ref().ok().and_then(|s| s.last_sync).map(|t| t.to_string()),
            "trusted_keys": self.config.trusted_keys.iter().map(|k| k.kid().to_hex()).collect::<Vec<_>>(),
        });
        serde_json::to_string_pretty(&report).unwrap_or_default()
    }
}

fn parse_version(version: &str) -> (u8, u8) {
    let mut parts = version.split('.').map(|p| p.parse::<u8>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The portal keys this build trusts: those compiled in through `TESSERA_TRUSTED_KEYS` and,
/// in debug builds only, those in the same variable at run time (demos and tests). A release
/// build never reads trusted keys from anything a user can change.
pub fn trusted_keys() -> Result<PublicKeySet> {
    let mut list: Vec<String> = option_env!("TESSERA_TRUSTED_KEYS").map(str::to_owned).into_iter().collect();
    if cfg!(debug_assertions)
        && let Ok(runtime) = std::env::var("TESSERA_TRUSTED_KEYS")
    {
        list.push(runtime);
    }
    let joined = list.join(",");
    PublicKeySet::parse_list(&joined).map_err(|_| {
        Error::Settings(
            "This build trusts no portal key: build it with TESSERA_TRUSTED_KEYS set to the portal's public keys."
                .into(),
        )
    })
}

/// How a company account proves itself to the portal; neither is kept.
#[derive(Clone, Copy)]
enum UserProof<'a> {
    Password(&'a str),
    Code(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::io;

    /// A client on a fresh folder, pointed at a demo portal in this process.
    async fn client_of_demo(name: &str) -> (Client, String, std::path::PathBuf) {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let root = std::env::temp_dir().join(format!("tessera-client-unit-{name}-{}-{nanos}", std::process::id()));
        let portal =
            tessera_portal::demo::DemoPortal::start(root.join("portal")).await.expect("the demo portal starts");
        let state_dir = StateDir::at(root.join("state"));
        let config = ClientConfig {
            product: "acme-ledger".into(),
            app_version: "7.2.0".into(),
            state_dir: state_dir.clone(),
            trusted_keys: PublicKeySet::parse_list(&portal.trusted_keys).expect("keys"),
            machine: Some(MachineFacts {
                machine_id: format!("unit-test-{name}"),
                hostname: Some("UNIT-PC".into()),
                mac: None,
                cpu: None,
                os: None,
            }),
        };
        let mut client = Client::with_store(config, CredentialStore::file("tessera-unit", &state_dir)).expect("client");
        let settings = Settings {
            portal_url: portal.url.clone(),
            proxy: crate::settings::ProxySettings { mode: ProxyMode::None, ..Default::default() },
            ..Settings::default()
        };
        client.save_settings(settings, None).expect("settings");
        (client, portal.demo.customers[0].activation_key.clone(), root)
    }

    // One thread (the default test runtime): the counters are this thread's.
    #[tokio::test]
    async fn an_activation_and_a_refresh_read_and_write_the_state_once_each() {
        let (mut client, key, root) = client_of_demo("state-io").await;
        io::take();

        let status = client.activate(&key).await.expect("activates");
        assert_eq!(status.code, "VALID");
        assert_eq!(io::take(), (1, 1), "(loads, saves) of state.json for one activation");

        assert_eq!(client.refresh().await.expect("refreshes").code, "VALID");
        assert_eq!(io::take(), (1, 1), "(loads, saves) of state.json for one refresh");

        assert_eq!(client.status().expect("status").code, "VALID");
        let (loads, saves) = io::take();
        assert_eq!(loads, 1, "a status check reads the state once");
        assert!(saves <= 1, "and writes it at most once: {saves}");
        let _ = std::fs::remove_dir_all(root);
    }
}
