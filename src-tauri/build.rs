/// Every command the front end may call, so that capabilities/ has to grant each by name:
/// nothing is callable by default.
const COMMANDS: &[&str] = &[
    "app_info",
    "messages",
    "status",
    "activate",
    "activate_user",
    "request_user_code",
    "activate_user_with_code",
    "replace_license",
    "refresh",
    "cancel_operation",
    "deactivate",
    "deactivation_receipt",
    "export_request",
    "import_response",
    "installation_key",
    "enter_registration_key",
    "sign_in",
    "sign_out",
    "customer_me",
    "customer_licenses",
    "customer_supports",
    "get_settings",
    "save_settings",
    "diagnostics",
    "save_text_file",
    "open_text_file",
    "bench_painted",
];

fn main() {
    let app_manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json").app_manifest(app_manifest))
        .expect("failed to run tauri-build");
}
