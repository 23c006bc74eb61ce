//! The `tessera-portal` binary: see `tessera-portal --help`.

// jemalloc: under load glibc's malloc took a fifth of the portal's CPU, and jemalloc cut a
// validation's CPU by a quarter (docs/benchmarks.md, "What was tried").
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    tessera_portal::cli::main()
}
