//! The machine fingerprint: an HMAC of the machine id plus named components for tolerant matching.

use std::fmt;

use hmac::{Hmac, Mac as _};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::encoding::{ComponentDigest, FingerprintDigest};
use crate::error::{Error, Result};

/// What a computer says about itself. Read with [`MachineFacts::collect`], or built by hand
/// in tests. Only HMACs of these values leave the machine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MachineFacts {
    /// The operating system's machine id (`/etc/machine-id`, the registry's MachineGuid,
    /// IOPlatformUUID).
    pub machine_id: String,
    /// The host name.
    pub hostname: Option<String>,
    /// The primary network interface's MAC address.
    pub mac: Option<String>,
    /// The processor model.
    pub cpu: Option<String>,
    /// The operating system name and version.
    pub os: Option<String>,
}

/// One named part of a fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Component {
    /// The operating system's machine id.
    MachineId,
    /// The host name.
    Hostname,
    /// The primary MAC address.
    Mac,
    /// The processor model.
    Cpu,
    /// The operating system.
    Os,
}

impl Component {
    /// Every component, in a fixed order.
    pub const ALL: [Self; 5] = [Self::MachineId, Self::Hostname, Self::Mac, Self::Cpu, Self::Os];

    /// The component's name in files and messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::MachineId => "machine-id",
            Self::Hostname => "hostname",
            Self::Mac => "mac",
            Self::Cpu => "cpu",
            Self::Os => "os",
        }
    }
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::MachineId => "machine identifier",
            Self::Hostname => "computer name",
            Self::Mac => "network adapter",
            Self::Cpu => "processor",
            Self::Os => "operating system",
        })
    }
}

/// The component digests, as recorded in license and request files. A component the
/// machine could not read is absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Components {
    /// HMAC of the machine id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine_id: Option<ComponentDigest>,
    /// HMAC of the host name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostname: Option<ComponentDigest>,
    /// HMAC of the MAC address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<ComponentDigest>,
    /// HMAC of the processor model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<ComponentDigest>,
    /// HMAC of the operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os: Option<ComponentDigest>,
}

impl Components {
    /// The digest of one component.
    #[must_use]
    pub fn get(&self, component: Component) -> Option<ComponentDigest> {
        match component {
            Component::MachineId => self.machine_id,
            Component::Hostname => self.hostname,
            Component::Mac => self.mac,
            Component::Cpu => self.cpu,
            Component::Os => self.os,
        }
    }
}

/// How closely a machine must match the fingerprint a license was issued for. Chosen by
/// the vendor per product and signed into the license.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum MatchPolicy {
    /// The machine id must be the same.
    #[default]
    Exact,
    /// At least half of the recorded components must be the same (survives e.g. a new
    /// network card and an OS upgrade, not a new machine).
    Fuzzy,
    /// At least one recorded component must be the same.
    Loose,
}

/// The outcome of comparing this machine with a recorded fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Whether the policy accepts this machine.
    pub matches: bool,
    /// Recorded components that differ here or could not be read here.
    pub changed: Vec<Component>,
}

/// This machine's fingerprint for one product.
///
/// The digest is HMAC-SHA256 keyed by the product id over the machine id, so the same
/// computer has unrelated fingerprints for different products and the raw machine id
/// never leaves it.
///
/// ```
/// use tessera_core::{Component, Fingerprint, MachineFacts, MatchPolicy};
///
/// let facts = MachineFacts {
///     machine_id: "4c4c4544-0042-3510-8052-b4c04f4e3432".into(),
///     hostname: Some("accounts-pc".into()),
///     ..MachineFacts::default()
/// };
/// let recorded = Fingerprint::compute("acme-ledger", &facts)?;
///
/// let renamed = MachineFacts { hostname: Some("finance-pc".into()), ..facts.clone() };
/// let now = Fingerprint::compute("acme-ledger", &renamed)?;
/// let cmp = now.compare(recorded.digest(), recorded.components(), MatchPolicy::Exact);
/// assert!(cmp.matches);
/// assert_eq!(cmp.changed, vec![Component::Hostname]);
/// # Ok::<(), tessera_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    product: String,
    digest: FingerprintDigest,
    components: Components,
}

