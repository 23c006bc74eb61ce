//! The `tessera-portal` binary: see `tessera-portal --help`.

fn main() -> std::process::ExitCode {
    tessera_portal::cli::main()
}
