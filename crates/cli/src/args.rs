//! The command line: global options and one subcommand per License Manager operation.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use tessera_i18n::Language;

/// Tessera License Manager for servers without a desktop.
///
/// Exit codes: 0 valid or done, 1 unclassified error, 2 usage, 3 not activated, 4 grace, 5 expired,
/// 6 suspended or revoked, 7 other computer, 8 clock turned back, 9 invalid license file,
/// 10 portal unreachable, 11 refused by the portal, 12 bad input, 13 local storage.
/// See docs/cli.md.
#[derive(Debug, Parser)]
#[command(name = "tessera", version, about, long_about)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// The vendor's product id.
    #[arg(long, global = true, env = "TESSERA_PRODUCT", default_value = "acme-ledger")]
    pub product: String,
    /// The folder of the license, state and settings. Default: this user's folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
    /// Use the machine-wide folder, readable by the vendor's software running as a service.
    #[arg(long, global = true, conflicts_with = "state_dir")]
    pub system: bool,
    /// Use this portal address from now on (saved in the settings).
    #[arg(long, global = true, value_name = "URL")]
    pub portal: Option<String>,
    /// Print one JSON object on standard output and nothing else.
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of the messages: en, fr, it, bg or ru. Default: the settings', else LC_ALL,
    /// LC_MESSAGES or LANG.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<Language>,
    /// The version of the vendor's program, sent with activations and in installation keys.
    #[arg(long, global = true, env = "TESSERA_APP_VERSION", default_value = env!("CARGO_PKG_VERSION"))]
    pub app_version: String,
}

fn parse_language(text: &str) -> Result<Language, String> {
    Language::from_code(text).ok_or_else(|| format!("'{text}' is not one of en, fr, it, bg, ru"))
}

/// The operations.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the license state, offline. Exits with the state's code.
    Status,
    /// Activate this computer online with an activation key ('-' reads it from standard input),
    /// or with --user EMAIL as a named user of a company: the password is read from standard
    /// input, or asked for without echo on a terminal (never an argument); with --code, a
    /// one-time code mailed to the address instead.
    Activate {
        /// The activation key, as received (spaces, dashes and case do not matter).
        #[arg(value_name = "KEY", required_unless_present = "user")]
        key: Option<String>,
        /// Sign in with your company account instead of a key: the seat your company
        /// administrator bound to you is used (the product is --product).
        #[arg(long, value_name = "EMAIL", conflicts_with = "key")]
        user: Option<String>,
        /// With --user: mail a one-time code to the address and use it instead of the password;
        /// the code is read from standard input, or asked for on a terminal (never an argument).
        #[arg(long, requires = "user")]
        code: bool,
        /// Replace the license this computer holds: its seat is given back online first.
        #[arg(long)]
        replace: bool,
    },
    /// Synchronise the license with the portal.
    Refresh,
    /// Give this computer's seat back: online, or with --offline by writing a receipt to upload.
    Deactivate {
        /// Without network: forget the license here and write a deactivation receipt.
        #[arg(long, requires = "receipt")]
        offline: bool,
        /// Where to write the receipt.
        #[arg(long, value_name = "FILE", requires = "offline")]
        receipt: Option<PathBuf>,
    },
    /// Offline activation, step 1: write an activation request file for this computer.
    ExportRequest {
        /// The activation key ('-' reads it from standard input).
        #[arg(value_name = "KEY")]
        key: String,
        /// Where to write the request.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Offline activation, step 2: import the response file from the portal.
    ImportResponse {
        /// The response file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Activation by phone or e-mail, step 1: show this computer's installation key.
    InstallationKey {
        /// Seats (workstations) to ask for.
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
        seats: u16,
    },
    /// Activation by phone or e-mail, step 2: enter the registration key received.
    Register {
        /// The registration key.
        #[arg(value_name = "REGISTRATION-KEY")]
        key: String,
    },
    /// Sign in to the customer portal with the purchase e-mail and any order number.
    SignIn {
        /// The e-mail address given when buying.
        #[arg(long, value_name = "E")]
        email: String,
        /// Any of the customer's order numbers.
        #[arg(long, value_name = "O")]
        order: String,
    },
    /// Forget the customer portal session.
    SignOut,
    /// List the customer's licenses (after sign-in).
    Licenses,
    /// List the customer's support terms (after sign-in).
    Supports,
    /// Show the settings, or change those given.
    Settings(SettingsArgs),
    /// Write a report for support: versions, folders, settings, state; never a key or password.
    Diagnostics {
        /// Write the report to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Show this computer's fingerprint and its components.
    Fingerprint,
}

/// `tessera settings` flags; none shows the settings.
#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// The licensing portal's address.
    #[arg(long, value_name = "U")]
    pub portal_url: Option<String>,
    /// How to reach the portal.
    #[arg(long, value_name = "MODE")]
    pub proxy: Option<ProxyArg>,
    /// The manual proxy's address (http://, https:// or socks5://).
    #[arg(long, value_name = "U")]
    pub proxy_url: Option<String>,
    /// The manual proxy's user name ('' for none).
    #[arg(long, value_name = "U")]
    pub proxy_user: Option<String>,
    /// Read the proxy password from standard input (an empty line removes it).
    #[arg(long)]
    pub proxy_password_stdin: bool,
    /// Refresh with the portal every N hours (the desktop app; 0 turns it off).
    #[arg(long, value_name = "N")]
    pub auto_refresh_hours: Option<u32>,
    /// The interface language: en, fr, it, bg, ru, or '' for the system's.
    #[arg(long, value_name = "L")]
    pub language: Option<String>,
}

impl SettingsArgs {
    /// Whether any setting is to change.
    #[must_use]
    pub fn changes_something(&self) -> bool {
        self.portal_url.is_some()
            || self.proxy.is_some()
            || self.proxy_url.is_some()
            || self.proxy_user.is_some()
            || self.proxy_password_stdin
            || self.auto_refresh_hours.is_some()
            || self.language.is_some()
    }
}

/// `--proxy` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProxyArg {
    /// Connect directly.
    None,
    /// The system's proxy environment (HTTPS_PROXY, ALL_PROXY, NO_PROXY).
    System,
    /// The proxy given with --proxy-url.
    Manual,
}

impl From<ProxyArg> for tessera_client::ProxyMode {
    fn from(mode: ProxyArg) -> Self {
        match mode {
            ProxyArg::None => Self::None,
            ProxyArg::System => Self::System,
            ProxyArg::Manual => Self::Manual,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        use clap::CommandFactory as _;
        Cli::command().debug_assert();
    }
}
