//! The client's own record beside the license file: trusted time, last sync, the seat, and
//! what an offline activation is waiting for.

use serde::{Deserialize, Serialize};
use tessera_core::Timestamp;

use crate::error::{Error, Result};
use crate::files::{self, StateDir};

/// `state.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LocalState {
    /// The latest time this machine has trusted (see `tessera_core::Clock`).
    pub latest_trusted: Option<Timestamp>,
    /// When the license was last synchronised with the portal.
    pub last_sync: Option<Timestamp>,
    /// The license this machine holds a seat of (kept here too, so a damaged license file can
    /// still be refreshed).
    pub license_id: Option<String>,
    /// The portal's id of this machine's seat.
    pub machine_id: Option<String>,
    /// The activation request exported and not yet answered.
    pub pending_request: Option<String>,
    /// The installation key shown and not yet answered.
    pub pending_installation_key: Option<String>,
    /// A registration key entered for an installation key.
    pub registration: Option<Registration>,
}

/// An installation key and the registration key that answered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    /// The installation key shown.
    pub installation_key: String,
    /// The registration key entered.
    pub registration_key: String,
}

const FILE: &str = "state.json";

impl LocalState {
    /// Reads `state.json` (empty if absent; `STATE_CORRUPT` if unreadable).
    pub fn load(dir: &StateDir) -> Result<Self> {
        #[cfg(test)]
        io::LOADS.with(|n| n.set(n.get() + 1));
        let path = dir.file(FILE);
        match files::read_optional(&path)? {
            None => Ok(Self::default()),
            Some(text) => {
                serde_json::from_str(&text).map_err(|_| Error::StateCorrupt { path: path.display().to_string() })
            }
        }
    }

    /// Writes `state.json` atomically.
    pub fn save(&self, dir: &StateDir) -> Result<()> {
        #[cfg(test)]
        io::SAVES.with(|n| n.set(n.get() + 1));
        let text = serde_json::to_string_pretty(self).map_err(|e| Error::storage(&dir.file(FILE), e))?;
        files::write_atomic(&dir.file(FILE), text.as_bytes(), false)
    }

    /// Remembers a time as trusted if it is later than what was trusted so far.
    pub fn trust(&mut self, time: Timestamp) {
        self.latest_trusted = Some(self.latest_trusted.map_or(time, |t| t.max(time)));
    }
}

/// How often this thread read and wrote `state.json`: what the client's own tests count.
#[cfg(test)]
pub(crate) mod io {
    use std::cell::Cell;

    thread_local! {
        pub(crate) static LOADS: Cell<u32> = const { Cell::new(0) };
        pub(crate) static SAVES: Cell<u32> = const { Cell::new(0) };
    }

    /// The loads and saves so far, counted from zero again.
    pub(crate) fn take() -> (u32, u32) {
        (LOADS.with(|n| n.replace(0)), SAVES.with(|n| n.replace(0)))
    }
}
