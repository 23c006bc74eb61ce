//! Named-user activation over the real API, on SQLite and PostgreSQL (issue #13): a company
//! user whose admin bound a seat of P30 to her activates with e-mail and password; two
//! computers per seat, the third refused; a wrong password, no seat and a term not started are
//! refused with their codes; after an Unbind the next refresh is revoked with the reason; after
//! the term, the refresh is expired with the end date; the sign-ins are rate-limited.

mod common;

use common::TestMachine;
use common::company::{PASSWORD, bind, invite_and_register, seat, subscriptions};
use common::web::Visitor;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tessera_core::api::{self, MachineCall};
use tessera_core::{ActivationKey, Clock, LicenseFile, LicensePayload, LicenseState, LicenseStatus, Nonce, Timestamp};

const NORTHWIND: &str = "demo@northwind.example";
const NORTHWIND_ORDER: &str = "JWT11408";
const ANNA: &str = "anna.berg@northwind.example";

async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

/// The body of a named user's activation of `machine`.
fn user_body(machine: &TestMachine, email: &str, password: &str) -> Value {
    json!({ "email": email, "password": password, "request": machine.request(&ActivationKey::named_user()).to_string() })
}

async fn activate(
    portal: &common::TestPortal,
    machine: &TestMachine,
    email: &str,
    password: &str,
) -> (StatusCode, Value) {
    json_of(portal.post("/api/v1/user-activations", &user_body(machine, email, password)).await).await
}

/// The verified license file of an answer.
async fn license_of(portal: &common::TestPortal, body: &Value) -> LicensePayload {
    let file = LicenseFile::decode(body["license"].as_str().expect("a license")).expect("decodes");
    file.verify(&portal.trusted_keys().await).expect("signed by the portal")
}

/// A refresh signed by `machine`'s key.
async fn refresh(portal: &common::TestPortal, machine: &TestMachine, license_id: &str) -> (StatusCode, Value) {
    let call = MachineCall {
        license_id: license_id.into(),
        fingerprint: machine.fingerprint().digest(),
        nonce: Nonce::generate().expect("nonce"),
        created: Timestamp::now(),
    };
    let body = serde_json::to_vec(&call).expect("json");
    let path = "/api/v1/refresh";
    let response = portal
        .client
        .post(format!("{}{path}", portal.url))
        .header(api::MACHINE_SIGNATURE_HEADER, api::sign_machine_call(&machine.key, "POST", path, &body))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("request");
    json_of(response).await
}

async fn scalar(portal: &common::TestPortal, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&portal.pool).await.expect("a number")
}

/// Northwind's admin invites Anna, who registers; P30 (3 users, from no plan: 2 machines per
/// user) gets room for them; with `bound`, the admin binds a seat of P30 to her. The admin and
/// the seat.
async fn arranged(portal: &common::TestPortal, bound: bool) -> (Visitor, String) {
    sqlx::query("UPDATE licenses SET max_machines = 6 WHERE serial = 'P30'")
        .execute(&portal.pool)
        .await
        .expect("room for 3 users x 2 machines");
    let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
    invite_and_register(portal, &mut admin, ANNA).await;
    let list = subscriptions(&mut admin, "?q=P30").await;
    let free = seat(&list, "P30", "free");
    if bound {
        let page = bind(&mut admin, &free, ANNA).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    }
    (admin, free)
}

