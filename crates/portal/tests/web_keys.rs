//! The programs and keys page: the customer's licensed programs, and an installation key that
//! becomes a registration key with the table comparing requested and entitled parameters.

mod common;

use common::TestMachine;
use common::web::Visitor;
use reqwest::StatusCode;
use tessera_core::{InstallationKey, RegistrationKey};

on_both_databases!(
    the_keys_page_lists_the_programs_and_turns_an_installation_key_into_a_registration_key,
    |portal: common::TestPortal| async move {
        // Arrange
        let mut visitor = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;
        let page = visitor.get("/keys").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(r#"id="programs""#) && page.body.contains("P65"), "Northwind's programs");
        assert!(!page.body.contains("P71"), "not Contoso's");
        let machine = TestMachine::new(90, "acme-ledger");
        let install = InstallationKey::new("acme-ledger", (7, 2), 3, machine.fingerprint().digest());

        // Act
        let page = visitor.post("/keys", &[("csrf", &page.csrf()), ("installation_key", &install.to_string())]).await;

        // Assert: four rows, each covered, and a registration key the program accepts.
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        for parameter in ["Product", "Version", "Workstations", "License term"] {
            assert!(page.body.contains(&format!(r#"<th scope="row">{parameter}</th>"#)), "row {parameter}");
        }
        assert_eq!(page.body.matches("✓</span> Covered").count(), 4);
        let key = page.text_of("registration-key").expect("a registration key");
        let registration = RegistrationKey::parse(&key).expect("parse");
        assert_eq!(registration.verify(&install, &portal.trusted_keys().await).expect("genuine").seats, 3);
    }
);

on_both_databases!(
    more_workstations_than_entitled_are_marked_and_get_no_registration_key,
    |portal: common::TestPortal| async move {
        // Arrange
        let mut visitor = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;
        let csrf = visitor.get("/keys").await.csrf();
        let machine = TestMachine::new(91, "acme-ledger");
        let install = InstallationKey::new("acme-ledger", (7, 2), 50, machine.fingerprint().digest());

        // Act
        let page = visitor.post("/keys", &[("csrf", &csrf), ("installation_key", &install.to_string())]).await;

        // Assert
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.body.matches("✗</span> Not covered").count(), 1, "{}", page.body);
        assert!(page.body.contains(r#"id="keys-refused""#) && !page.body.contains(r#"id="registration-key""#));
        let garbage = visitor.post("/keys", &[("csrf", &csrf), ("installation_key", "not-a-key")]).await;
        assert_eq!(garbage.status, StatusCode::BAD_REQUEST);
        assert!(garbage.text_of("keys-problem").is_some_and(|p| !p.is_empty()));
        let refused = visitor.post("/keys", &[("installation_key", &install.to_string())]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "no CSRF token");
    }
);
