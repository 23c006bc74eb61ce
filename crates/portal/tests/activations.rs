//! Activation over the real API, on SQLite and PostgreSQL: seats, idempotence, concurrency,
//! offline activation, refresh and deactivation.

mod common;

use common::TestMachine;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tessera_core::api::{self, MachineCall};
use tessera_core::{
    ActivationRequest, ActivationResponse, DeactivationReceipt, DeactivationReceiptPayload, LicenseFile, Nonce,
    Timestamp,
};

async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

on_both_databases!(
    activation_gives_a_license_file_that_verifies_with_the_published_key,
    |portal: common::TestPortal| async move {
        let machine = TestMachine::new(1, "acme-ledger");
        let (status, body) =
            json_of(portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let license = LicenseFile::decode(body["license"].as_str().expect("license")).expect("decode");
        let payload = license.verify(&portal.trusted_keys().await).expect("signed by the portal");
        assert_eq!(payload.serial, "P65", "seats are taken from the oldest usable license of the product first");
        assert_eq!(payload.fingerprint, machine.fingerprint().digest());
        assert_eq!(payload.customer, "Northwind Traders");
        assert!(payload.refresh_after < payload.refresh_by);
    }
);

on_both_databases!(
    reactivating_the_same_machine_renews_its_file_without_a_second_seat,
    |portal: common::TestPortal| async move {
        let id = portal.add_license("R1", 1).await;
        let machine = TestMachine::new(7, "load-R1");
        let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
        let first = portal.post("/api/v1/activations", &machine.activation_body(&key)).await;
        assert_eq!(first.status(), StatusCode::CREATED);
        let again = portal.post("/api/v1/activations", &machine.activation_body(&key)).await;
        let (status, body) = json_of(again).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["new_seat"], json!(false));
        let used: i64 = sqlx::query_scalar("SELECT used_machines FROM licenses WHERE id = $1")
            .bind(&id)
            .fetch_one(&portal.pool)
            .await
            .expect("row");
        assert_eq!(used, 1);
    }
);

on_both_databases!(
    thirty_concurrent_activations_of_one_machine_all_succeed_on_one_seat,
    |portal: common::TestPortal| async move {
        let id = portal.add_license("SAME", 1).await;
        let machine = TestMachine::new(11, "load-SAME");
        let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
        // Thirty distinct requests (each its own nonce) from the same machine, all at once.
        let tasks: Vec<_> = (0..30)
            .map(|_| {
                let body = machine.activation_body(&key);
                let url = format!("{}/api/v1/activations", portal.url);
                let client = portal.client.clone();
                tokio::spawn(async move {
                    let response = client.post(url).json(&body).send().await.expect("request");
                    let status = response.status();
                    (status, response.json::<Value>().await.expect("json"))
                })
            })
            .collect();
        let mut new_seats = 0;
        for task in tasks {
            let (status, body) = task.await.expect("task");
            assert!(
                status.is_success(),
                "every activation of the machine that holds the seat succeeds: {status} {body}"
            );
            new_seats += i32::from(body["new_seat"] == json!(true));
        }
        assert_eq!(new_seats, 1, "one of them took the seat, the others renewed it");
        let (used, machines): (i64, i64) = (
            sqlx::query_scalar("SELECT used_machines FROM licenses WHERE id = $1")
                .bind(&id)
                .fetch_one(&portal.pool)
                .await
                .expect("used"),
            sqlx::query_scalar("SELECT COUNT(*) FROM machines WHERE license_id = $1")
                .bind(&id)
                .fetch_one(&portal.pool)
                .await
                .expect("count"),
        );
        assert_eq!((used, machines), (1, 1));
    }
);

on_both_databases!(
    two_hundred_machines_racing_for_five_seats_get_exactly_five,
    |portal: common::TestPortal| async move {
        let id = portal.add_license("RACE", 5).await;
        let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
        let (created, refused) =
            common::race_for_seats(&portal.client, std::slice::from_ref(&portal.url), &key, "load-RACE", 1000).await;
        assert_eq!((created, refused), (5, 195));
        let (used, machines): (i64, i64) = (
            sqlx::query_scalar("SELECT used_machines FROM licenses WHERE id = $1")
                .bind(&id)
                .fetch_one(&portal.pool)
                .await
                .expect("used"),
            sqlx::query_scalar("SELECT COUNT(*) FROM machines WHERE license_id = $1")
                .bind(&id)
                .fetch_one(&portal.pool)
                .await
                .expect("count"),
        );
        assert_eq!((used, machines), (5, 5), "the seat counter and the machines agree");
    }
);

