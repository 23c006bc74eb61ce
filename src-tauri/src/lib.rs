//! Tessera License Manager: the Tauri shell that hosts the `ui/` front end and serves it the
//! license operations of tessera-client.

pub mod commands;
pub mod error;
pub mod files;
pub mod manager;
pub mod messages;
pub mod refresher;

pub use error::{Error, Result};
pub use manager::{Launch, Manager};

/// Opens the main window and serves the commands the front end calls; returns when the
/// last window closes.
pub fn run() {
    commands::bench::started();
    let context = tauri::generate_context!("../tauri.conf.json");
    let launch = Launch::from_env(&context.package_info().version.to_string());
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Manager::new(launch))
        .setup(|app| {
            refresher::spawn(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::messages,
            commands::status,
            commands::activate,
            commands::activate_user,
            commands::request_user_code,
            commands::activate_user_with_code,
            commands::replace_license,
            commands::refresh,
            commands::cancel_operation,
            commands::deactivate,
            commands::deactivation_receipt,
            commands::export_request,
            commands::import_response,
            commands::installation_key,
            commands::enter_registration_key,
            commands::sign_in,
            commands::sign_out,
            commands::customer_me,
            commands::customer_licenses,
            commands::customer_supports,
            commands::get_settings,
            commands::save_settings,
            commands::diagnostics,
            commands::save_text_file,
            commands::open_text_file,
            commands::bench_painted,
        ])
        .run(context)
        .expect("error while running Tessera License Manager");
}
