//! The mail outbox: how many mails are queued, sent and failed, the newest of a status (never a
//! body: a password link's signs someone in), and sending a failed mail again.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::{WebError, render};
use super::{Frame, StaffVisit};
use crate::domain::{MailStatus, Text};
use crate::services::mail::{self, Counts, Resend};
use crate::state::AppState;
use crate::store::mail::Mail;

/// The status filter, as the address carries it: `queued`, `sent`, `failed`, `all` or nothing;
/// and `done=resent` after a mail was queued again.
#[derive(Debug, Default, Deserialize)]
pub struct OutboxQuery {
    #[serde(default)]
    status: Text<16>,
    done: Option<Text<16>>,
}

#[derive(Template)]
#[template(path = "backoffice/mail.html")]
struct MailPage {
    frame: Frame,
    counts: Counts,
    /// The status shown, `None` for every one.
    status: Option<MailStatus>,
    mails: Vec<Mail>,
    /// What the last action did: (`ok` or `problem`, the text).
    notice: Option<(&'static str, String)>,
    limit: i64,
}

/// The catalogue's message naming a mail status.
fn status_key(status: MailStatus) -> String {
    format!("bo-mail-status-{}", status.code())
}

impl MailPage {
    fn status_label(&self, status: &MailStatus) -> String {
        self.frame.page.t(&status_key(*status))
    }

    fn failed(&self, mail: &Mail) -> bool {
        mail.status == MailStatus::Failed
    }

    fn queued(&self, mail: &Mail) -> bool {
        mail.status == MailStatus::Queued
    }

    fn attempts(&self, mail: &Mail) -> String {
        self.frame.page.tn("bo-mail-attempts", "count", mail.attempts)
    }

    fn newest(&self) -> String {
        self.frame.page.tn("bo-mail-newest", "count", self.limit)
    }

    /// The filter's entries: address, label with its count, whether it is the one shown.
    fn filters(&self) -> Vec<(String, String, bool)> {
        let all = (
            "/admin/mail".to_owned(),
            self.frame.page.tn("bo-mail-filter-all", "count", self.counts.all()),
            self.status.is_none(),
        );
        std::iter::once(all)
            .chain(MailStatus::ALL.iter().map(|status| {
                let label = format!("{} ({})", self.status_label(status), self.counts.of(*status));
                (format!("/admin/mail?status={}", status.code()), label, self.status == Some(*status))
            }))
            .collect()
    }
}

async fn page(
    state: &AppState,
    visit: &StaffVisit,
    status: Option<MailStatus>,
    notice: Option<(&'static str, String)>,
    code: StatusCode,
) -> Result<Response, WebError> {
    let here = status.map_or_else(|| "/admin/mail".to_owned(), |s| format!("/admin/mail?status={}", s.code()));
    let frame = Frame::new(visit, "mail", &here);
    let counts = mail::counts(&state.pool).await?;
    let mails = mail::outbox(&state.pool, status).await?;
    let mut response = render(&MailPage { frame, counts, status, mails, notice, limit: mail::OUTBOX_LIMIT })?;
    *response.status_mut() = code;
    Ok(response)
}

/// The outbox, the newest mails first; an unknown status is said on the page (400).
pub async fn outbox(
    State(state): State<AppState>,
    visit: StaffVisit,
    Query(query): Query<OutboxQuery>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "mail", "/admin/mail");
    let done = query.done.filter(|done| done.as_str() == "resent").map(|_| ("ok", frame.page.t("bo-mail-resent")));
    match query.status.trim() {
        "" | "all" => page(&state, &visit, None, done, StatusCode::OK).await,
        typed => match MailStatus::parse(typed) {
            Ok(status) => page(&state, &visit, Some(status), done, StatusCode::OK).await,
            Err(_) => {
                let text = frame.page.t1("bo-mail-bad-status", "status", typed);
                page(&state, &visit, None, Some(("problem", text)), StatusCode::BAD_REQUEST).await
            }
        },
    }
}

/// Sends a failed mail again (any member of staff), recorded in the log with who asked; back to
/// the outbox saying so.
pub async fn resend(
    State(state): State<AppState>,
    visit: StaffVisit,
    Path(id): Path<Text<64>>,
) -> Result<Response, WebError> {
    let frame = Frame::new(&visit, "mail", "/admin/mail");
    match mail::resend(&state.pool, &visit.actor(), &id).await? {
        Resend::Queued => Ok(Redirect::to("/admin/mail?done=resent").into_response()),
        Resend::NotFailed(status) => {
            let label = frame.page.t(&status_key(status));
            let text = frame.page.t_with("bo-mail-not-failed", &[("id", id.trim()), ("status", label.as_str())]);
            page(&state, &visit, None, Some(("problem", text)), StatusCode::CONFLICT).await
        }
        Resend::Unknown => Err(WebError::not_found(&frame.page)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mail_status_has_a_label_in_every_language() {
        for language in tessera_i18n::Language::ALL {
            let localizer = tessera_i18n::Localizer::new(language);
            for status in MailStatus::ALL {
                assert!(localizer.has(&status_key(*status)), "{}: {status}", language.code());
            }
        }
    }
}
