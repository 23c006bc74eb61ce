//! The ids of the portal's rows as types of their own, so that a customer's id is never
//! passed where a license's is expected. Made by [`new_id`] or read from a
//! request; the text is what the database and the addresses hold.

use std::fmt;
use std::ops::Deref;

/// A new random id with a readable prefix, e.g. `lic_4f9k2m...`.
#[must_use]
pub fn new_id(prefix: &str) -> String {
    use sha2::Digest as _;
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut key = [0u8; 15];
    if tessera_core::encoding::random_bytes(&mut key).is_err() {
        // No OS randomness (never seen): still unique, from time, process and a counter.
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let seed = format!("{:?}{}{n}", std::time::SystemTime::now(), std::process::id());
        key.copy_from_slice(&sha2::Sha256::digest(seed.as_bytes())[..15]);
    }
    let symbols: String = tessera_core::base32::to_symbols(&key)
        .into_iter()
        .map(|s| char::from(tessera_core::base32::ALPHABET[usize::from(s)]).to_ascii_lowercase())
        .collect();
    format!("{prefix}_{symbols}")
}

macro_rules! id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id with this text (from the database, or a request to be looked up).
            #[must_use]
            pub fn new(text: impl Into<String>) -> Self {
                Self(text.into())
            }

            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                Self(text)
            }
        }

        impl Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id! {
    /// A license (`lic_…`).
    LicenseId
}

id! {
    /// A machine holding a seat (`mch_…`).
    MachineId
}

id! {
    /// A customer, a company (`cus_…`).
    CustomerId
}

id! {
    /// A person's account at a customer (`usr_…`).
    UserId
}

id! {
    /// An order (`ord_…`); its reference is what people read.
    OrderId
}
