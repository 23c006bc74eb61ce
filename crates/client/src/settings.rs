//! The user's settings: portal address, proxy, language, auto-refresh.

use serde::{Deserialize, Serialize};

/// How to reach the portal through a proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ProxyMode {
    /// Connect directly.
    None,
    /// Use the system's proxy environment (`HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`).
    #[default]
    System,
    /// Use the proxy given here (http://, https:// or socks5://).
    Manual,
}

/// Proxy settings; the password lives in the credential store, never here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ProxySettings {
    /// Which proxy to use.
    pub mode: ProxyMode,
    /// The manual proxy's URL.
    pub url: String,
    /// The manual proxy's user name, if it asks for one.
    pub username: Option<String>,
}

/// Everything a user can set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The licensing portal's address.
    pub portal_url: String,
    /// Proxy.
    pub proxy: ProxySettings,
    /// Interface language: en, fr, it, bg or ru; empty for the system's.
    pub language: String,
    /// Refresh with the portal every this many hours; 0 turns it off.
    pub auto_refresh_hours: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            portal_url: option_env!("TESSERA_PORTAL_URL").unwrap_or("http://127.0.0.1:8080").to_owned(),
            proxy: ProxySettings::default(),
            language: String::new(),
            auto_refresh_hours: 24,
        }
    }
}

impl Settings {
    /// Checks that the settings can work, saying what to fix.
    pub fn validate(&self) -> crate::Result<()> {
        let url = self.portal_url.trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(crate::Error::Settings(format!("The portal address '{url}' must start with https://")));
        }
        if self.proxy.mode == ProxyMode::Manual {
            let proxy = self.proxy.url.trim();
            if !["http://", "https://", "socks5://", "socks5h://"].iter().any(|s| proxy.starts_with(s)) {
                return Err(crate::Error::Settings(format!(
                    "The proxy address '{proxy}' must start with http://, https:// or socks5://"
                )));
            }
        }
        if !["", "en", "fr", "it", "bg", "ru"].contains(&self.language.as_str()) {
            return Err(crate::Error::Settings(format!("The language '{}' is not available", self.language)));
        }
        Ok(())
    }
}
