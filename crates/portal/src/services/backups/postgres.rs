//! PostgreSQL snapshots through the client tools: `pg_dump --format=custom` and `pg_restore`.

use std::path::Path;
use std::process::Stdio;

use crate::error::{Error, Result};

/// The flags of `pg_dump`, as docs/operations.md shows them: one consistent snapshot (pg_dump
/// reads in one repeatable-read transaction), custom format, without owners and grants so it
/// restores under any role.
pub const DUMP_FLAGS: [&str; 3] = ["--format=custom", "--no-owner", "--no-privileges"];

/// The flags of `pg_restore`: all or nothing, stopping at the first error.
pub const RESTORE_FLAGS: [&str; 4] = ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"];

/// Dumps the database at `url` into the new file `into`.
pub async fn dump(url: &str, into: &Path) -> Result<()> {
    let mut command = tool("pg_dump", url);
    command.args(DUMP_FLAGS).arg("--file").arg(into);
    run("pg_dump", command).await
}

/// Restores the dump `from` into the (empty) database at `url`.
pub async fn restore(url: &str, from: &Path) -> Result<()> {
    let mut command = tool("pg_restore", url);
    command.args(RESTORE_FLAGS).arg(from);
    run("pg_restore", command).await
}

/// `program --dbname URL`, the password (if the URL has one) in `PGPASSWORD` rather than on a
/// command line every user of the machine can read.
fn tool(program: &str, url: &str) -> tokio::process::Command {
    let (url, password) = split_password(url);
    let mut command = tokio::process::Command::new(program);
    command.arg("--dbname").arg(url).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    command
}

async fn run(program: &str, mut command: tokio::process::Command) -> Result<()> {
    let output = command.output().await.map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => Error::BackupToolMissing(program.into()),
        _ => Error::Internal(format!("cannot run {program}: {e}")),
    })?;
    if output.status.success() {
        return Ok(());
    }
    let said = String::from_utf8_lossy(&output.stderr);
    let message = said.trim();
    let message = if message.is_empty() { format!("it exited with {}", output.status) } else { message.to_owned() };
    Err(Error::BackupToolFailed { tool: program.into(), message })
}

/// The URL without its password, and the password (percent-decoded).
fn split_password(url: &str) -> (String, Option<String>) {
    let Some(scheme) = url.find("://") else { return (url.to_owned(), None) };
    let rest = &url[scheme + 3..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else { return (url.to_owned(), None) };
    let Some((user, password)) = rest[..at].split_once(':') else { return (url.to_owned(), None) };
    let without = format!("{}{user}{}", &url[..scheme + 3], &rest[at..]);
    (without, Some(percent_decode(password)))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_goes_to_the_environment_not_the_command_line() {
        assert_eq!(
            split_password("postgres://tessera:s%40cret@db:5432/lic?sslmode=require"),
            ("postgres://tessera@db:5432/lic?sslmode=require".to_owned(), Some("s@cret".to_owned()))
        );
        assert_eq!(split_password("postgres://postgres@127.0.0.1/x"), ("postgres://postgres@127.0.0.1/x".into(), None));
        assert_eq!(split_password("postgres://db/x?user=a@b"), ("postgres://db/x?user=a@b".into(), None));
    }
}
