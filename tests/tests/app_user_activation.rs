//! A person of a customer company activates the License Manager with their company account
//! (issue #13): e-mail and password instead of a key, the license bound to their seat shown
//! with their e-mail; the company admin unbinds the seat in the portal, and Refresh says why
//! the license is revoked. Or, with a one-time code mailed to her instead of the password, in
//! French: a wrong code and a term not started are said in French with their details.

use tessera_tests::app::LicenseManager;
use tessera_tests::portal::TestPortal;

const ANNA: &str = "anna.berg@northwind.example";
const PASSWORD: &str = "correct horse battery";

#[tokio::test(flavor = "multi_thread")]
async fn a_company_user_signs_in_sees_her_license_and_after_an_unbind_refresh_says_it_is_revoked() {
    // Arrange: Northwind's admin bound a seat of P30 to Anna
    let portal = TestPortal::start().await;
    let seat = portal.bind_company_user(ANNA, PASSWORD, "P30").await;
    let Some(app) = LicenseManager::launch("app_user_activation", &portal.url, &portal.trusted_keys).await else {
        return;
    };
    assert_eq!(app.wait_for_text("#license-state", "").await, "Not activated");

    // Act: a wrong password first, then hers
    app.open("activate").await;
    app.wait_until("#company-sign-in").await;
    app.type_into("#user-email", ANNA).await;
    app.type_into("#user-password", "not my password").await;
    app.click("#activate-user").await;
    let refused = app.wait_for_text("#user-activate-result", "password").await;
    assert!(refused.contains("The e-mail address or the password is not right"), "{refused}");
    assert_eq!(app.value_of("#user-password").await, "", "the password is not left in the form");
    app.type_into("#user-password", PASSWORD).await;
    app.screenshot("app-user-activation-sign-in").await;
    app.click("#activate-user").await;

    // Assert: the license of her seat, bound to her
    assert_eq!(app.wait_for_text("#license-state", "Valid").await, "Valid");
    assert_eq!(app.text_of("#license-user").await, ANNA, "the dashboard shows whom the license is bound to");
    assert_eq!(app.text_of("#license-serial").await, "P30");
    assert_eq!(app.text_of("#license-product").await, "Acme Ledger");
    app.screenshot("app-user-activation-valid").await;

    // Act: the company admin unbinds her seat; she refreshes
    portal.unbind_seat(&seat).await;
    app.click("#refresh").await;

    // Assert
    assert_eq!(app.wait_for_text("#license-state", "Revoked").await, "Revoked");
    assert_eq!(
        app.text_of("#license-message").await,
        "Your company administrator has ended your access to Acme Ledger — ask them to bind a license to you."
    );
    assert!(!app.exists("#license-status-reason").await, "said once, in the app's language");
    assert_eq!(
        app.text_of("#license-headline").await,
        "Licensed to Northwind Traders: Acme Ledger Enterprise",
        "a revoked license counts no days left"
    );
    app.screenshot("app-user-activation-revoked").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_company_user_activates_with_a_mailed_code_and_reads_the_refusals_in_french() {
    // Arrange: Anna's seat of P30; the License Manager in French
    let portal = TestPortal::start().await;
    portal.bind_company_user(ANNA, PASSWORD, "P30").await;
    let Some(app) = LicenseManager::launch("app_user_activation_code", &portal.url, &portal.trusted_keys).await else {
        return;
    };
    app.open("settings").await;
    app.choose("#settings-language", "fr").await;
    app.wait_for_text("#nav-license", "Licence").await;

    // Act: she asks for a code instead of typing her password, and tries a wrong one first
    app.open("activate").await;
    app.wait_until("#company-sign-in").await;
    app.type_into("#user-email", ANNA).await;
    app.click("#user-code-mode").await;
    app.wait_until("#user-code-send").await;
    app.click("#user-code-send").await;
    let sent = app.wait_for_text("#user-activate-result", "minutes").await;
    let code = portal.mailed_code(ANNA, 1).await;
    app.type_into("#user-code", "00000000").await;
    app.click("#activate-user").await;
    let wrong = app.wait_for_text("#user-activate-result", "pas correct").await;

    // Act: her term has not started yet
    let starts = chrono::Utc::now().timestamp() + 10 * 86_400;
    let issued: i64 = sqlx::query_scalar("SELECT issued_at FROM licenses WHERE serial = 'P30'")
        .fetch_one(portal.db())
        .await
        .expect("P30's start");
    sqlx::query("UPDATE licenses SET issued_at = $1 WHERE serial = 'P30'")
        .bind(starts)
        .execute(portal.db())
        .await
        .expect("a term starting in ten days");
    app.type_into("#user-code", &code).await;
    app.click("#activate-user").await;
    let day = chrono::DateTime::from_timestamp(starts, 0).expect("day").format("%Y-%m-%d").to_string();
    let not_started = app.wait_for_text("#user-activate-result", &day).await;
    app.screenshot("app-user-activation-code").await;

    // Act: the term runs; the same code still works (a refusal did not spend it)
    sqlx::query("UPDATE licenses SET issued_at = $1 WHERE serial = 'P30'")
        .bind(issued)
        .execute(portal.db())
        .await
        .expect("the term runs again");
    app.type_into("#user-code", &code).await;
    app.click("#activate-user").await;

    // Assert
    assert!(sent.contains("Si anna.berg@northwind.example appartient à un compte d'entreprise"), "{sent}");
    assert!(sent.contains("10 minutes"), "{sent}");
    assert!(wrong.contains("Ce code n'est pas correct"), "the wrong code, in French: {wrong}");
    assert_eq!(
        not_started,
        format!("Votre licence de Acme Ledger commence le {day}. Activez-la de nouveau à partir de ce jour.")
    );
    assert_eq!(app.wait_for_text("#license-user", ANNA).await, ANNA, "activated, bound to her");
    assert_eq!(app.text_of("#license-serial").await, "P30");
    app.close().await;
}
