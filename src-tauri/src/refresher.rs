//! The background refresh: every `auto_refresh_hours` (0 turns it off) the license is
//! synchronised with the portal, and the window is told how it went.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;
use tauri::{AppHandle, Emitter as _, Manager as _, Runtime};

use crate::error::Error;
use crate::manager::{Manager, StatusView, View as _};

/// The event the front end listens to.
pub const EVENT: &str = "license-auto-refresh";

/// The longest sleep between two looks at the settings and the license: an activation or a
/// change of settings is noticed within this time at the latest.
const LOOK_AGAIN: Duration = Duration::from_secs(3600);

/// How long the window may open before the first refresh.
const FIRST_LOOK: Duration = Duration::from_secs(20);

/// What the front end receives after a background refresh.
#[derive(Debug, Clone, Serialize)]
pub struct AutoRefresh {
    pub ok: bool,
    pub status: Option<StatusView>,
    pub error: Option<Error>,
}

enum Plan {
    RefreshNow,
    Sleep(Duration),
}

/// Starts the background refresh on Tauri's async runtime.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST_LOOK).await;
        // After a failed attempt, the next one waits (the portal may be down for a while).
        let mut not_before = 0_i64;
        loop {
            let manager = app.state::<Manager>();
            match plan(&manager, not_before).await {
                Plan::RefreshNow => {
                    let result = match manager.client().await {
                        Ok(mut client) => client.refresh().await.view(&manager),
                        Err(error) => Err(error),
                    };
                    if result.is_err() {
                        not_before = unix_now() + i64::try_from(LOOK_AGAIN.as_secs()).unwrap_or(3600);
                    }
                    let event = match result {
                        Ok(status) => AutoRefresh { ok: true, status: Some(status), error: None },
                        Err(error) => AutoRefresh { ok: false, status: None, error: Some(error) },
                    };
                    let _ = app.emit(EVENT, event);
                }
                Plan::Sleep(duration) => {
                    tokio::select! {
                        () = tokio::time::sleep(duration) => {}
                        () = manager.settings_changed.notified() => {}
                    }
                }
            }
        }
    });
}

/// When the next refresh is due: `auto_refresh_hours` after the last synchronisation.
async fn plan(manager: &Manager, not_before: i64) -> Plan {
    let Ok(client) = manager.client().await else { return Plan::Sleep(LOOK_AGAIN) };
    let hours = client.settings().auto_refresh_hours;
    let Ok(status) = client.status() else { return Plan::Sleep(LOOK_AGAIN) };
    if hours == 0 || status.state.license().is_none() {
        return Plan::Sleep(LOOK_AGAIN);
    }
    let now = unix_now();
    let last_sync = status.last_sync.map_or(now, |time| time.unix());
    let due = (last_sync + i64::from(hours) * 3600).max(not_before);
    if due <= now {
        Plan::RefreshNow
    } else {
        Plan::Sleep(Duration::from_secs(u64::try_from(due - now).unwrap_or(0)).min(LOOK_AGAIN))
    }
}

fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| i64::try_from(since.as_secs()).unwrap_or(i64::MAX))
}
