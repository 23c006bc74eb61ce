//! `tessera-portal admin …` as the shell parses it, run on a test portal: what it prints, or
//! the error's code and message.

use clap::Parser as _;
use tessera_portal::cli::admin::{self, Admin};
use tessera_portal::mail::Mailer;

#[derive(clap::Parser)]
struct Shell {
    #[command(subcommand)]
    admin: Admin,
}

/// Runs `admin <args>`: what it prints, or `CODE message`. Mail links point to the portal.
pub async fn run(portal: &super::TestPortal, args: &[&str]) -> Result<String, String> {
    let shell =
        Shell::try_parse_from(std::iter::once("admin").chain(args.iter().copied())).map_err(|e| e.to_string())?;
    let mailer = Mailer::from_config(&portal.config).with_public_url(&portal.url);
    admin::run(&portal.pool, &mailer, &portal.config, shell.admin).await.map_err(|e| format!("{} {e}", e.code()))
}

/// Runs `admin <args>`, which must succeed.
pub async fn ok(portal: &super::TestPortal, args: &[&str]) -> String {
    run(portal, args).await.unwrap_or_else(|e| panic!("{args:?}: {e}"))
}
