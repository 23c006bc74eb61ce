//! Where the client keeps its files, per user or system-wide, and how it writes them: atomically.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The folder holding one product's license, state and settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateDir(PathBuf);

impl StateDir {
    /// A folder of the caller's choosing (tests, portable installs).
    #[must_use]
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self(path.into())
    }

    /// The current user's folder: `~/.local/share/tessera/<product>` on Linux,
    /// `~/Library/Application Support/Tessera/<product>` on macOS,
    /// `%LOCALAPPDATA%\Tessera\<product>` on Windows.
    pub fn for_user(product: &str) -> Result<Self> {
        let base = dirs::data_local_dir().ok_or_else(|| Error::Settings("This user has no data folder.".into()))?;
        let name = if cfg!(target_os = "linux") { "tessera" } else { "Tessera" };
        Ok(Self(base.join(name).join(product)))
    }

    /// The machine-wide folder, readable by the vendor's software running as a service:
    /// `/var/lib/tessera/<product>` on Linux, `/Library/Application Support/Tessera/<product>`
    /// on macOS, `%PROGRAMDATA%\Tessera\<product>` on Windows.
    #[must_use]
    pub fn system(product: &str) -> Self {
        let base = if cfg!(windows) {
            PathBuf::from(std::env::var_os("PROGRAMDATA").unwrap_or_else(|| "C:\\ProgramData".into())).join("Tessera")
        } else if cfg!(target_os = "macos") {
            PathBuf::from("/Library/Application Support/Tessera")
        } else {
            PathBuf::from("/var/lib/tessera")
        };
        Self(base.join(product))
    }

    /// The folder.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// A file in the folder.
    #[must_use]
    pub fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

/// Reads a file; `None` when it does not exist.
pub fn read_optional(path: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::storage(path, e)),
    }
}

/// Reads a signed file of `kind`; `None` when it does not exist. Bytes that are not UTF-8
/// text make it a damaged file (naming the first such byte), not a storage failure: the disk
/// read it fine.
pub fn read_signed_optional(path: &Path, kind: tessera_core::FileKind) -> Result<Option<String>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::storage(path, e)),
    };
    String::from_utf8(bytes).map(Some).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(at).copied().unwrap_or_default();
        Error::Format(tessera_core::Error::Damaged {
            kind,
            detail: format!("byte {} (0x{byte:02X}) is not UTF-8 text", at + 1),
        })
    })
}

/// Writes a file atomically: a temporary file in the same folder, flushed, then renamed over
/// the old one, so a crash leaves the old file or the new one, never half of either.
/// `private` files get mode 0600 on Unix.
pub fn write_atomic(path: &Path, contents: &[u8], private: bool) -> Result<()> {
    let dir = path.parent().ok_or_else(|| Error::storage(path, "no parent folder"))?;
    std::fs::create_dir_all(dir).map_err(|e| Error::storage(dir, e))?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id()
    ));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, if private { 0o600 } else { 0o644 });
    #[cfg(not(unix))]
    let _ = private;
    let result = options.open(&temp).and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()
    });
    if let Err(e) = result.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(Error::storage(path, e));
    }
    Ok(())
}

/// Removes a file if it exists.
pub fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::storage(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("tessera-files-{}", std::process::id()));
        let path = dir.join("license.lic");
        write_atomic(&path, b"first, and longer", true).expect("write");
        write_atomic(&path, b"second", true).expect("write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "second");
        let leftovers: Vec<_> = std::fs::read_dir(&dir).expect("dir").filter_map(|e| e.ok()).collect();
        assert_eq!(leftovers.len(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777, 0o600);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
