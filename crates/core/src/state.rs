//! The license state a program acts on, and the trusted clock it is judged by.

use chrono::Duration;
use serde::Serialize;

use crate::error::Error;
use crate::fingerprint::{Component, Fingerprint};
use crate::keys::PublicKeySet;
use crate::license::{LicenseFile, LicensePayload, LicenseStatus};
use crate::time::Timestamp;

/// The time a license is judged at, and the latest time this machine has trusted before.
///
/// A client keeps `latest_trusted` as the maximum of every time it has seen: its own clock
/// at each check, the `issued` time of each license file and the signed `Date` of each
/// portal response. If the clock then reads earlier than that, by more than `tolerance`,
/// someone turned it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// This computer's clock now.
    pub now: Timestamp,
    /// The latest time seen and trusted so far, if any.
    pub latest_trusted: Option<Timestamp>,
    /// How far back the clock may go before it counts as turned back (time-zone mistakes
    /// and portal/machine clock skew happen).
    pub tolerance: Duration,
}

impl Clock {
    /// The tolerance used by [`Clock::at`]: one day, more than any time-zone mistake.
    pub const DEFAULT_TOLERANCE: Duration = Duration::hours(24);

    /// A clock reading `now`, with nothing trusted before and the default tolerance.
    #[must_use]
    pub fn at(now: Timestamp) -> Self {
        Self { now, latest_trusted: None, tolerance: Self::DEFAULT_TOLERANCE }
    }

    /// The same clock, having trusted `latest` before.
    #[must_use]
    pub fn trusting(self, latest: Option<Timestamp>) -> Self {
        Self { latest_trusted: latest, ..self }
    }
}

/// Why a license stopped being usable in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpiryCause {
    /// The license term ended.
    TermEnded,
    /// The offline grace ended without a refresh with the portal.
    RefreshOverdue,
}

/// Where a license stands on this machine, each with what the customer should do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LicenseState {
    /// No license on this machine yet.
    NotActivated,
    /// Usable.
    Valid {
        /// The verified license.
        license: Box<LicensePayload>,
    },
    /// Usable, but the program should refresh with the portal before `refresh_by`.
    Grace {
        /// The verified license.
        license: Box<LicensePayload>,
        /// The end of the offline grace, if it has one.
        refresh_by: Option<Timestamp>,
    },
    /// No longer usable: the term ended or the grace ran out.
    Expired {
        /// The verified license.
        license: Box<LicensePayload>,
        /// Which end was reached.
        cause: ExpiryCause,
        /// When.
        at: Timestamp,
    },
    /// Withheld by the vendor for now.
    Suspended {
        /// The verified license.
        license: Box<LicensePayload>,
    },
    /// Withdrawn by the vendor.
    Revoked {
        /// The verified license.
        license: Box<LicensePayload>,
    },
    /// A genuine license, but for another machine.
    FingerprintMismatch {
        /// The verified license.
        license: Box<LicensePayload>,
        /// The components that differ from the machine it was issued for.
        changed: Vec<Component>,
    },
    /// The clock reads earlier than a time already trusted.
    ClockTampered {
        /// The clock's reading.
        now: Timestamp,
        /// The latest trusted time.
        latest_trusted: Timestamp,
    },
    /// No license file, but a registration key that answers this computer's installation key
    /// and is in force (seed 002: activation by phone or e-mail).
    Registered {
        /// Workstations granted.
        seats: u16,
        /// The last day of the term; `None` for perpetual.
        expires: Option<chrono::NaiveDate>,
    },
    /// A genuine license, but this computer's record of the time it last trusted is missing or
    /// was changed: the portal must confirm the time (an online refresh) before it is used.
    TimeUnconfirmed {
        /// The verified license.
        license: Box<LicensePayload>,
    },
    /// The license file is not genuine, not readable, or not for this product.
    Invalid {
        /// The error's stable code (`BAD_SIGNATURE`, `FILE_DAMAGED`, ...); `reason` in JSON, where
        /// `code` is the state's (`INVALID`, which the CLI's exit status 9 stands for).
        #[serde(rename = "reason")]
        code: &'static str,
        /// The error's message; `reason_message` in JSON, beside the state's `message`.
        #[serde(rename = "reason_message")]
        message: String,
    },
}