on_both_databases!(
    an_unknown_key_and_a_key_for_another_product_get_the_same_answer,
    |portal: common::TestPortal| async move {
        let stranger = tessera_core::ActivationKey::generate().expect("key");
        let unknown = json_of(
            portal.post("/api/v1/activations", &TestMachine::new(2, "acme-ledger").activation_body(&stranger)).await,
        )
        .await;
        let other_product = json_of(
            portal
                .post("/api/v1/activations", &TestMachine::new(2, "acme-nothing").activation_body(&portal.demo_key()))
                .await,
        )
        .await;
        assert_eq!(unknown.0, StatusCode::NOT_FOUND);
        assert_eq!(unknown.1["code"], "KEY_NOT_FOUND");
        assert_eq!(unknown, other_product, "a guesser must not learn that the key exists");
    }
);

on_both_databases!(a_tampered_request_file_is_refused_and_takes_no_seat, |portal: common::TestPortal| async move {
    let machine = TestMachine::new(3, "acme-ledger");
    let text = machine.request(&portal.demo_key()).to_string();
    let mut bytes = text.into_bytes();
    let index = 120; // inside the base64 body, second line
    bytes[index] = if bytes[index] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).expect("ascii");
    let (status, body) = json_of(portal.post("/api/v1/activations", &json!({ "request": tampered })).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "byte {index} changed: {body}");
    assert!(["BAD_SIGNATURE", "FILE_DAMAGED"].contains(&body["code"].as_str().unwrap_or_default()), "{body}");
    let machines: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM machines").fetch_one(&portal.pool).await.expect("count");
    assert_eq!(machines, 0);
});

on_both_databases!(
    offline_activation_returns_a_response_bound_to_the_request,
    |portal: common::TestPortal| async move {
        let machine = TestMachine::new(4, "acme-ledger");
        let request = machine.request(&portal.demo_key());
        let (status, body) =
            json_of(portal.post("/api/v1/activations/offline", &json!({ "request": request.to_string() })).await).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let response = ActivationResponse::decode(body["response"].as_str().expect("response")).expect("decode");
        let (_, license) = response.license_for(&request, &portal.trusted_keys().await).expect("bound to this request");
        assert_eq!(license.fingerprint, machine.fingerprint().digest());
        let other = machine.request(&portal.demo_key());
        assert_eq!(response.license_for(&other, &portal.trusted_keys().await).unwrap_err().code(), "RESPONSE_MISMATCH");
    }
);

/// A signed machine call to `path` for the machine's seat on `license_id`.
async fn machine_call(
    portal: &common::TestPortal,
    machine: &TestMachine,
    path: &str,
    license_id: &str,
    signer: &tessera_core::SigningKey,
    nonce: Nonce,
) -> reqwest::Response {
    let call = MachineCall {
        license_id: license_id.into(),
        fingerprint: machine.fingerprint().digest(),
        nonce,
        created: Timestamp::now(),
    };
    let body = serde_json::to_vec(&call).expect("json");
    portal
        .client
        .post(format!("{}{path}", portal.url))
        .header(api::MACHINE_SIGNATURE_HEADER, api::sign_machine_call(signer, "POST", path, &body))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("request")
}

