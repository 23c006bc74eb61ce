//! The `billing quote` JSON contract: the worked examples in and out, and bad input refused
//! with a message naming the field.

use serde_json::{Value, json};
use tessera_billing::{Error, quote_json};

fn answer(input: &Value) -> Value {
    let output = quote_json(&input.to_string()).expect("quoted");
    serde_json::from_str(&output).expect("JSON")
}

fn example(changes: &Value) -> Value {
    json!({"currency": "EUR", "interval": "month", "anchor": "2027-03-01",
           "plan": {"id": "pro", "unit_price": "10.00"}, "quantity": 5, "changes": changes})
}

#[test]
fn example_1_answers_7_74_now_and_70_00_from_april() {
    let output = answer(&example(&json!([{"at": "2027-03-20", "quantity": 7}])));

    assert_eq!(output["period"], json!({"start": "2027-03-01", "end": "2027-04-01", "days": 31}));
    let change = &output["changes"][0];
    assert_eq!((&change["days_remaining"], &change["effective"]), (&json!(12), &json!("now")));
    assert_eq!(change["lines"][0]["amount"], "7.74");
    assert_eq!((&output["due_now"], &output["credit_balance"]), (&json!("7.74"), &json!("0.00")));
    assert_eq!(
        output["next_period"],
        json!({"start": "2027-04-01", "interval": "month", "plan": "pro", "quantity": 7, "unit_price": "10.00", "total": "70.00"})
    );
}

#[test]
fn example_2_answers_a_credit_a_charge_and_19_36_due() {
    let output = answer(&example(&json!([{"at": "2027-03-20", "plan": {"id": "business", "unit_price": "20.00"}}])));

    let amounts: Vec<&Value> =
        output["changes"][0]["lines"].as_array().expect("lines").iter().map(|l| &l["amount"]).collect();
    assert_eq!(amounts, [&json!("-19.35"), &json!("38.71")]);
    assert_eq!(output["due_now"], "19.36");
    assert_eq!(output["next_period"]["total"], "100.00");
}

#[test]
fn without_changes_the_first_period_is_quoted() {
    let input = json!({"currency": "JPY", "interval": "year", "anchor": "2028-02-29",
                       "plan": {"id": "pro", "unit_price": "12000"}, "quantity": 2});
    let output = answer(&input);
    assert_eq!(output["period"], json!({"start": "2028-02-29", "end": "2029-02-28", "days": 365}));
    assert_eq!((&output["due_now"], &output["next_period"]["total"]), (&json!("0"), &json!("24000")));
}

#[test]
fn a_cancel_leaves_no_next_period_and_resume_brings_it_back() {
    let cancelled = answer(&example(&json!([{"at": "2027-03-10", "cancel": true}])));
    assert_eq!(
        (&cancelled["changes"][0]["effective"], &cancelled["next_period"]),
        (&json!("2027-04-01"), &Value::Null)
    );
    let resumed =
        answer(&example(&json!([{"at": "2027-03-10", "cancel": true}, {"at": "2027-03-11", "resume": true}])));
    assert_eq!(resumed["next_period"]["start"], "2027-04-01");
}

#[test]
fn what_was_already_invoiced_is_not_due_again() {
    let mut input = example(&json!([{"at": "2027-03-20", "quantity": 7}, {"at": "2027-03-20", "quantity": 7}]));
    input["invoiced"] = json!("7.74");
    assert_eq!(answer(&input)["due_now"], "0.00");
}

#[test]
fn bad_input_is_refused_naming_the_field() {
    let with = |key: &str, value: Value| {
        let mut input = example(&json!([{"at": "2027-03-20", "quantity": 7}]));
        input[key] = value;
        input
    };
    let change = |change: Value| example(&json!([change]));
    for (input, field) in [
        (with("colour", json!("red")), "colour"),
        (with("currency", json!("EURO")), "currency"),
        (with("quantity", json!(-5)), "quantity"),
        (with("quantity", json!("five")), "quantity"),
        (with("interval", json!("week")), "interval"),
        (with("anchor", json!("2027-02-30")), "anchor"),
        (with("plan", json!({"id": "pro", "unit_price": "10.001"})), "plan.unit_price"),
        (with("plan", json!({"id": "pro", "unit_price": 10.0})), "plan.unit_price"),
        (with("plan", json!({"id": "pro", "price": "10.00"})), "price"),
        (change(json!({"at": "2027-03-20", "quantity": -1})), "changes[0].quantity"),
        (example(&json!([{"at": "2027-03-20", "quantity": 7}, {"at": "2027-04-01", "quantity": 8}])), "changes[1].at"),
        (change(json!({"at": "2027-02-20", "quantity": 7})), "changes[0].at"),
        (change(json!({"at": "20 March", "quantity": 7})), "changes[0].at"),
        (change(json!({"at": "2027-03-20", "quantity": 7, "cancel": true})), "changes[0]"),
        (change(json!({"at": "2027-03-20", "cancel": false})), "changes[0].cancel"),
        (change(json!({"at": "2027-03-20", "interval": "year"})), "changes[0].plan"),
        (change(json!({"at": "2027-03-20", "plan": {"id": "x", "unit_price": "1,00"}})), "changes[0].plan.unit_price"),
        (change(json!({"at": "2027-03-20", "seats": 7})), "seats"),
    ] {
        let error = quote_json(&input.to_string()).expect_err(field);
        let message = error.to_string();
        assert!(message.contains(field), "{field}: {message}");
        assert!(matches!(error, Error::Invalid { .. } | Error::BadQuote(_)), "{field}: {error:?}");
    }
    assert!(matches!(quote_json("{"), Err(Error::BadQuote(_))));
}
