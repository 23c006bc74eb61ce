//! What people read: aligned label/value lists and tables, in the customer's language.

use tessera_client::{Settings, Status, StoreKind};
use tessera_core::{SubscriptionState, Timestamp};
use tessera_i18n::{Language, Localizer};

/// Shown for a value that is not there.
pub const NONE: &str = "—";

/// A day, `YYYY-MM-DD`.
#[must_use]
pub fn day(at: Timestamp) -> String {
    at.datetime().format("%Y-%m-%d").to_string()
}

/// A time to the minute, in UTC.
#[must_use]
pub fn minute(at: Timestamp) -> String {
    at.datetime().format("%Y-%m-%d %H:%M UTC").to_string()
}

fn width(text: &str) -> usize {
    text.chars().count()
}

fn pad(text: &str, to: usize) -> String {
    format!("{text}{}", " ".repeat(to.saturating_sub(width(text))))
}

/// `label   value` lines, the values aligned, indented by two spaces.
#[must_use]
pub fn fields(rows: &[(String, String)]) -> String {
    let label_width = rows.iter().map(|(label, _)| width(label)).max().unwrap_or(0);
    rows.iter().map(|(label, value)| format!("  {}  {value}\n", pad(label, label_width))).collect()
}

/// A table with a header line; columns separated by two spaces, trailing blanks trimmed.
#[must_use]
pub fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..headers.len())
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .chain(std::iter::once(&headers[column]))
                .map(|cell| width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(cell, w)| pad(cell, *w)).collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(headers);
    out.push_str(&line(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>()));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

/// Where secrets are kept, in words.
#[must_use]
pub fn store_name(localizer: &Localizer, store: &StoreKind) -> String {
    let name = match store {
        StoreKind::Keyring => localizer.text("credential-store-keyring"),
        StoreKind::EncryptedFile { path } => localizer.text_with("credential-store-file", &[("path", path)]),
    };
    localizer.text_with("cli-credential-store", &[("store", name)])
}

/// The license dashboard: state, what to do next, the license's details.
#[must_use]
pub fn status(localizer: &Localizer, status: &Status) -> String {
    let l = localizer;
    let mut out = l.text_with("cli-license-state", &[("state", l.state(status.code))]);
    out.push('\n');
    if let Some(headline) = l.headline(&status.state, tessera_core::Timestamp::now()) {
        out.push_str(&headline);
        out.push('\n');
    }
    out.push_str(&l.state_message(&status.state));
    out.push_str("\n\n");
    let mut rows = Vec::new();
    if let Some(license) = status.state.license() {
        rows.extend([(l.text("dashboard-customer"), license.customer.clone())]);
        rows.extend(license.user.clone().map(|user| (l.text("dashboard-user"), user)));
        rows.extend([
            (l.text("dashboard-product"), license.product_name.clone().unwrap_or_else(|| license.product.clone())),
            (l.text("dashboard-edition"), license.edition.clone()),
            (l.text("dashboard-users"), license.users.to_string()),
            (l.text("dashboard-serial"), license.serial.clone()),
            (l.text("dashboard-order"), license.order.clone().unwrap_or_else(|| NONE.into())),
            (
                l.text("dashboard-support-until"),
                license.support_until.map_or_else(|| l.text("dashboard-no-support"), day),
            ),
            (l.text("dashboard-expires"), license.expires.map_or_else(|| l.text("dashboard-perpetual"), day)),
        ]);
        rows.extend(license.subscription.map(|term| {
            let key = match term.state {
                SubscriptionState::Renews => "dashboard-subscription-renews",
                SubscriptionState::Cancelled => "dashboard-subscription-cancelled",
                SubscriptionState::Trial => "dashboard-subscription-trial",
            };
            (l.text("dashboard-subscription"), l.text_with(key, &[("date", &day(term.on))]))
        }));
        rows.extend(license.support_contact.clone().map(|contact| (l.text("dashboard-support-contact"), contact)));
        rows.extend(license.renew_url.clone().map(|url| (l.text("dashboard-renew-at"), url)));
        // An unbound seat's reason is the state's own message, in the customer's language.
        rows.extend(
            license
                .status_reason
                .clone()
                .filter(|_| !license.unbound)
                .map(|reason| (l.text("dashboard-status-reason"), reason)),
        );
    }
    rows.extend([
        (l.text("dashboard-computer"), if status.hostname.is_empty() { NONE.into() } else { status.hostname.clone() }),
        (l.text("dashboard-last-sync"), status.last_sync.map_or_else(|| l.text("common-never"), minute)),
        (l.text("dashboard-fingerprint"), status.fingerprint.clone()),
    ]);
    out.push_str(&fields(&rows));
    if let Some(registration) = &status.registration {
        out.push('\n');
        out.push_str(&l.text("offline-registration-key-label"));
        out.push('\n');
        out.push_str(&fields(&[
            (l.text("dashboard-users"), registration.seats.to_string()),
            (
                l.text("dashboard-expires"),
                registration.expires.clone().unwrap_or_else(|| l.text("dashboard-perpetual")),
            ),
            (
                l.text("dashboard-support-until"),
                registration.support_until.clone().unwrap_or_else(|| l.text("dashboard-no-support")),
            ),
        ]));
    }
    out.push('\n');
    if status.pending_request {
        out.push_str(&l.text("dashboard-pending-request"));
        out.push('\n');
    }
    out.push_str(&store_name(l, &status.credential_store));
    out.push('\n');
    out
}

/// The settings, as the Settings screen shows them.
#[must_use]
pub fn settings(localizer: &Localizer, settings: &Settings, store: &StoreKind) -> String {
    let l = localizer;
    let proxy = match settings.proxy.mode {
        tessera_client::ProxyMode::None => l.text("settings-proxy-none"),
        tessera_client::ProxyMode::System => l.text("settings-proxy-system"),
        tessera_client::ProxyMode::Manual => l.text("settings-proxy-manual"),
    };
    let mut rows =
        vec![(l.text("settings-portal-url"), settings.portal_url.clone()), (l.text("settings-proxy"), proxy)];
    if settings.proxy.mode == tessera_client::ProxyMode::Manual || !settings.proxy.url.is_empty() {
        let url = tessera_client::portal::without_credentials(&settings.proxy.url);
        rows.push((l.text("settings-proxy-url"), if url.is_empty() { NONE.into() } else { url }));
        rows.push((l.text("settings-proxy-user"), settings.proxy.username.clone().unwrap_or_else(|| NONE.into())));
    }
    let language = Language::from_code(&settings.language).map_or_else(|| NONE.into(), |l| l.native_name().into());
    rows.push((l.text("settings-language"), language));
    let refresh = l.auto_refresh(settings.auto_refresh_hours);
    rows.push((l.text("settings-auto-refresh"), refresh));
    format!("{}\n{}\n", fields(&rows), store_name(l, store))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_aligns_its_columns_to_the_widest_cell() {
        let text = table(&["Jours".into(), "Édition".into()], &[vec!["365".into(), "Enterprise".into()]]);
        assert_eq!(text, "Jours  Édition\n-----  ----------\n365    Enterprise\n");
    }

    #[test]
    fn fields_align_their_values() {
        let text = fields(&[("Users".into(), "3".into()), ("Serial number".into(), "P30".into())]);
        assert_eq!(text, "  Users          3\n  Serial number  P30\n");
    }
}
