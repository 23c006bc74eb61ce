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

/// The registrations recorded for license `serial`: (installation key, registration key, version, generated at).
async fn registrations_of(portal: &common::TestPortal, serial: &str) -> Vec<(String, String, String, i64)> {
    let rows = sqlx::query(
        "SELECT r.installation_key, r.registration_key, r.version, r.generated_at FROM registrations r \
         JOIN licenses l ON l.id = r.license_id WHERE l.serial = $1 ORDER BY r.generated_at",
    )
    .bind(serial)
    .fetch_all(&portal.pool)
    .await
    .expect("registrations");
    rows.iter()
        .map(|row| {
            use sqlx::Row as _;
            (row.get(0), row.get(1), row.get(2), row.get(3))
        })
        .collect()
}

/// The cells of the programs table's row for `serial`, without markup.
fn program_row(page: &common::web::Page, serial: &str) -> String {
    let start = page.body.find(&format!(r#"<tr id="program-{serial}">"#)).expect("the program's row");
    let end = start + page.body[start..].find("</tr>").expect("the row's end");
    let mut text = String::new();
    let mut in_tag = false;
    for c in page.body[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

on_both_databases!(
    the_programs_table_shows_installation_service_and_the_last_registration_key,
    |portal: common::TestPortal| async move {
        // Arrange: the demo registered P65 at version 5.1; P30's support has ended meanwhile.
        let demo = registrations_of(&portal, "P65").await;
        assert_eq!(demo.len(), 1, "the demo's registration");
        let (installation, registration, version, generated_at) = demo[0].clone();
        sqlx::query(
            "UPDATE support_terms SET ends_at = $1 WHERE license_id = (SELECT id FROM licenses WHERE serial = 'P30')",
        )
        .bind(tessera_core::Timestamp::now().unix() - 86_400)
        .execute(&portal.pool)
        .await
        .expect("end P30's support");
        let mut visitor = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;

        // Act
        let page = visitor.get("/keys").await;

        // Assert: P65, a network license with the demo's keys.
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Programs and information"));
        let p65 = program_row(&page, "P65");
        assert!(p65.starts_with("Acme Ledger P65 · Enterprise Network 10 Support until "), "{p65}");
        let day = iso_day(generated_at);
        assert!(page.body.contains(&format!(r#"<time datetime="{day}">{day}</time>"#)), "the generation date");
        assert_eq!(page.text_of("last-installation-P65").as_deref(), Some(installation.as_str()));
        assert_eq!(page.text_of("last-registration-P65").as_deref(), Some(registration.as_str()));
        assert_eq!((page.text_of("last-version-P65").as_deref(), version.as_str()), (Some("5.1"), "5.1"));
        InstallationKey::parse(&installation).expect("a real installation key");
        RegistrationKey::parse(&registration).expect("a real registration key");
        let abridged = format!("{}…{}", &registration[..4], &registration[registration.len() - 4..]);
        assert!(p65.contains(&abridged), "the registration key abridged in the table: {p65}");

        // P24: one machine, no support, never registered; P30: support ended.
        assert_eq!(
            program_row(&page, "P24"),
            "Acme Payroll P24 · Professional Single workstation 25 No support — — — —"
        );
        assert!(program_row(&page, "P30").contains("Network 3 Support expired on "), "{}", program_row(&page, "P30"));
        assert!(!page.body.contains("P71"), "not Contoso's");

        // In Bulgarian, the words are Bulgarian.
        visitor.get("/lang/bg?next=/keys").await;
        let page = visitor.get("/keys").await;
        assert!(page.body.contains("Програми и информация"));
        assert!(program_row(&page, "P65").contains("Мрежова 10 Поддръжка до "), "{}", program_row(&page, "P65"));
        assert!(program_row(&page, "P24").contains("Едно работно място 25 Без поддръжка"));
    }
);

on_both_databases!(
    a_registration_key_generated_on_the_page_shows_in_the_programs_table_at_once,
    |portal: common::TestPortal| async move {
        // Arrange
        let mut visitor = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;
        let csrf = visitor.get("/keys").await.csrf();
        let machine = TestMachine::new(92, "acme-ledger");
        let install = InstallationKey::new("acme-ledger", (7, 2), 3, machine.fingerprint().digest());

        // Act
        let page = visitor.post("/keys", &[("csrf", &csrf), ("installation_key", &install.to_string())]).await;

        // Assert: the answer's own programs table already shows the new key on P65 (most users).
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let key = page.text_of("registration-key").expect("a registration key");
        assert_eq!(page.text_of("last-installation-P65"), Some(install.to_string()));
        assert_eq!(page.text_of("last-registration-P65"), Some(key.clone()));
        assert_eq!(page.text_of("last-version-P65").as_deref(), Some("7.2"));
        let recorded = registrations_of(&portal, "P65").await;
        assert_eq!(recorded.len(), 2, "the demo's and this one");
        let (installation, registration, version, generated_at) = recorded[1].clone();
        assert_eq!((installation, registration, version), (install.to_string(), key, "7.2".to_owned()));
        assert!((tessera_core::Timestamp::now().unix() - generated_at).abs() < 60, "generated now");
        let seats: i64 = sqlx::query_scalar("SELECT seats FROM registrations WHERE installation_key = $1")
            .bind(install.to_string())
            .fetch_one(&portal.pool)
            .await
            .expect("seats");
        assert_eq!(seats, 3);
        let today = iso_day(generated_at);
        assert!(program_row(&page, "P65").contains(&today), "today's date in the row");
    }
);

on_both_databases!(a_refused_registration_records_nothing, |portal: common::TestPortal| async move {
    // Arrange
    let mut visitor = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;
    let csrf = visitor.get("/keys").await.csrf();
    let machine = TestMachine::new(93, "acme-ledger");
    let too_many = InstallationKey::new("acme-ledger", (7, 2), 50, machine.fingerprint().digest());
    let other_product = InstallationKey::new("someone-elses-app", (1, 0), 1, machine.fingerprint().digest());
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM registrations").fetch_one(&portal.pool).await.expect("count")
    };
    let before = count().await;

    // Act and assert: each refusal leaves the table as it was.
    for (key, status, why) in [
        (too_many.to_string(), StatusCode::OK, "more workstations than entitled"),
        (other_product.to_string(), StatusCode::NOT_FOUND, "no license of that product"),
        ("ABCD-EFGH".to_owned(), StatusCode::BAD_REQUEST, "not an installation key"),
    ] {
        let page = visitor.post("/keys", &[("csrf", &csrf), ("installation_key", &key)]).await;
        assert_eq!(page.status, status, "{why}");
        assert!(page.text_of("registration-key").is_none(), "{why}: no key");
        assert_eq!(count().await, before, "{why}: nothing recorded");
        assert_eq!(page.text_of("last-version-P65").as_deref(), Some("5.1"), "{why}: the table is unchanged");
    }
    let forged = visitor.post("/keys", &[("installation_key", &too_many.to_string())]).await;
    assert_eq!((forged.status, count().await), (StatusCode::FORBIDDEN, before), "no CSRF token");
});

/// `YYYY-MM-DD` of Unix seconds, as the English pages write dates.
fn iso_day(seconds: i64) -> String {
    tessera_core::Timestamp::from_unix(seconds).expect("time").to_string()[..10].to_owned()
}
