//! Reading this computer's machine id, host name, MAC address, processor and OS.

use sysinfo::{CpuRefreshKind, Networks, RefreshKind, System};

use crate::error::{Error, Result};
use crate::fingerprint::MachineFacts;

/// Interfaces that come and go with containers and VPNs, never a machine's identity.
const VIRTUAL_PREFIXES: [&str; 10] = ["lo", "docker", "veth", "br-", "virbr", "vmnet", "tun", "tap", "wg", "vboxnet"];

impl MachineFacts {
    /// Reads this computer's facts. Fails only when the machine id cannot be read or is
    /// empty; the other components are best-effort.
    pub fn collect() -> Result<Self> {
        let machine_id = machine_uid::get().map_err(|e| Error::MachineIdUnavailable(e.to_string()))?;
        if machine_id.trim().is_empty() {
            return Err(Error::MachineIdUnavailable("the machine id is empty".into()));
        }
        let system = System::new_with_specifics(RefreshKind::nothing().with_cpu(CpuRefreshKind::nothing()));
        let cpu = system.cpus().first().map(|c| c.brand().trim().to_owned()).filter(|b| !b.is_empty());
        let os = System::long_os_version().filter(|s| !s.trim().is_empty());
        Ok(Self {
            machine_id: machine_id.trim().to_owned(),
            hostname: System::host_name().filter(|h| !h.trim().is_empty()),
            mac: primary_mac(),
            cpu,
            os,
        })
    }
}

/// The MAC of the first physical-looking interface by name, so the choice is stable.
fn primary_mac() -> Option<String> {
    let networks = Networks::new_with_refreshed_list();
    let mut candidates: Vec<(String, String)> = networks
        .iter()
        .filter(|(name, _)| !VIRTUAL_PREFIXES.iter().any(|p| name.starts_with(p)))
        .map(|(name, data)| (name.clone(), data.mac_address().to_string()))
        .filter(|(_, mac)| mac != "00:00:00:00:00:00")
        .collect();
    candidates.sort();
    candidates.into_iter().next().map(|(_, mac)| mac)
}