on_both_databases!(
    refresh_signed_by_the_machine_key_returns_a_new_file_once_per_nonce,
    |portal: common::TestPortal| async move {
        let machine = TestMachine::new(5, "acme-ledger");
        let (_, body) =
            json_of(portal.post("/api/v1/activations", &machine.activation_body(&portal.demo_key())).await).await;
        let license = LicenseFile::decode(body["license"].as_str().expect("license")).expect("decode");
        let license_id = license.verify(&portal.trusted_keys().await).expect("verify").license_id;

        let nonce = Nonce::generate().expect("nonce");
        let (status, body) =
            json_of(machine_call(&portal, &machine, "/api/v1/refresh", &license_id, &machine.key, nonce).await).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let renewed = LicenseFile::decode(body["license"].as_str().expect("license")).expect("decode");
        assert_eq!(renewed.verify(&portal.trusted_keys().await).expect("verify").license_id, license_id);

        let (status, body) =
            json_of(machine_call(&portal, &machine, "/api/v1/refresh", &license_id, &machine.key, nonce).await).await;
        assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("REPLAYED")));

        let impostor = tessera_core::SigningKey::from_seed([0x99; 32]);
        let fresh = Nonce::generate().expect("nonce");
        let (status, body) =
            json_of(machine_call(&portal, &machine, "/api/v1/refresh", &license_id, &impostor, fresh).await).await;
        assert_eq!((status, body["code"].as_str()), (StatusCode::FORBIDDEN, Some("MACHINE_SIGNATURE_INVALID")));

        // The log has the activation and the one refresh that was honoured, by the machine, from
        // its address; the replay and the impostor left nothing.
        let events: Vec<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT kind, actor, source_ip FROM events WHERE license_id = $1 AND kind IN \
             ('machine_activated', 'license_refreshed') ORDER BY id",
        )
        .bind(&license_id)
        .fetch_all(&portal.pool)
        .await
        .expect("events");
        let kinds: Vec<&str> = events.iter().map(|(kind, ..)| kind.as_str()).collect();
        assert_eq!(kinds, ["machine_activated", "license_refreshed"]);
        assert!(
            events.iter().all(|(_, actor, ip)| actor.starts_with("machine:mch_") && ip.as_deref() == Some("127.0.0.1")),
            "{events:?}"
        );
    }
);

on_both_databases!(deactivation_frees_the_seat_for_another_machine, |portal: common::TestPortal| async move {
    let license_id = portal.add_license("D1", 1).await;
    let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
    let first = TestMachine::new(10, "load-D1");
    let second = TestMachine::new(11, "load-D1");
    assert_eq!(portal.post("/api/v1/activations", &first.activation_body(&key)).await.status(), StatusCode::CREATED);
    assert_eq!(portal.post("/api/v1/activations", &second.activation_body(&key)).await.status(), StatusCode::CONFLICT);
    let nonce = Nonce::generate().expect("nonce");
    let (status, body) =
        json_of(machine_call(&portal, &first, "/api/v1/deactivate", &license_id, &first.key, nonce).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["deactivated"], json!(true));
    assert_eq!(portal.post("/api/v1/activations", &second.activation_body(&key)).await.status(), StatusCode::CREATED);
    let deactivations: Vec<(String, String)> =
        sqlx::query_as("SELECT subject, actor FROM events WHERE kind = 'machine_deactivated' AND license_id = $1")
            .bind(&license_id)
            .fetch_all(&portal.pool)
            .await
            .expect("events");
    assert_eq!(deactivations.len(), 1, "{deactivations:?}");
    assert!(deactivations[0].0 == "D1" && deactivations[0].1.starts_with("machine:"), "{deactivations:?}");
});

on_both_databases!(an_offline_receipt_frees_the_seat_once, |portal: common::TestPortal| async move {
    let license_id = portal.add_license("D2", 1).await;
    let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
    let machine = TestMachine::new(12, "load-D2");
    assert_eq!(portal.post("/api/v1/activations", &machine.activation_body(&key)).await.status(), StatusCode::CREATED);
    let receipt = DeactivationReceipt::sign(
        &DeactivationReceiptPayload {
            license_id: license_id.clone(),
            product: "load-D2".into(),
            fingerprint: machine.fingerprint().digest(),
            nonce: Nonce::generate().expect("nonce"),
            created: Timestamp::now(),
            machine_key: machine.key.public_key(),
            kid: machine.key.kid(),
        },
        &machine.key,
    )
    .expect("sign")
    .to_string();
    let (status, body) =
        json_of(portal.post("/api/v1/deactivations/receipt", &json!({ "receipt": receipt })).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) =
        json_of(portal.post("/api/v1/deactivations/receipt", &json!({ "receipt": receipt })).await).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::NOT_FOUND, Some("NOT_ACTIVATED")), "{body}");
    let used: i64 = sqlx::query_scalar("SELECT used_machines FROM licenses WHERE id = $1")
        .bind(&license_id)
        .fetch_one(&portal.pool)
        .await
        .expect("used");
    assert_eq!(used, 0);
});

