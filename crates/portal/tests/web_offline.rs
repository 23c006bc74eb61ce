//! The offline activation page: a computer's request file in, a response file out that the
//! computer accepts; a deactivation receipt frees the seat; a tampered request, another
//! customer's key or receipt, and a form without the CSRF token change nothing.

mod common;

use common::TestMachine;
use common::web::Visitor;
use reqwest::StatusCode;
use tessera_core::{
    ActivationKey, ActivationResponse, DeactivationReceipt, DeactivationReceiptPayload, Nonce, Timestamp,
};

/// Seats held by the computer called `hostname`.
async fn seats_of(portal: &common::TestPortal, hostname: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM machines WHERE hostname = $1")
        .bind(hostname)
        .fetch_one(&portal.pool)
        .await
        .expect("count")
}

/// Northwind's visitor, on the offline page, with its CSRF token.
async fn northwind(portal: &common::TestPortal) -> (Visitor, String) {
    let mut visitor = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT11408").await;
    let page = visitor.get("/offline").await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = page.csrf();
    (visitor, csrf)
}

/// A receipt by which `machine` gives back its seat of `license_id`.
fn receipt(machine: &TestMachine, license_id: &str) -> String {
    let payload = DeactivationReceiptPayload {
        license_id: license_id.to_owned(),
        product: machine.product.clone(),
        fingerprint: machine.fingerprint().digest(),
        nonce: Nonce::generate().expect("nonce"),
        created: Timestamp::now(),
        machine_key: machine.key.public_key(),
        kid: machine.key.kid(),
    };
    DeactivationReceipt::sign(&payload, &machine.key).expect("sign").to_string()
}

