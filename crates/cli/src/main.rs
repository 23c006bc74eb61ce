//! `tessera`: see the library (`tessera_cli`) and docs/cli.md.

fn main() -> std::process::ExitCode {
    tessera_cli::run()
}