type HmacSha256 = Hmac<Sha256>;

fn hmac(product: &str, parts: &[&[u8]]) -> [u8; 32] {
    // HMAC accepts keys of any length; this cannot fail.
    let mut mac = HmacSha256::new_from_slice(product.as_bytes()).unwrap_or_else(|_| unreachable!());
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// One spelling per value: whitespace collapsed; host names lower case; MAC addresses as
/// `aa:bb:cc:dd:ee:ff` whatever separators the system used.
fn normalise(component: Component, value: &str) -> String {
    let collapsed = value.split_whitespace().collect::<Vec<_>>().join(" ");
    match component {
        Component::Hostname => collapsed.to_lowercase(),
        Component::Mac => {
            let digits: String = collapsed.chars().filter(char::is_ascii_hexdigit).collect::<String>().to_lowercase();
            if digits.len() == 12 {
                digits
                    .as_bytes()
                    .chunks(2)
                    .map(|pair| String::from_utf8_lossy(pair).into_owned())
                    .collect::<Vec<_>>()
                    .join(":")
            } else {
                collapsed.to_lowercase()
            }
        }
        _ => collapsed,
    }
}

impl Fingerprint {
    /// The fingerprint of the machine described by `facts`, for `product`. An empty machine
    /// id is an error, never a fingerprint every such machine would share.
    pub fn compute(product: &str, facts: &MachineFacts) -> Result<Self> {
        let machine_id = facts.machine_id.trim();
        if machine_id.is_empty() {
            return Err(Error::MachineIdUnavailable("the machine id is empty".into()));
        }
        let component = |component: Component, value: Option<&str>| -> Option<ComponentDigest> {
            let value = normalise(component, value?);
            if value.is_empty() {
                return None;
            }
            let full =
                hmac(product, &[b"tessera/component/v1\n", component.name().as_bytes(), b"\n", value.as_bytes()]);
            let mut short = [0u8; 16];
            short.copy_from_slice(&full[..16]);
            Some(ComponentDigest(short))
        };
        Ok(Self {
            product: product.to_owned(),
            digest: FingerprintDigest(hmac(product, &[machine_id.as_bytes()])),
            components: Components {
                machine_id: component(Component::MachineId, Some(machine_id)),
                hostname: component(Component::Hostname, facts.hostname.as_deref()),
                mac: component(Component::Mac, facts.mac.as_deref()),
                cpu: component(Component::Cpu, facts.cpu.as_deref()),
                os: component(Component::Os, facts.os.as_deref()),
            },
        })
    }

    /// This computer's fingerprint for `product`, from [`MachineFacts::collect`].
    pub fn of_this_machine(product: &str) -> Result<Self> {
        Self::compute(product, &MachineFacts::collect()?)
    }

    /// The product this fingerprint was computed for.
    #[must_use]
    pub fn product(&self) -> &str {
        &self.product
    }

    /// The HMAC of the machine id.
    #[must_use]
    pub fn digest(&self) -> FingerprintDigest {
        self.digest
    }

    /// The component digests.
    #[must_use]
    pub fn components(&self) -> &Components {
        &self.components
    }

    /// Compares this machine with a recorded fingerprint under `policy`.
    #[must_use]
    pub fn compare(&self, digest: FingerprintDigest, recorded: &Components, policy: MatchPolicy) -> Comparison {
        let mut same = 0usize;
        let mut changed = Vec::new();
        for component in Component::ALL {
            let Some(then) = recorded.get(component) else { continue };
            if self.components.get(component) == Some(then) {
                same += 1;
            } else {
                changed.push(component);
            }
        }
        let total = same + changed.len();
        let matches = self.digest == digest
            || match policy {
                MatchPolicy::Exact => false,
                MatchPolicy::Fuzzy => total > 0 && 2 * same >= total,
                MatchPolicy::Loose => same > 0,
            };
        Comparison { matches, changed }
    }
}
