//! The hottest write on embedded SQLite, taking a seat, run whole on a thread of its own that
//! holds one connection, with the writes waiting meanwhile committed together.
//!
//! Measured (docs/benchmarks.md, `cargo xtask bench portal`): through sqlx each statement of a
//! seat's transaction was a trip to a worker thread and back to a busy async runtime while the
//! file's one write lock was held, and waiting writers slept in SQLite's busy handler. Here a
//! transaction holds the lock only while its statements run, and one `COMMIT` (one sync of the
//! write-ahead log) serves every write queued behind it. Each write runs in a savepoint of its
//! own, so one that fails or is undone leaves the others whole, and none is answered before the
//! commit that makes it durable.

use std::sync::mpsc::{Receiver, Sender, TryRecvError};

use rusqlite::Connection;

use super::SQLITE_SETTINGS;
use crate::error::{Error, Result};

/// Most writes one commit serves.
const BATCH: usize = 64;

/// What a write asks for its changes: kept, or undone (with what it found).
#[derive(Debug)]
pub enum Step<T> {
    Keep(T),
    Undo(T),
}

/// Sends a write's outcome once the transaction holding it committed (`Ok`) or failed (why).
type Reply = Box<dyn FnOnce(std::result::Result<(), String>) + Send>;
/// A write, given the connection inside a transaction (or why the transaction could not begin);
/// false beside its reply when its savepoint could not be closed, so the transaction is not sound.
type Job = Box<dyn FnOnce(std::result::Result<&Connection, &str>) -> (Reply, bool) + Send>;

/// The writer of the SQLite database file: its thread ends when this is dropped.
#[derive(Debug)]
pub struct Writer {
    jobs: Sender<Job>,
}

impl Writer {
    /// The writer of the database at `url` (`sqlite:…` naming a file), or `None` for another
    /// engine. Opens its connection now, so a database that cannot be written fails at start.
    pub fn for_url(url: &str) -> Result<Option<Self>> {
        let Some(path) = super::readers::sqlite_file(url) else {
            return Ok(None);
        };
        let connection = Connection::open(&path)
            .and_then(|connection| connection.execute_batch(SQLITE_SETTINGS).map(|()| connection))
            .map_err(|e| Error::Internal(format!("cannot open {} for writing: {e}", path.display())))?;
        let (jobs, queue) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(&connection, &queue))
            .map_err(|e| Error::Internal(format!("cannot start the database writer: {e}")))?;
        Ok(Some(Self { jobs }))
    }

    /// Runs `work` in a transaction of the writer's thread and answers once it is durable:
    /// what `work` found, or its error (its changes undone either way but for `Step::Keep`).
    pub async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> Result<Step<T>> + Send + 'static,
    ) -> Result<T> {
        let (answer, answered) = tokio::sync::oneshot::channel::<Result<T>>();
        let job: Job = Box::new(move |connection| {
            let (outcome, sound) = match connection {
                Ok(connection) => in_savepoint(connection, work),
                Err(why) => (Err(database(why)), true),
            };
            let reply: Reply = Box::new(move |committed: std::result::Result<(), String>| {
                // The caller may have gone (its client hung up): the outcome is durable anyway.
                let _ = answer.send(committed.map_err(|why| database(&why)).and(outcome));
            });
            (reply, sound)
        });
        self.jobs.send(job).map_err(|_| stopped())?;
        answered.await.map_err(|_| stopped())?
    }
}

fn stopped() -> Error {
    Error::Internal("the database writer stopped".into())
}

/// Why a batch's transaction did not begin or commit, as the pool's errors say it.
fn database(why: &str) -> Error {
    Error::Internal(format!("database: {why}"))
}

/// Runs `work` in a savepoint: released when it keeps its changes, rolled back otherwise; and
/// whether the savepoint was closed (else the transaction must not commit).
fn in_savepoint<T>(connection: &Connection, work: impl FnOnce(&Connection) -> Result<Step<T>>) -> (Result<T>, bool) {
    if let Err(error) = connection.execute_batch("SAVEPOINT write") {
        return (Err(error.into()), true);
    }
    let (end, found) = match work(connection) {
        Ok(Step::Keep(found)) => ("RELEASE write", Ok(found)),
        Ok(Step::Undo(found)) => ("ROLLBACK TO write; RELEASE write", Ok(found)),
        Err(error) => ("ROLLBACK TO write; RELEASE write", Err(error)),
    };
    match connection.execute_batch(end) {
        Ok(()) => (found, true),
        Err(error) => (Err(error.into()), false),
    }
}

