//! Reads on the hottest path straight from embedded SQLite: a few read-only connections used on
//! the caller's thread, without the round trip through sqlx's per-connection worker thread.
//!
//! Measured (docs/benchmarks.md, `cargo xtask bench portal`): that round trip, not the query,
//! was most of a validation's cost on SQLite. Only indexed lookups of a few rows run here; in
//! WAL mode a reader never waits for the writer, so the thread is held for microseconds.

use std::path::PathBuf;
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// Connections kept open; more may be opened under load, and those beyond are closed.
const KEEP: usize = 8;

/// Read-only connections to the SQLite database file, taken and given back per query.
#[derive(Debug)]
pub struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl Readers {
    /// Readers of the database at `url` (`sqlite:…`), or `None` for another engine.
    pub fn for_url(url: &str) -> Option<Self> {
        Some(Self { path: sqlite_file(url)?, idle: Mutex::new(Vec::new()) })
    }

    /// Runs `read` on an idle connection (opened if none is), then gives it back.
    pub fn read<T>(&self, read: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        let taken = self.idle.lock().map_err(|_| poisoned())?.pop();
        let connection = match taken {
            Some(connection) => connection,
            None => self.open()?,
        };
        let outcome = read(&connection).map_err(Error::from);
        let mut idle = self.idle.lock().map_err(|_| poisoned())?;
        if idle.len() < KEEP {
            idle.push(connection);
        }
        outcome
    }

    fn open(&self) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(&self.path, flags)
            .map_err(|e| Error::Internal(format!("cannot open {} for reading: {e}", self.path.display())))?;
        // The writer's connections set WAL on the file; a reader waits out a lock as they do.
        connection.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(connection)
    }
}

/// The database file a `sqlite:` URL names; `None` for another engine or an in-memory database.
pub(super) fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().filter(|path| !path.is_empty() && *path != ":memory:")?;
    Some(PathBuf::from(path))
}

fn poisoned() -> Error {
    Error::Internal("the database readers' lock was poisoned".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_sqlite_file_gets_readers() {
        assert_eq!(
            Readers::for_url("sqlite:///var/lib/tessera/portal.db?mode=rwc").unwrap().path,
            PathBuf::from("/var/lib/tessera/portal.db")
        );
        assert_eq!(Readers::for_url("sqlite:data/portal.db").unwrap().path, PathBuf::from("data/portal.db"));
        assert!(Readers::for_url("sqlite::memory:").is_none());
        assert!(Readers::for_url("postgres://localhost/tessera").is_none());
    }

    #[test]
    fn reads_see_what_was_written_and_connections_are_reused() {
        let dir = std::env::temp_dir().join(format!("tessera-readers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        let writer = Connection::open(&path).unwrap();
        writer
            .execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('one');")
            .unwrap();
        let readers = Readers::for_url(&format!("sqlite:{}", path.display())).unwrap();
        let read = || readers.read(|c| c.query_row("SELECT COUNT(*) FROM t", [], |row| row.get::<_, i64>(0))).unwrap();
        assert_eq!(read(), 1);
        writer.execute("INSERT INTO t VALUES ('two')", []).unwrap();
        assert_eq!(read(), 2, "a reader sees the latest commit");
        assert_eq!(readers.idle.lock().unwrap().len(), 1, "one connection, reused");
        assert!(readers.read(|c| c.execute("INSERT INTO t VALUES ('three')", [])).is_err(), "readers cannot write");
        assert_eq!(read(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
