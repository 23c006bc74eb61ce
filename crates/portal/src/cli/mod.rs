//! The `tessera-portal` command line: serve, seed demo data, rotate the signing key, back up and
//! restore, back-office tasks, billing quotes.

use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

pub mod admin;
pub mod backup;
pub mod billing;

use crate::config::Config;
use crate::{Portal, Result, demo, keys};

/// Tessera Portal, the vendor's licensing server.
#[derive(Debug, Parser)]
#[command(name = "tessera-portal", version, about)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API (and, with --demo, seed demo data first).
    Serve {
        /// Seed demo products, customers, orders and licenses if the database is empty, and
        /// print their credentials.
        #[arg(long)]
        demo: bool,
    },
    /// Seed demo data into the database and print the credentials, without serving.
    Demo,
    /// Retire the current signing key (it stays published) and create a new one.
    RotateKey,
    /// Back up the database and the signing keys, while the portal serves, into one file
    /// encrypted with a passphrase read from standard input (see docs/operations.md, "Backups").
    Backup(backup::BackupArgs),
    /// Restore a backup into a fresh data dir and an empty database (passphrase from standard
    /// input); refuses to overwrite anything.
    Restore(backup::RestoreArgs),
    /// Back-office tasks: products, editions, customers, orders, licenses.
    #[command(subcommand)]
    Admin(Box<admin::Admin>),
    /// Billing without a database: quote what a subscription's changes charge.
    #[command(subcommand)]
    Billing(billing::Billing),
}

/// Parses the command line and runs it.
#[must_use]
pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // Pure computation: no configuration file, runtime or database, and its own exit codes.
    if let Command::Billing(command) = &cli.command {
        return billing::run(command);
    }
    if let Err(e) = cli.config.apply_file(&matches) {
        eprintln!("tessera-portal: {e}");
        return ExitCode::from(2);
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("TESSERA_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("tessera-portal: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tessera-portal: {e} ({})", e.code());
            if let crate::Error::Internal(detail) = &e {
                eprintln!("  {detail}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The vendor and bank the demo's invoices and mails name.
const DEMO_VENDOR: &str = "Acme Software Ltd (demo)\n1 Vitosha Blvd, 1000 Sofia, Bulgaria\nVAT BG123456789";
const DEMO_BANK: &str = "Acme Software Ltd, IBAN BG80 BNBG 9661 1020 3456 78, BIC BNBGBGSF";

async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Serve { demo } => {
            let mut config = cli.config.clone();
            if demo {
                // The demo's invoices name a vendor and where to pay, unless told otherwise.
                config.vendor_details.get_or_insert_with(|| DEMO_VENDOR.into());
                config.bank_details.get_or_insert_with(|| DEMO_BANK.into());
                // Cards in test mode: nothing is charged, every page says so.
                config.test_cards = true;
            }
            let portal = Portal::build(&config).await?;
            if demo {
                // Customers first, then what they ordered; then the credentials, orders included.
                demo::seed(portal.pool()).await?;
                let mailer =
                    crate::mail::Mailer::from_config(&config).with_public_url(&format!("http://{}", portal.address()?));
                let public_url = format!("http://{}", portal.address()?);
                let test_mode = portal.test_cards();
                let cards =
                    test_mode.as_deref().map(|test_mode| demo::DemoCards { test_mode, public_url: &public_url });
                demo::seed_commerce(portal.pool(), &mailer, &config.order_prefix, cards).await?;
                let seeded = demo::seed(portal.pool()).await?;
                println!("{}", seeded.describe(&format!("http://{}", portal.address()?)));
            }
            // A line scripts and tests can wait for.
            println!("listening on http://{}", portal.address()?);
            portal.serve().await
        }
        Command::Demo => {
            let pool = Portal::open_database(&cli.config).await?;
            println!("{}", demo::seed(&pool).await?.describe("(not serving)"));
            Ok(())
        }
        Command::Admin(command) => {
            let pool = Portal::open_database(&cli.config).await?;
            let mailer = crate::mail::Mailer::from_config(&cli.config);
            println!("{}", admin::run(&pool, &mailer, &cli.config, *command).await?);
            Ok(())
        }
        Command::Backup(args) => {
            println!("{}", backup::backup(&cli.config, &args).await?);
            Ok(())
        }
        Command::Restore(args) => {
            println!("{}", backup::restore(&cli.config, &args).await?);
            Ok(())
        }
        // Answered by main() before the runtime starts.
        Command::Billing(_) => Ok(()),
        Command::RotateKey => {
            crate::create_private_dir(&cli.config.data_dir)?;
            let ring = keys::KeyRing::rotate(&cli.config.signing_key_path())?;
            println!("new signing key {} (retired keys stay published: {})", ring.current.kid(), ring.retired.len());
            Ok(())
        }
    }
}