on_both_databases!(
    an_uploaded_request_file_gives_a_response_the_computer_accepts_and_a_receipt_frees_the_seat,
    |portal: common::TestPortal| async move {
        // Arrange
        let machine = TestMachine::new(80, "acme-ledger");
        let request = machine.request(&portal.demo_key());
        let (mut visitor, csrf) = northwind(&portal).await;

        // Act: upload the request file.
        let page = visitor.upload("/offline/activate", &[("csrf", &csrf)], Some(request.to_string().as_bytes())).await;

        // Assert: the response binds to this request and carries a genuine license.
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains(r#"id="activation-done""#));
        let text = page.textarea("response").expect("the response in a textarea");
        let response = ActivationResponse::decode(&text).expect("a response file");
        let (_, license) = response.license_for(&request, &portal.trusted_keys().await).expect("genuine and bound");
        assert_eq!(license.product, "acme-ledger");
        assert_eq!(seats_of(&portal, "PC-0080").await, 1, "the computer took a seat");

        // The same text comes back as a download named after the product.
        let download = visitor.post("/offline/response", &[("csrf", &csrf), ("response", &text)]).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(
            download.disposition.as_deref(),
            Some(r#"attachment; filename="acme-ledger-activation-response.txt""#)
        );
        assert_eq!(download.body, text);
        // A browser posts the textarea with CR LF line ends: the file still has the portal's LF.
        let crlf = text.replace('\n', "\r\n");
        let download = visitor.post("/offline/response", &[("csrf", &csrf), ("response", &crlf)]).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.body, text, "CR LF from the browser is stored as LF");

        // A receipt, pasted as text, frees the seat, once.
        let receipt = receipt(&machine, &license.license_id);
        let page = visitor.upload("/offline/receipt", &[("csrf", &csrf), ("text", &receipt)], None).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains(r#"id="receipt-done""#), "{}", page.body);
        assert_eq!(seats_of(&portal, "PC-0080").await, 0, "the seat is free");
        let again = visitor.upload("/offline/receipt", &[("csrf", &csrf), ("text", &receipt)], None).await;
        assert_eq!(again.status, StatusCode::NOT_FOUND, "the machine no longer holds a seat");
        assert!(again.body.contains(r#"id="receipt-problem""#));
    }
);

on_both_databases!(
    a_pasted_request_with_one_character_changed_is_refused_clearly_and_takes_no_seat,
    |portal: common::TestPortal| async move {
        // Arrange: the 20th character of the last line of the armoured body (the signature), A↔B.
        let machine = TestMachine::new(81, "acme-ledger");
        let text = machine.request(&portal.demo_key()).to_string();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let body_line = lines.iter().rposition(|l| !l.starts_with("-----") && l.len() > 20);
        let line = &mut lines[body_line.expect("a body line")];
        let changed = if line.as_bytes()[19] == b'A' { "B" } else { "A" };
        line.replace_range(19..20, changed);
        let tampered = lines.join("\n") + "\n";
        let (mut visitor, csrf) = northwind(&portal).await;

        // Act
        let page = visitor.upload("/offline/activate", &[("csrf", &csrf), ("text", &tampered)], None).await;

        // Assert
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
        let problem = page.text_of("activation-problem").expect("the problem is shown");
        assert!(!problem.is_empty() && !page.body.contains(r#"id="activation-done""#), "{problem}");
        eprintln!("tampered request: {problem}");
        assert_eq!(seats_of(&portal, "PC-0081").await, 0, "no seat taken");
    }
);

on_both_databases!(
    a_request_or_receipt_of_another_customer_is_refused_like_an_unknown_key_and_changes_no_seat,
    |portal: common::TestPortal| async move {
        // Arrange: a request made with Contoso's key; a Contoso computer with a seat.
        let contoso = ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
        let stranger = TestMachine::new(82, "acme-ledger");
        let request = stranger.request(&contoso);
        let holder = TestMachine::new(83, "acme-ledger");
        let online = portal.post("/api/v1/activations", &holder.activation_body(&contoso)).await;
        assert_eq!(online.status(), StatusCode::CREATED);
        let license_id: String = sqlx::query_scalar("SELECT license_id FROM machines WHERE hostname = 'PC-0083'")
            .fetch_one(&portal.pool)
            .await
            .expect("license");
        let (mut visitor, csrf) = northwind(&portal).await;

        // Act
        let page = visitor.upload("/offline/activate", &[("csrf", &csrf)], Some(request.to_string().as_bytes())).await;
        let freed = visitor
            .upload("/offline/receipt", &[("csrf", &csrf), ("text", &receipt(&holder, &license_id))], None)
            .await;

        // Assert
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", page.body);
        assert_eq!(
            page.text_of("activation-problem").as_deref(),
            Some(
                "This activation key is not valid for this product. Check the key in your order confirmation or customer portal."
            )
        );
        assert_eq!(seats_of(&portal, "PC-0082").await, 0, "no seat taken on Contoso's license");
        assert_eq!(freed.status, StatusCode::NOT_FOUND, "{}", freed.body);
        assert!(!freed.body.contains("P71"), "nothing of Contoso's shows");
        assert_eq!(seats_of(&portal, "PC-0083").await, 1, "Contoso's computer keeps its seat");
    }
);

on_both_databases!(
    an_upload_without_the_csrf_token_is_refused_and_takes_no_seat,
    |portal: common::TestPortal| async move {
        // Arrange
        let machine = TestMachine::new(84, "acme-ledger");
        let request = machine.request(&portal.demo_key()).to_string();
        let (mut visitor, _) = northwind(&portal).await;

        // Act and assert
        for (fields, why) in
            [(vec![], "no token"), (vec![("csrf", "forged-token-of-the-right-length-0000000000")], "a forged token")]
        {
            let page = visitor.upload("/offline/activate", &fields, Some(request.as_bytes())).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "{why}");
            assert_eq!(seats_of(&portal, "PC-0084").await, 0, "{why}: no seat taken");
        }
    }
);

#[tokio::test]
async fn an_upload_over_64_kib_is_refused() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let (mut visitor, csrf) = northwind(&portal).await;
    let big = vec![b'A'; 65 * 1024];
    let page = visitor.upload("/offline/activate", &[("csrf", &csrf)], Some(&big)).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
}
