//! The page of a staff member's one-time password link (`admin create-staff --link`,
//! `admin staff-password-link`): the new password, set once, then the sign-in page.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;

use super::super::WebError;
use super::super::password_link::{self, Console, PasswordForm};
use super::super::session::Visit;
use crate::domain::Text;
use crate::state::AppState;

/// The new-password form, or why the link is refused (410).
pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
) -> Result<Response, WebError> {
    password_link::page(Console::Staff, &state, &visit, &token).await
}

/// Sets the password through the link, once, and sends the member of staff to sign in with
/// it (a second factor, when on, is still asked there).
pub async fn set(
    State(state): State<AppState>,
    visit: Visit,
    Path(token): Path<Text<128>>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    password_link::set(Console::Staff, &state, &visit, &token, &form).await
}