on_both_databases!(
    a_bound_user_activates_two_computers_and_the_third_is_refused,
    |portal: common::TestPortal| async move {
        // Arrange
        arranged(&portal, true).await;
        let (first, second, third) = (
            TestMachine::new(301, "acme-ledger"),
            TestMachine::new(302, "acme-ledger"),
            TestMachine::new(303, "acme-ledger"),
        );

        // Act
        let (status, body) = activate(&portal, &first, "Anna.Berg@Northwind.example", PASSWORD).await;
        let (again, again_body) = activate(&portal, &first, ANNA, PASSWORD).await;
        let (second_status, _) = activate(&portal, &second, ANNA, PASSWORD).await;
        let (third_status, third_body) = activate(&portal, &third, ANNA, PASSWORD).await;

        // Assert
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["user"], json!(ANNA));
        let license = license_of(&portal, &body).await;
        assert_eq!(license.serial, "P30", "the seat's license");
        assert_eq!(license.user.as_deref(), Some(ANNA), "the file names the user");
        assert_eq!(license.fingerprint, first.fingerprint().digest());
        assert_eq!(license.status, LicenseStatus::Active);
        assert!(!license.unbound);
        assert_eq!((again, again_body["new_seat"].clone()), (StatusCode::OK, json!(false)), "{again_body}");
        assert_eq!(second_status, StatusCode::CREATED);
        assert_eq!(third_status, StatusCode::CONFLICT, "{third_body}");
        assert_eq!(third_body["code"], "USER_TOO_MANY_MACHINES");
        assert_eq!(third_body["args"], json!({ "machines": 2 }), "the number travels with the refusal");
        assert!(third_body["message"].as_str().unwrap_or_default().contains("2 computers"), "{third_body}");
        assert_eq!(scalar(&portal, "SELECT used_machines FROM licenses WHERE serial = 'P30'").await, 2);
        assert_eq!(scalar(&portal, "SELECT COUNT(*) FROM machines WHERE seat_id IS NOT NULL").await, 2);
        assert_eq!(
            scalar(
                &portal,
                "SELECT COUNT(*) FROM events WHERE kind = 'machine_activated' AND after_state LIKE '%named user%'"
            )
            .await,
            2
        );
    }
);

on_both_databases!(
    a_wrong_password_no_seat_and_a_term_not_started_are_refused_with_their_codes,
    |portal: common::TestPortal| async move {
        // Arrange: Anna registered, no seat bound yet
        let (mut admin, free) = arranged(&portal, false).await;
        let machine = TestMachine::new(311, "acme-ledger");

        // Act
        let (wrong, wrong_body) = activate(&portal, &machine, ANNA, "not her password").await;
        let (unknown, unknown_body) = activate(&portal, &machine, "nobody@northwind.example", PASSWORD).await;
        let (no_seat, no_seat_body) = activate(&portal, &machine, ANNA, PASSWORD).await;
        let page = bind(&mut admin, &free, ANNA).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let payroll = TestMachine::new(312, "acme-payroll");
        let (other_product, other_body) = activate(&portal, &payroll, ANNA, PASSWORD).await;
        let starts = Timestamp::now().unix() + 10 * 86_400;
        sqlx::query("UPDATE licenses SET issued_at = $1 WHERE serial = 'P30'")
            .bind(starts)
            .execute(&portal.pool)
            .await
            .expect("a term that starts in ten days");
        let (later, later_body) = activate(&portal, &machine, ANNA, PASSWORD).await;
        let by_key = portal.post("/api/v1/activations", &machine.activation_body(&ActivationKey::named_user())).await;

        // Assert
        assert_eq!((wrong, wrong_body["code"].clone()), (StatusCode::UNAUTHORIZED, json!("USER_SIGN_IN_FAILED")));
        assert_eq!(unknown_body, wrong_body, "an unknown account reads exactly like a wrong password");
        assert_eq!(unknown, StatusCode::UNAUTHORIZED);
        assert_eq!(
            (no_seat, no_seat_body["code"].clone()),
            (StatusCode::FORBIDDEN, json!("NO_SEAT")),
            "{no_seat_body}"
        );
        assert!(no_seat_body["message"].as_str().unwrap_or_default().contains("Acme Ledger"), "{no_seat_body}");
        assert_eq!(other_body["code"], "NO_SEAT", "a seat of another product opens nothing: {other_body}");
        assert!(other_body["message"].as_str().unwrap_or_default().contains("Acme Payroll"), "{other_body}");
        assert_eq!(other_product, StatusCode::FORBIDDEN);
        assert_eq!((later, later_body["code"].clone()), (StatusCode::FORBIDDEN, json!("SEAT_NOT_STARTED")));
        let day = Timestamp::from_unix(starts).expect("day").datetime().format("%Y-%m-%d").to_string();
        assert!(later_body["message"].as_str().unwrap_or_default().contains(&day), "{later_body}");
        assert_eq!(later_body["args"], json!({ "product": "Acme Ledger", "date": day }), "{later_body}");
        assert_eq!(by_key.status(), StatusCode::NOT_FOUND, "the named-user key opens no license by itself");
        assert_eq!(scalar(&portal, "SELECT COUNT(*) FROM machines WHERE seat_id IS NOT NULL").await, 0);
    }
);

