//! The company administration steps tests share (seed 004): the portal's outbox, inviting a
//! user who registers through the mailed link, the Subscription management table, Bind.

use reqwest::StatusCode;

use super::web::{Page, Visitor, unescape};

/// The password the invited users register with.
pub const PASSWORD: &str = "correct horse battery";

/// The `.eml` files of the portal's outbox, oldest first.
pub fn outbox(portal: &super::TestPortal) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(portal.dir.join("outbox")) else { return Vec::new() };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok());
    files.iter().map(|path| unquote(&std::fs::read_to_string(path).expect("mail"))).collect()
}

/// The outbox mails to `to` once one of them contains `text` (mail is queued, then sent).
pub async fn mail_to(portal: &super::TestPortal, to: &str, text: &str) -> String {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let found = outbox(portal).into_iter().find(|m| m.contains(&format!("To: {to}")) && m.contains(text));
        if let Some(mail) = found {
            return mail;
        }
        assert!(tokio::time::Instant::now() < deadline, "no mail to {to} with {text:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Undoes quoted-printable soft line breaks and `=XX` escapes.
/// Undoes quoted-printable soft line breaks and `=XX` escapes (links are ASCII).
pub fn unquote(mail: &str) -> String {
    let joined = mail.replace("=\r\n", "").replace("=\n", "");
    let mut out = String::new();
    let mut rest = joined.as_str();
    while let Some(at) = rest.find('=') {
        out.push_str(&rest[..at]);
        match u8::from_str_radix(rest.get(at + 1..at + 3).unwrap_or(""), 16) {
            Ok(byte) => {
                out.push(char::from(byte));
                rest = &rest[at + 3..];
            }
            Err(_) => {
                out.push('=');
                rest = &rest[at + 1..];
            }
        }
    }
    out + rest
}

/// The path `/password/reset/<token>` of the link in a mail.
pub fn reset_path(mail: &str) -> String {
    let start = mail.find("/password/reset/").expect("a link");
    mail[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || "/-_".contains(*c)).collect()
}

/// The seat ids of the rows of a Subscription management page, with their serials and statuses.
pub fn rows(page: &Page) -> Vec<(String, String, String)> {
    page.body
        .split("<tr id=\"seat-")
        .skip(1)
        .map(|row| {
            let id = row.split('"').next().unwrap_or_default().to_owned();
            let attr = |name: &str| {
                let start = row.find(&format!("{name}=\"")).map_or(0, |at| at + name.len() + 2);
                row[start..].split('"').next().unwrap_or_default().to_owned()
            };
            (id, attr("data-serial"), attr("data-status"))
        })
        .collect()
}

/// The first seat of license `serial` with `status` on the page.
pub fn seat(page: &Page, serial: &str, status: &str) -> String {
    rows(page)
        .into_iter()
        .find(|(_, s, st)| s == serial && st == status)
        .map(|(id, ..)| id)
        .unwrap_or_else(|| panic!("no {status} seat of {serial}: {}", page.body))
}

/// The admin invites `email` from Company administration; the person registers with the mailed
/// link and signs in (a fresh visitor).
pub async fn invite_and_register(portal: &super::TestPortal, admin: &mut Visitor, email: &str) -> Visitor {
    let company = admin.get("/company").await;
    assert_eq!(company.status, StatusCode::OK, "{}", company.body);
    let invited = admin.post("/company/invite", &[("csrf", &company.csrf()), ("email", email)]).await;
    assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);
    assert!(unescape(&invited.body).contains(&format!("Invitation sent to {email}")), "{}", invited.body);
    let mail = mail_to(portal, email, "/password/reset/").await;
    let path = reset_path(&mail);
    let mut person = Visitor::new(&portal.url);
    let form = person.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains(email), "the registration shows the address invited");
    let set = person.post(&path, &[("csrf", &form.csrf()), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    person
}

pub async fn subscriptions(visitor: &mut Visitor, query: &str) -> Page {
    let page = visitor.get(&format!("/company/subscriptions{query}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page
}

pub async fn bind(visitor: &mut Visitor, seat: &str, email: &str) -> Page {
    let list = visitor.get("/company/subscriptions").await;
    visitor.post(&format!("/company/seats/{seat}/bind"), &[("csrf", &list.csrf()), ("email", email)]).await
}
