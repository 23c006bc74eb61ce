//! `tessera-portal billing quote`: what a subscription's changes charge, read as JSON on stdin
//! and answered as JSON on stdout by tessera-billing, without a database.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::Subcommand;

/// Billing computations that need no database.
#[derive(Debug, Subcommand)]
pub enum Billing {
    /// Reads a subscription and its changes as JSON on stdin and prints what is due now and
    /// what renews, as JSON (docs/api.md, "Billing quote"). Bad input exits with status 2.
    Quote,
}

/// Runs `command`: 0 answered, 2 refused input (the message names the field), 1 an I/O failure.
#[must_use]
pub fn run(command: &Billing) -> ExitCode {
    match command {
        Billing::Quote => quote(std::io::stdin().lock(), std::io::stdout().lock()),
    }
}

fn quote(mut input: impl Read, mut output: impl Write) -> ExitCode {
    let mut request = String::new();
    if let Err(e) = input.read_to_string(&mut request) {
        eprintln!("tessera-portal: cannot read the quote request on stdin: {e}");
        return ExitCode::FAILURE;
    }
    match tessera_billing::quote_json(&request) {
        Ok(answer) => match writeln!(output, "{answer}") {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("tessera-portal: cannot write the quote: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("tessera-portal: {e}");
            ExitCode::from(2)
        }
    }
}
