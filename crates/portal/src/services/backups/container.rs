//! The backup file: a plain first line naming the format, then an age file (scrypt passphrase)
//! holding a manifest line, the signing keys and the database snapshot.
//!
//! ```text
//! TESSERA-PORTAL-BACKUP 1\n                      plain, so a foreign file is told apart
//! age-encryption.org/v1 …                        passphrase-encrypted and authenticated:
//!   {"format":1,"database":"sqlite",…}\n         the manifest, with each part's length
//!   <signing key file> <retired keys file> <database>
//! ```
//!
//! age authenticates every 64 KiB chunk and marks the last one, so a changed byte or a cut
//! file is found while reading; nothing is trusted before the whole file has been read.

use std::fs::File;
use std::io::{BufRead as _, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The plain first line of every backup file.
const MAGIC: &[u8] = b"TESSERA-PORTAL-BACKUP ";
/// The format this portal writes and reads.
pub const FORMAT: u32 = 1;
/// The longest manifest line read (it is about 250 bytes).
const MAX_MANIFEST: u64 = 16 * 1024;
/// The largest scrypt work factor accepted when opening a backup (2^22: a few seconds and
/// 4 GiB at most); `backup` picks about one second's worth on the machine that makes it.
const MAX_WORK_FACTOR: u8 = 22;

/// Which database engine a backup's snapshot is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// A SQLite database file.
    Sqlite,
    /// A `pg_dump --format=custom` archive.
    Postgres,
}

impl Engine {
    /// The engine's name as an operator reads it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        }
    }
}

/// What a backup says about itself (inside the encryption).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: u32,
    /// The engine of the snapshot.
    pub database: Engine,
    /// When the backup was made (RFC 3339, UTC).
    pub created: String,
    /// The portal version that made it.
    pub portal_version: String,
    /// The id of the signing key in the backup.
    pub signing_key_kid: String,
    /// Length of the signing key file.
    pub signing_key_bytes: u64,
    /// Length of the retired keys list (0: none).
    pub retired_keys_bytes: u64,
    /// Length of the database snapshot.
    pub database_bytes: u64,
}

/// The keys a backup holds: the signing key file and the retired keys list, as written on disk.
#[derive(Clone)]
pub struct Keys {
    /// The signing key file's text (a secret).
    pub signing_key: String,
    /// The retired keys list (public keys), empty when there is none.
    pub retired: String,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys").field("signing_key", &"<secret>").field("retired", &self.retired).finish()
    }
}

/// Writes the backup file `to` (0600, temp file + rename): `database` is the snapshot file.
pub fn write(to: &Path, passphrase: SecretString, manifest: &Manifest, keys: &Keys, database: &Path) -> Result<()> {
    seal(to, &age::scrypt::Recipient::new(passphrase), manifest, keys, database)
}

/// [`write`] with the passphrase's scrypt work factor chosen (a test's is tiny).
fn seal(
    to: &Path,
    recipient: &age::scrypt::Recipient,
    manifest: &Manifest,
    keys: &Keys,
    database: &Path,
) -> Result<()> {
    let fail = |e: std::io::Error| Error::Internal(format!("cannot write the backup {}: {e}", to.display()));
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
        .map_err(|e| Error::Internal(format!("cannot encrypt the backup: {e}")))?;
    let temp = temp_beside(to);
    let written = (|| {
        let file = create_private(&temp)?;
        let mut out = BufWriter::new(file);
        out.write_all(MAGIC)?;
        writeln!(out, "{FORMAT}")?;
        let mut sealed = encryptor.wrap_output(out)?;
        let line = serde_json::to_string(manifest).map_err(std::io::Error::other)?;
        writeln!(sealed, "{line}")?;
        sealed.write_all(keys.signing_key.as_bytes())?;
        sealed.write_all(keys.retired.as_bytes())?;
        let copied = std::io::copy(&mut File::open(database)?, &mut sealed)?;
        if copied != manifest.database_bytes {
            return Err(std::io::Error::other("the database snapshot changed while it was copied"));
        }
        let out = sealed.finish()?;
        let file = out.into_inner().map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()
    })();
    match written.and_then(|()| std::fs::rename(&temp, to)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(fail(e))
        }
    }
}

