//! A real SMTP server for the mail tests (aiosmtpd on loopback, keeping what it receives in a
//! maildir), and readers of the mails it received.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use mailparse::{MailHeaderMap as _, ParsedMail};

/// A Python with aiosmtpd: Debian's (`python3-aiosmtpd`, which `cargo xtask setup` installs),
/// else the one on the PATH.
pub fn python_with_aiosmtpd() -> Option<&'static str> {
    ["/usr/bin/python3", "python3"].into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// An SMTP server on loopback that keeps what it receives in a maildir.
pub struct SmtpServer {
    python: &'static str,
    port: u16,
    maildir: PathBuf,
    child: Option<Child>,
}

impl SmtpServer {
    /// Starts one, or says loudly why it cannot (and fails when `TESSERA_REQUIRE_SMTP=1`, as in CI).
    pub fn start(dir: &Path) -> Option<Self> {
        let Some(python) = python_with_aiosmtpd() else {
            assert!(
                std::env::var("TESSERA_REQUIRE_SMTP").as_deref() != Ok("1"),
                "aiosmtpd is required (TESSERA_REQUIRE_SMTP=1) but no python3 has it: run cargo xtask setup"
            );
            eprintln!(
                "SKIPPED: no python3 with aiosmtpd (cargo xtask setup installs python3-aiosmtpd); the SMTP test did not run"
            );
            return None;
        };
        std::fs::create_dir_all(dir).expect("the test's folder");
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let mut server = Self { python, port, maildir: dir.join("maildir"), child: None };
        server.resume();
        Some(server)
    }

    /// Starts (again) on the same port and maildir; returns once it accepts connections.
    pub fn resume(&mut self) {
        let child = Command::new(self.python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{}", self.port)])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&self.maildir)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(self.maildir.with_extension("log")).expect("the server's log"))
            .spawn()
            .expect("aiosmtpd starts");
        self.child = Some(child);
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let log = std::fs::read_to_string(self.maildir.with_extension("log")).unwrap_or_default();
        panic!("aiosmtpd did not listen on port {}: {log}", self.port);
    }

    /// Stops the server: the portal's mail cannot be delivered until it resumes.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received, in the order they arrived.
    pub fn received(&self) -> Vec<Vec<u8>> {
        let Ok(entries) = std::fs::read_dir(self.maildir.join("new")) else { return Vec::new() };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok());
        files.iter().map(|path| std::fs::read(path).expect("a mail")).collect()
    }

    /// The mails received, once there are `count` of them (the portal sends every 2 seconds).
    pub async fn wait_for(&self, count: usize) -> Vec<Vec<u8>> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let mails = self.received();
            if mails.len() >= count || tokio::time::Instant::now() > deadline {
                assert_eq!(mails.len(), count, "mails received");
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The one mail of `mails` whose subject starts with `subject`.
pub fn with_subject<'a>(mails: &'a [Vec<u8>], subject: &str) -> ParsedMail<'a> {
    let mut found: Vec<ParsedMail<'a>> = mails
        .iter()
        .map(|m| mailparse::parse_mail(m).expect("a mail"))
        .filter(|m| header(m, "Subject").starts_with(subject))
        .collect();
    assert_eq!(found.len(), 1, "one mail whose subject starts with {subject:?}");
    found.remove(0)
}

pub fn header(mail: &ParsedMail<'_>, name: &str) -> String {
    mail.headers.get_first_value(name).unwrap_or_default()
}

/// The decoded body of the part of `mail` with this content type, its lines ending in `\n`.
pub fn part(mail: &ParsedMail<'_>, mime: &str) -> String {
    if mail.ctype.mimetype == mime {
        return mail.get_body().expect("a body").replace("\r\n", "\n");
    }
    mail.subparts.iter().map(|p| part(p, mime)).find(|b| !b.is_empty()).unwrap_or_default()
}

impl SmtpServer {
    /// The `nth` (from 1) mail received whose subject starts with `subject`, once it is there
    /// (the portal sends every 2 seconds): its headers and parts.
    pub async fn wait_for_subject(&self, subject: &str, nth: usize) -> Vec<u8> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let found: Vec<Vec<u8>> = self
                .received()
                .into_iter()
                .filter(|m| mailparse::parse_mail(m).is_ok_and(|m| header(&m, "Subject").starts_with(subject)))
                .collect();
            if found.len() >= nth {
                return found[nth - 1].clone();
            }
            if tokio::time::Instant::now() > deadline {
                let subjects: Vec<String> = self
                    .received()
                    .iter()
                    .filter_map(|m| mailparse::parse_mail(m).ok().map(|m| header(&m, "Subject")))
                    .collect();
                panic!("no mail {nth} whose subject starts with {subject:?}; received: {subjects:#?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// A received mail's `To`, `Reply-To` and plain text.
#[derive(Debug)]
pub struct Received {
    pub subject: String,
    pub to: String,
    pub reply_to: String,
    pub text: String,
    pub html: String,
}

impl Received {
    pub fn parse(raw: &[u8]) -> Self {
        let mail = mailparse::parse_mail(raw).expect("a mail");
        Self {
            subject: header(&mail, "Subject"),
            to: header(&mail, "To"),
            reply_to: header(&mail, "Reply-To"),
            text: part(&mail, "text/plain"),
            html: part(&mail, "text/html"),
        }
    }
}
