//! The `tessera` command: the License Manager's operations for servers without a desktop.
//!
//! Human output is translated with tessera-i18n; `--json` prints exactly one JSON object on
//! standard output (a [`tessera_client::Status`], a command's result, or `{code, message}`);
//! the exit code says how it went (see [`exit::Exit`] and docs/cli.md).

pub mod args;
pub mod commands;
pub mod error;
pub mod exit;
pub mod output;
mod spinner;

use std::process::ExitCode;

use clap::Parser as _;
use tessera_client::{Client, ClientConfig, StateDir};
use tessera_i18n::{Language, Localizer, Surface};

use crate::args::{Cli, Command, Global};
use crate::commands::{Outcome, Ui};
use crate::error::{Failure, Result};
use crate::exit::Exit;

/// Parses the command line, runs the command, prints, and returns the exit code.
#[must_use]
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage(&error),
    };
    let json = cli.global.json;
    let refreshing = matches!(cli.command, Command::Refresh);
    // The CLI's own words: its commands, not the app's buttons.
    let mut localizer = Localizer::new(cli.global.lang.unwrap_or_else(system_language)).on(Surface::Cli);
    let result = open(&cli.global).and_then(|mut client| {
        if cli.global.lang.is_none()
            && let Some(language) = Language::from_code(&client.settings().language)
        {
            localizer = Localizer::new(language).on(Surface::Cli);
        }
        let ui = Ui::new(localizer, json)?;
        commands::execute(&mut client, &ui, cli.command)
    });
    match result {
        Ok(outcome) => print_outcome(&outcome, json),
        Err(failure) => print_failure(&failure, &localizer, json, refreshing),
    }
}

/// The client for `--product` in the chosen folder, with `--portal` saved when given.
fn open(global: &Global) -> Result<Client> {
    let state_dir = match (&global.state_dir, global.system) {
        (Some(path), _) => StateDir::at(path),
        (None, true) => StateDir::system(&global.product),
        (None, false) => StateDir::for_user(&global.product)?,
    };
    let config = ClientConfig {
        product: global.product.clone(),
        app_version: global.app_version.clone(),
        state_dir,
        trusted_keys: tessera_client::trusted_keys()?,
        machine: None,
    };
    let mut client = Client::open(config)?;
    if let Some(url) = &global.portal {
        let mut settings = client.settings().clone();
        settings.portal_url = url.trim().to_owned();
        if settings != *client.settings() {
            client.save_settings(settings, None)?;
        }
    }
    Ok(client)
}

/// The language the system asks for: `LC_ALL`, else `LC_MESSAGES`, else `LANG`.
fn system_language() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
        .map_or(Language::En, |value| Language::negotiate(&value))
}

/// A command line clap refused: clap's message (exit 2), or `{code: "USAGE", message}` with `--json`.
fn usage(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let asked_for_text = matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion);
    if !asked_for_text && std::env::args_os().skip(1).any(|arg| arg == "--json") {
        // clap's first paragraph, on one line: "the following required arguments were not provided: <KEY>".
        let rendered = error.render().to_string();
        let paragraph: Vec<&str> = rendered.lines().take_while(|line| !line.trim().is_empty()).map(str::trim).collect();
        let joined = paragraph.join(" ");
        let message = joined.strip_prefix("error: ").unwrap_or(&joined);
        emit(&mut std::io::stdout(), &serde_json::json!({ "code": "USAGE", "message": message }).to_string());
        return Exit::Usage.into();
    }
    // Help and version go to standard output and exit 0; mistakes to standard error with 2.
    let _ = error.print();
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(Exit::Usage.number()))
}

fn print_outcome(outcome: &Outcome, json: bool) -> ExitCode {
    if json {
        emit(&mut std::io::stdout(), &outcome.json.to_string());
    } else {
        emit(&mut std::io::stdout(), outcome.human.trim_end_matches('\n'));
    }
    outcome.exit.into()
}

fn print_failure(failure: &Failure, localizer: &Localizer, json: bool, refreshing: bool) -> ExitCode {
    if json {
        let text = serde_json::to_string(failure).unwrap_or_default();
        emit(&mut std::io::stdout(), &text);
    } else {
        let mut message = failure.localized(localizer);
        if refreshing {
            message = localizer.text_with("refresh-failed", &[("reason", message)]);
        }
        let mut text = format!("tessera: {message} ({})", failure.code());
        if let Some(detail) = failure.detail().filter(|d| *d != message) {
            text.push_str(&format!("\n  {detail}"));
        }
        if let Some(hint) = failure.hint(localizer) {
            text.push_str(&format!("\n{hint}"));
        }
        emit(&mut std::io::stderr(), &text);
    }
    failure.exit().into()
}

/// Writes a line; a closed pipe (`tessera status | head -1`) is not worth a panic.
fn emit(out: &mut impl std::io::Write, text: &str) {
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}
