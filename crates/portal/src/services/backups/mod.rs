//! Backups and restores of a portal: its database snapshot and signing keys in one passphrase-encrypted file.
//!
//! `backup` takes the snapshot while the portal serves (SQLite: `VACUUM INTO`; PostgreSQL:
//! `pg_dump`), then writes the file (see [`container`]). `restore` refuses any target that
//! holds a database or a key, reads and checks the whole file into a staging folder, and only
//! then puts the keys and the database in place; whatever fails leaves the target as it was.

pub mod container;
mod postgres;

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use tessera_core::{PublicKeySet, SigningKey};

pub use container::{Engine, Manifest};

use crate::config::{Config, redact_url};
use crate::error::{Error, Result};
use crate::{keys, store};

/// The engine a database URL names.
pub fn engine_of(url: &str) -> Result<Engine> {
    if url.starts_with("sqlite:") {
        Ok(Engine::Sqlite)
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Engine::Postgres)
    } else {
        Err(Error::Internal("the database URL must start with sqlite: or postgres:".into()))
    }
}

/// Writes a backup of the portal `config` names into `to` (replaced atomically if it exists).
pub async fn backup(config: &Config, to: &Path, passphrase: SecretString) -> Result<Manifest> {
    let url = config.database_url();
    let engine = engine_of(&url)?;
    let keys = read_keys(&config.signing_key_path())?;
    let kid = SigningKey::from_secret_text(&keys.signing_key)?.kid().to_string();
    let folder = to.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let staging = Staging::create(folder)?;
    let snapshot = staging.0.join("database");
    match engine {
        Engine::Sqlite => store::backups::copy_sqlite(&url, &snapshot).await?,
        Engine::Postgres => postgres::dump(&url, &snapshot).await?,
    }
    let database_bytes = std::fs::metadata(&snapshot)
        .map_err(|e| Error::Internal(format!("cannot read the database snapshot: {e}")))?
        .len();
    let manifest = Manifest {
        format: container::FORMAT,
        database: engine,
        created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        portal_version: env!("CARGO_PKG_VERSION").into(),
        signing_key_kid: kid,
        signing_key_bytes: keys.signing_key.len() as u64,
        retired_keys_bytes: keys.retired.len() as u64,
        database_bytes,
    };
    container::write(to, passphrase, &manifest, &keys, &snapshot)?;
    Ok(manifest)
}

/// Restores the backup `from` into the data dir, database and signing key path `config` names,
/// all of which must be fresh.
pub async fn restore(config: &Config, from: &Path, passphrase: SecretString) -> Result<Manifest> {
    let url = config.database_url();
    let engine = engine_of(&url)?;
    let key_path = config.signing_key_path();
    let retired_path = keys::retired_path(&key_path);
    refuse_existing(&[&key_path, &retired_path])?;
    let database_file = match engine {
        Engine::Sqlite => {
            let file = store::backups::sqlite_file(&url)?;
            refuse_existing(&[&file, &suffixed(&file, "-wal"), &suffixed(&file, "-journal")])?;
            Some(file)
        }
        Engine::Postgres => {
            if store::backups::postgres_relations(&url).await? > 0 {
                return Err(Error::RestoreTargetNotEmpty(format!("the database {}", redact_url(&url))));
            }
            None
        }
    };
    // Folders made for the restore are removed again if it fails.
    let mut undo = Undo::default();
    undo.create_dir(&config.data_dir)?;
    let staging_folder = match &database_file {
        Some(file) => file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf(),
        None => config.data_dir.clone(),
    };
    undo.create_dir(&staging_folder)?;
    let staging = Staging::create(&staging_folder)?;
    let staged = staging.0.join("database");
    let (manifest, keys, ()) = container::read(from, passphrase, |manifest, snapshot| {
        if manifest.database != engine {
            return Err(Error::RestoreDatabaseMismatch {
                backup: manifest.database.name().into(),
                configured: engine.name().into(),
            });
        }
        container::copy_snapshot(snapshot, &staged)
    })?;
    SigningKey::from_secret_text(&keys.signing_key)
        .map_err(|e| Error::BackupDamaged(format!("its signing key does not read: {e}")))?;
    if !keys.retired.is_empty() {
        PublicKeySet::parse_list(&keys.retired)
            .map_err(|e| Error::BackupDamaged(format!("its retired keys do not read: {e}")))?;
    }
    // The whole file read and checked: now the keys (files this restore can take back), then
    // the database, last (pg_restore is all or nothing).
    keys::write_secret(&key_path, &keys.signing_key)?;
    undo.files.push(key_path);
    if !keys.retired.is_empty() {
        keys::write_file(&retired_path, &keys.retired, 0o644)?;
        undo.files.push(retired_path);
    }
    match &database_file {
        Some(file) => {
            // A hard link never replaces a file that appeared meanwhile.
            std::fs::hard_link(&staged, file).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Error::RestoreTargetNotEmpty(file.display().to_string()),
                _ => Error::Internal(format!("cannot write {}: {e}", file.display())),
            })?;
        }
        None => postgres::restore(&url, &staged).await?,
    }
    undo.done = true;
    Ok(manifest)
}

/// The signing key file and the retired keys list (empty when there is none).
fn read_keys(key_path: &Path) -> Result<container::Keys> {
    let signing_key = std::fs::read_to_string(key_path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::BackupNoSigningKey(key_path.display().to_string()),
        _ => Error::Internal(format!("cannot read the signing key {}: {e}", key_path.display())),
    })?;
    let retired = match std::fs::read_to_string(keys::retired_path(key_path)) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::Internal(format!("cannot read the retired keys: {e}"))),
    };
    Ok(container::Keys { signing_key, retired })
}

fn refuse_existing(paths: &[&Path]) -> Result<()> {
    match paths.iter().find(|p| p.symlink_metadata().is_ok()) {
        Some(path) => Err(Error::RestoreTargetNotEmpty(path.display().to_string())),
        None => Ok(()),
    }
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A folder readable by its owner only, for the plain snapshot; removed with what it holds.
#[derive(Debug)]
struct Staging(PathBuf);

impl Staging {
    fn create(beside: &Path) -> Result<Self> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let path = beside.join(format!(".tessera-backup-{}-{nanos}", std::process::id()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&path).map_err(|e| Error::Internal(format!("cannot create {}: {e}", path.display())))?;
        Ok(Self(path))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a restore made, taken back unless it is `done`.
#[derive(Debug, Default)]
struct Undo {
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
    done: bool,
}

impl Undo {
    /// Creates `dir` (0700, with its parents) if it is missing, to be removed on failure.
    fn create_dir(&mut self, dir: &Path) -> Result<()> {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(path) = at.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
            missing.push(path.to_path_buf());
            at = path.parent();
        }
        crate::create_private_dir(dir)?;
        // Deepest first when removing.
        self.dirs.extend(missing);
        Ok(())
    }
}

impl Drop for Undo {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
        for dir in &self.dirs {
            // Only if empty: never anything that was there before.
            let _ = std::fs::remove_dir(dir);
        }
    }
}