impl LicenseState {
    /// A stable code: `NOT_ACTIVATED`, `VALID`, `GRACE`, `EXPIRED`, `SUSPENDED`, `REVOKED`,
    /// `FINGERPRINT_MISMATCH`, `CLOCK_TAMPERED`, `TIME_UNCONFIRMED`, `REGISTERED`, `INVALID`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotActivated => "NOT_ACTIVATED",
            Self::Valid { .. } => "VALID",
            Self::Grace { .. } => "GRACE",
            Self::Expired { .. } => "EXPIRED",
            Self::Suspended { .. } => "SUSPENDED",
            Self::Revoked { .. } => "REVOKED",
            Self::FingerprintMismatch { .. } => "FINGERPRINT_MISMATCH",
            Self::ClockTampered { .. } => "CLOCK_TAMPERED",
            Self::TimeUnconfirmed { .. } => "TIME_UNCONFIRMED",
            Self::Registered { .. } => "REGISTERED",
            Self::Invalid { .. } => "INVALID",
        }
    }

    /// Whether the vendor's program may run with full rights.
    #[must_use]
    pub fn is_usable(&self) -> bool {
        matches!(self, Self::Valid { .. } | Self::Grace { .. } | Self::Registered { .. })
    }

    /// The state a registration key's grant gives on `today`: `Registered` while its term
    /// lasts (the last day included), `None` once it ended.
    #[must_use]
    pub fn registered(grant: &crate::Grant, today: chrono::NaiveDate) -> Option<Self> {
        grant
            .expires
            .is_none_or(|last| today <= last)
            .then_some(Self::Registered { seats: grant.seats, expires: grant.expires })
    }

    /// The verified license, when there is one.
    #[must_use]
    pub fn license(&self) -> Option<&LicensePayload> {
        match self {
            Self::Valid { license }
            | Self::Grace { license, .. }
            | Self::Expired { license, .. }
            | Self::Suspended { license }
            | Self::Revoked { license }
            | Self::FingerprintMismatch { license, .. }
            | Self::TimeUnconfirmed { license } => Some(license),
            Self::NotActivated | Self::Registered { .. } | Self::ClockTampered { .. } | Self::Invalid { .. } => None,
        }
    }

    /// What the customer reads: what is the matter and what to do next.
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            Self::NotActivated => {
                "This computer has no license yet. Enter your activation key to activate it.".into()
            }
            Self::Valid { license } => match license.expires {
                Some(at) => format!("Your license is valid until {}.", at.datetime().format("%Y-%m-%d")),
                None => "Your license is valid.".into(),
            },
            Self::Grace { refresh_by: Some(by), .. } => format!(
                "Your license has not been synchronised with the licensing portal for a while. It keeps working until {}: connect to the internet and click Refresh.",
                by.datetime().format("%Y-%m-%d %H:%M UTC")
            ),
            Self::Grace { refresh_by: None, .. } => {
                "Your license has not been synchronised with the licensing portal for a while. Connect to the internet and click Refresh.".into()
            }
            Self::Expired { cause: ExpiryCause::TermEnded, at, .. } => format!(
                "Your license expired on {}. Renew it in the customer portal, then click Refresh.",
                at.datetime().format("%Y-%m-%d")
            ),
            Self::Expired { cause: ExpiryCause::RefreshOverdue, at, .. } => format!(
                "Your license could not be synchronised with the licensing portal since {}. Connect to the internet and click Refresh, or activate offline.",
                at.datetime().format("%Y-%m-%d")
            ),
            Self::Suspended { .. } => {
                "Your license is suspended by the vendor. Contact your vendor or reseller; click Refresh once it is resolved.".into()
            }
            Self::Revoked { license } if license.unbound => format!(
                "Your company administrator has ended your access to {} — ask them to bind a license to you.",
                license.product_name.as_deref().unwrap_or(&license.product)
            ),
            Self::Revoked { .. } => {
                "Your license has been revoked by the vendor. Contact your vendor or reseller.".into()
            }
            Self::FingerprintMismatch { changed, .. } => {
                let names: Vec<String> = changed.iter().map(ToString::to_string).collect();
                format!(
                    "This license belongs to another computer (changed here: {}). If you replaced this computer or its hardware, deactivate the license on the old one or ask your vendor to transfer it, then activate again.",
                    if names.is_empty() { "machine identifier".into() } else { names.join(", ") }
                )
            }
            Self::ClockTampered { latest_trusted, .. } => format!(
                "This computer's clock is set earlier than {}, a time it has already seen. Correct the date and time, then connect to the portal to confirm the time: click Refresh.",
                latest_trusted.datetime().format("%Y-%m-%d %H:%M UTC")
            ),
            Self::Registered { seats, expires } => {
                let workstations = if *seats == 1 { "workstation" } else { "workstations" };
                match expires {
                    Some(last) => format!(
                        "This computer is registered with a registration key for {seats} {workstations}, until {}.",
                        last.format("%Y-%m-%d")
                    ),
                    None => format!(
                        "This computer is registered with a registration key for {seats} {workstations}, without end date."
                    ),
                }
            }
            Self::TimeUnconfirmed { .. } => {
                "This computer's record of the time of its last license check is missing or was changed. Connect to the portal to confirm the time before the license can be used: click Refresh.".into()
            }
            Self::Invalid { message, .. } => message.clone(),
        }
    }
}

