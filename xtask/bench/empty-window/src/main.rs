//! An empty Tauri window, built with the workspace's tauri in the same run as the License
//! Manager: the baseline of `cargo xtask bench app`. Its page reports that it has painted
//! exactly as the app's dashboard does (`bench_painted`, the frame after it was drawn), and
//! the process prints `painted <ms since main started> EMPTY` and exits.

use std::io::Write as _;
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

#[tauri::command]
fn bench_painted(state: String) {
    let millis = STARTED.get().map_or(0.0, |started| started.elapsed().as_secs_f64() * 1000.0);
    let state: String = state.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "painted {millis:.1} {state}");
    let _ = stdout.flush();
    std::process::exit(0)
}

fn main() {
    STARTED.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![bench_painted])
        .run(tauri::generate_context!())
        .expect("error while running the empty window");
}
