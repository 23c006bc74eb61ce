//! A customer's person invited to the portal, in a real browser: sets a password with the
//! invitation link, signs in with it, pages through many licenses, changes the password and
//! signs in again; in Italian, the language the browser asks for.

use tessera_portal::cli::admin::{self, Admin};
use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

const PERSON: &str = "marta.rossi@contoso.example";
const FIRST_PASSWORD: &str = "quattro cavalli bianchi";
const SECOND_PASSWORD: &str = "cinque gatti neri sul tetto";

/// Adds eleven more licenses to Contoso (which has one): twelve rows, two pages of ten.
async fn give_contoso_many_licenses(portal: &TestPortal) {
    for n in 1..=11 {
        portal
            .admin(Admin::AddLicense(admin::AddLicense {
                customer_email: "it@contoso.example".into(),
                product: "acme-ledger".into(),
                edition: "Standard".into(),
                users: 1,
                machines: 1,
                order: Some("JWT20417".into()),
                serial: Some(format!("C{n:03}")),
                term_days: None,
                support_years: Some(1),
            }))
            .await;
    }
}

/// Signs in from the sign-in page's password form.
async fn sign_in_with_password(browser: &Browser, password: &str) {
    browser.goto("/login").await;
    browser.type_into("#account-email", PERSON).await;
    browser.type_into("#account-password", password).await;
    browser.click("form[action='/login/password'] button[type=submit]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invited_person_sets_a_password_signs_in_pages_through_licenses_and_changes_it() {
    // Arrange: twelve licenses, and an invitation whose link the vendor passes on (the same link
    // is mailed; the portal's own tests read it from the outbox).
    let portal = TestPortal::start().await;
    give_contoso_many_licenses(&portal).await;
    let printed = portal
        .admin(Admin::AddUser(admin::AddUser { customer_email: "it@contoso.example".into(), email: PERSON.into() }))
        .await;
    let link = &printed[printed.find("http://").expect("the link is printed")..];
    let path = link.trim().trim_start_matches(&portal.url).to_owned();
    let Some(browser) = Browser::open("portal_accounts", &portal.url, "it-IT").await else { return };

    // The invitation's link: the page to choose a password, in Italian.
    browser.goto(&path).await;
    assert_eq!(browser.text_of("h1").await, "Imposta la password");
    browser.type_into("#password", FIRST_PASSWORD).await;
    browser.type_into("#confirm", FIRST_PASSWORD).await;
    browser.screenshot("portal-reset-it").await;
    browser.assert_accessible("it").await;
    browser.click("form button[type=submit]").await;

    // Setting it signs the person in; signed out, they sign in with it.
    assert_eq!(browser.text_of("#activation-key").await, portal.demo.customers[1].activation_key);
    browser.click("form[action='/logout'] button").await;
    sign_in_with_password(&browser, FIRST_PASSWORD).await;
    assert_eq!(browser.text_of("#activation-key").await, portal.demo.customers[1].activation_key);

    // Twelve licenses: ten on the first page, the pager says where we are and goes on.
    assert_eq!(browser.count("#licenses tbody tr").await, 10);
    let pager = browser.text_of("section[aria-labelledby=licenses-title] nav.pager .pages").await;
    assert_eq!(pager, "Pagina 1 di 2");
    browser.resize(1280, 1400).await;
    browser.screenshot("portal-home-page1-it").await;
    browser.assert_accessible("it").await;
    browser.click("section[aria-labelledby=licenses-title] nav.pager a[rel=next]").await;
    assert_eq!(browser.text_of("section[aria-labelledby=licenses-title] nav.pager .pages").await, "Pagina 2 di 2");
    assert_eq!(browser.count("#licenses tbody tr").await, 2);
    assert!(
        !browser.has("section[aria-labelledby=licenses-title] nav.pager a[rel=next]").await,
        "no page after the last"
    );
    browser.screenshot("portal-home-page2-it").await;
    browser.assert_accessible("it").await;
    browser.click("section[aria-labelledby=licenses-title] nav.pager a[rel=prev]").await;
    assert_eq!(browser.text_of("section[aria-labelledby=licenses-title] nav.pager .pages").await, "Pagina 1 di 2");

    // A wrong current password changes nothing and says so.
    browser.click(r#".menu a[href="/account/password"]"#).await;
    browser.type_into("#current", "not the password").await;
    browser.type_into("#password", SECOND_PASSWORD).await;
    browser.type_into("#confirm", SECOND_PASSWORD).await;
    browser.click("form[action='/account/password'] button[type=submit]").await;
    let problem = browser.text_of("#problem").await;
    assert!(!problem.is_empty(), "the wrong current password is reported");
    browser.screenshot("portal-password-refused-it").await;
    browser.assert_accessible("it").await;

    // The right one changes it.
    browser.type_into("#current", FIRST_PASSWORD).await;
    browser.type_into("#password", SECOND_PASSWORD).await;
    browser.type_into("#confirm", SECOND_PASSWORD).await;
    browser.click("form[action='/account/password'] button[type=submit]").await;
    assert!(!browser.text_of("#password-done").await.is_empty());
    browser.screenshot("portal-password-changed-it").await;
    browser.assert_accessible("it").await;

    // Signed out, the old password no longer works and the new one does.
    browser.click("form[action='/logout'] button").await;
    sign_in_with_password(&browser, FIRST_PASSWORD).await;
    assert!(!browser.text_of("#problem").await.is_empty(), "the old password is refused");
    assert!(!browser.has("#activation-key").await);
    browser.screenshot("portal-login-refused-it").await;
    browser.assert_accessible("it").await;

    // The invitation's link worked once.
    browser.goto(&path).await;
    assert!(!browser.text_of("#reset-invalid").await.is_empty(), "a used link is refused");
    browser.screenshot("portal-reset-used-it").await;
    browser.assert_accessible("it").await;

    // A forgotten password (signed out): the same answer for any address, in Italian.
    browser.goto("/password/forgot").await;
    browser.type_into("#email", PERSON).await;
    browser.click("form[action='/password/forgot'] button[type=submit]").await;
    assert!(!browser.text_of("#forgot-sent").await.is_empty());
    browser.screenshot("portal-forgot-it").await;
    browser.assert_accessible("it").await;
    sign_in_with_password(&browser, SECOND_PASSWORD).await;
    assert_eq!(browser.text_of("#activation-key").await, portal.demo.customers[1].activation_key);
    browser.close().await;
}
