//! The back office from the shell: products, editions, customers, orders and licenses through
//! the real `tessera-portal admin` commands, then activation with the printed key.

mod common;

use std::process::Command;

use common::TestMachine;
use reqwest::StatusCode;

fn admin(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_tessera-portal"))
        .arg("--data-dir")
        .arg(dir)
        .arg("admin")
        .args(args)
        .env("TESSERA_LOG", "warn")
        .output()
        .expect("tessera-portal runs");
    let text =
        String::from_utf8_lossy(if output.status.success() { &output.stdout } else { &output.stderr }).into_owned();
    (output.status.success(), text)
}

#[tokio::test]
async fn a_vendor_sets_up_a_customer_from_the_shell_and_the_key_activates() {
    let dir = std::env::temp_dir().join(format!("tessera-admin-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let steps: [&[&str]; 4] = [
        &["add-product", "--id", "globex-cad", "--name", "Globex CAD", "--match-policy", "exact"],
        &["add-edition", "--product", "globex-cad", "--name", "Pro", "--sku", "CAD-PRO", "--features", "3d, render"],
        &[
            "add-customer",
            "--company",
            "Initech",
            "--email",
            "Ops@Initech.example",
            "--country",
            "Bulgaria",
            "--city",
            "Sofia",
        ],
        &[
            "add-order",
            "--customer-email",
            "ops@initech.example",
            "--reference",
            "JWT777",
            "--item",
            "CAD-PRO-2:2:50000:Globex CAD Pro",
        ],
    ];
    let mut key = None;
    for step in steps {
        let (ok, out) = admin(&dir, step);
        assert!(ok, "{step:?}: {out}");
        if let Some(at) = out.find("activation key ") {
            key = Some(out[at + "activation key ".len()..].trim().to_owned());
        }
    }
    let (ok, out) = admin(
        &dir,
        &[
            "add-license",
            "--customer-email",
            "ops@initech.example",
            "--product",
            "globex-cad",
            "--edition",
            "Pro",
            "--users",
            "2",
            "--machines",
            "1",
            "--order",
            "JWT777",
            "--serial",
            "G1",
            "--term-days",
            "365",
            "--support-years",
            "1",
        ],
    );
    assert!(ok, "{out}");
    let (ok, listed) = admin(&dir, &["licenses", "--customer-email", "ops@initech.example"]);
    assert!(ok && listed.starts_with("G1\tglobex-cad\tPro\t2 users\t0/1 machines\tactive"), "{listed}");

    // Mistakes get a clear message and change nothing.
    for (args, expected) in [
        (
            &["add-customer", "--company", "X", "--email", "ops@initech.example", "--country", "X", "--city", "X"][..],
            "exists already",
        ),
        (
            &["add-license", "--customer-email", "nobody@example.com", "--product", "globex-cad", "--edition", "Pro"][..],
            "no customer",
        ),
        (
            &["add-license", "--customer-email", "ops@initech.example", "--product", "globex-cad", "--edition", "Max"]
                [..],
            "no edition Max",
        ),
        (
            &["add-order", "--customer-email", "ops@initech.example", "--reference", "JWT8", "--item", "CAD-PRO:two:1"]
                [..],
            "is not SKU",
        ),
        (&["set-status", "--serial", "NOPE", "revoked"][..], "no license has serial NOPE"),
        (
            &["set-status", "--serial", "G1/2", "revoked"][..],
            "may hold letters, digits, `-`, `_` and `.` only, not '/'",
        ),
        (
            &[
                "add-license",
                "--customer-email",
                "ops@initech.example",
                "--product",
                "globex-cad",
                "--edition",
                "Pro",
                "--serial",
                "g1",
            ][..],
            "serial G1 exists already",
        ),
        // Numbers out of range are refused with the allowed range, before anything is stored.
        (
            &["add-product", "--id", "huge", "--name", "Huge", "--refresh-days", "100000000"][..],
            "100000000 is not in 1..=3650",
        ),
        (&["add-product", "--id", "huge", "--name", "Huge", "--grace-days=-1"][..], "-1 is not in 0..=3650"),
        (
            &[
                "add-license",
                "--customer-email",
                "ops@initech.example",
                "--product",
                "globex-cad",
                "--edition",
                "Pro",
                "--term-days",
                "9223372036854775807",
            ][..],
            "9223372036854775807 is not in 1..=36500",
        ),
        (
            &[
                "add-order",
                "--customer-email",
                "ops@initech.example",
                "--reference",
                "JWT9",
                "--item",
                "CAD-PRO:1:10000000000000",
            ][..],
            "unit price 0 to 10^12",
        ),
    ] {
        let (ok, out) = admin(&dir, args);
        assert!(!ok && out.contains(expected), "{args:?}: {out}");
    }

    // The same data dir now serves, and the printed key activates the license.
    let mut config = tessera_portal::Config::for_data_dir(dir.clone());
    config.listen = "127.0.0.1:0".parse().expect("address");
    let portal = tessera_portal::Portal::build(&config).await.expect("portal");
    let url = format!("http://{}", portal.address().expect("address"));
    tokio::spawn(portal.serve());
    let key = tessera_core::ActivationKey::parse(&key.expect("a printed key")).expect("key parses");
    let machine = TestMachine::new(900, "globex-cad");
    let response = reqwest::Client::new()
        .post(format!("{url}/api/v1/activations"))
        .json(&machine.activation_body(&key))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::CREATED);
    // Serials are quoted in any case: `g1` is the license G1.
    let (ok, out) = admin(&dir, &["set-status", "--serial", "g1", "revoked", "--reason", "refunded"]);
    assert!(ok && out.contains("license G1 is now revoked"), "{out}");
    let again = reqwest::Client::new()
        .post(format!("{url}/api/v1/activations"))
        .json(&machine.activation_body(&key))
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), StatusCode::FORBIDDEN, "a revoked license does not re-activate");
    let _ = std::fs::remove_dir_all(&dir);
}