on_both_databases!(
    after_an_unbind_the_next_refresh_is_revoked_with_the_reason_and_gives_the_place_back,
    |portal: common::TestPortal| async move {
        // Arrange
        let (mut admin, seat_id) = arranged(&portal, true).await;
        let machine = TestMachine::new(321, "acme-ledger");
        let (status, body) = activate(&portal, &machine, ANNA, PASSWORD).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let license_id = license_of(&portal, &body).await.license_id;
        let (bound, bound_body) = refresh(&portal, &machine, &license_id).await;
        assert_eq!(bound, StatusCode::OK, "{bound_body}");
        let while_bound = license_of(&portal, &bound_body).await;
        assert_eq!((while_bound.status, while_bound.user.as_deref()), (LicenseStatus::Active, Some(ANNA)));

        // Act: the admin unbinds Anna's seat in the portal, the machine refreshes twice
        let list = subscriptions(&mut admin, "?status=bound").await;
        let unbound = admin.post(&format!("/company/seats/{seat_id}/unbind"), &[("csrf", &list.csrf())]).await;
        assert_eq!(unbound.status, StatusCode::OK, "{}", unbound.body);
        let (after, after_body) = refresh(&portal, &machine, &license_id).await;
        let (next, next_body) = refresh(&portal, &machine, &license_id).await;

        // Assert
        assert_eq!(after, StatusCode::OK, "{after_body}");
        let revoked = license_of(&portal, &after_body).await;
        assert_eq!(revoked.status, LicenseStatus::Revoked);
        assert!(revoked.unbound, "revoked because the seat was unbound");
        assert_eq!(
            revoked.status_reason.as_deref(),
            Some(
                "Your company administrator has ended your access to Acme Ledger — ask them to bind a license to you."
            )
        );
        let file = LicenseFile::decode(after_body["license"].as_str().expect("license")).expect("decode");
        let state = tessera_core::evaluate(
            Some(&file),
            &portal.trusted_keys().await,
            &machine.fingerprint(),
            &Clock::at(Timestamp::now()),
        );
        assert_eq!(state.code(), "REVOKED");
        assert!(matches!(&state, LicenseState::Revoked { .. }));
        assert_eq!(
            state.message(),
            "Your company administrator has ended your access to Acme Ledger — ask them to bind a license to you."
        );
        assert_eq!((next, next_body["code"].clone()), (StatusCode::NOT_FOUND, json!("NOT_ACTIVATED")), "{next_body}");
        assert_eq!(scalar(&portal, "SELECT used_machines FROM licenses WHERE serial = 'P30'").await, 0);
        assert_eq!(scalar(&portal, "SELECT COUNT(*) FROM events WHERE kind = 'machine_deactivated'").await, 1);
    }
);

