//! A real `redis-server` on a free loopback port, killed on drop.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `redis-server`.
pub struct RedisServer {
    port: u16,
    child: Option<Child>,
}

impl RedisServer {
    /// Starts one, or says loudly why it cannot (and fails when `TESSERA_REQUIRE_REDIS=1`, as in CI).
    pub fn start() -> Option<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let child = match spawn(port) {
            Ok(child) => child,
            Err(error) => {
                assert!(
                    std::env::var("TESSERA_REQUIRE_REDIS").as_deref() != Ok("1"),
                    "redis-server is required (TESSERA_REQUIRE_REDIS=1) but cannot start: {error}; run cargo xtask setup"
                );
                eprintln!(
                    "SKIPPED: redis-server cannot start ({error}; cargo xtask setup installs it); the Redis test did not run"
                );
                return None;
            }
        };
        let server = Self { port, child: Some(child) };
        server.wait_until_listening();
        Some(server)
    }

    /// Starts it again on the same port (empty: it keeps nothing).
    pub fn resume(&mut self) {
        self.child = Some(spawn(self.port).expect("redis-server starts again"));
        self.wait_until_listening();
    }

    fn wait_until_listening(&self) {
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("redis-server did not listen on port {}", self.port);
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// Stops it: Redis no longer answers.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `redis-server` on loopback `port`, keeping nothing on disk.
fn spawn(port: u16) -> std::io::Result<Child> {
    Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        .args(["--daemonize", "no"])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}
