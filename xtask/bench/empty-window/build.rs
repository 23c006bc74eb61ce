fn main() {
    let app_manifest = tauri_build::AppManifest::new().commands(&["bench_painted"]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(app_manifest))
        .expect("failed to run tauri-build");
}