on_both_databases!(
    after_the_term_the_refresh_is_expired_with_the_end_date_and_activation_says_it_ended,
    |portal: common::TestPortal| async move {
        // Arrange
        arranged(&portal, true).await;
        let machine = TestMachine::new(331, "acme-ledger");
        let (status, body) = activate(&portal, &machine, ANNA, PASSWORD).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let license_id = license_of(&portal, &body).await.license_id;
        let ended = Timestamp::now().unix() - 2 * 86_400;
        sqlx::query("UPDATE licenses SET expires_at = $1 WHERE serial = 'P30'")
            .bind(ended)
            .execute(&portal.pool)
            .await
            .expect("the term ended two days ago");

        // Act
        let (refreshed, refreshed_body) = refresh(&portal, &machine, &license_id).await;
        let (again, again_body) = activate(&portal, &TestMachine::new(332, "acme-ledger"), ANNA, PASSWORD).await;

        // Assert
        assert_eq!(refreshed, StatusCode::OK, "{refreshed_body}");
        let file = LicenseFile::decode(refreshed_body["license"].as_str().expect("license")).expect("decode");
        let payload = license_of(&portal, &refreshed_body).await;
        assert_eq!(payload.expires.map(Timestamp::unix), Some(ended));
        assert_eq!(payload.user.as_deref(), Some(ANNA), "still bound: the term ended, not the binding");
        let state = tessera_core::evaluate(
            Some(&file),
            &portal.trusted_keys().await,
            &machine.fingerprint(),
            &Clock::at(Timestamp::now()),
        );
        assert_eq!(state.code(), "EXPIRED");
        let day = Timestamp::from_unix(ended).expect("day").datetime().format("%Y-%m-%d").to_string();
        assert!(state.message().contains(&day), "{}", state.message());
        assert_eq!((again, again_body["code"].clone()), (StatusCode::FORBIDDEN, json!("EXPIRED")), "{again_body}");
        assert!(again_body["message"].as_str().unwrap_or_default().contains(&day), "{again_body}");
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn named_user_sign_ins_are_rate_limited_per_account() {
    // Arrange: three sign-ins a minute
    let portal = common::TestPortal::spawn_with(common::Db::Sqlite, |config| config.sign_in_per_minute = 3)
        .await
        .expect("sqlite portal");
    let machine = TestMachine::new(341, "acme-ledger");

    // Act
    let mut codes = Vec::new();
    for _ in 0..4 {
        let (_, body) = activate(&portal, &machine, "someone@northwind.example", "guess").await;
        codes.push(body["code"].as_str().unwrap_or_default().to_owned());
    }

    // Assert
    assert_eq!(codes, ["USER_SIGN_IN_FAILED", "USER_SIGN_IN_FAILED", "USER_SIGN_IN_FAILED", "RATE_LIMITED"]);
}

on_both_databases!(
    an_unbind_frees_the_user_s_places_at_once_for_a_new_activation,
    |portal: common::TestPortal| async move {
        // Arrange: P30 allows one machine; Anna's computer holds it; Bob has a seat too
        let (mut admin, anna_seat) = arranged(&portal, true).await;
        sqlx::query("UPDATE licenses SET max_machines = 1 WHERE serial = 'P30'")
            .execute(&portal.pool)
            .await
            .expect("one machine");
        const BOB: &str = "bob.stone@northwind.example";
        invite_and_register(&portal, &mut admin, BOB).await;
        let list = subscriptions(&mut admin, "?q=P30").await;
        let bob_seat = seat(&list, "P30", "free");
        assert_eq!(bind(&mut admin, &bob_seat, BOB).await.status, StatusCode::OK);
        let (anna_pc, bob_pc) = (TestMachine::new(351, "acme-ledger"), TestMachine::new(352, "acme-ledger"));
        let (status, body) = activate(&portal, &anna_pc, ANNA, PASSWORD).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let license_id = license_of(&portal, &body).await.license_id;
        let (full, full_body) = activate(&portal, &bob_pc, BOB, PASSWORD).await;

        // Act: the admin unbinds Anna, whose computer stays offline; Bob activates right away
        let list = subscriptions(&mut admin, "?status=bound").await;
        let unbound = admin.post(&format!("/company/seats/{anna_seat}/unbind"), &[("csrf", &list.csrf())]).await;
        assert_eq!(unbound.status, StatusCode::OK, "{}", unbound.body);
        let used_after_unbind = scalar(&portal, "SELECT used_machines FROM licenses WHERE serial = 'P30'").await;
        let (freed, freed_body) = activate(&portal, &bob_pc, BOB, PASSWORD).await;
        let (anna_refresh, anna_body) = refresh(&portal, &anna_pc, &license_id).await;

        // Assert
        assert_eq!(
            (full, full_body["code"].clone()),
            (StatusCode::CONFLICT, json!("TOO_MANY_MACHINES")),
            "{full_body}"
        );
        assert_eq!(full_body["args"]["seats"], json!(1), "the number travels with the refusal: {full_body}");
        assert_eq!(used_after_unbind, 0, "Anna's computer stopped counting at the Unbind");
        assert_eq!(freed, StatusCode::CREATED, "Bob takes the freed place: {freed_body}");
        assert_eq!(license_of(&portal, &freed_body).await.user.as_deref(), Some(BOB));
        assert_eq!(anna_refresh, StatusCode::OK, "{anna_body}");
        let revoked = license_of(&portal, &anna_body).await;
        assert_eq!(revoked.status, LicenseStatus::Revoked);
        assert_eq!(
            revoked.status_reason.as_deref(),
            Some(
                "Your company administrator has ended your access to Acme Ledger — ask them to bind a license to you."
            )
        );
        assert_eq!(scalar(&portal, "SELECT used_machines FROM licenses WHERE serial = 'P30'").await, 1, "Bob's only");
        assert_eq!(
            scalar(
                &portal,
                "SELECT COUNT(*) FROM machines m JOIN licenses l ON l.id = m.license_id WHERE l.serial = 'P30'"
            )
            .await,
            1,
            "Anna's computer forgotten once it was told"
        );
    }
);