/// Judges a license file on this machine, offline.
///
/// Checks, in order, and stops at the first that fails: is there a file (`NotActivated`);
/// is it genuine, signed by a trusted key, and for this product (`Invalid`); revoked;
/// suspended; does the clock read earlier than a trusted time (`ClockTampered`); is it this
/// machine under the license's match policy (`FingerprintMismatch`); has the term ended or
/// the offline grace run out (`Expired`); is a refresh due (`Grace`). Otherwise `Valid`.
///
/// ```
/// use tessera_core::{evaluate, Clock, LicenseFile, PublicKeySet, Timestamp};
/// # let (key, payload) = tessera_core::example::license();
/// # let fingerprint = tessera_core::example::fingerprint();
/// let file = LicenseFile::sign(&payload, &key)?;
/// let trusted = PublicKeySet::from_keys([key.public_key()])?;
///
/// let state = evaluate(Some(&file), &trusted, &fingerprint, &Clock::at(payload.issued));
/// assert_eq!(state.code(), "VALID");
///
/// let after_term = payload.expires.unwrap();
/// let state = evaluate(Some(&file), &trusted, &fingerprint, &Clock::at(after_term));
/// assert_eq!(state.code(), "EXPIRED");
/// # Ok::<(), tessera_core::Error>(())
/// ```
#[must_use]
pub fn evaluate(
    license: Option<&LicenseFile>,
    keys: &PublicKeySet,
    fingerprint: &Fingerprint,
    clock: &Clock,
) -> LicenseState {
    let Some(file) = license else {
        return LicenseState::NotActivated;
    };
    let license = match file.verify(keys) {
        Ok(payload) if payload.product == fingerprint.product() => Box::new(payload),
        Ok(payload) => {
            return invalid(&Error::ProductMismatch {
                expected: fingerprint.product().to_owned(),
                found: payload.product,
            });
        }
        Err(error) => return invalid(&error),
    };
    match license.status {
        LicenseStatus::Revoked => return LicenseState::Revoked { license },
        LicenseStatus::Suspended => return LicenseState::Suspended { license },
        LicenseStatus::Active => {}
    }
    let latest_trusted = clock.latest_trusted.map_or(license.issued, |t| t.max(license.issued));
    if clock.now + clock.tolerance < latest_trusted {
        return LicenseState::ClockTampered { now: clock.now, latest_trusted };
    }
    let comparison = fingerprint.compare(license.fingerprint, &license.components, license.match_policy);
    if !comparison.matches {
        return LicenseState::FingerprintMismatch { license, changed: comparison.changed };
    }
    if let Some(at) = license.expires.filter(|at| clock.now >= *at) {
        return LicenseState::Expired { license, cause: ExpiryCause::TermEnded, at };
    }
    if let Some(at) = license.refresh_by.filter(|at| clock.now >= *at) {
        return LicenseState::Expired { license, cause: ExpiryCause::RefreshOverdue, at };
    }
    if license.refresh_after.is_some_and(|at| clock.now >= at) {
        let refresh_by = license.refresh_by;
        return LicenseState::Grace { license, refresh_by };
    }
    LicenseState::Valid { license }
}

fn invalid(error: &Error) -> LicenseState {
    LicenseState::Invalid { code: error.code(), message: error.to_string() }
}