on_both_databases!(validation_names_the_first_check_that_fails, |portal: common::TestPortal| async move {
    let license_id = portal.add_license("V1", 1).await;
    let key = portal.demo.customers[1].activation_key.clone();
    let machine = TestMachine::new(20, "load-V1");
    let other = TestMachine::new(21, "load-V1");
    let ask = |m: &TestMachine, key: &str| json!({ "activation_key": key, "product": m.product, "fingerprint": m.fingerprint().digest().to_hex() });
    let code = |v: Value| v["code"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        code(portal.post("/api/v1/validate", &ask(&machine, &key)).await.json().await.expect("json")),
        "NOT_ACTIVATED"
    );
    let parsed = tessera_core::ActivationKey::parse(&key).expect("key");
    assert_eq!(
        portal.post("/api/v1/activations", &machine.activation_body(&parsed)).await.status(),
        StatusCode::CREATED
    );
    let valid: Value = portal.post("/api/v1/validate", &ask(&machine, &key)).await.json().await.expect("json");
    assert_eq!((valid["valid"].as_bool(), code(valid.clone())), (Some(true), "VALID".to_owned()), "{valid}");
    assert_eq!(
        code(portal.post("/api/v1/validate", &ask(&other, &key)).await.json().await.expect("json")),
        "TOO_MANY_MACHINES"
    );
    sqlx::query("UPDATE licenses SET status = 'suspended' WHERE id = $1")
        .bind(&license_id)
        .execute(&portal.pool)
        .await
        .expect("suspend");
    assert_eq!(
        code(portal.post("/api/v1/validate", &ask(&machine, &key)).await.json().await.expect("json")),
        "SUSPENDED"
    );
    let stranger = tessera_core::ActivationKey::generate().expect("key").to_string();
    assert_eq!(
        code(portal.post("/api/v1/validate", &ask(&machine, &stranger)).await.json().await.expect("json")),
        "KEY_NOT_FOUND"
    );
});

on_both_databases!(every_response_is_signed_by_the_published_key, |portal: common::TestPortal| async move {
    let keys = portal.trusted_keys().await;
    for (path, body) in
        [("/api/v1/keys", None), ("/api/v1/validate", Some(json!({"nonsense": true}))), ("/api/v1/nowhere", None)]
    {
        let response = match &body {
            Some(body) => portal.post(path, body).await,
            None => portal.get(path).await,
        };
        let method = if body.is_some() { "POST" } else { "GET" };
        let status = response.status().as_u16();
        let date = response.headers().get("date").and_then(|v| v.to_str().ok()).expect("Date header").to_owned();
        let signature =
            response.headers().get(api::SIGNATURE_HEADER).and_then(|v| v.to_str().ok()).expect("signature").to_owned();
        let bytes = response.bytes().await.expect("body");
        let message = api::response_message(method, path, status, &date, "", &bytes);
        api::verify_response(&keys, &signature, &message).unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let forged = api::response_message(method, path, 200, &date, "", b"{\"valid\":true}");
        assert!(api::verify_response(&keys, &signature, &forged).is_err(), "{path}: a changed body must not verify");
    }
});

#[test]
fn a_request_for_the_sample_vector_still_decodes() {
    // The committed core vector is the request format the portal receives; keep them in step.
    let text = include_str!("../../core/tests/vectors/activation-request.txt");
    assert!(ActivationRequest::decode(text).expect("decode").verify_self_signed().is_ok());
}

on_both_databases!(
    an_answer_names_the_requests_nonce_so_it_cannot_be_replayed_for_another,
    |portal: common::TestPortal| async move {
        let keys = portal.trusted_keys().await;
        let response = portal
            .client
            .get(format!("{}/api/v1/keys", portal.url))
            .header(api::NONCE_HEADER, "3f9a0c11d2e4")
            .send()
            .await
            .expect("request");
        let date = response.headers()["date"].to_str().expect("date").to_owned();
        let signature = response.headers()[api::SIGNATURE_HEADER].to_str().expect("signature").to_owned();
        let body = response.bytes().await.expect("body");
        let genuine = api::response_message("GET", "/api/v1/keys", 200, &date, "3f9a0c11d2e4", &body);
        api::verify_response(&keys, &signature, &genuine).expect("bound to its own nonce");
        for other in ["", "3f9a0c11d2e5"] {
            let replayed = api::response_message("GET", "/api/v1/keys", 200, &date, other, &body);
            assert!(api::verify_response(&keys, &signature, &replayed).is_err(), "passed for nonce {other:?}");
        }
    }
);

