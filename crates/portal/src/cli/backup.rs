//! `tessera-portal backup --to FILE` and `restore FILE`: the passphrase from standard input, the work in services::backups.

use std::io::IsTerminal as _;
use std::path::PathBuf;

use age::secrecy::SecretString;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::services::backups::{self, Manifest};

/// The backup file to write.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the backup (replaced atomically if it exists; mode 0600).
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
}

/// The backup file to restore.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A file written by `tessera-portal backup`.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Backs up the portal `config` names; says what the file holds.
pub async fn backup(config: &Config, args: &BackupArgs) -> Result<String> {
    let passphrase = read_passphrase(true)?;
    let manifest = backups::backup(config, &args.to, passphrase).await?;
    Ok(format!("backed up to {}: {}", args.to.display(), describe(&manifest)))
}

/// Restores a backup into the fresh data dir and database `config` names.
pub async fn restore(config: &Config, args: &RestoreArgs) -> Result<String> {
    let passphrase = read_passphrase(false)?;
    let manifest = backups::restore(config, &args.file, passphrase).await?;
    Ok(format!("restored {}: {}", args.file.display(), describe(&manifest)))
}

fn describe(manifest: &Manifest) -> String {
    format!(
        "{} database of {} bytes made {} by portal {}, signing key {}{}",
        manifest.database.name(),
        manifest.database_bytes,
        manifest.created,
        manifest.portal_version,
        manifest.signing_key_kid,
        if manifest.retired_keys_bytes > 0 { " and its retired keys" } else { "" }
    )
}

/// The passphrase: asked on the terminal without echo (twice for a new backup), else the first
/// line of standard input. Never an argument, where other users of the machine could read it.
fn read_passphrase(confirm: bool) -> Result<SecretString> {
    let read = |e: std::io::Error| Error::BadRequest(format!("the passphrase cannot be read: {e}").into());
    let passphrase = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Backup passphrase: ").map_err(read)?;
        if confirm && rpassword::prompt_password("The same passphrase again: ").map_err(read)? != first {
            return Err(Error::BadRequest("The two passphrases differ: nothing was written.".into()));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(read)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    if passphrase.is_empty() {
        return Err(Error::BadRequest(
            "The passphrase is empty: type one on the terminal, or give it as the first line of standard input.".into(),
        ));
    }
    Ok(SecretString::from(passphrase))
}
