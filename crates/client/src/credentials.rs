//! Secrets (machine key, portal token, activation key, proxy password): in the OS keyring, or
//! where there is none, in an encrypted file (mode 0600) in the state folder.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use chacha20poly1305::aead::{Aead as _, KeyInit as _};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hmac::{Hmac, Mac as _};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use tessera_core::encoding::{base64, hex, parse_base64, parse_hex, random_bytes};

use crate::error::{Error, Result};
use crate::files::{self, StateDir};

/// Names of the secrets the client keeps.
pub mod names {
    /// The machine's Ed25519 secret key.
    pub const MACHINE_KEY: &str = "machine-key";
    /// The customer portal session token.
    pub const PORTAL_TOKEN: &str = "portal-token";
    /// The activation key the license was activated with.
    pub const ACTIVATION_KEY: &str = "activation-key";
    /// The manual proxy's password.
    pub const PROXY_PASSWORD: &str = "proxy-password";
    /// The latest time this machine trusted, as kept beside the machine key: `state.json` may
    /// be deleted or edited, this record cannot be without the credential store.
    pub const TRUSTED_TIME: &str = "trusted-time";
}

/// Where secrets live, for telling the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StoreKind {
    /// The operating system's keyring (Secret Service, Keychain, Credential Manager).
    Keyring,
    /// The encrypted file at this path.
    EncryptedFile {
        /// The file.
        path: String,
    },
}

impl fmt::Display for StoreKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Keyring => f.write_str("system keyring"),
            Self::EncryptedFile { path } => write!(f, "encrypted file ({path})"),
        }
    }
}

/// The credential store in use.
pub struct CredentialStore {
    service: String,
    backend: Backend,
}

enum Backend {
    Keyring,
    File { path: PathBuf },
}

impl fmt::Debug for CredentialStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CredentialStore({})", self.kind())
    }
}

impl CredentialStore {
    /// The keyring when it works, else the encrypted file. `TESSERA_CREDENTIAL_STORE=file`
    /// forces the file (servers where a keyring would prompt).
    #[must_use]
    pub fn open(service: &str, state: &StateDir) -> Self {
        let forced_file = std::env::var("TESSERA_CREDENTIAL_STORE").is_ok_and(|v| v == "file");
        let backend = if !forced_file && keyring_works(service) {
            Backend::Keyring
        } else {
            Backend::File { path: state.file("credentials.enc") }
        };
        Self { service: service.to_owned(), backend }
    }

    /// The store of `product`'s secrets under the service name every Tessera program uses for it.
    #[must_use]
    pub fn for_product(product: &str, state: &StateDir) -> Self {
        Self::open(&format!("tessera:{product}"), state)
    }

    /// The encrypted file store, whatever the keyring can do.
    #[must_use]
    pub fn file(service: &str, state: &StateDir) -> Self {
        Self { service: service.to_owned(), backend: Backend::File { path: state.file("credentials.enc") } }
    }

    /// Which store this is.
    #[must_use]
    pub fn kind(&self) -> StoreKind {
        match &self.backend {
            Backend::Keyring => StoreKind::Keyring,
            Backend::File { path } => StoreKind::EncryptedFile { path: path.display().to_string() },
        }
    }

    /// A secret, if stored.
    pub fn get(&self, name: &str) -> Result<Option<String>> {
        match &self.backend {
            Backend::Keyring => match entry(&self.service, name)?.get_password() {
                Ok(secret) => Ok(Some(secret)),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(e) => Err(Error::Credentials(format!("the keyring refused to read {name}: {e}"))),
            },
            Backend::File { path } => Ok(read_file(path, &self.service)?.remove(name)),
        }
    }

    /// Stores a secret, replacing any old one.
    pub fn set(&self, name: &str, secret: &str) -> Result<()> {
        match &self.backend {
            Backend::Keyring => entry(&self.service, name)?
                .set_password(secret)
                .map_err(|e| Error::Credentials(format!("the keyring refused to store {name}: {e}"))),
            Backend::File { path } => {
                let mut secrets = read_file(path, &self.service)?;
                secrets.insert(name.to_owned(), secret.to_owned());
                write_file(path, &self.service, &secrets)
            }
        }
    }

