//! A license's page offers each machine's license file, signed like the API's refresh, and says
//! how a license is transferred: deactivate the computer to free its seat.

mod common;

use common::TestMachine;
use common::web::Visitor;
use reqwest::StatusCode;
use tessera_core::{LicenseFile, LicenseStatus, Timestamp};

const NORTHWIND: &str = "demo@northwind.example";

async fn license_id(portal: &common::TestPortal, serial: &str) -> String {
    sqlx::query_scalar("SELECT id FROM licenses WHERE serial = $1")
        .bind(serial)
        .fetch_one(&portal.pool)
        .await
        .expect("id")
}

/// The `href` of the first link whose address ends with `suffix`.
fn link_ending_with(body: &str, suffix: &str) -> Option<String> {
    let end = body.find(&format!("{suffix}\""))? + suffix.len();
    Some(body[..end].rsplit('"').next()?.to_owned())
}

on_both_databases!(
    a_machines_license_file_downloads_signed_by_the_portal_for_that_machine,
    |portal: common::TestPortal| async move {
        // Arrange: PC-0052 activated P65 through the API.
        let machine = TestMachine::new(52, "acme-ledger");
        let response = portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let license = license_id(&portal, "P65").await;
        let seen = || async {
            sqlx::query_scalar::<_, i64>("SELECT last_seen_at FROM machines WHERE hostname = 'PC-0052'")
                .fetch_one(&portal.pool)
                .await
                .expect("last seen")
        };
        sqlx::query("UPDATE machines SET last_seen_at = 1000 WHERE hostname = 'PC-0052'")
            .execute(&portal.pool)
            .await
            .expect("an old last-seen time");
        let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
        let details = visitor.get(&format!("/licenses/{license}")).await;
        let href = link_ending_with(&details.body, "/license-file").expect("a download link");
        assert!(href.starts_with(&format!("/licenses/{license}/machines/mch_")), "{href}");

        // Act
        let download = visitor.get(&href).await;

        // Assert: a genuine license file of P65 for exactly this machine, named after it.
        assert_eq!(download.status, StatusCode::OK, "{}", download.body);
        assert_eq!(download.disposition.as_deref(), Some(r#"attachment; filename="P65-PC-0052.lic""#));
        assert_eq!(download.content_type.as_deref(), Some("text/plain; charset=utf-8"));
        let trusted = portal.trusted_keys().await;
        let payload = LicenseFile::decode(&download.body)
            .and_then(|file| file.verify(&trusted))
            .expect("signed by the portal's published key");
        assert_eq!(payload.fingerprint, machine.fingerprint().digest(), "bound to this machine");
        assert_eq!(payload.components, *machine.fingerprint().components());
        assert_eq!((payload.license_id.as_str(), payload.serial.as_str()), (license.as_str(), "P65"));
        assert_eq!((payload.users, payload.max_machines, payload.status), (10, 5, LicenseStatus::Active));
        assert!((Timestamp::now().unix() - payload.issued.unix()).abs() < 60, "signed now");
        assert_eq!(seen().await, 1000, "a download is not the machine calling in");
    }
);

on_both_databases!(
    the_machines_table_says_that_deactivating_is_how_a_license_is_transferred,
    |portal: common::TestPortal| async move {
        let machine = TestMachine::new(53, "acme-ledger");
        portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await;
        let license = license_id(&portal, "P65").await;
        let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;

        let page = visitor.get(&format!("/licenses/{license}")).await;
        for text in [
            "<th scope=\"col\">Transfer</th>",
            "Frees the seat, so the license can be activated on another computer.",
            "aria-label=\"Deactivate PC-0053 to transfer its license to another computer\"",
            "Download license file",
        ] {
            assert!(page.body.contains(text), "the page shows {text}");
        }
        visitor.get(&format!("/lang/ru?next=/licenses/{license}")).await;
        let page = visitor.get(&format!("/licenses/{license}")).await;
        assert!(
            page.body.contains("Освобождает рабочее место: лицензию можно будет активировать на другом компьютере.")
        );
        assert!(page.body.contains("Скачать файл лицензии"));
    }
);

on_both_databases!(
    a_license_file_is_only_for_a_machine_of_the_customers_own_license,
    |portal: common::TestPortal| async move {
        // Arrange: Contoso's machine on P71.
        let contoso = portal.demo.customers[1].clone();
        let machine = TestMachine::new(54, "acme-ledger");
        let key = tessera_core::ActivationKey::parse(&contoso.activation_key).expect("key");
        assert_eq!(
            portal.post("/api/v1/activations", &machine.activation_body(&key)).await.status(),
            StatusCode::CREATED
        );
        let p71 = license_id(&portal, "P71").await;
        let machine_id: String = sqlx::query_scalar("SELECT id FROM machines WHERE hostname = 'PC-0054'")
            .fetch_one(&portal.pool)
            .await
            .expect("machine");
        let path = format!("/licenses/{p71}/machines/{machine_id}/license-file");

        // Act
        let mut owner = Visitor::signed_in(&portal.url, &contoso.email, "JWT20417").await;
        let mut stranger = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
        let mut nobody = Visitor::new(&portal.url);

        // Assert
        assert_eq!(owner.get(&path).await.status, StatusCode::OK, "Contoso's own machine");
        let refused = stranger.get(&path).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "Northwind asking for Contoso's");
        assert!(refused.disposition.is_none() && !refused.body.contains("TESSERA LICENSE"));
        assert_eq!(nobody.get(&path).await.location.as_deref(), Some("/login"), "signed out: sent to sign in");
    }
);

on_both_databases!(
    a_license_without_any_computer_gives_a_license_file_bound_to_the_fingerprint_typed_in,
    |portal: common::TestPortal| async move {
        // Arrange: P24 has no computer yet and one seat.
        let license = license_id(&portal, "P24").await;
        sqlx::query("DELETE FROM machines WHERE license_id = $1")
            .bind(&license)
            .execute(&portal.pool)
            .await
            .expect("no machine");
        sqlx::query("UPDATE licenses SET used_machines = 0, max_machines = 1 WHERE id = $1")
            .bind(&license)
            .execute(&portal.pool)
            .await
            .expect("one seat");
        let seats = || async {
            sqlx::query_scalar::<_, i64>("SELECT used_machines FROM licenses WHERE id = $1")
                .bind(&license)
                .fetch_one(&portal.pool)
                .await
                .expect("seats")
        };
        let mut visitor = Visitor::signed_in(&portal.url, NORTHWIND, "JWT19").await;
        let details = visitor.get(&format!("/licenses/{license}")).await;
        assert!(details.body.contains("id=\"license-file\""), "the Details page offers the license file");
        let csrf = details.csrf();
        let form = format!("/licenses/{license}/license-file");
        let machine = TestMachine::new(77, "acme-ledger");
        let fingerprint = machine.fingerprint().digest().to_hex();

        // A fingerprint with a typo: said on the form, no seat taken.
        let typo = visitor
            .post(&form, &[("csrf", &csrf), ("fingerprint", &fingerprint[1..]), ("computer", "ACCOUNTS-2")])
            .await;
        assert_eq!(typo.status, StatusCode::BAD_REQUEST);
        assert!(typo.body.contains("id=\"license-file-problem\""), "{}", typo.body);
        assert!(typo.body.contains("64 hexadecimal characters"), "the message says what a fingerprint looks like");
        assert!(typo.body.contains("value=\"ACCOUNTS-2\""), "what was typed is kept");
        assert_eq!(seats().await, 0);

        // Act: the fingerprint as the app shows it, in groups and capitals.
        let grouped: String =
            fingerprint.to_uppercase().as_bytes().chunks(8).map(|c| String::from_utf8_lossy(c) + " ").collect();
        let download =
            visitor.post(&form, &[("csrf", &csrf), ("fingerprint", grouped.trim()), ("computer", "ACCOUNTS-2")]).await;

        // Assert: a genuine P24 file for exactly that computer, holding the one seat.
        assert_eq!(download.status, StatusCode::OK, "{}", download.body);
        assert_eq!(download.disposition.as_deref(), Some(r#"attachment; filename="P24-ACCOUNTS-2.lic""#));
        let trusted = portal.trusted_keys().await;
        let payload =
            LicenseFile::decode(&download.body).and_then(|file| file.verify(&trusted)).expect("signed by the portal");
        assert_eq!(payload.serial, "P24");
        assert_eq!(payload.fingerprint, machine.fingerprint().digest());
        assert_eq!(seats().await, 1);
        let page = visitor.get(&format!("/licenses/{license}")).await;
        assert!(page.body.contains("ACCOUNTS-2"), "the computer is listed, to be deactivated from here");

        // The same computer again: the same seat.
        let again = visitor.post(&form, &[("csrf", &csrf), ("fingerprint", &fingerprint), ("computer", "")]).await;
        assert_eq!(again.status, StatusCode::OK);
        assert_eq!(seats().await, 1);
        let logged: Vec<(String, String)> = sqlx::query_as(
            "SELECT actor, after_state FROM events WHERE kind = 'machine_activated' AND subject = 'P24'",
        )
        .fetch_all(&portal.pool)
        .await
        .expect("events");
        assert_eq!(logged.len(), 1, "the new seat is logged once, the same computer again not: {logged:?}");
        assert!(logged[0].0.starts_with("customer:cus_") && logged[0].1.contains("ACCOUNTS-2"), "{logged:?}");

        // Another computer: the seat is taken, said so.
        let other = TestMachine::new(78, "acme-ledger").fingerprint().digest().to_hex();
        let full = visitor.post(&form, &[("csrf", &csrf), ("fingerprint", &other), ("computer", "")]).await;
        assert_eq!(full.status, StatusCode::CONFLICT, "{}", full.body);
        assert!(full.body.contains("id=\"license-file-problem\""));
        assert_eq!(seats().await, 1);

        // Another customer's license is not there at all.
        let mut stranger = Visitor::signed_in(&portal.url, "it@contoso.example", "JWT20417").await;
        let theirs = stranger.get("/").await.csrf();
        let refused = stranger.post(&form, &[("csrf", &theirs), ("fingerprint", &other), ("computer", "")]).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
        assert_eq!(seats().await, 1);
    }
);

/// The vendor API's answer to `body` posted at `path` with the shop's `token`.
async fn api(portal: &common::TestPortal, token: &str, path: &str, body: serde_json::Value) -> serde_json::Value {
    let response = portal
        .client
        .post(format!("{}{path}", portal.url))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request");
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.json().await.expect("JSON")
}

/// The subscription's term in the license file its page offers for the first computer.
async fn term_in_file(
    visitor: &mut Visitor,
    license: &str,
    trusted: &tessera_core::PublicKeySet,
) -> tessera_core::SubscriptionTerm {
    let details = visitor.get(&format!("/licenses/{license}")).await;
    let href = link_ending_with(&details.body, "/license-file").expect("a download link");
    let download = visitor.get(&href).await;
    let payload = LicenseFile::decode(&download.body).and_then(|file| file.verify(trusted)).expect("signed");
    payload.subscription.expect("the subscription's term")
}

on_both_databases!(a_subscriptions_license_file_says_when_it_renews_or_ends, |portal: common::TestPortal| async move {
    use tessera_core::{SubscriptionState, SubscriptionTerm};
    // Arrange: Contoso subscribes to 2 users of monthly Standard; a computer holds a seat.
    common::subscriptions::monthly_plans(&portal).await;
    let token = common::subscriptions::shop_token(&portal).await;
    let contoso = common::subscriptions::customer_id(&portal, "it@contoso.example").await;
    let body = serde_json::json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 2 });
    let started = api(&portal, &token, "/api/v1/admin/subscriptions", body).await;
    let (id, serial) = (started["id"].as_str().expect("id"), started["license_serial"].as_str().expect("serial"));
    let period_end = started["period_end"].as_str().expect("a period end").to_owned();
    tessera_portal::demo::add_machine(&portal.pool, serial, "PC-0077", 0).await.expect("a machine");
    let license = license_id(&portal, serial).await;
    let mut visitor = Visitor::signed_in(&portal.url, "it@contoso.example", "JWT20417").await;
    let trusted = portal.trusted_keys().await;
    let on = Timestamp::parse(&format!("{period_end}T00:00:00Z")).expect("a day");
    let changes = format!("/api/v1/admin/subscriptions/{id}/changes");

    // Renews at the period's end; cancelled, it ends then; resumed, it renews again.
    let term = term_in_file(&mut visitor, &license, &trusted).await;
    assert_eq!(term, SubscriptionTerm { state: SubscriptionState::Renews, on });
    api(&portal, &token, &changes, serde_json::json!({ "cancel": true })).await;
    let term = term_in_file(&mut visitor, &license, &trusted).await;
    assert_eq!(term, SubscriptionTerm { state: SubscriptionState::Cancelled, on });
    api(&portal, &token, &changes, serde_json::json!({ "resume": true })).await;
    assert_eq!(term_in_file(&mut visitor, &license, &trusted).await.state, SubscriptionState::Renews);
});
