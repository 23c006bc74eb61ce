//! Saving and opening the text files of the offline workflows through the native dialogs.
//!
//! The dialogs are opened from Rust, so the front end can write only where the customer chose
//! in a save dialog and read only the file they picked: it gets no file-system access of its own.

use std::path::PathBuf;

use serde::Deserialize;
use tauri::{AppHandle, Manager as _, Runtime};
use tauri_plugin_dialog::{DialogExt as _, FilePath};
use tessera_i18n::Localizer;
use tokio::sync::oneshot;

use crate::error::{Error, Result};

/// A response or request is a few kilobytes: anything much larger is not one of ours, and
/// reading it would only freeze the window.
const LARGEST_FILE: u64 = 1024 * 1024;

/// The files the app saves or opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFile {
    ActivationRequest,
    ActivationResponse,
    DeactivationReceipt,
    Diagnostics,
}

impl TextFile {
    /// The name a save dialog suggests.
    pub fn suggested_name(self, product: &str) -> String {
        match self {
            Self::ActivationRequest => format!("{product}-activation-request.txt"),
            Self::ActivationResponse => format!("{product}-activation-response.txt"),
            Self::DeactivationReceipt => format!("{product}-deactivation-receipt.txt"),
            Self::Diagnostics => format!("{product}-diagnostics.json"),
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Diagnostics => &["json", "txt"],
            Self::ActivationResponse => &["txt", "lic", "asc"],
            Self::ActivationRequest | Self::DeactivationReceipt => &["txt"],
        }
    }

    /// The dialog's filter, named by its patterns (`*.txt *.lic`): the same in every language.
    fn filter_name(self) -> String {
        self.extensions().iter().map(|extension| format!("*.{extension}")).collect::<Vec<_>>().join(" ")
    }

    /// The catalogue message that titles the dialog.
    pub fn title_id(self) -> &'static str {
        match self {
            Self::ActivationRequest => "offline-export-button",
            Self::ActivationResponse => "offline-import-button",
            Self::DeactivationReceipt => "deactivate-offline-button",
            Self::Diagnostics => "diagnostics-export",
        }
    }
}

/// Asks where to save `text` and writes it there; `None` when the customer cancelled.
pub async fn save<R: Runtime>(
    app: &AppHandle<R>,
    localizer: Localizer,
    kind: TextFile,
    product: &str,
    text: &str,
) -> Result<Option<String>> {
    let (sender, receiver) = oneshot::channel();
    let mut dialog = app
        .dialog()
        .file()
        .set_title(localizer.text(kind.title_id()))
        .set_file_name(kind.suggested_name(product))
        .add_filter(kind.filter_name(), kind.extensions());
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    dialog.save_file(move |path| {
        let _ = sender.send(path);
    });
    let Some(path) = chosen(receiver.await)? else { return Ok(None) };
    std::fs::write(&path, text).map_err(|error| file_error(localizer, "app-file-save-failed", &path, &error))?;
    Ok(Some(path.display().to_string()))
}

/// Asks which file to open and returns its text; `None` when the customer cancelled.
pub async fn open<R: Runtime>(app: &AppHandle<R>, localizer: Localizer, kind: TextFile) -> Result<Option<String>> {
    let (sender, receiver) = oneshot::channel();
    let mut dialog = app
        .dialog()
        .file()
        .set_title(localizer.text(kind.title_id()))
        .add_filter(kind.filter_name(), kind.extensions());
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    dialog.pick_file(move |path| {
        let _ = sender.send(path);
    });
    let Some(path) = chosen(receiver.await)? else { return Ok(None) };
    let unreadable = |error| file_error(localizer, "app-file-open-failed", &path, &error);
    if std::fs::metadata(&path).map_err(unreadable)?.len() > LARGEST_FILE {
        return Err(Error::new("FILE_TOO_LARGE", localizer.text("app-file-too-large")));
    }
    let bytes = std::fs::read(&path).map_err(unreadable)?;
    // Not text: the import then says it is not a response file, in the customer's words.
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

fn chosen(answer: Result<Option<FilePath>, oneshot::error::RecvError>) -> Result<Option<PathBuf>> {
    match answer {
        Ok(Some(path)) => {
            path.into_path().map(Some).map_err(|error| Error::new("internal", format!("not a local file: {error}")))
        }
        // The dialog was closed, or went away with the window.
        Ok(None) | Err(_) => Ok(None),
    }
}

/// `app-file-save-failed` or `app-file-open-failed`, naming the file and the system's reason.
fn file_error(localizer: Localizer, id: &str, path: &std::path::Path, error: &std::io::Error) -> Error {
    let detail = format!("{}: {error}", path.display());
    Error::new("FILE_FAILED", localizer.text_with(id, &[("detail", detail)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_files_are_named_after_the_product_and_what_they_hold() {
        let cases = [
            (TextFile::ActivationRequest, "acme-ledger-activation-request.txt"),
            (TextFile::DeactivationReceipt, "acme-ledger-deactivation-receipt.txt"),
            (TextFile::Diagnostics, "acme-ledger-diagnostics.json"),
        ];
        for (kind, name) in cases {
            assert_eq!(kind.suggested_name("acme-ledger"), name);
        }
    }
}