    /// Forgets a secret (nothing happens if there is none).
    pub fn delete(&self, name: &str) -> Result<()> {
        match &self.backend {
            Backend::Keyring => match entry(&self.service, name)?.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(Error::Credentials(format!("the keyring refused to delete {name}: {e}"))),
            },
            Backend::File { path } => {
                let mut secrets = read_file(path, &self.service)?;
                if secrets.remove(name).is_some() {
                    write_file(path, &self.service, &secrets)?;
                }
                Ok(())
            }
        }
    }
}

fn entry(service: &str, name: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(service, name).map_err(|e| Error::Credentials(format!("the keyring cannot be opened: {e}")))
}

/// Whether the keyring answers: a missing probe entry is a working keyring; a platform
/// failure (no D-Bus, no Secret Service) or a locked store is not.
fn keyring_works(service: &str) -> bool {
    match keyring::Entry::new(service, "probe").map(|e| e.get_password()) {
        Ok(Ok(_) | Err(keyring::Error::NoEntry)) => true,
        Ok(Err(_)) | Err(_) => false,
    }
}

/// The encrypted file: ChaCha20-Poly1305 under a key derived from this machine's id and a
/// random salt. It keeps secrets from anyone who copies the file elsewhere or reads a
/// backup; it cannot keep them from an administrator of this machine (nothing can without a keyring).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedFile {
    v: u32,
    salt: String,
    nonce: String,
    ciphertext: String,
}

fn file_key(service: &str, salt: &[u8; 16]) -> Result<Key> {
    let machine_id =
        machine_uid::get().map_err(|e| Error::Credentials(format!("no machine id to derive a key: {e}")))?;
    let mut mac = <Hmac<Sha256> as hmac::Mac>::new_from_slice(machine_id.trim().as_bytes())
        .map_err(|e| Error::Credentials(e.to_string()))?;
    mac.update(b"tessera/credential-file/v1\n");
    mac.update(service.as_bytes());
    mac.update(b"\n");
    mac.update(salt);
    Ok(Key::from(<[u8; 32]>::from(mac.finalize().into_bytes())))
}

fn read_file(path: &std::path::Path, service: &str) -> Result<BTreeMap<String, String>> {
    let Some(text) = files::read_optional(path)? else { return Ok(BTreeMap::new()) };
    let corrupt = || Error::StateCorrupt { path: path.display().to_string() };
    let sealed: SealedFile = serde_json::from_str(&text).map_err(|_| corrupt())?;
    let salt: [u8; 16] = parse_hex(&sealed.salt).ok_or_else(corrupt)?;
    let nonce: [u8; 12] = parse_hex(&sealed.nonce).ok_or_else(corrupt)?;
    let ciphertext = parse_base64(&sealed.ciphertext).ok_or_else(corrupt)?;
    let plain = ChaCha20Poly1305::new(&file_key(service, &salt)?)
        .decrypt(&Nonce::from(nonce), ciphertext.as_slice())
        .map_err(|_| corrupt())?;
    serde_json::from_slice(&plain).map_err(|_| corrupt())
}

fn write_file(path: &std::path::Path, service: &str, secrets: &BTreeMap<String, String>) -> Result<()> {
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 12];
    random_bytes(&mut salt)?;
    random_bytes(&mut nonce)?;
    let plain = serde_json::to_vec(secrets).map_err(|e| Error::Credentials(e.to_string()))?;
    let ciphertext = ChaCha20Poly1305::new(&file_key(service, &salt)?)
        .encrypt(&Nonce::from(nonce), plain.as_slice())
        .map_err(|_| Error::Credentials("encryption failed".into()))?;
    let sealed = SealedFile { v: 1, salt: hex(&salt), nonce: hex(&nonce), ciphertext: base64(&ciphertext) };
    let text = serde_json::to_string_pretty(&sealed).map_err(|e| Error::Credentials(e.to_string()))?;
    files::write_atomic(path, text.as_bytes(), true)
}