on_both_databases!(
    a_replayed_request_file_does_not_take_a_seat_again_after_deactivation,
    |portal: common::TestPortal| async move {
        let license_id = portal.add_license("RP", 2).await;
        let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
        let machine = TestMachine::new(30, "load-RP");
        let body = machine.activation_body(&key);
        assert_eq!(portal.post("/api/v1/activations", &body).await.status(), StatusCode::CREATED);
        assert_eq!(
            portal.post("/api/v1/activations", &body).await.status(),
            StatusCode::OK,
            "re-sent while active: a renewal"
        );
        let nonce = Nonce::generate().expect("nonce");
        let deactivated = machine_call(&portal, &machine, "/api/v1/deactivate", &license_id, &machine.key, nonce).await;
        assert_eq!(deactivated.status(), StatusCode::OK);
        let (status, answer) = json_of(portal.post("/api/v1/activations", &body).await).await;
        assert_eq!((status, answer["code"].as_str()), (StatusCode::CONFLICT, Some("REPLAYED")), "{answer}");
        assert_eq!(
            portal.post("/api/v1/activations", &machine.activation_body(&key)).await.status(),
            StatusCode::CREATED,
            "a new request works"
        );
    }
);

on_both_databases!(a_machine_on_an_expired_license_moves_to_a_usable_one, |portal: common::TestPortal| async move {
    let old = portal.add_license("OLD", 1).await;
    let key = tessera_core::ActivationKey::parse(&portal.demo.customers[1].activation_key).expect("key");
    let machine = TestMachine::new(31, "load-OLD");
    assert_eq!(portal.post("/api/v1/activations", &machine.activation_body(&key)).await.status(), StatusCode::CREATED);
    sqlx::query("UPDATE licenses SET expires_at = 1 WHERE id = $1")
        .bind(&old)
        .execute(&portal.pool)
        .await
        .expect("expire");
    let (status, answer) = json_of(portal.post("/api/v1/activations", &machine.activation_body(&key)).await).await;
    assert_eq!((status, answer["code"].as_str()), (StatusCode::FORBIDDEN, Some("EXPIRED")), "no other license yet");
    // A renewal: a new license of the same product for the same customer.
    let customer: String = sqlx::query_scalar("SELECT customer_id FROM licenses WHERE id = $1")
        .bind(&old)
        .fetch_one(&portal.pool)
        .await
        .expect("customer");
    tessera_portal::store::licenses::create(
        &portal.pool,
        &tessera_portal::store::licenses::NewLicense {
            serial: &tessera_portal::domain::Serial::parse("serial", "NEW").expect("serial"),
            customer_id: &customer,
            order_id: None,
            product_id: "load-OLD",
            edition: "Standard",
            features: &[],
            users: 1,
            max_machines: 1,
            issued_at: Timestamp::now().unix(),
            expires_at: None,
        },
    )
    .await
    .expect("renewal")
    .expect("a serial of its own");
    let (status, answer) = json_of(portal.post("/api/v1/activations", &machine.activation_body(&key)).await).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let license = LicenseFile::decode(answer["license"].as_str().expect("license")).expect("decode");
    assert_eq!(license.verify(&portal.trusted_keys().await).expect("verify").serial, "NEW");
    let old_seats: i64 = sqlx::query_scalar("SELECT used_machines FROM licenses WHERE id = $1")
        .bind(&old)
        .fetch_one(&portal.pool)
        .await
        .expect("used");
    assert_eq!(old_seats, 0, "the seat on the expired license was given back");
    let validation: Value = portal
        .post(
            "/api/v1/validate",
            &json!({ "activation_key": key.to_string(), "product": "load-OLD", "fingerprint": machine.fingerprint().digest().to_hex() }),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        (validation["code"].as_str(), validation["serial"].as_str()),
        (Some("VALID"), Some("NEW")),
        "{validation}"
    );
});

#[tokio::test]
async fn a_wrong_method_is_405_with_the_json_error_shape() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("portal");
    let (status, body) = json_of(portal.get("/api/v1/activations").await).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::METHOD_NOT_ALLOWED, Some("METHOD_NOT_ALLOWED")));
}
