//! Seed 002's *Generate keys* and the offline activation page in a real browser: an installation
//! key becomes a registration key with the comparison table; a computer's request file becomes a
//! response file the computer accepts, downloaded; its receipt frees the seat. English, then Russian.

use std::path::Path;

use tessera_core::{
    ActivationKey, ActivationRequest, ActivationResponse, DeactivationReceipt, DeactivationReceiptPayload,
    InstallationKey, Nonce, PublicKeySet, Timestamp, example,
};
use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

const HOSTNAME: &str = "WAREHOUSE-PC";

/// The request file a computer without network exports for Northwind's activation key.
fn request_for(portal: &TestPortal) -> ActivationRequest {
    let (key, mut payload) = example::activation_request();
    payload.activation_key = ActivationKey::parse(&portal.northwind().activation_key).expect("the demo key");
    payload.hostname = HOSTNAME.into();
    payload.nonce = Nonce::generate().expect("a nonce");
    payload.created = Timestamp::now();
    ActivationRequest::sign(&payload, &key).expect("signed")
}

/// The receipt by which that computer gives its seat of `license_id` back.
fn receipt_for(license_id: &str) -> DeactivationReceipt {
    let key = example::machine_key();
    let payload = DeactivationReceiptPayload {
        license_id: license_id.to_owned(),
        product: example::PRODUCT.into(),
        fingerprint: example::fingerprint().digest(),
        nonce: Nonce::generate().expect("a nonce"),
        created: Timestamp::now(),
        machine_key: key.public_key(),
        kid: key.kid(),
    };
    DeactivationReceipt::sign(&payload, &key).expect("signed")
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the file is written");
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn keys_are_generated_and_a_computer_is_activated_offline_with_files() {
    // Arrange
    let portal = TestPortal::start().await;
    let trusted = PublicKeySet::parse_list(&portal.trusted_keys).expect("the portal's keys");
    let Some(browser) = Browser::open("portal_keys_offline", &portal.url, "en-US").await else { return };
    browser.goto("/login").await;
    browser.type_into("#email", "demo@northwind.example").await;
    browser.type_into("#order", "JWT11408").await;
    browser.click("form[action='/login'] button[type=submit]").await;
    browser.text_of("#activation-key").await;

    // Generate keys: three workstations of version 5.2 are within the ten-user license.
    browser.click(r#".menu a[href="/keys"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Programs and keys");
    let fingerprint = example::fingerprint().digest();
    let asked = InstallationKey::new("acme-ledger", (5, 2), 3, fingerprint).to_string();
    browser.type_into("#installation-key", &asked).await;
    browser.click("form[action='/keys'] button[type=submit]").await;
    let registration = browser.text_of("#registration-key").await;
    assert!(!registration.is_empty());
    assert_eq!(browser.count("#comparison tbody tr").await, 4, "product, version, workstations, term");
    assert_eq!(browser.count("#comparison tbody .yes").await, 4, "every row is marked as covered");
    browser.resize(1280, 1300).await;
    browser.screenshot("portal-keys-en").await;
    browser.assert_accessible("en").await;

    // Fifty workstations are more than the license has: the row says so, and no key is given.
    let too_many = InstallationKey::new("acme-ledger", (5, 2), 50, fingerprint).to_string();
    browser.type_into("#installation-key", &too_many).await;
    browser.click("form[action='/keys'] button[type=submit]").await;
    assert!(!browser.text_of("#keys-refused").await.is_empty());
    assert!(!browser.has("#registration-key").await, "no registration key for an uncovered request");
    assert_eq!(browser.count("#comparison tbody .no").await, 1, "only the workstations row fails");
    let workstations = browser.text_of("#comparison tbody tr:nth-child(3)").await;
    assert!(workstations.contains("50") && workstations.contains("10"), "{workstations}");
    browser.screenshot("portal-keys-refused-en").await;
    browser.assert_accessible("en").await;

    // The offline page, first in English; in Russian from here on: a request file uploaded.
    browser.click(r#".menu a[href="/offline"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Offline activation");
    browser.screenshot("portal-offline-en").await;
    browser.assert_accessible("en").await;
    browser.click(r#".languages a[hreflang="ru"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Офлайн-активация");
    let request = request_for(&portal);
    let files = browser.downloads.parent().expect("the profile").to_path_buf();
    let request_file = write(&files, "activation-request.txt", &request.to_string());
    browser.choose_file("#request-file", &request_file).await;
    browser.click("form[action='/offline/activate'] button[type=submit]").await;
    assert!(!browser.text_of("#activation-done").await.is_empty());
    let shown = browser.value_of("#response").await;
    browser.screenshot("portal-offline-response-ru").await;
    browser.assert_accessible("ru").await;

    // The response downloads as a file, the same text, and the computer accepts it.
    browser.click("form[action='/offline/response'] button[type=submit]").await;
    let downloaded = browser.downloaded("acme-ledger-activation-response.txt").await;
    assert_eq!(downloaded.trim_end(), shown.trim_end(), "the download is the response shown");
    let response = ActivationResponse::decode(&downloaded).expect("a response file");
    let (_, license) = response.license_for(&request, &trusted).expect("genuine and bound to the request");
    assert_eq!(portal.serials_on(portal.northwind(), HOSTNAME).await.len(), 1, "the computer holds a seat");

    // Later, the computer's deactivation receipt, uploaded, frees the seat.
    let receipt_file = write(&files, "deactivation-receipt.txt", &receipt_for(&license.license_id).to_string());
    browser.choose_file("#receipt-file", &receipt_file).await;
    browser.click("form[action='/offline/receipt'] button[type=submit]").await;
    let freed = browser.text_of("#receipt-done").await;
    assert!(freed.contains(&license.serial), "the notice names license {}: {freed}", license.serial);
    assert!(portal.serials_on(portal.northwind(), HOSTNAME).await.is_empty(), "the seat is free");
    browser.screenshot("portal-offline-receipt-ru").await;
    browser.assert_accessible("ru").await;

    // Generate keys in Russian too.
    browser.click(r#".menu a[href="/keys"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Программы и ключи");
    browser.screenshot("portal-keys-ru").await;
    browser.assert_accessible("ru").await;
    browser.close().await;
}
