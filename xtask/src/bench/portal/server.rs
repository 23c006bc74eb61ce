//! The portal under test: a real `tessera-portal serve --demo` process on 127.0.0.1, on a
//! fresh data dir, with SQLite or with a fresh PostgreSQL database that is dropped after.

use std::fs::File;
use std::io::{BufRead as _, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::AnyPool;

use crate::Result;

/// The admin URL of the local PostgreSQL server (trust auth).
const POSTGRES_ADMIN: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// Activation, validation and key requests allowed per client address and minute: far more
/// than a run sends, so that the limiter is not what is measured.
const KEY_REQUESTS_PER_MINUTE: &str = "1000000000";

/// A running portal process, killed when dropped.
#[derive(Debug)]
pub struct PortalProcess {
    child: Child,
    pub address: SocketAddr,
    pub log: PathBuf,
}

impl PortalProcess {
    /// Starts `binary` on port 0 with its data in `data_dir` (and its database at
    /// `database_url`, else SQLite in the data dir); returns once it listens.
    pub fn start(binary: &Path, data_dir: &Path, database_url: Option<&str>, log: PathBuf) -> Result<Self> {
        let mut command = Command::new(binary);
        // Settings come from the flags only: no TESSERA_* variable of the caller's shell.
        for (name, _) in std::env::vars_os() {
            if name.to_string_lossy().starts_with("TESSERA_") {
                command.env_remove(name);
            }
        }
        command.arg("--data-dir").arg(data_dir).args(["--listen", "127.0.0.1:0"]);
        command.args(["--key-requests-per-minute", KEY_REQUESTS_PER_MINUTE]);
        if let Some(url) = database_url {
            command.args(["--database-url", url]);
        }
        command.args(["serve", "--demo"]);
        let stderr = File::create(&log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("no portal output")?;
        let mut process = Self { child, address: SocketAddr::from(([127, 0, 0, 1], 0)), log };
        let mut lines = BufReader::new(stdout).lines();
        let address = loop {
            let Some(line) = lines.next().transpose()? else {
                return Err(format!("the portal stopped before listening; see {}", process.log.display()).into());
            };
            if let Some(url) = line.strip_prefix("listening on http://") {
                break url.trim().parse::<SocketAddr>().map_err(|e| format!("bad address in `{line}`: {e}"))?;
            }
        };
        process.address = address;
        // Keep reading what it prints, so that it never blocks on a full pipe.
        std::thread::spawn(move || lines.map_while(std::result::Result::ok).for_each(drop));
        Ok(process)
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The process id, for reading its memory.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for PortalProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh PostgreSQL database, dropped with this value.
#[derive(Debug)]
pub struct PostgresDatabase {
    name: String,
    pub url: String,
    runtime: tokio::runtime::Handle,
}

impl PostgresDatabase {
    /// Creates `tessera_bench_<random>` on the local server, or says why it cannot.
    pub async fn create() -> Result<Self, String> {
        // A plain connection first: sqlx's pool retries a refused one until its timeout.
        let address = SocketAddr::from(([127, 0, 0, 1], 5432));
        std::net::TcpStream::connect_timeout(&address, Duration::from_secs(2))
            .map_err(|e| format!("PostgreSQL is not running on {address} ({e})"))?;
        sqlx::any::install_default_drivers();
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let name = format!("tessera_bench_{}_{nanos}", std::process::id());
        let created = async {
            let admin = AnyPool::connect(POSTGRES_ADMIN).await?;
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await?;
            admin.close().await;
            Ok::<_, sqlx::Error>(())
        };
        match tokio::time::timeout(Duration::from_secs(10), created).await {
            Ok(Ok(())) => Ok(Self {
                url: format!("postgres://postgres@127.0.0.1:5432/{name}"),
                name,
                runtime: tokio::runtime::Handle::current(),
            }),
            Ok(Err(e)) => Err(format!("PostgreSQL at 127.0.0.1:5432 is unavailable ({e})")),
            Err(_) => Err("PostgreSQL at 127.0.0.1:5432 did not answer within 10 s".into()),
        }
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        let name = self.name.clone();
        let runtime = self.runtime.clone();
        // Drop cannot await: block a thread of its own on the runtime.
        let dropped = std::thread::spawn(move || {
            runtime.block_on(async {
                let admin = AnyPool::connect(POSTGRES_ADMIN).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&admin).await?;
                admin.close().await;
                Ok::<_, sqlx::Error>(())
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("bench: warning: could not drop the PostgreSQL database {}: {dropped:?}", self.name);
        }
    }
}
