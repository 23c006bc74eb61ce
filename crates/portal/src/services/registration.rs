//! Registration keys (seed 002), for the API and the customer pages: an installation key
//! compared with what the customer is entitled to, and the registration key when every row of
//! the comparison passes; every key issued is kept in `registrations`.

use chrono::NaiveDate;
use tessera_core::{Grant, InstallationKey, RegistrationKey};

use crate::domain::{CustomerId, Serial};
use crate::error::{Error, Result};
use crate::services::licensing;
use crate::state::AppState;
use crate::store;

fn day(seconds: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(seconds, 0).map(|d| d.date_naive())
}

/// What a cell of the comparison says, before it is put into words (English for the API, the
/// customer's language on the pages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Shown as is: a product id, a version.
    Text(String),
    /// A number of workstations.
    Count(i64),
    /// Releases covered by support until this time; `None` without a support term.
    ReleasesUntil(Option<i64>),
    /// The program asks for a license in force.
    InForce,
    /// The license's term: the state code that refuses it (`EXPIRED`, ...), else its end (`None`: perpetual).
    Term { refusal: Option<&'static str>, until: Option<i64> },
}

impl Value {
    /// The words of the API.
    pub fn english(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Count(n) => n.to_string(),
            Self::ReleasesUntil(until) => {
                until.and_then(day).map_or_else(|| "no support term".into(), |d| format!("releases until {d}"))
            }
            Self::InForce => "in force".into(),
            Self::Term { refusal: Some(code), .. } => code.to_lowercase(),
            Self::Term { refusal: None, until } => {
                until.and_then(day).map_or_else(|| "perpetual".into(), |d| format!("until {d}"))
            }
        }
    }
}

/// One row of the comparison, unworded.
#[derive(Debug, Clone)]
pub struct Row {
    /// `product`, `version`, `workstations`, `term`.
    pub parameter: &'static str,
    pub requested: Value,
    pub entitled: Value,
    pub ok: bool,
}

/// The comparison for an installation key and, when every row passes, its registration key.
#[derive(Debug)]
pub struct Registration {
    pub rows: Vec<Row>,
    pub registration_key: Option<String>,
    pub serial: Serial,
}

/// Compares an installation key with the best license of `customer` for its product and issues
/// the registration key when the license covers it; for the API and the customer pages. Another
/// customer's licenses are never looked at: no license of the product is `NOT_FOUND`.
pub async fn register(state: &AppState, customer: &CustomerId, installation_key: &str) -> Result<Registration> {
    let install = InstallationKey::parse(installation_key)?;
    let licenses = store::licenses::all_of_customer(&state.pool, customer).await?;
    let now = store::now();
    let mut candidates: Vec<_> = licenses.iter().filter(|l| install.is_for_product(&l.product_id)).collect();
    // Prefer a usable license with the most users.
    candidates.sort_by_key(|l| (l.refusal(now).is_some(), -l.users));
    let Some(license) = candidates.first() else {
        return Err(Error::NotFound);
    };
    let (major, minor) = install.version();
    let version = format!("{major}.{minor}");
    let refusal = license.refusal(now);
    let rows = vec![
        Row {
            parameter: "product",
            requested: Value::Text(license.product_id.clone()),
            entitled: Value::Text(license.product_id.clone()),
            ok: true,
        },
        Row {
            parameter: "version",
            requested: Value::Text(version.clone()),
            entitled: Value::ReleasesUntil(license.support_until),
            ok: license.support_until.is_some_and(|until| until > now),
        },
        Row {
            parameter: "workstations",
            requested: Value::Count(i64::from(install.seats())),
            entitled: Value::Count(license.users),
            ok: i64::from(install.seats()) <= license.users,
        },
        Row {
            parameter: "term",
            requested: Value::InForce,
            entitled: Value::Term { refusal: refusal.as_ref().map(Error::code), until: license.expires_at },
            ok: refusal.is_none(),
        },
    ];
    let registration_key = rows.iter().all(|row| row.ok).then(|| {
        let grant = Grant {
            seats: install.seats(),
            expires: license.expires_at.and_then(day),
            support_until: license.support_until.and_then(day),
        };
        RegistrationKey::issue(&install, grant, &state.keys.current).to_string()
    });
    if let Some(key) = &registration_key {
        record(state, license, customer, &install, key, &version, now).await?;
        tracing::info!(license = %license.id, %version, "registration key issued");
    }
    Ok(Registration { rows, registration_key, serial: license.serial.clone() })
}

/// Keeps a registration key just issued, for the customer's Programs and information table
/// (seed 002: key generation date, installation key, registration key, version).
async fn record(
    state: &AppState,
    license: &licensing::License,
    customer: &str,
    install: &InstallationKey,
    registration_key: &str,
    version: &str,
    now: i64,
) -> Result<()> {
    let new = store::registrations::NewRegistration {
        license_id: &license.id,
        customer_id: customer,
        installation_key: &install.to_string(),
        registration_key,
        version,
        seats: i64::from(install.seats()),
        generated_at: now,
    };
    store::registrations::insert(&mut *store::acquire(&state.pool).await?, &new).await?;
    Ok(())
}
