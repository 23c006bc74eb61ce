//! The portal's signing key: created on first start (mode 0600) or read from a path; retired keys stay published.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use tessera_core::{PublicKey, PublicKeySet, SigningKey};

use crate::error::{Error, Result};

/// The key that signs now, and every key that ever signed (so old files still verify).
#[derive(Debug, Clone)]
pub struct KeyRing {
    /// Signs everything issued from now on.
    pub current: SigningKey,
    /// Keys retired by rotation, still published and trusted.
    pub retired: Vec<PublicKey>,
}

impl KeyRing {
    /// Every public key, current first.
    pub fn trusted(&self) -> Result<PublicKeySet> {
        PublicKeySet::from_keys(std::iter::once(self.current.public_key()).chain(self.retired.iter().copied()))
            .map_err(Error::from)
    }

    /// Reads the key at `path`, creating it (0600) if it does not exist, and the retired keys
    /// listed beside it in `<path>.retired`.
    pub fn load_or_create(path: &Path) -> Result<Self> {
        let current = match std::fs::read_to_string(path) {
            Ok(text) => SigningKey::from_secret_text(&text)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = SigningKey::generate()?;
                write_secret(path, &key.to_secret_text())?;
                tracing::info!(kid = %key.kid(), path = %path.display(), "created a new signing key");
                key
            }
            Err(e) => return Err(Error::Internal(format!("cannot read the signing key {}: {e}", path.display()))),
        };
        let retired = match std::fs::read_to_string(retired_path(path)) {
            Ok(text) => PublicKeySet::parse_list(&text)?.iter().copied().collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Error::Internal(format!("cannot read the retired keys: {e}"))),
        };
        Ok(Self { current, retired })
    }

    /// Retires the current key (its public half stays published) and creates a new one.
    pub fn rotate(path: &Path) -> Result<Self> {
        let old = Self::load_or_create(path)?;
        let mut retired: Vec<String> = old.retired.iter().map(PublicKey::to_base64).collect();
        retired.insert(0, old.current.public_key().to_base64());
        write_file(&retired_path(path), &format!("{}\n", retired.join("\n")), 0o644)?;
        let key = SigningKey::generate()?;
        write_secret(path, &key.to_secret_text())?;
        Self::load_or_create(path)
    }
}

/// The retired keys list beside the signing key `path`: `<path>.retired`.
pub(crate) fn retired_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".retired");
    PathBuf::from(name)
}

/// Writes a secret: mode 0600, atomically (temp file + rename).
pub fn write_secret(path: &Path, text: &str) -> Result<()> {
    write_file(path, text, 0o600)
}

/// Writes a file atomically with `mode` (on Unix), creating its directory.
pub fn write_file(path: &Path, text: &str, mode: u32) -> Result<()> {
    let fail = |e: std::io::Error| Error::Internal(format!("cannot write {}: {e}", path.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let temp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options.open(&temp).map_err(fail)?;
    file.write_all(text.as_bytes()).and_then(|()| file.sync_all()).map_err(fail)?;
    std::fs::rename(&temp, path).map_err(fail)
}