/// The writer's thread: waits for a write, begins a transaction, runs it and every write queued
/// meanwhile (up to [`BATCH`]), commits, then answers them all.
fn run(connection: &Connection, queue: &Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        if let Err(error) = connection.execute_batch("BEGIN IMMEDIATE") {
            let why = error.to_string();
            for job in batch {
                job(Err(&why)).0(Err(why.clone()));
            }
            continue;
        }
        let (mut replies, mut sound) = (Vec::with_capacity(batch.len()), true);
        for job in batch {
            // A write that panics is not answered (its caller gets an error) and nothing of its
            // batch is kept; the thread goes on with the next batch.
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(Ok(connection)))) {
                Ok((reply, closed)) => {
                    replies.push(reply);
                    sound &= closed;
                }
                Err(_) => sound = false,
            }
        }
        let committed = if sound {
            connection.execute_batch("COMMIT").map_err(|error| error.to_string())
        } else {
            Err("a write of the batch could not be undone alone".to_owned())
        };
        if committed.is_err() {
            // Nothing of the batch is kept; the connection is ready for the next one.
            let _ = connection.execute_batch("ROLLBACK");
        }
        for reply in replies {
            reply(committed.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn database_file(name: &str) -> (std::path::PathBuf, String) {
        let dir = std::env::temp_dir().join(format!("tessera-writer-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.db");
        let connection = Connection::open(&path).unwrap();
        connection
            .execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (v INTEGER PRIMARY KEY, note TEXT);")
            .unwrap();
        let url = format!("sqlite:{}", path.display());
        (dir, url)
    }

    fn stored(dir: &std::path::Path) -> Vec<i64> {
        let connection = Connection::open(dir.join("t.db")).unwrap();
        let mut statement = connection.prepare("SELECT v FROM t ORDER BY v").unwrap();
        statement.query_map([], |row| row.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    fn insert(connection: &Connection, v: i64) -> Result<()> {
        connection.execute("INSERT INTO t (v) VALUES (?1)", [v]).map(|_| ()).map_err(Error::from)
    }

    #[test]
    fn only_a_sqlite_file_gets_a_writer() {
        assert!(Writer::for_url("sqlite::memory:").unwrap().is_none());
        assert!(Writer::for_url("postgres://localhost/tessera").unwrap().is_none());
        assert!(Writer::for_url("sqlite:/no/such/folder/t.db").is_err(), "an unwritable file fails at start");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_are_all_durable_and_an_undone_or_failed_one_leaves_the_others() {
        let (dir, url) = database_file("batch");
        let writer = std::sync::Arc::new(Writer::for_url(&url).unwrap().unwrap());
        let writes: Vec<_> = (0..400_i64)
            .map(|v| {
                let writer = std::sync::Arc::clone(&writer);
                tokio::spawn(async move {
                    writer
                        .write(move |connection| {
                            insert(connection, v)?;
                            match v % 10 {
                                // Undone: its row must not stay, the others' must.
                                3 => Ok(Step::Undo(v)),
                                // Fails after writing: the same.
                                7 => insert(connection, v).map(|()| Step::Keep(v)),
                                _ => Ok(Step::Keep(v)),
                            }
                        })
                        .await
                })
            })
            .collect();
        let mut answered = Vec::new();
        for (v, write) in writes.into_iter().enumerate() {
            let outcome = write.await.unwrap();
            match v % 10 {
                7 => assert!(outcome.is_err(), "write {v} inserted its row twice and must fail"),
                _ => assert_eq!(outcome.unwrap(), v as i64),
            }
            if !matches!(v % 10, 3 | 7) {
                answered.push(v as i64);
            }
        }
        drop(writer);
        assert_eq!(stored(&dir), answered, "exactly the kept writes are in the file");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_write_that_panics_fails_alone_and_the_writer_goes_on() {
        let (dir, url) = database_file("panic");
        let writer = Writer::for_url(&url).unwrap().unwrap();
        let panicked = writer
            .write(|connection| -> Result<Step<()>> {
                insert(connection, 1)?;
                panic!("a bug in a write");
            })
            .await;
        assert!(panicked.is_err(), "the panicking write is answered with an error");
        writer.write(|connection| insert(connection, 2).map(Step::Keep)).await.unwrap();
        drop(writer);
        assert_eq!(stored(&dir), vec![2], "the panicking write's row is not kept, the next write's is");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[tokio::test]
    async fn a_write_waits_for_another_connections_lock() {
        let (dir, url) = database_file("lock");
        let other = Connection::open(dir.join("t.db")).unwrap();
        other.execute_batch("BEGIN IMMEDIATE; INSERT INTO t (v) VALUES (1);").unwrap();
        let writer = Writer::for_url(&url).unwrap().unwrap();
        let releases = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            other.execute_batch("COMMIT").unwrap();
        });
        writer.write(|connection| insert(connection, 2).map(Step::Keep)).await.unwrap();
        releases.join().unwrap();
        assert_eq!(stored(&dir), vec![1, 2]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
