//! A portal that accepts the connection and never answers: the activation shows its progress
//! with a Cancel button, and Cancel ends it at once, leaving the screen ready to try again.

use std::time::{Duration, Instant};

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::TestPortal;

/// A listener that takes every connection and says nothing.
fn silent_portal() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for socket in listener.incoming().flatten() {
            held.push(socket);
        }
    });
    url
}

#[tokio::test(flavor = "multi_thread")]
async fn cancel_ends_an_activation_the_portal_never_answers_at_once() {
    // Arrange: the demo's keys, but the portal address leads to silence.
    let portal = TestPortal::start().await;
    let Some(app) = LicenseManager::launch("app_cancel", &silent_portal(), &portal.trusted_keys).await else { return };
    app.open("activate").await;
    app.type_into("#activation-key", &portal.northwind().activation_key).await;

    // Act
    app.click("#activate").await;
    app.wait_until("#cancel-operation").await;
    let busy = app.text_of("#activate").await;
    app.screenshot("app-activate-in-progress").await;
    let clicked = Instant::now();
    app.click("#cancel-operation").await;

    // Assert
    let said = app.wait_for_text("#activate-result", "Cancelled").await;
    let took = clicked.elapsed();
    assert!(busy.contains("Activating"), "the button shows the progress: {busy:?}");
    assert_eq!(said, "Cancelled. Nothing was saved on this computer.");
    assert!(took < Duration::from_secs(3), "Cancel works at once, not after the 30 s time-out: {took:?}");
    assert!(!app.exists("#cancel-operation").await, "the Cancel button goes with the operation");
    assert!(app.exists("#activate:not([disabled])").await, "the form is ready to try again");
    app.screenshot("app-activate-cancelled").await;

    // Signing in to the customer portal is cancelled the same way.
    app.open("portal").await;
    app.type_into("#portal-email", "demo@northwind.example").await;
    app.type_into("#portal-order", "JWT19").await;
    app.click("#sign-in").await;
    app.wait_until("#cancel-operation").await;
    app.click("#cancel-operation").await;
    let said = app.wait_for_text("#portal-result", "Cancelled").await;
    assert_eq!(said, "Cancelled. Nothing was saved on this computer.");
    app.close().await;
}
