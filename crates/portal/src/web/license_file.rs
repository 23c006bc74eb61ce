//! A machine's license file, downloaded from its license's page (seed 000: older releases take
//! their `.lic` file from *Details*), signed on the spot exactly as the API's refresh issues it.
//!
//! A plain link (GET), not a form: the download changes nothing (the file is signed on the fly
//! and nothing is recorded, not even the machine's last-seen time, since the machine did not call),
//! so there is nothing a forged request could make happen. The cookie is `SameSite=Lax`, so
//! another site can at most send the customer's own browser to the download, and can never read
//! it. A GET also lets the browser offer "Save link as", and every page answer is `no-store`.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tessera_core::FingerprintDigest;

use super::session::SignedIn;
use super::{Page, WebError};
use crate::domain::Text;
use crate::error::Error;
use crate::services::licensing;
use crate::state::AppState;
use crate::store;

/// The longest serial or hostname kept in a file name.
const NAME_PART: usize = 64;

/// The license file of machine `machine` of the customer's own license `id`. Another customer's
/// license, or a machine of another license, is the same 404 as one that does not exist.
pub async fn download(
    State(state): State<AppState>,
    who: SignedIn,
    Path((id, machine)): Path<(Text<64>, Text<64>)>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "home", "/");
    let Some((license, machine)) = licensing::own_machine(&state.pool, &who.customer_id, &id, &machine).await? else {
        return Err(WebError::not_found(&page));
    };
    let fingerprint = licensing::fingerprint_of(&machine)?;
    let file = licensing::issue(&state.keys, &state.vendor, &license, fingerprint, &machine.components, store::now())?;
    tracing::info!(license = %license.id, machine = %machine.id, "license file downloaded from the customer pages");
    Ok(attachment(&license.serial, &machine.hostname, &file))
}

/// The form that binds a license file to a computer that never activated online.
#[derive(Debug, Deserialize)]
pub struct ForComputer {
    /// The computer's fingerprint, as the License Manager and `tessera status` show it.
    fingerprint: Text<128>,
    /// A name to know the computer by on this page.
    #[serde(default)]
    computer: Option<Text<64>>,
}

/// A license file for a computer that takes it from here (seed 000: older releases download
/// their `.lic` from *Details*), bound to the fingerprint typed in and holding a seat of the
/// customer's own license like an activation. The file also carries the support term.
pub async fn for_computer(
    State(state): State<AppState>,
    who: SignedIn,
    Path(id): Path<Text<64>>,
    Form(form): Form<ForComputer>,
) -> Result<Response, WebError> {
    let page = Page::new(&who.visit, "home", format!("/licenses/{id}"));
    let Some(license) = store::licenses::of_customer(&state.pool, &who.customer_id, &id).await? else {
        return Err(WebError::not_found(&page));
    };
    let typed: String = form.fingerprint.as_str().chars().filter(|c| !c.is_whitespace()).collect();
    let computer = form.computer.as_ref().map(|c| c.as_str().trim()).filter(|c| !c.is_empty());
    let fingerprint = FingerprintDigest::parse(&typed.to_ascii_lowercase());
    let refusal = match fingerprint {
        None => Some(Error::BadRequest(page.t("web-license-file-fingerprint-invalid").into())),
        Some(_) => license.refusal(store::now()),
    };
    let (Some(fingerprint), None) = (fingerprint, &refusal) else {
        let problem = refusal.unwrap_or(Error::NotFound);
        return super::home::license_with_problem(&state, &who, &license.id, &problem, &typed, computer).await;
    };
    let hostname = computer.map_or_else(|| page.t("web-license-file-default-computer"), str::to_owned);
    let actor = crate::domain::Actor::customer(&who.customer_id);
    let machine =
        match licensing::seat_for_download(&state.pool, &actor, &license, &fingerprint.to_hex(), &hostname).await {
            Ok(machine) => machine,
            Err(refusal @ Error::TooManyMachines(_)) => {
                return super::home::license_with_problem(&state, &who, &license.id, &refusal, &typed, computer).await;
            }
            Err(other) => return Err(other.into()),
        };
    let file = licensing::issue(&state.keys, &state.vendor, &license, fingerprint, &machine.components, store::now())?;
    tracing::info!(license = %license.id, machine = %machine.id, "license file bound to a computer from the customer pages");
    Ok(attachment(&license.serial, &machine.hostname, &file))
}

/// The license file as a download named after its license and computer.
fn attachment(serial: &str, hostname: &str, file: &tessera_core::LicenseFile) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", file_name(serial, hostname));
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        file.to_string(),
    )
        .into_response()
}

/// `<serial>-<hostname>.lic`, of ASCII letters, digits, `-`, `_` and `.` only (anything else
/// becomes `_`): nothing a browser or a file system could take for a path, a quote or a header,
/// and never a hidden file.
fn file_name(serial: &str, hostname: &str) -> String {
    let safe = |text: &str| -> String {
        text.chars()
            .take(NAME_PART)
            .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
            .collect()
    };
    let hostname = if hostname.trim().is_empty() { "computer".to_owned() } else { safe(hostname.trim()) };
    let name = format!("{}-{hostname}", safe(serial.trim()));
    format!("{}.lic", name.trim_start_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn the_file_name_is_the_serial_and_hostname_with_only_safe_characters() {
        for (serial, hostname, expected, why) in [
            ("P65", "PC-0051", "P65-PC-0051.lic", "plain names are kept"),
            ("P65", "ACCOUNTS.corp.example", "P65-ACCOUNTS.corp.example.lic", "dots are kept"),
            ("P65", "Bureau de Zoé", "P65-Bureau_de_Zo_.lic", "spaces and non-ASCII become _"),
            ("P65", "a\"; filename=evil.exe", "P65-a___filename_evil.exe.lic", "no quote or header syntax"),
            ("P65", "../../etc/passwd", "P65-.._.._etc_passwd.lic", "no path separators"),
            ("P65", "C:\\Users\\x", "P65-C__Users_x.lic", "no Windows path either"),
            ("P65", "  ", "P65-computer.lic", "an empty hostname"),
            ("..P65", "pc", "P65-pc.lic", "never a hidden file"),
        ] {
            assert_eq!(file_name(serial, hostname), expected, "{why}");
        }
        let long = "x".repeat(500);
        assert_eq!(file_name("P65", &long).len(), "P65-".len() + 64 + ".lic".len(), "a long hostname is cut");
    }
}