/// Opens the backup `from` with `passphrase`: checks its first line, decrypts it, reads the
/// manifest and the keys, and hands the database snapshot, still being decrypted, to `database`
/// (which must read exactly [`Manifest::database_bytes`]). Only then, with the end of the file
/// authenticated, the manifest and keys are returned: a damaged file fails whatever was read.
pub fn read<T>(
    from: &Path,
    passphrase: SecretString,
    database: impl FnOnce(&Manifest, &mut dyn Read) -> Result<T>,
) -> Result<(Manifest, Keys, T)> {
    let shown = from.display().to_string();
    let damaged = |what: &str, e: &dyn std::fmt::Display| Error::BackupDamaged(format!("{what}: {e}"));
    let file = File::open(from).map_err(|e| Error::Internal(format!("cannot read the backup {shown}: {e}")))?;
    let mut input = BufReader::new(file);
    let mut first = Vec::new();
    input
        .by_ref()
        .take(64)
        .read_until(b'\n', &mut first)
        .map_err(|e| Error::Internal(format!("cannot read the backup {shown}: {e}")))?;
    let version = first.strip_prefix(MAGIC).and_then(|rest| rest.strip_suffix(b"\n"));
    let Some(version) = version else {
        return Err(Error::BackupNotRecognised(shown, "it does not start as a Tessera portal backup does".into()));
    };
    if version != FORMAT.to_string().as_bytes() {
        let version = String::from_utf8_lossy(version);
        return Err(Error::BackupNotRecognised(shown, format!("its format {version} is newer than this portal reads")));
    }
    let decryptor = age::Decryptor::new_buffered(input).map_err(|e| damaged("its encryption header", &e))?;
    if !decryptor.is_scrypt() {
        return Err(Error::BackupNotRecognised(shown, "it is not encrypted with a passphrase".into()));
    }
    let mut identity = age::scrypt::Identity::new(passphrase);
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut plain = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| match e {
        age::DecryptError::DecryptionFailed
        | age::DecryptError::KeyDecryptionFailed
        | age::DecryptError::NoMatchingKeys => Error::BackupPassphraseWrong,
        other => damaged("its encryption header", &other),
    })?;
    let manifest = read_manifest(&mut plain)?;
    let signing_key = read_text(&mut plain, manifest.signing_key_bytes, "the signing key")?;
    let retired = read_text(&mut plain, manifest.retired_keys_bytes, "the retired keys")?;
    let mut snapshot = (&mut plain).take(manifest.database_bytes);
    let restored = database(&manifest, &mut snapshot)?;
    if snapshot.limit() != 0 {
        return Err(Error::BackupDamaged("the database snapshot is shorter than its manifest says".into()));
    }
    // The last chunk is authenticated only once read: nothing may follow the snapshot.
    let mut rest = [0u8; 1];
    match plain.read(&mut rest) {
        Ok(0) => Ok((manifest, Keys { signing_key, retired }, restored)),
        Ok(_) => Err(Error::BackupDamaged("more data follows the database snapshot".into())),
        Err(e) => Err(damaged("its end", &e)),
    }
}

/// Copies a snapshot being decrypted into a new file; a read failure is the backup's damage,
/// a write failure the target's.
pub(super) fn copy_snapshot(snapshot: &mut dyn Read, to: &Path) -> Result<()> {
    let mut file = BufWriter::new(create_private(to).map_err(|e| write_failure(to, &e))?);
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match snapshot.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::BackupDamaged(format!("the database snapshot: {e}"))),
        };
        file.write_all(&buffer[..n]).map_err(|e| write_failure(to, &e))?;
    }
    let file = file.into_inner().map_err(|e| write_failure(to, e.error()))?;
    file.sync_all().map_err(|e| write_failure(to, &e))
}

fn write_failure(path: &Path, e: &std::io::Error) -> Error {
    Error::Internal(format!("cannot write {}: {e}", path.display()))
}

fn read_manifest(plain: &mut impl Read) -> Result<Manifest> {
    // Byte by byte (the stream buffers its chunk): nothing past the line is taken.
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match plain.read(&mut byte) {
            Ok(0) => return Err(Error::BackupDamaged("its manifest is cut short".into())),
            Ok(_) if byte[0] == b'\n' => break,
            Ok(_) if line.len() as u64 >= MAX_MANIFEST => {
                return Err(Error::BackupDamaged("its manifest is too long".into()));
            }
            Ok(_) => line.push(byte[0]),
            Err(e) => return Err(Error::BackupDamaged(format!("its manifest: {e}"))),
        }
    }
    let manifest: Manifest =
        serde_json::from_slice(&line).map_err(|e| Error::BackupDamaged(format!("its manifest: {e}")))?;
    if manifest.format != FORMAT {
        return Err(Error::BackupDamaged(format!(
            "its manifest says format {} under a format {FORMAT} first line",
            manifest.format
        )));
    }
    Ok(manifest)
}

