//! A response altered on its way back is refused with a clear message, and nothing of it is kept.

use tessera_core::encoding::{base64, parse_base64};
use tessera_tests::app::LicenseManager;
use tessera_tests::portal::{TestPortal, unreachable_url};

const BEGIN: &str = "-----BEGIN TESSERA ACTIVATION RESPONSE-----";
const END: &str = "-----END TESSERA ACTIVATION RESPONSE-----";

/// Changes one byte of the response: the first character of the envelope's `sig` value (the
/// portal's Ed25519 signature, base64), `A` becoming `B` or anything else becoming `A`. The
/// armour and the JSON stay well-formed, so only the signature check can notice.
fn tamper_with_the_signature(response: &str) -> String {
    let body: String = response.lines().filter(|line| *line != BEGIN && *line != END).collect();
    let mut envelope = parse_base64(&body).expect("the response is base64");
    let at = envelope.windows(7).position(|w| w == b"\"sig\":\"").expect("the envelope has a signature") + 7;
    envelope[at] = if envelope[at] == b'A' { b'B' } else { b'A' };
    let encoded = base64(&envelope);
    let lines: Vec<&str> =
        encoded.as_bytes().chunks(64).map(|line| std::str::from_utf8(line).expect("ascii")).collect();
    format!("{BEGIN}\n{}\n{END}\n", lines.join("\n"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_response_with_one_byte_changed_is_refused_and_the_computer_stays_not_activated() {
    // Arrange
    let portal = TestPortal::start().await;
    let Some(app) = LicenseManager::launch("app_tampered_response", &unreachable_url(), &portal.trusted_keys).await
    else {
        return;
    };
    app.open("offline").await;
    app.type_into("#offline-key", &portal.northwind().activation_key).await;
    app.click("#export-request").await;
    let request = app.wait_for_value("#offline-request").await;
    let response = portal.answer_offline_request(&request).await;
    let tampered = tamper_with_the_signature(&response);
    assert_ne!(tampered, response);

    // Act
    app.paste_into("#offline-response", &tampered).await;
    app.click("#import-response").await;

    // Assert
    let refusal = app.wait_for_text("#offline-result", "altered").await;
    assert_eq!(
        refusal,
        "This activation response file has been altered or damaged: its signature does not match. Download or export it again."
    );
    app.screenshot("app-offline-tampered").await;
    app.open("license").await;
    assert_eq!(app.wait_for_text("#license-state", "").await, "Not activated", "nothing of the response was kept");
    app.close().await;
}

#[test]
fn the_tampering_changes_exactly_one_byte_of_the_envelope() {
    let envelope = br#"{"v":1,"alg":"ed25519","kid":"k","payload":{},"sig":"Zm9v"}"#;
    let armoured = format!("{BEGIN}\n{}\n{END}\n", base64(envelope));

    let tampered = tamper_with_the_signature(&armoured);

    let body: String = tampered.lines().filter(|line| *line != BEGIN && *line != END).collect();
    let changed = parse_base64(&body).unwrap();
    let differences: Vec<usize> = (0..envelope.len()).filter(|&i| envelope[i] != changed[i]).collect();
    assert_eq!(differences.len(), 1);
    assert_eq!(&changed[differences[0] - 7..=differences[0]], b"\"sig\":\"A");
}
