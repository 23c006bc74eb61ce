//! Back-office staff for tests: created from the shell as an operator does (the password piped
//! in), and signed in through the sign-in page.

use std::io::Write as _;
use std::process::{Command, Stdio};

use reqwest::StatusCode;

use super::TestPortal;
use super::web::{Page, Visitor};

/// `tessera-portal admin create-staff …` as a shell runs it, the password on standard input:
/// whether it succeeded, and what it printed.
pub fn create_staff(portal: &TestPortal, email: &str, role: &str, password: &str) -> (bool, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tessera-portal"));
    command.arg("--data-dir").arg(&portal.dir);
    if let Some(url) = &portal.config.database_url {
        command.args(["--database-url", url]);
    }
    let mut child = command
        .args(["admin", "create-staff", "--email", email, "--name", &format!("{role} person"), "--role", role])
        .env("TESSERA_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tessera-portal runs");
    child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("the password");
    let output = child.wait_with_output().expect("it ends");
    let text = String::from_utf8_lossy(if output.status.success() { &output.stdout } else { &output.stderr });
    (output.status.success(), text.into_owned())
}

/// A visitor signed in to the back office (a session of four hours).
pub async fn signed_in_staff(portal: &TestPortal, email: &str, password: &str) -> Visitor {
    let mut visitor = Visitor::new(&portal.url);
    let form = visitor.get("/admin/login").await;
    let answer =
        visitor.post("/admin/login", &[("csrf", &form.csrf()), ("email", email), ("password", password)]).await;
    assert_eq!((answer.status, answer.location.as_deref()), (StatusCode::SEE_OTHER, Some("/admin")), "{}", answer.body);
    let cookie = answer.set_cookies.iter().find(|c| c.starts_with("tessera_session=")).expect("a session cookie");
    assert!(cookie.contains("Max-Age=14400") && cookie.contains("HttpOnly"), "four hours: {cookie}");
    visitor
}

/// Posts to `action` with the CSRF token of `page`'s first form and `fields`; follows nothing.
pub async fn act(visitor: &mut Visitor, page: &Page, action: &str, fields: &[(&str, &str)]) -> Page {
    let csrf = page.csrf();
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    visitor.post(action, &form).await
}