fn read_text(plain: &mut impl Read, length: u64, what: &str) -> Result<String> {
    if length > MAX_MANIFEST {
        return Err(Error::BackupDamaged(format!("{what} is {length} bytes long")));
    }
    let mut bytes = Vec::new();
    plain.take(length).read_to_end(&mut bytes).map_err(|e| Error::BackupDamaged(format!("{what}: {e}")))?;
    if bytes.len() as u64 != length {
        return Err(Error::BackupDamaged(format!("{what} is cut short")));
    }
    String::from_utf8(bytes).map_err(|_| Error::BackupDamaged(format!("{what} is not text")))
}

/// A new file readable by its owner only; fails if it exists.
fn create_private(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// A temporary name in `path`'s folder, so the final rename stays on one file system.
#[must_use]
fn temp_beside(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(std::ffi::OsStr::to_owned).unwrap_or_default();
    name.push(format!(".tmp{}", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSPHRASE: &str = "correct horse battery staple";
    const DATABASE: &[u8] = b"SQLite format 3\0 and some pages";

    fn secret(text: &str) -> SecretString {
        SecretString::from(text.to_owned())
    }

    /// A small backup in a folder of its own, sealed with scrypt's smallest work factor.
    fn sample(name: &str) -> (PathBuf, Vec<u8>) {
        let dir = std::env::temp_dir().join(format!("tessera-container-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a folder");
        let database = dir.join("database");
        std::fs::write(&database, DATABASE).expect("a snapshot");
        let keys = Keys { signing_key: "tessera-signing-key-v1 secret\n".into(), retired: "AAAA\n".into() };
        let manifest = Manifest {
            format: FORMAT,
            database: Engine::Sqlite,
            created: "2026-12-07T22:00:00Z".into(),
            portal_version: "0.1.0".into(),
            signing_key_kid: "0123abcd".into(),
            signing_key_bytes: keys.signing_key.len() as u64,
            retired_keys_bytes: keys.retired.len() as u64,
            database_bytes: DATABASE.len() as u64,
        };
        let mut recipient = age::scrypt::Recipient::new(secret(PASSPHRASE));
        recipient.set_work_factor(1);
        let file = dir.join("portal.backup");
        seal(&file, &recipient, &manifest, &keys, &database).expect("sealed");
        let bytes = std::fs::read(&file).expect("the backup");
        (dir, bytes)
    }

    fn open(file: &Path) -> Result<(Manifest, Keys, Vec<u8>)> {
        read(file, secret(PASSPHRASE), |_, snapshot| {
            let mut bytes = Vec::new();
            snapshot.read_to_end(&mut bytes).map_err(|e| Error::BackupDamaged(e.to_string()))?;
            Ok(bytes)
        })
    }

    #[test]
    fn a_backup_reads_back_as_it_was_written() {
        let (dir, bytes) = sample("round-trip");
        assert!(bytes.starts_with(b"TESSERA-PORTAL-BACKUP 1\nage-encryption.org/v1\n"));
        let (manifest, keys, database) = open(&dir.join("portal.backup")).expect("it opens");
        assert_eq!((manifest.database, manifest.signing_key_kid.as_str()), (Engine::Sqlite, "0123abcd"));
        assert_eq!((keys.signing_key.as_str(), keys.retired.as_str()), ("tessera-signing-key-v1 secret\n", "AAAA\n"));
        assert_eq!(database, DATABASE);
        let wrong = read(&dir.join("portal.backup"), secret("another"), |_, _| Ok(()));
        assert_eq!(wrong.map(|_| ()).map_err(|e| e.code()), Err("BACKUP_PASSPHRASE_WRONG"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn every_changed_byte_and_every_cut_is_refused() {
        let (dir, good) = sample("tamper");
        let payload = good.windows(4).position(|w| w == b"\n---").expect("the age header's end") + 4;
        let file = dir.join("variant.backup");
        let mut variants: Vec<(String, Vec<u8>, usize)> = Vec::new();
        for at in 0..good.len() {
            let mut changed = good.clone();
            changed[at] ^= 0x01;
            variants.push((format!("byte {at} changed"), changed, at));
        }
        for keep in 0..good.len() {
            variants.push((format!("cut to {keep} bytes"), good[..keep].to_vec(), keep));
        }
        for (what, bytes, at) in variants {
            std::fs::write(&file, &bytes).expect("a variant");
            let code = open(&file).map(|_| ()).map_err(|e| e.code());
            let expected: &[&str] = if at < 22 {
                &["BACKUP_NOT_RECOGNISED"]
            } else if at >= payload {
                &["BACKUP_DAMAGED"]
            } else {
                // The format's line, then age's header, whose salt and wrapped key a wrong
                // passphrase cannot be told from.
                &["BACKUP_NOT_RECOGNISED", "BACKUP_DAMAGED", "BACKUP_PASSPHRASE_WRONG"]
            };
            assert!(code.is_err_and(|code| expected.contains(&code)), "{what} of {}: {code:?}", good.len());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
