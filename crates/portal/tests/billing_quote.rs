//! `tessera-portal billing quote` as a vendor's script runs it: JSON on stdin, the worked
//! examples of shared/BILLING.md answered on stdout, bad input refused with status 2 and the
//! field named, and no database touched.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn quote(input: &str) -> Output {
    // A data directory that does not exist: the command must not need one.
    let dir = std::env::temp_dir().join(format!("tessera-billing-quote-{}-absent", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tessera-portal"))
        .arg("--data-dir")
        .arg(&dir)
        .args(["billing", "quote"])
        .env("TESSERA_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tessera-portal runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("request written");
    let output = child.wait_with_output().expect("tessera-portal ends");
    assert!(!dir.exists(), "billing quote created the data directory");
    output
}

fn answer(input: &Value) -> Value {
    let output = quote(&input.to_string());
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

fn five_pro_users_changing(change: &Value) -> Value {
    json!({"currency": "EUR", "interval": "month", "anchor": "2027-03-01",
           "plan": {"id": "pro", "unit_price": "10.00"}, "quantity": 5, "changes": [change]})
}

#[test]
fn example_1_two_more_users_on_the_20th_cost_7_74_now_and_70_00_a_month() {
    let output = answer(&five_pro_users_changing(&json!({"at": "2027-03-20", "quantity": 7})));

    assert_eq!(output["period"], json!({"start": "2027-03-01", "end": "2027-04-01", "days": 31}));
    assert_eq!(output["changes"][0]["days_remaining"], 12);
    assert_eq!(output["changes"][0]["effective"], "now");
    assert_eq!(output["due_now"], "7.74");
    assert_eq!(output["next_period"]["start"], "2027-04-01");
    assert_eq!(output["next_period"]["total"], "70.00");
}

#[test]
fn example_2_an_upgrade_on_the_20th_credits_19_35_charges_38_71_and_19_36_is_due() {
    let upgrade = json!({"at": "2027-03-20", "plan": {"id": "business", "unit_price": "20.00"}});
    let output = answer(&five_pro_users_changing(&upgrade));

    let lines = output["changes"][0]["lines"].as_array().expect("lines");
    let amounts: Vec<&str> = lines.iter().map(|line| line["amount"].as_str().expect("amount")).collect();
    assert_eq!(amounts, ["-19.35", "38.71"]);
    assert_eq!(output["due_now"], "19.36");
    assert_eq!(output["credit_balance"], "0.00");
    assert_eq!(output["next_period"]["plan"], "business");
}

#[test]
fn bad_input_exits_with_status_2_naming_the_field() {
    let mut unknown_field = five_pro_users_changing(&json!({"at": "2027-03-20", "quantity": 7}));
    unknown_field["discount"] = json!("5.00");
    let mut unknown_currency = five_pro_users_changing(&json!({"at": "2027-03-20", "quantity": 7}));
    unknown_currency["currency"] = json!("EURO");
    let negative = five_pro_users_changing(&json!({"at": "2027-03-20", "quantity": -3}));
    for (input, field, why) in [
        (unknown_field, "discount", "an unknown field"),
        (unknown_currency, "currency", "an unknown currency"),
        (negative, "changes[0].quantity", "a negative quantity"),
    ] {
        let output = quote(&input.to_string());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{why}: {stderr}");
        assert!(stderr.contains(field), "{why}: {stderr}");
        assert!(output.stdout.is_empty(), "{why}: nothing on stdout");
    }
}
