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
